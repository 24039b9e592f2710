package sdk_test

import (
	"encoding/json"
	"testing"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

// BenchmarkEvaluate decides the mixed claims of the guide walk
// (testdata/cases.json: every route, DOA and warranty boundaries, three
// languages), one claim per op.
func BenchmarkEvaluate(b *testing.B) {
	g := guide(b)
	type input struct {
		c    sdk.Claim
		lang sdk.Lang
	}
	var claims []input
	for _, c := range loadCases(b) {
		claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
		if err != nil {
			b.Fatal(err)
		}
		claims = append(claims, input{claim, c.Lang})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := claims[i%len(claims)]
		if _, err := g.Evaluate(in.c, sdk.Options{Lang: in.lang}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateKnownBrand leaves out the unknown-brand cases, whose
// suggestions run a Lookup.
func BenchmarkEvaluateKnownBrand(b *testing.B) {
	g := guide(b)
	var claims []sdk.Claim
	for _, c := range loadCases(b) {
		claim, _ := sdk.DecodeClaim(c.Claim, sdk.Date{})
		if d, _ := g.Evaluate(claim, sdk.Options{}); d.Brand != nil {
			claims = append(claims, claim)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := g.Evaluate(claims[i%len(claims)], sdk.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := guide(b)
	for _, bc := range []struct{ name, query string }{
		{"exact", "Thrustmaster"},
		{"alias", "PlayStation"},
		{"typo", "sennhiser"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if len(g.Lookup(bc.query)) == 0 {
					b.Fatal("no match")
				}
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(rmacheck.BrandsJSON())))
	for i := 0; i < b.N; i++ {
		if _, err := sdk.LoadBytes(rmacheck.BrandsJSON()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefault builds the embedded guide, which skips the schema pass.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := sdk.Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStart is what a page waits for: the embedded guide built and
// its first decision, in one audience and language.
func BenchmarkStart(b *testing.B) {
	b.ReportAllocs()
	claim := sdk.Claim{Brand: "Acer", Category: sdk.CategoryLaptop, PurchaseDate: sdk.DateOf(2026, 1, 15), ClaimDate: sdk.DateOf(2026, 3, 10)}
	for i := 0; i < b.N; i++ {
		g, err := sdk.Default()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := g.Evaluate(claim, sdk.Options{Audience: sdk.AudienceConsumer}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONClaimToDecision is what a Go service does per request: the
// claim's JSON in, the decision's JSON out (issue 31's goal: ≤ 3 µs).
func BenchmarkJSONClaimToDecision(b *testing.B) {
	g := guide(b)
	cases := loadCases(b)
	claims := make([][]byte, len(cases))
	for i, c := range cases {
		compact, err := json.Marshal(c.Claim) // as a client sends it
		if err != nil {
			b.Fatal(err)
		}
		claims[i] = compact
	}
	var out []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := cases[i%len(cases)]
		claim, err := sdk.DecodeClaim(claims[i%len(claims)], sdk.Date{})
		if err != nil {
			b.Fatal(err)
		}
		d, err := g.Evaluate(claim, sdk.Options{Lang: c.Lang})
		if err != nil {
			b.Fatal(err)
		}
		out = d.AppendJSON(out[:0])
	}
}
