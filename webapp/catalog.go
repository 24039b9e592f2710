package main

import (
	"fmt"
	"strings"

	"github.com/micromedia/rmacheck/sdk"
)

// msg is a key of the message catalog: every string the widget shows that
// does not come from brands.json.
type msg int

// Message keys. catalog_test.go checks that each has a text in every
// language.
const (
	msgTitle msg = iota
	msgIntro
	msgLanguage
	msgStartOver
	msgBrandLabel
	msgBrandHint
	msgSuggestions
	msgNoMatch
	msgProduct
	msgCategory
	msgChooseCategory
	msgPurchaseDate
	msgPurchaseDateFuture
	msgModel
	msgModelHint
	msgQuestions
	msgProof
	msgDefect
	msgComplete
	msgFromMicromedia
	msgSerial
	msgOptional
	msgRequired
	msgPhoto
	msgSupportQ
	msgSupportQConsumer
	msgSupportNot
	msgSupportUnresolved
	msgSupportApproved
	msgSparesQ
	msgSparesNot
	msgSparesNotSolved
	msgSparesUnavailable
	msgStatusEligible
	msgStatusMissing
	msgStatusNotRMA
	msgStatusNotReturnable
	msgStatusFirst
	msgStatusUnknown
	msgStatusNotMicromedia
	msgDates
	msgChecklist
	msgMissing
	msgReady
	msgToDo
	msgStillNeeded
	msgContacts
	msgSteps
	msgWhy
	msgWhySource
	msgDidYouMean
	msgStatusWhichBrand
	msgStatusOtherDistrib
	msgCopy
	msgCopied
	msgCopyFailed
	msgPrint
	msgEmail
	msgMailSubject
	msgNoDecision
	msgNoDecisionBrand
	msgFooter
	msgPrivacy
	msgSumBrand
	msgSumCategory
	msgSumModel
	msgSumPurchaseDate
	msgSumCheckDate
	msgSumSerial
	msgSumDefect
	msgSumDecision
	msgSumEligible
	msgSumMissing
	msgSumSource
	msgYes
	msgNo
	msgTakeAway
	msgSelected
	msgMailGreeting
	msgMailClosing
	msgDraftRestored
	msgPreparing
	msgSeeAnswer
	msgAnswerBelow
	msgNewClaim
	msgLoadFailed
	msgWhyConsumer
	msgShopReferences
	msgCustomerNumber
	msgInvoiceNumber
	msgSumGuideDate
	msgMailWhenEligible
	msgOrderTitle
	msgOrderIntro
	msgLineQuestions
	msgOtherProduct
	msgBackToOrder
	msgRetrying
	msgCount // not a message: the number of keys
)

