package guide

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/micromedia/rmacheck"
)

// render writes g back as a text export, every paragraph wrapped at width,
// with page furniture and the page's link annotations every page lines: the
// same guide, laid out differently.
func render(g *Guide, width, page int) string {
	var lines []string
	var links []string // the page's addresses, as the export annotates them
	pages := 1
	emit := func(s string) {
		lines = append(lines, s+" ")
		if len(lines)%page == 0 {
			lines = append(lines, links...)
			links = nil
			pages++
			lines = append(lines, "Table des matières ", fmt.Sprint(pages), " ")
		}
	}
	wrap := func(text string) {
		line := ""
		for _, w := range strings.Fields(text) {
			// Never break after a hyphen: the reader joins "ci-" + "dessus".
			if line != "" && len(line)+1+len(w) > width && !strings.HasSuffix(line, "-") {
				emit(line)
				line = ""
			}
			line = strings.TrimPrefix(line+" "+w, " ")
		}
		if line != "" {
			emit(line)
		}
	}
	emit("Introduction")
	emit("Dernier modifications :")
	for _, c := range g.Changes {
		d := c.Date[8:10] + "-" + c.Date[5:7] + "-" + c.Date[:4]
		emit(d + " " + c.Text)
	}
	for _, s := range g.Sections {
		emit(s.Number + " " + s.Title)
		wrap(s.Text)
	}
	emit("2 Marques")
	for _, b := range g.Brands {
		head := b.Name
		if b.Special {
			head += " *"
		}
		emit(head)
		emit("Assistance")
		if len(b.Contacts) == 0 {
			emit("Pas de données de contact pour assistance connues.")
		}
		wrap(b.Notes)
		for _, c := range b.Contacts {
			v := c.Value
			if c.Country != "" {
				v += " (" + c.Country + ")"
			}
			emit(c.Label + " :  " + v)
			switch {
			case strings.HasPrefix(c.Value, "www."):
				links = append(links, "http://"+c.Value+"/")
			case strings.Contains(c.Value, "@"):
				links = append(links, "mailto:"+c.Value)
			case c.Type != "phone":
				links = append(links, c.Value)
			}
		}
		emit("Règles de retour pour article défectueux")
		wrap(b.Rules)
	}
	lines = append(lines, links...)
	return strings.Join(lines, "\n\n") + "\n"
}

// The guide laid out again, at other widths and page lengths, reads the same
// and is in step with brands.json.
func TestReadRewrappedGuide(t *testing.T) {
	orig := read(t, guideText(t))
	for _, tt := range []struct{ width, page int }{{40, 37}, {95, 50}, {200, 23}} {
		t.Run(fmt.Sprintf("width %d, pages of %d lines", tt.width, tt.page), func(t *testing.T) {
			text := render(orig, tt.width, tt.page)
			g := read(t, text)
			assert.Equal(t, orig.Changes[0].Text, g.Changes[0].Text)
			require.Len(t, g.Brands, len(orig.Brands))
			for i, b := range g.Brands {
				o := orig.Brands[i]
				assert.Equal(t, o.Name, b.Name)
				assert.Equal(t, o.Special, b.Special, o.Name)
				assert.Equal(t, o.Notes, b.Notes, o.Name)
				assert.Equal(t, o.Rules, b.Rules, o.Name)
				assert.Equal(t, o.Digest(), b.Digest(), o.Name)
				require.Len(t, b.Contacts, len(o.Contacts), o.Name)
				for j, c := range b.Contacts {
					oc := o.Contacts[j]
					assert.Equal(t, []string{oc.Label, oc.Type, oc.Value, oc.Country}, []string{c.Label, c.Type, c.Value, c.Country}, o.Name)
				}
			}
			diffs, err := Check(g, rmacheck.BrandsJSON())
			require.NoError(t, err)
			assert.Empty(t, diffs)
		})
	}
}
