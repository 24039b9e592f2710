//go:build js && wasm

package main

import (
	"encoding/json"
	"runtime/debug"
	"strings"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
)

// call invokes raw[name] from JavaScript's side and returns the JSON it
// wrote into out, or the Error it returned.
func call(t *testing.T, b *binding, name string, args ...any) (string, js.Value) {
	t.Helper()
	r := b.raw.Get(name).Invoke(args...)
	switch r.Type() {
	case js.TypeNumber:
		out := b.raw.Get("out")
		require.LessOrEqual(t, r.Int(), out.Length())
		buf := make([]byte, r.Int())
		js.CopyBytesToGo(buf, out)
		return string(buf), js.Undefined()
	case js.TypeObject:
		require.True(t, r.InstanceOf(js.Global().Get("Error")), "%s returned an object that is not an Error", name)
		return "", r
	}
	return "", js.Undefined()
}

// putIn writes data into raw.in, as rmacheck.mjs does, and returns its length.
func putIn(t *testing.T, b *binding, data []byte) int {
	t.Helper()
	b.raw.Get("reserve").Invoke(len(data))
	in := b.raw.Get("in")
	require.GreaterOrEqual(t, in.Length(), len(data))
	return js.CopyBytesToJS(in, data)
}

func TestBindEvaluateTakesBytesOrString(t *testing.T) {
	e := newEngine(t)
	b := newBinding(e, "v-test")
	cases, golden := loadFixture(t)
	for i, c := range cases {
		var lang any = js.Undefined()
		if c.Lang != "" {
			lang = string(c.Lang)
		}
		got, jsErr := call(t, b, "evaluate", putIn(t, b, c.Claim), lang, js.Undefined())
		require.True(t, jsErr.IsUndefined(), c.Name)
		assert.JSONEq(t, string(golden[i].Reseller), got, c.Name)
		if i%10 == 0 {
			got, _ = call(t, b, "evaluate", string(c.Claim), lang)
			assert.JSONEq(t, string(golden[i].Reseller), got, "%s as a string", c.Name)
		}
	}
}

func TestBindEvaluateLangAndToday(t *testing.T) {
	b := newBinding(newEngine(t), "v-test")
	claim := `{"brand":"Acer","category":"laptop","purchaseDate":"2026-03-01"}`
	tests := []struct {
		lang  any
		today any
		want  string // lang of the decision
		day   string // claimDate the decision was made on, via its warranty end
	}{
		{1, 20260310, "fr", ""},
		{2, 20260310, "nl", ""},
		{3, 20260310, "en", ""},
		{"fr", 20260310, "fr", ""},
		{js.Undefined(), 20260310, "en", ""},
		{js.Null(), 20260310, "en", ""},
		{"", 20260310, "en", ""},
	}
	for _, tt := range tests {
		got, jsErr := call(t, b, "evaluate", claim, tt.lang, tt.today)
		require.True(t, jsErr.IsUndefined(), "%v: %v", tt.lang, jsErr)
		var d struct{ Lang string }
		require.NoError(t, json.Unmarshal([]byte(got), &d))
		assert.Equal(t, tt.want, d.Lang, "%v", tt.lang)
	}
	// today is the claimDate of a claim without one.
	withDay, _ := call(t, b, "evaluate", `{"brand":"Acco","purchaseDate":"2026-03-01","claimDate":"2026-03-05"}`, 3, 20990101)
	defaulted, _ := call(t, b, "evaluate", `{"brand":"Acco","purchaseDate":"2026-03-01"}`, 3, 20260305)
	assert.JSONEq(t, withDay, defaulted)
}

