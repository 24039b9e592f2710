// Package jsontree is the module's one strict JSON reader: for brands.json,
// for claims and for the guide's edits of brands.json.
//
// encoding/json lets the last of two equal keys win, ignores data after the
// first value only with care, and replaces invalid UTF-8 and lone surrogate
// escapes silently. Parse refuses all of these, and parses a document into
// a tree that keeps keys in document order: the tree feeds the schema
// validator, gives every problem its place (an Error carries the JSON
// pointer), and Decode stores it into Go values without a second parse.
package jsontree

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/micromedia/rmacheck/internal/message"
)

// Kind is the JSON type of a Node.
type Kind uint8

// The kinds of JSON value; the zero Kind is null.
const (
	KindNull Kind = iota
	KindBool
	KindNumber
	KindString
	KindObject
	KindArray
)

// String is the kind's JSON Schema name ("boolean", "object"…).
func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "object", "array"}[k]
}

// Node is one JSON value. For objects, Keys[i] names Vals[i], in document
// order.
type Node struct {
	Kind    Kind
	Bool    bool
	Dropped bool   // left out by Decode and Marshal (see Marshal)
	Str     string // a string's value, or a number's literal
	Keys    []string
	Vals    []Node
}

// Member returns the value under key and its index, or nil and -1.
func (n *Node) Member(key string) (*Node, int) {
	for i := range n.Keys {
		if n.Keys[i] == key {
			return &n.Vals[i], i
		}
	}
	return nil, -1
}

// MaxDepth bounds nesting: brands.json is 8 levels deep, and a deeper
// document is hostile.
const MaxDepth = 64

// Error is a problem the parser found, with its place.
type Error struct {
	Pointer string // the JSON pointer of the value being read
	Offset  int    // the byte offset in the input
	Msg     string
	// OfMember: the JSON's syntax is sound as far as it was read, but the
	// member that Pointer names is not: a key repeated, a string's text
	// (invalid UTF-8, a lone surrogate escape), or nesting past MaxDepth.
	OfMember bool
	// InKey: the text at fault is a key's, of the object Pointer names (the
	// key cannot be read, so no pointer names it).
	InKey bool
}

// Error is the message with its place: "pointer: byte offset: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s: byte %d: %s", message.Place(e.Pointer), e.Offset, e.Msg)
}

type parser struct {
	data []byte
	pos  int
	path []segment // where the parser is, for the pointer of an error
	// The members of the containers being read, shared by all of them so
	// that each container's slices are allocated once, at their size.
	vals []Node
	keys []string
	err  *Error
	// names are keys already read, so that a key repeated through the
	// document (brands.json has thousands of "id" and "fr") is one string.
	// It grows unless fixedNames is set (the claim's keys: a shared table).
	names      map[string]string
	fixedNames bool
}

// segment is one step of a JSON Pointer: a key, or an index when isIndex
// is set, so that an array element costs no string.
type segment struct {
	key     string
	index   int
	isIndex bool
}

// Parse reads one JSON value and nothing after it.
func Parse(data []byte) (Node, *Error) {
	p := &parser{data: data}
	return p.document()
}

// Errors of Members, besides *Error.
var (
	ErrEmpty    = errors.New("empty input")
	ErrTrailing = errors.New("more than one value")
)

// NotObjectError is Members' error for a value that is not an object.
type NotObjectError struct{ Kind Kind }

func (e *NotObjectError) Error() string { return "want an object, got " + e.Kind.String() }

// Members reads data, one JSON object, member by member: member gets each
// key and its value in document order, and returns false to stop (Members
// then returns nil). A key that names holds is read without allocating;
// names is only read. The error is ErrEmpty, a *NotObjectError, an *Error
// (in the syntax, or OfMember), or ErrTrailing.
func Members(data []byte, names map[string]string, member func(key string, v Node) bool) error {
	var keys [16]string // room for a small object's keys: reading it grows no slice
	p := parser{data: data, keys: keys[:0], names: names, fixedNames: true}
	p.space()
	if p.pos == len(data) {
		return ErrEmpty
	}
	if data[p.pos] != '{' {
		n := p.value(0)
		if p.err != nil {
			p.err.OfMember = false // no member to name
			return p.err
		}
		return &NotObjectError{Kind: n.Kind}
	}
	stopped := false
	p.members(func(key string) bool {
		v := p.value(1)
		if p.err == nil && !member(key, v) {
			stopped = true
		}
		return !stopped
	})
	switch {
	case p.err != nil:
		return p.err
	case stopped:
		return nil
	}
	if p.space(); p.pos < len(data) {
		return ErrTrailing
	}
	return nil
}

func (p *parser) document() (Node, *Error) {
	data := p.data
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return Node{}, &Error{Offset: 0, Msg: "starts with a byte order mark; save the file as UTF-8 without one"}
	}
	p.space()
	if p.pos == len(data) {
		return Node{}, &Error{Msg: "empty input"}
	}
	n := p.value(0)
	if p.err != nil {
		return Node{}, p.err
	}
	p.space()
	if p.pos < len(data) {
		return Node{}, &Error{Offset: p.pos, Msg: "trailing data after the document"}
	}
	return n, nil
}

