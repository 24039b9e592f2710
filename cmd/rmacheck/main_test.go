package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
)

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	now := func() time.Time { return time.Date(2026, 3, 20, 10, 0, 0, 0, time.Local) }
	code := run(args, strings.NewReader(stdin), &out, &errOut, now)
	return result{code, out.String(), errOut.String()}
}

func TestEvaluate(t *testing.T) {
	r := runCLI(t, `{"brand":"HyperX","purchaseDate":"2026-02-18","proofOfPurchase":true,"defectDescription":"no sound"}`, "evaluate")
	require.Equal(t, 0, r.code, r.stderr)
	var d map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &d))
	assert.Equal(t, "micromedia-rma", d["route"], "day 30 counted from today, 2026-03-20")
	assert.Equal(t, true, d["doa"])
	assert.Equal(t, "en", d["lang"])

	r = runCLI(t, `{"brand":"HyperX","purchaseDate":"2026-02-17"}`, "evaluate", "--lang", "fr")
	require.Equal(t, 0, r.code, r.stderr)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &d))
	assert.Equal(t, "brand-direct", d["route"], "day 31")
	assert.Equal(t, "fr", d["lang"])

	r = runCLI(t, `{"brand":"HyperX","purchaseDate":"2026-02-17"}`, "evaluate", "--today", "2026-02-20")
	require.Equal(t, 0, r.code, r.stderr)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &d))
	assert.Equal(t, "micromedia-rma", d["route"], "--today sets the default claimDate")
}

