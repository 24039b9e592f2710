//go:build js && wasm

package main

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// callDirect makes the calls rmacheck.mjs makes on the direct path; the
// addresses the exports give are those of the buffers it then uses.
func callDirect(t *testing.T, claim string, lang, today, audience int32) (string, bool) {
	at := exportedIn(int32(len(claim)))
	require.Equal(t, addressOf(direct.in), at, "rmacheck_in gives the claim buffer's address")
	copy(direct.in[:cap(direct.in)], claim)
	n := exportedEvaluate(int32(len(claim)), lang, today, audience)
	if n < 0 {
		return "", false
	}
	require.Equal(t, addressOf(direct.out), exportedOut(), "rmacheck_out gives the decision's address")
	return string(direct.out[:n]), true
}

func addressOf(b []byte) int32 { return int32(uintptr(unsafe.Pointer(unsafe.SliceData(b[:cap(b)])))) }

// TestDirectEvaluateIsTheRawOne: the direct exports give the raw API's
// decision, byte for byte, for every case, language and audience, and
// leave every error (a bad claim, an unknown language or audience number,
// an impossible day) to the raw API, which words it.
func TestDirectEvaluateIsTheRawOne(t *testing.T) {
	e := newEngine(t)
	exportEngine(e)
	t.Cleanup(func() { exportEngine(nil) })
	cases, _ := loadFixture(t)
	today := sdk.DateOf(2026, 3, 10)
	for _, c := range cases {
		for ln, lang := range append([]sdk.Lang{sdk.LangEnglish}, sdk.Langs()...) {
			for a, audience := range []sdk.Audience{"", sdk.AudienceReseller, sdk.AudienceConsumer} {
				want, err := e.evaluate(c.Claim, sdk.Options{Lang: lang, Audience: audience}, today)
				require.NoError(t, err, c.Name)
				got, ok := callDirect(t, string(c.Claim), int32(ln), 20260310, int32(a))
				require.True(t, ok, c.Name)
				assert.Equal(t, string(want), got, "%s in %s for %q", c.Name, lang, audience)
			}
		}
	}
	acer := `{"brand":"Acer","purchaseDate":"2026-01-15"}`
	refused := []struct {
		name                  string
		claim                 string
		lang, today, audience int32
	}{
		{"a bad claim", `{"brand":"Acer","foo":1}`, 1, 20260310, 0},
		{"no claim date and no today", acer, 1, 0, 0},
		{"malformed JSON", `{"brand":`, 1, 20260310, 0},
		{"language 4", acer, 4, 20260310, 0},
		{"language -1", acer, -1, 20260310, 0},
		{"audience 3", acer, 1, 20260310, 3},
		{"today not a day", acer, 1, 20260230, 0},
		{"today negative", acer, 1, -20260310, 0},
	}
	for _, tt := range refused {
		_, ok := callDirect(t, tt.claim, tt.lang, tt.today, tt.audience)
		assert.False(t, ok, tt.name)
	}
	assert.Zero(t, exportedIn(maxClaimBytes+1), "no room for a claim over the limit")
	big := `{"brand":"Acer","claimDate":"2026-03-10","defectDescription":"` + strings.Repeat("é", (maxClaimBytes-100)/2) + `"}`
	_, ok := callDirect(t, big, 3, 0, 0)
	assert.True(t, ok, "a claim near the limit")
	got, ok := callDirect(t, acer, 3, 20260310, 0)
	require.True(t, ok, "the buffers still serve after a large claim")
	assert.Contains(t, got, `"route":`)
}
