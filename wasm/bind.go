//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"math"
	"syscall/js"

	"github.com/micromedia/rmacheck/sdk"
)

// bind makes the raw API object that rmacheck.mjs wraps. Crossing between
// JavaScript and Go costs most for strings and objects (each gets a Go
// finalizer and a JavaScript conversion), so JSON travels as UTF-8 bytes in
// two Uint8Arrays that live as long as the program, and only numbers cross:
//
//	in, out                          Uint8Arrays; bind replaces them to grow
//	reserve(n)                       makes in at least n bytes long
//	evaluate(claim, lang, today)     → n | Error: decision JSON in out[:n]
//	lookup(query, limit)             → n | Error: matches JSON in out[:n]
//	brands()                         → n: brands JSON in out[:n]
//	categories(lang, audience)       → n | Error: labels JSON in out[:n]
//	questions(n, lang, today, audience) → n | Error: questions JSON (or null) in out[:n]
//	load(brandsJSON)                 → undefined | Error
//	version, guideDate               strings; guideDate follows load
//
// A JSON argument (claim, brandsJSON) is a number n, meaning in[:n], or a
// string. lang is a number (1 fr, 2 nl, 3 en), a string or undefined; today
// is a number yyyymmdd or undefined. undefined and null count as "" or
// absent. Errors carry the SDK's message, plus field (invalid claim) or
// pointer and problems (invalid brands.json). A Go function called from
// JavaScript cannot throw: rmacheck.mjs throws the Errors it gets.
func bind(e *engine, version string) js.Value { return newBinding(e, version).raw }

func newBinding(e *engine, version string) *binding {
	b := &binding{e: e, raw: js.Global().Get("Object").New(), scratch: make([]byte, inSize)}
	b.grow("in", inSize)
	b.grow("out", outSize)
	fn := func(name string, f func(args []js.Value) (any, error)) {
		b.raw.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
			// A panic here would stop the Go program and hang the caller:
			// report it as an Error instead.
			defer func() {
				if p := recover(); p != nil {
					result = jsError(fmt.Errorf("rmacheck: internal error in %s: %v", name, p))
				}
			}()
			v, err := f(args)
			if err != nil {
				return jsError(err)
			}
			return v
		}))
	}
	fn("reserve", func(args []js.Value) (any, error) {
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			if n := min(args[0].Float(), maxBrandsBytes+1); n > float64(b.inLen) {
				b.grow("in", int(n))
			}
		}
		return js.Undefined(), nil
	})
	fn("evaluate", func(args []js.Value) (any, error) {
		claim, o, today, err := b.claimArgs(args)
		if err != nil {
			return nil, err
		}
		return b.output(e.evaluate(claim, o, today))
	})
	fn("questions", func(args []js.Value) (any, error) {
		claim, o, today, err := b.claimArgs(args)
		if err != nil {
			return nil, err
		}
		return b.output(e.questions(claim, o, today))
	})
	fn("lookup", func(args []js.Value) (any, error) {
		query, err := stringArg(arg(args, 0), "lookup: query", "query")
		if err != nil {
			return nil, err
		}
		limit, err := limitArg(arg(args, 1))
		if err != nil {
			return nil, err
		}
		return b.output(e.lookup(query, limit))
	})
	fn("brands", func([]js.Value) (any, error) { return b.output(e.brands()) })
	fn("categories", func(args []js.Value) (any, error) {
		lang, err := langArg(arg(args, 0), "categories: lang")
		if err != nil {
			return nil, err
		}
		audience, err := audienceArg(arg(args, 1), "categories: audience")
		if err != nil {
			return nil, err
		}
		return b.output(e.categories(sdk.Options{Lang: lang, Audience: audience}))
	})
	fn("load", func(args []js.Value) (any, error) {
		data, err := b.input(arg(args, 0), "load: brandsJSON", maxBrandsBytes, brandsTooLarge)
		if err != nil {
			var le *loadError
			if !errors.As(err, &le) {
				err = &loadError{problems: []sdk.Problem{{Message: err.Error()}}}
			}
			return nil, err
		}
		if err := e.load(data); err != nil {
			return nil, err
		}
		b.raw.Set("guideDate", e.guide.Date().String())
		return js.Undefined(), nil
	})
	b.raw.Set("version", version)
	b.raw.Set("guideDate", e.guide.Date().String())
	b.raw.Set("maxClaimBytes", maxClaimBytes)
	b.raw.Set("maxBrandsBytes", maxBrandsBytes)
	return b
}

