package sdk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// A model whose words name a product line that the brand's aliases give a
// kind of product ("Razer Blade": a laptop) decides as that kind when the
// claim leaves the kind open: the guide says Micromedia accepts no Razer
// Blade, and "Razer Blade 16" is one. A kind the claim gives still wins.
func TestModelNamesItsKindOfProduct(t *testing.T) {
	g := guide(t)
	tests := []struct {
		section, brand, model string
		cat                   sdk.Category
		rule                  string
	}{
		{"2 Razer", "Razer", "Razer Blade 16", "", "razer-blade"},
		{"2 Razer", "razer", "Blade 15 Advanced (2023)", "", "razer-blade"},
		{"2 Razer", "Razer", "razer-blade-14", sdk.CategoryOther, "razer-blade"},
		{"2 Razer", "Razer", "New Razer Blade 18", "", "razer-blade"},
		{"2 Razer", "Razer", "BlackShark V2", "", "razer-other"},
		{"2 Razer", "Razer", "Bladesmith", "", "razer-other"},
		{"2 Razer", "Razer", "Razer Blade 16", sdk.CategoryAccessory, "razer-other"},
		{"2 Microsoft (ROBO)", "Microsoft", "Surface Pro 9", "", "microsoft-robo"},
		{"2 Microsoft", "Xbox", "Xbox Series X", sdk.CategoryConsole, "microsoft-direct"},
	}
	for _, tt := range tests {
		t.Run(tt.section+"/"+tt.model, func(t *testing.T) {
			d, err := g.Evaluate(sdk.Claim{Brand: tt.brand, Model: tt.model, Category: tt.cat, ClaimDate: sdk.DateOf(2026, 12, 1)}, sdk.Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.rule, d.Rule.ID)
		})
	}
}
