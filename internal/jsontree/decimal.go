package jsontree

import (
	"cmp"
	"math"
	"strconv"
	"strings"
)

// Decimal is the exact value of a JSON number's text: ±0.digits × 10^exp,
// with no leading or trailing zeros in digits. Zero has no digits.
// Comparing texts this way keeps float64 rounding out of the schema's
// verdicts: 3660.0000000000001 is more than 3660, as the reference
// validator (big.Rat) finds.
type Decimal struct {
	neg    bool
	digits string
	exp    int64
}

// maxExp bounds exponents: a file cannot hold 2^40 digits, so every
// number whose exponent fits compares exactly; beyond it, exponents clamp.
const maxExp = 1 << 40

// ParseDecimal reads s, which the strict reader has checked against JSON's
// number grammar.
func ParseDecimal(s string) Decimal {
	var d Decimal
	if s != "" && s[0] == '-' {
		d.neg, s = true, s[1:]
	}
	mant, expText := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, expText = s[:i], s[i+1:]
	}
	intLen := len(mant)
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		intLen = i
		mant = mant[:i] + mant[i+1:]
	}
	lead, end := 0, len(mant)
	for lead < end && mant[lead] == '0' {
		lead++
	}
	for end > lead && mant[end-1] == '0' {
		end--
	}
	if lead == end {
		return Decimal{} // zero, whatever its sign
	}
	d.digits = mant[lead:end]
	d.exp = int64(intLen-lead) + parseExp(expText)
	return d
}

// parseExp reads an exponent's text ("+5", "-12", "7"), clamped to ±maxExp.
func parseExp(s string) int64 {
	if s == "" {
		return 0
	}
	neg := s[0] == '-'
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	var e int64
	for i := 0; i < len(s) && e < maxExp; i++ {
		e = e*10 + int64(s[i]-'0')
	}
	e = min(e, maxExp)
	if neg {
		return -e
	}
	return e
}

func (d Decimal) sign() int {
	switch {
	case d.digits == "":
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// Cmp returns -1, 0 or +1 as d is less than, equal to or more than e.
func (d Decimal) Cmp(e Decimal) int {
	ds, es := d.sign(), e.sign()
	if ds != es || ds == 0 {
		return cmp.Compare(ds, es)
	}
	// Same sign, both non-zero: compare magnitudes, then flip for negatives.
	m := cmp.Compare(d.exp, e.exp)
	if m == 0 {
		m = strings.Compare(d.digits, e.digits)
	}
	return m * ds
}

// IsInteger reports whether d has no fractional part, as JSON Schema's
// "integer" type reads a number (1.0 and 1e2 are integers).
func (d Decimal) IsInteger() bool {
	return int64(len(d.digits)) <= d.exp || d.digits == ""
}

// Int64 returns d as an int64 when it is an integer that fits.
func (d Decimal) Int64() (int64, bool) {
	if d.digits == "" {
		return 0, true
	}
	if !d.IsInteger() || d.exp > 19 {
		return 0, false
	}
	// At most 19 digits: the magnitude fits a uint64.
	var u uint64
	for i := range int(d.exp) {
		u *= 10
		if i < len(d.digits) {
			u += uint64(d.digits[i] - '0')
		}
	}
	switch {
	case u <= math.MaxInt64 && d.neg:
		return -int64(u), true
	case u <= math.MaxInt64:
		return int64(u), true
	case d.neg && u == math.MaxInt64+1:
		return math.MinInt64, true
	}
	return 0, false
}

// Canonical is one text per value: equal numbers, however written, give
// the same text.
func (d Decimal) Canonical() string {
	if d.digits == "" {
		return "0"
	}
	s := "0." + d.digits + "e" + strconv.FormatInt(d.exp, 10)
	if d.neg {
		return "-" + s
	}
	return s
}
