package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContactHref(t *testing.T) {
	tests := []struct {
		name string
		c    sdk.Contact
		want string
	}{
		{"https", sdk.Contact{Type: sdk.ContactWebsite, Value: "https://hyperx.com/pages/support"}, "https://hyperx.com/pages/support"},
		{"javascript is not a link", sdk.Contact{Type: sdk.ContactWebsite, Value: "javascript:alert(1)"}, ""},
		{"website with a quote", sdk.Contact{Type: sdk.ContactWebsite, Value: `https://x.example/"onclick=`}, ""},
		{"e-mail", sdk.Contact{Type: sdk.ContactEmail, Value: "rma@micromedia.eu"}, "mailto:rma@micromedia.eu"},
		{"e-mail with a query is refused", sdk.Contact{Type: sdk.ContactEmail, Value: "a@b.example?body=x"}, ""},
		{"international phone drops the trunk 0", sdk.Contact{Type: sdk.ContactPhone, Value: "+31 (0) 24 645 25 44"}, "tel:+31246452544"},
		{"national phone", sdk.Contact{Type: sdk.ContactPhone, Value: "024-645 25 44"}, "tel:0246452544"},
		{"phone without digits", sdk.Contact{Type: sdk.ContactPhone, Value: "call us"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, contactHref(tt.c))
		})
	}
}

func TestEveryGuideContactMakesALink(t *testing.T) {
	g := testGuide(t)
	for _, b := range g.Brands() {
		for _, c := range b.Contacts {
			href := contactHref(c)
			assert.NotEmpty(t, href, "%s: %s %q", b.ID, c.Type, c.Value)
			assert.True(t, strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://") ||
				strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "tel:"), href)
		}
	}
}

