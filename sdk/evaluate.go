package sdk

import (
	"fmt"
	"slices"
	"strings"
)

// brand is a compiled brand: its rule chain (global rules, its own rules,
// the default rules) and, per rule and language, everything a decision
// shares, built once at load so that Evaluate only picks.
type brand struct {
	guide    *Guide
	file     *fileBrand
	ref      BrandRef
	chain    []*rule
	out      [][3]outcome // per chain rule, per language
	needInfo [][3]outcome // needs-information, per chain rule with a days condition
}

type rule struct {
	file       *fileRule
	categories uint32 // bit per category index; 0 = any
	support    uint8  // bit per Support index; 0 = any
	spareParts uint8  // bit per SpareParts index; 0 = any
	models     []string
	hasDays    bool
	minDays    int
	maxDays    int   // -1 = no upper bound
	requires   uint8 // bit per requirement index, route's and rule's
	routeIdx   int
}

// outcome is the shared part of a decision.
type outcome struct {
	route     Route
	rule      RuleRef
	requires  uint8
	docs      []docEntry
	contacts  []Contact
	steps     []string
	notes     []string
	validDays int
}

type docEntry struct {
	kind DocumentKind
	req  int // requirement index that marks it missing, -1 for none
	text string
}

var emptyReqs = []Requirement{}

// compile builds the Guide's tables. It checks every vocabulary value and
// index it uses, so that a file model that skipped validation gives an
// error, never a panic.
func compile(f *fileGuide) (*Guide, error) {
	c := &compiler{}
	g := &Guide{file: f, byKey: map[string]*brand{}, routes: make([]*fileRoute, len(routes))}
	for i, r := range routes {
		def, ok := f.Routes[r]
		if !ok {
			c.fail("/routes/"+string(r), "missing")
		}
		if err := c.vocab(&def); err != nil {
			return nil, err
		}
		g.routes[i] = &def
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
		b.chain = append(append(append([]*rule{}, global...), c.rules(fmt.Sprintf("/brands/%d/rules", i), fb.Rules)...), defaults...)
		if c.err != nil {
			return nil, c.err
		}
		b.out = make([][3]outcome, len(b.chain))
		b.needInfo = make([][3]outcome, len(b.chain))
		for j, r := range b.chain {
			for li, lang := range langs {
				b.out[j][li] = g.outcome(fb, r, r.routeIdx, lang)
				if r.hasDays {
					ni := index(RouteNeedsInformation, routes)
					o := g.outcome(fb, r, ni, lang)
					o.requires = 1 << index(RequirePurchaseDate, requirements)
					b.needInfo[j][li] = o
				}
			}
		}
		g.brands = append(g.brands, b)
		g.addKeys(b)
	}
	for li, lang := range langs {
		ui := index(RouteUnknownBrand, routes)
		g.unknown[li] = g.outcome(nil, &rule{file: &fileRule{ID: string(RouteUnknownBrand), Source: g.routes[ui].Source}}, ui, lang)
	}
	return g, c.err
}

// compiler keeps the first problem found while building a Guide.
type compiler struct{ err error }

func (c *compiler) fail(ptr, format string, args ...any) {
	if c.err == nil {
		c.err = &DataError{Problems: []Problem{{Pointer: ptr, Message: fmt.Sprintf(format, args...)}}}
	}
}

// at returns i, or records that value at ptr is not in the vocabulary.
func at[T ~string](c *compiler, ptr string, value T, vocab []T) int {
	i := index(value, vocab)
	if i < 0 {
		c.fail(ptr, "unknown value %s", quote(string(value)))
		return 0
	}
	return i
}

// vocab checks the vocabulary values of a route definition.
func (c *compiler) vocab(def *fileRoute) error {
	for _, q := range def.Requires {
		at(c, "/routes", q, requirements)
	}
	for _, d := range def.Documents {
		at(c, "/routes", d, documentKinds)
	}
	for _, r := range def.Contacts {
		at(c, "/routes", r, contactRoles)
	}
	if def.RMAValidDays < 0 || def.RMAValidDays > maxRMAValidDays {
		c.fail("/routes", "rmaValidDays %d is out of range", def.RMAValidDays)
	}
	return c.err
}

