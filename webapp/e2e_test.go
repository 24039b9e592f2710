//go:build e2e && !wasm

package main

import (
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fill answers the product and chapter 1 questions.
func (tb *tab) fill(category, purchase string) {
	tb.t.Helper()
	tb.setField("rc-category", category)
	if purchase != "" {
		tb.setField("rc-date", purchase)
	}
	// The form asks only what the answer needs (ASUS and an ESD download
	// ask none of the shop's checklist): answer what it shows, once the
	// brand and kind have given a decision.
	tb.waitJS(`(document.getElementById("rc-result") || {dataset: {}}).dataset.route !== undefined`)
	if js[bool](tb, `document.getElementById("rc-proof") !== null`) {
		tb.click("rc-proof")
	}
	if js[bool](tb, `document.getElementById("rc-defect") !== null`) {
		tb.setField("rc-defect", "Stopped working")
	}
	if js[bool](tb, `document.getElementById("rc-complete") !== null`) {
		tb.click("rc-complete")
	}
}

// TestE2EFlows runs a full claim for each route in a real browser.
func TestE2EFlows(t *testing.T) {
	ts := widgetServer(t, nil)
	tests := []struct {
		name     string
		brand    string // typed
		pick     string // brand id to click in the suggestions, "" to leave the box
		category string
		days     int // purchase this many days ago; -1 for none
		then     func(tb *tab)
		route    string
		headline string
		status   string
		check    func(t *testing.T, tb *tab)
	}{
		{name: "standard eligible", brand: "Acco", category: "accessory", days: 100,
			route: "micromedia-rma", headline: "Your shop can return this for you", status: "Eligible for a return",
			check: func(t *testing.T, tb *tab) {
				assert.Contains(t, tb.text("rc-source"), "Based on the return rules of")
				assert.NotContains(t, tb.text("rc-result"), "Micromedia", "consumers read of the shop")
			}},
		{name: "HyperX inside 30 days", brand: "hyper x", category: "accessory", days: 10,
			route: "micromedia-rma", headline: "Ask HyperX's support first; your shop can return it", status: "Eligible for a return",
			check: func(t *testing.T, tb *tab) {
				assert.Contains(t, tb.text("rc-dates"), "Take it back to the shop by "+formatDate("en", dateOf(t, daysAgo(-20))))
			}},
		{name: "HyperX outside 30 days", brand: "HyperX", category: "accessory", days: 45,
			route: "brand-direct", headline: "Contact HyperX support directly", status: "Not a return through the shop",
			check: func(t *testing.T, tb *tab) {
				assert.Equal(t, "https://hyperx.com/pages/support", js[string](tb, `document.querySelector("#rc-contacts a").getAttribute("href")`))
			}},
		{name: "ASUS brand direct", brand: "asus", category: "laptop", days: 100,
			route: "brand-direct", headline: "Contact ASUS support directly", status: "Not a return through the shop"},
		{name: "Sennheiser support first", brand: "Sennheiser", category: "accessory", days: 100,
			route: "support-first", headline: "Contact Sennheiser support first", status: "Not yet: this step comes first",
			check: func(t *testing.T, tb *tab) {
				tb.click("rc-support-unresolved")
				tb.waitRoute("micromedia-rma")
				assert.Equal(t, "Eligible for a return", tb.text("rc-status"))
			}},
		{name: "DXRacer spare parts", brand: "dx rac", pick: "dxracer", category: "gaming-chair", days: 100,
			route: "spare-parts-first", headline: "A spare part first", status: "Not yet: this step comes first",
			check: func(t *testing.T, tb *tab) {
				assert.Contains(t, tb.text("rc-checklist"), "The product's serial number (missing)")
				assert.Contains(t, tb.text("rc-checklist"), "A photo of the defective part (missing)")
				tb.click("rc-photo")
				tb.setField("rc-serial", "DX-123")
				tb.click("rc-spares-not-solved")
				tb.waitRoute("micromedia-rma")
				assert.Equal(t, "Eligible for a return", tb.text("rc-status"))
			}},
		{name: "ESD not returnable", brand: "Kaspersky", category: "digital-software", days: 5,
			route: "not-returnable", headline: "This product cannot be returned", status: "Not eligible for a return"},
		{name: "unknown brand with suggestions", brand: "Hyprex", category: "accessory", days: 10,
			route: "unknown-brand", headline: "We don't know the brand “Hyprex”", status: "Not eligible yet: check the brand",
			check: func(t *testing.T, tb *tab) {
				assert.Equal(t, 0, js[int](tb, `document.querySelectorAll("#rc-contacts a").length`), "consumers ask the shop, not the distributor")
				tb.do(chromedp.Click(chromedp.CSS(`#rc-did-you-mean button[data-brand="hyperx"]`)))
				tb.waitRoute("needs-information") // HyperX's DOA window needs the purchase date
				assert.Equal(t, "We still need: purchase date", tb.text("rc-headline"))
				assert.Equal(t, "HyperX", js[string](tb, `document.getElementById("rc-brand").value`))
			}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := openTab(t, fmt.Sprintf("%s/#lang=en&id=flow%d", ts.URL, i))
			tb.typeBrand(tt.brand)
			if tt.pick != "" {
				// Choose from the suggestions with the mouse.
				sel := fmt.Sprintf(`#rc-brand-list li[data-brand=%q]`, tt.pick)
				tb.waitJS(fmt.Sprintf(`document.querySelector(%q) !== null && !document.getElementById("rc-brand-list").hidden`, sel))
				tb.do(chromedp.Click(chromedp.CSS(sel)))
			} else {
				tb.do(chromedp.KeyEvent(kb.Tab)) // leave the box: the typed name is final
			}
			date := ""
			if tt.days >= 0 {
				date = daysAgo(tt.days)
			}
			if tt.route == "unknown-brand" {
				tb.setField("rc-category", tt.category)
			} else {
				tb.fill(tt.category, date)
			}
			tb.waitJS(fmt.Sprintf(`(document.getElementById("rc-result") || {dataset: {}}).dataset.route === %q &&
				document.getElementById("rc-headline").textContent === %q && document.getElementById("rc-status").textContent === %q`,
				tt.route, tt.headline, tt.status))
			assert.Contains(t, tb.text("rc-guide-date"), "4 March 2026")
			if tt.check != nil {
				tt.check(t, tb)
			}
		})
	}
}

