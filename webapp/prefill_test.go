package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// The page's facts fill the form; they never overwrite what the person
// typed, a new order line starts a new claim, and each bad fact gives one
// warning naming its attribute while the others still apply (issue 18).
func TestDraftPrefill(t *testing.T) {
	g := testGuide(t)
	day := func(n int) string { return testToday.AddDays(n).String() }
	full := Facts{Brand: "HyperX", Category: "accessory", PurchaseDate: day(-10), OrderRef: "A-1", Label: "HyperX Cloud III"}
	tests := []struct {
		name     string
		before   Draft
		facts    Facts
		want     func(t *testing.T, d Draft)
		warnings []string // each a part of one warning, in order
	}{
		{"a full line answers", Draft{}, full, func(t *testing.T, d Draft) {
			assert.Equal(t, "hyperx", d.BrandID)
			assert.True(t, d.Committed)
			assert.Equal(t, sdk.CategoryAccessory, d.Category)
			assert.Equal(t, day(-10), d.PurchaseDate)
			assert.Equal(t, "A-1", d.OrderRef)
			assert.Equal(t, "HyperX Cloud III", d.Label)
			v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
			require.NotNil(t, v.Decision, "no keystroke needed")
			assert.Equal(t, sdk.RouteMicromediaRMA, v.Decision.Route)
		}, nil},
		{"typed text stays", Draft{BrandText: "Corsair", BrandID: "corsair", Committed: true, PurchaseDate: day(-3), OrderRef: "A-1"}, full, func(t *testing.T, d Draft) {
			assert.Equal(t, "corsair", d.BrandID, "the person's brand")
			assert.Equal(t, day(-3), d.PurchaseDate, "the person's date")
			assert.Equal(t, sdk.CategoryAccessory, d.Category, "an empty box takes the fact")
		}, nil},
		{"a later fact replaces an earlier one", Draft{}.withFacts(g, Facts{Category: "laptop", OrderRef: "A-1"}), Facts{Category: "accessory", OrderRef: "A-1"}, func(t *testing.T, d Draft) {
			assert.Equal(t, sdk.CategoryAccessory, d.Category)
		}, nil},
		{"another order line starts a new claim", Draft{BrandText: "Corsair", BrandID: "corsair", Committed: true, DefectDescription: "noise", OrderRef: "A-0", CustomerNumber: "C-9"}, full, func(t *testing.T, d Draft) {
			assert.Equal(t, "hyperx", d.BrandID)
			assert.Empty(t, d.DefectDescription)
			assert.Equal(t, "C-9", d.CustomerNumber, "the shop's own references stay")
		}, nil},
		{"bad facts warn, the rest applies", Draft{}, Facts{Brand: "Corsiar", Category: "toaster", PurchaseDate: day(5), Model: "K70"}, func(t *testing.T, d Draft) {
			assert.Empty(t, d.BrandID)
			assert.Equal(t, "Corsiar", d.BrandText, "an unknown brand goes through the suggestions")
			assert.True(t, d.Committed)
			assert.Empty(t, d.Category)
			assert.Empty(t, d.PurchaseDate)
			assert.Equal(t, "K70", d.Model)
			v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
			require.NotNil(t, v.Decision)
			assert.Equal(t, "corsair", v.Decision.Suggestions[0].ID)
		}, []string{`category: unknown value "toaster"`, "purchase-date: " + day(5) + " is after today", `brand: "Corsiar" is not a brand of the guide`}},
		{"an impossible date", Draft{}, Facts{PurchaseDate: "2026-02-30"}, nil, []string{`purchase-date: "2026-02-30" is not a date`}},
		{"a shared name is no unknown brand", Draft{}, Facts{Brand: "Sony"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, warnings := tt.before.prefill(g, tt.facts, testToday)
			if tt.want != nil {
				tt.want(t, d)
			}
			require.Len(t, warnings, len(tt.warnings), "%q", warnings)
			for i, w := range tt.warnings {
				assert.Contains(t, warnings[i], w)
				assert.True(t, strings.HasPrefix(warnings[i], "RMA Check: "))
				assert.NotContains(t, warnings[i], "\n", "one line")
			}
		})
	}
}

func (d Draft) withFacts(g *sdk.Guide, f Facts) Draft {
	d, _ = d.prefill(g, f, testToday)
	return d
}

func TestFactsSetFact(t *testing.T) {
	var f Facts
	require.NoError(t, f.setFact("orderRef", " A-1 "))
	assert.Equal(t, "A-1", f.OrderRef)
	assert.ErrorContains(t, f.setFact("brand", strings.Repeat("x", 201)), "at most 200 characters")
	assert.ErrorContains(t, f.setFact("model", "a\nb"), "one line")
	assert.ErrorContains(t, f.setFact("colour", "red"), "not a fact")
}

// The decision message names the order line the answer is for: the
// event's detail carries orderRef and label, null when the page gave none.
func TestDecisionMessageNamesTheOrderLine(t *testing.T) {
	g := testGuide(t)
	d := Draft{}.withFacts(g, Facts{Brand: "HyperX", Category: "accessory", PurchaseDate: testToday.AddDays(-3).String(), OrderRef: "A-1", Label: "Cloud III"})
	m := decisionMessage(buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday))
	require.NotNil(t, m)
	assert.Equal(t, "A-1", m["orderRef"])
	assert.Equal(t, "Cloud III", m["label"])
	d = completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-03-01")
	m = decisionMessage(buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday))
	require.NotNil(t, m)
	assert.Contains(t, m, "orderRef")
	assert.Nil(t, m["orderRef"])
	assert.Nil(t, m["label"])
}
