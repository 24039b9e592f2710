package sdk

// The shape of brands.json, as schema/brands.schema.json describes it. These
// types are the file model; Load compiles them into the Guide's lookup
// tables.

// Text is human text in the three languages of the guide.
type Text struct {
	FR string `json:"fr"`
	NL string `json:"nl"`
	EN string `json:"en"`
}

// In returns the text in lang (English for an unknown lang).
func (t Text) In(lang Lang) string {
	switch lang {
	case LangFrench:
		return t.FR
	case LangDutch:
		return t.NL
	}
	return t.EN
}

type fileGuide struct {
	Format      int                 `json:"format"`
	Guide       guideInfo           `json:"guide"`
	Conditions  []Condition         `json:"conditions"`
	Contacts    []fileContact       `json:"contacts"`
	Addresses   []Address           `json:"addresses"`
	Labels      fileLabels          `json:"labels"`
	Audiences   fileAudiences       `json:"audiences"`
	Routes      map[Route]fileRoute `json:"routes"`
	GlobalRules []fileRule          `json:"globalRules"`
	Default     []fileRule          `json:"defaultRules"`
	Corrections []Correction        `json:"corrections"`
	SharedNames *fileSharedNames    `json:"sharedNames"`
	Brands      []fileBrand         `json:"brands"`
	Schema      string              `json:"$schema,omitempty"`
}

// fileSharedNames are names that several brands' headings share, as the
// guide's own text uses them ("Sony" for SIE Hardware and Sony Software),
// and what a claim naming one reads when its kind of product does not
// settle which brand is meant.
type fileSharedNames struct {
	Source   string           `json:"source"`
	Headline Text             `json:"headline"` // shop staff; {brand} is the name as typed
	Steps    []Text           `json:"steps"`
	Consumer consumerWording  `json:"consumer"` // headline and steps
	Names    []fileSharedName `json:"names"`
}

type fileSharedName struct {
	Name       string              `json:"name"`
	Source     string              `json:"source"`
	Brands     []string            `json:"brands"`     // ids, in the order a form offers them
	Categories map[Category]string `json:"categories"` // the brand id a kind of product settles on
}

type guideInfo struct {
	Title     Text     `json:"title"`
	Publisher string   `json:"publisher"`
	Date      Date     `json:"date"`
	Changes   []Change `json:"changes"`
}

// Change is one line of the guide's change log.
type Change struct {
	Date   Date     `json:"date"`
	Text   Text     `json:"text"`
	Brands []string `json:"brands"` // ids of the brands it concerns
}

// Condition is one of chapter 1's general conditions, for display.
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

// ContactFix is a contact as the guide prints it and as brands.json records it.
type ContactFix struct {
	Guide ContactValue `json:"guide"`
	Data  ContactValue `json:"data"`
}

// ContactValue is a contact's type and value.
type ContactValue struct {
	Type  ContactType `json:"type"`
	Value string      `json:"value"`
}

type fileContact struct {
	Type    ContactType `json:"type"`
	Value   string      `json:"value"`
	Role    ContactRole `json:"role"`
	Country string      `json:"country,omitempty"`
	// Label tells the contact apart from the brand's others of the same
	// role and type ("E-mail form" beside the support site); nil means
	// the role's label.
	Label *Text `json:"label,omitempty"`
}

type fileLabels struct {
	Categories   map[Category]Text     `json:"categories"`
	Routes       map[Route]Text        `json:"routes"`
	Requirements map[Requirement]Text  `json:"requirements"`
	Documents    map[DocumentKind]Text `json:"documents"`
	ContactRoles map[ContactRole]Text  `json:"contactRoles"`
	Countries    map[string]Text       `json:"countries"`
}

// fileAudiences is the wording that depends on who reads the answer.
type fileAudiences struct {
	Reseller resellerTexts `json:"reseller"`
	Consumer consumerTexts `json:"consumer"`
}

type resellerTexts struct {
	Deadlines deadlineTexts `json:"deadlines"`
}

type consumerTexts struct {
	Deadlines    deadlineTexts         `json:"deadlines"`
	Documents    map[DocumentKind]Text `json:"documents"`    // a kind without a label is not shown
	Requirements map[Requirement]Text  `json:"requirements"` // a requirement without a label is not listed
	Categories   map[Category]Text     `json:"categories"`   // where the guide's label is the shop's word
}

