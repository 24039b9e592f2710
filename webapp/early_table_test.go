//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEarlyTableIsCurrent: web/early.json is what `make generate` writes
// from the embedded brands.json.
func TestEarlyTableIsCurrent(t *testing.T) {
	if raceDetector {
		t.Skip("a data walk without goroutines: it runs without -race")
	}
	want, err := earlyTable(testGuide(t), rmacheck.BrandsJSON())
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join("web", "early.json"))
	require.NoError(t, err)
	require.True(t, string(got) == string(want), "web/early.json is stale: run make generate")
}

// earlyFacts are the form's fields as early.js reads them.
type earlyFacts struct {
	Brand          string `json:"brand"`
	Committed      bool   `json:"committed"`
	Category       string `json:"category"`
	PurchaseDate   string `json:"purchaseDate"`
	Model          string `json:"model"`
	Proof          bool   `json:"proof"`
	Defect         string `json:"defect"`
	FromMicromedia bool   `json:"fromMicromedia"`
	Complete       bool   `json:"complete"`
	Serial         string `json:"serial"`
	Photo          bool   `json:"photo"`
	Support        string `json:"support"`
	SpareParts     string `json:"spareParts"`
	Audience       string `json:"audience"`
	Lang           string `json:"lang"`
	Today          string `json:"today"`
}

// earlyCase is one claim and what the early answer may be.
type earlyCase struct {
	facts earlyFacts
	want  string // the widget's answer, as earlyCanon writes it
	// mayWait: the early answer may leave this one to the engine ("none"
	// or "engine"): a name the table does not hold, a typed model that
	// may matter.
	mayWait bool
}

// widgetAnswer is what the widget's result card shows first for facts.
func widgetAnswer(g *sdk.Guide, f earlyFacts) string {
	d := Draft{}.apply(g, edit{Field: fieldBrandText, Text: f.Brand})
	if f.Committed {
		d = d.apply(g, edit{Field: fieldBrandCommit})
	}
	for _, e := range []edit{
		{Field: fieldCategory, Text: f.Category}, {Field: fieldPurchaseDate, Text: f.PurchaseDate},
		{Field: fieldModel, Text: f.Model}, {Field: fieldProof, On: f.Proof}, {Field: fieldDefect, Text: f.Defect},
		{Field: fieldFromMicromedia, On: f.FromMicromedia}, {Field: fieldComplete, On: f.Complete},
		{Field: fieldSerial, Text: f.Serial}, {Field: fieldPhoto, On: f.Photo},
		{Field: fieldSupport, Text: f.Support}, {Field: fieldSpareParts, Text: f.SpareParts},
	} {
		d = d.apply(g, e)
	}
	today, err := sdk.ParseDate(f.Today)
	if err != nil {
		panic(err)
	}
	return earlyCanon(buildView(g, d, sdk.Lang(f.Lang), sdk.Audience(f.Audience), today))
}

// earlyCanon writes the part of the card the early answer shows.
func earlyCanon(v View) string {
	if v.Decision == nil {
		return "none"
	}
	status, kind := v.status()
	var contacts []string
	for _, c := range v.contacts() {
		contacts = append(contacts, strings.Join([]string{string(c.Type), contactHref(c), c.Label + colon(v.Lang), contactShort(c)}, "\x1f"))
	}
	eligible := "0"
	if v.Decision.Eligible {
		eligible = "1"
	}
	return strings.Join([]string{string(v.Decision.Route), kind, status, v.headline(), eligible,
		strings.Join(v.dates(), "\x1f"), strings.Join(contacts, "\x1d")}, "\x1e")
}

