//go:build e2e && !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/micromedia/rmacheck/webapp/site"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests run the real widget from `make site` output (RMA_SITE, by
// default dist/site), served by site.FileServer: a plain static file server
// that follows _headers, no go-app handler.

func siteDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("RMA_SITE")
	if dir == "" {
		dir = filepath.Join("..", "..", "dist", "site")
	}
	if _, err := os.Stat(filepath.Join(dir, site.HeadersFile)); err != nil {
		if os.Getenv("RMA_E2E") == "required" {
			t.Fatalf("no static site in %s (run make site): %v", dir, err)
		}
		t.Skipf("no static site in %s: run make site first (RMA_E2E=required makes this fail)", dir)
	}
	return dir
}

// wasmPath is the URL path of the site's hashed wasm.
func wasmPath(t *testing.T, dir string) string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "web", "app-*.wasm"))
	require.NoError(t, err)
	require.Len(t, m, 1, "one hashed wasm in the site")
	return "/web/" + filepath.Base(m[0])
}

type pair struct {
	widget, shop *httptest.Server
}

// servePair serves the site in dir as the widget origin and shop(widget
// origin) as the shop, each on its own port. With allowShop, frame-ancestors
// lists the shop's origin (the site was built for port 8001). wrap wraps the
// widget origin's handler.
func servePair(t *testing.T, dir string, shop func(widget string) http.Handler, allowShop bool, wrap ...func(http.Handler) http.Handler) pair {
	t.Helper()
	w := httptest.NewUnstartedServer(nil)
	s := httptest.NewUnstartedServer(nil)
	widgetURL := "http://" + w.Listener.Addr().String()
	shopURL := "http://" + s.Listener.Addr().String()
	hs, err := site.LoadHeaders(dir)
	require.NoError(t, err)
	if allowShop {
		require.Equal(t, 1, hs.Set("Content-Security-Policy", site.CSP(shopURL)))
	}
	w.Config.Handler = site.FileServer(dir, hs)
	for _, f := range wrap {
		w.Config.Handler = f(w.Config.Handler)
	}
	s.Config.Handler = shop(widgetURL)
	w.Start()
	s.Start()
	t.Cleanup(w.Close)
	t.Cleanup(s.Close)
	return pair{widget: w, shop: s}
}