// TestE2EKeyboard completes a claim with the keyboard only.
func TestE2EKeyboard(t *testing.T) {
	ts := widgetServer(t, nil)
	tb := openTab(t, ts.URL+"/#lang=en&id=kbd")
	key, focused := tb.key, tb.focused

	// Tab from the page start reaches the brand box after the header buttons.
	tb.tabTo("rc-brand", 10, "the brand box")
	key("sennh")
	tb.waitJS(`document.getElementById("rc-brand").getAttribute("aria-expanded") === "true"`)
	key(kb.ArrowDown)
	tb.waitJS(`document.getElementById("rc-brand").getAttribute("aria-activedescendant") === "rc-brand-opt-0"`)
	assert.Equal(t, "true", js[string](tb, `document.getElementById("rc-brand-opt-0").getAttribute("aria-selected")`))
	key(kb.Enter)
	tb.waitJS(`document.getElementById("rc-brand").value === "Sennheiser"`)
	tb.waitJS(`document.getElementById("rc-brand").getAttribute("aria-expanded") === "false"`)

	key(kb.Tab)
	require.Equal(t, "rc-category", focused())
	key(kb.ArrowDown) // first category: accessory
	tb.waitJS(`document.getElementById("rc-category").value === "accessory"`)
	key(kb.Tab)
	require.Equal(t, "rc-date", focused())
	d := time.Now().AddDate(0, 0, -100)
	key(d.Format("01022006")) // en-US date field: month, day, year
	tb.waitJS(fmt.Sprintf(`document.getElementById("rc-date").value === %q`, d.Format("2006-01-02")))
	tb.waitRoute("support-first")

	// Into the questions: support (a radio group: arrows choose), proof,
	// defect, complete. Tab may first visit the date's segments, then comes
	// the link to the answer.
	for i := 0; i < 4 && focused() == "rc-date"; i++ {
		key(kb.Tab)
	}
	require.Equal(t, "rc-see-answer", focused())
	key(kb.Tab)
	require.Equal(t, "rc-support-not-contacted", focused())
	key(kb.ArrowDown)
	require.Equal(t, "rc-support-unresolved", focused())
	tb.waitRoute("micromedia-rma")
	key(kb.Tab)
	require.Equal(t, "rc-proof", focused())
	key(" ")
	key(kb.Tab)
	require.Equal(t, "rc-defect", focused())
	key("Crackling sound")
	key(kb.Tab)
	require.Equal(t, "rc-complete", focused())
	key(" ")
	tb.waitJS(`document.getElementById("rc-status").textContent === "Eligible for a return"`)

	// Escape closes the suggestions without choosing.
	tb.do(chromedp.Focus(chromedp.ID("rc-brand")))
	js[chromedp.Void](tb, `document.getElementById("rc-brand").select()`)
	key("ace")
	tb.waitJS(`document.getElementById("rc-brand").getAttribute("aria-expanded") === "true"`)
	key(kb.Escape)
	tb.waitJS(`document.getElementById("rc-brand").getAttribute("aria-expanded") === "false"`)
}

