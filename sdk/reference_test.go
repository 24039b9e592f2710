package sdk_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

// The built-in validator (sdk/schemacheck.go) against the reference,
// santhosh-tekuri/jsonschema v5: on every file both can read, the same
// verdict and the same set of JSON pointers.

var referenceSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	if err := c.AddResource("brands.schema.json", bytes.NewReader(rmacheck.BrandsSchema())); err != nil {
		return nil, err
	}
	return c.Compile("brands.schema.json")
})

// errReferenceCannotRead is a file the reference cannot judge: a number
// math/big will not read (an exponent past a million) panics it.
var errReferenceCannotRead = errors.New("the reference cannot read a number of the file")

// disagreement compares both validators on data. It returns nil when they
// agree, errReferenceCannotRead, or what differs. The strict reader refuses
// some files that encoding/json reads (a duplicate key, a lone surrogate);
// there the built-in validator has no verdict, and ok is false.
func disagreement(data []byte) (ok bool, err error) {
	ours, parsed := sdk.SchemaProblems(data)
	if !parsed {
		return false, nil
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return true, fmt.Errorf("the strict reader read a file encoding/json refuses: %v", err)
	}
	ref, err := referenceSchema()
	if err != nil {
		return true, err
	}
	refErr, judged := validateWith(ref, doc)
	if !judged {
		return true, errReferenceCannotRead
	}
	var want []string
	var ve *jsonschema.ValidationError
	if errors.As(refErr, &ve) {
		want = leafSet(ve)
	} else if refErr != nil {
		return true, fmt.Errorf("the reference: %v", refErr)
	}
	got := map[string]bool{}
	for _, p := range ours {
		got[referenceForm(p.Pointer)] = true
	}
	gotList := make([]string, 0, len(got))
	for p := range got {
		gotList = append(gotList, p)
	}
	sort.Strings(gotList)
	if strings.Join(want, "\n") != strings.Join(gotList, "\n") {
		return true, fmt.Errorf("pointers differ: the reference %q (%v), built-in %q (%v)", want, refErr, gotList, ours)
	}
	return true, nil
}

// referenceForm writes an RFC 6901 pointer as the reference writes its
// instance locations: each name percent-encoded (url.PathEscape), and an
// empty name left out (its joinPtr drops it), so that "/a/" is "/a". Only
// the comparison uses it: the SDK's problems keep plain JSON pointers.
func referenceForm(ptr string) string {
	if ptr == "" {
		return ""
	}
	var b strings.Builder
	for _, seg := range strings.Split(ptr[1:], "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		if seg == "" {
			continue
		}
		b.WriteString("/" + url.PathEscape(strings.ReplaceAll(strings.ReplaceAll(seg, "~", "~0"), "/", "~1")))
	}
	return b.String()
}

