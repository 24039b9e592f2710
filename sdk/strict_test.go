package sdk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

// brokenFile is a brands.json that must be refused, and the pointer and
// message part of one problem it must report.
type brokenFile struct {
	name    string
	data    []byte
	pointer string
	message string
}

func replaceOnce(t *testing.T, old, new string) []byte {
	t.Helper()
	s := string(rmacheck.BrandsJSON())
	require.True(t, strings.Contains(s, old), "brands.json has %q", old)
	return []byte(strings.Replace(s, old, new, 1))
}

func brokenFiles(t *testing.T) []brokenFile {
	acer := brandIndex(t, "acer")
	hyperx := brandIndex(t, "hyperx")
	p := func(format string, i int) string { return strings.Replace(format, "#", strconv.Itoa(i), 1) }
	return append(unreadableFiles(t), []brokenFile{
		{"DOA window past the schema's bound", edit(t, set(p("/brands/#/rules/0/when/days/max", hyperx), 2147483647)), p("/brands/#/rules/0/when/days/max", hyperx), "must be <= 3660"},
		{"DOA window 2^32+30", edit(t, set(p("/brands/#/rules/0/when/days/max", hyperx), 4294967326)), p("/brands/#/rules/0/when/days/max", hyperx), "must be <= 3660"},
		{"days 3661", edit(t, set(p("/brands/#/rules/0/when/days/max", hyperx), 3661)), p("/brands/#/rules/0/when/days/max", hyperx), "must be <= 3660"},
		{"warranty 241 months", edit(t, set("/defaultRules/0/warrantyMonths", 241)), "/defaultRules/0/warrantyMonths", "must be <= 240"},
		{"RMA valid 366 days", edit(t, set("/routes/micromedia-rma/rmaValidDays", 366)), "/routes/micromedia-rma/rmaValidDays", "must be <= 365"},
		{"special is a string", edit(t, set("/brands/3/special", "yes")), "/brands/3/special", "expected boolean"},
		{"link with a user name", edit(t, set(p("/brands/#/contacts/0/value", acer), "https://support.acer.com@evil.example/")), p("/brands/#/contacts/0/value", acer), "user name"},
		{"link with a right-to-left override", edit(t, set(p("/brands/#/contacts/0/value", acer), "https://support.acer.com/\u202egnp.exe")), p("/brands/#/contacts/0/value", acer), "invisible or control character"},
		{"look-alike host", edit(t, set(p("/brands/#/contacts/0/value", acer), "https://\u0430cer.com/")), p("/brands/#/contacts/0/value", acer), "not plain ASCII"},
		{"e-mail with a look-alike domain", edit(t, set("/contacts/2/value", "rma@micr\u043emedia.eu")), "/contacts/2/value", ""},
		{"rule after an unconditional rule", edit(t, set(p("/brands/#/rules", acer), []any{
			map[string]any{"id": "acer-all", "source": "2 Acer", "route": "brand-direct"},
			map[string]any{"id": "acer-laptop", "source": "2 Acer", "route": "micromedia-rma", "when": map[string]any{"categories": []any{"laptop"}}},
		})), p("/brands/#/rules/1", acer), "never reached"},
		{"rule shadowed by the global ESD rule", edit(t, set(p("/brands/#/rules", acer), []any{
			map[string]any{"id": "acer-esd", "source": "2 Acer", "route": "brand-direct", "when": map[string]any{"categories": []any{"digital-software"}}},
		})), p("/brands/#/rules/0", acer), `"esd-not-returnable"`},
		{"rule inside a day window already decided", edit(t, set(p("/brands/#/rules", acer), []any{
			map[string]any{"id": "acer-a", "source": "2 Acer", "route": "micromedia-rma", "when": map[string]any{"days": map[string]any{"max": 30}}},
			map[string]any{"id": "acer-b", "source": "2 Acer", "route": "micromedia-rma", "when": map[string]any{"days": map[string]any{"min": 31, "max": 60}}},
			map[string]any{"id": "acer-c", "source": "2 Acer", "route": "brand-direct", "when": map[string]any{"days": map[string]any{"min": 10, "max": 50}, "categories": []any{"laptop"}}},
		})), p("/brands/#/rules/2", acer), `rule "acer-a" and "acer-b"`},
		{"default rule to unknown-brand", edit(t, set("/defaultRules/0/route", "unknown-brand")), "/defaultRules/0/route", "decided by the SDK"},
		{"default rule to needs-information", edit(t, set("/defaultRules/0/route", "needs-information")), "/defaultRules/0/route", "decided by the SDK"},
		{"a rule that replaces the route's steps with none", edit(t, set("/defaultRules/0/replaceSteps", true)), "/defaultRules/0/replaceSteps", "replaces the route's steps with none"},
		{"a kind of product for a name that is no alias", edit(t, set(p("/brands/#/aliasCategories", acer), map[string]any{"Acer Nitro": "laptop"})), p("/brands/#/aliasCategories/Acer Nitro", acer), "is not one of the brand's aliases"},
		{"guide date before 2000", edit(t, set("/guide/date", "1999-12-31")), "/guide/date", "2000..2100"},
		{"guide date after 2100", edit(t, set("/guide/date", "2101-01-01")), "/guide/date", "2000..2100"},
		{"a date of the year 0000, which the schema's date format takes", edit(t, set("/guide/date", "0000-02-29")), "/guide/date", "not a real day"},
	}...)
}

