//go:build e2e && !wasm

package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
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

	tb := blankTab(t, 90*time.Second)
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

	tb.claimOffline(ts)
}

// An update whose download is cut partway leaves the old version in
// charge: its worker and its complete cache stay, the new worker's half
// cache goes, and the widget works offline as before (issue 28).
func TestE2ECutUpdateKeepsTheOldVersion(t *testing.T) {
	old, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	// The same files and a brands.json one byte longer: another version.
	newer, err := newServer(serverOptions{WebDir: "web", Brands: append(append([]byte{}, rmacheck.BrandsJSON()...), '\n')})
	require.NoError(t, err)
	var cut atomic.Bool
	cut.Store(true)
	var current atomic.Pointer[http.Handler]
	var h http.Handler = old
	current.Store(&h)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { (*current.Load()).ServeHTTP(w, r) }))
	defer ts.Close()

	tb := blankTab(t, 90*time.Second)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=update"))
	tb.waitReady()
	tb.waitJS(`navigator.serviceWorker.getRegistration().then(r => r !== undefined && r.active !== null && r.active.state === "activated")`)
	tb.waitJS(`caches.match("/web/app.wasm").then(r => !!r)`)
	before := js[string](tb, `caches.keys().then(k => k.join(","))`)
	require.NotEmpty(t, before)

	// The new version's worker installs and its precache is cut.
	var wasmRequests atomic.Int32
	cutNewer := cutAfter(newer, 100_000, &cut)
	h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/web/app.wasm") {
			wasmRequests.Add(1)
		}
		cutNewer.ServeHTTP(w, r)
	})
	current.Store(&h)
	js[bool](tb, `navigator.serviceWorker.getRegistration().then(r => r.update().then(() => true, () => true))`)
	tb.waitJS(`navigator.serviceWorker.getRegistration().then(r => !r.installing && !r.waiting)`)
	time.Sleep(500 * time.Millisecond)
	require.Positive(t, wasmRequests.Load(), "the new worker tried its precache")
	assert.Equal(t, before, js[string](tb, `caches.keys().then(k => k.join(","))`), "the old cache alone: the new worker's half cache is gone")
	assert.True(t, js[bool](tb, `navigator.serviceWorker.getRegistration().then(r => r.active !== null)`), "the old worker stays in charge")

	tb.claimOffline(ts)
}

// The page for isolated shop pages (/isolated) is precached with the rest:
// it works offline, with its COEP, after one complete visit (issue 28).
func TestE2EIsolatedPageOffline(t *testing.T) {
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	ts := httptest.NewServer(s)
	defer ts.Close()
	tb := blankTab(t, 90*time.Second)
	tb.do(chromedp.Navigate(ts.URL + "/isolated#lang=en&id=iso"))
	tb.waitReady()
	tb.waitJS(`navigator.serviceWorker.getRegistration().then(r => r !== undefined && r.active !== null && r.active.state === "activated")`)
	coep := `caches.match("/isolated").then(r => r ? r.headers.get("Cross-Origin-Embedder-Policy") : "not cached")`
	assert.Equal(t, "require-corp", js[string](tb, coep))
	tb.claimOffline(ts)
	assert.Equal(t, "/isolated", js[string](tb, `location.pathname`))
}

// cutFirst drops the connection after n bytes of the wasm for its first
// cuts requests.
func cutFirst(h http.Handler, n int, cuts int32) http.Handler {
	var seen atomic.Int32
	var cut atomic.Bool
	cut.Store(true)
	inner := cutAfter(h, n, &cut)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/web/app.wasm") && seen.Add(1) > cuts {
			h.ServeHTTP(w, r)
			return
		}
		inner.ServeHTTP(w, r)
	})
}

// A download cut at 100 KB is fetched again and goes on: the widget
// starts with no reload, the progress line says in words that it tries
// again (never an error's own text), and what was typed stays (issue 28).
func TestE2ECutDownloadIsRetried(t *testing.T) {
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	// The page's fetch and the service worker's precache: both cut once.
	ts := httptest.NewServer(cutFirst(s, 100_000, 2))
	defer ts.Close()
	tb := blankTab(t, 90*time.Second)
	// Every text the progress line shows, from the first paint.
	_, err = chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
  const seen = new Set();
  new MutationObserver(() => {
    const w = document.getElementById("rc-progress");
    if (w && !seen.has(w.textContent)) { seen.add(w.textContent); document.documentElement.setAttribute("data-probe-words", JSON.stringify([...seen])); }
  }).observe(document, {subtree: true, childList: true, characterData: true});
})();`})
	require.NoError(t, err)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=retry"))
	tb.waitJS(`document.getElementById("rc-brand") !== null`)
	tb.typeBrand("Hyper")
	tb.waitReady()
	words := js[string](tb, `document.documentElement.getAttribute("data-probe-words")`)
	assert.Contains(t, words, "The connection dropped: trying again…")
	assert.NotContains(t, words, "Error")
	assert.NotContains(t, words, "could not load")
	assert.Equal(t, "Hyper", js[string](tb, `document.getElementById("rc-brand").value`), "what was typed stays")
	tb.typeBrand("X")
	tb.fill("accessory", daysAgo(40))
	tb.waitRoute("brand-direct")
}
