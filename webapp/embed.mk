# Embedding the widget in a shop: the static site (with embed.js) and the
# demo shop's tests. Included by the root Makefile after webapp.mk; the root
# Makefile's serve target serves the site and the demo shop.
SITE_DIR        ?= dist/site
# Origins allowed to frame the widget (CSP frame-ancestors in _headers):
# set it to your resellers' shops, e.g. FRAME_ANCESTORS="https://shop.example".
FRAME_ANCESTORS ?= http://127.0.0.1:8001 http://localhost:8001

.PHONY: site test-embed screenshot-demo

# site: the widget as static files for any web server or CDN, at an origin
# root: go-app's static output (the webapp's -site flag), the hashed wasm
# with .br and .gz, embed.js, brands.json and _headers.
site: webapp-wasm
	rm -rf $(SITE_DIR)
	$(GO) run ./webapp -web webapp/web -site $(SITE_DIR)
	$(GO) run ./webapp/sitegen -dir $(SITE_DIR) -embed webapp/web/embed.js -frame-ancestors "$(FRAME_ANCESTORS)"

# test-embed: the browser tests of embed.js (with a stand-in widget) and of
# the real widget from `make site` output (they skip without Chromium unless
# RMA_E2E=required). The unit tests of webapp/site run in go test ./...
test-embed: site
	$(GO) test -count=1 -tags e2e -timeout 5m ./webapp/demo

TEST_EXTRA += test-embed

# screenshot-demo: docs/screenshots/demo-shop.png, the demo shop after a claim.
screenshot-demo: site
	RMA_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -count=1 -tags e2e -run '^TestScreenshotDemoShop$$' -v ./webapp/demo
