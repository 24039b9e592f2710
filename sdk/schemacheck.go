package sdk

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/jsontree"
	"github.com/micromedia/rmacheck/internal/message"
)

// A validator for the part of JSON Schema 2020-12 that
// schema/brands.schema.json uses. The schema file stays the single
// description of the data; interpreting it here keeps a general JSON Schema
// library (and the network and big-number code it pulls in) out of the
// WebAssembly builds, and reports problems in document order. Compiling a
// schema that uses any other keyword is an error. Its verdicts and pointers
// are held equal to the reference library's (santhosh-tekuri/jsonschema)
// by edge tests, the broken-file tables, a mutation sweep and a fuzz target
// (sdk/reference_test.go).

type schemaNode struct {
	ref           string
	target        *schemaNode
	types         []string
	props         map[string]*schemaNode
	additional    *schemaNode
	noAdditional  bool
	required      []string
	dependent     []dependency // dependentRequired, in the schema's order
	items         *schemaNode
	enum          []jsontree.Node
	constant      *jsontree.Node
	pattern       *regexp.Regexp
	patternSrc    string
	minLength     int
	maxLength     int // -1: none
	minItems      int
	uniqueItems   bool
	minimum       *bound
	maximum       *bound
	minProperties int
	propertyNames *schemaNode
	allOf         []*schemaNode
	ifSchema      *schemaNode
	thenSchema    *schemaNode
	format        string
}

// dependency is one member of dependentRequired: if the object has key, it
// needs every key in needs.
type dependency struct {
	key   string
	needs []string
}

// bound is a minimum or a maximum: its exact value, and the float the
// messages print.
type bound struct {
	value jsontree.Decimal
	f     float64
}

// annotations carry no constraint.
var annotations = map[string]bool{"$schema": true, "$id": true, "$defs": true, "title": true, "description": true, "default": true, "examples": true}

var brandsSchemaCheck = sync.OnceValues(func() (*schemaNode, error) {
	return compileSchema(rmacheck.BrandsSchema())
})

