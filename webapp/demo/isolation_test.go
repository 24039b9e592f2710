//go:build e2e && !wasm

package main

import (
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Shops that isolate their pages (Cross-Origin-Embedder-Policy) or pin
// embed.js with Subresource Integrity get a working widget (issue 28).
func TestIsolatedShopPages(t *testing.T) {
	dir := siteDir(t)
	loader, err := os.ReadFile(filepath.Join(dir, "embed.js"))
	require.NoError(t, err)
	sum := sha512.Sum384(loader)
	pin := "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
	for _, tt := range []struct {
		name, coep, script string
		works              bool
	}{
		{"COEP require-corp", "require-corp", `async`, true},
		{"COEP credentialless", "credentialless", `async`, true},
		{"SRI", "", `integrity="` + pin + `" crossorigin="anonymous" async`, true},
		{"SRI with another hash", "", `integrity="sha384-` + base64.StdEncoding.EncodeToString(make([]byte, 48)) + `" crossorigin="anonymous" async`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := servePair(t, dir, func(widget string) http.Handler {
				page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>` + recorder +
					`<script src="` + widget + `/embed.js" data-lang="en" ` + tt.script + `></script></head><body><rma-check id="w"></rma-check></body></html>`
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if tt.coep != "" {
						w.Header().Set("Cross-Origin-Embedder-Policy", tt.coep)
						w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
					}
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
					fmt.Fprint(w, page)
				})
			}, true)
			ctx := newTab(t)
			require.NoError(t, navigate(ctx, p.shop.URL))
			if !tt.works {
				time.Sleep(2 * time.Second)
				loaded, err := eval[bool](ctx, `window.RMACheckEmbed !== undefined`)
				require.NoError(t, err)
				assert.False(t, loaded, "the browser refuses a loader that is not the pinned one")
				return
			}
			framed, err := eval[string](ctx, `new URL(document.querySelector("iframe").src).pathname`)
			require.NoError(t, err)
			if tt.coep != "" {
				isolated, err := eval[bool](ctx, `window.crossOriginIsolated`)
				require.NoError(t, err)
				assert.True(t, isolated, "the shop's page is isolated")
				assert.Equal(t, "/isolated", framed, "the page that sends COEP")
			} else {
				assert.Equal(t, "/", framed, "the page without COEP")
			}
			require.NoError(t, poll(ctx, `window.__events.some(function (e) { return e.type === "ready"; })`), "the widget runs in its frame")
			got := drive[string](t, ctx, divID(t, ctx, "w"), `await brand("HyperX", "hyperx"); await category("accessory"); await purchase("`+day(-3)+`");
				return await answerOf("micromedia-rma");`)
			assert.Contains(t, got, "HyperX")
		})
	}
}
