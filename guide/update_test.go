package guide

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/sdk"
)

// Update on the guide brands.json is in step with changes nothing, byte for
// byte: its output keeps brands.json's layout.
func TestUpdateInStep(t *testing.T) {
	out, todos, err := Update(read(t, guideText(t)), rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	assert.Empty(t, todos)
	assert.Equal(t, string(rmacheck.BrandsJSON()), string(out))
}

func TestUpdateEachKind(t *testing.T) {
	orig := guideText(t)
	// What update leaves to a person, per case of kindCases; every other
	// case is mechanical.
	left := map[string][]string{
		"marker added":                          {MarkerChanged},
		"marker removed, spelt without a space": {MarkerChanged},
		"rules changed":                         {RulesChanged},
		"standard brand's text changed":         {RulesChanged},
	}
	old := read(t, orig)
	for _, tt := range kindCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			text := apply(t, orig, tt.edits)
			g := read(t, text)
			out, todos, err := Update(g, rmacheck.BrandsJSON(), Options{Old: old})
			require.NoError(t, err)
			_, err = sdk.LoadBytes(out)
			require.NoError(t, err, "the output validates")
			diffs, err := Check(g, out)
			require.NoError(t, err)
			var kinds []string
			var fromTodos []Difference
			for _, td := range todos {
				kinds = append(kinds, td.Kind)
				fromTodos = append(fromTodos, td.Difference)
			}
			assert.Equal(t, left[tt.name], kinds)
			assert.Equal(t, diffs, fromTodos, "check reports the to-dos, and only them")
			for _, td := range todos {
				assert.NotEmpty(t, td.Old, "the old guide text")
				assert.Equal(t, td.Guide, td.Difference.Guide)
				assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, td.Digest)
			}
		})
	}
}

func brandIn(t *testing.T, data []byte, id string) map[string]any {
	t.Helper()
	var f map[string]any
	require.NoError(t, json.Unmarshal(data, &f))
	for _, b := range f["brands"].([]any) {
		if b := b.(map[string]any); b["id"] == id {
			return b
		}
	}
	return nil
}

