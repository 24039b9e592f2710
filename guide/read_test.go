package guide

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// guideText is the guide brands.json is in step with (a copy of
// shared/seed's export).
func guideText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/guide.txt")
	require.NoError(t, err)
	return string(b)
}

func read(t *testing.T, text string) *Guide {
	t.Helper()
	g, err := ReadFile([]byte(text))
	require.NoError(t, err)
	return g
}

func brandNamed(t *testing.T, g *Guide, name string) Brand {
	t.Helper()
	for _, b := range g.Brands {
		if b.Name == name {
			return b
		}
	}
	t.Fatalf("no heading %q", name)
	return Brand{}
}

func TestReadGuide(t *testing.T) {
	g := read(t, guideText(t))
	assert.Equal(t, "2026-03-04", g.Date)
	require.Len(t, g.Changes, 25)
	assert.Equal(t, Change{Line: 74, Date: "2026-03-04", Text: "Ajouté KOODUU"}, g.Changes[0])
	assert.Equal(t, Change{Line: 84, Date: "2022-10-15", Text: "Voir Sony (de retour Consoles ou appareils RV)"}, g.Changes[5], "the slip is read as printed")
	assert.Equal(t, "Voir Mobicool", g.Changes[24].Text)

	var numbers []string
	for _, s := range g.Sections {
		numbers = append(numbers, s.Number)
	}
	assert.Equal(t, []string{"1", "1.1", "1.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.3", "1.3.1", "1.3.2", "1.4", "1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5"}, numbers,
		"postcodes (6503 AH) are not headings")
	assert.Equal(t, "Transport", g.Sections[5].Title)
	assert.Contains(t, g.Sections[11].Text, "6503 AH Nijmegen")

	assert.Len(t, g.Brands, 163, "162 brands, The G-lab twice")
	special := 0
	for _, b := range g.Brands {
		if b.Special {
			special++
		}
		assert.NotContains(t, b.Rules, "http", "%s: annotations are not rule text", b.Name)
		assert.NotContains(t, b.Rules, "Table des mati", "%s: page furniture is not rule text", b.Name)
	}
	assert.Equal(t, 26, special)
}

