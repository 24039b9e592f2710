package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// takeAway holds what the user can take with them: copy a plain-text
// summary, print, and for shop staff an e-mail draft to the RMA department;
// then a new claim.
type takeAway struct {
	app.Compo
	Lang        sdk.Lang
	Summary     string
	MailHref    string
	MailAddress string
	MailPending []string // what is missing before the e-mail draft is offered
	Status      string   // result of the last copy
}

func (t *takeAway) Render() app.UI {
	l := t.Lang
	return app.Section().ID("rc-take-away").Class("rc-take-away", "rc-noprint").Aria("label", tr(l, msgTakeAway)).Body(
		app.Div().Class("rc-actions").Body(
			app.Button().Type("button").ID("rc-copy").Class("rc-button").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actCopy) }).
				Text(tr(l, msgCopy)),
			app.Button().Type("button").ID("rc-print").Class("rc-button", "rc-button-secondary").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actPrint) }).
				Text(tr(l, msgPrint)),
			app.If(t.MailHref != "", func() app.UI {
				return app.A().ID("rc-mail").Class("rc-button", "rc-button-secondary").Href(t.MailHref).
					Text(tr(l, msgEmail, t.MailAddress))
			}),
			// The next claim, for staff at a counter: the next Tab stop after
			// the answer's actions. It keeps the language and the settings.
			app.Button().Type("button").ID("rc-new-claim").Class("rc-button", "rc-button-secondary").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actReset) }).
				Text(tr(l, msgNewClaim)),
		),
		app.If(len(t.MailPending) > 0, func() app.UI {
			return app.P().ID("rc-mail-pending").Class("rc-hint").Text(tr(l, msgMailWhenEligible, strings.Join(t.MailPending, "; ")))
		}),
		app.P().ID("rc-copy-status").Class("rc-hint").Role("status").Text(t.Status),
		// Only for the copy fallback (widget.js): out of sight and out of
		// the accessibility tree.
		app.Textarea().ID("rc-summary").Class("rc-summary").ReadOnly(true).Rows(6).
			Aria("hidden", true).TabIndex(-1).
			Attr("value", t.Summary),
	)
}
