//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/micromedia/rmacheck/webapp/site"
)

func main() {
	f, err := parseFlags(os.Args[1:])
	if err == nil {
		err = run(f)
	}
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "webapp:", err)
		os.Exit(1)
	}
}

// flags are the command line of the server.
type flags struct {
	addr, web, brands, frame, site, earlyTable string
}

// defaultFrameAncestors lets only the widget's own origin frame it: a shop
// must be named to embed it.
const defaultFrameAncestors = "'self'"

func parseFlags(args []string) (flags, error) {
	var f flags
	fs := flag.NewFlagSet("webapp", flag.ContinueOnError)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8000", "address to listen on")
	fs.StringVar(&f.web, "web", "webapp/web", "folder with app.wasm (and app.wasm.br, app.wasm.gz), widget.css, widget.js and the icons")
	fs.StringVar(&f.brands, "brands", "", "brands.json to serve at /brands.json (default: the embedded one)")
	fs.StringVar(&f.frame, "frame-ancestors", defaultFrameAncestors, `sources allowed to embed the widget, the value of the CSP frame-ancestors header (e.g. "'self' https://shop.example"; '*' allows any site)`)
	fs.StringVar(&f.site, "site", "", "write the widget as static files into this folder and exit")
	fs.StringVar(&f.earlyTable, "early-table", "", "write the early answer's table (web/early.json) for the brands.json served into this file and exit (make generate)")
	if err := fs.Parse(args); err != nil {
		return flags{}, err
	}
	if fs.NArg() > 0 {
		return flags{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if strings.TrimSpace(f.frame) == "" {
		return flags{}, errors.New(`-frame-ancestors: empty; name the sites that may embed the widget ("'self' https://shop.example", or '*' for any site)`)
	}
	if strings.ContainsAny(f.frame, ";,\r\n") {
		return flags{}, fmt.Errorf("-frame-ancestors: %q holds a separator (;, comma or newline); give space-separated sources", f.frame)
	}
	return f, nil
}

func run(f flags) error {
	g, err := sdk.Default()
	if err != nil {
		return fmt.Errorf("embedded brands.json: %w", err)
	}
	route(g, nil, noBrowser{}, earlyInput{})
	brands := rmacheck.BrandsJSON()
	if f.brands != "" {
		if brands, err = os.ReadFile(f.brands); err != nil {
			return err
		}
		if _, err := sdk.LoadBytes(brands); err != nil {
			log.Printf("warning: %s does not validate (%v); the widget will ignore it and use its embedded data", f.brands, err)
		}
	}
	if f.earlyTable != "" {
		if f.brands != "" {
			if g, err = sdk.LoadBytes(brands); err != nil {
				return err
			}
		}
		table, err := earlyTable(g, brands)
		if err != nil {
			return err
		}
		return os.WriteFile(f.earlyTable, table, 0o644)
	}
	s, err := newServer(serverOptions{WebDir: f.web, Brands: brands, FrameAncestors: f.frame})
	if err != nil {
		return err
	}
	if f.site != "" {
		return s.writeSite(f.site)
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	log.Printf("RMA Check widget on http://%s/ (version %s)", ln.Addr(), s.app.Version)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}

type serverOptions struct {
	WebDir         string // app.wasm, its .br and .gz, widget.css, widget.js, icons
	Brands         []byte // served at /brands.json
	FrameAncestors string // CSP frame-ancestors value; "" for none (the command line's default is 'self')
}

// server serves the widget: go-app's handler for the page, the service
// worker and the manifest; precompressed app.wasm; /brands.json.
type server struct {
	app    *app.Handler
	files  webFiles
	brands []byte
	// brandsGz is brands.json gzipped once: every start of the widget
	// fetches it, and gzipping 216 KB at the best level takes milliseconds.
	brandsGz []byte
	etag     string
	frame    string
	early    []byte // web/early.json for brands, when not the embedded guide's
}

func newServer(o serverOptions) (*server, error) {
	wasm, err := os.ReadFile(filepath.Join(o.WebDir, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%w (build it with: make webapp-wasm)", err)
	}
	version, err := contentVersion(o.WebDir, o.Brands)
	if err != nil {
		return nil, err
	}
	bsum := sha256.Sum256(o.Brands)
	files := webFiles{dir: o.WebDir}
	h := &app.Handler{
		Name:        "RMA Check",
		ShortName:   "RMA Check",
		Title:       "RMA Check",
		Description: "Can this product be returned? Answers from Micromedia's return guide.",
		Lang:        "en",
		// Local icons: go-app's defaults live on a remote host and make the
		// service worker's all-or-nothing precache fail offline.
		Icon:               app.Icon{Default: "/web/icon.png", Large: "/web/icon.png", Maskable: "/web/icon.png", SVG: "/web/icon.svg"},
		BackgroundColor:    "#ffffff",
		ThemeColor:         "#0b5cad",
		LoadingLabel:       "RMA Check {progress}%",
		Styles:             []string{"/web/widget.css"},
		Scripts:            []string{"/web/widget.js"},
		CacheableResources: []string{"/brands.json", "/web/icon.svg", "/web/early.js", "/web/early.json", site.IsolatedPage},
		// The wasm download starts while the page is parsed, not when the
		// deferred app.js runs; crossorigin matches app.js's fetch. The
		// early answer's table and script come first: they answer long
		// before the wasm has arrived.
		RawHeaders: append([]string{
			`<link rel="preload" href="/web/early.json" as="fetch" type="application/json" crossorigin="anonymous" fetchpriority="high">`,
			`<script async src="/web/early.js"></script>`,
			`<link rel="preload" href="/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous" fetchpriority="low">`,
		}, langPages()...),
		// go-app's own worker installs with an empty cache when the
		// download is cut, and serves a cached page with its old headers.
		ServiceWorkerTemplate: appWorkerJS,
		Version:               version,
		WasmContentLength:     strconv.Itoa(len(wasm)),
		Resources:             files,
	}
	s := &server{app: h, files: files, brands: o.Brands, brandsGz: gzipBytes(o.Brands), etag: `"` + hex.EncodeToString(bsum[:8]) + `"`, frame: o.FrameAncestors}
	// Another brands.json than the embedded one (-brands): the widget
	// answers from it once it validates, so the early answer must too.
	// One that does not validate leaves the widget on the embedded guide,
	// and web/early.json is that guide's.
	if !bytes.Equal(o.Brands, rmacheck.BrandsJSON()) {
		if g, err := sdk.LoadBytes(o.Brands); err == nil {
			if s.early, err = earlyTable(g, o.Brands); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// appWorkerJS is the service worker's template (app-worker.js): go-app's,
// with an install that fails when its precache does, and the page from the
// network first.
//
//go:embed app-worker.js
var appWorkerJS string

// langPages are the page the server sends in French and Dutch, as
// <template id="rc-page-fr"> elements: before the wasm runs, widget.js
// shows the one in the widget's language (the page itself is in English).
// Without the brand datalist, which widget.js moves over.
func langPages() []string {
	g, err := sdk.Default()
	if err != nil {
		return nil
	}
	var out []string
	for _, l := range []sdk.Lang{sdk.LangFrench, sdk.LangDutch} {
		p := newCheckPage(g, sdk.DateFromTime(time.Now()))
		p.lang, p.template = l, true
		p.refresh()
		out = append(out, `<template id="rc-page-`+string(l)+`">`+app.HTMLString(p)+`</template>`)
	}
	return out
}

// contentVersion is go-app's Version: a hash of every file in the web
// folder (app.wasm, widget.css, widget.js, icons...) and of brands. The
// service worker caches them all cache-first under that version, so a
// change to any of them must change it; a restart with the same files
// must not (every browser would download the app again). The .br and .gz
// copies are left out: they follow app.wasm.
func contentVersion(webDir string, brands []byte) (string, error) {
	sum := sha256.New()
	err := filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(webDir, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(sum, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		sum.Write(b)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("version: %w", err)
	}
	fmt.Fprintf(sum, "brands.json\x00%d\x00", len(brands))
	sum.Write(brands)
	return hex.EncodeToString(sum.Sum(nil))[:20], nil
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.frame != "" {
		w.Header().Set("Content-Security-Policy", site.CSP(s.frame))
	} else {
		w.Header().Set("Content-Security-Policy", site.Policy)
	}
	w.Header().Set("Permissions-Policy", site.Permissions)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "strict-origin-when-cross-origin")
	for _, f := range site.Isolation {
		w.Header().Set(f.Name, f.Value)
	}
	if r.URL.Path == site.IsolatedPage {
		w.Header().Set(site.Embedder.Name, site.Embedder.Value)
	}
	// Text goes out gzipped to a browser that takes it, as a static host
	// or CDN would send it; app.wasm has its own precompressed copies.
	if r.Method == http.MethodGet && r.URL.Path != "/web/app.wasm" && r.Header.Get("Range") == "" && acceptedEncodings(r.Header.Get("Accept-Encoding"))["gzip"] {
		s.serveGzipped(w, r)
		return
	}
	s.serve(w, r)
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/brands.json" {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", site.Revalidate)
		w.Header().Set("ETag", s.etag)
		if r.Header.Get("If-None-Match") == s.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Vary", "Accept-Encoding")
		body := s.brands
		if r.Header.Get("Range") == "" && acceptedEncodings(r.Header.Get("Accept-Encoding"))["gzip"] {
			body = s.brandsGz
			w.Header().Set("Content-Encoding", "gzip")
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	if r.URL.Path == "/web/early.json" && s.early != nil {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", site.Revalidate)
		w.Header().Set("Content-Length", strconv.Itoa(len(s.early)))
		if r.Method != http.MethodHead {
			w.Write(s.early)
		}
		return
	}
	if r.URL.Path == "/embed.js" {
		// The loader shops paste; they load it from the widget's origin root.
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", site.Loader) // as docs/hosting.md says a host sends it
		for _, f := range site.LoaderCORS {
			w.Header().Set(f.Name, f.Value)
		}
		http.ServeFile(w, r, filepath.Join(s.files.dir, "embed.js"))
		return
	}
	s.app.ServeHTTP(w, r)
}

// minGzip is the smallest body worth gzipping: below it, gzip's header
// and trailer cost more than they save.
const minGzip = 256

// compressible are the media types sent gzipped: the page, scripts,
// styles, JSON and the manifest (the wasm and the icons are not text).
var compressible = []string{"text/", "application/javascript", "application/json", "application/manifest+json", "image/svg+xml"}

// serveGzipped serves a response gzipped when it is text: the page holds
// the form in three languages (29 KB, 5 KB gzipped), which a phone's first
// visit waits for, and wasm_exec.js, app.js, widget.js and embed.js are
// about 37 KB more.
func (s *server) serveGzipped(w http.ResponseWriter, r *http.Request) {
	rec := &pageRecorder{header: http.Header{}, status: http.StatusOK}
	s.serve(rec, r)
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if !slices.Contains(w.Header().Values("Vary"), "Accept-Encoding") {
		w.Header().Add("Vary", "Accept-Encoding")
	}
	body := rec.body.Bytes()
	ct := rec.header.Get("Content-Type")
	text := false
	for _, p := range compressible {
		text = text || strings.HasPrefix(ct, p)
	}
	if rec.status == http.StatusOK && text && rec.header.Get("Content-Encoding") == "" && len(body) >= minGzip {
		body = gzipBytes(body)
		w.Header().Set("Content-Encoding", "gzip")
	}
	if rec.status != http.StatusNotModified {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(rec.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// gzipBytes is b gzipped at the best level.
func gzipBytes(b []byte) []byte {
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return gz.Bytes()
}

// pageRecorder keeps a response of go-app's handler in memory.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) WriteHeader(status int)      { p.status = status }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }

// webFiles serves /web/ from a folder. It is go-app's ResourceResolver: paths
// stay at the origin root (go-app's LocalDir would prefix the folder name).
type webFiles struct{ dir string }

func (f webFiles) Resolve(location string) string { return location }

func (f webFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/web/")
	if name == "app.wasm" {
		f.serveWasm(w, r)
		return
	}
	http.StripPrefix("/web", http.FileServer(http.Dir(f.dir))).ServeHTTP(w, r)
}

// serveWasm serves app.wasm precompressed (brotli, then gzip) when the
// browser accepts it and the file exists.
func (f webFiles) serveWasm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/wasm")
	w.Header().Set("Vary", "Accept-Encoding")
	accept := acceptedEncodings(r.Header.Get("Accept-Encoding"))
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !accept[enc.name] {
			continue
		}
		path := filepath.Join(f.dir, "app.wasm"+enc.ext)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		w.Header().Set("Content-Encoding", enc.name)
		http.ServeFile(w, r, path)
		return
	}
	http.ServeFile(w, r, filepath.Join(f.dir, "app.wasm"))
}

// acceptedEncodings reads an Accept-Encoding header; q=0 refuses.
func acceptedEncodings(h string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		out[name] = !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	return out
}

// writeSite writes the widget as static files for any web server at an
// origin root: go-app's static output, web/ with the precompressed wasm,
// and brands.json.
func (s *server) writeSite(dir string) error {
	if err := app.GenerateStaticWebsite(dir, s.app, site.IsolatedPage); err != nil {
		return err
	}
	entries, err := os.ReadDir(s.files.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(s.files.dir, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "web", e.Name()), data, 0o644); err != nil {
			return err
		}
	}
	if s.early != nil {
		if err := os.WriteFile(filepath.Join(dir, "web", "early.json"), s.early, 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "brands.json"), s.brands, 0o644); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return errors.New("static output has no index.html")
	}
	return nil
}
