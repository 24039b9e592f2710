package main

import (
	"testing"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBrandTextPicksExactNamesAndAliases(t *testing.T) {
	g := testGuide(t)
	tests := []struct {
		typed, wantID string
	}{
		{"hyper x", "hyperx"},
		{"koch", "koch-media"},
		{"playstation", "sie-hardware"},
		{"HyperX", "hyperx"},
		{"hyp", ""},    // a prefix suggests, it does not pick
		{"Hyprex", ""}, // a typo suggests, it does not pick
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			d := Draft{}.apply(g, edit{Field: fieldBrandText, Text: tt.typed})
			assert.Equal(t, tt.wantID, d.BrandID)
			v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
			require.NotEmpty(t, v.Matches, "suggestions for %q", tt.typed)
			assert.LessOrEqual(t, len(v.Matches), maxSuggestions)
		})
	}
}

func TestSuggestionsAsYouType(t *testing.T) {
	g := testGuide(t)
	d := Draft{}.apply(g, edit{Field: fieldBrandText, Text: "hyp"})
	v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	require.NotEmpty(t, v.Matches)
	assert.Equal(t, "hyperx", v.Matches[0].ID)
	assert.Nil(t, v.Decision, "no decision while the brand is being typed")

	picked := d.apply(g, edit{Field: fieldBrandPick, Text: "hyperx"})
	assert.Equal(t, "HyperX", picked.BrandText)
	assert.True(t, picked.Committed)
	assert.Empty(t, buildView(g, picked, sdk.LangEnglish, sdk.AudienceConsumer, testToday).Matches, "a picked brand closes the suggestions")
}

// TestQuestionsFollowTheRules checks that the form asks what the brand's
// rules look at, derived by sdk.Questions.
func TestQuestionsFollowTheRules(t *testing.T) {
	g := testGuide(t)
	tests := []struct {
		name     string
		brand    string
		cat      sdk.Category
		audience sdk.Audience
		want     Asked
	}{
		{"standard brand asks chapter 1 only", "Acco", sdk.CategoryAccessory, sdk.AudienceConsumer, Asked{Proof: true, Defect: true, Complete: true, Serial: true}},
		{"reseller also asks bought from Micromedia", "Acco", sdk.CategoryAccessory, sdk.AudienceReseller, Asked{FromMicromedia: true, Proof: true, Defect: true, Complete: true, Serial: true}},
		{"Sennheiser asks about support", "Sennheiser", sdk.CategoryAccessory, sdk.AudienceConsumer, Asked{Support: true, Proof: true, Defect: true, Complete: true, Serial: true}},
		{"DXRacer chair asks spare part, photo, serial", "DXRacer", sdk.CategoryGamingChair, sdk.AudienceConsumer, Asked{SpareParts: true, Photo: true, SerialRequired: true, Proof: true, Defect: true, Complete: true, Serial: true}},
		{"Ecoflow (2 Ecoflow: the brand handles every claim, with a valid proof of purchase) asks the model and the proof", "Ecoflow", sdk.CategoryOther, sdk.AudienceConsumer, Asked{Model: true, Proof: true}},
		{"ASUS laptop (2 ASUS: the brand handles it) asks nothing of the shop's checklist", "ASUS", sdk.CategoryLaptop, sdk.AudienceConsumer, Asked{}},
		{"ASUS laptop for shop staff: not even where it was bought", "ASUS", sdk.CategoryLaptop, sdk.AudienceReseller, Asked{}},
		{"Next Level Racing motion platform asks support approval", "Next Level Racing", sdk.CategoryMotionPlatform, sdk.AudienceConsumer, Asked{Support: true, Proof: true, Defect: true, Complete: true, Serial: true}},
		{"Thrustmaster needs the serial number", "Thrustmaster", sdk.CategoryAccessory, sdk.AudienceConsumer, Asked{Support: true, SerialRequired: true, Proof: true, Defect: true, Complete: true, Serial: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := completeDraft(g, tt.brand, tt.cat, "2026-03-01")
			v := buildView(g, d, sdk.LangEnglish, tt.audience, testToday)
			require.NotNil(t, v.Brand)
			assert.Equal(t, tt.want, v.Asked)
		})
	}
}

