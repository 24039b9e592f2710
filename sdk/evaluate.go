package sdk

import (
	"slices"
	"strings"

	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/message"
)

// Options say how to write a decision. The zero value is English for shop
// staff.
type Options struct {
	Lang     Lang     // "" means LangEnglish
	Audience Audience // "" means AudienceReseller
}

// Prepare builds ahead of time what Evaluate needs to write decisions for
// o.Audience in o.Lang, and Lookup's index, which the first Evaluate for
// them and the first Lookup otherwise build. It is never needed: a program
// with idle time (a widget once it shows) calls it so that its first
// decision and its first suggestions come as quickly as the next. It
// reports the options' error as Evaluate does.
func (g *Guide) Prepare(o Options) error {
	li, ai, err := o.normalize()
	if err != nil {
		return err
	}
	g.slotReady(slot(ai, li))
	g.index()
	return nil
}

// normalize fills in the zero value's language and audience (English, for
// shop staff) and returns them as indexes of langs and audiences.
func (o *Options) normalize() (li, ai int, err error) {
	if o.Lang == "" {
		o.Lang = LangEnglish
	}
	if o.Audience == "" {
		o.Audience = AudienceReseller
	}
	li, ai = index(o.Lang, langs), index(o.Audience, audiences)
	if li < 0 {
		return 0, 0, fieldErr("lang", "unknown value %s (want one of %s)", message.Quote(string(o.Lang)), list(langs))
	}
	if ai < 0 {
		return 0, 0, fieldErr("audience", "unknown value %s (want one of %s)", message.Quote(string(o.Audience)), list(audiences))
	}
	return li, ai, nil
}

// Evaluate decides claim c, written for o.Audience in o.Lang. It reads no
// clock: days are counted from c.PurchaseDate to c.ClaimDate. An invalid
// claim or option gives a *FieldError naming the field ("lang" and
// "audience" for the options).
func (g *Guide) Evaluate(c Claim, o Options) (Decision, error) {
	if err := c.Validate(); err != nil {
		return Decision{}, err
	}
	li, ai, err := o.normalize()
	if err != nil {
		return Decision{}, err
	}
	s := slot(ai, li)
	g.slotReady(s)
	var buf [64]byte
	key := normalize(buf[:0], c.Brand)
	b := g.byKey[string(key)]
	if b == nil {
		sh := g.shared[string(key)]
		if sh == nil {
			return g.unknownBrand(c, s)
		}
		if b = sh.byCat[c.Category]; b == nil {
			return g.whichBrand(c, sh, s)
		}
	}
	f := factsOf(c, b)
	if implied, ok := b.aliasCategory(string(key), c.Category); ok {
		f.cat = 1 << index(implied, categories)
	} else if implied, ok := b.modelCategory(c.Model, c.Category); ok {
		f.cat = 1 << index(implied, categories)
	}
	if f.model == nil && b.hasModels {
		return b.withoutModel(c, &f, s)
	}
	return b.decide(c, b.walk(&f, modelTyped), s)
}

// unknownBrand answers for a brand the guide does not have: its text names
// the brand as typed, and it suggests close ones.
func (g *Guide) unknownBrand(c Claim, s int) (Decision, error) {
	o := &g.unknown[s]
	d, err := g.decision(o, c, 0, -1, false)
	typed := message.Cut(strings.TrimSpace(c.Brand))
	d.Headline = strings.ReplaceAll(d.Headline, "{brand}", typed)
	for i := range d.Steps {
		d.Steps[i] = strings.ReplaceAll(d.Steps[i], "{brand}", typed)
	}
	d.Suggestions = g.suggest(c.Brand)
	return d, err
}

// sharedNameRule is the rule id of a decision that asks which of the
// brands sharing a name is meant.
const sharedNameRule = "shared-name"

// whichBrand answers a claim that names a brand by a name several brands
// share ("Sony") when its kind of product does not settle which: it needs
// information, and offers the candidates as suggestions.
func (g *Guide) whichBrand(c Claim, sh *sharedName, s int) (Decision, error) {
	d, err := g.decision(&g.which[s], c, 0, -1, false)
	typed := message.Cut(strings.TrimSpace(c.Brand))
	d.Headline = strings.ReplaceAll(d.Headline, "{brand}", typed)
	for i := range d.Steps {
		d.Steps[i] = strings.ReplaceAll(d.Steps[i], "{brand}", typed)
	}
	d.Rule.Source = sh.file.Source
	d.Suggestions = make([]Suggestion, len(sh.brands))
	for i, b := range sh.brands {
		d.Suggestions[i] = Suggestion{ID: b.ref.ID, Name: b.ref.Name}
	}
	return d, err
}

// facts are the claim's facts as the rules test them.
type facts struct {
	cat     uint32
	sup, sp uint8
	days    int      // -1 when the purchase date is unknown
	model   [][]byte // the typed model, normalised, with and without a leading brand name; nil when none
}

