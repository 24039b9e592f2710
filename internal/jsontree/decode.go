package jsontree

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/micromedia/rmacheck/internal/message"
)

// Decode stores the tree n into the value v points to, as encoding/json
// with DisallowUnknownFields stores the same document, but from a tree
// already parsed (and perhaps validated): a document is parsed once. Keys
// match json tags exactly. Dropped members and elements are skipped. A
// value that does not fit is skipped too, as encoding/json does, so that
// the rest is still decoded; the error names the first such value by its
// JSON pointer. It decodes plain data (strings, booleans, integers,
// slices, string-keyed maps, structs and pointers to them), as the file
// model is: a type's own UnmarshalJSON or UnmarshalText is not called.
//
// Where it differs from encoding/json, on purpose or for want of need: keys
// match exactly (not ignoring case); a whole number written with a fraction
// or an exponent (30.0, 3e1) is read into an integer, as JSON Schema counts
// it; embedded structs are not promoted, and map keys are strings.
func Decode(n *Node, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("jsontree: Decode needs a non-nil pointer, got %T", v)
	}
	d := treeDecoder{fields: map[reflect.Type]map[string]int{}}
	d.value(n, rv.Elem(), nil)
	return d.err
}

type treeDecoder struct {
	fields map[reflect.Type]map[string]int // json key → field index, per struct type
	err    error                           // the first value the model cannot hold
}

func (d *treeDecoder) fail(path []string, format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%s: %s", placeOf(path), fmt.Sprintf(format, args...))
	}
}

func (d *treeDecoder) value(n *Node, v reflect.Value, path []string) {
	if n.Kind == KindNull {
		switch v.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			v.SetZero()
		}
		return
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), path)
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != KindString {
			d.mismatch(n, v, path)
			return
		}
		v.SetString(n.Str)
	case reflect.Bool:
		if n.Kind != KindBool {
			d.mismatch(n, v, path)
			return
		}
		v.SetBool(n.Bool)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.Kind != KindNumber {
			d.mismatch(n, v, path)
			return
		}
		i, ok := ParseDecimal(n.Str).Int64()
		if !ok || v.OverflowInt(i) {
			d.fail(path, "the number %s is not a whole number that fits %s", message.Cut(n.Str), v.Type())
			return
		}
		v.SetInt(i)
	case reflect.Slice:
		if n.Kind != KindArray {
			d.mismatch(n, v, path)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Vals), len(n.Vals))
		for i := range n.Vals {
			if n.Vals[i].Dropped {
				continue // written as null before the tree was decoded directly
			}
			d.value(&n.Vals[i], s.Index(i), append(path, strconv.Itoa(i)))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != KindObject || v.Type().Key().Kind() != reflect.String {
			d.mismatch(n, v, path)
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Keys))
		for i, k := range n.Keys {
			if n.Vals[i].Dropped {
				continue
			}
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(&n.Vals[i], e, append(path, k))
			m.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), e)
		}
		v.Set(m)
	case reflect.Struct:
		if n.Kind != KindObject {
			d.mismatch(n, v, path)
			return
		}
		fields := d.fieldsOf(v.Type())
		for i, k := range n.Keys {
			if n.Vals[i].Dropped {
				continue
			}
			f, ok := fields[k]
			if !ok {
				d.fail(path, "unknown key %s", message.Quote(k))
				continue
			}
			d.value(&n.Vals[i], v.Field(f), append(path, k))
		}
	default:
		d.fail(path, "the Go model has no JSON form for %s", v.Type())
	}
}

func (d *treeDecoder) mismatch(n *Node, v reflect.Value, path []string) {
	d.fail(path, "want %s, got %s", jsonKindOf(v.Type()), n.Kind)
}

// jsonKindOf names the JSON type that t reads.
func jsonKindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return "number"
}

// fieldsOf maps the json keys of struct type t to its field indexes.
func (d *treeDecoder) fieldsOf(t reflect.Type) map[string]int {
	if m, ok := d.fields[t]; ok {
		return m
	}
	m := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = i
	}
	d.fields[t] = m
	return m
}

// placeOf is path as a JSON pointer for a message (message.Place).
func placeOf(path []string) string { return message.Place(message.Pointer(path)) }
