package sdk_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// TestDecisionAppendJSON holds Decision's own encoder to encoding/json's
// reflection, byte for byte: every decision of the shared cases, for both
// audiences, and decisions with every field set to awkward text. A field
// added to Decision and not to the encoder fails here.
func TestDecisionAppendJSON(t *testing.T) {
	g := guide(t)
	decisions := []sdk.Decision{{}} // nil slices and pointers: null
	for _, c := range loadCases(t) {
		claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
		require.NoError(t, err, c.Name)
		for _, a := range sdk.Audiences() {
			d, err := g.Evaluate(claim, sdk.Options{Lang: c.Lang, Audience: a})
			require.NoError(t, err, c.Name)
			decisions = append(decisions, d)
		}
	}
	tricky := []string{
		`quote " backslash \ slash /`, "tab\tnew line\ncarriage\rbell\x07nul\x00esc\x1f back\bform\f",
		"<a href='x'>&amp;</a>", "line\u2028para\u2029end", "bad \xff\xfe utf-8 \xe2\x82", "é ü ñ 😀 ₂", "",
	}
	for _, s := range tricky {
		d := decisions[1]
		d.Audience = sdk.Audience(s)
		d.Brand = &sdk.BrandRef{ID: s, Name: s, Special: true}
		d.Suggestions = []sdk.Suggestion{{ID: s, Name: s}, {ID: s, Name: s}}
		d.Route = sdk.Route(s)
		d.Headline = s
		d.Dates = []string{s}
		d.Steps = []string{s}
		d.Notes = []string{}
		d.Missing = []sdk.Requirement{sdk.Requirement(s)}
		d.Documents = []sdk.Document{{ID: sdk.DocumentKind(s), Label: s, Missing: true}}
		d.Contacts = []sdk.Contact{{Type: sdk.ContactType(s), Value: s, Role: sdk.ContactRole(s), Label: s}}
		d.Rule = sdk.RuleRef{ID: s, Source: s}
		d.Deadlines = sdk.Deadlines{DOAUntil: sdk.DateOf(2026, 2, 28), WarrantyUntil: sdk.DateOf(1, 1, 1), WarrantyAtLeast: true, RMAValidDays: -3}
		d.DOA, d.Eligible, d.OutOfWarranty = true, true, true
		d.GuideDate = sdk.DateOf(2024, 2, 29)
		d.Lang = sdk.Lang(s)
		decisions = append(decisions, d)
	}
	for i, d := range decisions {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(d))
		got := d.AppendJSON([]byte("prefix"))
		assert.Equal(t, "prefix"+strings.TrimSuffix(want.String(), "\n"), string(got), "decision %d", i)
	}
}
