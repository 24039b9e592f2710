package sdk

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/message"
)

// brand is a compiled brand: its rule chain (global rules, its own rules,
// the default rules) and, per rule, audience and language, everything a
// decision shares, built once at load so that Evaluate only picks.
type brand struct {
	guide     *Guide
	file      *brandsfile.Brand
	ref       BrandRef
	chain     []*rule
	hasModels bool                // a rule of the chain looks at the model
	prefixes  []string            // the brand's normalised names, which a typed model may start with
	aliasCats map[string]Category // normalised alias → the kind of product it names (aliasCategories)
	modelCats []modelKind         // the same aliases as words a typed model may carry
	out       [nSlots][]outcome   // per slot, per chain rule; built by slotReady
	needDate  [nSlots][]outcome   // needs-information for the purchase date, per slot, per chain rule with a days condition
	needModel [nSlots]outcome     // needs-information for the model
	// contacted are, per slot, the outcomes without supportFirst wording,
	// built on first need: few claims say support was already tried, and
	// building them with the rest made a phone's first decision wait.
	contacted [nSlots]struct {
		once sync.Once
		out  []outcome // per chain rule; set where out's has supportFirst
	}
}

type rule struct {
	file       *brandsfile.Rule
	categories uint32 // bit per category index; 0 = any
	support    uint8  // bit per Support index; 0 = any
	spareParts uint8  // bit per SpareParts index; 0 = any
	models     []string
	hasDays    bool
	minDays    int
	maxDays    int // -1 = no upper bound
	routeIdx   int
}

// reqMask has a bit per requirement index.
type reqMask uint16

// An outcome slot per audience and language.
const nSlots = 2 * 3

func slot(audience, lang int) int { return audience*len(langs) + lang }

// outcome is the shared part of a decision.
type outcome struct {
	route     Route
	rule      RuleRef
	audience  Audience
	lang      Lang
	requires  reqMask
	shown     reqMask // the requirements this audience is told about
	headline  string
	docs      []docEntry
	contacts  []Contact
	steps     []string
	notes     []string
	validDays int
	rmaValid  string // the RMA number's validity in words, "" when the audience is not told
	// supportFirst: the route's supportFirst wording (1.1) is in this
	// outcome; a claim that says support was already tried gets the
	// brand's contactedOutcome instead.
	supportFirst bool
}

type docEntry struct {
	kind DocumentKind
	req  int // requirement index that marks it missing, -1 for none
	text string
}

var emptyReqs = []Requirement{}

// The bounds the schema sets on numbers, checked again where they are used.
const (
	maxDays           = 3660
	maxWarrantyMonths = 240
	maxRMAValidDays   = 365
)

