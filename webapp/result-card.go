package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// resultCard shows the decision: headline, eligibility, dates, contacts,
// checklist, steps and why. Everything from brands.json is rendered as text.
type resultCard struct {
	app.Compo
	View        View
	StillNeeded []string         // labels of missing requirements that are not a document
	Suggestions []sdk.Suggestion // close brands for an unknown one, or the brands that share a name
}

func (r *resultCard) Render() app.UI {
	v, l := r.View, r.View.Lang
	if v.Decision == nil {
		hint := tr(l, msgNoDecision)
		if v.Brand != nil {
			hint = tr(l, msgNoDecisionBrand)
		}
		// The same section and live region as with a decision, so that the
		// region exists before the first decision and announces it.
		return app.Section().ID("rc-result").Class("rc-result", "rc-result-empty").Body(
			app.Div().ID("rc-live").Aria("live", "polite").Body(
				app.P().Class("rc-placeholder").Text(hint),
			),
		)
	}
	d := v.Decision
	status, kind := v.status()
	docs, contacts, steps, dates := v.documents(), v.contacts(), v.steps(), v.dates()
	facts := v.printFacts()
	return app.Section().ID("rc-result").Class("rc-result", "rc-result-"+kind).
		DataSet("route", string(d.Route)).DataSet("eligible", d.Eligible).
		Aria("labelledby", "rc-headline").Body(
		app.Div().ID("rc-live").Aria("live", "polite").Body(
			app.H2().ID("rc-headline").Class("rc-headline").TabIndex(-1).Text(v.headline()),
			app.P().ID("rc-status").Class("rc-status", "rc-status-"+kind).Text(status),
		),
		app.If(len(r.Suggestions) > 0, func() app.UI {
			return app.Div().ID("rc-did-you-mean").Class("rc-block").Body(
				// A shared name's headline already asks which one.
				app.If(d.Route == sdk.RouteUnknownBrand, func() app.UI { return app.P().Text(tr(l, msgDidYouMean)) }),
				app.Ul().Class("rc-chips").Body(
					app.Range(r.Suggestions).Slice(func(i int) app.UI {
						m := r.Suggestions[i]
						return app.Li().Body(
							app.Button().Type("button").Class("rc-chip").DataSet("brand", m.ID).
								OnClick(func(ctx app.Context, e app.Event) {
									postEdit(ctx, edit{Field: fieldBrandPick, Text: m.ID})
								}, app.EventScope(m.ID)).
								Text(m.Name),
						)
					}),
				),
			)
		}),
		app.If(d.Route == sdk.RouteUnknownBrand && len(contacts) > 0, func() app.UI { return contactList(l, contacts) }),
		app.Dl().ID("rc-print-facts").Class("rc-facts", "rc-printonly").Body(
			app.Range(facts).Slice(func(i int) app.UI {
				return app.Div().Body(app.Dt().Text(facts[i][0]), app.Dd().Text(facts[i][1]))
			}),
		),
		app.If(len(dates) > 0, func() app.UI {
			return app.Div().Class("rc-block").Body(
				app.H3().Text(tr(l, msgDates)),
				app.Ul().ID("rc-dates").Class("rc-dates").Body(
					app.Range(dates).Slice(func(i int) app.UI { return app.Li().Text(dates[i]) }),
				),
			)
		}),
		// The contacts come before the checklist: rule 1.1 (brand support
		// first), and the early answer (web/early.js) shows headline,
		// dates and contacts in this order, so nothing moves when the
		// checklist and steps join them.
		app.If(d.Route != sdk.RouteUnknownBrand && len(contacts) > 0, func() app.UI { return contactList(l, contacts) }),
		app.If(len(docs) > 0 || len(r.StillNeeded) > 0, func() app.UI {
			return app.Div().Class("rc-block").Body(
				app.H3().Text(tr(l, msgChecklist)),
				app.Ul().ID("rc-checklist").Class("rc-checklist").Body(
					app.Range(docs).Slice(func(i int) app.UI {
						doc := docs[i]
						mark, cls := tr(l, msgReady), "rc-doc-ready"
						switch {
						case doc.Missing:
							mark, cls = tr(l, msgMissing), "rc-doc-missing"
						case doc.ID == sdk.DocumentRMAForm:
							// No claim fact says the form is filled in.
							mark, cls = tr(l, msgToDo), "rc-doc-todo"
						}
						return app.Li().Class(cls).DataSet("doc", string(doc.ID)).Body(
							app.Span().Class("rc-doc-label").Text(doc.Label),
							app.Text(" "),
							app.Span().Class("rc-doc-mark").Text("("+mark+")"),
						)
					}),
					app.Range(r.StillNeeded).Slice(func(i int) app.UI {
						return app.Li().Class("rc-doc-missing").Body(
							app.Span().Class("rc-doc-label").Text(r.StillNeeded[i]),
							app.Text(" "),
							app.Span().Class("rc-doc-mark").Text("("+tr(l, msgMissing)+")"),
						)
					}),
				),
			)
		}),
		app.If(len(steps) > 0, func() app.UI {
			return app.Div().Class("rc-block").Body(
				app.H3().Text(tr(l, msgSteps)),
				app.Ol().ID("rc-steps").Class("rc-steps").Body(
					app.Range(steps).Slice(func(i int) app.UI { return app.Li().Text(steps[i]) }),
				),
			)
		}),
		app.Div().ID("rc-why").Class("rc-block", "rc-why").Body(
			app.H3().Text(tr(l, msgWhy)),
			app.P().ID("rc-source").Text(v.source()),
			app.If(len(d.Notes) > 0, func() app.UI {
				notes := v.notes()
				return app.Ul().Class("rc-notes").Body(
					app.Range(notes).Slice(func(i int) app.UI { return app.Li().Text(notes[i]) }),
				)
			}),
		),
	)
}

// contactList is the contacts block.
func contactList(l sdk.Lang, contacts []sdk.Contact) app.UI {
	return app.Div().Class("rc-block").Body(
		app.H3().Text(tr(l, msgContacts)),
		app.Ul().ID("rc-contacts").Class("rc-contacts").Body(
			app.Range(contacts).Slice(func(i int) app.UI { return contactItem(l, contacts[i]) }),
		),
	)
}

// contactItem is one contact as a link named by its label and a short
// form of the address ("Brand support: hyperx.com"); the href is the full
// address.
func contactItem(l sdk.Lang, c sdk.Contact) app.UI {
	a := app.A().Href(contactHref(c)).Body(
		app.Span().Class("rc-contact-label").Text(c.Label+colon(l)),
		app.Span().Class("rc-contact-value").Text(contactShort(c)),
	)
	if c.Type == sdk.ContactWebsite {
		a = a.Target("_blank").Rel("noopener noreferrer")
	}
	return app.Li().DataSet("type", string(c.Type)).Body(a)
}

// contactShort is a website's host without "www.", else the address as the
// guide writes it.
func contactShort(c sdk.Contact) string {
	if c.Type != sdk.ContactWebsite {
		return c.Value
	}
	v := c.Value
	if i := strings.Index(v, "://"); i >= 0 {
		v = v[i+3:]
	}
	if i := strings.IndexAny(v, "/?#"); i >= 0 {
		v = v[:i]
	}
	v = strings.TrimPrefix(v, "www.")
	if v == "" {
		return c.Value
	}
	return v
}
