package sdk_test

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/sdk"
)

const lookupGolden = "testdata/lookup.golden.json"

// lookupRecord is one query of testdata/lookup.golden.json with every match
// Lookup gave, in order.
type lookupRecord struct {
	Query   string      `json:"query"`
	Matches []sdk.Match `json:"matches"`
}

// TestLookupGolden pins Lookup's results (ids, order and scores) on the
// embedded guide for a broad set of queries: the names, ids and aliases of
// every brand, their prefixes, typos of each kind, extra words, garbage and
// non-Latin text. Run with -update to record the current results.
func TestLookupGolden(t *testing.T) {
	g := guide(t)
	var got []lookupRecord
	for _, q := range lookupQueries(g) {
		ms := g.Lookup(q)
		if ms == nil {
			ms = []sdk.Match{}
		}
		got = append(got, lookupRecord{Query: q, Matches: ms})
	}
	if *update {
		// One query a line: a change in the results shows as that line.
		var b bytes.Buffer
		b.WriteString("[\n")
		for i, r := range got {
			line, err := json.Marshal(r)
			require.NoError(t, err)
			b.Write(line)
			if i < len(got)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString("]\n")
		require.NoError(t, os.WriteFile(lookupGolden, b.Bytes(), 0o644))
		return
	}
	data, err := os.ReadFile(lookupGolden)
	require.NoError(t, err, "run go test -run TestLookupGolden -update to record it")
	var want []lookupRecord
	require.NoError(t, json.Unmarshal(data, &want))
	require.Equal(t, len(want), len(got), "number of queries")
	for i := range want {
		assert.Equal(t, want[i], got[i], "query %q", want[i].Query)
	}
}

// lookupQueries builds the golden queries, the same on every run.
func lookupQueries(g *sdk.Guide) []string {
	qs := []string{
		"HyperX", "hyper x", "HYPER-X*", "koch", "Koch Media", "plaion", "playstation",
		"PlayStation 5", "Square Enix", "take-two", "STM", "dxracer xl", "Vonmählen",
		"von mählen", "thrustmastr", "sennhiser", "razr", "stelseries", "corsiar", "cors",
		"nlr", "the g-lab", "", " *-* ", "qwzzyx", "Acer", "Hyprex", "Qwzzyx Industries",
		// garbage and other scripts
		"!!!", "***", "12345", "0", "a", "zz", "e", "ab", "aaaaaaaa", "xyzxyzxyz",
		"Sony™", "Ⓐcer", "ＡＣＥＲ", "Асер", "Логитек", "索尼", "ソニー", "😀", "acer😀",
		"ac\u200ber", "a\u0301cer", "çorsair", "Łogitech", "ßennheiser", "Æcer", "œ",
		"\x00acer", "acer\n", "\tHyperX ", "ac-er", "A C E R", strings.Repeat("a", 70),
		strings.Repeat("thrustmaster", 6), "the", "pro", "gaming", "media", "tech",
		"international", "europe", "benelux",
	}
	rng := rand.New(rand.NewSource(8))
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	typo := func(s string) string {
		if len(s) < 2 {
			return s + "x"
		}
		b := []byte(s)
		i := rng.Intn(len(b))
		switch rng.Intn(4) {
		case 0: // deletion
			b = append(b[:i:i], b[i+1:]...)
		case 1: // insertion
			b = append(b[:i:i], append([]byte{letters[rng.Intn(26)]}, b[i:]...)...)
		case 2: // substitution
			b[i] = letters[rng.Intn(26)]
		default: // transposition
			if i == len(b)-1 {
				i--
			}
			b[i], b[i+1] = b[i+1], b[i]
		}
		return string(b)
	}
	for _, b := range g.Brands() {
		names := append([]string{b.Name, b.ID}, b.Aliases...)
		qs = append(qs, names...)
		for _, n := range names[:1] {
			low := strings.ToLower(n)
			qs = append(qs,
				typo(low), typo(low), typo(typo(low)), typo(typo(typo(low))),
				strings.ToUpper(n), n+" pro", n+" xl 2000", "the "+n)
			if r := []rune(low); len(r) > 1 {
				qs = append(qs, string(r[:1+rng.Intn(len(r)-1)]), string(r[rng.Intn(len(r)-1)+1:]))
			}
		}
	}
	for range 60 {
		n := 1 + rng.Intn(14)
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[rng.Intn(len(letters))]
		}
		qs = append(qs, string(b))
	}
	return qs
}
