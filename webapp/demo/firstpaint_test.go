//go:build e2e && !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The first visit through a shop page, before the wasm runs: the widget
// server holds app.wasm back until the test releases it, so that the early
// page (the server's form, before go-app takes over) stays on screen as
// long as a slow phone would keep it there.

// wasmGate holds requests for the site's wasm until release.
type wasmGate struct {
	once sync.Once
	open chan struct{}
}

func newWasmGate() *wasmGate { return &wasmGate{open: make(chan struct{})} }

func (g *wasmGate) release() { g.once.Do(func() { close(g.open) }) }

func (g *wasmGate) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			select {
			case <-g.open:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// lateEmbed serves embed.js 400 ms late, as a phone network brings a
// script from another origin: after the shop page's first paint.
func lateEmbed(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/embed.js" {
			select {
			case <-time.After(400 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// shiftProbe runs in the shop page (not in its frames) from its start: it
// adds up the page's layout shifts that no input caused, as CLS counts
// them, and keeps each with what moved.
const shiftProbe = `(() => {
	const top = window.top === window;
	const p = window.__shifts = {sum: 0, max: 0, list: [], at: []};
	// In a frame, the isolated world of the test reads them from the DOM.
	const keep = () => { if (!top) document.documentElement.setAttribute("data-probe-shifts", JSON.stringify(p)); };
	let win = 0, first = 0, last = 0;
	// A shift right after a person's own input is forgiven (hadRecentInput).
	// Chromium also sets that flag after the viewport changes, which device
	// emulation does at the start of a test visit (Lighthouse counts those
	// shifts all the same): so the flag is taken only after a real input.
	let input = -1e9;
	for (const k of ["keydown", "mousedown", "pointerdown", "touchstart"]) {
		addEventListener(k, (e) => { if (e.isTrusted) input = performance.now(); }, true);
	}
	new PerformanceObserver((l) => {
		for (const e of l.getEntries()) {
			if (e.hadRecentInput && e.startTime - input < 500) continue;
			p.sum += e.value;
			// CLS: the largest session window (shifts less than 1 s apart, at most 5 s long).
			if (e.startTime - last < 1000 && e.startTime - first < 5000) { win += e.value; } else { win = e.value; first = e.startTime; }
			last = e.startTime;
			p.max = Math.max(p.max, win);
			p.at.push([performance.timeOrigin + e.startTime, e.value]);
			p.list.push(Math.round(e.startTime) + "ms " + e.value.toFixed(4) + " " + (e.sources || []).map((s) =>
				(s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?") + " y " + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y)).join(", "));
		}
		keep();
	}).observe({type: "layout-shift", buffered: true});
	if (top) return;
	// In the widget's frame: when the first input and the answer came, in
	// ms since the epoch (performance.timeOrigin + now), for the benchmark.
	p.firstInput = 0; p.answer = 0;
	const now = () => performance.timeOrigin + performance.now();
	document.addEventListener("input", () => { if (!p.firstInput) { p.firstInput = now(); keep(); } }, true);
	new MutationObserver(() => { if (!p.answer && document.querySelector("#rc-result[data-route]")) { p.answer = now(); keep(); } })
		.observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-route"]});
})()`

// phone sets the tab to a screen width wide and 844 px tall at 2× (a
// phone below 600 px), with slowCPU a CPU 4× slower, and adds the shift
// probe to every page it opens.
func phone(t *testing.T, ctx context.Context, width int64, slowCPU bool) {
	t.Helper()
	mobile := width < 600
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 844, DeviceScaleFactor: 2, Mobile: mobile})
	if err == nil && slowCPU {
		_, err = chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4})
	}
	if err == nil {
		_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: shiftProbe})
	}
	require.NoError(t, err)
}

// reserve is the line docs/embedding.md gives shops to keep the widget's
// space from their page's first paint.
const reserve = `<style>rma-check, [data-rmacheck] { display: block; min-height: 820px; }</style>`

