package sdk_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandstest"
	"github.com/micromedia/rmacheck/sdk"
)

// edit is brandstest.Edit: the embedded brands.json changed by change.
var edit = brandstest.Edit

// ptr returns the container and key at a JSON pointer, for edits.
func ptr(doc any, pointer string) (parent any, key string) {
	parts := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	cur := doc
	for _, p := range parts[:len(parts)-1] {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[p]
		case []any:
			i, _ := strconv.Atoi(p)
			cur = c[i]
		}
	}
	return cur, parts[len(parts)-1]
}

func set(pointer string, v any) func(map[string]any) {
	return func(doc map[string]any) {
		parent, key := ptr(doc, pointer)
		switch p := parent.(type) {
		case map[string]any:
			p[key] = v
		case []any:
			i, _ := strconv.Atoi(key)
			p[i] = v
		}
	}
}

func del(pointer string) func(map[string]any) {
	return func(doc map[string]any) {
		parent, key := ptr(doc, pointer)
		delete(parent.(map[string]any), key)
	}
}

func brandIndex(t *testing.T, id string) int {
	t.Helper()
	for i, b := range guide(t).Brands() {
		if b.ID == id {
			return i
		}
	}
	t.Fatalf("no brand %s", id)
	return -1
}

func TestDefaultGuide(t *testing.T) {
	g := guide(t)
	brands := g.Brands()
	assert.Len(t, brands, 162, "163 brand headings in chapter 2, The G-lab twice")
	assert.Equal(t, "2026-03-04", g.Date().String(), "the guide's newest change")
	assert.Len(t, g.Changes(), 25)
	assert.NotEmpty(t, g.Conditions())
	ids := map[string]bool{}
	for _, b := range brands {
		assert.False(t, ids[b.ID], "duplicate id %s", b.ID)
		ids[b.ID] = true
	}
	g2, err := sdk.Load(strings.NewReader(string(rmacheck.BrandsJSON())))
	require.NoError(t, err)
	assert.Equal(t, g.Brands(), g2.Brands(), "Load and Default agree")
}

// Default skips the schema pass on the embedded file; this is the check it
// relies on.
func TestEmbeddedDataPassesTheSchema(t *testing.T) {
	_, err := sdk.LoadBytes(rmacheck.BrandsJSON())
	require.NoError(t, err)
}

func TestLoadReportsProblemsWithPointers(t *testing.T) {
	skipUnderRace(t)
	acer := brandIndex(t, "acer")
	hyperx := brandIndex(t, "hyperx")
	microsoft := brandIndex(t, "microsoft")
	p := func(format string, i int) string { return strings.Replace(format, "#", strconv.Itoa(i), 1) }
	tests := []struct {
		name    string
		data    []byte
		pointer string
		message string
	}{
		{"malformed JSON", []byte(`{"format": 1,`), "", "malformed JSON"},
		{"missing required key", edit(t, del("/guide/date")), "/guide", "missing properties: 'date'"},
		{"unknown key", edit(t, set("/brands/0/colour", "red")), "/brands/0", `additionalProperties "colour" not allowed`},
		{"impossible date", edit(t, set("/guide/date", "2026-02-30")), "/guide/date", "is not valid 'date'"},
		{"unknown category", edit(t, set(p("/brands/#/rules/0/when/categories/0", acer), "toaster")), p("/brands/#/rules/0/when/categories/0", acer), "value must be one of"},
		{"unknown route", edit(t, set(p("/brands/#/rules/0/route", acer), "teleport")), p("/brands/#/rules/0/route", acer), "value must be one of"},
		{"bad e-mail", edit(t, set("/contacts/2/value", "rma at micromedia")), "/contacts/2/value", "is not valid 'email'"},
		{"URL without scheme", edit(t, set(p("/brands/#/contacts/0/value", acer), "www.acer.com")), p("/brands/#/contacts/0/value", acer), "does not match pattern"},
		{"blank translation", edit(t, set("/guide/title/nl", "  ")), "/guide/title/nl", "does not match pattern"},
		{"missing translation", edit(t, del("/guide/title/en")), "/guide/title", "missing properties: 'en'"},
		{"duplicate brand id", edit(t, set("/brands/1/id", "acco")), "/brands/1/id", `duplicate brand id "acco"`},
		{"alias taken by another brand", edit(t, set("/brands/0/aliases", []any{"Hyper-X"})), p("/brands/#/name", hyperx), `"hyperx" is also a name or alias of brand "acco" (/brands/0/aliases/0)`},
		{"duplicate rule id", edit(t, set(p("/brands/#/rules/1/id", hyperx), "hyperx-doa")), p("/brands/#/rules/1/id", hyperx), `duplicate rule id "hyperx-doa"`},
		{"days min above max", edit(t, set(p("/brands/#/rules/0/when/days", hyperx), map[string]any{"min": 40, "max": 30})), p("/brands/#/rules/0/when/days", hyperx), "min 40 is greater than max 30"},
		{"DOA without a window", edit(t, del(p("/brands/#/rules/0/when", hyperx))), p("/brands/#/rules/0/doa", hyperx), "needs when.days.max"},
		{"contact role nobody has", edit(t, set(p("/brands/#/contacts", microsoft), []any{})), p("/brands/#/rules/2/contacts/1", microsoft), `role "reseller-portal"`},
		{"unknown related brand", edit(t, set("/brands/0/related", []any{"nobody"})), "/brands/0/related/0", `no other brand has id "nobody"`},
		{"change names an unknown brand", edit(t, set("/guide/changes/0/brands/0", "nanoflow")), "/guide/changes/0/brands/0", `no brand has id "nanoflow"`},
		{"guide date older than a change", edit(t, set("/guide/date", "2025-01-01")), "/guide/date", "older than the change of 2026-03-04"},
		{"default chain can fall through", edit(t, set("/defaultRules/0/when", map[string]any{"categories": []any{"other"}})), "/defaultRules/0/when", "must have no conditions"},
		{"phone with letters", edit(t, set("/contacts/0/value", "+31 24 CALL US")), "/contacts/0/value", "does not match pattern"},
		{"1.1: the shop's route without its support-first wording", edit(t, del("/routes/micromedia-rma/supportFirst")), "/defaultRules/0", `shown no one to contact, while a brand has a support contact (guide 1.1)`},
		{"1.1: a brand's consumer wording hides its support", edit(t, set(p("/brands/#/rules/0/consumer/contacts", hyperx), []any{})), p("/brands/#/rules/0", hyperx), `brand "hyperx" has a support contact (guide 1.1)`},
		{"supportFirst in consumer wording names a shop contact", edit(t, set("/routes/micromedia-rma/supportFirst/consumer/contacts", []any{"micromedia-rma"})), "/routes/micromedia-rma/supportFirst/consumer/contacts/0", "consumers are not shown"},
		{"two contacts that read the same", edit(t, set(p("/brands/#/contacts/1/label", brandIndex(t, "asus")), map[string]any{"fr": "Site", "nl": "Site", "en": "Support site"})), p("/brands/#/contacts/1", brandIndex(t, "asus")), "reads the same as contact 0"},
		{"supportFirst without steps", edit(t, set("/routes/other-distributor/supportFirst/steps", []any{})), "/routes/other-distributor/supportFirst/steps", "minimum 1 items required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := sdk.LoadBytes(tt.data)
			assert.Nil(t, g)
			var de *sdk.DataError
			require.ErrorAs(t, err, &de)
			found := false
			for _, pr := range de.Problems {
				if pr.Pointer == tt.pointer && strings.Contains(pr.Message, tt.message) {
					found = true
				}
			}
			assert.True(t, found, "want %s: …%s… in %v", tt.pointer, tt.message, de.Problems)
			assert.Contains(t, err.Error(), "brands.json: ")
		})
	}
}

