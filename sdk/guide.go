package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/micromedia/rmacheck"
)

// Guide is a loaded, validated brands.json, compiled for evaluation. A Guide
// is immutable and safe for concurrent use.
type Guide struct {
	file    *fileGuide
	brands  []*brand
	byKey   map[string]*brand  // normalised id, name and aliases
	keys    []lookupKey        // the same keys, for Lookup
	routes  []*fileRoute       // indexed like routes
	unknown [3]outcome         // per language, indexed like langs
	missing [256][]Requirement // the Missing list of each requirement bit mask, shared by decisions
}

// Default returns the Guide built from the brands.json embedded in the
// module. Each call builds a new Guide; keep the one you get.
//
// The embedded file skips the JSON Schema pass, which is three quarters of
// the load time in a browser: the same bytes pass it in the tests
// (TestEmbeddedDataPassesTheSchema) before they can ship. Decoding stays
// strict and the lint still runs.
func Default() (*Guide, error) {
	f, err := decodeAndLint(rmacheck.BrandsJSON(), nil)
	if err != nil {
		return nil, err
	}
	return compile(f), nil
}

// Load reads brands.json from r, validates it against
// schema/brands.schema.json and the semantic lint, and builds a Guide.
// Invalid data gives a *DataError listing each problem with its JSON pointer.
func Load(r io.Reader) (*Guide, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return LoadBytes(data)
}

// LoadBytes is Load for data already in memory.
func LoadBytes(data []byte) (*Guide, error) {
	f, err := check(data)
	if err != nil {
		return nil, err
	}
	return compile(f), nil
}

// Check validates brands.json (schema, then lint) without building a Guide.
// It returns nil or a *DataError.
func Check(data []byte) error {
	_, err := check(data)
	return err
}

func check(data []byte) (*fileGuide, error) {
	schemaErr := validateSchema(data)
	var de *DataError
	if schemaErr != nil && !errors.As(schemaErr, &de) {
		return nil, schemaErr
	}
	return decodeAndLint(data, de)
}

// decodeAndLint decodes brands.json strictly and lints it. de holds the
// schema's problems, if any: the lint still runs when the schema failed, so
// one run reports every problem.
func decodeAndLint(data []byte, de *DataError) (*fileGuide, error) {
	var f fileGuide
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		if de != nil {
			return nil, de // the schema has said what is wrong
		}
		return nil, &DataError{Problems: []Problem{{Message: "does not fit the Go model: " + err.Error()}}}
	}
	problems := lint(&f)
	if de != nil {
		de.Problems = append(de.Problems, problems...)
		return nil, de
	}
	if len(problems) > 0 {
		return nil, &DataError{Problems: problems}
	}
	return &f, nil
}

// Date is the date of the guide's newest change.
func (g *Guide) Date() Date { return g.file.Guide.Date }

// Title is the guide's title.
func (g *Guide) Title() Text { return g.file.Guide.Title }

// Changes is the guide's change log, newest first.
func (g *Guide) Changes() []Change { return append([]Change(nil), g.file.Guide.Changes...) }

// Conditions are chapter 1's general conditions.
func (g *Guide) Conditions() []Condition { return append([]Condition(nil), g.file.Conditions...) }

// Corrections are the slips found in the guide and how the data fixes them.
func (g *Guide) Corrections() []Correction { return append([]Correction(nil), g.file.Corrections...) }

// Addresses are Micromedia's postal and returns addresses.
func (g *Guide) Addresses() []Address { return append([]Address(nil), g.file.Addresses...) }

// Brand describes one brand of the guide.
type Brand struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Aliases  []string  `json:"aliases"`
	Special  bool      `json:"special"`           // marked * in the guide
	Related  []string  `json:"related,omitempty"` // ids of former or later names with their own heading
	Contacts []Contact `json:"contacts"`          // the brand's own contacts, labels in English
}

// Brands lists every brand in the guide's order.
func (g *Guide) Brands() []Brand {
	out := make([]Brand, len(g.brands))
	for i, b := range g.brands {
		out[i] = b.info()
	}
	return out
}

// BrandByID returns the brand with that id.
func (g *Guide) BrandByID(id string) (Brand, bool) {
	for _, b := range g.brands {
		if b.ref.ID == id {
			return b.info(), true
		}
	}
	return Brand{}, false
}

func (b *brand) info() Brand {
	cs := make([]Contact, len(b.file.Contacts))
	for i, c := range b.file.Contacts {
		cs[i] = b.guide.contact(c, LangEnglish)
	}
	return Brand{
		ID: b.ref.ID, Name: b.ref.Name, Special: b.ref.Special,
		Aliases: append([]string{}, b.file.Aliases...), Related: append([]string(nil), b.file.Related...),
		Contacts: cs,
	}
}

// Label is an id with its text in one language.
type Label struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Categories lists the categories with their labels in lang, in form order.
func (g *Guide) Categories(lang Lang) []Label {
	out := make([]Label, len(categories))
	for i, c := range categories {
		out[i] = Label{ID: string(c), Label: g.file.Labels.Categories[c].In(lang)}
	}
	return out
}

// RouteLabel is the short name of a route in lang.
func (g *Guide) RouteLabel(r Route, lang Lang) string { return g.file.Labels.Routes[r].In(lang) }

// RequirementLabel is the name of a requirement in lang.
func (g *Guide) RequirementLabel(r Requirement, lang Lang) string {
	return g.file.Labels.Requirements[r].In(lang)
}
