package main

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// checkPage is the widget's one page. It owns the claim in progress: the
// components post actions (actions.go), the page applies them to the draft,
// evaluates it with the SDK and passes the result down as properties.
type checkPage struct {
	app.Compo

	guide    *sdk.Guide
	cfg      Config
	lang     sdk.Lang
	draft    Draft
	today    sdk.Date
	view     View
	status   string // result of the last copy
	restored bool   // the draft came from localStorage
	host     *hostLink
	browser  browser
	begun    bool       // begin has run
	early    earlyInput // what was typed into the server's page before the wasm ran
	template bool       // a copy of the server's page in another language (no datalist)
	// held keeps a decision known at start (typed before the wasm, or a
	// restored draft) out of the result card for a moment: the card's live
	// region is new on the page then, and a change inside a region that
	// is not yet in the accessibility tree is not announced.
	held bool
	// Console warnings about the page's facts: those of the facts read at
	// begin (written once the page starts), and those already written.
	pendingWarnings []string
	warned          map[string]bool
	order           order       // the order's lines, when the page gave several
	lines           []orderLine // while the order's list shows: its lines at a glance
}

// announceDelay is how long a decision known at start is held back.
const announceDelay = 100 * time.Millisecond

// newCheckPage returns the page for guide g. Outside a browser (server
// pre-rendering, tests) it uses today as the claim date.
func newCheckPage(g *sdk.Guide, today sdk.Date) *checkPage {
	p := &checkPage{guide: g, lang: sdk.LangEnglish, cfg: ParseFragment(""), today: today, browser: noBrowser{}, order: order{Line: -1}}
	p.refresh()
	return p
}

// OnPreRender registers the action handlers outside the browser (server
// pre-rendering and go-app's test engine, where OnMount does not run).
func (p *checkPage) OnPreRender(ctx app.Context) { p.handle(ctx) }

// handle registers the page's action handlers.
func (p *checkPage) handle(ctx app.Context) {
	ctx.Handle(actEdit, p.onEdit)
	ctx.Handle(actLang, p.onLang)
	ctx.Handle(actHostLang, p.onHostLang)
	ctx.Handle(actReset, p.onReset)
	ctx.Handle(actPrefill, p.onPrefill)
	ctx.Handle(actPickLine, p.onPickLine)
	ctx.Handle(actShowOrder, p.onShowOrder)
	ctx.Handle(actCopy, p.onCopy)
	ctx.Handle(actPrint, func(ctx app.Context, a app.Action) { p.browser.print() })
	ctx.Handle(actSeeAnswer, func(ctx app.Context, a app.Action) { p.browser.showAnswer() })
}

// OnMount starts the page in the browser.
func (p *checkPage) OnMount(ctx app.Context) {
	p.handle(ctx)
	if !p.begun {
		p.browser = jsBrowser{}
	}
	p.start(ctx)
}

// begin reads the configuration, the stored language and draft, and what
// the person typed into the server's page before the wasm ran. The draft
// is this tab's (tab, sessionStorage), else the last one saved in any tab
// (st, localStorage): two tabs with the same widget keep a claim each. In the
// browser it runs before go-app replaces that page (see route), so the
// first live render already shows those values and nothing typed is lost.
func (p *checkPage) begin(b browser, st, tab storage, early earlyInput) {
	p.begun, p.browser = true, b
	p.cfg = ParseFragment(b.fragment())
	p.today = b.today()
	var stored sdk.Lang
	st.Get(p.key("lang"), &stored)
	p.lang = startLang(p.cfg.Lang, stored, b.languages())
	for _, s := range []storage{tab, st} {
		var d Draft
		if err := s.Get(p.key("draft"), &d); err == nil && d != (Draft{}) {
			p.draft, p.restored = d, true
			break
		}
	}
	p.early = early
	for _, e := range early.Edits {
		p.draft = p.draft.apply(p.guide, e)
	}
	// The order's facts that came before Go ran (widget.js kept them): the
	// first live page holds their answer. What was typed meanwhile wins.
	if lines, warnings, ok := hostFacts(b.earlyFacts()); ok {
		var more []string
		p.draft, more, _ = p.takeOrder(lines)
		p.pendingWarnings = append(warnings, more...)
	}
	p.refresh()
}

// storage is what begin reads: go-app's LocalStorage, or the browser's
// before go-app runs.
type storage interface {
	Get(key string, v any) error
}

