package sdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/micromedia/rmacheck"
)

// Problem is one thing wrong in brands.json.
type Problem struct {
	Pointer string `json:"pointer"` // JSON pointer of the wrong value ("" for the document)
	Message string `json:"message"`
}

func (p Problem) String() string {
	ptr := p.Pointer
	if ptr == "" {
		ptr = "/"
	}
	return ptr + ": " + p.Message
}

// DataError is an invalid brands.json: every problem found, in document
// order for the schema and then for the lint.
type DataError struct {
	Problems []Problem
}

func (e *DataError) Error() string {
	if len(e.Problems) == 0 {
		return "brands.json: invalid"
	}
	msg := "brands.json: " + e.Problems[0].String()
	if n := len(e.Problems) - 1; n == 1 {
		msg += " (and 1 more problem)"
	} else if n > 1 {
		msg += fmt.Sprintf(" (and %d more problems)", n)
	}
	return msg
}

// The compiled schema is immutable, so it is built once per process.
var brandsSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	// An absolute URL (the schema's $id): a bare name would make the compiler
	// resolve it against the working directory, which browsers do not have.
	const url = "https://rmacheck.micromedia.example/schema/brands.schema.json"
	if err := c.AddResource(url, bytes.NewReader(rmacheck.BrandsSchema())); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

func validateSchema(data []byte) error {
	sch, err := brandsSchema()
	if err != nil {
		return fmt.Errorf("brands schema: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return &DataError{Problems: []Problem{{Message: "malformed JSON: " + strings.TrimPrefix(err.Error(), "json: ")}}}
	}
	if dec.More() {
		return &DataError{Problems: []Problem{{Message: "malformed JSON: more than one value"}}}
	}
	err = sch.Validate(doc)
	var ve *jsonschema.ValidationError
	if err == nil {
		return nil
	}
	if !errors.As(err, &ve) {
		return &DataError{Problems: []Problem{{Message: err.Error()}}}
	}
	return &DataError{Problems: leafProblems(ve)}
}

// leafProblems keeps the innermost causes: they say what is wrong, where the
// outer ones only say that a $ref failed.
func leafProblems(ve *jsonschema.ValidationError) []Problem {
	var out []Problem
	seen := map[Problem]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			p := Problem{Pointer: e.InstanceLocation, Message: e.Message}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out
}
