package main

// earlyInput is what a person did in the page the server sent before the
// wasm ran: the fields they changed, as edits, and where the focus and the
// caret were. go-app replaces that page's DOM when it starts; begin applies
// the edits to the draft and restoreFocus puts the focus back.
type earlyInput struct {
	Edits    []edit
	Focus    string // id of the focused element, "" for none
	SelStart int    // caret or selection in it; -1 when it has none
	SelEnd   int
	// FocusValue is the focused element's value then: when the live box
	// holds something else (a stored draft filled it), the caret goes to
	// the end of that text, where the next key belongs.
	FocusValue string
}

// earlyField is the state of one field the person changed (widget.js marks
// it data-rc-touched on input or change).
type earlyField struct {
	ID      string
	Value   string
	Checked bool
}

// formFields are the fields of the form by element id, in the form's
// order; check marks a checkbox.
var formFields = []struct {
	id    string
	field field
	check bool
}{
	{"rc-brand", fieldBrandText, false},
	{"rc-category", fieldCategory, false},
	{"rc-date", fieldPurchaseDate, false},
	{"rc-model", fieldModel, false},
	{"rc-proof", fieldProof, true},
	{"rc-defect", fieldDefect, false},
	{"rc-complete", fieldComplete, true},
	{"rc-from-micromedia", fieldFromMicromedia, true},
	{"rc-photo", fieldPhoto, true},
	{"rc-serial", fieldSerial, false},
}

// earlyEdits turns the changed fields into the edits typing them in the
// live widget would have made. A brand typed and left (the focus is
// elsewhere) is final, as leaving the live box makes it.
func earlyEdits(changed []earlyField, focus string) []edit {
	byID := map[string]earlyField{}
	for _, c := range changed {
		byID[c.ID] = c
	}
	var out []edit
	for _, f := range formFields {
		c, ok := byID[f.id]
		if !ok {
			continue
		}
		switch {
		case f.check:
			out = append(out, edit{Field: f.field, On: c.Checked})
		case f.field == fieldBrandText:
			out = append(out, edit{Field: f.field, Text: c.Value})
			if focus != f.id {
				out = append(out, edit{Field: fieldBrandCommit})
			}
		default:
			out = append(out, edit{Field: f.field, Text: c.Value})
		}
	}
	return out
}
