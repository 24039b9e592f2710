//go:build e2e && !wasm

package main

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/micromedia/rmacheck"
	"github.com/stretchr/testify/require"
)

// TestBenchWeb reports the widget's size and speed figures (make bench-web).
// It asserts nothing about them: goals are for docs/performance.md, not for CI.
func TestBenchWeb(t *testing.T) {
	if os.Getenv("RMA_BENCH") == "" {
		t.Skip("RMA_BENCH not set (make bench-web)")
	}
	report := func(format string, args ...any) { fmt.Printf("bench: "+format+"\n", args...) }

	size := func(name string) int64 {
		st, err := os.Stat(filepath.Join("web", name))
		if err != nil {
			return -1
		}
		return st.Size()
	}
	report("app.wasm raw %d B, gzip -9 %d B, brotli -q 11 -w 22 %d B (budget br <= %d B)", size("app.wasm"), size("app.wasm.gz"), size("app.wasm.br"), wasmBudget)

	const runs = 5
	if os.Getenv("RMA_BENCH_PHONE") != "0" { // RMA_BENCH_PHONE=0: the desktop figures only
		tbNew := func() (*tab, func()) {
			ctx, cancel := chromedp.NewContext(sharedBrowser(t))
			tb := &tab{t: t, ctx: ctx}
			tb.console = recordConsole(t, ctx)
			return tb, cancel
		}
		widget := benchPhone(report, tbNew, runs)
		if dir := os.Getenv("RMA_BENCH_FLOOR"); dir != "" { // make bench-web: the widget's files with the floor's app.wasm
			benchPhoneFloor(report, tbNew, runs, dir, widget)
		}
	}

	// Cold: a new origin each time, so no HTTP cache, no service worker.
	var cold []float64
	for i := 0; i < runs; i++ {
		ts := widgetServer(t, nil)
		tb := openTab(t, ts.URL+"/#lang=en")
		cold = append(cold, js[float64](tb, `window.rmacheckReadyAt`))
	}
	lo, hi := minMax(cold)
	report("desktop: navigation to wasm ready (decisions live), cold: median %.0f ms (min %.0f, max %.0f) %v", median(cold), lo, hi, rounded(cold))

	// Warm offline: first visit fills the service worker's cache, then the
	// server stops and the page reloads.
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	ts := httptest.NewServer(s)
	tb := openTab(t, ts.URL+"/#lang=en")
	tb.do(chromedp.Poll[chromedp.Void](`caches.match("/web/app.wasm").then(r => !!r)`, chromedp.WithPollingTimeout(30*time.Second)))
	ts.CloseClientConnections()
	ts.Close()
	var warm []float64
	for i := 0; i < runs; i++ {
		tb.do(chromedp.Reload())
		tb.waitReady()
		warm = append(warm, js[float64](tb, `window.rmacheckReadyAt`))
	}
	lo, hi = minMax(warm)
	report("desktop: navigation to wasm ready, warm offline: median %.0f ms (min %.0f, max %.0f) %v", median(warm), lo, hi, rounded(warm))

	// Re-render: toggle a checkbox that flips the decision, until the status
	// line changes.
	tb.typeBrand("Acco")
	tb.fill("accessory", daysAgo(20))
	tb.waitJS(`document.getElementById("rc-status").textContent === "Eligible for a return"`)
	times := js[[]float64](tb, fmt.Sprintf(`(async () => {
		const out = [];
		for (let i = 0; i < %d; i++) {
			const before = document.getElementById("rc-status").textContent;
			const done = new Promise(resolve => {
				const t0 = performance.now();
				const mo = new MutationObserver(() => {
					const st = document.getElementById("rc-status");
					if (st && st.textContent !== before) { mo.disconnect(); resolve(performance.now() - t0); }
				});
				mo.observe(document.getElementById("rc-root"), {subtree: true, childList: true, characterData: true, attributes: true});
				document.getElementById("rc-proof").click();
			});
			out.push(await done);
			await new Promise(r => setTimeout(r, 100));
		}
		return out;
	})()`, runs))
	lo, hi = minMax(times)
	report("desktop: decision re-rendered after a change: median %.1f ms (min %.1f, max %.1f) %v (goal <= 16 ms)", median(times), lo, hi, rounded(times))
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func rounded(v []float64) []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = fmt.Sprintf("%.0f", x)
	}
	return out
}
