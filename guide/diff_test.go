package guide

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiffSameGuide(t *testing.T) {
	orig := guideText(t)
	rewrapped := apply(t, orig, []edit{{"Tous les produits Dometic bénéficient d'une garantie de 24 mois après achat. Toutes les \n\n", "Tous les produits Dometic \nbénéficient d'une garantie   de 24 mois après achat. Toutes les "}})
	r := Diff(read(t, orig), read(t, rewrapped))
	assert.True(t, r.Empty(), "%s", r)
	assert.Empty(t, r.String())
}

func TestDiff(t *testing.T) {
	orig := guideText(t)
	text := apply(t, orig, []edit{
		{"04-03-2026 Ajouté KOODUU", "20-04-2026 Ajouté Zorro Gaming \n\n04-03-2026 Ajouté KOODUU"},
		{"garantie de 24 mois après achat. Toutes les", "garantie de 36 mois après achat. Toutes les"},
		{"Acco \nAssistance \n\nPas de données de contact pour assistance connues.", "Acco * \nAssistance \n\nE-mail :  support@acco.example"},
		{"Xtorm \nAssistance", newSection + "Xtorm \nAssistance"},
		{"L'envoi de votre retour est à vos propres risques et frais.", "L'envoi de votre retour est à nos frais."},
	})
	r := Diff(read(t, orig), read(t, text))
	assert.Equal(t, "2026-03-04", r.OldDate)
	assert.Equal(t, "2026-04-20", r.NewDate)
	assert.Equal(t, []LogChange{{"added", lineOf(t, text, "20-04-2026"), "2026-04-20 Ajouté Zorro Gaming"}}, r.Log)
	require.Len(t, r.Chapter, 1)
	assert.Equal(t, "1.2.3", r.Chapter[0].Number)
	assert.Contains(t, r.Chapter[0].Diff, "est à [-vos propres risques et-] {+nos+} frais.")

	require.Len(t, r.Brands, 3)
	acco := r.Brands[0]
	assert.Equal(t, "Acco", acco.Brand)
	assert.Equal(t, []bool{false, true}, acco.Special)
	assert.Equal(t, []ContactChange{{Kind: ContactAdded, New: &Contact{Line: lineOf(t, text, "support@acco.example"), Label: "E-mail", Type: "email", Value: "support@acco.example"}}}, acco.Contacts)
	dometic := r.Brands[1]
	assert.Equal(t, "Dometic", dometic.Brand)
	assert.Equal(t, "… produits Dometic bénéficient d'une garantie de [-24-] {+36+} mois après achat. Toutes les pièces …", dometic.Rules)
	assert.Equal(t, BrandChange{Kind: BrandAdded, Brand: "Zorro Gaming (ZG)", NewLine: lineOf(t, text, "Zorro Gaming (ZG)"),
		Contacts: []ContactChange{
			{Kind: ContactAdded, New: &Contact{Line: lineOf(t, text, "https://zorro.example"), Label: "Site internet", Type: "website", Value: "https://zorro.example/support"}},
			{Kind: ContactAdded, New: &Contact{Line: lineOf(t, text, "help@zorro.example"), Label: "E-mail", Type: "email", Value: "help@zorro.example"}},
		},
		Rules: "Les règles standard de Micromedia s’appliquent à cette marque (voir chapitre 1)."}, r.Brands[2])
	assert.Contains(t, r.String(), "Dometic (line ")
	assert.Contains(t, r.String(), "contact-added: E-mail: support@acco.example")

	back := Diff(read(t, text), read(t, orig))
	require.Len(t, back.Brands, 3)
	assert.Equal(t, BrandRemoved, back.Brands[2].Kind)
	assert.Equal(t, ContactRemoved, back.Brands[0].Contacts[0].Kind)
	assert.Equal(t, "removed", back.Log[0].Kind)
}
