package sdk_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/internal/brandstest"
	"github.com/micromedia/rmacheck/sdk"
)

// TestLoadRefusesWhatTheSchemaRefuses: every file of the hostile table and
// of a short mutation sweep that the JSON Schema refuses (as the reference
// library judges it), LoadBytes refuses too, and the files the table calls
// valid load. It also counts the files that only the schema refuses: those
// that a build without the validator (about 7 KB smaller after brotli)
// would let through, which is why the widget keeps it.
func TestLoadRefusesWhatTheSchemaRefuses(t *testing.T) {
	skipUnderRace(t)
	ref, err := referenceSchema()
	require.NoError(t, err)
	type file struct {
		name  string
		data  []byte
		valid bool // known valid: the hostile table says so
	}
	var files []file
	for _, c := range brandstest.Hostile(t, sdk.MaxDataBytes) {
		files = append(files, file{c.Name, []byte(c.Data), len(c.Ptrs) == 0})
	}
	for i, m := range mutatedFiles(t, 30, 3) {
		files = append(files, file{name: "mutation " + string(rune('a'+i%26)), data: m.data})
	}
	schemaRefused, onlySchema := 0, 0
	for _, f := range files {
		_, loadErr := sdk.LoadBytes(f.data)
		if f.valid {
			assert.NoError(t, loadErr, f.name)
			continue
		}
		var doc any
		dec := json.NewDecoder(bytes.NewReader(f.data))
		dec.UseNumber()
		if dec.Decode(&doc) != nil {
			continue // not JSON for the reference: the strict reader's case
		}
		if err, judged := validateWith(ref, doc); !judged || err == nil {
			continue
		}
		schemaRefused++
		assert.Error(t, loadErr, "%s: the schema refuses it, LoadBytes must too", f.name)
		if sdk.CheckWithoutSchema(f.data) == nil {
			onlySchema++
		}
	}
	require.Positive(t, schemaRefused)
	t.Logf("%d files the schema refuses, %d of them only the schema", schemaRefused, onlySchema)
}

// validateWith runs the reference on doc and returns its error; judged is
// false where it cannot read a number (it panics there).
func validateWith(ref *jsonschema.Schema, doc any) (err error, judged bool) {
	defer func() {
		if recover() != nil {
			err, judged = nil, false
		}
	}()
	return ref.Validate(doc), true
}

// referenceRefuses decodes data as the reference reads JSON and runs it.
func referenceRefuses(data string) (refuses, judged bool) {
	ref, err := referenceSchema()
	if err != nil {
		panic(err)
	}
	var doc any
	dec := json.NewDecoder(strings.NewReader(data))
	dec.UseNumber()
	if dec.Decode(&doc) != nil {
		return false, false
	}
	verdict, judged := validateWith(ref, doc)
	return verdict != nil, judged
}