func TestBindErrors(t *testing.T) {
	b := newBinding(newEngine(t), "v-test")
	today := sdk.DateOf(2026, 3, 10)
	sdkMessage := func(claim string) string {
		_, err := sdk.DecodeClaim([]byte(claim), today)
		require.Error(t, err, claim)
		return err.Error()
	}
	tests := []struct {
		name    string
		fn      string
		args    []any
		message string
		field   any // Error.field; nil when absent
	}{
		{"unknown key", "evaluate", []any{`{"brand":"Acer","colour":"red"}`, 3, 20260310}, sdkMessage(`{"brand":"Acer","colour":"red"}`), "colour"},
		{"impossible date", "evaluate", []any{`{"brand":"Acer","purchaseDate":"2026-02-30"}`, 3, 20260310},
			`claim: purchaseDate: "2026-02-30" is not a real day`, "purchaseDate"},
		{"purchase after claim", "evaluate", []any{`{"brand":"Acer","purchaseDate":"2026-03-11"}`, 3, 20260310},
			sdkMessage(`{"brand":"Acer","purchaseDate":"2026-03-11"}`), "purchaseDate"},
		{"unknown enum", "evaluate", []any{`{"brand":"Acer","support":"maybe"}`, 3, 20260310}, sdkMessage(`{"brand":"Acer","support":"maybe"}`), "support"},
		{"malformed", "evaluate", []any{`{"brand":`, 3, 20260310}, sdkMessage(`{"brand":`), ""},
		{"no claim", "evaluate", []any{js.Undefined(), 3, 20260310}, "claim: malformed JSON: empty input", ""},
		{"unknown lang", "evaluate", []any{`{"brand":"Acer"}`, "de", 20260310}, `claim: lang: unknown value "de" (want one of fr, nl, en)`, "lang"},
		{"lang number", "evaluate", []any{`{"brand":"Acer"}`, 4, 20260310}, "claim: lang: want a string, got number", "lang"},
		{"lang boolean", "evaluate", []any{`{"brand":"Acer"}`, true, 20260310}, "claim: lang: want a string, got boolean", "lang"},
		{"lang object", "evaluate", []any{`{"brand":"Acer"}`, map[string]any{}, 20260310}, "claim: lang: want a string, got object", "lang"},
		{"audience unknown", "evaluate", []any{`{"brand":"Acer"}`, 3, 20260310, "shop"},
			`claim: audience: unknown value "shop" (want one of reseller, consumer)`, "audience"},
		{"audience empty", "evaluate", []any{`{"brand":"Acer"}`, 3, 20260310, ""},
			`claim: audience: unknown value "" (want one of reseller, consumer)`, "audience"},
		{"audience number", "evaluate", []any{`{"brand":"Acer"}`, 3, 20260310, 1}, "claim: audience: want a string, got number", "audience"},
		{"claim object", "evaluate", []any{map[string]any{"brand": "Acer"}, 3, 20260310}, "claim: want a string, got object", ""},
		{"claim bytes out of range", "evaluate", []any{-1, 3, 20260310}, "claim: want a byte count within in, got -1", ""},
		{"claim bytes beyond in", "evaluate", []any{inSize + 1, 3, 20260310}, "claim: want a byte count within in, got 4097", ""},
		{"claim bytes fraction", "evaluate", []any{1.5, 3, 20260310}, "claim: want a byte count within in, got 1.5", ""},
		{"today string", "evaluate", []any{`{"brand":"Acer"}`, 3, "2026-03-10"}, "today: want a yyyymmdd number, got string", ""},
		{"today impossible", "evaluate", []any{`{"brand":"Acer"}`, 3, 20260230}, "today: want a yyyymmdd number, got 20260230", ""},
		{"no today", "evaluate", []any{`{"brand":"Acer"}`, 3}, "claim: claimDate: required", "claimDate"},
		{"limit zero", "lookup", []any{"acer", 0}, "lookup: limit: want a whole number of 1 or more, got 0", "limit"},
		{"limit fraction", "lookup", []any{"acer", 1.5}, "lookup: limit: want a whole number of 1 or more, got 1.5", "limit"},
		{"limit string", "lookup", []any{"acer", "3"}, "lookup: limit: want a whole number of 1 or more, got string", "limit"},
		{"query number", "lookup", []any{42}, "lookup: query: want a string, got number", "query"},
		{"categories lang", "categories", []any{"de"}, `categories: lang: unknown value "de" (want one of fr, nl, en)`, "lang"},
		{"categories audience", "categories", []any{"fr", "shop"}, `categories: audience: unknown value "shop" (want one of reseller, consumer)`, "audience"},
		{"categories lang, long and on two lines", "categories", []any{strings.Repeat("x", 70) + "\n"},
			`categories: lang: unknown value "` + strings.Repeat("x", 64) + `"… (want one of fr, nl, en)`, "lang"},
		{"load not a string", "load", []any{true}, "/: load: brandsJSON: want a string, got boolean", nil},
	}
	for _, tt := range tests {
		_, jsErr := call(t, b, tt.fn, tt.args...)
		require.False(t, jsErr.IsUndefined(), "%s: want an Error", tt.name)
		assert.Equal(t, tt.message, jsErr.Get("message").String(), tt.name)
		if tt.field == nil {
			assert.True(t, jsErr.Get("field").IsUndefined(), "%s: no field", tt.name)
		} else {
			assert.Equal(t, tt.field, jsErr.Get("field").String(), tt.name)
		}
		_, jsErr = call(t, b, "evaluate", `{"brand":"Acer"}`, 3, 20260310)
		assert.True(t, jsErr.IsUndefined(), "%s: the next call answers", tt.name)
	}
	for _, audience := range []any{"consumer", "reseller", js.Undefined(), js.Null()} {
		_, jsErr := call(t, b, "evaluate", `{"brand":"Acer"}`, 3, 20260310, audience)
		assert.True(t, jsErr.IsUndefined(), "audience %v: %v", audience, jsErr)
	}
}

