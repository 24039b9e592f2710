package sdk_test

import (
	"encoding/json"
	"flag"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

var update = flag.Bool("update", false, "rewrite testdata/cases.golden.json from the current SDK")

// guideCase is one row of testdata/cases.json, the walk through the guide
// that the Go, CLI and JavaScript tests share.
type guideCase struct {
	Name    string          `json:"name"`
	Section string          `json:"section"` // the guide section the case checks
	Lang    sdk.Lang        `json:"lang"`
	Claim   json.RawMessage `json:"claim"`
	Want    map[string]any  `json:"want"` // the decision fields the case pins down
}

func loadCases(t testing.TB) []guideCase {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.json")
	require.NoError(t, err)
	var cases []guideCase
	require.NoError(t, json.Unmarshal(data, &cases))
	return cases
}

var defaultGuide = sync.OnceValues(sdk.Default)

func guide(t testing.TB) *sdk.Guide {
	t.Helper()
	g, err := defaultGuide()
	require.NoError(t, err)
	return g
}

func evaluateCase(t testing.TB, g *sdk.Guide, c guideCase) sdk.Decision {
	t.Helper()
	claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
	require.NoError(t, err, "claim of %q", c.Name)
	d, err := g.Evaluate(claim, sdk.Options{Lang: c.Lang})
	require.NoError(t, err, "evaluate %q", c.Name)
	return d
}

// TestGuide walks the return guide: one case per rule, per * brand and per
// boundary, each naming its guide section.
func TestGuide(t *testing.T) {
	g := guide(t)
	for _, c := range loadCases(t) {
		t.Run(c.Section+"/"+c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Section, "every case names its guide section")
			d := evaluateCase(t, g, c)
			raw, err := json.Marshal(d)
			require.NoError(t, err)
			var got map[string]any
			require.NoError(t, json.Unmarshal(raw, &got))
			for key, want := range c.Want {
				switch key {
				case "brand":
					if want == nil {
						assert.Nil(t, got["brand"], "brand")
					} else if assert.NotNil(t, got["brand"], "brand") {
						assert.Equal(t, want, got["brand"].(map[string]any)["id"], "brand id")
					}
				case "rule":
					assert.Equal(t, want, got["rule"].(map[string]any)["id"], "rule id")
				case "doaUntil", "warrantyUntil", "rmaValidDays":
					w := want
					if f, ok := w.(float64); ok {
						w = f
					}
					assert.Equal(t, w, got["deadlines"].(map[string]any)[key], key)
				case "contacts", "notContacts":
					values := map[string]bool{}
					for _, ct := range d.Contacts {
						values[ct.Value] = true
					}
					for _, v := range want.([]any) {
						assert.Equal(t, key == "contacts", values[v.(string)], "contact %v listed", v)
					}
				default:
					require.Contains(t, got, key, "decision has key %q", key)
					assert.Equal(t, want, got[key], key)
				}
			}
			assert.Equal(t, d.Route == sdk.RouteMicromediaRMA && len(d.Missing) == 0, d.Eligible, "eligible only on a complete micromedia-rma")
			assert.Equal(t, g.Date(), d.GuideDate)
			assert.NotEmpty(t, d.Rule.Source)
		})
	}
}

// TestGuideCoversEverySpecialBrand keeps the walk complete as brands.json
// grows: every brand marked * needs a case.
func TestGuideCoversEverySpecialBrand(t *testing.T) {
	g := guide(t)
	covered := map[string]bool{}
	for _, c := range loadCases(t) {
		if d := evaluateCase(t, g, c); d.Brand != nil {
			covered[d.Brand.ID] = true
		}
	}
	special := 0
	for _, b := range g.Brands() {
		if b.Special {
			special++
			assert.True(t, covered[b.ID], "no case in testdata/cases.json for * brand %s", b.ID)
		}
	}
	assert.Equal(t, 26, special, "brands marked * in the guide")
}

// goldenCase is one case of the guide walk decided for each audience.
type goldenCase struct {
	Name     string          `json:"name"`
	Reseller json.RawMessage `json:"reseller"`
	Consumer json.RawMessage `json:"consumer"`
}

