package sdk_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// claimInputs are valid, invalid and odd claims, as a client might send
// them (FuzzDecodeClaim's seeds too).
var claimInputs = []string{
	`{"brand":"Acer","category":"laptop","purchaseDate":"2026-01-15","claimDate":"2026-03-10"}`,
	` { "brand" : "Acer" , "photo" : true , "complete" : false , "boughtFromMicromedia" : false } `,
	"{\n\t\"brand\": \"Hyprex\",\r\n\"proofOfPurchase\": true}",
	`{"brand":"Acer","model":"Ölé 5","serialNumber":"SN1","defectDescription":"dead","support":"return-approved","spareParts":"requested"}`,
	`{}`,
	`{"brand":"Acer"}`,
	`{"brand":""}`,
	`{"brand":"Acer","brand":"Acco"}`,              // duplicate: encoding/json lets the last win
	`{"Brand":"Acer"}`,                             // encoding/json matches keys ignoring case
	`{"brand":"Ac\u00e9r"}`,                        // escape
	`{"brand":"Acer\n"}`,                           // escaped newline
	"{\"brand\":\"Acer\x01\"}",                     // raw control character
	"{\"brand\":\"Ac\xffer\"}",                     // invalid UTF-8
	"{\"br\xffand\":\"Acer\"}",                     // invalid UTF-8 in a key
	"{\"brand\":\"Acer\xe9\"}",                     // invalid UTF-8 at the end of a value
	`{"brand":"Acer\ud800"}`,                       // lone surrogate
	`{"brand":"Acer\udc00\ud800"}`,                 // surrogates in the wrong order
	"{\"brand\":\"Acer\u202e\"}",                   // right-to-left override
	"{\"brand\":\"Acer\u200f\"}",                   // right-to-left mark
	"{\"brand\":\"Ac\u2028er\"}",                   // line separator
	"{\"brand\":\"Acer\u0085\"}",                   // next line (C1 control)
	"{\"brand\":\"Acer\x7f\"}",                     // DEL
	"\ufeff{\"brand\":\"Acer\"}",                   // byte order mark
	"{\"brand\":\"Acer\ufffd\"}",                   // replacement character
	"{\"brand\":\"Ölé €\"}",                        // plain non-ASCII
	`{"brand":null}`,                               // null
	`{"brand":"Acer","photo":null}`,                // null bool
	`{"brand":"Acer","photo":"yes"}`,               // wrong type
	`{"brand":"Acer","photo":1}`,                   // wrong type
	`{"brand":42}`,                                 // wrong type
	`{"brand":"Acer","foo":1}`,                     // unknown key
	`{"brand":"Acer","nested":{"a":1}}`,            // unknown key, object
	`{"brand":"Acer","purchaseDate":"2026-02-30"}`, // impossible day
	`{"brand":"Acer","purchaseDate":"15/01/2026"}`, // not a date
	`{"brand":"Acer","claimDate":"2026-13-01"}`,    // impossible month
	`{"brand":"Acer","purchaseDate":"2026-03-11","claimDate":"2026-03-10"}`, // after claimDate
	`{"brand":"Acer","purchaseDate":"2099-01-01"}`,                          // after today
	`{"brand":"Acer","category":"toaster"}`,                                 // unknown enum
	`{"brand":"Acer","support":"maybe"}`,                                    // unknown enum
	`{"brand":"Acer","spareParts":"some"}`,                                  // unknown enum
	`{"brand":"Acer",}`,                                                     // trailing comma
	`{"brand":"Acer"} {}`,                                                   // two values
	`{"brand":"Acer"}x`,                                                     // trailing garbage
	`{"brand" "Acer"}`,                                                      // no colon
	`{"brand":"Acer"`,                                                       // unterminated
	`{"brand":"Acer`,                                                        // unterminated string
	`{"photo":tru}`,                                                         // bad literal
	`[]`, `null`, `"claim"`, `42`, ``, ` `, `{`, `}`,
}

// TestDecodeClaimReadsAsEncodingJSON: the strict claim reader refuses
// more than encoding/json does, but what it reads, it reads as
// encoding/json does: every claim it accepts, encoding/json also decodes,
// to the same values.
func TestDecodeClaimReadsAsEncodingJSON(t *testing.T) {
	today := sdk.DateOf(2026, 3, 10)
	inputs := append([]string(nil), claimInputs...)
	for _, c := range loadCases(t) {
		compact, err := json.Marshal(c.Claim)
		require.NoError(t, err)
		indented, err := json.MarshalIndent(c.Claim, "", "  ")
		require.NoError(t, err)
		inputs = append(inputs, string(compact), string(indented))
	}
	accepted := 0
	for _, in := range inputs {
		got, err := sdk.DecodeClaim([]byte(in), today)
		if err != nil {
			var fe *sdk.FieldError
			require.ErrorAs(t, err, &fe, "%q", in)
			assert.NotContains(t, err.Error(), "\n", "%q: one line", in)
			continue
		}
		accepted++
		var want map[string]any
		require.NoError(t, json.Unmarshal([]byte(in), &want), "%q", in)
		str := func(k, v string) {
			if w, ok := want[k]; ok {
				assert.Equal(t, w, v, "%q: %s", in, k)
			}
		}
		flag := func(k string, v bool) {
			if w, ok := want[k]; ok {
				assert.Equal(t, w, v, "%q: %s", in, k)
			}
		}
		str("brand", got.Brand)
		str("category", string(got.Category))
		str("model", got.Model)
		str("purchaseDate", got.PurchaseDate.String())
		str("claimDate", got.ClaimDate.String())
		flag("boughtFromMicromedia", !got.NotFromMicromedia)
		flag("proofOfPurchase", got.ProofOfPurchase)
		str("defectDescription", got.DefectDescription)
		str("serialNumber", got.SerialNumber)
		flag("photo", got.Photo)
		flag("complete", !got.Incomplete)
		str("support", string(got.Support))
		str("spareParts", string(got.SpareParts))
	}
	assert.Greater(t, accepted, len(loadCases(t)), "the valid claims are read")
}

// TestDecodeClaimRefusesWhatEncodingJSONBends: the inputs where
// encoding/json would read something other than what was sent.
func TestDecodeClaimRefusesWhatEncodingJSONBends(t *testing.T) {
	for _, in := range []string{
		`{"brand":"Acer","brand":"Acco"}`, `{"Brand":"Acer"}`, "{\"brand\":\"Ac\xffer\"}",
		`{"brand":"Acer\ud800"}`, `{"brand":"Acer\udc00\ud800"}`, `{"brand":"Acer"} {}`, `{"brand":null}`,
		"\ufeff{\"brand\":\"Acer\"}",
	} {
		_, err := sdk.DecodeClaim([]byte(in), sdk.DateOf(2026, 3, 10))
		assert.Error(t, err, "%q", in)
	}
}