// catalog holds the widget's own text per language. Placeholders are fmt
// verbs; the same verbs appear in every language of one key.
var catalog = map[sdk.Lang]map[msg]string{
	sdk.LangEnglish: {
		msgOrderTitle:          "Which item is defective?",
		msgOrderIntro:          "The items of your order, with what to do for each. Pick the defective one to go on.",
		msgLineQuestions:       "A few questions first",
		msgOtherProduct:        "Another product",
		msgBackToOrder:         "All items of the order (%d)",
		msgRetrying:            "The connection dropped: trying again…",
		msgWhyConsumer:         "Based on the return rules of %s.",
		msgShopReferences:      "Your references (for the e-mail only)",
		msgCustomerNumber:      "Customer number",
		msgInvoiceNumber:       "Invoice number",
		msgSumGuideDate:        "Guide of",
		msgMailWhenEligible:    "The e-mail to the RMA department comes when nothing is missing. Still missing: %s.",
		msgTitle:               "Can this product be returned?",
		msgIntro:               "Answer a few questions: the answer updates as you type.",
		msgLanguage:            "Language",
		msgStartOver:           "Start over",
		msgBrandLabel:          "Brand",
		msgBrandHint:           "Type the brand, e.g. HyperX",
		msgSuggestions:         "Matching brands",
		msgNoMatch:             "No brand matches “%s” yet.",
		msgProduct:             "Product",
		msgCategory:            "Kind of product",
		msgChooseCategory:      "Choose…",
		msgPurchaseDate:        "Purchase date (on the receipt)",
		msgPurchaseDateFuture:  "The purchase date cannot be in the future.",
		msgModel:               "Model",
		msgModelHint:           "As printed on the product, e.g. River 2 Pro",
		msgQuestions:           "About the claim",
		msgProof:               "I have the proof of purchase (receipt or invoice)",
		msgDefect:              "What is wrong with it?",
		msgComplete:            "It goes back complete, with all accessories and cables",
		msgFromMicromedia:      "The item was bought from Micromedia",
		msgSerial:              "Serial number",
		msgOptional:            "(optional)",
		msgRequired:            "(required)",
		msgPhoto:               "I have a photo of the defective part",
		msgSupportQ:            "Was %s support contacted?",
		msgSupportQConsumer:    "Have you already contacted %s's support?",
		msgSupportNot:          "Not yet",
		msgSupportUnresolved:   "Yes, and they could not solve it",
		msgSupportApproved:     "Yes, and they approved a return",
		msgSparesQ:             "Was a spare part tried?",
		msgSparesNot:           "Not yet",
		msgSparesNotSolved:     "Yes, and it did not solve the problem",
		msgSparesUnavailable:   "No spare part is available",
		msgStatusEligible:      "Eligible for a return",
		msgStatusMissing:       "Not eligible yet: complete the checklist",
		msgStatusNotRMA:        "Not a return through the shop",
		msgStatusNotReturnable: "Not eligible for a return",
		msgStatusFirst:         "Not yet: this step comes first",
		msgStatusUnknown:       "Not eligible yet: check the brand",
		msgStatusNotMicromedia: "Not a Micromedia RMA",
		msgDates:               "Dates",
		msgChecklist:           "Checklist",
		msgMissing:             "missing",
		msgReady:               "ready",
		msgToDo:                "to do",
		msgStillNeeded:         "Still needed",
		msgContacts:            "Contacts",
		msgSteps:               "What to do",
		msgWhy:                 "Why?",
		msgWhySource:           "Guide section %s of Micromedia's return guide of %s.",
		msgDidYouMean:          "Did you mean:",
		msgStatusWhichBrand:    "Not yet: pick the brand",
		msgStatusOtherDistrib:  "Your shop returns it through another distributor",
		msgCopy:                "Copy summary",
		msgCopied:              "Summary copied.",
		msgCopyFailed:          "Could not copy: select the summary and copy it yourself.",
		msgPrint:               "Print",
		msgEmail:               "E-mail draft to %s",
		msgMailSubject:         "RMA request: %s",
		msgNoDecision:          "Choose the brand and the kind of product to see the answer.",
		msgNoDecisionBrand:     "Choose the kind of product to see the answer.",
		msgFooter:              "Based on Micromedia's return guide of %s.",
		msgPrivacy:             "What you type stays in this browser.",
		msgSumBrand:            "Brand",
		msgSumCategory:         "Kind of product",
		msgSumModel:            "Model",
		msgSumPurchaseDate:     "Purchase date",
		msgSumCheckDate:        "Checked on",
		msgSumSerial:           "Serial number",
		msgSumDefect:           "Defect",
		msgSumDecision:         "Decision",
		msgSumEligible:         "Eligible",
		msgSumMissing:          "Missing",
		msgSumSource:           "Guide section",
		msgYes:                 "yes",
		msgNo:                  "no",
		msgTakeAway:            "Take it with you",
		msgSelected:            "%s selected.",
		msgMailGreeting:        "Hello,\n\nWe request an RMA for the following item:",
		msgMailClosing:         "The completed RMA form and the consumer's proof of purchase are attached.\n\nKind regards,",
		msgDraftRestored:       "Your claim in progress was restored.",
		msgPreparing:           "Preparing the answer…",
		msgSeeAnswer:           "See the answer",
		msgAnswerBelow:         "The answer appears below.",
		msgNewClaim:            "New claim",
		msgLoadFailed:          "The checker could not load. Check your connection, then reload the page.",
	},
	sdk.LangFrench: {
		msgOrderTitle:          "Quel article est défectueux\u00a0?",
		msgOrderIntro:          "Les articles de votre commande, avec la marche à suivre pour chacun. Choisissez l'article défectueux pour continuer.",
		msgLineQuestions:       "Quelques questions d'abord",
		msgOtherProduct:        "Un autre produit",
		msgBackToOrder:         "Tous les articles de la commande (%d)",
		msgRetrying:            "La connexion a été coupée\u00a0: nouvel essai…",
		msgWhyConsumer:         "D'après les règles de retour du %s.",
		msgShopReferences:      "Vos références (pour l'e-mail seulement)",
		msgCustomerNumber:      "Numéro de client",
		msgInvoiceNumber:       "Numéro de facture",
		msgSumGuideDate:        "Guide du",
		msgMailWhenEligible:    "L'e-mail au département RMA sera proposé quand rien ne manquera. Il manque encore : %s.",
		msgTitle:               "Ce produit peut-il être retourné ?",
		msgIntro:               "Répondez à quelques questions : la réponse se met à jour pendant que vous tapez.",
		msgLanguage:            "Langue",
		msgStartOver:           "Recommencer",
		msgBrandLabel:          "Marque",
		msgBrandHint:           "Tapez la marque, ex. HyperX",
		msgSuggestions:         "Marques correspondantes",
		msgNoMatch:             "Aucune marque ne correspond encore à « %s ».",
		msgProduct:             "Produit",
		msgCategory:            "Type de produit",
		msgChooseCategory:      "Choisissez…",
		msgPurchaseDate:        "Date d'achat (sur le ticket)",
		msgPurchaseDateFuture:  "La date d'achat ne peut pas être dans le futur.",
		msgModel:               "Modèle",
		msgModelHint:           "Tel qu'imprimé sur le produit, par ex. River 2 Pro",
		msgQuestions:           "À propos de la demande",
		msgProof:               "J'ai la preuve d'achat (ticket ou facture)",
		msgDefect:              "Quel est le problème ?",
		msgComplete:            "Il est rendu complet, avec tous les accessoires et câbles",
		msgFromMicromedia:      "L'article a été acheté chez Micromedia",
		msgSerial:              "Numéro de série",
		msgOptional:            "(facultatif)",
		msgRequired:            "(obligatoire)",
		msgPhoto:               "J'ai une photo de la pièce défectueuse",
		msgSupportQ:            "L'assistance %s a-t-elle été contactée ?",
		msgSupportQConsumer:    "Avez-vous déjà contacté l'assistance de %s ?",
		msgSupportNot:          "Pas encore",
		msgSupportUnresolved:   "Oui, et elle n'a pas pu résoudre le problème",
		msgSupportApproved:     "Oui, et elle a accepté un retour",
		msgSparesQ:             "Une pièce de rechange a-t-elle été essayée ?",
		msgSparesNot:           "Pas encore",
		msgSparesNotSolved:     "Oui, et elle n'a pas résolu le problème",
		msgSparesUnavailable:   "Aucune pièce de rechange n'est disponible",
		msgStatusEligible:      "Retour possible",
		msgStatusMissing:       "Pas encore possible : complétez la liste",
		msgStatusNotRMA:        "Pas de retour par le magasin",
		msgStatusNotReturnable: "Retour impossible",
		msgStatusFirst:         "Pas encore : cette étape d'abord",
		msgStatusUnknown:       "Pas encore : vérifiez la marque",
		msgStatusNotMicromedia: "Pas de RMA Micromedia",
		msgDates:               "Dates",
		msgChecklist:           "Liste de contrôle",
		msgMissing:             "à fournir",
		msgReady:               "en ordre",
		msgToDo:                "à faire",
		msgStillNeeded:         "Encore nécessaire",
		msgContacts:            "Contacts",
		msgSteps:               "Que faire",
		msgWhy:                 "Pourquoi ?",
		msgWhySource:           "Section %s du guide des retours Micromedia du %s.",
		msgDidYouMean:          "Vouliez-vous dire :",
		msgStatusWhichBrand:    "Pas encore\u00a0: choisissez la marque",
		msgStatusOtherDistrib:  "Votre magasin le retourne via un autre distributeur",
		msgCopy:                "Copier le résumé",
		msgCopied:              "Résumé copié.",
		msgCopyFailed:          "Copie impossible : sélectionnez le résumé et copiez-le vous-même.",
		msgPrint:               "Imprimer",
		msgEmail:               "Brouillon d'e-mail à %s",
		msgMailSubject:         "Demande RMA : %s",
		msgNoDecision:          "Choisissez la marque et le type de produit pour voir la réponse.",
		msgNoDecisionBrand:     "Choisissez le type de produit pour voir la réponse.",
		msgFooter:              "D'après le guide des retours Micromedia du %s.",
		msgPrivacy:             "Ce que vous tapez reste dans ce navigateur.",
		msgSumBrand:            "Marque",
		msgSumCategory:         "Type de produit",
		msgSumModel:            "Modèle",
		msgSumPurchaseDate:     "Date d'achat",
		msgSumCheckDate:        "Vérifié le",
		msgSumSerial:           "Numéro de série",
		msgSumDefect:           "Défaut",
		msgSumDecision:         "Décision",
		msgSumEligible:         "Retour possible",
		msgSumMissing:          "Manquant",
		msgSumSource:           "Section du guide",
		msgYes:                 "oui",
		msgNo:                  "non",
		msgTakeAway:            "À emporter",
		msgSelected:            "%s sélectionné.",
		msgMailGreeting:        "Bonjour,\n\nNous demandons un RMA pour l'article suivant :",
		msgMailClosing:         "Le formulaire RMA complété et la preuve d'achat du consommateur sont joints.\n\nCordialement,",
		msgDraftRestored:       "Votre demande en cours a été restaurée.",
		msgPreparing:           "Préparation de la réponse…",
		msgSeeAnswer:           "Voir la réponse",
		msgAnswerBelow:         "La réponse s'affiche ci-dessous.",
		msgNewClaim:            "Nouvelle demande",
		msgLoadFailed:          "Le vérificateur n'a pas pu se charger. Vérifiez votre connexion, puis rechargez la page.",
	},
	sdk.LangDutch: {
		msgOrderTitle:          "Welk artikel is defect?",
		msgOrderIntro:          "De artikelen van uw bestelling, met wat u voor elk doet. Kies het defecte artikel om verder te gaan.",
		msgLineQuestions:       "Eerst een paar vragen",
		msgOtherProduct:        "Een ander product",
		msgBackToOrder:         "Alle artikelen van de bestelling (%d)",
		msgRetrying:            "De verbinding viel weg: opnieuw proberen…",
		msgWhyConsumer:         "Op basis van de retourregels van %s.",
		msgShopReferences:      "Uw referenties (alleen voor de e-mail)",
		msgCustomerNumber:      "Klantnummer",
		msgInvoiceNumber:       "Factuurnummer",
		msgSumGuideDate:        "Gids van",
		msgMailWhenEligible:    "De e-mail aan de RMA-afdeling komt zodra er niets meer ontbreekt. Nog nodig: %s.",
		msgTitle:               "Kan dit product retour?",
		msgIntro:               "Beantwoord een paar vragen: het antwoord past zich aan terwijl u typt.",
		msgLanguage:            "Taal",
		msgStartOver:           "Opnieuw beginnen",
		msgBrandLabel:          "Merk",
		msgBrandHint:           "Typ het merk, bijv. HyperX",
		msgSuggestions:         "Gevonden merken",
		msgNoMatch:             "Nog geen merk gevonden voor „%s”.",
		msgProduct:             "Product",
		msgCategory:            "Soort product",
		msgChooseCategory:      "Kies…",
		msgPurchaseDate:        "Aankoopdatum (op de bon)",
		msgPurchaseDateFuture:  "De aankoopdatum kan niet in de toekomst liggen.",
		msgModel:               "Model",
		msgModelHint:           "Zoals op het product staat, bijv. River 2 Pro",
		msgQuestions:           "Over de aanvraag",
		msgProof:               "Ik heb het aankoopbewijs (bon of factuur)",
		msgDefect:              "Wat is er mis mee?",
		msgComplete:            "Het gaat compleet terug, met alle accessoires en kabels",
		msgFromMicromedia:      "Het artikel is bij Micromedia gekocht",
		msgSerial:              "Serienummer",
		msgOptional:            "(optioneel)",
		msgRequired:            "(verplicht)",
		msgPhoto:               "Ik heb een foto van het defecte onderdeel",
		msgSupportQ:            "Is er contact geweest met de support van %s?",
		msgSupportQConsumer:    "Heeft u al contact opgenomen met de support van %s?",
		msgSupportNot:          "Nog niet",
		msgSupportUnresolved:   "Ja, en zij konden het niet oplossen",
		msgSupportApproved:     "Ja, en zij keurden een retour goed",
		msgSparesQ:             "Is een reserveonderdeel geprobeerd?",
		msgSparesNot:           "Nog niet",
		msgSparesNotSolved:     "Ja, en het loste het probleem niet op",
		msgSparesUnavailable:   "Er is geen reserveonderdeel leverbaar",
		msgStatusEligible:      "Komt in aanmerking voor retour",
		msgStatusMissing:       "Nog niet: vul de checklist aan",
		msgStatusNotRMA:        "Geen retour via de winkel",
		msgStatusNotReturnable: "Komt niet in aanmerking voor retour",
		msgStatusFirst:         "Nog niet: eerst deze stap",
		msgStatusUnknown:       "Nog niet: controleer het merk",
		msgStatusNotMicromedia: "Geen Micromedia-RMA",
		msgDates:               "Datums",
		msgChecklist:           "Checklist",
		msgMissing:             "ontbreekt",
		msgReady:               "klaar",
		msgToDo:                "te doen",
		msgStillNeeded:         "Nog nodig",
		msgContacts:            "Contact",
		msgSteps:               "Wat te doen",
		msgWhy:                 "Waarom?",
		msgWhySource:           "Sectie %s van de Micromedia-retourgids van %s.",
		msgDidYouMean:          "Bedoelde u:",
		msgStatusWhichBrand:    "Nog niet: kies het merk",
		msgStatusOtherDistrib:  "Uw winkel stuurt het retour via een andere distributeur",
		msgCopy:                "Samenvatting kopiëren",
		msgCopied:              "Samenvatting gekopieerd.",
		msgCopyFailed:          "Kopiëren lukte niet: selecteer de samenvatting en kopieer ze zelf.",
		msgPrint:               "Afdrukken",
		msgEmail:               "E-mailconcept aan %s",
		msgMailSubject:         "RMA-aanvraag: %s",
		msgNoDecision:          "Kies het merk en de soort product om het antwoord te zien.",
		msgNoDecisionBrand:     "Kies de soort product om het antwoord te zien.",
		msgFooter:              "Volgens de Micromedia-retourgids van %s.",
		msgPrivacy:             "Wat u typt blijft in deze browser.",
		msgSumBrand:            "Merk",
		msgSumCategory:         "Soort product",
		msgSumModel:            "Model",
		msgSumPurchaseDate:     "Aankoopdatum",
		msgSumCheckDate:        "Gecontroleerd op",
		msgSumSerial:           "Serienummer",
		msgSumDefect:           "Defect",
		msgSumDecision:         "Besluit",
		msgSumEligible:         "Komt in aanmerking",
		msgSumMissing:          "Ontbreekt",
		msgSumSource:           "Sectie van de gids",
		msgYes:                 "ja",
		msgNo:                  "nee",
		msgTakeAway:            "Meenemen",
		msgSelected:            "%s gekozen.",
		msgMailGreeting:        "Goedendag,\n\nWij vragen een RMA aan voor het volgende artikel:",
		msgMailClosing:         "Het ingevulde RMA-formulier en het aankoopbewijs van de consument zijn bijgevoegd.\n\nMet vriendelijke groet,",
		msgDraftRestored:       "Uw aanvraag in behandeling is hersteld.",
		msgPreparing:           "Het antwoord wordt voorbereid…",
		msgSeeAnswer:           "Naar het antwoord",
		msgAnswerBelow:         "Het antwoord verschijnt hieronder.",
		msgNewClaim:            "Nieuwe aanvraag",
		msgLoadFailed:          "De controle kon niet laden. Controleer uw verbinding en laad de pagina opnieuw.",
	},
}