func leafSet(ve *jsonschema.ValidationError) []string {
	set := map[string]bool{}
	for _, l := range leaves(ve) {
		set[l] = true
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// FuzzSchemaAgreesWithReference: any input that both read gets the same
// verdict and the same pointers from both validators. The seeds are small
// (the whole file is the sweep's): each holds one member of brands.json,
// its lists cut to two items, so that the fuzzer reaches every keyword
// quickly.
func FuzzSchemaAgreesWithReference(f *testing.F) {
	doc := decodeBrands(f).(map[string]any)
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := doc[k]
		if list, ok := v.([]any); ok && len(list) > 2 {
			v = list[:2]
		}
		seed, err := json.Marshal(map[string]any{"format": 1, k: v})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(seed))
	}
	f.Add(`{}`)
	f.Add(`{"format":1.0}`)
	f.Add(`{"format":1,"contacts":[{"type":"email","value":"\"a b\"@[IPv6:::1]","role":"rma"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		if _, err := disagreement([]byte(in)); err != nil {
			if err == errReferenceCannotRead {
				t.Skip(err)
			}
			t.Fatal(err)
		}
	})
}

// TestSchemaAgreesWithReferenceOnMutations is the mutation sweep: files
// derived from brands.json by one to three random edits each (values from
// a pool of edge cases, keys dropped or added, items repeated), all judged
// alike by both validators. RMA_SWEEP sets how many (make fuzz: 5000); make
// test runs a short sweep.
func TestSchemaAgreesWithReferenceOnMutations(t *testing.T) {
	skipUnderRace(t)
	n := 60
	if s := os.Getenv("RMA_SWEEP"); s != "" {
		var err error
		n, err = strconv.Atoi(s)
		require.NoError(t, err, "RMA_SWEEP")
	}
	files := mutatedFiles(t, n, 2)
	refused, unread := 0, 0
	for _, m := range files {
		ok, err := disagreement(m.data)
		require.True(t, ok, "the strict reader refused a mutation of %v", m.edits)
		if err == errReferenceCannotRead {
			unread++
			continue
		}
		require.NoError(t, err, "after %v", m.edits)
		if ours, _ := sdk.SchemaProblems(m.data); len(ours) > 0 {
			refused++
		}
	}
	t.Logf("%d files swept, %d refused by both, %d the reference cannot read, 0 differences", len(files), refused, unread)
	assert.Greater(t, refused, len(files)/3, "the sweep breaks files")
	assert.Less(t, refused, len(files), "the sweep keeps some files valid")
}

type mutatedFile struct {
	data  []byte
	edits []string
}

// edgeValues are what a mutation may write: each side of the schema's
// bounds, formats and types.
func edgeValues() []any {
	num := func(s string) any { return json.Number(s) }
	long := strings.Repeat("a", 60)
	return []any{
		"", " ", "x", "é", "toaster", "laptop", "brand-direct", "micromedia-rma", "support", "rma", "email", "website", "phone",
		"2026-02-30", "2026-02-28", "0000-01-01", "0000-02-29", "2026-13-01", "26-01-01",
		"rma@micromedia.eu", `"a b"@example.com`, `""@example.com`, "a@[192.0.2.1]", "a@[IPv6:2001:db8::1]", "a@[IPv6:fe80::1%1]",
		"a@b.-c.com", "a@-b.com", "a@example.com.", " a@example.com", "a..b@example.com", "rmà@example.com",
		"a@" + long + "." + long + "." + long + "." + long + ".com",
		"https://support.example/", "https://[2001:db8::1]/", "https://[1::2::3]/", "http://a:b/", "ftp://example.com", "www.example.com",
		"+31 24 345 67 89", "+31 24 CALL", "sha256:" + strings.Repeat("0", 64), "ABC", "a-b", "a--b", strings.Repeat("é", 70),
		num("0"), num("-1"), num("1"), num("1.0"), num("1.5"), num("1e2"), num("30"), num("30.0000000000000001"), num("3660"),
		num("3660.0000000000001"), num("3661"), num("3.66e3"), num("240"), num("241"), num("365"), num("366"), num("-0"), num("2147483647"),
		true, false, nil,
		[]any{}, map[string]any{}, []any{"a", "a"}, []any{"laptop", "laptop"},
		[]any{map[string]any{"a": num("1"), "b": num("2")}, map[string]any{"b": num("2.0"), "a": num("1")}},
		map[string]any{"fr": "a", "nl": "b", "en": "c"}, map[string]any{"fr": "a", "nl": " ", "en": "c"},
		map[string]any{"min": num("1"), "max": num("30")}, map[string]any{"max": num("1.5")},
	}
}

// mutatedFiles derives n files from brands.json, the same ones for a seed.
func mutatedFiles(tb testing.TB, n int, seed uint64) []mutatedFile {
	tb.Helper()
	rng := rand.New(rand.NewPCG(seed, 28))
	pool := edgeValues()
	var out []mutatedFile
	for range n {
		doc := decodeBrands(tb)
		var edits []string
		for range 1 + rng.IntN(3) {
			edits = append(edits, mutate(rng, doc, pool))
		}
		data, err := json.Marshal(doc)
		require.NoError(tb, err)
		out = append(out, mutatedFile{data: data, edits: edits})
	}
	return out
}

func decodeBrands(tb testing.TB) any {
	var doc any
	dec := json.NewDecoder(bytes.NewReader(rmacheck.BrandsJSON()))
	dec.UseNumber()
	require.NoError(tb, dec.Decode(&doc))
	return doc
}

// mutate makes one edit at a random place of doc and says what it did.
func mutate(rng *rand.Rand, doc any, pool []any) string {
	// Walk down from the root, stopping at random: edits land at every depth.
	at, cur := "", doc
	for {
		var next any
		var key string
		switch c := cur.(type) {
		case map[string]any:
			if len(c) == 0 {
				break
			}
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			key = keys[rng.IntN(len(keys))]
			next = c[key]
		case []any:
			if len(c) == 0 {
				break
			}
			i := rng.IntN(len(c))
			key, next = strconv.Itoa(i), c[i]
		}
		if next == nil || rng.IntN(6) == 0 {
			break
		}
		if _, leaf := next.(map[string]any); !leaf {
			if _, list := next.([]any); !list {
				return editAt(rng, cur, key, at+"/"+key, pool)
			}
		}
		at, cur = at+"/"+key, next
	}
	switch c := cur.(type) {
	case map[string]any:
		if rng.IntN(2) == 0 && len(c) > 0 {
			for k := range c {
				delete(c, k)
				return "delete " + at + "/" + k
			}
		}
		// Names that pointers escape, or that the reference writes its own way.
		k := []string{"colour", "", "a b", "a/b", "~", "é"}[rng.IntN(6)]
		c[k] = pool[rng.IntN(len(pool))]
		return "add " + at + "/" + k
	case []any:
		if len(c) > 0 {
			return editAt(rng, cur, strconv.Itoa(rng.IntN(len(c))), at+"/*", pool)
		}
	}
	return "none"
}

// editAt sets the member key of container to a value from pool, or, in a
// list, to a copy of its neighbour.
func editAt(rng *rand.Rand, container any, key, at string, pool []any) string {
	v := pool[rng.IntN(len(pool))]
	switch c := container.(type) {
	case map[string]any:
		c[key] = v
	case []any:
		i, _ := strconv.Atoi(key)
		if rng.IntN(4) == 0 && len(c) > 1 {
			// uniqueItems: the same item twice.
			c[i] = c[(i+1)%len(c)]
			return "repeat " + at
		}
		c[i] = v
	}
	return fmt.Sprintf("set %s = %v", at, v)
}
