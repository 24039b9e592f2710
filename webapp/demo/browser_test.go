//go:build e2e && !wasm

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// One headless Chromium for the whole package; each test gets its own tab.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserErr    error
	browserCancel = func() {}
)

func TestMain(m *testing.M) {
	code := m.Run()
	browserCancel()
	os.Exit(code)
}

// needBrowser skips the test when Chromium is missing, or fails it when
// RMA_E2E=required (CI).
func needBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("RMA_E2E") == "required" {
		t.Fatal("chromium not found and RMA_E2E=required: install it (apt-get install -y chromium)")
	}
	t.Skip("chromium not found: skipping the browser test (apt-get install -y chromium; RMA_E2E=required makes this fail)")
	return ""
}

// newTab opens a fresh tab in the shared browser. The tab and its context
// end with the test (or after 60 s).
func newTab(t *testing.T) context.Context {
	t.Helper()
	exe := needBrowser(t)
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "rmacheck-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		actx, acancel := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(exe),
			chromedp.UserDataDir(dir),
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("headless", true),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.WindowSize(1200, 900),
		)
		bctx, bcancel := chromedp.NewContext(actx)
		if err := chromedp.Do(bctx); err != nil { // start the browser
			browserErr = err
		}
		browserCtx = bctx
		browserCancel = func() { bcancel(); acancel(); os.RemoveAll(dir) }
	})
	require.NoError(t, browserErr, "starting chromium")
	ctx, cancel := chromedp.NewContext(browserCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	if os.Getenv("RMA_DEBUG") != "" {
		// Print the console of the page and its frames.
		console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
		exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
		go func() {
			for ev, err := range console {
				if err != nil {
					return
				}
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				t.Logf("console.%s: %s", ev.Type, strings.Join(parts, " "))
			}
		}()
		go func() {
			for ev, err := range exceptions {
				if err != nil {
					return
				}
				t.Logf("exception: %s %v", ev.ExceptionDetails.Text, ev.ExceptionDetails.Exception)
			}
		}()
	}
	return ctx
}

// frameID returns the id of the first child frame whose URL contains part.
func frameID(ctx context.Context, part string) (cdp.FrameID, error) {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return "", err
	}
	var walk func(ft *page.FrameTree) cdp.FrameID
	walk = func(ft *page.FrameTree) cdp.FrameID {
		if ft.Frame.ParentID != "" && strings.Contains(ft.Frame.URL+ft.Frame.URLFragment, part) {
			return ft.Frame.ID
		}
		for _, c := range ft.ChildFrames {
			if id := walk(c); id != "" {
				return id
			}
		}
		return ""
	}
	if id := walk(tree.FrameTree); id != "" {
		return id, nil
	}
	return "", fmt.Errorf("no frame with %q in its URL", part)
}

// inFrame evaluates expr in an isolated world of the iframe whose URL
// contains part: it shares the frame's DOM (and its events), not its
// JavaScript globals. Cross-origin frames are out of reach of the top page,
// not of the DevTools protocol.
func inFrame[T any](ctx context.Context, part, expr string) (T, error) {
	var zero T
	id, err := frameID(ctx, part)
	if err != nil {
		return zero, err
	}
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: id, WorldName: "rmacheck-test"})
	if err != nil {
		return zero, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) {
		p.ContextID = world.ExecutionContextID
		p.AwaitPromise = new(true)
	}))
}

// pollFrame evaluates expr in the frame until it returns true.
func pollFrame(ctx context.Context, part, expr string) error {
	var last error
	for {
		ok, err := inFrame[bool](ctx, part, expr)
		if err == nil && ok {
			return nil
		}
		last = err
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting in frame %q for %s: %w (last error: %v)", part, expr, ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// poll evaluates expr in the top page until it is true.
func poll(ctx context.Context, expr string) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		return fmt.Errorf("waiting for %s: %w", expr, err)
	}
	return nil
}

func eval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) { p.AwaitPromise = new(true) }))
}

// frameURLs lists the URLs of the page's child frames.
func frameURLs(ctx context.Context) ([]string, error) {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range tree.FrameTree.ChildFrames {
		out = append(out, c.Frame.URL)
	}
	return out, nil
}
