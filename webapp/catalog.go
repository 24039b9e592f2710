package main

import (
	"fmt"

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
	msgSupportNot
	msgSupportUnresolved
	msgSupportApproved
	msgSparesQ
	msgSparesNot
	msgSparesNotSolved
	msgSparesUnavailable
	msgHeadRMAConsumer
	msgHeadRMAReseller
	msgHeadBrandDirect
	msgHeadSupportFirst
	msgHeadSpareParts
	msgHeadOtherDistributor
	msgHeadNotReturnable
	msgHeadUnknown
	msgHeadNeedsInfo
	msgStatusEligible
	msgStatusMissing
	msgStatusNotRMA
	msgStatusNotReturnable
	msgStatusFirst
	msgStatusUnknown
	msgStatusNotMicromedia
	msgDOA
	msgWarrantyUntil
	msgOutOfWarranty
	msgRMAValid
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
	msgNotesForShops
	msgDidYouMean
	msgUnknownHelp
	msgConsumerStepShop
	msgConsumerStepShopNotYet
	msgConsumerStepShopDone
	msgConsumerUnknown
	msgConsumerSpareParts
	msgConsumerNoReturnESD
	msgConsumerNoReturn
	msgConsumerSoftwareHelp
	msgConsumerProductHelp
	msgConsumerOtherDistrib
	msgConsumerSupportFirst
	msgConsumerSupportThen
	msgConsumerBrandDirect
	msgConsumerNotTheShop
	msgConsumerNeedsDate
	msgConsumerSeeContacts
	msgStatusOtherDistrib
	msgRMAFormWhere
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
	msgCount // not a message: the number of keys
)

