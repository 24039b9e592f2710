//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

func main() {
	b := jsBrowser{}
	b.cleanURL()
	g, err := sdk.Default()
	// Nothing runs in the page between this read and go-app replacing it.
	route(g, err, b, b.earlyInput())
	app.RunWhenOnBrowser()
}