func TestAudienceShapesTheCard(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-01-15")
	consumer := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	for _, c := range consumer.contacts() {
		assert.NotEqual(t, sdk.RoleMicromediaRMA, c.Role, "consumers go to the shop, not to Micromedia")
	}
	for _, doc := range consumer.documents() {
		assert.NotEqual(t, sdk.DocumentRMAForm, doc.ID, "the shop fills in the RMA form")
	}
	assert.Contains(t, consumer.steps()[0], "shop where you bought it")

	reseller := buildView(g, d.apply(g, edit{Field: fieldFromMicromedia, On: true}), sdk.LangEnglish, sdk.AudienceReseller, testToday)
	var roles []sdk.ContactRole
	for _, c := range reseller.contacts() {
		roles = append(roles, c.Role)
	}
	assert.Contains(t, roles, sdk.RoleMicromediaRMA)
	assert.Equal(t, reseller.Decision.Steps, reseller.steps(), "shop staff get the guide's steps")
	assert.Equal(t, "Request an RMA from Micromedia", reseller.headline())

	unknown := buildView(g, completeDraft(g, "Hyprex", "", ""), sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	assert.Empty(t, unknown.contacts(), "a consumer with an unknown brand asks the shop, not the distributor")
	unknownForShop := buildView(g, completeDraft(g, "Hyprex", "", ""), sdk.LangEnglish, sdk.AudienceReseller, testToday)
	require.NotEmpty(t, unknownForShop.contacts())
	assert.Equal(t, sdk.RoleMicromediaRMA, unknownForShop.contacts()[0].Role, "shop staff may ask the RMA department")
}

func TestDates(t *testing.T) {
	g := testGuide(t)
	hyperx := completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-03-01")
	v := buildView(g, hyperx, sdk.LangFrench, sdk.AudienceConsumer, testToday)
	assert.Equal(t, []string{"Rapportez-le au magasin au plus tard le 31 mars 2026"}, v.dates(), "consumers: the deadline in plain words")
	v = buildView(g, hyperx, sdk.LangFrench, sdk.AudienceReseller, testToday)
	assert.Equal(t, []string{"Défectueux à la livraison (DOA) jusqu'au 31 mars 2026", "Numéro RMA valable 14 jours"}, v.dates())

	eco := completeDraft(g, "Ecoflow", sdk.CategoryOther, "2021-01-15")
	eco = eco.apply(g, edit{Field: fieldModel, Text: "River 2"})
	v = buildView(g, eco, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	assert.Equal(t, []string{"The warranty ended on 15 January 2026; a repair may be charged."}, v.dates())
}

func TestSummary(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-03-01")
	d.ProofOfPurchase = false
	v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	s := v.summary(g)
	for _, want := range []string{
		"Brand: HyperX",
		"Purchase date: 1 March 2026",
		"Checked on: 10 March 2026",
		"Decision: Ask HyperX's support first; your shop can return it",
		"Eligible: no",
		"Missing: Proof of purchase",
		"Take it back to the shop by 31 March 2026",
		"[ ] Your proof of purchase (receipt or invoice)",
		"[x] A description of the defect",
		"Based on the return rules of 4 March 2026.",
	} {
		assert.Contains(t, s, want)
	}
	assert.NotContains(t, s, "Micromedia")
	reseller := buildView(g, d.apply(g, edit{Field: fieldFromMicromedia, On: true}), sdk.LangEnglish, sdk.AudienceReseller, testToday).summary(g)
	for _, want := range []string{
		"Checked on: 10 March 2026",
		"Dead on arrival (DOA) until 31 March 2026",
		"Guide section 2 HyperX of Micromedia's return guide of 4 March 2026.",
	} {
		assert.Contains(t, reseller, want)
	}
	assert.Equal(t, "", View{}.summary(g), "no decision, no summary")
}

func TestMailDraft(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-01-15").apply(g, edit{Field: fieldFromMicromedia, On: true})
	d.SerialNumber = "SN 42&x=1"
	d.CustomerNumber, d.InvoiceNumber = "C-1234", "F 2026/77"
	href, addr := buildView(g, d, sdk.LangEnglish, sdk.AudienceReseller, testToday).mailDraft()
	assert.Equal(t, "rma@micromedia.eu", addr)
	u, err := url.Parse(href)
	require.NoError(t, err)
	assert.Equal(t, "mailto", u.Scheme)
	assert.Equal(t, "rma@micromedia.eu", u.Opaque)
	q := u.Query()
	assert.Equal(t, "RMA request: Acco", q.Get("subject"))
	body := q.Get("body")
	assert.Contains(t, body, "Brand: Acco\r\n")
	assert.Contains(t, body, "Serial number: SN 42&x=1\r\n", "the body keeps & and = as text")
	assert.Contains(t, body, "Guide section: 1.2")
	assert.Contains(t, body, "Checked on: 10 March 2026\r\n", "the date of the check")
	assert.Contains(t, body, "Guide of: 4 March 2026\r\n", "the guide's date")
	assert.Contains(t, body, "Customer number: C-1234\r\n", "the shop's references go into the draft")
	assert.Contains(t, body, "Invoice number: F 2026/77\r\n")
	assert.NotContains(t, href, "+", "spaces are %20 in mailto")
	assert.NotContains(t, buildView(g, d, sdk.LangEnglish, sdk.AudienceReseller, testToday).summary(g), "C-1234", "the references are for the e-mail only")

	notYet := d
	notYet.ProofOfPurchase = false
	pending, _ := buildView(g, notYet, sdk.LangEnglish, sdk.AudienceReseller, testToday).mailDraft()
	assert.Empty(t, pending, "no e-mail draft until the claim is eligible")

	consumer, _ := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday).mailDraft()
	assert.Empty(t, consumer, "no e-mail draft for consumers")
	brandDirect, _ := buildView(g, completeDraft(g, "ASUS", sdk.CategoryLaptop, "2026-01-15"), sdk.LangEnglish, sdk.AudienceReseller, testToday).mailDraft()
	assert.Empty(t, brandDirect, "no RMA e-mail when the brand handles it")
}

func TestDecisionMessage(t *testing.T) {
	g := testGuide(t)
	v := buildView(g, completeDraft(g, "hyper x", sdk.CategoryAccessory, "2026-03-01"), sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	m := decisionMessage(v)
	require.NotNil(t, m)
	claim := m["claim"].(map[string]any)
	assert.Equal(t, "hyperx", claim["brand"])
	assert.Equal(t, sdk.CategoryAccessory, claim["category"])
	assert.Equal(t, "2026-03-01", claim["purchaseDate"])
	assert.Equal(t, "2026-03-10", claim["claimDate"])
	assert.Equal(t, sdk.RouteMicromediaRMA, claim["route"])
	assert.Equal(t, true, claim["eligible"])

	unknown := decisionMessage(buildView(g, completeDraft(g, "Qwzzyx", "", ""), sdk.LangEnglish, sdk.AudienceConsumer, testToday))
	assert.Equal(t, "Qwzzyx", unknown["claim"].(map[string]any)["brand"], "an unknown brand is the typed text")
	assert.Nil(t, decisionMessage(View{}))

	h := &hostLink{id: "w1"}
	assert.JSONEq(t, `{"source":"rmacheck","id":"w1","type":"height","height":420}`, string(h.message("height", map[string]any{"height": 420})))
}

// TestSummaryFrenchColons: the summary and the e-mail draft put a
// non-breaking space before each colon in French.
func TestSummaryFrenchColons(t *testing.T) {
	g := testGuide(t)
	d := Draft{}.apply(g, edit{Field: fieldBrandText, Text: "HyperX"})
	d = d.apply(g, edit{Field: fieldCategory, Text: "accessory"})
	d = d.apply(g, edit{Field: fieldPurchaseDate, Text: testToday.AddDays(-3).String()})
	for _, f := range []field{fieldProof, fieldComplete, fieldFromMicromedia} {
		d = d.apply(g, edit{Field: f, On: true})
	}
	d = d.apply(g, edit{Field: fieldDefect, Text: "Ne s'allume plus"})
	d.CustomerNumber = "C-1"
	v := buildView(g, d, sdk.LangFrench, sdk.AudienceReseller, testToday)
	href, _ := v.mailDraft()
	require.NotEmpty(t, href, "an eligible claim has its e-mail draft")
	body, err := url.PathUnescape(href)
	require.NoError(t, err)
	for name, text := range map[string]string{"summary": v.summary(g), "e-mail": body} {
		require.Contains(t, text, ":", name)
		for i, r := range []rune(text) {
			if r == ':' && !strings.HasSuffix(string([]rune(text)[:i]), "mailto") && !strings.HasSuffix(string([]rune(text)[:i]), "https") {
				assert.Equal(t, '\u00a0', []rune(text)[i-1], "%s: colon at %d without a non-breaking space: %q", name, i, string([]rune(text)[max(0, i-20):i+1]))
			}
		}
	}
}

// TestPrintFacts: the printed page carries the date of the check and the
// shop's references when given, in the widget's language.
func TestPrintFacts(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-03-01")
	tests := []struct {
		name       string
		lang       sdk.Lang
		customer   string
		invoice    string
		want, none []string
	}{
		{"en, with references", sdk.LangEnglish, "C-1042", "INV-77", []string{"Checked on: 10 March 2026", "Customer number: C-1042", "Invoice number: INV-77"}, nil},
		{"fr, without", sdk.LangFrench, "", " ", []string{"Vérifié le: 10 mars 2026"}, []string{"Numéro de client", "Numéro de facture"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dd := d.apply(g, edit{Field: fieldCustomerNumber, Text: tt.customer}).apply(g, edit{Field: fieldInvoiceNumber, Text: tt.invoice})
			v := buildView(g, dd, tt.lang, sdk.AudienceReseller, testToday)
			var got []string
			for _, f := range v.printFacts() {
				got = append(got, f[0]+": "+f[1])
			}
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
			for _, n := range tt.none {
				assert.NotContains(t, strings.Join(got, "\n"), n)
			}
		})
	}
}