func TestBindLookupBrandsCategories(t *testing.T) {
	e := newEngine(t)
	b := newBinding(e, "v-test")
	for _, tt := range []struct {
		fn   string
		args []any
		want func() ([]byte, error)
	}{
		{"lookup", []any{"hyprex", 2}, func() ([]byte, error) { return e.lookup("hyprex", 2) }},
		{"lookup", []any{"ac"}, func() ([]byte, error) { return e.lookup("ac", defaultLimit) }},
		{"brands", nil, e.brands},
		{"categories", []any{2}, func() ([]byte, error) { return e.categories(sdk.Options{Lang: sdk.LangDutch}) }},
		{"categories", []any{"fr"}, func() ([]byte, error) { return e.categories(sdk.Options{Lang: sdk.LangFrench}) }},
		{"categories", nil, func() ([]byte, error) { return e.categories(sdk.Options{Lang: sdk.LangEnglish}) }},
		{"categories", []any{"nl", "consumer"}, func() ([]byte, error) {
			return e.categories(sdk.Options{Lang: sdk.LangDutch, Audience: sdk.AudienceConsumer})
		}},
	} {
		want, err := tt.want()
		require.NoError(t, err)
		got, jsErr := call(t, b, tt.fn, tt.args...)
		require.True(t, jsErr.IsUndefined(), "%s %v", tt.fn, tt.args)
		assert.JSONEq(t, string(want), got, "%s %v", tt.fn, tt.args)
	}
}

