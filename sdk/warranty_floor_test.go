package sdk_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// Ecoflow's warranty is "at least 24 months", 5 years for the models the
// guide lists (2 Ecoflow). A decision never gives a firm end that a model
// may push back by three years: without the model, or for a model off the
// list, the end is a floor, flagged and said as "at least until".
func TestWarrantyFloor(t *testing.T) {
	g := guide(t)
	claimDate := sdk.DateOf(2026, 12, 1)
	purchase := claimDate.AddDays(-100)
	tests := []struct {
		section, model string
		until          sdk.Date
		atLeast        bool
		text           string // in the consumer's dates, English
	}{
		{"2 Ecoflow: no model", "", purchase.AddMonths(24), true, "Under warranty until at least "},
		{"2 Ecoflow: a model off the list (the guide: at least 24 months)", "Delta Pro 3", purchase.AddMonths(24), true, "Under warranty until at least "},
		{"2 Ecoflow: a 5-year model", "River 2 Pro", purchase.AddMonths(60), false, "Under warranty until "},
	}
	for _, tt := range tests {
		t.Run(tt.section, func(t *testing.T) {
			for _, a := range sdk.Audiences() {
				d, err := g.Evaluate(sdk.Claim{Brand: "Ecoflow", Model: tt.model, PurchaseDate: purchase, ClaimDate: claimDate}, sdk.Options{Audience: a})
				require.NoError(t, err)
				assert.Equal(t, tt.until, d.Deadlines.WarrantyUntil)
				assert.Equal(t, tt.atLeast, d.Deadlines.WarrantyAtLeast)
				assert.False(t, d.OutOfWarranty)
				if a == sdk.AudienceConsumer {
					require.NotEmpty(t, d.Dates)
					assert.Equal(t, tt.text+tt.until.Format(sdk.LangEnglish), d.Dates[0])
				}
			}
		})
	}
	// In French and Dutch too.
	for lang, want := range map[sdk.Lang]string{sdk.LangFrench: "Sous garantie au moins jusqu'au ", sdk.LangDutch: "Onder garantie tot minstens "} {
		d, err := g.Evaluate(sdk.Claim{Brand: "Ecoflow", PurchaseDate: purchase, ClaimDate: claimDate}, sdk.Options{Lang: lang, Audience: sdk.AudienceConsumer})
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(d.Dates[0], want), "%s: %q", lang, d.Dates[0])
	}
}

// Without the model, when the model changes the answer (30 months: a
// 5-year model is still under warranty), the decision asks for it, and
// shows the contacts every answer shares: Ecoflow handles every claim.
func TestMissingModelShowsSharedContacts(t *testing.T) {
	g := guide(t)
	claimDate := sdk.DateOf(2026, 12, 1)
	for _, a := range sdk.Audiences() {
		d, err := g.Evaluate(sdk.Claim{Brand: "Ecoflow", PurchaseDate: claimDate.AddDays(-900), ClaimDate: claimDate}, sdk.Options{Audience: a})
		require.NoError(t, err)
		require.Equal(t, sdk.RouteNeedsInformation, d.Route)
		assert.Equal(t, []sdk.Requirement{sdk.RequireModel}, d.Missing)
		var values []string
		for _, c := range d.Contacts {
			values = append(values, c.Value)
		}
		assert.Equal(t, []string{"support.eu@ecoflow.com"}, values, "2 Ecoflow, %s", a)
	}
}
