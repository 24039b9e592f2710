// Command floor is the floor of the widget's start-up figures: a go-app
// program that renders one heading, built with the widget's flags and
// served in its place by make bench-web, so that the widget's start-up is
// reported beside what go-app alone costs on the same machine in the same
// run. It marks itself ready as the widget does (window.rmacheckReadyAt,
// data-rc-ready on <html>) once its heading is mounted.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type heading struct{ app.Compo }

func (h *heading) OnMount(ctx app.Context) {
	w := app.Window()
	w.Set("rmacheckReadyAt", w.Get("performance").Call("now"))
	w.Get("document").Get("documentElement").Call("setAttribute", "data-rc-ready", "1")
}

func (h *heading) Render() app.UI { return app.H1().Text("RMA Check") }

func main() {
	app.Route("/", func() app.Composer { return &heading{} })
	app.RunWhenOnBrowser()
}
