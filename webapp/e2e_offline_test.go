//go:build e2e && !wasm

package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/micromedia/rmacheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cutAfter serves the first n bytes of the wasm and then drops the
// connection, while cut is set: a phone losing its signal mid-download.
func cutAfter(h http.Handler, n int, cut *atomic.Bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cut.Load() || !strings.HasPrefix(r.URL.Path, "/web/app.wasm") {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		body := rec.Body.Bytes()
		w.Write(body[:min(n, len(body))])
		panic(http.ErrAbortHandler) // the connection drops before the end
	})
}

// A first visit whose download is cut at 100 KB leaves no half-filled
// offline copy: the next complete visit installs the service worker
// again, and the one after works offline (issue 28). go-app's own worker
// installed with an empty cache and never filled it.
func TestE2ECutDownloadThenOffline(t *testing.T) {
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	var cut atomic.Bool
	cut.Store(true)
	ts := httptest.NewServer(cutAfter(s, 100_000, &cut))
	defer ts.Close()

	ctx, cancel := chromedp.NewContext(sharedBrowser(t))
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTimeout()
	tb := &tab{t: t, ctx: ctx}
	tb.console = recordConsole(t, ctx)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=cut"))
	// The worker's install ends, one way or the other.
	tb.waitJS(`navigator.serviceWorker.getRegistration().then(r => r !== undefined && !r.installing && !r.waiting || r === undefined && performance.now() > 5000)`)
	time.Sleep(500 * time.Millisecond)
	state := js[string](tb, `Promise.all([navigator.serviceWorker.getRegistration(), caches.keys()]).then(([r, keys]) => (r && r.active ? "active" : "no worker") + ", " + keys.length + " caches")`)
	assert.Equal(t, "no worker, 0 caches", state, "a cut precache fails the install and leaves nothing")

	cut.Store(false)
	tb.do(chromedp.Reload())
	tb.waitReady()
	tb.waitJS(`navigator.serviceWorker.getRegistration().then(r => r !== undefined && r.active !== null)`)
	tb.waitJS(`caches.match("/web/app.wasm").then(r => !!r)`)

	ts.CloseClientConnections()
	ts.Close()
	tb.do(chromedp.Reload())
	tb.waitReady()
	tb.typeBrand("HyperX")
	tb.fill("accessory", daysAgo(40))
	tb.waitRoute("brand-direct")
}
