package guide

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
	"github.com/micromedia/rmacheck/internal/brandsfile"
	"github.com/micromedia/rmacheck/internal/brandstest"
)

// The guide and brands.json are in step: every heading has its brand, and
// every *, contact, rule text, change log line and the date match. This is
// the check that was once made by hand.
func TestInStep(t *testing.T) {
	g := read(t, guideText(t))
	diffs, err := Check(g, rmacheck.BrandsJSON())
	require.NoError(t, err)
	assert.Empty(t, diffs)
}

// Whitespace, line ends and wrapping are not differences.
func TestInStepRewrapped(t *testing.T) {
	orig := guideText(t)
	for name, text := range map[string]string{
		"spaces, tabs and CRLF": strings.NewReplacer(" ", " \t ", "\n", "\r\n").Replace(orig),
		"no-break spaces":       strings.ReplaceAll(orig, " ", "\u00a0"),
		"addresses wrapped":     strings.ReplaceAll(orig, "Site internet :  https://", "Site internet : \nhttps://"),
	} {
		t.Run(name, func(t *testing.T) {
			diffs, err := Check(read(t, text), rmacheck.BrandsJSON())
			require.NoError(t, err)
			assert.Empty(t, diffs)
		})
	}
}

// lineOf is the 1-based line of the first occurrence of s in text.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	require.GreaterOrEqual(t, i, 0, "%q is in the text", s)
	return strings.Count(text[:i], "\n") + 1
}

// at is the JSON pointer of brand id in the embedded brands.json, with rest.
func at(t *testing.T, id, rest string) string {
	t.Helper()
	f, err := brandsfile.Read(rmacheck.BrandsJSON())
	require.NoError(t, err)
	for i, b := range f.Brands {
		if b.ID == id {
			return fmt.Sprintf("/brands/%d%s", i, rest)
		}
	}
	t.Fatalf("no brand %q", id)
	return ""
}

// where a difference is: the check's output without the values.
type where struct {
	Kind, Brand string
	Line        int
	Pointer     string
}

func wheres(ds []Difference) []where {
	var out []where
	for _, d := range ds {
		out = append(out, where{d.Kind, d.Brand, d.Line, d.Pointer})
	}
	return out
}

const newSection = "Zorro Gaming (ZG) \nAssistance \n\nSite internet :  https://zorro.example/support  \n\nE-mail : help@zorro.example \n\n" +
	"Règles de retour pour article défectueux \n\nLes règles standard de Micromedia s’appliquent à cette marque (voir \nchapitre 1). \n\n \n\n"

// edit is a change made on a copy of the guide: old replaced by new, once.
type edit struct{ old, new string }

func apply(t *testing.T, text string, edits []edit) string {
	t.Helper()
	for _, e := range edits {
		require.Contains(t, text, e.old)
		text = strings.Replace(text, e.old, e.new, 1)
	}
	return text
}

// kindCases are copies of the guide with one kind of change each; want is
// computed on the edited text.
func kindCases(t *testing.T) []struct {
	name  string
	edits []edit
	want  func(text string) []where
} {
	acezone := "Site internet :  https://www.acezone.io/en-eu/pages/contact"
	awoxPhone := "Téléphone :  +31 (0) 20 69 32 932 (Pays-Bas) \n\nSite internet :  https://cresta-care.com/contact/  \n\nRègles de retour pour article défectueux \n\nLes règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). \n\n \n\nBackbone"
	return []struct {
		name  string
		edits []edit
		want  func(text string) []where
	}{
		{"brand added", []edit{{"Acezone \nAssistance", newSection + "Acezone \nAssistance"}}, func(text string) []where {
			return []where{{BrandAdded, "Zorro Gaming (ZG)", lineOf(t, text, "Zorro Gaming"), "/brands/-"}}
		}},
		{"brand removed", []edit{{"Acco \nAssistance \n\nPas de données de contact pour assistance connues.  \n\nRègles de retour pour article défectueux \n\nLes règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). \n\n \n\n", ""}},
			func(text string) []where { return []where{{BrandRemoved, "Acco", 0, at(t, "acco", "")}} }},
		{"marker added", []edit{{"Acco \nAssistance", "Acco * \nAssistance"}}, func(text string) []where {
			return []where{{MarkerChanged, "Acco", lineOf(t, text, "Acco *"), at(t, "acco", "/special")}}
		}},
		{"marker removed, spelt without a space", []edit{{"Soflow* \nAssistance", "Soflow \nAssistance"}}, func(text string) []where {
			return []where{{MarkerChanged, "Soflow", lineOf(t, text, "Soflow \nAssistance"), at(t, "soflow", "/special")}}
		}},
		{"contact added", []edit{{"Acco \nAssistance \n\nPas de données de contact pour assistance connues.", "Acco \nAssistance \n\nE-mail :  support@acco.example"}}, func(text string) []where {
			return []where{{ContactAdded, "Acco", lineOf(t, text, "support@acco.example"), at(t, "acco", "/contacts/-")}}
		}},
		{"contact removed", []edit{{awoxPhone, awoxPhone[strings.Index(awoxPhone, "Site"):]}}, func(text string) []where {
			return []where{{ContactRemoved, "Awox", lineOf(t, text, "Awox"), at(t, "awox", "/contacts/0")}}
		}},
		{"contact changed", []edit{{acezone, acezone + "/fr"}}, func(text string) []where {
			return []where{{ContactChanged, "Acezone", lineOf(t, text, "acezone.io"), at(t, "acezone", "/contacts/0")}}
		}},
		{"contact's country changed", []edit{{"+32 (0) 15 300 560 (Belgique)", "+32 (0) 15 300 560 (Pays-Bas)"}}, func(text string) []where {
			return []where{{ContactChanged, "Hedgren Creations", lineOf(t, text, "+32 (0) 15"), at(t, "hedgren-creations", "/contacts/0")}}
		}},
		{"rules changed", []edit{{"garantie de 24 mois après achat. Toutes les", "garantie de 36 mois après achat. Toutes les"}}, func(text string) []where {
			return []where{{RulesChanged, "Dometic", lineOf(t, text, "Tous les produits Dometic"), at(t, "dometic", "/sectionDigest")}}
		}},
		{"standard brand's text changed", []edit{{"Les règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). \n\n \n\nActivision", "Les règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). Sauf les écouteurs. \n\n \n\nActivision"}}, func(text string) []where {
			return []where{{RulesChanged, "Acezone", lineOf(t, text, "Sauf les écouteurs"), at(t, "acezone", "/sectionDigest")}}
		}},
		{"change log line added", []edit{{"04-03-2026 Ajouté KOODUU", "20-04-2026 Voir Acer \n\n04-03-2026 Ajouté KOODUU"}}, func(text string) []where {
			l := lineOf(t, text, "20-04-2026")
			return []where{{DateChanged, "", l, "/guide/date"}, {ChangelogAdded, "", l, "/guide/changes/0"}}
		}},
		{"new brand's heading and log line", []edit{{"04-03-2026 Ajouté KOODUU", "20-04-2026 Ajouté Zorro Gaming \n\n04-03-2026 Ajouté KOODUU"}, {"Xtorm \nAssistance", newSection + "Xtorm \nAssistance"}}, func(text string) []where {
			l := lineOf(t, text, "20-04-2026")
			return []where{{DateChanged, "", l, "/guide/date"}, {ChangelogAdded, "", l, "/guide/changes/0"}, {BrandAdded, "Zorro Gaming (ZG)", lineOf(t, text, "Zorro Gaming (ZG)"), "/brands/-"}}
		}},
		{"a slip corrected in the guide", []edit{{"Site internet :  www.speedlink.com/en/support-and-drivers/", "Site internet :  https://www.speedlink.com/en/support-and-drivers/"}}, func(text string) []where {
			return []where{{ContactChanged, "Speedlink", lineOf(t, text, "https://www.speedlink.com"), at(t, "speedlink", "/contacts/0")}}
		}},
		{"re-wrapped", []edit{{"Tous les produits Dometic bénéficient d'une garantie de 24 mois après achat. Toutes les \n\n", "Tous les produits Dometic \nbénéficient d'une garantie de 24 mois après achat.    Toutes les "}}, func(string) []where { return nil }},
	}
}

