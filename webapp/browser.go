package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// browser is what the page needs from the browser beyond go-app. noBrowser
// stands in on the server and in component tests.
type browser interface {
	fragment() string
	referrer() string
	languages() []string
	today() sdk.Date
	markReady()
	print()
	focus(id string)
	copy(text string, done func(ok bool))
	nativeLinks()
	restoreFocus(e earlyInput)
	showAnswer()
	warn(msg string)       // one line in the console, for the embedding page's developer
	earlyFacts() app.Value // the prefill message widget.js kept before Go ran, or nil
	idle(f func())         // f once the browser has nothing else to do
	setVars(id string, vars [][2]string)
}

type noBrowser struct{}

func (noBrowser) fragment() string                  { return "" }
func (noBrowser) referrer() string                  { return "" }
func (noBrowser) languages() []string               { return nil }
func (noBrowser) today() sdk.Date                   { return sdk.DateFromTime(time.Now()) }
func (noBrowser) markReady()                        {}
func (noBrowser) print()                            {}
func (noBrowser) focus(string)                      {}
func (noBrowser) copy(text string, done func(bool)) { done(false) }
func (noBrowser) nativeLinks()                      {}
func (noBrowser) restoreFocus(earlyInput)           {}
func (noBrowser) showAnswer()                       {}
func (noBrowser) warn(string)                       {}
func (noBrowser) earlyFacts() app.Value             { return nil }
func (noBrowser) idle(f func())                     { f() }
func (noBrowser) setVars(string, [][2]string)       {}

// jsBrowser calls the browser through go-app's JS bindings and the helpers
// of web/widget.js.
type jsBrowser struct{}

func (jsBrowser) fragment() string { return app.Window().Get("location").Get("hash").String() }

func (jsBrowser) referrer() string { return app.Window().Get("document").Get("referrer").String() }

func (jsBrowser) languages() []string {
	nav := app.Window().Get("navigator")
	var out []string
	if ls := nav.Get("languages"); ls.Type() == app.TypeObject {
		for i := 0; i < ls.Length(); i++ {
			if l := jsString(ls.Index(i)); l != "" {
				out = append(out, l)
			}
		}
	}
	if l := jsString(nav.Get("language")); l != "" {
		out = append(out, l)
	}
	return out
}

// today is the local calendar day of the browser.
func (jsBrowser) today() sdk.Date {
	now := app.Window().Get("Date").New()
	return sdk.DateOf(now.Call("getFullYear").Int(), time.Month(now.Call("getMonth").Int()+1), now.Call("getDate").Int())
}

// markReady sets data-rc-ready on <html>: the UI accepts input.
func (jsBrowser) markReady() {
	w := app.Window()
	w.Set("rmacheckReadyAt", w.Get("performance").Call("now"))
	w.Get("document").Get("documentElement").Call("setAttribute", "data-rc-ready", "1")
}

func (jsBrowser) print() { app.Window().Call("print") }

// cleanURL drops the parts of the fragment with a bad %-escape from the
// address (CleanFragment), now and after each later change of the
// fragment. It must run before go-app starts: go-app parses location.href
// at start and on popstate, and stops on such a URL. Its own popstate
// listener comes later, so this one runs first.
func (jsBrowser) cleanURL() {
	w := app.Window()
	clean := app.FuncOf(func(this app.Value, args []app.Value) any {
		loc, hist := w.Get("location"), w.Get("history")
		h := jsString(loc.Get("hash"))
		if c := CleanFragment(h); c != h {
			hist.Call("replaceState", hist.Get("state"), "", jsString(loc.Get("pathname"))+jsString(loc.Get("search"))+c)
		}
		return nil
	})
	clean.Invoke()
	w.Call("addEventListener", "popstate", clean)
}

// nativeLinks removes go-app's click handler for links: the widget has one
// page, and go-app would route a tel: link as an in-app page and open
// mailto: a second time. The browser handles every link itself.
func (jsBrowser) nativeLinks() { app.Window().Set("onclick", app.Null()) }

