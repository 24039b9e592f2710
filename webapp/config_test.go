package main

import (
	"math/rand/v2"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFragment(t *testing.T) {
	tests := []struct {
		name string
		hash string
		want Config
	}{
		{"empty", "", Config{Audience: sdk.AudienceConsumer}},
		{"all keys", "#lang=nl&audience=reseller&id=w1&parent=https%3A%2F%2Fshop.example&accent=%23aa3300&font=%22Open%20Sans%22%2C%20sans-serif&radius=8px&mode=dark",
			Config{Lang: sdk.LangDutch, Audience: sdk.AudienceReseller, ID: "w1", Parent: "https://shop.example",
				Theme: Theme{Accent: "#aa3300", Font: `"Open Sans", sans-serif`, Radius: "8px", Mode: "dark"}}},
		{"without #", "lang=fr", Config{Audience: sdk.AudienceConsumer, Lang: sdk.LangFrench}},
		{"rgb and named colours", "#accent=rgb(10%2C%20200%2C%2030)", Config{Audience: sdk.AudienceConsumer, Theme: Theme{Accent: "rgb(10, 200, 30)"}}},
		{"named colour", "#accent=teal", Config{Audience: sdk.AudienceConsumer, Theme: Theme{Accent: "teal"}}},
		{"hostile accent is dropped", "#accent=red%3Bbackground%3Aurl(https%3A%2F%2Fevil.example)", Config{Audience: sdk.AudienceConsumer}},
		{"expression in accent is dropped", "#accent=expression(alert(1))", Config{Audience: sdk.AudienceConsumer}},
		{"rgb out of range is dropped", "#accent=rgb(300%2C0%2C0)", Config{Audience: sdk.AudienceConsumer}},
		{"unknown colour name is dropped", "#accent=javascript", Config{Audience: sdk.AudienceConsumer}},
		{"font with a semicolon is dropped", "#font=Arial%3B%7Dbody%7Bdisplay%3Anone", Config{Audience: sdk.AudienceConsumer}},
		{"font with parentheses is dropped", "#font=url(x)", Config{Audience: sdk.AudienceConsumer}},
		{"radius too large", "#radius=33px", Config{Audience: sdk.AudienceConsumer}},
		{"radius without unit", "#radius=8", Config{Audience: sdk.AudienceConsumer}},
		{"radius 0px", "#radius=0px", Config{Audience: sdk.AudienceConsumer, Theme: Theme{Radius: "0px"}}},
		{"mode other", "#mode=blue", Config{Audience: sdk.AudienceConsumer}},
		{"unknown language", "#lang=de", Config{Audience: sdk.AudienceConsumer}},
		{"unknown audience is the consumer", "#audience=admin", Config{Audience: sdk.AudienceConsumer}},
		{"consumer", "#audience=consumer", Config{Audience: sdk.AudienceConsumer}},
		{"id with spaces", "#id=a%20b", Config{Audience: sdk.AudienceConsumer}},
		{"id too long", "#id=" + string(make([]byte, 0)) + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Config{Audience: sdk.AudienceConsumer}},
		{"parent with a path", "#parent=https%3A%2F%2Fshop.example%2Fcart", Config{Audience: sdk.AudienceConsumer}},
		{"parent not http", "#parent=javascript%3Aalert(1)", Config{Audience: sdk.AudienceConsumer}},
		{"parent with trailing slash and port", "#parent=http%3A%2F%2F127.0.0.1%3A8001%2F", Config{Audience: sdk.AudienceConsumer, Parent: "http://127.0.0.1:8001"}},
		{"parent with a port the browser refuses", "#parent=http%3A%2F%2F127.0.0.1%3A99999", Config{Audience: sdk.AudienceConsumer}},
		{"parent with port 0", "#parent=http%3A%2F%2F127.0.0.1%3A0", Config{Audience: sdk.AudienceConsumer}},
		{"parent with a host the browser refuses", "#parent=http%3A%2F%2Fa%3Cb", Config{Audience: sdk.AudienceConsumer}},
		{"parent with a quote in its host", "#parent=http%3A%2F%2Fa%22b.example", Config{Audience: sdk.AudienceConsumer}},
		{"parent on IPv6", "#parent=http%3A%2F%2F%5B%3A%3A1%5D%3A8001", Config{Audience: sdk.AudienceConsumer, Parent: "http://[::1]:8001"}},
		{"parent with underscore and highest port", "#parent=https%3A%2F%2Fmy_shop.example%3A65535", Config{Audience: sdk.AudienceConsumer, Parent: "https://my_shop.example:65535"}},
		{"font with an open quote is dropped", "#font=%22&radius=8px", Config{Audience: sdk.AudienceConsumer, Theme: Theme{Radius: "8px"}}},
		{"font with a name left open is dropped", "#font=%22Open%20Sans%2C%20sans-serif", Config{Audience: sdk.AudienceConsumer}},
		{"font with quotes in quotes", "#font=%22Bob's%20Font%22%2C%20'A%20%22B'", Config{Audience: sdk.AudienceConsumer, Theme: Theme{Font: `"Bob's Font", 'A "B'`}}},
		{"bad escape is skipped", "#lang=%zz&audience=reseller", Config{Audience: sdk.AudienceReseller}},
		{"query-like junk", "#=&&lang&x=y", Config{Audience: sdk.AudienceConsumer}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ParseFragment(tt.hash))
		})
	}
}

