package guide

import (
	"fmt"
	"strings"

	"github.com/micromedia/rmacheck/internal/brandsfile"
)

// The kinds of difference between the guide and brands.json.
const (
	BrandAdded     = "brand-added"
	BrandRemoved   = "brand-removed"
	MarkerChanged  = "marker-changed"
	ContactAdded   = "contact-added"
	ContactRemoved = "contact-removed"
	ContactChanged = "contact-changed"
	RulesChanged   = "rules-changed"
	ChangelogAdded = "changelog-added"
	DateChanged    = "date-changed"
)

// Difference is one thing the guide says that brands.json does not.
type Difference struct {
	Kind    string `json:"kind"`
	Brand   string `json:"brand"`   // as the guide prints it, without the *; "" for the change log and date
	Line    int    `json:"line"`    // in the guide; 0 when the guide no longer has it
	Pointer string `json:"pointer"` // JSON pointer in brands.json ("/brands/-": to be added)
	Guide   any    `json:"guide"`   // what the guide says (null when it says nothing)
	Data    any    `json:"data"`    // what brands.json says (null when it says nothing)
}

// ContactRef is a contact as the check compares it: the role is the data's
// own (the guide does not print it).
type ContactRef struct {
	Type    string `json:"type"`
	Value   string `json:"value"`
	Country string `json:"country,omitempty"`
}

func (c ContactRef) String() string {
	s := c.Type + " " + c.Value
	if c.Country != "" {
		s += " (" + c.Country + ")"
	}
	return s
}

// refOf is a contact of brands.json as the check compares it.
func refOf(c brandsfile.Contact) ContactRef {
	return ContactRef{Type: c.Type, Value: c.Value, Country: c.Country}
}

func refsOf(cs []brandsfile.Contact) []ContactRef {
	out := make([]ContactRef, len(cs))
	for i, c := range cs {
		out[i] = refOf(c)
	}
	return out
}

// decodeData reads brands.json into the module's file model, strictly (a
// repeated key or invalid UTF-8 is an error with its place). The SDK has
// validated the file before.
func decodeData(data []byte) (*brandsfile.File, error) {
	f, err := brandsfile.Read(data)
	if err != nil {
		return nil, fmt.Errorf("brands.json: %v", err)
	}
	return f, nil
}

// comparison is a guide and a brands.json side by side.
type comparison struct {
	g      *Guide
	f      *brandsfile.File
	byKey  map[string]int // brand key -> index in f.Brands
	match  []int          // per guide brand: index in f.Brands, or -1
	inUse  []bool         // per data brand: some heading has it
	labels map[string]string
}

func compare(g *Guide, f *brandsfile.File) *comparison {
	c := &comparison{g: g, f: f, byKey: map[string]int{}, inUse: make([]bool, len(f.Brands)), labels: map[string]string{}}
	for i, b := range f.Brands {
		if _, dup := c.byKey[key(b.Name)]; !dup {
			c.byKey[key(b.Name)] = i
		}
	}
	for _, b := range g.Brands {
		i, ok := c.byKey[key(b.BaseName())]
		if !ok {
			i = -1
		} else {
			c.inUse[i] = true
		}
		c.match = append(c.match, i)
	}
	for code, text := range f.Labels.Countries {
		c.labels[foldText(code)] = code
		for _, t := range []string{text.FR, text.NL, text.EN} {
			c.labels[foldText(t)] = code
		}
	}
	return c
}

// country is the code brands.json uses for a country as the guide prints
// it ("L’Autriche" → AT), or the printed name when the labels lack it.
func (c *comparison) country(printed string) (string, bool) {
	if printed == "" {
		return "", true
	}
	f := foldText(printed)
	if code, ok := c.labels[f]; ok {
		return code, true
	}
	for _, article := range []string{"l ", "la ", "le ", "les "} {
		if code, ok := c.labels[strings.TrimPrefix(f, article)]; ok && strings.HasPrefix(f, article) {
			return code, true
		}
	}
	return printed, false
}

// contacts is a guide brand's contacts in brands.json's terms: countries as
// codes, and the recorded corrections applied.
func (c *comparison) contacts(b Brand, id string) []ContactRef {
	out := make([]ContactRef, len(b.Contacts))
	for i, gc := range b.Contacts {
		r := ContactRef{Type: gc.Type, Value: gc.Value}
		r.Country, _ = c.country(gc.Country)
		for _, x := range c.f.Corrections {
			if x.Contact != nil && x.Brand == id && x.Contact.Guide.Type == r.Type && x.Contact.Guide.Value == r.Value {
				r.Type, r.Value = x.Contact.Data.Type, x.Contact.Data.Value
			}
		}
		out[i] = r
	}
	return out
}