// unreadableFiles are broken files that the strict JSON reader refuses
// before any schema sees them.
func unreadableFiles(t *testing.T) []brokenFile {
	acer := brandIndex(t, "acer")
	p := func(format string, i int) string { return strings.Replace(format, "#", strconv.Itoa(i), 1) }
	real := rmacheck.BrandsJSON()
	return []brokenFile{
		{"trailing data", append(append([]byte{}, real...), "}"...), "", "trailing data after the document"},
		{"second document", append(append([]byte{}, real...), "{}"...), "", "trailing data"},
		{"duplicate top-level key", replaceOnce(t, `"format": 1,`, `"format": 1, "format": 1,`), "/format", "duplicate key"},
		{"duplicate key in a rule: the last would win", replaceOnce(t, `"id": "acer-direct",`, `"id": "acer-direct", "route": "micromedia-rma",`), p("/brands/#/rules/1/route", acer), "duplicate key"},
		{"invalid UTF-8 in a name", replaceOnce(t, `"name": "Acer"`, "\"name\": \"Acer\xe9\""), p("/brands/#/name", acer), "invalid UTF-8"},
		{"lone surrogate escape", replaceOnce(t, `"name": "Acer"`, `"name": "Acer\ud800"`), p("/brands/#/name", acer), "surrogate"},
		{"byte order mark", append([]byte("\xef\xbb\xbf"), real...), "", "byte order mark"},
		{"truncated", real[:bytes.Index(real, []byte(`"title": {`))+len(`"title": {`)], "/guide/title", "got end of input"},
		{"too deep", []byte(strings.Repeat("[", 10000)), strings.Repeat("/0", 65), "nested deeper"},
	}
}

func TestBrokenFilesAreRefused(t *testing.T) {
	skipUnderRace(t)
	for _, tt := range brokenFiles(t) {
		t.Run(tt.name, func(t *testing.T) {
			g, err := sdk.LoadBytes(tt.data)
			assert.Nil(t, g)
			var de *sdk.DataError
			require.ErrorAs(t, err, &de)
			assert.True(t, hasProblem(de, tt.pointer, tt.message), "want %s: …%s… in %v", tt.pointer, tt.message, de.Problems)
			assert.NotContains(t, err.Error(), "\n")
			for _, p := range de.Problems {
				assert.NotContains(t, p.String(), "\n")
				assert.Less(t, len(p.String()), 400, "a problem is one short line")
			}
		})
	}
}

func hasProblem(de *sdk.DataError, pointer, message string) bool {
	for _, pr := range de.Problems {
		if pr.Pointer == pointer && strings.Contains(pr.Message, message) {
			return true
		}
	}
	return false
}

