package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Actions the components post; the check page handles them (ctx.Handle in
// its OnMount), so every state change goes through one place.
const (
	actEdit      = "/rmacheck/edit"       // value: edit
	actLang      = "/rmacheck/lang"       // value: sdk.Lang, the user's choice (stored)
	actHostLang  = "/rmacheck/host-lang"  // value: sdk.Lang, from the host page (not stored)
	actReset     = "/rmacheck/reset"      // start over
	actPrefill   = "/rmacheck/prefill"    // value: prefillAction, the embedding page's facts
	actPickLine  = "/rmacheck/pick-line"  // value: int, the order's line the claim is for (-1: another product)
	actShowOrder = "/rmacheck/show-order" // back to the order's list
	actCopy      = "/rmacheck/copy"       // copy the summary
	actPrint     = "/rmacheck/print"      // print the page
	actSeeAnswer = "/rmacheck/see-answer" // scroll to the answer
)

// postEdit asks the page to change one field of the draft.
func postEdit(ctx app.Context, e edit) { ctx.NewActionWithValue(actEdit, e) }
