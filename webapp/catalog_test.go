package main

import (
	"regexp"
	"testing"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
)

var verbs = regexp.MustCompile(`%[a-z]`)

// TestCatalogIsComplete: every key has a text in French, Dutch and English,
// with the same format verbs in each.
func TestCatalogIsComplete(t *testing.T) {
	assert.Len(t, catalog, 3)
	for _, l := range sdk.Langs() {
		assert.Contains(t, catalog, l)
		assert.Len(t, catalog[l], int(msgCount), "no stray keys in %s", l)
	}
	for k := msg(0); k < msgCount; k++ {
		en := catalog[sdk.LangEnglish][k]
		for _, l := range sdk.Langs() {
			s, ok := catalog[l][k]
			if assert.True(t, ok, "key %d has no %s text", k, l) {
				assert.NotEmpty(t, s, "key %d is empty in %s", k, l)
				assert.Equal(t, verbs.FindAllString(en, -1), verbs.FindAllString(s, -1), "key %d: format verbs differ in %s: %q vs %q", k, l, s, en)
			}
		}
	}
	for _, l := range uiLangs {
		assert.NotEmpty(t, langNames[l])
	}
}

func TestFormatDate(t *testing.T) {
	d := sdk.DateOf(2026, 3, 4)
	tests := []struct {
		lang sdk.Lang
		want string
	}{
		{sdk.LangEnglish, "4 March 2026"},
		{sdk.LangFrench, "4 mars 2026"},
		{sdk.LangDutch, "4 maart 2026"},
		{"de", "4 March 2026"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, formatDate(tt.lang, d))
	}
	assert.Equal(t, "", formatDate(sdk.LangEnglish, sdk.Date{}))
	assert.Equal(t, "RMA request: HyperX", tr(sdk.LangEnglish, msgMailSubject, "HyperX"))
	assert.Equal(t, tr(sdk.LangEnglish, msgTitle), tr("xx", msgTitle), "unknown language falls back to English")
}

// TestFrenchColons: French puts a non-breaking space before a colon, in
// the catalog and where the widget joins a label and a value.
func TestFrenchColons(t *testing.T) {
	for k, s := range catalog[sdk.LangFrench] {
		for i, r := range []rune(s) {
			if r == ':' {
				assert.True(t, i > 0 && []rune(s)[i-1] == '\u00a0', "key %d: %q: a colon without a non-breaking space before it", k, s)
			}
		}
	}
	assert.Equal(t, "\u00a0: ", colon(sdk.LangFrench))
	assert.Equal(t, ": ", colon(sdk.LangDutch))
	assert.Equal(t, ": ", colon(sdk.LangEnglish))
}
