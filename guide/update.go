package guide

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/micromedia/rmacheck/internal/brandsfile"
)

// Todo is a difference update leaves for a person: a new or changed special
// rule, a brand that became special, a text to translate. guide check
// reports it until it is done.
type Todo struct {
	Difference
	Old    string `json:"old,omitempty"`    // the section's text in the previous guide, when given
	Digest string `json:"digest,omitempty"` // the guide section's digest, to record once the rules are encoded
	Note   string `json:"note,omitempty"`
}

// Options are update's choices.
type Options struct {
	// Old is the guide brands.json was in step with, to show each to-do's
	// old text (optional).
	Old *Guide
	// Accept are brand ids whose rules a person has encoded for this guide:
	// update records their * and digest.
	Accept []string
}

// Update returns brands.json with the guide's mechanical changes applied:
// new standard brands, removed brands, contacts, change log lines and the
// date. What needs a person is left, and listed as to-dos.
func Update(g *Guide, brandsJSON []byte, opt Options) ([]byte, []Todo, error) {
	f, err := decodeData(brandsJSON)
	if err != nil {
		return nil, nil, err
	}
	doc, err := parseObject(brandsJSON)
	if err != nil {
		return nil, nil, fmt.Errorf("brands.json: %v", err)
	}
	brands, err := parseObjects(doc.vals["brands"])
	if err != nil {
		return nil, nil, fmt.Errorf("brands.json: /brands: %v", err)
	}
	c := compare(g, f)
	var todos []Todo
	accept := map[string]bool{}
	for _, id := range opt.Accept {
		accept[id] = true
	}

	// Existing brands: contacts, and the * and digest when the guide now
	// gives the standard rule (or a person has encoded the new rules).
	done := make([]bool, len(f.Brands))
	for k, b := range g.Brands {
		i := c.match[k]
		if i < 0 || done[i] {
			continue
		}
		done[i] = true
		d, o := f.Brands[i], brands[i]
		old := d.Contacts
		if gcs, dcs := c.contacts(b, d.ID), refsOf(old); !slices.Equal(gcs, dcs) {
			pair, used := pairContacts(gcs, dcs)
			out := []brandsfile.Contact{}
			for j, gc := range gcs {
				p := pair[j]
				switch {
				case !validContact(gc):
					// A slip of the guide's: the data keeps what it had, and
					// the check reports it until a correction records it.
					if p >= 0 {
						out = append(out, old[p])
					}
				case p >= 0:
					// The label is the data's own (it tells the brand's
					// contacts apart); the guide has none, so the contact
					// keeps it.
					out = append(out, brandsfile.Contact{Type: gc.Type, Value: gc.Value, Role: old[p].Role, Country: knownCountry(c, b.Contacts[j].Country), Label: old[p].Label})
				default:
					out = append(out, brandsfile.Contact{Type: gc.Type, Value: gc.Value, Role: roleFor(b.Contacts[j].Label), Country: knownCountry(c, b.Contacts[j].Country)})
				}
			}
			// A removed contact whose role the brand's rules still list
			// stays until a person changes the rules: the lint would refuse
			// the file, and the check reports the contact meanwhile.
			for _, r := range d.Rules {
				for _, role := range r.Contacts {
					if slices.ContainsFunc(out, func(c brandsfile.Contact) bool { return c.Role == role }) {
						continue
					}
					for j, u := range used {
						if !u && old[j].Role == role {
							out = append(out, old[j])
							used[j] = true
							break
						}
					}
				}
			}
			o.set("contacts", out, "sectionDigest")
		}
		switch {
		case accept[d.ID]:
			o.set("special", b.Special, "name")
			o.set("sectionDigest", b.Digest(), "special")
		case b.Digest() == d.SectionDigest && b.Special == d.Special:
			continue
		case !b.Special && b.Standard():
			o.set("special", false, "name")
			o.del("rules")
			o.set("sectionDigest", b.Digest(), "special")
		default:
			continue // a to-do
		}
		if name := b.BaseName(); name != d.Name {
			o.set("name", name, "id") // the heading's spelling changed ("Turtle beach" → "Turtle Beach")
		}
	}
	if err := dropStaleCorrections(doc, g, c); err != nil {
		return nil, nil, err
	}

	// Removed brands, and what refers to them.
	removed := map[string]bool{}
	var out []*object
	for i, o := range brands {
		if c.inUse[i] {
			out = append(out, o)
		} else {
			removed[f.Brands[i].ID] = true
		}
	}

	// New standard brands, each after the brand of the heading before it.
	ids := map[string]bool{}
	names := map[string]string{} // key of a name or alias -> id
	for _, d := range f.Brands {
		if removed[d.ID] {
			continue
		}
		ids[d.ID] = true
		names[key(d.Name)] = d.ID
		for _, a := range d.Aliases {
			names[key(a)] = d.ID
		}
	}
	prev := -1 // index in out of the previous heading's brand
	added := map[string]bool{}
	for k, b := range g.Brands {
		if i := c.match[k]; i >= 0 {
			prev = slices.Index(out, brands[i])
			continue
		}
		if _, taken := names[key(b.BaseName())]; taken || b.Special || !b.Standard() || added[key(b.BaseName())] {
			continue // a person decides: a to-do below
		}
		added[key(b.BaseName())] = true
		o := newBrand(c, b, ids, names)
		out = slices.Insert(out, prev+1, o)
		prev++
	}
	doc.set("brands", objectsBytes(out), "")

	if len(removed) > 0 {
		if err := dropRefs(doc, out, removed); err != nil {
			return nil, nil, err
		}
	}

	// The change log, in the guide's order; lines the guide no longer has
	// stay at the end.
	guideObj, err := parseObject(doc.vals["guide"])
	if err != nil {
		return nil, nil, fmt.Errorf("brands.json: /guide: %v", err)
	}
	list, err := parseObjects(guideObj.vals["changes"])
	if err != nil {
		return nil, nil, fmt.Errorf("brands.json: /guide/changes: %v", err)
	}
	changes := make([]json.RawMessage, len(list))
	for i, o := range list {
		changes[i] = o.bytes()
	}
	match := c.changeMatch()
	if slices.Contains(match, -1) {
		used := make([]bool, len(changes))
		var log []json.RawMessage
		for k, j := range match {
			if j >= 0 {
				log = append(log, changes[j])
				used[j] = true
				continue
			}
			gc := g.Changes[k]
			text, ok := translate(gc.Text)
			if !ok {
				todos = append(todos, Todo{Difference: Difference{Kind: ChangelogAdded, Line: gc.Line, Pointer: fmt.Sprintf("/guide/changes/%d", len(log)), Guide: changeText(gc)},
					Note: "nl and en are the French text: translate them"})
			}
			log = append(log, marshal(brandsfile.Change{Date: gc.Date, Text: text, Brands: changeBrands(gc.Text, names)}))
		}
		for j, u := range used {
			if !u {
				log = append(log, changes[j])
			}
		}
		gd, err := parseObject(doc.vals["guide"])
		if err != nil {
			return nil, nil, fmt.Errorf("brands.json: /guide: %v", err)
		}
		gd.set("changes", marshal(log), "date")
		doc.set("guide", gd.bytes(), "")
	}
	if g.Date > f.Guide.Date {
		gd, err := parseObject(doc.vals["guide"])
		if err != nil {
			return nil, nil, fmt.Errorf("brands.json: /guide: %v", err)
		}
		gd.set("date", g.Date, "publisher")
		doc.set("guide", gd.bytes(), "")
	}

	res, err := indented(doc.bytes())
	if err != nil {
		return nil, nil, err
	}
	// What is left is what a person must do: the check of the result.
	left, err := Check(g, res)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range left {
		t := Todo{Difference: d, Note: todoNote(d.Kind)}
		if gb, ok := guideBrand(g, d.Brand); ok && d.Kind == BrandAdded {
			if id, taken := names[key(gb.BaseName())]; taken {
				t.Note = fmt.Sprintf("its name is a name or alias of brand %q: a renamed brand, or a new one to tell apart", id)
			}
		}
		if gb, ok := guideBrand(g, d.Brand); ok && d.Kind != ContactAdded && d.Kind != ContactChanged {
			t.Digest = gb.Digest()
			if opt.Old != nil {
				if ob, ok := sameBrand(opt.Old, gb); ok {
					t.Old = ob.Text()
				}
			}
		}
		todos = append(todos, t)
	}
	return res, todos, nil
}

