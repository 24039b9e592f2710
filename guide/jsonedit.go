package guide

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// object is a JSON object that keeps its keys in order, so that update
// writes brands.json back with only the lines it changes (brands.json is
// indented with two spaces, which json.Indent reproduces).
type object struct {
	keys []string
	vals map[string]json.RawMessage
}

func parseObject(data []byte) (*object, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("want an object, got %v", tok)
	}
	o := &object{vals: map[string]json.RawMessage{}}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if _, dup := o.vals[k]; !dup {
			o.keys = append(o.keys, k)
		}
		o.vals[k] = raw
	}
	return o, nil
}

func parseObjects(data json.RawMessage) ([]*object, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, err
	}
	out := make([]*object, len(raws))
	for i, r := range raws {
		o, err := parseObject(r)
		if err != nil {
			return nil, err
		}
		out[i] = o
	}
	return out, nil
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
		b.Write(marshal(k))
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
	return json.Unmarshal(raw, v)
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
