package guide

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"unicode"
)

// Text is what a brand's digest covers: the heading as printed (without the
// *), the Assistance section's text that is not a contact, and the rule
// paragraph. The contacts and the * are compared one by one instead.
func (b Brand) Text() string {
	return b.Name + "\n" + b.Notes + "\n" + b.Rules
}

// Digest is the fingerprint brands.json records in each brand's
// sectionDigest: "sha256:" and the hex SHA-256 of Text with typographic
// quotes made plain. Text is already whitespace-collapsed, so re-wrapping
// the guide keeps the digest and an edited word changes it.
func (b Brand) Digest() string {
	sum := sha256.Sum256([]byte(plainQuotes(b.Text())))
	return "sha256:" + hex.EncodeToString(sum[:])
}

var quotes = strings.NewReplacer("’", "'", "‘", "'", "‚", "'", "“", `"`, "”", `"`, "«", `"`, "»", `"`)

func plainQuotes(s string) string { return quotes.Replace(s) }

var parensRe = regexp.MustCompile(`\s*\([^()]*\)`)

// BaseName is the name without its parenthesised parts: "Cascade" for
// "Cascade (Anciennement Dazzle)". brands.json's name is this.
func (b Brand) BaseName() string { return collapse(parensRe.ReplaceAllString(b.Name, " ")) }

// Asides are the heading's parenthesised parts: "Anciennement Dazzle".
func (b Brand) Asides() []string {
	var out []string
	for _, m := range parensRe.FindAllString(b.Name, -1) {
		out = append(out, strings.Trim(strings.TrimSpace(m), "()"))
	}
	return out
}

const standardRule = "Les règles standard de Micromedia s'appliquent à cette marque (voir chapitre 1)."

// Standard says whether the rule paragraph is chapter 1's standard rule and
// nothing else.
func (b Brand) Standard() bool {
	return b.Notes == "" && foldText(b.Rules) == foldText(standardRule)
}

// key is how a heading finds its brand: the base name without case, accents
// or punctuation.
func key(s string) string { return strings.ReplaceAll(foldText(s), " ", "") }

// foldText lower-cases s, folds accents and keeps letters and digits, one
// space between words.
func foldText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if f, ok := accents[r]; ok {
			r = f
		}
		if r < unicode.MaxASCII && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= unicode.MaxASCII && unicode.IsLetter(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

var accents = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'å': 'a',
	'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o', 'ø': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
}

// slug makes a brand id from a name: "Red Art games" → "red-art-games".
func slug(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(foldText(name)) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w != "" {
			if b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}