// out grows when a result does not fit, and in when asked to; neither keeps
// more than keepBytes past a call.
func TestBindBuffers(t *testing.T) {
	b := newBinding(newEngine(t), "v-test")
	b.grow("out", 1)
	brands, _ := call(t, b, "brands")
	assert.Greater(t, len(brands), 1)
	assert.GreaterOrEqual(t, b.raw.Get("out").Length(), len(brands))
	assert.True(t, json.Valid([]byte(brands)))

	data := rmacheck.BrandsJSON()
	b.raw.Get("reserve").Invoke(3 * len(data)) // as rmacheck.mjs asks for 120 KB of text
	require.Greater(t, b.raw.Get("in").Length(), keepBytes, "the test needs an in larger than keepBytes")
	n := js.CopyBytesToJS(b.raw.Get("in"), data)
	_, jsErr := call(t, b, "load", n)
	assert.True(t, jsErr.IsUndefined(), "load of the embedded brands.json through in: %v", jsErr)
	assert.Equal(t, inSize, b.raw.Get("in").Length(), "in shrinks back once copied")
	assert.LessOrEqual(t, len(b.scratch), keepBytes)
	got, jsErr := call(t, b, "evaluate", putIn(t, b, []byte(`{"brand":"Acer"}`)), 3, 20260310)
	require.True(t, jsErr.IsUndefined(), "%v", jsErr)
	assert.Contains(t, got, `"acer"`)

	// A result larger than keepBytes comes back as a string; out stays.
	outBefore := b.raw.Get("out")
	big := []byte(`"` + strings.Repeat("x", keepBytes) + `"`)
	r, err := b.output(big, nil)
	require.NoError(t, err)
	assert.Equal(t, string(big), r)
	assert.True(t, outBefore.Equal(b.raw.Get("out")))
	assert.LessOrEqual(t, b.raw.Get("out").Length(), keepBytes)

	// reserve never asks for more than the largest input.
	b.raw.Get("reserve").Invoke(1e12)
	assert.Equal(t, maxBrandsBytes+1, b.raw.Get("in").Length())
}

// Inputs over the limits are rejected before anything is copied or parsed,
// whether they come as a byte count or a string, and the next call answers.
func TestBindSizeLimits(t *testing.T) {
	b := newBinding(newEngine(t), "v-test")
	ok := `{"brand":"Acer","defectDescription":"` + strings.Repeat("x", maxClaimBytes-50) + `"}`
	require.LessOrEqual(t, len(ok), maxClaimBytes)
	tooBig := `{"brand":"Acer","defectDescription":"` + strings.Repeat("é", maxClaimBytes/2) + `"}`
	require.Less(t, len([]rune(tooBig)), maxClaimBytes, "more bytes than the limit, fewer characters")
	claimErr := "claim: too large: more than 64 KB (65536 bytes)"
	brandsErr := "/: too large: more than 16 MB (16777216 bytes)"
	tests := []struct {
		name, fn string
		arg      any
		message  string
	}{
		{"claim at the limit, bytes", "evaluate", putIn(t, b, []byte(ok)), ""},
		{"claim at the limit, string", "evaluate", ok, ""},
		{"claim over, bytes", "evaluate", maxClaimBytes + 1, claimErr},
		{"claim over, string of multibyte characters", "evaluate", tooBig, claimErr},
		{"claim over, string", "evaluate", strings.Repeat(" ", 1<<20), claimErr},
		{"brands.json over, bytes", "load", maxBrandsBytes + 1, brandsErr},
	}
	for _, tt := range tests {
		_, jsErr := call(t, b, tt.fn, tt.arg, 3, 20260310)
		if tt.message == "" {
			assert.True(t, jsErr.IsUndefined(), "%s: %v", tt.name, jsErr)
		} else {
			require.False(t, jsErr.IsUndefined(), tt.name)
			assert.Equal(t, tt.message, jsErr.Get("message").String(), tt.name)
			if tt.fn == "load" {
				assert.Equal(t, "", jsErr.Get("pointer").String(), tt.name)
			} else {
				assert.Equal(t, "", jsErr.Get("field").String(), tt.name)
			}
		}
		assert.LessOrEqual(t, b.raw.Get("in").Length(), keepBytes, tt.name)
		_, jsErr = call(t, b, "evaluate", `{"brand":"Acer"}`, 3, 20260310)
		assert.True(t, jsErr.IsUndefined(), "%s: the next call answers", tt.name)
	}
}

