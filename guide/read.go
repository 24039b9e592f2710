// Package guide reads the text export of Micromedia's French return guide
// and compares it with brands.json, so that the people who maintain the data
// see what changed when the guide does. It is used by cmd/rmacheck only: the
// SDK never reads the guide.
package guide

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Guide is what the reader gets out of the guide's text.
type Guide struct {
	Date     string    // newest change in the change log, YYYY-MM-DD
	Changes  []Change  // the change log, in the guide's order (newest first)
	Sections []Section // chapter 1
	Brands   []Brand   // chapter 2, one per heading, in the guide's order
}

// Change is one line of the change log.
type Change struct {
	Line int
	Date string // YYYY-MM-DD
	Text string // as printed, whitespace collapsed
}

// Section is one numbered section of chapter 1.
type Section struct {
	Line   int
	Number string // "1.2.1"
	Title  string
	Text   string // whitespace collapsed
}

// Brand is one brand heading of chapter 2 and its section.
type Brand struct {
	Line      int    // the heading's line
	Name      string // the heading as printed, without the *, whitespace collapsed
	Special   bool   // the heading has a *
	Contacts  []Contact
	Notes     string // Assistance text that is not a contact (Acer's exception, for example)
	Rules     string // the rule paragraph, whitespace collapsed
	RulesLine int    // first line of the rule paragraph
}

// Contact is one contact of a brand's Assistance section, as printed.
type Contact struct {
	Line    int
	Label   string // "Site internet", "E-mail", "Sites internet distributeurs ROBO"…
	Type    string // website, email or phone, from the label
	Value   string
	Country string // the country in parentheses, as printed ("Pays-Bas"), or ""
}

