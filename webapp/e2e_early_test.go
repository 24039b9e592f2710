//go:build e2e && !wasm

package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// earlyCard is what the result card shows of the early answer, and where.
type earlyCard struct {
	Early    bool
	Route    string
	Headline string
	Status   string
	Dates    []string
	Contacts []string
	Tops     []float64 // headline, dates, contacts: top on the page
}

const readCard = `(() => {
	const r = document.getElementById("rc-result");
	const texts = (sel) => [...document.querySelectorAll(sel)].map(e => e.textContent);
	const top = (id) => { const e = document.getElementById(id); return e ? Math.round(e.getBoundingClientRect().top + window.scrollY) : -1; };
	return {Early: r.dataset.rcEarly === "1", Route: r.dataset.route || "",
		Headline: (document.getElementById("rc-headline") || {}).textContent || "",
		Status: (document.getElementById("rc-status") || {}).textContent || "",
		Dates: texts("#rc-dates li"), Contacts: texts("#rc-contacts li"),
		Tops: [top("rc-headline"), top("rc-dates"), top("rc-contacts")]};
})()`

// TestE2EEarlyAnswerBeforeTheWasm: on a phone (390×844, CPU 4×, 150 ms,
// 1.6 Mbit/s, first visit) in each language, with app.wasm held back, a
// claim typed in the server's page gets its answer (headline, status,
// dates, contacts) from early.js; when the wasm runs, Go's card says the
// same in the same place and adds the checklist and steps below (issue 29).
func TestE2EEarlyAnswerBeforeTheWasm(t *testing.T) {
	for _, tt := range []struct{ lang, doa string }{
		{"fr", "magasin"}, {"nl", "winkel"}, {"en", "back to the shop"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			ts, release := heldServer(t)
			tb := newTab(t)
			tb.phoneProfile(true)
			tb.do(chromedp.Navigate(ts.URL + "/#lang=" + tt.lang + "&audience=consumer"))
			tb.waitForm()
			tb.do(chromedp.Click(chromedp.ID("rc-brand")), chromedp.SendKeys(chromedp.ID("rc-brand"), "HyperX"))
			tb.do(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.ArrowDown)) // accessory
			tb.setField("rc-date", daysAgo(3))
			tb.waitJS(`document.getElementById("rc-result").dataset.rcEarly === "1"`)
			early := js[earlyCard](tb, readCard)
			require.False(t, js[bool](tb, `document.documentElement.dataset.rcReady === "1"`), "the wasm is held back")
			assert.Equal(t, "micromedia-rma", early.Route)
			assert.NotEmpty(t, early.Headline)
			require.NotEmpty(t, early.Dates)
			assert.Contains(t, early.Dates[0], tt.doa, "the consumer's dead-on-arrival window")
			assert.NotEmpty(t, early.Contacts)
			assert.False(t, js[bool](tb, `document.getElementById("rc-checklist") !== null`), "the checklist waits for the engine")
			assert.Zero(t, js[float64](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`), "nothing wider than the phone")

			release()
			tb.waitReady()
			tb.waitJS(`document.getElementById("rc-checklist") !== null`)
			live := js[earlyCard](tb, readCard)
			assert.False(t, live.Early, "Go's card")
			assert.Equal(t, early.Route, live.Route)
			assert.Equal(t, early.Headline, live.Headline)
			assert.Equal(t, early.Status, live.Status)
			assert.Equal(t, early.Dates, live.Dates)
			assert.Equal(t, early.Contacts, live.Contacts)
			assert.Equal(t, early.Tops, live.Tops, "nothing the early answer showed moves")
			assert.Equal(t, "HyperX", js[string](tb, `document.getElementById("rc-brand").value`))
		})
	}
}