// compile builds the Guide's tables. It checks every value it types (each
// vocabulary value, date and index it uses), so that a file model that
// skipped validation gives an error, never a panic.
func compile(f *brandsfile.File) (*Guide, error) {
	c := &compiler{}
	g := &Guide{file: f, byKey: map[string]*brand{}, byID: make(map[string]*brand, len(f.Brands)), routes: make([]*brandsfile.Route, len(routes))}
	for i, r := range routes {
		def, ok := f.Routes[string(r)]
		if !ok {
			c.fail("/routes/"+string(r), "missing")
		}
		c.route("/routes/"+string(r), &def)
		g.routes[i] = &def
	}
	g.date = c.date(-1, f.Guide.Date)
	g.changeDates = make([]Date, len(f.Guide.Changes))
	for i, ch := range f.Guide.Changes {
		g.changeDates[i] = c.date(i, ch.Date)
	}
	c.contacts(-1, f.Contacts)
	if sn := f.SharedNames; sn != nil && sn.Consumer.Headline == nil {
		c.fail("/sharedNames/consumer/headline", "missing")
	}
	if c.err != nil {
		return nil, c.err
	}
	for mask := range g.missing {
		var list []Requirement
		for i, r := range requirements {
			if mask&(1<<i) != 0 {
				list = append(list, r)
			}
		}
		if list == nil {
			list = emptyReqs
		}
		g.missing[mask] = list[:len(list):len(list)]
	}
	global := c.rules("/globalRules", f.GlobalRules)
	defaults := c.rules("/defaultRules", f.Default)
	if len(defaults) == 0 || defaults[len(defaults)-1].file.When != nil {
		c.fail("/defaultRules", "the last default rule must have no conditions")
	}
	for i := range f.Brands {
		fb := &f.Brands[i]
		b := &brand{guide: g, file: fb, ref: BrandRef{ID: fb.ID, Name: fb.Name, Special: fb.Special}}
		g.byID[fb.ID] = b
		c.contacts(i, fb.Contacts)
		b.chain = append(append(append([]*rule{}, global...), c.rules(fmt.Sprintf("/brands/%d/rules", i), fb.Rules)...), defaults...)
		if c.err != nil {
			return nil, c.err
		}
		for _, r := range b.chain {
			b.hasModels = b.hasModels || r.models != nil
		}
		for _, name := range append([]string{fb.Name, fb.ID}, fb.Aliases...) {
			if k := normalized(name); k != "" {
				b.prefixes = append(b.prefixes, k)
			}
		}
		for _, alias := range slices.Sorted(maps.Keys(fb.AliasCategories)) { // sorted: the first problem is always the same
			ptr := fmt.Sprintf("/brands/%d/aliasCategories/%s", i, message.EscapeSegment(alias))
			if b.aliasCats == nil {
				b.aliasCats = map[string]Category{}
			}
			cat := categories[at(c, ptr, fb.AliasCategories[alias], categories)]
			b.aliasCats[normalized(alias)] = cat
			b.modelCats = append(b.modelCats, modelForms(fb, alias, cat)...)
		}
		g.brands = append(g.brands, b)
		g.addKeys(b)
	}
	if sn := f.SharedNames; sn != nil {
		g.shared = make(map[string]*sharedName, len(sn.Names))
		for i := range sn.Names {
			fs := &sn.Names[i]
			ptr := fmt.Sprintf("/sharedNames/names/%d", i)
			sh := &sharedName{file: fs, byCat: map[Category]*brand{}}
			for j, id := range fs.Brands {
				b := g.byID[id]
				if b == nil {
					c.fail(fmt.Sprintf("%s/brands/%d", ptr, j), "no brand has id %q", id)
					continue
				}
				sh.brands = append(sh.brands, b)
			}
			for _, cat := range slices.Sorted(maps.Keys(fs.Categories)) {
				k := categories[at(c, ptr+"/categories", cat, categories)]
				if b := g.byID[fs.Categories[cat]]; b != nil && slices.Contains(sh.brands, b) {
					sh.byCat[k] = b
				} else {
					c.fail(ptr+"/categories/"+message.EscapeSegment(cat), "%q is not one of the name's brands", fs.Categories[cat])
				}
			}
			g.shared[normalized(fs.Name)] = sh
		}
	}
	return g, c.err
}

// sharedName is a name several brands share ("Sony"), compiled.
type sharedName struct {
	file   *brandsfile.SharedName
	brands []*brand            // the candidates, in the data's order
	byCat  map[Category]*brand // the kinds of product that settle which one
}

// aliasCategory is the kind of product the brand's alias key names, for a
// claim or form that leaves the kind open ("" or other): "Razer Blade" is a
// laptop.
func (b *brand) aliasCategory(key string, cat Category) (Category, bool) {
	if cat != "" && cat != CategoryOther {
		return "", false
	}
	implied, ok := b.aliasCats[key]
	return implied, ok
}

// modelKind is a product line a model's words can name: "Razer Blade 16"
// and "Blade 16" are Razer Blades, laptops.
type modelKind struct {
	words []string // normalised words, in order
	cat   Category
}

// modelForms are the ways a model can name the alias's product line: the
// alias's words, and the same without a leading brand name ("Blade").
func modelForms(fb *brandsfile.Brand, alias string, cat Category) []modelKind {
	words := modelWords(alias)
	out := []modelKind{{words, cat}}
	for _, name := range append([]string{fb.Name, fb.ID}, fb.Aliases...) {
		prefix := modelWords(name)
		if len(prefix) > 0 && len(prefix) < len(words) && slices.Equal(words[:len(prefix)], prefix) {
			out = append(out, modelKind{words[len(prefix):], cat})
			break
		}
	}
	return out
}

