package sdk

import "github.com/micromedia/rmacheck/internal/jsontree"

// SchemaProblems exposes the built-in validator's verdict alone (no lint),
// so that a test can compare it with the reference JSON Schema library.
func SchemaProblems(data []byte) ([]Problem, bool) {
	doc, perr := jsontree.Parse(data)
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
	f, err := checkFile(data, false)
	if err != nil {
		return err
	}
	_, err = compile(f)
	return err
}