func TestReadBrands(t *testing.T) {
	g := read(t, guideText(t))
	web := func(line int, label, value string) Contact {
		return Contact{Line: line, Label: label, Type: "website", Value: value}
	}
	tests := []struct {
		name     string // heading without the *
		special  bool
		contacts []Contact
		notes    string
		rules    string // a part of the rule text
	}{
		{"Acco", false, nil, "", standardRule[:30]},
		{"Acer", true, []Contact{web(291, "Site Web", "https://www.acer.com/nl-nl/support/contact-acer/service-contact")},
			"Acer s’occupe elle-même de la gestion de la garantie, à l’exception des accessoires. (Souris, claviers, casques, stations d’accueil, etc.)", "ordinateurs portables/notebooks"},
		{"AKRacing", true, []Contact{web(391, "Site internet", "https://fr.akracing.com/pages/contact-us")}, "", "customersupport@micromedia.eu"},
		{"AOSU", false, []Contact{web(422, "Site internet", "https://www.aosulife.com/pages/contact-us")}, "", "s’appliquent à cette marque (voir chapitre"},
		{"ASUS", true, []Contact{web(459, "Site internet", "https://www.asus.com/nl/support"),
			{Line: 461, Label: "E-mail", Type: "email", Value: "https://www.asus.com/nl/support/contact/serviceflow/support"}}, "", "Micromedia n'accepte pas les retours d'articles ASUS."},
		{"Emporia", false, []Contact{{Line: 987, Label: "Téléphone", Type: "phone", Value: "+43 (0) 732 777 717 446", Country: "L’Autriche"},
			{Line: 989, Label: "E-mail", Type: "email", Value: "customercare@emporia.at"}, web(991, "Site internet", "https://www.emporia.eu/nl/contact/")}, "", standardRule[:30]},
		{"Deep Silver", false, []Contact{web(761, "Site internet", "www.deepsilver.com/en/support"), web(763, "Site internet", "https://helpcenter.plaion.com/us/games")}, "", standardRule[:30]},
		{"Delta Children", false, []Contact{web(785, "Site internet", "info@twarst.com")}, "", standardRule[:30]},
		{"Microsoft", true, []Contact{web(1535, "Sites internet consommateurs", "https://support.microsoft.com/en-us"),
			web(1537, "Sites internet consommateurs", "https://myservice.surface.com"), web(1539, "Sites internet consommateurs", "https://myservice.xbox.com"),
			web(1541, "Site internet distributeurs ROBO", "https://robo.partners.extranet.microsoft.com/")}, "", "retours.Règles ROBO"},
		{"MSI", true, []Contact{web(1645, "Site internet", "https://account.msi.com/en/services/apply/step1"),
			{Line: 1647, Label: "tel. no.", Type: "phone", Value: "+31 40 267 6600"}}, "", "MSI"},
		{"Next Level Racing", true, []Contact{{Line: 1701, Label: "E-mail", Type: "email", Value: "support@nextlevelracing.com"}},
			"Le service Assistance peut également vous faire parvenir des pièces de rechange.", "Motion platforms"},
		{"Nintendo", true, []Contact{web(1785, "Site internet", "https://www.nintendo.nl/Service-en-info/Welkom-bij-de-Nintendo-klantenservice-11593.html")}, "", "Nintendo"},
		{"Razer", true, []Contact{web(1984, "Site internet", "https://support.razer.com/")}, "", "Razer (voir ci-dessus)"},
		{"Soflow", true, []Contact{{Line: 2096, Label: "Courriel", Type: "email", Value: "b2b@soflow.com"}}, "", "24 mois"},
		{"Sony Interactive Entertainment (SIE) Hardware", true, []Contact{web(2123, "Site internet", "https://www.playstation.com/nl-nl/support/")}, "", "Aide pour compléter RMA reparation"},
		{"DXRacer (XL)", true, []Contact{{Line: 875, Label: "E-mail", Type: "email", Value: "support@dxracer-europe.com"}}, "", "• Photo de la pièce défectueuse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := brandNamed(t, g, tt.name)
			assert.Equal(t, tt.special, b.Special)
			assert.Equal(t, tt.contacts, b.Contacts)
			assert.Equal(t, tt.notes, b.Notes)
			assert.Contains(t, b.Rules, tt.rules)
		})
	}
}

// Contact lines as a new guide may spell them.
func TestReadContactLines(t *testing.T) {
	tests := []struct {
		line string
		want []Contact
	}{
		{"Adresse e-mail : help@acco.example", []Contact{{Label: "Adresse e-mail", Type: "email", Value: "help@acco.example"}}},
		{"Mail: help@acco.example", []Contact{{Label: "Mail", Type: "email", Value: "help@acco.example"}}},
		{"Numéro de téléphone : +32 2 555 01 01 (Belgique)", []Contact{{Label: "Numéro de téléphone", Type: "phone", Value: "+32 2 555 01 01", Country: "Belgique"}}},
		{"Tél. : 020 555 0101", []Contact{{Label: "Tél.", Type: "phone", Value: "020 555 0101"}}},
		{"Site : https://acco.example", []Contact{{Label: "Site", Type: "website", Value: "https://acco.example"}}},
		{"Formulaire de contact : https://acco.example/form", []Contact{{Label: "Formulaire de contact", Type: "website", Value: "https://acco.example/form"}}},
		{"E-mail : a@acco.example / b@acco.example", []Contact{{Label: "E-mail", Type: "email", Value: "a@acco.example"}, {Label: "E-mail", Type: "email", Value: "b@acco.example"}}},
		{"Horaires : 9h-17h, du lundi au vendredi", nil},
		{"Site internet : https://www.acco.example/support/\ncontact-form.html", []Contact{{Label: "Site internet", Type: "website", Value: "https://www.acco.example/support/contact-form.html"}}},
	}
	orig := guideText(t)
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			text := apply(t, orig, []edit{{"Acco \nAssistance \n\nPas de données de contact pour assistance connues.", "Acco \nAssistance \n\n" + tt.line}})
			b := brandNamed(t, read(t, text), "Acco")
			line := lineOf(t, text, tt.line)
			for i := range tt.want {
				tt.want[i].Line = line
			}
			assert.Equal(t, tt.want, b.Contacts)
			if tt.want == nil {
				assert.Equal(t, tt.line, b.Notes)
			}
		})
	}
	// A word alone after an address is text, not the rest of the address.
	text := apply(t, orig, []edit{{"Site internet :  https://www.acezone.io/en-eu/pages/contact", "Site internet :  https://www.acezone.io/en-eu/pages/contact \n\nUniquement"}})
	b := brandNamed(t, read(t, text), "Acezone")
	assert.Equal(t, "https://www.acezone.io/en-eu/pages/contact", b.Contacts[0].Value)
	assert.Equal(t, "Uniquement", b.Notes)
}