// modelWords splits s into normalised words at spaces and punctuation.
func modelWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if w := normalized(f); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// modelCategory is the kind of product a typed model names, for a claim
// that leaves the kind open: a model whose words hold a product line the
// brand's aliasCategories name ("Razer Blade 16") decides as that line.
func (b *brand) modelCategory(model string, cat Category) (Category, bool) {
	if cat != "" && cat != CategoryOther || len(b.modelCats) == 0 || strings.TrimSpace(model) == "" {
		return "", false
	}
	words := modelWords(model)
	for _, k := range b.modelCats {
		for i := 0; i+len(k.words) <= len(words); i++ {
			if slices.Equal(words[i:i+len(k.words)], k.words) {
				return k.cat, true
			}
		}
	}
	return "", false
}

// slotReady builds the outcomes of one audience and language the first
// time a decision needs them: a widget or a script uses one or two of the
// six, and building all of them was most of the start-up a phone waits for.
// sync.Once makes the built outcomes visible to every goroutine that
// passes it; each slot writes only its own elements.
func (g *Guide) slotReady(s int) {
	g.slots[s].Do(func() {
		ai, li := s/len(langs), s%len(langs)
		needInfo := index(RouteNeedsInformation, routes)
		for _, b := range g.brands {
			// One allocation for both lists; needDate's elements for rules
			// without a days condition stay empty.
			both := make([]outcome, 2*len(b.chain))
			b.out[s], b.needDate[s] = both[:len(b.chain):len(b.chain)], both[len(b.chain):]
			for j, r := range b.chain {
				if g.supportFirst(b.file, r) {
					b.out[s][j] = g.outcomeFirst(b.file, r, r.routeIdx, ai, li)
				} else {
					b.out[s][j] = g.outcome(b.file, r, r.routeIdx, ai, li, 0)
				}
				if r.hasDays {
					b.needDate[s][j] = g.outcome(b.file, r, needInfo, ai, li, 1<<index(RequirePurchaseDate, requirements))
				}
			}
			if b.hasModels {
				b.needModel[s] = g.outcome(b.file, &rule{file: &brandsfile.Rule{ID: string(RouteNeedsInformation), Source: g.routes[needInfo].Source}}, needInfo, ai, li, 1<<index(RequireModel, requirements))
			}
		}
		ui := index(RouteUnknownBrand, routes)
		g.unknown[s] = g.outcome(nil, &rule{file: &brandsfile.Rule{ID: string(RouteUnknownBrand), Source: g.routes[ui].Source}}, ui, ai, li, 0)
		if sn := g.file.SharedNames; sn != nil {
			// The route's outcome with the shared names' own wording: it
			// asks for no requirement, it asks which brand.
			o := g.outcome(nil, &rule{file: &brandsfile.Rule{ID: sharedNameRule, Source: sn.Source}}, needInfo, ai, li, 0)
			o.requires, o.docs = 0, nil
			headline, steps := sn.Headline, sn.Steps
			if audiences[ai] == AudienceConsumer {
				headline, steps = *sn.Consumer.Headline, sn.Consumer.Steps
			}
			f := filler{g: g, brand: "{brand}", audience: audiences[ai], lang: langs[li]}
			o.headline, o.steps, o.notes = f.fill(in(headline, langs[li])), f.texts(steps), nil
			g.which[s] = o
		}
	})
}

// compiler keeps the first problem found while building a Guide.
type compiler struct{ err error }

func (c *compiler) fail(ptr, format string, args ...any) {
	if c.err == nil {
		c.err = &DataError{Problems: []Problem{{Pointer: ptr, Message: fmt.Sprintf(format, args...)}}}
	}
}

// at returns the index of value, a vocabulary value as the file writes it,
// or records that value at ptr is not in the vocabulary.
func at[T ~string](c *compiler, ptr string, value string, vocab []T) int {
	i := index(T(value), vocab)
	if i < 0 {
		c.fail(ptr, "unknown value %s", message.Quote(value))
		return 0
	}
	return i
}