// langNames are the names of the languages in their own language, for the
// language switch.
var langNames = map[sdk.Lang]string{
	sdk.LangFrench:  "Français",
	sdk.LangDutch:   "Nederlands",
	sdk.LangEnglish: "English",
}

// uiLangs is the order of the language switch.
var uiLangs = []sdk.Lang{sdk.LangFrench, sdk.LangDutch, sdk.LangEnglish}

// tr returns the text of key in lang, formatted with args. An unknown
// language falls back to English.
func tr(lang sdk.Lang, key msg, args ...any) string {
	m, ok := catalog[lang]
	if !ok {
		m = catalog[sdk.LangEnglish]
	}
	s := m[key]
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// formatDate writes d as "10 March 2026" in lang; "" for the zero date.
func formatDate(lang sdk.Lang, d sdk.Date) string { return d.Format(lang) }

// colon is ": " in lang: French puts a non-breaking space before it.
func colon(lang sdk.Lang) string {
	if lang == sdk.LangFrench {
		return "\u00a0: "
	}
	return ": "
}

// frenchSpace puts a non-breaking space before each colon, semicolon,
// question and exclamation mark of French text from brands.json, as the
// widget's own labels have it, so that the sign never starts a line on a
// phone. Other languages come back as they are.
func frenchSpace(lang sdk.Lang, text string) string {
	if lang != sdk.LangFrench {
		return text
	}
	return frenchSpacer.Replace(text)
}

// frenchSpaceAll is frenchSpace on each text, in a new slice.
func frenchSpaceAll(lang sdk.Lang, texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = frenchSpace(lang, t)
	}
	return out
}

var frenchSpacer = strings.NewReplacer(" :", "\u00a0:", " ;", "\u00a0;", " ?", "\u00a0?", " !", "\u00a0!")

// validLang reports whether l is a language of the widget.
func validLang(l sdk.Lang) bool {
	_, ok := catalog[l]
	return ok
}
