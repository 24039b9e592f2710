package sdk_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// Words a consumer never reads: the distributor, its RMA procedure, its
// addresses and its portal for shops. (Route ids are identifiers, not text.)
var shopWords = regexp.MustCompile(`(?i)micromedia|\brma\b|portal|portail|portaal|beurtvaartweg|nijmegen|\beci\b|revendeur|reseller|wederverkoper|robo`)

// Steps that send the consumer to the contacts, and steps that say there
// is no one to contact, in the three languages.
var (
	seeContacts  = regexp.MustCompile(`(?i)see the contacts|voir les contacts|zie de contacten`)
	noOneToCall  = regexp.MustCompile(`(?i)don't need to contact anyone|personne d'autre à contacter|niemand te contacteren`)
	unfilledSlot = regexp.MustCompile(`\{[a-z]+\}`)
)

// claimVariants are claims that reach every rule of a brand's chain: each
// category its rules name (and "other"), each support and spare-part
// answer, day counts around every window, with and without a model.
func claimVariants(g *sdk.Guide, b sdk.Brand) []sdk.Claim {
	claimDate := sdk.DateOf(2026, 12, 1)
	cats := []sdk.Category{sdk.CategoryOther, sdk.CategoryAccessory, sdk.CategoryLaptop, sdk.CategoryConsole, sdk.CategoryGamingChair, sdk.CategoryMotionPlatform, sdk.CategorySurface, sdk.CategoryEStep, sdk.CategoryDigitalSoftware}
	q, _ := g.Questions(b.Name, "")
	models := []string{""}
	if q.Model {
		models = append(models, "unknown model", "River 2 Pro", b.Name+" River 2 Pro")
	}
	days := []int{-1, 0, 5, 29, 30, 31, 200, 400, 800, 2000}
	sups, sps := sdk.SupportAnswers()[:1], sdk.SparePartsAnswers()[:1]
	if q.Support {
		sups = sdk.SupportAnswers()
	}
	if q.SpareParts {
		sps = sdk.SparePartsAnswers()
	}
	var out []sdk.Claim
	for _, cat := range cats {
		for _, sup := range sups {
			for _, sp := range sps {
				for _, d := range days {
					for _, m := range models {
						c := sdk.Claim{Brand: b.Name, Category: cat, Support: sup, SpareParts: sp, Model: m, ClaimDate: claimDate, ProofOfPurchase: d%2 == 0}
						if d >= 0 {
							c.PurchaseDate = claimDate.AddDays(-d)
						}
						out = append(out, c)
					}
				}
			}
		}
	}
	return out
}

// Every decision of every brand, for both audiences and all languages,
// keeps the invariants of its audience. This walks every route and every
// kind of brand rule the data has.
func TestDecisionsKeepTheirAudiencesInvariants(t *testing.T) {
	skipUnderRace(t)
	g := guide(t)
	routesSeen := map[string]bool{}
	checked := map[string]bool{} // consumer texts already found clean
	brands := g.Brands()
	brands = append(brands, sdk.Brand{Name: "Unheard Of Brand"}, sdk.Brand{Name: "Sony"}) // unknown; a shared name
	for _, b := range brands {
		for _, c := range claimVariants(g, b) {
			for _, lang := range sdk.Langs() {
				for _, a := range sdk.Audiences() {
					d, err := g.Evaluate(c, sdk.Options{Lang: lang, Audience: a})
					require.NoError(t, err)
					routesSeen[string(a)+" "+string(d.Route)] = true
					if c.Model == "" && d.OutOfWarranty && len(c.Brand) > 0 {
						// A model the brand's rules name must not turn "ended" into "under warranty".
						for _, m := range []string{"River 2 Pro"} {
							withModel := c
							withModel.Model = m
							if dm, err := g.Evaluate(withModel, sdk.Options{Lang: lang, Audience: a}); err == nil && !dm.OutOfWarranty && dm.Route == d.Route {
								t.Fatalf("%s: out of warranty without a model, under warranty with %q", b.Name, m)
							}
						}
					}
					if problem := supportFirstProblem(d, c, b); problem != "" {
						t.Fatalf("1.1: %s, rule %s, for %s in %s: %s", b.Name, d.Rule.ID, a, lang, problem)
					}
					if problem := audienceProblem(d, c, checked); problem != "" {
						b, _ := json.Marshal(c)
						t.Fatalf("%s for %s in %s, claim %s: %s", d.Route, a, lang, b, problem)
					}
				}
			}
		}
	}
	for _, a := range sdk.Audiences() {
		for _, r := range sdk.Routes() {
			assert.True(t, routesSeen[string(a)+" "+string(r)], "no claim reached %s for %s", r, a)
		}
	}
}

