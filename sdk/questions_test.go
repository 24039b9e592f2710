package sdk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

func TestQuestions(t *testing.T) {
	g := guide(t)
	chapter1 := []sdk.Requirement{"purchase-date", "proof-of-purchase", "defect-description", "bought-from-micromedia", "complete"}
	tests := []struct {
		section string
		brand   string
		cat     sdk.Category
		want    sdk.Questions
	}{
		{"1.2", "Acco", "", sdk.Questions{Requires: chapter1}},
		{"1.3.2", "Acco", "digital-software", sdk.Questions{Requires: []sdk.Requirement{}}},
		{"2 HyperX", "HyperX", "accessory", sdk.Questions{PurchaseDate: true, Requires: chapter1}},
		{"2 Ecoflow", "Ecoflow", "", sdk.Questions{Model: true, Requires: []sdk.Requirement{"purchase-date", "proof-of-purchase", "model"}}},
		{"2 Sennheiser", "Sennheiser", "accessory", sdk.Questions{Support: true, Requires: chapter1}},
		{"2 Thrustmaster", "Thrustmaster", "", sdk.Questions{Support: true, Requires: append(chapter1[:5:5], "serial-number")}},
		{"2 DXRacer (XL)", "DXRacer", "gaming-chair", sdk.Questions{SpareParts: true, Requires: append(chapter1[:5:5], "serial-number", "photo")}},
		{"2 DXRacer (XL)", "DXRacer", "accessory", sdk.Questions{Requires: chapter1}},
		{"2 Next Level Racing", "NLR", "motion-platform", sdk.Questions{Support: true, Requires: append(chapter1[:5:5], "support-approval")}},
		{"2 ASUS", "ASUS", "laptop", sdk.Questions{Requires: []sdk.Requirement{}}},
		{"2 Microsoft", "Microsoft", "surface", sdk.Questions{Requires: []sdk.Requirement{}}},
		{"2 Razer", "Razer", "", sdk.Questions{SpareParts: true, Requires: chapter1}},
		{"2 Razer", "Razer Blade", "", sdk.Questions{Category: "laptop", Requires: []sdk.Requirement{}}},
		{"2 Razer", "Razer Blade", "other", sdk.Questions{Category: "laptop", Requires: []sdk.Requirement{}}},
		{"2 Razer", "Razer Blade", "accessory", sdk.Questions{Requires: chapter1}},
	}
	for _, tt := range tests {
		t.Run(tt.section+"/"+tt.brand+"/"+string(tt.cat), func(t *testing.T) {
			got, ok := g.Questions(tt.brand, tt.cat)
			require.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}
	_, ok := g.Questions("no such brand", "")
	assert.False(t, ok)
}