// One run reports the schema's and the lint's problems together, even when
// a value has the wrong type, in document order.
func TestEveryProblemInOneRunInDocumentOrder(t *testing.T) {
	data := edit(t, func(doc map[string]any) {
		set("/brands/10/special", "yes")(doc)
		set("/brands/2/id", "acco")(doc)
		set("/brands/20/contacts", []any{map[string]any{"type": "website", "value": "https://a.example@b.example/", "role": "support"}})(doc)
		set("/guide/date", "2026-02-30")(doc)
	})
	_, err := sdk.LoadBytes(data)
	var de *sdk.DataError
	require.ErrorAs(t, err, &de)
	var ptrs []string
	for _, p := range de.Problems {
		ptrs = append(ptrs, p.Pointer)
	}
	// edit re-encodes the file with its keys sorted: "brands" comes before
	// "guide". Brand 2 was Acezone, so a change now names a missing brand.
	assert.Equal(t, []string{"/brands/2/id", "/brands/10/special", "/brands/20/contacts/0/value", "/guide/changes/16/brands/0", "/guide/date"}, ptrs, "%v", de.Problems)
}

// Changing any vocabulary value of the file gives an error naming it, never
// a panic: the schema, the lint and the compiler each check.
func TestEveryVocabularyValueChangedIsAnError(t *testing.T) {
	skipUnderRace(t)
	vocab := map[string]bool{}
	for _, list := range [][]string{
		strs(sdk.Categories()), strs(sdk.Routes()), strs(sdk.Requirements()), strs(sdk.DocumentKinds()),
		strs(sdk.ContactRoles()), strs(sdk.SupportAnswers()), strs(sdk.SparePartsAnswers()), {"website", "email", "phone", "NL", "BE", "AT", "INT"},
	} {
		for _, v := range list {
			vocab[v] = true
		}
	}
	var doc any
	require.NoError(t, json.Unmarshal(rmacheck.BrandsJSON(), &doc))
	var ptrs []string
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				if strings.HasPrefix(at, "/labels") || at == "/routes" {
					continue // labels and route definitions are keyed by vocabulary; values are texts
				}
				walk(c, at+"/"+k)
			}
		case []any:
			for i, c := range x {
				walk(c, fmt.Sprintf("%s/%d", at, i))
			}
		case string:
			if vocab[x] && !strings.HasSuffix(at, "/id") && !strings.HasSuffix(at, "/source") {
				ptrs = append(ptrs, at)
			}
		}
	}
	walk(doc, "")
	require.Greater(t, len(ptrs), 100)
	// Every kind of place, twice: /brands/3/rules/0/route and
	// /brands/9/rules/1/route are the same kind.
	kinds := map[string]int{}
	for _, at := range ptrs {
		kind := regexp.MustCompile(`/[0-9]+`).ReplaceAllString(at, "/*")
		if kinds[kind]++; kinds[kind] > 2 {
			continue
		}
		data := edit(t, set(at, "no-such-value"))
		assert.NotPanics(t, func() {
			_, err := sdk.LoadBytes(data)
			var de *sdk.DataError
			if assert.ErrorAs(t, err, &de, at) {
				assert.True(t, hasProblem(de, at, ""), "want a problem at %s, got %v", at, de.Problems)
			}
		}, at)
	}
}

// The built-in validator and the reference JSON Schema library agree on
// every broken file the JSON reader reads, the schema-only ones and the
// real file: the same verdict and the same pointers. A case it cannot
// compare fails it; the unreadable files are the reader's, and it refuses
// each.
func TestBuiltInValidatorAgreesWithTheLibrary(t *testing.T) {
	skipUnderRace(t)
	unreadable := map[string]bool{}
	for _, f := range unreadableFiles(t) {
		unreadable[f.name] = true
		_, parsed := sdk.SchemaProblems(f.data)
		assert.False(t, parsed, "the strict reader refuses %q", f.name)
	}
	files := append(schemaOnlyFiles(t), brokenFile{name: "the real file", data: rmacheck.BrandsJSON()})
	for _, f := range brokenFiles(t) {
		if !unreadable[f.name] {
			files = append(files, f)
		}
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			compared, err := disagreement(f.data)
			require.True(t, compared, "the strict reader refused a file the cross-check needs")
			require.NoError(t, err)
		})
	}
}

