package sdk

import (
	"fmt"

	"github.com/micromedia/rmacheck/internal/message"
)

// Problem is one thing wrong in brands.json.
type Problem struct {
	Pointer string `json:"pointer"` // JSON pointer of the wrong value ("" for the document)
	Message string `json:"message"`
}

// String is the problem on one line. A pointer with a key that would not
// print as itself (a control character, a very long key) is quoted.
func (p Problem) String() string {
	return message.Place(p.Pointer) + ": " + p.Message
}

// DataError is an invalid brands.json: every problem found, schema and
// lint together, in document order.
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
