//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/", true},
		{"/", "/index.html", false},
		{"/*", "/", true},
		{"/*", "/web/app.wasm", true},
		{"/web/*", "/web/app.wasm", true},
		{"/web/*", "/web", false},
		{"/web/*.wasm", "/web/app-1.wasm", true},
		{"/web/*.wasm", "/web/app-1.wasm.br", false},
		{"/brands.json", "/brands.json", true},
		{"/brands.json", "/brands.json.br", false},
		{"/a*b*c", "/aXbYc", true},
		{"/a*b*c", "/aXcYb", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, match(tt.pattern, tt.path), "%s ~ %s", tt.pattern, tt.path)
	}
}

func TestParseHeaders(t *testing.T) {
	tests := []struct {
		name, in string
		want     Headers
		err      string
	}{
		{
			name: "rules and comments",
			in:   "# c\n/*\n  X-A: 1\n\n/web/app.wasm\n\tContent-Type: application/wasm\n  Cache-Control: public, max-age=1\n",
			want: Headers{
				{Pattern: "/*", Header: []Field{{"X-A", "1"}}},
				{Pattern: "/web/app.wasm", Header: []Field{{"Content-Type", "application/wasm"}, {"Cache-Control", "public, max-age=1"}}},
			},
		},
		{name: "header first", in: "  X-A: 1\n", err: "line 1: header"},
		{name: "no colon", in: "/\n  X-A 1\n", err: "line 2:"},
		{name: "bad name", in: "/\n  X A: 1\n", err: "line 2:"},
		{name: "pattern without slash", in: "web/*\n", err: "line 1: path pattern"},
		{name: "control character", in: "/\n  X-A: a\x01b\n", err: "line 2: header X-A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseHeaders(strings.NewReader(tt.in))
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestHeadersRoundTripAndFor(t *testing.T) {
	files := []string{"/", "/index.html", "/app.js", "/brands.json", "/embed.js", "/web/app-abc.wasm", "/web/app-abc.wasm.br",
		"/web/icon.png", "/web/widget.css", "/web/widget.js", "/web/fonts/a b.woff2"}
	hs := DefaultHeaders("/web/app-abc.wasm", []string{"https://shop.example", "http://127.0.0.1:8001"}, files...)
	var buf bytes.Buffer
	require.NoError(t, hs.WriteTo(&buf, "generated"))
	back, err := ParseHeaders(&buf)
	require.NoError(t, err)
	assert.Equal(t, hs, back)

	tests := []struct {
		path, header, want string
	}{
		{"/", "Cache-Control", "no-cache"},
		{"/", "Content-Security-Policy", CSP("https://shop.example http://127.0.0.1:8001")},
		{"/", "Permissions-Policy", Permissions},
		{"/app-worker.js", "Cache-Control", "no-cache"},
		{"/brands.json", "Cache-Control", "no-cache"},
		{"/brands.json", "Content-Type", "application/json"},
		{"/web/app-abc.wasm", "Cache-Control", Immutable},
		{"/web/app-abc.wasm", "Content-Type", "application/wasm"},
		{"/web/app-abc.wasm", "Content-Encoding", ""},
		{"/web/app-abc.wasm.br", "Content-Encoding", "br"},
		{"/web/app-abc.wasm.gz", "Content-Encoding", "gzip"},
		{"/web/app-abc.wasm.gz", "Vary", "Accept-Encoding"},
		{"/web/icon.png", "Cache-Control", "no-cache"},
		{"/web/widget.css", "Cache-Control", "no-cache"},
		{"/web/widget.css", "Content-Security-Policy", CSP("https://shop.example http://127.0.0.1:8001")},
		{"/web/widget.js", "Cache-Control", "no-cache"},
		{"/web/widget.js", "X-Content-Type-Options", "nosniff"},
		{"/embed.js", "Cache-Control", Loader},
		// Shops that isolate their pages, or pin embed.js with SRI (issue 28).
		{"/embed.js", "Access-Control-Allow-Origin", "*"},
		{"/embed.js", "Cross-Origin-Resource-Policy", "cross-origin"},
		{"/", "Cross-Origin-Resource-Policy", "cross-origin"},
		{"/", "Cross-Origin-Embedder-Policy", ""},
		{"/isolated", "Cross-Origin-Embedder-Policy", "require-corp"},
		{"/isolated", "Content-Type", "text/html; charset=utf-8"},
		{"/web/app-abc.wasm.br", "Cross-Origin-Embedder-Policy", ""},
		{"/web/app-abc.wasm.br", "Cross-Origin-Resource-Policy", "cross-origin"},
		{"/", "Access-Control-Allow-Origin", ""},
		{"/web/fonts/a b.woff2", "Cache-Control", ""}, // no rule can name it (Finish refuses such a site)
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, back.For(tt.path).Get(tt.header), "%s %s", tt.path, tt.header)
	}
	// Static hosts join the values of a header that two matching rules
	// set: Cache-Control comes from one rule per file, never from /*.
	assert.Empty(t, back.Setters("/any/thing", "Cache-Control"), "no Cache-Control for every path")
	for _, f := range files[:len(files)-1] {
		assert.Len(t, back.Setters(f, "Cache-Control"), 1, f)
		assert.Len(t, back.Setters(f, "Content-Security-Policy"), 1, f)
	}
}

// TestHeadersJoinLikeStaticHosts: every matching rule applies, and a header
// set twice gets its values joined with a comma (Netlify, Cloudflare Pages).
func TestHeadersJoinLikeStaticHosts(t *testing.T) {
	hs, err := ParseHeaders(strings.NewReader("/*\n  Cache-Control: no-cache\n  X-A: 1\n/web/*\n  Cache-Control: public, max-age=60\n/web/a.wasm\n  X-B: 2\n"))
	require.NoError(t, err)
	h := hs.For("/web/a.wasm")
	assert.Equal(t, "no-cache, public, max-age=60", h.Get("Cache-Control"))
	assert.Equal(t, []string{"no-cache, public, max-age=60"}, h.Values("Cache-Control"), "one joined value")
	assert.Equal(t, "1", h.Get("X-A"))
	assert.Equal(t, "2", h.Get("X-B"))
	assert.Equal(t, []string{"/*", "/web/*"}, hs.Setters("/web/a.wasm", "cache-control"))
	assert.Equal(t, "no-cache", hs.For("/index.html").Get("Cache-Control"))
}

func TestParseAncestors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  bool
	}{
		{"", []string{"'none'"}, false},
		{"https://shop.example  http://127.0.0.1:8001", []string{"https://shop.example", "http://127.0.0.1:8001"}, false},
		{"'self' https://*.shop.example https://b.example:*", []string{"'self'", "https://*.shop.example", "https://b.example:*"}, false},
		{"https://shop.example/path", nil, true},
		{"https://shop.example;script-src", nil, true},
		{"javascript:alert(1)", nil, true},
		{"*", nil, true},
		{"'none' https://a.example", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseAncestors(tt.in)
		if tt.err {
			require.Error(t, err, tt.in)
			assert.Contains(t, err.Error(), "frame-ancestors")
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got)
	}
}

func TestFileServer(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("WASM"))
	zw.Close()
	write("index.html", "<p>hi</p>")
	write("web/app-abc.wasm", "WASM")
	write("web/app-abc.wasm.gz", gz.String())
	write("web/app-abc.wasm.br", "BROTLI")
	write("brands.json", "{}")
	write(".secret", "no")
	write("_headers", "no")
	write("web/icon.png", "PNG")
	early := `{"names":[` + strings.Repeat(`["HyperX",0],`, 60) + `["x",1]]}` // text over minCompress
	write("web/early.json", early)
	hs := DefaultHeaders("/web/app-abc.wasm", []string{"https://shop.example"}, "/", "/index.html", "/brands.json", "/web/icon.png",
		"/web/app-abc.wasm", "/web/app-abc.wasm.gz", "/web/app-abc.wasm.br", "/web/early.json")
	srv := httptest.NewServer(FileServer(dir, hs))
	defer srv.Close()

	tests := []struct {
		name, path, accept string
		status             int
		body               string
		headers            map[string]string
	}{
		{"index", "/", "", 200, "<p>hi</p>", map[string]string{
			"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache",
			"Content-Security-Policy": CSP("https://shop.example")}},
		{"wasm plain", "/web/app-abc.wasm", "identity", 200, "WASM", map[string]string{
			"Content-Type": "application/wasm", "Content-Encoding": "", "Cache-Control": Immutable}},
		{"wasm br first", "/web/app-abc.wasm", "gzip, deflate, br", 200, "BROTLI", map[string]string{
			"Content-Type": "application/wasm", "Content-Encoding": "br", "Vary": "Accept-Encoding"}},
		{"wasm gzip", "/web/app-abc.wasm", "gzip", 200, gz.String(), map[string]string{
			"Content-Type": "application/wasm", "Content-Encoding": "gzip"}},
		{"br refused", "/web/app-abc.wasm", "br;q=0, gzip", 200, gz.String(), map[string]string{"Content-Encoding": "gzip"}},
		{"json", "/brands.json", "", 200, "{}", map[string]string{"Content-Type": "application/json", "Cache-Control": "no-cache"}},
		{"icon", "/web/icon.png", "", 200, "PNG", map[string]string{"Content-Type": "image/png", "Cache-Control": "no-cache",
			"Content-Security-Policy": CSP("https://shop.example")}},
		{"text gzipped on the fly", "/web/early.json", "gzip, br", 200, gzipped(t, early), map[string]string{
			"Content-Type": "application/json", "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}},
		{"text plain", "/web/early.json", "identity", 200, early, map[string]string{"Content-Type": "application/json", "Content-Encoding": ""}},
		{"small text plain", "/brands.json", "gzip", 200, "{}", map[string]string{"Content-Encoding": ""}},
		{"missing", "/nope.js", "", 404, "", nil},
		{"dot file", "/.secret", "", 404, "", nil},
		{"headers file", "/_headers", "", 404, "", nil},
		{"escape", "/../site_test.go", "", 404, "", nil},
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", srv.URL+tt.path, nil)
			require.NoError(t, err)
			req.Header.Set("Accept-Encoding", tt.accept)
			res, err := client.Do(req)
			require.NoError(t, err)
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			require.Equal(t, tt.status, res.StatusCode)
			if tt.status != 200 {
				return
			}
			assert.Equal(t, tt.body, string(body))
			for k, v := range tt.headers {
				assert.Equal(t, v, res.Header.Get(k), k)
			}
			if strings.HasPrefix(tt.path, "/web/app-abc.wasm") {
				assert.Equal(t, []string{"Accept-Encoding"}, res.Header.Values("Vary"), "Vary once, also for the plain file")
			}
		})
	}
}

// gzipped is s as the file server gzips it on the fly.
func gzipped(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.String()
}