// earlyCases are every row of the table (a brand, or an alias that names a
// kind of product) × kind of product × support × spare parts × days at
// each rule's day edges ±1 and past the warranty × audience × language,
// with the checklist facts varied; then each name and alias, the
// warranty's last day ±1 for every warranty length, and names written
// otherwise.
func earlyCases(t *testing.T, g *sdk.Guide, yield func(earlyCase)) {
	var table earlyTableJSON
	raw, err := os.ReadFile(filepath.Join("web", "early.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &table))
	edges, err := dayEdges(rmacheck.BrandsJSON())
	require.NoError(t, err)
	today := sdk.DateOf(2026, time.December, 7) // not the table's probe day
	days := []int{-1}
	for _, e := range edges {
		for _, d := range []int{e - 1, e, e + 1} {
			if d >= 0 && !slices.Contains(days, d) {
				days = append(days, d)
			}
		}
	}
	days = append(days, 3000) // past every warranty here
	first := map[int]string{} // row → its first name
	for _, n := range table.Names {
		row := int(n[1].(float64))
		if _, ok := first[row]; !ok {
			first[row] = n[0].(string)
		}
	}
	n := 0
	mk := func(name, cat, sup, sp string, day int, aud sdk.Audience, lang sdk.Lang, on sdk.Date) earlyFacts {
		n++
		// The checklist facts cycle through every combination.
		bits := (n * 2654435761) >> 7
		f := earlyFacts{Brand: name, Committed: n%3 != 0, Category: cat, Support: sup, SpareParts: sp,
			Proof: bits&1 != 0, FromMicromedia: bits&2 != 0, Complete: bits&4 != 0, Photo: bits&8 != 0,
			Audience: string(aud), Lang: string(lang), Today: on.String()}
		if bits&16 != 0 {
			f.Defect = "Stopped working"
		}
		if bits&32 != 0 {
			f.Serial = "SN123"
		}
		if day >= 0 {
			f.PurchaseDate = on.AddDays(-day).String()
		}
		return f
	}
	// Unanswered ("", "") counts as the first answers; every pair of
	// answers, and the two unanswered.
	type answers struct{ sup, sp string }
	pairs := []answers{{"", ""}}
	for _, sup := range sdk.SupportAnswers() {
		for _, sp := range sdk.SparePartsAnswers() {
			pairs = append(pairs, answers{string(sup), string(sp)})
		}
	}
	for row := 0; row < len(table.Rows); row++ {
		name := first[row]
		for _, cat := range table.Categories {
			// A rule that looks at the model: with none typed, the answer
			// turns on which warranty has ended; the engine may answer.
			q, _ := g.Questions(name, cat)
			modelRules := q.Model
			for _, p := range pairs {
				for _, day := range days {
					for _, aud := range sdk.Audiences() {
						for _, lang := range sdk.Langs() {
							f := mk(name, string(cat), p.sup, p.sp, day, aud, lang, today)
							yield(earlyCase{facts: f, want: widgetAnswer(g, f), mayWait: modelRules})
						}
					}
				}
			}
		}
	}
	// Every name and alias, written as given and otherwise; typos and
	// shared names may wait for the engine; a typed model may, where the
	// cell says it matters, and must not change one that says not.
	for _, nm := range table.Names {
		name, row := nm[0].(string), int(nm[1].(float64))
		for ci, cat := range table.Categories {
			if table.Rows[row][ci] < 0 && cat != "" {
				continue
			}
			q, _ := g.Questions(name, cat)
			modelMatters := q.Model || table.Rows[row][ci] >= 0 && table.Cells[table.Rows[row][ci]].Model
			for _, v := range []struct {
				name, model string
				mayWait     bool
			}{
				{name, "", q.Model},
				// Upper case outside ASCII is a key early.js does not hold.
				{"  " + strings.ToUpper(name) + " *", "", q.Model || strings.ToUpper(name) != strings.ToUpper(asciiOnly(name))},
				{name, "X 100", modelMatters},
				{name + "q", "", true},
				{"Ü" + name, "", true},
			} {
				f := mk(v.name, string(cat), "", "", 10, sdk.AudienceConsumer, sdk.LangFrench, today)
				f.Model = v.model
				yield(earlyCase{facts: f, want: widgetAnswer(g, f), mayWait: v.mayWait})
			}
		}
	}
	// The warranty's last day ±1, for every warranty length and leap days.
	months := map[int]bool{}
	for _, o := range table.Outcomes {
		if o.WarrantyMonths > 0 {
			months[o.WarrantyMonths] = true
		}
	}
	for _, on := range []sdk.Date{today, sdk.DateOf(2028, time.February, 29), sdk.DateOf(2027, time.March, 31)} {
		for m := range months {
			end := on.AddMonths(-m).DaysUntil(on)
			for row := 0; row < len(table.Rows); row++ {
				for ci, cat := range table.Categories {
					if table.Rows[row][ci] < 0 {
						continue
					}
					for _, day := range []int{end - 2, end - 1, end, end + 1, end + 2} {
						f := mk(first[row], string(cat), "", "", day, sdk.AudienceConsumer, sdk.LangEnglish, on)
						q, _ := g.Questions(first[row], cat)
						yield(earlyCase{facts: f, want: widgetAnswer(g, f), mayWait: q.Model})
					}
				}
			}
		}
	}
	// The kind of product's box left on "Choose…" (a value that is no
	// kind): a name that says the kind answers, others wait.
	for row := 0; row < len(table.Rows); row++ {
		f := mk(first[row], "Choose…", "", "", 5, sdk.AudienceConsumer, sdk.LangEnglish, today)
		q, _ := g.Questions(first[row], "")
		yield(earlyCase{facts: f, want: widgetAnswer(g, f), mayWait: q.Model})
	}
	// Dates the SDK refuses or the form ignores.
	for _, pd := range []string{"9999-12-30", "0001-01-01", "2026-02-30", "2027-01-01", "20261201", ""} {
		for row := 0; row < len(table.Rows); row++ {
			f := mk(first[row], string(sdk.CategoryMonitor), "", "", -1, sdk.AudienceReseller, sdk.LangDutch, today)
			f.PurchaseDate = pd
			if pd == "9999-12-30" {
				f.Today = "9999-12-31"
			}
			q, _ := g.Questions(first[row], sdk.CategoryMonitor)
			yield(earlyCase{facts: f, want: widgetAnswer(g, f), mayWait: q.Model})
		}
	}
}

// asciiOnly is s without its characters outside ASCII.
func asciiOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 {
			return -1
		}
		return r
	}, s)
}