func TestEvaluateInvalidInput(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		want        string // the one line on stderr
	}{
		{"malformed JSON", `{"brand":`, nil, "claim: malformed JSON: unexpected end of input"},
		{"not an object", `[1]`, nil, "claim: malformed JSON: want an object, got array"},
		{"unknown key", `{"brand":"Acco","colour":"red"}`, nil, `claim: "colour": unknown key`},
		{"impossible date", `{"brand":"Acco","purchaseDate":"2025-02-29"}`, nil, `claim: purchaseDate: "2025-02-29" is not a real day`},
		{"not a date", `{"brand":"Acco","claimDate":"20-03-2026"}`, nil, `claim: claimDate: "20-03-2026" is not a YYYY-MM-DD date`},
		{"purchase after claim", `{"brand":"Acco","purchaseDate":"2026-03-21"}`, nil, "claim: purchaseDate: 2026-03-21 is after claimDate 2026-03-20"},
		{"unknown category", `{"brand":"Acco","category":"toaster"}`, nil, `claim: category: unknown value "toaster"`},
		{"unknown support", `{"brand":"Acco","support":"yes"}`, nil, `claim: support: unknown value "yes"`},
		{"wrong type", `{"brand":"Acco","photo":"yes"}`, nil, "claim: photo: want true or false, got string"},
		{"missing brand", `{}`, nil, "claim: brand: required"},
		{"two values", `{"brand":"Acco"} {}`, nil, "claim: malformed JSON: more than one value"},
		{"bad --lang", `{"brand":"Acco"}`, []string{"--lang", "de"}, `--lang: unknown language "de"`},
		{"bad --today", `{"brand":"Acco"}`, []string{"--today", "tomorrow"}, `--today: "tomorrow" is not a YYYY-MM-DD date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.stdin, append([]string{"evaluate"}, tt.args...)...)
			assert.Equal(t, 2, r.code)
			assert.Empty(t, r.stdout)
			assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
		})
	}
}

func TestEvaluateBatch(t *testing.T) {
	in := strings.Join([]string{
		`{"brand":"Acco","purchaseDate":"2026-03-01","proofOfPurchase":true,"defectDescription":"broken"}`,
		`{"brand":"Acco","purchaseDate":"2026-02-30"}`,
		``,
		`not json`,
		`{"brand":"ASUS"}`,
	}, "\n")
	r := runCLI(t, in, "evaluate", "--batch")
	assert.Equal(t, 2, r.code, "a bad line makes the exit status 2")
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	require.Len(t, lines, 4, "one output line per non-blank input line")
	var got []map[string]any
	for _, l := range lines {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), l)
		got = append(got, m)
	}
	assert.Equal(t, true, got[0]["eligible"])
	assert.Equal(t, `claim: purchaseDate: "2026-02-30" is not a real day`, got[1]["error"])
	assert.Equal(t, float64(2), got[1]["line"])
	assert.Contains(t, got[2]["error"], "malformed JSON")
	assert.Equal(t, float64(4), got[2]["line"])
	assert.Equal(t, "brand-direct", got[3]["route"], "the batch goes on after bad lines")
}

func TestEvaluateWithBrandsFile(t *testing.T) {
	dir := t.TempDir()
	// Turn Acco into a brand the rules send to the brand itself.
	edited := strings.Replace(string(rmacheck.BrandsJSON()), `"id": "acco",`, `"id": "acco", "rules": [{"id": "acco-direct", "source": "test", "route": "brand-direct"}],`, 1)
	require.NotEqual(t, string(rmacheck.BrandsJSON()), edited)
	path := filepath.Join(dir, "brands.json")
	require.NoError(t, os.WriteFile(path, []byte(edited), 0o644))
	r := runCLI(t, `{"brand":"Acco"}`, "evaluate", "--brands", path)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, `"route": "brand-direct"`)

	r = runCLI(t, `{"brand":"Acco"}`, "evaluate", "--brands", filepath.Join(dir, "missing.json"))
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "missing.json")
}

func TestValidate(t *testing.T) {
	r := runCLI(t, "", "validate")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "162 brands (26 marked *)")

	dir := t.TempDir()
	bad := strings.Replace(string(rmacheck.BrandsJSON()), `"value": "support@denver-electronics.com"`, `"value": "support at denver"`, 1)
	bad = strings.Replace(bad, `"name": "Acer"`, `"name": "Acco"`, 1)
	path := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(path, []byte(bad), 0o644))
	r = runCLI(t, "", "validate", path)
	assert.Equal(t, 1, r.code)
	assert.Regexp(t, `bad.json: /brands/\d+/contacts/0/value: `, r.stdout)
	assert.Regexp(t, `bad.json: /brands/1/name: "acco" is also a name or alias of brand "acco" \(/brands/0/name\)`, r.stdout)
	assert.Contains(t, r.stdout, "problem(s)")

	r = runCLI(t, "", "validate", "a", "b")
	assert.Equal(t, 2, r.code)
}

func TestBrands(t *testing.T) {
	r := runCLI(t, "", "brands")
	require.Equal(t, 0, r.code)
	assert.Equal(t, 162, strings.Count(r.stdout, "\n"))
	assert.Contains(t, r.stdout, "HyperX*")

	r = runCLI(t, "", "brands", "--json", "koch")
	require.Equal(t, 0, r.code)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rows))
	require.NotEmpty(t, rows)
	assert.Equal(t, "koch-media", rows[0]["id"])

	r = runCLI(t, "", "brands", "zzzzzzzz")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "no brand matches")
}

func TestCorrections(t *testing.T) {
	r := runCLI(t, "", "corrections", "--json")
	require.Equal(t, 0, r.code)
	var cs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &cs))
	ids := map[string]bool{}
	for _, c := range cs {
		ids[c["id"].(string)] = true
	}
	for _, id := range []string{"delta-children-email", "aosu-cut-sentence", "speedlink-url-scheme", "the-g-lab-duplicate", "nanoflow-no-entry"} {
		assert.True(t, ids[id], "the guide's slip %s is recorded", id)
	}
	r = runCLI(t, "", "corrections", "--lang", "fr")
	assert.Equal(t, 0, r.code)
	assert.Contains(t, r.stdout, "adresse e-mail")
}

func TestUsage(t *testing.T) {
	assert.Equal(t, 2, runCLI(t, "").code)
	assert.Equal(t, 2, runCLI(t, "", "frobnicate").code)
	assert.Equal(t, 0, runCLI(t, "", "help").code)
}

// TestNoTrailingSpaces: no line that the CLI prints, on stdout or stderr,
// ends in a space or a tab (scripts diff and grep it).
func TestNoTrailingSpaces(t *testing.T) {
	claim := `{"brand":"HyperX","category":"accessory","purchaseDate":"2026-01-15","claimDate":"2026-03-10"}`
	tests := []struct {
		stdin string
		args  []string
	}{
		{"", []string{"brands"}},
		{"", []string{"brands", "acer"}},
		{"", []string{"brands", "zzzzzzzz"}},
		{"", []string{"corrections"}},
		{"", []string{"corrections", "--lang", "fr"}},
		{"", []string{"validate", "../../brands.json"}},
		{"", []string{"help"}},
		{"", []string{"frobnicate"}},
		{claim, []string{"evaluate"}},
		{claim, []string{"evaluate", "--lang", "nl", "--audience", "consumer"}},
		{`{"brand":`, []string{"evaluate"}},
	}
	for _, tt := range tests {
		r := runCLI(t, tt.stdin, tt.args...)
		for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			for i, line := range strings.Split(out, "\n") {
				assert.Equal(t, strings.TrimRight(line, " \t"), line, "rmacheck %s: %s line %d ends in blanks", strings.Join(tt.args, " "), name, i+1)
			}
		}
	}
}