// orderRest is what an order page shows under the widget: the order's
// other lines and the shop's footer, most of a phone's screen.
const orderRest = `<section id="rest" style="font: 16px/1.5 sans-serif"><h2>Other items in this order</h2><ul>` +
	`<li>Logitech G305 mouse, 1 ×, € 39.99</li><li>Corsair K70 keyboard, 1 ×, € 129.99</li><li>USB-C cable, 2 ×, € 9.99</li></ul>` +
	`<h2>Delivery</h2><p>Delivered on 14 November to the address on your account. Questions about this order? ` +
	`Our service desk answers on weekdays from 9:00 to 17:00.</p><p>Invoice 2026-1042 (PDF)</p></section>` +
	`<footer id="foot" style="padding: 2rem 0">Shop footer · Terms · Privacy · Contact</footer>`

// orderPage is a plain order page: a heading, a line of text, the widget
// as the README's snippet embeds it, and the rest of the order under it.
func orderPage(attrs string) func(string) http.Handler {
	return testShop(`data-audience="consumer"`, `<h1>Order 1042</h1><p>HyperX Cloud II, bought 3 weeks ago.</p>`+
		`<rma-check id="w" `+attrs+`></rma-check>`+reserve+orderRest)
}

// firstHeight is the frame's height before the widget says its own
// (embed.js's FIRST_HEIGHT, widget.css's min-height of .rc).
const firstHeight = 820

// shopPage is a page that embeds the widget in its element with id div.
type shopPage struct {
	name string
	shop func(widget string) http.Handler
	div  string
}

// shopPages are the pages the first visit is measured on: the demo shop
// and a plain order page.
func shopPages(t *testing.T) []shopPage {
	return []shopPage{
		{"demo shop", demoShop(t), "widget"},
		{"order page", orderPage(`lang="en"`), "w"},
	}
}

// earlyFit is the early page's content height and its frame's height.
type earlyFit struct {
	Content float64 `json:"content"`
	Frame   float64 `json:"frame"`
	Ready   bool    `json:"ready"`
}

func (f earlyFit) String() string {
	return fmt.Sprintf("content %.0f px in a %.0f px frame", f.Content, f.Frame)
}

// measureFit reads the early page's content height in the frame of widget
// id and its iframe's height on the host page.
func measureFit(t *testing.T, ctx context.Context, div, id string) earlyFit {
	t.Helper()
	content, err := inFrame[float64](ctx, "id="+id+"&", `Math.ceil(document.getElementById("rc-root").getBoundingClientRect().bottom + window.scrollY)`)
	require.NoError(t, err)
	ready, err := inFrame[bool](ctx, "id="+id+"&", `document.documentElement.getAttribute("data-rc-ready") === "1"`)
	require.NoError(t, err)
	frame, err := eval[float64](ctx, `document.querySelector("#`+div+` iframe").getBoundingClientRect().height`)
	require.NoError(t, err)
	return earlyFit{Content: content, Frame: frame, Ready: ready}
}

