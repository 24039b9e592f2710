package sdk

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck/internal/brandstest"
)

// scanLookup is Lookup without the index: it scores every key.
func scanLookup(g *Guide, query string) []Match {
	q := normalized(query)
	if q == "" {
		return nil
	}
	best := make([]float64, len(g.brands))
	qh := histogramOf([]byte(q))
	for i := range g.keys {
		k := &g.keys[i]
		best[k.brand] = max(best[k.brand], score([]byte(q), q, &qh, k))
	}
	out := []Match{}
	for i, s := range best {
		if s > 0 {
			out = append(out, Match{ID: g.brands[i].ref.ID, Name: g.brands[i].ref.Name, Score: s})
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Name, b.Name))
	})
	return out
}

// typoed applies n random edits of each kind score knows to s.
func typoed(rng *rand.Rand, s string, n int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := []byte(s)
	for ; n > 0 && len(b) > 1; n-- {
		i := rng.Intn(len(b))
		switch rng.Intn(4) {
		case 0:
			b = append(b[:i:i], b[i+1:]...)
		case 1:
			b = append(b[:i:i], append([]byte{letters[rng.Intn(len(letters))]}, b[i:]...)...)
		case 2:
			b[i] = letters[rng.Intn(len(letters))]
		default:
			if i == len(b)-1 {
				i--
			}
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	return string(b)
}

// The index finds every key a scan would score: Lookup gives exactly the
// scan's results on a guide crowded with look-alike names (typos of the real
// ones, names the real ones start or contain, a name too long to index),
// for typos, prefixes, extensions and random strings.
func TestLookupIndexMatchesScan(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	base, err := Default()
	require.NoError(t, err)
	taken := map[string]bool{}
	for _, k := range base.keys {
		taken[k.key] = true
	}
	var names []string
	for len(names) < 400 {
		k := base.keys[rng.Intn(len(base.keys))].key
		var n string
		switch rng.Intn(4) {
		case 0:
			n = typoed(rng, k, 1+rng.Intn(2))
		case 1:
			n = k + typoed(rng, "pro", 1)
		case 2:
			n = typoed(rng, "xx", 2) + k
		default:
			n = k[:1+rng.Intn(len(k))] + typoed(rng, k, 3)
		}
		if n != "" && !taken[n] {
			taken[n] = true
			names = append(names, n)
		}
	}
	long := strings.Repeat("longname", 12)
	names = append(names, long)
	data := brandstest.Edit(t, func(doc map[string]any) {
		bs := doc["brands"].([]any)
		for i, n := range names {
			// A copy of a real brand, so that it has whatever a brand needs,
			// under a new id and name, with its own rule ids.
			var b map[string]any
			raw, err := json.Marshal(bs[i%len(bs)])
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(raw, &b))
			b["id"], b["name"] = fmt.Sprintf("gen-%d", i), n
			delete(b, "aliases")
			delete(b, "aliasCategories") // keyed by the aliases just removed
			rules, _ := b["rules"].([]any)
			for _, r := range rules {
				r := r.(map[string]any)
				r["id"] = fmt.Sprintf("%s-gen-%d", r["id"], i)
			}
			bs = append(bs, b)
		}
		doc["brands"] = bs
	})
	g, err := LoadBytes(data)
	require.NoError(t, err)

	queries := []string{"", "a", "ab", long, long[:70], long + "x", typoed(rng, long, 1), long[3:]}
	for _, k := range g.keys {
		queries = append(queries, k.key, k.key[:1+rng.Intn(len(k.key))], k.key[rng.Intn(len(k.key)):],
			typoed(rng, k.key, 1), typoed(rng, k.key, 2), typoed(rng, k.key, 3), k.key+typoed(rng, "xl", 1))
	}
	for range 2000 {
		queries = append(queries, typoed(rng, strings.Repeat("ae", 1+rng.Intn(8)), 4+rng.Intn(8)))
	}
	for _, q := range queries {
		want := scanLookup(g, q)
		got := g.Lookup(q)
		if want == nil {
			assert.Nil(t, got, "%q", q)
			continue
		}
		assert.Equal(t, want, got, "%q", q)
		if t.Failed() {
			return
		}
	}
}

// naiveOSA is the textbook full-matrix optimal string alignment distance.
func naiveOSA(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// The banded, bounded osa agrees with the full matrix wherever the distance
// is within the limit, and says "over" otherwise.
func TestOSAMatchesFullMatrix(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	word := func() string {
		b := make([]byte, 1+rng.Intn(9))
		for i := range b {
			b[i] = "abcde"[rng.Intn(5)]
		}
		return string(b)
	}
	for n := 0; n < 20000; n++ {
		a, b, limit := word(), word(), 1+rng.Intn(3)
		if n%50 == 0 {
			limit = 70 + rng.Intn(60) // past any distance of these words
		}
		want := naiveOSA(a, b)
		got := osa([]byte(a), b, limit)
		if want <= limit {
			assert.Equal(t, want, got, "osa(%q, %q, %d)", a, b, limit)
		} else {
			assert.Equal(t, limit+1, got, "osa(%q, %q, %d) is over the limit", a, b, limit)
		}
		if t.Failed() {
			return
		}
	}
}

func TestHistogramBoundsEdits(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 5000; n++ {
		a := []byte{byte('a' + rng.Intn(4)), byte('a' + rng.Intn(4)), byte('0' + rng.Intn(3))}
		b := []byte{byte('a' + rng.Intn(4)), byte('0' + rng.Intn(3))}
		ha, hb := histogramOf(a), histogramOf(b)
		assert.LessOrEqual(t, ha.minEdits(&hb, 10), naiveOSA(string(a), string(b)))
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"HyperX *":             "hyperx",
		"Vonmählen":            "vonmahlen",
		"Thé G-lab":            "theglab",
		"R-Go Tools":           "rgotools",
		"Æ Œ ß Ł":              "aeoessl",
		"  ":                   "",
		"PlayStation® 5":       "playstation5",
		"Sony (SIE) Hardware*": "sonysiehardware",
	} {
		assert.Equal(t, want, normalized(in), in)
	}
}

// The evaluator keeps vocabularies in bit masks: growing one past its mask
// must fail here, not silently drop bits.
func TestVocabulariesFitTheirMasks(t *testing.T) {
	assert.LessOrEqual(t, len(requirements), 16, "reqMask is a uint16")
	assert.LessOrEqual(t, 1<<len(requirements), len(Guide{}.missing), "Guide.missing has an entry per requirement mask")
	assert.Equal(t, nSlots, len(audiences)*len(langs), "an outcome slot per audience and language")
	assert.LessOrEqual(t, len(categories), 32, "rule.categories is a uint32")
	assert.LessOrEqual(t, len(supportAnswers), 8, "rule.support is a uint8")
	assert.LessOrEqual(t, len(sparePartsAnswers), 8, "rule.spareParts is a uint8")
}
