package sdk

// Decision is what to do with one claim, written for one audience in one
// language. Its JSON form is described by schema/decision.schema.json. The
// caller owns it: nothing in it is shared with the Guide or with another
// decision.
type Decision struct {
	Audience      Audience      `json:"audience"`    // who the text is written for
	Brand         *BrandRef     `json:"brand"`       // nil when the brand is unknown
	Suggestions   []Suggestion  `json:"suggestions"` // up to 3 close brands, when the brand is unknown
	Route         Route         `json:"route"`
	Headline      string        `json:"headline"` // the answer in a few words
	Eligible      bool          `json:"eligible"` // route is micromedia-rma and nothing is missing
	DOA           bool          `json:"doa"`      // handled as dead on arrival
	Missing       []Requirement `json:"missing"`
	Documents     []Document    `json:"documents"`
	Contacts      []Contact     `json:"contacts"`
	Deadlines     Deadlines     `json:"deadlines"`
	Dates         []string      `json:"dates"` // the deadlines in plain words
	OutOfWarranty bool          `json:"outOfWarranty"`
	Steps         []string      `json:"steps"`
	Notes         []string      `json:"notes"`
	Rule          RuleRef       `json:"rule"`
	GuideDate     Date          `json:"guideDate"`
	Lang          Lang          `json:"lang"`
}

// Suggestion is a brand close to an unknown one.
type Suggestion struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// BrandRef names the brand a decision is about.
type BrandRef struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Special bool   `json:"special"` // marked * in the guide
}

// Document is one item of the checklist that goes with a request.
type Document struct {
	ID      DocumentKind `json:"id"`
	Label   string       `json:"label"`
	Missing bool         `json:"missing"` // the claim says it is not available yet
}

// Contact is a way to reach someone the decision points to.
type Contact struct {
	Type  ContactType `json:"type"`
	Value string      `json:"value"` // URL, e-mail address or phone number as the guide writes it
	Role  ContactRole `json:"role"`
	Label string      `json:"label"` // role and country, in the decision's language
}

// Deadlines are the dates that matter for the claim. Zero dates mean "does
// not apply" (or "unknown" when the purchase date is missing) and are
// written as null.
type Deadlines struct {
	DOAUntil      Date `json:"doaUntil"`      // last day of the dead-on-arrival window
	WarrantyUntil Date `json:"warrantyUntil"` // last day of the brand's warranty
	// WarrantyAtLeast: WarrantyUntil is a floor. The guide gives the
	// warranty as a minimum, or a model the claim does not name may have
	// a longer one (Ecoflow's 5-year models); say "at least until".
	WarrantyAtLeast bool `json:"warrantyAtLeast"`
	RMAValidDays    int  `json:"rmaValidDays"` // how long an RMA number stays valid; 0 when no RMA
}

// RuleRef names the rule that decided, and where the guide says it.
type RuleRef struct {
	ID     string `json:"id"`
	Source string `json:"source"` // guide section, e.g. "1.3.2" or "2 HyperX"
}
