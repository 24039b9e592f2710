//go:build !wasm

package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/micromedia/rmacheck/webapp/site"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeWeb writes a web folder with a small app.wasm and its compressed
// copies (their content only needs to differ).
func fakeWeb(t *testing.T, br bool) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm raw wasm bytes"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.wasm.gz"), []byte("gzip bytes"), 0o644))
	if br {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "app.wasm.br"), []byte("br"), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "widget.css"), []byte(".rc{}"), 0o644))
	return dir
}

func get(t *testing.T, h http.Handler, path string, headers ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, r *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	return string(b)
}

func TestServerServesPrecompressedWasm(t *testing.T) {
	tests := []struct {
		name     string
		br       bool
		accept   string
		encoding string
		body     string
	}{
		{"brotli first", true, "gzip, deflate, br", "br", "br"},
		{"gzip when brotli is refused", true, "gzip, br;q=0", "gzip", "gzip bytes"},
		{"gzip when no .br file", false, "br, gzip", "gzip", "gzip bytes"},
		{"identity", true, "", "", "\x00asm raw wasm bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := newServer(serverOptions{WebDir: fakeWeb(t, tt.br), Brands: []byte(`{}`)})
			require.NoError(t, err)
			r := get(t, s, "/web/app.wasm", "Accept-Encoding", tt.accept)
			assert.Equal(t, http.StatusOK, r.StatusCode)
			assert.Equal(t, "application/wasm", r.Header.Get("Content-Type"))
			assert.Equal(t, "Accept-Encoding", r.Header.Get("Vary"))
			assert.Equal(t, tt.encoding, r.Header.Get("Content-Encoding"))
			assert.Equal(t, tt.body, body(t, r))
		})
	}
}

func TestServerVersionAndLoader(t *testing.T) {
	web := fakeWeb(t, true)
	a, err := newServer(serverOptions{WebDir: web, Brands: []byte(`{"a":1}`)})
	require.NoError(t, err)
	b, err := newServer(serverOptions{WebDir: web, Brands: []byte(`{"a":1}`)})
	require.NoError(t, err)
	c, err := newServer(serverOptions{WebDir: web, Brands: []byte(`{"a":2}`)})
	require.NoError(t, err)
	assert.Equal(t, a.app.Version, b.app.Version, "same content, same version across restarts")
	assert.NotEqual(t, a.app.Version, c.app.Version, "new data, new version")

	js := body(t, get(t, a, "/app.js"))
	assert.Contains(t, js, `"19"`, "WasmContentLength is the uncompressed size")
	worker := body(t, get(t, a, "/app-worker.js"))
	assert.Contains(t, worker, `"/brands.json"`)
	assert.Contains(t, worker, `"/web/icon.png"`)
	assert.NotContains(t, worker, "githubusercontent", "no remote icons: they break the offline cache")
	assert.NotContains(t, worker, "http", "everything precached is local")
}

func TestServerBrandsJSON(t *testing.T) {
	s, err := newServer(serverOptions{WebDir: fakeWeb(t, false), Brands: []byte(`{"guide":1}`), FrameAncestors: "https://shop.example"})
	require.NoError(t, err)
	r := get(t, s, "/brands.json?fresh=123")
	assert.Equal(t, http.StatusOK, r.StatusCode)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.Equal(t, site.CSP("https://shop.example"), r.Header.Get("Content-Security-Policy"))
	assert.Equal(t, site.Permissions, r.Header.Get("Permissions-Policy"))
	assert.Equal(t, `{"guide":1}`, body(t, r))
	again := get(t, s, "/brands.json", "If-None-Match", r.Header.Get("ETag"))
	assert.Equal(t, http.StatusNotModified, again.StatusCode)
}

func TestServerWithoutWasm(t *testing.T) {
	_, err := newServer(serverOptions{WebDir: t.TempDir()})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "make webapp-wasm"), err.Error())
}

func TestAcceptedEncodings(t *testing.T) {
	assert.Equal(t, map[string]bool{"br": true, "gzip": false, "deflate": true}, acceptedEncodings("br;q=1.0, gzip;q=0, deflate"))
	assert.Empty(t, acceptedEncodings(""))
}

