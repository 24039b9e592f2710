package sdk

import (
	"cmp"
	"slices"
	"strings"
)

// Match is one brand found by Lookup.
type Match struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Score float64 `json:"score"` // 1 for an exact name or alias; lower is looser
}

type lookupKey struct {
	key   string
	brand int          // index in Guide.brands
	hist  histogram    // letter counts, a cheap bound on the edit distance
	same  int32        // next key that ends at the same trie node, -1 for none
	index *lookupIndex // the Guide's index, shared by all its keys
}

// histogram counts a normalised key's letters and digits.
type histogram [36]uint8

func histogramOf(s []byte) histogram {
	var h histogram
	for _, c := range s {
		i := int(c - 'a')
		if c <= '9' {
			i = 26 + int(c-'0')
		}
		if h[i] < 255 {
			h[i]++
		}
	}
	return h
}

// minEdits is a lower bound on the edit distance of two strings: an
// insertion or deletion changes one count by one, a substitution two counts.
// It stops counting once the bound is past limit.
func (h *histogram) minEdits(o *histogram, limit int) int {
	d := 0
	for i := range h {
		x := int(h[i]) - int(o[i])
		if x < 0 {
			x = -x
		}
		if d += x; d > 2*limit {
			break
		}
	}
	return (d + 1) / 2
}

func (g *Guide) addKeys(b *brand) {
	bi := len(g.brands) - 1
	first := len(g.keys) // this brand's keys so far are g.keys[first:]
	var ix *lookupIndex
	if first > 0 {
		ix = g.keys[0].index
	} else {
		ix = newLookupIndex()
	}
	add := func(s string) {
		k := normalized(s)
		if k == "" {
			return
		}
		for _, e := range g.keys[first:] {
			if e.key == k {
				return
			}
		}
		g.byKey[k] = b
		g.keys = append(g.keys, lookupKey{key: k, brand: bi, hist: histogramOf([]byte(k)), index: ix})
		ix.add(g.keys, int32(len(g.keys)-1))
	}
	add(b.file.Name)
	add(b.file.ID)
	for _, a := range b.file.Aliases {
		add(a)
	}
}

// Scores by kind of match; the best key of a brand gives its score.
const (
	scoreExact    = 1.0
	scorePrefix   = 0.9  // the query starts a name, or a name starts the query
	scoreContains = 0.75 // the query is inside a name
	scoreTypo     = 0.7  // minus a share per edit
)

// Lookup finds the brands a person probably means by query: exact names and
// aliases first, then names the query starts or contains, then names within
// a few typos. Matching ignores case, accents, spaces and punctuation.
// Results are ranked best first; an empty query finds nothing.
func (g *Guide) Lookup(query string) []Match {
	var buf [64]byte
	q := normalize(buf[:0], query)
	if len(q) == 0 {
		return nil
	}
	// Score only the keys the index finds: every other key scores 0.
	var cbuf [64]int32
	var cands []int32
	if len(g.keys) > 0 {
		cands = g.keys[0].index.candidates(q, g.keys, cbuf[:0])
	}
	qh := histogramOf(q)
	qs := string(q)
	var hbuf [32]hit
	hits := hbuf[:0]
	for _, ki := range cands {
		k := &g.keys[ki]
		if s := score(q, qs, &qh, k); s > 0 {
			hits = append(hits, hit{brand: int32(k.brand), score: s})
		}
	}
	// Each brand once with its best score, in the guide's order, as a scan
	// of every key gives them: the ranking below then breaks ties the same.
	slices.SortFunc(hits, func(a, b hit) int {
		if a.brand != b.brand {
			return cmp.Compare(a.brand, b.brand)
		}
		return cmp.Compare(b.score, a.score)
	})
	found := 0
	for i := range hits {
		if i == 0 || hits[i].brand != hits[i-1].brand {
			found++
		}
	}
	out := make([]Match, 0, found)
	for i, h := range hits {
		if i == 0 || h.brand != hits[i-1].brand {
			b := g.brands[h.brand]
			out = append(out, Match{ID: b.ref.ID, Name: b.ref.Name, Score: h.score})
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

type hit struct {
	brand int32
	score float64
}

func score(q []byte, qs string, qh *histogram, k *lookupKey) float64 {
	key := k.key
	switch {
	case qs == key:
		return scoreExact
	case len(q) >= 2 && strings.HasPrefix(key, qs):
		return scorePrefix - 0.001*float64(len(key)-len(q)) // shorter names first
	case len(key) >= 3 && strings.HasPrefix(qs, key) && len(q)-len(key) <= 12:
		return scorePrefix - 0.05 - 0.001*float64(len(q)-len(key))
	case len(q) >= 3 && len(key) > len(q) && strings.Contains(key, qs):
		return scoreContains
	}
	limit := maxTypos(len(q))
	if limit == 0 {
		return 0
	}
	// Compare with the whole key, and with its start for half-typed names
	// (people rarely mistype the first letter: it filters the prefixes).
	d := limit + 1
	if diff := len(key) - len(q); diff <= limit && -diff <= limit && qh.minEdits(&k.hist, limit) <= limit {
		d = osa(q, key, limit)
	}
	if len(key) > len(q) && key[0] == q[0] && (key[1] == q[1] || key[1] == q[2] || key[2] == q[1]) {
		if p := osa(q, key[:len(q)], limit); p < d {
			d = p + 1 // a typo in a prefix counts for a little less than a full match
		}
	}
	if d > limit {
		return 0
	}
	return scoreTypo - 0.1*float64(d)
}

func maxTypos(n int) int {
	switch {
	case n < 4:
		return 0
	case n < 7:
		return 1
	}
	return 2
}

// osa is the optimal string alignment distance (Levenshtein plus adjacent
// transpositions) between a and b, or limit+1 once it must exceed limit.
// Only the band of cells within limit of the diagonal is computed.
func osa(a []byte, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if len(a) > 63 || len(b) > 63 {
		return limit + 1
	}
	// No distance exceeds 63 here, so a limit past it changes nothing; cells
	// then fit int8 rows, small to clear on every call.
	limit = min(limit, 64)
	far := int8(limit + 1)
	var rows [3][65]int8
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = min(int8(j), far)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		cur[0] = min(int8(i), far)
		if lo > 1 {
			cur[lo-1] = far
		}
		rowMin := far
		for j := lo; j <= hi; j++ {
			cost := int8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = min(v, far)
			rowMin = min(rowMin, cur[j])
		}
		cur[hi+1] = far // the next row reads one cell past this band
		if rowMin > far-1 {
			return int(far)
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return int(prev[len(b)])
}