// schemaOnlyFiles break the schema alone, one keyword each.
func schemaOnlyFiles(t *testing.T) []brokenFile {
	return []brokenFile{
		{name: "missing key", data: edit(t, del("/guide/date"))},
		{name: "unknown key", data: edit(t, set("/brands/0/colour", "red"))},
		{name: "impossible date", data: edit(t, set("/guide/date", "2026-02-30"))},
		{name: "unknown category", data: edit(t, set("/defaultRules/0/when", map[string]any{"categories": []any{"toaster"}}))},
		{name: "bad e-mail", data: edit(t, set("/contacts/2/value", "rma at micromedia"))},
		{name: "blank text", data: edit(t, set("/guide/title/nl", "  "))},
		{name: "empty rules", data: edit(t, set("/brands/0/rules", []any{}))},
		{name: "duplicate alias", data: edit(t, set("/brands/0/aliases", []any{"a", "a"}))},
		{name: "format 2", data: edit(t, set("/format", 2))},
		{name: "format as a string", data: edit(t, set("/format", "1"))},
		{name: "empty days", data: edit(t, set("/defaultRules/0/when", map[string]any{"days": map[string]any{}}))},
		{name: "fractional days", data: edit(t, set("/defaultRules/0/when", map[string]any{"days": map[string]any{"max": 1.5}}))},
		{name: "route label for an unknown route", data: edit(t, set("/labels/routes/teleport", map[string]any{"fr": "a", "nl": "b", "en": "c"}))},
		{name: "phone pattern", data: edit(t, set("/contacts/0/value", "+31 24 CALL US"))},
		{name: "website without scheme", data: edit(t, set("/brands/1/contacts", []any{map[string]any{"type": "website", "value": "www.example.com", "role": "support"}}))},
		{name: "id with capitals", data: edit(t, set("/brands/0/id", "Acco"))},
		{name: "null where an object goes", data: edit(t, set("/guide", nil))},
	}
}

func leaves(ve *jsonschema.ValidationError) []string {
	if len(ve.Causes) == 0 {
		return []string{ve.InstanceLocation}
	}
	var out []string
	for _, c := range ve.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func parentOf(ptr string) string {
	if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
		return ptr[:i]
	}
	return ""
}

// A deadline the SDK cannot write (past 9999-12-31) is an error naming the
// date it comes from, never a wrapped date.
func TestDeadlinesStayWithinFourDigitYears(t *testing.T) {
	g := guide(t)
	end := sdk.DateOf(9999, 12, 31)
	tests := []struct {
		name     string
		claim    sdk.Claim
		field    string
		doaUntil string
	}{
		{"HyperX DOA window past 9999 (2 HyperX)", sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: end, ClaimDate: end}, "purchaseDate", ""},
		{"Ecoflow 60 months past 9999 (2 Ecoflow)", sdk.Claim{Brand: "Ecoflow", Model: "River 2 Pro", PurchaseDate: sdk.DateOf(9999, 1, 1), ClaimDate: end}, "purchaseDate", ""},
		{"HyperX DOA window ends on 9999-12-31 (2 HyperX)", sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: sdk.DateOf(9999, 12, 1), ClaimDate: end}, "", "9999-12-31"},
		{"year 1 (1.2)", sdk.Claim{Brand: "HyperX", PurchaseDate: sdk.DateOf(1, 1, 1), ClaimDate: sdk.DateOf(1, 1, 2)}, "", "0001-01-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := g.Evaluate(tt.claim, sdk.Options{})
			if tt.field != "" {
				var fe *sdk.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tt.field, fe.Field)
				assert.Contains(t, fe.Reason, "9999-12-31")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.doaUntil, d.Deadlines.DOAUntil.String())
		})
	}
	assert.True(t, end.AddDays(1).IsZero(), "AddDays past 9999-12-31")
	assert.True(t, end.AddMonths(1).IsZero(), "AddMonths past 9999-12-31")
	assert.True(t, sdk.DateOf(1, 1, 1).AddDays(-1).IsZero(), "AddDays before 0001-01-01")
	assert.True(t, end.AddDays(math.MaxInt).IsZero(), "no wrap-around")
	assert.True(t, sdk.DateOf(10000, 1, 1).IsZero())
}
