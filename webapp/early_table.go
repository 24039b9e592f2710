//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/micromedia/rmacheck/sdk"
)

// The early answer: before app.wasm has arrived (about 8 s on a phone's
// first visit), web/early.js answers from web/early.json, a table of what
// the result card would show (headline, status, dates, contacts) for every
// brand name × kind of product × support × spare parts × span of days.
// earlyTable writes that table from the compiled guide, through the same
// Evaluate and the same View methods the card renders, so the early answer
// is the widget's answer, not a second implementation of the rules; the
// script only looks up, counts days and fills dates in. TestEarlyAnswer
// proves the two equal over every case; `make generate` writes the file and
// TestEarlyTableIsCurrent fails while it is stale.

// earlyTableFormat changes when early.js must read the table differently.
const earlyTableFormat = 1

// earlyTableJSON is web/early.json.
type earlyTableJSON struct {
	Format     int              `json:"format"`
	GuideDate  string           `json:"guideDate"`
	Categories []sdk.Category   `json:"categories"` // a row's order: "" (not chosen), then the SDK's
	Support    []sdk.Support    `json:"support"`
	SpareParts []sdk.SpareParts `json:"spareParts"`
	// Slots are audience/lang pairs; every per-slot list is in this order.
	Slots []string `json:"slots"`
	// Requirements is the order of an outcome's requirement bits.
	Requirements []sdk.Requirement `json:"requirements"`
	Words        []earlyWords      `json:"words"` // per slot
	// Names are the brand names and aliases as typed in full: early.js
	// reads each the way it reads the brand box (case, spaces and
	// punctuation aside) and finds its row of cells.
	Names [][2]any `json:"names"` // [name, row]
	// Rows give, per category, a cell index, or -1 where the widget
	// shows no answer yet (the kind of product is not chosen).
	Rows [][]int `json:"rows"`
	// Brands are each row's brand id, for the early decision event.
	Brands []string    `json:"brands"`
	Cells  []earlyCell `json:"cells"`
	Lines  []earlyLine `json:"lines"`
	// Outcomes are what the card shows; Texts index Strings.
	Outcomes []earlyOutcome `json:"outcomes"`
	Strings  []string       `json:"strings"`
}

// earlyWords are the texts of one slot that are not per outcome.
type earlyWords struct {
	Months    [12]string `json:"months"`
	FirstDay  string     `json:"firstDay"` // day 1 in words ("1er" in French)
	Dates     string     `json:"dates"`    // the dates block's heading
	Contacts  string     `json:"contacts"`
	DOA       string     `json:"doa"` // deadline templates with {date}
	Warranty  string     `json:"warranty"`
	Ended     string     `json:"ended"`
	AtLeast   string     `json:"atLeast"`
	Preparing string     `json:"preparing"`
}

// earlyCell is one brand name and kind of product.
type earlyCell struct {
	// Model: a typed model can change the answer (it names a product line
	// of the brand, "Blade 16"): early.js then leaves it to the engine.
	Model bool `json:"model,omitempty"`
	// Engine: a rule looks at the model, and with none typed the answer
	// turns on which warranty has ended (Ecoflow's 5-year models): only
	// the engine can tell.
	Engine bool  `json:"engine,omitempty"`
	Lines  []int `json:"lines,omitempty"` // per support × spare parts, support major
}

// earlyLine is the outcome by days from purchase to today.
type earlyLine struct {
	NoDate int      `json:"n"` // no purchase date
	Spans  [][2]int `json:"d"` // [first day, outcome], by first day; the first starts at 0
}

// earlyOutcome is one answer, whatever the dates.
type earlyOutcome struct {
	Route           sdk.Route `json:"route"`
	WarrantyMonths  int       `json:"w,omitempty"`
	WarrantyAtLeast bool      `json:"a,omitempty"`
	DOADays         int       `json:"doa"`           // -1: none
	Requires        int       `json:"req,omitempty"` // bits of Requirements that are asked and not yet met by the claim's facts alone
	Texts           [][]int   `json:"t"`             // per slot: [headline, statusComplete, kindComplete, statusMissing, kindMissing, rmaValid or -1, contacts...]
}

