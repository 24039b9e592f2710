package sdk_test

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/sdk"
)

// One source of truth: the Go vocabularies and the JSON Schemas must list
// the same values, in the same order, and the Go types must produce exactly
// the keys the schemas describe.

func schemaDoc(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

// at walks a parsed schema along keys.
func at(t *testing.T, v any, path ...string) any {
	t.Helper()
	for _, k := range path {
		m, ok := v.(map[string]any)
		require.True(t, ok, "schema path %v: %q is not in an object", path, k)
		v, ok = m[k]
		require.True(t, ok, "schema path %v: no %q", path, k)
	}
	return v
}

func enum(t *testing.T, v any, path ...string) []string {
	t.Helper()
	var out []string
	for _, e := range at(t, v, path...).([]any) {
		out = append(out, e.(string))
	}
	return out
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func keys(t *testing.T, v any, path ...string) []string {
	t.Helper()
	var out []string
	for k := range at(t, v, path...).(map[string]any) {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func jsonKeys(t *testing.T, v any) []string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestVocabulariesMatchSchemas(t *testing.T) {
	brands := schemaDoc(t, rmacheck.BrandsSchema())
	claim := schemaDoc(t, rmacheck.ClaimSchema())
	decision := schemaDoc(t, rmacheck.DecisionSchema())
	tests := []struct {
		name string
		want []string
		got  []string
	}{
		{"brands categories", strs(sdk.Categories()), enum(t, brands, "$defs", "category", "enum")},
		{"brands routes", strs(sdk.Routes()), enum(t, brands, "$defs", "route", "enum")},
		{"brands requirements", strs(sdk.Requirements()), enum(t, brands, "$defs", "requirement", "enum")},
		{"brands documents", strs(sdk.DocumentKinds()), enum(t, brands, "$defs", "document", "enum")},
		{"brands support", strs(sdk.SupportAnswers()), enum(t, brands, "$defs", "support", "enum")},
		{"brands spare parts", strs(sdk.SparePartsAnswers()), enum(t, brands, "$defs", "spareParts", "enum")},
		{"brands contact types", strs(sdk.ContactTypes()), enum(t, brands, "$defs", "contactType", "enum")},
		{"brands contact roles", strs(sdk.ContactRoles()), enum(t, brands, "$defs", "contactRole", "enum")},
		{"brands category labels", strs(sdk.Categories()), enum(t, brands, "properties", "labels", "properties", "categories", "required")},
		{"brands route labels", strs(sdk.Routes()), enum(t, brands, "properties", "labels", "properties", "routes", "required")},
		{"brands requirement labels", strs(sdk.Requirements()), enum(t, brands, "properties", "labels", "properties", "requirements", "required")},
		{"brands document labels", strs(sdk.DocumentKinds()), enum(t, brands, "properties", "labels", "properties", "documents", "required")},
		{"brands role labels", strs(sdk.ContactRoles()), enum(t, brands, "properties", "labels", "properties", "contactRoles", "required")},
		{"brands route definitions", strs(sdk.Routes()), enum(t, brands, "properties", "routes", "required")},
		{"brands languages", strs(sdk.Langs()), enum(t, brands, "$defs", "text", "required")},
		{"claim categories", strs(sdk.Categories()), enum(t, claim, "properties", "category", "enum")},
		{"claim support", strs(sdk.SupportAnswers()), enum(t, claim, "properties", "support", "enum")},
		{"claim spare parts", strs(sdk.SparePartsAnswers()), enum(t, claim, "properties", "spareParts", "enum")},
		{"decision routes", strs(sdk.Routes()), enum(t, decision, "properties", "route", "enum")},
		{"decision missing", strs(sdk.Requirements()), enum(t, decision, "properties", "missing", "items", "enum")},
		{"decision documents", strs(sdk.DocumentKinds()), enum(t, decision, "properties", "documents", "items", "properties", "id", "enum")},
		{"decision contact types", strs(sdk.ContactTypes()), enum(t, decision, "properties", "contacts", "items", "properties", "type", "enum")},
		{"decision contact roles", strs(sdk.ContactRoles()), enum(t, decision, "properties", "contacts", "items", "properties", "role", "enum")},
		{"decision languages", strs(sdk.Langs()), enum(t, decision, "properties", "lang", "enum")},
		{"decision audiences", strs(sdk.Audiences()), enum(t, decision, "properties", "audience", "enum")},
		{"brands correction kinds", strs(brandsfile.CorrectionKinds()), enum(t, brands, "properties", "corrections", "items", "properties", "kind", "enum")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, tt.got) })
	}
}

func TestGoTypesMatchSchemaKeys(t *testing.T) {
	claim := schemaDoc(t, rmacheck.ClaimSchema())
	decision := schemaDoc(t, rmacheck.DecisionSchema())
	c := sdk.Claim{Brand: "x", PurchaseDate: sdk.DateOf(2026, 1, 1), ClaimDate: sdk.DateOf(2026, 1, 2)}
	assert.Equal(t, keys(t, claim, "properties"), jsonKeys(t, c), "claim keys")

	d := sdk.Decision{Brand: &sdk.BrandRef{}}
	assert.Equal(t, keys(t, decision, "properties"), jsonKeys(t, d), "decision keys")
	item := func(path ...string) []string { return keys(t, decision, append(path, "properties")...) }
	assert.Equal(t, item("properties", "documents", "items"), jsonKeys(t, sdk.Document{}))
	assert.Equal(t, item("properties", "contacts", "items"), jsonKeys(t, sdk.Contact{}))
	assert.Equal(t, item("properties", "deadlines"), jsonKeys(t, sdk.Deadlines{}))
	assert.Equal(t, item("properties", "rule"), jsonKeys(t, sdk.RuleRef{}))
	assert.Equal(t, item("properties", "suggestions", "items"), jsonKeys(t, sdk.Suggestion{}))
	brandObj := at(t, decision, "properties", "brand", "oneOf").([]any)[1]
	assert.Equal(t, keys(t, brandObj, "properties"), jsonKeys(t, sdk.BrandRef{}))
	// Every claim default in the schema is what decoding an empty claim gives.
	zero, err := sdk.DecodeClaim([]byte(`{"brand":"x","claimDate":"2026-01-02"}`), sdk.Date{})
	require.NoError(t, err)
	var got map[string]any
	b, _ := json.Marshal(zero)
	require.NoError(t, json.Unmarshal(b, &got))
	for k, prop := range at(t, claim, "properties").(map[string]any) {
		if def, ok := prop.(map[string]any)["default"]; ok {
			assert.Equal(t, def, got[k], "default of %s", k)
		}
	}
}

func compileSchema(t *testing.T, name string, data []byte) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	require.NoError(t, c.AddResource(name, bytes.NewReader(data)))
	s, err := c.Compile(name)
	require.NoError(t, err)
	return s
}

// Every decision of the guide walk, and every claim, validates against its
// schema.
func TestDecisionsAndClaimsValidate(t *testing.T) {
	decisionSchema := compileSchema(t, "decision.schema.json", rmacheck.DecisionSchema())
	claimSchema := compileSchema(t, "claim.schema.json", rmacheck.ClaimSchema())
	g := guide(t)
	for _, c := range loadCases(t) {
		var claimDoc any
		require.NoError(t, json.Unmarshal(c.Claim, &claimDoc))
		assert.NoError(t, claimSchema.Validate(claimDoc), "claim of %q", c.Name)
		d := evaluateCase(t, g, c)
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var doc any
		require.NoError(t, json.Unmarshal(b, &doc))
		assert.NoError(t, decisionSchema.Validate(doc), "decision of %q", c.Name)
	}
}

func TestSchemasAreWellFormed(t *testing.T) {
	for _, name := range []string{"brands.schema.json", "claim.schema.json", "decision.schema.json"} {
		data, err := os.ReadFile("../schema/" + name)
		require.NoError(t, err)
		compileSchema(t, name, data)
	}
}
