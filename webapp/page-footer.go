package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// pageFooter names the guide the answers come from and its date.
type pageFooter struct {
	app.Compo
	Lang      sdk.Lang
	GuideDate sdk.Date
}

func (f *pageFooter) Render() app.UI {
	return app.Footer().Class("rc-footer").Body(
		app.P().Body(
			app.Span().ID("rc-guide-date").DataSet("date", f.GuideDate.String()).
				Text(tr(f.Lang, msgFooter, formatDate(f.Lang, f.GuideDate))),
			app.Text(" "),
			app.Span().Text(tr(f.Lang, msgPrivacy)),
		),
	)
}
