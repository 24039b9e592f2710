//go:build e2e && !wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

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
	p := servePair(t, siteDir(t), func(widget string) http.Handler {
		h, err := shopHandler(widget)
		require.NoError(t, err)
		return h
	}, true)
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