// catalog holds the widget's own text per language. Placeholders are fmt
// verbs; the same verbs appear in every language of one key.
var catalog = map[sdk.Lang]map[msg]string{
	sdk.LangEnglish: {
		msgTitle:                  "Can this product be returned?",
		msgIntro:                  "Answer a few questions: the answer updates as you type.",
		msgLanguage:               "Language",
		msgStartOver:              "Start over",
		msgBrandLabel:             "Brand",
		msgBrandHint:              "Type the brand, e.g. HyperX",
		msgSuggestions:            "Matching brands",
		msgNoMatch:                "No brand matches “%s” yet.",
		msgProduct:                "Product",
		msgCategory:               "Kind of product",
		msgChooseCategory:         "Choose…",
		msgPurchaseDate:           "Purchase date (on the receipt)",
		msgPurchaseDateFuture:     "The purchase date cannot be in the future.",
		msgModel:                  "Model",
		msgModelHint:              "As printed on the product, e.g. River 2 Pro",
		msgQuestions:              "About the claim",
		msgProof:                  "I have the proof of purchase (receipt or invoice)",
		msgDefect:                 "What is wrong with it?",
		msgComplete:               "It goes back complete, with all accessories and cables",
		msgFromMicromedia:         "The item was bought from Micromedia",
		msgSerial:                 "Serial number",
		msgOptional:               "(optional)",
		msgRequired:               "(required)",
		msgPhoto:                  "I have a photo of the defective part",
		msgSupportQ:               "Was %s support contacted?",
		msgSupportNot:             "Not yet",
		msgSupportUnresolved:      "Yes, and they could not solve it",
		msgSupportApproved:        "Yes, and they approved a return",
		msgSparesQ:                "Was a spare part tried?",
		msgSparesNot:              "Not yet",
		msgSparesNotSolved:        "Yes, and it did not solve the problem",
		msgSparesUnavailable:      "No spare part is available",
		msgHeadRMAConsumer:        "Your shop can return this for you",
		msgHeadRMAReseller:        "Request an RMA from Micromedia",
		msgHeadBrandDirect:        "Contact %s support directly",
		msgHeadSupportFirst:       "Contact %s support first",
		msgHeadSpareParts:         "Ask for a spare part first",
		msgHeadOtherDistributor:   "Another distributor handles %s",
		msgHeadNotReturnable:      "This product cannot be returned",
		msgHeadUnknown:            "We don't know the brand “%s”",
		msgHeadNeedsInfo:          "We need the purchase date",
		msgStatusEligible:         "Eligible for a return",
		msgStatusMissing:          "Not eligible yet: complete the checklist",
		msgStatusNotRMA:           "Not a return through the shop",
		msgStatusNotReturnable:    "Not eligible for a return",
		msgStatusFirst:            "Not yet: this step comes first",
		msgStatusUnknown:          "Not eligible yet: check the brand",
		msgStatusNotMicromedia:    "Not a Micromedia RMA",
		msgDOA:                    "Dead on arrival (DOA) until %s",
		msgWarrantyUntil:          "Warranty until %s",
		msgOutOfWarranty:          "The warranty ended on %s",
		msgRMAValid:               "RMA number valid %d days",
		msgDates:                  "Dates",
		msgChecklist:              "Checklist",
		msgMissing:                "missing",
		msgReady:                  "ready",
		msgToDo:                   "to do",
		msgStillNeeded:            "Still needed",
		msgContacts:               "Contacts",
		msgSteps:                  "What to do",
		msgWhy:                    "Why?",
		msgWhySource:              "Guide section %s of Micromedia's return guide of %s.",
		msgNotesForShops:          "What the guide tells shops:",
		msgDidYouMean:             "Did you mean:",
		msgUnknownHelp:            "Check the spelling, or ask Micromedia's RMA department:",
		msgConsumerStepShop:       "Take the product back to the shop where you bought it, with the items of the checklist.",
		msgConsumerStepShopNotYet: "First gather what is marked missing.",
		msgConsumerStepShopDone:   "The shop handles the return with its distributor: you don't need to contact anyone else.",
		msgConsumerUnknown:        "Ask the shop where you bought it.",
		msgConsumerSpareParts:     "Ask your shop to request a spare part for you; if it does not solve the problem, the shop can then return the product.",
		msgConsumerNoReturnESD:    "Digital software (ESD/POSA) cannot be returned.",
		msgConsumerNoReturn:       "This product cannot be returned.",
		msgConsumerSoftwareHelp:   "For help with the software, contact the brand's support.",
		msgConsumerProductHelp:    "For help with the product, contact the brand's support.",
		msgConsumerOtherDistrib:   "Go back to your shop with the proof of purchase: your shop returns this brand through another distributor.",
		msgConsumerSupportFirst:   "Contact %s support first%s.",
		msgConsumerSupportThen:    "If support cannot solve the problem, go back to your shop with their answer and the proof of purchase: the shop can then return the product.",
		msgConsumerBrandDirect:    "Contact %s support directly%s: the brand handles this itself.",
		msgConsumerNotTheShop:     "Your shop cannot take this product back.",
		msgConsumerNeedsDate:      "Give the purchase date from your proof of purchase: the answer depends on it.",
		msgConsumerSeeContacts:    " (see the contacts)",
		msgStatusOtherDistrib:     "Your shop returns it through another distributor",
		msgRMAFormWhere:           "Ask your Micromedia contact for the RMA form, or download it from micromedia.nl.",
		msgCopy:                   "Copy summary",
		msgCopied:                 "Summary copied.",
		msgCopyFailed:             "Could not copy: select the summary and copy it yourself.",
		msgPrint:                  "Print",
		msgEmail:                  "E-mail draft to %s",
		msgMailSubject:            "RMA request: %s",
		msgNoDecision:             "Choose the brand and the kind of product to see the answer.",
		msgNoDecisionBrand:        "Choose the kind of product to see the answer.",
		msgFooter:                 "Based on Micromedia's return guide of %s.",
		msgPrivacy:                "What you type stays in this browser.",
		msgSumBrand:               "Brand",
		msgSumCategory:            "Kind of product",
		msgSumModel:               "Model",
		msgSumPurchaseDate:        "Purchase date",
		msgSumCheckDate:           "Checked on",
		msgSumSerial:              "Serial number",
		msgSumDefect:              "Defect",
		msgSumDecision:            "Decision",
		msgSumEligible:            "Eligible",
		msgSumMissing:             "Missing",
		msgSumSource:              "Guide section",
		msgYes:                    "yes",
		msgNo:                     "no",
		msgTakeAway:               "Take it with you",
		msgSelected:               "%s selected.",
		msgMailGreeting:           "Hello,\n\nWe request an RMA for the following item:",
		msgMailClosing:            "The completed RMA form and the consumer's proof of purchase are attached.\n\nKind regards,",
		msgDraftRestored:          "Your claim in progress was restored.",
		msgPreparing:              "Preparing the answer…",
		msgSeeAnswer:              "See the answer",
	},
	sdk.LangFrench: {
		msgTitle:                  "Ce produit peut-il être retourné ?",
		msgIntro:                  "Répondez à quelques questions : la réponse se met à jour pendant que vous tapez.",
		msgLanguage:               "Langue",
		msgStartOver:              "Recommencer",
		msgBrandLabel:             "Marque",
		msgBrandHint:              "Tapez la marque, ex. HyperX",
		msgSuggestions:            "Marques correspondantes",
		msgNoMatch:                "Aucune marque ne correspond encore à « %s ».",
		msgProduct:                "Produit",
		msgCategory:               "Type de produit",
		msgChooseCategory:         "Choisissez…",
		msgPurchaseDate:           "Date d'achat (sur le ticket)",
		msgPurchaseDateFuture:     "La date d'achat ne peut pas être dans le futur.",
		msgModel:                  "Modèle",
		msgModelHint:              "Tel qu'imprimé sur le produit, par ex. River 2 Pro",
		msgQuestions:              "À propos de la demande",
		msgProof:                  "J'ai la preuve d'achat (ticket ou facture)",
		msgDefect:                 "Quel est le problème ?",
		msgComplete:               "Il est rendu complet, avec tous les accessoires et câbles",
		msgFromMicromedia:         "L'article a été acheté chez Micromedia",
		msgSerial:                 "Numéro de série",
		msgOptional:               "(facultatif)",
		msgRequired:               "(obligatoire)",
		msgPhoto:                  "J'ai une photo de la pièce défectueuse",
		msgSupportQ:               "L'assistance %s a-t-elle été contactée ?",
		msgSupportNot:             "Pas encore",
		msgSupportUnresolved:      "Oui, et elle n'a pas pu résoudre le problème",
		msgSupportApproved:        "Oui, et elle a accepté un retour",
		msgSparesQ:                "Une pièce de rechange a-t-elle été essayée ?",
		msgSparesNot:              "Pas encore",
		msgSparesNotSolved:        "Oui, et elle n'a pas résolu le problème",
		msgSparesUnavailable:      "Aucune pièce de rechange n'est disponible",
		msgHeadRMAConsumer:        "Votre magasin peut retourner ce produit pour vous",
		msgHeadRMAReseller:        "Demandez un RMA à Micromedia",
		msgHeadBrandDirect:        "Contactez directement l'assistance %s",
		msgHeadSupportFirst:       "Contactez d'abord l'assistance %s",
		msgHeadSpareParts:         "Demandez d'abord une pièce de rechange",
		msgHeadOtherDistributor:   "Un autre distributeur s'occupe de %s",
		msgHeadNotReturnable:      "Ce produit ne peut pas être retourné",
		msgHeadUnknown:            "Nous ne connaissons pas la marque « %s »",
		msgHeadNeedsInfo:          "Il nous faut la date d'achat",
		msgStatusEligible:         "Retour possible",
		msgStatusMissing:          "Pas encore possible : complétez la liste",
		msgStatusNotRMA:           "Pas de retour par le magasin",
		msgStatusNotReturnable:    "Retour impossible",
		msgStatusFirst:            "Pas encore : cette étape d'abord",
		msgStatusUnknown:          "Pas encore : vérifiez la marque",
		msgStatusNotMicromedia:    "Pas de RMA Micromedia",
		msgDOA:                    "Défectueux à la livraison (DOA) jusqu'au %s",
		msgWarrantyUntil:          "Garantie jusqu'au %s",
		msgOutOfWarranty:          "La garantie a pris fin le %s",
		msgRMAValid:               "Numéro RMA valable %d jours",
		msgDates:                  "Dates",
		msgChecklist:              "Liste de contrôle",
		msgMissing:                "manquant",
		msgReady:                  "prêt",
		msgToDo:                   "à faire",
		msgStillNeeded:            "Encore nécessaire",
		msgContacts:               "Contacts",
		msgSteps:                  "Que faire",
		msgWhy:                    "Pourquoi ?",
		msgWhySource:              "Section %s du guide des retours Micromedia du %s.",
		msgNotesForShops:          "Ce que le guide dit aux magasins :",
		msgDidYouMean:             "Vouliez-vous dire :",
		msgUnknownHelp:            "Vérifiez l'orthographe, ou demandez au département RMA de Micromedia :",
		msgConsumerStepShop:       "Rapportez le produit au magasin où vous l'avez acheté, avec les éléments de la liste.",
		msgConsumerStepShopNotYet: "Rassemblez d'abord ce qui est marqué manquant.",
		msgConsumerStepShopDone:   "Le magasin s'occupe du retour avec son distributeur : vous n'avez personne d'autre à contacter.",
		msgConsumerUnknown:        "Demandez au magasin où vous l'avez acheté.",
		msgConsumerSpareParts:     "Demandez à votre magasin de commander une pièce de rechange pour vous ; si elle ne résout pas le problème, le magasin pourra ensuite retourner le produit.",
		msgConsumerNoReturnESD:    "Les logiciels numériques (ESD/POSA) ne peuvent pas être retournés.",
		msgConsumerNoReturn:       "Ce produit ne peut pas être retourné.",
		msgConsumerSoftwareHelp:   "Pour de l'aide avec le logiciel, contactez l'assistance de la marque.",
		msgConsumerProductHelp:    "Pour de l'aide avec le produit, contactez l'assistance de la marque.",
		msgConsumerOtherDistrib:   "Retournez à votre magasin avec la preuve d'achat : votre magasin retourne cette marque via un autre distributeur.",
		msgConsumerSupportFirst:   "Contactez d'abord l'assistance %s%s.",
		msgConsumerSupportThen:    "Si l'assistance ne peut pas résoudre le problème, retournez à votre magasin avec sa réponse et la preuve d'achat : le magasin pourra alors retourner le produit.",
		msgConsumerBrandDirect:    "Contactez directement l'assistance %s%s : la marque s'en occupe elle-même.",
		msgConsumerNotTheShop:     "Votre magasin ne peut pas reprendre ce produit.",
		msgConsumerNeedsDate:      "Indiquez la date d'achat figurant sur votre preuve d'achat : la réponse en dépend.",
		msgConsumerSeeContacts:    " (voir les contacts)",
		msgStatusOtherDistrib:     "Votre magasin le retourne via un autre distributeur",
		msgRMAFormWhere:           "Demandez le formulaire RMA à votre contact Micromedia, ou téléchargez-le sur micromedia.nl.",
		msgCopy:                   "Copier le résumé",
		msgCopied:                 "Résumé copié.",
		msgCopyFailed:             "Copie impossible : sélectionnez le résumé et copiez-le vous-même.",
		msgPrint:                  "Imprimer",
		msgEmail:                  "Brouillon d'e-mail à %s",
		msgMailSubject:            "Demande RMA : %s",
		msgNoDecision:             "Choisissez la marque et le type de produit pour voir la réponse.",
		msgNoDecisionBrand:        "Choisissez le type de produit pour voir la réponse.",
		msgFooter:                 "D'après le guide des retours Micromedia du %s.",
		msgPrivacy:                "Ce que vous tapez reste dans ce navigateur.",
		msgSumBrand:               "Marque",
		msgSumCategory:            "Type de produit",
		msgSumModel:               "Modèle",
		msgSumPurchaseDate:        "Date d'achat",
		msgSumCheckDate:           "Vérifié le",
		msgSumSerial:              "Numéro de série",
		msgSumDefect:              "Défaut",
		msgSumDecision:            "Décision",
		msgSumEligible:            "Retour possible",
		msgSumMissing:             "Manquant",
		msgSumSource:              "Section du guide",
		msgYes:                    "oui",
		msgNo:                     "non",
		msgTakeAway:               "À emporter",
		msgSelected:               "%s sélectionné.",
		msgMailGreeting:           "Bonjour,\n\nNous demandons un RMA pour l'article suivant :",
		msgMailClosing:            "Le formulaire RMA complété et la preuve d'achat du consommateur sont joints.\n\nCordialement,",
		msgDraftRestored:          "Votre demande en cours a été restaurée.",
		msgPreparing:              "Préparation de la réponse…",
		msgSeeAnswer:              "Voir la réponse",
	},
	sdk.LangDutch: {
		msgTitle:                  "Kan dit product retour?",
		msgIntro:                  "Beantwoord een paar vragen: het antwoord past zich aan terwijl u typt.",
		msgLanguage:               "Taal",
		msgStartOver:              "Opnieuw beginnen",
		msgBrandLabel:             "Merk",
		msgBrandHint:              "Typ het merk, bijv. HyperX",
		msgSuggestions:            "Gevonden merken",
		msgNoMatch:                "Nog geen merk gevonden voor „%s”.",
		msgProduct:                "Product",
		msgCategory:               "Soort product",
		msgChooseCategory:         "Kies…",
		msgPurchaseDate:           "Aankoopdatum (op de bon)",
		msgPurchaseDateFuture:     "De aankoopdatum kan niet in de toekomst liggen.",
		msgModel:                  "Model",
		msgModelHint:              "Zoals op het product staat, bijv. River 2 Pro",
		msgQuestions:              "Over de aanvraag",
		msgProof:                  "Ik heb het aankoopbewijs (bon of factuur)",
		msgDefect:                 "Wat is er mis mee?",
		msgComplete:               "Het gaat compleet terug, met alle accessoires en kabels",
		msgFromMicromedia:         "Het artikel is bij Micromedia gekocht",
		msgSerial:                 "Serienummer",
		msgOptional:               "(optioneel)",
		msgRequired:               "(verplicht)",
		msgPhoto:                  "Ik heb een foto van het defecte onderdeel",
		msgSupportQ:               "Is er contact geweest met de support van %s?",
		msgSupportNot:             "Nog niet",
		msgSupportUnresolved:      "Ja, en zij konden het niet oplossen",
		msgSupportApproved:        "Ja, en zij keurden een retour goed",
		msgSparesQ:                "Is een reserveonderdeel geprobeerd?",
		msgSparesNot:              "Nog niet",
		msgSparesNotSolved:        "Ja, en het loste het probleem niet op",
		msgSparesUnavailable:      "Er is geen reserveonderdeel leverbaar",
		msgHeadRMAConsumer:        "Uw winkel kan dit voor u retour sturen",
		msgHeadRMAReseller:        "Vraag een RMA aan bij Micromedia",
		msgHeadBrandDirect:        "Neem rechtstreeks contact op met de support van %s",
		msgHeadSupportFirst:       "Neem eerst contact op met de support van %s",
		msgHeadSpareParts:         "Vraag eerst een reserveonderdeel aan",
		msgHeadOtherDistributor:   "Een andere distributeur behandelt %s",
		msgHeadNotReturnable:      "Dit product kan niet retour",
		msgHeadUnknown:            "We kennen het merk „%s” niet",
		msgHeadNeedsInfo:          "We hebben de aankoopdatum nodig",
		msgStatusEligible:         "Komt in aanmerking voor retour",
		msgStatusMissing:          "Nog niet: vul de checklist aan",
		msgStatusNotRMA:           "Geen retour via de winkel",
		msgStatusNotReturnable:    "Komt niet in aanmerking voor retour",
		msgStatusFirst:            "Nog niet: eerst deze stap",
		msgStatusUnknown:          "Nog niet: controleer het merk",
		msgStatusNotMicromedia:    "Geen Micromedia-RMA",
		msgDOA:                    "Defect bij aankomst (DOA) tot %s",
		msgWarrantyUntil:          "Garantie tot %s",
		msgOutOfWarranty:          "De garantie liep af op %s",
		msgRMAValid:               "RMA-nummer %d dagen geldig",
		msgDates:                  "Data",
		msgChecklist:              "Checklist",
		msgMissing:                "ontbreekt",
		msgReady:                  "klaar",
		msgToDo:                   "te doen",
		msgStillNeeded:            "Nog nodig",
		msgContacts:               "Contact",
		msgSteps:                  "Wat te doen",
		msgWhy:                    "Waarom?",
		msgWhySource:              "Sectie %s van de Micromedia-retourgids van %s.",
		msgNotesForShops:          "Wat de gids aan winkels vertelt:",
		msgDidYouMean:             "Bedoelde u:",
		msgUnknownHelp:            "Controleer de spelling, of vraag het de RMA-afdeling van Micromedia:",
		msgConsumerStepShop:       "Breng het product terug naar de winkel waar u het kocht, met de punten van de checklist.",
		msgConsumerStepShopNotYet: "Verzamel eerst wat als ontbrekend gemarkeerd is.",
		msgConsumerStepShopDone:   "De winkel regelt de retour met zijn distributeur: u hoeft verder niemand te contacteren.",
		msgConsumerUnknown:        "Vraag het de winkel waar u het kocht.",
		msgConsumerSpareParts:     "Vraag uw winkel om een reserveonderdeel voor u aan te vragen; lost dat het probleem niet op, dan kan de winkel het product daarna retour sturen.",
		msgConsumerNoReturnESD:    "Digitale software (ESD/POSA) kan niet retour.",
		msgConsumerNoReturn:       "Dit product kan niet retour.",
		msgConsumerSoftwareHelp:   "Voor hulp bij de software neemt u contact op met de support van het merk.",
		msgConsumerProductHelp:    "Voor hulp bij het product neemt u contact op met de support van het merk.",
		msgConsumerOtherDistrib:   "Ga terug naar uw winkel met het aankoopbewijs: uw winkel stuurt dit merk retour via een andere distributeur.",
		msgConsumerSupportFirst:   "Neem eerst contact op met de support van %s%s.",
		msgConsumerSupportThen:    "Kan de support het probleem niet oplossen, ga dan terug naar uw winkel met hun antwoord en het aankoopbewijs: de winkel kan het product dan retour sturen.",
		msgConsumerBrandDirect:    "Neem rechtstreeks contact op met de support van %s%s: het merk regelt dit zelf.",
		msgConsumerNotTheShop:     "Uw winkel kan dit product niet terugnemen.",
		msgConsumerNeedsDate:      "Vul de aankoopdatum van uw aankoopbewijs in: het antwoord hangt ervan af.",
		msgConsumerSeeContacts:    " (zie de contacten)",
		msgStatusOtherDistrib:     "Uw winkel stuurt het retour via een andere distributeur",
		msgRMAFormWhere:           "Vraag het RMA-formulier aan uw contactpersoon bij Micromedia, of download het op micromedia.nl.",
		msgCopy:                   "Samenvatting kopiëren",
		msgCopied:                 "Samenvatting gekopieerd.",
		msgCopyFailed:             "Kopiëren lukte niet: selecteer de samenvatting en kopieer ze zelf.",
		msgPrint:                  "Afdrukken",
		msgEmail:                  "E-mailconcept aan %s",
		msgMailSubject:            "RMA-aanvraag: %s",
		msgNoDecision:             "Kies het merk en de soort product om het antwoord te zien.",
		msgNoDecisionBrand:        "Kies de soort product om het antwoord te zien.",
		msgFooter:                 "Volgens de Micromedia-retourgids van %s.",
		msgPrivacy:                "Wat u typt blijft in deze browser.",
		msgSumBrand:               "Merk",
		msgSumCategory:            "Soort product",
		msgSumModel:               "Model",
		msgSumPurchaseDate:        "Aankoopdatum",
		msgSumCheckDate:           "Gecontroleerd op",
		msgSumSerial:              "Serienummer",
		msgSumDefect:              "Defect",
		msgSumDecision:            "Besluit",
		msgSumEligible:            "Komt in aanmerking",
		msgSumMissing:             "Ontbreekt",
		msgSumSource:              "Sectie van de gids",
		msgYes:                    "ja",
		msgNo:                     "nee",
		msgTakeAway:               "Meenemen",
		msgSelected:               "%s gekozen.",
		msgMailGreeting:           "Goedendag,\n\nWij vragen een RMA aan voor het volgende artikel:",
		msgMailClosing:            "Het ingevulde RMA-formulier en het aankoopbewijs van de consument zijn bijgevoegd.\n\nMet vriendelijke groet,",
		msgDraftRestored:          "Uw aanvraag in behandeling is hersteld.",
		msgPreparing:              "Het antwoord wordt voorbereid…",
		msgSeeAnswer:              "Naar het antwoord",
	},
}

// months are the month names per language, for dates in running text.
var months = map[sdk.Lang][12]string{
	sdk.LangEnglish: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	sdk.LangFrench:  {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	sdk.LangDutch:   {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
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
func formatDate(lang sdk.Lang, d sdk.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.Parts()
	names, ok := months[lang]
	if !ok {
		names = months[sdk.LangEnglish]
	}
	return fmt.Sprintf("%d %s %d", day, names[m-1], y)
}

// colon is ": " in lang: French puts a non-breaking space before it.
func colon(lang sdk.Lang) string {
	if lang == sdk.LangFrench {
		return "\u00a0: "
	}
	return ": "
}

// validLang reports whether l is a language of the widget.
func validLang(l sdk.Lang) bool {
	_, ok := catalog[l]
	return ok
}