func (p *parser) fail(format string, args ...any) {
	if p.err == nil {
		segs := make([]string, len(p.path))
		for i, s := range p.path {
			if s.isIndex {
				segs[i] = strconv.Itoa(s.index)
			} else {
				segs[i] = s.key
			}
		}
		p.err = &Error{Pointer: message.Pointer(segs), Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
	}
}

// failMember is fail for a member whose syntax is sound (see Error.OfMember).
func (p *parser) failMember(msg string) {
	if p.err == nil {
		p.fail("%s", msg)
		p.err.OfMember = true
	}
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) Node {
	if depth > MaxDepth {
		p.failMember(fmt.Sprintf("nested deeper than %d levels", MaxDepth))
		return Node{}
	}
	if p.pos >= len(p.data) {
		p.fail("unexpected end of input")
		return Node{}
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, _ := p.string()
		return Node{Kind: KindString, Str: s}
	case c == 't':
		p.literal("true")
		return Node{Kind: KindBool, Bool: true}
	case c == 'f':
		p.literal("false")
		return Node{Kind: KindBool}
	case c == 'n':
		p.literal("null")
		return Node{}
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	default:
		p.fail("unexpected %s", describeByte(p.data, p.pos))
		return Node{}
	}
}

func (p *parser) literal(word string) {
	if !bytes.HasPrefix(p.data[p.pos:], []byte(word)) {
		p.fail("unexpected %s", describeByte(p.data, p.pos))
		return
	}
	p.pos += len(word)
}

func (p *parser) number() Node {
	start := p.pos
	d := p.data
	i := p.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(d) && d[i] == '0' {
		i++
	} else if digits() == 0 {
		p.pos = i
		p.fail("invalid number")
		return Node{}
	}
	if i < len(d) && d[i] == '.' {
		i++
		if digits() == 0 {
			p.pos = i
			p.fail("invalid number")
			return Node{}
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.pos = i
			p.fail("invalid number")
			return Node{}
		}
	}
	p.pos = i
	return Node{Kind: KindNumber, Str: string(d[start:i])}
}

// string reads a JSON string, rejecting invalid UTF-8 and lone surrogates
// rather than replacing them.
func (p *parser) string() (string, bool) {
	d := p.data
	i := p.pos + 1
	start := i
	// Fast path: no escapes, ASCII or valid UTF-8.
	for i < len(d) {
		c := d[i]
		if c == '"' {
			s := d[start:i]
			if !utf8.Valid(s) {
				p.pos = start + invalidUTF8At(s)
				p.failMember("invalid UTF-8 in a string")
				return "", false
			}
			p.pos = i + 1
			return string(s), true
		}
		if c == '\\' || c < 0x20 {
			break
		}
		i++
	}
	var b []byte
	b = append(b, d[start:i]...)
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			if !utf8.Valid(b) {
				p.pos = start
				p.failMember("invalid UTF-8 in a string")
				return "", false
			}
			p.pos = i + 1
			return string(b), true
		case c < 0x20:
			p.pos = i
			p.fail("control character %q in a string (write it as an escape)", rune(c))
			return "", false
		case c == '\\':
			if i+1 >= len(d) {
				p.pos = i
				p.fail("unexpected end of input")
				return "", false
			}
			e := d[i+1]
			i += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(d, i)
				if !ok {
					p.pos = i - 2
					p.fail("invalid \\u escape")
					return "", false
				}
				i += 4
				if utf16.IsSurrogate(r) {
					if i+6 > len(d) && (i == len(d) || d[i] == '\\') {
						p.pos = len(d) // the input ends inside the pair
						p.fail("unexpected end of input in a string")
						return "", false
					}
					r2, ok := rune(0), i+6 <= len(d) && d[i] == '\\' && d[i+1] == 'u'
					if ok {
						r2, ok = hex4(d, i+2)
					}
					pair := utf16.DecodeRune(r, r2)
					if !ok || pair == utf8.RuneError {
						p.pos = i - 6
						p.failMember("lone UTF-16 surrogate escape in a string")
						return "", false
					}
					i += 6
					r = pair
				}
				b = utf8.AppendRune(b, r)
			default:
				p.pos = i - 2
				p.fail("invalid escape \\%c in a string", e)
				return "", false
			}
		default:
			b = append(b, c)
			i++
		}
	}
	p.pos = len(d)
	p.fail("unexpected end of input in a string")
	return "", false
}

