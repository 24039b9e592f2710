package main

import (
	"fmt"
	"strings"

	"github.com/micromedia/rmacheck/sdk"
)

// brandName is the name the decision is about: the guide's name for a known
// brand, the typed text for an unknown one.
func (v View) brandName() string {
	if v.Decision != nil && v.Decision.Brand != nil {
		return v.Decision.Brand.Name
	}
	if v.Brand != nil {
		return v.Brand.Name
	}
	return strings.TrimSpace(v.Draft.BrandText)
}

// headline says the decision in plain words, for the audience: the SDK
// writes it from brands.json.
func (v View) headline() string { return frenchSpace(v.Lang, v.Decision.Headline) }

// status is the eligibility line and its kind (ok, todo, no).
func (v View) status() (string, string) {
	d, l := v.Decision, v.Lang
	switch {
	case d.Eligible:
		return tr(l, msgStatusEligible), "ok"
	case d.Route == sdk.RouteNeedsInformation && len(d.Suggestions) > 0:
		return tr(l, msgStatusWhichBrand), "todo" // a name several brands share ("Sony")
	case d.Route == sdk.RouteMicromediaRMA || d.Route == sdk.RouteNeedsInformation:
		return tr(l, msgStatusMissing), "todo"
	case d.Route == sdk.RouteSupportFirst || d.Route == sdk.RouteSparePartsFirst:
		return tr(l, msgStatusFirst), "todo"
	case d.Route == sdk.RouteUnknownBrand:
		return tr(l, msgStatusUnknown), "todo"
	case d.Route == sdk.RouteNotReturnable:
		return tr(l, msgStatusNotReturnable), "no"
	case d.Route == sdk.RouteOtherDistributor && v.Audience != sdk.AudienceReseller:
		return tr(l, msgStatusOtherDistrib), "todo"
	case v.Audience == sdk.AudienceReseller:
		return tr(l, msgStatusNotMicromedia), "no"
	}
	return tr(l, msgStatusNotRMA), "no"
}

// documents is the checklist, as the SDK writes it for the audience
// (consumers do not fill in the shop's RMA form).
func (v View) documents() []sdk.Document { return v.Decision.Documents }

// contacts are the decision's contacts that make a safe link. Which roles an
// audience sees is the SDK's (brands.json's) choice.
func (v View) contacts() []sdk.Contact {
	var out []sdk.Contact
	for _, c := range v.Decision.Contacts {
		if contactHref(c) != "" {
			out = append(out, c)
		}
	}
	return out
}

// steps are what to do, written for the audience.
func (v View) steps() []string { return frenchSpaceAll(v.Lang, v.Decision.Steps) }

// notes are the decision's notes, as steps are.
func (v View) notes() []string { return frenchSpaceAll(v.Lang, v.Decision.Notes) }

// dates are the deadlines in plain words, for the audience.
func (v View) dates() []string { return frenchSpaceAll(v.Lang, v.Decision.Dates) }

// contactHref is the link for a contact: https/http URLs, mailto: for
// e-mail, tel: built from the digits of a phone number. "" when the value
// does not make a safe link.
func contactHref(c sdk.Contact) string {
	v := strings.TrimSpace(c.Value)
	switch c.Type {
	case sdk.ContactWebsite:
		lower := strings.ToLower(v)
		if (strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")) && !strings.ContainsAny(v, " \"'<>\\") {
			return v
		}
	case sdk.ContactEmail:
		at := strings.IndexByte(v, '@')
		if at > 0 && at < len(v)-1 && !strings.ContainsAny(v, " \"'<>\\?&#:/,;") {
			return "mailto:" + v
		}
	case sdk.ContactPhone:
		return telHref(v)
	}
	return ""
}

