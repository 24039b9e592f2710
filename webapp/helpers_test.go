package main

import (
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/micromedia/rmacheck/sdk"
	"github.com/stretchr/testify/require"
)

var (
	guideOnce sync.Once
	guideVal  *sdk.Guide
	guideErr  error
)

// testGuide is the embedded guide, loaded once.
func testGuide(t *testing.T) *sdk.Guide {
	t.Helper()
	guideOnce.Do(func() { guideVal, guideErr = sdk.Default() })
	require.NoError(t, guideErr)
	return guideVal
}

// testToday is the claim date of the tests.
var testToday = sdk.DateOf(2026, 3, 10)

// complete is a draft with chapter 1's facts given, for brand and category.
func completeDraft(g *sdk.Guide, brand string, cat sdk.Category, purchase string) Draft {
	d := Draft{}.apply(g, edit{Field: fieldBrandText, Text: brand})
	d = d.apply(g, edit{Field: fieldBrandCommit})
	d = d.apply(g, edit{Field: fieldCategory, Text: string(cat)})
	d = d.apply(g, edit{Field: fieldPurchaseDate, Text: purchase})
	d = d.apply(g, edit{Field: fieldProof, On: true})
	d = d.apply(g, edit{Field: fieldDefect, Text: "Stopped working"})
	d = d.apply(g, edit{Field: fieldComplete, On: true})
	return d
}

// element finds the first <tag> in html that has all the given attributes
// (written name="value"), in any order: go-app writes attributes in map
// order. It returns the element's inner HTML.
func element(html, tag string, attrs ...string) (string, bool) {
	re := regexp.MustCompile(`(?s)<` + tag + `\b([^>]*)>(.*?)</` + tag + `>`)
	for _, m := range re.FindAllStringSubmatch(html, -1) {
		all := true
		for _, a := range attrs {
			if !strings.Contains(m[1]+" ", " "+a+" ") {
				all = false
				break
			}
		}
		if all {
			return m[2], true
		}
	}
	return "", false
}
