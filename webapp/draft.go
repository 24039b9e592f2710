package main

import (
	"strings"

	"github.com/micromedia/rmacheck/sdk"
)

// Draft is the claim in progress, as the form holds it. It is what the
// widget keeps in localStorage (JSON), so that a reload restores it.
type Draft struct {
	BrandText         string         `json:"brandText,omitempty"` // what is in the brand box
	BrandID           string         `json:"brandId,omitempty"`   // the known brand chosen, "" if none
	Committed         bool           `json:"committed,omitempty"` // the brand text is final (Enter or leaving the box)
	Category          sdk.Category   `json:"category,omitempty"`
	PurchaseDate      string         `json:"purchaseDate,omitempty"` // YYYY-MM-DD as the date input gives it
	Model             string         `json:"model,omitempty"`
	FromMicromedia    bool           `json:"fromMicromedia,omitempty"`
	ProofOfPurchase   bool           `json:"proofOfPurchase,omitempty"`
	DefectDescription string         `json:"defectDescription,omitempty"`
	SerialNumber      string         `json:"serialNumber,omitempty"`
	Photo             bool           `json:"photo,omitempty"`
	Complete          bool           `json:"complete,omitempty"`
	Support           sdk.Support    `json:"support,omitempty"`
	SpareParts        sdk.SpareParts `json:"spareParts,omitempty"`
	// The shop's own references (shop staff only): they go into the e-mail
	// draft, not into the claim.
	CustomerNumber string `json:"customerNumber,omitempty"`
	InvoiceNumber  string `json:"invoiceNumber,omitempty"`
	// From the embedding page (prefill): the order line this claim is for,
	// its label, and the facts the page gave, which a later fact may
	// replace where the person has not typed over them.
	OrderRef string `json:"orderRef,omitempty"`
	Label    string `json:"label,omitempty"`
	Given    Facts  `json:"given,omitzero"`
}

// field names one input of the form.
type field int

// Fields of the form.
const (
	fieldBrandText   field = iota
	fieldBrandPick         // choose a suggestion: Text is the brand id
	fieldBrandCommit       // the brand text is final
	fieldCategory
	fieldPurchaseDate
	fieldModel
	fieldFromMicromedia
	fieldProof
	fieldDefect
	fieldSerial
	fieldPhoto
	fieldComplete
	fieldSupport
	fieldSpareParts
	fieldCustomerNumber
	fieldInvoiceNumber
)

// edit is one change a component asks for; the page applies it with apply.
type edit struct {
	Field field
	Text  string
	On    bool
}

// maxSuggestions is how many brands the search box lists.
const maxSuggestions = 8

// apply returns the draft with e applied. g resolves brand names.
func (d Draft) apply(g *sdk.Guide, e edit) Draft {
	switch e.Field {
	case fieldBrandText:
		d.BrandText, d.Committed, d.BrandID = e.Text, false, ""
		// A name or alias typed in full picks the brand.
		if ms := g.Lookup(e.Text); len(ms) > 0 && ms[0].Score >= 1 {
			d.BrandID = ms[0].ID
		}
	case fieldBrandPick:
		if b, ok := g.BrandByID(e.Text); ok {
			d.BrandID, d.BrandText, d.Committed = b.ID, b.Name, true
		}
	case fieldBrandCommit:
		d.Committed = strings.TrimSpace(d.BrandText) != ""
	case fieldCategory:
		d.Category = known(e.Text, sdk.Categories())
	case fieldPurchaseDate:
		d.PurchaseDate = e.Text
	case fieldModel:
		d.Model = e.Text
	case fieldFromMicromedia:
		d.FromMicromedia = e.On
	case fieldProof:
		d.ProofOfPurchase = e.On
	case fieldDefect:
		d.DefectDescription = e.Text
	case fieldSerial:
		d.SerialNumber = e.Text
	case fieldPhoto:
		d.Photo = e.On
	case fieldComplete:
		d.Complete = e.On
	case fieldSupport:
		d.Support = known(e.Text, sdk.SupportAnswers())
	case fieldSpareParts:
		d.SpareParts = known(e.Text, sdk.SparePartsAnswers())
	case fieldCustomerNumber:
		d.CustomerNumber = e.Text
	case fieldInvoiceNumber:
		d.InvoiceNumber = e.Text
	}
	return d
}

// known returns the value of all spelled s, or "" (unanswered) when s is
// none of them: the form only stores values of the SDK's vocabularies.
func known[T ~string](s string, all []T) T {
	for _, v := range all {
		if string(v) == s {
			return v
		}
	}
	return ""
}

