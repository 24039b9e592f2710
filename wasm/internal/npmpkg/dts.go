package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/micromedia/rmacheck/internal/message"
)

// declarations writes TypeScript declarations for a JSON Schema: an
// interface named name for the root object, and a type alias for each entry
// of $defs. It knows the keywords schema/*.json use; any other keyword is an
// error naming its JSON pointer, so that a schema change cannot be dropped
// from the types without notice.
func declarations(name string, data []byte) (string, error) {
	root, err := parse(data, "")
	if err != nil {
		return "", err
	}
	g := &generator{defs: map[string]string{}}
	var b strings.Builder
	if root.has("$defs") {
		defs, err := root.object("$defs")
		if err != nil {
			return "", err
		}
		names := make([]string, 0, len(defs.keys))
		for _, k := range defs.keys {
			g.defs[k] = pascal(k)
			names = append(names, k)
		}
		for _, k := range names {
			d, err := defs.schema(k)
			if err != nil {
				return "", err
			}
			t, err := g.typeOf(d, "")
			if err != nil {
				return "", err
			}
			b.WriteString(doc(d, ""))
			fmt.Fprintf(&b, "export type %s = %s;\n\n", g.defs[k], t)
		}
	}
	if root.str("type") != "object" || !root.has("properties") {
		return "", fmt.Errorf("%s: want an object schema with properties at the root", orRoot(root.ptr))
	}
	body, err := g.members(root, "")
	if err != nil {
		return "", err
	}
	b.WriteString(doc(root, ""))
	fmt.Fprintf(&b, "export interface %s %s\n", name, body)
	return b.String(), nil
}

type generator struct {
	defs map[string]string // $defs key → type name
}

// keywords are the JSON Schema keywords declarations reads. annotations
// and validations only document or constrain values, so they change no type.
var (
	keywords    = []string{"$schema", "$id", "$defs", "$ref", "type", "properties", "required", "additionalProperties", "enum", "const", "items", "oneOf", "anyOf"}
	annotations = []string{"title", "description", "default", "format", "examples", "deprecated"}
	validations = []string{"minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties"}
)

func (g *generator) typeOf(s *node, indent string) (string, error) {
	switch {
	case s.has("$ref"):
		ref := s.str("$ref")
		name, ok := g.defs[strings.TrimPrefix(ref, "#/$defs/")]
		if !ok || !strings.HasPrefix(ref, "#/$defs/") {
			return "", fmt.Errorf("%s/$ref: %q: want #/$defs/<name> of this file", s.ptr, ref)
		}
		return name, nil
	case s.has("const"):
		return literal(s.fields["const"]), nil
	case s.has("enum"):
		var vals []json.RawMessage
		if err := json.Unmarshal(s.fields["enum"], &vals); err != nil || len(vals) == 0 {
			return "", fmt.Errorf("%s/enum: want a non-empty array", s.ptr)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = literal(v)
		}
		return strings.Join(parts, " | "), nil
	case s.has("oneOf") || s.has("anyOf"):
		key := "oneOf"
		if s.has("anyOf") {
			key = "anyOf"
		}
		list, err := s.array(key)
		if err != nil {
			return "", err
		}
		parts := make([]string, len(list))
		for i, m := range list {
			t, err := g.typeOf(m, indent)
			if err != nil {
				return "", err
			}
			parts[i] = t
		}
		return strings.Join(parts, " | "), nil
	}
	types, err := s.types()
	if err != nil {
		return "", err
	}
	if len(types) == 0 {
		return "unknown", nil
	}
	parts := make([]string, 0, len(types))
	for _, t := range types {
		switch t {
		case "string", "boolean", "null":
			parts = append(parts, t)
		case "integer", "number":
			parts = append(parts, "number")
		case "array":
			item := "unknown"
			if s.has("items") {
				is, err := s.schema("items")
				if err != nil {
					return "", err
				}
				if item, err = g.typeOf(is, indent); err != nil {
					return "", err
				}
				if isUnion(is) {
					item = "(" + item + ")"
				}
			}
			parts = append(parts, item+"[]")
		case "object":
			m, err := g.members(s, indent)
			if err != nil {
				return "", err
			}
			parts = append(parts, m)
		default:
			return "", fmt.Errorf("%s/type: unknown type %q", s.ptr, t)
		}
	}
	return strings.Join(parts, " | "), nil
}

// isUnion reports whether typeOf(s) is a union, which needs parentheses
// before [].
func isUnion(s *node) bool {
	var list []json.RawMessage
	for _, k := range []string{"enum", "oneOf", "anyOf"} {
		if s.has(k) && json.Unmarshal(s.fields[k], &list) == nil && len(list) > 1 {
			return true
		}
	}
	types, _ := s.types()
	return !s.has("$ref") && !s.has("const") && len(types) > 1
}

// members is an object type's body, { ... }, one member a line.
func (g *generator) members(s *node, indent string) (string, error) {
	var required []string
	if s.has("required") {
		if err := json.Unmarshal(s.fields["required"], &required); err != nil {
			return "", fmt.Errorf("%s/required: want an array of strings", s.ptr)
		}
	}
	var b strings.Builder
	b.WriteString("{\n")
	inner := indent + "  "
	if s.has("properties") {
		props, err := s.object("properties")
		if err != nil {
			return "", err
		}
		for _, k := range props.keys {
			p, err := props.schema(k)
			if err != nil {
				return "", err
			}
			t, err := g.typeOf(p, inner)
			if err != nil {
				return "", err
			}
			opt := "?"
			if slices.Contains(required, k) {
				opt = ""
			}
			b.WriteString(doc(p, inner))
			fmt.Fprintf(&b, "%s%s%s: %s;\n", inner, propertyName(k), opt, t)
		}
	}
	for _, k := range required {
		if !s.hasProperty(k) {
			return "", fmt.Errorf("%s/required: %q is not in properties", s.ptr, k)
		}
	}
	switch extra := s.fields["additionalProperties"]; {
	case extra == nil || string(extra) == "true":
		fmt.Fprintf(&b, "%s[key: string]: unknown;\n", inner)
	case string(extra) == "false":
	default:
		as, err := s.schema("additionalProperties")
		if err != nil {
			return "", err
		}
		t, err := g.typeOf(as, inner)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "%s[key: string]: %s;\n", inner, t)
	}
	b.WriteString(indent + "}")
	return b.String(), nil
}