// testShop is a shop page with the event recorder, embed.js from the
// widget origin (with script attributes attrs) and body.
func testShop(attrs, body string) func(string) http.Handler {
	return func(widget string) http.Handler {
		html := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>` + recorder +
			`<script src="` + widget + `/embed.js" ` + attrs + ` async></script></head><body>` + body + `</body></html>`
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, html)
		})
	}
}

// driver is a prelude for scripts run in a widget frame's isolated world:
// it drives the widget through its DOM as a user would.
const driver = `
var wait = async function (f, what) {
  var t0 = Date.now();
  for (;;) {
    var v = f();
    if (v) return v;
    if (Date.now() - t0 > 15000) throw new Error("timeout waiting for " + what);
    await new Promise(function (r) { setTimeout(r, 25); });
  }
};
var set = function (el, v) {
  el.value = v;
  el.dispatchEvent(new Event("input", {bubbles: true}));
  el.dispatchEvent(new Event("change", {bubbles: true}));
};
var ready = function () { return document.documentElement.getAttribute("data-rc-ready") === "1"; };
var brand = async function (text, id) {
  await wait(ready, "the widget");
  var box = document.getElementById("rc-brand");
  box.focus();
  set(box, text);
  var opt = await wait(function () { return document.querySelector('#rc-brand-list [data-brand="' + id + '"]'); }, "option " + id);
  opt.dispatchEvent(new MouseEvent("mousedown", {bubbles: true, cancelable: true}));
};
var category = async function (c) { set(await wait(function () { return document.getElementById("rc-category"); }, "category"), c); };
var purchase = async function (day) { set(await wait(function () { return document.getElementById("rc-date"); }, "date"), day); };
var headline = async function () { return (await wait(function () { return document.getElementById("rc-headline"); }, "headline")).textContent; };
var answerOf = async function (route) { return (await wait(function () { return document.querySelector('#rc-result[data-route="' + route + '"] #rc-headline'); }, route + "'s answer")).textContent; };
`

// drive runs the driver and then script (statements; may await) in the
// frame of widget id, and returns the value of the script's last "return".
func drive[T any](t *testing.T, ctx context.Context, id, script string) T {
	t.Helper()
	// The frame's document first: a frame just mounted may not have its URL yet.
	require.NoError(t, pollFrame(ctx, "id="+id+"&", `document.readyState !== "loading"`))
	v, err := inFrame[T](ctx, "id="+id+"&", `(async function () {`+driver+script+`})()`)
	require.NoError(t, err, "in widget %s: %s", id, script)
	return v
}

func day(offset int) string { return time.Now().AddDate(0, 0, offset).Format("2006-01-02") }

// divID returns the widget id embed.js gave the div.
func divID(t *testing.T, ctx context.Context, div string) string {
	t.Helper()
	id, err := eval[string](ctx, `document.getElementById("`+div+`").getAttribute("data-rmacheck-id")`)
	require.NoError(t, err)
	return id
}

// demoShop is the demo shop's handler for servePair, embedding the widget
// at widget.
func demoShop(t *testing.T) func(widget string) http.Handler {
	return func(widget string) http.Handler {
		h, err := shopHandler(widget)
		require.NoError(t, err)
		return h
	}
}

// openDemoShop serves the static site and the demo shop on two origins,
// opens the shop in a new tab and waits for its widget to be ready.
func openDemoShop(t *testing.T) context.Context {
	t.Helper()
	ctx := newTab(t)
	p := servePair(t, siteDir(t), demoShop(t), true)
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `document.querySelector("#log li.ready") !== null`))
	return ctx
}

func TestWidgetInDemoShop(t *testing.T) {
	ctx := openDemoShop(t)
	id := divID(t, ctx, "widget")
	require.NotEmpty(t, id)

	// The iframe takes the height of the widget's document.
	fit := func() (frame, content int) {
		require.NoError(t, poll(ctx, `document.querySelector("#log li.height") !== null`))
		// Wait until the iframe has taken the widget document's height.
		for deadline := time.Now().Add(10 * time.Second); ; {
			f, err := eval[int](ctx, `parseInt(document.querySelector("#widget iframe").style.height)`)
			require.NoError(t, err)
			c := drive[int](t, ctx, id, `return Math.ceil(document.documentElement.getBoundingClientRect().height);`)
			if f == c || time.Now().After(deadline) {
				return f, c
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	before, content := fit()
	assert.Equal(t, content, before, "iframe height = widget document height")

	// A completed claim: HyperX bought 10 days ago is a Micromedia RMA
	// (dead on arrival), 60 days ago the brand handles it.
	tests := []struct {
		purchase string
		route    string
	}{
		{day(-10), "micromedia-rma"},
		{day(-60), "brand-direct"},
	}
	for i, tt := range tests {
		script := `await purchase("` + tt.purchase + `"); return await headline();`
		if i == 0 {
			script = `await brand("HyperX", "hyperx"); await category("accessory"); ` + script
		}
		drive[string](t, ctx, id, script)
		require.NoError(t, poll(ctx, `document.querySelector('#prefill [data-field="route"]').textContent === "`+tt.route+`"`), tt.route)
		got, err := eval[map[string]string](ctx, `(function () { var o = {};
			document.querySelectorAll("#prefill [data-field]").forEach(function (d) { o[d.getAttribute("data-field")] = d.textContent; });
			return o; })()`)
		require.NoError(t, err)
		assert.Equal(t, "hyperx", got["brand"], tt.route)
		assert.Equal(t, tt.purchase, got["purchaseDate"], tt.route)
	}
	n, err := eval[int](ctx, `document.querySelectorAll("#log li.decision").length`)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, n, 2, "the shop logged the decisions")

	after, content := fit()
	assert.Equal(t, content, after, "iframe follows the widget as the result appears")
	assert.Greater(t, after, before, "the result card made the widget taller")

	// A message from the shop page itself (the wrong origin) changes nothing.
	_, err = eval[bool](ctx, fmt.Sprintf(`window.postMessage({source: "rmacheck", id: %q, type: "height", height: 7}, "*");
		window.postMessage({source: "rmacheck", id: %q, type: "decision", decision: {}, claim: {route: "not-returnable"}}, "*");
		window.__sent = false; addEventListener("message", function (e) { if (e.data === "sentinel") window.__sent = true; });
		window.postMessage("sentinel", "*"); true`, id, id))
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `window.__sent === true`))
	// The widget may still settle its own height after the last decision, so
	// compare with its document, not with an earlier reading.
	h, content := fit()
	assert.Equal(t, content, h, "the iframe still follows the widget, not the forged height")
	assert.NotEqual(t, 7, h)
	route, err := eval[string](ctx, `document.querySelector('#prefill [data-field="route"]').textContent`)
	require.NoError(t, err)
	assert.Equal(t, "brand-direct", route)
}

func TestWidgetTwoLanguages(t *testing.T) {
	dir := siteDir(t)
	ctx := newTab(t)
	p := servePair(t, dir, testShop(`data-lang="nl"`, `<div id="a" data-rmacheck data-lang="fr"></div><div id="b" data-rmacheck></div>`), true)
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `count("ready","a") === 1 && count("ready","b") === 1`))
	langs, err := eval[[]string](ctx, `["a","b"].map(function (d) { return window.__events.filter(function (e) { return e.type === "ready" && e.div === d; })[0].detail.lang; })`)
	require.NoError(t, err)
	assert.Equal(t, []string{"fr", "nl"}, langs)

	a, b := divID(t, ctx, "a"), divID(t, ctx, "b")
	tests := []struct {
		div, id, lang, brandText, brandID, category, route string
	}{
		{"a", a, "fr", "ASUS", "asus", "laptop", "brand-direct"},
		{"b", b, "nl", "HyperX", "hyperx", "accessory", "micromedia-rma"},
	}
	var headlines []string
	for _, tt := range tests {
		lang := drive[string](t, ctx, tt.id, `await wait(ready, "ready"); return document.documentElement.lang;`)
		assert.Equal(t, tt.lang, lang, tt.div)
		headlines = append(headlines, drive[string](t, ctx, tt.id, `await brand("`+tt.brandText+`", "`+tt.brandID+`"); await category("`+tt.category+`"); await purchase("`+day(-5)+`"); return await headline();`))
		require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.div === "`+tt.div+`" && e.detail.claim.route === "`+tt.route+`"; })`), tt.div)
		type detail struct {
			ID       string `json:"id"`
			Decision struct {
				Lang  string `json:"lang"`
				Route string `json:"route"`
			} `json:"decision"`
			Claim struct {
				Brand string `json:"brand"`
			} `json:"claim"`
		}
		got, err := eval[detail](ctx, `window.__events.filter(function (e) { return e.type === "decision" && e.div === "`+tt.div+`"; }).pop().detail`)
		require.NoError(t, err)
		assert.Equal(t, tt.id, got.ID, tt.div)
		assert.Equal(t, tt.lang, got.Decision.Lang, tt.div)
		assert.Equal(t, tt.route, got.Decision.Route, tt.div)
		assert.Equal(t, tt.brandID, got.Claim.Brand, tt.div)
	}
	assert.NotEqual(t, headlines[0], headlines[1])
	// Each div only got its own widget's decisions.
	wrong, err := eval[int](ctx, `window.__events.filter(function (e) { return e.type === "decision" &&
		((e.div === "a" && e.detail.claim.brand !== "asus") || (e.div === "b" && e.detail.claim.brand !== "hyperx")); }).length`)
	require.NoError(t, err)
	assert.Zero(t, wrong)
}

