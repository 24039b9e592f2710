package sdk_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// "Sony" is the name the guide's change log uses for two headings, SIE
// Hardware and Sony Software: it is never an unknown brand. The kind of
// product settles which one is meant; otherwise the decision asks.
func TestSharedNames(t *testing.T) {
	g := guide(t)
	claimDate := sdk.DateOf(2026, 12, 1)
	tests := []struct {
		section string
		brand   string
		cat     sdk.Category
		want    string // the brand decided for; "" when the decision asks which one
	}{
		{"2 Sony Interactive Entertainment (SIE) Hardware: a console", "Sony", sdk.CategoryConsole, "sie-hardware"},
		{"2 Sony Interactive Entertainment (SIE) Hardware: a VR headset", "sony", sdk.CategoryVRHeadset, "sie-hardware"},
		{"2 Sony Interactive Entertainment (SIE) Hardware: a controller", "SONY", sdk.CategoryAccessory, "sie-hardware"},
		{"2 Sony Software: a game on a disc", "Sony", sdk.CategorySoftware, "sony-software"},
		{"1.3, 2 Sony Software: a download code", "Sony", sdk.CategoryDigitalSoftware, "sony-software"},
		{"Change log \"Voir Sony\": no kind of product", "Sony", "", ""},
		{"Change log \"Voir Sony\": a kind neither heading covers", " Sony ", sdk.CategoryMonitor, ""},
		{"Change log \"Voir Sony\": other", "Sony", sdk.CategoryOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.section, func(t *testing.T) {
			for _, lang := range sdk.Langs() {
				for _, a := range sdk.Audiences() {
					d, err := g.Evaluate(sdk.Claim{Brand: tt.brand, Category: tt.cat, ClaimDate: claimDate}, sdk.Options{Lang: lang, Audience: a})
					require.NoError(t, err)
					assert.NotEqual(t, sdk.RouteUnknownBrand, d.Route)
					text := strings.ToLower(d.Headline + " " + strings.Join(d.Steps, " "))
					for _, unknown := range []string{"not in the guide", "n'est pas dans le guide", "staat niet in de gids", "don't know the brand", "ne connaissons pas", "kennen het merk"} {
						assert.NotContains(t, text, unknown, "%s %s", lang, a)
					}
					if tt.want != "" {
						require.NotNil(t, d.Brand, "%s %s", lang, a)
						assert.Equal(t, tt.want, d.Brand.ID)
						assert.Empty(t, d.Suggestions)
						continue
					}
					assert.Equal(t, sdk.RouteNeedsInformation, d.Route)
					assert.Nil(t, d.Brand)
					assert.Equal(t, "shared-name", d.Rule.ID)
					assert.Equal(t, []sdk.Suggestion{{ID: "sie-hardware", Name: "Sony Interactive Entertainment Hardware"}, {ID: "sony-software", Name: "Sony Software"}}, d.Suggestions)
					assert.Empty(t, d.Missing, "missing keeps its ids: no requirement names a brand")
					assert.False(t, d.Eligible)
					assert.Contains(t, strings.Join(d.Steps, " "), "Sony", "the steps name the name as typed")
				}
			}
			d, err := g.Evaluate(sdk.Claim{Brand: tt.brand, Category: tt.cat, ClaimDate: claimDate}, sdk.Options{})
			require.NoError(t, err)
			if tt.want == "" {
				assert.Equal(t, "Which one do you mean?", d.Headline)
			}
		})
	}
}

// Questions follows the kind of product for a shared name, as Evaluate does.
func TestSharedNameQuestions(t *testing.T) {
	g := guide(t)
	q, ok := g.Questions("Sony", sdk.CategoryConsole)
	require.True(t, ok)
	want, _ := g.Questions("PlayStation", sdk.CategoryConsole)
	assert.Equal(t, want, q)
	_, ok = g.Questions("Sony", "")
	assert.False(t, ok, "the kind does not settle which brand")
}

// A shared name belongs to no single brand: the lint refuses one that is a
// brand's name or alias, a candidate that is not a brand, and a kind that
// settles on a brand outside the list.
func TestSharedNamesLint(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		pointer string
		message string
	}{
		{"a brand's alias", edit(t, set("/sharedNames/names/0/name", "PlayStation")), "/sharedNames/names/0/name", `is a name or alias of brand "sie-hardware"`},
		{"an unknown brand", edit(t, set("/sharedNames/names/0/brands/1", "sony-music")), "/sharedNames/names/0/brands/1", `no brand has id "sony-music"`},
		{"a kind outside the list", edit(t, set("/sharedNames/names/0/categories/laptop", "acer")), "/sharedNames/names/0/categories/laptop", `"acer" is not one of the name's brands`},
		{"one brand only", edit(t, set("/sharedNames/names/0/brands", []any{"sie-hardware"})), "/sharedNames/names/0/brands", "minimum 2 items required"},
		{"shop words in the consumer's wording", edit(t, set("/sharedNames/consumer/steps/0/en", "Ask your Micromedia reseller")), "/sharedNames/consumer/steps/0/en", "for shops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sdk.LoadBytes(tt.data)
			var de *sdk.DataError
			require.ErrorAs(t, err, &de)
			found := false
			for _, p := range de.Problems {
				found = found || p.Pointer == tt.pointer && strings.Contains(p.Message, tt.message)
			}
			assert.True(t, found, "want %s: …%s… in %v", tt.pointer, tt.message, de.Problems)
		})
	}
}
