package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// languageSwitch is the FR / NL / EN button group.
type languageSwitch struct {
	app.Compo
	Lang sdk.Lang
}

func (s *languageSwitch) Render() app.UI {
	return app.Div().Class("rc-langs", "rc-noprint").Role("group").Aria("label", tr(s.Lang, msgLanguage)).Body(
		app.Range(uiLangs).Slice(func(i int) app.UI {
			l := uiLangs[i]
			return app.Button().Type("button").ID("rc-lang-"+string(l)).Class("rc-lang").
				Lang(string(l)).Title(langNames[l]).
				Aria("pressed", l == s.Lang).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actLang, l) }, app.EventScope(l)).
				Text(strings.ToUpper(string(l)))
		}),
	)
}