// Error is a structure the reader cannot read.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func errorf(line int, format string, args ...any) error {
	return &Error{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// line is one line of content: page furniture and link annotations are gone.
type line struct {
	n    int
	text string // whitespace collapsed
}

var (
	furnitureRe  = regexp.MustCompile(`(?i)^table des mati[eè]res(\s+\d+)?$`)
	pageNumberRe = regexp.MustCompile(`^\d{1,3}$`)
	linkRe       = regexp.MustCompile(`(?i)^(https?://|mailto:)\S+$`)
	addressRe    = regexp.MustCompile(`(?i)(https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+)`)
	changeLogRe  = regexp.MustCompile(`(?i)^derni[eè]re?s? modifications?\s*:?$`)
	changeRe     = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s+(.+)$`)
	chapter1Re   = regexp.MustCompile(`^1\.?\s+\S`)
	sectionRe    = regexp.MustCompile(`^(1(?:\.\d+){0,3})\.?\s+(\S.*)$`)
	chapter2Re   = regexp.MustCompile(`(?i)^2\.?\s+marques$`)
	emptyParens  = regexp.MustCompile(`\(\s*\)`)
	rulesHeadRe  = regexp.MustCompile(`(?i)^r[èe]gles de retour\b`)
	contactRe    = regexp.MustCompile(`(?i)^((?:adresse\s+|num[ée]ro\s+(?:de\s+)?)?(?:sites?(?:\s+(?:internet|web))?|web|e-?mail|mail|courriel|t[ée]l[ée]phone|t[ée]l\.?(?:\s*no\.?)?)(?:\s[^:]{0,40}?)?)\s*:\s*(.*)$`)
	labelRe      = regexp.MustCompile(`^([^:]{1,50}?)\s*:\s*(\S.*)$`)
	countryRe    = regexp.MustCompile(`\(([^()]+)\)$`)
	emailRe      = regexp.MustCompile(`^[\w.+-]+@[\w-]+(\.[\w-]+)+$`)
	urlRe        = regexp.MustCompile(`(?i)^(https?://|www\.)\S+$`)
	phoneRe      = regexp.MustCompile(`^\+?[0-9][0-9 ()./-]{5,}$`)
)

// Read reads the guide's text export.
func Read(r io.Reader) (*Guide, error) {
	lines, err := contentLines(r)
	if err != nil {
		return nil, err
	}
	g := &Guide{}
	i := 0
	for i < len(lines) && !changeLogRe.MatchString(lines[i].text) {
		i++
	}
	if i == len(lines) {
		return nil, errorf(1, `no change log: want a line "Dernier modifications :"`)
	}
	i++
	// The change log runs until chapter 1's heading.
	for ; i < len(lines) && !chapter1Re.MatchString(lines[i].text); i++ {
		l := lines[i]
		m := changeRe.FindStringSubmatch(l.text)
		if m == nil {
			if len(g.Changes) == 0 {
				return nil, errorf(l.n, "change log: want DD-MM-YYYY and a text, got %q", l.text)
			}
			// A long line wrapped.
			c := &g.Changes[len(g.Changes)-1]
			c.Text = joinText(c.Text, l.text)
			continue
		}
		date := fmt.Sprintf("%s-%02s-%02s", m[3], m[2], m[1])
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			return nil, errorf(l.n, "change log: %s is not a real day", l.text[:len(m[0])-len(m[4])-1])
		}
		g.Changes = append(g.Changes, Change{Line: l.n, Date: date, Text: m[4]})
		if date > g.Date {
			g.Date = date
		}
	}
	if len(g.Changes) == 0 {
		return nil, errorf(lineAt(lines, i), "change log: no dated line")
	}
	if i == len(lines) {
		return nil, errorf(lineAt(lines, i), `no chapter 1: want a line "1 Règles générales…"`)
	}
	end := i
	for end < len(lines) && !chapter2Re.MatchString(lines[end].text) {
		end++
	}
	if end == len(lines) {
		return nil, errorf(lineAt(lines, end), `no chapter 2: want a line "2 Marques"`)
	}
	g.Sections = readSections(lines[i:end])
	brands, err := readBrands(lines[end+1:], lines[end].n)
	if err != nil {
		return nil, err
	}
	g.Brands = brands
	return g, nil
}

// ReadFile is Read of a file's bytes.
func ReadFile(data []byte) (*Guide, error) { return Read(bytes.NewReader(data)) }

func lineAt(lines []line, i int) int {
	if i < len(lines) {
		return lines[i].n
	}
	if len(lines) > 0 {
		return lines[len(lines)-1].n
	}
	return 1
}

// contentLines drops blank lines, page furniture ("Table des matières" and
// the page number) and the link annotations the PDF export writes after each
// page.
func contentLines(r io.Reader) ([]line, error) {
	var raw []line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		if !utf8.Valid(sc.Bytes()) {
			return nil, errorf(n, "not UTF-8 text (export the guide as UTF-8)")
		}
		t := collapse(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if t != "" {
			raw = append(raw, line{n, t})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []line
	seen := map[string]bool{} // addresses printed since the last annotations
	for i := 0; i < len(raw); i++ {
		l := raw[i]
		if furnitureRe.MatchString(l.text) {
			if !strings.ContainsAny(l.text, "0123456789") && i+1 < len(raw) && pageNumberRe.MatchString(raw[i+1].text) {
				i++
			}
			continue
		}
		if !linkRe.MatchString(l.text) {
			if strings.Contains(l.text, "://") || strings.Contains(l.text, "www.") || strings.Contains(l.text, "@") {
				for _, a := range addressRe.FindAllString(l.text, -1) {
					seen[addressKey(a)] = true
				}
			}
			out = append(out, l)
			continue
		}
		if n := len(out); n > 0 {
			if m := contactRe.FindStringSubmatch(out[n-1].text); m != nil && m[2] == "" {
				// "Site internet :" and its address on the next line.
				seen[addressKey(l.text)] = true
				out = append(out, l)
				continue
			}
		}
		j := i
		for j < len(raw) && linkRe.MatchString(raw[j].text) {
			j++
		}
		// A run of bare links is the page's annotations when it repeats an
		// address of the page or has a mailto:. Otherwise it continues a
		// contact ("Sites internet : a" then "b" on the next line), or it is
		// the annotation of a link text.
		annotation := false
		for _, k := range raw[i:j] {
			if strings.HasPrefix(strings.ToLower(k.text), "mailto:") || seen[addressKey(k.text)] {
				annotation = true
			}
		}
		if !annotation && (len(out) == 0 || !contactRe.MatchString(out[len(out)-1].text)) {
			annotation = true
		}
		if annotation {
			clear(seen)
		} else {
			out = append(out, raw[i:j]...)
		}
		i = j - 1
	}
	return out, nil
}

// addressKey is an address without scheme, www., case and trailing slash, so
// that "www.x.com" and its annotation "http://www.x.com/" are one.
func addressKey(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"mailto:", "https://", "http://", "www."} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimRight(s, "/.,;")
}

// readSections splits chapter 1 into its numbered sections. A number counts
// as a heading only when it follows the previous one (1.2 → 1.2.1, 1.3), so
// that a postcode or an amount at the start of a line is text.
func readSections(lines []line) []Section {
	var out []Section
	for _, l := range lines {
		if m := sectionRe.FindStringSubmatch(l.text); m != nil && (len(out) == 0 && m[1] == "1" || len(out) > 0 && follows(out[len(out)-1].Number, m[1])) {
			out = append(out, Section{Line: l.n, Number: m[1], Title: m[2]})
			continue
		}
		if len(out) > 0 {
			s := &out[len(out)-1]
			s.Text = joinText(s.Text, l.text)
		}
	}
	return out
}

// follows says whether section number next may come right after prev.
func follows(prev, next string) bool {
	p := strings.Split(prev, ".")
	if next == prev+".1" {
		return true
	}
	for k := len(p) - 1; k >= 1; k-- {
		var n int
		fmt.Sscan(p[k], &n)
		if next == strings.Join(p[:k], ".")+"."+fmt.Sprint(n+1) {
			return true
		}
	}
	return false
}

// readBrands reads chapter 2: a heading is the line before "Assistance".
func readBrands(lines []line, chapterLine int) ([]Brand, error) {
	var heads []int
	for i := 0; i+1 < len(lines); i++ {
		if strings.EqualFold(lines[i+1].text, "Assistance") {
			heads = append(heads, i)
		}
	}
	if len(heads) == 0 {
		return nil, errorf(chapterLine, `chapter 2: no brand heading (a name on the line before "Assistance")`)
	}
	if heads[0] != 0 {
		l := lines[0]
		return nil, errorf(l.n, `chapter 2: want a brand heading followed by "Assistance", got %q`, l.text)
	}
	var out []Brand
	for k, h := range heads {
		end := len(lines)
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		b, err := readBrand(lines[h:end])
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

var markers = []string{"*", "＊", "∗", "⁎"}

func readBrand(lines []line) (Brand, error) {
	head := lines[0]
	b := Brand{Line: head.n, Name: head.text}
	for _, m := range markers {
		if strings.Contains(b.Name, m) {
			b.Special = true
			b.Name = strings.ReplaceAll(b.Name, m, " ")
		}
	}
	b.Name = collapse(emptyParens.ReplaceAllString(b.Name, " ")) // "Acco (*)"
	if b.Name == "" {
		return b, errorf(head.n, "brand heading has no name")
	}
	r := 2
	for r < len(lines) && !rulesHeadRe.MatchString(lines[r].text) {
		r++
	}
	if r == len(lines) {
		return b, errorf(head.n, `brand %q: no "Règles de retour…" heading before line %d`, b.Name, lines[len(lines)-1].n+1)
	}
	body := r + 1
	// "Règles de retour pour article" / "défectueux": a heading wrapped.
	if h := foldText(lines[r].text); body < len(lines) && !strings.Contains(h, "defaut") && !strings.Contains(h, "defectueu") {
		if n := foldText(lines[body].text); len(strings.Fields(n)) <= 4 && (strings.Contains(n, "defaut") || strings.Contains(n, "defectueu")) {
			body++
		}
	}
	if body == len(lines) {
		return b, errorf(lines[r].n, "brand %q: no rule text after %q", b.Name, lines[r].text)
	}
	var notes []string
	prevContact := false
	assistance := lines[2:r]
	for i := 0; i < len(assistance); i++ {
		l := assistance[i]
		if m := contactRe.FindStringSubmatch(l.text); m != nil {
			rest := m[2]
			if rest == "" && i+1 < len(assistance) {
				// "Site internet :" with the address wrapped to the next line.
				i++
				rest = assistance[i].text
			}
			cs, err := readContact(l.n, collapse(m[1]), rest)
			if err != nil {
				return b, fmt.Errorf("%w (brand %q)", err, b.Name)
			}
			b.Contacts = append(b.Contacts, cs...)
			prevContact = true
			continue
		}
		if m := labelRe.FindStringSubmatch(l.text); m != nil {
			// Another label ("Formulaire : https://…"): a contact when the
			// value is only an address or a phone number.
			if typ := valueType(m[2]); typ != "" {
				c := Contact{Line: l.n, Label: m[1], Type: typ, Value: m[2]}
				c.Value, c.Country = splitCountry(m[2])
				b.Contacts = append(b.Contacts, c)
				prevContact = true
				continue
			}
		}
		if prevContact && !strings.Contains(l.text, " ") {
			last := &b.Contacts[len(b.Contacts)-1]
			switch {
			case urlRe.MatchString(l.text) || emailRe.MatchString(l.text):
				// Another address under the same label.
				cs, err := readContact(l.n, last.Label, l.text)
				if err != nil {
					return b, fmt.Errorf("%w (brand %q)", err, b.Name)
				}
				b.Contacts = append(b.Contacts, cs...)
				continue
			case last.Type != "phone" && last.Country == "" && urlRe.MatchString(last.Value) &&
				(strings.ContainsAny(last.Value[len(last.Value)-1:], "-/._=?&#") || strings.ContainsAny(l.text, "-/._=?&#")):
				// A URL the export split over two lines (a lone word is text).
				last.Value += l.text
				continue
			}
		}
		prevContact = false
		if isNoContact(l.text) {
			// The sentence wrapped: "… pour assistance" / "connues."
			if i+1 < len(assistance) && !strings.HasSuffix(foldText(l.text), "connues") {
				if n := foldText(assistance[i+1].text); n != "" && strings.HasSuffix("pas de donnees de contact pour assistance connues", " "+n) {
					i++
				}
			}
			continue
		}
		notes = append(notes, l.text)
	}
	b.Notes = joinLines(notes)
	var rules []string
	for _, l := range lines[body:] {
		rules = append(rules, l.text)
	}
	b.Rules = joinLines(rules)
	b.RulesLine = lines[body].n
	return b, nil
}

func isNoContact(s string) bool {
	return strings.HasPrefix(foldText(s), "pas de donnees de contact")
}

// readContact reads the contacts of one labelled line: the type comes from
// the label, as printed (a website that is an e-mail address is a slip the
// data's corrections record).
func readContact(n int, label, rest string) ([]Contact, error) {
	c := Contact{Line: n, Label: label}
	fl := foldText(label)
	switch {
	case strings.Contains(fl, "site") || strings.HasPrefix(fl, "web"):
		c.Type = "website"
	case strings.Contains(fl, "tel"):
		c.Type = "phone"
	default:
		c.Type = "email"
	}
	rest, c.Country = splitCountry(rest)
	if c.Type == "phone" {
		if !phoneRe.MatchString(rest) {
			return nil, errorf(n, "%s: %q is not a phone number", label, rest)
		}
		c.Value = rest
		return []Contact{c}, nil
	}
	// The addresses, after any words ("suivez le lien : https://…").
	var out []Contact
	for _, tok := range strings.Fields(rest) {
		if urlRe.MatchString(tok) || emailRe.MatchString(tok) {
			c.Value = tok
			out = append(out, c)
		}
	}
	if out == nil {
		return nil, errorf(n, "%s: no web or e-mail address in %q", label, rest)
	}
	return out, nil
}

// splitCountry takes the country in parentheses off a contact's value:
// "+31 (0) 20 69 32 932 (Pays-Bas)".
func splitCountry(s string) (value, country string) {
	s = collapse(s)
	if m := countryRe.FindStringSubmatchIndex(s); m != nil {
		return collapse(s[:m[0]]), collapse(s[m[2]:m[3]])
	}
	return s, ""
}

// valueType is the type of a value that is only an address or a phone
// number, or "".
func valueType(s string) string {
	v, _ := splitCountry(s)
	switch {
	case strings.Contains(v, " ") && !phoneRe.MatchString(v):
		return ""
	case urlRe.MatchString(v):
		return "website"
	case emailRe.MatchString(v):
		return "email"
	case phoneRe.MatchString(v) && digits(v) >= 6:
		return "phone"
	}
	return ""
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// collapse turns every run of white space (tabs, no-break spaces) into one
// space and trims.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// joinLines joins wrapped lines into one paragraph.
func joinLines(ls []string) string {
	out := ""
	for _, l := range ls {
		out = joinText(out, l)
	}
	return out
}

// joinText appends a wrapped line: with a space, or with none after a word
// the line break cut at its hyphen ("e-" + "mail"), so that wrapping it
// elsewhere gives the same text.
func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	if n := len(a); n >= 2 && a[n-1] == '-' && isLetterByte(a[n-2]) && b[0] >= 'a' && b[0] <= 'z' {
		return a + b
	}
	return a + " " + b
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }
