// The JavaScript API, through the built module (make wasm, then
// node --test wasm/test/): the same decisions as the Go SDK for every case of
// the SDK's shared fixture, errors that name the field, and load().
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const read = (path) => readFileSync(new URL(path, root), "utf8");
const { default: RMACheck, RMACheck: named } = await import(new URL("dist/rmacheck.mjs", root));

const cases = JSON.parse(read("sdk/testdata/cases.json"));
const golden = JSON.parse(read("sdk/testdata/cases.golden.json"));
const brandsText = read("brands.json");
const brandsFile = JSON.parse(brandsText);

let api;
before(async () => {
  api = await RMACheck.init();
});

test("every case of sdk/testdata/cases.json gives the Go SDK's decision", () => {
  assert.ok(cases.length > 0);
  assert.equal(golden.length, cases.length);
  cases.forEach((c, i) => {
    assert.deepStrictEqual(api.evaluate(c.claim, c.lang), golden[i].reseller, `${c.section}/${c.name}`);
    assert.deepStrictEqual(api.evaluate(c.claim, { lang: c.lang, audience: "reseller" }), golden[i].reseller, `${c.section}/${c.name}`);
    assert.deepStrictEqual(api.evaluate(c.claim, { lang: c.lang, audience: "consumer" }), golden[i].consumer, `${c.section}/${c.name} for consumers`);
  });
});

test("decisions stay right while the module's memory grows (the direct path's view of it is renewed)", () => {
  const c = cases[0];
  const want = api.evaluate(c.claim, c.lang);
  for (let i = 0; i < 3; i++) {
    // Claims near the size limit, and a whole brands.json loaded, make
    // the module allocate, and may grow its memory.
    const big = { ...c.claim, defectDescription: "é".repeat(20000 + i * 5000) };
    assert.equal(api.evaluate(big, c.lang).route, want.route);
    api.load(brandsText);
    assert.deepStrictEqual(api.evaluate(c.claim, c.lang), want);
  }
});

test("a claim as a JSON string gives the same decision as the object", () => {
  cases.forEach((c, i) => {
    assert.deepStrictEqual(api.evaluate(JSON.stringify(c.claim, null, 2), c.lang), golden[i].reseller, c.name);
  });
});

test("decisions are plain objects", () => {
  const d = api.evaluate(cases[0].claim);
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
  assert.ok(Array.isArray(d.contacts));
});

test("lang chooses the language of the text; English by default", () => {
  const claim = { brand: "Acer", category: "laptop", purchaseDate: "2026-01-15", claimDate: "2026-03-10" };
  for (const [lang, want] of [["fr", "fr"], ["nl", "nl"], ["en", "en"], [undefined, "en"]]) {
    assert.equal(api.evaluate(claim, lang).lang, want, String(lang));
  }
  assert.notDeepStrictEqual(api.evaluate(claim, "fr").steps, api.evaluate(claim, "en").steps);
});