// TestViewDecidesEachRoute walks the routes the widget must explain.
func TestViewDecidesEachRoute(t *testing.T) {
	g := testGuide(t)
	tests := []struct {
		name     string
		draft    func() Draft
		route    sdk.Route
		eligible bool
		headline string
	}{
		{"standard eligible", func() Draft { return completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-01-15") },
			sdk.RouteMicromediaRMA, true, "Your shop can return this for you"},
		{"HyperX inside 30 days", func() Draft { return completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-03-01") },
			sdk.RouteMicromediaRMA, true, "Ask HyperX's support first; your shop can return it"},
		{"HyperX outside 30 days", func() Draft { return completeDraft(g, "HyperX", sdk.CategoryAccessory, "2026-01-15") },
			sdk.RouteBrandDirect, false, "Contact HyperX support directly"},
		{"ASUS brand direct", func() Draft { return completeDraft(g, "ASUS", sdk.CategoryLaptop, "2026-01-15") },
			sdk.RouteBrandDirect, false, "Contact ASUS support directly"},
		{"Sennheiser support first", func() Draft { return completeDraft(g, "Sennheiser", sdk.CategoryAccessory, "2026-01-15") },
			sdk.RouteSupportFirst, false, "Contact Sennheiser support first"},
		{"DXRacer spare parts", func() Draft { return completeDraft(g, "DXRacer", sdk.CategoryGamingChair, "2026-01-15") },
			sdk.RouteSparePartsFirst, false, "A spare part first"},
		{"ESD not returnable", func() Draft { return completeDraft(g, "Kaspersky", sdk.CategoryDigitalSoftware, "2026-01-15") },
			sdk.RouteNotReturnable, false, "This product cannot be returned"},
		{"unknown brand once committed", func() Draft { return completeDraft(g, "Hyprex", "", "2026-01-15") },
			sdk.RouteUnknownBrand, false, "We don't know the brand “Hyprex”"},
		{"HyperX without date needs it", func() Draft { return completeDraft(g, "HyperX", sdk.CategoryAccessory, "") },
			sdk.RouteNeedsInformation, false, "We still need: purchase date"},
		{"Razer Blade named, kind left open: a Blade (2 Razer)", func() Draft { return completeDraft(g, "Razer Blade", "", "2026-01-15") },
			sdk.RouteBrandDirect, false, "Contact Razer support directly"},
		{"Razer Blade named, kind accessory: the shop (2 Razer)", func() Draft { return completeDraft(g, "Razer Blade", sdk.CategoryAccessory, "2026-01-15") },
			sdk.RouteMicromediaRMA, true, "Ask Razer's support first; your shop can return it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := buildView(g, tt.draft(), sdk.LangEnglish, sdk.AudienceConsumer, testToday)
			require.NotNil(t, v.Decision)
			assert.Equal(t, tt.route, v.Decision.Route)
			assert.Equal(t, tt.eligible, v.Decision.Eligible)
			assert.Equal(t, tt.headline, v.headline())
		})
	}
}

func TestNoDecisionUntilEnoughIsKnown(t *testing.T) {
	g := testGuide(t)
	d := Draft{}.apply(g, edit{Field: fieldBrandText, Text: "Acco"})
	assert.Nil(t, buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday).Decision, "a known brand without a category")
	d = Draft{}.apply(g, edit{Field: fieldBrandText, Text: "Razer"})
	v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	assert.Nil(t, v.Decision, "Razer without a category")
	assert.True(t, v.Asked.SpareParts, "Razer's chairs ask for a spare part first")
	d = Draft{}.apply(g, edit{Field: fieldBrandText, Text: "Razer Blade"})
	v = buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	require.NotNil(t, v.Decision, "2 Razer: the alias says the kind (a laptop)")
	assert.Equal(t, "razer-blade", v.Decision.Rule.ID)
	assert.False(t, v.Asked.SpareParts, "no chair question for a Blade")
	d = Draft{}.apply(g, edit{Field: fieldBrandText, Text: "Qwzzyx"})
	assert.Nil(t, buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday).Decision, "an unknown brand still being typed")
	d = d.apply(g, edit{Field: fieldBrandCommit})
	v = buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	require.NotNil(t, v.Decision)
	assert.Equal(t, sdk.RouteUnknownBrand, v.Decision.Route)
}

func TestFuturePurchaseDateIsRefused(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-03-11")
	v := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	assert.True(t, v.DateError)
	require.NotNil(t, v.Decision)
	assert.Equal(t, []sdk.Requirement{sdk.RequirePurchaseDate}, v.Decision.Missing, "the future date is not used")

	d = completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-03-10")
	assert.False(t, buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday).DateError, "today is fine")
}

func TestAudienceBoughtFromMicromedia(t *testing.T) {
	g := testGuide(t)
	d := completeDraft(g, "Acco", sdk.CategoryAccessory, "2026-01-15")
	consumer := buildView(g, d, sdk.LangEnglish, sdk.AudienceConsumer, testToday)
	assert.True(t, consumer.Decision.Eligible, "consumers are not asked: the shop checks")
	reseller := buildView(g, d, sdk.LangEnglish, sdk.AudienceReseller, testToday)
	assert.Equal(t, []sdk.Requirement{sdk.RequireBoughtFromMicromedia}, reseller.Decision.Missing)
	d = d.apply(g, edit{Field: fieldFromMicromedia, On: true})
	assert.True(t, buildView(g, d, sdk.LangEnglish, sdk.AudienceReseller, testToday).Decision.Eligible)
}

func TestApplyIgnoresUnknownValues(t *testing.T) {
	g := testGuide(t)
	d := Draft{Category: sdk.CategoryLaptop, Support: sdk.SupportUnresolved, SpareParts: sdk.SparePartsNotSolved}
	d = d.apply(g, edit{Field: fieldCategory, Text: "<script>"})
	d = d.apply(g, edit{Field: fieldSupport, Text: "maybe"})
	d = d.apply(g, edit{Field: fieldSpareParts, Text: "x"})
	d = d.apply(g, edit{Field: fieldBrandPick, Text: "no-such-brand"})
	assert.Equal(t, Draft{}, d)
}
