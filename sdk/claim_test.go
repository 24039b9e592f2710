package sdk_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

func TestDecodeClaimDefaults(t *testing.T) {
	today := sdk.DateOf(2026, 3, 20)
	c, err := sdk.DecodeClaim([]byte(`{"brand":"Acco"}`), today)
	require.NoError(t, err)
	assert.Equal(t, sdk.Claim{Brand: "Acco", ClaimDate: today}, c, "absent keys take the guide's defaults")

	c, err = sdk.DecodeClaim([]byte(`{"brand":"Acco","boughtFromMicromedia":false,"complete":false,"claimDate":"2026-01-02","category":"laptop","support":"unresolved","spareParts":"unavailable","photo":true,"serialNumber":"S1","model":"M","proofOfPurchase":true,"defectDescription":"d","purchaseDate":"2026-01-01"}`), today)
	require.NoError(t, err)
	assert.Equal(t, sdk.Claim{Brand: "Acco", NotFromMicromedia: true, Incomplete: true, ClaimDate: sdk.DateOf(2026, 1, 2),
		PurchaseDate: sdk.DateOf(2026, 1, 1), Category: sdk.CategoryLaptop, Support: sdk.SupportUnresolved,
		SpareParts: sdk.SparePartsUnavailable, Photo: true, SerialNumber: "S1", Model: "M", ProofOfPurchase: true, DefectDescription: "d"}, c)

	// The JSON form round-trips.
	b, err := json.Marshal(c)
	require.NoError(t, err)
	back, err := sdk.DecodeClaim(b, sdk.Date{})
	require.NoError(t, err)
	assert.Equal(t, c, back)

	var viaUnmarshal sdk.Claim
	require.NoError(t, json.Unmarshal(b, &viaUnmarshal))
	assert.Equal(t, c, viaUnmarshal)
}

