// Command rmacheck evaluates return claims against the Micromedia return
// guide and helps the people who keep brands.json current.
//
//	rmacheck evaluate [--brands FILE] [--lang fr|nl|en] [--audience reseller|consumer] [--batch] [--today YYYY-MM-DD] < claim.json
//	rmacheck validate [FILE]
//	rmacheck brands [--brands FILE] [--json] [QUERY]
//	rmacheck corrections [--brands FILE] [--lang fr|nl|en] [--json]
//	rmacheck guide check GUIDE.txt [--brands FILE] [--json]
//	rmacheck guide diff OLD.txt NEW.txt [--json]
//	rmacheck guide update GUIDE.txt [--brands FILE] [--old OLD.txt] [--accept ID,…] -o OUT [--json]
//
// Exit status: 0 success, 1 invalid brands.json or an I/O failure, 2 invalid
// input (a bad claim, flag or argument). The guide commands read the guide's
// text export: they exit 1 when there are differences or to-dos and 2 when an
// input cannot be read (see guide.go).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/message"
	"github.com/micromedia/rmacheck/sdk"
)

const usage = `usage:
  rmacheck evaluate [--brands FILE] [--lang fr|nl|en] [--audience reseller|consumer] [--batch] [--today YYYY-MM-DD] < claim.json
  rmacheck validate [FILE]
  rmacheck brands [--brands FILE] [--json] [QUERY]
  rmacheck corrections [--brands FILE] [--lang fr|nl|en] [--json]
  rmacheck guide check GUIDE.txt [--brands FILE] [--json]
  rmacheck guide diff OLD.txt NEW.txt [--json]
  rmacheck guide update GUIDE.txt [--brands FILE] [--old OLD.txt] [--accept ID,...] -o OUT [--json]
`

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // invalid brands.json, I/O
	exitInput   = 2 // invalid claim, flag or argument
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, time.Now))
}

// cli carries the process's streams so that tests can run commands in
// memory.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, now: now}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitInput
	}
	switch args[0] {
	case "evaluate":
		return c.evaluate(args[1:])
	case "validate":
		return c.validate(args[1:])
	case "brands":
		return c.brands(args[1:])
	case "corrections":
		return c.corrections(args[1:])
	case "guide":
		return c.guide(args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "rmacheck: unknown command %s (run rmacheck help)\n", shown(args[0]))
	return exitInput
}

// flags is a flag set whose errors parse reports on one line: the flag
// package would print the flag as typed, then the whole usage.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("rmacheck "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses flags, allowing them after positional arguments too. A bad
// flag is reported on one line.
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(c.stdout, usage)
			} else {
				fmt.Fprintf(c.stderr, "%s: %s (run rmacheck help)\n", fs.Name(), shown(err.Error()))
			}
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "en", "language of the decision's text: fr, nl or en")
}

func checkLang(s string) (sdk.Lang, error) {
	for _, l := range sdk.Langs() {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("--lang: unknown language %s (want fr, nl or en)", message.Quote(s))
}

// embeddedGuide is built once per process: a Guide is immutable, and the
// embedded file cannot change.
var embeddedGuide = sync.OnceValues(sdk.Default)

// loadGuide loads --brands FILE, or the embedded brands.json.
func (c *cli) loadGuide(path string) (*sdk.Guide, int) {
	if path == "" {
		g, err := embeddedGuide()
		if err != nil {
			fmt.Fprintf(c.stderr, "rmacheck: embedded %v\n", err)
			return nil, exitFailure
		}
		return g, exitOK
	}
	g, _, code := c.loadPath(path)
	return g, code
}

// loadPath loads the brands.json at path; data are its bytes.
func (c *cli) loadPath(path string) (g *sdk.Guide, data []byte, code int) {
	data, err := readFile(path, sdk.MaxDataBytes)
	if err != nil {
		fmt.Fprintf(c.stderr, "rmacheck: %s\n", pathError(err))
		return nil, nil, exitFailure
	}
	g, err = sdk.LoadBytes(data)
	if err != nil {
		fmt.Fprintf(c.stderr, "rmacheck: %s: %v\n", shown(path), strings.TrimPrefix(err.Error(), "brands.json: "))
		return nil, nil, exitFailure
	}
	return g, data, exitOK
}

// loadFile is loadGuide for the maintenance commands: the file model of
// --brands FILE, once the SDK accepts the file, or of the embedded
// brands.json.
func (c *cli) loadFile(path string) (*brandsfile.File, int) {
	name, data := "embedded brands.json", rmacheck.BrandsJSON()
	if path != "" {
		var code int
		if _, data, code = c.loadPath(path); data == nil {
			return nil, code
		}
		name = shown(path)
	}
	f, err := brandsfile.Read(data)
	if err != nil {
		fmt.Fprintf(c.stderr, "rmacheck: %s: %v\n", name, err)
		return nil, exitFailure
	}
	return f, exitOK
}

func (c *cli) evaluate(args []string) int {
	fs := c.flags("evaluate")
	brands := fs.String("brands", "", "brands.json to use instead of the embedded one")
	lang := langFlag(fs)
	audience := fs.String("audience", "reseller", "who reads the decision: reseller (shop staff) or consumer")
	batch := fs.Bool("batch", false, "one claim per line in, one decision per line out")
	todayFlag := fs.String("today", "", "date used when a claim has no claimDate (default: today, local time)")
	rest, err := c.parse(fs, args)
	if err != nil {
		return exitInput
	}
	if len(rest) > 0 {
		fmt.Fprintf(c.stderr, "rmacheck evaluate: unexpected argument %q (the claim is read from stdin)\n", rest[0])
		return exitInput
	}
	l, err := checkLang(*lang)
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck evaluate:", err)
		return exitInput
	}
	opts := sdk.Options{Lang: l, Audience: sdk.Audience(*audience)}
	if !slices.Contains(sdk.Audiences(), opts.Audience) {
		fmt.Fprintf(c.stderr, "rmacheck evaluate: --audience: unknown audience %s (want reseller or consumer)\n", message.Quote(*audience))
		return exitInput
	}
	today := sdk.DateFromTime(c.now())
	if *todayFlag != "" {
		if today, err = sdk.ParseDate(*todayFlag); err != nil {
			fmt.Fprintln(c.stderr, "rmacheck evaluate: --today:", err)
			return exitInput
		}
	}
	g, code := c.loadGuide(*brands)
	if g == nil {
		return code
	}
	if *batch {
		return c.evaluateBatch(g, opts, today)
	}
	// One byte past the limit is enough for DecodeClaim to refuse it.
	data, err := io.ReadAll(io.LimitReader(c.stdin, sdk.MaxClaimBytes+1))
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck evaluate:", err)
		return exitFailure
	}
	d, err := decide(g, data, opts, today)
	if err != nil {
		fmt.Fprintln(c.stderr, err)
		return exitInput
	}
	return c.printJSON(d)
}

