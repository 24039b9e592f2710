//go:build e2e && !wasm

package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/micromedia/rmacheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestE2EBadFragment opens the widget on fragments with a bad %-escape:
// they are ignored like any invalid setting, and a claim goes through.
func TestE2EBadFragment(t *testing.T) {
	for i, frag := range []string{"#x=%", "#font=100%", "#%", "#lang=nl&x=%&id=bad3"} {
		t.Run(frag, func(t *testing.T) {
			// A new origin each: no draft stored by the previous one.
			tb := openTab(t, widgetServer(t, nil).URL+"/"+frag)
			tb.typeBrand("HyperX")
			tb.do(chromedp.KeyEvent(kb.Tab))
			tb.fill("accessory", daysAgo(40))
			tb.waitRoute("brand-direct")
			assert.False(t, anyContains(tb.console.all(), "panic"), "console: %v", tb.console.all())
			if i == 3 {
				assert.Equal(t, "#lang=nl&id=bad3", js[string](tb, `location.hash`), "the good settings stay")
				assert.Equal(t, "nl", js[string](tb, `document.documentElement.lang`))
			}
			// A bad fragment typed later does not stop the widget either.
			js[chromedp.Void](tb, `location.hash = "#x=%"`)
			tb.setField("rc-date", daysAgo(3))
			tb.waitRoute("micromedia-rma")
		})
	}
}

// TestE2ENoResizeObserver runs the widget in a frame of another site on a
// browser without ResizeObserver: it still posts its height and decisions.
func TestE2ENoResizeObserver(t *testing.T) {
	s, err := newServer(serverOptions{WebDir: "web", Brands: rmacheck.BrandsJSON()})
	require.NoError(t, err)
	js0, err := os.ReadFile(filepath.Join("web", "widget.js"))
	require.NoError(t, err)
	widget := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/widget.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Header().Set("Cache-Control", "no-store")
			fmt.Fprintf(w, "delete window.ResizeObserver;\n%s", js0)
			return
		}
		s.ServeHTTP(w, r)
	}))
	defer widget.Close()
	tb := openShop(t, func(parent string) string {
		return fmt.Sprintf(`<!doctype html><html lang="en"><title>Shop</title><body>
<script>window.msgs = []; addEventListener("message", e => window.msgs.push(e.data));</script>
<iframe id="w" title="Return check" style="width:600px;height:300px;border:0" src="%s/#lang=en&id=nro&parent=%s"></iframe></body></html>`,
			widget.URL, parent)
	})
	ft := frameTab(t, tb.ctx, widget.URL)
	require.Equal(t, "undefined", js[string](ft, `typeof ResizeObserver`))
	before := js[float64](tb, `Math.max(...window.msgs.filter(m => m.type === "height").map(m => m.height))`)
	ft.typeBrand("HyperX")
	ft.fill("accessory", daysAgo(3))
	ft.waitRoute("micromedia-rma")
	tb.waitJS(`window.msgs.some(m => m.type === "decision" && m.claim.eligible)`)
	tb.waitJS(fmt.Sprintf(`window.msgs.some(m => m.type === "height" && m.height > %v)`, before))
	assert.False(t, anyContains(ft.console.all(), "panic"), "console: %v", ft.console.all())
}
