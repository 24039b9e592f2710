package main

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/sdk"
)

// newerGuide decides whether data fetched from the widget's origin replaces
// the embedded guide: only when it passes the schema and the lint and is at
// least as new. The reason is for the console, never for the user.
func newerGuide(data []byte, current *sdk.Guide) (*sdk.Guide, string) {
	if len(data) == 0 || brandsfile.IsEmbedded(data) {
		return nil, ""
	}
	g, err := sdk.LoadBytes(data)
	if err != nil {
		var de *sdk.DataError
		if errors.As(err, &de) && len(de.Problems) > 0 {
			p := de.Problems[0]
			ptr := p.Pointer
			if ptr == "" {
				ptr = "/"
			}
			return nil, "rmacheck: /brands.json ignored, keeping the embedded guide: " + ptr + ": " + p.Message
		}
		return nil, "rmacheck: /brands.json ignored, keeping the embedded guide: " + err.Error()
	}
	if g.Date().Before(current.Date()) {
		return nil, "rmacheck: /brands.json ignored, keeping the embedded guide: /guide/date: " + g.Date().String() + " is older than " + current.Date().String()
	}
	return g, ""
}

// updateGuide fetches /brands.json from the widget's own origin (the
// network first, then the service worker's cache) and calls use with the
// new guide when newerGuide accepts it. An accepted guide also goes into
// the service worker's cache, which otherwise keeps the copy it took when
// it was installed (a static site can publish a new brands.json without a
// new version of the app).
func updateGuide(ctx app.Context, current *sdk.Guide, use func(*sdk.Guide)) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	helpers := w.Get("rmacheck")
	if helpers.Type() != app.TypeObject {
		return
	}
	helpers.Call("fetchGuide").Then(func(v app.Value) {
		// CopyBytesToGo panics on anything but a Uint8Array.
		if v.Type() != app.TypeObject || !v.InstanceOf(w.Get("Uint8Array")) {
			return
		}
		data := make([]byte, v.Get("length").Int())
		app.CopyBytesToGo(data, v)
		ctx.Async(func() {
			g, reason := newerGuide(data, current)
			if reason != "" {
				app.Window().Get("console").Call("warn", reason)
			}
			if g != nil {
				use(g)
				if helpers.Get("storeGuide").Type() == app.TypeFunction {
					helpers.Call("storeGuide", v)
				}
			}
		})
	})
}
