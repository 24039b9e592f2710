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
	for _, s := range claimInputs {
		f.Add(s)
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
			d, err := g.Evaluate(c, sdk.Options{Lang: lang})
			if err != nil {
				var fe *sdk.FieldError
				if errors.As(err, &fe) && fe.Field == "purchaseDate" {
					continue // a deadline past 9999-12-31
				}
				t.Fatalf("a decoded claim must evaluate: %v", err)
			}
			if d.Eligible != (d.Route == sdk.RouteMicromediaRMA && len(d.Missing) == 0) {
				t.Fatalf("eligible %v with route %s and missing %v", d.Eligible, d.Route, d.Missing)
			}
		}
		g.Lookup(c.Brand)
	})
}

// FuzzLoad: any brands.json either loads or gives a *DataError whose
// problems each have a one-line message; whatever loads the reference JSON
// Schema library accepts too, and it decides every claim of the guide walk
// for every brand without a panic, and writes only valid dates. Seeds are
// small edits of the real file.
func FuzzLoad(f *testing.F) {
	real := string(rmacheck.BrandsJSON())
	f.Add(real)
	for _, edit := range [][2]string{
		{`"route": "brand-direct"`, `"route": "nowhere"`},
		{`"max": 30`, `"max": -1`},
		{`"max": 30`, `"max": 3660`},
		{`"max": 30`, `"max": 2147483647`},
		{`"doa": true`, `"doa": "yes"`},
		{`"warrantyMonths": 60`, `"warrantyMonths": 240`},
		{`"format": 1,`, `"format": 1, "format": 1,`},
		{`"special": true`, `"special": "yes"`},
	} {
		f.Add(strings.Replace(real, edit[0], edit[1], 1))
	}
	f.Add(real + "}")
	f.Add(real[:len(real)/2])
	f.Add(`{}`)
	f.Add(`{"format":1}`)
	var claims []sdk.Claim
	for _, c := range loadCases(f) {
		claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
		if err != nil {
			f.Fatal(err)
		}
		claims = append(claims, claim)
	}
	for _, d := range []sdk.Date{sdk.DateOf(1, 1, 1), sdk.DateOf(9999, 12, 31), sdk.DateOf(9999, 12, 1)} {
		claims = append(claims, sdk.Claim{Brand: "x", PurchaseDate: d, ClaimDate: sdk.DateOf(9999, 12, 31)})
	}
	f.Fuzz(func(t *testing.T, in string) {
		g, err := sdk.LoadBytes([]byte(in))
		if err != nil {
			var de *sdk.DataError
			if !errors.As(err, &de) || len(de.Problems) == 0 {
				t.Fatalf("error %v is not a *DataError with problems", err)
			}
			for _, p := range de.Problems {
				if p.Message == "" || strings.ContainsAny(p.String(), "\n\r") {
					t.Fatalf("problem %q is not one line with a message", p.String())
				}
			}
			return
		}
		if refuses, judged := referenceRefuses(in); judged && refuses {
			t.Fatalf("LoadBytes took a file the schema refuses")
		}
		brands := g.Brands()
		for i, b := range brands {
			if i > 1 && i%40 != 0 {
				continue // a sample keeps each input fast enough to fuzz
			}
			for _, c := range claims {
				c.Brand = b.Name
				d, err := g.Evaluate(c, sdk.Options{})
				if err != nil {
					var fe *sdk.FieldError
					if !errors.As(err, &fe) || fe.Field != "purchaseDate" {
						t.Fatalf("brand %s: only a deadline past 9999 may refuse a valid claim, got %v", b.ID, err)
					}
					continue
				}
				for _, date := range []sdk.Date{d.Deadlines.DOAUntil, d.Deadlines.WarrantyUntil, d.GuideDate} {
					if date.IsZero() {
						continue
					}
					if back, err := sdk.ParseDate(date.String()); err != nil || back != date {
						t.Fatalf("brand %s wrote the date %q", b.ID, date.String())
					}
				}
			}
		}
	})
}
