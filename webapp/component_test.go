package main

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Component tests with go-app's test engine: they run on the build machine
// (the components build outside wasm; JS calls are no-ops there).

// mount loads c in a new test engine and runs everything pending.
func mount(t *testing.T, c app.Composer) {
	t.Helper()
	e := app.NewTestEngine()
	require.NoError(t, e.Load(c))
	e.ConsumeAll()
}

// ids lists the id attributes in the HTML of ui, in order.
func ids(html string) []string {
	var out []string
	for _, part := range strings.Split(html, ` id="`)[1:] {
		out = append(out, part[:strings.IndexByte(part, '"')])
	}
	return out
}

func TestQuestionListAsksWhatTheRulesNeed(t *testing.T) {
	g := testGuide(t)
	tests := []struct {
		name     string
		brand    string
		cat      sdk.Category
		audience sdk.Audience
		want     []string // question ids, in order
		absent   []string
	}{
		{"standard consumer", "Acco", sdk.CategoryAccessory, sdk.AudienceConsumer,
			[]string{"rc-proof", "rc-defect", "rc-complete", "rc-serial"},
			[]string{"rc-support", "rc-spares", "rc-photo", "rc-from-micromedia"}},
		{"standard reseller", "Acco", sdk.CategoryAccessory, sdk.AudienceReseller,
			[]string{"rc-proof", "rc-defect", "rc-complete", "rc-from-micromedia", "rc-serial"},
			[]string{"rc-support", "rc-spares", "rc-photo"}},
		{"Sennheiser", "Sennheiser", sdk.CategoryAccessory, sdk.AudienceConsumer,
			[]string{"rc-support", "rc-proof", "rc-defect", "rc-complete", "rc-serial"},
			[]string{"rc-spares", "rc-photo"}},
		{"DXRacer chair", "DXRacer", sdk.CategoryGamingChair, sdk.AudienceConsumer,
			[]string{"rc-spares", "rc-proof", "rc-defect", "rc-complete", "rc-photo", "rc-serial"},
			[]string{"rc-support"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := buildView(g, completeDraft(g, tt.brand, tt.cat, "2026-01-15"), sdk.LangEnglish, tt.audience, testToday)
			q := &questionList{Lang: sdk.LangEnglish, BrandName: v.Brand.Name, Asked: v.Asked, Draft: v.Draft}
			mount(t, q)
			// The fieldset's legend comes first.
			require.NoError(t, app.Match(app.Legend().Class("rc-legend").Text("About the claim"), q, 0, 0))
			var got []string
			for _, id := range ids(app.HTMLString(q)) {
				for _, w := range append(tt.want, tt.absent...) {
					if id == w {
						got = append(got, id)
					}
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestQuestionListMarksTheSerialNumber(t *testing.T) {
	g := testGuide(t)
	for _, tt := range []struct {
		brand string
		cat   sdk.Category
		note  string
	}{
		{"DXRacer", sdk.CategoryGamingChair, "(required)"},
		{"Acco", sdk.CategoryAccessory, "(optional)"},
	} {
		v := buildView(g, completeDraft(g, tt.brand, tt.cat, "2026-01-15"), sdk.LangEnglish, sdk.AudienceConsumer, testToday)
		q := &questionList{Lang: sdk.LangEnglish, BrandName: v.Brand.Name, Asked: v.Asked, Draft: v.Draft}
		mount(t, q)
		html := app.HTMLString(q)
		assert.Contains(t, html, `<span class="rc-note">`+tt.note+`</span>`, tt.brand)
	}
}

func TestQuestionListRadiosReflectTheDraft(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Sennheiser", sdk.CategoryAccessory, "2026-01-15").apply(g, edit{Field: fieldSupport, Text: "unresolved"})
	v := buildView(g, d, sdk.LangFrench, sdk.AudienceConsumer, testToday)
	q := &questionList{Lang: sdk.LangFrench, Audience: sdk.AudienceConsumer, BrandName: v.Brand.Name, Asked: v.Asked, Draft: v.Draft}
	mount(t, q)
	// fieldset > support fieldset (index 1) > second option (index 2) > input
	require.NoError(t, app.Match(app.Legend().Class("rc-label").Text("Avez-vous déjà contacté l'assistance de Sennheiser ?"), q, 0, 1, 0))
	require.NoError(t, app.Match(app.Input().Type("radio").Name("rc-support").ID("rc-support-unresolved").Value("unresolved").Checked(true).OnChange(func(app.Context, app.Event) {}), q, 0, 1, 2, 0))
	// No checked="false" from the server: any checked attribute ticks.
	require.NoError(t, app.Match(app.Input().Type("radio").Name("rc-support").ID("rc-support-not-contacted").Value("not-contacted").OnChange(func(app.Context, app.Event) {}), q, 0, 1, 1, 0))
}

func TestResultCard(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-03-01")
	d.ProofOfPurchase = false
	v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	card := &resultCard{View: v}
	mount(t, card)

	// section > live region > headline, status
	require.NoError(t, app.Match(app.H2().ID("rc-headline").Class("rc-headline").TabIndex(-1).Text("Ask HyperX's support first; your shop can return it"), card, 0, 0, 0))
	require.NoError(t, app.Match(app.P().ID("rc-status").Class("rc-status", "rc-status-todo").Text("Not eligible yet: complete the checklist"), card, 0, 0, 1))

	html := app.HTMLString(card)
	assert.Contains(t, html, `data-route="micromedia-rma"`)
	assert.Contains(t, html, "Take it back to the shop by 31 March 2026", "the deadline in plain words")
	assert.NotContains(t, html, "RMA number", "consumers have no RMA number")
	assert.NotContains(t, html, "DOA")
	inner, ok := element(html, "li", `class="rc-doc-missing"`, `data-doc="proof-of-purchase"`)
	if assert.True(t, ok, "proof of purchase marked missing") {
		assert.Regexp(t, `(?s)Your proof of purchase.*\(missing\)`, inner)
	}
	_, ok = element(html, "li", `class="rc-doc-ready"`, `data-doc="defect-description"`)
	assert.True(t, ok, "defect description marked ready")
	assert.NotContains(t, html, "rma-form", "consumers do not see the RMA form")
	assert.Contains(t, html, `href="https://hyperx.com/pages/support"`, "1.1: HyperX's support first, with its contact")
	assert.Contains(t, html, "Based on the return rules of 4 March 2026.")
	assert.NotContains(t, html, "Micromedia", "consumers read of the shop, not the distributor")

	// A contact link is named by its label and a short address.
	outside := buildView(g, completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-01-15"), sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	outsideCard := &resultCard{View: outside}
	mount(t, outsideCard)
	link, ok := element(app.HTMLString(outsideCard), "a", `href="https://hyperx.com/pages/support"`)
	if assert.True(t, ok) {
		assert.Equal(t, "Brand support: hyperx.com", strings.Join(strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(link, "")), " "), "the link is named by its label")
	}
}

// Shop staff read the guide's notes as they are, without the consumer's lead-in.
func TestResultCardResellerNotes(t *testing.T) {
	g := testGuide(t)
	v := buildView(g, completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-03-01"), sdk.LangEnglish, sdk.AudienceReseller, testToday)
	card := &resultCard{View: v}
	mount(t, card)
	html := app.HTMLString(card)
	assert.NotContains(t, html, "What the guide tells shops:")
	assert.Contains(t, html, "Customer invoice of 30 days or less = DOA")
}

func TestResultCardRendersGuideTextAsText(t *testing.T) {
	g := testGuide(t)
	v := buildView(g, completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-01-15"), sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	dec := *v.Decision
	dec.Notes = []string{`<img src=x onerror=alert(1)>`}
	dec.Contacts = []sdk.Contact{{Type: sdk.ContactWebsite, Value: "javascript:alert(1)", Role: sdk.RoleSupport, Label: "Brand support"}}
	v.Decision = &dec
	card := &resultCard{View: v}
	mount(t, card)
	html := app.HTMLString(card)
	assert.NotContains(t, html, "<img")
	assert.Contains(t, html, "&lt;img src=x onerror=alert(1)&gt;")
	assert.NotContains(t, html, "javascript:", "an unsafe contact is not shown")
}

func TestResultCardUnknownBrand(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Hyprex", "", "")
	p := newCheckPage(g, testToday)
	p.draft = d
	p.refresh()
	card := &resultCard{View: p.view, Suggestions: p.suggestions(), StillNeeded: p.stillNeeded()}
	mount(t, card)
	html := app.HTMLString(card)
	assert.Contains(t, html, "We don&#39;t know the brand “Hyprex”")
	assert.Contains(t, html, `data-brand="hyperx"`, "the closest name is offered")
	assert.NotContains(t, html, `rma@micromedia.eu`, "consumers are not sent to the distributor")

	p.cfg.Audience = sdk.AudienceReseller
	p.refresh()
	card = &resultCard{View: p.view, Suggestions: p.suggestions()}
	mount(t, card)
	assert.Contains(t, app.HTMLString(card), `href="mailto:rma@micromedia.eu"`, "shop staff may ask the RMA department")
}

func TestResultCardPlaceholder(t *testing.T) {
	card := &resultCard{View: View{Lang: sdk.LangDutch}}
	mount(t, card)
	// The live region is there before the first decision.
	require.NoError(t, app.Match(app.Div().ID("rc-live").Aria("live", "polite"), card, 0, 0))
	require.NoError(t, app.Match(app.P().Class("rc-placeholder").Text("Kies het merk en de soort product om het antwoord te zien."), card, 0, 0, 0))
}

// driver mounts the check page and posts edits to it, as the components do.
type driver struct {
	app.Compo
	page  *checkPage
	posts []app.Action
}

func (d *driver) Render() app.UI { return d.page }

func (d *driver) OnPreRender(ctx app.Context) {
	ctx.Defer(func(ctx app.Context) {
		for _, a := range d.posts {
			ctx.NewActionWithValue(a.Name, a.Value)
		}
	})
}

func TestCheckPageAppliesActions(t *testing.T) {
	g := testGuide(t)
	sennheiser := []app.Action{
		{Name: actEdit, Value: edit{Field: fieldBrandText, Text: "sennheiser"}},
		{Name: actEdit, Value: edit{Field: fieldCategory, Text: "accessory"}},
		{Name: actEdit, Value: edit{Field: fieldPurchaseDate, Text: "2026-01-15"}},
		{Name: actEdit, Value: edit{Field: fieldProof, On: true}},
		{Name: actEdit, Value: edit{Field: fieldDefect, Text: "Crackles"}},
		{Name: actEdit, Value: edit{Field: fieldComplete, On: true}},
		{Name: actLang, Value: sdk.LangDutch},
	}
	p := newCheckPage(g, testToday)
	mount(t, &driver{page: p, posts: sennheiser})
	require.NotNil(t, p.view.Decision)
	assert.Equal(t, sdk.RouteSupportFirst, p.view.Decision.Route)
	assert.Equal(t, sdk.LangDutch, p.view.Decision.Lang)
	html := app.HTMLString(p)
	assert.Contains(t, html, "Neem eerst contact op met de support van Sennheiser")
	assert.Contains(t, html, `id="rc-support"`, "the support question is asked")

	p = newCheckPage(g, testToday)
	mount(t, &driver{page: p, posts: append(sennheiser, app.Action{Name: actEdit, Value: edit{Field: fieldSupport, Text: "unresolved"}})})
	assert.Equal(t, sdk.RouteMicromediaRMA, p.view.Decision.Route)
	assert.True(t, p.view.Decision.Eligible)

	p = newCheckPage(g, testToday)
	mount(t, &driver{page: p, posts: append(sennheiser, app.Action{Name: actReset})})
	assert.Equal(t, Draft{}, p.draft)
	assert.Nil(t, p.view.Decision)
	assert.Equal(t, sdk.LangDutch, p.lang, "start over keeps the language")
}

func TestResultCardResellerRMAForm(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-01-15").apply(g, edit{Field: fieldFromMicromedia, On: true})
	v := buildView(g, d, sdk.LangEnglish, sdk.AudienceReseller, testToday)
	card := &resultCard{View: v}
	mount(t, card)
	html := app.HTMLString(card)
	_, ok := element(html, "li", `class="rc-doc-todo"`, `data-doc="rma-form"`)
	assert.True(t, ok, "the form is to be filled in, never ready by itself")
	assert.Contains(t, html, "Get the Micromedia RMA form from your contact person at Micromedia, or download it from micromedia.nl.", "1.2.1: where to get the form")
	assert.Contains(t, html, `href="mailto:rma@micromedia.eu"`, "shop staff see Micromedia's RMA contact")
	assert.Contains(t, v.summary(g), "[ ] Completed Micromedia RMA form")
}

// stepsOf lists the texts of the result card's steps.
func stepsOf(t *testing.T, card *resultCard) []string {
	t.Helper()
	inner, ok := element(app.HTMLString(card), "ol", `id="rc-steps"`)
	if !ok {
		return nil
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?s)<li[^>]*>(.*?)</li>`).FindAllStringSubmatch(inner, -1) {
		out = append(out, strings.TrimSpace(html.UnescapeString(m[1])))
	}
	return out
}

// TestResultCardConsumerSteps: a consumer gets steps of the widget's own for
// every route, never the guide's steps for shop staff (Micromedia's
// addresses, the shop's portal, the other distributor).
func TestResultCardConsumerSteps(t *testing.T) {
	g := testGuide(t)
	tests := []struct {
		route    sdk.Route
		brand    string
		cat      sdk.Category
		purchase string
	}{
		{sdk.RouteMicromediaRMA, "HyperX", sdk.CategoryAccessory, "2026-03-01"},
		{sdk.RouteBrandDirect, "Acer", sdk.CategoryLaptop, "2026-03-01"},
		{sdk.RouteSupportFirst, "Epos", sdk.CategoryAccessory, "2026-03-01"},
		{sdk.RouteSparePartsFirst, "AKRacing", sdk.CategoryAccessory, "2026-03-01"},
		{sdk.RouteOtherDistributor, "Blue Microphone", sdk.CategoryAccessory, "2026-03-01"},
		{sdk.RouteNotReturnable, "Acco", sdk.CategoryDigitalSoftware, "2026-03-01"},
		{sdk.RouteNeedsInformation, "HyperX", sdk.CategoryAccessory, ""},
		{sdk.RouteUnknownBrand, "Qwzzyx", sdk.CategoryAccessory, "2026-03-01"},
	}
	shopTalk := regexp.MustCompile(`(?i)@|micromedia|tech ?data|portal|portail|portaal|\bRMA\b`)
	for _, tt := range tests {
		for _, l := range sdk.Langs() {
			t.Run(string(tt.route)+"/"+string(l), func(t *testing.T) {
				d := completeDraft(g, tt.brand, tt.cat, tt.purchase)
				v := buildView(g, d, l, sdk.AudienceConsumer, testToday)
				require.NotNil(t, v.Decision)
				require.Equal(t, tt.route, v.Decision.Route)
				require.Equal(t, sdk.AudienceConsumer, v.Decision.Audience, "the SDK words the decision for consumers")
				card := &resultCard{View: v}
				mount(t, card)
				got := stepsOf(t, card)
				assert.Equal(t, frenchSpaceAll(l, v.Decision.Steps), got, "the card shows the SDK's steps")
				require.NotEmpty(t, got)
				for _, s := range got {
					assert.NotRegexp(t, shopTalk, s, "a step for shop staff")
				}

				// Shop staff get the guide's procedure.
				reseller := &resultCard{View: buildView(g, d, l, sdk.AudienceReseller, testToday)}
				mount(t, reseller)
				assert.Equal(t, frenchSpaceAll(l, reseller.View.Decision.Steps), stepsOf(t, reseller))
				assert.NotEqual(t, reseller.View.Decision.Steps, got, "consumers do not read the shop's steps")
			})
		}
	}
}

// TestConsumerOtherDistributor: the consumer goes back to the shop; the
// other distributor's addresses are for the shop.
func TestConsumerOtherDistributor(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Blue Microphone", sdk.CategoryAccessory, "2026-03-01")
	consumer := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	require.Equal(t, sdk.RouteOtherDistributor, consumer.Decision.Route)
	for _, c := range consumer.contacts() {
		assert.NotEqual(t, sdk.RoleOtherDistributor, c.Role, c.Value)
	}
	status, kind := consumer.status()
	assert.Equal(t, "Your shop returns it through another distributor", status)
	assert.Equal(t, "todo", kind)

	reseller := buildView(g, d, sdk.LangEnglish, sdk.AudienceReseller, testToday)
	var roles []sdk.ContactRole
	for _, c := range reseller.contacts() {
		roles = append(roles, c.Role)
	}
	assert.Contains(t, roles, sdk.RoleOtherDistributor)
	status, _ = reseller.status()
	assert.Equal(t, "Not a Micromedia RMA", status)
}

// fakeBrowser is a browser with a fragment and languages.
type fakeBrowser struct {
	noBrowser
	hash  string
	langs []string
}

func (f fakeBrowser) fragment() string    { return f.hash }
func (f fakeBrowser) languages() []string { return f.langs }

// starter starts the check page as OnMount does in the browser, with lang
// stored for widget w1 beforehand, then posts the actions.
type starter struct {
	app.Compo
	page    *checkPage
	browser browser
	stored  sdk.Lang
	posts   []app.Action
	ctx     app.Context
}

func (s *starter) Render() app.UI { return s.page }

func (s *starter) OnPreRender(ctx app.Context) {
	s.ctx = ctx
	if s.stored != "" {
		ctx.LocalStorage().Set("rmacheck.lang.w1", s.stored)
	}
	s.page.browser = s.browser
	s.page.start(ctx)
	ctx.Defer(func(ctx app.Context) {
		for _, a := range s.posts {
			ctx.NewActionWithValue(a.Name, a.Value)
		}
	})
}

// TestStartLanguage: the host page's language (the fragment) wins over the
// one stored from an earlier visit; only the user's own switches are stored.
func TestStartLanguage(t *testing.T) {
	tests := []struct {
		name       string
		hash       string
		stored     sdk.Lang
		browser    []string
		posts      []app.Action
		want       sdk.Lang
		wantStored sdk.Lang
	}{
		{"the host's language wins", "#lang=nl&id=w1", sdk.LangFrench, nil, nil, sdk.LangDutch, sdk.LangFrench},
		{"stored when the host sets none", "#id=w1", sdk.LangFrench, []string{"nl-BE"}, nil, sdk.LangFrench, sdk.LangFrench},
		{"a bad host language is ignored", "#lang=de&id=w1", sdk.LangFrench, nil, nil, sdk.LangFrench, sdk.LangFrench},
		{"the browser's", "#id=w1", "", []string{"nl-BE", "en"}, nil, sdk.LangDutch, ""},
		{"English at last", "#id=w1", "", []string{"de-DE"}, nil, sdk.LangEnglish, ""},
		{"a stored bad language is ignored", "#id=w1", "xx", []string{"fr-FR"}, nil, sdk.LangFrench, "xx"},
		{"the user's switch is stored", "#lang=nl&id=w1", "", nil,
			[]app.Action{{Name: actLang, Value: sdk.LangEnglish}}, sdk.LangEnglish, sdk.LangEnglish},
		{"the host's config message is not stored", "#id=w1", sdk.LangFrench, nil,
			[]app.Action{{Name: actHostLang, Value: sdk.LangDutch}}, sdk.LangDutch, sdk.LangFrench},
		{"a bad config language changes nothing", "#id=w1", sdk.LangFrench, nil,
			[]app.Action{{Name: actHostLang, Value: sdk.Lang("de")}}, sdk.LangFrench, sdk.LangFrench},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newCheckPage(testGuide(t), testToday)
			s := &starter{page: p, browser: fakeBrowser{hash: tt.hash, langs: tt.browser}, stored: tt.stored, posts: tt.posts}
			mount(t, s)
			assert.Equal(t, tt.want, p.lang)
			assert.Equal(t, tt.want, p.view.Lang, "the view follows")
			var stored sdk.Lang
			s.ctx.LocalStorage().Get("rmacheck.lang.w1", &stored)
			assert.Equal(t, tt.wantStored, stored)
		})
	}
}

// The support question speaks to its reader (issue 20): the consumer is
// asked about their own contact with the brand, shop staff about the case.
func TestSupportQuestionByAudience(t *testing.T) {
	g := testGuide(t)
	for _, tt := range []struct {
		audience sdk.Audience
		lang     sdk.Lang
		want     string
	}{
		{sdk.AudienceConsumer, sdk.LangEnglish, "Have you already contacted Sennheiser's support?"},
		{sdk.AudienceConsumer, sdk.LangDutch, "Heeft u al contact opgenomen met de support van Sennheiser?"},
		{sdk.AudienceReseller, sdk.LangEnglish, "Was Sennheiser support contacted?"},
	} {
		v := buildView(g, completeDraft(g, "Sennheiser", sdk.CategoryAccessory, "2026-01-15"), tt.lang, tt.audience, testToday)
		q := &questionList{Lang: tt.lang, Audience: tt.audience, BrandName: v.Brand.Name, Asked: v.Asked, Draft: v.Draft}
		mount(t, q)
		assert.NoError(t, app.Match(app.Legend().Class("rc-label").Text(tt.want), q, 0, 1, 0), "%s %s", tt.audience, tt.lang)
	}
}

// The brand hint says "no brand matches" only when the search looked:
// after one letter it finds nothing, and the hint would be false (and read
// out by a screen reader, as the hint is a live region).
func TestBrandHintAfterOneLetter(t *testing.T) {
	g := testGuide(t)
	for _, tt := range []struct {
		text string
		hint bool
	}{
		{"h", false},
		{" h ", false},
		{"hy", false}, // HyperX matches
		{"qwz", true},
		{"q.w", true},
	} {
		b := &brandSearch{Lang: sdk.LangEnglish, Text: tt.text, Matches: g.Lookup(tt.text), open: true}
		mount(t, b)
		html := app.HTMLString(b)
		if tt.hint {
			assert.Contains(t, html, "No brand matches", tt.text)
		} else {
			assert.NotContains(t, html, "No brand matches", tt.text)
		}
	}
}

// Consumers read the shop's jargon nowhere: the kind of product for a
// download, and the footer's source (issue 20); staff keep the guide's.
func TestConsumerWordsInTheForm(t *testing.T) {
	g := testGuide(t)
	for _, tt := range []struct {
		audience  sdk.Audience
		want, not string
		footer    string
		footerNot string
	}{
		{sdk.AudienceConsumer, "Download or activation code", "ESD/POSA", "Based on the return rules of 4 March 2026.", "Micromedia"},
		{sdk.AudienceReseller, "Digital software (ESD/POSA)", "activation code", "Based on Micromedia&#39;s return guide of 4 March 2026.", ""},
	} {
		v := buildView(g, Draft{}, sdk.LangEnglish, tt.audience, testToday)
		p := &productFields{Lang: sdk.LangEnglish, Categories: v.Categories}
		mount(t, p)
		html := app.HTMLString(p)
		assert.Contains(t, html, tt.want, tt.audience)
		assert.NotContains(t, html, tt.not, tt.audience)
		f := &pageFooter{Lang: sdk.LangEnglish, Audience: tt.audience, GuideDate: g.Date()}
		mount(t, f)
		html = app.HTMLString(f)
		assert.Contains(t, html, tt.footer, tt.audience)
		if tt.footerNot != "" {
			assert.NotContains(t, html, tt.footerNot, tt.audience)
		}
	}
}
