package sdk

import "github.com/micromedia/rmacheck/internal/brandsfile"

// The file model is internal/brandsfile: brands.json as written, with
// JSON strings as Go strings. compile gives each vocabulary value its type
// here, after checking it; these are the SDK's public views of the
// file's parts that a caller reads as they are.

// Text is human text in the three languages of the guide.
type Text struct {
	FR string `json:"fr"`
	NL string `json:"nl"`
	EN string `json:"en"`
}

// In returns the text in lang (English for an unknown lang).
func (t Text) In(lang Lang) string { return brandsfile.Text(t).In(string(lang)) }

// in is t, a text of the file model, in lang.
func in(t brandsfile.Text, lang Lang) string { return t.In(string(lang)) }

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
