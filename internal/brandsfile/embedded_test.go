package brandsfile_test

import (
	"testing"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// IsEmbedded tells the embedded brands.json from any other file.
func TestIsEmbedded(t *testing.T) {
	data := rmacheck.BrandsJSON()
	assert.True(t, brandsfile.IsEmbedded(data))
	changed := append([]byte(nil), data...)
	changed[len(changed)/2] ^= 1
	assert.False(t, brandsfile.IsEmbedded(changed), "one bit changed")
	assert.False(t, brandsfile.IsEmbedded(append(append([]byte(nil), data...), '\n')), "a byte added")
	assert.False(t, brandsfile.IsEmbedded(nil))
}

// Read decodes the whole file, the parts only the maintenance tools use
// included, and names the place of what it refuses.
func TestRead(t *testing.T) {
	f, err := brandsfile.Read(rmacheck.BrandsJSON())
	require.NoError(t, err)
	assert.NotEmpty(t, f.Corrections)
	assert.NotEmpty(t, f.Brands[0].SectionDigest)
	for _, c := range f.Corrections {
		assert.Contains(t, brandsfile.CorrectionKinds(), c.Kind, c.ID)
	}
	tests := []struct {
		name, doc, err string
	}{
		{"a repeated key", `{"format": 1, "format": 1}`, `/format: line 1, column 15: duplicate key`},
		{"a wrong type", `{"format": "1"}`, `/format`},
		{"an unknown key", `{"formats": 1}`, `/: unknown key "formats"`},
		{"not JSON", `{`, `line 1, column 2`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := brandsfile.Read([]byte(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

// In picks the language, English for any other code.
func TestTextIn(t *testing.T) {
	x := brandsfile.Text{FR: "f", NL: "n", EN: "e"}
	for lang, want := range map[string]string{"fr": "f", "nl": "n", "en": "e", "": "e", "de": "e"} {
		assert.Equal(t, want, x.In(lang), lang)
	}
}
