package main

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/micromedia/rmacheck/sdk"
)

// Config is the widget's configuration from the URL fragment
// (#lang=nl&audience=reseller&id=w1&parent=...&accent=...). Each field is
// either a validated value or empty: a bad value is dropped, never used.
type Config struct {
	Lang     sdk.Lang     // "" when not given
	Audience sdk.Audience // never "": the fragment's, or the widget's default, sdk.AudienceConsumer
	ID       string       // widget instance id, [A-Za-z0-9_-]{1,64}
	Parent   string       // origin of the embedding page, scheme://host[:port]
	Theme    Theme
}

// Theme is the host's look, applied as CSS variables.
type Theme struct {
	Accent string // CSS colour
	Font   string // font-family list
	Radius string // 0px to 32px
	Mode   string // light or dark
}

// The value checks below are written out rather than regular expressions:
// compiling those at start-up cost a phone's main thread about 40 ms.
// config_test.go holds each to the expression it replaces.

// only reports whether s has 1 to n bytes, each allowed by ok.
func only(s string, n int, ok func(byte) bool) bool {
	if len(s) == 0 || len(s) > n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func isAlnum(c byte) bool    { return isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// validID: 1 to 64 of A-Z a-z 0-9 _ -.
func validID(s string) bool {
	return only(s, 64, func(c byte) bool { return isAlnum(c) || c == '_' || c == '-' })
}

// validFont: 1 to 100 of A-Z a-z 0-9, space and , ' " -.
func validFont(s string) bool {
	return only(s, 100, func(c byte) bool { return isAlnum(c) || strings.IndexByte(` ,'"-`, c) >= 0 })
}

// closedQuotes reports whether every quoted font name in s ends: an
// unterminated CSS string would swallow the declarations after it.
func closedQuotes(s string) bool {
	var open byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case open == 0 && (c == '"' || c == '\''):
			open = c
		case c == open:
			open = 0
		}
	}
	return open == 0
}

// validRadius: 0px to 32px, without leading zeros.
func validRadius(s string) bool {
	n, ok := strings.CutSuffix(s, "px")
	if !ok || !only(n, 2, isDigit) {
		return false
	}
	return len(n) == 1 || n[0] == '1' || n[0] == '2' || n[0] == '3' && n[1] <= '2'
}

// namedColours are the CSS colour names a host may pick.
var namedColours = []string{"black", "white", "gray", "grey", "silver", "maroon", "red", "darkred", "crimson", "firebrick", "purple", "indigo", "fuchsia", "magenta", "green", "darkgreen", "seagreen", "olive", "navy", "blue", "darkblue", "royalblue", "steelblue", "teal", "darkcyan", "orange", "darkorange", "chocolate", "brown", "sienna", "goldenrod", "slategray", "darkslategray", "tomato", "orangered", "deeppink", "mediumvioletred"}

// validRGB: rgb(r, g, b) with each of 0 to 255 written without leading
// zeros, and optional white space around each.
func validRGB(s string) bool {
	rest, ok := strings.CutPrefix(s, "rgb(")
	if !ok {
		return false
	}
	rest, ok = strings.CutSuffix(rest, ")")
	if !ok {
		return false
	}
	parts := strings.Split(rest, ",")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		p = strings.Trim(p, " \t\n\f\r")
		if !only(p, 3, isDigit) || len(p) > 1 && p[0] == '0' || len(p) == 3 && p > "255" {
			return false
		}
	}
	return true
}

// ParseFragment reads the configuration from location.hash (with or without
// the leading #). Unknown keys and bad values are ignored; the audience
// is the consumer's unless the fragment names another.
func ParseFragment(hash string) Config {
	c := Config{Audience: sdk.AudienceConsumer}
	hash = strings.TrimPrefix(hash, "#")
	for _, part := range strings.Split(hash, "&") {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		v, err := url.QueryUnescape(v)
		if err != nil {
			continue
		}
		switch k {
		case "lang":
			if l := sdk.Lang(v); validLang(l) {
				c.Lang = l
			}
		case "audience":
			if a := sdk.Audience(v); a == sdk.AudienceConsumer || a == sdk.AudienceReseller {
				c.Audience = a
			}
		case "id":
			if validID(v) {
				c.ID = v
			}
		case "parent":
			c.Parent = ValidOrigin(v)
		case "accent":
			if validColour(v) {
				c.Theme.Accent = v
			}
		case "font":
			if validFont(v) && closedQuotes(v) && strings.TrimSpace(v) != "" {
				c.Theme.Font = v
			}
		case "radius":
			if validRadius(v) {
				c.Theme.Radius = v
			}
		case "mode":
			if v == "light" || v == "dark" {
				c.Theme.Mode = v
			}
		}
	}
	return c
}

