//go:build js && wasm

package main

import (
	"unsafe"

	"github.com/micromedia/rmacheck/sdk"
)

// The direct path of evaluate. A call through syscall/js (js.FuncOf) wakes
// the Go scheduler and costs about 10 µs before any work; a function
// exported to the WebAssembly host (go:wasmexport) is a plain call, about
// 0.1 µs. JSON crosses in two buffers of the module's own memory, which
// rmacheck.mjs writes and reads in place:
//
//	rmacheck_in(n)                        → the address of at least n bytes for the claim
//	rmacheck_evaluate(n, lang, today, a)  → the decision's length, or -1
//	rmacheck_out()                        → the address of the decision's JSON
//
// lang is 1, 2, 3 (fr, nl, en) or 0 (English); today is yyyymmdd or 0; a
// is 0 (shop staff), 1 (reseller) or 2 (consumer). -1 means anything but a
// decision: rmacheck.mjs then makes the same call through the raw API,
// which words the error. Go's heap does not move, so an address holds
// until the next call (the module's memory may grow: the JavaScript side
// takes its view of it again when its buffer changes).

// direct is the engine and the buffers of the direct path: one per program,
// as the exported functions have no receiver.
var direct struct {
	e       *engine
	in, out []byte
}

// exportEngine makes e the engine the exported functions use.
func exportEngine(e *engine) { direct.e = e }

//go:wasmexport rmacheck_in
func exportedIn(n int32) int32 {
	if n < 0 || n > maxClaimBytes {
		return 0
	}
	if int(n) > cap(direct.in) {
		direct.in = make([]byte, max(int(n), inSize))
	}
	return int32(uintptr(unsafe.Pointer(unsafe.SliceData(direct.in[:cap(direct.in)]))))
}

//go:wasmexport rmacheck_out
func exportedOut() int32 {
	return int32(uintptr(unsafe.Pointer(unsafe.SliceData(direct.out[:cap(direct.out)]))))
}

//go:wasmexport rmacheck_evaluate
func exportedEvaluate(n, lang, today, audience int32) (size int32) {
	defer func() {
		if recover() != nil {
			size = -1 // the raw API's call recovers it again, and says what it was
		}
	}()
	o, day, ok := directOptions(lang, today, audience)
	if !ok || direct.e == nil || n < 0 || int(n) > len(direct.in[:cap(direct.in)]) {
		return -1
	}
	d, err := direct.e.decide(direct.in[:n], o, day)
	if err != nil {
		return -1
	}
	if cap(direct.out) > keepBytes {
		direct.out = nil // one large decision does not keep its size
	}
	direct.out = d.AppendJSON(direct.out[:0])
	return int32(len(direct.out))
}

// directOptions reads the numbers of rmacheck_evaluate.
func directOptions(lang, today, audience int32) (o sdk.Options, day sdk.Date, ok bool) {
	langs := sdk.Langs()
	switch {
	case lang == 0:
		o.Lang = sdk.LangEnglish
	case lang >= 1 && int(lang) <= len(langs):
		o.Lang = langs[lang-1]
	default:
		return o, day, false
	}
	switch audience {
	case 0:
	case 1:
		o.Audience = sdk.AudienceReseller
	case 2:
		o.Audience = sdk.AudienceConsumer
	default:
		return o, day, false
	}
	if today != 0 {
		d, err := sdk.ParseDate(dayString(int(today)))
		if err != nil || today < 0 {
			return o, day, false
		}
		day = d
	}
	return o, day, true
}