// The bounds the schema sets on numbers, checked again where they are used.
const (
	maxDays           = 3660
	maxWarrantyMonths = 240
	maxRMAValidDays   = 365
)

func (c *compiler) rules(base string, rs []fileRule) []*rule {
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

// outcome builds the shared part of a decision for rule r on route ri.
func (g *Guide) outcome(fb *fileBrand, r *rule, ri int, lang Lang) outcome {
	def := g.routes[ri]
	o := outcome{route: routes[ri], rule: RuleRef{ID: r.file.ID, Source: r.file.Source}, validDays: def.RMAValidDays}
	reqs := append(append([]Requirement{}, def.Requires...), r.file.Requires...)
	if routes[ri] == RouteNeedsInformation {
		reqs = nil // it asks for the missing input only
	}
	for _, q := range reqs {
		o.requires |= 1 << index(q, requirements)
	}
	labels := g.file.Labels
	for _, d := range def.Documents {
		o.docs = append(o.docs, docEntry{kind: d, req: index(Requirement(d), requirements), text: labels.Documents[d].In(lang)})
	}
	for i, q := range requirements {
		if o.requires&(1<<i) != 0 && oneOf(DocumentKind(q), documentKinds) {
			o.docs = append(o.docs, docEntry{kind: DocumentKind(q), req: i, text: labels.Documents[DocumentKind(q)].In(lang)})
		}
	}
	roles := def.Contacts
	if r.file.Contacts != nil && routes[ri] == r.file.Route {
		roles = r.file.Contacts
	}
	o.contacts = []Contact{}
	for _, role := range roles {
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
	o.steps = texts(lang, r.file.Steps, def.Steps)
	o.notes = texts(lang, r.file.Notes)
	o.contacts = o.contacts[:len(o.contacts):len(o.contacts)]
	return o
}

func texts(lang Lang, lists ...[]Text) []string {
	out := []string{}
	for _, l := range lists {
		for _, t := range l {
			out = append(out, t.In(lang))
		}
	}
	return out[:len(out):len(out)]
}

func (g *Guide) contact(c fileContact, lang Lang) Contact {
	label := g.file.Labels.ContactRoles[c.Role].In(lang)
	if c.Country != "" {
		label += " (" + g.file.Labels.Countries[c.Country].In(lang) + ")"
	}
	return Contact{Type: c.Type, Value: c.Value, Role: c.Role, Label: label}
}

// Evaluate decides claim c with English text. See EvaluateIn.
func (g *Guide) Evaluate(c Claim) (Decision, error) { return g.EvaluateIn(c, LangEnglish) }

// EvaluateIn decides claim c, with the human text of the decision in lang.
// It reads no clock: days are counted from c.PurchaseDate to c.ClaimDate.
// An invalid claim gives a *FieldError naming the field.
func (g *Guide) EvaluateIn(c Claim, lang Lang) (Decision, error) {
	if err := c.Validate(); err != nil {
		return Decision{}, err
	}
	li := index(lang, langs)
	if lang == "" {
		li, lang = index(LangEnglish, langs), LangEnglish
	}
	if li < 0 {
		return Decision{}, fieldErr("lang", "unknown value %s (want one of %s)", quote(string(lang)), list(langs))
	}
	var buf [64]byte
	b := g.byKey[string(normalize(buf[:0], c.Brand))]
	if b == nil {
		d, err := g.decision(&g.unknown[li], c, lang, 0)
		d.Suggestions = g.suggest(c.Brand)
		return d, err
	}
	cat := c.Category
	if cat == "" {
		cat = CategoryOther
	}
	catBit := uint32(1) << index(cat, categories)
	supBit := uint8(1) << max(0, index(c.Support, supportAnswers))
	spBit := uint8(1) << max(0, index(c.SpareParts, sparePartsAnswers))
	days := -1
	if !c.PurchaseDate.IsZero() {
		days = c.PurchaseDate.DaysUntil(c.ClaimDate)
	}
	var model []byte
	for i, r := range b.chain {
		if r.categories != 0 && r.categories&catBit == 0 ||
			r.support != 0 && r.support&supBit == 0 ||
			r.spareParts != 0 && r.spareParts&spBit == 0 {
			continue
		}
		if r.models != nil {
			if model == nil {
				var mbuf [64]byte
				model = normalize(mbuf[:0], c.Model)
			}
			if !matchModel(r.models, model) {
				continue
			}
		}
		if r.hasDays {
			if days < 0 {
				d, err := g.decision(&b.needInfo[i][li], c, lang, 0)
				d.Brand = b.refCopy()
				return d, err
			}
			if days < r.minDays || r.maxDays >= 0 && days > r.maxDays {
				continue
			}
		}
		d, err := g.decision(&b.out[i][li], c, lang, r.file.WarrantyMonths)
		if err != nil {
			return Decision{}, err
		}
		d.Brand = b.refCopy()
		if r.file.DOA && !c.PurchaseDate.IsZero() {
			d.DOA = true
			d.Deadlines.DOAUntil = c.PurchaseDate.AddDays(r.maxDays)
			if d.Deadlines.DOAUntil.IsZero() {
				return Decision{}, fieldErr("purchaseDate", "the dead-on-arrival window of %d days would end after %s", r.maxDays, lastDate)
			}
		}
		return d, nil
	}
	// lint guarantees the last default rule has no conditions.
	return Decision{}, fieldErr("brand", "no rule of brand %q decides this claim", b.ref.ID)
}

// refCopy is a BrandRef the decision owns.
func (b *brand) refCopy() *BrandRef {
	ref := b.ref
	return &ref
}

func matchModel(models []string, model []byte) bool {
	for _, m := range models {
		if m == string(model) {
			return true
		}
	}
	return false
}

// decision fills a Decision from a shared outcome and the claim's facts.
// Everything reachable from it is new memory: the caller owns the decision,
// and writing into it cannot change the Guide or another decision.
func (g *Guide) decision(o *outcome, c Claim, lang Lang, warrantyMonths int) (Decision, error) {
	missing := o.requires &^ satisfied(c)
	d := Decision{
		Suggestions: []string{},
		Route:       o.route,
		Missing:     slices.Clone(g.missing[missing]),
		Contacts:    slices.Clone(o.contacts),
		Steps:       slices.Clone(o.steps),
		Notes:       slices.Clone(o.notes),
		Rule:        o.rule,
		GuideDate:   g.file.Guide.Date,
		Lang:        lang,
	}
	d.Eligible = o.route == RouteMicromediaRMA && missing == 0
	d.Deadlines.RMAValidDays = o.validDays
	d.Documents = make([]Document, len(o.docs))
	for i, e := range o.docs {
		d.Documents[i] = Document{ID: e.kind, Label: e.text, Missing: e.req >= 0 && missing&(1<<e.req) != 0}
	}
	if warrantyMonths > 0 && !c.PurchaseDate.IsZero() {
		d.Deadlines.WarrantyUntil = c.PurchaseDate.AddMonths(warrantyMonths)
		if d.Deadlines.WarrantyUntil.IsZero() {
			return Decision{}, fieldErr("purchaseDate", "the warranty of %d months would end after %s", warrantyMonths, lastDate)
		}
		d.OutOfWarranty = c.ClaimDate.After(d.Deadlines.WarrantyUntil)
	}
	return d, nil
}

// satisfied returns the requirement bits the claim meets.
func satisfied(c Claim) uint8 {
	var s uint8
	set := func(r Requirement, ok bool) {
		if ok {
			s |= 1 << index(r, requirements)
		}
	}
	set(RequirePurchaseDate, !c.PurchaseDate.IsZero())
	set(RequireProofOfPurchase, c.ProofOfPurchase)
	set(RequireDefectDescription, strings.TrimSpace(c.DefectDescription) != "")
	set(RequireBoughtFromMicromedia, !c.NotFromMicromedia)
	set(RequireComplete, !c.Incomplete)
	set(RequireSerialNumber, strings.TrimSpace(c.SerialNumber) != "")
	set(RequirePhoto, c.Photo)
	set(RequireSupportApproval, c.Support == SupportReturnApproved)
	return s
}

// suggest names up to three brands close to an unknown query.
func (g *Guide) suggest(query string) []string {
	ms := g.Lookup(query)
	if len(ms) > 3 {
		ms = ms[:3]
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}