func compileSchema(data []byte) (*schemaNode, error) {
	doc, perr := jsontree.Parse(data)
	if perr != nil {
		return nil, fmt.Errorf("schema: %s: %s", perr.Pointer, perr.Msg)
	}
	// located holds every schema by its JSON pointer in the file, so that a
	// $ref resolves where its target stands, in nested $defs too.
	located := map[string]*schemaNode{}
	var all []*schemaNode
	var build func(n *jsontree.Node, at string) (*schemaNode, error)
	build = func(n *jsontree.Node, at string) (*schemaNode, error) {
		if n.Kind == jsontree.KindBool {
			if n.Bool {
				return &schemaNode{maxLength: -1}, nil
			}
			return nil, fmt.Errorf("schema %s: false schemas are not supported", at)
		}
		if n.Kind != jsontree.KindObject {
			return nil, fmt.Errorf("schema %s: want an object", at)
		}
		s := &schemaNode{maxLength: -1}
		all = append(all, s)
		located[at] = s
		sub := func(key string, v *jsontree.Node) (*schemaNode, error) { return build(v, at+"/"+key) }
		integer := func(v *jsontree.Node) (int, error) { return strconv.Atoi(v.Str) }
		for i, key := range n.Keys {
			v := &n.Vals[i]
			var err error
			switch key {
			case "$ref":
				s.ref = v.Str
			case "type":
				if v.Kind == jsontree.KindString {
					s.types = []string{v.Str}
				} else {
					for _, t := range v.Vals {
						s.types = append(s.types, t.Str)
					}
				}
			case "properties":
				s.props = map[string]*schemaNode{}
				for j, name := range v.Keys {
					if s.props[name], err = sub(key+"/"+message.EscapeSegment(name), &v.Vals[j]); err != nil {
						return nil, err
					}
				}
			case "additionalProperties":
				if v.Kind == jsontree.KindBool && !v.Bool {
					s.noAdditional = true
				} else {
					s.additional, err = sub(key, v)
				}
			case "required":
				for _, r := range v.Vals {
					s.required = append(s.required, r.Str)
				}
			case "dependentRequired":
				for j, name := range v.Keys {
					d := dependency{key: name}
					for _, r := range v.Vals[j].Vals {
						d.needs = append(d.needs, r.Str)
					}
					s.dependent = append(s.dependent, d)
				}
			case "items":
				s.items, err = sub(key, v)
			case "enum":
				s.enum = v.Vals
			case "const":
				s.constant = v
			case "pattern":
				s.patternSrc = v.Str
				s.pattern, err = regexp.Compile(v.Str)
			case "minLength":
				s.minLength, err = integer(v)
			case "maxLength":
				s.maxLength, err = integer(v)
			case "minItems":
				s.minItems, err = integer(v)
			case "uniqueItems":
				s.uniqueItems = v.Bool
			case "minimum", "maximum":
				if v.Kind != jsontree.KindNumber {
					return nil, fmt.Errorf("schema %s/%s: want a number", at, key)
				}
				b := &bound{value: jsontree.ParseDecimal(v.Str)}
				b.f, _ = strconv.ParseFloat(v.Str, 64)
				if key == "minimum" {
					s.minimum = b
				} else {
					s.maximum = b
				}
			case "minProperties":
				s.minProperties, err = integer(v)
			case "propertyNames":
				s.propertyNames, err = sub(key, v)
			case "allOf":
				for j := range v.Vals {
					var a *schemaNode
					if a, err = sub(fmt.Sprintf("%s/%d", key, j), &v.Vals[j]); err != nil {
						return nil, err
					}
					s.allOf = append(s.allOf, a)
				}
			case "if":
				s.ifSchema, err = sub(key, v)
			case "then":
				s.thenSchema, err = sub(key, v)
			case "format":
				s.format = v.Str
				if s.format != "date" && s.format != "email" && s.format != "uri" {
					return nil, fmt.Errorf("schema %s: format %q is not supported", at, s.format)
				}
			case "$defs":
				for j, name := range v.Keys {
					if _, err = sub(key+"/"+message.EscapeSegment(name), &v.Vals[j]); err != nil {
						return nil, err
					}
				}
			default:
				if !annotations[key] {
					return nil, fmt.Errorf("schema %s: keyword %q is not supported", at, key)
				}
			}
			if err != nil {
				return nil, fmt.Errorf("schema %s/%s: %v", at, key, err)
			}
		}
		return s, nil
	}
	root, err := build(&doc, "")
	if err != nil {
		return nil, err
	}
	for _, s := range all {
		if s.ref == "" {
			continue
		}
		// Only references inside the file: "#" and a JSON pointer, which a
		// URI fragment percent-encodes.
		if ptr, ok := strings.CutPrefix(s.ref, "#"); ok {
			if ptr, err = url.PathUnescape(ptr); err == nil {
				s.target = located[ptr]
			}
		}
		if s.target == nil {
			return nil, fmt.Errorf("schema: $ref %q not found", s.ref)
		}
	}
	return root, nil
}

// schemaResult is what one validation found.
type schemaResult struct {
	problems []Problem
	// unusable are the pointers of values the file model cannot decode (a
	// wrong type, a key it does not know) or the SDK cannot use (an
	// impossible date): they are dropped before decoding, so that the lint
	// runs on the rest without repeating the schema's problems.
	unusable []string
	// absent are the pointers of required keys that are missing.
	absent []string
	// modelProblems are values the schema takes and the SDK cannot use (a
	// date of the year 0000, which Date cannot hold): LoadBytes reports
	// them, the schema's verdict leaves them out.
	modelProblems []Problem
}

type validation struct {
	res     *schemaResult
	collect bool // false while trying an "if": only the verdict matters
	failed  bool
}

func (v *validation) fail(at, format string, args ...any) {
	v.failed = true
	if v.collect {
		v.res.problems = append(v.res.problems, Problem{Pointer: at, Message: fmt.Sprintf(format, args...)})
	}
}

