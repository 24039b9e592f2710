package sdk

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/message"
)

// Consumer wording is written for the person who bought the product: it
// speaks of the shop where they bought it, never of the distributor, its
// addresses, its RMA procedure or its portal for shops. The expressions
// here are compiled on first use, not when a page starts.
var shopOnly = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)micromedia|\brma\b|portal|portail|portaal|beurtvaartweg|nijmegen|\beci\b|revendeur|reseller|wederverkoper`)
})

// placeholders lists the {name}s each kind of text may use.
var (
	placeholder       = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[^{}]*\}`) })
	answerFields      = []string{"{brand}", "{missing}"}
	deadlineFields    = []string{"{date}"}
	rmaValidityFields = []string{"{days}"}
)

// consumerRoles are the contact roles a consumer may be shown: the brand's
// own. Micromedia's contacts and the other distributor are the shop's.
var consumerRoles = []ContactRole{RoleSupport}

// wording lints the audience-dependent texts.
func (l *linter) wording(f *brandsfile.File) {
	consumerText := func(at string, t brandsfile.Text, allowed []string) {
		for _, lt := range [...]struct {
			lang Lang
			s    string
		}{{LangFrench, t.FR}, {LangDutch, t.NL}, {LangEnglish, t.EN}} {
			if m := shopOnly().FindString(lt.s); m != "" {
				l.add(at+"/"+string(lt.lang), "consumer text names %q, which is for shops: speak of the shop where they bought it", m)
			}
		}
		l.placeholders(at, t, allowed)
	}
	wording := func(at string, w *brandsfile.ConsumerWording) {
		if w == nil {
			return
		}
		if w.Headline != nil {
			consumerText(at+"/headline", *w.Headline, answerFields)
		}
		for i, t := range w.Steps {
			consumerText(fmt.Sprintf("%s/steps/%d", at, i), t, answerFields)
		}
		for i, t := range w.Notes {
			consumerText(fmt.Sprintf("%s/notes/%d", at, i), t, answerFields)
		}
		for i, r := range w.Contacts {
			if !oneOf(ContactRole(r), consumerRoles) {
				l.add(fmt.Sprintf("%s/contacts/%d", at, i), "consumers are not shown %q contacts: that is the shop's business", r)
			}
		}
	}
	deadlines := func(at string, d *brandsfile.DeadlineTexts, consumer bool) {
		check := func(at string, t brandsfile.Text, allowed []string) {
			if consumer {
				consumerText(at, t, allowed)
			} else {
				l.placeholders(at, t, allowed)
			}
		}
		check(at+"/doa", d.DOA, deadlineFields)
		check(at+"/warranty", d.Warranty, deadlineFields)
		check(at+"/warrantyEnded", d.WarrantyEnded, deadlineFields)
		check(at+"/warrantyAtLeast", d.WarrantyAtLeast, deadlineFields)
		if d.RMAValid != nil {
			if consumer {
				l.add(at+"/rmaValid", "consumers have no RMA number to keep valid")
			}
			check(at+"/rmaValid", *d.RMAValid, rmaValidityFields)
		}
	}
	deadlines("/audiences/reseller/deadlines", &f.Audiences.Reseller.Deadlines, false)
	deadlines("/audiences/consumer/deadlines", &f.Audiences.Consumer.Deadlines, true)
	for k, t := range f.Audiences.Consumer.Documents {
		consumerText("/audiences/consumer/documents/"+string(k), t, nil)
	}
	for k, t := range f.Audiences.Consumer.Requirements {
		consumerText("/audiences/consumer/requirements/"+string(k), t, nil)
	}
	for k, t := range f.Audiences.Consumer.Categories {
		consumerText("/audiences/consumer/categories/"+string(k), t, nil)
	}
	for _, r := range routes {
		def, ok := f.Routes[string(r)]
		if !ok {
			continue
		}
		at := "/routes/" + string(r)
		l.placeholders(at+"/headline", def.Headline, answerFields)
		for i, t := range def.Steps {
			l.placeholders(fmt.Sprintf("%s/steps/%d", at, i), t, answerFields)
		}
		wording(at+"/consumer", &def.Consumer)
		if sf := def.SupportFirst; sf != nil {
			for i, t := range sf.Steps {
				l.placeholders(fmt.Sprintf("%s/supportFirst/steps/%d", at, i), t, answerFields)
			}
			wording(at+"/supportFirst/consumer", &sf.Consumer)
		}
	}
	if sn := f.SharedNames; sn != nil {
		l.placeholders("/sharedNames/headline", sn.Headline, answerFields)
		for i, t := range sn.Steps {
			l.placeholders(fmt.Sprintf("/sharedNames/steps/%d", i), t, answerFields)
		}
		wording("/sharedNames/consumer", &sn.Consumer)
	}
	rules := func(base string, rs []brandsfile.Rule) {
		for i := range rs {
			at := fmt.Sprintf("%s/%d", base, i)
			if h := rs[i].Headline; h != nil {
				l.placeholders(at+"/headline", *h, answerFields)
			}
			for j, t := range rs[i].Steps {
				l.placeholders(fmt.Sprintf("%s/steps/%d", at, j), t, answerFields)
			}
			for j, t := range rs[i].Notes {
				l.placeholders(fmt.Sprintf("%s/notes/%d", at, j), t, answerFields)
			}
			wording(at+"/consumer", rs[i].Consumer)
		}
	}
	rules("/globalRules", f.GlobalRules)
	rules("/defaultRules", f.Default)
	for i := range f.Brands {
		rules(fmt.Sprintf("/brands/%d/rules", i), f.Brands[i].Rules)
	}
}

