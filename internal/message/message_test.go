package message

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuoteAndCut(t *testing.T) {
	long := strings.Repeat("é", MaxRunes)
	tests := []struct {
		name, in, quoted, cut string
	}{
		{"plain", "Acer", `"Acer"`, "Acer"},
		{"control characters stay on the line", "a\nb\x1b", `"a\nb\x1b"`, "a\nb\x1b"},
		{"exactly the limit", long, `"` + long + `"`, long},
		{"one past the limit, cut by characters, not bytes", long + "x", `"` + long + `"…`, long + "…"},
		{"invalid UTF-8", "a\xffb", `"a\xffb"`, "a\xffb"},
		{"empty", "", `""`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.quoted, Quote(tt.in))
			assert.Equal(t, tt.cut, Cut(tt.in))
		})
	}
}

func TestPointer(t *testing.T) {
	tests := []struct {
		name string
		path []string
		want string
	}{
		{"the root", nil, ""},
		{"keys and indexes", []string{"brands", "3", "name"}, "/brands/3/name"},
		{"escapes, ~ first (RFC 6901)", []string{"a/b", "m~n", "~1"}, "/a~1b/m~0n/~01"},
		{"an empty key", []string{""}, "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Pointer(tt.path))
			for _, s := range tt.path {
				assert.Equal(t, s, UnescapeSegment(EscapeSegment(s)), "round trip of %q", s)
			}
		})
	}
}

func TestPlace(t *testing.T) {
	assert.Equal(t, "/", Place(""))
	assert.Equal(t, "/brands/3/name", Place("/brands/3/name"))
	assert.Equal(t, `"/a\nb"`, Place("/a\nb"), "a line break stays on the line")
	assert.Equal(t, `"/\x1b[31m"`, Place("/\x1b[31m"), "a terminal escape is shown, not sent")
	long := "/" + strings.Repeat("k", 300)
	assert.Equal(t, Quote(long), Place(long), "a long pointer is cut")
}
