package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
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

// claimJSON is the wire form: pointers tell "absent" from false, so that
// absent keys take the guide's defaults.
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

func (e *FieldError) Error() string {
	if e.Field == "" {
		return "claim: " + e.Reason
	}
	return "claim: " + e.Field + ": " + e.Reason
}

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

func decodeClaim(data []byte, today Date) (Claim, error) {
	var w claimJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Claim{}, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Claim{}, &FieldError{Reason: "malformed JSON: more than one value"}
	}
	c := Claim{ClaimDate: today}
	if w.Brand != nil {
		c.Brand = *w.Brand
	}
	if w.Category != nil {
		c.Category = *w.Category
	}
	if w.Model != nil {
		c.Model = *w.Model
	}
	if w.PurchaseDate != nil {
		d, err := ParseDate(*w.PurchaseDate)
		if err != nil {
			return Claim{}, fieldErr("purchaseDate", "%v", err)
		}
		c.PurchaseDate = d
	}
	if w.ClaimDate != nil {
		d, err := ParseDate(*w.ClaimDate)
		if err != nil {
			return Claim{}, fieldErr("claimDate", "%v", err)
		}
		c.ClaimDate = d
	}
	if w.BoughtFromMicromedia != nil {
		c.NotFromMicromedia = !*w.BoughtFromMicromedia
	}
	if w.ProofOfPurchase != nil {
		c.ProofOfPurchase = *w.ProofOfPurchase
	}
	if w.DefectDescription != nil {
		c.DefectDescription = *w.DefectDescription
	}
	if w.SerialNumber != nil {
		c.SerialNumber = *w.SerialNumber
	}
	if w.Photo != nil {
		c.Photo = *w.Photo
	}
	if w.Complete != nil {
		c.Incomplete = !*w.Complete
	}
	if w.Support != nil {
		c.Support = *w.Support
	}
	if w.SpareParts != nil {
		c.SpareParts = *w.SpareParts
	}
	return c, nil
}

// jsonError turns encoding/json's errors into FieldErrors naming the key.
func jsonError(err error) error {
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &typeErr):
		if typeErr.Field == "" {
			return &FieldError{Reason: "malformed JSON: want an object, got " + typeErr.Value}
		}
		return fieldErr(typeErr.Field, "want %s, got %s", jsonKind(typeErr.Type.Kind().String()), typeErr.Value)
	case errors.As(err, &syntaxErr):
		return fieldErr("", "malformed JSON at byte %d: %v", syntaxErr.Offset, syntaxErr)
	case errors.Is(err, io.EOF):
		return &FieldError{Reason: "malformed JSON: empty input"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FieldError{Reason: "malformed JSON: unexpected end of input"}
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		key := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return fieldErr(key, "unknown key")
	}
	return &FieldError{Reason: "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

func jsonKind(k string) string {
	switch k {
	case "ptr", "string":
		return "a string"
	case "bool":
		return "true or false"
	}
	return k
}

// Validate checks what JSON decoding cannot: required fields, known enum
// values and date order. It returns a *FieldError naming the first problem.
func (c *Claim) Validate() error {
	if strings.TrimSpace(c.Brand) == "" {
		return fieldErr("brand", "required")
	}
	if c.Category != "" && !oneOf(c.Category, categories) {
		return fieldErr("category", "unknown value %q (want one of %s)", c.Category, list(categories))
	}
	if c.Support != "" && !oneOf(c.Support, supportAnswers) {
		return fieldErr("support", "unknown value %q (want one of %s)", c.Support, list(supportAnswers))
	}
	if c.SpareParts != "" && !oneOf(c.SpareParts, sparePartsAnswers) {
		return fieldErr("spareParts", "unknown value %q (want one of %s)", c.SpareParts, list(sparePartsAnswers))
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
