package sdk

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends the decision's JSON to b: the document that a
// json.Encoder with SetEscapeHTML(false) writes, byte for byte, without its
// final newline (TestDecisionAppendJSON holds the two together). It takes
// no reflection: on a service's JSON path, and in the WebAssembly module,
// encoding/json was most of a call's time. Decision has no MarshalJSON on
// purpose: json.Marshal re-scans a Marshaler's output and is then slower
// than its reflection.
func (d *Decision) AppendJSON(b []byte) []byte {
	b = append(b, `{"audience":`...)
	b = appendString(b, string(d.Audience))
	b = append(b, `,"brand":`...)
	if d.Brand == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"id":`...)
		b = appendString(b, d.Brand.ID)
		b = append(b, `,"name":`...)
		b = appendString(b, d.Brand.Name)
		b = append(b, `,"special":`...)
		b = strconv.AppendBool(b, d.Brand.Special)
		b = append(b, '}')
	}
	b = append(b, `,"suggestions":`...)
	if d.Suggestions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range d.Suggestions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendString(b, s.ID)
			b = append(b, `,"name":`...)
			b = appendString(b, s.Name)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"route":`...)
	b = appendString(b, string(d.Route))
	b = append(b, `,"headline":`...)
	b = appendString(b, d.Headline)
	b = append(b, `,"eligible":`...)
	b = strconv.AppendBool(b, d.Eligible)
	b = append(b, `,"doa":`...)
	b = strconv.AppendBool(b, d.DOA)
	b = append(b, `,"missing":`...)
	b = appendStrings(b, d.Missing)
	b = append(b, `,"documents":`...)
	if d.Documents == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, doc := range d.Documents {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendString(b, string(doc.ID))
			b = append(b, `,"label":`...)
			b = appendString(b, doc.Label)
			b = append(b, `,"missing":`...)
			b = strconv.AppendBool(b, doc.Missing)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"contacts":`...)
	if d.Contacts == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, c := range d.Contacts {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"type":`...)
			b = appendString(b, string(c.Type))
			b = append(b, `,"value":`...)
			b = appendString(b, c.Value)
			b = append(b, `,"role":`...)
			b = appendString(b, string(c.Role))
			b = append(b, `,"label":`...)
			b = appendString(b, c.Label)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"deadlines":{"doaUntil":`...)
	b = appendDate(b, d.Deadlines.DOAUntil)
	b = append(b, `,"warrantyUntil":`...)
	b = appendDate(b, d.Deadlines.WarrantyUntil)
	b = append(b, `,"warrantyAtLeast":`...)
	b = strconv.AppendBool(b, d.Deadlines.WarrantyAtLeast)
	b = append(b, `,"rmaValidDays":`...)
	b = strconv.AppendInt(b, int64(d.Deadlines.RMAValidDays), 10)
	b = append(b, `},"dates":`...)
	b = appendStrings(b, d.Dates)
	b = append(b, `,"outOfWarranty":`...)
	b = strconv.AppendBool(b, d.OutOfWarranty)
	b = append(b, `,"steps":`...)
	b = appendStrings(b, d.Steps)
	b = append(b, `,"notes":`...)
	b = appendStrings(b, d.Notes)
	b = append(b, `,"rule":{"id":`...)
	b = appendString(b, d.Rule.ID)
	b = append(b, `,"source":`...)
	b = appendString(b, d.Rule.Source)
	b = append(b, `},"guideDate":`...)
	b = appendDate(b, d.GuideDate)
	b = append(b, `,"lang":`...)
	b = appendString(b, string(d.Lang))
	return append(b, '}')
}

func appendDate(b []byte, d Date) []byte {
	if d.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.appendTo(b)
	return append(b, '"')
}

func appendStrings[T ~string](b []byte, ss []T) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, string(s))
	}
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string, as encoding/json does: invalid
// UTF-8 as U+FFFD, U+2028 and U+2029 escaped, but <, > and & left alone
// (json.Marshal escapes those for HTML when it compacts a Marshaler's
// output, json.Encoder only when asked).
func appendString(b []byte, s string) []byte {
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

// jsonSpecial marks the bytes appendString looks at twice: what JSON
// escapes, and the first byte of U+2028 and U+2029.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0xe2] = true, true, true
	return t
}()

// appendInvalidString is appendString for s with invalid UTF-8: each
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
		valid := 0 // the valid run from here, written by appendString
		for valid < len(s) {
			r, size := utf8.DecodeRuneInString(s[valid:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			valid += size
		}
		quoted := appendString(nil, s[:valid])
		b = append(b, quoted[1:len(quoted)-1]...)
		s = s[valid:]
	}
	return append(b, '"')
}
