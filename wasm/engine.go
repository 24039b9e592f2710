//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/micromedia/rmacheck/sdk"
)

// engine is the JavaScript API without JavaScript: bytes in, JSON out.
// main.go binds it to syscall/js; the tests call it directly.
type engine struct {
	guide *sdk.Guide
	buf   []byte // evaluate's output, reused: JavaScript copies it at once
}

// evaluate decides one claim given as JSON, with its text in lang ("" is
// English). A claim without claimDate is checked on today. The result is
// valid until the next call.
func (e *engine) evaluate(claim []byte, lang sdk.Lang, today sdk.Date) ([]byte, error) {
	c, err := decodeClaim(claim, today)
	if err != nil {
		return nil, err
	}
	d, err := e.guide.EvaluateIn(c, lang)
	if err != nil {
		return nil, err
	}
	e.buf = appendDecision(e.buf[:0], &d)
	return e.buf, nil
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

func (e *engine) categories(lang sdk.Lang) ([]byte, error) {
	if lang == "" {
		lang = sdk.LangEnglish
	}
	if err := checkLang("categories: lang", lang); err != nil {
		return nil, err
	}
	return json.Marshal(e.guide.Categories(lang))
}

func checkLang(field string, lang sdk.Lang) error {
	var names []string
	for _, l := range sdk.Langs() {
		if l == lang {
			return nil
		}
		names = append(names, string(l))
	}
	return fmt.Errorf("%s: unknown value %q (want one of %s)", field, lang, strings.Join(names, ", "))
}

// load replaces the guide with brandsJSON after the SDK's schema validation
// and lint. On failure the previous guide stays in use and the error is a
// *loadError whose message starts with the JSON pointer of the first problem.
func (e *engine) load(brandsJSON []byte) error {
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