// start begins the page if route did not, then wires it to the browser and
// the host page, and tells the host the widget is ready.
func (p *checkPage) start(ctx app.Context) {
	b := p.browser
	if !p.begun {
		p.begin(b, ctx.LocalStorage(), ctx.SessionStorage(), earlyInput{})
	}
	b.nativeLinks()
	ctx.Page().SetLang(string(p.lang))
	if len(p.early.Edits) > 0 {
		p.saveDraft(ctx)
	}
	if len(p.early.Edits) > 0 || p.early.Focus != "" {
		// After the children's OnMount, which set the inputs' values. Also
		// when nothing was typed yet: a box tapped just before the wasm
		// started keeps the focus, and the keys in flight land in it.
		ctx.Dispatch(func(ctx app.Context) { b.restoreFocus(p.early) })
	}
	p.warnOnce(p.pendingWarnings)
	p.pendingWarnings = nil
	p.host = newHostLink(p.cfg, b.referrer())
	p.host.listen(ctx, func(l sdk.Lang) { ctx.NewActionWithValue(actHostLang, l) },
		func(lines []Facts, warnings []string) {
			ctx.NewActionWithValue(actPrefill, prefillAction{lines, warnings})
		})
	ctx.Defer(func(ctx app.Context) {
		// The host's theme, each variable on its own through the CSSOM:
		// the CSP forbids style attributes, and a value can never spill
		// into the next.
		b.setVars("rc-root", p.cfg.Theme.styleVars())
		b.markReady()
		p.host.ready(ctx, p.guide.Date(), p.lang)
		p.host.observeHeight(p.held)
		p.tellHost()
		if !p.held {
			p.prepareWhenIdle()
			return
		}
		// The hold counts from the live page on screen: on a slow phone
		// the first render alone can outlast it.
		ctx.After(announceDelay, func(ctx app.Context) {
			p.held = false
			p.prepareWhenIdle()
			// Once the card shows the decision: the frame goes from the
			// early page's height to the answer's in one step.
			ctx.Defer(func(app.Context) { p.host.releaseHeight() })
		})
	})
	updateGuide(ctx, p.guide, func(g *sdk.Guide) {
		ctx.Dispatch(func(ctx app.Context) {
			p.guide = g
			p.refresh()
			p.tellHost()
		})
	})
}

// prepareWhenIdle builds, in the browser's idle time, what the first
// decision in the widget's audience and language and the first brand
// suggestions need, so that they come as quickly as the next ones: an
// answer typed, or an order given later. A held answer shows first.
func (p *checkPage) prepareWhenIdle() {
	g, opts := p.guide, sdk.Options{Lang: p.lang, Audience: p.cfg.Audience}
	p.browser.idle(func() { g.Prepare(opts) })
}

// startLang is the language the widget starts in: the host page's (the
// fragment's lang), else the one the user last chose in this widget, else
// the browser's.
func startLang(fragment, stored sdk.Lang, browser []string) sdk.Lang {
	switch {
	case validLang(fragment):
		return fragment
	case validLang(stored):
		return stored
	}
	return langFromBrowser(browser...)
}

// key is a localStorage key, one per widget instance id.
func (p *checkPage) key(name string) string {
	if p.cfg.ID == "" {
		return "rmacheck." + name
	}
	return "rmacheck." + name + "." + p.cfg.ID
}

func (p *checkPage) refresh() {
	p.view = buildView(p.guide, p.draft, p.lang, p.cfg.Audience, p.today)
	p.lines = nil
	if p.order.Picking {
		p.lines = p.orderLines()
	}
}

func (p *checkPage) onEdit(ctx app.Context, a app.Action) {
	e, ok := a.Value.(edit)
	if !ok {
		return
	}
	p.setDraft(ctx, p.draft.apply(p.guide, e))
}

// setDraft makes d the claim in progress, when it changed: the view, the
// stored draft and the host page's decision follow it.
func (p *checkPage) setDraft(ctx app.Context, d Draft) {
	if d == p.draft {
		return
	}
	p.draft, p.status, p.restored = d, "", false
	p.refresh()
	p.saveDraft(ctx)
	p.tellHost()
}

// saveDraft keeps the claim in progress for this tab (sessionStorage:
// another tab's never replaces it) and for the next visit (localStorage:
// a new tab starts from the last claim saved in any tab).
func (p *checkPage) saveDraft(ctx app.Context) {
	ctx.SessionStorage().Set(p.key("draft"), p.draft)
	ctx.LocalStorage().Set(p.key("draft"), p.draft)
}

// showDraft is setDraft after the screen changed between the order's list
// and a line: the view follows even when the draft stays the same.
func (p *checkPage) showDraft(ctx app.Context, d Draft) {
	if d != p.draft {
		p.setDraft(ctx, d)
		return
	}
	p.refresh()
	p.tellHost()
}

// tellHost posts the decision to the embedding page, unless the order's
// list shows (no line is chosen).
func (p *checkPage) tellHost() {
	if !p.order.Picking {
		p.host.decision(p.view)
	}
}

