//go:build e2e && !wasm

package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/micromedia/rmacheck/webapp/site"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// No setting can stop the widget (issue 28): a #parent the browser would
// refuse is ignored for the referrer's origin, so the widget still answers
// and still talks to its page; a font with a quote left open is refused,
// and the setting after it still applies.
func TestNoSettingStopsTheWidget(t *testing.T) {
	dir := siteDir(t)
	frames := []struct{ id, fragment string }{
		{"port", "parent=http%3A%2F%2F127.0.0.1%3A99999"},
		{"host", "parent=http%3A%2F%2Fa%3Cb"},
		{"font", "font=%22&radius=8px"},
	}
	p := servePair(t, dir, func(widget string) http.Handler {
		page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title><script>
window.__ready = {};
addEventListener("message", function (e) { if (e.data && e.data.source === "rmacheck" && e.data.type === "ready") window.__ready[e.data.id] = true; });
</script></head><body>`
		for _, f := range frames {
			page += fmt.Sprintf(`<iframe title="RMA Check" style="width:100%%;height:900px" src="%s/#id=%s&%s"></iframe>`, widget, f.id, f.fragment)
		}
		page += `</body></html>`
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		})
	}, true)
	ctx := newTab(t)
	require.NoError(t, navigate(ctx, p.shop.URL))
	for _, f := range frames {
		t.Run(f.id, func(t *testing.T) {
			require.NoError(t, poll(ctx, fmt.Sprintf(`window.__ready[%q] === true`, f.id)), "the widget tells its page it is ready")
			got := drive[string](t, ctx, f.id, `await brand("HyperX", "hyperx"); await category("accessory"); await purchase("`+day(-3)+`");
				return await answerOf("micromedia-rma");`)
			assert.Contains(t, got, "HyperX", "the widget answers")
		})
	}
	vars, err := inFrame[[]string](ctx, "id=font&", `(function () { var s = getComputedStyle(document.getElementById("rc-root")); return [s.getPropertyValue("--rc-radius").trim(), s.getPropertyValue("--rc-font").trim().indexOf("system-ui") === 0 ? "default font" : s.getPropertyValue("--rc-font")]; })()`)
	require.NoError(t, err)
	assert.Equal(t, []string{"8px", "default font"}, vars)
}

// A shop removed from frame-ancestors is refused on its next load, also
// for a returning visitor whose browser has the widget offline (issue
// 28): the service worker takes the page from the network first, with the
// host's headers of now.
func TestRevokedShopIsRefusedOnItsNextLoad(t *testing.T) {
	dir := siteDir(t)
	w := httptest.NewUnstartedServer(nil)
	shop := httptest.NewUnstartedServer(nil)
	shopURL := "http://" + shop.Listener.Addr().String()
	hs, err := site.LoadHeaders(dir)
	require.NoError(t, err)
	require.Equal(t, 1, hs.Set("Content-Security-Policy", site.CSP(shopURL)))
	w.Config.Handler = site.FileServer(dir, hs)
	shop.Config.Handler = testShop(`data-lang="en"`, `<rma-check id="w"></rma-check>`)("http://" + w.Listener.Addr().String())
	w.Start()
	shop.Start()
	t.Cleanup(w.Close)
	t.Cleanup(shop.Close)

	ctx := newTab(t)
	require.NoError(t, navigate(ctx, shopURL))
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "ready"; })`))
	// A complete first visit: the widget is offline-ready in this browser.
	require.NoError(t, pollFrame(ctx, "id=w&", `caches.match("/").then(function (r) { return !!r; })`))
	require.Equal(t, 1, hs.Set("Content-Security-Policy", site.CSP("'self'")), "the host revokes the shop")
	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	require.NoError(t, poll(ctx, `document.querySelector("rma-check[data-rmacheck-id]") !== null`))
	time.Sleep(5 * time.Second)
	n, err := eval[int](ctx, `window.__events.filter(function (e) { return e.type === "ready"; }).length`)
	require.NoError(t, err)
	assert.Zero(t, n, "the browser refuses the frame: no word from the widget")
}
