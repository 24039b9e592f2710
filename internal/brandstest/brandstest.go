// Package brandstest helps tests build brands.json variants from the
// embedded file: a broken one to check errors, an edited one to check that
// data, not code, decides.
package brandstest

import (
	"encoding/json"
	"testing"

	"github.com/micromedia/rmacheck"
)

// Edit decodes the embedded brands.json, applies change to it and returns
// the re-encoded file. It fails the test if the file does not round-trip.
func Edit(t testing.TB, change func(doc map[string]any)) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(rmacheck.BrandsJSON(), &doc); err != nil {
		t.Fatalf("embedded brands.json: %v", err)
	}
	change(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatalf("edited brands.json: %v", err)
	}
	return b
}
