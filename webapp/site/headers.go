//go:build !wasm

// Package site builds and serves RMA Check's static deployment: the folder
// `make site` writes (dist/site), the _headers file that lists the response
// headers a static host must set, and a small file server that honours that
// file, for the demo and the tests. No go-app handler is involved in serving.
package site

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"regexp"
	"strings"
)

// Rule is one block of a _headers file: a path pattern and the response
// headers for the paths it matches. A pattern is an exact path, or a path
// with one or more `*`, each matching any run of characters (slashes too).
type Rule struct {
	Pattern string
	Header  []Field // in file order
}

// Field is one header line of a rule.
type Field struct{ Name, Value string }

// Headers is a parsed _headers file, in the format of Netlify and
// Cloudflare Pages: a line with a path pattern, then indented `Name: value`
// lines. Every rule that matches a path applies, in file order, and a
// header that several of them set gets all their values joined with a
// comma (what both hosts do): a header must be set for a path by one rule
// only, or it ends up as "no-cache, public, max-age=…".
type Headers []Rule

// For returns the headers for the request path p, one value per header.
func (hs Headers) For(p string) http.Header {
	h := http.Header{}
	for _, r := range hs {
		if !match(r.Pattern, p) {
			continue
		}
		for _, f := range r.Header {
			k := textproto.CanonicalMIMEHeaderKey(f.Name)
			if old := h.Get(k); old != "" {
				h.Set(k, old+", "+f.Value)
			} else {
				h.Set(k, f.Value)
			}
		}
	}
	return h
}

// Setters returns the patterns of the rules that set header name for the
// request path p, in file order.
func (hs Headers) Setters(p, name string) []string {
	var out []string
	for _, r := range hs {
		if !match(r.Pattern, p) {
			continue
		}
		for _, f := range r.Header {
			if strings.EqualFold(f.Name, name) {
				out = append(out, r.Pattern)
				break
			}
		}
	}
	return out
}

// Set replaces the value of header name in every rule that has it, and
// reports how many rules changed. Tests use it to point frame-ancestors at
// a shop on a random port.
func (hs Headers) Set(name, value string) int {
	n := 0
	for i := range hs {
		for j, f := range hs[i].Header {
			if strings.EqualFold(f.Name, name) {
				hs[i].Header[j].Value = value
				n++
			}
		}
	}
	return n
}

func match(pattern, p string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == p
	}
	if !strings.HasPrefix(p, parts[0]) {
		return false
	}
	p = p[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(p, part)
		if i < 0 {
			return false
		}
		p = p[i+len(part):]
	}
	return strings.HasSuffix(p, last)
}

var (
	headerName  = regexp.MustCompile(`^[A-Za-z0-9!#$%&'*+.^_|~-]+$`)
	headerValue = regexp.MustCompile(`^[\x20-\x7e]*$`)
)

// ParseHeaders reads a _headers file. Blank lines and lines starting with
// `#` are skipped. Errors name the line and what is wrong with it.
func ParseHeaders(r io.Reader) (Headers, error) {
	var hs Headers
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			if !strings.HasPrefix(trimmed, "/") || strings.ContainsAny(trimmed, " \t") {
				return nil, fmt.Errorf("_headers line %d: path pattern %q must start with / and have no spaces", n, trimmed)
			}
			hs = append(hs, Rule{Pattern: trimmed})
			continue
		}
		if len(hs) == 0 {
			return nil, fmt.Errorf("_headers line %d: header %q comes before any path pattern", n, trimmed)
		}
		name, value, ok := strings.Cut(trimmed, ":")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || !headerName.MatchString(name) {
			return nil, fmt.Errorf("_headers line %d: %q is not a `Name: value` header line", n, trimmed)
		}
		if !headerValue.MatchString(value) {
			return nil, fmt.Errorf("_headers line %d: header %s: value has characters outside printable ASCII", n, name)
		}
		last := &hs[len(hs)-1]
		last.Header = append(last.Header, Field{Name: name, Value: value})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("_headers: %w", err)
	}
	return hs, nil
}

// WriteTo writes hs in the _headers format, with comment lines first.
func (hs Headers) WriteTo(w io.Writer, comments ...string) error {
	bw := bufio.NewWriter(w)
	for _, c := range comments {
		fmt.Fprintf(bw, "# %s\n", c)
	}
	for _, r := range hs {
		fmt.Fprintf(bw, "\n%s\n", r.Pattern)
		for _, f := range r.Header {
			fmt.Fprintf(bw, "  %s: %s\n", f.Name, f.Value)
		}
	}
	return bw.Flush()
}
