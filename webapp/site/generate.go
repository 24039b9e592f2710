//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Options describe a static site to generate.
type Options struct {
	Dir       string       // output folder, emptied first (dist/site)
	Handler   *app.Handler // the widget's handler; Generate sets Resources, Version and WasmContentLength
	Pages     []string     // extra routes to pre-render besides "/"
	Wasm      string       // the built app.wasm (GOOS=js GOARCH=wasm)
	Web       string       // the widget's web/ folder, copied to Dir/web (app.wasm and embed.js skipped)
	EmbedJS   []byte       // the loader, written to Dir/embed.js
	Brands    []byte       // brands.json, written to Dir/brands.json
	Ancestors []string     // CSP frame-ancestors sources (ParseAncestors)
	Brotli    string       // brotli command; "" means "brotli" on PATH
}

// Result tells what Generate wrote.
type Result struct {
	WasmPath string // URL path of the hashed wasm, e.g. /web/app-0123456789ab.wasm
	Version  string // go-app Version of the site (content hash)
	Sizes    map[string]int64
}

// resolver serves the site from the origin root, with the wasm under its
// hashed name so that it can be cached for a year.
type resolver struct {
	wasm string
	base app.ResourceResolver
}

func (r resolver) Resolve(p string) string {
	if p == "/web/app.wasm" {
		return r.wasm
	}
	return r.base.Resolve(p)
}

// Generate writes the static site: go-app's static output for the widget
// handler (app.GenerateStaticWebsite), the web/ files, the wasm under a
// hashed name with .br and .gz twins, embed.js, brands.json and _headers.
func Generate(o Options) (*Result, error) {
	if o.Dir == "" || o.Handler == nil {
		return nil, errors.New("site: Dir and Handler are required")
	}
	wasm, err := os.ReadFile(o.Wasm)
	if err != nil {
		return nil, fmt.Errorf("site: wasm: %w", err)
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		return nil, fmt.Errorf("site: wasm: %s is not a WebAssembly module", o.Wasm)
	}
	if len(o.Brands) == 0 || len(o.EmbedJS) == 0 {
		return nil, errors.New("site: Brands and EmbedJS are required")
	}
	if len(o.Ancestors) == 0 {
		o.Ancestors = []string{"'none'"}
	}
	if err := os.RemoveAll(o.Dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(o.Dir, "web"), 0o755); err != nil {
		return nil, err
	}

	sum := sha256.New()
	sum.Write(wasm)
	wasmHash := hex.EncodeToString(sum.Sum(nil))[:12]
	wasmPath := "/web/app-" + wasmHash + ".wasm"
	wasmFile := filepath.Join(o.Dir, filepath.FromSlash(wasmPath))

	// web/ files, in a stable order so the version hash is stable.
	var webFiles []string
	if o.Web != "" {
		err := filepath.WalkDir(o.Web, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			base := d.Name()
			if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "app.wasm") || base == "embed.js" {
				return nil
			}
			webFiles = append(webFiles, p)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("site: web: %w", err)
		}
	}
	sort.Strings(webFiles)
	for _, p := range webFiles {
		rel, _ := filepath.Rel(o.Web, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		sum.Write([]byte(rel))
		sum.Write(b)
		if err := writeFile(filepath.Join(o.Dir, "web", rel), b); err != nil {
			return nil, err
		}
	}

	h := o.Handler
	h.Resources = resolver{wasm: wasmPath, base: app.LocalDir("")}
	h.Version = hex.EncodeToString(sum.Sum(nil))[:16]
	h.WasmContentLength = strconv.Itoa(len(wasm))
	if err := app.GenerateStaticWebsite(o.Dir, h, o.Pages...); err != nil {
		return nil, fmt.Errorf("site: go-app static output: %w", err)
	}
	for _, f := range []string{"app.js", "app-worker.js"} {
		b, err := os.ReadFile(filepath.Join(o.Dir, f))
		if err != nil {
			return nil, err
		}
		if !bytes.Contains(b, []byte(wasmPath)) {
			return nil, fmt.Errorf("site: %s does not load %s: the handler's resource resolver was not used", f, wasmPath)
		}
	}
	if remote := remotePrecache(filepath.Join(o.Dir, "app-worker.js")); remote != "" {
		// cache.addAll is all or nothing: one unreachable URL leaves the
		// offline cache empty (go-app's default icons do that).
		return nil, fmt.Errorf("site: app-worker.js precaches %s from another host: offline use would break; serve it from /web/", remote)
	}

	if err := writeFile(wasmFile, wasm); err != nil {
		return nil, err
	}
	if err := gzipFile(wasmFile, wasm); err != nil {
		return nil, err
	}
	if err := brotliFile(o.Brotli, wasmFile); err != nil {
		return nil, err
	}
	if err := writeFile(filepath.Join(o.Dir, "embed.js"), o.EmbedJS); err != nil {
		return nil, err
	}
	if err := writeFile(filepath.Join(o.Dir, "brands.json"), o.Brands); err != nil {
		return nil, err
	}
	var hb bytes.Buffer
	err = DefaultHeaders(wasmPath, o.Ancestors).WriteTo(&hb,
		"Response headers for RMA Check's static site, in the _headers format of Netlify and",
		"Cloudflare Pages; see the README for nginx. Every matching rule applies, a later one",
		"replaces a header an earlier one set. "+wasmPath+" has .br and .gz twins: serve the",
		"twin the client accepts (Accept-Encoding) with the headers of its own rule.",
		"Regenerate with `make site FRAME_ANCESTORS=\"https://shop.example ...\"`.")
	if err != nil {
		return nil, err
	}
	if err := writeFile(filepath.Join(o.Dir, HeadersFile), hb.Bytes()); err != nil {
		return nil, err
	}

	res := &Result{WasmPath: wasmPath, Version: h.Version, Sizes: map[string]int64{}}
	for _, ext := range []string{"", ".gz", ".br"} {
		if info, err := os.Stat(wasmFile + ext); err == nil {
			res.Sizes["app.wasm"+ext] = info.Size()
		}
	}
	return res, nil
}

var precacheList = regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`)

// remotePrecache returns the first http(s) URL in the service worker's
// precache list, or "".
func remotePrecache(worker string) string {
	b, err := os.ReadFile(worker)
	if err != nil {
		return ""
	}
	m := precacheList.FindSubmatch(b)
	if m == nil {
		return ""
	}
	var list []string
	if json.Unmarshal(m[1], &list) != nil {
		return ""
	}
	for _, u := range list {
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "//") {
			return u
		}
	}
	return ""
}

func writeFile(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

func gzipFile(name string, b []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(name+".gz", buf.Bytes(), 0o644)
}

func brotliFile(cmd, name string) error {
	if cmd == "" {
		cmd = "brotli"
	}
	path, err := exec.LookPath(cmd)
	if err != nil {
		return fmt.Errorf("site: brotli: %w (apt-get install -y brotli)", err)
	}
	out, err := exec.Command(path, "-q", "11", "-f", "-o", name+".br", name).CombinedOutput()
	if err != nil {
		return fmt.Errorf("site: brotli %s: %v: %s", name, err, out)
	}
	return nil
}
