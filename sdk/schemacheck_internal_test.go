package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/internal/jsontree"
)

// referenceVerdict validates doc against schema with the reference
// library and returns the pointers of its problems (the leaves of its error
// tree), sorted; nil when doc is valid.
func referenceVerdict(t *testing.T, schema, doc string) []string {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	require.NoError(t, c.AddResource("s.json", strings.NewReader(schema)))
	s, err := c.Compile("s.json")
	require.NoError(t, err)
	var v any
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	var ve *jsonschema.ValidationError
	if err := s.Validate(v); errors.As(err, &ve) {
		return leafPointers(ve)
	} else {
		require.NoError(t, err)
	}
	return nil
}

func leafPointers(ve *jsonschema.ValidationError) []string {
	set := map[string]bool{}
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			set[e.InstanceLocation] = true
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return sortedKeys(set)
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// builtInVerdict is the same for the built-in validator, with its problems.
func builtInVerdict(t *testing.T, schema, doc string) ([]string, []Problem) {
	t.Helper()
	s, err := compileSchema([]byte(schema))
	require.NoError(t, err)
	n, perr := jsontree.Parse([]byte(doc))
	require.Nil(t, perr)
	res := validateTree(s, &n)
	if len(res.problems) == 0 {
		return nil, nil
	}
	set := map[string]bool{}
	for _, p := range res.problems {
		set[p.Pointer] = true
	}
	return sortedKeys(set), res.problems
}

// Each edge where the built-in validator once differed from the reference,
// on a small schema: both give the same verdict and the same pointers.
func TestSchemaEdgesAgreeWithReference(t *testing.T) {
	long := func(local string, domainLen int) string {
		d := strings.Repeat("a", domainLen-4) + ".com"
		for i := 60; i < len(d)-4; i += 61 {
			d = d[:i] + "." + d[i+1:] // labels of at most 63
		}
		return local + "@" + d
	}
	email := `{"type":"string","format":"email"}`
	tests := []struct {
		name, schema, doc string
		valid             bool
	}{
		{"a number just over maximum is over it", `{"maximum":3660}`, `3660.0000000000001`, false},
		{"a number just under minimum is under it", `{"minimum":0}`, `-0.0000000000000000001`, false},
		{"maximum itself, written otherwise", `{"maximum":3660}`, `3.66e3`, true},
		{"an integer with a fraction of zeros", `{"type":"integer"}`, `30.000`, true},
		{"an integer by exponent", `{"type":"integer"}`, `15e-1`, false},
		{"a fraction below float64's reach is no integer", `{"type":"integer"}`, `30.0000000000000001`, false},
		{"enum of an object, keys in another order", `{"enum":[{"a":1,"b":[1,2]}]}`, `{"b":[1,2.0],"a":1}`, true},
		{"const of an object, keys in another order", `{"const":{"a":1,"b":2}}`, `{"b":2,"a":1.0}`, true},
		{"const of an object, one value differs", `{"const":{"a":1,"b":2}}`, `{"b":3,"a":1}`, false},
		{"uniqueItems: the same object, keys reordered", `{"uniqueItems":true}`, `[{"a":1,"b":2},{"b":2,"a":1}]`, false},
		{"uniqueItems: 1 and 1.0", `{"uniqueItems":true}`, `[1,1.0]`, false},
		{"uniqueItems: different objects", `{"uniqueItems":true}`, `[{"a":1},{"a":2}]`, true},
		{"nested $defs resolve where they stand", `{"$defs":{"b":{"type":"number"},"a":{"$defs":{"b":{"type":"string"}},"$ref":"#/$defs/a/$defs/b"}},"$ref":"#/$defs/a"}`, `"x"`, true},
		{"nested $defs, wrong type", `{"$defs":{"b":{"type":"number"},"a":{"$defs":{"b":{"type":"string"}},"$ref":"#/$defs/a/$defs/b"}},"$ref":"#/$defs/a"}`, `1`, false},
		{"a $ref to a property's schema", `{"properties":{"a":{"type":"string"},"b":{"$ref":"#/properties/a"}}}`, `{"b":1}`, false},
		{"a $ref through an escaped name", `{"$defs":{"a/b":{"type":"string"}},"properties":{"x":{"$ref":"#/$defs/a~1b"}}}`, `{"x":1}`, false},
		{"type fails before the $ref's checks", `{"$defs":{"o":{"properties":{"a":{"type":"string"}}}},"$ref":"#/$defs/o","type":"array"}`, `{"a":1}`, false},
		{"dependentRequired, several", `{"dependentRequired":{"z":["y"],"a":["b","c"]}}`, `{"a":1,"z":2}`, false},
		{"e-mail of 254 bytes", email, strconv.Quote(long("rma", 250)), true},
		{"e-mail of 255 bytes", email, strconv.Quote(long("rmac", 250)), false},
		{"e-mail with a quoted local part", email, `"\"john doe\"@example.com"`, true},
		{"e-mail with an escaped quote in its quoted local part", email, `"\"a\\\"b\"@example.com"`, true},
		{"e-mail with an empty quoted local part", email, `"\"\"@example.com"`, false},
		{"e-mail with a quote left open", email, `"\"a@example.com"`, false},
		{"e-mail with text after its quoted local part", email, `"\"a\"b@example.com"`, false},
		{"e-mail with an IPv4 literal", email, `"rma@[192.0.2.1]"`, true},
		{"e-mail with an IPv4 literal with a leading zero", email, `"rma@[192.0.2.01]"`, false},
		{"e-mail with an IPv6 literal", email, `"rma@[IPv6:2001:db8::1]"`, true},
		{"e-mail with an IPv6 literal and a zone", email, `"rma@[IPv6:fe80::1%eth0]"`, false},
		{"e-mail with a leading blank", email, `" rma@example.com"`, true},
		{"e-mail with a blank inside", email, `"r ma@example.com"`, false},
		{"e-mail with a non-ASCII local part", email, `"rmà@example.com"`, true},
		{"e-mail with a trailing dot", email, `"rma@example.com."`, false},
		{"e-mail with a double dot", email, `"r..ma@example.com"`, false},
		{"e-mail with a 65-byte local part", email, strconv.Quote(strings.Repeat("a", 65) + "@example.com"), false},
		{"e-mail whose second label starts with a hyphen", email, `"rma@a.-b.com"`, true},
		{"e-mail whose name starts with a hyphen", email, `"rma@-a.com"`, false},
		{"uri with a bracketed IPv6 host", `{"format":"uri"}`, `"https://[2001:db8::1]/"`, true},
		{"uri with a broken IPv6 host", `{"format":"uri"}`, `"https://[1::2::3]/"`, false},
		{"date of the year 0000", `{"format":"date"}`, `"0000-02-29"`, true},
		{"date that does not exist", `{"format":"date"}`, `"2026-02-29"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := referenceVerdict(t, tt.schema, tt.doc)
			require.Equal(t, tt.valid, want == nil, "the reference's verdict: %v", want)
			got, problems := builtInVerdict(t, tt.schema, tt.doc)
			assert.Equal(t, want, got, "pointers: %v", problems)
		})
	}
}

// Problems come in the same order on every run.
func TestSchemaProblemsInAStableOrder(t *testing.T) {
	schema := `{"dependentRequired":{"z":["y"],"m":["n"],"a":["b","c"],"q":["r"]}}`
	_, first := builtInVerdict(t, schema, `{"a":1,"m":1,"q":1,"z":2}`)
	require.Len(t, first, 5)
	assert.Contains(t, first[0].Message, `"z" requires property "y"`, "the schema's order")
	for range 20 {
		_, again := builtInVerdict(t, schema, `{"a":1,"m":1,"q":1,"z":2}`)
		assert.Equal(t, first, again)
	}
}

// A message cuts a long value after whole characters, never inside one.
func TestSchemaMessagesCutByRunes(t *testing.T) {
	for _, doc := range []string{
		`{"x":"` + strings.Repeat("é", 100) + `"}`,
		`["` + strings.Repeat("€", 80) + `", 1]`,
		strconv.Quote(strings.Repeat("日本", 50)),
	} {
		_, problems := builtInVerdict(t, `{"enum":["a"]}`, doc)
		require.NotEmpty(t, problems, doc)
		for _, p := range problems {
			assert.True(t, utf8.ValidString(p.Message), "%q", p.Message)
			assert.Contains(t, p.Message, "…", "the cut is marked")
		}
	}
}

func TestCanonicalOrdersKeys(t *testing.T) {
	a, perr := jsontree.Parse([]byte(`{"b":[1.0,{"y":2,"x":1}],"a":"é"}`))
	require.Nil(t, perr)
	b, perr := jsontree.Parse([]byte(`{"a":"é","b":[1,{"x":1e0,"y":20e-1}]}`))
	require.Nil(t, perr)
	assert.Equal(t, string(canonical(&a, nil)), string(canonical(&b, nil)))
	assert.True(t, equalNodes(&a, &b))
	assert.True(t, bytes.HasPrefix(canonical(&a, nil), []byte(`{"a":`)))
}