type themeStyle struct {
	Accent     string `json:"accent"`
	Button     string `json:"button"`
	Font       string `json:"font"`
	Radius     string `json:"radius"`
	Dark       bool   `json:"dark"`
	Background string `json:"background"`
	Image      string `json:"image"`
	Display    string `json:"display"`
	Evil       int    `json:"evil"`
}

const themeJS = `await wait(ready, "ready");
var root = document.getElementById("rc-root"), cs = getComputedStyle(root);
var pressed = document.querySelector('.rc-lang[aria-pressed="true"]');
var form = document.querySelector(".rc-form");
return {accent: cs.getPropertyValue("--rc-accent").trim(), button: pressed ? getComputedStyle(pressed).backgroundColor : "",
  font: cs.fontFamily, radius: getComputedStyle(form).borderTopLeftRadius, dark: root.classList.contains("rc-dark"),
  background: cs.backgroundColor, image: cs.backgroundImage + getComputedStyle(document.body).backgroundImage,
  display: getComputedStyle(document.body).display,
  evil: performance.getEntriesByType("resource").filter(function (e) { return e.name.indexOf("evil.example") >= 0; }).length};`

func TestWidgetTheme(t *testing.T) {
	dir := siteDir(t)
	ctx := newTab(t)
	p := servePair(t, dir, testShop(`data-lang="en"`, `
<div id="plain" data-rmacheck></div>
<div id="themed" data-rmacheck data-accent="#aa3300" data-font="Georgia, serif" data-radius="12px" data-mode="dark"></div>
<div id="hostile" data-rmacheck data-accent="red;background:url(https://evil.example/x)" data-font="x;}body{display:none}"
     data-radius="8px;background-image:url(https://evil.example/r)" data-mode="dark;color:red"></div>`), true)
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `count("ready","plain") + count("ready","themed") + count("ready","hostile") === 3`))

	styles := map[string]themeStyle{}
	for _, div := range []string{"plain", "themed", "hostile"} {
		styles[div] = drive[themeStyle](t, ctx, divID(t, ctx, div), themeJS)
	}
	plain, themed := styles["plain"], styles["themed"]
	assert.Equal(t, "#aa3300", themed.Accent)
	assert.Equal(t, "rgb(170, 51, 0)", themed.Button, "the accent colours the pressed language button")
	assert.True(t, strings.HasPrefix(themed.Font, "Georgia"), themed.Font)
	assert.Equal(t, "12px", themed.Radius)
	assert.True(t, themed.Dark)
	assert.NotEqual(t, plain.Background, themed.Background, "dark mode changes the background")
	for _, field := range []struct {
		name     string
		plain, t string
	}{
		{"accent", plain.Accent, themed.Accent},
		{"button", plain.Button, themed.Button},
		{"font", plain.Font, themed.Font},
		{"radius", plain.Radius, themed.Radius},
	} {
		assert.NotEqual(t, field.plain, field.t, "the theme changes %s", field.name)
	}
	// A hostile value changes nothing: the hostile widget looks like the plain one.
	assert.Equal(t, plain, styles["hostile"])
	assert.Equal(t, "nonenone", styles["hostile"].Image)
	assert.Zero(t, styles["hostile"].Evil, "no request to evil.example")
}

