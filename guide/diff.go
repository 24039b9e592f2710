package guide

import (
	"fmt"
	"strings"
)

// Report is what changed between two versions of the guide, for a
// maintainer to review.
type Report struct {
	OldDate string        `json:"oldDate"`
	NewDate string        `json:"newDate"`
	Log     []LogChange   `json:"changelog"` // lines added or removed
	Chapter []TextChange  `json:"chapter1"`  // sections of chapter 1 whose text changed
	Brands  []BrandChange `json:"brands"`
}

// LogChange is a change log line that one version has and the other not.
type LogChange struct {
	Kind string `json:"kind"` // added, removed
	Line int    `json:"line"` // in the version that has it
	Text string `json:"text"` // "YYYY-MM-DD text"
}

// TextChange is a chapter 1 section that changed.
type TextChange struct {
	Number  string `json:"number"`
	Title   string `json:"title"`
	OldLine int    `json:"oldLine"`
	NewLine int    `json:"newLine"`
	Diff    string `json:"diff"` // word diff: [-old words-]{+new words+}
}

// BrandChange is one brand section that changed.
type BrandChange struct {
	Kind     string          `json:"kind"` // brand-added, brand-removed, brand-changed
	Brand    string          `json:"brand"`
	OldName  string          `json:"oldName,omitempty"` // the old heading, when it changed
	OldLine  int             `json:"oldLine"`
	NewLine  int             `json:"newLine"`
	Special  []bool          `json:"special,omitempty"` // old, new: when the * changed
	Contacts []ContactChange `json:"contacts,omitempty"`
	Notes    string          `json:"notes,omitempty"` // word diff of the Assistance text
	Rules    string          `json:"rules,omitempty"` // word diff of the rule paragraph, or the new text
}

// ContactChange is a contact as printed in each version (nil: not there).
type ContactChange struct {
	Kind string   `json:"kind"` // contact-added, contact-removed, contact-changed
	Old  *Contact `json:"old,omitempty"`
	New  *Contact `json:"new,omitempty"`
}

// Empty says whether the two versions say the same thing.
func (r Report) Empty() bool {
	return r.OldDate == r.NewDate && len(r.Log) == 0 && len(r.Chapter) == 0 && len(r.Brands) == 0
}

// Diff compares two versions of the guide, section by section. Whitespace
// and line wrapping are not changes.
func Diff(old, new *Guide) Report {
	r := Report{OldDate: old.Date, NewDate: new.Date}
	usedLog := make([]bool, len(old.Changes))
	for _, n := range new.Changes {
		found := false
		for j, o := range old.Changes {
			if !usedLog[j] && o.Date == n.Date && o.Text == n.Text {
				usedLog[j], found = true, true
				break
			}
		}
		if !found {
			r.Log = append(r.Log, LogChange{"added", n.Line, changeText(n)})
		}
	}
	for j, o := range old.Changes {
		if !usedLog[j] {
			r.Log = append(r.Log, LogChange{"removed", o.Line, changeText(o)})
		}
	}

	oldSec := map[string]Section{}
	for _, s := range old.Sections {
		oldSec[s.Number] = s
	}
	for _, s := range new.Sections {
		o, ok := oldSec[s.Number]
		if ok && o.Title == s.Title && o.Text == s.Text {
			continue
		}
		r.Chapter = append(r.Chapter, TextChange{Number: s.Number, Title: s.Title, OldLine: o.Line, NewLine: s.Line,
			Diff: wordDiff(o.Title+" "+o.Text, s.Title+" "+s.Text)})
	}

	newSec := map[string]bool{}
	for _, s := range new.Sections {
		newSec[s.Number] = true
	}
	for _, o := range old.Sections {
		if !newSec[o.Number] {
			r.Chapter = append(r.Chapter, TextChange{Number: o.Number, Title: o.Title, OldLine: o.Line, Diff: wordDiff(o.Title+" "+o.Text, "")})
		}
	}

	// Headings pair by base name, the n-th with the n-th (The G-lab is
	// printed twice).
	type slot struct {
		b    Brand
		used bool
	}
	olds := map[string][]*slot{}
	var order []*slot
	for _, b := range old.Brands {
		s := &slot{b: b}
		olds[key(b.BaseName())] = append(olds[key(b.BaseName())], s)
		order = append(order, s)
	}
	for _, n := range new.Brands {
		var o *slot
		for _, s := range olds[key(n.BaseName())] {
			if !s.used {
				o = s
				break
			}
		}
		if o == nil {
			r.Brands = append(r.Brands, BrandChange{Kind: BrandAdded, Brand: n.Name, NewLine: n.Line,
				Contacts: contactChanges(nil, n.Contacts), Notes: n.Notes, Rules: n.Rules})
			continue
		}
		o.used = true
		c := BrandChange{Kind: "brand-changed", Brand: n.Name, OldLine: o.b.Line, NewLine: n.Line}
		if o.b.Name != n.Name {
			c.OldName = o.b.Name
		}
		if o.b.Special != n.Special {
			c.Special = []bool{o.b.Special, n.Special}
		}
		c.Contacts = contactChanges(o.b.Contacts, n.Contacts)
		if plainQuotes(o.b.Notes) != plainQuotes(n.Notes) {
			c.Notes = wordDiff(o.b.Notes, n.Notes)
		}
		if plainQuotes(o.b.Rules) != plainQuotes(n.Rules) {
			c.Rules = wordDiff(o.b.Rules, n.Rules)
		}
		if c.OldName != "" || c.Special != nil || c.Contacts != nil || c.Notes != "" || c.Rules != "" {
			r.Brands = append(r.Brands, c)
		}
	}
	for _, s := range order {
		if !s.used {
			r.Brands = append(r.Brands, BrandChange{Kind: BrandRemoved, Brand: s.b.Name, OldLine: s.b.Line})
		}
	}
	return r
}

