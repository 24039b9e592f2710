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
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

// Options describe how to finish a static site.
type Options struct {
	// Dir holds go-app's static output for the widget (the webapp's
	// `-site` flag: app.GenerateStaticWebsite with the widget's handler,
	// web/ with app.wasm, and brands.json).
	Dir       string
	EmbedJS   []byte   // the loader, written to Dir/embed.js
	Ancestors []string // CSP frame-ancestors sources (ParseAncestors)
	Brotli    string   // brotli command; "" means "brotli" on PATH
}

// Result tells what Finish wrote.
type Result struct {
	WasmPath string           // URL path of the hashed wasm, e.g. /web/app-0123456789ab.wasm
	Sizes    map[string]int64 // app.wasm, app.wasm.gz, app.wasm.br, embed.js
}

// The go-app files that name the wasm: the loader and the service worker's
// precache list, and the page (its preload).
var wasmReferrers = []string{"app.js", "app-worker.js", "index.html"}

// Finish turns go-app's static output into a site for any static host at
// an origin root: it gives app.wasm a content-hashed name (so that it can
// be cached for a year) with .br and .gz twins, checks that the service
// worker precaches nothing from another host, and adds embed.js and the
// _headers file. It fails with a message naming the file when the input
// is not what it expects.
func Finish(o Options) (*Result, error) {
	if o.Dir == "" || len(o.EmbedJS) == 0 {
		return nil, errors.New("site: Dir and EmbedJS are required")
	}
	if len(o.Ancestors) == 0 {
		o.Ancestors = []string{"'none'"}
	}
	path := func(name string) string { return filepath.Join(o.Dir, filepath.FromSlash(name)) }
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "wasm_exec.js", "manifest.webmanifest", "brands.json"} {
		if _, err := os.Stat(path(f)); err != nil {
			return nil, fmt.Errorf("site: %s: not in go-app's static output (%w)", f, err)
		}
	}
	if remote := remotePrecache(path("app-worker.js")); remote != "" {
		// cache.addAll is all or nothing: one unreachable URL leaves the
		// offline cache empty (go-app's default icons do that).
		return nil, fmt.Errorf("site: app-worker.js: precaches %s from another host, which breaks offline use; serve it from /web/", remote)
	}
	wasm, err := os.ReadFile(path("web/app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("site: web/app.wasm: %w", err)
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		return nil, errors.New("site: web/app.wasm: not a WebAssembly module")
	}
	sum := sha256.Sum256(wasm)
	wasmPath := "/web/app-" + hex.EncodeToString(sum[:])[:12] + ".wasm"

	// Rename the wasm and its twins (made again when missing or stale).
	if err := os.Rename(path("web/app.wasm"), path(wasmPath)); err != nil {
		return nil, err
	}
	for _, tw := range []struct {
		ext  string
		same func(string, []byte) bool
		make func(string, []byte) error
	}{
		{".gz", sameGzip, writeGzip},
		{".br", func(n string, b []byte) bool { return sameBrotli(o.Brotli, n, b) }, func(n string, b []byte) error { return writeBrotli(o.Brotli, n) }},
	} {
		old, twin := path("web/app.wasm"+tw.ext), path(wasmPath+tw.ext)
		if _, err := os.Stat(old); err == nil {
			if err := os.Rename(old, twin); err != nil {
				return nil, err
			}
		}
		if !tw.same(twin, wasm) {
			if err := tw.make(path(wasmPath), wasm); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range wasmReferrers {
		b, err := os.ReadFile(path(f))
		if err != nil {
			return nil, err
		}
		n := bytes.Count(b, []byte(`"/web/app.wasm"`))
		if n == 0 {
			return nil, fmt.Errorf(`site: %s: no "/web/app.wasm" to point at %s (is the site served from the origin root?)`, f, wasmPath)
		}
		b = bytes.ReplaceAll(b, []byte(`"/web/app.wasm"`), []byte(`"`+wasmPath+`"`))
		if err := os.WriteFile(path(f), b, 0o644); err != nil {
			return nil, err
		}
	}

	if err := os.WriteFile(path("embed.js"), o.EmbedJS, 0o644); err != nil {
		return nil, err
	}
	os.Remove(path("web/embed.js")) // one copy, at the URL shops use
	files, err := sitePaths(o.Dir)
	if err != nil {
		return nil, err
	}
	hs := DefaultHeaders(wasmPath, o.Ancestors, files...)
	for _, f := range files {
		// A host joins the values of a header set by two matching rules.
		if rules := hs.Setters(f, "Cache-Control"); len(rules) != 1 {
			return nil, fmt.Errorf("site: _headers: %s gets Cache-Control from %d rules (%s), want exactly one", f, len(rules), strings.Join(rules, " "))
		}
	}
	var hb bytes.Buffer
	err = hs.WriteTo(&hb,
		"Response headers for RMA Check's static site, in the _headers format of Netlify and",
		"Cloudflare Pages (see docs/hosting.md for nginx). Every matching rule applies, and a header",
		"set by two matching rules gets both values joined with a comma: so /* holds only the",
		"headers common to all files, and each file gets its Cache-Control from one rule.",
		wasmPath+" has .br and .gz twins: serve the twin the browser accepts",
		"(Accept-Encoding) with the headers of the twin's rule.",
		`Regenerate with: make site FRAME_ANCESTORS="https://shop.example https://other.example"`)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(path(HeadersFile), hb.Bytes(), 0o644); err != nil {
		return nil, err
	}

	res := &Result{WasmPath: wasmPath, Sizes: map[string]int64{}}
	for name, f := range map[string]string{"app.wasm": wasmPath, "app.wasm.gz": wasmPath + ".gz", "app.wasm.br": wasmPath + ".br", "embed.js": "embed.js"} {
		if info, err := os.Stat(path(f)); err == nil {
			res.Sizes[name] = info.Size()
		}
	}
	return res, nil
}

// sitePaths lists the URL paths of the files in dir (not _headers), with
// "/" for index.html and "/p" for another page p.html (static hosts serve
// it at both).
func sitePaths(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		u := "/" + filepath.ToSlash(rel)
		switch u {
		case "/" + HeadersFile:
			return nil
		case "/index.html":
			out = append(out, "/")
		default:
			if strings.HasSuffix(u, ".html") {
				out = append(out, strings.TrimSuffix(u, ".html"))
			}
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

var precacheList = regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`)

// remotePrecache returns the first absolute URL in the service worker's
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

func sameGzip(name string, want []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return false
	}
	got, err := io.ReadAll(zr)
	return err == nil && bytes.Equal(got, want)
}

func writeGzip(name string, b []byte) error {
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

func brotliPath(cmd string) (string, error) {
	if cmd == "" {
		cmd = "brotli"
	}
	p, err := exec.LookPath(cmd)
	if err != nil {
		return "", fmt.Errorf("site: brotli: %w (apt-get install -y brotli)", err)
	}
	return p, nil
}

func sameBrotli(cmd, name string, want []byte) bool {
	p, err := brotliPath(cmd)
	if err != nil {
		return false
	}
	got, err := exec.Command(p, "-d", "-c", name).Output()
	return err == nil && bytes.Equal(got, want)
}

func writeBrotli(cmd, name string) error {
	p, err := brotliPath(cmd)
	if err != nil {
		return err
	}
	// -w 22: a 4 MB window packs app.wasm smaller than the default (see webapp/webapp.mk).
	if out, err := exec.Command(p, "-q", "11", "-w", "22", "-f", "-o", name+".br", name).CombinedOutput(); err != nil {
		return fmt.Errorf("site: brotli %s: %v: %s", name, err, out)
	}
	return nil
}
