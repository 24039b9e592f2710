// Command lighthouse runs Lighthouse (mobile, its default: simulated slow
// 4G, CPU 4×) on a shop page that embeds the widget, several times with the
// widget and as many with the widget's origin blocked (the page's floor),
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
	flag.Parse()
	log.SetFlags(0)
	if err := run(*lh, *page, *widget, *runs); err != nil {
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

func run(lh, page, widget string, runs int) error {
	dir, err := os.MkdirTemp("", "rmacheck-lighthouse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	results := map[string][][]float64{}
	for i := 0; i < runs; i++ {
		for _, floor := range []bool{false, true} {
			name := "with the widget"
			args := []string{page, "--quiet", "--only-categories=performance", "--output=json",
				"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"}
			if floor {
				name = "widget blocked (floor)"
				args = append(args, "--blocked-url-patterns="+widget+"/*")
			}
			out := filepath.Join(dir, fmt.Sprintf("run-%d-%v.json", i, floor))
			args = append(args, "--output-path="+out)
			cmd := exec.Command(lh, args...)
			cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium())
			if b, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("%s: %v: %s", name, err, b)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				return err
			}
			var r report
			if err := json.Unmarshal(b, &r); err != nil {
				return fmt.Errorf("%s: the report: %v", name, err)
			}
			results[name] = append(results[name], figures(r))
		}
	}
	fmt.Printf("bench lighthouse %s, mobile, %d runs each: median (min–max)\n", page, runs)
	for _, name := range []string{"with the widget", "widget blocked (floor)"} {
		fmt.Printf("bench lighthouse %-24s", name)
		for k, n := range names {
			var col []float64
			for _, f := range results[name] {
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