// TestEarlyAnswerIsTheWidgets runs web/early.js in Node over every case of
// earlyCases and compares its answer with the widget's own (buildView and
// the result card's texts): equal, or, where allowed, left to the engine.
func TestEarlyAnswerIsTheWidgets(t *testing.T) {
	if raceDetector {
		t.Skip("a data walk without goroutines: it runs without -race")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("RMA_E2E") == "required" {
			t.Fatal("node not found (RMA_E2E=required)")
		}
		t.Skip("node not found: the early answer's script is not checked (set RMA_E2E=required to fail instead)")
	}
	g := testGuide(t)
	cmd := exec.Command(node, filepath.Join("testdata", "early-answer.cjs"), filepath.Join("web", "early.json"))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())

	cases := make(chan earlyCase, 100000)
	go func() {
		w := bufio.NewWriterSize(stdin, 64<<10)
		n := 0
		earlyCases(t, g, func(c earlyCase) {
			line, _ := json.Marshal(c.facts)
			w.Write(append(line, '\n'))
			cases <- c
			if n++; n%1000 == 0 {
				w.Flush()
			}
		})
		w.Flush()
		stdin.Close()
		close(cases)
	}()
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var total, answered, waited, wrong int
	for c := range cases {
		require.True(t, sc.Scan(), "node stopped after %d cases: %v", total, sc.Err())
		var got string
		require.NoError(t, json.Unmarshal(sc.Bytes(), &got))
		total++
		switch {
		case got == c.want:
			if got != "none" {
				answered++
			}
		case c.mayWait && (got == "none" || got == "engine"):
			waited++
		case got == "engine" && c.want != "none" && c.mayWait:
			waited++
		default:
			if wrong++; wrong <= 5 {
				facts, _ := json.Marshal(c.facts)
				assert.Fail(t, "the early answer is not the widget's", "facts %s\nearly:  %q\nwidget: %q", facts, got, c.want)
			}
		}
	}
	require.NoError(t, cmd.Wait())
	assert.Zero(t, wrong, "%d of %d cases differ", wrong, total)
	t.Logf("%d cases: %d answered early as the widget does, %d left to the engine", total, answered, waited)
	assert.Greater(t, answered, total/3, "the early path answers most cases")
}

// TestServerEarlyTableFollowsBrands: a server given another brands.json
// (-brands) answers early from that file, as its engine will; one it cannot
// load leaves the widget, and web/early.json, on the embedded guide.
func TestServerEarlyTableFollowsBrands(t *testing.T) {
	if raceDetector {
		t.Skip("the table's data walk, twentyfold slower under -race, has no goroutines: it runs without -race")
	}
	updated := []byte(strings.Replace(string(rmacheck.BrandsJSON()), `"date": "2026-03-04"`, `"date": "2026-03-05"`, 1))
	g, err := sdk.LoadBytes(updated)
	require.NoError(t, err)
	want, err := earlyTable(g, updated)
	require.NoError(t, err)
	s, err := newServer(serverOptions{WebDir: fakeWeb(t, false), Brands: updated})
	require.NoError(t, err)
	r := get(t, s, "/web/early.json")
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	got := body(t, r)
	assert.Equal(t, string(want), got)
	assert.Contains(t, got, `"guideDate":"2026-03-05"`)
	site := t.TempDir()
	require.NoError(t, s.writeSite(site))
	written, err := os.ReadFile(filepath.Join(site, "web", "early.json"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(written), "make site writes the same table")

	broken, err := newServer(serverOptions{WebDir: fakeWeb(t, false), Brands: []byte(`{"guide":1}`)})
	require.NoError(t, err)
	assert.Nil(t, broken.early, "a file the widget ignores: the embedded guide's table")
}