// Buffer sizes. in and out start small and grow for a large call; neither
// keeps more than keepBytes past the call, so that one large load or
// result does not leave the module holding its size.
const (
	inSize    = 4 << 10
	outSize   = 16 << 10
	keepBytes = 256 << 10
)

type binding struct {
	e             *engine
	raw           js.Value
	in, out       js.Value // Uint8Arrays, also raw.in and raw.out
	inLen, outLen int      // their lengths
	scratch       []byte   // where in is copied to, at most keepBytes
}

// grow replaces raw[name] with a new Uint8Array of n bytes.
func (b *binding) grow(name string, n int) {
	a := js.Global().Get("Uint8Array").New(n)
	b.raw.Set(name, a)
	if name == "in" {
		b.in, b.inLen = a, n
	} else {
		b.out, b.outLen = a, n
	}
}

// input reads a JSON argument of at most limit bytes: n bytes of in, or a
// string. A larger one gives tooLarge() before anything is copied.
func (b *binding) input(v js.Value, name string, limit int, tooLarge func() error) ([]byte, error) {
	switch v.Type() {
	case js.TypeNumber:
		n := v.Int()
		if float64(n) != v.Float() || n < 0 {
			return nil, &argError{name: name, want: "a byte count within in", got: jsString(v)}
		}
		if n > limit {
			return nil, tooLarge()
		}
		if n > b.inLen {
			return nil, &argError{name: name, want: "a byte count within in", got: jsString(v)}
		}
		var data []byte
		if n <= keepBytes {
			if n > len(b.scratch) {
				b.scratch = make([]byte, max(n, 2*len(b.scratch)))
			}
			data = b.scratch[:n]
		} else {
			data = make([]byte, n)
		}
		js.CopyBytesToGo(data, b.in) // copies len(data) bytes
		if b.inLen > keepBytes {
			b.grow("in", inSize) // in is copied: a large one can go now
		}
		return data, nil
	case js.TypeString:
		// UTF-8 takes at least one byte per UTF-16 unit: check before
		// converting (Length needs an object: Object(v) is a String).
		if js.Global().Get("Object").Invoke(v).Length() > limit {
			return nil, tooLarge()
		}
		s := v.String()
		if len(s) > limit {
			return nil, tooLarge()
		}
		return []byte(s), nil
	}
	s, err := stringArg(v, name, "")
	return []byte(s), err
}

// output gives data to JavaScript: its length, with data copied into out, or
// for data larger than keepBytes, a string (out does not grow for it).
func (b *binding) output(data []byte, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	if len(data) > keepBytes {
		return string(data), nil
	}
	if len(data) > b.outLen {
		b.grow("out", min(2*len(data), keepBytes))
	}
	js.CopyBytesToJS(b.out, data)
	return len(data), nil
}

// jsString is String(v) in JavaScript.
func jsString(v js.Value) string { return js.Global().Get("String").Invoke(v).String() }

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// argError is a wrong JavaScript argument: name leads the message and field
// is the Error's field ("" for a whole argument).
type argError struct{ field, name, want, got string }

func (e *argError) Error() string { return e.name + ": want " + e.want + ", got " + e.got }

// stringArg reads a string; undefined and null give "".
func stringArg(v js.Value, name, field string) (string, error) {
	switch v.Type() {
	case js.TypeString:
		return v.String(), nil
	case js.TypeUndefined, js.TypeNull:
		return "", nil
	}
	return "", &argError{field: field, name: name, want: "a string", got: v.Type().String()}
}

// claimArgs reads the arguments evaluate and questions share: the claim
// (n bytes in raw.in, or a string), lang, today and audience.
func (b *binding) claimArgs(args []js.Value) (claim []byte, o sdk.Options, today sdk.Date, err error) {
	if claim, err = b.input(arg(args, 0), "claim", maxClaimBytes, claimTooLarge); err != nil {
		return
	}
	if o.Lang, err = langArg(arg(args, 1), "claim: lang"); err != nil {
		return
	}
	if today, err = dayArg(arg(args, 2)); err != nil {
		return
	}
	o.Audience, err = audienceArg(arg(args, 3), "claim: audience")
	return
}

