package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// pageHeader is the top of the widget: the title, the language switch and
// the "start over" button.
type pageHeader struct {
	app.Compo
	Lang     sdk.Lang
	CanReset bool // there is something to clear
}

func (h *pageHeader) Render() app.UI {
	l := h.Lang
	return app.Header().Class("rc-header").Body(
		app.Div().Class("rc-titlebar").Body(
			app.H1().Class("rc-title").Text(tr(l, msgTitle)),
			&languageSwitch{Lang: l},
		),
		app.Div().Class("rc-introbar").Body(
			app.P().Class("rc-intro").Text(tr(l, msgIntro)),
			app.Button().Type("button").ID("rc-reset").Class("rc-link-button", "rc-noprint").
				Disabled(!h.CanReset).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actReset) }).
				Text(tr(l, msgStartOver)),
		),
	)
}
