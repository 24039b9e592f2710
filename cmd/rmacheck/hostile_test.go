package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandstest"
	"github.com/micromedia/rmacheck/sdk"
)

// Hostile inputs, run through the CLI in memory. Every case states its
// outcome: the exit code and, for a refused claim, the field its one stderr
// line names ("" for the input as a whole), for a refused brands.json the
// JSON pointers validate lists. Every case also checks the invariants that
// hold for any input: no panic, one short printable stderr line, nothing on
// stdout for a refused claim.

// hostileToday is the --today of every claim case.
const hostileToday = "2026-03-10"

// maxLine bounds an error line, whatever the size of the input: user data
// is cut at 64 characters, and one that quotes as \U000e0001 takes 10 bytes.
const maxLine = 900

// runSafe runs the CLI and turns a panic into a test failure that names
// the input, rather than a crash of the test binary.
func runSafe(t *testing.T, stdin string, args ...string) (r result) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("rmacheck %s panicked: %v", strings.Join(args, " "), p)
		}
	}()
	var out, errOut bytes.Buffer
	now := func() time.Time { return time.Date(2026, 3, 20, 10, 0, 0, 0, time.Local) }
	code := run(args, strings.NewReader(stdin), &out, &errOut, now)
	return result{code, out.String(), errOut.String()}
}

// printable reports the first rune of s that would not print as itself on a
// terminal: invalid UTF-8, control characters (CR, ESC, NUL...), and
// format characters (bidirectional overrides, zero-width characters, BOM),
// line and paragraph separators.
func printable(s string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return r, false
			}
		}
		if unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			return r, false
		}
	}
	return 0, true
}

// recorder collects the failures of checks on a known bug, so that the
// case can be skipped when they fail and reported when they stop failing.
type recorder struct{ msgs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// checkBug runs check on a case. Without a known bug its failures are the
// test's; with one, the case is skipped while check fails, and fails once
// the bug is gone so that the mark is removed.
func checkBug(t *testing.T, bug string, check func(a assert.TestingT)) {
	t.Helper()
	if bug == "" {
		check(t)
		return
	}
	rec := &recorder{}
	check(rec)
	if len(rec.msgs) == 0 {
		t.Fatalf("marked as a known bug, but every check passes: remove the mark (%s)", bug)
	}
	t.Skipf("known bug: %s\n%s", bug, rec.msgs[0])
}

// assertOneLine checks that s is exactly one line, printable, of at most
// limit bytes, and returns it without its newline.
func assertOneLine(a assert.TestingT, s string, limit int) string {
	line, ok := strings.CutSuffix(s, "\n")
	if !assert.True(a, ok, "ends with a newline: %.300q", s) ||
		!assert.NotContains(a, line, "\n", "one line: %.300q", s) {
		return line
	}
	r, ok := printable(line)
	assert.True(a, ok, "no control, format or invalid character (found %U): %.300q", r, line)
	assert.LessOrEqual(a, len(line), limit, "a short line: %.300q…", line)
	return line
}

// claimFields are the names an error line prints unquoted: the claim
// schema's keys (read from the schema, so that the test follows it) and lang.
func claimFields(t *testing.T) map[string]bool {
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(rmacheck.ClaimSchema(), &schema))
	out := map[string]bool{"lang": true}
	for k := range schema.Properties {
		out[k] = true
	}
	require.Len(t, out, 14, "13 claim keys and lang")
	return out
}

// fieldOf reads the field a claim error line names: "claim: FIELD: reason"
// with an unknown key quoted (and "…" after it when cut), "claim: reason"
// for the input as a whole.
func fieldOf(a assert.TestingT, fields map[string]bool, line string) string {
	rest, ok := strings.CutPrefix(line, "claim: ")
	if !assert.True(a, ok, "a claim error: %.300q", line) {
		return "?"
	}
	if strings.HasPrefix(rest, `"`) {
		q, err := strconv.QuotedPrefix(rest)
		if !assert.NoError(a, err, "a quoted key: %.300q", line) {
			return "?"
		}
		f, _ := strconv.Unquote(q)
		rest = rest[len(q):]
		if after, cut := strings.CutPrefix(rest, "…"); cut {
			f, rest = f+"…", after
		}
		assert.True(a, strings.HasPrefix(rest, ": "), "': ' after the key: %.300q", line)
		return f
	}
	if name, _, ok := strings.Cut(rest, ": "); ok && fields[name] {
		return name
	}
	return ""
}

// claimCase is one claim on stdin and what must come of it.
type claimCase struct {
	name  string
	stdin string
	code  int    // exit status: 0 decided, 2 refused
	field string // refused: the field named; "" for the whole input
	// decided: properties of the decision, by dotted path ("route",
	// "brand.id", "deadlines.doaUntil", "missing").
	want map[string]any
	msg  string // refused: text the line must contain
	// noBatch leaves the case out of the shared --batch run, which has a
	// test of its own for it.
	noBatch  bool
	bug      string // a known bug: the case is skipped at the failing check
	batchBug string // a known bug of --batch only
}

func obj(members ...string) string { return "{" + strings.Join(members, ",") + "}" }

// kv is one member; key is the raw text between the quotes, val raw JSON.
func kv(key, val string) string { return `"` + key + `":` + val }

func str(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

var acco = kv("brand", `"Acco"`)

// decisionPath reads a dotted path from a decoded decision.
func decisionPath(d map[string]any, path string) any {
	var v any = d
	for _, seg := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[seg]
	}
	return v
}

// runClaims runs each case on stdin, then all cases that fit on one line
// as one --batch, and checks that each batch line gives the same answer:
// the same decision, or the same error with its line number.
func runClaims(t *testing.T, cases []claimCase) {
	fields := claimFields(t)
	var batch []string
	var batchCases []claimCase
	stderr := map[string]string{} // by case name: the line stdin gave
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runSafe(t, c.stdin, "evaluate", "--today", hostileToday)
			stderr[c.name] = strings.TrimSuffix(r.stderr, "\n")
			checkBug(t, c.bug, func(a assert.TestingT) { checkClaim(a, fields, c, r) })
		})
		// A line that starts with 64 KB of blanks is a batch case of its own.
		if !strings.ContainsAny(c.stdin, "\n\r") && strings.TrimSpace(c.stdin) != "" && c.bug == "" && !c.noBatch &&
			strings.TrimSpace(c.stdin[:min(len(c.stdin), sdk.MaxClaimBytes+1)]) != "" {
			batch = append(batch, c.stdin)
			batchCases = append(batchCases, c)
		}
	}
	if len(batch) == 0 {
		return
	}
	t.Run("batch", func(t *testing.T) {
		r := runSafe(t, strings.Join(batch, "\n")+"\n", "evaluate", "--batch", "--today", hostileToday)
		assert.Empty(t, r.stderr)
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		require.Len(t, lines, len(batch), "one output line per claim")
		refused := false
		for i, c := range batchCases {
			refused = refused || c.code != 0
			t.Run(c.name, func(t *testing.T) {
				checkBug(t, c.batchBug, func(a assert.TestingT) { checkBatchLine(a, fields, c, i+1, lines[i], stderr[c.name]) })
			})
		}
		if refused {
			assert.Equal(t, 2, r.code)
		} else {
			assert.Equal(t, 0, r.code)
		}
	})
}

