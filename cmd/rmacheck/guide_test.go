package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const guidePath = "../../guide/testdata/guide.txt"

// guideCopy writes the guide with the replacements (old, new, …) applied to
// a temporary file.
func guideCopy(t *testing.T, replacements ...string) string {
	t.Helper()
	b, err := os.ReadFile(guidePath)
	require.NoError(t, err)
	text := string(b)
	for i := 0; i+1 < len(replacements); i += 2 {
		require.Contains(t, text, replacements[i])
		text = strings.Replace(text, replacements[i], replacements[i+1], 1)
	}
	path := filepath.Join(t.TempDir(), "guide.txt")
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

var (
	// A special rule changed and a contact changed: one to-do, one
	// mechanical change.
	ruleAndContact = []string{
		"garantie de 24 mois après achat. Toutes les", "garantie de 36 mois après achat. Toutes les",
		"https://www.acezone.io/en-eu/pages/contact", "https://www.acezone.io/fr",
	}
	contactOnly = ruleAndContact[2:]
)

func TestGuideCheck(t *testing.T) {
	r := runCLI(t, "", "guide", "check", guidePath)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "in step with brands.json (163 headings, guide of 2026-03-04)")

	r = runCLI(t, "", "guide", "check", "--json", guidePath)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.JSONEq(t, "[]", r.stdout)

	edited := guideCopy(t, ruleAndContact...)
	r = runCLI(t, "", "guide", "check", edited)
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stdout, ":310: contact-changed: Acezone: /brands/2/contacts/0: guide website https://www.acezone.io/fr, data website https://www.acezone.io/en-eu/pages/contact\n")
	assert.Contains(t, r.stdout, `:848: rules-changed: Dometic: /brands/43/sectionDigest: guide "Dometic\n\nTous les produits Dometic bénéficient d'une garantie de 36 mois`)
	assert.Contains(t, r.stdout, "2 difference(s)")

	r = runCLI(t, "", "guide", "check", edited, "--json")
	assert.Equal(t, 1, r.code, r.stderr)
	var diffs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &diffs))
	require.Len(t, diffs, 2)
	var keys []string
	for k := range diffs[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	assert.Equal(t, []string{"brand", "data", "guide", "kind", "line", "pointer"}, keys)
	assert.Equal(t, map[string]any{"type": "website", "value": "https://www.acezone.io/fr"}, diffs[0]["guide"])
	assert.Equal(t, "rules-changed", diffs[1]["kind"])
	assert.Equal(t, float64(848), diffs[1]["line"])
}

func TestGuideUnreadableInput(t *testing.T) {
	badBrands := filepath.Join(t.TempDir(), "brands.json")
	require.NoError(t, os.WriteFile(badBrands, []byte(`{"format": 1}`), 0o644))
	noLog := guideCopy(t, "Dernier modifications :", "Modifs")
	noRules := guideCopy(t, "Règles de retour pour article défectueux \n\nLes règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). \n\n \n\nAcer*", "Acer*")
	tests := []struct {
		name string
		args []string
		want string // in the one line on stderr
	}{
		{"no file", []string{"guide", "check", "missing.txt"}, "missing.txt"},
		{"no argument", []string{"guide", "check"}, "want one GUIDE.txt, got 0 arguments"},
		{"no change log", []string{"guide", "check", noLog}, "guide.txt: line 1: no change log"},
		{"a heading without rules", []string{"guide", "check", noRules}, `guide.txt: line 273: brand "Acco": no "Règles de retour…" heading before line`},
		{"invalid brands.json", []string{"guide", "check", guidePath, "--brands", badBrands}, "brands.json: /: missing properties"},
		{"diff of one file", []string{"guide", "diff", guidePath}, "want OLD.txt and NEW.txt, got 1 arguments"},
		{"diff of an unreadable guide", []string{"guide", "diff", guidePath, noLog}, "line 1: no change log"},
		{"update without -o", []string{"guide", "update", guidePath}, "-o OUT: required"},
		{"update of an unknown brand", []string{"guide", "update", guidePath, "-o", filepath.Join(t.TempDir(), "x.json"), "--accept", "nope"}, `--accept: no brand has id "nope"`},
		{"unknown guide command", []string{"guide", "merge"}, `unknown command "merge"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			assert.Equal(t, 2, r.code, r.stdout)
			assert.Empty(t, r.stdout)
			assert.Equal(t, 1, strings.Count(r.stderr, "\n"), "one line: %q", r.stderr)
			assert.Contains(t, r.stderr, tt.want)
		})
	}
}

func TestGuideDiff(t *testing.T) {
	r := runCLI(t, "", "guide", "diff", guidePath, guidePath)
	assert.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "say the same")

	r = runCLI(t, "", "guide", "diff", guidePath, guideCopy(t, ruleAndContact...))
	assert.Equal(t, 1, r.code, r.stderr)
	assert.Equal(t, "Acezone (line 307 -> 307)\n"+
		"  contact-changed: Site internet: https://www.acezone.io/en-eu/pages/contact -> Site internet: https://www.acezone.io/fr\n"+
		"Dometic (line 841 -> 841)\n"+
		"  rules: … produits Dometic bénéficient d'une garantie de [-24-] {+36+} mois après achat. Toutes les pièces …\n", r.stdout)

	r = runCLI(t, "", "guide", "diff", "--json", guidePath, guideCopy(t, ruleAndContact...))
	assert.Equal(t, 1, r.code, r.stderr)
	var rep map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
	assert.Len(t, rep["brands"], 2)
}

// update, then check: only the to-dos are left, and once a person has done
// them (--accept), the data is in step.
func TestGuideUpdate(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "brands.json")

	mechanical := guideCopy(t, contactOnly...)
	r := runCLI(t, "", "guide", "update", mechanical, "-o", out)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "written, 0 to-do(s) left")
	r = runCLI(t, "", "guide", "check", mechanical, "--brands", out)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	r = runCLI(t, "", "validate", out)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)

	edited := guideCopy(t, ruleAndContact...)
	r = runCLI(t, "", "guide", "update", edited, "-o", out, "--old", guidePath)
	assert.Equal(t, 1, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "to do: "+edited+":848: rules-changed: Dometic: /brands/43/sectionDigest")
	assert.Contains(t, r.stdout, "  old: \"Dometic\\n\\nTous les produits Dometic bénéficient d'une garantie de 24 mois")
	assert.Contains(t, r.stdout, "written, 1 to-do(s) left")
	r = runCLI(t, "", "guide", "check", edited, "--brands", out, "--json")
	assert.Equal(t, 1, r.code, r.stderr)
	var diffs []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &diffs))
	require.Len(t, diffs, 1, "the to-do only")
	assert.Equal(t, "rules-changed", diffs[0]["kind"])

	r = runCLI(t, "", "guide", "update", edited, "--brands", out, "-o", out, "--accept", "dometic", "--json")
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
	assert.JSONEq(t, "[]", r.stdout)
	r = runCLI(t, "", "guide", "check", edited, "--brands", out)
	assert.Equal(t, 0, r.code, r.stdout+r.stderr)
}
