//go:build e2e && !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// warnings starts collecting the console warnings of a tab and its
// same-site frames; the returned function lists those so far.
func warnings(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var got []string
	go func() {
		for ev, err := range chromedp.Events(ctx, runtime.ConsoleAPICalled) {
			if err != nil {
				return
			}
			if ev.Type != runtime.ConsoleAPICalledTypeWarning {
				continue
			}
			var parts []string
			for _, a := range ev.Args {
				var text string
				if json.Unmarshal(a.Value, &text) == nil {
					parts = append(parts, text)
				}
			}
			mu.Lock()
			got = append(got, strings.Join(parts, " "))
			mu.Unlock()
		}
	}()
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), got...)
	}
}

// TestPrefilledWidget: a shop's order page gives the widget what it knows
// about the product; the answer shows with no keystroke, the decision event
// names the order line, and a fact the widget cannot take gets one console
// warning naming its attribute while the others still apply (issue 18).
func TestPrefilledWidget(t *testing.T) {
	dir := siteDir(t)
	t.Run("a full line answers with no keystroke", func(t *testing.T) {
		ctx := newTab(t)
		body := fmt.Sprintf(`<rma-check id="w" brand="HyperX" category="accessory" purchase-date="%s" order-ref="A-1" label="HyperX Cloud III headset"></rma-check>`, day(-10))
		p := servePair(t, dir, testShop(`data-lang="en"`, body), true)
		require.NoError(t, navigate(ctx, p.shop.URL))
		require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.orderRef === "A-1"; })`))
		detail, err := eval[map[string]any](ctx, `window.__events.filter(function (e) { return e.type === "decision"; }).pop().detail`)
		require.NoError(t, err)
		assert.Equal(t, "HyperX Cloud III headset", detail["label"])
		claim := detail["claim"].(map[string]any)
		assert.Equal(t, "hyperx", claim["brand"])
		assert.Equal(t, "accessory", claim["category"])
		assert.Equal(t, day(-10), claim["purchaseDate"])
		assert.Equal(t, "micromedia-rma", claim["route"])
		src, err := eval[string](ctx, `document.querySelector("#w iframe").src`)
		require.NoError(t, err)
		assert.NotContains(t, src, "HyperX", "no fact in the frame's URL")
		assert.NotContains(t, src, "A-1")
		id := divID(t, ctx, "w")
		shown := drive[string](t, ctx, id, `await wait(function () { return document.getElementById("rc-brand").value === "HyperX"; }, "the brand box");
			return document.getElementById("rc-category").value + " " + document.getElementById("rc-date").value;`)
		assert.Equal(t, "accessory "+day(-10), shown, "facts the consumer can still correct")

		// A later prefill for the same line does not overwrite what was typed.
		drive[bool](t, ctx, id, `await brand("Corsair", "corsair"); await wait(function () { return document.getElementById("rc-headline").textContent.indexOf("Corsair") >= 0; }, "Corsair's answer"); return true;`)
		_, err = eval[any](ctx, `RMACheckEmbed.prefill(document.getElementById("w"), {brand: "HyperX", model: "Cloud III", orderRef: "A-1"})`)
		require.NoError(t, err)
		got := drive[string](t, ctx, id, `await wait(function () { return document.getElementById("rc-model") === null || document.getElementById("rc-brand").value !== ""; }, "the form");
			await new Promise(function (r) { setTimeout(r, 300); });
			return document.getElementById("rc-brand").value;`)
		assert.Equal(t, "Corsair", got, "typed text survives a later prefill")

		// Another order line starts a new claim.
		_, err = eval[any](ctx, `RMACheckEmbed.prefill("`+id+`", {brand: "ASUS", category: "laptop", orderRef: "A-2", label: "ASUS laptop"})`)
		require.NoError(t, err)
		require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.orderRef === "A-2" && e.detail.claim.route === "brand-direct"; })`))
	})
	t.Run("a cold phone visit answers with no keystroke", func(t *testing.T) {
		// The bench's phone (390×844 at 2×, CPU 4×, 150 ms latency,
		// 1.6 Mbit/s, no cache); nothing typed, nothing tapped.
		ctx := newTab(t)
		coldPhone(t, ctx)
		body := fmt.Sprintf(`<rma-check id="w" brand="HyperX" category="accessory" purchase-date="%s" order-ref="A-1"></rma-check>`, day(-10))
		p := servePair(t, dir, testShop(`data-lang="en" data-audience="consumer"`, body), true)
		require.NoError(t, navigate(ctx, p.shop.URL))
		require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.orderRef === "A-1" && e.detail.claim.route === "micromedia-rma"; })`))
		require.NoError(t, pollFrame(ctx, "id=w&", `document.getElementById("rc-headline") !== null`)) // after the hold for screen readers
		got, err := inFrame[string](ctx, "id=w&", `document.documentElement.getAttribute("data-rc-ready") + " " + document.getElementById("rc-headline").textContent`)
		require.NoError(t, err)
		assert.Equal(t, "1 Ask HyperX's support first; your shop can return it", got)
	})
	t.Run("bad facts warn and leave the rest working", func(t *testing.T) {
		ctx := newTab(t)
		list := warnings(t, ctx)
		body := fmt.Sprintf(`<div id="w" data-rmacheck data-brand="Corsiar" data-category="toaster" data-purchase-date="%s" data-model="K70" data-order-ref="B-1"></div>`, day(30))
		p := servePair(t, dir, testShop(`data-lang="en"`, body), true)
		require.NoError(t, navigate(ctx, p.shop.URL))
		require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.orderRef === "B-1"; })`))
		detail, err := eval[map[string]any](ctx, `window.__events.filter(function (e) { return e.type === "decision"; }).pop().detail`)
		require.NoError(t, err)
		assert.Equal(t, "unknown-brand", detail["claim"].(map[string]any)["route"], "an unknown brand goes through the suggestions")
		var w []string
		for _, s := range list() {
			if strings.HasPrefix(s, "RMA Check: ") {
				w = append(w, s)
			}
		}
		require.Len(t, w, 3, "%q", w)
		assert.Contains(t, w[0], `category: unknown value "toaster"`)
		assert.Contains(t, w[1], "purchase-date: "+day(30)+" is after today")
		assert.Contains(t, w[2], `brand: "Corsiar" is not a brand of the guide`)
	})
}

// The demo shop's "My orders": each line's "Report a defect" opens the
// widget pre-filled, and the shop's return form fills from the event,
// which names the line (issue 18).
func TestDemoShopMyOrders(t *testing.T) {
	ctx := newTab(t)
	p := servePair(t, siteDir(t), demoShop(t), true)
	require.NoError(t, navigate(ctx, p.shop.URL+"/orders.html"))
	require.NoError(t, poll(ctx, `window.RMACheckEmbed !== undefined && document.querySelectorAll("#order-lines button").length === 3`))
	for _, tt := range []struct {
		line       int
		ref, route string
		label      string
	}{
		{0, "A-1001-1", "micromedia-rma", "HyperX Cloud III headset"},
		{1, "A-1001-2", "brand-direct", "ASUS Vivobook 15 laptop"},
		{2, "A-1001-3", "not-returnable", "Kaspersky Premium, download"},
	} {
		_, err := eval[any](ctx, fmt.Sprintf(`document.querySelectorAll("#order-lines button")[%d].click()`, tt.line))
		require.NoError(t, err)
		require.NoError(t, poll(ctx, fmt.Sprintf(`document.querySelector('#prefill [data-field="orderRef"]').textContent === %q &&
			document.querySelector('#prefill [data-field="route"]').textContent === %q`, tt.ref, tt.route)), tt.label)
		label, err := eval[string](ctx, `document.querySelector('#prefill [data-field="label"]').textContent`)
		require.NoError(t, err)
		assert.Equal(t, tt.label, label)
	}
}