// checkBatchLine checks the --batch output line of claim c, input line n,
// against the case and against the error the same claim gave on stdin.
func checkBatchLine(a assert.TestingT, fields map[string]bool, c claimCase, n int, line, stdinErr string) {
	var out map[string]any
	if !assert.NoError(a, json.Unmarshal([]byte(line), &out), "%.300q", line) {
		return
	}
	if c.code == 0 {
		assert.NotContains(a, out, "error")
		for path, want := range c.want {
			assert.Equal(a, want, decisionPath(out, path), path)
		}
		return
	}
	msg, _ := out["error"].(string)
	assert.Equal(a, float64(n), out["line"])
	assertOneLine(a, msg+"\n", maxLine)
	assert.Equal(a, c.field, fieldOf(a, fields, msg), "%.300q", msg)
	assert.Equal(a, stdinErr, msg, "the error of the same claim on stdin")
}

// checkClaim checks the outcome of one claim on stdin.
func checkClaim(a assert.TestingT, fields map[string]bool, c claimCase, r result) {
	if !assert.Equal(a, c.code, r.code, "exit status; stdout %.200q, stderr %.300q", r.stdout, r.stderr) {
		return
	}
	if r.code != 0 {
		assert.Empty(a, r.stdout, "nothing on stdout for a refused claim")
		line := assertOneLine(a, r.stderr, maxLine)
		assert.Equal(a, c.field, fieldOf(a, fields, line), "the field the error names: %.300q", line)
		assert.Contains(a, line, c.msg)
		return
	}
	assert.Empty(a, r.stderr)
	var d map[string]any
	if !assert.NoError(a, json.Unmarshal([]byte(r.stdout), &d), "a decision: %.300q", r.stdout) {
		return
	}
	for path, want := range c.want {
		assert.Equal(a, want, decisionPath(d, path), path)
	}
}

