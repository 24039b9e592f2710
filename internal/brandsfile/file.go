// Package brandsfile is brands.json as it is written: the shape that
// schema/brands.schema.json describes, with JSON strings as Go strings.
// It is the one file model of the module: sdk compiles it into a Guide
// (giving each vocabulary value its type, and refusing one it does not
// know), and the maintenance tools (rmacheck corrections, rmacheck guide
// check and update) read the parts that only they use, such as the
// corrections and the section digests. The one vocabulary defined here is
// theirs: CorrectionKind, which the SDK does not use.
//
// Read a file with Read after sdk.LoadBytes has accepted it: a File the
// SDK has not checked may hold anything the JSON types allow.
package brandsfile

// Text is human text in the three languages of the guide.
type Text struct {
	FR string `json:"fr"`
	NL string `json:"nl"`
	EN string `json:"en"`
}

// In returns the text in lang, a language code ("fr", "nl"; English for
// any other).
func (t Text) In(lang string) string {
	switch lang {
	case "fr":
		return t.FR
	case "nl":
		return t.NL
	}
	return t.EN
}

// File is the whole of brands.json.
type File struct {
	Format      int              `json:"format"`
	Guide       Guide            `json:"guide"`
	Conditions  []Condition      `json:"conditions"`
	Contacts    []Contact        `json:"contacts"` // Micromedia's own
	Addresses   []Address        `json:"addresses"`
	Labels      Labels           `json:"labels"`
	Audiences   Audiences        `json:"audiences"`
	Routes      map[string]Route `json:"routes"`
	GlobalRules []Rule           `json:"globalRules"`
	Default     []Rule           `json:"defaultRules"`
	Corrections []Correction     `json:"corrections"` // for the maintenance tools; the SDK only lints them
	SharedNames *SharedNames     `json:"sharedNames"`
	Brands      []Brand          `json:"brands"`
	Schema      string           `json:"$schema,omitempty"`
}

// Guide is what brands.json records of the guide itself.
type Guide struct {
	Title     Text     `json:"title"`
	Publisher string   `json:"publisher"`
	Date      string   `json:"date"` // YYYY-MM-DD
	Changes   []Change `json:"changes"`
}

// Change is one line of the guide's change log.
type Change struct {
	Date   string   `json:"date"` // YYYY-MM-DD
	Text   Text     `json:"text"`
	Brands []string `json:"brands"` // ids of the brands it concerns
}

// Condition is one of chapter 1's general conditions.
type Condition struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Text   Text   `json:"text"`
}

// Address is a Micromedia postal address (1.4).
type Address struct {
	Role    string   `json:"role"` // postal or returns
	Source  string   `json:"source"`
	Lines   []string `json:"lines"`
	Country string   `json:"country"`
}

// Correction records where brands.json departs from the guide's letter: a
// slip it fixes, or a choice where the guide is unclear.
type Correction struct {
	ID    string         `json:"id"`
	Brand string         `json:"brand,omitempty"` // brand id, when it concerns one
	Kind  CorrectionKind `json:"kind"`
	Guide string         `json:"guide"` // what the guide says, verbatim
	Fix   Text           `json:"fix"`

	// Contact, when the slip is one of the brand's contacts, pairs it as the
	// guide prints it with what the data records (rmacheck guide check).
	Contact *ContactFix `json:"contact,omitempty"`
}

// CorrectionKind says why brands.json departs from the guide's letter.
type CorrectionKind string

// Correction kinds.
const (
	CorrectionSlip           CorrectionKind = "slip"           // the guide is wrong; the data fixes it
	CorrectionInterpretation CorrectionKind = "interpretation" // the guide is unclear; the data chooses
)

// CorrectionKinds lists every correction kind.
func CorrectionKinds() []CorrectionKind {
	return []CorrectionKind{CorrectionSlip, CorrectionInterpretation}
}

// ContactFix is a contact as the guide prints it and as brands.json records it.
type ContactFix struct {
	Guide ContactValue `json:"guide"`
	Data  ContactValue `json:"data"`
}

// ContactValue is a contact's type and value.
type ContactValue struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Contact is one of a brand's or Micromedia's contacts.
type Contact struct {
	Type    string `json:"type"`
	Value   string `json:"value"`
	Role    string `json:"role"`
	Country string `json:"country,omitempty"`
	// Label tells the contact apart from the brand's others of the same
	// role and type ("E-mail form" beside the support site); nil means
	// the role's label.
	Label *Text `json:"label,omitempty"`
}

// Labels are the names of the vocabularies' values, by value.
type Labels struct {
	Categories   map[string]Text `json:"categories"`
	Routes       map[string]Text `json:"routes"`
	Requirements map[string]Text `json:"requirements"`
	Documents    map[string]Text `json:"documents"`
	ContactRoles map[string]Text `json:"contactRoles"`
	Countries    map[string]Text `json:"countries"`
}

// Audiences is the wording that depends on who reads the answer.
type Audiences struct {
	Reseller ResellerTexts `json:"reseller"`
	Consumer ConsumerTexts `json:"consumer"`
}

// ResellerTexts is shop staff's own wording.
type ResellerTexts struct {
	Deadlines DeadlineTexts `json:"deadlines"`
}

