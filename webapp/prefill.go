package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/micromedia/rmacheck/sdk"
)

// Facts are what the embedding page knows about one product of its order
// (docs/embedding.md, "Start from an order"): the claim's own keys, plus
// the shop's reference of the order line and its label, both opaque to the
// widget. embed.js sends them by postMessage to the widget's origin: they
// never travel in a URL.
type Facts struct {
	Brand        string `json:"brand,omitempty"`
	Category     string `json:"category,omitempty"`
	Model        string `json:"model,omitempty"`
	PurchaseDate string `json:"purchaseDate,omitempty"`
	SerialNumber string `json:"serialNumber,omitempty"`
	OrderRef     string `json:"orderRef,omitempty"`
	Label        string `json:"label,omitempty"`
}

// warnPrefix starts each console warning about the page's facts.
const warnPrefix = "RMA Check: "

// lineWarning is a warning about line i (from 0) of an order: it names the
// line as the page wrote it, "rma-item 2" for the second.
func lineWarning(i int, w string) string {
	return fmt.Sprintf("%srma-item %d: %s", warnPrefix, i+1, strings.TrimPrefix(w, warnPrefix))
}

// maxFactRunes bounds a fact: a brand, a model or an order reference is a
// short line; anything longer is not one.
const maxFactRunes = 200

// factAttributes are the facts' attribute names on <rma-check>, in the
// order warnings name them.
var factAttributes = []struct{ key, attr string }{
	{"brand", "brand"}, {"category", "category"}, {"model", "model"}, {"purchaseDate", "purchase-date"},
	{"serialNumber", "serial-number"}, {"orderRef", "order-ref"}, {"label", "label"},
}

// attributeOf is the attribute name of a fact key ("purchase-date").
func attributeOf(key string) string {
	for _, f := range factAttributes {
		if f.key == key {
			return f.attr
		}
	}
	return key
}

// setFact sets the fact key to value, or says why it cannot.
func (f *Facts) setFact(key, value string) error {
	value = strings.TrimSpace(value)
	if utf8.RuneCountInString(value) > maxFactRunes || strings.ContainsAny(value, "\n\r") {
		return fmt.Errorf("want one line of at most %d characters", maxFactRunes)
	}
	switch key {
	case "brand":
		f.Brand = value
	case "category":
		f.Category = value
	case "model":
		f.Model = value
	case "purchaseDate":
		f.PurchaseDate = value
	case "serialNumber":
		f.SerialNumber = value
	case "orderRef":
		f.OrderRef = value
	case "label":
		f.Label = value
	default:
		return fmt.Errorf("not a fact the widget takes (want brand, category, model, purchase-date, serial-number, order-ref or label)")
	}
	return nil
}

// prefill returns the draft with the page's facts filled in, and a
// warning for each fact it could not take, naming its attribute and why.
//
// A fact never overwrites what the person typed: it fills a box that is
// empty or still holds the page's earlier fact. Facts for another order
// line (another orderRef) start a new claim, so that a draft restored from
// an earlier visit does not mix with them; the shop's own references stay.
func (d Draft) prefill(g *sdk.Guide, f Facts, today sdk.Date) (Draft, []string) {
	var warnings []string
	warn := func(key, format string, args ...any) {
		warnings = append(warnings, warnPrefix+attributeOf(key)+": "+fmt.Sprintf(format, args...))
	}
	if f.OrderRef != "" && f.OrderRef != d.OrderRef {
		d = Draft{CustomerNumber: d.CustomerNumber, InvoiceNumber: d.InvoiceNumber}
	}
	if f.OrderRef != "" {
		d.OrderRef = f.OrderRef
	}
	if f.Label != "" {
		d.Label = f.Label
	}
	free := func(cur, given string) bool { return cur == "" || cur == given }
	if f.Category != "" {
		switch c := known(f.Category, sdk.Categories()); {
		case c == "":
			warn("category", "unknown value %q (want one of %s); the person picks the kind of product", f.Category, categoryList())
		case free(string(d.Category), d.Given.Category):
			d = d.apply(g, edit{Field: fieldCategory, Text: string(c)})
			d.Given.Category = string(c)
		}
	}
	if f.PurchaseDate != "" {
		p, err := sdk.ParseDate(f.PurchaseDate)
		switch {
		case err != nil:
			warn("purchaseDate", "%q is not a date like 2026-03-01; the person types the date", f.PurchaseDate)
		case p.After(today):
			warn("purchaseDate", "%s is after today; the person types the date", p)
		case free(d.PurchaseDate, d.Given.PurchaseDate):
			d = d.apply(g, edit{Field: fieldPurchaseDate, Text: p.String()})
			d.Given.PurchaseDate = p.String()
		}
	}
	if f.Model != "" && free(d.Model, d.Given.Model) {
		d = d.apply(g, edit{Field: fieldModel, Text: f.Model})
		d.Given.Model = f.Model
	}
	if f.SerialNumber != "" && free(d.SerialNumber, d.Given.SerialNumber) {
		d = d.apply(g, edit{Field: fieldSerial, Text: f.SerialNumber})
		d.Given.SerialNumber = f.SerialNumber
	}
	if f.Brand != "" && free(d.BrandText, d.Given.Brand) {
		// As if typed and left: a name or alias picks the brand, anything
		// else is final text that gets the usual suggestions.
		d = d.apply(g, edit{Field: fieldBrandText, Text: f.Brand})
		d = d.apply(g, edit{Field: fieldBrandCommit})
		d.Given.Brand = f.Brand
		// A name or alias picked its brand; anything else may still be a
		// name several brands share ("Sony"), which is no unknown brand.
		if d.BrandID != "" {
			return d, warnings
		}
		if dec, err := g.Evaluate(sdk.Claim{Brand: f.Brand, ClaimDate: today}, sdk.Options{}); err == nil && dec.Route == sdk.RouteUnknownBrand {
			warn("brand", "%q is not a brand of the guide; the person picks one from the suggestions", f.Brand)
		}
	}
	return d, warnings
}

// categoryList is the categories, comma-separated, for a warning.
func categoryList() string {
	var ids []string
	for _, c := range sdk.Categories() {
		ids = append(ids, string(c))
	}
	return strings.Join(ids, ", ")
}
