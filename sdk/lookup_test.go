package sdk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLookup(t *testing.T) {
	g := guide(t)
	tests := []struct {
		query string
		first string // id of the best match
	}{
		{"HyperX", "hyperx"},
		{"hyper x", "hyperx"},
		{"HYPER-X*", "hyperx"},
		{"koch", "koch-media"},
		{"Koch Media", "koch-media"},
		{"plaion", "plaion"},
		{"playstation", "sie-hardware"},
		{"PlayStation 5", "sie-hardware"},
		{"Square Enix", "square"},
		{"take-two", "take-two"},
		{"STM", "standard-technical-merchandise"},
		{"dxracer xl", "dxracer"},
		{"Vonmählen", "vonmahlen"},
		{"von mählen", "vonmahlen"},
		{"thrustmastr", "thrustmaster"}, // one letter missing
		{"sennhiser", "sennheiser"},     // one letter missing
		{"razr", "razer"},
		{"stelseries", "steelseries"},
		{"corsiar", "corsair"}, // transposition
		{"cors", "corsair"},    // typed half
		{"nlr", "next-level-racing"},
		{"the g-lab", "the-g-lab"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			ms := g.Lookup(tt.query)
			require.NotEmpty(t, ms)
			assert.Equal(t, tt.first, ms[0].ID, "%v", ms)
			for i := 1; i < len(ms); i++ {
				assert.GreaterOrEqual(t, ms[i-1].Score, ms[i].Score, "ranked")
			}
		})
	}
	assert.Empty(t, g.Lookup(""))
	assert.Empty(t, g.Lookup(" *-* "))
	assert.Empty(t, g.Lookup("qwzzyx"))
	exact := g.Lookup("Acer")
	assert.Equal(t, 1.0, exact[0].Score)
}
