package main

import (
	"strconv"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// brandSearch is the brand box: a combobox whose listbox suggests brands as
// the user types (ARIA 1.2 combobox pattern: arrows move, Enter picks,
// Escape closes).
type brandSearch struct {
	app.Compo
	Lang    sdk.Lang
	Text    string
	BrandID string
	Matches []sdk.Match
	// Names are the brand names and aliases for a native <datalist>: the
	// page the server sends suggests brands with it until the wasm runs
	// and the combobox takes over. Empty in the browser.
	Names []string

	open   bool
	active int      // index of the highlighted option, -1 for none
	sent   []string // texts posted and not yet seen back in Text (see textField)
}

const (
	brandListID  = "rc-brand-list"
	brandNamesID = "rc-brand-names"
)

func optionID(i int) string { return "rc-brand-opt-" + strconv.Itoa(i) }

func (b *brandSearch) OnInit() { b.active = -1 }

// OnMount shows the draft's brand text (a restored draft).
func (b *brandSearch) OnMount(ctx app.Context) { b.show() }

// OnUpdate writes the box only for a text that does not come from typing
// (a picked suggestion, start over); see textField.
func (b *brandSearch) OnUpdate(ctx app.Context) {
	for i, s := range b.sent {
		if s == b.Text {
			b.sent = b.sent[i+1:]
			return
		}
	}
	b.sent = nil
	b.show()
}

func (b *brandSearch) show() {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID("rc-brand"); el.Truthy() && el.Get("value").String() != b.Text {
		el.Set("value", b.Text)
	}
}

// expanded says whether the listbox shows: open, with something to choose
// besides the brand already typed in full.
func (b *brandSearch) expanded() bool {
	if !b.open || len(b.Matches) == 0 {
		return false
	}
	return !(len(b.Matches) == 1 && b.Matches[0].ID == b.BrandID)
}

// searched says whether the brand search looked for text: it finds nothing
// for a single letter, and "no brand matches" would then be false.
func searched(text string) bool {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n >= 2
}

func (b *brandSearch) Render() app.UI {
	l := b.Lang
	active := ""
	if b.expanded() && b.active >= 0 && b.active < len(b.Matches) {
		active = optionID(b.active)
	}
	noMatch := b.open && searched(b.Text) && len(b.Matches) == 0
	in := app.Input().Type("text").ID("rc-brand").Class("rc-input").
		Role("combobox").
		Aria("autocomplete", "list").
		Aria("expanded", b.expanded()).
		Aria("controls", brandListID).
		Aria("activedescendant", active).
		Aria("describedby", "rc-brand-hint").
		AutoComplete(false).Attr("spellcheck", "false").
		Placeholder(tr(l, msgBrandHint)).
		OnInput(b.onInput).
		OnKeyDown(b.onKeyDown).
		OnBlur(b.onBlur).
		OnFocus(func(ctx app.Context, e app.Event) { b.open = true })
	if app.IsServer {
		in = in.Value(b.Text) // pre-rendered page and tests
	}
	if len(b.Names) > 0 {
		in = in.List(brandNamesID)
	}
	return app.Div().Class("rc-field", "rc-brand").Body(
		app.Label().For("rc-brand").Class("rc-label").Text(tr(l, msgBrandLabel)),
		app.Div().Class("rc-combo").Body(
			in,
			app.If(len(b.Names) > 0, func() app.UI {
				return app.DataList().ID(brandNamesID).Body(
					app.Range(b.Names).Slice(func(i int) app.UI { return app.Option().Value(b.Names[i]) }),
				)
			}),
			app.Ul().ID(brandListID).Class("rc-options").Role("listbox").
				Aria("label", tr(l, msgSuggestions)).
				Hidden(!b.expanded()).
				Body(
					app.Range(b.Matches).Slice(func(i int) app.UI {
						m := b.Matches[i]
						cls := "rc-option"
						if i == b.active {
							cls += " rc-option-active"
						}
						return app.Li().ID(optionID(i)).Class(cls).Role("option").
							Aria("selected", i == b.active || (b.active < 0 && m.ID == b.BrandID)).
							DataSet("brand", m.ID).
							OnMouseDown(func(ctx app.Context, e app.Event) {
								e.PreventDefault() // keep the focus in the box
								b.pick(ctx, m.ID)
							}, app.EventScope(m.ID)).
							Text(m.Name)
					}),
				),
		),
		app.P().ID("rc-brand-hint").Class("rc-hint").Aria("live", "polite").Body(
			app.If(noMatch, func() app.UI { return app.Text(tr(l, msgNoMatch, b.Text)) }),
		),
	)
}

func (b *brandSearch) onInput(ctx app.Context, e app.Event) {
	b.open, b.active = true, -1
	v := ctx.JSSrc().Get("value").String()
	b.sent = append(b.sent, v)
	postEdit(ctx, edit{Field: fieldBrandText, Text: v})
}

func (b *brandSearch) pick(ctx app.Context, id string) {
	b.open, b.active = false, -1
	postEdit(ctx, edit{Field: fieldBrandPick, Text: id})
}

func (b *brandSearch) onBlur(ctx app.Context, e app.Event) {
	b.open, b.active = false, -1
	postEdit(ctx, edit{Field: fieldBrandCommit})
}

func (b *brandSearch) onKeyDown(ctx app.Context, e app.Event) {
	n := len(b.Matches)
	switch e.Get("key").String() {
	case "ArrowDown":
		e.PreventDefault()
		if !b.open {
			b.open = true
		}
		if n > 0 {
			b.active = (b.active + 1) % n
		}
	case "ArrowUp":
		e.PreventDefault()
		b.open = true
		if n > 0 {
			if b.active <= 0 {
				b.active = n - 1
			} else {
				b.active--
			}
		}
	case "Enter":
		e.PreventDefault()
		if b.expanded() && b.active >= 0 && b.active < n {
			b.pick(ctx, b.Matches[b.active].ID)
			return
		}
		b.open, b.active = false, -1
		postEdit(ctx, edit{Field: fieldBrandCommit})
	case "Escape":
		if b.expanded() {
			e.PreventDefault()
		}
		b.open, b.active = false, -1
	case "Home", "End":
		// Keep the default: move the caret in the text.
	}
}
