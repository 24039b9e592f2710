package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/micromedia/rmacheck/sdk"
)

// questionList asks only what the brand's rules need (from sdk.Questions):
// chapter 1's questions (proof of purchase, the defect, completeness, the
// serial number and, for shop staff, whether the item was bought from
// Micromedia) until the brand is known, then only those an answer the brand
// can reach needs.
type questionList struct {
	app.Compo
	Lang      sdk.Lang
	Audience  sdk.Audience
	BrandName string
	Asked     Asked
	Draft     Draft
}

func (q *questionList) Render() app.UI {
	l, d, a := q.Lang, q.Draft, q.Asked
	supportQ := msgSupportQ
	if q.Audience == sdk.AudienceConsumer {
		supportQ = msgSupportQConsumer
	}
	serialNote := tr(l, msgOptional)
	if a.SerialRequired {
		serialNote = tr(l, msgRequired)
	}
	return app.FieldSet().ID("rc-questions").Class("rc-questions").Body(
		app.Legend().Class("rc-legend").Text(tr(l, msgQuestions)),
		app.If(a.Support, func() app.UI {
			return radioGroup("rc-support", tr(l, supportQ, q.BrandName), string(d.Support), string(sdk.SupportNotContacted), fieldSupport, [][2]string{
				{string(sdk.SupportNotContacted), tr(l, msgSupportNot)},
				{string(sdk.SupportUnresolved), tr(l, msgSupportUnresolved)},
				{string(sdk.SupportReturnApproved), tr(l, msgSupportApproved)},
			})
		}),
		app.If(a.SpareParts, func() app.UI {
			return radioGroup("rc-spares", tr(l, msgSparesQ), string(d.SpareParts), string(sdk.SparePartsNotRequested), fieldSpareParts, [][2]string{
				{string(sdk.SparePartsNotRequested), tr(l, msgSparesNot)},
				{string(sdk.SparePartsNotSolved), tr(l, msgSparesNotSolved)},
				{string(sdk.SparePartsUnavailable), tr(l, msgSparesUnavailable)},
			})
		}),
		app.If(a.Proof, func() app.UI { return checkbox("rc-proof", tr(l, msgProof), d.ProofOfPurchase, fieldProof) }),
		app.If(a.Defect, func() app.UI {
			return app.Div().Class("rc-field").Body(
				app.Label().For("rc-defect").Class("rc-label").Text(tr(l, msgDefect)),
				&textField{ID: "rc-defect", Field: fieldDefect, Value: d.DefectDescription, Multiline: true},
			)
		}),
		app.If(a.Complete, func() app.UI { return checkbox("rc-complete", tr(l, msgComplete), d.Complete, fieldComplete) }),
		app.If(a.FromMicromedia, func() app.UI {
			return checkbox("rc-from-micromedia", tr(l, msgFromMicromedia), d.FromMicromedia, fieldFromMicromedia)
		}),
		app.If(a.Photo, func() app.UI {
			return checkbox("rc-photo", tr(l, msgPhoto), d.Photo, fieldPhoto)
		}),
		app.If(a.Serial, func() app.UI {
			return app.Div().Class("rc-field").Body(
				app.Label().For("rc-serial").Class("rc-label").Body(
					app.Text(tr(l, msgSerial)+" "),
					app.Span().Class("rc-note").Text(serialNote),
				),
				&textField{ID: "rc-serial", Field: fieldSerial, Value: d.SerialNumber, Required: a.SerialRequired},
			)
		}),
	)
}

func checkbox(id, label string, on bool, f field) app.UI {
	return app.Div().Class("rc-check").Body(
		checked(app.Input().Type("checkbox").ID(id), on).
			OnChange(func(ctx app.Context, e app.Event) {
				postEdit(ctx, edit{Field: f, On: ctx.JSSrc().Get("checked").Bool()})
			}, app.EventScope(id)),
		app.Label().For(id).Text(label),
	)
}

// radioGroup is a fieldset of radio buttons; value "" checks def.
func radioGroup(id, legend, value, def string, f field, options [][2]string) app.UI {
	if value == "" {
		value = def
	}
	return app.FieldSet().ID(id).Class("rc-radios").Body(
		app.Legend().Class("rc-label").Text(legend),
		app.Range(options).Slice(func(i int) app.UI {
			o := options[i]
			oid := id + "-" + o[0]
			return app.Div().Class("rc-check").Body(
				checked(app.Input().Type("radio").Name(id).ID(oid).Value(o[0]), o[0] == value).
					OnChange(func(ctx app.Context, e app.Event) {
						postEdit(ctx, edit{Field: f, Text: o[0]})
					}, app.EventScope(oid)),
				app.Label().For(oid).Text(o[1]),
			)
		}),
	)
}

// checked sets a box's checked state. The server writes no checked="false":
// in HTML any checked attribute ticks the box (see option).
func checked(in app.HTMLInput, on bool) app.HTMLInput {
	if on || app.IsClient {
		in = in.Checked(on)
	}
	return in
}
