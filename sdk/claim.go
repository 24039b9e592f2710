package sdk

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/micromedia/rmacheck/internal/jsontree"
	"github.com/micromedia/rmacheck/internal/message"
)

// Claim is one defective product to check. Its zero value is a claim about
// an item of CategoryOther, bought from Micromedia, complete, with support
// not contacted and no spare part requested; Brand and ClaimDate must be set
// before Evaluate.
//
// The JSON form uses the keys of schema/claim.schema.json. Two fields are
// stored negated so that their zero value is the guide's default:
// NotFromMicromedia is the JSON key boughtFromMicromedia (default true) and
// Incomplete is complete (default true).
type Claim struct {
	Brand             string   // name or alias, matched ignoring case, accents, *, spaces and punctuation
	Category          Category // "" means CategoryOther
	Model             string   // only some rules look at it (Ecoflow's 5-year models)
	PurchaseDate      Date     // date on the proof of purchase; zero if unknown
	ClaimDate         Date     // the day the claim is checked; required
	NotFromMicromedia bool     // the item was not bought from Micromedia
	ProofOfPurchase   bool     // a proof of purchase is available
	DefectDescription string
	SerialNumber      string
	Photo             bool // a photo of the defect is available
	Incomplete        bool // the item would not be returned with all accessories
	Support           Support
	SpareParts        SpareParts
}

// claimJSON is the wire form MarshalJSON writes, every key present.
type claimJSON struct {
	Brand                *string     `json:"brand"`
	Category             *Category   `json:"category,omitempty"`
	Model                *string     `json:"model,omitempty"`
	PurchaseDate         *string     `json:"purchaseDate,omitempty"`
	ClaimDate            *string     `json:"claimDate,omitempty"`
	BoughtFromMicromedia *bool       `json:"boughtFromMicromedia,omitempty"`
	ProofOfPurchase      *bool       `json:"proofOfPurchase,omitempty"`
	DefectDescription    *string     `json:"defectDescription,omitempty"`
	SerialNumber         *string     `json:"serialNumber,omitempty"`
	Photo                *bool       `json:"photo,omitempty"`
	Complete             *bool       `json:"complete,omitempty"`
	Support              *Support    `json:"support,omitempty"`
	SpareParts           *SpareParts `json:"spareParts,omitempty"`
}

// FieldError is an invalid claim: Field is the claim's JSON key ("" when the
// input as a whole is wrong) and Reason says why.
type FieldError struct {
	Field  string
	Reason string
}

// Error is one line. A Field that is not a key of the claim schema came from
// the input, and is quoted.
func (e *FieldError) Error() string {
	if e.Field == "" {
		return "claim: " + e.Reason
	}
	if _, known := claimKeys[e.Field]; known || e.Field == "lang" || e.Field == "audience" {
		return "claim: " + e.Field + ": " + e.Reason
	}
	return "claim: " + message.Quote(e.Field) + ": " + e.Reason
}

// claimKeys are the keys of schema/claim.schema.json, each mapped to
// itself: the reader takes its names from here, so that it reads a claim's
// keys without allocating. Never written to.
var claimKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{"brand", "category", "model", "purchaseDate", "claimDate",
		"boughtFromMicromedia", "proofOfPurchase", "defectDescription",
		"serialNumber", "photo", "complete", "support", "spareParts"} {
		m[k] = k
	}
	return m
}()

// MaxClaimBytes is the largest claim DecodeClaim reads. A real claim is a
// few hundred bytes; the limit bounds the memory a hostile one can take.
const MaxClaimBytes = 64 << 10

