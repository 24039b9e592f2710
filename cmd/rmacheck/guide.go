package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/guide"
	"github.com/micromedia/rmacheck/sdk"
)

// guide runs the commands that keep brands.json in step with the guide's
// text export. Their exit status: 0 in step (or nothing left to do), 1 with
// differences (or to-dos, or a failed write), 2 on unreadable input.
func (c *cli) guide(args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(c.stderr, "rmacheck guide: want check, diff or update\n%s", usage)
		return exitInput
	}
	switch args[0] {
	case "check":
		return c.guideCheck(args[1:])
	case "diff":
		return c.guideDiff(args[1:])
	case "update":
		return c.guideUpdate(args[1:])
	}
	fmt.Fprintf(c.stderr, "rmacheck guide: unknown command %q (want check, diff or update)\n", args[0])
	return exitInput
}

// readGuide reads and parses a guide text export; the error names the file
// and the line.
func readGuide(path string) (*guide.Guide, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := guide.ReadFile(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

// readBrands reads --brands FILE (or the embedded brands.json) and checks
// that the SDK loads it: the guide is only compared with valid data.
func readBrands(path string) ([]byte, error) {
	name, data := "embedded brands.json", rmacheck.BrandsJSON()
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, err
		}
		name = path
	}
	if _, err := sdk.LoadBytes(data); err != nil {
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "brands.json: "))
	}
	return data, nil
}

func (c *cli) guideCheck(args []string) int {
	fs := c.flags("guide check")
	brands := fs.String("brands", "", "brands.json to compare instead of the embedded one")
	asJSON := fs.Bool("json", false, "print the differences as JSON")
	rest, err := c.parse(fs, args)
	if err != nil {
		return exitInput
	}
	if len(rest) != 1 {
		fmt.Fprintf(c.stderr, "rmacheck guide check: want one GUIDE.txt, got %d arguments\n", len(rest))
		return exitInput
	}
	g, err := readGuide(rest[0])
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck guide check:", err)
		return exitInput
	}
	data, err := readBrands(*brands)
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck guide check:", err)
		return exitInput
	}
	diffs, err := guide.Check(g, data)
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck guide check:", err)
		return exitInput
	}
	if *asJSON {
		if diffs == nil {
			diffs = []guide.Difference{}
		}
		if code := c.printJSON(diffs); code != exitOK {
			return code
		}
	} else {
		for _, d := range diffs {
			fmt.Fprintln(c.stdout, differenceLine(rest[0], d))
		}
		if len(diffs) == 0 {
			fmt.Fprintf(c.stdout, "%s: in step with brands.json (%d headings, guide of %s)\n", rest[0], len(g.Brands), g.Date)
		} else {
			fmt.Fprintf(c.stdout, "%s: %d difference(s)\n", rest[0], len(diffs))
		}
	}
	if len(diffs) > 0 {
		return exitFailure
	}
	return exitOK
}

// differenceLine is one difference: where, what, and both sides.
func differenceLine(file string, d guide.Difference) string {
	brand := d.Brand
	if brand == "" {
		brand = "-"
	}
	return fmt.Sprintf("%s:%d: %s: %s: %s: guide %s, data %s", file, d.Line, d.Kind, brand, d.Pointer, value(d.Guide, 160), value(d.Data, 160))
}

