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
//	categories(lang)                 → n | Error: labels JSON in out[:n]
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
	b := &binding{e: e, raw: js.Global().Get("Object").New()}
	b.in = b.grow("in", 4<<10)
	b.out = b.grow("out", 16<<10)
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
		if len(args) > 0 && args[0].Type() == js.TypeNumber && args[0].Int() > len(b.inGo) {
			b.in = b.grow("in", args[0].Int())
		}
		return js.Undefined(), nil
	})
	fn("evaluate", func(args []js.Value) (any, error) {
		claim, err := b.input(arg(args, 0), "claim")
		if err != nil {
			return nil, err
		}
		lang, err := langArg(arg(args, 1), "claim: lang", false) // EvaluateIn words an unknown one
		if err != nil {
			return nil, err
		}
		today, err := dayArg(arg(args, 2))
		if err != nil {
			return nil, err
		}
		return b.output(e.evaluate(claim, lang, today))
	})
	fn("lookup", func(args []js.Value) (any, error) {
		query, err := stringArg(arg(args, 0), "lookup: query")
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
		lang, err := langArg(arg(args, 0), "categories: lang", true)
		if err != nil {
			return nil, err
		}
		return b.output(e.categories(lang))
	})
	fn("load", func(args []js.Value) (any, error) {
		data, err := b.input(arg(args, 0), "load: brandsJSON")
		if err != nil {
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
	return b
}

type binding struct {
	e       *engine
	raw     js.Value
	in, out js.Value // Uint8Arrays, also raw.in and raw.out
	inGo    []byte   // scratch for copying in
	outLen  int      // length of out
}

// grow replaces raw[name] with a new Uint8Array of at least n bytes.
func (b *binding) grow(name string, n int) js.Value {
	n = max(n, 1024)
	a := js.Global().Get("Uint8Array").New(n)
	b.raw.Set(name, a)
	if name == "in" {
		b.inGo = make([]byte, n)
	} else {
		b.outLen = n
	}
	return a
}

// input reads a JSON argument: n bytes of in, or a string.
func (b *binding) input(v js.Value, name string) ([]byte, error) {
	if v.Type() == js.TypeNumber {
		n := v.Int()
		if n < 0 || n > len(b.inGo) {
			return nil, &argError{name: name, want: "a byte count within in", got: jsString(v)}
		}
		js.CopyBytesToGo(b.inGo[:n], b.in) // copies len(dst) bytes
		return b.inGo[:n], nil
	}
	s, err := stringArg(v, name)
	return []byte(s), err
}

// output copies JSON into out, growing it if needed, and gives its length.
func (b *binding) output(data []byte, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	if len(data) > b.outLen {
		b.out = b.grow("out", 2*len(data))
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

// argError is a wrong JavaScript argument.
type argError struct{ name, want, got string }

func (e *argError) Error() string { return e.name + ": want " + e.want + ", got " + e.got }

// stringArg reads a string; undefined and null give "".
func stringArg(v js.Value, name string) (string, error) {
	switch v.Type() {
	case js.TypeString:
		return v.String(), nil
	case js.TypeUndefined, js.TypeNull:
		return "", nil
	}
	return "", &argError{name: name, want: "a string", got: v.Type().String()}
}

// langArg reads a language: 1, 2, 3 (fr, nl, en, as rmacheck.mjs sends the
// known ones), a string, or undefined or null for English. With check, an
// unknown language is an error.
func langArg(v js.Value, name string, check bool) (sdk.Lang, error) {
	if v.Type() == js.TypeNumber {
		langs := sdk.Langs()
		if i := v.Int(); i >= 1 && i <= len(langs) && float64(i) == v.Float() {
			return langs[i-1], nil
		}
		return "", &argError{name: name, want: "a string", got: "number"}
	}
	s, err := stringArg(v, name)
	if err != nil {
		return "", err
	}
	if s == "" {
		return sdk.LangEnglish, nil
	}
	if check {
		return sdk.Lang(s), checkLang(name, sdk.Lang(s))
	}
	return sdk.Lang(s), nil
}

// dayArg reads today as a number yyyymmdd; undefined gives no date.
func dayArg(v js.Value) (sdk.Date, error) {
	if v.IsUndefined() || v.IsNull() {
		return sdk.Date{}, nil
	}
	if v.Type() == js.TypeNumber {
		if n := v.Int(); n > 0 && float64(n) == v.Float() {
			d, err := sdk.ParseDate(dayString(n))
			if err == nil {
				return d, nil
			}
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
		return 0, &argError{name: "lookup: limit", want: want, got: v.Type().String()}
	}
	f := v.Float()
	if f != math.Trunc(f) || f < 1 || math.IsInf(f, 0) {
		return 0, &argError{name: "lookup: limit", want: want, got: jsString(v)}
	}
	return int(min(f, math.MaxInt32)), nil
}

// jsError is err as a JavaScript Error with err.Error() as its message and
// the details a form needs: field for an invalid claim, pointer and problems
// for an invalid brands.json.
func jsError(err error) js.Value {
	e := js.Global().Get("Error").New(err.Error())
	var fe *sdk.FieldError
	var le *loadError
	switch {
	case errors.As(err, &fe):
		e.Set("field", fe.Field)
	case errors.As(err, &le):
		ps := make([]any, len(le.problems))
		for i, p := range le.problems {
			ps[i] = map[string]any{"pointer": p.Pointer, "message": p.Message}
		}
		e.Set("pointer", le.problems[0].Pointer)
		e.Set("problems", ps)
	}
	return e
}