// TestE2ELanguage switches the language in the UI and from the fragment.
func TestE2ELanguage(t *testing.T) {
	ts := widgetServer(t, nil)
	tb := openTab(t, ts.URL+"/#lang=nl&id=lang")
	assert.Equal(t, "nl", js[string](tb, `document.documentElement.lang`))
	assert.True(t, js[bool](tb, `window.onclick === null`), "links are left to the browser (no go-app routing of tel:/mailto:)")
	assert.Equal(t, "Kan dit product retour?", tb.text("rc-root")[:len("Kan dit product retour?")])
	tb.typeBrand("HyperX")
	tb.fill("accessory", daysAgo(3))
	tb.waitRoute("micromedia-rma")
	assert.Equal(t, "Vraag eerst de support van HyperX; uw winkel kan het retour sturen", tb.text("rc-headline"))

	tb.click("rc-lang-fr")
	tb.waitJS(`document.documentElement.lang === "fr" && document.getElementById("rc-guide-date").textContent.includes("mars")`)
	assert.Equal(t, "Demandez d'abord à l'assistance de HyperX\u00a0; votre magasin peut le retourner", tb.text("rc-headline"))
	assert.Equal(t, "true", js[string](tb, `document.getElementById("rc-lang-fr").getAttribute("aria-pressed")`))
	assert.Equal(t, "Accessoire (souris, clavier, casque…)", js[string](tb, `document.querySelector("#rc-category option:checked").textContent`))
	assert.Contains(t, tb.text("rc-guide-date"), "4 mars 2026")

	tb.click("rc-lang-en")
	tb.waitJS(`document.documentElement.lang === "en" && document.getElementById("rc-headline").textContent.startsWith("Ask")`)
	assert.Equal(t, "Ask HyperX's support first; your shop can return it", tb.text("rc-headline"))

	// The host page's language (the fragment's) wins over the stored choice.
	tb.do(chromedp.Reload())
	tb.waitReady()
	assert.Equal(t, "nl", js[string](tb, `document.documentElement.lang`))

	// Without a language from the host, the user's choice is kept for this
	// widget instance.
	free := openTab(t, ts.URL+"/#id=lang2")
	free.click("rc-lang-fr")
	free.waitJS(`document.documentElement.lang === "fr"`)
	free.do(chromedp.Reload())
	free.waitReady()
	assert.Equal(t, "fr", js[string](free, `document.documentElement.lang`))
}

