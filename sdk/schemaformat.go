package sdk

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The formats brands.schema.json asserts, read exactly as the reference
// validator (santhosh-tekuri/jsonschema v5) reads them, so that both give
// the same verdict on every file; FuzzSchemaAgreesWithReference holds them
// to it. Stricter checks on contacts belong to the lint, not here.

// isSchemaDate is the 'date' format: YYYY-MM-DD as time.Parse reads it,
// which takes the year 0000 (a leap year, as 2000 is) that ParseDate
// refuses.
func isSchemaDate(s string) bool {
	if strings.HasPrefix(s, "0000-") {
		s = "2000" + s[4:]
	}
	_, err := ParseDate(s)
	return err == nil
}

// isSchemaURI is the 'uri' format: an absolute URL that net/url parses,
// whose host, if it holds a colon, is a bracketed IPv6 address.
func isSchemaURI(s string) bool {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return false
	}
	if host := u.Hostname(); strings.IndexByte(host, ':') >= 0 {
		return strings.IndexByte(u.Host, '[') >= 0 && strings.IndexByte(u.Host, ']') >= 0 && isIPv6(host)
	}
	return true
}

// isEmail is the 'email' format: RFC 5322's addr-spec as net/mail parses
// it (a dot-atom or a quoted string before the '@', leading blanks
// skipped), at most 254 bytes with a local part of at most 64, and a host
// name or a bracketed IP address after the last '@'. net/mail itself would
// add its MIME and header code to the browser builds.
func isEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if len(s) > 254 || at < 0 || at > 64 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if len(domain) >= 2 && domain[0] == '[' && domain[len(domain)-1] == ']' {
		// The reference checks no local part before an address literal.
		if ip, ok := strings.CutPrefix(domain[1:len(domain)-1], "IPv6:"); ok {
			return isIPv6(ip)
		}
		return isIPv4(domain[1 : len(domain)-1])
	}
	if !isHostname(domain) || strings.HasSuffix(domain, ".") {
		return false // net/mail refuses the trailing dot a host name may have
	}
	local = strings.TrimLeft(local, " \t")
	if strings.HasPrefix(local, `"`) {
		return isQuotedString(local)
	}
	return isDotAtom(local)
}

// isDotAtom: atext runes (printable ASCII but specials, or any non-ASCII
// rune), with dots between them.
func isDotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") {
		return false
	}
	for _, r := range s {
		if !(r == '.' || isVisible(r) && !strings.ContainsRune(`()<>[]:;@\,"`, r)) {
			return false
		}
	}
	return true
}

// isQuotedString: one quoted string, not empty, of visible runes and blanks
// ('"' and '\' escaped). Strings here are valid UTF-8: the strict reader
// refuses any other.
func isQuotedString(s string) bool {
	if len(s) < 3 || s[len(s)-1] != '"' {
		return false
	}
	escaped := false
	body := s[1 : len(s)-1]
	for _, r := range body {
		switch {
		case escaped:
			escaped = false
			if !isVisible(r) && r != ' ' && r != '\t' {
				return false
			}
		case r == '\\':
			escaped = true
		case r == '"':
			return false // the string ends before the '@'
		case !isVisible(r) && r != ' ' && r != '\t':
			return false
		}
	}
	// A final backslash escapes the closing quote: the string never ends.
	return !escaped
}

func isVisible(r rune) bool { return '!' <= r && r <= '~' || r >= utf8.RuneSelf }

// isHostname follows RFC 1123 as the reference reads it: ASCII labels of
// letters, digits and hyphens, 1 to 63 long, that do not end with a hyphen;
// only the name's first character may not be a hyphen (the reference
// checks the name's first character where it means each label's).
func isHostname(h string) bool {
	h = strings.TrimSuffix(h, ".")
	if len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || h[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// isIPv4 is a dotted quad of decimal numbers up to 255, as strconv.Atoi
// reads them (a sign is taken), without leading zeros.
func isIPv4(s string) bool {
	groups := strings.Split(s, ".")
	if len(groups) != 4 {
		return false
	}
	for _, g := range groups {
		n, err := strconv.Atoi(g)
		if err != nil || n < 0 || n > 255 || n != 0 && g[0] == '0' {
			return false
		}
	}
	return true
}

// isIPv6 is an IPv6 address without a zone, as net.ParseIP reads it.
func isIPv6(s string) bool {
	if strings.IndexByte(s, ':') < 0 {
		return false
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Zone() == ""
}