// schemaKeys lists the claim schema's keys with a valid JSON value and the
// JSON type a value must have.
func schemaKeys(t *testing.T) []struct{ key, valid, kind string } {
	var schema struct {
		Properties map[string]struct {
			Type   string   `json:"type"`
			Enum   []string `json:"enum"`
			Format string   `json:"format"`
		} `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(rmacheck.ClaimSchema(), &schema))
	var out []struct{ key, valid, kind string }
	for key, p := range schema.Properties {
		e := struct{ key, valid, kind string }{key: key, kind: "string"}
		switch {
		case key == "brand":
			e.valid = `"Acco"`
		case len(p.Enum) > 0:
			e.valid = str(p.Enum[len(p.Enum)-1])
		case p.Format == "date":
			e.valid = `"2026-03-01"`
		case p.Type == "boolean":
			e.valid, e.kind = "true", "bool"
		case p.Type == "string":
			e.valid = `"x"`
		default:
			t.Fatalf("claim schema key %s: no test value for %+v", key, p)
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b struct{ key, valid, kind string }) int { return strings.Compare(a.key, b.key) })
	require.Len(t, out, 13)
	return out
}

// withKey is a claim about Acco with one more member; for brand, the member
// replaces Acco.
func withKey(key, val string) string {
	if key == "brand" {
		return obj(kv(key, val))
	}
	return obj(acco, kv(key, val))
}

func TestHostileClaims(t *testing.T) {
	var all []claimCase
	add := func(family string, cases ...claimCase) {
		for i := range cases {
			cases[i].name = family + "/" + cases[i].name
		}
		all = append(all, cases...)
	}
	refused := func(name, stdin, field string) claimCase {
		return claimCase{name: name, stdin: stdin, code: 2, field: field}
	}
	decided := func(name, stdin string, want map[string]any) claimCase {
		return claimCase{name: name, stdin: stdin, want: want}
	}

	// The control cases: what the hostile variants are variants of.
	add("valid",
		decided("Acco complete", obj(acco, kv("purchaseDate", `"2026-03-01"`), kv("proofOfPurchase", "true"), kv("defectDescription", `"broken"`)),
			map[string]any{"route": "micromedia-rma", "eligible": true, "brand.id": "acco"}),
		decided("HyperX within 30 days", obj(kv("brand", `"HyperX"`), kv("purchaseDate", `"2026-03-01"`)),
			map[string]any{"route": "micromedia-rma", "doa": true, "deadlines.doaUntil": "2026-03-31"}),
		decided("escaped key names brand", obj(kv(`\u0062rand`, `"Acer"`)), map[string]any{"brand.id": "acer"}),
		decided("escaped backslash then u is text, not a surrogate", obj(kv("brand", `"Acer\\ud800"`)), map[string]any{"route": "unknown-brand"}),
		decided("valid surrogate pair", obj(acco, kv("defectDescription", `"\ud83d\ude00 broken"`)), map[string]any{"route": "micromedia-rma"}),
		decided("whitespace around the object", " \t\r\n"+obj(acco)+"\r\n\t ", map[string]any{"route": "micromedia-rma"}),
	)

	add("malformed JSON",
		refused("empty input", "", ""),
		refused("whitespace only", " \n\t\r ", ""),
		refused("truncated after colon", `{"brand":`, ""),
		claimCase{name: "truncated in a key", stdin: `{"bra`, code: 2, batchBug: ""},
		claimCase{name: "truncated in a value", stdin: `{"brand":"Ac`, code: 2, batchBug: ""},
		refused("truncated after a member", `{"brand":"Acco"`, ""),
		refused("truncated after a comma", `{"brand":"Acco",`, ""),
		refused("open brace only", `{`, ""),
		refused("close brace only", `}`, ""),
		refused("trailing comma", `{"brand":"Acco",}`, ""),
		refused("leading comma", `{,"brand":"Acco"}`, ""),
		refused("double comma", `{"brand":"Acco",,"model":"x"}`, ""),
		refused("missing comma", `{"brand":"Acco" "model":"x"}`, ""),
		refused("missing colon", `{"brand" "Acco"}`, ""),
		refused("single quotes", `{'brand':'Acco'}`, ""),
		refused("unquoted key", `{brand:"Acco"}`, ""),
		refused("block comment", `{"brand":"Acco" /* note */}`, ""),
		refused("line comment", "// note\n"+obj(acco), ""),
		refused("hash comment after", obj(acco)+" # note", ""),
		refused("NaN", obj(acco, kv("x", "NaN")), ""),
		refused("Infinity", obj(acco, kv("x", "Infinity")), ""),
		refused("minus Infinity", obj(acco, kv("x", "-Infinity")), ""),
		// encoding/json reads a value lazily: 0x10 and 007 start with the
		// number 0, and the unknown key is the first error.
		refused("hex number", obj(acco, kv("x", "0x10")), "x"),
		refused("leading zeros", obj(acco, kv("x", "007")), "x"),
		refused("hex number as photo", obj(acco, kv("photo", "0x1")), "photo"),
		refused("plus sign", obj(acco, kv("x", "+1")), ""),
		refused("leading dot", obj(acco, kv("x", ".5")), ""),
		refused("trailing dot", obj(acco, kv("x", "1.")), ""),
		refused("undefined", obj(acco, kv("x", "undefined")), ""),
		refused("True capitalised", obj(acco, kv("photo", "True")), ""),
		refused("two values", obj(acco)+obj(acco), ""),
		refused("two values on two lines", obj(acco)+"\n"+obj(acco), ""),
		refused("trailing garbage", obj(acco)+"x", ""),
		refused("trailing bracket", obj(acco)+"]", ""),
		refused("mismatched bracket", `{"brand":"Acco"]`, ""),
		refused("raw newline in a string", "{\"brand\":\"Ac\nco\"}", ""),
		refused("raw tab in a string", "{\"brand\":\"Ac\tco\"}", ""),
		refused("raw NUL in a string", "{\"brand\":\"Ac\x00co\"}", ""),
		refused("raw ESC in a key", "{\"\x1b[2J\":1}", ""),
		refused("invalid escape", obj(kv("brand", `"Ac\xco"`)), ""),
		refused("short unicode escape", obj(kv("brand", `"Ac\u12"`)), ""),
		claimCase{name: "unterminated string", stdin: `{"brand":"Acco}`, code: 2, batchBug: ""},
		refused("top-level array", `[{"brand":"Acco"}]`, ""),
		refused("top-level string", `"Acco"`, ""),
		refused("top-level number", `42`, ""),
		refused("top-level null", `null`, ""),
		refused("top-level true", `true`, ""),
		refused("top-level false", `false`, ""),
		refused("raw bidi override before the object", "\u202e"+obj(acco), ""),
		refused("invalid UTF-8 before the object", "\xff"+obj(acco), ""),
		refused("invalid UTF-8 after the object", obj(acco)+"\xff", ""),
		refused("UTF-8 byte order mark", "\xef\xbb\xbf"+obj(acco), ""),
		refused("UTF-16 byte order mark", "\xfe\xff"+obj(acco), ""),
		refused("UTF-16 text", "\xff\xfe{\x00\"\x00b\x00r\x00a\x00n\x00d\x00\"\x00:\x00\"\x00A\x00\"\x00}\x00", ""),
	)

	// Every key of the claim schema with every JSON type it must not have.
	var wrongTypes, duplicates []claimCase
	wrong := []struct{ kind, val string }{
		{"number", "1"}, {"negative number", "-0.5e3"}, {"bool", "true"}, {"null", "null"},
		{"array", `["Acco"]`}, {"object", `{"brand":"Acco"}`}, {"string", `"true"`},
	}
	for _, k := range schemaKeys(t) {
		for _, w := range wrong {
			if w.kind == k.kind || k.kind == "string" && w.kind == "negative number" || k.kind == "bool" && w.kind == "bool" {
				continue
			}
			wrongTypes = append(wrongTypes, refused(k.key+" "+w.kind, withKey(k.key, w.val), k.key))
		}
		dup := obj(acco, kv(k.key, k.valid), kv(k.key, k.valid))
		if k.key == "brand" {
			dup = obj(acco, kv(k.key, k.valid))
		}
		duplicates = append(duplicates, refused(k.key, dup, k.key))
	}
	add("wrong type", wrongTypes...)
	add("duplicate key", duplicates...)
	add("duplicate key",
		refused("brand, the second escaped", obj(acco, kv(`\u0062rand`, `"Acer"`)), "brand"),
		refused("brand, far apart", obj(acco, kv("model", `"x"`), kv("photo", "true"), kv("serialNumber", `"1"`), kv("brand", `"Acer"`)), "brand"),
		refused("unknown key twice", obj(acco, kv("x", "1"), kv("x", "1")), "x"),
	)

	long := strings.Repeat("k", 60_000)
	add("unknown key",
		refused("BRAND upper case", obj(kv("BRAND", `"Acco"`)), "BRAND"),
		refused("Brand capitalised", obj(kv("Brand", `"Acco"`)), "Brand"),
		refused("purchase_date", obj(acco, kv("purchase_date", `"2026-03-01"`)), "purchase_date"),
		refused("trailing space", obj(acco, kv("model ", `"x"`)), "model "),
		claimCase{name: "empty key", stdin: obj(acco, kv("", `"x"`)), code: 2, field: "", msg: `claim: unknown key ""`},
		refused("escaped newline", obj(acco, kv(`a\nb`, "1")), "a\nb"),
		refused("escaped CR forging a line", obj(acco, kv(`\rclaim: ok`, "1")), "\rclaim: ok"),
		refused("ANSI escape", obj(acco, kv(`\u001b[31mred\u001b[0m`, "1")), "\x1b[31mred\x1b[0m"),
		refused("NUL escape", obj(acco, kv(`br\u0000and`, "1")), "br\x00and"),
		refused("right-to-left override", obj(acco, kv(`\u202ednarb`, "1")), "\u202ednarb"),
		refused("line separator", obj(acco, kv(`a\u2028b`, "1")), "a\u2028b"),
		refused("byte order mark", obj(acco, kv(`\ufeffbrand`, "1")), "\ufeffbrand"),
		refused("lang", obj(acco, kv("lang", `"fr"`)), "lang"),
		refused("__proto__", obj(acco, kv("__proto__", "{}")), "__proto__"),
		refused("60 KB key, cut", obj(acco, kv(long, "1")), long[:64]+"…"),
		refused("60 KB of escaped newlines, cut", obj(acco, kv(strings.Repeat(`\n`, 30_000), "1")), strings.Repeat("\n", 64)+"…"),
		refused("64 characters, not cut", obj(acco, kv(long[:64], "1")), long[:64]),
		refused("65 characters, cut", obj(acco, kv(long[:65], "1")), long[:64]+"…"),
		refused("10 MB key", obj(acco, kv(strings.Repeat("k", 10<<20), "1")), ""),
	)

	// encoding/json would turn each of these into U+FFFD and go on.
	badUTF8 := []struct{ name, bytes string }{
		{"0xff", "\xff"}, {"0xe9 (Latin-1 é)", "\xe9"}, {"lone continuation byte", "\x80"},
		{"overlong slash", "\xc0\xaf"}, {"overlong three bytes", "\xe0\x80\xaf"},
		{"truncated two-byte sequence", "\xc3"}, {"truncated three-byte sequence", "\xe2\x82"},
		{"truncated four-byte sequence", "\xf0\x9f\x98"}, {"UTF-8 encoded surrogate", "\xed\xa0\x80"},
		{"beyond U+10FFFF", "\xf4\x90\x80\x80"},
	}
	for _, b := range badUTF8 {
		add("invalid UTF-8",
			refused("brand "+b.name, obj(kv("brand", `"Acer`+b.bytes+`"`)), "brand"),
		)
	}
	add("invalid UTF-8",
		refused("model", obj(acco, kv("model", "\"River\xff\"")), "model"),
		refused("defectDescription", obj(acco, kv("defectDescription", "\"broken\xe9\"")), "defectDescription"),
		refused("serialNumber", obj(acco, kv("serialNumber", "\"SN\xc0\xaf\"")), "serialNumber"),
		refused("purchaseDate", obj(acco, kv("purchaseDate", "\"2026-03-0\xff\"")), "purchaseDate"),
		refused("category", obj(acco, kv("category", "\"laptop\xff\"")), "category"),
		// A key that cannot be read is no key to name: refused as a whole.
		refused("known key", obj(acco, kv("model\xff", `"x"`)), ""),
		refused("unknown key", obj(acco, kv("x\xe9", "1")), ""),
		refused("brand after an escape", obj(kv("brand", `"A\u0063er`+"\xe9"+`"`)), "brand"),
	)
	surrogates := []struct{ name, esc string }{
		{"lone high", `\ud800`}, {"lone low", `\udc00`}, {"reversed pair", `\udc00\ud800`},
		{"high then letter", `\ud800x`}, {"high then escaped letter", `\ud800\u0041`},
		{"two highs", `\ud800\udbff`}, {"high at the end", `\udbff`}, {"upper case hex", `\uD800`},
		{"after an escaped backslash", `\\\ud800`},
	}
	for _, s := range surrogates {
		add("lone surrogate",
			refused("brand "+s.name, obj(kv("brand", `"Acer`+s.esc+`"`)), "brand"),
		)
	}
	add("lone surrogate",
		refused("model", obj(acco, kv("model", `"\ud800"`)), "model"),
		refused("key", obj(acco, kv(`x\udfff`, "1")), ""),
		refused("claimDate", obj(acco, kv("claimDate", `"2026-03-0\ud800"`)), "claimDate"),
	)

	// Brand matching ignores what is not a letter or a digit, so invisible
	// characters do not make a known brand unknown; look-alike letters from
	// other scripts do not make an unknown brand known.
	add("control and bidi in values",
		decided("brand with right-to-left override", obj(kv("brand", `"Ac\u202eer"`)), map[string]any{"brand.id": "acer"}),
		decided("brand with NUL escape", obj(kv("brand", `"Acer\u0000"`)), map[string]any{"brand.id": "acer"}),
		decided("brand with ESC", obj(kv("brand", `"Acer\u001b"`)), map[string]any{"brand.id": "acer"}),
		decided("brand with ANSI colour: its digits and letters count", obj(kv("brand", `"\u001b[31mAcer"`)), map[string]any{"route": "unknown-brand"}),
		decided("brand with BOM character", obj(kv("brand", `"\ufeffAcer"`)), map[string]any{"brand.id": "acer"}),
		decided("brand with zero-width space", obj(kv("brand", `"Ac\u200ber"`)), map[string]any{"brand.id": "acer"}),
		decided("brand of only an override", obj(kv("brand", `"\u202e"`)), map[string]any{"route": "unknown-brand", "brand": nil}),
		decided("brand with Cyrillic look-alike", obj(kv("brand", `"Асer"`)), map[string]any{"route": "unknown-brand", "brand": nil}),
		decided("model with CR and ESC", obj(acco, kv("model", `"\r\u001b[2K"`)), map[string]any{"route": "micromedia-rma"}),
		decided("description with line separators", obj(acco, kv("defectDescription", `"a\u2028b\u2029c"`)), map[string]any{"route": "micromedia-rma"}),
		refused("brand blank", obj(kv("brand", `"   "`)), "brand"),
		refused("brand escaped whitespace only", obj(kv("brand", `"\t\n\r"`)), "brand"),
		refused("brand no-break space only", obj(kv("brand", `"\u00a0"`)), "brand"),
		refused("brand empty", obj(kv("brand", `""`)), "brand"),
		refused("no brand", obj(kv("model", `"x"`)), "brand"),
		refused("empty object", `{}`, "brand"),
		refused("category upper case", obj(acco, kv("category", `"LAPTOP"`)), "category"),
		refused("category with override", obj(acco, kv("category", `"\u202elaptop"`)), "category"),
		refused("category empty", obj(acco, kv("category", `""`)), "category"),
		refused("support with NUL", obj(acco, kv("support", `"unresolved\u0000"`)), "support"),
		refused("spareParts with newline", obj(acco, kv("spareParts", `"not-solved\n"`)), "spareParts"),
	)

	// Dates: YYYY-MM-DD of a real day in 0001..9999, and nothing else.
	badDates := []string{
		"2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-01-00", "2025-01-32",
		"1900-02-29", "0000-01-01", "2025-1-1", "2025/01/01", " 2025-01-01", "2025-01-01 ",
		"2025-01-01T00:00:00Z", "10000-01-01", "-001-01-01", "+025-01-01", "", "20250101",
		"２０２５-01-01", "2025-01-01\u0000", "9999-12-32",
	}
	for _, d := range badDates {
		add("impossible date",
			refused(fmt.Sprintf("purchaseDate %q", d), obj(acco, kv("purchaseDate", str(d))), "purchaseDate"),
			refused(fmt.Sprintf("claimDate %q", d), obj(acco, kv("claimDate", str(d))), "claimDate"),
		)
	}
	hyperx := kv("brand", `"HyperX"`)
	ecoflow := kv("brand", `"Ecoflow"`)
	river := kv("model", `"River 2"`)
	pd := func(d string) string { return kv("purchaseDate", str(d)) }
	cd := func(d string) string { return kv("claimDate", str(d)) }
	add("extreme date",
		decided("leap day 2024", obj(acco, pd("2024-02-29")), map[string]any{"route": "micromedia-rma"}),
		decided("leap day 2000", obj(acco, pd("2000-02-29")), map[string]any{"route": "micromedia-rma"}),
		decided("bought 0001-01-01", obj(acco, pd("0001-01-01")), map[string]any{"route": "micromedia-rma"}),
		decided("0001-01-01 to 9999-12-31", obj(acco, pd("0001-01-01"), cd("9999-12-31")), map[string]any{"route": "micromedia-rma"}),
		decided("first day both", obj(acco, pd("0001-01-01"), cd("0001-01-01")), map[string]any{"route": "micromedia-rma"}),
		decided("last day both", obj(acco, pd("9999-12-31"), cd("9999-12-31")), map[string]any{"route": "micromedia-rma"}),
		decided("HyperX bought 0001-01-01", obj(hyperx, pd("0001-01-01")), map[string]any{"route": "brand-direct", "doa": false}),
		decided("HyperX DOA ends 9999-12-31", obj(hyperx, pd("9999-12-01"), cd("9999-12-31")),
			map[string]any{"doa": true, "deadlines.doaUntil": "9999-12-31"}),
		refused("HyperX DOA would end after 9999", obj(hyperx, pd("9999-12-02"), cd("9999-12-31")), "purchaseDate"),
		refused("HyperX bought 9999-12-20", obj(hyperx, pd("9999-12-20"), cd("9999-12-31")), "purchaseDate"),
		refused("HyperX bought 9999-12-31", obj(hyperx, pd("9999-12-31"), cd("9999-12-31")), "purchaseDate"),
		decided("HyperX no purchase date", obj(hyperx), map[string]any{"route": "needs-information", "missing": []any{"purchase-date"}}),
		refused("Ecoflow River 2 bought 9999-01-01", obj(ecoflow, river, pd("9999-01-01"), cd("9999-12-31")), "purchaseDate"),
		refused("Ecoflow bought 9998-01-01, a 5-year model", obj(ecoflow, kv("model", `"River 2 Pro"`), pd("9998-01-01"), cd("9998-06-01")), "purchaseDate"),
		decided("Ecoflow warranty ends 9999-12-31", obj(ecoflow, kv("model", `"Delta"`), pd("9997-12-31"), cd("9999-12-31")),
			map[string]any{"deadlines.warrantyUntil": "9999-12-31", "outOfWarranty": false}),
		decided("Ecoflow River 2 bought 0001-01-01", obj(ecoflow, river, pd("0001-01-01")),
			map[string]any{"deadlines.warrantyUntil": "0006-01-01", "outOfWarranty": true}),
		refused("purchaseDate after today", obj(acco, pd("2026-03-11")), "purchaseDate"),
		refused("purchaseDate after claimDate", obj(acco, pd("2026-03-10"), cd("2026-03-09")), "purchaseDate"),
		refused("purchaseDate after claimDate 0001-01-01", obj(acco, pd("0001-01-02"), cd("0001-01-01")), "purchaseDate"),
		refused("purchaseDate 9999-12-31 after today", obj(acco, pd("9999-12-31")), "purchaseDate"),
		refused("claimDate null", obj(acco, kv("claimDate", "null")), "claimDate"),
	)

	desc := func(n int) string { return kv("defectDescription", str(strings.Repeat("d", n))) }
	exact := func(size int) string { // a claim of exactly size bytes
		c := obj(acco, desc(0))
		return obj(acco, desc(size-len(c)))
	}
	require.Len(t, exact(sdk.MaxClaimBytes), sdk.MaxClaimBytes)
	add("huge",
		decided("defectDescription of 60 KB", obj(acco, pd("2026-03-01"), kv("proofOfPurchase", "true"), desc(60_000)),
			map[string]any{"route": "micromedia-rma", "eligible": true}),
		claimCase{name: "claim of exactly 64 KB", stdin: exact(sdk.MaxClaimBytes), want: map[string]any{"route": "micromedia-rma"}, noBatch: true},
		refused("claim of 64 KB and one byte", exact(sdk.MaxClaimBytes+1), ""),
		refused("defectDescription of 70 KB", obj(acco, desc(70_000)), ""),
		refused("10 MB value", obj(acco, desc(10<<20)), ""),
		refused("10 MB of whitespace before the object", strings.Repeat(" ", 10<<20)+obj(acco), ""),
		decided("unknown brand of 60 KB", obj(kv("brand", str(strings.Repeat("Acer", 15_000)))), map[string]any{"route": "unknown-brand"}),
		refused("category of 60 KB", obj(acco, kv("category", str(long))), "category"),
		refused("purchaseDate of 60 KB", obj(acco, kv("purchaseDate", str(long))), "purchaseDate"),
		claimCase{name: "category of 10,000 overrides", stdin: obj(acco, kv("category", `"`+strings.Repeat(`\u202e`, 10_000)+`"`)), code: 2, field: "category", bug: ""},
		claimCase{name: "purchaseDate of 10,000 ESC", stdin: obj(acco, kv("purchaseDate", `"`+strings.Repeat(`\u001b`, 10_000)+`"`)), code: 2, field: "purchaseDate", bug: ""},
		claimCase{name: "key of 5,000 tag characters", stdin: obj(acco, kv(strings.Repeat(`\udb40\udc01`, 5_000), "1")), code: 2, field: strings.Repeat("\U000E0001", 64) + "…", bug: ""},
		refused("spareParts of 10,000 é", obj(acco, kv("spareParts", str(strings.Repeat("é", 10_000)))), "spareParts"),
	)

	nest := func(n int) string { return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n) }
	arrays := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	digits := strings.Repeat("7", 10_000)
	add("deep nesting",
		refused("100 levels under an unknown key", obj(acco, kv("x", nest(100))), "x"),
		refused("10,000 levels under an unknown key", obj(acco, kv("x", nest(10_000))), "x"),
		refused("10,000 levels as model", obj(acco, kv("model", nest(10_000))), "model"),
		refused("10,000 arrays as photo", obj(acco, kv("photo", arrays(10_000))), "photo"),
		refused("30,000 arrays under an unknown key", obj(acco, kv("x", arrays(30_000))), "x"),
		refused("10,000 arrays at the top", arrays(10_000), ""),
		refused("10,000 unclosed braces", strings.Repeat(`{"a":`, 10_000), "a"),
	)
	add("huge number",
		refused("10,000 digits under an unknown key", obj(acco, kv("x", digits)), "x"),
		refused("10,000 digits as photo", obj(acco, kv("photo", digits)), "photo"),
		refused("10,000 digits as brand", obj(kv("brand", digits)), "brand"),
		refused("10,000 digits as purchaseDate", obj(acco, kv("purchaseDate", digits)), "purchaseDate"),
		refused("10,000-digit exponent", obj(acco, kv("complete", "1e"+digits)), "complete"),
		claimCase{name: "10,000 digits at the top", stdin: digits, code: 2, bug: ""},
		claimCase{name: "10,000 negative digits at the top", stdin: "-" + digits, code: 2, bug: ""},
		refused("10,000 digits after the object", obj(acco)+" "+digits, ""),
		refused("1e999 at the top", "1e999", ""),
	)

	require.GreaterOrEqual(t, len(all), 150)
	runClaims(t, all)
}

// batchLine is what one output line of --batch must say: a decision on
// route, or an error naming field for input line n.
type batchLine struct {
	n     int    // input line, for an error
	field string // the field an error names
	route string // "" for an error
}

func TestHostileBatch(t *testing.T) {
	fields := claimFields(t)
	desc := func(n int) string { return kv("defectDescription", str(strings.Repeat("d", n))) }
	exact := func(size int) string {
		c := obj(acco, desc(0))
		return obj(acco, desc(size-len(c)))
	}
	ok := batchLine{route: "micromedia-rma"}
	bad := func(n int, field string) batchLine { return batchLine{n: n, field: field} }
	hyperx := obj(kv("brand", `"HyperX"`), kv("purchaseDate", `"2026-03-01"`))
	tests := []struct {
		name, stdin string
		code        int
		out         []batchLine
		bug         string
	}{
		{"empty input", "", 0, nil, ""},
		{"blank lines only", "\n\n \n\t\r\n", 0, nil, ""},
		{"blank lines count", "\n" + obj(acco) + "\n\n{\"brand\":\n", 2, []batchLine{ok, bad(4, "")}, ""},
		{"CRLF line endings", obj(acco) + "\r\n" + hyperx + "\r\n", 0, []batchLine{ok, ok}, ""},
		{"no newline at the end", obj(acco) + "\n" + obj(acco), 0, []batchLine{ok, ok}, ""},
		{"CR alone is no line break", obj(acco) + "\r" + obj(acco) + "\n", 2, []batchLine{bad(1, "")}, ""},
		{"U+2028 is no line break", obj(acco) + "\u2028" + obj(acco) + "\n", 2, []batchLine{bad(1, "")}, ""},
		{"BOM on the first line", "\xef\xbb\xbf" + obj(acco) + "\n" + obj(acco) + "\n", 2, []batchLine{bad(1, ""), ok}, ""},
		{"NUL line", "\x00\n" + obj(acco) + "\n", 2, []batchLine{bad(1, ""), ok}, ""},
		{"invalid UTF-8 brand", "{\"brand\":\"Acer\xe9\"}\n" + obj(acco) + "\n", 2, []batchLine{bad(1, "brand"), ok}, ""},
		{"escaped newline in a key stays on its line", obj(acco, kv(`a\nb`, "1")) + "\n" + obj(acco) + "\n", 2, []batchLine{bad(1, "a\nb"), ok}, ""},
		{"10 MB line, then a claim", obj(acco, desc(10<<20)) + "\n" + obj(acco) + "\n", 2, []batchLine{bad(1, ""), ok}, ""},
		{"claim, 10 MB of garbage, claim", obj(acco) + "\n" + strings.Repeat("x", 10<<20) + "\n" + obj(acco), 2, []batchLine{ok, bad(2, ""), ok}, ""},
		{"64 KB and one byte", exact(sdk.MaxClaimBytes+1) + "\n" + obj(acco) + "\n", 2, []batchLine{bad(1, ""), ok}, ""},
		{"exactly 64 KB, last line without newline", obj(acco) + "\n" + exact(sdk.MaxClaimBytes), 0, []batchLine{ok, ok}, ""},
		{"exactly 64 KB, then a newline", exact(sdk.MaxClaimBytes) + "\n" + obj(acco) + "\n", 0, []batchLine{ok, ok}, ""},
		{"exactly 64 KB, then CRLF", exact(sdk.MaxClaimBytes) + "\r\n" + obj(acco) + "\r\n", 0, []batchLine{ok, ok}, ""},
		{"70 KB of blanks before a claim", strings.Repeat(" ", 70_000) + obj(acco) + "\n" + obj(acco) + "\n", 2, []batchLine{bad(1, ""), ok}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runSafe(t, tt.stdin, "evaluate", "--batch", "--today", hostileToday)
			checkBug(t, tt.bug, func(a assert.TestingT) {
				assert.Empty(a, r.stderr)
				assert.Equal(a, tt.code, r.code)
				var lines []string
				if r.stdout != "" {
					lines = strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
				}
				if !assert.Len(a, lines, len(tt.out), "one output line per claim: %.300q", r.stdout) {
					return
				}
				for i, want := range tt.out {
					var got map[string]any
					if !assert.NoError(a, json.Unmarshal([]byte(lines[i]), &got), "%.300q", lines[i]) {
						continue
					}
					if want.route != "" {
						assert.Equal(a, want.route, got["route"], "output line %d: %.300q", i+1, lines[i])
						continue
					}
					msg, _ := got["error"].(string)
					assert.Equal(a, float64(want.n), got["line"], "output line %d: %.300q", i+1, lines[i])
					assertOneLine(a, msg+"\n", maxLine)
					assert.Equal(a, want.field, fieldOf(a, fields, msg), "output line %d: %.300q", i+1, msg)
				}
			})
		})
	}
}