// A rule may keep its consumer answer free of the brand's support when it
// says why (withoutSupportFirst): the lint then accepts it, and the answer
// has neither the support-first steps nor the contacts.
func TestWithoutSupportFirst(t *testing.T) {
	hyperx := brandIndex(t, "hyperx")
	at := "/brands/" + strconv.Itoa(hyperx) + "/rules/0"
	data := edit(t, func(doc map[string]any) {
		set(at+"/consumer/contacts", []any{})(doc)
		set(at+"/withoutSupportFirst", "a test: the shop takes every HyperX product back in its first 30 days")(doc)
	})
	g, err := sdk.LoadBytes(data)
	require.NoError(t, err)
	claimDate := sdk.DateOf(2026, 12, 1)
	d, err := g.Evaluate(sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: claimDate.AddDays(-3), ClaimDate: claimDate},
		sdk.Options{Audience: sdk.AudienceConsumer})
	require.NoError(t, err)
	assert.Equal(t, "hyperx-doa", d.Rule.ID)
	assert.Empty(t, d.Contacts)
	assert.Equal(t, "Your shop can return this for you", d.Headline, "the route's own wording")
}

// A valid edit changes decisions without code: rules are data.
func TestEditedDataChangesDecisions(t *testing.T) {
	acco := brandIndex(t, "acco")
	data := edit(t, set("/brands/"+strconv.Itoa(acco)+"/rules", []any{map[string]any{
		"id": "acco-direct", "source": "test", "route": "brand-direct",
	}}))
	g, err := sdk.LoadBytes(data)
	require.NoError(t, err)
	d, err := g.Evaluate(sdk.Claim{Brand: "Acco", ClaimDate: sdk.DateOf(2026, 3, 10)}, sdk.Options{})
	require.NoError(t, err)
	assert.Equal(t, sdk.RouteBrandDirect, d.Route)
	assert.Equal(t, "acco-direct", d.Rule.ID)
}

// Default and Load build the same Guide from the embedded file: Default's
// shortcut changes nothing a caller can see.
func TestDefaultIsLoadOfTheEmbeddedFile(t *testing.T) {
	viaLoad, err := sdk.LoadBytes(rmacheck.BrandsJSON())
	require.NoError(t, err)
	g := guide(t)
	assert.Equal(t, viaLoad.Brands(), g.Brands())
	for _, c := range loadCases(t) {
		claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
		require.NoError(t, err)
		for _, a := range sdk.Audiences() {
			want, err1 := viaLoad.Evaluate(claim, sdk.Options{Lang: c.Lang, Audience: a})
			got, err2 := g.Evaluate(claim, sdk.Options{Lang: c.Lang, Audience: a})
			assert.Equal(t, err1, err2)
			assert.Equal(t, want, got, c.Name)
		}
	}
}
