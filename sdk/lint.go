package sdk

import (
	"fmt"
	"maps"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/message"
)

// lint checks what the schema cannot: uniqueness across the file, contacts
// that really are URLs, addresses and phone numbers, references between
// entries, and rule chains that always decide.
func lint(f *brandsfile.File) []Problem {
	l := &linter{ruleIDs: map[string]string{}}
	brandIDs := map[string]bool{}
	type owner struct{ brand, ptr string }
	keyOwner := map[string]owner{}
	for i, b := range f.Brands {
		at := fmt.Sprintf("/brands/%d", i)
		if brandIDs[b.ID] {
			l.add(at+"/id", "duplicate brand id %s", message.Quote(b.ID))
		}
		brandIDs[b.ID] = true
		keys := map[string]string{normalized(b.ID): at + "/id", normalized(b.Name): at + "/name"}
		for j, a := range b.Aliases {
			keys[normalized(a)] = fmt.Sprintf("%s/aliases/%d", at, j)
		}
		if r, bad := misleadingRune(b.Name); bad {
			l.add(at+"/name", "name %s has the invisible or control character %U", message.Quote(b.Name), r)
		}
		for j, a := range b.Aliases {
			if r, bad := misleadingRune(a); bad {
				l.add(fmt.Sprintf("%s/aliases/%d", at, j), "alias %s has the invisible or control character %U", message.Quote(a), r)
			}
		}
		for k, ptr := range keys {
			if k == "" {
				l.add(ptr, "has no letters or digits to look it up by")
				continue
			}
			if o, dup := keyOwner[k]; dup && o.brand != b.ID {
				l.add(ptr, "%q is also a name or alias of brand %q (%s)", k, o.brand, o.ptr)
				continue
			}
			keyOwner[k] = owner{b.ID, ptr}
		}
		for _, a := range slices.Sorted(maps.Keys(b.AliasCategories)) {
			ptr := at + "/aliasCategories/" + message.EscapeSegment(a)
			if !slices.Contains(b.Aliases, a) {
				l.add(ptr, "%s is not one of the brand's aliases", message.Quote(a))
			}
			if c := b.AliasCategories[a]; !oneOf(Category(c), categories) {
				l.add(ptr, "unknown category %q", c)
			}
		}
		for j, c := range b.Contacts {
			l.contact(fmt.Sprintf("%s/contacts/%d", at, j), c)
		}
		l.contactLabels(at, b.Contacts)
		for j, r := range b.Rules {
			rp := fmt.Sprintf("%s/rules/%d", at, j)
			l.rule(rp, r)
			for k, role := range r.Contacts {
				if !resolvable(role, b.Contacts, f.Contacts) {
					l.add(fmt.Sprintf("%s/contacts/%d", rp, k), "no contact of brand %q or of Micromedia has role %q", b.ID, role)
				}
			}
		}
	}
	if sn := f.SharedNames; sn != nil {
		for i, n := range sn.Names {
			at := fmt.Sprintf("/sharedNames/names/%d", i)
			k := normalized(n.Name)
			if o, taken := keyOwner[k]; taken {
				l.add(at+"/name", "%q is a name or alias of brand %q (%s): a shared name belongs to no single brand", n.Name, o.brand, o.ptr)
			}
			keyOwner[k] = owner{"", at + "/name"}
			for j, id := range n.Brands {
				if !brandIDs[id] {
					l.add(fmt.Sprintf("%s/brands/%d", at, j), "no brand has id %q", id)
				}
			}
			for _, cat := range slices.Sorted(maps.Keys(n.Categories)) {
				if id := n.Categories[cat]; !slices.Contains(n.Brands, id) {
					l.add(at+"/categories/"+message.EscapeSegment(string(cat)), "%q is not one of the name's brands", id)
				}
			}
		}
	}
	for i, c := range f.Contacts {
		l.contact(fmt.Sprintf("/contacts/%d", i), c)
	}
	for i, r := range f.GlobalRules {
		l.rule(fmt.Sprintf("/globalRules/%d", i), r)
	}
	for i, r := range f.Default {
		l.rule(fmt.Sprintf("/defaultRules/%d", i), r)
	}
	if n := len(f.Default); n > 0 && f.Default[n-1].When != nil {
		l.add(fmt.Sprintf("/defaultRules/%d/when", n-1), "the last default rule must have no conditions, so that every claim gets a route")
	}
	for i, b := range f.Brands {
		for j, id := range b.Related {
			if !brandIDs[id] || id == b.ID {
				l.add(fmt.Sprintf("/brands/%d/related/%d", i, j), "no other brand has id %q", id)
			}
		}
	}
	for i, c := range f.Guide.Changes {
		for j, id := range c.Brands {
			if !brandIDs[id] {
				l.add(fmt.Sprintf("/guide/changes/%d/brands/%d", i, j), "no brand has id %q", id)
			}
		}
		if gd, cd := fileDate(f.Guide.Date), fileDate(c.Date); !gd.IsZero() && gd.Before(cd) {
			l.add("/guide/date", "%s is older than the change of %s", f.Guide.Date, c.Date)
		}
	}
	for i, c := range f.Corrections {
		if c.Brand != "" && !brandIDs[c.Brand] {
			l.add(fmt.Sprintf("/corrections/%d/brand", i), "no brand has id %q", c.Brand)
		}
	}
	for route, def := range f.Routes {
		for k, role := range def.Contacts {
			if micromediaRole(role) && !resolvable(role, nil, f.Contacts) {
				l.add(fmt.Sprintf("/routes/%s/contacts/%d", route, k), "no Micromedia contact has role %q", role)
			}
		}
		if sf := def.SupportFirst; sf != nil {
			for k, role := range sf.Contacts {
				if micromediaRole(role) && !resolvable(role, nil, f.Contacts) {
					l.add(fmt.Sprintf("/routes/%s/supportFirst/contacts/%d", route, k), "no Micromedia contact has role %q", role)
				}
			}
		}
	}
	l.texts(f)
	l.wording(f)
	l.supportNamed(f)
	l.reachable(f)
	if y, _, _ := fileDate(f.Guide.Date).Parts(); y != 0 && (y < 2000 || y > 2100) {
		l.add("/guide/date", "%s is not a date a guide of this century could have (2000..2100)", f.Guide.Date)
	}
	for i, c := range f.Guide.Changes {
		if y, _, _ := fileDate(c.Date).Parts(); y != 0 && (y < 2000 || y > 2100) {
			l.add(fmt.Sprintf("/guide/changes/%d/date", i), "%s is not a date a guide of this century could have (2000..2100)", c.Date)
		}
	}
	return l.problems
}