// onLang is the user's switch of language: it is kept for the next start
// of this widget (when the host page sets none).
func (p *checkPage) onLang(ctx app.Context, a app.Action) {
	if p.setLang(ctx, a) {
		ctx.LocalStorage().Set(p.key("lang"), p.lang)
	}
}

// onHostLang is a language the host page sets with a config message: it
// applies now and is not stored, like the fragment's.
func (p *checkPage) onHostLang(ctx app.Context, a app.Action) { p.setLang(ctx, a) }

// setLang switches to the action's language and reports whether it did.
func (p *checkPage) setLang(ctx app.Context, a app.Action) bool {
	l, ok := a.Value.(sdk.Lang)
	if !ok || !validLang(l) {
		return false
	}
	if l == p.lang {
		return true // a choice all the same: the user may mean to keep it
	}
	p.lang, p.status = l, ""
	ctx.Page().SetLang(string(l))
	p.refresh()
	p.tellHost()
	return true
}

// prefillAction is the lines of a prefill message (one product's facts,
// or an order's lines), and the warnings its reading gave.
type prefillAction struct {
	Lines    []Facts
	Warnings []string
}

// onPrefill fills in what the embedding page knows (docs/embedding.md,
// "Start from an order"), and tells the page's developer, in the console,
// about each fact it could not take.
func (p *checkPage) onPrefill(ctx app.Context, a app.Action) {
	pa, ok := a.Value.(prefillAction)
	if !ok {
		return
	}
	d, warnings, changed := p.takeOrder(pa.Lines)
	p.warnOnce(append(pa.Warnings, warnings...))
	if changed {
		p.showDraft(ctx, d)
	} else {
		p.setDraft(ctx, d)
	}
}

// onPickLine goes on with the order's line the person picked (-1: another
// product): to its answer when its facts are enough, else to the form.
func (p *checkPage) onPickLine(ctx app.Context, a app.Action) {
	i, ok := a.Value.(int)
	if !ok || i >= len(p.order.Lines) {
		return
	}
	p.showDraft(ctx, p.pickLine(i))
	ctx.Defer(func(ctx app.Context) {
		if p.view.Decision != nil {
			p.browser.showAnswer()
		} else {
			p.browser.focus("rc-brand")
		}
	})
}

// onShowOrder goes back to the order's list; the line's draft is kept.
func (p *checkPage) onShowOrder(ctx app.Context, a app.Action) {
	if len(p.order.Lines) < 2 {
		return
	}
	p.order.keep(p.draft)
	p.order.Picking = true
	p.restored = false
	p.refresh()
	ctx.Defer(func(ctx app.Context) { p.browser.focus("rc-order-title") })
}

// warnOnce writes each warning to the console the first time it comes:
// the page's facts come early and again when the widget is ready.
func (p *checkPage) warnOnce(warnings []string) {
	for _, w := range warnings {
		if p.warned[w] {
			continue
		}
		if p.warned == nil {
			p.warned = map[string]bool{}
		}
		p.warned[w] = true
		p.browser.warn(w)
	}
}

// onReset starts over: an empty form, or the order's list with every
// line's facts as the page gave them.
func (p *checkPage) onReset(ctx app.Context, a app.Action) {
	p.draft, p.status, p.restored = Draft{}, "", false
	ctx.SessionStorage().Del(p.key("draft"))
	ctx.LocalStorage().Del(p.key("draft"))
	first := "rc-brand"
	if len(p.order.Lines) > 1 {
		p.order = order{Lines: p.order.Lines, Picking: true, Line: -1}
		first = "rc-order-title"
	}
	p.refresh()
	p.tellHost()
	ctx.Defer(func(ctx app.Context) { p.browser.focus(first) })
}

func (p *checkPage) onCopy(ctx app.Context, a app.Action) {
	text := p.view.summary(p.guide)
	p.browser.copy(text, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) {
			p.status = tr(p.lang, msgCopied)
			if !ok {
				p.status = tr(p.lang, msgCopyFailed)
			}
		})
	})
}

// stillNeeded are the missing requirements that are not in the checklist
// of documents (purchase date, completeness, bought from Micromedia).
func (p *checkPage) stillNeeded() []string {
	d := p.view.Decision
	if d == nil {
		return nil
	}
	var out []string
	for _, r := range d.Missing {
		isDoc := false
		for _, doc := range p.view.documents() {
			if string(doc.ID) == string(r) {
				isDoc = true
			}
		}
		if !isDoc {
			out = append(out, p.guide.RequirementLabel(r, sdk.Options{Lang: p.lang, Audience: p.view.Audience}))
		}
	}
	return out
}