// pairContacts matches the guide's contacts with the data's: equal ones
// first, then those that share a value, then those that share a type, in
// order. pair[i] is the data index for guide contact i, or -1.
func pairContacts(g, d []ContactRef) (pair []int, used []bool) {
	pair = make([]int, len(g))
	for i := range pair {
		pair[i] = -1
	}
	used = make([]bool, len(d))
	passes := []func(a, b ContactRef) bool{
		func(a, b ContactRef) bool { return a == b },
		func(a, b ContactRef) bool { return a.Value == b.Value },
		func(a, b ContactRef) bool { return a.Type == b.Type },
	}
	for _, same := range passes {
		for i, gc := range g {
			if pair[i] >= 0 {
				continue
			}
			for j, dc := range d {
				if !used[j] && same(gc, dc) {
					pair[i], used[j] = j, true
					break
				}
			}
		}
	}
	return pair, used
}

// Check lists every difference between the guide and brands.json.
func Check(g *Guide, brandsJSON []byte) ([]Difference, error) {
	f, err := decodeData(brandsJSON)
	if err != nil {
		return nil, err
	}
	return compare(g, f).differences(), nil
}

func (c *comparison) differences() []Difference {
	var out []Difference
	g, f := c.g, c.f
	if g.Date != f.Guide.Date {
		line := 0
		for _, ch := range g.Changes {
			if ch.Date == g.Date {
				line = ch.Line
				break
			}
		}
		out = append(out, Difference{Kind: DateChanged, Line: line, Pointer: "/guide/date", Guide: g.Date, Data: f.Guide.Date})
	}
	for k, j := range c.changeMatch() {
		if j < 0 {
			gc := g.Changes[k]
			out = append(out, Difference{Kind: ChangelogAdded, Line: gc.Line, Pointer: fmt.Sprintf("/guide/changes/%d", k), Guide: changeText(gc)})
		}
	}
	for k, b := range g.Brands {
		i := c.match[k]
		if i < 0 {
			out = append(out, Difference{Kind: BrandAdded, Brand: b.Name, Line: b.Line, Pointer: "/brands/-", Guide: b.Text()})
			continue
		}
		d := f.Brands[i]
		at := fmt.Sprintf("/brands/%d", i)
		if b.Special != d.Special {
			out = append(out, Difference{Kind: MarkerChanged, Brand: b.Name, Line: b.Line, Pointer: at + "/special", Guide: b.Special, Data: d.Special})
		}
		gcs := c.contacts(b, d.ID)
		dcs := refsOf(d.Contacts)
		pair, used := pairContacts(gcs, dcs)
		for j, gc := range gcs {
			switch p := pair[j]; {
			case p < 0:
				out = append(out, Difference{Kind: ContactAdded, Brand: b.Name, Line: b.Contacts[j].Line, Pointer: at + "/contacts/-", Guide: gc})
			case gc != dcs[p]:
				out = append(out, Difference{Kind: ContactChanged, Brand: b.Name, Line: b.Contacts[j].Line, Pointer: fmt.Sprintf("%s/contacts/%d", at, p), Guide: gc, Data: dcs[p]})
			}
		}
		for j, u := range used {
			if !u {
				out = append(out, Difference{Kind: ContactRemoved, Brand: b.Name, Line: b.Line, Pointer: fmt.Sprintf("%s/contacts/%d", at, j), Data: dcs[j]})
			}
		}
		if b.Digest() != d.SectionDigest {
			out = append(out, Difference{Kind: RulesChanged, Brand: b.Name, Line: b.RulesLine, Pointer: at + "/sectionDigest", Guide: b.Text(), Data: d.SectionDigest})
		}
	}
	for i, u := range c.inUse {
		if !u {
			d := f.Brands[i]
			out = append(out, Difference{Kind: BrandRemoved, Brand: d.Name, Pointer: fmt.Sprintf("/brands/%d", i), Data: d.Name})
		}
	}
	return out
}

// changeMatch pairs the guide's change log lines with brands.json's: a
// line is there when a change has its date and its French text (accents and
// punctuation aside). It gives the data index per guide line, or -1.
func (c *comparison) changeMatch() []int {
	used := make([]bool, len(c.f.Guide.Changes))
	out := make([]int, len(c.g.Changes))
	for k, gc := range c.g.Changes {
		out[k] = -1
		for j, dc := range c.f.Guide.Changes {
			if !used[j] && dc.Date == gc.Date && foldText(dc.Text.FR) == foldText(gc.Text) {
				used[j], out[k] = true, j
				break
			}
		}
	}
	return out
}

func changeText(c Change) string { return c.Date + " " + c.Text }
