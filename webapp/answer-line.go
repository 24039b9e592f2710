package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// answerLine is the line under the product questions, where the consumer
// looks once the date is in: while the wasm loads, what is happening (with
// the download's progress, which widget.js writes); then where the answer
// will appear; once there is an answer, the link to it. It keeps one height
// whatever it says, so that nothing below it moves when it changes: not the
// questions a person may be tapping, not the shop page around the frame.
type answerLine struct {
	app.Compo
	Lang     sdk.Lang
	Loading  bool // the server's page: the wasm is not running yet
	Answered bool // a decision is shown
}

func (a *answerLine) Render() app.UI {
	l := a.Lang
	line := app.Div().ID("rc-answer-line").Class("rc-answer-line", "rc-noprint")
	if a.Answered && !a.Loading {
		return line.Body(
			app.Button().Type("button").ID("rc-see-answer").Class("rc-link-button", "rc-see-answer").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actSeeAnswer) }). // a phone shows the answer below the fold
				Text(tr(l, msgSeeAnswer) + " ↓"),
		)
	}
	status := app.P().ID("rc-progress").Class("rc-progress").Role("status")
	if !a.Loading {
		return line.Body(status.Text(tr(l, msgAnswerBelow)))
	}
	// widget.js adds the download's percentage (not announced: a status
	// that changed every few hundred milliseconds would drown the form),
	// or says that the download failed.
	return line.Body(
		status.DataSet("failed", tr(l, msgLoadFailed)).DataSet("retrying", tr(l, msgRetrying)).Body(
			app.Span().ID("rc-progress-words").Text(tr(l, msgPreparing)),
			app.Text(" "),
			app.Span().ID("rc-progress-percent").Aria("hidden", true).Text(percent(l, 0)),
		),
	)
}

// percent writes a percentage as lang does: "45%", "45 %" (with a
// no-break space) in French. widget.js writes the download's the same way.
func percent(l sdk.Lang, n int) string {
	if l == sdk.LangFrench {
		return strconv.Itoa(n) + "\u00a0%"
	}
	return strconv.Itoa(n) + "%"
}