// orderItems is an order of n lines as <rma-item> children; the first
// three are the demo shop's order.
func orderItems(n int) string {
	demo := []string{
		`brand="HyperX" category="accessory" purchase-date="` + day(-10) + `" order-ref="A-1" label="HyperX Cloud III headset"`,
		`brand="ASUS" category="laptop" purchase-date="` + day(-200) + `" order-ref="A-2" label="ASUS Vivobook 15 laptop"`,
		`brand="Kaspersky" category="digital-software" purchase-date="` + day(-20) + `" order-ref="A-3" label="Kaspersky Premium, download"`,
	}
	more := []string{"Corsair", "Thrustmaster", "Razer", "SteelSeries", "Nacon", "Sennheiser", "Cooler Master"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		attrs := ""
		if i < len(demo) {
			attrs = demo[i]
		} else {
			name := more[(i-len(demo))%len(more)]
			attrs = fmt.Sprintf(`brand=%q category="accessory" purchase-date="%s" order-ref="A-%d" label="%s accessory with a rather long name for a phone's narrow screen"`, name, day(-5*i), i+1, name)
		}
		b.WriteString("<rma-item " + attrs + "></rma-item>")
	}
	return b.String()
}

// An order of several lines: the widget lists them with their answers at a
// glance; picking one shows its answer, and the event names its line;
// the way back lists them again (issue 18).
func TestOrderOfThreeLines(t *testing.T) {
	ctx := newTab(t)
	list := warnings(t, ctx)
	p := servePair(t, siteDir(t), testShop(`data-lang="en" data-audience="consumer"`, `<rma-check id="w">`+orderItems(3)+`</rma-check>`), true)
	require.NoError(t, navigate(ctx, p.shop.URL))
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "ready"; })`))
	id := divID(t, ctx, "w")
	answers := drive[[]string](t, ctx, id, `await wait(function () { return document.querySelectorAll(".rc-line").length === 3; }, "three lines");
		return Array.prototype.map.call(document.querySelectorAll(".rc-line"), function (b) { return b.innerText.replace(/\s+/g, " ").trim(); });`)
	require.Len(t, answers, 3)
	assert.Contains(t, answers[0], "HyperX Cloud III headset")
	assert.Contains(t, answers[0], "Take it back to the shop by")
	assert.Contains(t, answers[1], "Contact ASUS support directly")
	assert.Contains(t, answers[2], "This product cannot be returned")
	n, err := eval[int](ctx, `window.__events.filter(function (e) { return e.type === "decision"; }).length`)
	require.NoError(t, err)
	assert.Zero(t, n, "no decision until a line is picked")

	drive[bool](t, ctx, id, `document.getElementById("rc-line-2").click(); await headline(); return true;`)
	require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "decision" && e.detail.orderRef === "A-2" && e.detail.label === "ASUS Vivobook 15 laptop" && e.detail.claim.route === "brand-direct"; })`))

	got := drive[string](t, ctx, id, `document.getElementById("rc-back-to-order").click();
		(await wait(function () { return document.getElementById("rc-line-1"); }, "the list")).click();
		return await headline();`)
	assert.Contains(t, got, "HyperX")
	require.NoError(t, poll(ctx, `window.__events.filter(function (e) { return e.type === "decision"; }).pop().detail.orderRef === "A-1"`))

	// A list in prefill is another order: its lines show. A line added as
	// an <rma-item> sends the element's order again.
	_, err = eval[any](ctx, `RMACheckEmbed.prefill("w", [{brand: "Razer", category: "accessory", orderRef: "B-1"}, {brand: "Nacon", category: "accessory", orderRef: "B-2"}])`)
	require.NoError(t, err)
	labels := drive[string](t, ctx, id, `await wait(function () { return document.querySelectorAll(".rc-line").length === 2; }, "the new order");
		return Array.prototype.map.call(document.querySelectorAll(".rc-line .rc-line-label"), function (s) { return s.textContent; }).join(" | ");`)
	assert.Equal(t, "Razer · Accessory (mouse, keyboard, headset…) | Nacon · Accessory (mouse, keyboard, headset…)", labels)
	_, err = eval[any](ctx, `var it = document.createElement("rma-item"); it.setAttribute("brand", "Corsair"); it.setAttribute("category", "accessory"); document.getElementById("w").appendChild(it)`)
	require.NoError(t, err)
	drive[bool](t, ctx, id, `await wait(function () { return document.querySelectorAll(".rc-line").length === 4; }, "the element's order, with its new line"); return true;`)
	for _, w := range list() {
		assert.NotContains(t, w, "RMA Check", "good facts give no warning")
	}
}