func (v *validation) drop(at string) {
	if v.collect {
		v.res.unusable = append(v.res.unusable, at)
	}
}

func validateTree(s *schemaNode, n *jsontree.Node) *schemaResult {
	res := &schemaResult{}
	v := &validation{res: res, collect: true}
	v.check(s, n, "")
	return res
}

func (v *validation) check(s *schemaNode, n *jsontree.Node, at string) {
	// A wrong type is the only problem reported for a value, as the
	// reference does: its other keywords would only repeat it.
	if len(s.types) > 0 && !typeMatches(s.types, n) {
		v.fail(at, "expected %s, but got %s", strings.Join(s.types, " or "), kindName(n))
		v.drop(at)
		return
	}
	if s.target != nil {
		v.check(s.target, n, at)
	}
	if s.constant != nil && !equalNodes(s.constant, n) {
		v.fail(at, "value must be %s", string(s.constant.Marshal(nil)))
		if s.constant.Kind != n.Kind {
			v.drop(at)
		}
	}
	if s.enum != nil {
		ok := false
		for i := range s.enum {
			ok = ok || equalNodes(&s.enum[i], n)
		}
		if !ok {
			var names []string
			for i := range s.enum {
				names = append(names, string(s.enum[i].Marshal(nil)))
			}
			v.fail(at, "value must be one of %s, got %s", strings.Join(names, ", "), quoteNode(n))
			if n.Kind != jsontree.KindString {
				v.drop(at)
			}
		}
	}
	switch n.Kind {
	case jsontree.KindString:
		v.checkString(s, n, at)
	case jsontree.KindNumber:
		d := jsontree.ParseDecimal(n.Str)
		if s.minimum != nil && d.Cmp(s.minimum.value) < 0 {
			v.fail(at, "must be >= %v but found %s", s.minimum.f, message.Cut(n.Str))
		}
		if s.maximum != nil && d.Cmp(s.maximum.value) > 0 {
			v.fail(at, "must be <= %v but found %s", s.maximum.f, message.Cut(n.Str))
		}
	case jsontree.KindArray:
		if len(n.Vals) < s.minItems {
			v.fail(at, "minimum %d items required, but found %d items", s.minItems, len(n.Vals))
		}
		if s.uniqueItems {
			seen := map[string]int{}
			for i := range n.Vals {
				k := string(canonical(&n.Vals[i], nil))
				if j, dup := seen[k]; dup {
					v.fail(at, "items at %d and %d are equal", j, i)
					break
				}
				seen[k] = i
			}
		}
		if s.items != nil {
			for i := range n.Vals {
				v.check(s.items, &n.Vals[i], at+"/"+strconv.Itoa(i))
			}
		}
	case jsontree.KindObject:
		v.checkObject(s, n, at)
	}
	for _, a := range s.allOf {
		v.check(a, n, at)
	}
	if s.ifSchema != nil && s.thenSchema != nil {
		try := &validation{res: &schemaResult{}}
		try.check(s.ifSchema, n, at)
		if !try.failed {
			v.check(s.thenSchema, n, at)
		}
	}
}

func (v *validation) checkString(s *schemaNode, n *jsontree.Node, at string) {
	if l := utf8.RuneCountInString(n.Str); l < s.minLength {
		v.fail(at, "length must be >= %d, but got %d", s.minLength, l)
	} else if s.maxLength >= 0 && l > s.maxLength {
		v.fail(at, "length must be <= %d, but got %d", s.maxLength, l)
	}
	if s.pattern != nil && !s.pattern.MatchString(n.Str) {
		v.fail(at, "%s does not match pattern %q", message.Quote(n.Str), s.patternSrc)
	}
	switch s.format {
	case "date":
		if !isSchemaDate(n.Str) {
			v.fail(at, "%s is not valid 'date'", message.Quote(n.Str))
			v.drop(at)
		} else if _, err := ParseDate(n.Str); err != nil {
			// A date of the year 0000: the schema takes it, Date cannot.
			v.drop(at)
			if v.collect {
				v.res.modelProblems = append(v.res.modelProblems, Problem{Pointer: at, Message: err.Error()})
			}
		}
	case "email":
		if !isEmail(n.Str) {
			v.fail(at, "%s is not valid 'email'", message.Quote(n.Str))
		}
	case "uri":
		if !isSchemaURI(n.Str) {
			v.fail(at, "%s is not valid 'uri'", message.Quote(n.Str))
		}
	}
}

