package sdk

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/micromedia/rmacheck/internal/message"
)

// Date is a calendar day with no time zone, as written on a receipt. The
// zero value means "no date".
type Date struct {
	// days since 0000-03-01 plus one, so that the zero value is "no date".
	n int32
}

// ParseDate parses a YYYY-MM-DD date and rejects impossible days such as
// 2025-02-30.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%s is not a YYYY-MM-DD date", message.Quote(s))
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%s is not a YYYY-MM-DD date", message.Quote(s))
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, fmt.Errorf("%s is not a real day", message.Quote(s))
	}
	return DateOf(y, time.Month(m), d), nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// The range of dates the SDK reads and writes: four-digit years, as in
// YYYY-MM-DD.
var (
	firstDate = DateOf(1, time.January, 1)
	lastDate  = DateOf(9999, time.December, 31)
)

// DateOf returns the date y-m-d. Out-of-range days and months are normalised
// the way time.Date does (2025-02-30 becomes 2025-03-02). A date outside
// 0001-01-01..9999-12-31 gives the zero Date.
func DateOf(y int, m time.Month, d int) Date {
	if y < -1 || y > 10001 { // time.Date would wrap; the normalised year could not be in range
		return Date{}
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	y, m, d = t.Date()
	if y < 1 || y > 9999 {
		return Date{}
	}
	return Date{n: civilToDays(y, int(m), d) + 1}
}

// DateFromTime returns the calendar day of t in t's location.
func DateFromTime(t time.Time) Date {
	y, m, d := t.Date()
	return DateOf(y, m, d)
}

// Format writes d in words in lang: "21 December 2026", "21 décembre
// 2026", "21 december 2026". The zero Date gives "".
func (d Date) Format(lang Lang) string {
	if d.IsZero() {
		return ""
	}
	var buf [32]byte
	return string(appendDateWords(buf[:0], d, lang))
}

func appendDateWords(b []byte, d Date, lang Lang) []byte {
	y, m, day := d.Parts()
	names := monthNames[LangEnglish]
	if n, ok := monthNames[lang]; ok {
		names = n
	}
	b = strconv.AppendInt(b, int64(day), 10)
	if lang == LangFrench && day == 1 {
		b = append(b, "er"...)
	}
	b = append(append(append(b, ' '), names[m-1]...), ' ')
	return strconv.AppendInt(b, int64(y), 10)
}

var monthNames = map[Lang][12]string{
	LangEnglish: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	LangFrench:  {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	LangDutch:   {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d.n == 0 }

// Parts returns the year, month and day. The zero Date gives 0, 0, 0.
func (d Date) Parts() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	y, m, dd := daysToCivil(d.n - 1)
	return y, time.Month(m), dd
}

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.n == 0 {
		return ""
	}
	return string(d.appendTo(make([]byte, 0, 10)))
}

func (d Date) appendTo(b []byte) []byte {
	y, m, dd := d.Parts()
	b = append(b, byte('0'+y/1000%10), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return b
}

// AddDays returns d plus n calendar days; the zero Date stays zero, and so
// does a result outside 0001-01-01..9999-12-31.
func (d Date) AddDays(n int) Date {
	if d.n == 0 {
		return d
	}
	v := int64(d.n) + int64(n)
	if v < int64(firstDate.n) || v > int64(lastDate.n) {
		return Date{}
	}
	return Date{n: int32(v)}
}

// AddMonths returns d plus n months with the day clamped to the end of the
// target month: 2024-02-29 plus 24 months is 2026-02-28. The zero Date stays
// zero, and so does a result outside 0001-01-01..9999-12-31.
func (d Date) AddMonths(n int) Date {
	if d.n == 0 || n > 12*10000 || n < -12*10000 {
		return Date{}
	}
	y, m, dd := d.Parts()
	total := y*12 + int(m) - 1 + n
	if total < 12 || total >= 12*10000 {
		return Date{}
	}
	ty, tm := total/12, time.Month(total%12+1)
	if last := daysIn(ty, tm); dd > last {
		dd = last
	}
	return DateOf(ty, tm, dd)
}

// DaysUntil returns the calendar days from d to e (negative when e is
// before d). Both must be non-zero.
func (d Date) DaysUntil(e Date) int { return int(e.n - d.n) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Compare returns -1 if d is before e, 0 if they are the same day and +1
// if d is after e; the zero Date is before every other date.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// MarshalText writes YYYY-MM-DD, or nothing for the zero Date.
func (d Date) MarshalText() ([]byte, error) {
	if d.n == 0 {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText reads YYYY-MM-DD; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalJSON writes "YYYY-MM-DD", or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	return appendDate(make([]byte, 0, 12), d), nil // as Decision.AppendJSON writes it
}

var errDateType = errors.New("want a YYYY-MM-DD string")

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return errDateType
	}
	v, err := ParseDate(string(b[1 : len(b)-1]))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// civilToDays and daysToCivil are Howard Hinnant's days_from_civil
// algorithms, shifted so that day 0 is 0000-03-01; they avoid time.Time on
// the hot path.
func civilToDays(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe)
}

func daysToCivil(z int32) (int, int, int) {
	era := int(z) / 146097
	doe := int(z) - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}