func factsOf(c Claim, b *brand) facts {
	cat := c.Category
	if cat == "" {
		cat = CategoryOther
	}
	f := facts{
		cat:  uint32(1) << index(cat, categories),
		sup:  uint8(1) << max(0, index(c.Support, supportAnswers)),
		sp:   uint8(1) << max(0, index(c.SpareParts, sparePartsAnswers)),
		days: -1,
	}
	if !c.PurchaseDate.IsZero() {
		f.days = c.PurchaseDate.DaysUntil(c.ClaimDate)
	}
	if b.hasModels {
		if m := normalized(c.Model); m != "" {
			f.model = [][]byte{[]byte(m)}
			for _, p := range b.prefixes {
				if rest, ok := strings.CutPrefix(m, p); ok && rest != "" {
					f.model = append(f.model, []byte(rest))
				}
			}
		}
	}
	return f
}

// How a walk treats rules that look at the model.
type modelMode uint8

const (
	modelTyped modelMode = iota // match the typed model
	modelAny                    // as if the model were one of each rule's
	modelNone                   // as if it were none of them
)

// step is where a walk of the chain stops: a rule that decides, or a rule
// that needs the purchase date to tell.
type step struct {
	rule     int
	needDate bool
}

func (b *brand) walk(f *facts, mode modelMode) step {
	for i, r := range b.chain {
		if r.categories != 0 && r.categories&f.cat == 0 ||
			r.support != 0 && r.support&f.sup == 0 ||
			r.spareParts != 0 && r.spareParts&f.sp == 0 {
			continue
		}
		if r.models != nil {
			switch mode {
			case modelNone:
				continue
			case modelTyped:
				if !matchModel(r.models, f.model) {
					continue
				}
			}
		}
		if r.hasDays {
			if f.days < 0 {
				return step{rule: i, needDate: true}
			}
			if f.days < r.minDays || r.maxDays >= 0 && f.days > r.maxDays {
				continue
			}
		}
		return step{rule: i}
	}
	return step{rule: len(b.chain) - 1} // compile guarantees the last default rule has no conditions
}

// withoutModel decides a claim with no model for a brand whose rules look at
// it: when the answer is the same whatever the model, that answer; when it
// differs, the model is needed. It is never a wrong "out of warranty".
func (b *brand) withoutModel(c Claim, f *facts, s int) (Decision, error) {
	with, without := b.walk(f, modelAny), b.walk(f, modelNone)
	if with == without {
		return b.decide(c, without, s)
	}
	dw, errW := b.decide(c, with, s)
	dn, errN := b.decide(c, without, s)
	if errW == nil && errN == nil && dw.Route == dn.Route && dw.Eligible == dn.Eligible && dw.DOA == dn.DOA && dw.OutOfWarranty == dn.OutOfWarranty {
		// The same answer, but a model of the brand's list may have a
		// longer warranty: its end is a floor ("at least until").
		if dw.Deadlines.WarrantyUntil.After(dn.Deadlines.WarrantyUntil) && !dn.Deadlines.WarrantyAtLeast {
			r := b.chain[without.rule]
			return b.decideWarranty(c, without, s, r.file.WarrantyMonths, true)
		}
		return dn, nil
	}
	d, err := b.guide.decision(&b.needModel[s], c, 0, -1, false)
	d.Brand = b.refCopy()
	if errW == nil && errN == nil {
		d.Contacts = sharedContacts(dw.Contacts, dn.Contacts) // whatever the model, these help
	}
	return d, err
}

