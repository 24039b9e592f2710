package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// textField is a text, date or multi-line input whose value belongs to the
// user while they type. go-app renders asynchronously: binding the value
// would let a render with the previous draft overwrite a character typed
// in between. So the field writes the DOM value only when the value comes
// from elsewhere (restored draft, a picked suggestion, start over), and
// ignores the echoes of what it sent itself.
type textField struct {
	app.Compo
	ID        string
	Field     field
	Value     string
	Type      string // "text" (default), "date" or "textarea"
	Max       string // for dates
	Invalid   bool
	Describe  string // id of the element that describes the field
	Required  bool
	Multiline bool

	sent []string // values posted and not yet seen back in Value
}

// OnMount shows the draft's value in the new field.
func (f *textField) OnMount(ctx app.Context) { f.show(f.Value) }

// OnUpdate follows a new Value from the page: its own echo is skipped.
func (f *textField) OnUpdate(ctx app.Context) {
	for i, s := range f.sent {
		if s == f.Value {
			f.sent = f.sent[i+1:]
			return
		}
	}
	f.sent = nil
	f.show(f.Value)
}

func (f *textField) show(v string) {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID(f.ID); el.Truthy() && el.Get("value").String() != v {
		el.Set("value", v)
	}
}

func (f *textField) onInput(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	if len(f.sent) > 0 && f.sent[len(f.sent)-1] == v {
		return // "change" after "input" with the same value
	}
	f.sent = append(f.sent, v)
	postEdit(ctx, edit{Field: f.Field, Text: v})
}

func (f *textField) Render() app.UI {
	if f.Multiline {
		t := app.Textarea().ID(f.ID).Class("rc-input").Rows(2).OnInput(f.onInput)
		if app.IsServer {
			t = t.Text(f.Value) // pre-rendered page and tests
		}
		if f.Describe != "" {
			t = t.Aria("describedby", f.Describe)
		}
		return t
	}
	typ := f.Type
	if typ == "" {
		typ = "text"
	}
	in := app.Input().Type(typ).ID(f.ID).Class("rc-input").
		Aria("invalid", f.Invalid).
		OnInput(f.onInput)
	if typ == "date" {
		in = in.Max(f.Max).OnChange(f.onInput)
	} else {
		in = in.AutoComplete(false).Attr("spellcheck", "false")
	}
	if f.Required || app.IsClient {
		in = in.Required(f.Required) // no required="false" from the server (see option)
	}
	if f.Describe != "" {
		in = in.Aria("describedby", f.Describe)
	}
	if app.IsServer {
		in = in.Value(f.Value) // pre-rendered page and tests
	}
	return in
}