// problemPointer reads the pointer of one validate problem line, after the
// file name: "POINTER: message", the pointer quoted when it would not print
// as itself, "/" for the document. cut reports a quoted pointer cut with "…".
func problemPointer(a assert.TestingT, rest string) (ptr string, cut bool) {
	if strings.HasPrefix(rest, `"`) {
		q, err := strconv.QuotedPrefix(rest)
		if !assert.NoError(a, err, "a quoted pointer: %.300q", rest) {
			return "?", false
		}
		ptr, _ = strconv.Unquote(q)
		rest = rest[len(q):]
		if after, ok := strings.CutPrefix(rest, "…"); ok {
			rest, cut = after, true
		}
		assert.True(a, strings.HasPrefix(rest, ": "), "': ' after the pointer: %.300q", rest)
		return ptr, cut
	}
	ptr, _, ok := strings.Cut(rest, ": ")
	assert.True(a, ok, "POINTER: message: %.300q", rest)
	if ptr == "/" {
		ptr = ""
	}
	return ptr, false
}

// checkBrands validates the file at path and evaluates a claim with it.
func checkBrands(a assert.TestingT, c brandstest.Case, path string, v, e result) {
	if len(c.Ptrs) == 0 {
		assert.Equal(a, 0, v.code, "valid: %.600q", v.stdout)
		assert.Empty(a, v.stderr)
		assertOneLine(a, v.stdout, len(path)+maxLine)
		assert.Contains(a, v.stdout, ": ok: ")
		assert.Equal(a, 0, e.code, "evaluate --brands: %.300q", e.stderr)
		return
	}
	assert.Equal(a, 1, v.code)
	assert.Empty(a, v.stderr, "problems go to stdout")
	lines := strings.Split(strings.TrimSuffix(v.stdout, "\n"), "\n")
	if !assert.GreaterOrEqual(a, len(lines), 2, "problems and a count: %.300q", v.stdout) {
		return
	}
	problems := lines[:len(lines)-1]
	assert.Equal(a, fmt.Sprintf("%s: %d problem(s)", path, len(problems)), lines[len(lines)-1])
	var ptrs []string
	for i, l := range problems {
		rest, ok := strings.CutPrefix(l, path+": ")
		if !assert.True(a, ok, "problem %d starts with the file name: %.300q", i, l) {
			return
		}
		assertOneLine(a, rest+"\n", maxLine)
		p, cut := problemPointer(a, rest)
		if i == 0 {
			if c.Prefix {
				assert.True(a, strings.HasPrefix(p, c.Ptrs[0]), "first pointer %q starts with %q", p, c.Ptrs[0])
			} else {
				assert.False(a, cut, "first pointer %q is not cut", p)
				assert.Equal(a, c.Ptrs[0], p, "the first problem: %.300q", rest)
			}
		}
		ptrs = append(ptrs, p)
	}
	// The other pointers come later, in this order.
	at := 0
	for _, want := range c.Ptrs[1:] {
		i := slices.Index(ptrs[at+1:], want)
		if !assert.GreaterOrEqual(a, i, 0, "%q listed after %q: %q", want, c.Ptrs[0], ptrs) {
			return
		}
		at += 1 + i
	}
	// evaluate --brands refuses the file with its first problem.
	assert.Equal(a, 1, e.code)
	assert.Empty(a, e.stdout)
	line := assertOneLine(a, e.stderr, len(path)+maxLine+64)
	first, _ := strings.CutPrefix(problems[0], path+": ")
	assert.True(a, strings.HasPrefix(line, "rmacheck: "+path+": "+first), "evaluate names the first problem: %.300q", line)
}

