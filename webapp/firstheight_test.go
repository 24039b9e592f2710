//go:build !wasm

package main

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFirstHeightAgrees: embed.js gives a new frame the height that
// widget.css reserves for the widget's page (.rc's min-height), so that the
// frame keeps its size while the widget starts. The browser tests
// (webapp/demo, TestEarlyFormFitsItsFrame) check that the page fits it.
func TestFirstHeightAgrees(t *testing.T) {
	embed, err := os.ReadFile("web/embed.js")
	require.NoError(t, err)
	css, err := os.ReadFile("web/widget.css")
	require.NoError(t, err)
	first := regexp.MustCompile(`var FIRST_HEIGHT = (\d+);`).FindSubmatch(embed)
	require.NotNil(t, first, "embed.js: var FIRST_HEIGHT = <px>;")
	min := regexp.MustCompile(`(?s)\n\.rc \{[^}]*?min-height: (\d+)px;`).FindSubmatch(css)
	require.NotNil(t, min, "widget.css: .rc { min-height: <n>px; }")
	require.Equal(t, string(first[1]), string(min[1]), "embed.js's FIRST_HEIGHT and widget.css's min-height of .rc")
	require.Regexp(t, `s\.height = FIRST_HEIGHT \+ "px";`, string(embed), "the frame starts at FIRST_HEIGHT")
	// What shops paste to keep the space from their first paint says the same.
	for _, name := range []string{"../README.md", "../docs/embedding.md", "demo/shop.css"} {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		require.Contains(t, string(b), "rma-check, [data-rmacheck] { display: block; min-height: "+string(first[1])+"px; }", name)
	}
}