func (v *validation) checkObject(s *schemaNode, n *jsontree.Node, at string) {
	var missing []string
	for _, r := range s.required {
		if m, _ := n.Member(r); m == nil {
			missing = append(missing, "'"+r+"'")
			if v.collect {
				v.res.absent = append(v.res.absent, at+"/"+message.EscapeSegment(r))
			}
		}
	}
	if len(missing) > 0 {
		v.fail(at, "missing properties: %s", strings.Join(missing, ", "))
	}
	for _, d := range s.dependent {
		if m, _ := n.Member(d.key); m == nil {
			continue
		}
		for _, r := range d.needs {
			if m, _ := n.Member(r); m == nil {
				v.fail(at, "property %s requires property %s", message.Quote(d.key), message.Quote(r))
			}
		}
	}
	if len(n.Keys) < s.minProperties {
		v.fail(at, "minimum %d properties required, but found %d", s.minProperties, len(n.Keys))
	}
	for i, key := range n.Keys {
		child := at + "/" + message.EscapeSegment(key)
		if s.propertyNames != nil {
			name := jsontree.Node{Kind: jsontree.KindString, Str: key}
			try := &validation{res: &schemaResult{}}
			try.check(s.propertyNames, &name, child)
			if try.failed {
				v.fail(child, "property name %s is not allowed here", message.Quote(key))
				v.drop(child)
				continue
			}
		}
		if p := s.props[key]; p != nil {
			v.check(p, &n.Vals[i], child)
			continue
		}
		if s.noAdditional {
			v.fail(at, "additionalProperties %s not allowed", message.Quote(key))
			v.drop(child)
			continue
		}
		if s.additional != nil {
			v.check(s.additional, &n.Vals[i], child)
		}
	}
}

func typeMatches(types []string, n *jsontree.Node) bool {
	for _, t := range types {
		switch {
		case t == kindName(n),
			t == "number" && n.Kind == jsontree.KindNumber:
			return true
		}
	}
	return false
}

// kindName is the JSON Schema type of n: integers are numbers with no
// fractional part.
func kindName(n *jsontree.Node) string {
	if n.Kind == jsontree.KindNumber {
		if jsontree.ParseDecimal(n.Str).IsInteger() {
			return "integer"
		}
		return "number"
	}
	return n.Kind.String()
}

// equalNodes is JSON Schema's equality: numbers by value, objects whatever
// the order of their keys.
func equalNodes(a, b *jsontree.Node) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case jsontree.KindNumber:
		return jsontree.ParseDecimal(a.Str).Cmp(jsontree.ParseDecimal(b.Str)) == 0
	case jsontree.KindArray:
		if len(a.Vals) != len(b.Vals) {
			return false
		}
		for i := range a.Vals {
			if !equalNodes(&a.Vals[i], &b.Vals[i]) {
				return false
			}
		}
		return true
	case jsontree.KindObject:
		if len(a.Keys) != len(b.Keys) {
			return false
		}
		// Keys are unique: the strict reader refuses a duplicate.
		for i, k := range a.Keys {
			if m, _ := b.Member(k); m == nil || !equalNodes(&a.Vals[i], m) {
				return false
			}
		}
		return true
	}
	return a.Bool == b.Bool && a.Str == b.Str
}