type deadlineTexts struct {
	DOA             Text  `json:"doa"`
	Warranty        Text  `json:"warranty"`
	WarrantyEnded   Text  `json:"warrantyEnded"`
	WarrantyAtLeast Text  `json:"warrantyAtLeast"` // the warranty's end is a floor
	RMAValid        *Text `json:"rmaValid"`
}

// consumerWording is what a consumer reads. In a route every field is set;
// in a rule, a set field replaces the route's.
type consumerWording struct {
	Headline *Text         `json:"headline"`
	Steps    []Text        `json:"steps"`
	Notes    []Text        `json:"notes"`
	Contacts []ContactRole `json:"contacts"`
}

type fileRoute struct {
	Source       string          `json:"source"`
	Headline     Text            `json:"headline"`
	Consumer     consumerWording `json:"consumer"`
	Requires     []Requirement   `json:"requires"`
	Documents    []DocumentKind  `json:"documents"`
	Contacts     []ContactRole   `json:"contacts"`
	RMAValidDays int             `json:"rmaValidDays"`
	Steps        []Text          `json:"steps"`
	SupportFirst *supportFirst   `json:"supportFirst"`
}

// supportFirst is the guide's first rule (1.1) on a route that sends the
// consumer to the shop: for a brand with a support contact, that support
// comes first, because it solves most defects fastest. It does not apply
// when the claim says support was already contacted.
type supportFirst struct {
	Source   string          `json:"source"`
	Steps    []Text          `json:"steps"`    // shop staff's steps, before the rule's and the route's
	Contacts []ContactRole   `json:"contacts"` // roles listed first for shop staff
	Consumer consumerWording `json:"consumer"` // replaces the route's consumer wording field by field
}

type fileRule struct {
	ID             string           `json:"id"`
	Source         string           `json:"source"`
	When           *fileWhen        `json:"when"`
	Route          Route            `json:"route"`
	Headline       *Text            `json:"headline"`
	Consumer       *consumerWording `json:"consumer"`
	DOA            bool             `json:"doa"`
	WarrantyMonths int              `json:"warrantyMonths"`
	// WarrantyAtLeast: the guide gives WarrantyMonths as a minimum.
	WarrantyAtLeast bool          `json:"warrantyAtLeast"`
	Requires        []Requirement `json:"requires"`
	Contacts        []ContactRole `json:"contacts"`
	Notes           []Text        `json:"notes"`
	Steps           []Text        `json:"steps"`
	// ReplaceSteps: Steps replace the route's shop steps instead of coming
	// before them, for a brand whose procedure changes one of them.
	ReplaceSteps bool `json:"replaceSteps"`
	// WithoutSupportFirst says why this rule's answer does not point to
	// the brand's support first (1.1); "" means it does, where its route
	// has supportFirst wording and the brand a support contact.
	WithoutSupportFirst string `json:"withoutSupportFirst"`
}

type fileWhen struct {
	Categories []Category   `json:"categories"`
	Models     []string     `json:"models"`
	Days       *fileDays    `json:"days"`
	Support    []Support    `json:"support"`
	SpareParts []SpareParts `json:"spareParts"`
}

type fileDays struct {
	Min *int `json:"min"`
	Max *int `json:"max"`
}

type fileBrand struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// AliasCategories are the kind of product an alias names (Razer Blade:
	// a laptop): a claim that names the brand so, and leaves the kind open,
	// is decided as that kind.
	AliasCategories map[string]Category `json:"aliasCategories"`
	Special         bool                `json:"special"`
	Contacts        []fileContact       `json:"contacts"`
	Related         []string            `json:"related"`
	Rules           []fileRule          `json:"rules"`

	SectionDigest string `json:"sectionDigest"` // for rmacheck guide check; the SDK does not use it, and Default's model leaves it out
}

// pair is one entry of a map of the embedded model (embedded_model.go). A
// map is written there as a list of pairs, which is static data, and built
// from it when the package starts: a map literal of up to 25 entries
// compiles to code, one assignment each.
type pair[K comparable, V any] struct {
	k K
	v V
}

func mapOf[K comparable, V any](ps []pair[K, V]) map[K]V {
	m := make(map[K]V, len(ps))
	for _, p := range ps {
		m[p.k] = p.v
	}
	return m
}
