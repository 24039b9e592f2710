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
)

// A validator for the part of JSON Schema 2020-12 that
// schema/brands.schema.json uses. The schema file stays the single
// description of the data; interpreting it here keeps a general JSON Schema
// library (and the network and big-number code it pulls in) out of the
// WebAssembly builds, and reports problems in document order. Compiling a
// schema that uses any other keyword is an error, and a test checks both
// verdicts against the reference library on every broken-file case.

type schemaNode struct {
	ref           string
	target        *schemaNode
	types         []string
	props         map[string]*schemaNode
	additional    *schemaNode
	noAdditional  bool
	required      []string
	dependent     map[string][]string // dependentRequired
	items         *schemaNode
	enum          []node
	constant      *node
	pattern       *regexp.Regexp
	patternSrc    string
	minLength     int
	maxLength     int // -1: none
	minItems      int
	uniqueItems   bool
	minimum       *float64
	maximum       *float64
	minProperties int
	propertyNames *schemaNode
	allOf         []*schemaNode
	ifSchema      *schemaNode
	thenSchema    *schemaNode
	format        string
}

// annotations carry no constraint.
var annotations = map[string]bool{"$schema": true, "$id": true, "$defs": true, "title": true, "description": true, "default": true, "examples": true}

var brandsSchemaCheck = sync.OnceValues(func() (*schemaNode, error) {
	return compileSchema(rmacheck.BrandsSchema())
})

