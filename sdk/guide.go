package sdk

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/jsontree"
)

// Guide is a loaded, validated brands.json, compiled for evaluation. A Guide
// is immutable and safe for concurrent use.
type Guide struct {
	file        *brandsfile.File
	date        Date   // the guide's, parsed
	changeDates []Date // the change log's, parsed
	brands      []*brand
	byKey       map[string]*brand      // normalised id, name and aliases
	byID        map[string]*brand      // the ids as written
	keys        []lookupKey            // the same keys, for Lookup
	routes      []*brandsfile.Route    // indexed like routes
	unknown     [nSlots]outcome        // per audience and language
	shared      map[string]*sharedName // normalised shared names ("sony")
	which       [nSlots]outcome        // a shared name the kind of product does not settle, per slot
	slots       [nSlots]sync.Once      // per audience and language: its outcomes are built (slotReady)
	lookup      sync.Once              // lookupIx is built (index)
	lookupIx    *lookupIndex
	missing     [512][]Requirement // the Missing list of each requirement bit mask
}

// maxProblems bounds a report: past it, a file is not a guide with slips.
const maxProblems = 1000

// MaxDataBytes is the largest brands.json Load accepts: the guide's file is
// about 200 KB, so anything near this size is not a guide.
const MaxDataBytes = 16 << 20

// Default returns the Guide built from the brands.json embedded in the
// module. Each call builds a new Guide; keep the one you get.
//
// The embedded file is already decoded, as Go (a generated model that a
// test holds to brands.json after the strict reader, the schema and the
// lint): decoding JSON was most of the start-up a phone waits for. The
// Guides share that model and never write into it. Building still checks
// every value it types, so Default returns an error, never panics.
func Default() (*Guide, error) { return compile(brandsfile.Embedded()) }

// Load reads brands.json from r, validates it against
// schema/brands.schema.json and the semantic lint, and builds a Guide.
// Invalid data gives a *DataError listing each problem with its JSON pointer.
func Load(r io.Reader) (*Guide, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDataBytes+1))
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
	return compile(f)
}

// check reads brands.json as strictly as a claim (one JSON value, unique
// keys, valid UTF-8), validates it against the schema, decodes it into the
// file model and lints it. Every problem comes out in one run: values the
// Go model cannot hold are dropped before decoding, so that the lint still
// sees the rest, and problems are reported in document order.
func check(data []byte) (*brandsfile.File, error) { return checkFile(data, true) }

// checkFile is check, with or without the schema: without it is the path a
// build without the validator would take, which TestLoadRefusesWhatTheSchemaRefuses
// counts the files of.
func checkFile(data []byte, withSchema bool) (*brandsfile.File, error) {
	if len(data) > MaxDataBytes {
		return nil, &DataError{Problems: []Problem{{Message: fmt.Sprintf("the file has more than %d bytes (16 MB): it cannot be a guide", MaxDataBytes)}}}
	}
	doc, perr := jsontree.Parse(data)
	if perr != nil {
		line, col := jsontree.LineCol(data, perr.Offset)
		return nil, &DataError{Problems: []Problem{{Pointer: perr.Pointer, Message: fmt.Sprintf("malformed JSON at line %d, column %d: %s", line, col, perr.Msg)}}}
	}
	res := &schemaResult{}
	if withSchema {
		sch, err := brandsSchemaCheck()
		if err != nil {
			return nil, err
		}
		res = validateTree(sch, &doc)
	}
	prune(&doc, res.unusable)
	var f brandsfile.File
	if err := jsontree.Decode(&doc, &f); err != nil && len(res.problems) == 0 {
		return nil, &DataError{Problems: []Problem{{Message: "does not fit the Go model: " + err.Error()}}}
	}
	problems := append(res.problems, res.modelProblems...)
	for _, p := range lint(&f) {
		if !res.covers(p.Pointer) {
			problems = append(problems, p)
		}
	}
	if len(problems) == 0 {
		return &f, nil
	}
	sortProblems(&doc, problems)
	if n := len(problems) - maxProblems; n > 0 {
		problems = append(problems[:maxProblems:maxProblems], Problem{Message: fmt.Sprintf("%d more problems not listed", n)})
	}
	return nil, &DataError{Problems: problems}
}

// covers reports whether a lint problem at ptr is about a value the schema
// already rejected or found missing: it would say the same thing twice.
func (r *schemaResult) covers(ptr string) bool {
	for _, list := range [][]string{r.unusable, r.absent} {
		for _, p := range list {
			if ptr == p || strings.HasPrefix(ptr, p+"/") {
				return true
			}
		}
	}
	return false
}

// Date is the date of the guide's newest change.
func (g *Guide) Date() Date { return g.date }

// Title is the guide's title.
func (g *Guide) Title() Text { return Text(g.file.Guide.Title) }

// Changes is the guide's change log, newest first. Like every list a Guide
// returns, it is the caller's.
func (g *Guide) Changes() []Change {
	out := make([]Change, len(g.file.Guide.Changes))
	for i, c := range g.file.Guide.Changes {
		out[i] = Change{Date: g.changeDates[i], Text: Text(c.Text), Brands: clone(c.Brands)}
	}
	return out
}

// Conditions are chapter 1's general conditions.
func (g *Guide) Conditions() []Condition {
	out := make([]Condition, len(g.file.Conditions))
	for i, c := range g.file.Conditions {
		out[i] = Condition{ID: c.ID, Source: c.Source, Text: Text(c.Text)}
	}
	return out
}

// Addresses are Micromedia's postal and returns addresses.
func (g *Guide) Addresses() []Address {
	out := make([]Address, len(g.file.Addresses))
	for i, a := range g.file.Addresses {
		out[i] = Address(a)
		out[i].Lines = clone(a.Lines)
	}
	return out
}

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

// BrandByID returns the brand with that id, exactly as brands.json writes
// it (Lookup finds a brand by what a person types).
func (g *Guide) BrandByID(id string) (Brand, bool) {
	if b := g.byID[id]; b != nil {
		return b.info(), true
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

// CategoryLabels lists the categories with their labels for o.Audience in
// o.Lang, in form order (Categories lists the ids alone). Shop staff read
// the guide's words; consumers read their own where the guide's are the
// shop's ("A download or an activation code" for "Digital software
// (ESD/POSA)"). An unknown audience or language reads as the default.
func (g *Guide) CategoryLabels(o Options) []Label {
	out := make([]Label, len(categories))
	for i, c := range categories {
		t := g.file.Labels.Categories[string(c)]
		if ct, ok := g.file.Audiences.Consumer.Categories[string(c)]; ok && o.Audience == AudienceConsumer {
			t = ct
		}
		out[i] = Label{ID: string(c), Label: in(t, o.Lang)}
	}
	return out
}

// RouteLabel is the short name of a route in o.Lang (the same for every
// audience).
func (g *Guide) RouteLabel(r Route, o Options) string {
	return in(g.file.Labels.Routes[string(r)], o.Lang)
}

// RequirementLabel is the name of a requirement for o.Audience in o.Lang;
// "" for a requirement consumers are not told about.
func (g *Guide) RequirementLabel(r Requirement, o Options) string {
	if o.Audience == AudienceConsumer {
		return in(g.file.Audiences.Consumer.Requirements[string(r)], o.Lang)
	}
	return in(g.file.Labels.Requirements[string(r)], o.Lang)
}