// TestEarlyFormFitsItsFrame: before the wasm runs, the frame embed.js
// makes takes the early page's whole height, in each language, on a phone
// and on a desktop; when the wasm starts, the frame does not grow again
// while no claim is typed.
func TestEarlyFormFitsItsFrame(t *testing.T) {
	dir := siteDir(t)
	for _, width := range []int64{390, 1200} {
		for _, lang := range []string{"fr", "nl", "en"} {
			t.Run(fmt.Sprintf("%s at %d px", lang, width), func(t *testing.T) {
				ctx := newTab(t)
				phone(t, ctx, width, false) // sizes do not depend on the CPU
				gate := newWasmGate()
				p := servePair(t, dir, orderPage(`lang="`+lang+`"`), true, gate.wrap)
				t.Cleanup(gate.release) // before the server's Close, which waits for held requests
				require.NoError(t, navigate(ctx, p.shop.URL))
				require.NoError(t, pollFrame(ctx, "id=w&", `document.getElementById("rc-date") !== null`))
				id := "w"
				// The early page reports its height on its own.
				require.NoError(t, poll(ctx, `window.__events.some((e) => e.type === "height")`), "a height before the wasm")
				early := measureFit(t, ctx, "w", id)
				t.Logf("early: %s", early)
				require.False(t, early.Ready, "the wasm is held back")
				assert.LessOrEqual(t, early.Content, early.Frame, "early page: %s", early)
				assert.InDelta(t, early.Content, early.Frame, 40, "the frame fits the early page: %s", early)
				assert.Equal(t, float64(firstHeight), early.Frame, "the frame keeps embed.js's first height: the early page fits it")

				gate.release()
				require.NoError(t, pollFrame(ctx, "id=w&", `document.documentElement.getAttribute("data-rc-ready") === "1"`))
				time.Sleep(300 * time.Millisecond) // a late height message would land now
				live := measureFit(t, ctx, "w", id)
				t.Logf("live: %s", live)
				assert.LessOrEqual(t, live.Content, live.Frame, "live page: %s", live)
				assert.Equal(t, early.Frame, live.Frame, "the frame keeps its height when the wasm starts (early %s, live %s)", early, live)
			})
		}
	}
}

