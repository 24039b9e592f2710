package sdk_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

// scaleSizes are the brand counts of the scale benchmarks: the guide's 162
// brands, then 10 and 100 times as many.
var scaleSizes = []int{162, 1620, 16200}

// syllables make the clone tags: two of them give 100 distinct tags of four
// letters, so no clone key can equal another brand's key plus a tag.
var syllables = [10]string{"ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "zu"}

// scaledBrands returns the embedded brands.json with each brand followed by
// copies-1 clones of it. A clone gets a tag in its id, name, aliases and rule
// ids, so that the file still passes the schema and the lint.
func scaledBrands(t testing.TB, copies int) []byte {
	t.Helper()
	require.LessOrEqual(t, copies, len(syllables)*len(syllables))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(rmacheck.BrandsJSON(), &doc))
	orig := doc["brands"].([]any)
	brands := make([]any, 0, len(orig)*copies)
	for _, o := range orig {
		brands = append(brands, o)
		for k := 1; k < copies; k++ {
			tag := syllables[k/10] + syllables[k%10]
			brands = append(brands, cloneBrand(t, o.(map[string]any), tag))
		}
	}
	doc["brands"] = brands
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	return data
}

func cloneBrand(t testing.TB, b map[string]any, tag string) map[string]any {
	var c map[string]any
	data, err := json.Marshal(b)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &c))
	c["id"] = c["id"].(string) + "-" + tag
	c["name"] = c["name"].(string) + " " + tag
	if as, ok := c["aliases"].([]any); ok {
		for i, a := range as {
			as[i] = a.(string) + " " + tag
		}
	}
	if ac, ok := c["aliasCategories"].(map[string]any); ok {
		renamed := map[string]any{}
		for a, cat := range ac {
			renamed[a+" "+tag] = cat
		}
		c["aliasCategories"] = renamed
	}
	if rs, ok := c["rules"].([]any); ok {
		for _, r := range rs {
			r := r.(map[string]any)
			r["id"] = r["id"].(string) + "-" + tag
		}
	}
	return c
}

var scaledGuides sync.Map // brand count -> *sdk.Guide

func scaledGuide(t testing.TB, n int) *sdk.Guide {
	t.Helper()
	if g, ok := scaledGuides.Load(n); ok {
		return g.(*sdk.Guide)
	}
	g, err := sdk.LoadBytes(scaledBrands(t, n/162))
	require.NoError(t, err)
	require.Len(t, g.Brands(), n)
	scaledGuides.Store(n, g)
	return g
}

// BenchmarkLoadBrands loads generated files of 162, 1,620 and 16,200 brands
// (schema, lint and compile). Linear loading keeps ns/brand flat.
func BenchmarkLoadBrands(b *testing.B) {
	// The first load compiles the schema, once per process.
	_, err := sdk.LoadBytes(rmacheck.BrandsJSON())
	require.NoError(b, err)
	for _, n := range scaleSizes {
		data := scaledBrands(b, n/162)
		b.Run(fmt.Sprintf("brands=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				if _, err := sdk.LoadBytes(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/brand")
		})
	}
}

// BenchmarkEvaluateBrand decides the claims of testdata/cases.json on guides
// of 162 and 16,200 brands: known runs the claims of a known brand, unknown
// those of an unknown brand, whose decision suggests close names. pair runs
// them in turn, 64 of each, one of each per op, and reports the time of an
// unknown brand as a multiple of a known one measured alongside.
func BenchmarkEvaluateBrand(b *testing.B) {
	base := guide(b)
	var known, unknown []sdk.Claim
	for _, c := range loadCases(b) {
		claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
		require.NoError(b, err)
		if d, _ := base.Evaluate(claim, sdk.Options{}); d.Brand != nil {
			known = append(known, claim)
		} else {
			unknown = append(unknown, claim)
		}
	}
	require.NotEmpty(b, unknown)
	for _, n := range []int{162, 16200} {
		g := scaledGuide(b, n)
		evaluate := func(b *testing.B, claims []sdk.Claim, from, to int) {
			for i := from; i < to; i++ {
				if _, err := g.Evaluate(claims[i%len(claims)], sdk.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.Run(fmt.Sprintf("brands=%d/known", n), func(b *testing.B) {
			b.ReportAllocs()
			evaluate(b, known, 0, b.N)
		})
		b.Run(fmt.Sprintf("brands=%d/unknown", n), func(b *testing.B) {
			b.ReportAllocs()
			evaluate(b, unknown, 0, b.N)
		})
		b.Run(fmt.Sprintf("brands=%d/pair", n), func(b *testing.B) {
			var tu, tk time.Duration
			for i := 0; i < b.N; i += 64 {
				end := min(i+64, b.N)
				t0 := time.Now()
				evaluate(b, unknown, i, end)
				t1 := time.Now()
				evaluate(b, known, i, end)
				tu, tk = tu+t1.Sub(t0), tk+time.Since(t1)
			}
			b.ReportMetric(float64(tu.Nanoseconds())/float64(b.N), "unknown-ns/op")
			b.ReportMetric(float64(tk.Nanoseconds())/float64(b.N), "known-ns/op")
			b.ReportMetric(float64(tu)/float64(tk), "unknown/known")
		})
	}
}
