package main

import (
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// productFields are the product questions: kind of product, purchase date,
// and the model when a rule of the brand looks at it.
type productFields struct {
	app.Compo
	Lang         sdk.Lang
	Categories   []sdk.Label
	Category     sdk.Category
	PurchaseDate string
	DateWords    string // the purchase date in the widget's language; the date box follows the browser's
	Today        sdk.Date
	DateError    bool
	ShowModel    bool
	Model        string
}

func (p *productFields) Render() app.UI {
	l := p.Lang
	return app.Div().Class("rc-product").Body(
		app.Div().Class("rc-field").Body(
			app.Label().For("rc-category").Class("rc-label").Text(tr(l, msgCategory)),
			app.Select().ID("rc-category").Class("rc-input").
				OnChange(func(ctx app.Context, e app.Event) {
					postEdit(ctx, edit{Field: fieldCategory, Text: ctx.JSSrc().Get("value").String()})
				}).
				Body(
					option("", p.Category == "", tr(l, msgChooseCategory)),
					app.Range(p.Categories).Slice(func(i int) app.UI {
						c := p.Categories[i]
						return option(c.ID, c.ID == string(p.Category), c.Label)
					}),
				),
			// A closed select shows one line: on a phone a long label is cut
			// off, so it is written out in full under the box.
			app.P().ID("rc-category-words").Class("rc-hint").Text(p.longCategory()),
		),
		app.Div().Class("rc-field").Body(
			app.Label().For("rc-date").Class("rc-label").Text(tr(l, msgPurchaseDate)),
			&textField{ID: "rc-date", Field: fieldPurchaseDate, Value: p.PurchaseDate, Type: "date", Max: p.Today.String(),
				Invalid: p.DateError, Describe: "rc-date-words rc-date-error"},
			app.P().ID("rc-date-words").Class("rc-hint").Text(p.DateWords),
			app.P().ID("rc-date-error").Class("rc-error").Aria("live", "polite").Body(
				app.If(p.DateError, func() app.UI { return app.Text(tr(l, msgPurchaseDateFuture)) }),
			),
		),
		app.If(p.ShowModel, func() app.UI {
			return app.Div().Class("rc-field").Body(
				app.Label().For("rc-model").Class("rc-label").Text(tr(l, msgModel)),
				&textField{ID: "rc-model", Field: fieldModel, Value: p.Model, Describe: "rc-model-hint"},
				app.P().ID("rc-model-hint").Class("rc-hint").Text(tr(l, msgModelHint)),
			)
		}),
	)
}

// option is an <option>. The server writes no selected="false": in HTML
// any selected attribute selects, and the page it sends must work before
// the wasm runs.
func option(value string, selected bool, label string) app.UI {
	o := app.Option().Value(value).Text(label)
	if isLong(label) {
		o = o.DataSet("rc-long", true) // widget.js writes it out under the box before the wasm runs
	}
	if selected || app.IsClient {
		o = o.Selected(selected)
	}
	return o
}

// longLabel is the length from which a label of the select may not fit
// on one line of a 390 px phone screen at 16 px (about 30 characters).
const longLabel = 30

func isLong(label string) bool { return utf8.RuneCountInString(label) > longLabel }

// longCategory is the chosen category's label when it is long, else "".
func (p *productFields) longCategory() string {
	for _, c := range p.Categories {
		if c.ID == string(p.Category) && p.Category != "" && isLong(c.Label) {
			return c.Label
		}
	}
	return ""
}
