//go:build e2e && !wasm

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// wasmBudget is the widget's size budget for app.wasm after brotli -q 11
// (make webapp-wasm writes web/app.wasm.br): what a phone downloads on a
// first visit. The build choices in webapp.mk are measured against it. A
// size is the same on every run for a given toolchain, so it is asserted.
//
// The goal is 1.45 MB; a go-app program that only renders a heading,
// built the same way, is already 1.33 MB, and the widget is 1.60 MB. Until
// the widget's own share shrinks, the budget holds today's size, so that
// growth fails here. 1,600,000 → 1,610,000 on 2026-12-07 (issues 26, 27):
// the progress line, the hold for a half-typed date, New claim and the
// printed references took app.wasm.br from 1,594,223 to 1,601,022 B.
// 1,610,000 → 1,620,000 on 2026-12-07 (issue 20): brand support first,
// shared names, model words, warranty floors, contact labels and the
// consumer's own words took it to 1,612,357 B.
// 1,620,000 → 1,625,000 on 2026-12-07 (issue 18): the page's facts, the
// order's list and the way back to it took it from 1,619,724 to
// 1,620,347 B.
// 1,625,000 → 1,630,000 on 2026-12-07 (issue 30): the schema validator's
// exact numbers, order-free equality and the formats as the reference reads
// them took it from 1,623,292 to 1,625,189 B.
// 1,630,000 → 1,635,000 on 2026-12-07 (issue 31): Load decodes the model
// from the tree it has already parsed (a reflection-based tree decoder in
// place of a second parse by encoding/json, which the widget still links
// for other uses) took it from 1,624,212 to 1,631,008 B.
// 1,635,000 → 1,640,000 on 2026-12-07 (issue 31): the strict reader in a
// package of its own (internal/jsontree, shared with the CLI, wasm and
// guide/; exported names and a longer package path in the binary's tables)
// took it to 1,636,802 B.
// 1,640,000 → 1,630,000 on 2026-12-07 (issue 31): the file model in its
// own package, with the corrections (read only by the maintenance tools)
// out of the embedded model and the tree decoder's unused Unmarshaler
// paths gone, took it to 1,628,283 B.
// 1,630,000 → 1,635,000 on 2026-12-07: the frame keeps the early answer's
// height while Go holds its first card back, so that the host page jumps
// once, not twice (typed order page's host CLS 0.1125 → 0.079), took it
// from 1,629,201 to 1,630,550 B.
const wasmBudget = 1_635_000

func TestWasmSizeBudget(t *testing.T) {
	st, err := os.Stat(filepath.Join("web", "app.wasm.br"))
	if err != nil {
		unavailable(t, "web/app.wasm.br not built (make webapp-wasm, with brotli installed): %v", err)
	}
	assert.LessOrEqual(t, st.Size(), int64(wasmBudget), "web/app.wasm.br is %d B, over the budget of %d B by %d B", st.Size(), wasmBudget, st.Size()-wasmBudget)
}