func TestCheckFindsEachKind(t *testing.T) {
	orig := guideText(t)
	for _, tt := range kindCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			text := apply(t, orig, tt.edits)
			diffs, err := Check(read(t, text), rmacheck.BrandsJSON())
			require.NoError(t, err)
			assert.Equal(t, tt.want(text), wheres(diffs))
		})
	}
}

func TestCheckValues(t *testing.T) {
	orig := guideText(t)
	text := apply(t, orig, []edit{{"Site internet :  https://www.acezone.io/en-eu/pages/contact", "Site internet :  https://www.acezone.io/en-eu/pages/contact/fr"},
		{"Acco \nAssistance", "Acco * \nAssistance"}})
	diffs, err := Check(read(t, text), rmacheck.BrandsJSON())
	require.NoError(t, err)
	require.Len(t, diffs, 2)
	assert.Equal(t, true, diffs[0].Guide)
	assert.Equal(t, false, diffs[0].Data)
	assert.Equal(t, ContactRef{Type: "website", Value: "https://www.acezone.io/en-eu/pages/contact/fr"}, diffs[1].Guide)
	assert.Equal(t, ContactRef{Type: "website", Value: "https://www.acezone.io/en-eu/pages/contact"}, diffs[1].Data)
}

// The recorded corrections are what keep the guide's slips from showing: a
// correction without its contact lets the slip through.
func TestCheckCorrections(t *testing.T) {
	g := read(t, guideText(t))
	for _, tt := range []struct{ correction, brand, pointer string }{
		{"delta-children-email", "Delta Children", "/contacts/0"},
		{"asus-email-is-link", "ASUS", "/contacts/1"},
		{"corsair-url-scheme", "Corsair", "/contacts/1"},
	} {
		t.Run(tt.correction, func(t *testing.T) {
			data := brandstest.Edit(t, func(doc map[string]any) {
				for _, c := range doc["corrections"].([]any) {
					if c := c.(map[string]any); c["id"] == tt.correction {
						delete(c, "contact")
					}
				}
			})
			diffs, err := Check(g, data)
			require.NoError(t, err)
			require.Len(t, diffs, 1)
			assert.Equal(t, ContactChanged, diffs[0].Kind)
			assert.Equal(t, tt.brand, diffs[0].Brand)
			assert.Equal(t, at(t, slug(tt.brand), tt.pointer), diffs[0].Pointer)
		})
	}
}

func TestCheckDate(t *testing.T) {
	data := brandstest.Edit(t, func(doc map[string]any) { doc["guide"].(map[string]any)["date"] = "2026-03-05" })
	diffs, err := Check(read(t, guideText(t)), data)
	require.NoError(t, err)
	assert.Equal(t, []where{{DateChanged, "", 74, "/guide/date"}}, wheres(diffs))
	assert.Equal(t, "2026-03-04", diffs[0].Guide)
	assert.Equal(t, "2026-03-05", diffs[0].Data)
}
