// Package message holds the helpers that write user data and places into
// one-line error messages, for every package of the module: the SDK, the
// CLI, the WebAssembly module and the tools. One line each, whatever the
// data holds.
package message

import (
	"strconv"
	"strings"
)

// MaxRunes is how many characters of a value a message shows.
const MaxRunes = 64

// Quote writes user data into a message: quoted, so that control
// characters cannot break the line, and cut at MaxRunes characters, the
// cut marked with "…" after the closing quote.
func Quote(s string) string {
	if c := Cut(s); c != s { // not by length: "…" is longer than one cut character
		return strconv.Quote(strings.TrimSuffix(c, "…")) + "…"
	}
	return strconv.Quote(s)
}

// Cut cuts s after MaxRunes characters, marking the cut with "…".
func Cut(s string) string {
	n := 0
	for i := range s {
		if n == MaxRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// JSON pointer escapes (RFC 6901).
var (
	escapeSegment   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeSegment = strings.NewReplacer("~1", "/", "~0", "~")
)

// EscapeSegment escapes one step of a JSON pointer (RFC 6901).
func EscapeSegment(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return escapeSegment.Replace(s)
}

// UnescapeSegment undoes EscapeSegment.
func UnescapeSegment(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return unescapeSegment.Replace(s)
}

// Pointer writes path as a JSON pointer (RFC 6901): "" for the root.
func Pointer(path []string) string {
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('/')
		b.WriteString(EscapeSegment(s))
	}
	return b.String()
}

// Place writes a JSON pointer where a message names a place: "/" for the
// root, and quoted (and cut) when it would not print as itself on one line
// (a key with a line break or a terminal escape in it).
func Place(pointer string) string {
	switch {
	case pointer == "":
		return "/"
	case len(pointer) > 200 || strconv.Quote(pointer) != `"`+pointer+`"`:
		return Quote(pointer)
	}
	return pointer
}
