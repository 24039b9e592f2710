package sdk_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/internal/brandstest"
	"github.com/micromedia/rmacheck/sdk"
)

// onlyTheSchemaRejects are the hostile files that the strict reader,
// decoding, the lint and the compiler accept, and the JSON Schema rejects:
// values the schema bounds or enumerates and the Go model holds as plain
// strings and numbers.
var onlyTheSchemaRejects = []string{
	"number out of range/warrantyMonths 0",
	"number out of range/rmaValidDays 0",
	"number out of range/format 2",
	"wrong type/special null",
	"wrong type/a brand id with spaces",
	"unknown enum value/contact type",
	"unknown enum value/contact role",
	"unknown enum value/contact country",
	"unknown enum value/category label key",
	"unknown enum value/address role",
	"unknown enum value/label key of routes",
	"unknown enum value/label key of requirements",
	"unknown enum value/label key of documents",
	"unknown enum value/label key of contactRoles",
	"unknown enum value/label key of countries",
	"pointer escaping/an unknown route key with /",
	"reference/a blank publisher",
}

// TestDataUpdatesNeedTheSchema runs every file of the hostile table through
// both paths a data update could take in the widget: LoadBytes (the strict
// reader, the schema, decoding, the lint), which it takes, and the same
// without the schema, which a build without the validator (about 7 KB
// smaller after brotli) would take. That build is only right when both paths
// reject the same files. They do not, so the validator stays in the
// widget. The test fails when the difference changes: when it is empty,
// the smaller build is worth measuring again.
func TestDataUpdatesNeedTheSchema(t *testing.T) {
	skipUnderRace(t)
	var only []string
	for _, c := range brandstest.Hostile(t, sdk.MaxDataBytes) {
		data := []byte(c.Data)
		_, full := sdk.LoadBytes(data)
		lean := sdk.CheckWithoutSchema(data)
		if len(c.Ptrs) == 0 {
			assert.NoError(t, full, c.Name)
			assert.NoError(t, lean, c.Name)
			continue
		}
		require.Error(t, full, c.Name)
		if lean == nil {
			only = append(only, c.Name)
		}
	}
	assert.Equal(t, onlyTheSchemaRejects, only, "the broken files only the schema rejects")
}
