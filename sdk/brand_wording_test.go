package sdk_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// What each brand's guide section tells its two readers, checked on the
// decisions: words that must appear, and words that must not, in any step,
// note or headline of the decision, in every language.
func TestBrandWordingFollowsItsSection(t *testing.T) {
	g := guide(t)
	claimDate := sdk.DateOf(2026, 12, 1)
	claim := func(brand string, cat sdk.Category, days int) sdk.Claim {
		return sdk.Claim{Brand: brand, Category: cat, ClaimDate: claimDate, PurchaseDate: claimDate.AddDays(-days), ProofOfPurchase: true, DefectDescription: "broken"}
	}
	tests := []struct {
		section  string
		claim    sdk.Claim
		audience sdk.Audience
		lang     sdk.Lang
		route    sdk.Route
		want     []string // each in some text of the decision
		not      []string // none in any text or contact of the decision
		contacts int      // -1: any number
	}{
		{"2 Microsoft (ROBO)", claim("Microsoft Surface", sdk.CategorySurface, 200), sdk.AudienceConsumer, sdk.LangEnglish, sdk.RouteBrandDirect,
			[]string{"myservice.surface.com", "the shop where you bought it can return it to Microsoft for you"}, []string{"xbox", "cannot take", "portal"}, 0},
		{"2 Microsoft (ROBO)", claim("Microsoft", sdk.CategorySurface, 200), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteBrandDirect,
			[]string{"ROBO portal", "on their behalf under warranty"}, []string{"does not take the product back"}, -1},
		{"1.2.1", claim("Acco", sdk.CategoryOther, 200), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteMicromediaRMA,
			[]string{"proof of purchase, which must show the item (description or EAN code) and the purchase date", "serial number on the form if it has one"}, nil, -1},
		{"1.2.1", claim("Acco", sdk.CategoryOther, 200), sdk.AudienceReseller, sdk.LangFrench, sdk.RouteMicromediaRMA,
			[]string{"description ou code EAN", "numéro de série de l'article s'il en a un"}, nil, -1},
		{"1.2.3", claim("Acco", sdk.CategoryAccessory, 200), sdk.AudienceConsumer, sdk.LangEnglish, sdk.RouteMicromediaRMA,
			[]string{"complete with all its accessories and cables"}, nil, 0},
		{"1.2.3", claim("Acco", sdk.CategoryAccessory, 200), sdk.AudienceConsumer, sdk.LangDutch, sdk.RouteMicromediaRMA,
			[]string{"compleet met alle accessoires en kabels"}, nil, 0},
		{"2 Acer", claim("Acer", sdk.CategoryAccessory, 200), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteMicromediaRMA,
			[]string{"a credit or an exchange based on the invoice value", "Micromedia RMA form"}, []string{"current value"}, -1},
		{"2 Acer", claim("Acer", sdk.CategoryAccessory, 200), sdk.AudienceReseller, sdk.LangFrench, sdk.RouteMicromediaRMA,
			[]string{"valeur de la facture"}, []string{"montant actuel"}, -1},
		{"2 Acer: accessories, plural", claim("Acer", sdk.CategoryAccessory, 200), sdk.AudienceConsumer, sdk.LangFrench, sdk.RouteMicromediaRMA,
			[]string{"le magasin où vous les avez achetés"}, []string{"vous l'avez acheté s'occupe"}, 1},
		{"2 Acer: accessories, plural", claim("Acer", sdk.CategoryAccessory, 200), sdk.AudienceConsumer, sdk.LangDutch, sdk.RouteMicromediaRMA,
			[]string{"de winkel waar u ze kocht"}, nil, -1},
		{"1.1, 2 HyperX", claim("HyperX", sdk.CategoryAccessory, 30), sdk.AudienceConsumer, sdk.LangEnglish, sdk.RouteMicromediaRMA,
			[]string{"Most problems are solved fastest by HyperX's support", "If they cannot help, take the product back to the shop where you bought it"}, []string{"don't need to contact anyone"}, 1},
		{"1.1, 2 HyperX", claim("HyperX", sdk.CategoryAccessory, 30), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteMicromediaRMA,
			[]string{"Point the consumer to HyperX's support first"}, nil, 2},
		{"1.1, 2 Corsair", claim("Corsair", sdk.CategoryGamingChair, 200), sdk.AudienceConsumer, sdk.LangFrench, sdk.RouteMicromediaRMA,
			[]string{"l'assistance de Corsair", "Si elle ne peut pas vous aider"}, []string{"personne d'autre à contacter"}, 2},
		{"2 HyperX", claim("HyperX", sdk.CategoryAccessory, 31), sdk.AudienceConsumer, sdk.LangEnglish, sdk.RouteBrandDirect,
			[]string{"HyperX support (see the contacts)"}, nil, 1},
		{"2 HyperX", claim("HyperX", sdk.CategoryAccessory, 31), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteBrandDirect,
			[]string{"the shop does not take the product back and refers the customer to HyperX support"}, nil, 1},
		{"2 Dometic", claim("Dometic", sdk.CategoryOther, 200), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteBrandDirect,
			[]string{"at their point of sale", "Dometic customer number", "within the legal period", "indirect damage is not compensated"}, []string{"does not take the product back", "does not accept"}, 1},
		{"2 Dometic", claim("Dometic", sdk.CategorySparePart, 200), sdk.AudienceConsumer, sdk.LangFrench, sdk.RouteBrandDirect,
			[]string{"au magasin où vous l'avez acheté", "numéro client Dometic", "délai légal", "dommages indirects"}, []string{"ne reprend pas"}, 1},
		{"2 Ecoflow", claim("Ecoflow", sdk.CategoryOther, 200), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteBrandDirect,
			[]string{"credit note for the current value", "in concertation with Ecoflow"}, []string{"does not take the product back"}, 1},
		{"2 Ecoflow", claim("Ecoflow", sdk.CategoryOther, 200), sdk.AudienceConsumer, sdk.LangDutch, sdk.RouteBrandDirect,
			[]string{"reparatie", "vervanging", "in overleg met Ecoflow", "verkeerd gebruik of verkeerde aansluiting"}, []string{"verkeerd gebruik, aansluiting"}, 1},
		{"2 Soflow", claim("Soflow", sdk.CategoryOther, 200), sdk.AudienceReseller, sdk.LangFrench, sdk.RouteBrandDirect,
			[]string{"en concertation avec Soflow", "le mauvais usage ou le raccordement incorrect"}, []string{"le mauvais usage, le raccordement", "ne reprend pas"}, 1},
		{"2 Next Level Racing", claim("Next Level Racing", sdk.CategoryCockpit, 200), sdk.AudienceConsumer, sdk.LangEnglish, sdk.RouteSparePartsFirst,
			[]string{"Most problems are solved fastest by Next Level Racing's support", "they can also send you spare parts"}, nil, 1},
		{"2 Next Level Racing", claim("Next Level Racing", sdk.CategoryCockpit, 200), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteSparePartsFirst,
			[]string{"Next Level Racing support (support@nextlevelracing.com) can also send spare parts"}, nil, -1},
		{"1.1, 2 DXRacer", claim("DXRacer", sdk.CategoryGamingChair, 200), sdk.AudienceConsumer, sdk.LangEnglish, sdk.RouteSparePartsFirst,
			[]string{"DXRacer's support", "ask the shop where you bought it to request a spare part"}, nil, 1},
		{"2 Sony Interactive Entertainment (SIE) Hardware", claim("PlayStation", sdk.CategoryConsole, 200), sdk.AudienceConsumer, sdk.LangEnglish, sdk.RouteMicromediaRMA,
			[]string{"PlayStation support yourself (see the contacts)", "Take it back to the shop where you bought it"}, []string{"don't need to contact anyone"}, 1},
		{"1.1", claim("Sennheiser", sdk.CategoryOther, 200), sdk.AudienceReseller, sdk.LangEnglish, sdk.RouteSupportFirst,
			[]string{"and agrees, Micromedia can go on processing the file"}, nil, -1},
	}
	for _, tt := range tests {
		t.Run(tt.section+" "+string(tt.audience), func(t *testing.T) {
			d, err := g.Evaluate(tt.claim, sdk.Options{Lang: tt.lang, Audience: tt.audience})
			require.NoError(t, err)
			require.Equal(t, tt.route, d.Route, "rule %s", d.Rule.ID)
			all := strings.Join(append(append([]string{d.Headline}, d.Steps...), d.Notes...), "\n")
			var contacts []string
			for _, c := range d.Contacts {
				contacts = append(contacts, c.Value)
			}
			for _, w := range tt.want {
				assert.Contains(t, all, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, strings.ToLower(all+"\n"+strings.Join(contacts, "\n")), strings.ToLower(n))
			}
			if tt.contacts >= 0 {
				assert.Len(t, d.Contacts, tt.contacts, "contacts %v", contacts)
			}
		})
	}
}

