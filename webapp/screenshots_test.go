//go:build e2e && !wasm

package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestScreenshots writes PNGs of the main states into $RMA_SCREENSHOTS
// (make screenshots: docs/screenshots). It checks nothing else.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("RMA_SCREENSHOTS")
	if dir == "" {
		t.Skip("RMA_SCREENSHOTS not set")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir)
	}
	ts := widgetServer(t, nil)

	tb := openTab(t, ts.URL+"/#lang=en&id=shot1")
	tb.screenshot(filepath.Join(dir, "empty.png"))

	tb.typeBrand("hyper")
	tb.waitJS(`document.querySelectorAll("#rc-brand-list li").length > 0`)
	tb.screenshot(filepath.Join(dir, "suggestions.png"))

	tb.typeBrand("x")
	tb.do()
	tb.click("rc-brand-opt-0")
	tb.setField("rc-category", "accessory")
	tb.setField("rc-date", daysAgo(10))
	tb.click("rc-proof")
	tb.setField("rc-defect", "No sound from the left ear")
	tb.click("rc-complete")
	tb.waitRoute("micromedia-rma")
	tb.screenshot(filepath.Join(dir, "consumer-hyperx-doa.png"))

	rs := openTab(t, ts.URL+"/#lang=nl&audience=reseller&id=shot2")
	rs.typeBrand("DXRacer")
	rs.setField("rc-category", "gaming-chair")
	rs.setField("rc-date", daysAgo(200))
	rs.waitRoute("spare-parts-first")
	rs.screenshot(filepath.Join(dir, "reseller-dxracer-nl.png"))

	un := openTab(t, ts.URL+"/#lang=fr&id=shot3&mode=dark&accent=%23aa3300&radius=12px")
	un.typeBrand("Hyprex\n")
	un.waitRoute("unknown-brand")
	un.screenshot(filepath.Join(dir, "unknown-brand-fr-dark.png"))
}
