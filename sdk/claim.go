package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
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
	return "claim: " + quote(e.Field) + ": " + e.Reason
}

// claimKeys are the keys of schema/claim.schema.json.
var claimKeys = map[string]struct{}{
	"brand": {}, "category": {}, "model": {}, "purchaseDate": {}, "claimDate": {},
	"boughtFromMicromedia": {}, "proofOfPurchase": {}, "defectDescription": {},
	"serialNumber": {}, "photo": {}, "complete": {}, "support": {}, "spareParts": {},
}

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

// decodeClaim reads the claim object key by key, so that keys match exactly
// (encoding/json would accept "BRAND"), a key comes once, and null or an
// empty enum value is an error rather than a silent default.
func decodeClaim(data []byte, today Date) (Claim, error) {
	if len(data) > MaxClaimBytes {
		return Claim{}, &FieldError{Reason: fmt.Sprintf("the claim has more than %d bytes (64 KB)", MaxClaimBytes)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // a number is only ever reported, never used: keep its literal out of float64
	tok, err := dec.Token()
	if err != nil {
		return Claim{}, jsonError(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return Claim{}, &FieldError{Reason: "malformed JSON: want an object, got " + tokenKind(tok)}
	}
	// Past the opening brace, the end of the input is a truncation.
	inside := func(err error) error {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return jsonError(err)
	}
	c := Claim{ClaimDate: today}
	seen := map[string]bool{}
	for dec.More() {
		keyStart := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return Claim{}, inside(err)
		}
		key, _ := tok.(string) // object keys are always strings
		if err := checkText(data, keyStart, int(dec.InputOffset())); err != nil {
			return Claim{}, &FieldError{Field: cutRunes(key), Reason: "the key " + err.Error()}
		}
		key = cutRunes(key)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return Claim{}, inside(err)
		}
		if seen[key] {
			return Claim{}, fieldErr(key, "duplicate key")
		}
		seen[key] = true
		if err := c.set(key, raw); err != nil {
			return Claim{}, err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return Claim{}, inside(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Claim{}, &FieldError{Reason: "malformed JSON: more than one value"}
	}
	return c, nil
}

// set stores one JSON value under its claim key.
func (c *Claim) set(key string, raw json.RawMessage) error {
	str := func(dst *string) error { return decodeString(key, raw, dst) }
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
		switch string(raw) {
		case "true":
			*dst = true
		case "false":
			*dst = false
		default:
			return fieldErr(key, "want true or false, got %s", rawKind(raw))
		}
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
	return fieldErr(key, "unknown key")
}

func decodeString(key string, raw json.RawMessage, dst *string) error {
	if len(raw) == 0 || raw[0] != '"' {
		return fieldErr(key, "want a string, got %s", rawKind(raw))
	}
	if err := checkText(raw, 0, len(raw)); err != nil {
		return fieldErr(key, "%v", err)
	}
	return json.Unmarshal(raw, dst) // a well-formed string: the decoder checked it
}

// checkText rejects what encoding/json would silently replace by U+FFFD in
// the JSON string within data[from:to]: invalid UTF-8 and lone UTF-16
// surrogate escapes.
func checkText(data []byte, from, to int) error {
	s := data[from:to]
	if !utf8.Valid(s) {
		return errors.New("has invalid UTF-8")
	}
	for i := bytes.Index(s, []byte(`\u`)); i >= 0; i = bytes.Index(s, []byte(`\u`)) {
		if i > 0 && countBackslashes(s[:i])%2 == 1 { // an escaped backslash, then "u"
			s = s[i+2:]
			continue
		}
		if r, ok := hex4(s, i+2); ok && utf16.IsSurrogate(r) {
			r2, ok2 := rune(0), i+12 <= len(s) && s[i+6] == '\\' && s[i+7] == 'u'
			if ok2 {
				r2, ok2 = hex4(s, i+8)
			}
			if !ok2 || utf16.DecodeRune(r, r2) == utf8.RuneError {
				return errors.New("has a lone UTF-16 surrogate escape")
			}
			s = s[i+12:]
			continue
		}
		s = s[i+2:]
	}
	return nil
}

func countBackslashes(s []byte) int {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n
}

// rawKind names the JSON type of a value, for error messages.
func rawKind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	case '{':
		return "object"
	case '[':
		return "array"
	}
	return "number"
}

func tokenKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "array"
		}
		return string(t)
	case string:
		return "string"
	case bool:
		return "bool"
	case nil:
		return "null"
	}
	return "number"
}

// jsonError turns encoding/json's errors into FieldErrors.
func jsonError(err error) error {
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &syntaxErr):
		return fieldErr("", "malformed JSON at byte %d: %v", syntaxErr.Offset, syntaxErr)
	case errors.Is(err, io.EOF):
		return &FieldError{Reason: "malformed JSON: empty input"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &FieldError{Reason: "malformed JSON: unexpected end of input"}
	}
	return &FieldError{Reason: "malformed JSON: " + cutRunes(strings.TrimPrefix(err.Error(), "json: "))}
}

// Validate checks what JSON decoding cannot: required fields, known enum
// values and date order. It returns a *FieldError naming the first problem.
func (c *Claim) Validate() error {
	if strings.TrimSpace(c.Brand) == "" {
		return fieldErr("brand", "required")
	}
	if c.Category != "" && !oneOf(c.Category, categories) {
		return fieldErr("category", "unknown value %s (want one of %s)", quote(string(c.Category)), list(categories))
	}
	if c.Support != "" && !oneOf(c.Support, supportAnswers) {
		return fieldErr("support", "unknown value %s (want one of %s)", quote(string(c.Support)), list(supportAnswers))
	}
	if c.SpareParts != "" && !oneOf(c.SpareParts, sparePartsAnswers) {
		return fieldErr("spareParts", "unknown value %s (want one of %s)", quote(string(c.SpareParts)), list(sparePartsAnswers))
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