func TestStaticSiteFrameAncestors(t *testing.T) {
	dir := siteDir(t)
	ctx := newTab(t)
	// The site's own _headers: frame-ancestors lists the demo shop's origins
	// (port 8001), not this shop on a random port, so the browser refuses.
	p := servePair(t, dir, testShop(``, `<div id="a" data-rmacheck></div>`), false)
	res, err := http.Get(p.widget.URL + "/")
	require.NoError(t, err)
	res.Body.Close()
	csp := res.Header.Get("Content-Security-Policy")
	require.True(t, strings.HasPrefix(csp, site.Policy+"; frame-ancestors "), csp)
	require.NotContains(t, csp, p.shop.URL)

	var mu sync.Mutex
	var warnings []string
	go func() {
		for ev, err := range chromedp.Events(ctx, runtime.ConsoleAPICalled) {
			if err != nil {
				return
			}
			for _, a := range ev.Args {
				mu.Lock()
				warnings = append(warnings, string(a.Value))
				mu.Unlock()
			}
		}
	}()
	require.NoError(t, navigate(ctx, p.shop.URL))
	id := divID(t, ctx, "a")
	// Blocked frames show Chromium's error page instead of the widget.
	deadline := time.Now().Add(10 * time.Second)
	var url string
	for time.Now().Before(deadline) {
		urls, err := frameURLs(ctx)
		require.NoError(t, err)
		if len(urls) == 1 {
			url = urls[0]
		}
		if strings.HasPrefix(url, "chrome-error://") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	assert.True(t, strings.HasPrefix(url, "chrome-error://"), "frame URL %q", url)
	n, err := eval[int](ctx, `window.__events.length`)
	require.NoError(t, err)
	assert.Zero(t, n, "no event from a refused frame (id %s)", id)
	// embed.js says why, in one console line that names the fix.
	var line string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && line == ""; time.Sleep(100 * time.Millisecond) {
		mu.Lock()
		for _, w := range warnings {
			if strings.Contains(w, "RMA Check: the widget at") {
				line = w
			}
		}
		mu.Unlock()
	}
	require.NotEmpty(t, line, "a console line about the refused frame")
	assert.Contains(t, line, p.shop.URL+" to the widget server's -frame-ancestors", line)
	assert.Contains(t, line, "FRAME_ANCESTORS", line)
	assert.NotContains(t, line, "\n", "one line")
}

func TestStaticSiteOffline(t *testing.T) {
	dir := siteDir(t)
	wasm := wasmPath(t, dir)
	ctx := newTab(t)
	p := servePair(t, dir, testShop(``, `<div id="a" data-rmacheck></div>`), true)

	// The static server sends the precompressed wasm with the _headers rules.
	req, err := http.NewRequest("GET", p.widget.URL+wasm, nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	res, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "application/wasm", res.Header.Get("Content-Type"))
	assert.Equal(t, site.Immutable, res.Header.Get("Cache-Control"))

	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `count("ready","a") === 1`))
	id := divID(t, ctx, "a")
	// go-app's install handler does not wait for its precache: poll it.
	drive[bool](t, ctx, id, `for (var i = 0; i < 300; i++) {
			if (await caches.match("`+wasm+`") && await caches.match("/")) return true;
			await new Promise(function (r) { setTimeout(r, 50); });
		}
		throw new Error("`+wasm+` never reached the cache");`)

	p.widget.Close()
	_, err = http.Get(p.widget.URL + "/")
	require.Error(t, err, "the widget's server is down")

	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	require.NoError(t, poll(ctx, `count("ready","a") === 1`))
	id = divID(t, ctx, "a")
	drive[string](t, ctx, id, `await brand("ASUS", "asus"); await category("laptop"); return await headline();`)
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.claim.route === "brand-direct"; })`))
}

// newerGuide returns brands.json with a newer date in which ASUS is a
// standard brand, and the route the SDK gives an ASUS claim on it.
func newerGuide(t *testing.T) ([]byte, string) {
	t.Helper()
	var f map[string]any
	require.NoError(t, json.Unmarshal(rmacheck.BrandsJSON(), &f))
	guide := f["guide"].(map[string]any)
	date := "2099-01-01"
	guide["date"] = date
	change := map[string]any{"date": date, "text": map[string]any{"fr": "ASUS standard", "nl": "ASUS standaard", "en": "ASUS standard"}, "brands": []any{"asus"}}
	guide["changes"] = append([]any{change}, guide["changes"].([]any)...)
	for _, b := range f["brands"].([]any) {
		b := b.(map[string]any)
		if b["id"] == "asus" {
			b["special"] = false
			delete(b, "rules")
		}
	}
	data, err := json.Marshal(f)
	require.NoError(t, err)
	g, err := sdk.LoadBytes(data)
	require.NoError(t, err, "the test's newer guide must be valid")
	d, err := g.Evaluate(sdk.Claim{Brand: "ASUS", ClaimDate: sdk.DateOf(2099, 1, 2)}, sdk.Options{})
	require.NoError(t, err)
	require.NotEqual(t, sdk.RouteBrandDirect, d.Route, "the newer guide must change the ASUS decision")
	return data, string(d.Route)
}

func TestStaticSiteBrandsUpdate(t *testing.T) {
	dir := siteDir(t)
	newer, newRoute := newerGuide(t)
	broken := []byte(strings.Replace(string(newer), `"brand-direct"`, `"teleport"`, 1))
	var de *sdk.DataError
	_, err := sdk.LoadBytes(broken)
	require.ErrorAs(t, err, &de)
	brokenPointer := de.Problems[0].Pointer

	tests := []struct {
		name    string
		brands  []byte
		route   string
		date    string
		warn    string
		pointer string
	}{
		{"newer valid guide", newer, newRoute, "2099-01-01", "", ""},
		{"broken guide", broken, "brand-direct", "", "/brands.json ignored", brokenPointer},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			copyDir := t.TempDir()
			require.NoError(t, os.CopyFS(copyDir, os.DirFS(dir)))
			require.NoError(t, os.WriteFile(filepath.Join(copyDir, "brands.json"), tt.brands, 0o644))
			ctx := newTab(t)
			warnings := make(chan string, 100)
			console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
			go func() {
				for ev, err := range console {
					if err != nil {
						return
					}
					for _, a := range ev.Args {
						select {
						case warnings <- string(a.Value):
						default:
						}
					}
				}
			}()
			p := servePair(t, copyDir, testShop(`data-lang="en"`, `<div id="a" data-rmacheck></div>`), true)
			require.NoError(t, navigate(ctx, p.shop.URL))
			require.NoError(t, poll(ctx, `count("ready","a") === 1`))
			id := divID(t, ctx, "a")
			date := drive[string](t, ctx, id, `await brand("ASUS", "asus"); await category("laptop"); await headline();
				await wait(function () { return `+fmt.Sprintf("%q", tt.date)+` === "" || document.getElementById("rc-guide-date").getAttribute("data-date") === `+fmt.Sprintf("%q", tt.date)+`; }, "guide date");
				return document.getElementById("rc-guide-date").getAttribute("data-date");`)
			if tt.date != "" {
				assert.Equal(t, tt.date, date, "the footer shows the new guide's date")
			} else {
				assert.NotEqual(t, "2099-01-01", date)
			}
			require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.claim.route === "`+tt.route+`"; })`))
			last, err := eval[string](ctx, `window.__events.filter(function (e) { return e.type === "decision"; }).pop().detail.claim.route`)
			require.NoError(t, err)
			assert.Equal(t, tt.route, last)
			if tt.warn != "" {
				found := ""
				timeout := time.After(5 * time.Second)
				for found == "" {
					select {
					case w := <-warnings:
						if strings.Contains(w, tt.warn) {
							found = w
						}
					case <-timeout:
						t.Fatal("no console warning about the ignored brands.json")
					}
				}
				assert.Contains(t, found, tt.pointer, "the warning names the JSON pointer of the problem")
				t.Logf("console: %s", found)
			}
		})
	}
}

