package sdk

// The closed vocabularies of the rule model. Each list here is the single Go
// source of truth; schema_test.go checks that the JSON Schemas list the same
// values in the same order.

// Category is the kind of product a claim is about. The zero value means
// CategoryOther.
type Category string

// Categories.
const (
	CategoryAccessory       Category = "accessory"
	CategoryLaptop          Category = "laptop"
	CategoryDesktop         Category = "desktop"
	CategoryMonitor         Category = "monitor"
	CategoryEStep           Category = "e-step"
	CategoryGamingChair     Category = "gaming-chair"
	CategoryCockpit         Category = "cockpit"
	CategoryMotionPlatform  Category = "motion-platform"
	CategoryConsole         Category = "console"
	CategoryVRHeadset       Category = "vr-headset"
	CategorySurface         Category = "surface"
	CategoryTypecover       Category = "typecover"
	CategorySmartwatch      Category = "smartwatch"
	CategorySoftware        Category = "software"
	CategoryDigitalSoftware Category = "digital-software" // ESD and POSA
	CategorySparePart       Category = "spare-part"
	CategoryOther           Category = "other"
)

// Categories lists every category, in the order forms should offer them.
func Categories() []Category { return append([]Category(nil), categories...) }

var categories = []Category{
	CategoryAccessory, CategoryLaptop, CategoryDesktop, CategoryMonitor, CategoryEStep,
	CategoryGamingChair, CategoryCockpit, CategoryMotionPlatform, CategoryConsole,
	CategoryVRHeadset, CategorySurface, CategoryTypecover, CategorySmartwatch,
	CategorySoftware, CategoryDigitalSoftware, CategorySparePart, CategoryOther,
}

// Route is what the reseller or consumer has to do with a claim.
type Route string

// Routes.
const (
	RouteMicromediaRMA    Route = "micromedia-rma"
	RouteBrandDirect      Route = "brand-direct"
	RouteSupportFirst     Route = "support-first"
	RouteSparePartsFirst  Route = "spare-parts-first"
	RouteOtherDistributor Route = "other-distributor"
	RouteNotReturnable    Route = "not-returnable"
	RouteUnknownBrand     Route = "unknown-brand"
	RouteNeedsInformation Route = "needs-information"
)

// Routes lists every route.
func Routes() []Route { return append([]Route(nil), routes...) }

var routes = []Route{
	RouteMicromediaRMA, RouteBrandDirect, RouteSupportFirst, RouteSparePartsFirst,
	RouteOtherDistributor, RouteNotReturnable, RouteUnknownBrand, RouteNeedsInformation,
}

// Requirement is something a claim must have for its route. Decision.Missing
// lists the unmet ones.
type Requirement string

// Requirements.
const (
	RequirePurchaseDate         Requirement = "purchase-date"
	RequireProofOfPurchase      Requirement = "proof-of-purchase"
	RequireDefectDescription    Requirement = "defect-description"
	RequireBoughtFromMicromedia Requirement = "bought-from-micromedia"
	RequireComplete             Requirement = "complete"
	RequireSerialNumber         Requirement = "serial-number"
	RequirePhoto                Requirement = "photo"
	RequireSupportApproval      Requirement = "support-approval"
	RequireModel                Requirement = "model" // the exact model, when the brand's rules differ by model
)

// Requirements lists every requirement in the order Decision.Missing uses.
func Requirements() []Requirement { return append([]Requirement(nil), requirements...) }

var requirements = []Requirement{
	RequirePurchaseDate, RequireProofOfPurchase, RequireDefectDescription,
	RequireBoughtFromMicromedia, RequireComplete, RequireSerialNumber, RequirePhoto,
	RequireSupportApproval, RequireModel,
}

// DocumentKind is a document that goes with a request.
type DocumentKind string

// Document kinds. All but DocumentRMAForm share their id with a Requirement.
const (
	DocumentRMAForm           DocumentKind = "rma-form"
	DocumentProofOfPurchase   DocumentKind = "proof-of-purchase"
	DocumentDefectDescription DocumentKind = "defect-description"
	DocumentSerialNumber      DocumentKind = "serial-number"
	DocumentPhoto             DocumentKind = "photo"
	DocumentSupportApproval   DocumentKind = "support-approval"
)

