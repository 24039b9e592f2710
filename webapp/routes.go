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
// guide failed to load, which the SDK's tests rule out).
func route(g *sdk.Guide, err error) {
	app.Route("/", func() app.Composer {
		if err != nil {
			return &brokenPage{err: err}
		}
		return newCheckPage(g, sdk.DateFromTime(time.Now()))
	})
}

// brokenPage stands in when the embedded guide cannot load.
type brokenPage struct {
	app.Compo
	err error
}

func (b *brokenPage) OnMount(ctx app.Context) {
	app.Window().Get("console").Call("error", "rmacheck: embedded brands.json: "+b.err.Error())
}

func (*brokenPage) Render() app.UI {
	return app.Div().Class("rc").Body(
		app.P().Lang("fr").Text("RMA Check n'a pas pu charger ses données. Rechargez la page."),
		app.P().Lang("nl").Text("RMA Check kon zijn gegevens niet laden. Laad de pagina opnieuw."),
		app.P().Lang("en").Text("RMA Check could not load its data. Please reload the page."),
	)
}
