package sdk

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
)

// compile takes a file model that skipped the schema and the lint (the
// embedded model is one): each value it types is checked, and a bad one is
// an error at its pointer, never a panic or a value outside the SDK's
// vocabularies in a decision.
func TestCompileChecksWhatItTypes(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(f *brandsfile.File)
		pointer string
		message string
	}{
		{"a brand's contact type", func(f *brandsfile.File) { f.Brands[3].Contacts[0].Type = "fax" }, "/brands/3/contacts/0/type", `unknown value "fax"`},
		{"a brand's contact role", func(f *brandsfile.File) { f.Brands[3].Contacts[0].Role = "sales" }, "/brands/3/contacts/0/role", `unknown value "sales"`},
		{"Micromedia's contact role", func(f *brandsfile.File) { f.Contacts[1].Role = "" }, "/contacts/1/role", `unknown value ""`},
		{"a rule's route", func(f *brandsfile.File) { f.Brands[0].Rules = []brandsfile.Rule{{ID: "x", Route: "elsewhere"}} }, "/brands/0/rules/0/route", `unknown value "elsewhere"`},
		{"the guide's date", func(f *brandsfile.File) { f.Guide.Date = "2026-02-30" }, "/guide/date", "not a real day"},
		{"a change's date", func(f *brandsfile.File) { f.Guide.Changes[2].Date = "" }, "/guide/changes/2/date", "not a YYYY-MM-DD date"},
		{"the shared names' consumer headline", func(f *brandsfile.File) { f.SharedNames.Consumer.Headline = nil }, "/sharedNames/consumer/headline", "missing"},
		{"a route", func(f *brandsfile.File) { delete(f.Routes, "brand-direct") }, "/routes/brand-direct", "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := brandsfile.Read(rmacheck.BrandsJSON())
			require.NoError(t, err)
			tt.edit(f)
			var g *Guide
			require.NotPanics(t, func() { g, err = compile(f) })
			assert.Nil(t, g)
			var de *DataError
			require.True(t, errors.As(err, &de), "%v", err)
			require.Len(t, de.Problems, 1)
			assert.Equal(t, tt.pointer, de.Problems[0].Pointer)
			assert.Contains(t, de.Problems[0].Message, tt.message)
		})
	}
}
