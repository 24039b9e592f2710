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

// headline says the decision in plain words, per route and audience.
func (v View) headline() string {
	d, l := v.Decision, v.Lang
	switch d.Route {
	case sdk.RouteMicromediaRMA:
		if v.Audience == AudienceReseller {
			return tr(l, msgHeadRMAReseller)
		}
		return tr(l, msgHeadRMAConsumer)
	case sdk.RouteBrandDirect:
		return tr(l, msgHeadBrandDirect, v.brandName())
	case sdk.RouteSupportFirst:
		return tr(l, msgHeadSupportFirst, v.brandName())
	case sdk.RouteSparePartsFirst:
		return tr(l, msgHeadSpareParts)
	case sdk.RouteOtherDistributor:
		return tr(l, msgHeadOtherDistributor, v.brandName())
	case sdk.RouteNotReturnable:
		return tr(l, msgHeadNotReturnable)
	case sdk.RouteUnknownBrand:
		return tr(l, msgHeadUnknown, v.brandName())
	case sdk.RouteNeedsInformation:
		return tr(l, msgHeadNeedsInfo)
	}
	return string(d.Route)
}

// status is the eligibility line and its kind (ok, todo, no).
func (v View) status() (string, string) {
	d, l := v.Decision, v.Lang
	switch {
	case d.Eligible:
		return tr(l, msgStatusEligible), "ok"
	case d.Route == sdk.RouteMicromediaRMA || d.Route == sdk.RouteNeedsInformation:
		return tr(l, msgStatusMissing), "todo"
	case d.Route == sdk.RouteSupportFirst || d.Route == sdk.RouteSparePartsFirst:
		return tr(l, msgStatusFirst), "todo"
	case d.Route == sdk.RouteUnknownBrand:
		return tr(l, msgStatusUnknown), "todo"
	case d.Route == sdk.RouteNotReturnable:
		return tr(l, msgStatusNotReturnable), "no"
	case d.Route == sdk.RouteOtherDistributor && v.Audience != AudienceReseller:
		return tr(l, msgStatusOtherDistrib), "todo"
	case v.Audience == AudienceReseller:
		return tr(l, msgStatusNotMicromedia), "no"
	}
	return tr(l, msgStatusNotRMA), "no"
}

// documents is the checklist for the audience: consumers do not fill in the
// RMA form, their shop does.
func (v View) documents() []sdk.Document {
	var out []sdk.Document
	for _, doc := range v.Decision.Documents {
		if v.Audience != AudienceReseller && doc.ID == sdk.DocumentRMAForm {
			continue
		}
		out = append(out, doc)
	}
	return out
}

// contacts are the decision's contacts for the audience: Micromedia's own
// addresses are for shops, except the RMA department for an unknown brand;
// so are the other distributor's (the consumer's shop deals with it).
func (v View) contacts() []sdk.Contact {
	var out []sdk.Contact
	for _, c := range v.Decision.Contacts {
		if v.Audience != AudienceReseller && strings.HasPrefix(string(c.Role), "micromedia-") && v.Decision.Route != sdk.RouteUnknownBrand {
			continue
		}
		if v.Audience != AudienceReseller && c.Role == sdk.RoleOtherDistributor {
			continue
		}
		if contactHref(c) == "" {
			continue
		}
		out = append(out, c)
	}
	return out
}

// steps are what to do. Shop staff get the guide's steps; a consumer gets
// steps of the widget's own, per route: the guide's are written for the
// shop (its portal, its distributor, Micromedia's addresses).
func (v View) steps() []string {
	d, l := v.Decision, v.Lang
	if v.Audience == AudienceReseller {
		return d.Steps
	}
	switch d.Route {
	case sdk.RouteMicromediaRMA:
		out := []string{tr(l, msgConsumerStepShop)}
		if len(d.Missing) > 0 {
			out = append([]string{tr(l, msgConsumerStepShopNotYet)}, out...)
		}
		return append(out, tr(l, msgConsumerStepShopDone))
	case sdk.RouteUnknownBrand:
		return []string{tr(l, msgConsumerUnknown)}
	case sdk.RouteSparePartsFirst:
		return []string{tr(l, msgConsumerSpareParts)}
	case sdk.RouteNotReturnable:
		if v.Claim.Category == sdk.CategoryDigitalSoftware {
			return []string{tr(l, msgConsumerNoReturnESD), tr(l, msgConsumerSoftwareHelp)}
		}
		return []string{tr(l, msgConsumerNoReturn), tr(l, msgConsumerProductHelp)}
	case sdk.RouteOtherDistributor:
		return []string{tr(l, msgConsumerOtherDistrib)}
	case sdk.RouteSupportFirst:
		return []string{tr(l, msgConsumerSupportFirst, v.brandName(), v.seeContacts()), tr(l, msgConsumerSupportThen)}
	case sdk.RouteBrandDirect:
		return []string{tr(l, msgConsumerBrandDirect, v.brandName(), v.seeContacts()), tr(l, msgConsumerNotTheShop)}
	case sdk.RouteNeedsInformation:
		return []string{tr(l, msgConsumerNeedsDate)}
	}
	return d.Steps
}

// seeContacts points at the brand's support among the contacts, when the
// card shows one.
func (v View) seeContacts() string {
	for _, c := range v.contacts() {
		if c.Role == sdk.RoleSupport {
			return tr(v.Lang, msgConsumerSeeContacts)
		}
	}
	return ""
}

// dates are the deadlines as sentences.
func (v View) dates() []string {
	d, l := v.Decision, v.Lang
	var out []string
	if !d.Deadlines.DOAUntil.IsZero() {
		out = append(out, tr(l, msgDOA, formatDate(l, d.Deadlines.DOAUntil)))
	}
	if w := d.Deadlines.WarrantyUntil; !w.IsZero() {
		if d.OutOfWarranty {
			out = append(out, tr(l, msgOutOfWarranty, formatDate(l, w)))
		} else {
			out = append(out, tr(l, msgWarrantyUntil, formatDate(l, w)))
		}
	}
	if d.Deadlines.RMAValidDays > 0 {
		out = append(out, tr(l, msgRMAValid, d.Deadlines.RMAValidDays))
	}
	return out
}

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

// summary is the plain-text summary the "copy" button puts on the clipboard.
func (v View) summary(g interface {
	RequirementLabel(sdk.Requirement, sdk.Lang) string
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
			names[i] = g.RequirementLabel(r, l)
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
	b.WriteString("\n" + tr(l, msgWhySource, d.Rule.Source, formatDate(l, d.GuideDate)) + "\n")
	return b.String()
}

// mailDraft is the reseller's e-mail to the RMA department as a mailto: URL
// with subject and body, or "" when the decision has no RMA address.
func (v View) mailDraft() (href, address string) {
	if v.Decision == nil || v.Audience != AudienceReseller || v.Decision.Route != sdk.RouteMicromediaRMA {
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
	for _, f := range v.facts() {
		body.WriteString(f[0] + colon(l) + f[1] + "\n")
	}
	if !v.Decision.Deadlines.DOAUntil.IsZero() {
		body.WriteString(tr(l, msgDOA, formatDate(l, v.Decision.Deadlines.DOAUntil)) + "\n")
	}
	body.WriteString(tr(l, msgSumSource) + colon(l) + v.Decision.Rule.Source + "\n\n")
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
