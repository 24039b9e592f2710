// Command lighthouse runs Lighthouse (mobile, its default: simulated slow
// 4G, CPU 4×) on a shop page that embeds the widget, several times with the
// widget, as many with the widget's origin blocked (the page's floor) and,
// given -goapp-floor, with go-app's floor in the widget's place, round-robin,
// and prints each figure as a median with its min and max. make bench-web
// runs it on the demo shop; it asserts nothing.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
)

func main() {
	lh := flag.String("lighthouse", "lighthouse", "the lighthouse command (12.2.3)")
	page := flag.String("url", "http://127.0.0.1:8001/", "the shop page")
	widget := flag.String("widget", "http://127.0.0.1:8000", "the widget's origin, blocked for the floor")
	runs := flag.Int("runs", 5, "runs of each")
	goappFloor := flag.String("goapp-floor", "", "the same shop page embedding go-app's floor (webapp/internal/floor) in the widget's place; empty: not measured")
	flag.Parse()
	log.SetFlags(0)
	if err := run(*lh, *page, *widget, *goappFloor, *runs); err != nil {
		log.Fatalf("lighthouse: %v", err)
	}
}

// report is the part of Lighthouse's JSON report read here.
type report struct {
	Categories struct {
		Performance struct {
			Score float64 `json:"score"`
		} `json:"performance"`
	} `json:"categories"`
	Audits map[string]struct {
		NumericValue float64 `json:"numericValue"`
	} `json:"audits"`
}

// names are the figures printed, in the order figures returns them.
var names = []string{"score", "CLS", "TBT ms", "TTI ms", "LCP ms"}

// figures are one run's figures, in the order of names.
func figures(r report) []float64 {
	return []float64{
		r.Categories.Performance.Score * 100,
		r.Audits["cumulative-layout-shift"].NumericValue,
		r.Audits["total-blocking-time"].NumericValue,
		r.Audits["interactive"].NumericValue,
		r.Audits["largest-contentful-paint"].NumericValue,
	}
}

// variant is one way the shop page is measured.
type variant struct {
	name, url string
	blocked   string // a URL pattern Lighthouse blocks, or ""
}

// run measures the variants round-robin, so that the machine's noise falls
// on all of them alike.
func run(lh, page, widget, goappFloor string, runs int) error {
	dir, err := os.MkdirTemp("", "rmacheck-lighthouse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	variants := []variant{{"with the widget", page, ""}, {"widget blocked (floor)", page, widget + "/*"}}
	if goappFloor != "" {
		variants = append(variants, variant{"go-app's floor instead", goappFloor, ""})
	}
	results := map[string][][]float64{}
	for i := 0; i < runs; i++ {
		for j, v := range variants {
			args := []string{v.url, "--quiet", "--only-categories=performance", "--output=json",
				"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"}
			if v.blocked != "" {
				args = append(args, "--blocked-url-patterns="+v.blocked)
			}
			out := filepath.Join(dir, fmt.Sprintf("run-%d-%d.json", i, j))
			args = append(args, "--output-path="+out)
			cmd := exec.Command(lh, args...)
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium())
			if b, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("%s: %v: %s", v.name, err, b)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				return err
			}
			var r report
			if err := json.Unmarshal(b, &r); err != nil {
				return fmt.Errorf("%s: the report: %v", v.name, err)
			}
			results[v.name] = append(results[v.name], figures(r))
		}
	}
	fmt.Printf("bench lighthouse %s, mobile, %d runs each: median (min–max)\n", page, runs)
	for _, v := range variants {
		fmt.Printf("bench lighthouse %-24s", v.name)
		for k, n := range names {
			var col []float64
			for _, f := range results[v.name] {
				col = append(col, f[k])
			}
			slices.Sort(col)
			format := "%.0f"
			if n == "CLS" {
				format = "%.3f"
			}
			fmt.Printf("  %s "+format+" ("+format+"–"+format+")", n, col[len(col)/2], col[0], col[len(col)-1])
		}
		fmt.Println()
	}
	return nil
}

// chromium is Chromium's path for Lighthouse (CHROME_PATH).
func chromium() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return "/usr/bin/chromium"
}
