package sdk_test

import (
	"encoding/json"
	"reflect"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

// scribble writes into everything reachable from v: strings, numbers and
// bools, pointers' targets and slice elements. It is what a careless caller
// that post-processes a decision does.
func scribble(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			scribble(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				scribble(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			scribble(v.Index(i))
		}
	case reflect.String:
		v.SetString("scribbled")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int, reflect.Int32:
		v.SetInt(v.Int() + 1000)
	}
}

type decided struct {
	claim sdk.Claim
	lang  sdk.Lang
	want  []byte // the decision as JSON, before anyone wrote into one
}

func decidedCases(t *testing.T, g *sdk.Guide) []decided {
	var out []decided
	for _, c := range loadCases(t) {
		claim, err := sdk.DecodeClaim(c.Claim, sdk.Date{})
		require.NoError(t, err)
		d, err := g.Evaluate(claim, sdk.Options{Lang: c.Lang})
		require.NoError(t, err)
		b, err := json.Marshal(d)
		require.NoError(t, err)
		out = append(out, decided{claim, c.Lang, b})
	}
	return out
}

// A decision is the caller's: writing into every part of it changes no
// later decision, Lookup or Brands.
func TestDecisionsOwnTheirMemory(t *testing.T) {
	g, err := sdk.Default()
	require.NoError(t, err)
	cases := decidedCases(t, g)
	brands, _ := json.Marshal(g.Brands())
	lookup, _ := json.Marshal(g.Lookup("hyper x"))
	for _, c := range cases {
		d, err := g.Evaluate(c.claim, sdk.Options{Lang: c.lang})
		require.NoError(t, err)
		scribble(reflect.ValueOf(&d))
		require.Equal(t, "scribbled", string(d.Route), "scribble reaches the fields")
	}
	for _, c := range cases {
		d, err := g.Evaluate(c.claim, sdk.Options{Lang: c.lang})
		require.NoError(t, err)
		got, _ := json.Marshal(d)
		assert.JSONEq(t, string(c.want), string(got))
	}
	after, _ := json.Marshal(g.Brands())
	assert.JSONEq(t, string(brands), string(after), "Brands")
	afterLookup, _ := json.Marshal(g.Lookup("hyper x"))
	assert.JSONEq(t, string(lookup), string(afterLookup), "Lookup")
	for _, b := range g.Brands() {
		scribble(reflect.ValueOf(&b))
	}
	for _, m := range g.Lookup("acer") {
		scribble(reflect.ValueOf(&m))
	}
	after, _ = json.Marshal(g.Brands())
	assert.JSONEq(t, string(brands), string(after), "Brands after writing into Brands and Lookup results")
}

// Guides that Default builds share the embedded model: what one Guide's
// lists give a caller is the caller's, and writing into it changes neither
// that Guide nor the next one.
func TestGuideListsAreTheCallers(t *testing.T) {
	g, err := sdk.Default()
	require.NoError(t, err)
	lists := func(g *sdk.Guide) []any {
		return []any{g.Changes(), g.Conditions(), g.Addresses(), g.Title(), g.Brands(), g.CategoryLabels(sdk.Options{Lang: sdk.LangFrench})}
	}
	want, err := json.Marshal(lists(g))
	require.NoError(t, err)
	for _, l := range lists(g) {
		v := reflect.New(reflect.TypeOf(l)).Elem()
		v.Set(reflect.ValueOf(l))
		scribble(v)
	}
	again, err := sdk.Default()
	require.NoError(t, err)
	// The copies are the file's lists: an empty list stays empty, not null.
	var doc struct {
		Guide struct {
			Changes []struct {
				Brands []string `json:"brands"`
			} `json:"changes"`
		} `json:"guide"`
	}
	require.NoError(t, json.Unmarshal(rmacheck.BrandsJSON(), &doc))
	for i, c := range again.Changes() {
		assert.Equal(t, doc.Guide.Changes[i].Brands == nil, c.Brands == nil, "changes[%d].brands", i)
	}
	for _, g := range []*sdk.Guide{g, again} {
		got, err := json.Marshal(lists(g))
		require.NoError(t, err)
		assert.JSONEq(t, string(want), string(got))
	}
}

// Goroutines that each write into their own decisions all get the right
// answers (run with -race).
func TestConcurrentCallersWritingIntoDecisions(t *testing.T) {
	g, err := sdk.Default()
	require.NoError(t, err)
	cases := decidedCases(t, g)
	const workers, rounds = 8, 4
	var wg sync.WaitGroup
	wrong := make([]int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for i := range cases {
					c := cases[(i+w*7)%len(cases)]
					d, err := g.Evaluate(c.claim, sdk.Options{Lang: c.lang})
					if err != nil {
						wrong[w]++
						continue
					}
					got, _ := json.Marshal(d)
					if string(got) != string(c.want) {
						wrong[w]++
					}
					scribble(reflect.ValueOf(&d))
				}
			}
		}(w)
	}
	wg.Wait()
	for w, n := range wrong {
		assert.Zero(t, n, "worker %d got %d wrong decisions of %d", w, n, rounds*len(cases))
	}
}

// skipUnderRace skips a deterministic data walk under the race detector,
// which slows it twentyfold and has no goroutines to watch there; make test
// runs every test without -race too.
func skipUnderRace(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("a single-goroutine data walk: run without -race (make test does)")
	}
}

// A fresh Guide builds each audience and language on first use: goroutines
// that start on every one at once get the answers of a Guide built before
// (run with -race).
func TestConcurrentFirstUseOfEachAudienceAndLanguage(t *testing.T) {
	built, err := sdk.Default()
	require.NoError(t, err)
	fresh, err := sdk.Default()
	require.NoError(t, err)
	claim := sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: sdk.DateOf(2026, 11, 20), ClaimDate: sdk.DateOf(2026, 12, 1)}
	var wg sync.WaitGroup
	for _, a := range sdk.Audiences() {
		for _, l := range sdk.Langs() {
			for k := 0; k < 2; k++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					o := sdk.Options{Lang: l, Audience: a}
					want, _ := built.Evaluate(claim, o)
					got, err := fresh.Evaluate(claim, o)
					assert.NoError(t, err)
					assert.Equal(t, want, got, "%s %s", a, l)
				}()
			}
		}
	}
	wg.Wait()
}

// The lookup index is built on the first Lookup: goroutines that all start
// with one get the same matches (run with -race).
func TestConcurrentFirstLookup(t *testing.T) {
	built, err := sdk.Default()
	require.NoError(t, err)
	want := built.Lookup("hyprex")
	fresh, err := sdk.Default()
	require.NoError(t, err)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.Equal(t, want, fresh.Lookup("hyprex"))
		}()
	}
	wg.Wait()
}