func TestReadSpellings(t *testing.T) {
	orig := guideText(t)
	g := read(t, apply(t, orig, []edit{{"04-03-2026 Ajouté KOODUU", "4/3/2026 Ajouté KOODUU"}, {"Acco \nAssistance", "Acco (*) \nAssistance"}, {" 2 Marques", " 2. Marques"}}))
	assert.Equal(t, Change{Line: 74, Date: "2026-03-04", Text: "Ajouté KOODUU"}, g.Changes[0])
	acco := brandNamed(t, g, "Acco")
	assert.True(t, acco.Special)
	assert.Len(t, g.Brands, 163)
}

func TestBrandNames(t *testing.T) {
	tests := []struct{ heading, base string }{
		{"Cascade (Anciennement Dazzle)", "Cascade"},
		{"Sony Interactive Entertainment (SIE) Hardware", "Sony Interactive Entertainment Hardware"},
		{"Monster (audio, câble, éclairage)", "Monster"},
		{"Acco", "Acco"},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			assert.Equal(t, tt.base, Brand{Name: tt.heading}.BaseName())
		})
	}
	g := read(t, guideText(t))
	assert.True(t, brandNamed(t, g, "Acco").Standard())
	assert.False(t, brandNamed(t, g, "Sony Software").Standard(), "its own wording")
	assert.False(t, brandNamed(t, g, "AOSU").Standard(), "the cut sentence")
	assert.False(t, brandNamed(t, g, "Acer").Standard())
}

