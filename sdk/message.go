package sdk

import (
	"strconv"
	"strings"
)

// The helpers that write user data and places into Problems and
// FieldErrors: one line each, whatever the data holds.

// JSON pointer escapes (RFC 6901).
var (
	escapeSegment   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeSegment = strings.NewReplacer("~1", "/", "~0", "~")
)

func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return escapeSegment.Replace(s)
}

// pointerOf writes path as a JSON pointer (RFC 6901).
func pointerOf(path []string) string {
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('/')
		b.WriteString(escapeSegment.Replace(s))
	}
	return b.String()
}

// quote writes user data into a message: quoted, so that control
// characters cannot break the line, and cut at 64 characters.
func quote(s string) string {
	if c := cutRunes(s); len(c) < len(s) {
		return strconv.Quote(strings.TrimSuffix(c, "…")) + "…"
	}
	return strconv.Quote(s)
}

// cutRunes cuts s after 64 characters, marking the cut with "…".
func cutRunes(s string) string {
	n := 0
	for i := range s {
		if n == 64 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