func TestHostileBrands(t *testing.T) {
	tests := brandstest.Hostile(t, sdk.MaxDataBytes)
	dir := t.TempDir()
	claim := obj(acco)
	for i, c := range tests {
		t.Run(c.Name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("brands-%d.json", i))
			require.NoError(t, os.WriteFile(path, []byte(c.Data), 0o644))
			v := runSafe(t, "", "validate", path)
			e := runSafe(t, claim, "evaluate", "--brands", path, "--today", hostileToday)
			checkBrands(t, c, path, v, e)
		})
	}
}

// Claims decided with a brands.json whose numbers are at their bounds: the
// date arithmetic still stays within 0001..9999.
func TestHostileClaimsAtDataBounds(t *testing.T) {
	base := string(rmacheck.BrandsJSON())
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
		return path
	}
	doa := write("doa-3660.json", brandstest.Replace(t, base, `"id": "hyperx-doa",`, `"max": 30`, `"max": 3660`))
	warranty := write("warranty-240.json", brandstest.Replace(t, base, `"id": "ecoflow-5-year-warranty",`, `"warrantyMonths": 60`, `"warrantyMonths": 240`))
	hyperx, ecoflow := kv("brand", `"HyperX"`), obj(kv("brand", `"Ecoflow"`), kv("model", `"River 2"`))
	ecoflow = strings.TrimSuffix(ecoflow, "}")
	pd := func(d string) string { return kv("purchaseDate", str(d)) }
	cd := func(d string) string { return kv("claimDate", str(d)) }
	// time.Time is the oracle for the day counts.
	plus := func(date string, days int) string {
		d, err := time.Parse(time.DateOnly, date)
		require.NoError(t, err)
		return d.AddDate(0, 0, days).Format(time.DateOnly)
	}
	lastDOA := plus("9999-12-31", -3660)
	tests := []struct {
		path string
		c    claimCase
	}{
		{doa, claimCase{name: "DOA of 3660 days", stdin: obj(hyperx, pd("2026-01-01")), want: map[string]any{"doa": true, "deadlines.doaUntil": plus("2026-01-01", 3660)}}},
		{doa, claimCase{name: "DOA of 3660 days ends 9999-12-31", stdin: obj(hyperx, pd(lastDOA), cd("9999-12-31")), want: map[string]any{"doa": true, "deadlines.doaUntil": "9999-12-31"}}},
		{doa, claimCase{name: "DOA of 3660 days would end 10000-01-01", stdin: obj(hyperx, pd(plus(lastDOA, 1)), cd("9999-12-31")), code: 2, field: "purchaseDate"}},
		{doa, claimCase{name: "DOA of 3660 days from 9999-06-01", stdin: obj(hyperx, pd("9999-06-01"), cd("9999-06-02")), code: 2, field: "purchaseDate"}},
		{warranty, claimCase{name: "warranty of 240 months", stdin: ecoflow + "," + pd("2026-01-31") + "}", want: map[string]any{"deadlines.warrantyUntil": "2046-01-31"}}},
		{warranty, claimCase{name: "warranty of 240 months ends 9999-12-31", stdin: ecoflow + "," + pd("9979-12-31") + "," + cd("9999-12-31") + "}", want: map[string]any{"deadlines.warrantyUntil": "9999-12-31"}}},
		{warranty, claimCase{name: "warranty of 240 months from 9990-01-01", stdin: ecoflow + "," + pd("9990-01-01") + "," + cd("9990-02-01") + "}", code: 2, field: "purchaseDate"}},
	}
	fields := claimFields(t)
	for _, tt := range tests {
		t.Run(tt.c.name, func(t *testing.T) {
			r := runSafe(t, tt.c.stdin, "evaluate", "--brands", tt.path, "--today", hostileToday)
			checkClaim(t, fields, tt.c, r)
		})
	}
}