// placeholders checks that t uses only the allowed {name}s.
func (l *linter) placeholders(at string, t brandsfile.Text, allowed []string) {
	for _, lt := range [...]struct {
		lang Lang
		s    string
	}{{LangFrench, t.FR}, {LangDutch, t.NL}, {LangEnglish, t.EN}} {
		if r, bad := misleadingTextRune(lt.s); bad {
			l.add(at+"/"+string(lt.lang), "text has the invisible or control character %U", r)
		}
		for _, p := range placeholder().FindAllString(lt.s, -1) {
			if !oneOf(p, allowed) {
				want := "none"
				if len(allowed) > 0 {
					want = strings.Join(allowed, ", ")
				}
				l.add(at+"/"+string(lt.lang), "unknown placeholder %q (this text can use %s)", p, want)
			}
		}
	}
}

// supportNamed keeps the guide's first rule (1.1) true: a consumer's
// answer for a brand with a support contact lists that contact, unless
// the rule says why not. The global and default rules are checked once,
// as for any brand with a support contact.
func (l *linter) supportNamed(f *brandsfile.File) {
	check := func(at string, r *brandsfile.Rule, brand string) {
		def, ok := f.Routes[r.Route]
		if !ok || Route(r.Route) == RouteNeedsInformation || Route(r.Route) == RouteUnknownBrand || r.WithoutSupportFirst != "" {
			return
		}
		w := def.Consumer
		if def.SupportFirst != nil {
			w = overlay(w, def.SupportFirst.Consumer)
		}
		if r.Consumer != nil {
			w = overlay(w, *r.Consumer)
		}
		if !slices.Contains(w.Contacts, string(RoleSupport)) {
			l.add(at, "a consumer sent on route %q is shown no one to contact, while %s has a support contact (guide 1.1): list the role \"support\", or say why not in withoutSupportFirst", r.Route, brand)
		}
	}
	for i := range f.GlobalRules {
		check(fmt.Sprintf("/globalRules/%d", i), &f.GlobalRules[i], "a brand")
	}
	for i := range f.Default {
		check(fmt.Sprintf("/defaultRules/%d", i), &f.Default[i], "a brand")
	}
	for i := range f.Brands {
		b := &f.Brands[i]
		if !hasRole(b, RoleSupport) {
			continue
		}
		for j := range b.Rules {
			check(fmt.Sprintf("/brands/%d/rules/%d", i, j), &b.Rules[j], "brand "+message.Quote(b.ID))
		}
	}
}