// TestGolden pins whole decisions, text included, for both audiences, so
// that the JavaScript API (wasm/) and the widget can check they give the
// same decisions as the Go SDK.
func TestGolden(t *testing.T) {
	g := guide(t)
	cases := loadCases(t)
	got := make([]goldenCase, len(cases))
	for i, c := range cases {
		claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
		require.NoError(t, err)
		got[i].Name = c.Name
		for _, a := range sdk.Audiences() {
			d, err := g.Evaluate(claim, sdk.Options{Lang: c.Lang, Audience: a})
			require.NoError(t, err, "case %q", c.Name)
			b, err := json.Marshal(d)
			require.NoError(t, err)
			if a == sdk.AudienceConsumer {
				got[i].Consumer = b
			} else {
				got[i].Reseller = b
			}
		}
	}
	const path = "testdata/cases.golden.json"
	if *update {
		b, err := json.MarshalIndent(got, "", " ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, append(b, '\n'), 0o644))
	}
	data, err := os.ReadFile(path)
	require.NoError(t, err, "run: go test ./sdk -run TestGolden -update")
	var want []goldenCase
	require.NoError(t, json.Unmarshal(data, &want))
	require.Len(t, want, len(cases), "one golden entry per case; run with -update")
	for i, c := range cases {
		assert.Equal(t, c.Name, want[i].Name, "run with -update")
		assert.JSONEq(t, string(want[i].Reseller), string(got[i].Reseller), "case %q for shop staff; run with -update if the change is meant", c.Name)
		assert.JSONEq(t, string(want[i].Consumer), string(got[i].Consumer), "case %q for consumers; run with -update if the change is meant", c.Name)
	}
}

func TestEvaluateConcurrent(t *testing.T) {
	g := guide(t)
	cases := loadCases(t)
	want := make([]string, len(cases))
	for i, c := range cases {
		b, _ := json.Marshal(evaluateCase(t, g, c))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, c := range cases {
				claim, _ := sdk.DecodeClaim(c.Claim, sdk.Date{})
				d, err := g.Evaluate(claim, sdk.Options{Lang: c.Lang})
				b, _ := json.Marshal(d)
				if err != nil || string(b) != want[i] {
					t.Errorf("case %q differs under concurrency", c.Name)
				}
			}
		}()
	}
	wg.Wait()
}

func TestEvaluateRejectsInvalidClaims(t *testing.T) {
	g := guide(t)
	day := sdk.DateOf(2026, 3, 10)
	tests := []struct {
		name  string
		claim sdk.Claim
		lang  sdk.Lang
		field string
	}{
		{"no brand", sdk.Claim{ClaimDate: day}, "", "brand"},
		{"blank brand", sdk.Claim{Brand: " \t", ClaimDate: day}, "", "brand"},
		{"no claim date", sdk.Claim{Brand: "Acco"}, "", "claimDate"},
		{"purchase after claim", sdk.Claim{Brand: "Acco", ClaimDate: day, PurchaseDate: day.AddDays(1)}, "", "purchaseDate"},
		{"unknown category", sdk.Claim{Brand: "Acco", ClaimDate: day, Category: "toaster"}, "", "category"},
		{"unknown support", sdk.Claim{Brand: "Acco", ClaimDate: day, Support: "maybe"}, "", "support"},
		{"unknown spare parts", sdk.Claim{Brand: "Acco", ClaimDate: day, SpareParts: "some"}, "", "spareParts"},
		{"unknown language", sdk.Claim{Brand: "Acco", ClaimDate: day}, "de", "lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := g.Evaluate(tt.claim, sdk.Options{Lang: tt.lang})
			var fe *sdk.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Contains(t, err.Error(), tt.field)
		})
	}
}

// The zero values of Claim's fields are the guide's defaults.
func TestClaimZeroValueIsTheDefault(t *testing.T) {
	g := guide(t)
	d, err := g.Evaluate(sdk.Claim{Brand: "Acco", ClaimDate: sdk.DateOf(2026, 3, 10), PurchaseDate: sdk.DateOf(2026, 3, 1),
		ProofOfPurchase: true, DefectDescription: "dead"}, sdk.Options{})

	require.NoError(t, err)
	assert.True(t, d.Eligible, "bought from Micromedia and complete by default: %v", d.Missing)
	assert.Equal(t, sdk.LangEnglish, d.Lang)
}

// Consumers read the kinds of product in their own words where the guide's
// are the shop's (1.3's ESD and POSA); shop staff keep the guide's.
func TestCategoryLabels(t *testing.T) {
	g := guide(t)
	staff := g.CategoryLabels(sdk.Options{Lang: sdk.LangEnglish})
	assert.Equal(t, g.CategoryLabels(sdk.Options{Lang: sdk.LangEnglish, Audience: sdk.AudienceReseller}), staff)
	for _, lang := range sdk.Langs() {
		consumer := g.CategoryLabels(sdk.Options{Lang: lang, Audience: sdk.AudienceConsumer})
		reseller := g.CategoryLabels(sdk.Options{Lang: lang})
		require.Len(t, consumer, len(reseller))
		for i := range consumer {
			assert.Equal(t, reseller[i].ID, consumer[i].ID)
			if consumer[i].ID == string(sdk.CategoryDigitalSoftware) {
				assert.Contains(t, reseller[i].Label, "ESD/POSA", "1.3, %s: the guide's words for staff", lang)
				assert.NotContains(t, consumer[i].Label, "ESD", "1.3, %s: a consumer's words", lang)
				assert.NotContains(t, consumer[i].Label, "POSA", "1.3, %s", lang)
				continue
			}
			assert.Equal(t, reseller[i].Label, consumer[i].Label, "%s %s", lang, consumer[i].ID)
		}
	}
	en := g.CategoryLabels(sdk.Options{Audience: sdk.AudienceConsumer})
	assert.Contains(t, en[slices.Index(sdk.Categories(), sdk.CategoryDigitalSoftware)].Label, "activation code")
}