// key reads an object's key: a plain one (no escape, no control
// character) that p.names holds costs no allocation.
func (p *parser) key() (string, bool) {
	d, start := p.data, p.pos+1
	i := start
	for i < len(d) && d[i] != '"' && d[i] != '\\' && d[i] >= 0x20 {
		i++
	}
	if i < len(d) && d[i] == '"' {
		if k, ok := p.names[string(d[start:i])]; ok { // valid: it was read before
			p.pos = i + 1
			return k, true
		}
	}
	k, ok := p.string()
	if ok && !p.fixedNames {
		if p.names == nil {
			p.names = map[string]string{}
		}
		p.names[k] = k
	}
	return k, ok
}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(d[i:i+4]), 16, 32)
	return rune(v), err == nil
}

func invalidUTF8At(s []byte) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(s)
}

func (p *parser) object(depth int) Node {
	base, kbase := len(p.vals), len(p.keys)
	defer func() { p.vals, p.keys = p.vals[:base], p.keys[:kbase] }()
	closed := p.members(func(string) bool {
		v := p.value(depth + 1)
		p.vals = append(p.vals, v)
		return true
	})
	if !closed {
		return Node{}
	}
	n := Node{Kind: KindObject}
	if len(p.vals) > base {
		n.Keys = append([]string(nil), p.keys[kbase:]...)
		n.Vals = append([]Node(nil), p.vals[base:]...)
	}
	return n
}

// members reads the object at p.pos member by member. For each it reads
// the key, refuses a key the object already has, and calls value with the
// parser at the member's value, which value must read; value returns false
// to stop. members reports whether it read the object to its closing brace.
// The keys it read stay on p.keys, for the caller to take and then drop.
func (p *parser) members(value func(key string) bool) bool {
	p.pos++ // {
	kbase := len(p.keys)
	var seen map[string]bool // only for large objects: small ones scan keys
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return true
	}
	for p.err == nil {
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			p.fail("want a quoted key, got %s", describeByte(p.data, p.pos))
			break
		}
		keyAt := p.pos
		key, ok := p.key()
		if !ok {
			p.err.InKey = p.err.OfMember
			break
		}
		dup := false
		if seen != nil {
			dup = seen[key]
		} else {
			for _, k := range p.keys[kbase:] {
				dup = dup || k == key
			}
		}
		if dup {
			p.pos = keyAt // point at the second key, not past it
			p.path = append(p.path, segment{key: key})
			p.failMember("duplicate key") // the pointer names it
			break
		}
		if len(p.keys)-kbase == 8 {
			seen = make(map[string]bool, 16)
			for _, k := range p.keys[kbase:] {
				seen[k] = true
			}
		}
		if seen != nil {
			seen[key] = true
		}
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			p.fail("want ':' after key %s, got %s", message.Quote(key), describeByte(p.data, p.pos))
			break
		}
		p.pos++
		p.space()
		p.path = append(p.path, segment{key: key})
		p.keys = append(p.keys, key)
		if !value(key) || p.err != nil {
			break
		}
		p.path = p.path[:len(p.path)-1]
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return true
		}
		p.fail("want ',' or '}' after a member, got %s", describeByte(p.data, p.pos))
	}
	return false
}

func (p *parser) array(depth int) Node {
	p.pos++ // [
	n := Node{Kind: KindArray}
	base := len(p.vals)
	defer func() { p.vals = p.vals[:base] }()
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return n
	}
	for p.err == nil {
		p.space()
		p.path = append(p.path, segment{index: len(p.vals) - base, isIndex: true})
		v := p.value(depth + 1)
		if p.err != nil {
			break
		}
		p.path = p.path[:len(p.path)-1]
		p.vals = append(p.vals, v)
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			n.Vals = append([]Node(nil), p.vals[base:]...)
			return n
		}
		p.fail("want ',' or ']' after an element, got %s", describeByte(p.data, p.pos))
	}
	return Node{}
}

func describeByte(d []byte, i int) string {
	if i >= len(d) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(d[i:])
	return fmt.Sprintf("%q", r)
}

// LineCol turns a byte offset into a 1-based line and column.
func LineCol(data []byte, offset int) (int, int) {
	offset = min(offset, len(data))
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	col := offset - bytes.LastIndexByte(data[:offset], '\n')
	return line, col
}

// Marshal appends the tree as compact JSON to b. Dropped values are left
// out (as members) or written as null (as elements).
func (n *Node) Marshal(b []byte) []byte {
	switch n.Kind {
	case KindNull:
		return append(b, "null"...)
	case KindBool:
		return strconv.AppendBool(b, n.Bool)
	case KindNumber:
		return append(b, n.Str...)
	case KindString:
		return AppendString(b, n.Str)
	case KindObject:
		b = append(b, '{')
		first := true
		for i := range n.Keys {
			if n.Vals[i].Dropped {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(AppendString(b, n.Keys[i]), ':')
			b = n.Vals[i].Marshal(b)
		}
		return append(b, '}')
	}
	b = append(b, '[')
	for i := range n.Vals {
		if i > 0 {
			b = append(b, ',')
		}
		if n.Vals[i].Dropped {
			b = append(b, "null"...)
			continue
		}
		b = n.Vals[i].Marshal(b)
	}
	return append(b, ']')
}
