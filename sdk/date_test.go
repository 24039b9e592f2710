package sdk_test

import (
	"encoding"
	"encoding/json"
	"testing"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	_ encoding.TextMarshaler   = sdk.Date{}
	_ encoding.TextUnmarshaler = (*sdk.Date)(nil)
)

func TestDateFormat(t *testing.T) {
	tests := []struct {
		date sdk.Date
		lang sdk.Lang
		want string
	}{
		{sdk.DateOf(2026, 12, 21), sdk.LangEnglish, "21 December 2026"},
		{sdk.DateOf(2026, 12, 21), sdk.LangFrench, "21 décembre 2026"},
		{sdk.DateOf(2026, 12, 1), sdk.LangFrench, "1er décembre 2026"},
		{sdk.DateOf(2026, 12, 21), sdk.LangDutch, "21 december 2026"},
		{sdk.DateOf(2026, 3, 4), "de", "4 March 2026"},
		{sdk.Date{}, sdk.LangEnglish, ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.date.Format(tt.lang), "%s in %s", tt.date, tt.lang)
	}
}

func TestDateText(t *testing.T) {
	tests := []struct {
		text    string
		want    sdk.Date
		wantErr string
	}{
		{"2026-02-28", sdk.DateOf(2026, 2, 28), ""},
		{"", sdk.Date{}, ""},
		{"2026-02-30", sdk.Date{}, "2026-02-30"},
		{"26-2-28", sdk.Date{}, "YYYY-MM-DD"},
	}
	for _, tt := range tests {
		var d sdk.Date
		err := d.UnmarshalText([]byte(tt.text))
		if tt.wantErr != "" {
			require.Error(t, err, tt.text)
			assert.Contains(t, err.Error(), tt.wantErr)
			continue
		}
		require.NoError(t, err, tt.text)
		assert.Equal(t, tt.want, d)
		out, err := d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tt.text, string(out), "round trip")
	}
	// A Date is a map key in JSON through the text methods.
	out, err := json.Marshal(map[sdk.Date]int{sdk.DateOf(2026, 1, 2): 1})
	require.NoError(t, err)
	assert.JSONEq(t, `{"2026-01-02":1}`, string(out))
	var back map[sdk.Date]int
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, 1, back[sdk.DateOf(2026, 1, 2)])
}

func TestDateCompare(t *testing.T) {
	a, b := sdk.DateOf(2026, 1, 31), sdk.DateOf(2026, 2, 1)
	tests := []struct {
		d, e sdk.Date
		want int
	}{
		{a, b, -1},
		{b, a, 1},
		{a, a, 0},
		{sdk.Date{}, a, -1},
		{sdk.Date{}, sdk.Date{}, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.d.Compare(tt.e), "%s vs %s", tt.d, tt.e)
		assert.Equal(t, tt.want < 0, tt.d.Before(tt.e))
		assert.Equal(t, tt.want > 0, tt.d.After(tt.e))
	}
}
