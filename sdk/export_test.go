package sdk

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
