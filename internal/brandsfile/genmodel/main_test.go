package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/stretchr/testify/require"
)

// TestEmbeddedModelIsCurrent holds embedded_model.go to brands.json: what
// make generate writes is the file in the tree.
func TestEmbeddedModelIsCurrent(t *testing.T) {
	out := filepath.Join(t.TempDir(), "embedded_model.go")
	require.NoError(t, run(out))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile("../embedded_model.go")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "internal/brandsfile/embedded_model.go is stale: run make generate")
}

// TestEmbeddedIsTheDecodedFile is the printer's own check: the Go value is
// brands.json decoded, nil and empty lists told apart, without what only
// the maintenance tools read.
func TestEmbeddedIsTheDecodedFile(t *testing.T) {
	f, err := brandsfile.Read(rmacheck.BrandsJSON())
	require.NoError(t, err)
	require.NotEmpty(t, f.Corrections)
	want := *f
	want.Corrections = nil
	want.Brands = append([]brandsfile.Brand(nil), f.Brands...)
	for i := range want.Brands {
		want.Brands[i].SectionDigest = ""
	}
	require.True(t, reflect.DeepEqual(&want, brandsfile.Embedded()), "embedded_model.go differs from brands.json's model")
	require.True(t, brandsfile.IsEmbedded(rmacheck.BrandsJSON()))
	require.False(t, brandsfile.IsEmbedded(append(rmacheck.BrandsJSON(), ' ')))
}

// TestGenmodelRefusesWhatTheSDKRefuses: the model is written only from a
// file that sdk.LoadBytes accepts.
func TestGenmodelRefusesWhatTheSDKRefuses(t *testing.T) {
	_, err := embeddedSource([]byte(`{"format": 1}`))
	require.ErrorContains(t, err, "brands.json:")
}