// TestWidgetDraftSurvivesShopReload: embed.js gives each widget the same id
// on every load of the shop page, so a widget finds its claim in progress
// again after a reload, and a second widget on the page keeps its own.
func TestWidgetDraftSurvivesShopReload(t *testing.T) {
	dir := siteDir(t)
	ctx := newTab(t)
	p := servePair(t, dir, testShop(`data-lang="en"`, `<div id="returns" data-rmacheck></div><div id="second" data-rmacheck data-id="" data-lang="fr"></div>`), true)
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `count("ready","returns") === 1 && count("ready","second") === 1`))
	require.Equal(t, "returns", divID(t, ctx, "returns"))
	require.Equal(t, "second", divID(t, ctx, "second"))
	drive[string](t, ctx, "returns", `await brand("HyperX", "hyperx"); await category("accessory"); await purchase("`+day(-5)+`"); return await headline();`)
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.div === "returns"; })`))

	type state struct {
		Brand    string `json:"brand"`
		Restored bool   `json:"restored"`
	}
	const read = `await wait(ready, "ready"); return {brand: document.getElementById("rc-brand").value, restored: !!document.getElementById("rc-restored")};`
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `count("ready","returns") === 1 && count("ready","second") === 1`))
	assert.Equal(t, state{Brand: "HyperX", Restored: true}, drive[state](t, ctx, "returns", read), "the draft is back after the shop page reloads")
	assert.Equal(t, state{}, drive[state](t, ctx, "second", read), "the other widget has its own (empty) draft")
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.div === "returns" && e.detail.claim.route === "micromedia-rma"; })`),
		"the restored claim's decision reaches the shop")
}