// Asked says which questions the form shows for the current brand and
// category; it comes from sdk.Questions, not from a per-brand list.
type Asked struct {
	Model          bool
	Support        bool
	SpareParts     bool
	Photo          bool
	SerialRequired bool
	FromMicromedia bool // reseller audience only
	// Chapter 1's questions, asked until the brand is known and then only
	// when an answer the brand can reach needs them: ASUS and Ecoflow
	// handle their claims themselves, so the shop's checklist is not asked.
	Proof, Defect, Complete, Serial bool
}

// View is everything the page renders, computed from the draft.
type View struct {
	Lang       sdk.Lang
	Audience   sdk.Audience
	Today      sdk.Date
	GuideDate  sdk.Date
	Draft      Draft
	Brand      *sdk.Brand  // the known brand chosen
	Matches    []sdk.Match // suggestions for the brand box
	Categories []sdk.Label
	Asked      Asked
	DateError  bool          // the purchase date is after today
	Decision   *sdk.Decision // nil until enough is known
	Claim      sdk.Claim     // the claim the decision is about
}

// buildView evaluates the draft. It never fails: a claim the SDK rejects
// shows no decision.
func buildView(g *sdk.Guide, d Draft, lang sdk.Lang, aud sdk.Audience, today sdk.Date) View {
	v := View{Lang: lang, Audience: aud, Today: today, GuideDate: g.Date(), Draft: d, Categories: g.CategoryLabels(sdk.Options{Lang: lang, Audience: aud})}
	if strings.TrimSpace(d.BrandText) != "" && !(d.BrandID != "" && d.Committed) {
		v.Matches = g.Lookup(d.BrandText)
		if len(v.Matches) > maxSuggestions {
			v.Matches = v.Matches[:maxSuggestions]
		}
	}
	if d.BrandID != "" {
		if b, ok := g.BrandByID(d.BrandID); ok {
			v.Brand = &b
		}
	}
	var purchase sdk.Date
	if d.PurchaseDate != "" {
		if p, err := sdk.ParseDate(d.PurchaseDate); err == nil {
			if p.After(today) {
				v.DateError = true
			} else {
				purchase = p
			}
		}
	}
	// The claim names a chosen brand as typed when the text is exactly its
	// name or an alias: an alias can say the kind of product ("Razer
	// Blade"), and then the form need not wait for it.
	brand := d.BrandID
	var impliedKind sdk.Category
	v.Asked = Asked{Proof: true, Defect: true, Complete: true, Serial: true, FromMicromedia: aud == sdk.AudienceReseller}
	if v.Brand != nil {
		if t := strings.TrimSpace(d.BrandText); t != "" {
			if m := g.Lookup(t); len(m) > 0 && m[0].ID == d.BrandID && m[0].Score == 1 {
				brand = t
			}
		}
		q, _ := g.Questions(brand, d.Category)
		impliedKind = q.Category
		v.Asked = Asked{Model: q.Model, Support: q.Support, SpareParts: q.SpareParts}
		for _, r := range q.Requires {
			switch r {
			case sdk.RequirePhoto:
				v.Asked.Photo = true
			case sdk.RequireSerialNumber:
				v.Asked.SerialRequired = true
			case sdk.RequireSupportApproval:
				v.Asked.Support = true
			case sdk.RequireProofOfPurchase:
				v.Asked.Proof = true
			case sdk.RequireDefectDescription:
				v.Asked.Defect = true
			case sdk.RequireComplete:
				v.Asked.Complete = true
			case sdk.RequireBoughtFromMicromedia:
				v.Asked.FromMicromedia = aud == sdk.AudienceReseller
			}
		}
		// The serial number goes on the shop's form, when the item has one.
		v.Asked.Serial = v.Asked.SerialRequired || v.Asked.Complete
	}
	c := sdk.Claim{
		Brand:             brand,
		Category:          d.Category,
		Model:             d.Model,
		PurchaseDate:      purchase,
		ClaimDate:         today,
		NotFromMicromedia: aud == sdk.AudienceReseller && !d.FromMicromedia,
		ProofOfPurchase:   d.ProofOfPurchase,
		DefectDescription: d.DefectDescription,
		SerialNumber:      d.SerialNumber,
		Photo:             d.Photo,
		Incomplete:        !d.Complete,
		Support:           d.Support,
		SpareParts:        d.SpareParts,
	}
	switch {
	case v.Brand != nil && (d.Category != "" || impliedKind != ""):
	case v.Brand == nil && d.Committed && strings.TrimSpace(d.BrandText) != "":
		c.Brand = strings.TrimSpace(d.BrandText)
	default:
		return v
	}
	dec, err := g.Evaluate(c, sdk.Options{Lang: lang, Audience: aud})
	if err != nil {
		return v
	}
	v.Decision, v.Claim = &dec, c
	return v
}