// date parses s, the date of change i of the guide's log (-1: the guide's
// own date), or records why it is not a date. The pointer is written only
// for a problem: Default compiles every date on each call.
func (c *compiler) date(i int, s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		ptr := "/guide/date"
		if i >= 0 {
			ptr = fmt.Sprintf("/guide/changes/%d/date", i)
		}
		c.fail(ptr, "%v", err)
	}
	return d
}

// contacts checks the type and role of brand i's contacts (-1:
// Micromedia's own).
func (c *compiler) contacts(i int, cs []brandsfile.Contact) {
	for j, x := range cs {
		if index(ContactType(x.Type), contactTypes) >= 0 && index(ContactRole(x.Role), contactRoles) >= 0 {
			continue
		}
		ptr := fmt.Sprintf("/contacts/%d", j)
		if i >= 0 {
			ptr = fmt.Sprintf("/brands/%d/contacts/%d", i, j)
		}
		at(c, ptr+"/type", x.Type, contactTypes)
		at(c, ptr+"/role", x.Role, contactRoles)
	}
}

// route checks the vocabulary values of a route definition.
func (c *compiler) route(ptr string, def *brandsfile.Route) {
	for _, q := range def.Requires {
		at(c, ptr+"/requires", q, requirements)
	}
	for _, d := range def.Documents {
		at(c, ptr+"/documents", d, documentKinds)
	}
	for _, r := range def.Contacts {
		at(c, ptr+"/contacts", r, contactRoles)
	}
	for _, r := range def.Consumer.Contacts {
		at(c, ptr+"/consumer/contacts", r, contactRoles)
	}
	if def.Consumer.Headline == nil {
		c.fail(ptr+"/consumer/headline", "missing")
	}
	if sf := def.SupportFirst; sf != nil {
		for _, r := range sf.Contacts {
			at(c, ptr+"/supportFirst/contacts", r, contactRoles)
		}
		for _, r := range sf.Consumer.Contacts {
			at(c, ptr+"/supportFirst/consumer/contacts", r, contactRoles)
		}
	}
	if def.RMAValidDays < 0 || def.RMAValidDays > maxRMAValidDays {
		c.fail(ptr+"/rmaValidDays", "%d is out of range", def.RMAValidDays)
	}
}

func (c *compiler) rules(base string, rs []brandsfile.Rule) []*rule {
	out := make([]*rule, len(rs))
	for i := range rs {
		fr := &rs[i]
		ptr := fmt.Sprintf("%s/%d", base, i)
		r := &rule{file: fr, maxDays: -1, routeIdx: at(c, ptr+"/route", fr.Route, routes)}
		for _, q := range fr.Requires {
			at(c, ptr+"/requires", q, requirements)
		}
		for _, role := range fr.Contacts {
			at(c, ptr+"/contacts", role, contactRoles)
		}
		if fr.Consumer != nil {
			for _, role := range fr.Consumer.Contacts {
				at(c, ptr+"/consumer/contacts", role, contactRoles)
			}
		}
		if fr.WarrantyMonths < 0 || fr.WarrantyMonths > maxWarrantyMonths {
			c.fail(ptr+"/warrantyMonths", "%d is out of range", fr.WarrantyMonths)
		}
		if w := fr.When; w != nil {
			for _, x := range w.Categories {
				r.categories |= 1 << at(c, ptr+"/when/categories", x, categories)
			}
			for _, s := range w.Support {
				r.support |= 1 << at(c, ptr+"/when/support", s, supportAnswers)
			}
			for _, s := range w.SpareParts {
				r.spareParts |= 1 << at(c, ptr+"/when/spareParts", s, sparePartsAnswers)
			}
			for _, m := range w.Models {
				r.models = append(r.models, normalized(m))
			}
			if d := w.Days; d != nil {
				r.hasDays = true
				if d.Min != nil {
					r.minDays = *d.Min
				}
				if d.Max != nil {
					r.maxDays = *d.Max
				}
				if r.minDays < 0 || r.minDays > maxDays || r.maxDays < -1 || r.maxDays > maxDays || d.Max != nil && *d.Max < 0 {
					c.fail(ptr+"/when/days", "out of range 0..%d", maxDays)
				}
			}
		}
		if fr.DOA && r.maxDays < 0 {
			c.fail(ptr+"/doa", "a DOA rule needs when.days.max")
		}
		out[i] = r
	}
	return out
}

