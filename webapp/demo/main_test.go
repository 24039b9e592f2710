//go:build !wasm

package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShopServesWhatItsPageAsks: every file the demo shop's page links is
// served (a missing favicon logs a 404 in the shop page's console).
func TestShopServesWhatItsPageAsks(t *testing.T) {
	h, err := shopHandler("http://127.0.0.1:8000")
	require.NoError(t, err)
	get := func(path string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		return w
	}
	page := get("/").Body.String()
	for _, tt := range []struct{ link, path, contentType string }{
		{`<link rel="stylesheet" href="shop.css">`, "/shop.css", "text/css"},
		{`<script src="shop.js" defer>`, "/shop.js", "javascript"},
		{`<link rel="icon" href="favicon.svg" type="image/svg+xml">`, "/favicon.svg", "image/svg+xml"},
	} {
		assert.Contains(t, page, tt.link)
		w := get(tt.path)
		assert.Equal(t, http.StatusOK, w.Code, tt.path)
		assert.True(t, strings.Contains(w.Header().Get("Content-Type"), tt.contentType), "%s: %s", tt.path, w.Header().Get("Content-Type"))
	}
}
