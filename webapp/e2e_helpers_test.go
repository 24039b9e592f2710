//go:build e2e && !wasm

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/require"
)

// The browser tests share one Chromium process; each test opens tabs in it.
// Without Chromium or app.wasm they skip, unless RMA_E2E=required.

var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
)

func TestMain(m *testing.M) {
	g, err := sdk.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	route(g, nil, noBrowser{}, earlyInput{})
	code := m.Run()
	if browserCancel != nil {
		browserCancel()
	}
	os.Exit(code)
}

// unavailable skips the test, or fails it when RMA_E2E=required.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("RMA_E2E") == "required" {
		t.Fatalf("browser test cannot run (RMA_E2E=required): %s", msg)
	}
	t.Skipf("skipping browser test: %s (set RMA_E2E=required to fail instead)", msg)
}

func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// sharedBrowser returns the shared browser's context.
func sharedBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		unavailable(t, "no chromium in PATH (apt-get install chromium)")
	}
	if _, err := os.Stat(filepath.Join("web", "app.wasm")); err != nil {
		unavailable(t, "web/app.wasm not built (make webapp-wasm)")
	}
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "rmacheck-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(exe),
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.UserDataDir(dir),
			chromedp.Flag("headless", true),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.WindowSize(900, 1000),
		)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
			browserErr = err
		}
		browserCtx = ctx
		browserCancel = func() {
			cancelCtx()
			cancelAlloc()
			os.RemoveAll(dir)
		}
	})
	if browserErr != nil {
		unavailable(t, "chromium does not start: %v", browserErr)
	}
	return browserCtx
}

// widgetServer serves the widget on 127.0.0.1 with brands as /brands.json
// (the embedded one when nil). Each server is a new origin, so its storage
// and service worker are its own.
func widgetServer(t *testing.T, brands []byte) *httptest.Server {
	t.Helper()
	if brands == nil {
		brands = rmacheck.BrandsJSON()
	}
	s, err := newServer(serverOptions{WebDir: "web", Brands: brands})
	if err != nil {
		unavailable(t, "%v", err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// tab is one browser tab on the widget.
type tab struct {
	t       *testing.T
	ctx     context.Context
	console *consoleLog
}

// consoleLog keeps the page's console messages; a failed test prints them.
type consoleLog struct {
	mu   sync.Mutex
	msgs []string
}

func (c *consoleLog) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.msgs...)
}

func recordConsole(t *testing.T, ctx context.Context) *consoleLog {
	c := &consoleLog{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			c.mu.Lock()
			c.msgs = append(c.msgs, fmt.Sprint(m))
			c.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			if buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
				name := filepath.Join(os.TempDir(), "rmacheck-"+strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())+".png")
				if os.WriteFile(name, buf, 0o644) == nil {
					t.Log("screenshot:", name)
				}
			}
			for _, m := range c.all() {
				t.Log("console:", m)
			}
		}
	})
	return c
}

// openTab opens a new tab and loads url, waiting until the widget accepts
// input.
func openTab(t *testing.T, url string) *tab {
	t.Helper()
	tb := blankTab(t, 60*time.Second)
	tb.do(chromedp.Navigate(url))
	tb.waitReady()
	return tb
}

// blankTab is a new tab on nothing yet, closed after timeout, for a test
// that opens a page that may not get ready.
func blankTab(t *testing.T, timeout time.Duration) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(sharedBrowser(t))
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	tb := &tab{t: t, ctx: ctx}
	tb.console = recordConsole(t, ctx)
	return tb
}

// claimOffline stops the widget's server, reloads the page, and checks a
// claim on what the service worker cached.
func (tb *tab) claimOffline(ts *httptest.Server) {
	tb.t.Helper()
	ts.CloseClientConnections()
	ts.Close()
	tb.do(chromedp.Reload())
	tb.waitReady()
	tb.typeBrand("HyperX")
	tb.fill("accessory", daysAgo(40))
	tb.waitRoute("brand-direct")
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

func (tb *tab) waitReady() {
	tb.t.Helper()
	tb.do(chromedp.Poll[chromedp.Void](`document.documentElement.dataset.rcReady === "1" && document.getElementById("rc-brand") !== null`,
		chromedp.WithPollingTimeout(30*time.Second)))
}

// js evaluates expr (awaiting a promise) and decodes the result.
func js[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitJS polls until the expression is truthy.
func (tb *tab) waitJS(expr string) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		tb.t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// typeBrand types text in the brand box like a user.
func (tb *tab) typeBrand(text string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.ID("rc-brand")), chromedp.SendKeys(chromedp.ID("rc-brand"), text))
}