// audienceArg reads the audience a text is for: "consumer", "reseller",
// or undefined for shop staff. name starts the error message.
func audienceArg(v js.Value, name string) (sdk.Audience, error) {
	s, err := stringArg(v, name, "audience")
	if err != nil || s == "" && v.Type() != js.TypeString {
		return "", err
	}
	var names []string
	for _, a := range sdk.Audiences() {
		names = append(names, string(a))
	}
	return sdk.Audience(s), checkValue(name, "audience", s, names)
}

// langArg reads a language: 1, 2, 3 (fr, nl, en, as rmacheck.mjs sends the
// known ones), a string, or undefined or null for English. An unknown
// language is an error in the SDK's words, its value cut to one short line.
func langArg(v js.Value, name string) (sdk.Lang, error) {
	if v.Type() == js.TypeNumber {
		langs := sdk.Langs()
		if i := v.Int(); i >= 1 && i <= len(langs) && float64(i) == v.Float() {
			return langs[i-1], nil
		}
		return "", &argError{field: "lang", name: name, want: "a string", got: "number"}
	}
	s, err := stringArg(v, name, "lang")
	if err != nil {
		return "", err
	}
	if s == "" {
		return sdk.LangEnglish, nil
	}
	if err := checkLang(name, sdk.Lang(s)); err != nil {
		return "", err
	}
	return sdk.Lang(s), nil
}

// dayArg reads today as a number yyyymmdd; undefined gives no date.
func dayArg(v js.Value) (sdk.Date, error) {
	if v.IsUndefined() || v.IsNull() {
		return sdk.Date{}, nil
	}
	if v.Type() != js.TypeNumber {
		return sdk.Date{}, &argError{name: "today", want: "a yyyymmdd number", got: v.Type().String()}
	}
	if n := v.Int(); n > 0 && float64(n) == v.Float() {
		d, err := sdk.ParseDate(dayString(n))
		if err == nil {
			return d, nil
		}
	}
	return sdk.Date{}, &argError{name: "today", want: "a yyyymmdd number", got: jsString(v)}
}

func dayString(n int) string {
	b := []byte("0000-00-00")
	for _, i := range []int{9, 8, 6, 5, 3, 2, 1, 0} {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if n != 0 {
		return ""
	}
	return string(b)
}

// limitArg reads lookup's limit: a whole number ≥ 1, defaultLimit when
// undefined or null.
func limitArg(v js.Value) (int, error) {
	if v.IsUndefined() || v.IsNull() {
		return defaultLimit, nil
	}
	const want = "a whole number of 1 or more"
	if v.Type() != js.TypeNumber {
		return 0, &argError{field: "limit", name: "lookup: limit", want: want, got: v.Type().String()}
	}
	f := v.Float()
	if f != math.Trunc(f) || f < 1 || math.IsInf(f, 0) {
		return 0, &argError{field: "limit", name: "lookup: limit", want: want, got: jsString(v)}
	}
	return int(min(f, math.MaxInt32)), nil
}

// jsError is err as a JavaScript Error with err.Error() as its message and
// the details a form needs: pointer and problems for an invalid brands.json,
// else field, the claim key or argument at fault ("" when no one field is).
func jsError(err error) js.Value {
	e := js.Global().Get("Error").New(err.Error())
	var fe *sdk.FieldError
	var ae *argError
	var ve *valueError
	var le *loadError
	switch {
	case errors.As(err, &fe):
		e.Set("field", fe.Field)
	case errors.As(err, &ae):
		e.Set("field", ae.field)
	case errors.As(err, &ve):
		e.Set("field", ve.field)
	case errors.As(err, &le):
		ps := make([]any, len(le.problems))
		for i, p := range le.problems {
			ps[i] = map[string]any{"pointer": p.Pointer, "message": p.Message}
		}
		e.Set("pointer", le.problems[0].Pointer)
		e.Set("problems", ps)
	default:
		e.Set("field", "") // every Error but load's has field
	}
	return e
}
