package sdk

import "unicode/utf8"

// normalize appends the lookup form of s to dst: lower-case ASCII letters and
// digits only, with accents folded (é→e, ß→ss) and everything else (spaces,
// punctuation, the guide's *) dropped. It allocates nothing when dst has room.
func normalize(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				dst = append(dst, c)
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		dst = append(dst, fold(r)...)
	}
	return dst
}

func normalized(s string) string { return string(normalize(nil, s)) }

// fold maps the accented Latin letters a brand name may carry to ASCII.
func fold(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'ā', 'Ā', 'ą', 'Ą':
		return "a"
	case 'æ', 'Æ':
		return "ae"
	case 'ç', 'Ç', 'ć', 'Ć', 'č', 'Č':
		return "c"
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë', 'ē', 'Ē', 'ę', 'Ę', 'ě', 'Ě':
		return "e"
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï', 'ı':
		return "i"
	case 'ñ', 'Ñ', 'ń', 'Ń', 'ň', 'Ň':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø', 'ő', 'Ő':
		return "o"
	case 'œ', 'Œ':
		return "oe"
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü', 'ű', 'Ű', 'ů', 'Ů':
		return "u"
	case 'ý', 'ÿ', 'Ý', 'Ÿ':
		return "y"
	case 'ß':
		return "ss"
	case 'ł', 'Ł':
		return "l"
	case 'š', 'Š', 'ś', 'Ś':
		return "s"
	case 'ž', 'Ž', 'ź', 'Ź', 'ż', 'Ż':
		return "z"
	case 'ř', 'Ř':
		return "r"
	case 'ť', 'Ť':
		return "t"
	case 'ď', 'Ď':
		return "d"
	case 'ğ', 'Ğ':
		return "g"
	}
	return "" // symbols, *, ™, and scripts brand names here do not use
}
