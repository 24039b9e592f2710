package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// orderList is the order the embedding page gave: its lines, each with its
// answer at a glance, for the person to pick the defective one; and
// "another product" for one that is not on the order.
type orderList struct {
	app.Compo
	Lang  sdk.Lang
	Lines []orderLine
}

func (o *orderList) Render() app.UI {
	l := o.Lang
	return app.Section().ID("rc-order").Class("rc-order").Aria("labelledby", "rc-order-title").Body(
		app.H2().ID("rc-order-title").Class("rc-order-title").TabIndex(-1).Text(tr(l, msgOrderTitle)),
		app.P().Class("rc-hint").Text(tr(l, msgOrderIntro)),
		app.Ul().Class("rc-order-lines").Body(
			app.Range(o.Lines).Slice(func(i int) app.UI {
				line := o.Lines[i]
				return app.Li().Body(
					app.Button().Type("button").ID("rc-line-"+strconv.Itoa(i+1)).Class("rc-line", "rc-line-"+line.Kind).
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actPickLine, i) }, app.EventScope(strconv.Itoa(i))).
						Body(
							app.Span().Class("rc-line-label").Text(line.Label),
							app.Span().Class("rc-line-answer").Text(line.Headline),
							app.If(line.Date != "", func() app.UI {
								return app.Span().Class("rc-line-date").Text(line.Date)
							}),
						),
				)
			}),
		),
		app.Button().Type("button").ID("rc-line-other").Class("rc-link-button").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actPickLine, -1) }).
			Text(tr(l, msgOtherProduct)),
	)
}