func todoNote(kind string) string {
	switch kind {
	case BrandAdded:
		return "a brand with its own rules: add it with its rules and this digest"
	case MarkerChanged, RulesChanged:
		return "encode the rules for this text, then run update again with --accept and the brand's id"
	case ContactRemoved:
		return "the brand's rules list this contact's role: change the rules, then run update again"
	case ContactAdded, ContactChanged:
		return "a contact brands.json cannot take as printed (an address without https://, an e-mail label on a link, a country not in labels.countries): record a correction, a label, or the contact by hand"
	}
	return ""
}

func guideBrand(g *Guide, name string) (Brand, bool) {
	for _, b := range g.Brands {
		if name != "" && b.Name == name {
			return b, true
		}
	}
	return Brand{}, false
}

func sameBrand(g *Guide, b Brand) (Brand, bool) {
	for _, ob := range g.Brands {
		if key(ob.BaseName()) == key(b.BaseName()) {
			return ob, true
		}
	}
	return Brand{}, false
}

// roleFor is a new contact's role: the guide's "distributeurs" (resellers)
// sites are reseller portals, everything else is the brand's support.
func roleFor(label string) string {
	if strings.Contains(foldText(label), "distribut") {
		return "reseller-portal"
	}
	return "support"
}

// validContact says whether brands.json's schema accepts the contact: the
// guide has websites without a scheme and e-mail labels on web forms.
func validContact(c ContactRef) bool {
	switch c.Type {
	case "website":
		return strings.HasPrefix(c.Value, "https://") || strings.HasPrefix(c.Value, "http://")
	case "email":
		return emailRe.MatchString(c.Value)
	}
	return phoneRe.MatchString(c.Value)
}

