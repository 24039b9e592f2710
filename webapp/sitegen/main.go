//go:build !wasm

// Command sitegen finishes the static site that `make site` writes: after
// the webapp's `-site` flag has written go-app's static output, it gives
// app.wasm a content-hashed name with .br and .gz twins, adds embed.js and
// writes _headers (see package site).
//
//	go run ./webapp/sitegen -dir dist/site -frame-ancestors "https://shop.example"
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/micromedia/rmacheck/webapp/site"
)

func main() {
	dir := flag.String("dir", "dist/site", "go-app static output to finish (written by: go run ./webapp -site DIR)")
	embed := flag.String("embed", "webapp/web/embed.js", "the embed.js loader")
	ancestors := flag.String("frame-ancestors", "", "space-separated origins allowed to embed the widget (CSP frame-ancestors); empty: none")
	brotli := flag.String("brotli", "brotli", "brotli command")
	flag.Parse()
	if err := run(*dir, *embed, *ancestors, *brotli); err != nil {
		fmt.Fprintln(os.Stderr, "sitegen:", err)
		os.Exit(1)
	}
}

func run(dir, embed, ancestors, brotli string) error {
	list, err := site.ParseAncestors(ancestors)
	if err != nil {
		return err
	}
	js, err := os.ReadFile(embed)
	if err != nil {
		return fmt.Errorf("-embed: %w", err)
	}
	res, err := site.Finish(site.Options{Dir: dir, EmbedJS: js, Ancestors: list, Brotli: brotli})
	if err != nil {
		return err
	}
	fmt.Printf("site: %s (wasm %s)\n", dir, res.WasmPath)
	for _, k := range []string{"app.wasm", "app.wasm.gz", "app.wasm.br", "embed.js"} {
		fmt.Printf("  %-12s %10d bytes\n", k, res.Sizes[k])
	}
	return nil
}
