package rmacheck_test

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snippet is one fenced code block of a Markdown file.
type snippet struct {
	file   string // relative to the module root
	line   int    // of the opening fence
	lang   string // the fence's info string: go, sh, html, …; "" for none
	marker string // the <!-- snippet: … --> on the line before the fence, without the comment
	body   string
}

// docFiles are the Markdown files a reader pastes from.
func docFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("docs/*.md")
	require.NoError(t, err)
	return append([]string{"README.md", "wasm/npm/README.md"}, files...)
}

var markerLine = regexp.MustCompile(`^<!-- snippet: (.+?) -->$`)

// snippets reads the fenced blocks of a Markdown file. A marker belongs to
// a block when it is the line right before the opening fence.
func snippets(t *testing.T, name string) []snippet {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	var out []snippet
	var cur *snippet
	prev := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &snippet{file: name, line: n, lang: strings.TrimSpace(strings.TrimPrefix(line, "```"))}
			if m := markerLine.FindStringSubmatch(prev); m != nil {
				cur.marker = m[1]
			}
		case cur != nil && strings.HasPrefix(line, "```"):
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.body += line + "\n"
		}
		prev = line
	}
	require.NoError(t, sc.Err())
	require.Nil(t, cur, "%s: a code block is not closed", name)
	return out
}

// runBy names the tests that run the blocks of a language, and the files
// they read: a block of that language in another file would not be run.
var runBy = map[string]struct {
	test  string
	files []string
}{
	"html": {"webapp/demo TestEmbedSnippetsRunAsPasted (Chromium)", []string{"README.md", "docs/embedding.md"}},
	"ts":   {"wasm/test/npm.test.mjs (tsc, then Node)", []string{"docs/javascript.md", "docs/embedding.md", "wasm/npm/README.md"}},
}

// TestSnippetsRunAsPasted: every code block of README.md and docs/ is run
// as pasted, by this test or by the one runBy names, or says why not in a
// marker on the line before it:
//
//	<!-- snippet: run -->              a shell block, run in a temporary copy of the repository
//	<!-- snippet: fragment: <why> -->  a part of something (a usage synopsis, a config file)
//	<!-- snippet: output: <why> -->    what a command prints
//
// Go blocks run as the body of main, and a `// text…` comment on their last
// line is the start of what they print. JSON blocks parse, and a claim is
// evaluated.
func TestSnippetsRunAsPasted(t *testing.T) {
	all := 0
	for _, name := range docFiles(t) {
		for _, s := range snippets(t, name) {
			all++
			t.Run(strings.ReplaceAll(s.file, "/", "_")+":"+strconv.Itoa(s.line), func(t *testing.T) {
				kind, why, _ := strings.Cut(s.marker, ": ")
				switch {
				case kind == "fragment" || kind == "output":
					assert.NotEmpty(t, strings.TrimSpace(why), "%s:%d: %q needs a reason: <!-- snippet: %s: why -->", s.file, s.line, kind, kind)
				case kind == "run":
					require.Equal(t, "sh", s.lang, "%s:%d: only shell blocks run", s.file, s.line)
					runShell(t, s)
				case kind != "":
					t.Fatalf("%s:%d: unknown marker %q: want run, fragment: <why> or output: <why>", s.file, s.line, s.marker)
				case s.lang == "go":
					runGo(t, s)
				case s.lang == "json":
					checkJSON(t, s)
				case runBy[s.lang].test != "":
					assert.Contains(t, runBy[s.lang].files, s.file, "%s:%d: %s reads %s blocks only from these files", s.file, s.line, runBy[s.lang].test, s.lang)
				default:
					t.Fatalf("%s:%d: a %q block with no marker: nothing runs it; add <!-- snippet: run|fragment: why|output: why --> on the line before", s.file, s.line, s.lang)
				}
			})
		}
	}
	assert.Greater(t, all, 20, "the docs' code blocks were found")
}

// runGo runs a Go block as the body of main, in a folder inside the module
// (so that it imports this module's packages), with the imports it names.
func runGo(t *testing.T, s snippet) {
	imports := []string{}
	for pkg, path := range map[string]string{"fmt.": `"fmt"`, "log.": `"log"`, "sdk.": `"github.com/micromedia/rmacheck/sdk"`} {
		if strings.Contains(s.body, pkg) {
			imports = append(imports, path)
		}
	}
	src := "package main\n\nimport (\n" + strings.Join(imports, "\n") + "\n)\n\nfunc main() {\n" + s.body + "}\n"
	dir, err := os.MkdirTemp(".", ".snippet-") // a dot folder: ./... does not see it
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644))
	out, err := exec.Command("go", "run", filepath.Join(dir, "main.go")).CombinedOutput()
	require.NoError(t, err, "%s:%d: go run: %s", s.file, s.line, out)
	lines := strings.Split(strings.TrimSpace(s.body), "\n")
	if _, want, ok := strings.Cut(lines[len(lines)-1], "// "); ok {
		want = strings.TrimSuffix(strings.TrimSpace(want), "…")
		assert.True(t, strings.HasPrefix(string(out), want), "%s:%d: the block says it prints %q…, it prints %q", s.file, s.line, want, out)
	}
}

// checkJSON parses a JSON block; a claim (it has a "brand") must also
// decode and evaluate as the docs say.
func checkJSON(t *testing.T, s snippet) {
	var v map[string]any
	require.NoError(t, json.Unmarshal([]byte(s.body), &v), "%s:%d: not JSON", s.file, s.line)
	if _, ok := v["brand"]; !ok {
		if id, ok := v["id"].(string); ok {
			// A rule: brands.json has it, with the same route.
			var file struct {
				Brands []struct {
					Rules []map[string]any `json:"rules"`
				} `json:"brands"`
			}
			b, err := os.ReadFile("brands.json")
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &file))
			for _, br := range file.Brands {
				for _, r := range br.Rules {
					if r["id"] == id {
						assert.Equal(t, r["route"], v["route"], "%s:%d: rule %s's route", s.file, s.line, id)
						assert.Equal(t, r["when"], v["when"], "%s:%d: rule %s's when", s.file, s.line, id)
						return
					}
				}
			}
			t.Fatalf("%s:%d: brands.json has no rule %q", s.file, s.line, id)
		}
		return
	}
	g, err := sdk.Default()
	require.NoError(t, err)
	c, err := sdk.DecodeClaim([]byte(s.body), sdk.DateOf(2026, 12, 1))
	require.NoError(t, err, "%s:%d: the claim", s.file, s.line)
	_, err = g.Evaluate(c, sdk.Options{})
	require.NoError(t, err, "%s:%d: the claim", s.file, s.line)
}

// runShell runs a shell block with sh -e in a copy of the repository's
// files (the working tree's, so that a change is tested before it is
// committed).
func runShell(t *testing.T, s snippet) {
	dir := t.TempDir()
	files, err := exec.Command("git", "ls-files", "-co", "--exclude-standard").Output()
	require.NoError(t, err)
	for _, f := range strings.Split(strings.TrimSpace(string(files)), "\n") {
		b, err := os.ReadFile(f)
		if os.IsNotExist(err) {
			continue // deleted in the working tree
		}
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), b, 0o644))
	}
	cmd := exec.Command("sh", "-ec", s.body)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s:%d: %s", s.file, s.line, out)
}