func contactChanges(old, new []Contact) []ContactChange {
	ref := func(cs []Contact) []ContactRef {
		out := make([]ContactRef, len(cs))
		for i, c := range cs {
			out[i] = ContactRef{c.Type, c.Value, c.Country}
		}
		return out
	}
	pair, used := pairContacts(ref(new), ref(old))
	var out []ContactChange
	for i, p := range pair {
		n := new[i]
		switch {
		case p < 0:
			out = append(out, ContactChange{Kind: ContactAdded, New: &n})
		case ref(old)[p] != ref(new)[i]:
			o := old[p]
			out = append(out, ContactChange{Kind: ContactChanged, Old: &o, New: &n})
		}
	}
	for j, u := range used {
		if !u {
			o := old[j]
			out = append(out, ContactChange{Kind: ContactRemoved, Old: &o})
		}
	}
	return out
}

// wordDiff marks the words only a has as [-…-] and those only b has as
// {+…+}, with a few words of context around each change.
func wordDiff(a, b string) string {
	x, y := strings.Fields(plainQuotes(a)), strings.Fields(plainQuotes(b))
	// lcs[i][j]: length of the longest common subsequence of x[i:], y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte // ' ', '-', '+'
		word string
	}
	var ops []op
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			ops = append(ops, op{' ', x[i]})
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, op{'+', y[j]})
			j++
		default:
			ops = append(ops, op{'-', x[i]})
			i++
		}
	}
	const context = 6
	near := make([]bool, len(ops))
	for k, o := range ops {
		if o.kind != ' ' {
			for d := max(0, k-context); d <= min(len(ops)-1, k+context); d++ {
				near[d] = true
			}
		}
	}
	var out []string
	for k := 0; k < len(ops); {
		if !near[k] {
			if len(out) == 0 || out[len(out)-1] != "…" {
				out = append(out, "…")
			}
			k++
			continue
		}
		if ops[k].kind == ' ' {
			out = append(out, ops[k].word)
			k++
			continue
		}
		var del, ins []string
		for ; k < len(ops) && ops[k].kind != ' '; k++ {
			if ops[k].kind == '-' {
				del = append(del, ops[k].word)
			} else {
				ins = append(ins, ops[k].word)
			}
		}
		if del != nil {
			out = append(out, "[-"+strings.Join(del, " ")+"-]")
		}
		if ins != nil {
			out = append(out, "{+"+strings.Join(ins, " ")+"+}")
		}
	}
	return strings.Join(out, " ")
}

// String is the report as text, one block per change.
func (r Report) String() string {
	var b strings.Builder
	if r.OldDate != r.NewDate {
		fmt.Fprintf(&b, "guide date: %s -> %s\n", r.OldDate, r.NewDate)
	}
	for _, l := range r.Log {
		fmt.Fprintf(&b, "change log %s (line %d): %s\n", l.Kind, l.Line, l.Text)
	}
	for _, c := range r.Chapter {
		fmt.Fprintf(&b, "%s %s (line %d -> %d)\n  %s\n", c.Number, c.Title, c.OldLine, c.NewLine, c.Diff)
	}
	for _, c := range r.Brands {
		switch c.Kind {
		case BrandAdded:
			fmt.Fprintf(&b, "%s: %s (new line %d)\n", c.Kind, c.Brand, c.NewLine)
		case BrandRemoved:
			fmt.Fprintf(&b, "%s: %s (old line %d)\n", c.Kind, c.Brand, c.OldLine)
			continue
		default:
			fmt.Fprintf(&b, "%s (line %d -> %d)\n", c.Brand, c.OldLine, c.NewLine)
		}
		if c.OldName != "" {
			fmt.Fprintf(&b, "  heading: %q -> %q\n", c.OldName, c.Brand)
		}
		if c.Special != nil {
			fmt.Fprintf(&b, "  *: %v -> %v\n", c.Special[0], c.Special[1])
		}
		for _, cc := range c.Contacts {
			switch {
			case cc.Old == nil:
				fmt.Fprintf(&b, "  %s: %s\n", cc.Kind, printed(*cc.New))
			case cc.New == nil:
				fmt.Fprintf(&b, "  %s: %s\n", cc.Kind, printed(*cc.Old))
			default:
				fmt.Fprintf(&b, "  %s: %s -> %s\n", cc.Kind, printed(*cc.Old), printed(*cc.New))
			}
		}
		if c.Notes != "" {
			fmt.Fprintf(&b, "  assistance: %s\n", c.Notes)
		}
		if c.Rules != "" {
			fmt.Fprintf(&b, "  rules: %s\n", c.Rules)
		}
	}
	return b.String()
}

func printed(c Contact) string {
	s := c.Label + ": " + c.Value
	if c.Country != "" {
		s += " (" + c.Country + ")"
	}
	return s
}
