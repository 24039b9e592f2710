//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

func main() {
	jsBrowser{}.cleanURL()
	route(sdk.Default())
	app.RunWhenOnBrowser()
}
