package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// pageFooter names the guide the answers come from and its date; for
// consumers, the return rules and their date, without the shop's jargon.
type pageFooter struct {
	app.Compo
	Lang      sdk.Lang
	Audience  sdk.Audience
	GuideDate sdk.Date
}

func (f *pageFooter) Render() app.UI {
	source := msgFooter
	if f.Audience == sdk.AudienceConsumer {
		source = msgWhyConsumer
	}
	return app.Footer().Class("rc-footer").Body(
		app.P().Body(
			app.Span().ID("rc-guide-date").DataSet("date", f.GuideDate.String()).
				Text(tr(f.Lang, source, formatDate(f.Lang, f.GuideDate))),
			app.Text(" "),
			app.Span().Text(tr(f.Lang, msgPrivacy)),
		),
	)
}