func fieldErr(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// MarshalJSON writes the claim with every key of the claim schema.
func (c Claim) MarshalJSON() ([]byte, error) {
	from, complete := !c.NotFromMicromedia, !c.Incomplete
	cat, sup, sp := c.Category, c.Support, c.SpareParts
	if cat == "" {
		cat = CategoryOther
	}
	if sup == "" {
		sup = SupportNotContacted
	}
	if sp == "" {
		sp = SparePartsNotRequested
	}
	pd, cd := c.PurchaseDate.String(), c.ClaimDate.String()
	w := claimJSON{
		Brand: &c.Brand, Category: &cat, Model: &c.Model,
		BoughtFromMicromedia: &from, ProofOfPurchase: &c.ProofOfPurchase,
		DefectDescription: &c.DefectDescription, SerialNumber: &c.SerialNumber,
		Photo: &c.Photo, Complete: &complete, Support: &sup, SpareParts: &sp,
	}
	if pd != "" {
		w.PurchaseDate = &pd
	}
	if cd != "" {
		w.ClaimDate = &cd
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a claim strictly: unknown keys, wrong types,
// impossible dates and unknown enum values are errors naming the key.
// A missing claimDate stays zero; see DecodeClaim for a default.
func (c *Claim) UnmarshalJSON(data []byte) error {
	v, err := decodeClaim(data, Date{})
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// DecodeClaim reads one claim from JSON. A missing claimDate becomes today
// (the caller's clock: the SDK reads none); a zero today leaves it zero, and
// Evaluate then reports it missing. The result has passed Validate.
func DecodeClaim(data []byte, today Date) (Claim, error) {
	c, err := decodeClaim(data, today)
	if err != nil {
		return Claim{}, err
	}
	if err := c.Validate(); err != nil {
		return Claim{}, err
	}
	return c, nil
}

// decodeClaim reads the claim with the strict reader that reads brands.json
// (internal/jsontree): keys match exactly (encoding/json would accept "BRAND"), a
// key comes once, invalid UTF-8 and lone surrogate escapes are errors rather
// than U+FFFD, and null or an empty enum value is an error rather than a
// silent default.
func decodeClaim(data []byte, today Date) (Claim, error) {
	if len(data) > MaxClaimBytes {
		return Claim{}, &FieldError{Reason: fmt.Sprintf("the claim has more than %d bytes (64 KB)", MaxClaimBytes)}
	}
	c := Claim{ClaimDate: today}
	var err error
	perr := jsontree.Members(data, claimKeys, func(key string, v jsontree.Node) bool {
		err = c.set(key, &v)
		return err == nil
	})
	switch {
	case err != nil:
		return Claim{}, err
	case perr == nil:
		return c, nil
	}
	var syntax *jsontree.Error
	var notObject *jsontree.NotObjectError
	switch {
	case errors.Is(perr, jsontree.ErrEmpty):
		return Claim{}, &FieldError{Reason: "malformed JSON: empty input"}
	case errors.Is(perr, jsontree.ErrTrailing):
		return Claim{}, &FieldError{Reason: "malformed JSON: more than one value"}
	case errors.As(perr, &notObject):
		return Claim{}, &FieldError{Reason: "malformed JSON: " + notObject.Error()}
	case errors.As(perr, &syntax):
		return Claim{}, claimSyntaxError(syntax, len(data))
	}
	return Claim{}, &FieldError{Reason: "malformed JSON: " + perr.Error()}
}

// claimSyntaxError words a parse error. A repeated key, or wrong text in
// a well-formed string, is the error of the key; wrong text in a key, of
// the claim, but not "malformed JSON"; anything else is the claim's as a
// whole.
func claimSyntaxError(e *jsontree.Error, size int) error {
	switch k, inKey := strings.CutPrefix(e.Pointer, "/"); {
	case e.InKey:
		return fieldErr("", "a key at byte %d: %s", e.Offset, strings.TrimSuffix(e.Msg, " in a string"))
	case e.OfMember && inKey:
		k, _, _ = strings.Cut(k, "/")
		return fieldErr(message.Cut(message.UnescapeSegment(k)), "%s", e.Msg)
	case e.Offset >= size:
		return &FieldError{Reason: "malformed JSON: unexpected end of input"}
	}
	return fieldErr("", "malformed JSON at byte %d: %s", e.Offset, e.Msg)
}

// set stores one JSON value under its claim key.
func (c *Claim) set(key string, v *jsontree.Node) error {
	str := func(dst *string) error {
		if v.Kind != jsontree.KindString {
			return fieldErr(key, "want a string, got %s", v.Kind)
		}
		*dst = v.Str
		return nil
	}
	date := func(dst *Date) error {
		var s string
		if err := str(&s); err != nil {
			return err
		}
		d, err := ParseDate(s)
		if err != nil {
			return fieldErr(key, "%v", err)
		}
		*dst = d
		return nil
	}
	boolean := func(dst *bool) error {
		if v.Kind != jsontree.KindBool {
			return fieldErr(key, "want true or false, got %s", v.Kind)
		}
		*dst = v.Bool
		return nil
	}
	enum := func(dst *string) error {
		if err := str(dst); err != nil {
			return err
		}
		if *dst == "" {
			return fieldErr(key, `unknown value "" (leave the key out for the default)`)
		}
		return nil
	}
	switch key {
	case "brand":
		return str(&c.Brand)
	case "category":
		return enum((*string)(&c.Category))
	case "model":
		return str(&c.Model)
	case "purchaseDate":
		return date(&c.PurchaseDate)
	case "claimDate":
		return date(&c.ClaimDate)
	case "boughtFromMicromedia":
		var from bool
		err := boolean(&from)
		c.NotFromMicromedia = !from
		return err
	case "proofOfPurchase":
		return boolean(&c.ProofOfPurchase)
	case "defectDescription":
		return str(&c.DefectDescription)
	case "serialNumber":
		return str(&c.SerialNumber)
	case "photo":
		return boolean(&c.Photo)
	case "complete":
		var complete bool
		err := boolean(&complete)
		c.Incomplete = !complete
		return err
	case "support":
		return enum((*string)(&c.Support))
	case "spareParts":
		return enum((*string)(&c.SpareParts))
	}
	if key == "" {
		return fieldErr("", `unknown key ""`) // Field "" would read as the whole input
	}
	return fieldErr(message.Cut(key), "unknown key")
}

// Validate checks what JSON decoding cannot: required fields, known enum
// values and date order. It returns a *FieldError naming the first problem.
func (c *Claim) Validate() error {
	if strings.TrimSpace(c.Brand) == "" {
		return fieldErr("brand", "required")
	}
	if c.Category != "" && !oneOf(c.Category, categories) {
		return fieldErr("category", "unknown value %s (want one of %s)", message.Quote(string(c.Category)), list(categories))
	}
	if c.Support != "" && !oneOf(c.Support, supportAnswers) {
		return fieldErr("support", "unknown value %s (want one of %s)", message.Quote(string(c.Support)), list(supportAnswers))
	}
	if c.SpareParts != "" && !oneOf(c.SpareParts, sparePartsAnswers) {
		return fieldErr("spareParts", "unknown value %s (want one of %s)", message.Quote(string(c.SpareParts)), list(sparePartsAnswers))
	}
	if c.ClaimDate.IsZero() {
		return fieldErr("claimDate", "required")
	}
	if !c.PurchaseDate.IsZero() && c.PurchaseDate.After(c.ClaimDate) {
		return fieldErr("purchaseDate", "%s is after claimDate %s", c.PurchaseDate, c.ClaimDate)
	}
	return nil
}

func list[T ~string](all []T) string {
	var b strings.Builder
	for i, v := range all {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(v))
	}
	return b.String()
}
