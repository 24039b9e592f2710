//go:build e2e && !wasm

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// TestScreenshotDemoShop writes demo-shop.png into $RMA_SCREENSHOTS (make
// screenshot-demo): the demo shop after a claim, with the widget, the
// pre-filled return form and the event log.
func TestScreenshotDemoShop(t *testing.T) {
	out := os.Getenv("RMA_SCREENSHOTS")
	if out == "" {
		t.Skip("RMA_SCREENSHOTS not set (make screenshot-demo)")
	}
	ctx := openDemoShop(t)
	id := divID(t, ctx, "widget")
	drive[string](t, ctx, id, `await brand("HyperX", "hyperx"); await category("accessory"); await purchase("`+day(-12)+`");
		(await wait(function () { return document.getElementById("rc-proof"); }, "proof")).click();
		set(document.getElementById("rc-defect"), "The left ear cup stays silent");
		document.getElementById("rc-complete").click();
		document.getElementById("rc-brand").blur();
		return await headline();`)
	require.NoError(t, poll(ctx, `document.querySelector('#prefill [data-field="route"]').textContent === "micromedia-rma"`))
	require.NoError(t, poll(ctx, `document.querySelector('#prefill [data-field="eligible"]').textContent === "true"`))
	require.NoError(t, poll(ctx, `document.querySelector("#widget iframe").getBoundingClientRect().height > 600`))
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(out, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "demo-shop.png"), png, 0o644))
	t.Logf("wrote %s (%d bytes)", filepath.Join(out, "demo-shop.png"), len(png))
}
