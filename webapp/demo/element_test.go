//go:build e2e && !wasm

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmbedCustomElementAndQueue: <rma-check> takes the same settings as
// the div (as attributes, or data-* ones), fires the same events, mounts
// again under the same id when a setting changes; functions queued in
// window.rmacheck before the loader runs are called with its API once, and
// later pushes are called at once.
func TestEmbedCustomElementAndQueue(t *testing.T) {
	ctx := newTab(t)
	widget := fakeWidgetServer(t)
	shop := pageServer(t, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>`+recorder+`
<script>
window.__queue = [];
window.__onDecision = [];
window.rmacheck = window.rmacheck || [];
window.rmacheck.push(function () { throw new Error("a broken handler"); });
window.rmacheck.push("not a function");
window.rmacheck.push(function (embed) {
  window.__queue.push({version: embed.version, origin: embed.origin,
    mounted: document.querySelectorAll("rma-check iframe, [data-rmacheck] iframe").length});
  embed.on("decision", function (e) { window.__onDecision.push(e.detail.id + " " + e.target.id); });
});
</script>
<script src="`+widget.URL+`/embed.js" data-audience="reseller" data-accent="#aa3300" async></script>
</head><body>
<rma-check id="el" lang="fr" mode="dark" data-font="Georgia, serif"></rma-check>
<div id="d" data-rmacheck data-lang="nl"></div>
<div class="anon" data-rmacheck></div>
</body></html>`)

	require.NoError(t, navigate(ctx, shop.URL))
	require.NoError(t, poll(ctx, `count("ready","el") === 1 && count("ready","d") === 1`))

	el, err := eval[frameInfo](ctx, frameInfoJS+`("el")`)
	require.NoError(t, err)
	assert.Equal(t, 1, el.Count)
	assert.Equal(t, widget.URL, el.Origin)
	assert.Empty(t, el.Search)
	for key, want := range map[string]string{"lang": "fr", "mode": "dark", "font": "Georgia, serif", "audience": "reseller",
		"accent": "#aa3300", "id": "el", "parent": shop.URL} {
		assert.Equal(t, want, el.Params[key], key)
	}
	assert.Equal(t, el.Params, el.Ready, "the widget got exactly these settings")
	assert.Contains(t, el.Title, "retourné", "French title")
	display, err := eval[string](ctx, `getComputedStyle(document.getElementById("el")).display`)
	require.NoError(t, err)
	assert.Equal(t, "block", display)
	d, err := eval[frameInfo](ctx, frameInfoJS+`("d")`)
	require.NoError(t, err)
	assert.Equal(t, "nl", d.Params["lang"])
	anon, err := eval[string](ctx, `document.querySelector(".anon").getAttribute("data-rmacheck-id")`)
	require.NoError(t, err)
	assert.Equal(t, "rmc-3", anon, "a widget's position counts the element")

	// The queue ran once, after the widgets were mounted; the broken
	// handler and the string did not stop it.
	type queued struct {
		Version int    `json:"version"`
		Origin  string `json:"origin"`
		Mounted int    `json:"mounted"`
	}
	q, err := eval[[]queued](ctx, `window.__queue`)
	require.NoError(t, err)
	assert.Equal(t, []queued{{1, widget.URL, 3}}, q)

	// Height and decision events reach the element, and the queued on().
	_, err = inFrame[bool](ctx, "id=el&", `document.dispatchEvent(new CustomEvent("fake-grow", {detail: 300}))`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `count("height","el") > 0 && parseInt(frame("el").style.height) > 300`))
	_, err = inFrame[bool](ctx, "id=el&", `document.dispatchEvent(new CustomEvent("fake-decide", {detail: "micromedia-rma"}))`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `count("decision","el") === 1 && window.__onDecision.length === 1`))
	onDecision, err := eval[[]string](ctx, `window.__onDecision`)
	require.NoError(t, err)
	assert.Equal(t, []string{"el el"}, onDecision)

	// A push after the loader ran is called at once; on() can be stopped.
	n, err := eval[int](ctx, `var off; var n = window.rmacheck.push(function (embed) {
		window.__late = embed === window.RMACheckEmbed; off = embed.on("decision", function () { window.__stopped = false; }); });
		off(); window.__stopped = true; n`)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	late, err := eval[bool](ctx, `window.__late === true`)
	require.NoError(t, err)
	assert.True(t, late)

	// A setting changed on the element: a new iframe, the same widget id.
	_, err = eval[bool](ctx, `document.getElementById("el").setAttribute("lang", "nl"); true`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `count("ready","el") === 2`))
	el2, err := eval[frameInfo](ctx, frameInfoJS+`("el")`)
	require.NoError(t, err)
	assert.Equal(t, 1, el2.Count, "the old iframe is gone")
	assert.Equal(t, "nl", el2.Params["lang"])
	assert.Equal(t, "el", el2.Params["id"])
	_, err = inFrame[bool](ctx, "id=el&", `document.dispatchEvent(new CustomEvent("fake-decide", {detail: "brand-direct"}))`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `count("decision","el") === 2`))
	stopped, err := eval[bool](ctx, `window.__stopped === true && window.__onDecision.length === 2`)
	require.NoError(t, err)
	assert.True(t, stopped, "the queued handler still hears the new iframe; the stopped one does not")

	// An element added later mounts itself.
	_, err = eval[bool](ctx, `var e = document.createElement("rma-check"); e.id = "late"; e.setAttribute("lang", "en");
		document.body.appendChild(e); true`)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, `count("ready","late") === 1`))
	late2, err := eval[frameInfo](ctx, frameInfoJS+`("late")`)
	require.NoError(t, err)
	assert.Equal(t, "late", late2.ID)
	assert.Equal(t, "en", late2.Params["lang"])
}
