//go:build e2e && !wasm

package main

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One claim per tab (issue 28): two tabs of the same shop page (the same
// widget id) each keep their own claim across a reload; a new tab starts
// from the last claim saved.
func TestTwoTabsKeepAClaimEach(t *testing.T) {
	p := servePair(t, siteDir(t), testShop(`data-lang="en"`, `<rma-check id="w"></rma-check>`), true)
	tabs := map[string]context.Context{}
	typeIn := func(tab string, brand, id string) {
		ctx := tabs[tab]
		require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "ready"; })`), tab)
		drive[bool](t, ctx, "w", `await brand("`+brand+`", "`+id+`"); await new Promise(function (r) { setTimeout(r, 200); }); return true;`)
	}
	brandIn := func(tab string) string {
		ctx := tabs[tab]
		require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "ready"; })`), tab)
		return drive[string](t, ctx, "w", `await wait(ready, "the widget"); return document.getElementById("rc-brand").value;`)
	}
	for _, name := range []string{"first", "second"} {
		tabs[name] = newTab(t)
		require.NoError(t, navigate(tabs[name], p.shop.URL))
	}
	typeIn("first", "HyperX", "hyperx")
	typeIn("second", "Corsair", "corsair")
	require.NoError(t, chromedp.Do(tabs["first"], chromedp.Reload()))
	assert.Equal(t, "HyperX", brandIn("first"), "the first tab's claim, though the second saved since")
	require.NoError(t, chromedp.Do(tabs["second"], chromedp.Reload()))
	assert.Equal(t, "Corsair", brandIn("second"))
	tabs["third"] = newTab(t)
	require.NoError(t, navigate(tabs["third"], p.shop.URL))
	assert.Equal(t, "Corsair", brandIn("third"), "a new tab: the last claim saved")
}