func TestUpdateNewBrand(t *testing.T) {
	text := apply(t, guideText(t), []edit{{"04-03-2026 Ajouté KOODUU", "20-04-2026 Ajouté Zorro Gaming et Acco \n\n04-03-2026 Ajouté KOODUU"},
		{"Acezone \nAssistance", newSection + "Acezone \nAssistance"}})
	g := read(t, text)
	out, todos, err := Update(g, rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	assert.Empty(t, todos)
	b := brandIn(t, out, "zorro-gaming")
	require.NotNil(t, b)
	assert.Equal(t, "Zorro Gaming", b["name"])
	assert.Equal(t, []any{"ZG"}, b["aliases"])
	assert.Equal(t, false, b["special"])
	assert.Nil(t, b["rules"], "the standard rules")
	assert.Equal(t, []any{
		map[string]any{"type": "website", "value": "https://zorro.example/support", "role": "support"},
		map[string]any{"type": "email", "value": "help@zorro.example", "role": "support"},
	}, b["contacts"])
	assert.Equal(t, brandNamed(t, g, "Zorro Gaming (ZG)").Digest(), b["sectionDigest"])

	var f struct {
		Guide struct {
			Date    string
			Changes []map[string]any
		}
		Brands []struct{ ID string }
	}
	require.NoError(t, json.Unmarshal(out, &f))
	assert.Equal(t, "2026-04-20", f.Guide.Date)
	assert.Equal(t, map[string]any{"date": "2026-04-20", "text": map[string]any{"fr": "Ajouté Zorro Gaming et Acco", "nl": "Zorro Gaming en Acco toegevoegd", "en": "Added Zorro Gaming and Acco"},
		"brands": []any{"zorro-gaming", "acco"}}, f.Guide.Changes[0])
	assert.Equal(t, "zorro-gaming", f.Brands[2].ID, "in the guide's order: after Acer")
	assert.Equal(t, "acezone", f.Brands[3].ID)
}

func TestUpdateRemovedBrand(t *testing.T) {
	// Dazzle goes: Cascade's related and the change log forget it.
	orig := guideText(t)
	start := strings.Index(orig, "Dazzle (dorénavant Cascade)")
	end := strings.Index(orig, "Deep Silver \nAssistance")
	text := orig[:start] + orig[end:]
	out, todos, err := Update(read(t, text), rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	assert.Empty(t, todos)
	_, err = sdk.LoadBytes(out)
	require.NoError(t, err)
	assert.Nil(t, brandIn(t, out, "dazzle"))
	assert.Nil(t, brandIn(t, out, "cascade")["related"])
}

func TestUpdateAccept(t *testing.T) {
	text := apply(t, guideText(t), []edit{{"garantie de 24 mois après achat. Toutes les", "garantie de 36 mois après achat. Toutes les"}, {"Acco \nAssistance", "Acco * \nAssistance"}})
	g := read(t, text)
	out, todos, err := Update(g, rmacheck.BrandsJSON(), Options{Accept: []string{"dometic"}})
	require.NoError(t, err)
	require.Len(t, todos, 1, "Acco is still to do")
	assert.Equal(t, "Acco", todos[0].Brand)
	assert.Equal(t, brandNamed(t, g, "Dometic").Digest(), brandIn(t, out, "dometic")["sectionDigest"])
}

func TestUpdateUntranslatedChange(t *testing.T) {
	text := apply(t, guideText(t), []edit{{"04-03-2026 Ajouté KOODUU", "20-04-2026 Voir Acer (nouveaux écrans) \n\n04-03-2026 Ajouté KOODUU"}})
	out, todos, err := Update(read(t, text), rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	_, err = sdk.LoadBytes(out)
	require.NoError(t, err)
	require.Len(t, todos, 1)
	assert.Equal(t, ChangelogAdded, todos[0].Kind)
	assert.Contains(t, todos[0].Note, "translate")
}

// When the guide fixes a slip, update takes the guide's contact and drops
// the correction that explained it.
func TestUpdateCorrectedSlip(t *testing.T) {
	text := apply(t, guideText(t), []edit{{"Site internet :  www.speedlink.com/en/support-and-drivers/", "Site internet :  https://www.speedlink.com/en/support-and-drivers/"}})
	out, todos, err := Update(read(t, text), rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	assert.Empty(t, todos)
	_, err = sdk.LoadBytes(out)
	require.NoError(t, err)
	after, err := brandsfile.Read(out)
	require.NoError(t, err)
	var ids []string
	for _, c := range after.Corrections {
		ids = append(ids, c.ID)
	}
	assert.NotContains(t, ids, "speedlink-url-scheme")
	assert.Contains(t, ids, "corsair-url-scheme")
	before, err := brandsfile.Read(rmacheck.BrandsJSON())
	require.NoError(t, err)
	assert.Len(t, ids, len(before.Corrections)-1, "only the slip the guide fixed is gone")
	assert.Equal(t, "https://www.speedlink.com/en/support-and-drivers/", brandIn(t, out, "speedlink")["contacts"].([]any)[0].(map[string]any)["value"])
}

func TestUpdateRenamedHeading(t *testing.T) {
	text := apply(t, guideText(t), []edit{{"Turtle beach \nAssistance", "Turtle Beach \nAssistance"}})
	out, todos, err := Update(read(t, text), rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	assert.Empty(t, todos)
	assert.Equal(t, "Turtle Beach", brandIn(t, out, "turtle-beach")["name"])
}

// A contact the schema would refuse is left to a person, and the output
// still validates.
func TestUpdateContactSlip(t *testing.T) {
	tests := []struct {
		name, old, new string
		kind           string
	}{
		{"no scheme, changed", "https://www.acezone.io/en-eu/pages/contact", "www.acezone.io/fr", ContactChanged},
		{"no scheme, added", "Acco \nAssistance \n\nPas de données de contact pour assistance connues.", "Acco \nAssistance \n\nSite internet : www.acco.example", ContactAdded},
		{"website that is an e-mail", "Acco \nAssistance \n\nPas de données de contact pour assistance connues.", "Acco \nAssistance \n\nSite internet : help@acco.example", ContactAdded},
		{"unknown country", "+32 (0) 15 300 560 (Belgique)", "+32 (0) 15 300 560 (Allemagne)", ContactChanged},
		{"new brand without a scheme", "Acezone \nAssistance", strings.Replace(newSection, "https://zorro.example/support", "www.zorro.example", 1) + "Acezone \nAssistance", ContactAdded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := read(t, apply(t, guideText(t), []edit{{tt.old, tt.new}}))
			out, todos, err := Update(g, rmacheck.BrandsJSON(), Options{})
			require.NoError(t, err)
			_, err = sdk.LoadBytes(out)
			require.NoError(t, err, "the output validates")
			require.Len(t, todos, 1)
			assert.Equal(t, tt.kind, todos[0].Kind)
			assert.Contains(t, todos[0].Note, "correction")
		})
	}
}

func TestUpdateNameOfAnotherBrand(t *testing.T) {
	section := strings.Replace(newSection, "Zorro Gaming (ZG)", "Namco", 1)
	text := apply(t, guideText(t), []edit{{"Acezone \nAssistance", section + "Acezone \nAssistance"}})
	out, todos, err := Update(read(t, text), rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	assert.Equal(t, string(rmacheck.BrandsJSON()), string(out), "nothing to apply")
	require.Len(t, todos, 1)
	assert.Equal(t, BrandAdded, todos[0].Kind)
	assert.Contains(t, todos[0].Note, `alias of brand "bandai-namco"`)
}

// A contact the rules need stays until a person changes the rules.
func TestUpdateContactTheRulesNeed(t *testing.T) {
	text := apply(t, guideText(t), []edit{{"Site internet distributeurs ROBO :   https://robo.partners.extranet.microsoft.com/  \n", ""}})
	g := read(t, text)
	out, todos, err := Update(g, rmacheck.BrandsJSON(), Options{})
	require.NoError(t, err)
	_, err = sdk.LoadBytes(out)
	require.NoError(t, err, "the output validates")
	require.Len(t, todos, 1)
	assert.Equal(t, ContactRemoved, todos[0].Kind)
	assert.Equal(t, "Microsoft", todos[0].Brand)
	assert.Contains(t, todos[0].Note, "rules")
}

func TestNewBrandNames(t *testing.T) {
	tests := []struct {
		heading string
		id      string
		aliases any
		related any
	}{
		{"Zorro Gaming (ZG)", "zorro-gaming", []any{"ZG"}, nil},
		{"Zorro (Anciennement Zed)", "zorro", []any{"Zed"}, nil},
		{"Zorro (dorénavant Plaion)", "zorro", nil, []any{"plaion"}},
		{"Zorro (XL)", "zorro", []any{"Zorro XL"}, nil},
		{"Zörro Çafé", "zorro-cafe", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			section := strings.Replace(newSection, "Zorro Gaming (ZG)", tt.heading, 1)
			text := apply(t, guideText(t), []edit{{"Acezone \nAssistance", section + "Acezone \nAssistance"}})
			out, todos, err := Update(read(t, text), rmacheck.BrandsJSON(), Options{})
			require.NoError(t, err)
			assert.Empty(t, todos)
			_, err = sdk.LoadBytes(out)
			require.NoError(t, err)
			b := brandIn(t, out, tt.id)
			require.NotNil(t, b)
			assert.Equal(t, tt.aliases, b["aliases"])
			assert.Equal(t, tt.related, b["related"])
		})
	}
}

// Check and Update read brands.json strictly, as the SDK does: what
// encoding/json would bend (the last of two keys winning, invalid UTF-8
// turned into U+FFFD) is an error naming its place, and nothing is written.
func TestStrictRead(t *testing.T) {
	g := read(t, guideText(t))
	real := string(rmacheck.BrandsJSON())
	tests := []struct{ name, data, want string }{
		{"a repeated key", strings.Replace(real, `"format": 1,`, `"format": 1, "format": 1,`, 1), "/format: line 2, column 16: duplicate key"},
		{"invalid UTF-8", strings.Replace(real, `"publisher": "Micromedia B.V."`, "\"publisher\": \"Micromedia\xff\"", 1), "/guide/publisher: line"},
		{"data after the file", real + "{}", "/: line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check(g, []byte(tt.data))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			out, _, err := Update(g, []byte(tt.data), Options{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Nil(t, out)
		})
	}
}
