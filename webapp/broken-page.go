package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

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