// outcome builds the shared part of a decision for rule r on route ri, for
// audience ai in language li. asks, when set, are the only requirements of a
// needs-information outcome: what it asks for.
func (g *Guide) outcome(fb *brandsfile.Brand, r *rule, ri, ai, li int, asks reqMask) outcome {
	return g.build(fb, r, ri, ai, li, asks, nil)
}

// outcomeFirst is outcome with the route's supportFirst wording (1.1).
func (g *Guide) outcomeFirst(fb *brandsfile.Brand, r *rule, ri, ai, li int) outcome {
	o := g.build(fb, r, ri, ai, li, 0, g.routes[ri].SupportFirst)
	o.supportFirst = true
	return o
}

// contactedOutcome is rule j's outcome in slot s without the route's
// supportFirst wording, for a claim that says support was already tried.
func (b *brand) contactedOutcome(s, j int) *outcome {
	c := &b.contacted[s]
	c.once.Do(func() {
		ai, li := s/len(langs), s%len(langs)
		c.out = make([]outcome, len(b.chain))
		for k, r := range b.chain {
			if b.out[s][k].supportFirst {
				c.out[k] = b.guide.outcome(b.file, r, r.routeIdx, ai, li, 0)
			}
		}
	})
	return &c.out[j]
}

// supportFirst reports whether rule r's own answer for brand fb points
// to the brand's support first (1.1): its route has the wording, the brand
// a support contact, and the rule gives no reason not to.
func (g *Guide) supportFirst(fb *brandsfile.Brand, r *rule) bool {
	return g.routes[r.routeIdx].SupportFirst != nil && r.file.WithoutSupportFirst == "" && hasRole(fb, RoleSupport)
}

func hasRole(fb *brandsfile.Brand, role ContactRole) bool {
	if fb == nil {
		return false
	}
	for _, c := range fb.Contacts {
		if c.Role == string(role) {
			return true
		}
	}
	return false
}

func (g *Guide) build(fb *brandsfile.Brand, r *rule, ri, ai, li int, asks reqMask, first *brandsfile.SupportFirst) outcome {
	def := g.routes[ri]
	lang, audience := langs[li], audiences[ai]
	consumer := audience == AudienceConsumer
	ownRoute := string(routes[ri]) == r.file.Route // false for a needs-information outcome of a rule
	o := outcome{route: routes[ri], rule: RuleRef{ID: r.file.ID, Source: r.file.Source}, audience: audience, lang: lang, validDays: def.RMAValidDays}
	if asks != 0 {
		o.requires = asks
	} else {
		for _, list := range [][]string{def.Requires, r.file.Requires} {
			for _, q := range list {
				o.requires |= 1 << index(Requirement(q), requirements)
			}
		}
	}
	labels := g.file.Labels
	docLabel := func(k DocumentKind) (string, bool) { return in(labels.Documents[string(k)], lang), true }
	o.shown = ^reqMask(0)
	if consumer {
		cw := g.file.Audiences.Consumer
		docLabel = func(k DocumentKind) (string, bool) {
			t, ok := cw.Documents[string(k)]
			return in(t, lang), ok
		}
		o.shown = 0
		for i, q := range requirements {
			if _, ok := cw.Requirements[string(q)]; ok {
				o.shown |= 1 << i
			}
		}
	}
	addDoc := func(k DocumentKind, req int) {
		if text, ok := docLabel(k); ok {
			o.docs = append(o.docs, docEntry{kind: k, req: req, text: text})
		}
	}
	for _, d := range def.Documents {
		addDoc(DocumentKind(d), index(Requirement(d), requirements))
	}
	for i, q := range requirements {
		if o.requires&(1<<i) != 0 && oneOf(DocumentKind(q), documentKinds) {
			addDoc(DocumentKind(q), i)
		}
	}

	var headline brandsfile.Text
	var roles []string // contact roles, as the file writes them
	var steps, notes []brandsfile.Text
	if consumer {
		w := def.Consumer
		if first != nil {
			w = overlay(w, first.Consumer)
		}
		if rw := r.file.Consumer; rw != nil && ownRoute {
			w = overlay(w, *rw)
		}
		headline, roles, steps, notes = *w.Headline, w.Contacts, w.Steps, w.Notes
	} else {
		headline, roles, steps = def.Headline, def.Contacts, def.Steps
		if ownRoute {
			if r.file.Headline != nil {
				headline = *r.file.Headline
			}
			if r.file.Contacts != nil {
				roles = r.file.Contacts
			}
			if r.file.ReplaceSteps {
				steps = r.file.Steps
			} else {
				steps = append(append([]brandsfile.Text{}, r.file.Steps...), def.Steps...)
			}
			notes = r.file.Notes
		}
		if first != nil {
			steps = append(append([]brandsfile.Text{}, first.Steps...), steps...)
			roles = append(append([]string{}, first.Contacts...), roles...)
		}
	}
	o.contacts = []Contact{}
	for k, role := range roles {
		if slices.Contains(roles[:k], role) { // supportFirst's roles may repeat the route's
			continue
		}
		if fb != nil {
			for _, c := range fb.Contacts {
				if c.Role == role {
					o.contacts = append(o.contacts, g.contact(c, lang))
				}
			}
		}
		for _, c := range g.file.Contacts {
			if c.Role == role {
				o.contacts = append(o.contacts, g.contact(c, lang))
			}
		}
	}
	o.contacts = o.contacts[:len(o.contacts):len(o.contacts)]
	f := filler{g: g, brand: "{brand}", mask: o.requires & o.shown, audience: audience, lang: lang}
	if fb != nil {
		f.brand = fb.Name
	}
	if t := g.deadlineTexts(audience).RMAValid; t != nil && o.validDays > 0 {
		o.rmaValid = strings.ReplaceAll(in(*t, lang), "{days}", itoa(o.validDays))
	}
	o.headline = f.fill(in(headline, lang))
	o.steps = f.texts(steps)
	o.notes = f.texts(notes)
	return o
}

