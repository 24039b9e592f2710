package sdk

import (
	"sort"
)

// Match is one brand found by Lookup.
type Match struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Score float64 `json:"score"` // 1 for an exact name or alias; lower is looser
}

type lookupKey struct {
	key   string
	brand int // index in Guide.brands
}

func (g *Guide) addKeys(b *brand) {
	bi := len(g.brands) - 1
	add := func(s string) {
		k := normalized(s)
		if k == "" {
			return
		}
		for _, e := range g.keys {
			if e.key == k && e.brand == bi {
				return
			}
		}
		g.byKey[k] = b
		g.keys = append(g.keys, lookupKey{key: k, brand: bi})
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
	best := make([]float64, len(g.brands))
	found := 0
	for _, k := range g.keys {
		s := score(q, k.key)
		if s > best[k.brand] {
			if best[k.brand] == 0 {
				found++
			}
			best[k.brand] = s
		}
	}
	out := make([]Match, 0, found)
	for i, s := range best {
		if s > 0 {
			b := g.brands[i]
			out = append(out, Match{ID: b.ref.ID, Name: b.ref.Name, Score: s})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func score(q []byte, key string) float64 {
	switch {
	case string(q) == key:
		return scoreExact
	case len(q) >= 2 && hasPrefix(key, q):
		return scorePrefix - 0.001*float64(len(key)-len(q)) // shorter names first
	case len(key) >= 3 && hasPrefix(string(q), []byte(key)) && len(q)-len(key) <= 12:
		return scorePrefix - 0.05 - 0.001*float64(len(q)-len(key))
	case len(q) >= 3 && contains(key, q):
		return scoreContains
	}
	limit := maxTypos(len(q))
	if limit == 0 {
		return 0
	}
	// Compare with the whole key, and with its start for half-typed names.
	d := osa(q, key, limit)
	if len(key) > len(q) {
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

func hasPrefix(s string, p []byte) bool { return len(s) >= len(p) && s[:len(p)] == string(p) }

func contains(s string, sub []byte) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == string(sub) {
			return true
		}
	}
	return false
}

// osa is the optimal string alignment distance (Levenshtein plus adjacent
// transpositions) between a and b, or limit+1 once it must exceed limit.
func osa(a []byte, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	if len(a) > 63 || len(b) > 63 {
		return limit + 1
	}
	var rows [3][64]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