// supportFirstProblem checks the guide's first rule (1.1): a consumer sent
// to the shop, for a brand with a support contact, sees that contact first
// and a first step that points to it, unless the claim says support was
// already tried. Shop staff get a first step about it, with the contact.
func supportFirstProblem(d sdk.Decision, c sdk.Claim, b sdk.Brand) string {
	toShop := d.Route == sdk.RouteMicromediaRMA || d.Route == sdk.RouteSparePartsFirst || d.Route == sdk.RouteOtherDistributor
	hasSupport := false
	for _, con := range b.Contacts {
		hasSupport = hasSupport || con.Role == sdk.RoleSupport
	}
	if !toShop || !hasSupport || c.Support == sdk.SupportUnresolved || c.Support == sdk.SupportReturnApproved {
		return ""
	}
	if len(d.Contacts) == 0 || d.Contacts[0].Role != sdk.RoleSupport {
		return fmt.Sprintf("the first contact is not the brand's support: %v", d.Contacts)
	}
	if len(d.Steps) == 0 || !seeContacts.MatchString(d.Steps[0]) {
		return fmt.Sprintf("the first step does not point to the brand's support: %q", d.Steps)
	}
	return ""
}

func audienceProblem(d sdk.Decision, c sdk.Claim, checked map[string]bool) string {
	text := append(append(append([]string{d.Headline}, d.Steps...), d.Notes...), d.Dates...)
	for _, doc := range d.Documents {
		text = append(text, doc.Label)
	}
	for _, s := range text {
		if strings.Contains(s, "{") && unfilledSlot.MatchString(s) {
			return fmt.Sprintf("unfilled placeholder in %q", s)
		}
	}
	if d.Headline == "" {
		return "no headline"
	}
	if d.Eligible != (d.Route == sdk.RouteMicromediaRMA && len(d.Missing) == 0) {
		return "eligible does not follow route and missing"
	}
	for i, con := range d.Contacts {
		for _, other := range d.Contacts[:i] {
			if con.Label == other.Label && con.Type == other.Type {
				return fmt.Sprintf("two %s contacts read %q: %s and %s", con.Type, con.Label, other.Value, con.Value)
			}
		}
	}
	if d.Audience == sdk.AudienceReseller {
		return ""
	}
	for _, con := range d.Contacts {
		text = append(text, con.Label)
		if con.Role != sdk.RoleSupport {
			return fmt.Sprintf("consumer shown the %s contact %s", con.Role, con.Value)
		}
	}
	for _, s := range text {
		if checked[s] {
			continue
		}
		if m := shopWords.FindString(s); m != "" {
			return fmt.Sprintf("consumer text %q names %q", s, m)
		}
		checked[s] = true
	}
	for _, s := range d.Steps {
		if noOneToCall.MatchString(s) && len(d.Contacts) > 0 {
			return fmt.Sprintf("step %q comes with %d contacts", s, len(d.Contacts))
		}
		if seeContacts.MatchString(s) && len(d.Contacts) == 0 {
			return fmt.Sprintf("step %q points at contacts there are none of", s)
		}
	}
	for _, m := range d.Missing {
		if m == sdk.RequireBoughtFromMicromedia {
			return "consumer asked where the shop bought it"
		}
	}
	for _, doc := range d.Documents {
		if doc.ID == sdk.DocumentRMAForm {
			return "consumer given the shop's RMA form"
		}
	}
	if d.DOA && (len(d.Dates) == 0 || !strings.Contains(d.Dates[0], d.Deadlines.DOAUntil.Format(d.Lang))) {
		return "a DOA decision without its deadline in words"
	}
	if d.OutOfWarranty && !containsDate(d.Dates, d.Deadlines.WarrantyUntil.Format(d.Lang)) {
		return "out of warranty without the date it ended"
	}
	return ""
}