// doc is a schema's title, description, format and default as a JSDoc
// comment, or "".
func doc(s *node, indent string) string {
	var lines []string
	for _, k := range []string{"title", "description"} {
		if v := s.str(k); v != "" {
			lines = append(lines, v)
		}
	}
	if f := s.str("format"); f != "" {
		if text, ok := formats[f]; ok {
			lines = append(lines, text)
		} else {
			lines = append(lines, "Format: "+f+".")
		}
	}
	if d, ok := s.fields["default"]; ok {
		lines = append(lines, "@default "+literal(d))
	}
	if len(lines) == 0 {
		return ""
	}
	text := strings.ReplaceAll(strings.Join(lines, "\n"), "*/", "*\\/")
	if len(lines) == 1 && !strings.Contains(text, "\n") {
		return indent + "/** " + text + " */\n"
	}
	var b strings.Builder
	b.WriteString(indent + "/**\n")
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimRight(indent+" * "+l, " ") + "\n")
	}
	b.WriteString(indent + " */\n")
	return b.String()
}

// formats say in words what a string format means.
var formats = map[string]string{
	"date":      "A day, YYYY-MM-DD.",
	"date-time": "A time, RFC 3339.",
	"uri":       "A URI.",
	"email":     "An e-mail address.",
}

// literal is a JSON value as a TypeScript literal type: JSON's literals are
// TypeScript's.
func literal(v json.RawMessage) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, v); err != nil {
		return "unknown"
	}
	return buf.String()
}

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

func propertyName(k string) string {
	if identifier.MatchString(k) {
		return k
	}
	q, _ := json.Marshal(k)
	return string(q)
}

// pascal is a $defs key as a type name: "spare-part" → "SparePart".
func pascal(k string) string {
	var b strings.Builder
	up := true
	for _, r := range k {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '.':
			up = true
		case up:
			b.WriteString(strings.ToUpper(string(r)))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// node is one schema object, its keys in document order.
type node struct {
	ptr    string // JSON pointer in its file
	keys   []string
	fields map[string]json.RawMessage
}

// parse reads a schema object and checks that declarations knows each of its
// keywords.
func parse(data []byte, ptr string) (*node, error) {
	n, err := parseObject(data, ptr)
	if err != nil {
		return nil, err
	}
	for _, k := range n.keys {
		if !slices.Contains(keywords, k) && !slices.Contains(annotations, k) && !slices.Contains(validations, k) {
			return nil, fmt.Errorf("%s: keyword %q: the type generator does not know it", n.ptr+"/"+message.EscapeSegment(k), k)
		}
	}
	return n, nil
}

// parseObject reads a JSON object keeping its key order (a map would lose
// it, and the types would list members in a random order).
func parseObject(data []byte, ptr string) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("%s: want a JSON object", orRoot(ptr))
	}
	n := &node{ptr: ptr, fields: map[string]json.RawMessage{}}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", orRoot(ptr), err)
		}
		k := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("%s: %v", orRoot(ptr+"/"+message.EscapeSegment(k)), err)
		}
		if _, dup := n.fields[k]; dup {
			return nil, fmt.Errorf("%s: duplicate key", ptr+"/"+message.EscapeSegment(k))
		}
		n.keys = append(n.keys, k)
		n.fields[k] = v
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("%s: %v", orRoot(ptr), err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: data after the object", orRoot(ptr))
	}
	return n, nil
}

func orRoot(ptr string) string {
	if ptr == "" {
		return "/"
	}
	return ptr
}

func (n *node) has(k string) bool { _, ok := n.fields[k]; return ok }

func (n *node) str(k string) string {
	var s string
	_ = json.Unmarshal(n.fields[k], &s)
	return s
}

func (n *node) schema(k string) (*node, error) {
	return parse(n.fields[k], n.ptr+"/"+message.EscapeSegment(k))
}

// object is the value of k, a plain JSON object (properties, $defs).
func (n *node) object(k string) (*node, error) {
	return parseObject(n.fields[k], n.ptr+"/"+message.EscapeSegment(k))
}

func (n *node) array(k string) ([]*node, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(n.fields[k], &raws); err != nil {
		return nil, fmt.Errorf("%s/%s: want an array of schemas", n.ptr, k)
	}
	out := make([]*node, len(raws))
	for i, r := range raws {
		s, err := parse(r, fmt.Sprintf("%s/%s/%d", n.ptr, k, i))
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

func (n *node) hasProperty(k string) bool {
	props, err := n.object("properties")
	return err == nil && slices.Contains(props.keys, k)
}

// types is the type keyword as a list: absent, a string or an array.
func (n *node) types() ([]string, error) {
	raw, ok := n.fields["type"]
	if !ok {
		return nil, nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("%s/type: want a string or an array of strings", n.ptr)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[j] == "null" && list[i] != "null" })
	return list, nil
}
