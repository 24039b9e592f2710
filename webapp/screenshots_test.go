//go:build e2e && !wasm

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestScreenshots writes PNGs of the main states into $RMA_SCREENSHOTS
// (make screenshots: docs/screenshots). It checks nothing else.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("RMA_SCREENSHOTS")
	if dir == "" {
		t.Skip("RMA_SCREENSHOTS not set (make screenshots)")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir)
	}
	ts := widgetServer(t, nil)
	shot := func(tb *tab, name string) { tb.screenshot(filepath.Join(dir, name)) }

	tb := openTab(t, ts.URL+"/#lang=en&id=shot1")
	shot(tb, "empty.png")
	tb.typeBrand("hyper")
	tb.waitJS(`document.getElementById("rc-brand").getAttribute("aria-expanded") === "true"`)
	shot(tb, "suggestions.png")
	tb.do(chromedp.Click(chromedp.CSS(`#rc-brand-list li[data-brand="hyperx"]`)))
	tb.fill("accessory", daysAgo(10))
	tb.waitJS(`document.getElementById("rc-status").textContent === "Eligible for a return"`)
	shot(tb, "consumer-hyperx-doa.png")

	// The same claim as a small phone sees it in a shop's page.
	phone := openTab(t, ts.URL+"/#lang=en&id=shot1")
	phone.do(chromedp.EmulateViewport(390, 1760))
	phone.waitRoute("micromedia-rma")
	buf, err := chromedp.Run(phone.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "phone-hyperx-doa.png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}

	// Print view: one clean page.
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shot(tb, "print-hyperx-doa.png")

	rs := openTab(t, ts.URL+"/#lang=nl&audience=reseller&id=shot2")
	rs.typeBrand("DXRacer")
	rs.fill("gaming-chair", daysAgo(200))
	rs.waitRoute("spare-parts-first")
	shot(rs, "reseller-dxracer-nl.png")

	rm := openTab(t, ts.URL+"/#lang=en&audience=reseller&id=shot3")
	rm.typeBrand("Sennheiser")
	rm.fill("accessory", daysAgo(60))
	rm.click("rc-support-unresolved")
	rm.click("rc-from-micromedia")
	rm.waitJS(`document.getElementById("rc-mail") !== null`)
	shot(rm, "reseller-sennheiser-rma.png")

	un := openTab(t, ts.URL+"/#lang=fr&id=shot4&mode=dark&accent=%23aa3300&radius=12px")
	un.typeBrand("Hyprex\n")
	un.waitRoute("unknown-brand")
	shot(un, "unknown-brand-fr-dark.png")
}
