// Command genmodel writes internal/brandsfile/embedded_model.go from the
// module's brands.json (make generate runs it from the module's root):
//
//	go run ./internal/brandsfile/genmodel [-o internal/brandsfile/embedded_model.go]
//
// The file is brands.json decoded, written as Go, so that sdk.Default
// starts without decoding JSON. The brands.json is first read as
// sdk.LoadBytes reads any file: strictly, against the schema and the lint.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/sdk"
)

func main() {
	out := flag.String("o", "internal/brandsfile/embedded_model.go", "the file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genmodel:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	src, err := embeddedSource(rmacheck.BrandsJSON())
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}

// embeddedSource is the Go file for data, a brands.json the SDK accepts.
func embeddedSource(data []byte) ([]byte, error) {
	if _, err := sdk.LoadBytes(data); err != nil {
		return nil, fmt.Errorf("brands.json: %w", err)
	}
	f, err := brandsfile.Read(data)
	if err != nil {
		return nil, fmt.Errorf("brands.json: %w", err)
	}
	return source(f, data)
}
