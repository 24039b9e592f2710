package sdk

import (
	"strconv"

	"github.com/micromedia/rmacheck/internal/jsontree"
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
	b = jsontree.AppendString(b, string(d.Audience))
	b = append(b, `,"brand":`...)
	if d.Brand == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"id":`...)
		b = jsontree.AppendString(b, d.Brand.ID)
		b = append(b, `,"name":`...)
		b = jsontree.AppendString(b, d.Brand.Name)
		b = append(b, `,"special":`...)
		b = strconv.AppendBool(b, d.Brand.Special)
		b = append(b, '}')
	}
	b = append(b, `,"suggestions":`...)
	b = appendList(b, d.Suggestions, appendSuggestion)
	b = append(b, `,"route":`...)
	b = jsontree.AppendString(b, string(d.Route))
	b = append(b, `,"headline":`...)
	b = jsontree.AppendString(b, d.Headline)
	b = append(b, `,"eligible":`...)
	b = strconv.AppendBool(b, d.Eligible)
	b = append(b, `,"doa":`...)
	b = strconv.AppendBool(b, d.DOA)
	b = append(b, `,"missing":`...)
	b = appendStrings(b, d.Missing)
	b = append(b, `,"documents":`...)
	b = appendList(b, d.Documents, appendDocument)
	b = append(b, `,"contacts":`...)
	b = appendList(b, d.Contacts, appendContact)
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
	b = jsontree.AppendString(b, d.Rule.ID)
	b = append(b, `,"source":`...)
	b = jsontree.AppendString(b, d.Rule.Source)
	b = append(b, `},"guideDate":`...)
	b = appendDate(b, d.GuideDate)
	b = append(b, `,"lang":`...)
	b = jsontree.AppendString(b, string(d.Lang))
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

// appendList appends list as a JSON array, each element by elem; nil is
// null, as json.Encoder writes a nil slice.
func appendList[T any](b []byte, list []T, elem func([]byte, T) []byte) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, v)
	}
	return append(b, ']')
}

func appendStrings[T ~string](b []byte, ss []T) []byte {
	return appendList(b, ss, func(b []byte, s T) []byte { return jsontree.AppendString(b, string(s)) })
}

func appendSuggestion(b []byte, s Suggestion) []byte {
	b = append(b, `{"id":`...)
	b = jsontree.AppendString(b, s.ID)
	b = append(b, `,"name":`...)
	b = jsontree.AppendString(b, s.Name)
	return append(b, '}')
}

func appendDocument(b []byte, doc Document) []byte {
	b = append(b, `{"id":`...)
	b = jsontree.AppendString(b, string(doc.ID))
	b = append(b, `,"label":`...)
	b = jsontree.AppendString(b, doc.Label)
	b = append(b, `,"missing":`...)
	b = strconv.AppendBool(b, doc.Missing)
	return append(b, '}')
}

func appendContact(b []byte, c Contact) []byte {
	b = append(b, `{"type":`...)
	b = jsontree.AppendString(b, string(c.Type))
	b = append(b, `,"value":`...)
	b = jsontree.AppendString(b, c.Value)
	b = append(b, `,"role":`...)
	b = jsontree.AppendString(b, string(c.Role))
	b = append(b, `,"label":`...)
	b = jsontree.AppendString(b, c.Label)
	return append(b, '}')
}
