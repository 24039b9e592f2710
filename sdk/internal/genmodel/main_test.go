package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestRunWritesTheEmbeddedModel: what make generate writes is the file the
// SDK's TestEmbeddedModelIsCurrent holds to brands.json.
func TestRunWritesTheEmbeddedModel(t *testing.T) {
	out := filepath.Join(t.TempDir(), "embedded_model.go")
	require.NoError(t, run(out))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile("../../embedded_model.go")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "sdk/embedded_model.go is stale or genmodel writes another model: run make generate")
}
