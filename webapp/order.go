package main

import (
	"slices"
	"strconv"

	"github.com/micromedia/rmacheck/sdk"
)

// An order is what the embedding page knows when it gives several lines
// (docs/embedding.md, "Start from an order"): the widget lists them, each
// with its answer at a glance, the person picks the defective one and goes
// on with it. The zero value is no order: the widget asks about one product.
type order struct {
	Lines   []Facts
	Picking bool // the list shows: no line is chosen yet
	// Line is the index of the line the claim in progress is for, -1 for
	// none ("another product", or a draft from before the order came).
	Line int
	// Drafts of the lines left for another one, by lineKey: going back to
	// a line finds what was typed for it.
	drafts map[string]Draft
}

// lineKey tells the order's lines apart: the page's reference of the
// line, else its place in the order.
func (o *order) lineKey(i int) string {
	if r := o.Lines[i].OrderRef; r != "" {
		return r
	}
	return "#" + strconv.Itoa(i)
}

// lineDraft is the draft for line i: what was typed for it, with the
// page's facts filled in where nothing was typed.
func (o *order) lineDraft(g *sdk.Guide, i int, shop Draft, today sdk.Date) (Draft, []string) {
	d, ok := o.drafts[o.lineKey(i)]
	if !ok {
		d = Draft{CustomerNumber: shop.CustomerNumber, InvoiceNumber: shop.InvoiceNumber}
	}
	return d.prefill(g, o.Lines[i], today)
}

// keep stores the draft of the line in progress, for a later return to it.
func (o *order) keep(d Draft) {
	if o.Line < 0 || o.Line >= len(o.Lines) {
		return
	}
	if o.drafts == nil {
		o.drafts = map[string]Draft{}
	}
	o.drafts[o.lineKey(o.Line)] = d
}

// takeOrder applies the page's facts to the claim in progress, and
// returns it with the warnings of every line's facts, and whether the
// order's list changed (another order, or the list shown or left). One line fills the
// form as before; several make an order, listed for the person to pick
// from, unless the claim on screen is already for one of its lines (a
// restored draft, or the same order sent again when the widget is ready).
func (p *checkPage) takeOrder(lines []Facts) (Draft, []string, bool) {
	if len(lines) == 0 {
		return p.draft, nil, false
	}
	if len(lines) == 1 {
		changed := len(p.order.Lines) > 0
		p.order = order{Line: -1}
		d, warnings := p.draft.prefill(p.guide, lines[0], p.today)
		return d, warnings, changed
	}
	var warnings []string
	for i, f := range lines {
		_, ws := Draft{}.prefill(p.guide, f, p.today)
		for _, w := range ws {
			warnings = append(warnings, lineWarning(i, w))
		}
	}
	if slices.Equal(lines, p.order.Lines) {
		return p.draft, warnings, false // sent again: the person's place in it stays
	}
	p.order.keep(p.draft)
	onScreen := !p.order.Picking // the draft is the claim the person sees
	p.order = order{Lines: lines, Picking: true, Line: -1, drafts: p.order.drafts}
	d := p.draft
	if onScreen && d.OrderRef != "" {
		for i, f := range lines {
			if f.OrderRef == d.OrderRef {
				p.order.Picking, p.order.Line = false, i
				if p.order.drafts == nil {
					p.order.drafts = map[string]Draft{}
				}
				p.order.drafts[p.order.lineKey(i)] = d
				d, _ = p.order.lineDraft(p.guide, i, d, p.today)
				break
			}
		}
	}
	if p.order.Picking {
		p.restored = false // the draft is not on screen
	}
	return d, warnings, true
}

// pickLine makes line i (-1: another product, an empty form) the claim in
// progress, and keeps the draft of the line it leaves.
func (p *checkPage) pickLine(i int) Draft {
	o := &p.order
	o.keep(p.draft)
	o.Picking, o.Line = false, i
	if i < 0 || i >= len(o.Lines) {
		o.Line = -1
		return Draft{CustomerNumber: p.draft.CustomerNumber, InvoiceNumber: p.draft.InvoiceNumber}
	}
	d, _ := o.lineDraft(p.guide, i, p.draft, p.today)
	return d
}

// lineLabel is the name of the line the claim is for, as the order's list
// shows it, or "" for another product.
func (p *checkPage) lineLabel() string {
	if p.order.Line < 0 || p.order.Line >= len(p.order.Lines) {
		return ""
	}
	if l := p.order.Lines[p.order.Line].Label; l != "" {
		return l
	}
	return p.glance(p.order.Line, p.draft).Label
}

// orderLine is one line of the order's list, as it shows.
type orderLine struct {
	Label    string // the shop's label, else the brand and kind of product
	Headline string // the answer at a glance, in the widget's audience
	Date     string // its first deadline, if any
	Kind     string // ok, todo or no, as the result card's
}

// orderLines are the order's lines with their answers at a glance.
func (p *checkPage) orderLines() []orderLine {
	o := &p.order
	out := make([]orderLine, len(o.Lines))
	for i := range o.Lines {
		d, _ := o.lineDraft(p.guide, i, p.draft, p.today)
		out[i] = p.glance(i, d)
	}
	return out
}

// glance is line i with draft d: its label and its answer at a glance.
func (p *checkPage) glance(i int, d Draft) orderLine {
	v := buildView(p.guide, d, p.lang, p.cfg.Audience, p.today)
	line := orderLine{Label: p.order.Lines[i].Label}
	if line.Label == "" {
		line.Label = v.brandName()
		if c := v.categoryLabel(); c != "" && line.Label != "" {
			line.Label += " · " + c
		} else if c != "" {
			line.Label = c
		}
	}
	if v.Decision == nil {
		line.Headline, line.Kind = tr(p.lang, msgLineQuestions), "todo"
		return line
	}
	line.Headline = v.headline()
	_, line.Kind = v.status()
	if dates := v.dates(); len(dates) > 0 {
		line.Date = dates[0]
	}
	return line
}
