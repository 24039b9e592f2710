//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.P().ID("hello").Text("hello") }

func TestGenerate(t *testing.T) {
	if _, err := exec.LookPath("brotli"); err != nil {
		if os.Getenv("RMA_E2E") == "required" {
			t.Fatal("brotli not found and RMA_E2E=required")
		}
		t.Skip("brotli not found: skipping (apt-get install -y brotli)")
	}
	app.Route("/", app.NewZeroComponentFactory(&hello{}))
	tmp := t.TempDir()
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("go-app "), 1000)...)
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "app.wasm"), wasm, 0o644))
	web := filepath.Join(tmp, "web")
	require.NoError(t, os.MkdirAll(web, 0o755))
	for name, body := range map[string]string{"icon.png": "PNG", "widget.js": "//js", "app.wasm": "old", "embed.js": "old", ".hidden": "x"} {
		require.NoError(t, os.WriteFile(filepath.Join(web, name), []byte(body), 0o644))
	}
	mk := func(icon string) Options {
		return Options{
			Dir:       filepath.Join(tmp, "site"),
			Handler:   &app.Handler{Name: "Test", Icon: app.Icon{Default: icon}, Scripts: []string{"/web/widget.js"}},
			Wasm:      filepath.Join(tmp, "app.wasm"),
			Web:       web,
			EmbedJS:   []byte("/*embed*/"),
			Brands:    []byte(`{"guide":{}}`),
			Ancestors: []string{"https://shop.example"},
		}
	}

	res, err := Generate(mk("/web/icon.png"))
	require.NoError(t, err)
	dir := filepath.Join(tmp, "site")
	assert.Regexp(t, `^/web/app-[0-9a-f]{12}\.wasm$`, res.WasmPath)
	assert.Len(t, res.Version, 16)
	assert.Equal(t, int64(len(wasm)), res.Sizes["app.wasm"])
	assert.Less(t, res.Sizes["app.wasm.br"], res.Sizes["app.wasm"])

	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		require.NoError(t, err, name)
		return string(b)
	}
	for _, tt := range []struct{ file, want string }{
		{"index.html", `id="hello"`},
		{"app.js", res.WasmPath},
		{"app.js", `goappWasmContentLength = "` + strconv.Itoa(len(wasm)) + `"`}, // the uncompressed size
		{"app-worker.js", res.WasmPath},
		{"app-worker.js", res.Version},
		{"web/widget.js", "//js"},
		{"web/icon.png", "PNG"},
		{"embed.js", "/*embed*/"},
		{"brands.json", `{"guide":{}}`},
		{"_headers", "frame-ancestors https://shop.example"},
		{"_headers", res.WasmPath + ".br\n  Content-Type: application/wasm"},
	} {
		assert.Contains(t, read(tt.file), tt.want, tt.file)
	}
	for _, gone := range []string{"web/app.wasm", "web/embed.js", "web/.hidden"} {
		assert.NoFileExists(t, filepath.Join(dir, gone))
	}
	zr, err := gzip.NewReader(strings.NewReader(read(res.WasmPath[1:] + ".gz")))
	require.NoError(t, err)
	unzipped, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, wasm, unzipped)
	out, err := exec.Command("brotli", "-d", "-c", filepath.Join(dir, res.WasmPath[1:]+".br")).Output()
	require.NoError(t, err)
	assert.Equal(t, wasm, out)
	hs, err := LoadHeaders(dir)
	require.NoError(t, err)
	assert.Equal(t, "br", hs.For(res.WasmPath+".br").Get("Content-Encoding"))

	// go-app's default remote icons would break the offline cache.
	_, err = Generate(mk(""))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "raw.githubusercontent.com")
}