func TestTargetOrigin(t *testing.T) {
	tests := []struct {
		name     string
		cfg      Config
		referrer string
		want     string
	}{
		{"parent from the fragment wins", Config{Parent: "https://shop.example"}, "https://other.example/page", "https://shop.example"},
		{"referrer's origin", Config{}, "https://shop.example/products/1?x=y", "https://shop.example"},
		{"nothing known: do not post", Config{}, "", ""},
		{"referrer not http", Config{}, "file:///tmp/x.html", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, targetOrigin(tt.cfg, tt.referrer))
		})
	}
}

func TestLangFromBrowser(t *testing.T) {
	assert.Equal(t, sdk.LangDutch, langFromBrowser("nl-BE", "fr"))
	assert.Equal(t, sdk.LangFrench, langFromBrowser("de-DE", "fr-FR"))
	assert.Equal(t, sdk.LangEnglish, langFromBrowser("de"))
	assert.Equal(t, sdk.LangEnglish, langFromBrowser())
}

func TestThemeStyleVars(t *testing.T) {
	th := ParseFragment("#accent=%23aa3300&radius=4px").Theme
	assert.Equal(t, [][2]string{{"--rc-accent", "#aa3300"}, {"--rc-radius", "4px"}}, th.styleVars())
	assert.Empty(t, Theme{}.styleVars())
}

func TestCleanFragment(t *testing.T) {
	tests := []struct{ hash, want string }{
		{"", ""},
		{"#lang=nl&id=w1", "#lang=nl&id=w1"},
		{"#x=%", ""},
		{"#font=100%", ""},
		{"#%", ""},
		{"#%2", ""},
		{"#lang=fr&x=%&id=w%31", "#lang=fr&id=w%31"},
		{"#accent=%23aa3300&font=%zzArial", "#accent=%23aa3300"},
		{"#font=%22Open%20Sans%22", "#font=%22Open%20Sans%22"},
	}
	for _, tt := range tests {
		t.Run(tt.hash, func(t *testing.T) {
			got := CleanFragment(tt.hash)
			assert.Equal(t, tt.want, got)
			// What go-app does with location.href must now succeed.
			_, err := url.Parse("http://127.0.0.1:8000/" + got)
			assert.NoError(t, err)
			assert.Equal(t, ParseFragment(tt.hash), ParseFragment(got), "the same settings")
		})
	}
}

// Each value check of the fragment accepts exactly what the regular
// expression it replaced accepts: hand-picked edges, then random strings
// over the characters that matter.
func TestValueChecksMatchTheirExpressions(t *testing.T) {
	checks := []struct {
		name     string
		check    func(string) bool
		expr     string
		alphabet string
		edges    []string
	}{
		{"id", validID, `^[A-Za-z0-9_-]{1,64}$`, "aZ09_-. é", []string{"", "a", strings.Repeat("a", 64), strings.Repeat("a", 65), "a b", "a\n"}},
		{"font", validFont, `^[A-Za-z0-9 ,'"-]{1,100}$`, `aZ0 ,'"-;<`, []string{"", " ", strings.Repeat("a", 100), strings.Repeat("a", 101), "Inter, sans-serif", "a;b"}},
		{"radius", validRadius, `^(?:[0-9]|[12][0-9]|3[0-2])px$`, "0123459px ", []string{"0px", "9px", "10px", "29px", "30px", "32px", "33px", "05px", "00px", "100px", "px", "1", "1PX", " 1px"}},
		{"colour", validColour, `^(?:#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})|rgb\(\s*(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\s*,\s*(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\s*,\s*(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\s*\)|black|white|gray|grey|silver|maroon|red|darkred|crimson|firebrick|purple|indigo|fuchsia|magenta|green|darkgreen|seagreen|olive|navy|blue|darkblue|royalblue|steelblue|teal|darkcyan|orange|darkorange|chocolate|brown|sienna|goldenrod|slategray|darkslategray|tomato|orangered|deeppink|mediumvioletred)$`,
			"rgb(0125, \t\v)#aF", []string{"#abc", "#ABCDEF", "#abcd", "#ab", "#abcdeg", "#", "rgb(0,0,0)", "rgb( 255 , 255 , 255 )", "rgb(256,0,0)", "rgb(01,0,0)", "rgb(00,0,0)",
				"rgb(199,249,250)", "rgb(\t1,\n2,\f3\r)", "rgb(1,2,3\v)", "rgb(1,2)", "rgb(1,2,3,4)", "rgb(,1,2)", "rgb(1,2,3) ", "RGB(1,2,3)", "navy", "Navy", "navyblue", "rebeccapurple", ""}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, c := range checks {
		re := regexp.MustCompile(c.expr)
		inputs := append([]string(nil), c.edges...)
		for range 20000 {
			random := func(n int) string {
				r := []rune(c.alphabet)
				var b strings.Builder
				for range n {
					b.WriteRune(r[rng.IntN(len(r))])
				}
				return b.String()
			}
			if c.name == "colour" && rng.IntN(2) == 0 {
				// rgb( with three numbers from 0 to 300, some with a
				// leading zero, and random white space.
				space := func() string { return []string{"", "", " ", "\t", "\v", "  "}[rng.IntN(6)] }
				num := func() string { return []string{"", "0"}[rng.IntN(2)*rng.IntN(2)] + strconv.Itoa(rng.IntN(301)) }
				inputs = append(inputs, "rgb("+space()+num()+space()+","+space()+num()+space()+","+space()+num()+space()+")"+random(rng.IntN(2)))
				continue
			}
			inputs = append(inputs, random(rng.IntN(14)))
		}
		accepted := 0
		for _, in := range inputs {
			want := re.MatchString(in)
			require.Equal(t, want, c.check(in), "%s %q", c.name, in)
			if want {
				accepted++
			}
		}
		assert.Greater(t, accepted, 10, "%s: the random inputs reach accepted values", c.name)
	}
}
