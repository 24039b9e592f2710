//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/internal/brandstest"
	"github.com/micromedia/rmacheck/sdk"
)

// guideCase is one row of the SDK's shared fixture sdk/testdata/cases.json.
type guideCase struct {
	Name  string          `json:"name"`
	Lang  sdk.Lang        `json:"lang"`
	Claim json.RawMessage `json:"claim"`
}

// loadFixture reads the shared cases and the SDK's golden decisions.
func loadFixture(t testing.TB) ([]guideCase, []goldenCase) {
	t.Helper()
	var cases []guideCase
	var golden []goldenCase
	for path, v := range map[string]any{"../sdk/testdata/cases.json": &cases, "../sdk/testdata/cases.golden.json": &golden} {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, v), path)
	}
	require.NotEmpty(t, cases)
	require.Len(t, golden, len(cases))
	return cases, golden
}

// goldenCase is a case of the shared fixture decided for each audience.
type goldenCase struct {
	Name     string          `json:"name"`
	Reseller json.RawMessage `json:"reseller"`
	Consumer json.RawMessage `json:"consumer"`
}

var defaultGuide = sync.OnceValues(sdk.Default)

func newEngine(t testing.TB) *engine {
	t.Helper()
	g, err := defaultGuide()
	require.NoError(t, err)
	return &engine{guide: g}
}

// The engine (the SDK's strict reader, Decision.AppendJSON) gives the
// SDK's golden decision for every case of the shared fixture.
func TestEvaluateMatchesGolden(t *testing.T) {
	e := newEngine(t)
	cases, golden := loadFixture(t)
	for i, c := range cases {
		for _, a := range sdk.Audiences() {
			got, err := e.evaluate(c.Claim, sdk.Options{Lang: c.Lang, Audience: a}, sdk.Date{})
			require.NoError(t, err, c.Name)
			want := golden[i].Reseller
			if a == sdk.AudienceConsumer {
				want = golden[i].Consumer
			}
			assert.JSONEq(t, string(want), string(got), "%s for %s", c.Name, a)
		}
	}
}

func TestEvaluateErrorsAreTheSDKs(t *testing.T) {
	e := newEngine(t)
	today := sdk.DateOf(2026, 3, 10)
	tests := []struct {
		claim, lang, field string
	}{
		{`{"brand":"Acer","foo":1}`, "", "foo"},
		{`{"brand":"Acer","purchaseDate":"2026-02-30"}`, "", "purchaseDate"},
		{`{"brand":"Acer","purchaseDate":"2026-03-11"}`, "", "purchaseDate"},
		{`{"brand":"Acer","category":"toaster"}`, "", "category"},
		{`{"brand":"Acer",`, "", ""},
		{`{"category":"laptop"}`, "", "brand"},
		{`{"brand":"Acer"}`, "de", "lang"},
	}
	for _, tt := range tests {
		_, err := e.evaluate([]byte(tt.claim), sdk.Options{Lang: sdk.Lang(tt.lang)}, today)
		var fe *sdk.FieldError
		require.ErrorAs(t, err, &fe, tt.claim)
		assert.Equal(t, tt.field, fe.Field, tt.claim)
		claim, wantErr := sdk.DecodeClaim([]byte(tt.claim), today)
		if wantErr == nil {
			_, wantErr = e.guide.Evaluate(claim, sdk.Options{Lang: sdk.Lang(tt.lang)})
		}
		assert.Equal(t, wantErr.Error(), err.Error(), tt.claim)
	}
}

func TestLookup(t *testing.T) {
	e := newEngine(t)
	tests := []struct {
		query  string
		limit  int
		want   []string // ids, best first; nil: just check the length
		length int
	}{
		{"hyprex", 3, []string{"hyperx"}, -1},
		{"Acer", 1, []string{"acer"}, 1},
		{"ac", 2, nil, 2},
		{"", 10, []string{}, 0},
		{"zzzzqqqq", 10, []string{}, 0},
	}
	for _, tt := range tests {
		out, err := e.lookup(tt.query, tt.limit)
		require.NoError(t, err)
		var got []sdk.Match
		require.NoError(t, json.Unmarshal(out, &got))
		require.NotNil(t, got, "%q gives [] rather than null", tt.query)
		assert.LessOrEqual(t, len(got), tt.limit)
		if tt.length >= 0 {
			assert.Len(t, got, tt.length, tt.query)
		}
		for i, id := range tt.want {
			assert.Equal(t, id, got[i].ID, tt.query)
		}
	}
	_, err := e.lookup("acer", 0)
	assert.EqualError(t, err, "lookup: limit: want a whole number of 1 or more, got 0")
}

