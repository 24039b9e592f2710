// Command genmodel writes sdk/embedded_model.go from the module's
// brands.json (make generate runs it from the module's root):
//
//	go run ./sdk/internal/genmodel [-o sdk/embedded_model.go]
//
// The file is brands.json decoded, written as Go, so that sdk.Default
// starts without decoding JSON. The brands.json is first read as
// sdk.LoadBytes reads any file: strictly, against the schema and the lint.
package main

import (
	"flag"
	"fmt"
	"os"
	"reflect"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/micromedia/rmacheck/sdk/internal/modelsrc"
)

func main() {
	out := flag.String("o", "sdk/embedded_model.go", "the file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genmodel:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	data := rmacheck.BrandsJSON()
	g, err := sdk.LoadBytes(data)
	if err != nil {
		return fmt.Errorf("brands.json: %w", err)
	}
	// The Guide keeps the model it was compiled from; reflection reads it
	// without the SDK exporting its file model for this one program.
	model := reflect.ValueOf(g).Elem().FieldByName("file")
	if model.Kind() != reflect.Pointer || model.IsNil() {
		return fmt.Errorf("sdk.Guide has no file model to write (its field file is gone)")
	}
	src, err := modelsrc.Source(model.Elem(), data)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
