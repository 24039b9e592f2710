package guide_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/guide"
	"github.com/micromedia/rmacheck/sdk"
)

// seedGuide is the guide as exported to the shared folder; it is not in
// the repository, so the test reads it only where it exists.
const seedGuide = "../../shared/seed/000_f8d7611712f702d9.txt"

// printedHeadings reads the brand headings of the guide at path exactly as
// printed: with the *, brackets, accents and spacing of the heading line.
func printedHeadings(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	g, err := guide.ReadFile(data)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	var out []string
	for _, b := range g.Brands {
		require.True(t, b.Line >= 1 && b.Line <= len(lines), "heading %q: line %d is outside the text", b.Name, b.Line)
		raw := strings.TrimSpace(lines[b.Line-1])
		// The reader's name is the heading without its * and with its
		// spaces collapsed; anything else means the line is not the heading.
		require.Equal(t, b.Name, strings.Join(strings.Fields(strings.ReplaceAll(raw, "*", " ")), " "), "line %d", b.Line)
		require.Equal(t, b.Special, strings.Contains(raw, "*"), "line %d", b.Line)
		out = append(out, raw)
	}
	require.NotEmpty(t, out, path)
	return out
}

// listedHeadings reads testdata/headings.txt: one heading a line, as printed.
func listedHeadings(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/headings.txt")
	require.NoError(t, err)
	defer f.Close()
	var out []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if l := strings.TrimSpace(s.Text()); l != "" {
			out = append(out, l)
		}
	}
	require.NoError(t, s.Err())
	require.NotEmpty(t, out)
	return out
}

// A product feed, or a name copied from the guide, uses a brand's heading
// exactly as printed: each one must find its brand, the same brand as the
// heading's name without its bracketed parts.
func TestPrintedHeadingsFindTheirBrand(t *testing.T) {
	g, err := sdk.Default()
	require.NoError(t, err)
	sources := map[string][]string{
		"testdata/guide.txt":    printedHeadings(t, "testdata/guide.txt"),
		"testdata/headings.txt": listedHeadings(t),
	}
	if _, err := os.Stat(seedGuide); err == nil {
		sources[seedGuide] = printedHeadings(t, seedGuide)
	}
	claimDate := sdk.DateOf(2026, 3, 10)
	for source, headings := range sources {
		t.Run(source, func(t *testing.T) {
			for _, h := range headings {
				c := sdk.Claim{Brand: h, ClaimDate: claimDate, PurchaseDate: claimDate.AddDays(-40), ProofOfPurchase: true}
				d, err := g.Evaluate(c, sdk.Options{})
				require.NoError(t, err, h)
				if !assert.NotEqual(t, sdk.RouteUnknownBrand, d.Route, "heading %q", h) || !assert.NotNil(t, d.Brand, h) {
					continue
				}
				base := guide.Brand{Name: strings.ReplaceAll(h, "*", " ")}.BaseName()
				c.Brand = base
				bd, err := g.Evaluate(c, sdk.Options{})
				require.NoError(t, err, base)
				if assert.NotNil(t, bd.Brand, "base name %q of %q", base, h) {
					assert.Equal(t, bd.Brand.ID, d.Brand.ID, "heading %q and its name %q find different brands", h, base)
				}
				m := g.Lookup(h)
				if assert.NotEmpty(t, m, h) {
					assert.Equal(t, d.Brand.ID, m[0].ID, "Lookup(%q) ranks another brand first", h)
				}
			}
		})
	}
}
