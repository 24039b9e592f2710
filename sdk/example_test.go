package sdk_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

func ExampleGuide_Evaluate() {
	g, err := sdk.Default()
	if err != nil {
		panic(err)
	}
	d, err := g.Evaluate(sdk.Claim{
		Brand:           "HyperX",
		Category:        sdk.CategoryAccessory,
		PurchaseDate:    sdk.DateOf(2026, 11, 21),
		ClaimDate:       sdk.DateOf(2026, 12, 1),
		ProofOfPurchase: true,
	}, sdk.Options{Lang: sdk.LangEnglish})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Route, d.DOA, d.Deadlines.DOAUntil)
	fmt.Println(d.Headline)
	fmt.Println("missing:", d.Missing)
	// Output:
	// micromedia-rma true 2026-12-21
	// Request an RMA from Micromedia
	// missing: [defect-description]
}

func ExampleGuide_Evaluate_consumer() {
	g, _ := sdk.Default()
	d, _ := g.Evaluate(sdk.Claim{
		Brand:        "HyperX",
		Category:     sdk.CategoryAccessory,
		PurchaseDate: sdk.DateOf(2026, 11, 21),
		ClaimDate:    sdk.DateOf(2026, 12, 1),
	}, sdk.Options{Lang: sdk.LangEnglish, Audience: sdk.AudienceConsumer})
	fmt.Println(d.Headline)
	fmt.Println(d.Dates[0])
	for _, s := range d.Steps {
		fmt.Println("-", s)
	}
	// Output:
	// Ask HyperX's support first; your shop can return it
	// Take it back to the shop by 21 December 2026
	// - Most problems are solved fastest by HyperX's support: contact them first (see the contacts).
	// - If they cannot help, take the product back to the shop where you bought it, complete with all its accessories and cables, and with the items of the checklist.
	// - The shop then handles the return.
}

func ExampleGuide_Lookup() {
	g, _ := sdk.Default()
	for _, m := range g.Lookup("hyper x")[:1] {
		fmt.Println(m.ID, m.Name)
	}
	// Output:
	// hyperx HyperX
}

func ExampleDecodeClaim() {
	_, err := sdk.DecodeClaim([]byte(`{"brand": "Acer", "purchaseDate": "2026-02-30"}`), sdk.DateOf(2026, 3, 10))
	var fe *sdk.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field)
		fmt.Println(fe.Reason)
	}
	// Output:
	// purchaseDate
	// "2026-02-30" is not a real day
}

func ExampleLoad() {
	// An updated guide is a data change: here, Acco's claims go straight to
	// the brand.
	data := strings.Replace(string(rmacheck.BrandsJSON()), `"id": "acco",`,
		`"id": "acco", "rules": [{"id": "acco-direct", "source": "2 Acco", "route": "brand-direct"}],`, 1)
	g, err := sdk.Load(strings.NewReader(data))
	if err != nil {
		panic(err)
	}
	d, _ := g.Evaluate(sdk.Claim{Brand: "Acco", ClaimDate: sdk.DateOf(2026, 3, 10)}, sdk.Options{})
	fmt.Println(d.Route, d.Rule.ID)

	_, err = sdk.Load(strings.NewReader(`{"format": 1, "format": 1}`))
	fmt.Println(err)
	// Output:
	// brand-direct acco-direct
	// brands.json: /format: malformed JSON at line 1, column 15: duplicate key
}
