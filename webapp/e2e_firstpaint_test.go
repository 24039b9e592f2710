//go:build e2e && !wasm

package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// heldServer serves the widget but holds every request for app.wasm until
// release is called (at the latest when the test ends).
func heldServer(t *testing.T) (ts *httptest.Server, release func()) {
	t.Helper()
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	if err != nil {
		unavailable(t, "%v", err)
	}
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" {
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		s.ServeHTTP(w, r)
	}))
	t.Cleanup(func() { release(); ts.Close() })
	return ts, release
}

// newTab opens a tab without loading anything.
func newTab(t *testing.T) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(sharedBrowser(t))
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	tb := &tab{t: t, ctx: ctx}
	tb.console = recordConsole(t, ctx)
	tb.do(chromedp.Navigate("about:blank"))
	return tb
}

// holdWasmStart makes every later page of the tab wait before it starts
// the wasm (even one from the service worker's cache) until releaseWasm.
func (tb *tab) holdWasmStart() {
	tb.t.Helper()
	_, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
		let release; const held = new Promise(r => { release = r; });
		window.rcReleaseWasm = release;
		const orig = WebAssembly.instantiateStreaming;
		WebAssembly.instantiateStreaming = async (...args) => { await held; return orig.apply(WebAssembly, args); };
	})()`})
	require.NoError(tb.t, err)
}

func (tb *tab) releaseWasm() { tb.t.Helper(); js[chromedp.Void](tb, `window.rcReleaseWasm()`) }

// waitForm waits until the server's page is there (the wasm not needed).
func (tb *tab) waitForm() {
	tb.t.Helper()
	tb.waitJS(`document.readyState !== "loading" && document.getElementById("rc-brand") !== null && !document.documentElement.dataset.rcSwap`)
}

// boxAtPoint says whether a click at the centre of the element hits it
// (no overlay in front).
func (tb *tab) boxAtPoint(id string) bool {
	tb.t.Helper()
	return js[bool](tb, fmt.Sprintf(`(() => { const el = document.getElementById(%q); const r = el.getBoundingClientRect();
		return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el; })()`, id))
}

// typeBeforeTheWasm fills the form with the keyboard and mouse while the
// wasm is held back, and leaves the caret after "No" in the defect box.
func (tb *tab) typeBeforeTheWasm() {
	t := tb.t
	t.Helper()
	require.True(t, tb.boxAtPoint("rc-brand"), "nothing over the brand box")
	require.Equal(t, "Preparing the answer…", strings.TrimSpace(tb.text("rc-progress-words")))
	tb.do(chromedp.Click(chromedp.ID("rc-brand")), chromedp.SendKeys(chromedp.ID("rc-brand"), "HyperX"))
	tb.do(chromedp.KeyEvent(kb.Tab))
	require.Equal(t, "rc-category", js[string](tb, `document.activeElement.id`))
	tb.do(chromedp.KeyEvent(kb.ArrowDown)) // accessory
	d := time.Now().AddDate(0, 0, -3)
	tb.do(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(d.Format("01022006")))
	tb.do(chromedp.Click(chromedp.ID("rc-proof")))
	tb.do(chromedp.Click(chromedp.ID("rc-defect")), chromedp.SendKeys(chromedp.ID("rc-defect"), "No sound"))
	for i := 0; i < len(" sound"); i++ {
		tb.do(chromedp.KeyEvent(kb.ArrowLeft))
	}
	require.Equal(t, "accessory", js[string](tb, `document.getElementById("rc-category").value`))
	require.Equal(t, d.Format("2006-01-02"), js[string](tb, `document.getElementById("rc-date").value`))
	require.False(t, js[bool](tb, `document.documentElement.dataset.rcReady === "1"`), "the wasm has not started")
	tb.do(chromedp.Evaluate[chromedp.Void](fieldTops + `; window.rcTopsBefore = tops()`))
}

// fieldTops defines tops(): where the first fields of the form are on the
// page. A tap aimed at one while the wasm starts must land on it.
const fieldTops = `var tops = () => ["rc-brand", "rc-category", "rc-date"].map(id => Math.round(document.getElementById(id).getBoundingClientRect().top + window.scrollY))`

// checkKeptAfterTheWasm: everything typed is in the live widget, with the
// focus and caret, and the decision shows without anything more.
func (tb *tab) checkKeptAfterTheWasm() {
	t := tb.t
	t.Helper()
	tb.waitReady()
	tb.waitRoute("micromedia-rma")
	assert.Equal(t, "HyperX", js[string](tb, `document.getElementById("rc-brand").value`))
	assert.Equal(t, "accessory", js[string](tb, `document.getElementById("rc-category").value`))
	assert.Equal(t, daysAgo(3), js[string](tb, `document.getElementById("rc-date").value`))
	assert.True(t, js[bool](tb, `document.getElementById("rc-proof").checked`))
	assert.Equal(t, "No sound", js[string](tb, `document.getElementById("rc-defect").value`))
	assert.Equal(t, "rc-defect", js[string](tb, `document.activeElement.id`), "the focus stays")
	assert.Equal(t, 2.0, js[float64](tb, `document.getElementById("rc-defect").selectionStart`), "the caret stays")
	assert.NotContains(t, tb.text("rc-answer-line"), "Preparing", "no progress once the answer is live")
	assert.Equal(t, js[[]float64](tb, `window.rcTopsBefore`), js[[]float64](tb, fieldTops+`; tops()`), "the form's first fields do not move when the wasm starts")
	// Typing goes on where it was.
	tb.do(chromedp.KeyEvent("t"))
	tb.waitJS(`document.getElementById("rc-defect").value === "Not sound"`)
	tb.waitJS(`document.getElementById("rc-summary").value.includes("Defect: Not sound")`) // the live draft has it
}

// TestE2EHeldBack: the server holds app.wasm back; the form works, and
// nothing is lost when the wasm runs.
func TestE2EHeldBack(t *testing.T) {
	ts, release := heldServer(t)
	tb := newTab(t)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=held"))
	tb.waitForm()
	// The first decision (the early answer's, before the wasm) must land in
	// a live region that was already on the page without it (a screen
	// reader announces changes only there).
	js[chromedp.Void](tb, `(() => { const empty = new WeakSet(); window.rcAnnounced = null;
		const live0 = document.getElementById("rc-live"); if (live0 && !live0.querySelector("#rc-headline")) empty.add(live0);
		new MutationObserver(() => { const live = document.getElementById("rc-live"); if (!live || window.rcAnnounced !== null) return;
			if (live.querySelector("#rc-headline")) window.rcAnnounced = empty.has(live); else empty.add(live); })
			.observe(document, {subtree: true, childList: true, characterData: true}); })()`)
	tb.typeBeforeTheWasm()
	require.Equal(t, true, js[any](tb, `window.rcAnnounced`), "the early answer appears in the server page's live region")
	release()
	tb.checkKeptAfterTheWasm()
	assert.Equal(t, true, js[any](tb, `window.rcAnnounced`), "the first decision appears in a live region already on the page")
}

// TestE2EHalfTypedDate: a date half typed when the wasm arrives is not
// lost: the live page waits for the box to hold a whole date (or an empty
// one), keeps the focus there, and the rest of the date typed goes on.
func TestE2EHalfTypedDate(t *testing.T) {
	ts, release := heldServer(t)
	tb := newTab(t)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=half"))
	tb.waitForm()
	tb.do(chromedp.Click(chromedp.ID("rc-brand")), chromedp.SendKeys(chromedp.ID("rc-brand"), "HyperX"))
	tb.do(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.ArrowDown)) // accessory
	d := time.Now().AddDate(0, 0, -3)
	tb.do(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(d.Format("01"))) // the month only (en-US: month, day, year)
	require.True(t, js[bool](tb, `document.getElementById("rc-date").validity.badInput`), "the date is half typed")
	release()
	// The wasm arrives and waits: the percentage reaches 100 %, the page stays.
	tb.waitJS(`document.getElementById("rc-progress-percent").textContent === "100%"`)
	time.Sleep(time.Second)
	require.False(t, js[bool](tb, `document.documentElement.dataset.rcReady === "1"`), "the live page waits for the whole date")
	// The day, then the year's first digit, which the box already reads
	// as the year 0002: still half typed.
	tb.do(chromedp.KeyEvent(d.Format("02") + d.Format("2006")[:1]))
	time.Sleep(time.Second)
	require.False(t, js[bool](tb, `document.documentElement.dataset.rcReady === "1"`), "the live page waits for the whole year")
	tb.do(chromedp.KeyEvent(d.Format("2006")[1:]))
	tb.waitReady()
	tb.waitRoute("micromedia-rma")
	assert.Equal(t, d.Format("2006-01-02"), js[string](tb, `document.getElementById("rc-date").value`))
	assert.Equal(t, "HyperX", js[string](tb, `document.getElementById("rc-brand").value`))
	assert.Equal(t, "rc-date", js[string](tb, `document.activeElement.id`), "the focus stays in the date box")
}

// TestE2EHeldBackOnAPhone: the same at 390×844, where the fields stack:
// a kind of product chosen before the wasm, whose label is written out
// under its box, must not push the date box down when the wasm starts.
func TestE2EHeldBackOnAPhone(t *testing.T) {
	ts, release := heldServer(t)
	tb := newTab(t)
	tb.phone()
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=heldphone"))
	tb.waitForm()
	tb.typeBeforeTheWasm()
	assert.NotEmpty(t, strings.TrimSpace(tb.text("rc-category-words")), "the long label written out before the wasm")
	release()
	tb.checkKeptAfterTheWasm()
}

// TestE2EHeldBackTappedOnly: a box tapped but not typed in before the wasm
// starts keeps the focus, so the keys that follow land in it.
func TestE2EHeldBackTappedOnly(t *testing.T) {
	ts, release := heldServer(t)
	tb := newTab(t)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=tapped"))
	tb.waitForm()
	tb.do(chromedp.Click(chromedp.ID("rc-brand")))
	require.Equal(t, "rc-brand", js[string](tb, `document.activeElement.id`))
	release()
	tb.waitReady()
	assert.Equal(t, "rc-brand", js[string](tb, `document.activeElement.id`), "the focus stays in the tapped box")
	tb.do(chromedp.KeyEvent("HyperX"))
	tb.waitJS(`document.getElementById("rc-brand").value === "HyperX"`)
}

// TestE2EHeldBackRestoredDraft: a returning visitor taps the empty brand
// box before the wasm starts; the stored draft then fills it. The form
// does not move (the "restored" line is below it), and the caret is at the
// end of the restored text, so the next key goes after it.
func TestE2EHeldBackRestoredDraft(t *testing.T) {
	ts, release := heldServer(t)
	tb := newTab(t)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=returning"))
	tb.waitForm()
	js[chromedp.Void](tb, fmt.Sprintf(`localStorage.setItem("rmacheck.draft.returning", JSON.stringify({brandText: "HyperX", brandId: "hyperx", committed: true, category: "accessory", purchaseDate: %q}))`, daysAgo(3)))
	tb.do(chromedp.Reload())
	tb.waitForm()
	require.Equal(t, "", js[string](tb, `document.getElementById("rc-brand").value`), "the server's page does not know the draft")
	tb.do(chromedp.Evaluate[chromedp.Void](fieldTops + `; window.rcTopsBefore = tops()`))
	tb.do(chromedp.Click(chromedp.ID("rc-brand")))
	release()
	tb.waitReady()
	tb.waitRoute("micromedia-rma")
	assert.Equal(t, "Your claim in progress was restored.", tb.text("rc-restored"))
	assert.Equal(t, js[[]float64](tb, `window.rcTopsBefore`), js[[]float64](tb, fieldTops+`; tops()`), "the form's first fields do not move when the draft is restored")
	assert.Equal(t, "rc-brand", js[string](tb, `document.activeElement.id`), "the focus stays in the tapped box")
	assert.Equal(t, []float64{6, 6}, js[[]float64](tb, `(() => { const el = document.getElementById("rc-brand"); return [el.selectionStart, el.selectionEnd]; })()`), "the caret is at the end of the restored text")
	tb.do(chromedp.KeyEvent("!"))
	tb.waitJS(`document.getElementById("rc-brand").value === "HyperX!"`)
}

// TestE2EHeldBackOffline: the same on a second visit, offline, with the
// wasm from the service worker's cache held back in the page.
func TestE2EHeldBackOffline(t *testing.T) {
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	ts := httptest.NewServer(s)
	defer ts.Close()
	tb := newTab(t)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en&id=heldoff"))
	tb.waitReady()
	tb.do(chromedp.Poll[chromedp.Void](`caches.match("/web/app.wasm").then(r => !!r)`, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(100*time.Millisecond)))
	ts.CloseClientConnections()
	ts.Close()

	tb.holdWasmStart()
	tb.do(chromedp.Reload())
	tb.waitForm()
	tb.typeBeforeTheWasm()
	tb.releaseWasm()
	tb.checkKeptAfterTheWasm()
}

// TestE2ELanguagesBeforeTheWasm: the page is in the widget's language
// before the wasm runs, from the fragment or else the browser's language.
func TestE2ELanguagesBeforeTheWasm(t *testing.T) {
	ts, _ := heldServer(t)
	tests := []struct{ hash, lang, title, label, placeholder, category, progress string }{
		{"#lang=fr&id=l1", "fr", "Ce produit peut-il être retourné ?", "Marque", "Tapez la marque, ex. HyperX", "Accessoire (souris, clavier, casque…)", "Préparation de la réponse…"},
		{"#lang=nl&id=l2", "nl", "Kan dit product retour?", "Merk", "Typ het merk, bijv. HyperX", "", "Het antwoord wordt voorbereid…"},
		{"#lang=en&id=l3", "en", "Can this product be returned?", "Brand", "Type the brand, e.g. HyperX", "", "Preparing the answer…"},
		{"#id=l4", "en", "Can this product be returned?", "Brand", "", "", ""}, // the test browser's language
	}
	for _, tt := range tests {
		t.Run(tt.hash, func(t *testing.T) {
			tb := newTab(t)
			tb.do(chromedp.Navigate(ts.URL + "/" + tt.hash))
			tb.waitForm()
			assert.Equal(t, tt.lang, js[string](tb, `document.documentElement.lang`))
			assert.Equal(t, tt.title, js[string](tb, `document.querySelector(".rc-title").textContent.trim()`))
			assert.Equal(t, tt.label, js[string](tb, `document.querySelector("label[for=rc-brand]").textContent.trim()`))
			if tt.placeholder != "" {
				assert.Equal(t, tt.placeholder, js[string](tb, `document.getElementById("rc-brand").placeholder`))
			}
			if tt.category != "" {
				assert.Equal(t, tt.category, js[string](tb, `document.querySelector("#rc-category option[value=accessory]").textContent.trim()`))
			}
			if tt.progress != "" {
				assert.Equal(t, tt.progress, strings.TrimSpace(tb.text("rc-progress-words")))
			}
			assert.Equal(t, 1, js[int](tb, `document.querySelectorAll("#rc-root").length`))
			assert.True(t, js[bool](tb, `document.getElementById("rc-brand-names").options.length > 150`), "the datalist suggests brands")
			assert.Equal(t, time.Now().Format("2006-01-02"), js[string](tb, `document.getElementById("rc-date").max`))
			assert.False(t, js[bool](tb, `document.documentElement.dataset.rcReady === "1"`), "before the wasm")
		})
	}
}

// TestE2EAccessibilityBeforeTheWasm runs axe-core on the server's page
// while the wasm is held back.
func TestE2EAccessibilityBeforeTheWasm(t *testing.T) {
	axe, err := os.ReadFile("node_modules/axe-core/axe.min.js")
	if err != nil {
		unavailable(t, "axe-core not installed (make test-webapp installs it with npm): %v", err)
	}
	ts, _ := heldServer(t)
	for _, hash := range []string{"#lang=en&id=ax1", "#lang=fr&id=ax2&mode=dark", "#lang=nl&id=ax3"} {
		tb := newTab(t)
		tb.do(chromedp.Navigate(ts.URL + "/" + hash))
		tb.waitForm()
		js[chromedp.Void](tb, string(axe))
		res := js[[]map[string]any](tb, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
			.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)})))`)
		assert.Empty(t, res, "%s before the wasm: serious or critical axe violations", hash)
		assert.Equal(t, strings.Contains(hash, "mode=dark"), js[bool](tb, `document.getElementById("rc-root").classList.contains("rc-dark")`), "dark mode before the wasm")
		assert.False(t, js[bool](tb, `document.documentElement.dataset.rcReady === "1"`), "before the wasm")
	}
}