// Ten lines on a phone (390×844, a shop page laid out for phones): every
// line shows whole in the frame, none wider than the screen, each a full
// tap target, and the frame is as tall as the list (issue 18).
func TestOrderOfTenLinesOnAPhone(t *testing.T) {
	ctx := newTab(t)
	phone(t, ctx, 390, false)
	p := servePair(t, siteDir(t), testShop(`data-lang="fr" data-audience="consumer"`, `<meta name="viewport" content="width=device-width, initial-scale=1"><rma-check id="w">`+orderItems(10)+`</rma-check>`), true)
	require.NoError(t, navigate(ctx, p.shop.URL))
	id := divID(t, ctx, "w")
	type box struct{ Left, Right, Height, Bottom float64 }
	got := drive[struct {
		Lines []box
		Width float64
		Doc   float64
	}](t, ctx, id, `await wait(function () { return document.querySelectorAll(".rc-line").length === 10; }, "ten lines");
		return {
			Lines: Array.prototype.map.call(document.querySelectorAll(".rc-line"), function (b) { var r = b.getBoundingClientRect(); return {Left: r.left, Right: r.right, Height: r.height, Bottom: r.bottom}; }),
			Width: document.documentElement.clientWidth,
			Doc: Math.ceil(document.documentElement.getBoundingClientRect().height)
		};`)
	require.Len(t, got.Lines, 10)
	assert.LessOrEqual(t, got.Width, 390.0, "a phone's width")
	for i, b := range got.Lines {
		assert.GreaterOrEqual(t, b.Left, 0.0, "line %d", i+1)
		assert.LessOrEqual(t, b.Right, got.Width, "line %d fits the width", i+1)
		assert.GreaterOrEqual(t, b.Height, 44.0, "line %d is a tap target", i+1)
		assert.LessOrEqual(t, b.Bottom, got.Doc, "line %d is inside the page", i+1)
	}
	require.NoError(t, poll(ctx, fmt.Sprintf(`document.querySelector("#w iframe").getBoundingClientRect().height >= %v`, got.Doc)), "the frame shows the whole list")
	scroll, err := eval[float64](ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
	require.NoError(t, err)
	assert.Zero(t, scroll, "the shop page does not scroll sideways")
}

// earlyCard is what the result card shows of the early answer, and where
// (readEarlyCard, in the widget's frame).
type earlyCard struct {
	Early    bool
	Headline string
	Dates    []string
	Contacts []string
	Tops     []float64
}

const readEarlyCard = `(() => {
	const r = document.getElementById("rc-result");
	const texts = (sel) => [...document.querySelectorAll(sel)].map(e => e.textContent);
	const top = (id) => { const e = document.getElementById(id); return e ? Math.round(e.getBoundingClientRect().top + window.scrollY) : -1; };
	return {Early: r.dataset.rcEarly === "1", Headline: (document.getElementById("rc-headline") || {}).textContent || "",
		Dates: texts("#rc-dates li"), Contacts: texts("#rc-contacts li"), Tops: [top("rc-headline"), top("rc-dates"), top("rc-contacts")]};
})()`

// firstLiveProbe notes, in the widget's frame, whether the page's facts
// had come (a prefill message) and what the first live page held when the
// wasm made it live: the brand box's value and the order's lines.
const firstLiveProbe = `(() => {
  addEventListener("message", (e) => {
    if (e.data && e.data.source === "rmacheck-host" && e.data.type === "prefill") document.documentElement.setAttribute("data-probe-facts", "1");
  }, true);
  new MutationObserver((records, o) => {
    const html = document.documentElement;
    if (html.getAttribute("data-rc-ready") !== "1") return;
    o.disconnect();
    const box = document.getElementById("rc-brand");
    html.setAttribute("data-probe-first", JSON.stringify({brand: box ? box.value : null, lines: document.querySelectorAll(".rc-line").length}));
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-rc-ready"]});
})();`

// The facts that reach the frame before the wasm runs (embed.js sends
// them on the frame's first word, widget.js keeps them) are in the
// widget's first live page: no empty form, then a filled one (issue 18).
func TestEarlyFactsReachTheFirstLivePage(t *testing.T) {
	dir := siteDir(t)
	for _, tt := range []struct {
		name, body string
		brand      string
		lines      int
	}{
		{"one line", fmt.Sprintf(`<rma-check id="w" brand="HyperX" category="accessory" purchase-date="%s"></rma-check>`, day(-10)), "HyperX", 0},
		{"an order", `<rma-check id="w">` + orderItems(3) + `</rma-check>`, "", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := newTab(t)
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstLiveProbe})
			require.NoError(t, err)
			gate := newWasmGate()
			p := servePair(t, dir, testShop(`data-lang="en" data-audience="consumer"`, tt.body), true, gate.wrap)
			t.Cleanup(gate.release) // before the server's Close, which waits for held requests
			require.NoError(t, navigate(ctx, p.shop.URL))
			require.NoError(t, pollFrame(ctx, "id=w&", `document.documentElement.getAttribute("data-probe-facts") === "1"`), "the facts before the wasm")
			ready, err := inFrame[string](ctx, "id=w&", `document.documentElement.getAttribute("data-rc-ready") || ""`)
			require.NoError(t, err)
			require.Empty(t, ready, "the wasm is held back")
			var early earlyCard
			if tt.brand != "" {
				// Issue 29: the early answer, with no keystroke, before the wasm.
				require.NoError(t, pollFrame(ctx, "id=w&", `document.getElementById("rc-result").dataset.rcEarly === "1"`), "the early answer")
				early, err = inFrame[earlyCard](ctx, "id=w&", readEarlyCard)
				require.NoError(t, err)
				assert.NotEmpty(t, early.Headline)
				assert.NotEmpty(t, early.Dates, "the deadline in words")
				assert.NotEmpty(t, early.Contacts)
				events, err := eval[int](ctx, `window.__events.filter(e => e.type === "early").length`)
				require.NoError(t, err)
				assert.Equal(t, 1, events, "one rmacheck:decision event with detail.early")
			}
			gate.release()
			require.NoError(t, pollFrame(ctx, "id=w&", `document.documentElement.getAttribute("data-probe-first") !== null`))
			first, err := inFrame[struct {
				Brand *string
				Lines int
			}](ctx, "id=w&", `JSON.parse(document.documentElement.getAttribute("data-probe-first"))`)
			require.NoError(t, err)
			if tt.brand != "" {
				require.NotNil(t, first.Brand)
				assert.Equal(t, tt.brand, *first.Brand, "the first live page holds the facts")
			}
			assert.Equal(t, tt.lines, first.Lines, "the order's lines in the first live page")
			if tt.brand != "" {
				require.NoError(t, pollFrame(ctx, "id=w&", `document.getElementById("rc-checklist") !== null`), "the complete answer")
				live, err := inFrame[earlyCard](ctx, "id=w&", readEarlyCard)
				require.NoError(t, err)
				assert.False(t, live.Early)
				assert.Equal(t, early.Headline, live.Headline)
				assert.Equal(t, early.Dates, live.Dates)
				assert.Equal(t, early.Contacts, live.Contacts)
				assert.Equal(t, early.Tops, live.Tops, "nothing the early answer showed moves")
				require.NoError(t, poll(ctx, `window.__events.some(e => e.type === "decision")`), "the complete answer's event")
			}
		})
	}
}
