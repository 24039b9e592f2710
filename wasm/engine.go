//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/micromedia/rmacheck/internal/message"
	"github.com/micromedia/rmacheck/sdk"
)

// Size limits, checked before any parsing: a claim is a few hundred bytes and
// the guide's brands.json about 120 KB, so anything near these is a mistake
// or an attack, and must not make the module hold its size in memory.
const (
	maxClaimBytes  = 64 << 10
	maxBrandsBytes = 16 << 20
)

// claimTooLarge is the error for a claim of more than maxClaimBytes.
func claimTooLarge() error {
	return &sdk.FieldError{Reason: fmt.Sprintf("too large: more than 64 KB (%d bytes)", maxClaimBytes)}
}

// brandsTooLarge is the error for a brands.json of more than maxBrandsBytes.
func brandsTooLarge() error {
	return &loadError{problems: []sdk.Problem{{Message: fmt.Sprintf("too large: more than 16 MB (%d bytes)", maxBrandsBytes)}}}
}

// engine is the JavaScript API without JavaScript: bytes in, JSON out.
// main.go binds it to syscall/js; the tests call it directly.
type engine struct {
	guide *sdk.Guide
	buf   []byte // evaluate's output, reused: JavaScript copies it at once
}

// evaluate decides one claim given as JSON, written for opts.Audience in
// opts.Lang ("" is English for shop staff). A claim without claimDate is checked on today. The result is
// valid until the next call.
func (e *engine) evaluate(claim []byte, opts sdk.Options, today sdk.Date) ([]byte, error) {
	d, err := e.decide(claim, opts, today)
	if err != nil {
		return nil, err
	}
	out := d.AppendJSON(e.buf[:0])
	if cap(out) <= keepBytes {
		e.buf = out // reuse it; a larger one (a guide with huge texts) goes
	}
	return out, nil
}

// decide is evaluate's decision, before it is written as JSON.
func (e *engine) decide(claim []byte, opts sdk.Options, today sdk.Date) (sdk.Decision, error) {
	if len(claim) > maxClaimBytes {
		return sdk.Decision{}, claimTooLarge()
	}
	c, err := sdk.DecodeClaim(claim, today)
	if err != nil {
		return sdk.Decision{}, err
	}
	return e.guide.Evaluate(c, opts)
}

// questions says which facts a form must ask for the claim's brand and
// kind of product (sdk.Questions), as JSON; null when the guide does not
// know the brand (or a name several brands share, and the kind does not
// say which): the form asks for the brand again. For consumers, Requires
// lists only what they are asked about (not where the shop bought it).
func (e *engine) questions(claim []byte, o sdk.Options, today sdk.Date) ([]byte, error) {
	if len(claim) > maxClaimBytes {
		return nil, claimTooLarge()
	}
	c, err := sdk.DecodeClaim(claim, today)
	if err != nil {
		return nil, err
	}
	if err := checkAudience("claim: audience", o.Audience); err != nil {
		return nil, err
	}
	q, ok := e.guide.Questions(c.Brand, c.Category)
	if !ok {
		return []byte("null"), nil
	}
	if o.Audience == sdk.AudienceConsumer {
		q.Requires = slices.DeleteFunc(q.Requires, func(r sdk.Requirement) bool {
			return e.guide.RequirementLabel(r, sdk.Options{Lang: o.Lang, Audience: o.Audience}) == ""
		})
	}
	return json.Marshal(q)
}

// defaultLimit is how many matches lookup gives when the caller does not say.
const defaultLimit = 10

// lookup ranks the brands query probably means, best first, at most limit.
func (e *engine) lookup(query string, limit int) ([]byte, error) {
	if limit < 1 {
		return nil, fmt.Errorf("lookup: limit: want a whole number of 1 or more, got %d", limit)
	}
	m := e.guide.Lookup(query)
	if len(m) > limit {
		m = m[:limit]
	}
	if m == nil {
		m = []sdk.Match{}
	}
	return json.Marshal(m)
}

// brandInfo is what brands() gives for each brand.
type brandInfo struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Special bool     `json:"special"`
}

func (e *engine) brands() ([]byte, error) {
	all := e.guide.Brands()
	out := make([]brandInfo, len(all))
	for i, b := range all {
		out[i] = brandInfo{ID: b.ID, Name: b.Name, Aliases: b.Aliases, Special: b.Special}
		if out[i].Aliases == nil {
			out[i].Aliases = []string{}
		}
	}
	return json.Marshal(out)
}

func (e *engine) categories(o sdk.Options) ([]byte, error) {
	if o.Lang == "" {
		o.Lang = sdk.LangEnglish
	}
	if err := checkLang("categories: lang", o.Lang); err != nil {
		return nil, err
	}
	if err := checkAudience("categories: audience", o.Audience); err != nil {
		return nil, err
	}
	return json.Marshal(e.guide.CategoryLabels(o))
}

// checkAudience refuses an audience that is not "" (shop staff) or one of
// sdk.Audiences, in the words of the JS API's errors.
func checkAudience(name string, a sdk.Audience) error {
	if a == "" || slices.Contains(sdk.Audiences(), a) {
		return nil
	}
	return fmt.Errorf("%s: unknown value %q (want one of reseller, consumer)", name, a)
}

func checkLang(name string, lang sdk.Lang) error {
	names := make([]string, len(sdk.Langs()))
	for i, l := range sdk.Langs() {
		names[i] = string(l)
	}
	return checkValue(name, "lang", string(lang), names)
}

// checkValue reports whether value is one of want, as a *valueError.
func checkValue(name, field, value string, want []string) error {
	if slices.Contains(want, value) {
		return nil
	}
	return &valueError{field: field, name: name, value: value, want: want}
}

// valueError is an argument outside its vocabulary.
type valueError struct {
	field, name, value string
	want               []string
}

func (e *valueError) Error() string {
	return fmt.Sprintf("%s: unknown value %s (want one of %s)", e.name, message.Quote(e.value), strings.Join(e.want, ", "))
}

// load replaces the guide with brandsJSON after the SDK's schema validation
// and lint. On failure the previous guide stays in use and the error is a
// *loadError whose message starts with the JSON pointer of the first problem.
func (e *engine) load(brandsJSON []byte) error {
	if len(brandsJSON) > maxBrandsBytes {
		return brandsTooLarge()
	}
	g, err := sdk.LoadBytes(brandsJSON)
	if err != nil {
		var de *sdk.DataError
		if errors.As(err, &de) && len(de.Problems) > 0 {
			return &loadError{problems: de.Problems}
		}
		return &loadError{problems: []sdk.Problem{{Message: err.Error()}}}
	}
	e.guide = g
	return nil
}

// loadError is sdk.DataError with the message led by the first problem's
// JSON pointer (DataError's own message starts with "brands.json: ").
type loadError struct {
	problems []sdk.Problem
}

func (e *loadError) Error() string {
	msg := e.problems[0].String()
	switch n := len(e.problems) - 1; {
	case n == 1:
		msg += " (and 1 more problem)"
	case n > 1:
		msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return msg
}
