//go:build e2e && !wasm

package main

import (
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/webapp/site"
)

// cspProbe runs in every document's main world: it lists the CSP
// violations in data-probe-csp, and on a "rc-test-fetch" event fetches
// the URL in data-test-url from the page's own world, writing "sent" or
// "refused" in data-test-fetch.
const cspProbe = `(() => {
  const seen = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    seen.push(e.effectiveDirective + " " + e.blockedURI);
    document.documentElement.setAttribute("data-probe-csp", JSON.stringify(seen));
  });
  document.addEventListener("rc-test-fetch", () => {
    const html = document.documentElement;
    fetch(html.getAttribute("data-test-url"), {mode: "no-cors"}).then(() => html.setAttribute("data-test-fetch", "sent"), () => html.setAttribute("data-test-fetch", "refused"));
  });
})();`

// The widget's pages send a CSP that enforces the privacy promise (issue
// 28): the widget runs under it with no violation, with the host's theme,
// and a request from inside the widget to another origin is refused by
// the browser before it leaves.
func TestContentSecurityPolicy(t *testing.T) {
	dir := siteDir(t)
	var reached atomic.Int32
	p := servePair(t, dir, func(widget string) http.Handler {
		shop := testShop(`data-lang="en" data-accent="teal" data-radius="12px"`, `<rma-check id="w"></rma-check>`)(widget)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/collect" {
				reached.Add(1)
				return
			}
			shop.ServeHTTP(w, r)
		})
	}, true)
	res, err := http.Get(p.widget.URL + "/")
	require.NoError(t, err)
	res.Body.Close()
	assert.True(t, strings.HasPrefix(res.Header.Get("Content-Security-Policy"), site.Policy+"; frame-ancestors "), res.Header.Get("Content-Security-Policy"))
	assert.Equal(t, site.Permissions, res.Header.Get("Permissions-Policy"))

	ctx := newTab(t)
	_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspProbe})
	require.NoError(t, err)
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "ready"; })`))
	id := divID(t, ctx, "w")
	part := "id=" + id + "&"
	got := drive[string](t, ctx, id, `await brand("HyperX", "hyperx"); await category("accessory"); await purchase("`+day(-3)+`");
		var h = await answerOf("micromedia-rma");
		var s = getComputedStyle(document.getElementById("rc-root"));
		return h + " | " + s.getPropertyValue("--rc-accent").trim() + " " + s.getPropertyValue("--rc-radius").trim();`)
	assert.Contains(t, got, "HyperX")
	assert.True(t, strings.HasSuffix(got, " | teal 12px"), "the theme applies under the CSP: %s", got)
	violations, err := inFrame[string](ctx, part, `document.documentElement.getAttribute("data-probe-csp") || ""`)
	require.NoError(t, err)
	assert.Empty(t, violations, "the widget runs under its CSP without a violation")

	_, err = inFrame[bool](ctx, part, fmt.Sprintf(`document.documentElement.setAttribute("data-test-url", %q); document.dispatchEvent(new Event("rc-test-fetch")); true`, p.shop.URL+"/collect"))
	require.NoError(t, err)
	require.NoError(t, pollFrame(ctx, part, `document.documentElement.getAttribute("data-test-fetch") !== null`))
	outcome, err := inFrame[string](ctx, part, `document.documentElement.getAttribute("data-test-fetch") + " " + document.documentElement.getAttribute("data-probe-csp")`)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(outcome, "refused "), outcome)
	assert.Contains(t, outcome, "connect-src "+p.shop.URL+"/collect")
	assert.Zero(t, reached.Load(), "the request never left the browser")
}
