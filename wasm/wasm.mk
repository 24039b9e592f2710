# wasm/: the SDK as a WebAssembly module with a JavaScript API.
# Included by the root Makefile.
#
#   make wasm        dist/rmacheck.wasm (+ .gz, .br), wasm_exec.js, rmacheck.mjs,
#                    example/index.html, and the npm package's files: package.json,
#                    rmacheck.d.ts (generated from schema/*.json), embed.d.ts, README.md
#   make test-wasm   Go tests under GOOS=js GOARCH=wasm (Node), then node --test
#   make bench-wasm  size, evaluate µs per call, start-up ms
#
# Needs Node 20+, npm, gzip and brotli (Debian package brotli).

WASM_DIST := dist
WASM_SRC   = $(wildcard wasm/*.go sdk/*.go internal/*/*.go *.go) brands.json $(wildcard schema/*.json) go.mod go.sum
# No inlining outside the Go runtime and this module: brotli size 1.157 MB
# -> 1.068 MB (goal <= 1.1 MB) at no measurable cost to evaluate or start-up
# (docs/performance.md). `make wasm WASM_GCFLAGS=` builds without.
WASM_GCFLAGS = -gcflags=all=-l -gcflags=runtime= -gcflags=github.com/micromedia/rmacheck/...=
# api.version: the commit the module was built from ("devel" outside git).
WASM_VERSION = $(or $(shell git describe --always --dirty 2>/dev/null),devel)
# The Go toolchain's runner for js/wasm test binaries (it runs them in Node).
WASM_EXEC  = "$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec"

# The size budget of dist/rmacheck.wasm.br, in bytes (1.1 MB): what a shop
# page downloads. A size is deterministic for a given toolchain, so
# test-wasm asserts it.
WASM_BR_BUDGET := 1100000

# TypeScript for the npm package's test only, in a git-ignored folder.
TYPESCRIPT_VERSION := 7.0.2
WASM_TOOLS         := wasm/.tools

.PHONY: wasm test-wasm bench-wasm

TEST_EXTRA += test-wasm

wasm: $(WASM_DIST)/rmacheck.wasm $(WASM_DIST)/rmacheck.wasm.gz $(WASM_DIST)/rmacheck.wasm.br
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(WASM_DIST)/wasm_exec.js
	cp wasm/rmacheck.mjs $(WASM_DIST)/rmacheck.mjs
	mkdir -p $(WASM_DIST)/example && cp wasm/example/index.html $(WASM_DIST)/example/index.html
	cp wasm/embed.d.ts $(WASM_DIST)/embed.d.ts
	cp wasm/npm/README.md $(WASM_DIST)/README.md
	$(GO) run ./wasm/internal/npmpkg -version "$$(cat $(WASM_DIST)/version)" -out $(WASM_DIST)

$(WASM_DIST)/rmacheck.wasm: $(WASM_SRC)
	@mkdir -p $(WASM_DIST)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w -X main.buildVersion=$(WASM_VERSION)" $(WASM_GCFLAGS) -o $@ ./wasm
	echo "$(WASM_VERSION)" > $(WASM_DIST)/version

$(WASM_DIST)/rmacheck.wasm.gz: $(WASM_DIST)/rmacheck.wasm
	gzip -9 -c $< > $@

$(WASM_DIST)/rmacheck.wasm.br: $(WASM_DIST)/rmacheck.wasm
	brotli -q 11 -f -o $@ $<

# The stamp names the version, so that a new pin installs again.
$(WASM_TOOLS)/typescript-$(TYPESCRIPT_VERSION):
	npm install --no-save --no-audit --no-fund --prefix $(WASM_TOOLS) typescript@$(TYPESCRIPT_VERSION)
	touch $@

test-wasm: wasm $(WASM_TOOLS)/typescript-$(TYPESCRIPT_VERSION)
	@size=$$(wc -c < $(WASM_DIST)/rmacheck.wasm.br); \
	echo "rmacheck.wasm.br: $$size bytes (budget $(WASM_BR_BUDGET))"; \
	if [ "$$size" -gt $(WASM_BR_BUDGET) ]; then echo "wasm: rmacheck.wasm.br is over its budget"; exit 1; fi
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/
	@# Server code (net/http), flag parsing and exec must not reach the binary shops download.
	@if GOOS=js GOARCH=wasm $(GO) list -deps ./wasm | grep -Ex 'net/http|flag|os/exec'; then \
		echo "wasm: the packages above must not be in rmacheck.wasm"; exit 1; fi
	GOOS=js GOARCH=wasm $(GO) test -count=1 -timeout 300s -exec=$(WASM_EXEC) ./wasm/
	$(GO) test -count=1 ./wasm/internal/...
	node --test wasm/test/

bench-wasm: wasm
	GOOS=js GOARCH=wasm $(GO) test -run '^$$' -bench . -benchtime 2s -exec=$(WASM_EXEC) ./wasm/
	node wasm/bench.mjs $(WASM_DIST)
