# RMA Check. `make run` and `make test` are all a fresh machine needs
# (with Go; .ci/run installs the rest: Chromium, brotli).
GO      ?= go
BIN     := bin
GOFILES  = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './dist/*')

.PHONY: build run test check bench fuzz clean

# wasm/ and webapp/ add their own targets, and their test targets to
# TEST_EXTRA, in these files.
TEST_EXTRA :=
-include wasm/wasm.mk webapp/webapp.mk webapp/embed.mk

build:
	$(GO) build -trimpath -o $(BIN)/rmacheck ./cmd/rmacheck

# run: the widget at http://127.0.0.1:8000 on the embedded brands.json, and
# a demo shop embedding it at http://127.0.0.1:8001. Ctrl-C stops both.
run: webapp-wasm
	$(GO) build -trimpath -o $(BIN)/ ./webapp ./webapp/demo
	@echo "widget:    http://127.0.0.1:8000/"
	@echo "demo shop: http://127.0.0.1:8001/"
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/demo -addr 127.0.0.1:8001 -widget http://127.0.0.1:8000 & \
	$(BIN)/webapp -addr 127.0.0.1:8000 -web webapp/web -frame-ancestors "'self' $(FRAME_ANCESTORS)"

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

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 -timeout 30m ./sdk

# fuzz: a short run of each fuzz target (the seeds also run in make test).
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzDecodeClaim -fuzztime 30s ./sdk
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime 30s ./sdk

clean:
	rm -rf $(BIN) dist

