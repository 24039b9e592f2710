package main

import (
	"testing"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandstest"
	"github.com/stretchr/testify/assert"
)

// editedBrands is the embedded brands.json changed by f.
var editedBrands = brandstest.Edit

func TestNewerGuide(t *testing.T) {
	g := testGuide(t)
	setDate := func(d string) func(map[string]any) {
		return func(m map[string]any) { m["guide"].(map[string]any)["date"] = d }
	}
	tests := []struct {
		name   string
		data   []byte
		use    bool
		reason string // start of the console warning, "" for none
	}{
		{"same bytes: nothing to do", rmacheck.BrandsJSON(), false, ""},
		{"nothing fetched", nil, false, ""},
		{"newer and valid", editedBrands(t, setDate("2026-04-01")), true, ""},
		{"same date, other bytes", editedBrands(t, setDate("2026-03-04")), true, ""},
		{"older", editedBrands(t, func(m map[string]any) {
			gi := m["guide"].(map[string]any)
			gi["date"] = "2026-02-12"
			gi["changes"] = gi["changes"].([]any)[1:] // drop the change of 2026-03-04
		}), false, "rmacheck: /brands.json ignored, keeping the embedded guide: /guide/date: 2026-02-12 is older than 2026-03-04"},
		{"date before its own change log fails the lint", editedBrands(t, setDate("2025-01-01")), false,
			"rmacheck: /brands.json ignored, keeping the embedded guide: /guide/date: "},
		{"schema error names the pointer", editedBrands(t, func(m map[string]any) {
			setDate("2026-04-01")(m)
			m["brands"].([]any)[0].(map[string]any)["rules"] = "nope"
		}), false, "rmacheck: /brands.json ignored, keeping the embedded guide: /brands/0/rules"},
		{"not JSON", []byte("<html>offline</html>"), false, "rmacheck: /brands.json ignored, keeping the embedded guide: /"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reason := newerGuide(tt.data, g)
			assert.Equal(t, tt.use, got != nil)
			if tt.reason == "" {
				assert.Empty(t, reason)
			} else {
				assert.Contains(t, reason, tt.reason)
			}
		})
	}
}