// fileDate is a YYYY-MM-DD date of the file; the zero Date when it is not
// one, which the schema reports.
func fileDate(s string) Date {
	d, _ := ParseDate(s)
	return d
}

// micromediaRole reports whether role is one that Micromedia's own
// contacts fill: not support, the reseller portal or the other
// distributor, which each brand's contacts fill.
func micromediaRole(role string) bool {
	switch ContactRole(role) {
	case RoleSupport, RoleOtherDistributor, RoleResellerPortal:
		return false
	}
	return true
}

type linter struct {
	problems []Problem
	ruleIDs  map[string]string // rule id -> pointer of its first use
}

// add records a problem. String arguments come from the file: they are cut
// to 64 characters, so that %q keeps each message one short line.
func (l *linter) add(ptr, format string, args ...any) {
	for i, a := range args {
		if v := reflect.ValueOf(a); v.Kind() == reflect.String {
			args[i] = message.Cut(v.String())
		}
	}
	l.problems = append(l.problems, Problem{Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

func (l *linter) rule(at string, r brandsfile.Rule) {
	if first, dup := l.ruleIDs[r.ID]; dup {
		l.add(at+"/id", "duplicate rule id %q (first at %s)", r.ID, first)
	} else {
		l.ruleIDs[r.ID] = at
	}
	if Route(r.Route) == RouteUnknownBrand || Route(r.Route) == RouteNeedsInformation {
		l.add(at+"/route", "%q is decided by the SDK (an unknown brand, a missing fact), not by a rule", r.Route)
	}
	if r.WarrantyAtLeast && r.WarrantyMonths == 0 {
		l.add(at+"/warrantyAtLeast", "a minimum of what? the rule has no warrantyMonths")
	}
	if r.When != nil {
		w := r.When
		for i, c := range w.Categories {
			if !oneOf(Category(c), categories) {
				l.add(fmt.Sprintf("%s/when/categories/%d", at, i), "unknown category %q", c)
			}
		}
		for i, m := range w.Models {
			if normalized(m) == "" {
				l.add(fmt.Sprintf("%s/when/models/%d", at, i), "has no letters or digits to match a model by")
			}
		}
		if d := w.Days; d != nil && d.Min != nil && d.Max != nil && *d.Min > *d.Max {
			l.add(at+"/when/days", "min %d is greater than max %d", *d.Min, *d.Max)
		}
	}
	if r.DOA && (r.When == nil || r.When.Days == nil || r.When.Days.Max == nil) {
		l.add(at+"/doa", "a DOA rule needs when.days.max: it sets the end of the DOA window")
	}
	if r.ReplaceSteps && len(r.Steps) == 0 {
		l.add(at+"/replaceSteps", "replaces the route's steps with none: give the rule its steps")
	}
}

func (l *linter) contact(at string, c brandsfile.Contact) {
	v := c.Value
	if r, bad := misleadingRune(v); bad {
		l.add(at+"/value", "%s has the invisible or control character %U, which can disguise a link", message.Quote(v), r)
		return
	}
	switch ContactType(c.Type) {
	case ContactEmail:
		if !isEmail(v) || !strings.Contains(v[strings.LastIndexByte(v, '@'):], ".") {
			l.add(at+"/value", "%s is not a plain e-mail address", message.Quote(v))
		} else if !plainHost(v[strings.LastIndexByte(v, '@')+1:]) {
			l.add(at+"/value", "%s has a domain that is not plain ASCII letters, digits, dots and hyphens (the guide's are)", message.Quote(v))
		}
	case ContactWebsite:
		u, err := url.Parse(v)
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(v, " \t"):
			l.add(at+"/value", "%s is not an http(s) URL with a host", message.Quote(v))
		case u.User != nil:
			l.add(at+"/value", "%s has a user name before '@', so it would open %s", message.Quote(v), message.Quote(u.Hostname()))
		case !plainHost(u.Hostname()):
			l.add(at+"/value", "%s has a host that is not plain ASCII letters, digits, dots and hyphens (the guide's are): it may imitate another", message.Quote(v))
		}
	case ContactPhone:
		n := 0
		for _, r := range v {
			switch {
			case r >= '0' && r <= '9':
				n++
			case strings.ContainsRune("+ ()-", r):
			default:
				l.add(at+"/value", "%s has %q, which a phone number cannot have", message.Quote(v), r)
				return
			}
		}
		if n < 6 || n > 17 {
			l.add(at+"/value", "%s has %d digits; a phone number has 6 to 17", message.Quote(v), n)
		}
	}
}

// plainHost reports whether h is an ASCII host name: no look-alike letters
// from other scripts, no percent-escapes.
func plainHost(h string) bool {
	if h == "" {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// misleadingTextRune is misleadingRune for human text, where a line break
// and a soft hyphen are ordinary.
func misleadingTextRune(s string) (rune, bool) {
	for _, r := range s {
		if r != '\n' && r != '\u00ad' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError) {
			return r, true
		}
	}
	return 0, false
}

// misleadingRune finds a control character or a bidirectional or invisible
// formatting character: shown text can then differ from what is stored.
func misleadingRune(s string) (rune, bool) {
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return r, true
		}
	}
	return 0, false
}

// texts checks that every human text has all three languages, not blank.
func (l *linter) texts(f *brandsfile.File) {
	check := func(at string, t brandsfile.Text) {
		for _, lt := range [...]struct {
			lang Lang
			s    string
		}{{LangFrench, t.FR}, {LangDutch, t.NL}, {LangEnglish, t.EN}} {
			if strings.TrimSpace(lt.s) == "" {
				l.add(at+"/"+string(lt.lang), "text is blank")
			} else if r, bad := misleadingTextRune(lt.s); bad {
				l.add(at+"/"+string(lt.lang), "text has the invisible or control character %U", r)
			}
		}
	}
	checkRule := func(at string, r brandsfile.Rule) {
		for i, t := range r.Notes {
			check(fmt.Sprintf("%s/notes/%d", at, i), t)
		}
		for i, t := range r.Steps {
			check(fmt.Sprintf("%s/steps/%d", at, i), t)
		}
	}
	check("/guide/title", f.Guide.Title)
	for i, c := range f.Guide.Changes {
		check(fmt.Sprintf("/guide/changes/%d/text", i), c.Text)
	}
	for i, c := range f.Conditions {
		check(fmt.Sprintf("/conditions/%d/text", i), c.Text)
	}
	for i, c := range f.Corrections {
		check(fmt.Sprintf("/corrections/%d/fix", i), c.Fix)
	}
	for route, def := range f.Routes {
		for i, t := range def.Steps {
			check(fmt.Sprintf("/routes/%s/steps/%d", route, i), t)
		}
	}
	for i, r := range f.GlobalRules {
		checkRule(fmt.Sprintf("/globalRules/%d", i), r)
	}
	for i, r := range f.Default {
		checkRule(fmt.Sprintf("/defaultRules/%d", i), r)
	}
	for i, b := range f.Brands {
		for j, r := range b.Rules {
			checkRule(fmt.Sprintf("/brands/%d/rules/%d", i, j), r)
		}
	}
}

func resolvable(role string, brand, micromedia []brandsfile.Contact) bool {
	for _, c := range brand {
		if c.Role == role {
			return true
		}
	}
	for _, c := range micromedia {
		if c.Role == role {
			return true
		}
	}
	return false
}

// contactLabels: contacts of one brand with the same role, type and
// country must read differently, or a reader sees "Brand support: asus.com"
// twice and cannot tell the support site from the e-mail form.
func (l *linter) contactLabels(at string, cs []brandsfile.Contact) {
	type kind struct {
		role    string
		typ     string
		country string
		label   string
	}
	seen := map[kind]int{}
	for j, c := range cs {
		k := kind{c.Role, c.Type, c.Country, ""}
		if c.Label != nil {
			k.label = c.Label.EN
		}
		if first, dup := seen[k]; dup {
			l.add(fmt.Sprintf("%s/contacts/%d", at, j), "reads the same as contact %d (role %q, type %q): give one of them a label that tells them apart", first, c.Role, c.Type)
			continue
		}
		seen[k] = j
	}
}