// setField sets an input or select by id and fires input and change, as a
// date picker or a select does.
func (tb *tab) setField(id, value string) {
	tb.t.Helper()
	js[chromedp.Void](tb, fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.value = %q;
		el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); })()`, id, value))
}

func (tb *tab) click(id string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.ID(id)))
}

// text is the text of the element with that id ("" when absent).
func (tb *tab) text(id string) string {
	tb.t.Helper()
	return js[string](tb, fmt.Sprintf(`(document.getElementById(%q) || {}).textContent || ""`, id))
}

// route is the route the result card shows ("" when none).
func (tb *tab) route() string {
	tb.t.Helper()
	return js[string](tb, `(document.getElementById("rc-result") || {dataset: {}}).dataset.route || ""`)
}

// waitRoute waits until the result card shows route.
func (tb *tab) waitRoute(route string) {
	tb.t.Helper()
	tb.waitJS(fmt.Sprintf(`(document.getElementById("rc-result") || {dataset: {}}).dataset.route === %q`, route))
}

func (tb *tab) screenshot(path string) {
	tb.t.Helper()
	buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// daysAgo is the local date n days before today, as YYYY-MM-DD.
func daysAgo(n int) string { return time.Now().AddDate(0, 0, -n).Format("2006-01-02") }

// frameTab is a tab on the widget's iframe inside the page of ctx: another
// origin, so its own target. It waits for the widget to be ready.
func frameTab(t *testing.T, ctx context.Context, widgetURL string) *tab {
	t.Helper()
	targets, err := chromedp.Targets(ctx)
	if err != nil {
		t.Fatalf("targets: %v", err)
	}
	frameCtx := ctx
	for _, ti := range targets {
		if ti.Type == "iframe" && strings.HasPrefix(ti.URL, widgetURL) {
			var cancel context.CancelFunc
			frameCtx, cancel = chromedp.NewContext(ctx, chromedp.WithTargetID(ti.TargetID))
			t.Cleanup(cancel)
		}
	}
	if frameCtx == ctx {
		t.Fatal("the widget frame is not its own target (another origin)")
	}
	ft := &tab{t: t, ctx: frameCtx}
	ft.console = recordConsole(t, frameCtx)
	ft.waitReady()
	return ft
}

// openShop serves page (given the shop's own origin, escaped for a URL
// fragment) and opens it on localhost: another site than the widget's
// 127.0.0.1, so the widget's frame is out of process and has its own target.
// It waits until the widget in it is ready and has posted its height; the
// page keeps the widget's messages in window.msgs.
func openShop(t *testing.T, page func(parent string) string) *tab {
	t.Helper()
	shop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page(url.QueryEscape("http://"+r.Host)))
	}))
	t.Cleanup(shop.Close)
	ctx, cancel := chromedp.NewContext(sharedBrowser(t))
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx}
	tb.console = recordConsole(t, ctx)
	tb.do(chromedp.Navigate(strings.Replace(shop.URL, "127.0.0.1", "localhost", 1)))
	tb.do(chromedp.Poll[chromedp.Void](`window.msgs.some(m => m.type === "ready")`, chromedp.WithPollingTimeout(30*time.Second)))
	tb.waitJS(`window.msgs.some(m => m.type === "height" && m.height > 200)`)
	return tb
}

// key sends keys to the focused element, as typing them would.
func (tb *tab) key(keys string) {
	tb.t.Helper()
	tb.do(chromedp.KeyEvent(keys))
}

// focused is the id of the focused element, "" for none.
func (tb *tab) focused() string {
	tb.t.Helper()
	return js[string](tb, `document.activeElement ? document.activeElement.id : ""`)
}

// tabTo presses Tab, at most max times, until element id has the focus,
// and fails the test if it never does.
func (tb *tab) tabTo(id string, max int, what string) {
	tb.t.Helper()
	for i := 0; i < max && tb.focused() != id; i++ {
		tb.key(kb.Tab)
	}
	require.Equal(tb.t, id, tb.focused(), what)
}