// "The shop does not take the product back" is HyperX's sentence: no other
// brand's shop-staff answer says it.
func TestOnlyHyperXSaysTheShopDoesNotTakeItBack(t *testing.T) {
	g := guide(t)
	for _, b := range g.Brands() {
		for _, c := range claimVariants(g, b) {
			d, err := g.Evaluate(c, sdk.Options{Lang: sdk.LangEnglish, Audience: sdk.AudienceReseller})
			require.NoError(t, err)
			if b.ID == "hyperx" {
				continue
			}
			for _, s := range append(append([]string{}, d.Steps...), d.Notes...) {
				require.NotContains(t, s, "does not take the product back", "%s, rule %s", b.Name, d.Rule.ID)
			}
		}
	}
}

// Acer's accessory rule restates the route's shop steps to change the last
// one (a credit or an exchange at the invoice value): the others must stay
// the route's, in every language, when the route's wording changes.
func TestAcerAccessoryKeepsTheRouteSteps(t *testing.T) {
	g, err := sdk.Default()
	require.NoError(t, err)
	claimDate := sdk.DateOf(2026, 3, 10)
	for _, lang := range []sdk.Lang{sdk.LangFrench, sdk.LangDutch, sdk.LangEnglish} {
		decide := func(brand string) sdk.Decision {
			// Support already tried: 1.1's first step is done, and the
			// steps are the route's.
			d, err := g.Evaluate(sdk.Claim{Brand: brand, Category: sdk.CategoryAccessory, ClaimDate: claimDate, PurchaseDate: claimDate.AddDays(-200), ProofOfPurchase: true, DefectDescription: "broken", Support: sdk.SupportUnresolved},
				sdk.Options{Lang: lang})
			require.NoError(t, err)
			return d
		}
		acer, standard := decide("Acer"), decide("Acco")
		require.Equal(t, "acer-accessory", acer.Rule.ID)
		require.Len(t, acer.Steps, len(standard.Steps), lang)
		last := len(acer.Steps) - 1
		assert.Equal(t, standard.Steps[:last], acer.Steps[:last], "2 Acer, %s: the route's steps but the credit", lang)
		assert.NotEqual(t, standard.Steps[last], acer.Steps[last], "2 Acer, %s: the credit at the invoice value", lang)
	}
}