func TestBindLoad(t *testing.T) {
	e := newEngine(t)
	b := newBinding(e, "v-test")
	assert.Equal(t, "v-test", b.raw.Get("version").String())
	assert.Equal(t, e.guide.Date().String(), b.raw.Get("guideDate").String())

	broken := editBrands(t, func(f map[string]any) {
		brandByID(f, "acer")["rules"].([]any)[0].(map[string]any)["route"] = "teleport"
	})
	_, jsErr := call(t, b, "load", string(broken))
	require.False(t, jsErr.IsUndefined())
	assert.Regexp(t, `^/brands/1/rules/0/route: `, jsErr.Get("message").String())
	assert.Equal(t, "/brands/1/rules/0/route", jsErr.Get("pointer").String())
	problems := jsErr.Get("problems")
	require.Equal(t, 1, problems.Length())
	assert.Equal(t, "/brands/1/rules/0/route", problems.Index(0).Get("pointer").String())
	assert.NotEmpty(t, problems.Index(0).Get("message").String())
	assert.Equal(t, "2026-03-04", b.raw.Get("guideDate").String(), "unchanged after a failed load")

	newer := editBrands(t, func(f map[string]any) { f["guide"].(map[string]any)["date"] = "2026-04-01" })
	got, jsErr := call(t, b, "load", putIn(t, b, newer))
	require.True(t, jsErr.IsUndefined(), "%v", jsErr)
	assert.Empty(t, got)
	assert.Equal(t, "2026-04-01", b.raw.Get("guideDate").String())
}

func TestArgReaders(t *testing.T) {
	t.Run("dayString", func(t *testing.T) {
		for n, want := range map[int]string{20260310: "2026-03-10", 10101: "0001-01-01", 99991231: "9999-12-31", 123456789: ""} {
			assert.Equal(t, want, dayString(n), n)
		}
	})
	t.Run("limit", func(t *testing.T) {
		tests := []struct {
			in   any
			want int
			ok   bool
		}{{js.Undefined(), defaultLimit, true}, {js.Null(), defaultLimit, true}, {1, 1, true}, {500, 500, true},
			{1e300, 1<<31 - 1, true}, {0, 0, false}, {-2, 0, false}, {2.5, 0, false}, {"2", 0, false}, {js.Global().Get("NaN"), 0, false}}
		for _, tt := range tests {
			got, err := limitArg(js.ValueOf(tt.in))
			assert.Equal(t, tt.ok, err == nil, "%v: %v", tt.in, err)
			assert.Equal(t, tt.want, got, "%v", tt.in)
		}
	})
	t.Run("lang", func(t *testing.T) {
		tests := []struct {
			in   any
			want sdk.Lang
			ok   bool
		}{{1, "fr", true}, {2, "nl", true}, {3, "en", true}, {"nl", "nl", true},
			{js.Undefined(), "en", true}, {js.Null(), "en", true}, {"", "en", true}, {"de", "", false},
			{0, "", false}, {1.5, "", false}, {true, "", false}}
		for _, tt := range tests {
			got, err := langArg(js.ValueOf(tt.in), "lang")
			assert.Equal(t, tt.ok, err == nil, "%v: %v", tt.in, err)
			assert.Equal(t, tt.want, got, "%v", tt.in)
		}
	})
}

func TestVersion(t *testing.T) {
	defer func(v string) { buildVersion = v }(buildVersion)
	buildVersion = ""
	want := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		want = bi.Main.Version
	}
	assert.Equal(t, want, version(), "without -X main.buildVersion")
	buildVersion = "4dc7ed5-dirty"
	assert.Equal(t, "4dc7ed5-dirty", version(), "-X main.buildVersion wins")
}

// A panic in a call must not stop the Go program (every later call would
// hang): it comes back as an Error and the next call works.
func TestBindRecoversPanics(t *testing.T) {
	e := &engine{guide: newEngine(t).guide}
	b := newBinding(e, "v-test")
	g := e.guide
	e.guide = nil
	_, jsErr := call(t, b, "evaluate", `{"brand":"Acer"}`, 3, 20260310)
	require.False(t, jsErr.IsUndefined())
	assert.Regexp(t, `^rmacheck: internal error in evaluate: `, jsErr.Get("message").String())
	assert.Equal(t, "", jsErr.Get("field").String(), "field, like every Error but load's")
	e.guide = g
	_, jsErr = call(t, b, "evaluate", `{"brand":"Acer"}`, 3, 20260310)
	assert.True(t, jsErr.IsUndefined())
}
