package guide

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/micromedia/rmacheck/internal/jsontree"
	"github.com/micromedia/rmacheck/internal/message"
)

// object is a JSON object that keeps its keys in order, so that update
// writes brands.json back with only the lines it changes (brands.json is
// indented with two spaces, which json.Indent reproduces).
type object struct {
	keys []string
	vals map[string]json.RawMessage
}

// parseObject reads data, a JSON object, with the module's strict reader
// (a repeated key, invalid UTF-8 or data after the object is an error
// naming its place): its members in order, each value as compact JSON,
// written again from the tree. Strings come back in the form brands.json is
// kept in (json.Encoder's, without HTML escaping): a file hand-edited with
// other escapes ("caf\u00e9") has those lines rewritten once.
func parseObject(data []byte) (*object, error) {
	n, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	return objectOf(&n)
}

// parseObjects reads data, a JSON array of objects.
func parseObjects(data json.RawMessage) ([]*object, error) {
	n, err := parseTree(data)
	if err != nil {
		return nil, err
	}
	if n.Kind != jsontree.KindArray {
		return nil, fmt.Errorf("want an array, got %s", n.Kind)
	}
	out := make([]*object, len(n.Vals))
	for i := range n.Vals {
		o, err := objectOf(&n.Vals[i])
		if err != nil {
			return nil, fmt.Errorf("/%d: %v", i, err)
		}
		out[i] = o
	}
	return out, nil
}

func parseTree(data []byte) (jsontree.Node, error) {
	n, perr := jsontree.Parse(data)
	if perr != nil {
		line, col := jsontree.LineCol(data, perr.Offset)
		return n, fmt.Errorf("%s: line %d, column %d: %s", message.Place(perr.Pointer), line, col, perr.Msg)
	}
	return n, nil
}

func objectOf(n *jsontree.Node) (*object, error) {
	if n.Kind != jsontree.KindObject {
		return nil, fmt.Errorf("want an object, got %s", n.Kind)
	}
	o := &object{keys: slices.Clone(n.Keys), vals: make(map[string]json.RawMessage, len(n.Keys))}
	for i, k := range n.Keys {
		o.vals[k] = n.Vals[i].Marshal(nil)
	}
	return o, nil
}

// marshal is json.Marshal without HTML escaping, as brands.json is written.
func marshal(v any) json.RawMessage {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only values of this package's own types are marshalled
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

func (o *object) bytes() json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsontree.AppendString(nil, k))
		b.WriteByte(':')
		b.Write(o.vals[k])
	}
	b.WriteByte('}')
	return b.Bytes()
}

func objectsBytes(os []*object) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, o := range os {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(o.bytes())
	}
	b.WriteByte(']')
	return b.Bytes()
}

func (o *object) has(k string) bool { _, ok := o.vals[k]; return ok }

func (o *object) get(k string, v any) error {
	raw, ok := o.vals[k]
	if !ok {
		return nil
	}
	return decode(raw, v)
}

// decode reads data into v with the module's strict reader.
func decode(data []byte, v any) error {
	n, err := parseTree(data)
	if err != nil {
		return err
	}
	return jsontree.Decode(&n, v)
}

// set sets k, keeping its place, or puts it after the key after (at the
// end when after is absent).
func (o *object) set(k string, v any, after string) {
	raw, ok := v.(json.RawMessage)
	if !ok {
		raw = marshal(v)
	}
	if !o.has(k) {
		pos := len(o.keys)
		for i, x := range o.keys {
			if x == after {
				pos = i + 1
			}
		}
		o.keys = append(o.keys[:pos], append([]string{k}, o.keys[pos:]...)...)
	}
	o.vals[k] = raw
}

func (o *object) del(k string) {
	if !o.has(k) {
		return
	}
	delete(o.vals, k)
	for i, x := range o.keys {
		if x == k {
			o.keys = append(o.keys[:i], o.keys[i+1:]...)
			break
		}
	}
}

// indented is brands.json's layout: two spaces, a final newline.
func indented(compact []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := json.Indent(&b, compact, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
