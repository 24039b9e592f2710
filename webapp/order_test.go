package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// threeLines is the demo shop's order: a HyperX headset within the shop's
// 30 days, an ASUS laptop and a Kaspersky download.
func threeLines() []Facts {
	day := func(n int) string { return testToday.AddDays(n).String() }
	return []Facts{
		{Brand: "HyperX", Category: "accessory", PurchaseDate: day(-10), OrderRef: "A-1", Label: "HyperX Cloud III headset"},
		{Brand: "ASUS", Category: "laptop", PurchaseDate: day(-200), OrderRef: "A-2", Label: "ASUS Vivobook 15 laptop"},
		{Brand: "Kaspersky", Category: "digital-software", PurchaseDate: day(-20), OrderRef: "A-3"},
	}
}

func prefilled(lines []Facts) app.Action {
	return app.Action{Name: actPrefill, Value: prefillAction{Lines: lines}}
}

func consumerPage(t *testing.T) *checkPage {
	p := newCheckPage(testGuide(t), testToday)
	p.cfg.Audience = sdk.AudienceConsumer
	return p
}

// An order of several lines lists them, each with its answer at a glance
// in the widget's audience; picking one goes on with it, and its answer
// names the line (issue 18).
func TestOrderListsItsLines(t *testing.T) {
	p := consumerPage(t)
	mount(t, &driver{page: p, posts: []app.Action{prefilled(threeLines())}})
	require.True(t, p.order.Picking)
	lines := p.orderLines()
	require.Len(t, lines, 3)
	for i, want := range []orderLine{
		{Label: "HyperX Cloud III headset", Headline: "Ask HyperX's support first; your shop can return it", Date: "Take it back to the shop by 30 March 2026", Kind: "todo"},
		{Label: "ASUS Vivobook 15 laptop", Headline: "Contact ASUS support directly", Kind: "no"},
		{Label: "Kaspersky · Download or activation code (software, game)", Headline: "This product cannot be returned", Kind: "no"},
	} {
		assert.Equal(t, want, lines[i], "line %d", i+1)
	}
	html := app.HTMLString(p)
	got := ids(html)
	require.Contains(t, got, "rc-order")
	assert.Equal(t, []string{"rc-order", "rc-order-title", "rc-line-1", "rc-line-2", "rc-line-3", "rc-line-other"}, got[slices.Index(got, "rc-order"):][:6])
	assert.NotContains(t, html, `id="rc-brand"`, "no form until a line is picked")
	assert.Nil(t, decisionOnScreen(p), "no decision for the shop until a line is picked")

	p = consumerPage(t)
	mount(t, &driver{page: p, posts: []app.Action{prefilled(threeLines()), {Name: actPickLine, Value: 1}}})
	assert.False(t, p.order.Picking)
	require.NotNil(t, p.view.Decision)
	assert.Equal(t, sdk.RouteBrandDirect, p.view.Decision.Route)
	m := decisionMessage(p.view)
	assert.Equal(t, "A-2", m["orderRef"])
	assert.Equal(t, "ASUS Vivobook 15 laptop", m["label"])
	assert.Contains(t, app.HTMLString(p), `id="rc-back-to-order"`, "the way back to the list")
}

// decisionOnScreen is the decision the page would tell the shop about.
func decisionOnScreen(p *checkPage) map[string]any {
	if p.order.Picking {
		return nil
	}
	return decisionMessage(p.view)
}

// Each line keeps what was typed for it, through the list and another
// line; "start over" goes back to the list with the page's facts.
func TestOrderKeepsEachLinesDraft(t *testing.T) {
	posts := []app.Action{
		prefilled(threeLines()),
		{Name: actPickLine, Value: 0},
		{Name: actEdit, Value: edit{Field: fieldDefect, Text: "left ear silent"}},
		{Name: actEdit, Value: edit{Field: fieldCategory, Text: "other"}},
		{Name: actShowOrder},
	}
	p := consumerPage(t)
	mount(t, &driver{page: p, posts: posts})
	require.True(t, p.order.Picking)
	assert.Equal(t, "HyperX Cloud III headset", p.orderLines()[0].Label)

	posts = append(posts, app.Action{Name: actPickLine, Value: 2}, app.Action{Name: actShowOrder}, app.Action{Name: actPickLine, Value: 0})
	p = consumerPage(t)
	mount(t, &driver{page: p, posts: posts})
	assert.Equal(t, "left ear silent", p.draft.DefectDescription)
	assert.Equal(t, sdk.CategoryOther, p.draft.Category, "the person's answer over the page's fact")
	assert.Equal(t, "A-1", p.draft.OrderRef)

	p = consumerPage(t)
	mount(t, &driver{page: p, posts: append(posts, app.Action{Name: actReset})})
	assert.True(t, p.order.Picking)
	assert.Equal(t, "A-1", p.pickLine(0).OrderRef)
	assert.Empty(t, p.pickLine(0).DefectDescription, "start over forgets what was typed")

	p = consumerPage(t)
	mount(t, &driver{page: p, posts: []app.Action{prefilled(threeLines()), {Name: actPickLine, Value: -1}}})
	assert.False(t, p.order.Picking)
	assert.Equal(t, Draft{}, p.draft, "another product: an empty form")
}

// A restored draft for one of the order's lines goes on with it; the same
// order sent again (when the widget is ready) keeps the person's place;
// one line alone goes straight to its answer.
func TestOrderRestoresTheLineInProgress(t *testing.T) {
	g := testGuide(t)
	p := consumerPage(t)
	p.draft = Draft{}.withFacts(g, threeLines()[1])
	p.draft = p.draft.apply(g, edit{Field: fieldDefect, Text: "no power"})
	d, warnings, changed := p.takeOrder(threeLines())
	assert.Empty(t, warnings)
	assert.True(t, changed)
	assert.False(t, p.order.Picking)
	assert.Equal(t, 1, p.order.Line)
	assert.Equal(t, "no power", d.DefectDescription)
	p.draft = d

	p.order.Picking = true
	d, _, changed = p.takeOrder(threeLines())
	assert.False(t, changed)
	assert.True(t, p.order.Picking, "the same order again: the list stays")
	assert.Equal(t, p.draft, d)

	p.takeOrder(append(threeLines(), Facts{Brand: "Razer", Category: "accessory"}))
	assert.True(t, p.order.Picking, "another order while the list shows: its list, though it has the line left")
	assert.Equal(t, "no power", p.pickLine(1).DefectDescription, "the line left keeps what was typed")

	p = consumerPage(t)
	mount(t, &driver{page: p, posts: []app.Action{prefilled(threeLines()[:1])}})
	assert.False(t, p.order.Picking)
	require.NotNil(t, p.view.Decision)
	assert.Equal(t, "A-1", decisionMessage(p.view)["orderRef"])
	assert.NotContains(t, app.HTMLString(p), `id="rc-back-to-order"`)
}

// A bad fact in a line gets one warning naming the line and the
// attribute; the line still lists, with what it could take.
func TestOrderWarnsPerLine(t *testing.T) {
	lines := threeLines()
	lines[1].Category = "toaster"
	p := consumerPage(t)
	_, warnings, _ := p.takeOrder(lines)
	require.Len(t, warnings, 1)
	assert.True(t, strings.HasPrefix(warnings[0], `RMA Check: rma-item 2: category: unknown value "toaster"`), warnings[0])
	assert.Equal(t, "ASUS Vivobook 15 laptop", p.orderLines()[1].Label)
	assert.Equal(t, "A few questions first", p.orderLines()[1].Headline, "the kind of product is asked")
}