// TestE2EReloadRestoresTheDraft keeps the claim across a reload, until
// "start over".
func TestE2EReloadRestoresTheDraft(t *testing.T) {
	ts := widgetServer(t, nil)
	tb := openTab(t, ts.URL+"/#lang=en&id=draft")
	tb.typeBrand("DXRacer")
	tb.fill("gaming-chair", daysAgo(50))
	tb.setField("rc-serial", "DX-9")
	tb.waitRoute("spare-parts-first")

	tb.do(chromedp.Reload())
	tb.waitReady()
	tb.waitRoute("spare-parts-first")
	assert.Equal(t, "DXRacer", js[string](tb, `document.getElementById("rc-brand").value`))
	assert.Equal(t, "gaming-chair", js[string](tb, `document.getElementById("rc-category").value`))
	assert.Equal(t, daysAgo(50), js[string](tb, `document.getElementById("rc-date").value`))
	assert.Equal(t, "DX-9", js[string](tb, `document.getElementById("rc-serial").value`))
	assert.True(t, js[bool](tb, `document.getElementById("rc-proof").checked`))
	assert.Equal(t, "Your claim in progress was restored.", tb.text("rc-restored"))

	tb.click("rc-reset")
	tb.waitJS(`document.getElementById("rc-brand").value === "" && document.getElementById("rc-result").dataset.route === undefined`)
	assert.Equal(t, "rc-brand", js[string](tb, `document.activeElement.id`), "start over puts the focus back in the brand box")
	tb.do(chromedp.Reload())
	tb.waitReady()
	assert.Equal(t, "", js[string](tb, `document.getElementById("rc-brand").value`))
	assert.Equal(t, "", tb.text("rc-restored"))
}

// TestE2EOffline reloads the widget with the server stopped.
func TestE2EOffline(t *testing.T) {
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	ts := httptest.NewServer(s)
	defer ts.Close()
	tb := openTab(t, ts.URL+"/#lang=en&id=offline")
	// The service worker is active once its precache is complete; wait for
	// the cache itself, which is what offline needs.
	tb.do(chromedp.Poll[chromedp.Void](`caches.match("/web/app.wasm").then(r => !!r)`, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(100*time.Millisecond)))
	tb.waitJS(`caches.match("/brands.json").then(r => !!r)`)
	tb.claimOffline(ts)
	assert.Contains(t, tb.text("rc-guide-date"), "4 March 2026")
}

// TestE2EDataUpdate serves a newer brands.json beside the widget: it changes
// the decision. A broken one is ignored with a console warning.
func TestE2EDataUpdate(t *testing.T) {
	newer := editedBrands(t, func(m map[string]any) {
		m["guide"].(map[string]any)["date"] = "2026-05-01"
		for _, b := range m["brands"].([]any) {
			b := b.(map[string]any)
			if b["id"] == "hyperx" {
				rule := b["rules"].([]any)[0].(map[string]any)
				rule["when"].(map[string]any)["days"].(map[string]any)["max"] = 60
			}
		}
	})
	tb := openTab(t, widgetServer(t, newer).URL+"/#lang=en&id=update")
	tb.waitJS(`document.getElementById("rc-guide-date").dataset.date === "2026-05-01"`)
	tb.typeBrand("HyperX")
	tb.fill("accessory", daysAgo(45))
	tb.waitRoute("micromedia-rma")

	broken := editedBrands(t, func(m map[string]any) {
		m["guide"].(map[string]any)["date"] = "2026-05-01"
		m["brands"].([]any)[0].(map[string]any)["rules"] = "nope"
	})
	tb = openTab(t, widgetServer(t, broken).URL+"/#lang=en&id=update2")
	tb.typeBrand("HyperX")
	tb.fill("accessory", daysAgo(45))
	tb.waitRoute("brand-direct")
	assert.Equal(t, "2026-03-04", js[string](tb, `document.getElementById("rc-guide-date").dataset.date`))
	deadline := time.Now().Add(5 * time.Second)
	for !anyContains(tb.console.all(), "/brands/0/rules") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	assert.True(t, anyContains(tb.console.all(), "rmacheck: /brands.json ignored, keeping the embedded guide: /brands/0/rules"), "console: %v", tb.console.all())
	assert.NotContains(t, tb.text("rc-root"), "brands.json", "nothing alarming for the user")
}

