package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// backToOrder leads from the claim for one line back to the order's list,
// where every line's answer shows; what was typed for this line stays.
type backToOrder struct {
	app.Compo
	Lang  sdk.Lang
	Count int    // the order's lines
	Label string // the line the claim is for, as the order's list names it
}

func (b *backToOrder) Render() app.UI {
	return app.Div().Class("rc-back").Body(
		app.Button().Type("button").ID("rc-back-to-order").Class("rc-link-button", "rc-noprint").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actShowOrder) }).
			Text("← "+tr(b.Lang, msgBackToOrder, b.Count)),
		app.If(b.Label != "", func() app.UI {
			return app.P().ID("rc-line-label").Class("rc-line-label").Text(b.Label)
		}),
	)
}