// Re-wrapping and re-spacing the guide changes no digest; an edited word
// changes its brand's digest only.
func TestDigestIsStable(t *testing.T) {
	orig := guideText(t)
	want := map[string]string{}
	for _, b := range read(t, orig).Brands {
		want[b.Name] = b.Digest()
	}
	// Every rule line joined with the next one, and each word split over two
	// lines at its hyphen the other way round.
	joined := regexp.MustCompile(`([a-zé,]) \n\n([a-zé][^\n]*)`).ReplaceAllStringFunc(orig, func(s string) string {
		if strings.Contains(s, "://") || strings.Contains(s, "mailto:") {
			return s // a link annotation, not text
		}
		return strings.Replace(s, " \n\n", " ", 1)
	})
	require.NotEqual(t, orig, joined)
	tests := []struct {
		name, text string
		changed    []string
	}{
		{"more spaces and tabs", strings.NewReplacer(" ", "  \t", "\n", " \r\n").Replace(orig), nil},
		{"lines joined", joined, nil},
		{"hyphenated word joined", strings.Replace(orig, "Razer (voir ci-\n\ndessus)", "Razer (voir ci-dessus)", 1), nil},
		{"lines wrapped elsewhere", strings.Replace(orig, "Ecoflow ont une garantie d'au moins 24 mois après achat (5 ans de", "Ecoflow ont une garantie\nd'au moins 24 mois\n\n après achat (5 ans de", 1), nil},
		{"curly apostrophe", strings.Replace(orig, "Acer s’occupe", "Acer s'occupe", 1), nil},
		{"contact's address wrapped", strings.Replace(orig, "Site internet :  https://www.acezone.io/en-eu/pages/contact", "Site internet : \nhttps://www.acezone.io/en-eu/pages/contact", 1), nil},
		{"sub-heading wrapped", strings.Replace(orig, "Règles de retour pour article défectueux \n\nLes règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). \n\n \n\nAcer", "Règles de retour pour article \ndéfectueux \n\nLes règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). \n\n \n\nAcer", 1), nil},
		{"no-contact sentence wrapped", strings.Replace(orig, "Pas de données de contact pour assistance connues.", "Pas de données de contact pour \nassistance connues.", 1), nil},
		{"page break inside a rule", strings.Replace(orig, "Toutes les \n\npièces bénéficient", "Toutes les \n\nhttps://www.dometic.com/nl-nl/ondersteuning\nTable des matières \n12 \n\npièces bénéficient", 1), nil},
		{"a word", strings.Replace(orig, "Tous les produits Dometic bénéficient d'une garantie de 24 mois", "Tous les produits Dometic bénéficient d'une garantie de 36 mois", 1), []string{"Dometic"}},
		{"a note", strings.Replace(orig, "à l’exception des accessoires", "à l’exception des souris", 1), []string{"Acer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, orig, tt.text, "the edit applies")
			g := read(t, tt.text)
			var changed []string
			for _, b := range g.Brands {
				if b.Digest() != want[b.Name] {
					changed = append(changed, b.Name)
				}
			}
			assert.Equal(t, tt.changed, changed)
		})
	}
}

func TestReadErrors(t *testing.T) {
	orig := guideText(t)
	tests := []struct {
		name, text string
		line       int
		msg        string
	}{
		{"no change log", strings.Replace(orig, "Dernier modifications :", "Modifs", 1), 1, "no change log"},
		{"change log line", strings.Replace(orig, "04-03-2026 Ajouté KOODUU", "Ajouté KOODUU", 1), 74, `change log: want DD-MM-YYYY and a text, got "Ajouté KOODUU"`},
		{"not a day", strings.Replace(orig, "04-03-2026 Ajouté KOODUU", "31-02-2026 Ajouté KOODUU", 1), 74, "change log: 31-02-2026 is not a real day"},
		{"no chapter 2", strings.Replace(orig, " 2 Marques", " Marques", 1), 0, `no chapter 2`},
		{"no rules heading", strings.Replace(orig, "Règles de retour pour article défectueux \n\nLes règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1). \n\n \n\nAcer*", "Acer*", 1), 273, `brand "Acco": no "Règles de retour…" heading`},
		{"phone", strings.Replace(orig, "Téléphone :  +31 (0) 20 69 32 932 (Pays-Bas)", "Téléphone :  appelez-nous", 1), 490, `Téléphone: "appelez-nous" is not a phone number (brand "Awox")`},
		{"no address", strings.Replace(orig, "Site internet :  https://www.acezone.io/en-eu/pages/contact", "Site internet :  voir le carton", 1), 310, `Site internet: no web or e-mail address in "voir le carton"`},
		{"Latin-1", strings.Replace(orig, "Acezone \nAssistance", "Acez\xf4ne \nAssistance", 1), 307, "not UTF-8 text"},
		{"text before the first heading", strings.Replace(orig, "Acco \nAssistance", "Nos marques :\n\nAcco \nAssistance", 1), 273, `chapter 2: want a brand heading followed by "Assistance", got "Nos marques :"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, orig, tt.text, "the edit applies")
			_, err := ReadFile([]byte(tt.text))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
			assert.NotContains(t, err.Error(), "\n")
			var re *Error
			require.True(t, errors.As(err, &re), "%v", err)
			if tt.line > 0 {
				assert.Equal(t, tt.line, re.Line)
			}
		})
	}
}
