//go:build e2e && !wasm

package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"
)

// shopVisit is what one cold phone visit of a shop page measured, in ms
// from the navigation start of the shop page.
type shopVisit struct {
	HostCLS  float64 // the shop page's CLS (largest session window)
	FrameCLS float64 // the widget frame's own, unweighted
	Frame    float64 // the frame's navigation start
	Tappable float64 // a tap at the brand box's centre first lands on it (typed visits)
	FirstKey float64 // the first key typed reached the brand box (typed visits)
	Answer   float64 // the answer shown (typed visits), -1 for none
}

// TestBenchShopPage reports, for the demo shop and a plain order page, over
// the first 20 s of cold visits on the phone profile (390×844 at 2×, CPU
// 4×, 150 ms latency, 1.6 Mbit/s down, no cache), untyped and with a claim
// typed as soon as the brand box takes a tap: the shop page's layout shift
// (CLS, as the shift probe counts it), the widget frame's own, the first
// keystroke and the answer. Median of RMA_BENCH_RUNS (5) with min and max.
// make bench-web runs it; it asserts nothing but that the visits work.
func TestBenchShopPage(t *testing.T) {
	runs := benchRuns(t)
	dir := siteDir(t)
	pages := shopPages(t)
	for _, pg := range pages {
		for _, typed := range []bool{false, true} {
			var vs []shopVisit
			for i := 0; i < runs; i++ {
				vs = append(vs, coldShopVisit(t, dir, pg.shop, pg.div, typed))
			}
			report := func(name string, f func(shopVisit) float64, format string) {
				var v []float64
				for _, x := range vs {
					v = append(v, f(x))
				}
				slices.Sort(v)
				fmt.Printf("bench shop page: %s, %s: %s: median "+format+" (min "+format+", max "+format+")\n",
					pg.name, map[bool]string{false: "untyped", true: "typed"}[typed], name, v[len(v)/2], v[0], v[len(v)-1])
			}
			report("host CLS", func(v shopVisit) float64 { return v.HostCLS }, "%.4f")
			report("frame CLS (unweighted)", func(v shopVisit) float64 { return v.FrameCLS }, "%.4f")
			report("frame's navigation start", func(v shopVisit) float64 { return v.Frame }, "%.0f ms")
			if typed {
				report("brand box takes a tap", func(v shopVisit) float64 { return v.Tappable }, "%.0f ms")
				report("first keystroke", func(v shopVisit) float64 { return v.FirstKey }, "%.0f ms")
				report("answer shown", func(v shopVisit) float64 { return v.Answer }, "%.0f ms")
			}
		}
	}
}

// benchRuns skips a bench unless RMA_BENCH is set (make bench-web), and
// returns its number of runs: RMA_BENCH_RUNS, 5 by default.
func benchRuns(t *testing.T) int {
	t.Helper()
	if os.Getenv("RMA_BENCH") == "" {
		t.Skip("RMA_BENCH not set (make bench-web)")
	}
	runs := 5
	fmt.Sscan(os.Getenv("RMA_BENCH_RUNS"), &runs)
	return runs
}

// coldPhone puts a tab on the phone profile of the benches: 390×844 at 2×,
// CPU 4×, 150 ms latency, 1.6 Mbit/s down, no cache.
func coldPhone(t *testing.T, ctx context.Context) {
	t.Helper()
	phone(t, ctx, 390, true)
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	if err == nil {
		_, err = chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: 150, DownloadThroughput: 1_600_000 / 8, UploadThroughput: 750_000 / 8}},
		})
	}
	if err == nil {
		_, err = chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	}
	require.NoError(t, err)
}

// coldShopVisit opens a shop page on the phone profile with an empty
// cache and watches it for 20 s; typed, it types a claim (HyperX, the
// first kind of product, 3 days ago) as soon as a tap at the brand box's
// centre lands on it.
func coldShopVisit(t *testing.T, dir string, shop func(string) http.Handler, div string, typed bool) shopVisit {
	t.Helper()
	ctx := newTab(t)
	ctx, cancel := context.WithTimeout(ctx, 50*time.Second)
	defer cancel()
	coldPhone(t, ctx)
	p := servePair(t, dir, shop, true)
	start := time.Now()
	require.NoError(t, navigate(ctx, p.shop.URL))
	v := shopVisit{FirstKey: -1, Answer: -1, Tappable: -1}
	if typed {
		require.NoError(t, poll(ctx, `document.querySelector("#`+div+` iframe") !== null`))
		part := "id=" + divID(t, ctx, div) + "&"
		for v.Tappable <= 0 {
			at, err := inFrame[float64](ctx, part, `(() => { const el = document.getElementById("rc-brand"); if (!el) return 0;
				const r = el.getBoundingClientRect(); return r.width > 0 && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el ?
					performance.timeOrigin + performance.now() : 0; })()`)
			if err == nil {
				v.Tappable = at
			}
			if ctx.Err() != nil {
				t.Fatal("the brand box never took a tap")
			}
			time.Sleep(25 * time.Millisecond)
		}
		tapInFrame(t, ctx, div, part, "rc-brand")
		key := func(k string) {
			require.NoError(t, chromedp.Do(ctx, chromedp.KeyEvent(k)))
			time.Sleep(150 * time.Millisecond)
		}
		for _, c := range "HyperX" {
			key(string(c))
		}
		key(kb.Tab)
		key(kb.ArrowDown)
		key(kb.Tab)
		for _, c := range time.Now().AddDate(0, 0, -3).Format("01022006") {
			key(string(c))
		}
		require.NoError(t, pollFrame(ctx, part, `document.querySelector("#rc-result[data-route]") !== null`))
	}
	time.Sleep(time.Until(start.Add(20 * time.Second)))
	s, err := eval[shifts](ctx, `window.__shifts`)
	require.NoError(t, err)
	v.HostCLS = s.Max
	part := "id=" + divID(t, ctx, div) + "&"
	f, err := inFrame[shifts](ctx, part, `JSON.parse(document.documentElement.getAttribute("data-probe-shifts") || '{"max":0}')`)
	require.NoError(t, err)
	v.FrameCLS = f.Max
	origin, err := eval[float64](ctx, `performance.timeOrigin`)
	require.NoError(t, err)
	frameOrigin, err := inFrame[float64](ctx, part, `performance.timeOrigin`)
	require.NoError(t, err)
	v.Frame = frameOrigin - origin
	if typed {
		v.Tappable -= origin
		v.FirstKey, v.Answer = f.FirstInput-origin, f.Answer-origin
	}
	_, _ = chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 1})
	return v
}