func validColour(v string) bool {
	if hex, ok := strings.CutPrefix(v, "#"); ok {
		return (len(hex) == 3 || len(hex) == 6) && only(hex, 6, isHexDigit)
	}
	return validRGB(v) || slices.Contains(namedColours, v)
}

// ValidOrigin returns s as an origin ("https://shop.example:8443") when it
// is an http(s) URL with a host and nothing but an optional "/" after it,
// else "". The host is a name of letters, digits, dots, hyphens and
// underscores, or an IP address; the port is from 1 to 65535: what Go's
// url.Parse lets through beyond that ("http://a<b", "http://x:99999") a
// browser refuses, and postMessage to it throws.
func ValidOrigin(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.User != nil || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" ||
		(u.Path != "" && u.Path != "/") || !validHost(u.Hostname()) || !validPort(u.Port()) {
		return ""
	}
	return u.Scheme + "://" + strings.ToLower(u.Host)
}

func validHost(h string) bool {
	if strings.Contains(h, ":") { // an IPv6 address
		return only(h, 45, func(c byte) bool { return isHexDigit(c) || c == ':' || c == '.' })
	}
	return only(h, 253, func(c byte) bool { return isAlnum(c) || c == '.' || c == '-' || c == '_' })
}

// validPort: none, or 1 to 65535.
func validPort(p string) bool {
	if p == "" {
		return true
	}
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535 && only(p, 5, isDigit)
}

// OriginOf returns the origin of an http(s) URL such as document.referrer,
// or "".
func OriginOf(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + strings.ToLower(u.Host)
}

// targetOrigin is where the widget may post messages: the parent origin
// from the fragment, else the referrer's origin, else "" (do not post).
func targetOrigin(c Config, referrer string) string {
	if c.Parent != "" {
		return c.Parent
	}
	return OriginOf(referrer)
}

// langFromBrowser picks the widget language for navigator.language values
// such as "nl-BE"; English when none fits.
func langFromBrowser(tags ...string) sdk.Lang {
	for _, t := range tags {
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(t)), "-")
		if l := sdk.Lang(base); validLang(l) {
			return l
		}
	}
	return sdk.LangEnglish
}

// styleVars are the CSS custom properties for a theme, only for the values
// that are set (they passed validation in ParseFragment).
func (t Theme) styleVars() [][2]string {
	var out [][2]string
	if t.Accent != "" {
		out = append(out, [2]string{"--rc-accent", t.Accent})
	}
	if t.Font != "" {
		out = append(out, [2]string{"--rc-font", t.Font})
	}
	if t.Radius != "" {
		out = append(out, [2]string{"--rc-radius", t.Radius})
	}
	return out
}

// CleanFragment returns hash without the parts (between "&") that hold a
// bad %-escape, such as "#x=%" or "#font=100%": go-app parses
// location.href with net/url, which rejects the whole URL for one of them,
// and then stops. Those parts are settings that fail their check anyway.
// The result keeps the leading "#" when anything is left, else it is "".
func CleanFragment(hash string) string {
	raw := strings.TrimPrefix(hash, "#")
	if !strings.Contains(raw, "%") {
		return hash
	}
	var keep []string
	for _, part := range strings.Split(raw, "&") {
		if validEscapes(part) {
			keep = append(keep, part)
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return "#" + strings.Join(keep, "&")
}

// validEscapes reports whether every "%" in s starts a two-digit hex escape.
func validEscapes(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return false
		}
		i += 2
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