func knownCountry(c *comparison, printed string) string {
	if code, ok := c.country(printed); ok {
		return code
	}
	return "" // the check reports the contact
}

// newBrand is a standard brand from its heading: the name without its
// parentheses, whose contents become aliases, or related ids when they name
// another brand ("Cascade (Anciennement Dazzle)").
func newBrand(c *comparison, b Brand, ids map[string]bool, names map[string]string) *object {
	name := b.BaseName()
	id := slug(name)
	if id == "" {
		id = "brand"
	}
	for n := 2; ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", slug(name), n)
	}
	ids[id] = true
	var aliases, related []string
	for _, aside := range b.Asides() {
		other, former := aside, false
		for _, p := range []string{"anciennement ", "dorénavant ", "dorenavant ", "désormais ", "ex "} {
			if strings.HasPrefix(strings.ToLower(other), p) {
				other, former = other[len(p):], true
			}
		}
		if rid, ok := names[key(other)]; ok {
			related = append(related, rid)
			continue
		}
		alias := name + " " + aside // "DXRacer XL"
		switch {
		case former:
			alias = other // a former or later name
		case acronym(aside, name):
			alias = aside
		}
		if _, taken := names[key(alias)]; !taken && !slices.Contains(aliases, alias) {
			aliases = append(aliases, alias)
		}
	}
	names[key(name)] = id
	for _, a := range aliases {
		names[key(a)] = id
	}
	o := &object{vals: map[string]json.RawMessage{}}
	o.set("id", id, "")
	o.set("name", name, "")
	if len(aliases) > 0 {
		o.set("aliases", aliases, "")
	}
	o.set("special", false, "")
	o.set("sectionDigest", b.Digest(), "")
	contacts := make([]brandsfile.Contact, 0, len(b.Contacts))
	for j, gc := range c.contacts(b, id) {
		if validContact(gc) {
			contacts = append(contacts, brandsfile.Contact{Type: gc.Type, Value: gc.Value, Role: roleFor(b.Contacts[j].Label), Country: knownCountry(c, b.Contacts[j].Country)})
		}
	}
	o.set("contacts", contacts, "")
	if len(related) > 0 {
		o.set("related", related, "")
	}
	return o
}

// acronym says whether s is made of the first letters of name's words
// ("STM" for Standard Technical Merchandise).
func acronym(s, name string) bool {
	if len(s) < 2 || strings.ToUpper(s) != s || strings.Contains(s, " ") {
		return false
	}
	initials := ""
	for _, w := range strings.Fields(name) {
		initials += strings.ToUpper(w[:1])
	}
	return strings.HasPrefix(initials, s)
}

