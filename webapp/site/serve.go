//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// HeadersFile is the name of the headers file in a site folder.
const HeadersFile = "_headers"

// FileServer serves the static site in dir the way a static host
// configured from its _headers file would: the headers of every matching
// rule (joined like Netlify and Cloudflare Pages join them), and a
// precompressed `.br` or `.gz` twin of a file when the client accepts that
// encoding (what nginx's brotli_static and gzip_static do), else text
// gzipped on the fly (nginx's gzip on, and what hosts do). The headers for
// the twin's own path (for example /web/app.wasm.br) replace those of the
// requested path, so they set Content-Encoding. The _headers file itself
// and dot files are not served.
func FileServer(dir string, hs Headers) http.Handler {
	return &fileServer{dir: dir, headers: hs}
}

// LoadHeaders reads dir/_headers.
func LoadHeaders(dir string) (Headers, error) {
	f, err := os.Open(filepath.Join(dir, HeadersFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseHeaders(f)
}

type fileServer struct {
	dir     string
	headers Headers
}

func (s *fileServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	name := p
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(p, "index.html")
	}
	if strings.Contains(name, "/.") || name == "/"+HeadersFile {
		http.NotFound(w, r)
		return
	}
	f, info, err := s.open(name)
	if err != nil && path.Ext(name) == "" {
		// Pretty URLs, as Netlify and Cloudflare Pages serve go-app's
		// pages: /isolated from isolated.html.
		name += ".html"
		f, info, err = s.open(name)
	}
	if err != nil {
		http.NotFound(w, r)
		return
	}
	served := name
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !accepts(r.Header.Get("Accept-Encoding"), enc.token) {
			continue
		}
		if cf, ci, err := s.open(name + enc.ext); err == nil {
			f.Close()
			f, info, served = cf, ci, name+enc.ext
			break
		}
	}
	defer f.Close()

	h := w.Header()
	for _, q := range []string{p, name, served} {
		for k, v := range s.headers.For(q) {
			h[k] = v
		}
	}
	if served != name || s.hasTwin(name) {
		// Caches must keep the encodings apart.
		if !strings.Contains(strings.ToLower(strings.Join(h.Values("Vary"), ",")), "accept-encoding") {
			h.Add("Vary", "Accept-Encoding")
		}
	}
	if h.Get("Content-Type") == "" {
		if t := mime.TypeByExtension(path.Ext(name)); t != "" {
			h.Set("Content-Type", t)
		}
	}
	etag := fmt.Sprintf(`"%x-%x-%s`, info.ModTime().UnixNano(), info.Size(), strings.TrimPrefix(path.Ext(served), "."))
	if served == name && info.Size() >= minCompress && compressible(h.Get("Content-Type")) && r.Header.Get("Range") == "" && accepts(r.Header.Get("Accept-Encoding"), "gzip") {
		// Text without a twin goes out gzipped, as static hosts and the
		// nginx of docs/hosting.md (gzip on) send it: the page, scripts,
		// styles and JSON (web/early.json is 262 KB, 30 KB gzipped).
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if _, err := io.Copy(zw, f); err == nil && zw.Close() == nil {
			h.Set("Content-Encoding", "gzip")
			if !strings.Contains(strings.ToLower(strings.Join(h.Values("Vary"), ",")), "accept-encoding") {
				h.Add("Vary", "Accept-Encoding")
			}
			h.Set("ETag", etag+`-gzip"`)
			http.ServeContent(w, r, "", info.ModTime(), bytes.NewReader(buf.Bytes()))
			return
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			http.Error(w, "read error", http.StatusInternalServerError)
			return
		}
	}
	h.Set("ETag", etag+`"`)
	http.ServeContent(w, r, "", info.ModTime(), f)
}

// minCompress is the smallest text worth compressing on the fly.
const minCompress = 256

// compressible reports whether a response of this content type is text
// that hosts compress on the fly.
func compressible(contentType string) bool {
	ct := strings.ToLower(contentType)
	for _, p := range []string{"text/", "application/json", "application/javascript", "application/manifest+json", "image/svg+xml"} {
		if strings.HasPrefix(ct, p) {
			return true
		}
	}
	return false
}

// hasTwin reports whether name has a precompressed twin.
func (s *fileServer) hasTwin(name string) bool {
	for _, ext := range []string{".br", ".gz"} {
		if _, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(name+ext))); err == nil {
			return true
		}
	}
	return false
}

func (s *fileServer) open(name string) (*os.File, os.FileInfo, error) {
	f, err := os.Open(filepath.Join(s.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		f.Close()
		return nil, nil, os.ErrNotExist
	}
	return f, info, nil
}

// accepts reports whether an Accept-Encoding value allows token (q > 0).
func accepts(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		params = strings.TrimSpace(params)
		if q, ok := strings.CutPrefix(params, "q="); ok {
			v, err := strconv.ParseFloat(q, 64)
			return err == nil && v > 0
		}
		return true
	}
	return false
}