func TestWriteSite(t *testing.T) {
	route(testGuide(t), nil, noBrowser{}, earlyInput{})
	s, err := newServer(serverOptions{WebDir: fakeWeb(t, true), Brands: []byte(`{"guide":"x"}`)})
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, s.writeSite(dir))
	for _, name := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "app.css",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/widget.css", "brands.json"} {
		_, err := os.Stat(filepath.Join(dir, name))
		assert.NoError(t, err, name)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(index), `id="rc-brand"`, "the page is pre-rendered")
	brands, err := os.ReadFile(filepath.Join(dir, "brands.json"))
	require.NoError(t, err)
	assert.Equal(t, `{"guide":"x"}`, string(brands))
}

// TestServerVersionCoversTheWebFolder: the service worker serves every file
// of /web/ cache-first under the version, so a change to any of them (not
// only app.wasm) must give a new version; the compressed copies follow
// app.wasm and do not count.
func TestServerVersionCoversTheWebFolder(t *testing.T) {
	version := func(web string) string {
		t.Helper()
		s, err := newServer(serverOptions{WebDir: web, Brands: []byte(`{"a":1}`)})
		require.NoError(t, err)
		return s.app.Version
	}
	tests := []struct {
		name   string
		change func(dir string) error
		same   bool
	}{
		{"nothing", func(string) error { return nil }, true},
		{"widget.css", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "widget.css"), []byte(".rc{color:red}"), 0o644)
		}, false},
		{"widget.js", func(dir string) error { return os.WriteFile(filepath.Join(dir, "widget.js"), []byte("// v2"), 0o644) }, false},
		{"new icon", func(dir string) error { return os.WriteFile(filepath.Join(dir, "icon.svg"), []byte("<svg/>"), 0o644) }, false},
		{"renamed file", func(dir string) error {
			return os.Rename(filepath.Join(dir, "widget.js"), filepath.Join(dir, "other.js"))
		}, false},
		{"file in a subfolder", func(dir string) error {
			if err := os.Mkdir(filepath.Join(dir, "fonts"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "fonts", "a.woff2"), []byte("font"), 0o644)
		}, false},
		{"app.wasm", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm v2"), 0o644)
		}, false},
		{"compressed copies only", func(dir string) error {
			if err := os.WriteFile(filepath.Join(dir, "app.wasm.gz"), []byte("other gzip"), 0o644); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "app.wasm.br"), []byte("other br"), 0o644)
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			web := fakeWeb(t, true)
			require.NoError(t, os.WriteFile(filepath.Join(web, "widget.js"), []byte("// v1"), 0o644))
			before := version(web)
			require.NoError(t, tt.change(web))
			if tt.same {
				assert.Equal(t, before, version(web))
			} else {
				assert.NotEqual(t, before, version(web))
			}
		})
	}
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		frame   string
		wantErr string
	}{
		{name: "default: only the widget's own origin frames it", frame: "'self'"},
		{name: "shops named", args: []string{"-frame-ancestors", "'self' https://shop.example"}, frame: "'self' https://shop.example"},
		{name: "any site, said so", args: []string{"-frame-ancestors", "*"}, frame: "*"},
		{name: "empty", args: []string{"-frame-ancestors", " "}, wantErr: "-frame-ancestors: empty"},
		{name: "a second directive", args: []string{"-frame-ancestors", "'self'; script-src *"}, wantErr: "holds a separator"},
		{name: "stray argument", args: []string{"serve"}, wantErr: `unexpected argument "serve"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parseFlags(tt.args)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.frame, f.frame)
			s, err := newServer(serverOptions{WebDir: fakeWeb(t, false), Brands: []byte(`{}`), FrameAncestors: f.frame})
			require.NoError(t, err)
			r := httptest.NewRecorder()
			s.ServeHTTP(r, httptest.NewRequest("GET", "/brands.json", nil))
			assert.Equal(t, site.CSP(tt.frame), r.Header().Get("Content-Security-Policy"))
		})
	}
}

// TestServerPageBeforeTheWasm: the page holds the real form in English with
// a datalist of brand names and aliases, a progress line, the decision's
// live region, the early answer's table and script, a preload of the wasm,
// and the same page in French and Dutch for widget.js to pick from.
func TestServerPageBeforeTheWasm(t *testing.T) {
	route(testGuide(t), nil, noBrowser{}, earlyInput{})
	s, err := newServer(serverOptions{WebDir: fakeWeb(t, false), Brands: []byte(`{}`)})
	require.NoError(t, err)
	page := body(t, get(t, s, "/"))
	// The early answer's table and script first, the wasm after them.
	early := strings.Index(page, `<link rel="preload" href="/web/early.json" as="fetch" type="application/json" crossorigin="anonymous" fetchpriority="high">`)
	script := strings.Index(page, `<script async src="/web/early.js"></script>`)
	wasm := strings.Index(page, `<link rel="preload" href="/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" fetchpriority="low">`)
	assert.True(t, early >= 0 && script > early && wasm > script, "preloads in order: early.json %d, early.js %d, app.wasm %d", early, script, wasm)
	assert.Contains(t, page, `list="rc-brand-names"`)
	names, ok := element(page, "datalist", `id="rc-brand-names"`)
	if assert.True(t, ok, "a datalist of brands") {
		assert.Contains(t, names, `value="HyperX"`)
		assert.Contains(t, names, `value="PlayStation"`, "aliases too")
		assert.Equal(t, 1, strings.Count(names, `value="HyperX"`), "each name once")
	}
	assert.Equal(t, 1, strings.Count(page, `<datalist`), "one datalist: the templates go without")
	assert.Contains(t, page, `Preparing the answer…`)
	assert.Contains(t, page, `id="rc-live" aria-live="polite"`)
	for _, tt := range []struct{ lang, label, progress string }{
		{"fr", "Marque", "Préparation de la réponse…"},
		{"nl", "Merk", "Het antwoord wordt voorbereid…"},
	} {
		tpl, ok := element(page, "template", `id="rc-page-`+tt.lang+`"`)
		if assert.True(t, ok, tt.lang) {
			assert.Contains(t, tpl, `id="rc-root"`)
			assert.Contains(t, tpl, ">"+tt.label+"<")
			assert.Contains(t, tpl, tt.progress)
		}
	}
}

// TestServerPageHasNoFalseBooleans: in HTML, checked="false" ticks a box
// and selected="false" selects an option; the page the server sends is
// used before the wasm runs.
func TestServerPageHasNoFalseBooleans(t *testing.T) {
	route(testGuide(t), nil, noBrowser{}, earlyInput{})
	s, err := newServer(serverOptions{WebDir: fakeWeb(t, false), Brands: []byte(`{}`)})
	require.NoError(t, err)
	page := body(t, get(t, s, "/"))
	for _, attr := range []string{"checked", "selected", "required", "disabled", "hidden", "readonly", "multiple"} {
		assert.NotContains(t, page, " "+attr+`="false"`)
	}
}

// TestServerGzipsThePage: the page is gzipped for browsers that accept it.
func TestServerGzipsThePage(t *testing.T) {
	route(testGuide(t), nil, noBrowser{}, earlyInput{})
	s, err := newServer(serverOptions{WebDir: fakeWeb(t, false), Brands: []byte(`{}`), FrameAncestors: "'self'"})
	require.NoError(t, err)
	plain := httptest.NewRecorder()
	s.ServeHTTP(plain, httptest.NewRequest("GET", "/", nil))
	require.Equal(t, 200, plain.Code)
	assert.Empty(t, plain.Header().Get("Content-Encoding"))

	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	r := httptest.NewRecorder()
	s.ServeHTTP(r, req)
	require.Equal(t, 200, r.Code)
	assert.Equal(t, "gzip", r.Header().Get("Content-Encoding"))
	assert.Contains(t, r.Header().Values("Vary"), "Accept-Encoding")
	assert.Equal(t, site.CSP("'self'"), r.Header().Get("Content-Security-Policy"))
	assert.Equal(t, strconv.Itoa(r.Body.Len()), r.Header().Get("Content-Length"))
	zr, err := gzip.NewReader(r.Body)
	require.NoError(t, err)
	page, err := io.ReadAll(zr)
	require.NoError(t, err)
	// The same page (go-app writes attributes in no fixed order).
	assert.Equal(t, plain.Body.Len(), len(page))
	assert.Contains(t, string(page), `id="rc-root"`)
	assert.Less(t, r.Body.Len(), len(page)/3)
}

// TestServerCompressesText: make run sends text gzipped to a browser that
// takes it, as a static host would (Lighthouse counted about 37 KB of
// wasm_exec.js, widget.css, embed.js, app.js and widget.js sent plain), and
// plain to one that does not; the wasm keeps its precompressed copies.
func TestServerCompressesText(t *testing.T) {
	web := fakeWeb(t, true)
	script := strings.Repeat("window.rmacheck = window.rmacheck || {};\n", 50)
	require.NoError(t, os.WriteFile(filepath.Join(web, "widget.js"), []byte(script), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(web, "embed.js"), []byte(script), 0o644))
	style := strings.Repeat(".rc { color: red; }\n", 50)
	require.NoError(t, os.WriteFile(filepath.Join(web, "widget.css"), []byte(style), 0o644))
	brands := []byte(`{"guide":` + strings.Repeat(`"x",`, 100) + `1}`)
	s, err := newServer(serverOptions{WebDir: web, Brands: brands})
	require.NoError(t, err)
	tests := []struct {
		path, want, contentType string
	}{
		{"/web/widget.js", script, "javascript"},
		{"/embed.js", script, "javascript"},
		{"/web/widget.css", style, "text/css"},
		{"/brands.json", string(brands), "application/json"},
		{"/", "<!doctype html>", "text/html"},
		{"/isolated", "<!doctype html>", "text/html"},
		{"/app.js", "goappInitWebAssembly", "javascript"},
		{"/wasm_exec.js", "Go", "javascript"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := get(t, s, tt.path, "Accept-Encoding", "gzip, deflate, br")
			require.Equal(t, http.StatusOK, r.StatusCode)
			assert.Contains(t, r.Header.Get("Content-Type"), tt.contentType)
			assert.Equal(t, "gzip", r.Header.Get("Content-Encoding"))
			assert.Contains(t, r.Header.Values("Vary"), "Accept-Encoding")
			// The cache rules of docs/hosting.md: files that keep their name revalidate.
			cache := site.Revalidate
			if tt.path == "/embed.js" {
				cache = site.Loader
			}
			assert.Equal(t, cache, r.Header.Get("Cache-Control"))
			// Shops that isolate their pages, or pin embed.js with SRI (issue 28).
			assert.Equal(t, "cross-origin", r.Header.Get("Cross-Origin-Resource-Policy"))
			// COEP only on the page for isolated shop pages: it slows the
			// first visit of every other (docs/performance.md).
			if tt.path == "/isolated" {
				assert.Equal(t, "require-corp", r.Header.Get("Cross-Origin-Embedder-Policy"))
			} else {
				assert.Empty(t, r.Header.Get("Cross-Origin-Embedder-Policy"))
			}
			if tt.path == "/embed.js" {
				assert.Equal(t, "*", r.Header.Get("Access-Control-Allow-Origin"))
			} else {
				assert.Empty(t, r.Header.Get("Access-Control-Allow-Origin"))
			}
			zr, err := gzip.NewReader(r.Body)
			require.NoError(t, err)
			plain, err := io.ReadAll(zr)
			require.NoError(t, err)
			assert.Contains(t, string(plain), tt.want)
			n, err := strconv.Atoi(r.Header.Get("Content-Length"))
			require.NoError(t, err)
			assert.Less(t, n, len(plain), "smaller than the text")

			r = get(t, s, tt.path)
			assert.Empty(t, r.Header.Get("Content-Encoding"), "plain without Accept-Encoding")
			assert.Contains(t, body(t, r), tt.want)
		})
	}
	r := get(t, s, "/web/app.wasm", "Accept-Encoding", "gzip, br")
	assert.Equal(t, "br", r.Header.Get("Content-Encoding"))
	assert.Equal(t, "br", body(t, r))
	// Below a few hundred bytes, gzip's header costs more than it saves.
	require.NoError(t, os.WriteFile(filepath.Join(web, "tiny.css"), []byte(".rc{}"), 0o644))
	r = get(t, s, "/web/tiny.css", "Accept-Encoding", "gzip")
	assert.Empty(t, r.Header.Get("Content-Encoding"))
	assert.Equal(t, ".rc{}", body(t, r))
}