func (p *checkPage) suggestions() []sdk.Suggestion {
	d := p.view.Decision
	if d == nil || d.Route != sdk.RouteUnknownBrand && d.Route != sdk.RouteNeedsInformation {
		return nil
	}
	return d.Suggestions
}

// mailPending lists what the claim still lacks before the e-mail draft to
// the RMA department is offered (shop staff, RMA route, not yet eligible).
func (p *checkPage) mailPending() []string {
	d := p.view.Decision
	if d == nil || p.view.Audience != sdk.AudienceReseller || d.Route != sdk.RouteMicromediaRMA || d.Eligible {
		return nil
	}
	out := make([]string, len(d.Missing))
	for i, r := range d.Missing {
		out[i] = p.guide.RequirementLabel(r, sdk.Options{Lang: p.lang, Audience: sdk.AudienceReseller})
	}
	return out
}

func (p *checkPage) Render() app.UI {
	v, l := p.view, p.lang
	root := app.Div().ID("rc-root").Class("rc")
	if p.cfg.Theme.Mode == "dark" {
		root = root.Class("rc-dark")
	}
	mail, addr := v.mailDraft()
	// The page the server sends: suggestions from a native datalist until
	// the wasm runs.
	var names []string
	if app.IsServer && !p.template {
		names = brandNames(p.guide)
	}
	brandName := ""
	if v.Brand != nil {
		brandName = v.Brand.Name
	}
	card := v
	if p.held {
		card.Decision = nil
	}
	var purchase sdk.Date
	if !v.DateError {
		purchase, _ = sdk.ParseDate(v.Draft.PurchaseDate)
	}
	header := &pageHeader{Lang: l, CanReset: p.draft != (Draft{}) || len(p.order.drafts) > 0}
	if p.order.Picking {
		return root.Body(
			header,
			app.Main().Class("rc-main").Body(
				&orderList{Lang: l, Lines: p.lines},
				&pageFooter{Lang: l, Audience: p.cfg.Audience, GuideDate: p.guide.Date()},
			),
		)
	}
	return root.Body(
		header,
		app.Main().Class("rc-main").Body(
			app.If(len(p.order.Lines) > 1, func() app.UI {
				return &backToOrder{Lang: l, Count: len(p.order.Lines), Label: p.lineLabel()}
			}),
			app.Form().Class("rc-form", "rc-noprint").Attr("novalidate", true).
				OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
				Body(
					&brandSearch{Lang: l, Text: v.Draft.BrandText, BrandID: v.Draft.BrandID, Matches: v.Matches, Names: names},
					&productFields{
						Lang: l, Categories: v.Categories, Category: v.Draft.Category,
						PurchaseDate: v.Draft.PurchaseDate, DateWords: formatDate(l, purchase), Today: v.Today, DateError: v.DateError,
						ShowModel: v.Asked.Model, Model: v.Draft.Model,
					},
					&answerLine{Lang: l, Loading: app.IsServer, Answered: v.Decision != nil},
					&questionList{Lang: l, Audience: v.Audience, BrandName: brandName, Asked: v.Asked, Draft: v.Draft},
					app.If(v.Audience == sdk.AudienceReseller, func() app.UI {
						return &shopReferences{Lang: l, CustomerNumber: v.Draft.CustomerNumber, InvoiceNumber: v.Draft.InvoiceNumber}
					}),
				),
			// The guide's date and the privacy note come before the answer,
			// so that the answer is the page's last part: when it appears,
			// it moves nothing (not in the frame, nor the shop page above
			// the frame's end).
			&pageFooter{Lang: l, Audience: p.cfg.Audience, GuideDate: p.guide.Date()},
			// Below the form, where the answer will be: when they change
			// as the wasm starts, nothing a person may be tapping moves.
			app.If(p.restored, func() app.UI {
				return app.P().ID("rc-restored").Class("rc-hint", "rc-noprint").Role("status").Text(tr(l, msgDraftRestored))
			}),
			&resultCard{View: card, StillNeeded: p.stillNeeded(), Suggestions: p.suggestions()},
			app.If(card.Decision != nil, func() app.UI {
				return &takeAway{Lang: l, Summary: v.summary(p.guide), MailHref: mail, MailAddress: addr, MailPending: p.mailPending(), Status: p.status}
			}),
		),
	)
}

// brandNames are the names and aliases of every brand, once each, for the
// brand box's datalist.
func brandNames(g *sdk.Guide) []string {
	seen := map[string]bool{}
	var out []string
	for _, b := range g.Brands() {
		for _, n := range append([]string{b.Name}, b.Aliases...) {
			if k := strings.ToLower(n); !seen[k] {
				seen[k] = true
				out = append(out, n)
			}
		}
	}
	return out
}
