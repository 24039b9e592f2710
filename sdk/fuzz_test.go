package sdk_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

// FuzzDecodeClaim: any input decodes to a valid claim that evaluates, or
// gives a *FieldError with a message; it never panics.
func FuzzDecodeClaim(f *testing.F) {
	for _, c := range loadCases(f) {
		f.Add(string(c.Claim))
	}
	for _, s := range []string{``, `{}`, `null`, `[]`, `{"brand":"é"}`, `{"brand":"a","purchaseDate":"9999-12-31"}`,
		`{"brand":"HyperX","purchaseDate":"0001-01-01","claimDate":"9999-12-31"}`, `{"brand":"a"}{}`, "{\"brand\":\"\xff\"}"} {
		f.Add(s)
	}
	g, err := sdk.Default()
	if err != nil {
		f.Fatal(err)
	}
	today := sdk.DateOf(2026, 3, 20)
	f.Fuzz(func(t *testing.T, in string) {
		c, err := sdk.DecodeClaim([]byte(in), today)
		if err != nil {
			var fe *sdk.FieldError
			if !errors.As(err, &fe) || fe.Error() == "" {
				t.Fatalf("error %v is not a *FieldError with a message", err)
			}
			return
		}
		for _, lang := range sdk.Langs() {
			d, err := g.EvaluateIn(c, lang)
			if err != nil {
				t.Fatalf("a decoded claim must evaluate: %v", err)
			}
			if d.Eligible != (d.Route == sdk.RouteMicromediaRMA && len(d.Missing) == 0) {
				t.Fatalf("eligible %v with route %s and missing %v", d.Eligible, d.Route, d.Missing)
			}
		}
		g.Lookup(c.Brand)
	})
}

// FuzzLoad: any brands.json either loads or gives an error with a message;
// it never panics. Seeds are small edits of the real file.
func FuzzLoad(f *testing.F) {
	real := string(rmacheck.BrandsJSON())
	f.Add(real)
	f.Add(strings.Replace(real, `"route": "brand-direct"`, `"route": "nowhere"`, 1))
	f.Add(strings.Replace(real, `"max": 30`, `"max": -1`, 1))
	f.Add(strings.Replace(real, `"doa": true`, `"doa": "yes"`, 1))
	f.Add(real[:len(real)/2])
	f.Add(`{}`)
	f.Add(`{"format":1}`)
	f.Fuzz(func(t *testing.T, in string) {
		g, err := sdk.LoadBytes([]byte(in))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		d, err := g.Evaluate(sdk.Claim{Brand: "HyperX", ClaimDate: sdk.DateOf(2026, 3, 20)})
		if err != nil && !strings.Contains(err.Error(), "brand") {
			t.Fatalf("evaluate on a loaded guide: %v", err)
		}
		_ = d
	})
}