// printJSON writes v indented, without HTML escaping (the output is read by
// people and scripts, not embedded in pages).
func (c *cli) printJSON(v any) int {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(c.stderr, "rmacheck:", err)
		return exitFailure
	}
	return exitOK
}

func decide(g *sdk.Guide, data []byte, opts sdk.Options, today sdk.Date) (sdk.Decision, error) {
	claim, err := sdk.DecodeClaim(data, today)
	if err != nil {
		return sdk.Decision{}, err
	}
	return g.Evaluate(claim, opts)
}

// evaluateBatch reads one claim per line. A bad line gives an error line
// and the batch goes on; the exit status is 2 if any line was bad.
func (c *cli) evaluateBatch(g *sdk.Guide, opts sdk.Options, today sdk.Date) int {
	in := bufio.NewReader(c.stdin)
	out := bufio.NewWriter(c.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var buf []byte
	code := exitOK
	for n := 1; ; n++ {
		line, tooLong, readErr := readLine(in, sdk.MaxClaimBytes)
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			fmt.Fprintln(c.stderr, "rmacheck evaluate:", readErr)
			return exitFailure
		}
		if tooLong || len(bytes.TrimSpace(line)) > 0 {
			d, err := decide(g, line, opts, today)
			if tooLong {
				err = &sdk.FieldError{Reason: fmt.Sprintf("the claim has more than %d bytes (64 KB)", sdk.MaxClaimBytes)}
			}
			if err != nil {
				code = exitInput
				err = enc.Encode(struct {
					Error string `json:"error"`
					Line  int    `json:"line"`
				}{err.Error(), n})
			} else {
				// AppendJSON writes what enc.Encode would, without reflection.
				buf = append(d.AppendJSON(buf[:0]), '\n')
				_, err = out.Write(buf)
			}
			if err != nil {
				fmt.Fprintln(c.stderr, "rmacheck evaluate:", err)
				return exitFailure
			}
		}
		if readErr != nil {
			return code
		}
	}
}

// readLine reads one line without its line end, keeping at most limit
// bytes of it; cut says the line was longer (it is read to its end).
func readLine(in *bufio.Reader, limit int) (line []byte, cut bool, err error) {
	for {
		chunk, err := in.ReadSlice('\n')
		if !errors.Is(err, bufio.ErrBufferFull) {
			chunk = bytes.TrimSuffix(bytes.TrimSuffix(chunk, []byte("\n")), []byte("\r"))
		}
		if room := limit - len(line); len(chunk) > room {
			chunk, cut = chunk[:max(room, 0)], true
		}
		line = append(line, chunk...)
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, cut, err
		}
	}
}

// readFile reads at most limit+1 bytes of a file, so that a huge file is
// refused without being read whole.
func readFile(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, int64(limit)+1))
}

// shown is s as it can be printed on one line: as it is when every
// character prints as itself, else quoted; cut either way.
func shown(s string) string {
	if q := strconv.Quote(s); q == `"`+s+`"` && !strings.ContainsAny(s, "\u00ad") {
		return message.Cut(s)
	}
	return message.Quote(s)
}

