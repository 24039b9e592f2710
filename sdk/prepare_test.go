package sdk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

// Prepare builds ahead what Evaluate would on its first call: the decision
// after it is the same, and bad options get Evaluate's error.
func TestPrepare(t *testing.T) {
	g, err := sdk.Default()
	require.NoError(t, err)
	c := sdk.Claim{Brand: "HyperX", Category: sdk.CategoryAccessory, PurchaseDate: sdk.DateOf(2026, 3, 1), ClaimDate: sdk.DateOf(2026, 3, 10)}
	o := sdk.Options{Lang: sdk.LangDutch, Audience: sdk.AudienceConsumer}
	cold, err := sdk.Default()
	require.NoError(t, err)
	want, err := cold.Evaluate(c, o)
	require.NoError(t, err)
	require.NoError(t, g.Prepare(o))
	got, err := g.Evaluate(c, o)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.EqualError(t, g.Prepare(sdk.Options{Lang: "de"}), `claim: lang: unknown value "de" (want one of fr, nl, en)`)
	assert.EqualError(t, g.Prepare(sdk.Options{Audience: "brand"}), `claim: audience: unknown value "brand" (want one of reseller, consumer)`)
	assert.NoError(t, g.Prepare(sdk.Options{}), "the zero value: English, for shop staff")
}