// dropRefs removes the ids of removed brands from related lists and the
// change log, and drops their corrections.
func dropRefs(doc *object, brands []*object, removed map[string]bool) error {
	keep := func(ids []string) []string {
		return slices.DeleteFunc(ids, func(id string) bool { return removed[id] })
	}
	for _, o := range brands {
		var rel []string
		if err := o.get("related", &rel); err != nil {
			return err
		}
		if n := len(rel); n > 0 {
			if rel = keep(rel); len(rel) == 0 {
				o.del("related")
			} else if len(rel) != n {
				o.set("related", rel, "")
			}
		}
	}
	doc.set("brands", objectsBytes(brands), "")
	gd, err := parseObject(doc.vals["guide"])
	if err != nil {
		return err
	}
	changes, err := parseObjects(gd.vals["changes"])
	if err != nil {
		return err
	}
	for _, ch := range changes {
		var ids []string
		if err := ch.get("brands", &ids); err != nil {
			return err
		}
		if n := len(ids); len(keep(ids)) != n {
			ch.set("brands", keep(ids), "")
		}
	}
	gd.set("changes", objectsBytes(changes), "")
	doc.set("guide", gd.bytes(), "")
	corrections, err := parseObjects(doc.vals["corrections"])
	if err != nil {
		return err
	}
	corrections = slices.DeleteFunc(corrections, func(o *object) bool {
		var id string
		_ = o.get("brand", &id)
		return removed[id]
	})
	doc.set("corrections", objectsBytes(corrections), "")
	return nil
}

// dropStaleCorrections removes the contact corrections whose slip the guide
// no longer prints: the guide was corrected, and the contact with it.
func dropStaleCorrections(doc *object, g *Guide, c *comparison) error {
	printed := map[string][]Contact{} // brand id -> the guide's contacts, as printed
	for k, b := range g.Brands {
		if i := c.match[k]; i >= 0 {
			if id := c.f.Brands[i].ID; printed[id] == nil {
				printed[id] = append([]Contact{}, b.Contacts...)
			}
		}
	}
	stale := func(x brandsfile.Correction) bool {
		cs, ok := printed[x.Brand]
		if x.Contact == nil || !ok {
			return false
		}
		return !slices.ContainsFunc(cs, func(gc Contact) bool {
			return gc.Type == x.Contact.Guide.Type && gc.Value == x.Contact.Guide.Value
		})
	}
	if !slices.ContainsFunc(c.f.Corrections, stale) {
		return nil
	}
	corrections, err := parseObjects(doc.vals["corrections"])
	if err != nil {
		return fmt.Errorf("brands.json: /corrections: %v", err)
	}
	corrections = slices.DeleteFunc(corrections, func(o *object) bool {
		var x brandsfile.Correction
		return decode(o.bytes(), &x) == nil && stale(x)
	})
	doc.set("corrections", objectsBytes(corrections), "")
	return nil
}

var (
	addedRe = regexp.MustCompile(`^Ajouté (.+)$`)
	seeRe   = regexp.MustCompile(`^Voir ([^()]+)$`)
)

// translate gives the Dutch and English of the change log's two usual
// lines, "Ajouté X et Y" and "Voir X et Y"; others keep the French text.
func translate(fr string) (brandsfile.Text, bool) {
	list := func(m, and string) string {
		names := splitNames(m)
		if len(names) == 1 {
			return names[0]
		}
		return strings.Join(names[:len(names)-1], ", ") + " " + and + " " + names[len(names)-1]
	}
	if m := addedRe.FindStringSubmatch(fr); m != nil {
		return brandsfile.Text{FR: fr, NL: list(m[1], "en") + " toegevoegd", EN: "Added " + list(m[1], "and")}, true
	}
	if m := seeRe.FindStringSubmatch(fr); m != nil {
		return brandsfile.Text{FR: fr, NL: "Zie " + list(m[1], "en"), EN: "See " + list(m[1], "and")}, true
	}
	return brandsfile.Text{FR: fr, NL: fr, EN: fr}, false
}

func splitNames(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, " et ", ", "), ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// changeBrands are the ids of the brands a change log line names.
func changeBrands(fr string, names map[string]string) []string {
	out := []string{}
	rest := fr
	for _, p := range []string{"Ajouté ", "Voir "} {
		rest = strings.TrimPrefix(rest, p)
	}
	for _, n := range splitNames(parensRe.ReplaceAllString(rest, "")) {
		if id, ok := names[key(n)]; ok && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
