//go:build e2e && !wasm

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeWidgetServer serves embed.js and a stand-in widget that follows the
// widget side of the protocol, on its own origin.
func fakeWidgetServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	file := func(pattern, name, contentType string) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			b, err := os.ReadFile(name)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", contentType)
			w.Write(b)
		})
	}
	file("GET /{$}", "testdata/fakewidget.html", "text/html; charset=utf-8")
	file("GET /rogue.html", "testdata/rogue.html", "text/html; charset=utf-8")
	file("GET /embed.js", "../web/embed.js", "text/javascript; charset=utf-8")
	ts := httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

// pageServer serves one HTML page at / on its own origin.
func pageServer(t *testing.T, html string) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
	}))
	t.Cleanup(ts.Close)
	return ts
}

// recorder is a script for test shop pages: it records every rmacheck:*
// event in window.__events (an early answer's decision as type "early")
// and notes the test's own marker messages.
const recorder = `<script>
window.__events = [];
["ready", "height", "decision"].forEach(function (t) {
  document.addEventListener("rmacheck:" + t, function (e) {
    window.__events.push({type: t === "decision" && e.detail.early ? "early" : t, div: e.target.id, detail: e.detail});
  });
});
window.__marks = {};
addEventListener("message", function (e) {
  if (e.data && (e.data.source === "rogue-done" || e.data.source === "sentinel")) window.__marks[e.data.source] = true;
});
function count(type, div) {
  return window.__events.filter(function (e) { return e.type === type && e.div === div; }).length;
}
function frame(div) { return document.querySelector("#" + div + " iframe"); }
</script>`

type frameInfo struct {
	Count     int               `json:"count"`
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Loading   string            `json:"loading"`
	Scrolling string            `json:"scrolling"`
	Border    string            `json:"border"`
	Width     string            `json:"width"`
	Origin    string            `json:"origin"`
	Path      string            `json:"path"`
	Search    string            `json:"search"`
	Params    map[string]string `json:"params"`
	Ready     map[string]string `json:"ready"` // the params the widget parsed
}

const frameInfoJS = `(function (div) {
  var el = document.getElementById(div), f = el.querySelectorAll("iframe"), u = new URL(f[0].src), p = {};
  u.hash.slice(1).split("&").forEach(function (kv) { var i = kv.indexOf("="); p[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); });
  var ready = window.__events.filter(function (e) { return e.type === "ready" && e.div === div; })[0];
  return {count: f.length, id: el.getAttribute("data-rmacheck-id"), title: f[0].title,
    loading: f[0].getAttribute("loading"), scrolling: f[0].getAttribute("scrolling"),
    border: getComputedStyle(f[0]).borderTopStyle, width: f[0].style.width,
    origin: u.origin, path: u.pathname, search: u.search, params: p, ready: ready ? ready.detail.params : null};
})`

