# The widget (webapp/): build the wasm, serve it, test it in Chromium.
# Included by the root Makefile.
WEBAPP_WASM  := webapp/web/app.wasm
WEBAPP_AXE   := webapp/node_modules/axe-core/axe.min.js
AXE_VERSION  := 4.14.1
WEBAPP_SRC    = $(filter-out %_test.go,$(wildcard webapp/*.go sdk/*.go internal/*/*.go)) $(wildcard schema/*.json) brands.json data.go go.mod go.sum

.PHONY: webapp-wasm webapp-axe test-webapp bench-web screenshots

# app.wasm with its precompressed copies (brotli is optional: without it the
# server sends gzip).
# No inlining (-gcflags=all=-l): 1.72 MB -> 1.60 MB brotli, near the size goal,
# with the render and start-up figures of make bench-web still within theirs.
# `make webapp-wasm WEBAPP_GCFLAGS=` builds with inlining.
WEBAPP_GCFLAGS ?= -gcflags=all=-l
# The classic garbage collector: Go 1.26's default (Green Tea) speeds up
# scanning on many cores, which a single-threaded wasm page never has, and
# its code makes app.wasm 19 KB larger after brotli.
# `make webapp-wasm WEBAPP_GOEXPERIMENT=` builds with the default collector.
WEBAPP_GOEXPERIMENT ?= nogreenteagc

$(WEBAPP_WASM): $(WEBAPP_SRC)
	GOEXPERIMENT=$(WEBAPP_GOEXPERIMENT) GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" $(WEBAPP_GCFLAGS) -o $@ ./webapp
	gzip -9 -n -c $@ > $@.gz
	@# Brotli's 4 MB window (-w 22) packs app.wasm 3 KB smaller than its
	@# default 16 MB one (-w 24); windows 18 to 24 were measured.
	@if command -v brotli >/dev/null; then brotli -q 11 -w 22 -f -o $@.br $@; \
	else rm -f $@.br; echo "brotli not found: serving gzip only"; fi

webapp-wasm: $(WEBAPP_WASM)

# axe-core for the accessibility test, into the git-ignored webapp/node_modules.
# Without npm the test skips (or fails under RMA_E2E=required).
$(WEBAPP_AXE):
	@if command -v npm >/dev/null; then \
		npm install --no-save --no-audit --no-fund --prefix webapp axe-core@$(AXE_VERSION); \
	else echo "npm not found: the accessibility test cannot run"; fi

# test-webapp: vet the wasm build, then the browser tests (they skip without
# Chromium unless RMA_E2E=required). The component tests run in go test ./...
webapp-axe: $(WEBAPP_AXE)

test-webapp: $(WEBAPP_WASM) webapp-axe
	GOOS=js GOARCH=wasm $(GO) vet ./webapp/...
	@# The server (server.go: flags, the static site writer) stays out of app.wasm.
	@if GOOS=js GOARCH=wasm $(GO) list -deps ./webapp | grep -Ex 'flag|os/exec|net/http/httptest'; then \
		echo "webapp: the packages above must not be in app.wasm (keep server code in !wasm files)"; exit 1; fi
	$(GO) test -count=1 -tags e2e -run '^(TestE2E|TestWasmSizeBudget$$)' -timeout 5m ./webapp

TEST_EXTRA += test-webapp

# bench-web: wasm sizes; a phone profile (150 ms latency, 1.6/0.75 Mbit/s,
# CPU 4x, 390x844 at 2x; cold and warm): first paint, first keystroke,
# wasm ready, decision after a claim typed at human pace; the desktop
# figures: brand box accepting input (cold, warm offline), time to
# re-render a decision. Median of 5 with min and max. Asserts nothing.
# The floor: webapp/internal/floor (go-app rendering one heading), built
# with the same flags, in a copy of web/ that the bench serves in its place.
WEBAPP_FLOOR := $(BIN)/floor-web

# The shop page's figures: the demo shop and a plain order page from make
# site's output, cold on the phone profile (TestBenchShopPage in
# webapp/demo: CLS of the page and of the frame, first keystroke, answer),
# a pre-filled line (TestBenchPrefilled) and an order of ten lines on the
# desktop profile (TestBenchOrderList), then Lighthouse 12 (mobile) on make run's demo shop, with the widget,
# with its origin blocked (the page's floor) and with go-app's floor in the widget's place. Lighthouse goes into the
# git-ignored webapp/.tools (13 needs Node 22).
LIGHTHOUSE_VERSION := 12.2.3
LIGHTHOUSE         := webapp/.tools/lighthouse-$(LIGHTHOUSE_VERSION)

$(LIGHTHOUSE):
	npm install --no-save --no-audit --no-fund --prefix webapp/.tools lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@

bench-web: $(WEBAPP_WASM) site $(LIGHTHOUSE)
	rm -rf $(WEBAPP_FLOOR) && mkdir -p $(BIN) && cp -r webapp/web $(WEBAPP_FLOOR) && rm -f $(WEBAPP_FLOOR)/app.wasm*
	GOEXPERIMENT=$(WEBAPP_GOEXPERIMENT) GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" $(WEBAPP_GCFLAGS) -o $(WEBAPP_FLOOR)/app.wasm ./webapp/internal/floor
	gzip -9 -n -c $(WEBAPP_FLOOR)/app.wasm > $(WEBAPP_FLOOR)/app.wasm.gz
	@if command -v brotli >/dev/null; then brotli -q 11 -w 22 -f -o $(WEBAPP_FLOOR)/app.wasm.br $(WEBAPP_FLOOR)/app.wasm; fi
	@echo "floor app.wasm: $$(wc -c < $(WEBAPP_FLOOR)/app.wasm) B raw, $$(cat $(WEBAPP_FLOOR)/app.wasm.br 2>/dev/null | wc -c) B brotli"
	RMA_BENCH=1 RMA_BENCH_FLOOR=$(CURDIR)/$(WEBAPP_FLOOR) $(GO) test -count=1 -tags e2e -run '^TestBenchWeb$$' -v -timeout 15m ./webapp | grep -E '^(bench|--- |ok|FAIL)|skip'
	RMA_BENCH=1 $(GO) test -count=1 -tags e2e -run '^(TestBenchShopPage|TestBenchPrefilled|TestBenchOrderList)$$' -v -timeout 25m ./webapp/demo | grep -E '^(bench|--- |ok|FAIL)|skip'
	$(GO) build -trimpath -o $(BIN)/ ./webapp ./webapp/demo ./webapp/internal/lighthouse
	@# go-app's floor in the widget's place: its own widget server (:8003) and shop (:8002).
	@trap 'kill $$(jobs -p) 2>/dev/null' INT TERM EXIT; \
	$(SERVE_SHOP) >/dev/null 2>&1 & $(SERVE_WIDGET) >/dev/null 2>&1 & \
	$(BIN)/webapp -addr 127.0.0.1:8003 -web $(WEBAPP_FLOOR) -frame-ancestors "'self' http://127.0.0.1:8002" >/dev/null 2>&1 & \
	$(BIN)/demo -addr 127.0.0.1:8002 -widget http://127.0.0.1:8003 >/dev/null 2>&1 & sleep 1; \
	$(BIN)/lighthouse -lighthouse webapp/.tools/node_modules/.bin/lighthouse -url http://127.0.0.1:8001/ -widget http://127.0.0.1:8000 -goapp-floor http://127.0.0.1:8002/ -runs 5

# screenshots: PNGs of the main states into docs/screenshots/.
screenshots: $(WEBAPP_WASM)
	RMA_SCREENSHOTS=docs/screenshots $(GO) test -count=1 -tags e2e -run '^TestScreenshots$$' -v -timeout 5m ./webapp
