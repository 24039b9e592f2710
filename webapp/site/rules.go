//go:build !wasm

package site

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Cache-Control values of the generated _headers.
const (
	// Revalidate is for files whose name stays the same when they change:
	// the browser asks again each time (a 304 costs a round trip, no body).
	// go-app's service worker precaches through the HTTP cache, so a stale
	// copy here would end up in the offline cache of a new version.
	Revalidate = "no-cache"
	// Immutable is for files whose name holds a hash of their content.
	Immutable = "public, max-age=31536000, immutable"
	// Loader is for embed.js: shops load it on every page view, and a
	// change reaches them within five minutes.
	Loader = "public, max-age=300"
)

// Policy is the widget's Content-Security-Policy before its
// frame-ancestors: it enforces the privacy promise in the browser. The
// widget loads only its own files (default-src 'self'), runs only its own
// scripts and compiles its wasm ('wasm-unsafe-eval', which
// WebAssembly.instantiateStreaming needs), and sends requests only to its
// own origin (connect-src 'self': brands.json and the service worker's
// precache); no plugin, no <base>, no form submission. Styles come from
// its own style sheets only: the theme's variables are set through the
// CSSOM, which style-src does not govern. docs/hosting.md gives each item.
const Policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"

// Permissions turns off the browser features the widget never uses; it
// copies the summary with clipboard-write, from its own origin only.
const Permissions = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), fullscreen=(), accelerometer=(), gyroscope=(), magnetometer=(), clipboard-read=(), clipboard-write=(self)"

// CSP is the whole Content-Security-Policy for the frame-ancestors
// sources ancestors (space-separated).
func CSP(ancestors string) string { return Policy + "; frame-ancestors " + ancestors }

// Isolation is what lets a shop's page that isolates itself
// (Cross-Origin-Embedder-Policy: require-corp or credentialless) load
// embed.js and every file of the widget: each of its responses may be
// loaded from another origin.
var Isolation = []Field{{"Cross-Origin-Resource-Policy", "cross-origin"}}

// IsolatedPage is the widget's page for isolated shop pages: the same page,
// with Embedder, which a frame in such a page must send. embed.js frames
// it when the shop's page is crossOriginIsolated. Only that page sends it:
// on the page every other shop frames, Chromium's first visit took 6% longer
// to become interactive with it (docs/performance.md).
const IsolatedPage = "/isolated"

// Embedder is the header of IsolatedPage: it embeds nothing from another
// origin (it loads only its own files).
var Embedder = Field{"Cross-Origin-Embedder-Policy", "require-corp"}

// LoaderCORS is what embed.js adds, so that a shop can pin it with
// Subresource Integrity (integrity and crossorigin="anonymous" on its
// script tag): a CORS read of a public file, without credentials.
var LoaderCORS = []Field{{"Access-Control-Allow-Origin", "*"}}

var ancestorSource = regexp.MustCompile(`^(?:'self'|'none'|https?://(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:[0-9]{1,5}|\*))?)$`)

// ParseAncestors splits a space-separated list of CSP frame-ancestors
// sources (reseller origins like https://shop.example, or 'self' or
// 'none') and checks each, so that nothing but an origin can reach the
// header. An empty list is 'none': no page may frame the widget.
func ParseAncestors(list string) ([]string, error) {
	fields := strings.Fields(list)
	if len(fields) == 0 {
		return []string{"'none'"}, nil
	}
	for _, f := range fields {
		if !ancestorSource.MatchString(f) || (f == "'none'" && len(fields) > 1) {
			return nil, fmt.Errorf("frame-ancestors: %q is not an origin like https://shop.example (or 'self', or 'none' alone)", f)
		}
	}
	return fields, nil
}

// safePath is a URL path that a _headers rule can name exactly.
var safePath = regexp.MustCompile(`^/[A-Za-z0-9._/-]*$`)

// DefaultHeaders returns the rules for a generated site whose wasm is at
// wasmPath (a hashed name such as /web/app-0123456789ab.wasm, with .br and
// .gz twins), framed only by the ancestors (see ParseAncestors). files are
// the URL paths of the site's other files (such as /web/widget.css): each
// one that no rule names gets a Revalidate rule of its own.
//
// Static hosts apply every rule that matches a path and join a header that
// two rules set with a comma, so the rule for every path (/*) sets only the
// headers that are the same for all files (framing, nosniff, referrer
// policy), and Cache-Control comes from exactly one rule per file.
func DefaultHeaders(wasmPath string, ancestors []string, files ...string) Headers {
	revalidate := func(p, contentType string) Rule {
		r := Rule{Pattern: p, Header: []Field{{"Cache-Control", Revalidate}}}
		if contentType != "" {
			r.Header = append(r.Header, Field{"Content-Type", contentType})
		}
		return r
	}
	wasm := func(p, encoding string) Rule {
		r := Rule{Pattern: p, Header: []Field{
			{"Content-Type", "application/wasm"},
			{"Cache-Control", Immutable},
			{"Vary", "Accept-Encoding"},
		}}
		if encoding != "" {
			r.Header = append(r.Header, Field{"Content-Encoding", encoding})
		}
		return r
	}
	isolated := revalidate(IsolatedPage, "text/html; charset=utf-8")
	isolated.Header = append(isolated.Header, Embedder)
	hs := Headers{
		{Pattern: "/*", Header: append([]Field{
			{"Content-Security-Policy", CSP(strings.Join(ancestors, " "))},
			{"Permissions-Policy", Permissions},
			{"X-Content-Type-Options", "nosniff"},
			{"Referrer-Policy", "strict-origin-when-cross-origin"},
		}, Isolation...)},
		revalidate("/", "text/html; charset=utf-8"),
		revalidate("/index.html", "text/html; charset=utf-8"),
		isolated,
		revalidate("/app-worker.js", "text/javascript; charset=utf-8"),
		revalidate("/app.js", "text/javascript; charset=utf-8"),
		revalidate("/wasm_exec.js", "text/javascript; charset=utf-8"),
		revalidate("/app.css", "text/css; charset=utf-8"),
		revalidate("/manifest.webmanifest", "application/manifest+json"),
		revalidate("/brands.json", "application/json"),
		{Pattern: "/embed.js", Header: append([]Field{
			{"Cache-Control", Loader},
			{"Content-Type", "text/javascript; charset=utf-8"},
		}, LoaderCORS...)},
		wasm(wasmPath, ""),
		wasm(wasmPath+".br", "br"),
		wasm(wasmPath+".gz", "gzip"),
	}
	sorted := append([]string(nil), files...)
	sort.Strings(sorted)
	for _, f := range sorted {
		if safePath.MatchString(f) && len(hs.Setters(f, "Cache-Control")) == 0 {
			hs = append(hs, revalidate(f, ""))
		}
	}
	return hs
}