func compileSchema(data []byte) (*schemaNode, error) {
	doc, perr := parseDocument(data)
	if perr != nil {
		return nil, fmt.Errorf("schema: %s: %s", perr.pointer, perr.msg)
	}
	defs := map[string]*schemaNode{}
	var all []*schemaNode
	var build func(n *node, at string) (*schemaNode, error)
	build = func(n *node, at string) (*schemaNode, error) {
		if n.kind == kindBool {
			if n.b {
				return &schemaNode{maxLength: -1}, nil
			}
			return nil, fmt.Errorf("schema %s: false schemas are not supported", at)
		}
		if n.kind != kindObject {
			return nil, fmt.Errorf("schema %s: want an object", at)
		}
		s := &schemaNode{maxLength: -1}
		all = append(all, s)
		sub := func(key string, v *node) (*schemaNode, error) { return build(v, at+"/"+key) }
		integer := func(v *node) (int, error) { return strconv.Atoi(v.str) }
		for i, key := range n.keys {
			v := &n.vals[i]
			var err error
			switch key {
			case "$ref":
				s.ref = v.str
			case "type":
				if v.kind == kindString {
					s.types = []string{v.str}
				} else {
					for _, t := range v.vals {
						s.types = append(s.types, t.str)
					}
				}
			case "properties":
				s.props = map[string]*schemaNode{}
				for j, name := range v.keys {
					if s.props[name], err = sub(key+"/"+name, &v.vals[j]); err != nil {
						return nil, err
					}
				}
			case "additionalProperties":
				if v.kind == kindBool && !v.b {
					s.noAdditional = true
				} else {
					s.additional, err = sub(key, v)
				}
			case "required":
				for _, r := range v.vals {
					s.required = append(s.required, r.str)
				}
			case "dependentRequired":
				s.dependent = map[string][]string{}
				for j, name := range v.keys {
					for _, r := range v.vals[j].vals {
						s.dependent[name] = append(s.dependent[name], r.str)
					}
				}
			case "items":
				s.items, err = sub(key, v)
			case "enum":
				s.enum = v.vals
			case "const":
				s.constant = v
			case "pattern":
				s.patternSrc = v.str
				s.pattern, err = regexp.Compile(v.str)
			case "minLength":
				s.minLength, err = integer(v)
			case "maxLength":
				s.maxLength, err = integer(v)
			case "minItems":
				s.minItems, err = integer(v)
			case "uniqueItems":
				s.uniqueItems = v.b
			case "minimum", "maximum":
				var f float64
				f, err = strconv.ParseFloat(v.str, 64)
				if key == "minimum" {
					s.minimum = &f
				} else {
					s.maximum = &f
				}
			case "minProperties":
				s.minProperties, err = integer(v)
			case "propertyNames":
				s.propertyNames, err = sub(key, v)
			case "allOf":
				for j := range v.vals {
					var a *schemaNode
					if a, err = sub(fmt.Sprintf("%s/%d", key, j), &v.vals[j]); err != nil {
						return nil, err
					}
					s.allOf = append(s.allOf, a)
				}
			case "if":
				s.ifSchema, err = sub(key, v)
			case "then":
				s.thenSchema, err = sub(key, v)
			case "format":
				s.format = v.str
				if s.format != "date" && s.format != "email" && s.format != "uri" {
					return nil, fmt.Errorf("schema %s: format %q is not supported", at, s.format)
				}
			case "$defs":
				for j, name := range v.keys {
					var d *schemaNode
					if d, err = sub(key+"/"+name, &v.vals[j]); err != nil {
						return nil, err
					}
					defs["#/$defs/"+name] = d
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
		if s.ref != "" {
			if s.target = defs[s.ref]; s.target == nil {
				return nil, fmt.Errorf("schema: $ref %q not found", s.ref)
			}
		}
	}
	return root, nil
}

// schemaResult is what one validation found.
type schemaResult struct {
	problems []Problem
	// unusable are the pointers of values the Go model cannot decode (a
	// wrong type, an impossible date, a key it does not know): they are
	// dropped before decoding, so that the lint can still run on the rest.
	unusable []string
	// absent are the pointers of required keys that are missing.
	absent []string
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

func validateTree(s *schemaNode, n *node) *schemaResult {
	res := &schemaResult{}
	v := &validation{res: res, collect: true}
	v.check(s, n, "")
	return res
}

// JSON pointer escapes (RFC 6901).
var (
	escapeSegment   = strings.NewReplacer("~", "~0", "/", "~1")
	unescapeSegment = strings.NewReplacer("~1", "/", "~0", "~")
)

func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return escapeSegment.Replace(s)
}

func (v *validation) check(s *schemaNode, n *node, at string) {
	if s.target != nil {
		v.check(s.target, n, at)
	}
	if len(s.types) > 0 && !typeMatches(s.types, n) {
		v.fail(at, "expected %s, but got %s", strings.Join(s.types, " or "), kindName(n))
		v.drop(at)
		return
	}
	if s.constant != nil && !equalNodes(s.constant, n) {
		v.fail(at, "value must be %s", string(s.constant.marshal(nil)))
		if s.constant.kind != n.kind {
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
				names = append(names, string(s.enum[i].marshal(nil)))
			}
			v.fail(at, "value must be one of %s, got %s", strings.Join(names, ", "), quoteNode(n))
			if n.kind != kindString {
				v.drop(at)
			}
		}
	}
	switch n.kind {
	case kindString:
		v.checkString(s, n, at)
	case kindNumber:
		f, err := strconv.ParseFloat(n.str, 64)
		if err != nil || math.IsInf(f, 0) {
			f = math.Inf(1)
			if strings.HasPrefix(n.str, "-") {
				f = math.Inf(-1)
			}
		}
		if s.minimum != nil && f < *s.minimum {
			v.fail(at, "must be >= %v but found %s", *s.minimum, cut(n.str))
		}
		if s.maximum != nil && f > *s.maximum {
			v.fail(at, "must be <= %v but found %s", *s.maximum, cut(n.str))
		}
	case kindArray:
		if len(n.vals) < s.minItems {
			v.fail(at, "minimum %d items required, but found %d items", s.minItems, len(n.vals))
		}
		if s.uniqueItems {
			seen := map[string]int{}
			for i := range n.vals {
				k := string(n.vals[i].marshal(nil))
				if j, dup := seen[k]; dup {
					v.fail(at, "items at %d and %d are equal", j, i)
					break
				}
				seen[k] = i
			}
		}
		if s.items != nil {
			for i := range n.vals {
				v.check(s.items, &n.vals[i], at+"/"+strconv.Itoa(i))
			}
		}
	case kindObject:
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

func (v *validation) checkString(s *schemaNode, n *node, at string) {
	if l := utf8.RuneCountInString(n.str); l < s.minLength {
		v.fail(at, "length must be >= %d, but got %d", s.minLength, l)
	} else if s.maxLength >= 0 && l > s.maxLength {
		v.fail(at, "length must be <= %d, but got %d", s.maxLength, l)
	}
	if s.pattern != nil && !s.pattern.MatchString(n.str) {
		v.fail(at, "%s does not match pattern %q", quote(n.str), s.patternSrc)
	}
	switch s.format {
	case "date":
		if _, err := ParseDate(n.str); err != nil {
			v.fail(at, "%s is not valid 'date'", quote(n.str))
			v.drop(at)
		}
	case "email":
		if !isEmail(n.str) {
			v.fail(at, "%s is not valid 'email'", quote(n.str))
		}
	case "uri":
		if u, err := url.Parse(n.str); err != nil || !u.IsAbs() {
			v.fail(at, "%s is not valid 'uri'", quote(n.str))
		}
	}
}

func (v *validation) checkObject(s *schemaNode, n *node, at string) {
	var missing []string
	for _, r := range s.required {
		if m, _ := n.member(r); m == nil {
			missing = append(missing, "'"+r+"'")
			if v.collect {
				v.res.absent = append(v.res.absent, at+"/"+escapePointer(r))
			}
		}
	}
	if len(missing) > 0 {
		v.fail(at, "missing properties: %s", strings.Join(missing, ", "))
	}
	for key, needs := range s.dependent {
		if m, _ := n.member(key); m == nil {
			continue
		}
		for _, r := range needs {
			if m, _ := n.member(r); m == nil {
				v.fail(at, "property %s requires property %s", quote(key), quote(r))
			}
		}
	}
	if len(n.keys) < s.minProperties {
		v.fail(at, "minimum %d properties required, but found %d", s.minProperties, len(n.keys))
	}
	for i, key := range n.keys {
		child := at + "/" + escapePointer(key)
		if s.propertyNames != nil {
			name := node{kind: kindString, str: key}
			try := &validation{res: &schemaResult{}}
			try.check(s.propertyNames, &name, child)
			if try.failed {
				v.fail(child, "property name %s is not allowed here", quote(key))
				v.drop(child)
				continue
			}
		}
		if p := s.props[key]; p != nil {
			v.check(p, &n.vals[i], child)
			continue
		}
		if s.noAdditional {
			v.fail(at, "additionalProperties %s not allowed", quote(key))
			v.drop(child)
			continue
		}
		if s.additional != nil {
			v.check(s.additional, &n.vals[i], child)
		}
	}
}

// isEmail reports whether s is an RFC 5322 addr-spec with a dot-atom local
// part and a host name: the 'email' format as the reference validator reads
// it, without net/mail (which the browser builds would otherwise carry).
func isEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at > 64 || !isHostname(s[at+1:]) {
		return false
	}
	local := s[:at]
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0) {
			return false
		}
	}
	return true
}

// isHostname follows RFC 1123: ASCII labels of letters, digits and
// hyphens, as the reference validator's 'email' format requires.
func isHostname(h string) bool {
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

func typeMatches(types []string, n *node) bool {
	for _, t := range types {
		switch {
		case t == kindName(n),
			t == "number" && n.kind == kindNumber:
			return true
		}
	}
	return false
}

// kindName is the JSON Schema type of n: integers are numbers with no
// fractional part.
func kindName(n *node) string {
	if n.kind == kindNumber {
		if f, err := strconv.ParseFloat(n.str, 64); err == nil && f == math.Trunc(f) && !math.IsInf(f, 0) {
			return "integer"
		}
		return "number"
	}
	return n.kind.String()
}

func equalNodes(a, b *node) bool {
	if a.kind != b.kind {
		return false
	}
	switch a.kind {
	case kindNumber:
		fa, _ := strconv.ParseFloat(a.str, 64)
		fb, _ := strconv.ParseFloat(b.str, 64)
		return fa == fb
	case kindObject, kindArray:
		return string(a.marshal(nil)) == string(b.marshal(nil))
	}
	return a.b == b.b && a.str == b.str
}

func quoteNode(n *node) string {
	if n.kind == kindString {
		return quote(n.str)
	}
	return cut(string(n.marshal(nil)))
}

// cut shortens a literal for a message.
func cut(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

// prune marks the values at ptrs dropped: marshal leaves such members out
// and writes such elements as null, so that the rest of the tree decodes
// into the Go model, while every value keeps its place for sortProblems.
func prune(n *node, ptrs []string) {
	for _, p := range ptrs {
		segs := strings.Split(p, "/")[1:]
		cur := n
		for i, seg := range segs {
			seg = unescapeSegment.Replace(seg)
			last := i == len(segs)-1
			switch cur.kind {
			case kindObject:
				_, j := cur.member(seg)
				if j < 0 {
					cur = nil
				} else if last {
					cur.vals[j].dropped = true
				} else {
					cur = &cur.vals[j]
				}
			case kindArray:
				j, err := strconv.Atoi(seg)
				if err != nil || j < 0 || j >= len(cur.vals) {
					cur = nil
				} else if last {
					cur.vals[j].dropped = true
				} else {
					cur = &cur.vals[j]
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
func sortProblems(doc *node, ps []Problem) {
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
func positionOf(doc *node, ptr string) []int {
	if ptr == "" {
		return nil
	}
	segs := strings.Split(ptr, "/")[1:]
	out := make([]int, len(segs))
	cur := doc
	for i, seg := range segs {
		seg = unescapeSegment.Replace(seg)
		j := math.MaxInt32
		if cur != nil {
			switch cur.kind {
			case kindObject:
				if _, k := cur.member(seg); k >= 0 {
					j = k
				}
			case kindArray:
				if k, err := strconv.Atoi(seg); err == nil && k >= 0 && k < len(cur.vals) {
					j = k
				}
			}
			if j != math.MaxInt32 {
				cur = &cur.vals[j]
			} else {
				cur = nil
			}
		}
		out[i] = j
	}
	return out
}