// DocumentKinds lists every document kind.
func DocumentKinds() []DocumentKind { return append([]DocumentKind(nil), documentKinds...) }

var documentKinds = []DocumentKind{
	DocumentRMAForm, DocumentProofOfPurchase, DocumentDefectDescription,
	DocumentSerialNumber, DocumentPhoto, DocumentSupportApproval,
}

// Support says how far the consumer got with the brand's support. The zero
// value means SupportNotContacted.
type Support string

// Support answers.
const (
	SupportNotContacted   Support = "not-contacted"
	SupportUnresolved     Support = "unresolved"      // support could not solve it
	SupportReturnApproved Support = "return-approved" // support approved a return
)

// SupportAnswers lists every Support value.
func SupportAnswers() []Support { return append([]Support(nil), supportAnswers...) }

var supportAnswers = []Support{SupportNotContacted, SupportUnresolved, SupportReturnApproved}

// SpareParts says whether a spare part was tried. The zero value means
// SparePartsNotRequested.
type SpareParts string

// Spare-part answers.
const (
	SparePartsNotRequested SpareParts = "not-requested"
	SparePartsNotSolved    SpareParts = "not-solved"
	SparePartsUnavailable  SpareParts = "unavailable"
)

// SparePartsAnswers lists every SpareParts value.
func SparePartsAnswers() []SpareParts { return append([]SpareParts(nil), sparePartsAnswers...) }

var sparePartsAnswers = []SpareParts{SparePartsNotRequested, SparePartsNotSolved, SparePartsUnavailable}

// ContactType is how a contact is reached.
type ContactType string

// Contact types.
const (
	ContactWebsite ContactType = "website"
	ContactEmail   ContactType = "email"
	ContactPhone   ContactType = "phone"
)

// ContactTypes lists every contact type.
func ContactTypes() []ContactType { return append([]ContactType(nil), contactTypes...) }

var contactTypes = []ContactType{ContactWebsite, ContactEmail, ContactPhone}

// ContactRole says whose contact it is and what for. Rules name roles, not
// addresses, so a contact is written once in brands.json.
type ContactRole string

// Contact roles.
const (
	RoleSupport                   ContactRole = "support"
	RoleResellerPortal            ContactRole = "reseller-portal"
	RoleOtherDistributor          ContactRole = "other-distributor"
	RoleMicromediaRMA             ContactRole = "micromedia-rma"
	RoleMicromediaESD             ContactRole = "micromedia-esd"
	RoleMicromediaInfo            ContactRole = "micromedia-info"
	RoleMicromediaSpareParts      ContactRole = "micromedia-spare-parts"
	RoleMicromediaCustomerSupport ContactRole = "micromedia-customer-support"
)

// ContactRoles lists every contact role.
func ContactRoles() []ContactRole { return append([]ContactRole(nil), contactRoles...) }

var contactRoles = []ContactRole{
	RoleSupport, RoleResellerPortal, RoleOtherDistributor, RoleMicromediaRMA,
	RoleMicromediaESD, RoleMicromediaInfo, RoleMicromediaSpareParts, RoleMicromediaCustomerSupport,
}

// Audience is who reads a decision. The zero value means AudienceReseller.
type Audience string

// Audiences.
const (
	AudienceReseller Audience = "reseller" // shop staff: the guide's procedure with the distributor
	AudienceConsumer Audience = "consumer" // the person who bought the product
)

// Audiences lists every audience.
func Audiences() []Audience { return append([]Audience(nil), audiences...) }

var audiences = []Audience{AudienceReseller, AudienceConsumer}

// Lang is a language of the human text. The zero value means LangEnglish.
type Lang string

// Languages.
const (
	LangFrench  Lang = "fr" // the guide's own language
	LangDutch   Lang = "nl"
	LangEnglish Lang = "en"
)

// Langs lists every language.
func Langs() []Lang { return append([]Lang(nil), langs...) }

var langs = []Lang{LangFrench, LangDutch, LangEnglish}

func oneOf[T ~string](v T, all []T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}

func index[T ~string](v T, all []T) int {
	for i, a := range all {
		if a == v {
			return i
		}
	}
	return -1
}