// pathError is err with a file name that cannot forge a line.
func pathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Op + " " + shown(pe.Path) + ": " + pe.Err.Error()
	}
	return shown(err.Error())
}

func (c *cli) validate(args []string) int {
	fs := c.flags("validate")
	rest, err := c.parse(fs, args)
	if err != nil {
		return exitInput
	}
	if len(rest) > 1 {
		fmt.Fprintf(c.stderr, "rmacheck validate: want at most one FILE, got %d\n", len(rest))
		return exitInput
	}
	name, data := "embedded brands.json", rmacheck.BrandsJSON()
	if len(rest) == 1 {
		name = shown(rest[0])
		if data, err = readFile(rest[0], sdk.MaxDataBytes); err != nil {
			fmt.Fprintln(c.stderr, "rmacheck validate:", pathError(err))
			return exitFailure
		}
	}
	g, err := sdk.LoadBytes(data)
	var de *sdk.DataError
	switch {
	case errors.As(err, &de):
		for _, p := range de.Problems {
			fmt.Fprintf(c.stdout, "%s: %s\n", name, p)
		}
		fmt.Fprintf(c.stdout, "%s: %d problem(s)\n", name, len(de.Problems))
		return exitFailure
	case err != nil:
		fmt.Fprintf(c.stderr, "rmacheck validate: %s: %v\n", name, err)
		return exitFailure
	}
	f, err := brandsfile.Read(data) // for the corrections, which only maintenance reads
	if err != nil {
		fmt.Fprintf(c.stderr, "rmacheck validate: %s: %v\n", name, err)
		return exitFailure
	}
	special := 0
	brands := g.Brands()
	for _, b := range brands {
		if b.Special {
			special++
		}
	}
	fmt.Fprintf(c.stdout, "%s: ok: %d brands (%d marked *), guide of %s, %d corrections\n",
		name, len(brands), special, g.Date(), len(f.Corrections))
	return exitOK
}

func (c *cli) brands(args []string) int {
	fs := c.flags("brands")
	path := fs.String("brands", "", "brands.json to use instead of the embedded one")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := c.parse(fs, args)
	if err != nil {
		return exitInput
	}
	g, code := c.loadGuide(*path)
	if g == nil {
		return code
	}
	all := g.Brands()
	type row struct {
		sdk.Brand
		Score float64 `json:"score,omitempty"`
	}
	var rows []row
	if len(rest) == 0 {
		for _, b := range all {
			rows = append(rows, row{Brand: b})
		}
	} else {
		for _, m := range g.Lookup(strings.Join(rest, " ")) {
			b, _ := g.BrandByID(m.ID)
			rows = append(rows, row{Brand: b, Score: m.Score})
		}
	}
	if *asJSON {
		if rows == nil {
			rows = []row{}
		}
		return c.printJSON(rows)
	}
	if len(rows) == 0 {
		fmt.Fprintf(c.stderr, "rmacheck brands: no brand matches %s\n", message.Quote(strings.Join(rest, " ")))
		return exitFailure
	}
	// The table goes through a buffer: tabwriter pads the cells before an
	// empty last one, and no line of output ends in spaces.
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		mark := ""
		if r.Special {
			mark = "*"
		}
		score := ""
		if r.Score > 0 {
			score = fmt.Sprintf("%.2f", r.Score)
		}
		fmt.Fprintf(tw, "%s\t%s%s\t%s\t%s\n", r.ID, r.Name, mark, strings.Join(r.Aliases, ", "), score)
	}
	if err := tw.Flush(); err != nil {
		return exitFailure
	}
	for _, line := range strings.SplitAfter(table.String(), "\n") {
		if line == "" {
			continue
		}
		fmt.Fprintln(c.stdout, strings.TrimRight(line, " \n"))
	}
	return exitOK
}

func (c *cli) corrections(args []string) int {
	fs := c.flags("corrections")
	path := fs.String("brands", "", "brands.json to use instead of the embedded one")
	lang := langFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := c.parse(fs, args)
	if err != nil {
		return exitInput
	}
	if len(rest) > 0 {
		fmt.Fprintf(c.stderr, "rmacheck corrections: unexpected argument %q\n", rest[0])
		return exitInput
	}
	l, err := checkLang(*lang)
	if err != nil {
		fmt.Fprintln(c.stderr, "rmacheck corrections:", err)
		return exitInput
	}
	f, code := c.loadFile(*path)
	if f == nil {
		return code
	}
	cs := f.Corrections
	if *asJSON {
		return c.printJSON(cs)
	}
	for _, x := range cs {
		brand := x.Brand
		if brand == "" {
			brand = "-"
		}
		fmt.Fprintf(c.stdout, "%s (%s, %s)\n  guide: %s\n  fix:   %s\n", x.ID, brand, x.Kind, x.Guide, x.Fix.In(string(l)))
	}
	return exitOK
}