// canonical writes n so that equal values, as equalNodes finds them, give
// the same text: numbers in one form, object keys sorted.
func canonical(n *jsontree.Node, b []byte) []byte {
	switch n.Kind {
	case jsontree.KindNumber:
		return append(b, jsontree.ParseDecimal(n.Str).Canonical()...)
	case jsontree.KindArray, jsontree.KindObject:
		order := make([]int, len(n.Vals))
		for i := range order {
			order[i] = i
		}
		open, end := byte('['), byte(']')
		if n.Kind == jsontree.KindObject {
			open, end = '{', '}'
			sort.SliceStable(order, func(x, y int) bool { return n.Keys[order[x]] < n.Keys[order[y]] })
		}
		b = append(b, open)
		for _, i := range order {
			if n.Kind == jsontree.KindObject {
				b = (&jsontree.Node{Kind: jsontree.KindString, Str: n.Keys[i]}).Marshal(b)
				b = append(b, ':')
			}
			b = canonical(&n.Vals[i], b)
			b = append(b, ',')
		}
		return append(b, end)
	}
	return n.Marshal(b)
}

func quoteNode(n *jsontree.Node) string {
	if n.Kind == jsontree.KindString {
		return message.Quote(n.Str)
	}
	return message.Cut(string(n.Marshal(nil)))
}

// prune marks the values at ptrs dropped: marshal leaves such members out
// and writes such elements as null, so that the rest of the tree decodes
// into the Go model, while every value keeps its place for sortProblems.
func prune(n *jsontree.Node, ptrs []string) {
	for _, p := range ptrs {
		segs := strings.Split(p, "/")[1:]
		cur := n
		for i, seg := range segs {
			seg = message.UnescapeSegment(seg)
			last := i == len(segs)-1
			switch cur.Kind {
			case jsontree.KindObject:
				_, j := cur.Member(seg)
				if j < 0 {
					cur = nil
				} else if last {
					cur.Vals[j].Dropped = true
				} else {
					cur = &cur.Vals[j]
				}
			case jsontree.KindArray:
				j, err := strconv.Atoi(seg)
				if err != nil || j < 0 || j >= len(cur.Vals) {
					cur = nil
				} else if last {
					cur.Vals[j].Dropped = true
				} else {
					cur = &cur.Vals[j]
				}
			default:
				cur = nil
			}
			if cur == nil {
				break
			}
		}
	}
}

// sortProblems puts problems in document order: by the position of each
// pointer's segments in the tree (array indexes numerically, object keys in
// the file's order), a pointer before the ones inside it.
func sortProblems(doc *jsontree.Node, ps []Problem) {
	pos := make([][]int, len(ps))
	for i, p := range ps {
		pos[i] = positionOf(doc, p.Pointer)
	}
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		pa, pb := pos[idx[a]], pos[idx[b]]
		for k := 0; k < len(pa) && k < len(pb); k++ {
			if pa[k] != pb[k] {
				return pa[k] < pb[k]
			}
		}
		return len(pa) < len(pb)
	})
	out := make([]Problem, len(ps))
	for i, j := range idx {
		out[i] = ps[j]
	}
	copy(ps, out)
}

// positionOf maps a pointer to member and element indexes; a segment the
// tree lacks sorts after the existing ones.
func positionOf(doc *jsontree.Node, ptr string) []int {
	if ptr == "" {
		return nil
	}
	segs := strings.Split(ptr, "/")[1:]
	out := make([]int, len(segs))
	cur := doc
	for i, seg := range segs {
		seg = message.UnescapeSegment(seg)
		j := math.MaxInt32
		if cur != nil {
			switch cur.Kind {
			case jsontree.KindObject:
				if _, k := cur.Member(seg); k >= 0 {
					j = k
				}
			case jsontree.KindArray:
				if k, err := strconv.Atoi(seg); err == nil && k >= 0 && k < len(cur.Vals) {
					j = k
				}
			}
			if j != math.MaxInt32 {
				cur = &cur.Vals[j]
			} else {
				cur = nil
			}
		}
		out[i] = j
	}
	return out
}