// tapInFrame clicks at the centre of element id in the frame of the
// widget in div, as a finger would, after scrolling the frame into view.
func tapInFrame(t *testing.T, ctx context.Context, div, part, id string) {
	t.Helper()
	_, err := eval[bool](ctx, `document.querySelector("#`+div+` iframe").scrollIntoView({block: "start"}), true`)
	require.NoError(t, err)
	frame, err := eval[[]float64](ctx, `(() => { const r = document.querySelector("#`+div+` iframe").getBoundingClientRect(); return [r.left, r.top]; })()`)
	require.NoError(t, err)
	box, err := inFrame[[]float64](ctx, part, `(() => { const r = document.getElementById("`+id+`").getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	require.NoError(t, err)
	err = chromedp.Do(ctx, chromedp.MouseClickXY(frame[0]+box[0], frame[1]+box[1]))
	require.NoError(t, err)
	focused, err := inFrame[string](ctx, part, `document.activeElement ? document.activeElement.id : ""`)
	require.NoError(t, err)
	require.Equal(t, id, focused, "the tap reached the box")
}

// shifts is what the shift probe saw.
type shifts struct {
	Sum        float64      `json:"sum"`
	Max        float64      `json:"max"`
	List       []string     `json:"list"`
	At         [][2]float64 `json:"at"`         // each shift: when (ms since the epoch) and its score
	FirstInput float64      `json:"firstInput"` // in the frame, ms since the epoch
	Answer     float64      `json:"answer"`
}

// movedUp are the shifts in list (the probe's "… y 954→1010, …") that
// move something up: the frame above it shrank.
func movedUp(list []string) []string {
	var out []string
	for _, l := range list {
		for _, m := range shiftY.FindAllStringSubmatch(l, -1) {
			from, _ := strconv.Atoi(m[1])
			to, _ := strconv.Atoi(m[2])
			if to < from {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

var shiftY = regexp.MustCompile(`y (\d+)→(\d+)`)

// cls is CLS over the shifts before a time (ms since the epoch): the
// largest session window (shifts less than 1 s apart, at most 5 s long).
func (s shifts) cls(before float64) float64 {
	var most, win, first, last float64
	for i, a := range s.At {
		if a[0] >= before {
			break
		}
		if i > 0 && a[0]-last < 1000 && a[0]-first < 5000 {
			win += a[1]
		} else {
			win, first = a[1], a[0]
		}
		last = a[0]
		most = max(most, win)
	}
	return most
}

// TestHostPageDoesNotJump: a cold phone visit of the demo shop and of a
// plain order page, untyped and with a date typed before the wasm runs:
// the host page's layout shifts, as CLS counts them, stay within 0.05
// from the start until the widget is live and its answer shown.
func TestHostPageDoesNotJump(t *testing.T) {
	dir := siteDir(t)
	pages := shopPages(t)
	for _, pg := range pages {
		for _, typed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s, typed %v", pg.name, typed), func(t *testing.T) {
				ctx := newTab(t)
				phone(t, ctx, 390, true)
				gate := newWasmGate()
				p := servePair(t, dir, pg.shop, true, gate.wrap, lateEmbed)
				t.Cleanup(gate.release) // before the server's Close, which waits for held requests
				require.NoError(t, navigate(ctx, p.shop.URL))
				require.NoError(t, poll(ctx, `document.querySelector("#`+pg.div+` iframe") !== null`))
				id := divID(t, ctx, pg.div)
				part := "id=" + id + "&"
				require.NoError(t, pollFrame(ctx, part, `document.getElementById("rc-date") !== null`))
				time.Sleep(500 * time.Millisecond) // the early page settles, as a slow wasm lets it
				if typed {
					// As a person types: a tap on the brand box, then keys
					// (trusted input, which CLS forgives for 500 ms).
					tapInFrame(t, ctx, pg.div, part, "rc-brand")
					err := chromedp.Do(ctx, chromedp.KeyEvent("HyperX"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.ArrowDown),
						chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(time.Now().AddDate(0, 0, -20).Format("01022006")))
					require.NoError(t, err)
					v, err := inFrame[string](ctx, part, `document.getElementById("rc-date").value`)
					require.NoError(t, err)
					require.Equal(t, day(-20), v, "the date typed")
					time.Sleep(time.Second) // past CLS's 500 ms grace after an input
				}
				gate.release()
				require.NoError(t, pollFrame(ctx, part, `document.documentElement.getAttribute("data-rc-ready") === "1"`))
				if typed {
					require.NoError(t, pollFrame(ctx, part, `document.querySelector("#rc-result[data-route]") !== null`))
				}
				time.Sleep(time.Second) // the last height message lands and the page lays out
				s, err := eval[shifts](ctx, `window.__shifts`)
				require.NoError(t, err)
				t.Logf("host CLS %.4f (sum %.4f): %s", s.Max, s.Sum, strings.Join(s.List, "; "))
				// The frame's own shifts (Lighthouse weighs them in by the
				// frame's share of the screen): what moves inside the widget.
				fs, err := inFrame[string](ctx, part, `document.documentElement.getAttribute("data-probe-shifts") || "{}"`)
				require.NoError(t, err)
				var f shifts
				require.NoError(t, json.Unmarshal([]byte(fs), &f))
				t.Logf("frame CLS %.4f (sum %.4f): %s", f.Max, f.Sum, strings.Join(f.List, "; "))
				assert.LessOrEqual(t, f.Max, 0.05, "the widget's own CLS")
				if !typed {
					assert.LessOrEqual(t, s.Max, 0.05, "the host page's CLS")
					return
				}
				// Typed before the wasm: nothing moves from the typing to the
				// answer. The answer, when the wasm was not there within
				// 500 ms of the last key, grows the frame once, and may move
				// what follows it on the host page when that is in view (the
				// early answer of issue 29 comes within 500 ms, where CLS
				// forgives it); logged, not asserted.
				require.Greater(t, f.Answer, 0.0, "the frame's probe saw the answer")
				assert.LessOrEqual(t, s.cls(f.Answer), 0.05, "the host page's CLS until the answer shows")
				// The frame goes from the early answer's height to Go's in
				// one step: it does not shrink while Go holds its card back
				// (a moment, for screen readers) and grow again.
				assert.Empty(t, movedUp(s.List), "nothing on the host page moves up on the way to the answer")
				t.Logf("host CLS with the answer's growth: %.4f", s.Max)
			})
		}
	}
}