// Flags, arguments and file names are input too: their errors are one
// printable line.
func TestHostileArgs(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no\nsuch\x1b[2J.json")
	invalid := filepath.Join(dir, "bad\x1b[31m\n.json")
	require.NoError(t, os.WriteFile(invalid, []byte("{}"), 0o644))
	tests := []struct {
		name string
		args []string
		code int
		bug  string
	}{
		{"--today with an override", []string{"evaluate", "--today", "\u202e2026-03-10"}, 2, ""},
		{"--today of 10 MB", []string{"evaluate", "--today", strings.Repeat("é", 5<<20)}, 2, ""},
		{"--today impossible", []string{"evaluate", "--today=2026-02-30"}, 2, ""},
		{"--today year 0", []string{"evaluate", "--today", "0000-12-31"}, 2, ""},
		{"--lang invalid UTF-8", []string{"evaluate", "--lang", "\xff"}, 2, ""},
		{"--lang with ESC", []string{"evaluate", "--lang", "\x1b[2Jfr"}, 2, ""},
		{"--lang of 10 MB", []string{"evaluate", "--lang", strings.Repeat("é", 5<<20)}, 2, ""},
		{"an argument with a newline", []string{"evaluate", "x\ny"}, 2, ""},
		{"a brands query with ESC and an override", []string{"brands", "\u202ezz\x1b[2J"}, 1, ""},
		{"a brands query of 1 MB", []string{"brands", strings.Repeat("z", 1<<20)}, 1, ""},
		{"a command with a newline", []string{"x\ny"}, 2, ""},
		{"validate a directory", []string{"validate", dir}, 1, ""},
		{"validate two files", []string{"validate", "a\nb", "c"}, 2, ""},
		{"an undefined flag with a newline", []string{"evaluate", "--x\ny"}, 2, ""},
		{"a flag without its value", []string{"evaluate", "--today"}, 2, ""},
		{"--brands names a missing file with a newline", []string{"evaluate", "--brands", missing}, 1, ""},
		{"validate names a missing file with a newline", []string{"validate", missing}, 1, ""},
		{"brands --brands names a missing file", []string{"brands", "--brands", missing}, 1, ""},
		{"validate an invalid file with ESC in its name", []string{"validate", invalid}, 1, ""},
		{"--brands an invalid file with ESC in its name", []string{"evaluate", "--brands", invalid}, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runSafe(t, obj(acco), tt.args...)
			checkBug(t, tt.bug, func(a assert.TestingT) {
				assert.Equal(a, tt.code, r.code, "stderr %.300q", r.stderr)
				for _, l := range strings.SplitAfter(r.stdout, "\n") {
					if l != "" {
						assertOneLine(a, l, 2*maxLine)
					}
				}
				if r.stderr != "" || r.stdout == "" {
					assertOneLine(a, r.stderr, maxLine)
				}
			})
		})
	}
}

