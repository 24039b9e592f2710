package sdk

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// SchemaProblems exposes the built-in validator's verdict alone (no lint),
// so that a test can compare it with the reference JSON Schema library.
func SchemaProblems(data []byte) ([]Problem, bool) {
	doc, perr := parseDocument(data)
	if perr != nil {
		return nil, false
	}
	sch, err := brandsSchemaCheck()
	if err != nil {
		panic(err)
	}
	return validateTree(sch, &doc).problems, true
}

// CheckWithoutSchema is what a data update would run in a build without
// the JSON Schema validator: the strict reader, decoding into the Go model
// (unknown fields refused), the lint and the compiler. It returns nil when
// that path accepts data.
func CheckWithoutSchema(data []byte) error {
	if len(data) > MaxDataBytes {
		return fmt.Errorf("more than %d bytes", MaxDataBytes)
	}
	doc, inexact, perr := parse(data)
	if perr != nil {
		return fmt.Errorf("%s at byte %d", perr.msg, perr.offset)
	}
	src := data
	if inexact {
		doc.exactIntegers()
		src = doc.marshal(nil)
	}
	var f fileGuide
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return err
	}
	if ps := lint(&f); len(ps) > 0 {
		return &DataError{Problems: ps}
	}
	_, err := compile(&f)
	return err
}
