//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"testing"

	"github.com/micromedia/rmacheck/sdk"
)

// The Go side of a call to evaluate, piece by piece, under GOOS=js
// GOARCH=wasm (make bench-wasm runs these before wasm/bench.mjs, which times
// the whole call from JavaScript).

func benchCases(b *testing.B) []guideCase {
	cases, _ := loadFixture(b)
	for i := range cases {
		compact, err := json.Marshal(cases[i].Claim) // as JSON.stringify sends it
		if err != nil {
			b.Fatal(err)
		}
		cases[i].Claim = compact
	}
	return cases
}

// BenchmarkEngineEvaluate is decode, evaluate and encode: evaluate's Go side.
func BenchmarkEngineEvaluate(b *testing.B) {
	e := newEngine(b)
	cases := benchCases(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := cases[i%len(cases)]
		if _, err := e.evaluate(c.Claim, sdk.Options{Lang: c.Lang}, sdk.Date{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeClaim(b *testing.B) {
	cases := benchCases(b)
	for i := 0; i < b.N; i++ {
		_, _ = sdk.DecodeClaim(cases[i%len(cases)].Claim, sdk.Date{})
	}
}

func BenchmarkEncodeDecision(b *testing.B) {
	e := newEngine(b)
	cases := benchCases(b)
	ds := make([]sdk.Decision, len(cases))
	for i, c := range cases {
		claim, _ := sdk.DecodeClaim(c.Claim, sdk.Date{})
		ds[i], _ = e.guide.Evaluate(claim, sdk.Options{Lang: c.Lang})
	}
	b.Run("AppendJSON", func(b *testing.B) {
		var buf []byte
		for i := 0; i < b.N; i++ {
			buf = ds[i%len(ds)].AppendJSON(buf[:0])
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_, _ = json.Marshal(&ds[i%len(ds)])
		}
	})
}

// BenchmarkCrossing is an empty Go function called through JavaScript.
func BenchmarkCrossing(b *testing.B) {
	f := js.FuncOf(func(js.Value, []js.Value) any { return nil })
	defer f.Release()
	for i := 0; i < b.N; i++ {
		f.Invoke()
	}
}
