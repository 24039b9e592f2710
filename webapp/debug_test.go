//go:build e2e && !wasm

package main

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestDebug(t *testing.T) {
	ts := widgetServer(t, nil)
	ctx, cancel := chromedp.NewContext(sharedBrowser(t))
	defer cancel()
	tb := &tab{t: t, ctx: ctx}
	tb.console = recordConsole(t, ctx)
	tb.do(chromedp.Navigate(ts.URL + "/#lang=en"))
	time.Sleep(8 * time.Second)
	t.Log(js[string](tb, `document.documentElement.outerHTML.slice(0, 3000)`))
	t.Log(js[string](tb, `document.body.innerHTML.slice(0, 3000)`))
	tb.screenshot("/tmp/shots/debug.png")
	t.Fail()
}
