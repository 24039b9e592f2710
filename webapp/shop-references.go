package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// shopReferences are the shop's own references for its e-mail to the RMA
// department (shop staff only). They are not facts of the claim: the SDK
// never sees them, only the e-mail draft carries them.
type shopReferences struct {
	app.Compo
	Lang           sdk.Lang
	CustomerNumber string
	InvoiceNumber  string
}

func (s *shopReferences) Render() app.UI {
	l := s.Lang
	return app.FieldSet().ID("rc-shop-references").Class("rc-fields").Body(
		app.Legend().Class("rc-label").Text(tr(l, msgShopReferences)),
		app.Div().Class("rc-field").Body(
			app.Label().For("rc-customer-number").Class("rc-label").Text(tr(l, msgCustomerNumber)),
			&textField{ID: "rc-customer-number", Field: fieldCustomerNumber, Value: s.CustomerNumber},
		),
		app.Div().Class("rc-field").Body(
			app.Label().For("rc-invoice-number").Class("rc-label").Text(tr(l, msgInvoiceNumber)),
			&textField{ID: "rc-invoice-number", Field: fieldInvoiceNumber, Value: s.InvoiceNumber},
		),
	)
}
