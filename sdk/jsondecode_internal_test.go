package sdk

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/jsontree"
)

// decodeWithEncodingJSON is what Load did before it decoded its tree: the
// file read again by encoding/json, unknown keys refused.
func decodeWithEncodingJSON(data []byte) (brandsfile.File, error) {
	var f brandsfile.File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err := dec.Decode(&f)
	return f, err
}

// TestDecodeTreeIsEncodingJSONs: the tree decoder stores what
// encoding/json stores for the same document, and refuses what it
// refuses, naming the place.
func TestDecodeTreeIsEncodingJSONs(t *testing.T) {
	real := string(rmacheck.BrandsJSON())
	edit := func(old, new string) string {
		require.Contains(t, real, old)
		return strings.Replace(real, old, new, 1)
	}
	tests := []struct {
		name, doc string
		same      string // the document encoding/json decodes to the same model ("": doc)
		err       string // what the tree decoder says, when it refuses
	}{
		{"the guide's file", real, "", ""},
		// The schema's integers are JSON numbers: 1.0 is 1 (encoding/json
		// refuses it into an int; Load took it before, by rewriting it).
		{"a whole number written with a fraction", edit(`"format": 1`, `"format": 1.0`), real, ""},
		{"a whole number with an exponent", edit(`"format": 1`, `"format": 0.1e1`), real, ""},
		{"a fraction for a whole number", edit(`"format": 1`, `"format": 1.5`), "", "/format: the number 1.5 is not a whole number"},
		{"a string for a number", edit(`"format": 1`, `"format": "1"`), "", "/format: want number, got string"},
		{"an unknown key", edit(`"publisher": "Micromedia B.V.",`, `"publisher": "Micromedia B.V.", "x": 1,`), "", "/guide: unknown key \"x\""},
		{"a number for a date", edit(`"date": "2026-03-04"`, `"date": 20260304`), "", "/guide/date: want string, got number"},
		{"a key with a line break, quoted in the message", edit(`"countries": {`, `"countries": {"a\nb": 1,`), "", `"/labels/countries/a\nb": want object, got number`},
		{"a key in another case", edit(`"format": 1`, `"Format": 1`), "-", "/: unknown key \"Format\""}, // encoding/json would take it
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, perr := jsontree.Parse([]byte(tt.doc))
			require.Nil(t, perr)
			var got brandsfile.File
			err := jsontree.Decode(&doc, &got)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				assert.NotContains(t, err.Error(), "\n")
				if tt.same == "" {
					_, wantErr := decodeWithEncodingJSON([]byte(tt.doc))
					assert.Error(t, wantErr, "encoding/json refuses it too")
				}
				return
			}
			require.NoError(t, err)
			same := tt.doc
			if tt.same != "" {
				same = tt.same
			}
			want, err := decodeWithEncodingJSON([]byte(same))
			require.NoError(t, err)
			assert.True(t, reflect.DeepEqual(want, got), "the same model")
		})
	}
}

// TestDecodeTreeGoesOnPastAnError: a value the model cannot hold is
// skipped and named, and the rest is decoded, for the lint to check.
func TestDecodeTreeGoesOnPastAnError(t *testing.T) {
	real := string(rmacheck.BrandsJSON())
	i := strings.Index(real, `"warrantyMonths": `)
	require.Positive(t, i)
	doc, perr := jsontree.Parse([]byte(real[:i] + `"warrantyMonths": 99999999999999999999` + real[strings.IndexAny(real[i+len(`"warrantyMonths": `):], ",}\n")+i+len(`"warrantyMonths": `):]))
	require.Nil(t, perr)
	var got brandsfile.File
	err := jsontree.Decode(&doc, &got)
	require.Error(t, err)
	assert.Regexp(t, `^/brands/\d+/rules/\d+/warrantyMonths: the number 99999999999999999999 is not a whole number that fits int$`, err.Error())
	want, err := decodeWithEncodingJSON(rmacheck.BrandsJSON())
	require.NoError(t, err)
	assert.Len(t, got.Brands, len(want.Brands), "the brands after it are decoded")
	assert.Equal(t, want.Brands[len(want.Brands)-1], got.Brands[len(got.Brands)-1])
}
