//go:build wasm

package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

func main() {
	b := jsBrowser{}
	b.cleanURL()
	// Building the guide takes a few ms (its model is static data); go-app's
	// first render is the long step. The page the server sent is in use:
	// let the browser handle what the person did meanwhile before it.
	g, err := sdk.Default()
	yield()
	// Nothing runs in the page between this read and go-app replacing it.
	route(g, err, b, b.earlyInput())
	app.RunWhenOnBrowser()
}

// yield hands the thread back to the browser's event loop for a moment: a
// Go program in the browser runs until it blocks.
func yield() { time.Sleep(time.Millisecond) }
