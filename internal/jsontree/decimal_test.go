package jsontree

import (
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Decimal compares JSON number texts exactly: as math/big does, on
// numbers written every way JSON allows.
func TestDecimalAgreesWithBigRat(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 30))
	gen := func() string {
		var b strings.Builder
		if rng.IntN(3) == 0 {
			b.WriteByte('-')
		}
		if rng.IntN(4) == 0 {
			b.WriteByte('0')
		} else {
			b.WriteByte(byte('1' + rng.IntN(9)))
			for range rng.IntN(25) {
				b.WriteByte(byte('0' + rng.IntN(10)))
			}
		}
		if rng.IntN(2) == 0 {
			b.WriteByte('.')
			for range 1 + rng.IntN(25) {
				b.WriteByte(byte('0' + rng.IntN(10)))
			}
		}
		if rng.IntN(3) == 0 {
			b.WriteString([]string{"e", "E", "e+", "e-", "E-"}[rng.IntN(5)])
			b.WriteString(strconv.Itoa(rng.IntN(40)))
		}
		return b.String()
	}
	fixed := []string{"0", "-0", "0.0", "0e5", "3660", "3660.0000000000001", "3.66e3", "36600e-1", "1e400", "1e-400", "-1e400",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.5e1", "100e-2", "0.001e3"}
	var nums []string
	nums = append(nums, fixed...)
	for range 2000 {
		nums = append(nums, gen())
	}
	for i, a := range nums {
		b := nums[(i*7+3)%len(nums)]
		ra, _ := new(big.Rat).SetString(a)
		rb, _ := new(big.Rat).SetString(b)
		da, db := ParseDecimal(a), ParseDecimal(b)
		require.Equal(t, ra.Cmp(rb), da.Cmp(db), "%s vs %s", a, b)
		require.Equal(t, ra.IsInt(), da.IsInteger(), "%s is an integer", a)
		require.Equal(t, ra.Cmp(rb) == 0, da.Canonical() == db.Canonical(), "canonical %s and %s", a, b)
		n, ok := da.Int64()
		bigInt := ra.Num()
		assert.Equal(t, ra.IsInt() && bigInt.IsInt64(), ok, "%s fits an int64", a)
		if ok {
			assert.Equal(t, bigInt.Int64(), n, a)
		}
	}
}