func TestEmbedLoaderWithFakeWidget(t *testing.T) {
	ctx := newTab(t)
	widget := fakeWidgetServer(t)
	shop := pageServer(t, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>`+recorder+`
<script src="`+widget.URL+`/embed.js" data-lang="nl" data-audience="reseller" data-accent="#aa3300" async></script>
</head><body>
<div id="a" data-rmacheck data-lang="fr" data-mode="dark"></div>
<div id="b" data-rmacheck data-font="Georgia, serif"></div>
<div id="c" data-rmacheck data-lang="fr&amp;audience=consumer" data-accent="red;background:url(https://evil.example/x)"></div>
</body></html>`)

	require.NoError(t, navigate(ctx, shop.URL))
	require.NoError(t, poll(ctx, `count("ready","a") + count("ready","b") + count("ready","c") === 3`))

	info := map[string]frameInfo{}
	for _, div := range []string{"a", "b", "c"} {
		fi, err := eval[frameInfo](ctx, frameInfoJS+`("`+div+`")`)
		require.NoError(t, err)
		info[div] = fi
		assert.Equal(t, 1, fi.Count, div)
		assert.Equal(t, widget.URL, fi.Origin, div)
		assert.Equal(t, "/", fi.Path, div)
		assert.Empty(t, fi.Search, "%s: settings go in the fragment, never the query", div)
		assert.Equal(t, "lazy", fi.Loading, div)
		assert.Equal(t, "no", fi.Scrolling, div)
		assert.Equal(t, "none", fi.Border, div)
		assert.Equal(t, "100%", fi.Width, div)
		assert.Equal(t, shop.URL, fi.Params["parent"], div)
		assert.Equal(t, fi.ID, fi.Params["id"], div)
		assert.Regexp(t, `^[A-Za-z0-9_-]{1,64}$`, fi.ID, div)
		assert.Equal(t, "reseller", fi.Params["audience"], "%s: falls back to the script tag", div)
		assert.Equal(t, "#aa3300", info["a"].Params["accent"])
		// The widget got exactly these settings.
		assert.Equal(t, fi.Params, fi.Ready, div)
	}
	tests := []struct {
		div, key, want string
	}{
		{"a", "lang", "fr"},
		{"a", "mode", "dark"},
		{"b", "lang", "nl"},
		{"b", "font", "Georgia, serif"},
		{"c", "lang", "fr&audience=consumer"},
		{"c", "accent", "red;background:url(https://evil.example/x)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, info[tt.div].Params[tt.key], "%s %s", tt.div, tt.key)
	}
	assert.Contains(t, info["a"].Title, "retourné", "French title for a French widget")
	assert.Contains(t, info["b"].Title, "terug", "Dutch title")
	assert.NotEqual(t, info["a"].ID, info["b"].ID)
	assert.NotEqual(t, info["b"].ID, info["c"].ID)
	assert.NotContains(t, info["c"].Params, "mode")

	// The iframe takes the height the widget posts.
	require.NoError(t, poll(ctx, `count("height","a") > 0 && count("height","b") > 0`))
	heightA := frameHeight(t, ctx, "a")
	heightB := frameHeight(t, ctx, "b")
	assert.Greater(t, heightA, 20)
	assert.NotEqual(t, firstHeight, heightA, "the initial height was replaced")

	// Growing widget a resizes a only.
	_, err := inFrame[bool](ctx, "id="+info["a"].ID+"&", `document.dispatchEvent(new CustomEvent("fake-grow", {detail: 400}))`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, fmt.Sprintf(`parseInt(frame("a").style.height) === %d`, heightA+400)))
	last, err := eval[int](ctx, `window.__events.filter(function (e) { return e.type === "height" && e.div === "a"; }).pop().detail.height`)
	require.NoError(t, err)
	assert.Equal(t, heightA+400, last, "rmacheck:height carries the new height")
	assert.Equal(t, heightB, frameHeight(t, ctx, "b"))

	// A decision in widget b fires rmacheck:decision on div b only.
	_, err = inFrame[bool](ctx, "id="+info["b"].ID+"&", `document.dispatchEvent(new CustomEvent("fake-decide", {detail: "brand-direct"}))`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `count("decision","b") === 1`))
	type decisionEvent struct {
		Type   string         `json:"type"`
		Div    string         `json:"div"`
		Detail map[string]any `json:"detail"`
	}
	ev, err := eval[decisionEvent](ctx, `window.__events.filter(function (e) { return e.type === "decision"; })[0]`)
	require.NoError(t, err)
	assert.Equal(t, "b", ev.Div)
	assert.Equal(t, "decision", ev.Detail["type"])
	assert.Equal(t, info["b"].ID, ev.Detail["id"])
	assert.NotContains(t, ev.Detail, "source", "detail is the message without source")
	assert.Equal(t, "brand-direct", ev.Detail["claim"].(map[string]any)["route"])
	assert.Equal(t, "brand-direct", ev.Detail["decision"].(map[string]any)["route"])

	// Messages that do not come from the widget's own iframe change nothing.
	before, err := eval[int](ctx, `window.__events.length`)
	require.NoError(t, err)
	forged := []struct{ name, js, mark string }{
		{"shop page itself", fmt.Sprintf(`window.postMessage({source: "rmacheck", id: %q, type: "height", height: 999}, "*");
			window.postMessage({source: "rmacheck", id: %q, type: "decision", decision: {route: "not-returnable"}, claim: {}}, "*");
			window.postMessage({source: "sentinel"}, "*"); true`, info["a"].ID, info["a"].ID), "sentinel"},
		{"other frame on the widget origin", fmt.Sprintf(`var f = document.createElement("iframe");
			f.src = %q; document.body.appendChild(f); true`, widget.URL+"/rogue.html#id="+info["a"].ID), "rogue-done"},
	}
	for _, f := range forged {
		_, err := eval[bool](ctx, f.js)
		require.NoError(t, err, f.name)
		require.NoError(t, poll(ctx, `window.__marks[`+fmt.Sprintf("%q", f.mark)+`] === true`), f.name)
		after, err := eval[int](ctx, `window.__events.length`)
		require.NoError(t, err)
		assert.Equal(t, before, after, "%s: no event dispatched", f.name)
		assert.Equal(t, heightA+400, frameHeight(t, ctx, "a"), "%s: no resize", f.name)
	}

	// A div added later gets its widget too (MutationObserver), once.
	_, err = eval[bool](ctx, `var d = document.createElement("div"); d.id = "late"; d.setAttribute("data-rmacheck", "");
		d.setAttribute("data-lang", "en"); document.body.appendChild(d); true`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `count("ready","late") === 1`))
	n, err := eval[int](ctx, `window.RMACheckEmbed.scan().length + document.querySelectorAll("#late iframe").length`)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "scan() mounts nothing twice")
}

// TestEmbedStableIDs: each widget gets the same id on every load of the
// page (the widget keeps its draft under that id), and no two widgets on a
// page share one.
func TestEmbedStableIDs(t *testing.T) {
	ctx := newTab(t)
	widget := fakeWidgetServer(t)
	shop := pageServer(t, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>`+recorder+`
<script src="`+widget.URL+`/embed.js" async></script>
</head><body>
<div id="returns" data-rmacheck></div>
<div id="x" data-id="chairs_2" data-rmacheck></div>
<div data-rmacheck></div>
<div id="bad id!" data-id="`+strings.Repeat("y", 65)+`" data-rmacheck></div>
<div data-id="returns" data-rmacheck></div>
<div data-rmacheck></div>
</body></html>`)
	ids := func() []string {
		t.Helper()
		require.NoError(t, poll(ctx, `document.querySelectorAll("[data-rmacheck] iframe").length === 6`))
		got, err := eval[[]string](ctx, `Array.prototype.map.call(document.querySelectorAll("[data-rmacheck]"), function (d) {
			var id = d.getAttribute("data-rmacheck-id"), f = d.querySelector("iframe");
			return ("&" + new URL(f.src).hash.slice(1) + "&").indexOf("&id=" + id + "&") >= 0 ? id : "not in the fragment: " + f.src; })`)
		require.NoError(t, err)
		return got
	}
	want := []string{"returns", "chairs_2", "rmc-3", "rmc-4", "returns-2", "rmc-6"}
	require.NoError(t, navigate(ctx, shop.URL))
	assert.Equal(t, want, ids())
	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	assert.Equal(t, want, ids(), "the same ids after a reload")
}

func frameHeight(t *testing.T, ctx context.Context, div string) int {
	t.Helper()
	h, err := eval[int](ctx, `parseInt(frame("`+div+`").style.height)`)
	require.NoError(t, err)
	return h
}

func navigate(ctx context.Context, url string) error {
	return chromedp.Do(ctx, chromedp.Navigate(url))
}
