//go:build js && wasm

// Command wasm is RMA Check's SDK compiled to WebAssembly for browsers and
// Node: the same decisions as the Go SDK and `rmacheck evaluate`, on the
// same embedded brands.json.
//
// Build it with GOOS=js GOARCH=wasm (make wasm) and load it with
// rmacheck.mjs, which runs the Go runtime (wasm_exec.js) and gives the
// JavaScript API:
//
//	const api = await RMACheck.init({ wasmURL: "/rmacheck.wasm" })
//	api.evaluate({ brand: "Acer", purchaseDate: "2026-01-15" }, "fr")
//
// This program only hands rmacheck.mjs a raw API (bind): strings in, JSON
// strings or Error objects out. A Go function called from JavaScript cannot
// throw, so rmacheck.mjs turns returned Errors into exceptions and parses
// the JSON into plain objects.
//
// No net/http, flag parsing or server code may be imported here: it would
// reach the binary that every shop page downloads.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"syscall/js"

	"github.com/micromedia/rmacheck/sdk"
)

// readyEnv names the environment variable through which rmacheck.mjs tells
// the program which global function to call once the API is ready.
const readyEnv = "RMACHECK_READY"

func main() {
	ready := js.Global().Get(os.Getenv(readyEnv))
	if ready.Type() != js.TypeFunction {
		fmt.Fprintln(os.Stderr, "rmacheck.wasm: load it with rmacheck.mjs (RMACheck.init)")
		os.Exit(2)
	}
	g, err := sdk.Default()
	if err != nil {
		ready.Invoke(js.Null(), "rmacheck.wasm: embedded "+err.Error())
		return
	}
	e := &engine{guide: g}
	exportEngine(e)
	ready.Invoke(bind(e, version()))
	select {} // serve calls from JavaScript until the page goes away
}

// buildVersion is set by make wasm: -ldflags "-X main.buildVersion=$(git describe --always --dirty)".
var buildVersion string

// version is buildVersion, else the module version Go stamps from git (for
// example v0.0.0-20260310120000-4dc7ed5a1b2c; not with -buildvcs=false),
// else "devel".
func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
