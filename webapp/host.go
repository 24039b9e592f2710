package main

import (
	"encoding/json"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// hostLink is the widget's side of the postMessage protocol with the page
// that embeds it (see docs/embedding.md: ready, height, decision). It posts only to
// the parent origin from the fragment, else the referrer's origin, and
// never when neither is known or when the widget is not in a frame.
type hostLink struct {
	origin       string
	id           string
	lastDecision string
	lastHeight   int
	// heightFloor, while a decision known at start is held back, is the
	// early page's last height: the frame does not shrink for the held
	// card's moment and grow again, two jumps of the host page for one.
	heightFloor int
	sendHeight  func()
}

func newHostLink(c Config, referrer string) *hostLink {
	h := &hostLink{origin: targetOrigin(c, referrer), id: c.ID}
	if app.IsClient {
		w := app.Window()
		if w.Get("parent").Equal(w.JSValue()) {
			h.origin = "" // top-level page: nobody to tell
			return h
		}
		// The browser's reading, as widget.js's: a parent it refuses or
		// writes otherwise (a host in another script) is ignored for the
		// referrer's origin, so that postMessage never throws and the
		// parent's messages match.
		if p := browserOrigin(c.Parent); c.Parent != "" && p == c.Parent {
			h.origin = p
		} else {
			h.origin = browserOrigin(OriginOf(referrer))
		}
	}
	return h
}

// browserOrigin is the origin of URL u as the browser writes it, or ""
// when the browser refuses u. In the browser only.
func browserOrigin(u string) (origin string) {
	if u == "" {
		return ""
	}
	defer func() {
		if recover() != nil { // new URL threw: syscall/js panics with the error
			origin = ""
		}
	}()
	origin = jsString(app.Window().Get("URL").New(u).Get("origin"))
	if origin == "null" {
		return ""
	}
	return origin
}

// message is the JSON of one message to the host.
func (h *hostLink) message(kind string, fields map[string]any) []byte {
	m := map[string]any{"source": "rmacheck", "id": h.id, "type": kind}
	for k, v := range fields {
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	return b
}

func (h *hostLink) post(kind string, fields map[string]any) {
	if h == nil || h.origin == "" || !app.IsClient {
		return
	}
	b := h.message(kind, fields)
	if b == nil {
		return
	}
	// A post that throws (a target the browser refuses) must not stop the
	// widget: syscall/js panics, and go-app's callbacks do not recover.
	defer func() {
		if recover() != nil {
			h.origin = "" // it would throw again
		}
	}()
	w := app.Window()
	w.Get("parent").Call("postMessage", w.Get("JSON").Call("parse", string(b)), h.origin)
}

func (h *hostLink) ready(ctx app.Context, guideDate sdk.Date, lang sdk.Lang) {
	h.post("ready", map[string]any{"version": app.Getenv("GOAPP_VERSION"), "guideDate": guideDate.String(), "lang": lang})
}

// decisionMessage is the "decision" message's payload for a view, or nil
// when no decision is shown.
func decisionMessage(v View) map[string]any {
	d := v.Decision
	if d == nil {
		return nil
	}
	brand := v.Claim.Brand
	if d.Brand != nil {
		brand = d.Brand.ID
	}
	cat := v.Claim.Category
	if cat == "" {
		cat = sdk.CategoryOther
	}
	var purchase any
	if !v.Claim.PurchaseDate.IsZero() {
		purchase = v.Claim.PurchaseDate.String()
	}
	var orderRef, label any // null unless the page gave them (prefill)
	if v.Draft.OrderRef != "" {
		orderRef = v.Draft.OrderRef
	}
	if v.Draft.Label != "" {
		label = v.Draft.Label
	}
	return map[string]any{
		"orderRef": orderRef,
		"label":    label,
		"decision": d,
		"claim": map[string]any{
			"brand": brand, "category": cat, "purchaseDate": purchase, "claimDate": v.Claim.ClaimDate.String(),
			"route": d.Route, "eligible": d.Eligible, "missing": d.Missing,
		},
	}
}

// decision posts the decision when it differs from the last one posted.
func (h *hostLink) decision(v View) {
	if h == nil {
		return
	}
	m := decisionMessage(v)
	if m == nil {
		return
	}
	b, _ := json.Marshal(m)
	if string(b) == h.lastDecision {
		return
	}
	h.lastDecision = string(b)
	h.post("decision", m)
}

// observeHeight posts the document's height on every size change. With
// holding set, it posts no height below the early page's last one until
// releaseHeight.
func (h *hostLink) observeHeight(holding bool) {
	if h == nil || h.origin == "" || !app.IsClient {
		return
	}
	w := app.Window()
	if early := w.Get("rmacheckEarlyHeight"); holding && early.Type() == app.TypeNumber {
		h.heightFloor = early.Int()
	}
	body := w.Get("document").Get("body")
	send := app.FuncOf(func(this app.Value, args []app.Value) any {
		height := int(w.Get("Math").Call("ceil", w.Get("document").Get("documentElement").Call("getBoundingClientRect").Get("height").Float()).Int())
		height = max(height, h.heightFloor)
		if height != h.lastHeight && height > 0 {
			h.lastHeight = height
			h.post("height", map[string]any{"height": height})
		}
		return nil
	})
	if ro := w.Get("ResizeObserver"); ro.Type() == app.TypeFunction {
		ro.New(send).Call("observe", body)
	} else {
		// Older browsers: look for a new height twice a second; only a
		// change is posted.
		w.Call("setInterval", send, 500)
	}
	h.sendHeight = func() { send.Invoke() }
	send.Invoke()
}

// releaseHeight ends observeHeight's floor and posts the height now.
func (h *hostLink) releaseHeight() {
	if h == nil || h.sendHeight == nil {
		return
	}
	h.heightFloor = 0
	h.sendHeight()
}

// listen accepts, from the parent origin only, {source:"rmacheck-host",
// type:"config", lang} and {source:"rmacheck-host", type:"prefill", facts}.
func (h *hostLink) listen(ctx app.Context, setLang func(sdk.Lang), prefill func([]Facts, []string)) {
	if h == nil || h.origin == "" || !app.IsClient {
		return
	}
	w := app.Window()
	w.Call("addEventListener", "message", app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		e := args[0]
		if e.Type() != app.TypeObject || jsString(e.Get("origin")) != h.origin || !e.Get("source").Equal(w.Get("parent")) {
			return nil
		}
		if l, ok := hostConfigLang(e.Get("data")); ok {
			setLang(l)
		}
		if lines, warnings, ok := hostFacts(e.Get("data")); ok {
			prefill(lines, warnings)
		}
		return nil
	}))
}

