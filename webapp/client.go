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
	waitForWholeDate()
	// Nothing runs in the page between this read and go-app replacing it.
	route(g, err, b, b.earlyInput())
	// From here the page is Go's: early.js (the answer before the engine)
	// must not touch nodes go-app is about to own, even before
	// data-rc-ready (set once the page accepts input).
	app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-rc-go", "1")
	app.RunWhenOnBrowser()
}

// yield hands the thread back to the browser's event loop for a moment: a
// Go program in the browser runs until it blocks.
func yield() { time.Sleep(time.Millisecond) }

// waitForWholeDate holds the switch to the live page while the purchase
// date is half typed in its box and the box has the focus: a date box's
// segments ("12/__/____") have no value to read and carry over, so
// replacing the box then would lose them. A year being typed has a value
// already ("2" is the year 0002), so a year below 1000 counts as half
// typed too. A minute at most: the widget goes live even if someone
// leaves a date half typed and walks away.
func waitForWholeDate() {
	doc := app.Window().Get("document")
	for range 600 {
		box := doc.Call("getElementById", "rc-date")
		if !box.Truthy() || !doc.Get("activeElement").Equal(box) {
			return
		}
		v := box.Get("value").String()
		typing := box.Get("validity").Get("badInput").Bool() || (len(v) >= 4 && v[:4] < "1000")
		if !typing {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
