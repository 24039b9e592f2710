package jsontree

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string, as a json.Encoder with
// SetEscapeHTML(false) writes it: invalid UTF-8 as \ufffd, U+2028 and
// U+2029 escaped, <, > and & left alone (brands.json is written so, and
// the decisions: JSON.parse reads both the same).
func AppendString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return appendInvalidString(b, s)
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !jsonSpecial[c] {
			continue
		}
		switch {
		case c == 0xe2: // U+2028 and U+2029 are E2 80 A8 and E2 80 A9
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&^1 == 0xa8 {
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xf])
				i += 2
				start = i + 1
			}
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonSpecial marks the bytes AppendString looks at twice: what JSON
// escapes, and the first byte of U+2028 and U+2029.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0xe2] = true, true, true
	return t
}()

// appendInvalidString is AppendString for s with invalid UTF-8: each
// invalid byte is written as the escape \ufffd, as encoding/json writes it.
func appendInvalidString(b []byte, s string) []byte {
	b = append(b, '"')
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
			s = s[1:]
			continue
		}
		valid := 0 // the valid run from here, written by AppendString
		for valid < len(s) {
			r, size := utf8.DecodeRuneInString(s[valid:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			valid += size
		}
		quoted := AppendString(nil, s[:valid])
		b = append(b, quoted[1:len(quoted)-1]...)
		s = s[valid:]
	}
	return append(b, '"')
}
