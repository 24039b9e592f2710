package sdk

import (
	"fmt"
	"slices"

	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/message"
)

// reachable reports rules that no claim can reach: every claim they match
// is decided earlier in the chain. The chains are the ones Evaluate walks:
// global rules, then a brand's rules, then the default rules. A brand's
// rules may shadow the default rules (that is what makes a brand special),
// so default rules are checked against the global rules and each other
// only.
func (l *linter) reachable(f *brandsfile.File) {
	place := func(base string, rs []brandsfile.Rule) []placed {
		out := make([]placed, len(rs))
		for i := range rs {
			out[i] = placed{fmt.Sprintf("%s/%d", base, i), &rs[i]}
		}
		return out
	}
	global := place("/globalRules", f.GlobalRules)
	check := func(earlier, list []placed) {
		for i, p := range list {
			before := append(slices.Clip(earlier), list[:i]...)
			if by, dead := shadowed(p.r, before); dead {
				l.add(p.ptr, "rule %s is never reached: %s", message.Quote(p.r.ID), by)
			}
		}
	}
	check(nil, global)
	check(global, place("/defaultRules", f.Default))
	for i := range f.Brands {
		check(global, place(fmt.Sprintf("/brands/%d/rules", i), f.Brands[i].Rules))
	}
}

// shadowed reports whether the rules before r decide every claim r matches:
// one of them matches at least every claim r does on the conditions other
// than days, and such rules together cover r's day window. A rule with a
// days condition decides a claim without a purchase date too (it asks for
// the date), so its window counts like any other.
func shadowed(r *brandsfile.Rule, before []placed) (string, bool) {
	lo, hi := window(r)
	type span struct{ lo, hi int }
	var spans []span
	var ids []string
	for _, e := range before {
		if !covers(e.r.When, r.When) {
			continue
		}
		elo, ehi := window(e.r)
		spans = append(spans, span{elo, ehi})
		ids = append(ids, message.Quote(e.r.ID))
	}
	if len(spans) == 0 {
		return "", false
	}
	slices.SortFunc(spans, func(a, b span) int { return a.lo - b.lo })
	reach := lo // the first day not yet decided
	for _, s := range spans {
		if s.lo > reach {
			break
		}
		if s.hi >= reach {
			reach = s.hi + 1
		}
		if reach > hi {
			return fmt.Sprintf("rule %s decides every claim it matches", joinIDs(ids)), true
		}
	}
	return "", false
}

func joinIDs(ids []string) string {
	out := ids[0]
	for i, id := range ids[1:] {
		if i == len(ids)-2 {
			out += " and " + id
		} else {
			out += ", " + id
		}
	}
	return out
}

// placed is a rule with its pointer.
type placed struct {
	ptr string
	r   *brandsfile.Rule
}

// window is the day range a rule matches; no days condition is every day.
func window(r *brandsfile.Rule) (lo, hi int) {
	lo, hi = 0, maxDays+1 // past every bound the schema allows: "no end"
	if r.When != nil && r.When.Days != nil {
		if d := r.When.Days; d.Min != nil {
			lo = *d.Min
		}
		if d := r.When.Days; d.Max != nil {
			hi = *d.Max
		}
	}
	return lo, hi
}

// covers reports whether conditions e match every claim that w matches,
// days aside.
func covers(e, w *brandsfile.When) bool {
	if e == nil {
		return true
	}
	var zero brandsfile.When
	if w == nil {
		w = &zero
	}
	return superset(e.Categories, w.Categories) && superset(e.Support, w.Support) &&
		superset(e.SpareParts, w.SpareParts) && supersetModels(e.Models, w.Models)
}

// superset: an empty condition allows every value.
func superset[T comparable](e, w []T) bool {
	if len(e) == 0 {
		return true
	}
	if len(w) == 0 {
		return false
	}
	for _, v := range w {
		if !slices.Contains(e, v) {
			return false
		}
	}
	return true
}

func supersetModels(e, w []string) bool {
	norm := func(ms []string) []string {
		out := make([]string, len(ms))
		for i, m := range ms {
			out[i] = normalized(m)
		}
		return out
	}
	return superset(norm(e), norm(w))
}