func anyContains(list []string, s string) bool {
	for _, l := range list {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// TestE2EHostMessages embeds the widget in a page of another origin: the
// widget posts ready, height and decision to that origin, applies the theme
// from the fragment and ignores a hostile value.
func TestE2EHostMessages(t *testing.T) {
	widget := widgetServer(t, nil)
	tb := openShop(t, func(parent string) string {
		return fmt.Sprintf(`<!doctype html><html lang="en"><title>Shop</title><body>
<script>window.msgs = []; addEventListener("message", e => { if (e.origin === %q) window.msgs.push(e.data); });</script>
<iframe id="w" title="Return check" style="width:600px;height:300px;border:0"
 src="%s/#lang=en&id=w1&parent=%s&accent=%%23aa3300&radius=red%%3Bbackground%%3Aurl(x)"></iframe></body></html>`,
			widget.URL, widget.URL, parent)
	})
	ctx := tb.ctx
	ready := js[map[string]any](tb, `window.msgs.find(m => m.type === "ready")`)
	assert.Equal(t, "rmacheck", ready["source"])
	assert.Equal(t, "w1", ready["id"])
	assert.Equal(t, "2026-03-04", ready["guideDate"])
	assert.Equal(t, "en", ready["lang"])
	assert.NotEmpty(t, ready["version"])

	// Drive the widget inside the frame: another origin, so its own target.
	ft := frameTab(t, ctx, widget.URL)
	assert.Equal(t, "rgb(170, 51, 0)", js[string](ft, `getComputedStyle(document.getElementById("rc-lang-en")).backgroundColor`))
	assert.Equal(t, "6px", js[string](ft, `getComputedStyle(document.getElementById("rc-brand")).borderTopLeftRadius`), "the hostile radius is ignored")
	ft.typeBrand("HyperX")
	ft.fill("accessory", daysAgo(3))
	ft.waitRoute("micromedia-rma")
	tb.waitJS(`window.msgs.some(m => m.type === "decision" && m.claim.eligible)`)
	dec := js[map[string]any](tb, `window.msgs.filter(m => m.type === "decision").pop()`)
	claim := dec["claim"].(map[string]any)
	assert.Equal(t, "hyperx", claim["brand"])
	assert.Equal(t, "accessory", claim["category"])
	assert.Equal(t, daysAgo(3), claim["purchaseDate"])
	assert.Equal(t, "micromedia-rma", claim["route"])
	assert.Equal(t, "micromedia-rma", dec["decision"].(map[string]any)["route"])

	// Messages a shop's own scripts post (not objects) are ignored, and the
	// widget keeps working: a config message after them still switches the
	// language.
	js[chromedp.Void](tb, fmt.Sprintf(`(() => { const w = document.getElementById("w").contentWindow;
		for (const m of ["rmacheck-host", 42, true, null, [1], {source: "rmacheck-host", type: "config", lang: 7}]) w.postMessage(m, %q); })()`, widget.URL))
	js[chromedp.Void](tb, fmt.Sprintf(`document.getElementById("w").contentWindow.postMessage({source: "rmacheck-host", type: "config", lang: "nl"}, %q)`, widget.URL))
	ft.waitJS(`document.documentElement.lang === "nl"`)
	ft.setField("rc-date", daysAgo(40))
	ft.waitRoute("brand-direct")
	assert.False(t, anyContains(ft.console.all(), "panic"), "no panic in the widget: %v", ft.console.all())
}

// TestE2EAccessibility runs axe-core on the main states: no serious or
// critical violations.
func TestE2EAccessibility(t *testing.T) {
	axe, err := os.ReadFile("node_modules/axe-core/axe.min.js")
	if err != nil {
		unavailable(t, "axe-core not installed (make test-webapp installs it with npm): %v", err)
	}
	ts := widgetServer(t, nil)
	check := func(tb *tab, state string) {
		t.Helper()
		if !js[bool](tb, `typeof axe !== "undefined"`) {
			js[chromedp.Void](tb, string(axe))
		}
		res := js[[]map[string]any](tb, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
			.then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
			.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5)})))`)
		assert.Empty(t, res, "%s: serious or critical axe violations", state)
	}
	tb := openTab(t, ts.URL+"/#lang=en&id=a11y")
	check(tb, "empty form")
	tb.typeBrand("hyp")
	tb.waitJS(`document.getElementById("rc-brand").getAttribute("aria-expanded") === "true"`)
	check(tb, "suggestions open")
	tb.do(chromedp.KeyEvent(kb.Escape))
	tb.typeBrand("erX")
	tb.fill("accessory", daysAgo(3))
	tb.waitRoute("micromedia-rma")
	check(tb, "decision")

	dark := openTab(t, ts.URL+"/#lang=fr&id=a11y2&mode=dark&audience=reseller")
	dark.typeBrand("Qwzzyx\n")
	dark.waitRoute("unknown-brand")
	check(dark, "unknown brand, dark, reseller")
	dark.click("rc-reset")
	dark.typeBrand("DXRacer")
	dark.fill("gaming-chair", daysAgo(100))
	dark.waitRoute("spare-parts-first")
	check(dark, "spare parts, dark, reseller")
}

// dateOf parses YYYY-MM-DD for the tests.
func dateOf(t *testing.T, s string) sdk.Date {
	t.Helper()
	d, err := sdk.ParseDate(s)
	require.NoError(t, err)
	return d
}

// TestE2EFiveClaimsByKeyboard: shop staff at a counter check five claims
// in a row with the keyboard alone. After each answer, Tab goes through
// the answer to its actions; "New claim", the last of them, empties the
// claim (the shop's references too), keeps the language, the audience and
// the settings, and puts the focus back in the brand box.
func TestE2EFiveClaimsByKeyboard(t *testing.T) {
	ts := widgetServer(t, nil)
	tb := openTab(t, ts.URL+"/#lang=fr&audience=reseller&accent=teal&id=counter")
	key, focused := tb.key, tb.focused
	tb.tabTo("rc-brand", 10, "the brand box")
	for n, brand := range []string{"Acco", "Sennheiser", "HyperX", "Acer", "Acco"} {
		require.Equal(t, "rc-brand", focused(), "claim %d starts in the brand box", n+1)
		require.Equal(t, "", js[string](tb, `document.getElementById("rc-brand").value`), "claim %d starts empty", n+1)
		key(brand)
		key(kb.Tab)
		require.Equal(t, "rc-category", focused())
		key(kb.ArrowDown) // accessory
		key(kb.Tab)
		require.Equal(t, "rc-date", focused())
		key(time.Now().AddDate(0, 0, -5).Format("01022006"))
		tb.waitJS(`document.querySelector("#rc-result[data-route]") !== null`)
		assert.NotEqual(t, "unknown-brand", tb.route(), "claim %d: %s", n+1, brand)
		// The shop's references, typed like the rest.
		tb.tabTo("rc-customer-number", 40, fmt.Sprintf("claim %d: Tab reaches the customer number", n+1))
		key(fmt.Sprintf("C-%d", n+1))
		tb.tabTo("rc-new-claim", 80, fmt.Sprintf("claim %d: Tab reaches New claim", n+1))
		key(kb.Enter)
		tb.waitJS(`document.getElementById("rc-result") === null || !document.getElementById("rc-result").dataset.route`)
		tb.waitJS(`document.activeElement && document.activeElement.id === "rc-brand"`)
		assert.Equal(t, "", js[string](tb, `document.getElementById("rc-customer-number").value`), "claim %d: the references are the claim's", n+1)
		assert.Equal(t, "fr", js[string](tb, `document.documentElement.lang`), "claim %d: the language stays", n+1)
		assert.True(t, js[bool](tb, `document.getElementById("rc-root").style.getPropertyValue("--rc-accent") === "teal"`), "claim %d: the settings stay", n+1)
		assert.True(t, js[bool](tb, `document.getElementById("rc-customer-number") !== null`), "claim %d: the audience stays (shop staff)", n+1)
	}
}
