package sdk

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
)

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
