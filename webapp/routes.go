// Command webapp is RMA Check's widget: a go-app v10 progressive web app
// that answers "can this product be returned?" from Micromedia's return
// guide, offline after the first visit. client.go (GOOS=js GOARCH=wasm) is
// the browser side; server.go (every other platform) serves it.
package main

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// route registers the widget's one page for guide g (err when the embedded
// guide failed to load, which the SDK's tests rule out). In the browser the
// page begins with b and what was typed before the wasm ran (early); the
// server renders it as the first visit sees it.
//
// The page is also at /isolated (site.IsolatedPage), which the server sends
// with Cross-Origin-Embedder-Policy for shop pages that isolate themselves.
func route(g *sdk.Guide, err error, b browser, early earlyInput) {
	page := func() app.Composer {
		if err != nil {
			return &brokenPage{err: err}
		}
		p := newCheckPage(g, sdk.DateFromTime(time.Now()))
		if app.IsClient {
			p.begin(b, jsStorage{"localStorage"}, jsStorage{"sessionStorage"}, early)
			p.held = p.view.Decision != nil
		}
		return p
	}
	app.Route("/", page)
	app.Route("/isolated", page)
}