// A brands.json within the 16 MB limit must not cost a reader much more
// memory per byte than the guide itself: the limit is what keeps Load, the
// JS load() and the widget within a phone's memory. Allocated bytes are
// deterministic for a given input, so this is an assertion, not a timing.
func TestHostileBrandsMemory(t *testing.T) {
	base := string(rmacheck.BrandsJSON())
	dir := t.TempDir()
	allocPerByte := func(name, data string) (float64, result) {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		r := runSafe(t, "", "validate", path)
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(len(data)), r
	}
	guidePerByte, r := allocPerByte("guide.json", base)
	require.Equal(t, 0, r.code)
	// The budget: a value costs a 72-byte tree node plus its share of the
	// parse stacks, so a file of the tiniest values ("0,") costs about 230
	// bytes per input byte; the guide, mostly long texts, far less.
	const budget = 320.0
	require.Less(t, guidePerByte, budget)
	n := len(base) // each hostile file is about the guide's size
	many := func(item string) string {
		return `{"format": 1, "x": [` + strings.Repeat(item+",", n/(len(item)+1)) + item + `]}`
	}
	tests := []struct {
		name, data string
		code       int
		bug        string
	}{
		{"a long string", brandstest.Replace(t, base, "", `"format": 1,`, `"format": 1, "$schema": "`+strings.Repeat("s", n)+`",`), 0, ""},
		{"many zeros", many("0"), 1, ""},
		{"many empty strings", many(`""`), 1, ""},
		{"many empty objects", many("{}"), 1, ""},
		{"many nested arrays", many("[[[]]]"), 1, ""},
		{"many equal aliases", brandstest.Replace(t, base, `"id": "acer",`, `"Acer Predator"`, `"Acer Predator"`+strings.Repeat(`, "a"`, n/5)), 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			perByte, r := allocPerByte("hostile.json", tt.data)
			assert.Equal(t, tt.code, r.code)
			checkBug(t, tt.bug, func(a assert.TestingT) {
				assert.LessOrEqual(a, perByte, budget,
					"allocated bytes per input byte, at most %.0f (the guide: %.0f)", budget, guidePerByte)
			})
		})
	}
}