// ConsumerTexts is a consumer's own wording.
type ConsumerTexts struct {
	Deadlines    DeadlineTexts   `json:"deadlines"`
	Documents    map[string]Text `json:"documents"`    // a kind without a label is not shown
	Requirements map[string]Text `json:"requirements"` // a requirement without a label is not listed
	Categories   map[string]Text `json:"categories"`   // where the guide's label is the shop's word
}

// DeadlineTexts words a decision's deadlines.
type DeadlineTexts struct {
	DOA             Text  `json:"doa"`
	Warranty        Text  `json:"warranty"`
	WarrantyEnded   Text  `json:"warrantyEnded"`
	WarrantyAtLeast Text  `json:"warrantyAtLeast"` // the warranty's end is a floor
	RMAValid        *Text `json:"rmaValid"`
}

// ConsumerWording is what a consumer reads. In a route every field is set;
// in a rule, a set field replaces the route's.
type ConsumerWording struct {
	Headline *Text    `json:"headline"`
	Steps    []Text   `json:"steps"`
	Notes    []Text   `json:"notes"`
	Contacts []string `json:"contacts"` // contact roles
}

// Route is a route's definition: its wording and what it asks for.
type Route struct {
	Source       string          `json:"source"`
	Headline     Text            `json:"headline"`
	Consumer     ConsumerWording `json:"consumer"`
	Requires     []string        `json:"requires"`
	Documents    []string        `json:"documents"`
	Contacts     []string        `json:"contacts"` // contact roles
	RMAValidDays int             `json:"rmaValidDays"`
	Steps        []Text          `json:"steps"`
	SupportFirst *SupportFirst   `json:"supportFirst"`
}

// SupportFirst is the guide's first rule (1.1) on a route that sends the
// consumer to the shop: for a brand with a support contact, that support
// comes first, because it solves most defects fastest. It does not apply
// when the claim says support was already contacted.
type SupportFirst struct {
	Source   string          `json:"source"`
	Steps    []Text          `json:"steps"`    // shop staff's steps, before the rule's and the route's
	Contacts []string        `json:"contacts"` // roles listed first for shop staff
	Consumer ConsumerWording `json:"consumer"` // replaces the route's consumer wording field by field
}

// Rule is one rule of a brand's chain, or a global or default one.
type Rule struct {
	ID             string           `json:"id"`
	Source         string           `json:"source"`
	When           *When            `json:"when"`
	Route          string           `json:"route"`
	Headline       *Text            `json:"headline"`
	Consumer       *ConsumerWording `json:"consumer"`
	DOA            bool             `json:"doa"`
	WarrantyMonths int              `json:"warrantyMonths"`
	// WarrantyAtLeast: the guide gives WarrantyMonths as a minimum.
	WarrantyAtLeast bool     `json:"warrantyAtLeast"`
	Requires        []string `json:"requires"`
	Contacts        []string `json:"contacts"` // contact roles
	Notes           []Text   `json:"notes"`
	Steps           []Text   `json:"steps"`
	// ReplaceSteps: Steps replace the route's shop steps instead of coming
	// before them, for a brand whose procedure changes one of them.
	ReplaceSteps bool `json:"replaceSteps"`
	// WithoutSupportFirst says why this rule's answer does not point to
	// the brand's support first (1.1); "" means it does, where its route
	// has supportFirst wording and the brand a support contact.
	WithoutSupportFirst string `json:"withoutSupportFirst"`
}

// When is a rule's conditions; a nil list means any value.
type When struct {
	Categories []string `json:"categories"`
	Models     []string `json:"models"`
	Days       *Days    `json:"days"`
	Support    []string `json:"support"`
	SpareParts []string `json:"spareParts"`
}

// Days bounds the days since purchase; nil means no bound.
type Days struct {
	Min *int `json:"min"`
	Max *int `json:"max"`
}

// Brand is one brand heading of the guide.
type Brand struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// AliasCategories are the kind of product an alias names (Razer Blade:
	// a laptop): a claim that names the brand so, and leaves the kind open,
	// is decided as that kind.
	AliasCategories map[string]string `json:"aliasCategories"`
	Special         bool              `json:"special"`
	Contacts        []Contact         `json:"contacts"`
	Related         []string          `json:"related"`
	Rules           []Rule            `json:"rules"`

	// SectionDigest is for rmacheck guide check; the SDK does not use it,
	// and the embedded model leaves it out.
	SectionDigest string `json:"sectionDigest"`
}

// SharedNames are names that several brands' headings share, as the
// guide's own text uses them ("Sony" for SIE Hardware and Sony Software),
// and what a claim naming one reads when its kind of product does not
// settle which brand is meant.
type SharedNames struct {
	Source   string          `json:"source"`
	Headline Text            `json:"headline"` // shop staff; {brand} is the name as typed
	Steps    []Text          `json:"steps"`
	Consumer ConsumerWording `json:"consumer"` // headline and steps
	Names    []SharedName    `json:"names"`
}

// SharedName is one shared name.
type SharedName struct {
	Name       string            `json:"name"`
	Source     string            `json:"source"`
	Brands     []string          `json:"brands"`     // ids, in the order a form offers them
	Categories map[string]string `json:"categories"` // the brand id a kind of product settles on
}
