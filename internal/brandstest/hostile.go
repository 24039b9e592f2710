package brandstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/micromedia/rmacheck"
)

// Case is one variant of the embedded brands.json and what a check must
// say of it.
type Case struct {
	Name string // family/name
	Data string
	// Ptrs are the JSON pointers the problems must name, in this order;
	// the first is the first problem listed. None: the file is valid.
	Ptrs []string
	// Prefix: the first problem's pointer only starts with Ptrs[0] (a
	// pointer into deep nesting, cut).
	Prefix bool
}

// Hostile returns the hostile brands.json table: valid edge cases and
// broken files of every family (syntax, duplicate keys, invalid UTF-8, size
// and depth, ranges, types, vocabularies, misleading links, unreachable
// rules, references...). maxDataBytes is the largest file a reader takes.
func Hostile(t testing.TB, maxDataBytes int) []Case {
	t.Helper()
	base := string(rmacheck.BrandsJSON())
	var file struct {
		Brands []struct {
			ID string `json:"id"`
		} `json:"brands"`
	}
	if err := json.Unmarshal([]byte(base), &file); err != nil {
		t.Fatalf("embedded brands.json: %v", err)
	}
	brand := func(id string) string { // the pointer of a brand
		i := slices.IndexFunc(file.Brands, func(b struct {
			ID string `json:"id"`
		}) bool {
			return b.ID == id
		})
		if i < 0 {
			t.Fatalf("no brand %q", id)
		}
		return fmt.Sprintf("/brands/%d", i)
	}
	id := func(id string) string { return `"id": "` + id + `",` } // the anchor of a brand or rule
	ed := func(anchor, old, new string) string { return Replace(t, base, anchor, old, new) }
	acer, hyperx, ecoflow := brand("acer"), brand("hyperx"), brand("ecoflow")
	routes := "\n  \"routes\": {" // the top-level routes, not the labels
	rule := func(id, rest string) string { return `{"id": "` + id + `", "source": "test", ` + rest + `}` }

	var tests []Case
	add := func(family string, cases ...Case) {
		for i := range cases {
			cases[i].Name = family + "/" + cases[i].Name
		}
		tests = append(tests, cases...)
	}
	bad := func(name, data string, ptrs ...string) Case {
		return Case{Name: name, Data: data, Ptrs: ptrs}
	}
	good := func(name, data string) Case { return Case{Name: name, Data: data} }

	add("valid",
		good("embedded file", base),
		good("CRLF line ends", strings.ReplaceAll(base, "\n", "\r\n")),
		good("no whitespace", func() string {
			var b bytes.Buffer
			if err := json.Compact(&b, []byte(base)); err != nil {
				t.Fatalf("compact: %v", err)
			}
			return b.String()
		}()),
		good("guide date 2100-12-31", ed(`"publisher"`, `"date": "2026-03-04"`, `"date": "2100-12-31"`)),
		good("a day window after the DOA one", ed(id("hyperx-warranty"), `"id": "hyperx-warranty",`,
			`"id": "hyperx-late", "source": "test", "when": {"days": {"min": 31, "max": 60}}, "route": "brand-direct"}, {"id": "hyperx-warranty",`)),
		good("days.max 3660", ed(id("hyperx-doa"), `"max": 30`, `"max": 3660`)),
		good("warrantyMonths 240", ed(id("ecoflow-5-year-warranty"), `"warrantyMonths": 60`, `"warrantyMonths": 240`)),
		good("exactly 16 MB", base+strings.Repeat(" ", maxDataBytes-len(base))),
	)
	add("syntax",
		bad("trailing object", base+"{}", ""),
		bad("trailing garbage", base+"x", ""),
		bad("trailing NUL", base+"\x00", ""),
		bad("the file twice", base+base, ""),
		bad("byte order mark", "\xef\xbb\xbf"+base, ""),
		bad("empty file", "", ""),
		bad("whitespace only", " \n\t\r\n", ""),
		bad("top-level array", "["+base+"]", ""),
		bad("truncated after a member", base[:strings.Index(base, `"name": "Acer",`)+len(`"name": "Acer",`)], acer),
		bad("truncated in a string", base[:strings.Index(base, `"name": "Acer",`)+len(`"name": "Ac`)], acer+"/name"),
		bad("last brace missing", strings.TrimRight(base, "\n}"), ""),
		bad("comment", ed("", "{", "{ // brands\n"), ""),
		bad("single quotes", ed(id("acer"), `"name": "Acer"`, `'name': 'Acer'`), acer),
		bad("trailing comma", ed(id("acer"), `"special": true,`, `"special": true,,`), acer),
		bad("NaN", ed(id("hyperx-doa"), `"max": 30`, `"max": NaN`), hyperx+"/rules/0/when/days/max"),
		bad("hex number", ed(id("hyperx-doa"), `"max": 30`, `"max": 0x1e`), hyperx+"/rules/0/when/days"),
		bad("leading zero", ed(id("hyperx-doa"), `"max": 30`, `"max": 030`), hyperx+"/rules/0/when/days"),
		bad("raw tab in a string", ed(id("acer"), `"name": "Acer"`, "\"name\": \"Ac\ter\""), acer+"/name"),
		bad("raw newline in a string", ed(id("acer"), `"name": "Acer"`, "\"name\": \"Ac\ner\""), acer+"/name"),
		bad("invalid escape", ed(id("acer"), `"name": "Acer"`, `"name": "Ac\er"`), acer+"/name"),
	)
	add("duplicate key",
		bad("at the top", ed("", `"format": 1,`, `"format": 1, "format": 1,`), "/format"),
		bad("in a brand", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "name": "Acer",`), acer+"/name"),
		bad("two routes in a rule", ed(id("acer-direct"), `"route": "brand-direct",`, `"route": "brand-direct", "route": "micromedia-rma",`), acer+"/rules/1/route"),
		bad("in a large object", ed(`"categories": {`, `"categories": {`, `"categories": {"other": {"fr": "a", "nl": "a", "en": "a"},`), "/labels/categories/other"),
		bad("written with an escape", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "n\u0061me": "Acer",`), acer+"/name"),
		bad("in a text", ed(id("acer-direct"), `"en": "Acer handles`, `"en": "x", "en": "Acer handles`), acer+"/rules/1/notes/0/en"),
	)
	add("invalid UTF-8",
		bad("in a brand name", ed(id("acer"), `"name": "Acer"`, "\"name\": \"Acer\xe9\""), acer+"/name"),
		bad("0xff in a brand name", ed(id("acer"), `"name": "Acer"`, "\"name\": \"\xffAcer\""), acer+"/name"),
		bad("overlong in a note", ed(id("acer-direct"), `"en": "Acer handles`, "\"en\": \"\xc0\xafAcer handles"), acer+"/rules/1/notes/0/en"),
		bad("truncated sequence in a URL", ed(id("acer"), `"value": "https://www.acer.com`, "\"value\": \"https://www.acer.com\xe2\x82"), acer+"/contacts/0/value"),
		bad("lone surrogate in a brand name", ed(id("acer"), `"name": "Acer"`, `"name": "Acer\ud800"`), acer+"/name"),
		bad("reversed surrogates in an alias", ed(id("acer"), `"Acer Predator"`, `"Acer \udc00\ud800Predator"`), acer+"/aliases/0"),
		bad("in a key", ed(id("acer"), `"name": "Acer",`, "\"name\": \"Acer\", \"x\xff\": 1,"), acer),
		bad("outside strings", ed(id("acer"), `"special": true,`, "\"special\": true,\xff"), acer),
	)
	deep := strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)
	add("size and depth",
		bad("10,000 arrays under an unknown key", ed("", `"format": 1,`, `"format": 1, "deep": `+deep+`,`), "/deep/0/0/0"),
		bad("10,000 objects as a brand name", ed(id("acer"), `"name": "Acer"`, `"name": `+strings.Repeat(`{"a":`, 10_000)+"1"+strings.Repeat("}", 10_000)), acer+"/name/a/a/a"),
		bad("17 MB", base+strings.Repeat(" ", 17<<20), ""),
		bad("16 MB and one byte", base+strings.Repeat(" ", maxDataBytes+1-len(base)), ""),
		good("a 10 MB brand name", ed(id("acer"), `"name": "Acer"`, `"name": "`+strings.Repeat("A", 10<<20)+`"`)),
		bad("a 10 MB key", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "`+strings.Repeat("k", 10<<20)+`": 1,`), acer),
	)
	tests[len(tests)-6].Prefix = true
	tests[len(tests)-5].Prefix = true
	days := hyperx + "/rules/0/when/days"
	add("number out of range",
		bad("days.max 3661", ed(id("hyperx-doa"), `"max": 30`, `"max": 3661`), days+"/max"),
		bad("days.max 2147483647", ed(id("hyperx-doa"), `"max": 30`, `"max": 2147483647`), days+"/max"),
		bad("days.max 2^32+30", ed(id("hyperx-doa"), `"max": 30`, `"max": 4294967326`), days+"/max"),
		bad("days.max 1e400", ed(id("hyperx-doa"), `"max": 30`, `"max": 1e400`), days+"/max"),
		bad("days.max 30.5", ed(id("hyperx-doa"), `"max": 30`, `"max": 30.5`), days+"/max"),
		bad("days.max -1", ed(id("hyperx-doa"), `"max": 30`, `"max": -1`), days+"/max"),
		bad("days.min -1", ed(id("hyperx-doa"), `"max": 30`, `"min": -1, "max": 30`), days+"/min"),
		bad("days.min 2147483648", ed(id("hyperx-doa"), `"max": 30`, `"min": 2147483648, "max": 30`), days, days+"/min"),
		bad("days.max as a string", ed(id("hyperx-doa"), `"max": 30`, `"max": "30"`), days+"/max"),
		bad("warrantyMonths 241", ed(id("ecoflow-5-year-warranty"), `"warrantyMonths": 60`, `"warrantyMonths": 241`), ecoflow+"/rules/0/warrantyMonths"),
		bad("warrantyMonths 0", ed(id("ecoflow-5-year-warranty"), `"warrantyMonths": 60`, `"warrantyMonths": 0`), ecoflow+"/rules/0/warrantyMonths"),
		bad("warrantyMonths 99999999999999999999", ed(id("ecoflow-5-year-warranty"), `"warrantyMonths": 60`, `"warrantyMonths": 99999999999999999999`), ecoflow+"/rules/0/warrantyMonths"),
		bad("rmaValidDays 366", ed(routes, `"rmaValidDays": 14`, `"rmaValidDays": 366`), "/routes/micromedia-rma/rmaValidDays"),
		bad("rmaValidDays 0", ed(routes, `"rmaValidDays": 14`, `"rmaValidDays": 0`), "/routes/micromedia-rma/rmaValidDays"),
		bad("format 2", ed("", `"format": 1`, `"format": 2`), "/format"),
		// JSON Schema counts 3.0e1 as the integer 30: it is read as 30, and
		// the lint still runs on the rest of the file.
		good("days.max 3.0e1", ed(id("hyperx-doa"), `"max": 30`, `"max": 3.0e1`)),
		bad("days.max 30.0 and a misleading link", Replace(t, ed(id("hyperx-doa"), `"max": 30`, `"max": 30.0`), id("acer"), `"value": "https://`, `"value": "https://x@`),
			acer+"/contacts/0/value"),
	)
	add("wrong type",
		bad(`"special": "yes" and a duplicate brand id`, Replace(t, ed(id("acco"), `"special": false`, `"special": "yes"`), id("aerosoft"), id("aerosoft"), id("acco")),
			brand("acco")+"/special", brand("aerosoft")+"/id"),
		bad("special null", ed(id("acco"), `"special": false`, `"special": null`), brand("acco")+"/special"),
		bad("aliases a string", ed(id("acer"), "[\n        \"Acer Predator\"\n      ]", `"Acer Predator"`), acer+"/aliases"),
		bad("when an array", ed(id("acer-accessory"), `"when": {`, `"when": [{`), acer+"/rules/0/when"),
		bad("a brand null", ed("\n  \"brands\": [", "[", "[null,"), "/brands/0"),
		bad("brands empty", ed("\n  \"brands\": [", `"brands": [`, `"brands": [], "x": [`), "", "/brands"),
		bad("brands renamed", ed("\n  \"brands\": [", `"brands"`, `"brandz"`), ""),
		bad("an unknown key in a brand", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "colour": "red",`), acer),
		bad("a brand id with spaces", ed(id("activision"), `"id": "activision",`, `"id": "Activision Inc",`), brand("activision")+"/id"),
		bad("an alias of another brand", ed(id("acer"), `"Acer Predator"`, `"Acer Predator", "Acco"`), acer+"/aliases/1"),
	)
	add("unknown enum value",
		bad("route", ed(id("acer-direct"), `"route": "brand-direct"`, `"route": "brand-direkt"`), acer+"/rules/1/route"),
		bad("route a number", ed(id("acer-direct"), `"route": "brand-direct"`, `"route": 42`), acer+"/rules/1/route"),
		bad("category", ed(id("acer-accessory"), `"accessory"`, `"accessories"`), acer+"/rules/0/when/categories/0"),
		bad("support", ed(id("epos-support-first"), `"not-contacted"`, `"not_contacted"`), brand("epos")+"/rules/0/when/support/0"),
		bad("spareParts", ed(id("akracing-spare-parts"), `"not-requested"`, `"NOT-REQUESTED"`), brand("akracing")+"/rules/0/when/spareParts/0"),
		bad("contact type", ed(id("acer"), `"type": "website"`, `"type": "web"`), acer+"/contacts/0/type"),
		bad("contact role", ed(id("acer"), `"role": "support"`, `"role": "helpdesk"`), acer+"/contacts/0/role"),
		bad("contact country", ed(`"value": "+31 (0) 24 645 25 44"`, `"country": "NL"`, `"country": "FR"`), "/contacts/0/country"),
		bad("requirement of a route", ed(routes, `"purchase-date"`, `"purchase-day"`), "/routes/micromedia-rma/requires/0"),
		bad("requirement of a rule", ed(id("ecoflow-5-year-warranty"), `"purchase-date"`, `"purchase date"`), ecoflow+"/rules/0/requires/0"),
		bad("document", ed(routes, `"rma-form"`, `"rma-from"`), "/routes/micromedia-rma/documents/0"),
		bad("contact role of a route", ed(routes, `"micromedia-rma"
      ]`, `"micromedia-rmaa"
      ]`), "/routes/micromedia-rma/contacts/1"),
		bad("route key", ed(routes, `"not-returnable": {`, `"not-returnabel": {`), "/routes", "/routes/not-returnabel"),
		bad("category label key", ed(`"categories": {`, `"other": {`, `"others": {`), "/labels/categories", "/labels/categories/others"),
		bad("address role", ed("", `"role": "postal"`, `"role": "post"`), "/addresses/0/role"),
	)
	// A renamed key of each label map: the map misses the key, and has one
	// its vocabulary does not know.
	for _, m := range []struct{ labels, key string }{
		{"routes", "micromedia-rma"}, {"requirements", "photo"}, {"documents", "photo"},
		{"contactRoles", "support"}, {"countries", "NL"},
	} {
		at := strings.Index(base, `"labels": {`)
		at += strings.Index(base[at:], `"`+m.labels+`": {`)
		add("unknown enum value", bad("label key of "+m.labels,
			base[:at]+Replace(t, base[at:], "", `"`+m.key+`": {`, `"`+m.key+`-x": {`),
			"/labels/"+m.labels, "/labels/"+m.labels+"/"+m.key+"-x"))
	}
	add("unknown enum value",
		bad("contact role of a rule", ed(id("acer-direct"), `"route": "brand-direct",`, `"route": "brand-direct", "contacts": ["helpdesk"],`), acer+"/rules/1/contacts/0"),
		bad("category of a global rule", ed(`"globalRules": [`, `"digital-software"`, `"digital software"`), "/globalRules/0/when/categories/0"),
	)
	value := acer + "/contacts/0/value"
	url := `"value": "https://www.acer.com/nl-nl/support/contact-acer/service-contact"`
	link := func(v string) string { return ed(id("acer"), url, `"value": `+v) }
	add("misleading link",
		bad("userinfo", link(`"https://support.acer.com@evil.example/"`), value),
		bad("userinfo with password", link(`"https://support.acer.com:x@evil.example/"`), value),
		bad("right-to-left override", link(`"https://www.acer.com/\u202etxt.exe"`), value),
		bad("left-to-right isolate", link(`"https://www.acer.com/\u2066x"`), value),
		bad("zero-width space in the host", link(`"https://www.acer\u200b.com/"`), value),
		bad("Cyrillic look-alike host", link(`"https://www.\u0430cer.com/"`), value),
		bad("percent-escaped host", link(`"https://%77ww.acer.com/"`), value),
		bad("javascript URL", link(`"javascript:alert(1)"`), value),
		bad("data URL", link(`"data:text/html,<b>x</b>"`), value),
		bad("no host", link(`"https:///support"`), value),
		bad("a space", link(`"https://www.acer.com/a b"`), value),
		bad("a newline escape", link(`"https://www.acer.com/\nx"`), value),
		bad("e-mail with a non-ASCII domain", ed(id("ecoflow"), `"value": "support.eu@ecoflow.com"`, `"value": "support.eu@ecofl\u00f3w.com"`), ecoflow+"/contacts/0/value"),
		bad("e-mail with a display name", ed(id("ecoflow"), `"value": "support.eu@ecoflow.com"`, `"value": "Ecoflow <support.eu@evil.example>"`), ecoflow+"/contacts/0/value"),
		bad("mailto as an e-mail", ed(id("ecoflow"), `"value": "support.eu@ecoflow.com"`, `"value": "mailto:support.eu@ecoflow.com"`), ecoflow+"/contacts/0/value"),
		bad("phone with letters", ed(`"value": "+31 (0) 24 645 25 44"`, `"+31 (0) 24 645 25 44"`, `"+31 (0) 24 CALL NOW"`), "/contacts/0/value"),
	)
	add("unreachable rule",
		bad("after an unconditional rule", ed(id("acer"), `"rules": [`, `"rules": [`+rule("acer-first", `"route": "brand-direct"`)+`,`),
			acer+"/rules/1", acer+"/rules/2"),
		bad("shadowed by the global ESD rule", ed(id("acer"), `"rules": [`, `"rules": [`+rule("acer-esd", `"when": {"categories": ["digital-software"]}, "route": "brand-direct"`)+`,`),
			acer+"/rules/0"),
		bad("inside a day window already decided", ed(id("hyperx-warranty"), `"id": "hyperx-warranty",`,
			`"id": "hyperx-late", "source": "test", "when": {"days": {"min": 5, "max": 20}}, "route": "brand-direct"}, {"id": "hyperx-warranty",`),
			hyperx+"/rules/1"),
		bad("inside two day windows together", ed(id("hyperx-warranty"), `"id": "hyperx-warranty",`,
			`"id": "hyperx-b", "source": "test", "when": {"days": {"min": 31, "max": 100}}, "route": "brand-direct"}, `+
				`{"id": "hyperx-c", "source": "test", "when": {"days": {"min": 10, "max": 60}}, "route": "brand-direct"}, {"id": "hyperx-warranty",`),
			hyperx+"/rules/2"),
		bad("a default rule after the unconditional one", ed(`"defaultRules": [`, `"defaultRules": [`, `"defaultRules": [`+rule("first", `"route": "micromedia-rma"`)+`,`),
			"/defaultRules/1"),
	)
	add("route decided by the SDK",
		bad("default rule to unknown-brand", ed(`"defaultRules": [`, `"route": "micromedia-rma"`, `"route": "unknown-brand"`), "/defaultRules/0/route"),
		bad("default rule to needs-information", ed(`"defaultRules": [`, `"route": "micromedia-rma"`, `"route": "needs-information"`), "/defaultRules/0/route"),
		bad("brand rule to needs-information", ed(id("acer-direct"), `"route": "brand-direct"`, `"route": "needs-information"`), acer+"/rules/1/route"),
		bad("DOA rule without days.max", ed(id("hyperx-doa"), `"max": 30`, `"min": 0`), hyperx+"/rules/0/doa"),
		bad("last default rule with a condition", ed(`"defaultRules": [`, `"route": "micromedia-rma"`, `"when": {"categories": ["laptop"]}, "route": "micromedia-rma"`), "/defaultRules/0/when"),
	)
	add("guide date",
		bad("1999-12-31", ed(`"publisher"`, `"date": "2026-03-04"`, `"date": "1999-12-31"`), "/guide/date"),
		bad("2101-01-01", ed(`"publisher"`, `"date": "2026-03-04"`, `"date": "2101-01-01"`), "/guide/date"),
		bad("2026-02-30", ed(`"publisher"`, `"date": "2026-03-04"`, `"date": "2026-02-30"`), "/guide/date"),
		bad("0000-01-01", ed(`"publisher"`, `"date": "2026-03-04"`, `"date": "0000-01-01"`), "/guide/date"),
		bad("a timestamp", ed(`"publisher"`, `"date": "2026-03-04"`, `"date": "2026-03-04T00:00:00Z"`), "/guide/date"),
	)
	order := func(edits ...[3]string) string {
		s := base
		for _, e := range edits {
			s = Replace(t, s, e[0], e[1], e[2])
		}
		return s
	}
	userinfo := func(b string) [3]string {
		return [3]string{id(b), `"value": "https://`, `"value": "https://x@`}
	}
	add("document order",
		bad("/brands/2 before /brands/10", order(
			[3]string{id(file.Brands[10].ID), `"special": false`, `"special": "yes"`}, userinfo(file.Brands[2].ID)),
			"/brands/2/contacts/0/value", "/brands/10/special"),
		bad("/brands/3, /brands/20, /brands/100", order(userinfo(file.Brands[100].ID), userinfo(file.Brands[20].ID), userinfo(file.Brands[3].ID)),
			"/brands/3/contacts/0/value", "/brands/20/contacts/0/value", "/brands/100/contacts/0/value"),
		bad("schema and lint problems merged", order(
			[3]string{id(file.Brands[20].ID), `"special": false`, `"special": 1`},
			userinfo(file.Brands[3].ID),
			[3]string{"", `"format": 1`, `"format": "1"`}),
			"/format", "/brands/3/contacts/0/value", "/brands/20/special"),
	)
	add("pointer escaping",
		bad("a key with / and ~", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "a/b~c": 1, "a/b~c": 1,`), acer+"/a~1b~0c"),
		bad("a key with ESC, quoted", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "\u001b[2J": 1, "\u001b[2J": 1,`), acer+"/\x1b[2J"),
		bad("a key with a newline, quoted", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "a\nb": 1, "a\nb": 1,`), acer+"/a\nb"),
		bad("a key with an override, quoted", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "\u202ex": 1, "\u202ex": 1,`), acer+"/\u202ex"),
		bad("a 300-character key, cut", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "`+strings.Repeat("k", 300)+`": 1, "`+strings.Repeat("k", 300)+`": 1,`), acer+"/kkkk"),
		bad("a 10 MB duplicate key, cut", ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "`+strings.Repeat("k", 5<<20)+`": 1, "`+strings.Repeat("k", 5<<20)+`": 1,`), acer+"/kkkk"),
		bad("an unknown route key with /", ed(routes, `"not-returnable": {`, `"a/b": {}, "not-returnable": {`), "/routes/a~1b"),
	)
	add("pointer escaping",
		Case{Name: "an unknown key of 100 overrides", Data: ed(id("acer"), `"name": "Acer",`, `"name": "Acer", "`+strings.Repeat(`\u202e`, 100)+`": 1,`), Ptrs: []string{acer}},
		Case{Name: "a route of 100 tag characters", Data: ed(id("acer-direct"), `"route": "brand-direct"`, `"route": "`+strings.Repeat(`\udb40\udc01`, 100)+`"`), Ptrs: []string{acer + "/rules/1/route"}},
	)
	tests[len(tests)-3].Ptrs = []string{"/routes/a~1b"}
	tests[len(tests)-4].Prefix = true
	tests[len(tests)-5].Prefix = true
	add("reference",
		bad("related to itself", ed(id("acer"), `"special": true,`, `"special": true, "related": ["acer"],`), acer+"/related/0"),
		bad("related to no brand", ed(id("acer"), `"special": true,`, `"special": true, "related": ["acer-2"],`), acer+"/related/0"),
		bad("correction of no brand", ed(`"corrections": [`, `"brand": "`, `"brand": "no-such-`), "/corrections/0/brand"),
		bad("change of no brand", ed(`"changes": [`, `"kooduu"`, `"no-such-brand"`), "/guide/changes/0/brands/0"),
		bad("a change newer than the guide", ed(`"changes": [`, `"date": "2026-03-04"`, `"date": "2026-03-05"`), "/guide/date"),
		bad("rule contact nobody has", ed(id("acer-direct"), `"route": "brand-direct",`, `"route": "brand-direct", "contacts": ["reseller-portal"],`), acer+"/rules/1/contacts/0"),
		bad("a rule id twice", ed(id("acer-direct"), `"id": "acer-direct",`, `"id": "acer-accessory",`), acer+"/rules/1/id"),
		bad("two brands one name", ed(id("acezone"), `"name": "Acezone"`, `"name": "ACER!"`), brand("acezone")+"/name"),
		bad("a name without letters", ed(id("acer"), `"name": "Acer"`, `"name": "***"`), acer+"/name"),
		bad("a blank publisher", ed("", `"publisher": "Micromedia B.V."`, `"publisher": " \t "`), "/guide/publisher"),
		bad("an override in a note", ed(id("acer-direct"), `"en": "Acer handles`, `"en": "\u202eAcer handles`), acer+"/rules/1/notes/0/en"),
		bad("an escape in a step", ed(routes, `"en": "Fill in`, `"en": "\u001b[2JFill in`), "/routes/micromedia-rma/steps/1/en"),
	)
	// Names are shown to consumers as they are written.
	add("invisible characters in names",
		bad("brand name with a right-to-left override", ed(id("acer"), `"name": "Acer"`, `"name": "\u202eAcer"`), acer+"/name"),
		bad("alias with a NUL", ed(id("acer"), `"Acer Predator"`, `"Acer\u0000Predator"`), acer+"/aliases/0"),
	)

	if len(tests) < 40 {
		t.Fatalf("the table has %d cases", len(tests))
	}
	return tests
}

// Replace returns src with the first old after anchor replaced by new.
func Replace(t testing.TB, src, anchor, old, new string) string {
	t.Helper()
	i := strings.Index(src, anchor)
	if i < 0 {
		t.Fatalf("anchor %q not found", anchor)
	}
	j := strings.Index(src[i:], old)
	if j < 0 {
		t.Fatalf("%q not found after %q", old, anchor)
	}
	return src[:i+j] + new + src[i+j+len(old):]
}