func (jsBrowser) focus(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

func (jsBrowser) copy(text string, done func(bool)) {
	helpers := app.Window().Get("rmacheck")
	if helpers.Type() != app.TypeObject {
		done(false)
		return
	}
	helpers.Call("copy", text).Then(func(v app.Value) { done(v.Type() == app.TypeBoolean && v.Bool()) })
}

// earlyInput reads what the person changed in the server's page before
// the wasm ran (widget.js marks changed fields data-rc-touched), and where
// the focus and caret are. It must run before go-app replaces that page.
func (jsBrowser) earlyInput() earlyInput {
	doc := app.Window().Get("document")
	var changed []earlyField
	for _, f := range formFields {
		el := doc.Call("getElementById", f.id)
		if !el.Truthy() || el.Get("dataset").Get("rcTouched").Type() != app.TypeString {
			continue
		}
		c := el.Get("checked")
		changed = append(changed, earlyField{ID: f.id, Value: jsString(el.Get("value")), Checked: c.Type() == app.TypeBoolean && c.Bool()})
	}
	in := earlyInput{SelStart: -1, SelEnd: -1}
	if a := doc.Get("activeElement"); a.Truthy() {
		in.Focus, in.FocusValue = jsString(a.Get("id")), jsString(a.Get("value"))
		if s, e := a.Get("selectionStart"), a.Get("selectionEnd"); s.Type() == app.TypeNumber && e.Type() == app.TypeNumber {
			in.SelStart, in.SelEnd = s.Int(), e.Int()
		}
	}
	in.Edits = earlyEdits(changed, in.Focus)
	return in
}

// showAnswer scrolls the answer into view (in a shop's frame, the shop's
// page scrolls) and moves the focus to its headline.
func (jsBrowser) warn(msg string) { app.Window().Get("console").Call("warn", msg) }

func (jsBrowser) earlyFacts() app.Value { return app.Window().Get("rmacheckEarlyFacts") }

// setVars sets CSS custom properties on element id, one by one.
func (jsBrowser) setVars(id string, vars [][2]string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	style := el.Get("style")
	for _, kv := range vars {
		style.Call("setProperty", kv[0], kv[1])
	}
}

// idle runs f in the browser's idle time (within 2 s at the latest), or
// after a fifth of a second where requestIdleCallback is missing (Safari).
func (jsBrowser) idle(f func()) {
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		fn.Release()
		f()
		return nil
	})
	w := app.Window()
	if w.Get("requestIdleCallback").Type() == app.TypeFunction {
		w.Call("requestIdleCallback", fn, map[string]any{"timeout": 2000})
		return
	}
	w.Call("setTimeout", fn, 200)
}

func (jsBrowser) showAnswer() {
	el := app.Window().GetElementByID("rc-result")
	if !el.Truthy() {
		return
	}
	el.Call("scrollIntoView", map[string]any{"block": "start"})
	if h := app.Window().GetElementByID("rc-headline"); h.Truthy() {
		h.Call("focus", map[string]any{"preventScroll": true})
	}
}

// restoreFocus puts the focus and the caret back where they were in the
// server's page, or at the end of the text when the box now holds another
// one (a stored draft's).
func (jsBrowser) restoreFocus(e earlyInput) {
	if e.Focus == "" {
		return
	}
	el := app.Window().GetElementByID(e.Focus)
	if !el.Truthy() {
		return
	}
	el.Call("focus", map[string]any{"preventScroll": true})
	if e.SelStart < 0 || el.Get("selectionStart").Type() != app.TypeNumber {
		return
	}
	if v := jsString(el.Get("value")); v != e.FocusValue {
		// The range counts UTF-16 units, never more than the UTF-8 bytes,
		// and the browser clamps it to the end.
		el.Call("setSelectionRange", len(v), len(v))
		return
	}
	el.Call("setSelectionRange", e.SelStart, e.SelEnd)
}

// jsStorage reads localStorage or sessionStorage (its name) as go-app's
// LocalStorage and SessionStorage write them (JSON), for begin, which runs
// before go-app does.
type jsStorage struct{ name string }

func (s jsStorage) Get(key string, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s %q: %v", s.name, key, r)
		}
	}()
	ls := app.Window().Get(s.name)
	if !ls.Truthy() {
		return errors.New("no " + s.name)
	}
	item := ls.Call("getItem", key)
	if item.Type() != app.TypeString {
		return nil
	}
	return json.Unmarshal([]byte(item.String()), v)
}