// phone makes the tab a 390×844 phone screen at 2×.
func (tb *tab) phone() {
	tb.t.Helper()
	_, err := chromedp.Call(tb.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 390, Height: 844, DeviceScaleFactor: 2, Mobile: true})
	require.NoError(tb.t, err)
}

// TestE2EPhoneLayout checks the widget on a 390×844 phone: nothing cut
// off, the height still while the brand is typed (it changes only with the
// decision), no scrolling on its own, the answer one tap away when it
// comes, wrapped checklist lines under their text, the date in words.
func TestE2EPhoneLayout(t *testing.T) {
	ts := widgetServer(t, nil)
	for _, lang := range []string{"nl", "fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			tb := newTab(t)
			tb.phone()
			tb.do(chromedp.Navigate(fmt.Sprintf("%s/#lang=%s&id=phone-%s", ts.URL, lang, lang)))
			tb.waitReady()

			// No placeholder or category label wider than its box.
			cut := js[[]string](tb, `(() => {
				const ctx = document.createElement("canvas").getContext("2d"), out = [];
				const room = (el, extra) => { const cs = getComputedStyle(el); ctx.font = cs.font;
					return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - extra; };
				for (const el of document.querySelectorAll("#rc-root input[placeholder]"))
					if (ctx.measureText(el.placeholder).width > room(el, 0)) out.push(el.id + ": " + el.placeholder);
				return out; })()`)
			assert.Empty(t, cut, "texts cut off on a phone")
			// A category label longer than the select is written out under it.
			long := js[[]string](tb, `(() => {
				const ctx = document.createElement("canvas").getContext("2d"), sel = document.getElementById("rc-category");
				const cs = getComputedStyle(sel); ctx.font = cs.font;
				const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 24;
				return [...sel.options].filter(o => ctx.measureText(o.textContent).width > room).map(o => o.value); })()`)
			for _, id := range long {
				tb.setField("rc-category", id)
				want := js[string](tb, fmt.Sprintf(`document.querySelector("#rc-category option[value='%s']").textContent`, id))
				tb.waitJS(fmt.Sprintf(`document.getElementById("rc-category-words").textContent === %q`, want))
			}

			// Type the brand letter by letter after choosing the kind of product,
			// once its words line has settled (a long label before it may have
			// taken two lines).
			tb.setField("rc-category", "accessory")
			accessoryWords := ""
			if slices.Contains(long, "accessory") {
				accessoryWords = js[string](tb, `document.querySelector("#rc-category option[value='accessory']").textContent`)
			}
			tb.waitJS(fmt.Sprintf(`document.getElementById("rc-category-words").textContent === %q`, accessoryWords))
			js[chromedp.Void](tb, `(() => {
				window.rcHeights = []; window.rcRoutes = [];
				let h = document.documentElement.getBoundingClientRect().height;
				new ResizeObserver(() => { const n = document.documentElement.getBoundingClientRect().height;
					if (n !== h) { window.rcHeights.push(n); h = n; } }).observe(document.documentElement);
				let r = document.getElementById("rc-result").dataset.route || "";
				new MutationObserver(() => { const n = document.getElementById("rc-result").dataset.route || "";
					if (n !== r) { window.rcRoutes.push(n); r = n; } }).observe(document.getElementById("rc-root"), {subtree: true, attributes: true, childList: true});
			})()`)
			scroll := js[float64](tb, `scrollY`)
			tb.do(chromedp.Click(chromedp.ID("rc-brand")))
			for _, c := range "Sennheiser" {
				tb.do(chromedp.KeyEvent(string(c)))
				time.Sleep(60 * time.Millisecond)
			}
			tb.waitJS(`document.getElementById("rc-result").dataset.route === "support-first"`)
			time.Sleep(300 * time.Millisecond)
			heights := js[[]float64](tb, `window.rcHeights`)
			routes := js[[]string](tb, `window.rcRoutes`)
			assert.NotEmpty(t, routes)
			assert.LessOrEqual(t, len(heights), len(routes), "height changes %v for decision changes %v", heights, routes)
			assert.Equal(t, scroll, js[float64](tb, `scrollY`), "no scrolling while typing")

			// The date is the last answer: the headline, or the link to it, is on screen.
			tb.do(chromedp.KeyEvent(kb.Tab))
			tb.setField("rc-date", daysAgo(100))
			tb.waitJS(`document.getElementById("rc-date-words").textContent !== ""`)
			visible := `(id => { const el = document.getElementById(id); if (!el) return false; const r = el.getBoundingClientRect();
				return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; })`
			assert.True(t, js[bool](tb, visible+`("rc-headline") || `+visible+`("rc-see-answer")`), "the answer is one tap away")
			tb.click("rc-see-answer")
			tb.waitJS(visible + `("rc-headline")`)
			assert.Equal(t, "rc-headline", js[string](tb, `document.activeElement.id`))
			assert.Equal(t, formatDate(langOf(lang), dateOf(t, daysAgo(100))), js[string](tb, `document.getElementById("rc-date-words").textContent`))

			// Wrapped checklist lines start under the text.
			tb.click("rc-support-unresolved")
			tb.waitRoute("micromedia-rma")
			misaligned := js[[]string](tb, `(() => { const out = []; let wrapped = 0;
				for (const li of document.querySelectorAll("#rc-checklist li")) {
					const range = document.createRange(); range.selectNodeContents(li);
					const lefts = [...range.getClientRects()].map(r => Math.round(r.left));
					const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
					if (lines > 1) wrapped++;
					const first = li.querySelector(".rc-doc-label").getClientRects()[0].left;
					for (const r of li.querySelector(".rc-doc-label").getClientRects()) if (Math.abs(r.left - first) > 1) out.push(li.textContent);
				}
				return wrapped > 0 ? out : ["no checklist line wraps: nothing checked"]; })()`)
			assert.Empty(t, misaligned)
			if lang == "fr" {
				assert.Contains(t, js[string](tb, `document.getElementById("rc-summary").value`), "\u00a0: ", "French colons")
			}
		})
	}
}

func langOf(s string) sdk.Lang { return sdk.Lang(s) }
