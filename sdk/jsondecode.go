package sdk

import (
	"encoding"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/micromedia/rmacheck/internal/message"
)

// decodeTree stores the parsed tree n into v, the file model, as
// encoding/json with DisallowUnknownFields would store the same document,
// but from the tree the schema validator has already walked: Load parses a
// file once. Keys match json tags exactly. Members and elements that prune
// dropped are skipped. A value the model cannot hold is skipped too, as
// encoding/json does, so that the lint sees the rest; the error names the
// first such value by its JSON pointer.
func decodeTree(n *node, v reflect.Value) error {
	d := treeDecoder{fields: map[reflect.Type]map[string]int{}}
	d.value(n, v, nil)
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

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

func (d *treeDecoder) value(n *node, v reflect.Value, path []string) {
	if n.kind == kindNull {
		switch v.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			v.SetZero()
		}
		if v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
			v.SetZero() // a Date: null is the zero Date
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
	if v.CanAddr() && v.Addr().Type().Implements(textUnmarshaler) {
		if n.kind != kindString {
			d.mismatch(n, v, path)
		} else if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.str)); err != nil {
			d.fail(path, "%v", err)
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.kind != kindString {
			d.mismatch(n, v, path)
			return
		}
		v.SetString(n.str)
	case reflect.Bool:
		if n.kind != kindBool {
			d.mismatch(n, v, path)
			return
		}
		v.SetBool(n.b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.kind != kindNumber {
			d.mismatch(n, v, path)
			return
		}
		i, ok := parseDecimal(n.str).int64()
		if !ok || v.OverflowInt(i) {
			d.fail(path, "the number %s is not a whole number that fits %s", message.Cut(n.str), v.Type())
			return
		}
		v.SetInt(i)
	case reflect.Slice:
		if n.kind != kindArray {
			d.mismatch(n, v, path)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.vals), len(n.vals))
		for i := range n.vals {
			if n.vals[i].dropped {
				continue // written as null before the tree was decoded directly
			}
			d.value(&n.vals[i], s.Index(i), append(path, strconv.Itoa(i)))
		}
		v.Set(s)
	case reflect.Map:
		if n.kind != kindObject || v.Type().Key().Kind() != reflect.String {
			d.mismatch(n, v, path)
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.keys))
		for i, k := range n.keys {
			if n.vals[i].dropped {
				continue
			}
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(&n.vals[i], e, append(path, k))
			m.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), e)
		}
		v.Set(m)
	case reflect.Struct:
		if n.kind != kindObject {
			d.mismatch(n, v, path)
			return
		}
		fields := d.fieldsOf(v.Type())
		for i, k := range n.keys {
			if n.vals[i].dropped {
				continue
			}
			f, ok := fields[k]
			if !ok {
				d.fail(path, "unknown key %s", message.Quote(k))
				continue
			}
			d.value(&n.vals[i], v.Field(f), append(path, k))
		}
	default:
		d.fail(path, "the Go model has no JSON form for %s", v.Type())
	}
}

func (d *treeDecoder) mismatch(n *node, v reflect.Value, path []string) {
	d.fail(path, "want %s, got %s", jsonKindOf(v.Type()), n.kind)
}

// jsonKindOf names the JSON type that t reads.
func jsonKindOf(t reflect.Type) string {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "string"
	}
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

// placeOf is path as a JSON pointer for a message: "/" for the root.
func placeOf(path []string) string {
	if len(path) == 0 {
		return "/"
	}
	return message.Pointer(path)
}