// value shows one side of a difference, long texts cut to max runes.
func value(v any, max int) string {
	switch v := v.(type) {
	case nil:
		return "none"
	case bool:
		if v {
			return "*"
		}
		return "no *"
	case string:
		if r := []rune(v); max > 0 && len(r) > max {
			v = string(r[:max]) + "…"
		}
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprint(v)
}

func (c *cli) guideDiff(args []string) int {
	fs := c.flags("guide diff")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	rest, err := c.parse(fs, args)
	if err != nil {
		return exitInput
	}
	if len(rest) != 2 {
		fmt.Fprintf(c.stderr, "rmacheck guide diff: want OLD.txt and NEW.txt, got %d arguments\n", len(rest))
		return exitInput
	}
	var gs [2]*guide.Guide
	for i, p := range rest {
		if gs[i], err = readGuide(p); err != nil {
			fmt.Fprintln(c.stderr, "rmacheck guide diff:", err)
			return exitInput
		}
	}
	r := guide.Diff(gs[0], gs[1])
	if *asJSON {
		if code := c.printJSON(r); code != exitOK {
			return code
		}
	} else {
		fmt.Fprint(c.stdout, r)
		if r.Empty() {
			fmt.Fprintf(c.stdout, "%s and %s say the same\n", rest[0], rest[1])
		}
	}
	if r.Empty() {
		return exitOK
	}
	return exitFailure
}

func (c *cli) guideUpdate(args []string) int {
	fs := c.flags("guide update")
	brands := fs.String("brands", "", "brands.json to update instead of the embedded one")
	out := fs.String("o", "", "file to write the updated brands.json to (required; may be --brands FILE)")
	old := fs.String("old", "", "the guide brands.json was in step with, to show each to-do's old text")
	accept := fs.String("accept", "", "comma-separated brand ids whose rules you have encoded for this guide: record their * and digest")
	asJSON := fs.Bool("json", false, "print the to-dos as JSON")
	rest, err := c.parse(fs, args)
	if err != nil {
		return exitInput
	}
	if len(rest) != 1 {
		fmt.Fprintf(c.stderr, "rmacheck guide update: want one GUIDE.txt, got %d arguments\n", len(rest))
		return exitInput
	}
	if *out == "" {
		fmt.Fprintln(c.stderr, "rmacheck guide update: -o OUT: required")
		return exitInput
	}
	g, err := readGuide(rest[0])
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck guide update:", err)
		return exitInput
	}
	opt := guide.Options{}
	if *old != "" {
		if opt.Old, err = readGuide(*old); err != nil {
			fmt.Fprintln(c.stderr, "rmacheck guide update: --old:", err)
			return exitInput
		}
	}
	for _, id := range strings.Split(*accept, ",") {
		if id = strings.TrimSpace(id); id != "" {
			opt.Accept = append(opt.Accept, id)
		}
	}
	data, err := readBrands(*brands)
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck guide update:", err)
		return exitInput
	}
	g2, _ := sdk.LoadBytes(data)
	for _, id := range opt.Accept {
		if _, ok := g2.BrandByID(id); !ok {
			fmt.Fprintf(c.stderr, "rmacheck guide update: --accept: no brand has id %q\n", id)
			return exitInput
		}
	}
	res, todos, err := guide.Update(g, data, opt)
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck guide update:", err)
		return exitInput
	}
	// The result must load like any brands.json before it is written.
	if _, err := sdk.LoadBytes(res); err != nil {
		fmt.Fprintf(c.stderr, "rmacheck guide update: the result does not validate, nothing written: %s\n", strings.TrimPrefix(err.Error(), "brands.json: "))
		return exitFailure
	}
	if err := os.WriteFile(*out, res, 0o644); err != nil {
		fmt.Fprintln(c.stderr, "rmacheck guide update:", err)
		return exitFailure
	}
	if *asJSON {
		if todos == nil {
			todos = []guide.Todo{}
		}
		if code := c.printJSON(todos); code != exitOK {
			return code
		}
	} else {
		for _, t := range todos {
			fmt.Fprintf(c.stdout, "to do: %s\n", differenceLine(rest[0], t.Difference))
			if t.Note != "" {
				fmt.Fprintf(c.stdout, "  %s\n", t.Note)
			}
			if t.Old != "" {
				fmt.Fprintf(c.stdout, "  old: %s\n", value(t.Old, 0))
			}
			if s, ok := t.Guide.(string); ok && len(s) > 160 {
				fmt.Fprintf(c.stdout, "  new: %s\n", value(s, 0))
			}
			if t.Digest != "" {
				fmt.Fprintf(c.stdout, "  digest: %s\n", t.Digest)
			}
		}
		fmt.Fprintf(c.stdout, "%s: written, %d to-do(s) left\n", *out, len(todos))
	}
	if len(todos) > 0 {
		return exitFailure
	}
	return exitOK
}