func TestBrandsAndCategories(t *testing.T) {
	e := newEngine(t)
	out, err := e.brands()
	require.NoError(t, err)
	var brands []map[string]any
	require.NoError(t, json.Unmarshal(out, &brands))
	require.Len(t, brands, len(e.guide.Brands()))
	for i, b := range e.guide.Brands() {
		assert.Equal(t, map[string]any{"id": b.ID, "name": b.Name, "special": b.Special, "aliases": toAny(b.Aliases)}, brands[i])
	}
	for _, lang := range []sdk.Lang{"", sdk.LangFrench, sdk.LangDutch, sdk.LangEnglish} {
		out, err := e.categories(sdk.Options{Lang: lang})
		require.NoError(t, err)
		var got []sdk.Label
		require.NoError(t, json.Unmarshal(out, &got))
		want := lang
		if want == "" {
			want = sdk.LangEnglish
		}
		assert.Equal(t, e.guide.CategoryLabels(sdk.Options{Lang: want}), got, lang)
	}
	_, err = e.categories(sdk.Options{Lang: "de"})
	assert.EqualError(t, err, `categories: lang: unknown value "de" (want one of fr, nl, en)`)
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// editBrands is brandstest.Edit: brands.json with edit applied.
var editBrands = brandstest.Edit

func brandByID(f map[string]any, id string) map[string]any {
	for _, b := range f["brands"].([]any) {
		if b := b.(map[string]any); b["id"] == id {
			return b
		}
	}
	panic("no brand " + id)
}

var accoClaim = []byte(`{"brand":"Acco","purchaseDate":"2026-01-15","claimDate":"2026-03-10","proofOfPurchase":true,"defectDescription":"dead"}`)

func route(t *testing.T, e *engine) string {
	t.Helper()
	out, err := e.evaluate(accoClaim, sdk.Options{}, sdk.Date{})
	require.NoError(t, err)
	var d struct{ Route string }
	require.NoError(t, json.Unmarshal(out, &d))
	return d.Route
}

func TestLoad(t *testing.T) {
	e := newEngine(t)
	before := e.guide
	require.Equal(t, "micromedia-rma", route(t, e))

	broken := []struct {
		name    string
		data    []byte
		pointer string
	}{
		{"schema", editBrands(t, func(f map[string]any) {
			brandByID(f, "acer")["rules"].([]any)[0].(map[string]any)["route"] = "teleport"
		}), "/brands/1/rules/0/route"},
		{"lint", editBrands(t, func(f map[string]any) { brandByID(f, "acezone")["id"] = "acco" }), "/brands/2/id"},
		{"malformed", []byte(`{"format":`), "/format"},
		{"empty", nil, ""},
	}
	for _, tt := range broken {
		err := e.load(tt.data)
		var le *loadError
		require.ErrorAs(t, err, &le, tt.name)
		assert.Equal(t, tt.pointer, le.problems[0].Pointer, tt.name)
		ptr := tt.pointer
		if ptr == "" {
			ptr = "/"
		}
		assert.True(t, strings.HasPrefix(err.Error(), ptr+": "), "%s: %q starts with the pointer", tt.name, err)
		_, sdkErr := sdk.LoadBytes(tt.data)
		assert.Equal(t, "brands.json: "+err.Error(), sdkErr.Error(), "%s: the SDK's message, without its prefix", tt.name)
		assert.Same(t, before, e.guide, "%s: the previous data stays", tt.name)
		assert.Equal(t, "micromedia-rma", route(t, e))
	}

	direct := editBrands(t, func(f map[string]any) {
		acco := brandByID(f, "acco")
		acco["rules"] = []any{map[string]any{"id": "acco-direct", "source": "2 Acco", "route": "brand-direct"}}
		acco["contacts"] = []any{map[string]any{"type": "email", "value": "support@acco.example", "role": "support"}}
		f["guide"].(map[string]any)["date"] = "2026-04-01"
	})
	require.NoError(t, e.load(direct))
	assert.Equal(t, "brand-direct", route(t, e))
	assert.Equal(t, "2026-04-01", e.guide.Date().String())
}

// questions gives the Go SDK's Questions for the claim's brand and kind,
// null for a brand the guide does not settle, and for consumers only the
// requirements they are asked about (issue 18).
func TestQuestions(t *testing.T) {
	e := newEngine(t)
	today := sdk.DateOf(2026, 12, 1)
	tests := []struct {
		name, claim string
		o           sdk.Options
		want        string // JSON
	}{
		{"2 Ecoflow: the model", `{"brand":"Ecoflow"}`, sdk.Options{},
			`{"model":true,"purchaseDate":false,"support":false,"spareParts":false,"requires":["purchase-date","proof-of-purchase","model"]}`},
		{"1.2: a standard brand, for shop staff", `{"brand":"Acco","category":"accessory"}`, sdk.Options{},
			`{"model":false,"purchaseDate":false,"support":false,"spareParts":false,"requires":["purchase-date","proof-of-purchase","defect-description","bought-from-micromedia","complete"]}`},
		{"1.2: a standard brand, for consumers", `{"brand":"Acco","category":"accessory"}`, sdk.Options{Audience: sdk.AudienceConsumer},
			`{"model":false,"purchaseDate":false,"support":false,"spareParts":false,"requires":["purchase-date","proof-of-purchase","defect-description","complete"]}`},
		{"2 Razer: the alias names the kind", `{"brand":"Razer Blade"}`, sdk.Options{},
			`{"model":false,"purchaseDate":false,"support":false,"spareParts":false,"requires":[],"category":"laptop"}`},
		{"unknown brand", `{"brand":"Qwzzyx"}`, sdk.Options{}, `null`},
		{"a shared name the kind does not settle", `{"brand":"Sony"}`, sdk.Options{}, `null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := e.questions([]byte(tt.claim), tt.o, today)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(out))
			if tt.want != "null" {
				var c sdk.Claim
				require.NoError(t, json.Unmarshal([]byte(tt.claim), &c))
				q, ok := e.guide.Questions(c.Brand, c.Category)
				require.True(t, ok)
				if tt.o.Audience == "" {
					want, _ := json.Marshal(q)
					assert.JSONEq(t, string(want), string(out), "the Go SDK's Questions")
				}
			}
		})
	}
	_, err := e.questions([]byte(`{"brand":"Acco","category":"toaster"}`), sdk.Options{}, today)
	assert.ErrorContains(t, err, "category")
	_, err = e.questions([]byte(`{"brand":"Acco"}`), sdk.Options{Audience: "shop"}, today)
	assert.EqualError(t, err, `claim: audience: unknown value "shop" (want one of reseller, consumer)`)
}
