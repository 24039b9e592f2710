package sdk

// Questions says which claim facts can change the decision for one brand and
// category, so that a form asks only those. It is derived from the rule
// data: a new rule in brands.json changes the questions without code.
type Questions struct {
	Model        bool          `json:"model"`        // a rule looks at the model (Ecoflow's 5-year models)
	PurchaseDate bool          `json:"purchaseDate"` // the route depends on the days since purchase (DOA windows)
	Support      bool          `json:"support"`      // a rule asks whether brand support was contacted
	SpareParts   bool          `json:"spareParts"`   // a rule asks whether a spare part was tried
	Requires     []Requirement `json:"requires"`     // every requirement a reachable rule can ask for, in Requirements order
	// Category is the kind of product the brand was named by (an alias
	// such as "Razer Blade": laptop) when cat left it open: a form need
	// not ask it, and a claim naming the brand so is decided as that kind.
	Category Category `json:"category,omitempty"`
}

// Questions returns the questions for brand (a name or alias, matched like
// Claim.Brand) and category ("" for any category). ok is false for an
// unknown brand, and for a name several brands share ("Sony") when cat
// does not settle which one is meant.
func (g *Guide) Questions(brand string, cat Category) (q Questions, ok bool) {
	key := normalized(brand)
	b := g.byKey[key]
	if sh := g.shared[key]; b == nil && sh != nil {
		b = sh.byCat[cat] // a shared name ("Sony") the kind settles
	}
	if b == nil {
		return Questions{Requires: []Requirement{}}, false
	}
	if implied, ok := b.aliasCategory(key, cat); ok {
		cat, q.Category = implied, implied
	}
	var catBit uint32
	if cat != "" {
		if i := index(cat, categories); i >= 0 {
			catBit = 1 << i
		}
	}
	g.slotReady(0) // requirements are the same in every slot
	var reqs reqMask
	for i, r := range b.chain {
		if catBit != 0 && r.categories != 0 && r.categories&catBit == 0 {
			continue
		}
		q.Model = q.Model || r.models != nil
		q.PurchaseDate = q.PurchaseDate || r.hasDays
		q.Support = q.Support || r.support != 0
		q.SpareParts = q.SpareParts || r.spareParts != 0
		reqs |= b.out[0][i].requires
		if r.hasDays {
			reqs |= b.needDate[0][i].requires
		}
		if r.models != nil {
			reqs |= b.needModel[0].requires
		}
		// A rule that always applies here hides the rules after it.
		if r.models == nil && !r.hasDays && r.support == 0 && r.spareParts == 0 && (catBit != 0 || r.categories == 0) {
			break
		}
	}
	q.Requires = append([]Requirement{}, g.missing[reqs]...)
	return q, true
}