// filler writes the placeholders of a text: {brand} (left for an unknown
// brand, whose name is known only when a claim names it) and {missing}.
type filler struct {
	g        *Guide
	brand    string
	mask     reqMask
	audience Audience
	lang     Lang
}

func (f *filler) fill(s string) string {
	if !strings.Contains(s, "{") { // most texts: no copy
		return s
	}
	s = strings.ReplaceAll(s, "{brand}", f.brand)
	if strings.Contains(s, "{missing}") {
		s = strings.ReplaceAll(s, "{missing}", f.g.missingText(f.mask, f.audience, f.lang))
	}
	return s
}

func (f *filler) texts(list []brandsfile.Text) []string {
	out := make([]string, len(list))
	for i, t := range list {
		out[i] = f.fill(in(t, f.lang))
	}
	return out
}

// overlay is w with the fields that r sets replaced.
func overlay(w, r brandsfile.ConsumerWording) brandsfile.ConsumerWording {
	if r.Headline != nil {
		w.Headline = r.Headline
	}
	if r.Steps != nil {
		w.Steps = r.Steps
	}
	if r.Notes != nil {
		w.Notes = r.Notes
	}
	if r.Contacts != nil {
		w.Contacts = r.Contacts
	}
	return w
}

// missingText lists the labels of the requirements in mask, for {missing}.
func (g *Guide) missingText(mask reqMask, a Audience, lang Lang) string {
	var names []string
	for i, q := range requirements {
		if mask&(1<<i) != 0 {
			names = append(names, g.RequirementLabel(q, Options{Lang: lang, Audience: a}))
		}
	}
	for i, n := range names {
		if r, size := utf8.DecodeRuneInString(n); size > 0 {
			names[i] = string(unicode.ToLower(r)) + n[size:]
		}
	}
	return strings.Join(names, ", ")
}

func (g *Guide) contact(c brandsfile.Contact, lang Lang) Contact {
	label := in(g.file.Labels.ContactRoles[c.Role], lang)
	if c.Label != nil {
		label = in(*c.Label, lang)
	}
	if c.Country != "" {
		label += " (" + in(g.file.Labels.Countries[c.Country], lang) + ")"
	}
	return Contact{Type: ContactType(c.Type), Value: c.Value, Role: ContactRole(c.Role), Label: label}
}
