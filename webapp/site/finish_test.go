//go:build !wasm

package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.P().ID("hello").Text("hello") }

// goappOutput writes what the webapp's -site flag writes: go-app's static
// output, web/ files and brands.json.
func goappOutput(t *testing.T, icon string, wasm []byte) string {
	t.Helper()
	app.Route("/", app.NewZeroComponentFactory(&hello{}))
	dir := t.TempDir()
	h := &app.Handler{Name: "Test", Icon: app.Icon{Default: icon}, Resources: identity{},
		RawHeaders: []string{`<link rel="preload" href="/web/app.wasm" as="fetch" crossorigin="anonymous">`}}
	require.NoError(t, app.GenerateStaticWebsite(dir, h))
	for name, body := range map[string][]byte{
		"web/app.wasm":    wasm,
		"web/app.wasm.gz": []byte("stale"),
		"web/embed.js":    []byte("old"),
		"web/icon.png":    []byte("PNG"),
		"brands.json":     []byte(`{}`),
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), body, 0o644))
	}
	return dir
}

type identity struct{}

func (identity) Resolve(p string) string { return p }

func TestFinish(t *testing.T) {
	if _, err := exec.LookPath("brotli"); err != nil {
		if os.Getenv("RMA_E2E") == "required" {
			t.Fatal("brotli not found and RMA_E2E=required")
		}
		t.Skip("brotli not found: skipping (apt-get install -y brotli)")
	}
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("go-app "), 1000)...)
	dir := goappOutput(t, "/web/icon.png", wasm)
	res, err := Finish(Options{Dir: dir, EmbedJS: []byte("/*embed*/"), Ancestors: []string{"https://shop.example"}})
	require.NoError(t, err)
	assert.Regexp(t, `^/web/app-[0-9a-f]{12}\.wasm$`, res.WasmPath)
	assert.Equal(t, int64(len(wasm)), res.Sizes["app.wasm"])
	assert.Less(t, res.Sizes["app.wasm.br"], res.Sizes["app.wasm"])
	assert.Less(t, res.Sizes["app.wasm.gz"], res.Sizes["app.wasm"])

	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		require.NoError(t, err, name)
		return string(b)
	}
	for _, tt := range []struct{ file, want string }{
		{"app.js", `"` + res.WasmPath + `"`},
		{"app-worker.js", `"` + res.WasmPath + `"`},
		{"index.html", `<link rel="preload" href="` + res.WasmPath + `"`},
		{"embed.js", "/*embed*/"},
		{"_headers", "frame-ancestors https://shop.example"},
		{"_headers", res.WasmPath + ".br\n  Content-Type: application/wasm"},
	} {
		assert.Contains(t, read(tt.file), tt.want, tt.file)
	}
	for _, f := range []string{"app.js", "app-worker.js"} {
		assert.NotContains(t, read(f), `"/web/app.wasm"`, f)
	}
	for _, gone := range []string{"web/app.wasm", "web/app.wasm.gz", "web/embed.js"} {
		assert.NoFileExists(t, filepath.Join(dir, gone))
	}
	assert.True(t, sameGzip(filepath.Join(dir, res.WasmPath+".gz"), wasm), "the stale .gz was made again")
	assert.True(t, sameBrotli("", filepath.Join(dir, res.WasmPath+".br"), wasm))
	hs, err := LoadHeaders(dir)
	require.NoError(t, err)
	assert.Equal(t, "br", hs.For(res.WasmPath+".br").Get("Content-Encoding"))
	assert.Equal(t, Immutable, hs.For(res.WasmPath).Get("Cache-Control"))
	assert.Equal(t, Immutable, hs.For(res.WasmPath+".br").Get("Cache-Control"))
	assert.Equal(t, Revalidate, hs.For("/web/icon.png").Get("Cache-Control"))
	assert.Equal(t, Loader, hs.For("/embed.js").Get("Cache-Control"))
	// Every file of the site gets its Cache-Control from exactly one rule
	// (a static host joins the values of several).
	files, err := sitePaths(dir)
	require.NoError(t, err)
	assert.Contains(t, files, "/web/icon.png")
	for _, f := range files {
		assert.Len(t, hs.Setters(f, "Cache-Control"), 1, f)
	}
}

func TestFinishErrors(t *testing.T) {
	wasm := []byte("\x00asm\x01\x00\x00\x00")
	tests := []struct {
		name  string
		setup func(dir string)
		icon  string
		want  string
	}{
		{"remote icon", nil, "", "raw.githubusercontent.com"},
		{"no brands.json", func(dir string) { os.Remove(filepath.Join(dir, "brands.json")) }, "/web/icon.png", "brands.json"},
		{"no wasm", func(dir string) { os.Remove(filepath.Join(dir, "web", "app.wasm")) }, "/web/icon.png", "web/app.wasm"},
		{"not wasm", func(dir string) { os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("<html>"), 0o644) }, "/web/icon.png", "not a WebAssembly module"},
		{"file name no rule can name", func(dir string) { os.WriteFile(filepath.Join(dir, "web", "a b.css"), []byte("x"), 0o644) }, "/web/icon.png", "/web/a b.css gets Cache-Control from 0 rules"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := goappOutput(t, tt.icon, wasm)
			if tt.setup != nil {
				tt.setup(dir)
			}
			_, err := Finish(Options{Dir: dir, EmbedJS: []byte("x"), Brotli: "true"})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