// hostConfigLang reads the data of a message from the parent origin: the
// language of a {source:"rmacheck-host", type:"config", lang} message.
// Anything else is ignored, whatever its type: a shop's own scripts may post
// strings, numbers or booleans, and Get on a value that is not an object
// panics in syscall/js, which go-app's FuncOf does not recover (the widget
// would stop).
func hostConfigLang(data app.Value) (sdk.Lang, bool) {
	if data == nil || data.Type() != app.TypeObject {
		return "", false
	}
	if jsString(data.Get("source")) != "rmacheck-host" || jsString(data.Get("type")) != "config" {
		return "", false
	}
	l := sdk.Lang(jsString(data.Get("lang")))
	if !validLang(l) {
		return "", false
	}
	return l, true
}

// maxOrderLines bounds the lines of one order the widget lists: an order
// page names a few products, not a catalogue.
const maxOrderLines = 50

// hostFacts reads a {source:"rmacheck-host", type:"prefill", facts}
// message, where facts is one product's facts or a list of order lines
// (docs/embedding.md, "Start from an order"): the lines it can take, and a
// warning for each fact it cannot (a number, an object, an over-long
// text), naming the attribute, and the line in a list. The other facts
// still apply.
func hostFacts(data app.Value) ([]Facts, []string, bool) {
	if data == nil || data.Type() != app.TypeObject {
		return nil, nil, false
	}
	if jsString(data.Get("source")) != "rmacheck-host" || jsString(data.Get("type")) != "prefill" {
		return nil, nil, false
	}
	facts := data.Get("facts")
	if facts == nil || facts.Type() != app.TypeObject {
		return nil, []string{warnPrefix + "prefill: want an object of facts (brand, category, purchaseDate, …) or a list of them"}, true
	}
	if !app.Window().Get("Array").Call("isArray", facts).Bool() {
		f, warnings := readFacts(facts)
		return []Facts{f}, warnings, true
	}
	var lines []Facts
	var warnings []string
	n := facts.Length()
	if n > maxOrderLines {
		warnings = append(warnings, fmt.Sprintf("%sprefill: %d order lines, the widget lists the first %d", warnPrefix, n, maxOrderLines))
		n = maxOrderLines
	}
	for i := 0; i < n; i++ {
		line := facts.Index(i)
		if line.Type() != app.TypeObject {
			warnings = append(warnings, lineWarning(i, warnPrefix+"want an object of facts, got "+line.Type().String()))
			continue
		}
		f, more := readFacts(line)
		for _, w := range more {
			warnings = append(warnings, lineWarning(i, w))
		}
		lines = append(lines, f)
	}
	return lines, warnings, true
}

// readFacts reads one product's facts from a JavaScript object.
func readFacts(facts app.Value) (Facts, []string) {
	var f Facts
	var warnings []string
	for _, fa := range factAttributes {
		v := facts.Get(fa.key)
		switch t := v.Type(); {
		case t == app.TypeUndefined || t == app.TypeNull:
			continue
		case t != app.TypeString:
			warnings = append(warnings, warnPrefix+fa.attr+": want text, got "+t.String())
			continue
		}
		if err := f.setFact(fa.key, v.String()); err != nil {
			warnings = append(warnings, warnPrefix+fa.attr+": "+err.Error())
		}
	}
	return f, warnings
}

// jsString is v when it is a JavaScript string, else "" (Value.String
// would describe other types as "<number: 1>").
func jsString(v app.Value) string {
	if v == nil || v.Type() != app.TypeString {
		return ""
	}
	return v.String()
}
