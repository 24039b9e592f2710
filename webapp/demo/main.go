//go:build !wasm

// Command demo serves the PixelPort demo shop, a page on its own origin that
// embeds the RMA Check widget with embed.js and logs its events:
//
//	go run ./webapp/demo                                  # shop on http://127.0.0.1:8001, widget from http://127.0.0.1:8000
//	go run ./webapp/demo -site dist/site                  # also serve `make site` output as the widget on :8000
//
// With -site the widget is served by a plain static file server that
// follows dist/site/_headers (no go-app handler), as a static host would.
package main

import (
	"bytes"
	"embed"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/micromedia/rmacheck/webapp/site"
)

//go:embed index.html orders.html orders.js shop.js shop.css favicon.svg
var files embed.FS

// defaultWidget is the widget origin written in index.html.
const defaultWidget = "http://127.0.0.1:8000"

func main() {
	addr := flag.String("addr", "127.0.0.1:8001", "listen address of the demo shop")
	widget := flag.String("widget", defaultWidget, "origin of the widget the shop embeds")
	siteDir := flag.String("site", "", "also serve this static site folder (make site) as the widget, on the -widget address")
	flag.Parse()
	if err := run(*addr, *widget, *siteDir); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run(addr, widget, siteDir string) error {
	shop, err := shopHandler(widget)
	if err != nil {
		return err
	}
	errs := make(chan error, 2)
	serve := func(name, addr string, h http.Handler) error {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return err
		}
		log.Printf("%s on http://%s", name, l.Addr())
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
		go func() { errs <- srv.Serve(l) }()
		return nil
	}
	if siteDir != "" {
		u, _ := url.Parse(widget)
		hs, err := site.LoadHeaders(siteDir)
		if err != nil {
			return fmt.Errorf("-site: %w (run make site first)", err)
		}
		if err := serve("widget (static site "+siteDir+")", u.Host, site.FileServer(siteDir, hs)); err != nil {
			return err
		}
	}
	if err := serve("demo shop", addr, shop); err != nil {
		return err
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	select {
	case err := <-errs:
		return err
	case <-stop:
		return nil
	}
}

// shopHandler serves the demo shop, embedding the widget from origin
// widget (scheme://host[:port], no path).
func shopHandler(widget string) (http.Handler, error) {
	u, err := url.Parse(widget)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, fmt.Errorf("-widget: %q is not an http(s) origin like http://127.0.0.1:8000", widget)
	}
	origin := u.Scheme + "://" + u.Host
	index, err := files.ReadFile("index.html")
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(index, []byte(defaultWidget+"/embed.js")) {
		return nil, errors.New("index.html: no embed.js script tag to point at the widget")
	}
	index = bytes.ReplaceAll(index, []byte(defaultWidget+"/"), []byte(origin+"/"))
	orders, err := files.ReadFile("orders.html")
	if err != nil {
		return nil, err
	}
	orders = bytes.ReplaceAll(orders, []byte(defaultWidget+"/"), []byte(origin+"/"))
	// What a shop's own CSP needs for the widget: the script and the frame.
	csp := strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' " + origin,
		"frame-src " + origin,
		"img-src 'self' data:",
		"style-src 'self'",
		"frame-ancestors 'none'",
	}, "; ")
	static := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Cache-Control", "no-cache")
		switch r.URL.Path {
		case "/", "/index.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(index)
		case "/orders.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(orders)
		case "/shop.js", "/orders.js", "/shop.css", "/favicon.svg":
			static.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	}), nil
}
