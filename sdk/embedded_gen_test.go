package sdk

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk/internal/modelsrc"
	"github.com/stretchr/testify/require"
)

// TestEmbeddedModelIsCurrent holds embedded_model.go to brands.json: the
// file is what brands.json decodes to, written as Go, so that Default
// starts without decoding JSON (in a phone's browser, encoding/json's
// decode was the largest part of the start-up). make generate writes it
// (sdk/internal/genmodel) from the strictly read, validated and linted
// brands.json, as this test does.
func TestEmbeddedModelIsCurrent(t *testing.T) {
	f, err := check(rmacheck.BrandsJSON())
	require.NoError(t, err)
	src, err := modelsrc.Source(reflect.ValueOf(*f), rmacheck.BrandsJSON())
	require.NoError(t, err)
	current, err := os.ReadFile("embedded_model.go")
	require.NoError(t, err)
	if !bytes.Equal(current, src) {
		t.Fatal("sdk/embedded_model.go does not match brands.json: run make generate")
	}
	// The printer's own check: the Go value is the decoded one, nil and
	// empty lists told apart, without the section digests.
	want := *f
	want.Brands = slices.Clone(f.Brands)
	for i := range want.Brands {
		want.Brands[i].SectionDigest = ""
	}
	require.True(t, reflect.DeepEqual(&want, &embeddedModel), "embedded_model.go differs from brands.json's model")
}
