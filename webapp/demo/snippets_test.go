//go:build e2e && !wasm

package main

import (
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// htmlBlocks are the ```html blocks of a Markdown file, in order.
func htmlBlocks(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	var out []string
	for _, m := range regexp.MustCompile("(?s)```html\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
		out = append(out, m[1])
	}
	return out
}

// TestEmbedSnippetsRunAsPasted: the HTML a shop's developer pastes from
// README.md and docs/embedding.md, with the example widget host replaced
// by a served widget, gives a widget whose decision reaches the page's own
// code, with no error in the page.
func TestEmbedSnippetsRunAsPasted(t *testing.T) {
	readme := htmlBlocks(t, "../../README.md")
	embedding := htmlBlocks(t, "../../docs/embedding.md")
	require.Len(t, readme, 1, "README.md: the embed snippet")
	require.Len(t, embedding, 3, "docs/embedding.md: the embed snippet, an order's lines and the queue")
	queue := embedding[2]
	require.Contains(t, queue, "window.rmacheck")
	require.Contains(t, embedding[1], "<rma-item")
	script := regexp.MustCompile(`<script src="[^"]*/embed\.js"[^>]*></script>`).FindString(embedding[0])
	require.NotEmpty(t, script, "docs/embedding.md: the loader's script tag")
	for name, loader := range map[string]string{"README.md": readme[0], "docs/embedding.md": embedding[0], "docs/embedding.md, an order": script + embedding[1]} {
		t.Run(name, func(t *testing.T) {
			dir := siteDir(t)
			ctx := newTab(t)
			var mu sync.Mutex
			var thrown []string
			go func() {
				for ev, err := range chromedp.Events(ctx, runtime.ExceptionThrown) {
					if err != nil {
						return
					}
					mu.Lock()
					thrown = append(thrown, ev.ExceptionDetails.Text+" "+fmt.Sprint(ev.ExceptionDetails.Exception.Description))
					mu.Unlock()
				}
			}()
			p := servePair(t, dir, func(widget string) http.Handler {
				// The queue first: it is written to work before the loader runs.
				page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>` +
					strings.ReplaceAll(queue+loader, "https://rma-widget.example.com", widget) + `</body></html>`
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
					fmt.Fprint(w, page)
				})
			}, true)
			require.NoError(t, navigate(ctx, p.shop.URL))
			require.NoError(t, poll(ctx, `document.querySelector("rma-check[data-rmacheck-id], [data-rmacheck][data-rmacheck-id]") !== null`))
			id, err := eval[string](ctx, `document.querySelector("[data-rmacheck-id]").getAttribute("data-rmacheck-id")`)
			require.NoError(t, err)
			switch {
			case strings.Contains(loader, "<rma-item"):
				// An order (embedding.md): its lines listed, the HyperX one picked.
				drive[bool](t, ctx, id, `await wait(function () { return document.querySelectorAll(".rc-line").length === 3; }, "the order's lines");
					document.getElementById("rc-line-1").click();
					var proof = await wait(function () { return document.getElementById("rc-proof"); }, "the form");
					proof.checked = true; proof.dispatchEvent(new Event("change", {bubbles: true}));
					await headline(); return true;`)
			case strings.Contains(loader, `brand="HyperX"`):
				// Pre-filled from the order (README): no keystroke for the brand, the kind or the date.
				drive[bool](t, ctx, id, `await wait(function () { return document.getElementById("rc-brand").value === "HyperX" && document.getElementById("rc-category").value === "accessory"; }, "the order's facts");
					var proof = document.getElementById("rc-proof"); proof.checked = true; proof.dispatchEvent(new Event("change", {bubbles: true}));
					await headline(); return true;`)
			default:
				drive[bool](t, ctx, id, `await brand("HyperX", "hyperx"); await category("accessory"); await purchase("`+day(-10)+`");
					var proof = document.getElementById("rc-proof"); proof.checked = true; proof.dispatchEvent(new Event("change", {bubbles: true}));
					await headline(); return true;`)
			}
			require.NoError(t, poll(ctx, `document.getElementById("return-form").elements.brand.value === "hyperx"`), "the page's own code got the decision")
			cat, err := eval[string](ctx, `document.getElementById("return-form").elements.category.value`)
			require.NoError(t, err)
			assert.Equal(t, "accessory", cat)
			time.Sleep(200 * time.Millisecond)
			mu.Lock()
			defer mu.Unlock()
			assert.Empty(t, thrown, "no error in the page")
		})
	}
}
