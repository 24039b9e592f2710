# RMA Check. `make run` and `make test` are all a fresh machine needs, with
# Go; .ci/run installs the rest (Node.js, npm, gzip, brotli, Chromium).
# docs/testing.md says what each test target runs.
GO      ?= go
BIN     := bin
GOFILES  = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './dist/*')

.PHONY: build run serve test test-go check generate bench fuzz clean

# wasm/ and webapp/ add their own targets, and their test targets to
# TEST_EXTRA, in these files.
TEST_EXTRA :=
include wasm/wasm.mk webapp/webapp.mk webapp/embed.mk

build:
	$(GO) build -trimpath -o $(BIN)/rmacheck ./cmd/rmacheck

# run: the widget at http://127.0.0.1:8000 on the embedded brands.json, and
# a demo shop embedding it at http://127.0.0.1:8001. Ctrl-C stops both.
run: serve

# serve: what run serves, with variants:
#   make serve              the widget (go-app handler) on :8000 and the demo shop on :8001
#   make serve SITE=1       make site's output on :8000, from a plain file server that
#                           follows its _headers, as a static host would; the shop on :8001
#   make serve ONLY=widget  the widget alone on :8000
#   make serve ONLY=shop    the demo shop alone on :8001, embedding the widget on :8000
#                           that another command serves
SITE ?=
ONLY ?=
SERVE_NEEDS  = $(if $(SITE),site,$(if $(filter shop,$(ONLY)),,webapp-wasm))
SERVE_WIDGET = $(BIN)/webapp -addr 127.0.0.1:8000 -web webapp/web -frame-ancestors "'self' $(FRAME_ANCESTORS)"
SERVE_SHOP   = $(BIN)/demo -addr 127.0.0.1:8001 -widget http://127.0.0.1:8000$(if $(SITE), -site $(SITE_DIR))

serve: $(SERVE_NEEDS)
	@case "$(ONLY)" in ""|widget|shop) ;; *) echo "ONLY=$(ONLY): want widget or shop"; exit 2;; esac
	@if [ -n "$(SITE)" ] && [ -n "$(ONLY)" ]; then echo "SITE=1 serves the site and the shop together: drop ONLY"; exit 2; fi
	$(GO) build -trimpath -o $(BIN)/ ./webapp ./webapp/demo
	@case "$(ONLY)" in shop) ;; *) echo "widget:    http://127.0.0.1:8000/";; esac
	@case "$(ONLY)" in widget) ;; *) echo "demo shop: http://127.0.0.1:8001/";; esac
	@trap 'kill $$(jobs -p) 2>/dev/null' INT TERM EXIT; \
	if [ "$(ONLY)" = widget ]; then $(SERVE_WIDGET); \
	elif [ "$(ONLY)" = shop ] || [ -n "$(SITE)" ]; then $(SERVE_SHOP); \
	else $(SERVE_SHOP) & $(SERVE_WIDGET); fi

# generate: two programs. internal/brandsfile/embedded_model.go, brands.json
# decoded and written as Go, so that sdk.Default starts without decoding
# JSON; then webapp/web/early.json, the early answer's table, from the
# model just written. Run it after every change to brands.json; make test
# fails while either differs.
generate:
	$(GO) run ./internal/brandsfile/genmodel -o internal/brandsfile/embedded_model.go
	$(GO) run ./webapp -early-table webapp/web/early.json

check:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run ./cmd/rmacheck validate brands.json
	$(GO) run ./cmd/rmacheck guide check guide/testdata/guide.txt --brands brands.json

# test: every test once without the race detector, then the packages with
# goroutines (the SDK's concurrent callers, the widget's servers) under it;
# -race slows the data walks twentyfold and they have no goroutines to watch.
test: check $(TEST_EXTRA)
	$(GO) test -count=1 ./...
	$(GO) test -race -count=1 ./sdk/... ./webapp/...

# test-go: the fast loop: check, then the Go tests of every package for the
# machine's own GOOS (no Node, no npm, no browser; go test's cache on).
test-go: check
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 -timeout 30m ./sdk

# fuzz: a short run of each fuzz target (the seeds also run in make test),
# then the built-in schema validator against the reference on 5,000 files
# derived from brands.json (make test sweeps 60).
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzDecodeClaim -fuzztime 30s ./sdk
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 30s ./sdk
	$(GO) test -run '^$$' -fuzz FuzzSchemaAgreesWithReference -fuzztime 60s ./sdk
	RMA_SWEEP=5000 $(GO) test -count=1 -run '^TestSchemaAgreesWithReferenceOnMutations$$' -v ./sdk

clean:
	rm -rf $(BIN) dist
