package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
)

func TestEarlyEdits(t *testing.T) {
	tests := []struct {
		name    string
		changed []earlyField
		focus   string
		want    []edit
	}{
		{name: "nothing changed", focus: "rc-brand"},
		{name: "brand being typed", changed: []earlyField{{ID: "rc-brand", Value: "Hyp"}}, focus: "rc-brand",
			want: []edit{{Field: fieldBrandText, Text: "Hyp"}}},
		{name: "brand left for the kind of product: final", changed: []earlyField{{ID: "rc-category", Value: "accessory"}, {ID: "rc-brand", Value: "Qwzzyx"}}, focus: "rc-category",
			want: []edit{{Field: fieldBrandText, Text: "Qwzzyx"}, {Field: fieldBrandCommit}, {Field: fieldCategory, Text: "accessory"}}},
		{name: "ticked and unticked", changed: []earlyField{{ID: "rc-complete", Checked: false}, {ID: "rc-proof", Checked: true}, {ID: "rc-defect", Value: "no sound"}},
			want: []edit{{Field: fieldProof, On: true}, {Field: fieldDefect, Text: "no sound"}, {Field: fieldComplete, On: false}}},
		{name: "unknown ids are ignored", changed: []earlyField{{ID: "rc-evil", Value: "x"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, earlyEdits(tt.changed, tt.focus))
		})
	}
}

// TestBeginAppliesEarlyInput: what was typed before the wasm ran is in the
// first live view, over a stored draft, and a full brand name decides.
func TestBeginAppliesEarlyInput(t *testing.T) {
	g := testGuide(t)
	st := mapStorage{"rmacheck.draft.w1": `{"brandText":"Acer","brandId":"acer","committed":true,"category":"laptop","proofOfPurchase":true}`}
	p := newCheckPage(g, testToday)
	p.begin(fakeBrowser{hash: "#id=w1&lang=fr"}, st, mapStorage{}, earlyInput{Edits: earlyEdits([]earlyField{
		{ID: "rc-brand", Value: "hyper x"}, {ID: "rc-category", Value: "accessory"}, {ID: "rc-date", Value: sdk.DateFromTime(time.Now()).AddDays(-3).String()},
	}, "rc-date")})
	assert.Equal(t, sdk.LangFrench, p.lang)
	assert.Equal(t, "hyper x", p.draft.BrandText)
	assert.Equal(t, "hyperx", p.draft.BrandID)
	assert.True(t, p.draft.ProofOfPurchase, "the stored draft's other answers stay")
	if assert.NotNil(t, p.view.Decision) {
		assert.Equal(t, sdk.RouteMicromediaRMA, p.view.Decision.Route)
	}
}

// mapStorage is a storage of JSON texts by key.
type mapStorage map[string]string

func (m mapStorage) Get(key string, v any) error {
	s, ok := m[key]
	if !ok {
		return nil
	}
	return jsonUnmarshal(s, v)
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// One claim per tab (issue 28): a tab's own draft (sessionStorage) comes
// back on its reload, whatever another tab saved since; a new tab starts
// from the last draft saved in any tab (localStorage).
func TestBeginTakesThisTabsDraft(t *testing.T) {
	g := testGuide(t)
	other := mapStorage{"rmacheck.draft.w1": `{"brandText":"Corsair","brandId":"corsair","committed":true,"orderRef":"B"}`}
	own := mapStorage{"rmacheck.draft.w1": `{"brandText":"HyperX","brandId":"hyperx","committed":true,"orderRef":"A"}`}
	for _, tt := range []struct {
		name       string
		local, tab mapStorage
		want       string
	}{
		{"this tab's reload", other, own, "A"},
		{"a new tab", other, mapStorage{}, "B"},
		{"nothing saved", mapStorage{}, mapStorage{}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newCheckPage(g, testToday)
			p.begin(fakeBrowser{hash: "#id=w1"}, tt.local, tt.tab, earlyInput{})
			assert.Equal(t, tt.want, p.draft.OrderRef)
			assert.Equal(t, tt.want != "", p.restored)
		})
	}
}