func TestDecodeClaimErrors(t *testing.T) {
	today := sdk.DateOf(2026, 3, 20)
	tests := []struct {
		name, in, field, reason string
	}{
		{"empty input", ``, "", "malformed JSON: empty input"},
		{"truncated", `{"brand":"Acco"`, "", "malformed JSON: unexpected end of input"},
		{"syntax in a value", `{"brand":,}`, "", "malformed JSON at byte 9: unexpected ','"},
		{"syntax between members", `{"brand":"a" "model":"b"}`, "", "malformed JSON at byte 13: want ',' or '}'"},
		{"invalid UTF-8 in a value", "{\"brand\":\"Ac\xffer\"}", "brand", "invalid UTF-8"},
		{"invalid UTF-8 in a key", "{\"br\xffand\":\"Acer\"}", "", "a key at byte 4: invalid UTF-8"},
		{"a lone surrogate in a key", `{"brand":"x","k\ud800":1}`, "", "a key at byte 15: lone UTF-16 surrogate escape"},
		{"truncated inside a surrogate pair", `{"brand":"\ud83d`, "", "malformed JSON: unexpected end of input"},
		{"truncated inside the second escape", `{"brand":"\ud83d\ude`, "", "malformed JSON: unexpected end of input"},
		{"lone surrogate escape", `{"brand":"Acer\ud800"}`, "brand", "lone UTF-16 surrogate"},
		{"nested too deep", `{"model":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, "model", "nested deeper than 64 levels"},
		{"nested too deep, not an object", strings.Repeat("[", 100) + strings.Repeat("]", 100), "", "nested deeper than 64 levels"},
		{"byte order mark", "\xef\xbb\xbf{\"brand\":\"a\"}", "", "malformed JSON at byte 0"},
		{"array", `[]`, "", "malformed JSON: want an object, got array"},
		{"trailing value", `{"brand":"a"}{"brand":"b"}`, "", "more than one value"},
		{"unknown key", `{"brand":"a","Brand2":1}`, "Brand2", "unknown key"},
		{"wrong type string", `{"brand":7}`, "brand", "want a string, got number"},
		{"wrong type bool", `{"brand":"a","complete":"no"}`, "complete", "want true or false, got string"},
		{"impossible day", `{"brand":"a","purchaseDate":"2026-02-29"}`, "purchaseDate", `"2026-02-29" is not a real day`},
		{"month 13", `{"brand":"a","claimDate":"2026-13-01"}`, "claimDate", "is not a real day"},
		{"not ISO", `{"brand":"a","purchaseDate":"01/02/2026"}`, "purchaseDate", "is not a YYYY-MM-DD date"},
		{"purchase after claim", `{"brand":"a","purchaseDate":"2026-03-21"}`, "purchaseDate", "2026-03-21 is after claimDate 2026-03-20"},
		{"unknown category", `{"brand":"a","category":"Laptop"}`, "category", `unknown value "Laptop"`},
		{"unknown support", `{"brand":"a","support":"contacted"}`, "support", `unknown value "contacted"`},
		{"unknown spare parts", `{"brand":"a","spareParts":"yes"}`, "spareParts", `unknown value "yes"`},
		{"null brand", `{"brand":null}`, "brand", "want a string, got null"},
		{"missing brand", `{"model":"x"}`, "brand", "required"},
		{"keys match exactly", `{"BRAND":"acer"}`, "BRAND", "unknown key"},
		{"keys match exactly, not by case", `{"brand":"acer","PurchaseDate":"2026-01-01"}`, "PurchaseDate", "unknown key"},
		{"duplicate key", `{"brand":"acer","brand":"asus"}`, "brand", "duplicate key"},
		{"null bool", `{"brand":"a","photo":null}`, "photo", "want true or false, got null"},
		{"null enum", `{"brand":"a","category":null}`, "category", "want a string, got null"},
		{"empty enum", `{"brand":"a","support":""}`, "support", `unknown value ""`},
		{"number date", `{"brand":"a","purchaseDate":20260101}`, "purchaseDate", "want a string, got number"},
		{"object value", `{"brand":{"name":"a"}}`, "brand", "want a string, got object"},
		{"truncated after a key", `{"brand":`, "", "unexpected end of input"},
		{"string, not object", `"acer"`, "", "want an object, got string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sdk.DecodeClaim([]byte(tt.in), today)
			var fe *sdk.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Contains(t, fe.Reason, tt.reason)
		})
	}
	_, err := sdk.DecodeClaim([]byte(`{"brand":"a"}`), sdk.Date{})
	assert.EqualError(t, err, "claim: claimDate: required", "no today and no claimDate")
	c, err := sdk.DecodeClaim([]byte(`{"brand":"a","model":"\\ud800 \ud83d\ude00"}`), today)
	require.NoError(t, err, "an escaped backslash, then u; a surrogate pair")
	assert.Equal(t, `\ud800 😀`, c.Model)
}

func TestDate(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2024-02-29", 24, "2026-02-28"}, // the guide's month-end clamp
		{"2024-02-29", 48, "2028-02-29"},
		{"2025-01-31", 1, "2025-02-28"},
		{"2025-01-31", 12, "2026-01-31"},
		{"2021-08-31", 60, "2026-08-31"},
		{"2025-03-31", -1, "2025-02-28"},
		{"2025-12-15", 1, "2026-01-15"},
	}
	for _, tt := range tests {
		d, err := sdk.ParseDate(tt.from)
		require.NoError(t, err)
		assert.Equal(t, tt.want, d.AddMonths(tt.months).String(), "%s + %d months", tt.from, tt.months)
	}
	a, _ := sdk.ParseDate("2024-02-28")
	b, _ := sdk.ParseDate("2024-03-01")
	assert.Equal(t, 2, a.DaysUntil(b), "leap day counted")
	assert.Equal(t, "2024-03-01", a.AddDays(2).String())
	assert.True(t, sdk.Date{}.IsZero())
	assert.Equal(t, "", sdk.Date{}.String())
	assert.True(t, sdk.Date{}.AddMonths(3).IsZero())
	for _, s := range []string{"1900-02-29", "2023-02-29", "2026-04-31", "2026-00-10", "0000-01-01", "2026-1-01", "２０２６-01-01"} {
		_, err := sdk.ParseDate(s)
		assert.Error(t, err, s)
	}
	for _, s := range []string{"2000-02-29", "2026-12-31", "0001-01-01", "9999-12-31"} {
		d, err := sdk.ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, s, d.String(), "round trip")
	}
}