// sharedContacts are the contacts of a that b has too, in a's order.
func sharedContacts(a, b []Contact) []Contact {
	out := []Contact{}
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// decide writes the decision of the step a walk stopped at.
func (b *brand) decide(c Claim, st step, s int) (Decision, error) {
	r := b.chain[st.rule]
	return b.decideWarranty(c, st, s, r.file.WarrantyMonths, r.file.WarrantyAtLeast)
}

// decideWarranty is decide with the warranty given: its months, and
// whether the guide gives them as a minimum.
func (b *brand) decideWarranty(c Claim, st step, s int, warrantyMonths int, atLeast bool) (Decision, error) {
	r := b.chain[st.rule]
	if st.needDate {
		d, err := b.guide.decision(&b.needDate[s][st.rule], c, 0, -1, false)
		d.Brand = b.refCopy()
		return d, err
	}
	doaDays := -1
	if r.file.DOA && !c.PurchaseDate.IsZero() {
		doaDays = r.maxDays
	}
	o := &b.out[s][st.rule]
	if o.supportFirst && (c.Support == SupportUnresolved || c.Support == SupportReturnApproved) {
		o = b.contactedOutcome(s, st.rule) // support was tried: 1.1 is done
	}
	d, err := b.guide.decision(o, c, warrantyMonths, doaDays, atLeast)
	if err != nil {
		return Decision{}, err
	}
	d.Brand = b.refCopy()
	return d, nil
}

// refCopy is a BrandRef the decision owns.
func (b *brand) refCopy() *BrandRef {
	ref := b.ref
	return &ref
}

func matchModel(models []string, typed [][]byte) bool {
	for _, m := range models {
		for _, t := range typed {
			if m == string(t) {
				return true
			}
		}
	}
	return false
}

// decision fills a Decision from a shared outcome and the claim's facts:
// warrantyMonths from the rule (atLeast: a floor, the warranty may run
// longer), doaDays the DOA window (-1 for none).
// Everything reachable from it is new memory: the caller owns the decision,
// and writing into it cannot change the Guide or another decision.
func (g *Guide) decision(o *outcome, c Claim, warrantyMonths, doaDays int, atLeast bool) (Decision, error) {
	missing := o.requires &^ satisfied(c) & o.shown
	d := Decision{
		Audience:    o.audience,
		Suggestions: []Suggestion{},
		Route:       o.route,
		Headline:    o.headline,
		Missing:     clone(g.missing[missing]),
		Contacts:    clone(o.contacts),
		Rule:        o.rule,
		GuideDate:   g.date,
		Lang:        o.lang,
	}
	d.Eligible = o.route == RouteMicromediaRMA && missing == 0
	d.Deadlines.RMAValidDays = o.validDays
	d.Documents = make([]Document, len(o.docs))
	for i, e := range o.docs {
		d.Documents[i] = Document{ID: e.kind, Label: e.text, Missing: e.req >= 0 && missing&(1<<e.req) != 0}
	}
	texts := g.deadlineTexts(o.audience)
	var dates [3]string
	nd := 0
	if doaDays >= 0 {
		d.DOA = true
		d.Deadlines.DOAUntil = c.PurchaseDate.AddDays(doaDays)
		if d.Deadlines.DOAUntil.IsZero() {
			return Decision{}, fieldErr("purchaseDate", "the dead-on-arrival window of %d days would end after %s", doaDays, lastDate)
		}
		dates[nd], nd = fillDate(in(texts.DOA, o.lang), o.lang, d.Deadlines.DOAUntil), nd+1
	}
	if warrantyMonths > 0 && !c.PurchaseDate.IsZero() {
		d.Deadlines.WarrantyUntil = c.PurchaseDate.AddMonths(warrantyMonths)
		if d.Deadlines.WarrantyUntil.IsZero() {
			return Decision{}, fieldErr("purchaseDate", "the warranty of %d months would end after %s", warrantyMonths, lastDate)
		}
		d.OutOfWarranty = c.ClaimDate.After(d.Deadlines.WarrantyUntil)
		d.Deadlines.WarrantyAtLeast = atLeast
		t := texts.Warranty
		switch {
		case d.OutOfWarranty:
			t = texts.WarrantyEnded
		case atLeast:
			t = texts.WarrantyAtLeast
		}
		dates[nd], nd = fillDate(in(t, o.lang), o.lang, d.Deadlines.WarrantyUntil), nd+1
	}
	if o.rmaValid != "" {
		dates[nd], nd = o.rmaValid, nd+1
	}
	// One allocation for the three lists of text; each is capped, so that
	// an append by the caller cannot run into the next.
	a, b := len(o.steps), len(o.steps)+len(o.notes)
	slab := make([]string, b+nd)
	copy(slab, o.steps)
	copy(slab[a:], o.notes)
	copy(slab[b:], dates[:nd])
	d.Steps, d.Notes, d.Dates = slab[:a:a], slab[a:b:b], slab[b:]
	return d, nil
}

// clone is a copy of s with its own memory: make and copy, cheaper than
// slices.Clone's append; an empty s gives an empty, non-nil slice.
func clone[T any](s []T) []T {
	out := make([]T, len(s))
	copy(out, s)
	return out
}

// fillDate writes template with {date} as d in words, in one allocation.
func fillDate(template string, lang Lang, d Date) string {
	i := strings.Index(template, "{date}")
	if i < 0 {
		return template
	}
	var buf [160]byte
	b := append(buf[:0], template[:i]...)
	b = appendDateWords(b, d, lang)
	b = append(b, template[i+len("{date}"):]...)
	return string(b)
}

func (g *Guide) deadlineTexts(a Audience) *brandsfile.DeadlineTexts {
	if a == AudienceConsumer {
		return &g.file.Audiences.Consumer.Deadlines
	}
	return &g.file.Audiences.Reseller.Deadlines
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		if n /= 10; n == 0 {
			return string(b[i:])
		}
	}
}

// satisfied returns the requirement bits the claim meets.
func satisfied(c Claim) reqMask {
	var s reqMask
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
	set(RequireModel, strings.TrimSpace(c.Model) != "")
	return s
}

// suggest names up to three brands close to an unknown query.
func (g *Guide) suggest(query string) []Suggestion {
	ms := g.Lookup(query)
	if len(ms) > 3 {
		ms = ms[:3]
	}
	out := make([]Suggestion, len(ms))
	for i, m := range ms {
		out[i] = Suggestion{ID: m.ID, Name: m.Name}
	}
	return out
}