// telHref turns "+31 (0) 24 645 25 44" into "tel:+31246452544": the trunk
// prefix "(0)" is dropped in international numbers.
func telHref(v string) string {
	intl := strings.HasPrefix(strings.TrimSpace(v), "+")
	if intl {
		v = strings.ReplaceAll(v, "(0)", "")
	}
	var b strings.Builder
	for _, r := range v {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 3 {
		return ""
	}
	if intl {
		return "tel:+" + b.String()
	}
	return "tel:" + b.String()
}

// categoryLabel is the label of the draft's category in the view's language.
func (v View) categoryLabel() string {
	for _, c := range v.Categories {
		if c.ID == string(v.Draft.Category) {
			return c.Label
		}
	}
	return ""
}

// facts are the claim's facts as label/value lines, for the summary and the
// e-mail draft.
func (v View) facts() [][2]string {
	l := v.Lang
	out := [][2]string{{tr(l, msgSumBrand), v.brandName()}}
	if c := v.categoryLabel(); c != "" {
		out = append(out, [2]string{tr(l, msgSumCategory), c})
	}
	if m := strings.TrimSpace(v.Draft.Model); m != "" && v.Asked.Model {
		out = append(out, [2]string{tr(l, msgSumModel), m})
	}
	if !v.Claim.PurchaseDate.IsZero() {
		out = append(out, [2]string{tr(l, msgSumPurchaseDate), formatDate(l, v.Claim.PurchaseDate)})
	}
	if s := strings.TrimSpace(v.Draft.SerialNumber); s != "" {
		out = append(out, [2]string{tr(l, msgSumSerial), s})
	}
	if s := strings.TrimSpace(v.Draft.DefectDescription); s != "" {
		out = append(out, [2]string{tr(l, msgSumDefect), s})
	}
	return out
}

// printFacts are the facts the printed page lists: the claim's, the date
// of the check, and the shop's references when given (a print for the
// customer's file or the RMA parcel).
func (v View) printFacts() [][2]string {
	l := v.Lang
	out := append(v.facts(), [2]string{tr(l, msgSumCheckDate), formatDate(l, v.Today)})
	if s := strings.TrimSpace(v.Draft.CustomerNumber); s != "" {
		out = append(out, [2]string{tr(l, msgCustomerNumber), s})
	}
	if s := strings.TrimSpace(v.Draft.InvoiceNumber); s != "" {
		out = append(out, [2]string{tr(l, msgInvoiceNumber), s})
	}
	return out
}

// summary is the plain-text summary the "copy" button puts on the clipboard.
func (v View) summary(g interface {
	RequirementLabel(sdk.Requirement, sdk.Options) string
}) string {
	if v.Decision == nil {
		return ""
	}
	d, l := v.Decision, v.Lang
	var b strings.Builder
	line := func(k, val string) { b.WriteString(k + colon(l) + val + "\n") }
	b.WriteString(tr(l, msgTitle) + "\n\n")
	for _, f := range v.facts() {
		line(f[0], f[1])
	}
	line(tr(l, msgSumCheckDate), formatDate(l, v.Today))
	b.WriteString("\n")
	line(tr(l, msgSumDecision), v.headline())
	yes := tr(l, msgNo)
	if d.Eligible {
		yes = tr(l, msgYes)
	}
	line(tr(l, msgSumEligible), yes)
	if len(d.Missing) > 0 {
		names := make([]string, len(d.Missing))
		for i, r := range d.Missing {
			names[i] = g.RequirementLabel(r, sdk.Options{Lang: l, Audience: v.Audience})
		}
		line(tr(l, msgSumMissing), strings.Join(names, "; "))
	}
	for _, s := range v.dates() {
		b.WriteString(s + "\n")
	}
	if docs := v.documents(); len(docs) > 0 {
		b.WriteString("\n" + tr(l, msgChecklist) + strings.TrimSuffix(colon(l), " ") + "\n")
		for _, doc := range docs {
			mark := "[x]"
			if doc.Missing || doc.ID == sdk.DocumentRMAForm {
				mark = "[ ]"
			}
			fmt.Fprintf(&b, "%s %s\n", mark, doc.Label)
		}
	}
	if cs := v.contacts(); len(cs) > 0 {
		b.WriteString("\n" + tr(l, msgContacts) + strings.TrimSuffix(colon(l), " ") + "\n")
		for _, c := range cs {
			b.WriteString("- " + c.Label + colon(l) + c.Value + "\n")
		}
	}
	if st := v.steps(); len(st) > 0 {
		b.WriteString("\n" + tr(l, msgSteps) + strings.TrimSuffix(colon(l), " ") + "\n")
		for i, s := range st {
			fmt.Fprintf(&b, "%d. %s\n", i+1, s)
		}
	}
	b.WriteString("\n" + v.source() + "\n")
	return b.String()
}

// source says where the answer comes from: the guide's section for shop
// staff; for consumers, the date of the rules, without the shop's jargon.
func (v View) source() string {
	d, l := v.Decision, v.Lang
	if v.Audience == sdk.AudienceConsumer {
		return tr(l, msgWhyConsumer, formatDate(l, d.GuideDate))
	}
	return tr(l, msgWhySource, d.Rule.Source, formatDate(l, d.GuideDate))
}

// mailDraft is the reseller's e-mail to the RMA department as a mailto: URL
// with subject and body, or "" when the decision has no RMA address or is
// not eligible yet (the card lists what is missing instead).
func (v View) mailDraft() (href, address string) {
	if v.Decision == nil || v.Audience != sdk.AudienceReseller || v.Decision.Route != sdk.RouteMicromediaRMA || !v.Decision.Eligible {
		return "", ""
	}
	for _, c := range v.Decision.Contacts {
		if c.Role == sdk.RoleMicromediaRMA && c.Type == sdk.ContactEmail && contactHref(c) != "" {
			address = c.Value
			break
		}
	}
	if address == "" {
		return "", ""
	}
	l := v.Lang
	var body strings.Builder
	body.WriteString(tr(l, msgMailGreeting) + "\n\n")
	line := func(k, val string) { body.WriteString(k + colon(l) + val + "\n") }
	for _, f := range v.facts() {
		line(f[0], f[1])
	}
	if s := strings.TrimSpace(v.Draft.CustomerNumber); s != "" {
		line(tr(l, msgCustomerNumber), s)
	}
	if s := strings.TrimSpace(v.Draft.InvoiceNumber); s != "" {
		line(tr(l, msgInvoiceNumber), s)
	}
	for _, s := range v.Decision.Dates {
		body.WriteString(s + "\n")
	}
	line(tr(l, msgSumCheckDate), formatDate(l, v.Today))
	line(tr(l, msgSumSource), v.Decision.Rule.Source)
	line(tr(l, msgSumGuideDate), formatDate(l, v.Decision.GuideDate))
	body.WriteString("\n")
	body.WriteString(tr(l, msgMailClosing) + "\n")
	subject := tr(l, msgMailSubject, v.brandName())
	return "mailto:" + address + "?subject=" + mailEscape(subject) + "&body=" + mailEscape(strings.ReplaceAll(body.String(), "\n", "\r\n")), address
}

// mailEscape percent-encodes everything but RFC 3986 unreserved bytes, as
// mailto: header values need (a space is %20, never +).
func mailEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