// earlyToday is the day the table's probes are made on; any day works, as
// the table stores spans of days and months, not dates.
var earlyToday = sdk.DateOf(2026, time.June, 15)

type earlyBuilder struct {
	g       *sdk.Guide
	t       earlyTableJSON
	str     map[string]int
	outcome map[string]int
	line    map[string]int
	cell    map[string]int
	edges   []int
	slots   []sdk.Options
	err     error
}

// earlyTable builds web/early.json from g and the brands.json it was
// loaded from (its rules' day bounds).
func earlyTable(g *sdk.Guide, brandsJSON []byte) ([]byte, error) {
	edges, err := dayEdges(brandsJSON)
	if err != nil {
		return nil, err
	}
	b := &earlyBuilder{g: g, str: map[string]int{}, outcome: map[string]int{}, line: map[string]int{}, cell: map[string]int{}, edges: edges}
	b.t = earlyTableJSON{
		Format: earlyTableFormat, GuideDate: g.Date().String(),
		Categories: append([]sdk.Category{""}, sdk.Categories()...), Support: sdk.SupportAnswers(), SpareParts: sdk.SparePartsAnswers(),
		Requirements: sdk.Requirements(),
	}
	for _, a := range sdk.Audiences() {
		for _, l := range sdk.Langs() {
			b.slots = append(b.slots, sdk.Options{Lang: l, Audience: a})
			b.t.Slots = append(b.t.Slots, string(a)+"/"+string(l))
			b.t.Words = append(b.t.Words, slotWords(l))
		}
	}
	for _, br := range g.Brands() {
		names := append([]string{br.Name, br.ID}, br.Aliases...)
		implies := make([]bool, len(names)) // the name says the kind of product ("Razer Blade")
		productLines := false
		for i, name := range names {
			q, _ := g.Questions(name, "")
			implies[i] = q.Category != ""
			productLines = productLines || implies[i]
		}
		plain := -1 // the row of the names that say no kind of product: they decide alike
		for i, name := range names {
			implied := implies[i]
			if !implied && plain >= 0 {
				b.t.Names = append(b.t.Names, [2]any{name, plain})
				continue
			}
			row := b.row(name, productLines)
			b.t.Brands = append(b.t.Brands, br.ID)
			if !implied {
				plain = row
			}
			b.t.Names = append(b.t.Names, [2]any{name, row})
		}
	}
	if b.err != nil {
		return nil, b.err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b.t); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dayEdges are the days where some rule's days condition starts or stops
// holding (min, max+1), with 0: between two edges no rule changes.
func dayEdges(brandsJSON []byte) ([]int, error) {
	var file any
	if err := json.Unmarshal(brandsJSON, &file); err != nil {
		return nil, fmt.Errorf("early table: brands.json: %w", err)
	}
	set := map[int]bool{0: true}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if when, ok := v["when"].(map[string]any); ok {
				if days, ok := when["days"].(map[string]any); ok {
					if n, ok := days["min"].(float64); ok {
						set[int(n)] = true
					}
					if n, ok := days["max"].(float64); ok {
						set[int(n)+1] = true
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(file)
	var out []int
	for d := range set {
		out = append(out, d)
	}
	slices.Sort(out)
	return out, nil
}

// slotWords are the words of a slot that do not depend on the decision;
// the deadline templates are filled in as outcomes find them.
func slotWords(l sdk.Lang) earlyWords {
	w := earlyWords{Dates: tr(l, msgDates), Contacts: tr(l, msgContacts), Preparing: tr(l, msgPreparing)}
	for m := time.January; m <= time.December; m++ {
		// "2 March 2001": the month is the second word.
		w.Months[m-1] = strings.Fields(sdk.DateOf(2001, m, 2).Format(l))[1]
	}
	w.FirstDay = strings.Fields(sdk.DateOf(2001, time.March, 1).Format(l))[0]
	return w
}

func (b *earlyBuilder) fail(format string, args ...any) {
	if b.err == nil {
		b.err = fmt.Errorf("early table: "+format, args...)
	}
}

func (b *earlyBuilder) s(text string) int {
	if i, ok := b.str[text]; ok {
		return i
	}
	b.str[text] = len(b.t.Strings)
	b.t.Strings = append(b.t.Strings, text)
	return len(b.t.Strings) - 1
}

// row is the cells of one brand name, per category.
func (b *earlyBuilder) row(name string, productLines bool) int {
	row := make([]int, len(b.t.Categories))
	for i, c := range b.t.Categories {
		row[i] = b.cellOf(name, c, productLines)
	}
	b.t.Rows = append(b.t.Rows, row)
	return len(b.t.Rows) - 1
}

// cellOf is the cell of a brand name and kind of product ("": not
// chosen), -1 when the widget shows no answer for them (buildView's
// condition: a kind of product, chosen or implied by the name).
// productLines: some name of the brand names a product line, so a typed
// model may name one too.
func (b *earlyBuilder) cellOf(name string, cat sdk.Category, productLines bool) int {
	q, ok := b.g.Questions(name, cat)
	if !ok {
		b.fail("%q: not a brand name", name)
		return -1
	}
	if cat == "" && q.Category == "" {
		return -1
	}
	c := earlyCell{Model: productLines && (cat == "" || cat == sdk.CategoryOther), Engine: q.Model}
	for _, sup := range b.t.Support {
		if c.Engine {
			break
		}
		for _, sp := range b.t.SpareParts {
			c.Lines = append(c.Lines, b.lineOf(name, cat, sup, sp, q.PurchaseDate))
		}
	}
	if b.err != nil {
		return -1
	}
	return intern(&b.t.Cells, b.cell, c)
}

// lineOf is the outcomes by days for one cell's support and spare parts.
func (b *earlyBuilder) lineOf(name string, cat sdk.Category, sup sdk.Support, sp sdk.SpareParts, byDays bool) int {
	var l earlyLine
	l.NoDate = b.outcomeOf(name, cat, sup, sp, -1, -1)
	edges := []int{0}
	if byDays {
		edges = b.edges
	}
	for i, lo := range edges {
		hi := 20000 // about 55 years: past every warranty
		if i+1 < len(edges) {
			hi = edges[i+1] - 1
		}
		o := b.outcomeOf(name, cat, sup, sp, lo, hi)
		if n := len(l.Spans); n > 0 && l.Spans[n-1][1] == o {
			continue
		}
		l.Spans = append(l.Spans, [2]int{lo, o})
	}
	return intern(&b.t.Lines, b.line, l)
}

// outcomeOf is the outcome for the days lo..hi since purchase (-1: no
// purchase date), probed at both ends; they must agree.
func (b *earlyBuilder) outcomeOf(name string, cat sdk.Category, sup sdk.Support, sp sdk.SpareParts, lo, hi int) int {
	var o earlyOutcome
	for i, days := range []int{lo, hi} {
		if i == 1 && lo < 0 {
			break
		}
		p := b.probe(name, cat, sup, sp, days)
		if b.err != nil {
			return -1
		}
		if i == 0 {
			o = p
		} else if fmt.Sprint(p) != fmt.Sprint(o) {
			b.fail("%q %s %s %s: days %d and %d answer differently; a day edge is missing", name, cat, sup, sp, lo, hi)
		}
	}
	return intern(&b.t.Outcomes, b.outcome, o)
}

// intern is v's index in list, appended the first time: the table stores
// each cell, line and outcome once, and refers to it by index.
func intern[T any](list *[]T, index map[string]int, v T) int {
	key := fmt.Sprint(v)
	if i, ok := index[key]; ok {
		return i
	}
	index[key] = len(*list)
	*list = append(*list, v)
	return len(*list) - 1
}

// earlyClaim is the claim the widget's form makes of these facts, with
// the other facts of the form as given.
func earlyClaim(name string, cat sdk.Category, sup sdk.Support, sp sdk.SpareParts, days int, met bool) sdk.Claim {
	c := sdk.Claim{
		Brand: name, Category: cat, ClaimDate: earlyToday, Support: sup, SpareParts: sp,
		NotFromMicromedia: !met, ProofOfPurchase: met, Photo: met, Incomplete: !met,
	}
	if met {
		c.DefectDescription, c.SerialNumber = "x", "x"
	}
	if days >= 0 {
		c.PurchaseDate = earlyToday.AddDays(-days)
	}
	return c
}

// probe evaluates one case in every slot and reads the outcome from what
// the card shows.
func (b *earlyBuilder) probe(name string, cat sdk.Category, sup sdk.Support, sp sdk.SpareParts, days int) earlyOutcome {
	o := earlyOutcome{DOADays: -1}
	for si, opt := range b.slots {
		var views [2]View
		for i, met := range []bool{true, false} {
			c := earlyClaim(name, cat, sup, sp, days, met)
			if opt.Audience != sdk.AudienceReseller {
				c.NotFromMicromedia = false // the consumer's form does not ask it
			}
			d, err := b.g.Evaluate(c, opt)
			if err != nil {
				b.fail("%q %s %s %s day %d: %v", name, cat, sup, sp, days, err)
				return o
			}
			views[i] = View{Lang: opt.Lang, Audience: opt.Audience, Today: earlyToday, Decision: &d, Claim: c}
		}
		v, d := views[1], views[1].Decision
		if si == 0 {
			o.Route = d.Route
			if d.Brand == nil {
				b.fail("%q: no brand in the decision", name)
				return o
			}
			for _, r := range d.Missing {
				o.Requires |= 1 << slices.Index(b.t.Requirements, r)
			}
			if d.DOA && days >= 0 {
				o.DOADays = c0(days).DaysUntil(d.Deadlines.DOAUntil)
			}
			if w := d.Deadlines.WarrantyUntil; !w.IsZero() {
				o.WarrantyMonths = monthsBetween(c0(days), w)
				o.WarrantyAtLeast = d.Deadlines.WarrantyAtLeast
			}
		}
		sc, kc := views[0].status()
		sm, km := v.status()
		texts := []int{b.s(v.headline()), b.s(sc), b.s(kc), b.s(sm), b.s(km), -1}
		dates := v.dates()
		n := 0
		w := &b.t.Words[si]
		if o.DOADays >= 0 {
			b.template(&w.DOA, dates[n], d.Deadlines.DOAUntil, opt.Lang)
			n++
		}
		if o.WarrantyMonths > 0 {
			t := &w.Warranty
			switch {
			case d.OutOfWarranty:
				t = &w.Ended
			case d.Deadlines.WarrantyAtLeast:
				t = &w.AtLeast
			}
			b.template(t, dates[n], d.Deadlines.WarrantyUntil, opt.Lang)
			n++
		}
		if n < len(dates) {
			texts[5] = b.s(dates[n])
			n++
		}
		if n != len(dates) {
			b.fail("%q %s day %d: %d dates, early.js makes %d", name, cat, days, len(dates), n)
		}
		for _, ct := range v.contacts() {
			texts = append(texts, b.s(string(ct.Type)), b.s(contactHref(ct)), b.s(ct.Label+colon(opt.Lang)), b.s(contactShort(ct)))
		}
		o.Texts = append(o.Texts, texts)
	}
	return o
}

// c0 is the purchase date of a probe days before earlyToday.
func c0(days int) sdk.Date { return earlyToday.AddDays(-days) }

// monthsBetween is n such that from.AddMonths(n) is to.
func monthsBetween(from, to sdk.Date) int {
	fy, fm, _ := from.Parts()
	ty, tm, _ := to.Parts()
	n := (ty-fy)*12 + int(tm) - int(fm)
	if from.AddMonths(n) != to {
		return -1
	}
	return n
}

// template records the deadline template a date text was written from:
// the text with the date's words as {date}. Every outcome must agree.
func (b *earlyBuilder) template(dst *string, text string, d sdk.Date, l sdk.Lang) {
	words := d.Format(l)
	i := strings.Index(text, words)
	if i < 0 {
		b.fail("date text %q does not hold %q", text, words)
		return
	}
	t := text[:i] + "{date}" + text[i+len(words):]
	switch *dst {
	case "":
		*dst = t
	case t:
	default:
		b.fail("deadline templates differ: %q and %q", *dst, t)
	}
}