func containsDate(lines []string, date string) bool {
	for _, l := range lines {
		if strings.Contains(l, date) {
			return true
		}
	}
	return false
}

func TestConsumerDeadlinesInPlainWords(t *testing.T) {
	g := guide(t)
	tests := []struct {
		section string
		claim   sdk.Claim
		lang    sdk.Lang
		want    []string
	}{
		{"2 HyperX", sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: sdk.DateOf(2026, 11, 21), ClaimDate: sdk.DateOf(2026, 12, 1)}, sdk.LangEnglish, []string{"Take it back to the shop by 21 December 2026"}},
		{"2 HyperX", sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: sdk.DateOf(2026, 11, 21), ClaimDate: sdk.DateOf(2026, 12, 1)}, sdk.LangDutch, []string{"Breng het uiterlijk 21 december 2026 terug naar de winkel"}},
		{"2 HyperX", sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: sdk.DateOf(2026, 11, 1), ClaimDate: sdk.DateOf(2026, 11, 2)}, sdk.LangFrench, []string{"Rapportez-le au magasin au plus tard le 1er décembre 2026"}},
		{"2 Ecoflow", sdk.Claim{Brand: "Ecoflow", Model: "EcoFlow River 2 Pro", PurchaseDate: sdk.DateOf(2023, 12, 2), ClaimDate: sdk.DateOf(2026, 12, 1)}, sdk.LangEnglish, []string{"Under warranty until 2 December 2028"}},
	}
	for _, tt := range tests {
		t.Run(tt.section, func(t *testing.T) {
			d, err := g.Evaluate(tt.claim, sdk.Options{Lang: tt.lang, Audience: sdk.AudienceConsumer})
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.Dates)
		})
	}
}

// 2 Ecoflow: some models have 5 years. Without the model, a claim the
// model could decide asks for it; one it cannot change does not.
func TestMissingModel(t *testing.T) {
	g := guide(t)
	threeYears := sdk.Claim{Brand: "Ecoflow", PurchaseDate: sdk.DateOf(2023, 12, 1), ClaimDate: sdk.DateOf(2026, 12, 1)}
	d, err := g.Evaluate(threeYears, sdk.Options{})
	require.NoError(t, err)
	assert.Equal(t, sdk.RouteNeedsInformation, d.Route)
	assert.Equal(t, []sdk.Requirement{sdk.RequireModel}, d.Missing)
	assert.False(t, d.OutOfWarranty)

	oneYear := threeYears
	oneYear.PurchaseDate = sdk.DateOf(2025, 12, 1)
	d, err = g.Evaluate(oneYear, sdk.Options{})
	require.NoError(t, err)
	assert.NotEqual(t, sdk.RouteNeedsInformation, d.Route, "within 2 years every model is under warranty")

	for _, model := range []string{"River 2 Pro", "EcoFlow River 2 Pro", "ecoflow-river-2-pro"} {
		withModel := threeYears
		withModel.Model = model
		d, err = g.Evaluate(withModel, sdk.Options{})
		require.NoError(t, err)
		assert.False(t, d.OutOfWarranty, model)
		assert.Equal(t, "2028-12-01", d.Deadlines.WarrantyUntil.String(), model)
	}
}