// TestStaticSiteBrandsUpdateOffline publishes a newer brands.json on a site
// whose service worker is installed (same app version): the widget stores
// the new guide in the offline cache, so that it starts on it offline too.
func TestStaticSiteBrandsUpdateOffline(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(siteDir(t))))
	wasm := wasmPath(t, dir)
	newer, newRoute := newerGuide(t)
	ctx := newTab(t)
	p := servePair(t, dir, testShop(`data-lang="en"`, `<div id="a" data-rmacheck></div>`), true)
	cachedDate := `var cached = async function () { var r = await caches.match("/brands.json"); return r ? (await r.json()).guide.date : ""; };`

	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `count("ready","a") === 1`))
	installed := drive[string](t, ctx, "a", cachedDate+`for (var i = 0; i < 300; i++) {
			if (await caches.match("`+wasm+`") && await cached()) return await cached();
			await new Promise(function (r) { setTimeout(r, 50); });
		}
		throw new Error("the service worker never cached the site");`)
	require.NotEqual(t, "2099-01-01", installed)

	// The shop publishes a newer brands.json; the app itself is unchanged.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "brands.json"), newer, 0o644))
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `count("ready","a") === 1`))
	assert.Equal(t, "2099-01-01", drive[string](t, ctx, "a", cachedDate+`
		await wait(function () { var f = document.getElementById("rc-guide-date"); return f && f.getAttribute("data-date") === "2099-01-01"; }, "the newer guide");
		for (var i = 0; i < 200; i++) {
			if (await cached() === "2099-01-01") break;
			await new Promise(function (r) { setTimeout(r, 50); });
		}
		return await cached();`), "the offline cache holds the newer guide")

	// Offline, the widget starts on the newer guide.
	p.widget.Close()
	require.NoError(t, chromedp.Do(ctx, chromedp.Reload()))
	require.NoError(t, poll(ctx, `count("ready","a") === 1`))
	date := drive[string](t, ctx, "a", `await brand("ASUS", "asus"); await category("laptop"); await headline();
		await wait(function () { return document.getElementById("rc-guide-date").getAttribute("data-date") === "2099-01-01"; }, "the newer guide offline");
		return document.getElementById("rc-guide-date").getAttribute("data-date");`)
	assert.Equal(t, "2099-01-01", date)
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.claim.route === "`+newRoute+`"; })`))
}