function localDay(offsetDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

test("claimDate defaults to the local date", () => {
  // HyperX: dead on arrival within 30 days of purchase, so the day counts.
  const claim = { brand: "HyperX", purchaseDate: localDay(-3), proofOfPurchase: true, defectDescription: "dead" };
  const day = localDay(); // in the unlikely case midnight passes between the two calls, retry
  const got = api.evaluate(claim);
  const want = api.evaluate({ ...claim, claimDate: localDay() === day ? day : localDay() });
  assert.deepStrictEqual(got, want);
  assert.equal(got.doa, true);
  assert.equal(api.evaluate({ ...claim, claimDate: localDay(40) }).doa, false);
  // A purchase today is fine; tomorrow is after the default claimDate.
  api.evaluate({ ...claim, purchaseDate: localDay() });
  assert.throws(() => api.evaluate({ ...claim, purchaseDate: localDay(1) }), { field: "purchaseDate" });
});

// The messages are the Go SDK's: sdk.DecodeClaim / Guide.Evaluate, the
// line `rmacheck evaluate` prints on exit 2 (wasm's Go tests compare them
// with the SDK directly).
test("an invalid claim throws an Error naming the field, with the SDK's message", () => {
  const base = { brand: "Acer", claimDate: "2026-03-10" };
  const tests = [
    ["unknown key", { ...base, colour: "red" }, undefined, "colour", 'claim: "colour": unknown key'],
    ["impossible date", { ...base, purchaseDate: "2026-02-30" }, undefined, "purchaseDate",
      'claim: purchaseDate: "2026-02-30" is not a real day'],
    ["purchase after claim", { ...base, purchaseDate: "2026-03-11" }, undefined, "purchaseDate",
      "claim: purchaseDate: 2026-03-11 is after claimDate 2026-03-10"],
    ["unknown enum", { ...base, support: "maybe" }, undefined, "support",
      'claim: support: unknown value "maybe" (want one of not-contacted, unresolved, return-approved)'],
    ["wrong type", { ...base, photo: "yes" }, undefined, "photo", "claim: photo: want true or false, got string"],
    ["no brand", { claimDate: "2026-03-10" }, undefined, "brand", "claim: brand: required"],
    ["malformed JSON", '{"brand":"Acer","claimDate":"2026-03-10",', undefined, "",
      "claim: malformed JSON: unexpected end of input"],
    ["not an object", [1], undefined, "", "claim: malformed JSON: want an object, got array"],
    ["nothing", undefined, undefined, "", "claim: malformed JSON: empty input"],
    ["unknown language", base, "de", "lang", 'claim: lang: unknown value "de" (want one of fr, nl, en)'],
    ["language as a number", base, 1, "lang", 'claim: lang: unknown value "1" (want one of fr, nl, en)'],
  ];
  for (const [name, claim, lang, field, message] of tests) {
    assert.throws(() => api.evaluate(claim, lang), (err) => {
      assert.ok(err instanceof Error, name);
      assert.equal(err.message, message, name);
      assert.equal(err.field, field, name);
      if (field) assert.ok(err.message.startsWith(`claim: ${field}: `) || err.message.startsWith(`claim: "${field}": `), name);
      return true;
    }, name);
  }
});

test("lookup ranks brands, typo tolerant, at most limit", () => {
  const hits = api.lookup("hyprex", 3);
  assert.equal(hits[0].id, "hyperx");
  assert.deepStrictEqual(Object.keys(hits[0]).sort(), ["id", "name", "score"]);
  assert.equal(typeof hits[0].score, "number");
  assert.equal(api.lookup("ac", 2).length, 2);
  assert.ok(api.lookup("ac").length > 2);
  assert.deepStrictEqual(api.lookup(""), []);
  assert.throws(() => api.lookup("acer", 0), /^Error: lookup: limit: want a whole number of 1 or more, got 0$/);
});

test("brands lists brands.json's brands as {id, name, aliases, special}", () => {
  const want = brandsFile.brands.map((b) => ({ id: b.id, name: b.name, aliases: b.aliases ?? [], special: b.special }));
  assert.deepStrictEqual(api.brands(), want);
});

test("categories are labelled in fr, nl and en", () => {
  for (const lang of ["fr", "nl", "en"]) {
    const got = api.categories(lang);
    assert.ok(got.length > 0);
    for (const { id, label } of got) {
      assert.equal(label, brandsFile.labels.categories[id][lang], `${lang} ${id}`);
    }
  }
  assert.deepStrictEqual(api.categories(), api.categories("en"));
  assert.deepStrictEqual(api.categories({ lang: "nl" }), api.categories("nl"));
  assert.throws(() => api.categories("de"), /unknown value "de"/);
  assert.throws(() => api.categories({ lang: "fr", audience: "shop" }), /categories: audience: unknown value "shop"/);
  assert.throws(() => api.categories({ colour: "red" }), /categories: options: unknown key "colour"/);
});

test("questions: what a form must still ask, as the Go SDK's Questions (issue 18)", () => {
  assert.deepStrictEqual(api.questions({ brand: "Ecoflow" }),
    { model: true, purchaseDate: false, support: false, spareParts: false, requires: ["purchase-date", "proof-of-purchase", "model"] });
  const staff = api.questions({ brand: "Acco", category: "accessory" });
  const consumer = api.questions({ brand: "Acco", category: "accessory" }, { audience: "consumer" });
  assert.ok(staff.requires.includes("bought-from-micromedia"));
  assert.deepStrictEqual(consumer.requires, staff.requires.filter((r) => r !== "bought-from-micromedia"), "consumers are not asked where the shop bought it");
  assert.equal(api.questions({ brand: "Razer Blade" }).category, "laptop", "2 Razer: the alias names the kind");
  assert.equal(api.questions({ brand: "Sennheiser" }).support, true, "1.1: support first");
  assert.equal(api.questions({ brand: "Qwzzyx" }), null, "an unknown brand");
  assert.equal(api.questions({ brand: "Sony" }), null, "a shared name the kind does not settle");
  assert.deepStrictEqual(api.questions({ brand: "Sony", category: "console" }), api.questions({ brand: "PlayStation", category: "console" }));
  assert.deepStrictEqual(api.questions(JSON.stringify({ brand: "Acco", category: "accessory" })), staff, "JSON text too");
  assert.throws(() => api.questions({ brand: "Acco", category: "toaster" }), (err) => err.field === "category");
  assert.throws(() => api.questions({ brand: "Acco" }, { audience: "shop" }), /claim: audience: unknown value "shop"/);
});

test("categories for consumers: their words where the guide's are the shop's (issue 20)", () => {
  for (const lang of ["fr", "nl", "en"]) {
    const staff = api.categories({ lang, audience: "reseller" });
    const consumer = api.categories({ lang, audience: "consumer" });
    assert.deepStrictEqual(consumer.map((c) => c.id), staff.map((c) => c.id));
    for (const [i, { id, label }] of consumer.entries()) {
      const own = brandsFile.audiences.consumer.categories?.[id];
      assert.equal(label, own ? own[lang] : staff[i].label, `${lang} ${id}`);
    }
    assert.doesNotMatch(consumer.find((c) => c.id === "digital-software").label, /ESD|POSA/);
  }
});

// make wasm writes the version it stamps into the module (git describe)
// to dist/version as well.
test("version is the one make wasm stamped; guideDate is the guide's", () => {
  assert.equal(api.version, read("dist/version").trim());
  assert.match(api.version, /^[0-9a-f]{7,}(-dirty)?$|^v\d|^devel$/);
  assert.equal(api.guideDate, brandsFile.guide.date);
});

test("init again gives the same API, and sets no global", async () => {
  assert.equal(await RMACheck.init(), api);
  assert.equal(await named.init({ wasmURL: "ignored: the first init won" }), api);
  assert.equal(globalThis.rmacheck, undefined, "window.rmacheck is the embed queue's name");
  assert.ok(Object.isFrozen(api));
});

const accoClaim = { brand: "Acco", purchaseDate: "2026-01-15", claimDate: "2026-03-10", proofOfPurchase: true, defectDescription: "dead" };

test("load of a broken brands.json throws with the JSON pointer and keeps the data", () => {
  const before = api.evaluate(accoClaim);
  const beforeDate = api.guideDate;
  const schemaBroken = structuredClone(brandsFile);
  schemaBroken.brands[1].rules[0].route = "teleport";
  schemaBroken.guide.date = "2030-01-01";
  const lintBroken = structuredClone(brandsFile);
  lintBroken.brands[2].contacts = [{ type: "website", value: "https://support.acer.com@evil.example/", role: "support" }];
  lintBroken.brands[0].rules = [{ id: "x", source: "2 X", route: "brand-direct" }];
  const tests = [
    ["schema", schemaBroken, "/brands/1/rules/0/route"],
    ["schema, as text", JSON.stringify(schemaBroken), "/brands/1/rules/0/route"],
    ["lint", lintBroken, "/brands/2/contacts/0/value"],
    ["malformed", '{"format": 1,', ""],
    ["not brands.json", { hello: "world" }, ""],
  ];
  for (const [name, data, pointer] of tests) {
    assert.throws(() => api.load(data), (err) => {
      assert.ok(err instanceof Error, name);
      assert.ok(err.message.startsWith((pointer || "/") + ": "), `${name}: ${err.message}`);
      assert.equal(err.pointer, pointer, name);
      assert.ok(err.problems.length >= 1, name);
      assert.equal(err.problems[0].pointer, pointer, name);
      return true;
    }, name);
    assert.equal(api.guideDate, beforeDate, `${name}: guideDate unchanged`);
    assert.deepStrictEqual(api.evaluate(accoClaim), before, `${name}: decision unchanged`);
  }
});

test("load of a valid edited brands.json changes decisions; loading the original restores them", () => {
  const before = api.evaluate(accoClaim);
  assert.equal(before.route, "micromedia-rma");

  const edited = structuredClone(brandsFile);
  const acco = edited.brands.find((b) => b.id === "acco");
  acco.rules = [{ id: "acco-direct", source: "2 Acco", route: "brand-direct" }];
  acco.contacts = [{ type: "email", value: "support@acco.example", role: "support" }];
  edited.brands.push({ id: "newbrand", name: "Newbrand", special: false, sectionDigest: `sha256:${"0".repeat(64)}`, contacts: [] });
  edited.guide.date = "2026-04-01";
  assert.equal(api.load(edited), undefined);

  assert.equal(api.guideDate, "2026-04-01");
  const after = api.evaluate(accoClaim);
  assert.equal(after.route, "brand-direct");
  assert.deepStrictEqual(after.rule, { id: "acco-direct", source: "2 Acco" });
  assert.ok(after.contacts.some((c) => c.value === "support@acco.example"));
  assert.equal(after.guideDate, "2026-04-01");
  assert.equal(api.evaluate({ ...accoClaim, brand: "Newbrand" }).brand.id, "newbrand");
  assert.equal(api.lookup("newbrand", 1)[0].id, "newbrand");

  api.load(brandsText);
  assert.equal(api.guideDate, brandsFile.guide.date);
  assert.deepStrictEqual(api.evaluate(accoClaim), before);
  assert.equal(api.evaluate({ ...accoClaim, brand: "Newbrand" }).route, "unknown-brand");
});
