// Bad input through the JavaScript API: every argument a caller can pass
// that is not what the API takes throws an Error with field (load: pointer
// and problems) and a one-line message that says what is wrong, and the next
// call still answers.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const { default: RMACheck } = await import(new URL("../../dist/rmacheck.mjs", import.meta.url));

let api;
before(async () => {
  api = await RMACheck.init();
});

const acer = { brand: "Acer", category: "laptop", purchaseDate: "2026-01-15", claimDate: "2026-03-10" };
const circular = { ...acer };
circular.self = circular;
const deep = (n) => {
  let o = {};
  for (let i = 0; i < n; i++) o = { a: o };
  return o;
};
const throwing = (what) => Object.defineProperty({ ...acer }, "model", {
  enumerable: true,
  get() { throw what; },
});

// [name, call, field, message]
const evaluateCases = [
  ["BigInt value", () => api.evaluate({ ...acer, purchaseDate: 20260115n }), "",
    'claim: cannot be written as JSON: a BigInt at "/purchaseDate"'],
  ["BigInt deep inside", () => api.evaluate({ ...acer, extra: [1, { n: 2n }] }), "",
    'claim: cannot be written as JSON: a BigInt at "/extra/1/n"'],
  ["BigInt object", () => api.evaluate(Object(1n)), "", "claim: cannot be written as JSON: a BigInt at the top level"],
  ["BigInt as the claim", () => api.evaluate(1n), "", "claim: cannot be written as JSON: a BigInt at the top level"],
  ["circular object", () => api.evaluate(circular), "", 'claim: cannot be written as JSON: a circular reference at "/self"'],
  ["circular array", () => { const a = [acer]; a.push(a); return api.evaluate({ ...acer, a }); }, "",
    'claim: cannot be written as JSON: a circular reference at "/a/1"'],
  ["throwing getter", () => api.evaluate(throwing(new Error("no model"))), "",
    'claim: cannot be written as JSON: reading "/model" threw "no model"'],
  ["getter throwing a multi-line message", () => api.evaluate(throwing(new Error("line one\nline two"))), "",
    'claim: cannot be written as JSON: reading "/model" threw "line one"'],
  ["getter throwing a long message", () => api.evaluate(throwing("x".repeat(100))), "",
    `claim: cannot be written as JSON: reading "/model" threw "${"x".repeat(64)}"…`],
  ["getter throwing a bidi override", () => api.evaluate(throwing("a\u202eb")), "",
    'claim: cannot be written as JSON: reading "/model" threw "a\\u202eb"'],
  ["getter throwing a value that cannot be shown", () => api.evaluate(throwing({ toString() { throw 1; } })), "",
    'claim: cannot be written as JSON: reading "/model" threw "a value that cannot be shown"'],
  ["key with a slash and a tilde", () => api.evaluate({ ...acer, "a/~b": 1n }), "",
    'claim: cannot be written as JSON: a BigInt at "/a~1~0b"'],
  ["throwing toJSON", () => api.evaluate({ toJSON() { throw new Error("nope"); } }), "",
    'claim: cannot be written as JSON: toJSON of the top level threw "nope"'],
  ["Proxy that throws", () => api.evaluate(new Proxy({}, { ownKeys() { throw new Error("no keys"); } })), "",
    'claim: cannot be written as JSON: "no keys"'],
  ["nesting deeper than the stack", () => api.evaluate(deep(1e5)), "",
    'claim: cannot be written as JSON: "Maximum call stack size exceeded"'],
  ["claim over 64 KB", () => api.evaluate({ ...acer, defectDescription: "x".repeat(64 << 10) }), "",
    "claim: too large: more than 64 KB (65536 bytes)"],
  ["claim over 64 KB in UTF-8, under in characters", () => api.evaluate({ ...acer, defectDescription: "é".repeat(33000) }), "",
    "claim: too large: more than 64 KB (65536 bytes)"],
  ["50 MB claim as text", () => api.evaluate(JSON.stringify({ ...acer, defectDescription: "x".repeat(50e6) })), "",
    "claim: too large: more than 64 KB (65536 bytes)"],
  ["lang boolean", () => api.evaluate(acer, true), "lang", "claim: lang: want a string, got boolean"],
  ["lang BigInt", () => api.evaluate(acer, 1n), "lang", "claim: lang: want a string, got bigint"],
  ["lang Symbol", () => api.evaluate(acer, Symbol("fr")), "lang", "claim: lang: want a string, got symbol"],
  ["lang function", () => api.evaluate(acer, () => "fr"), "lang", "claim: lang: want a string, got function"],
  ["lang array", () => api.evaluate(acer, ["fr"]), "lang", "claim: lang: want a string, got object"],
  ["lang number", () => api.evaluate(acer, 2), "lang", 'claim: lang: unknown value "2" (want one of fr, nl, en)'],
  ["lang unknown, long", () => api.evaluate(acer, "d".repeat(80)), "lang",
    `claim: lang: unknown value "${"d".repeat(64)}"… (want one of fr, nl, en)`],
  ["options lang boolean", () => api.evaluate(acer, { lang: false }), "lang", "claim: lang: want a string, got boolean"],
  ["options lang unknown", () => api.evaluate(acer, { lang: "de" }), "lang", 'claim: lang: unknown value "de" (want one of fr, nl, en)'],
  ["options audience unknown", () => api.evaluate(acer, { audience: "shop" }), "audience",
    'claim: audience: unknown value "shop" (want one of reseller, consumer)'],
  ["options audience empty", () => api.evaluate(acer, { audience: "" }), "audience",
    'claim: audience: unknown value "" (want one of reseller, consumer)'],
  ["options audience number", () => api.evaluate(acer, { audience: 1 }), "audience", "claim: audience: want a string, got number"],
  ["options audience BigInt", () => api.evaluate(acer, { audience: 1n }), "audience", "claim: audience: want a string, got bigint"],
  ["options unknown key", () => api.evaluate(acer, { language: "fr" }), "",
    'claim: options: unknown key "language" (want lang, audience)'],
  ["options throwing getter", () => api.evaluate(acer, { get lang() { throw new Error("no"); } }), "",
    'claim: options: reading them threw "no"'],
];

const otherCases = [
  ["lookup query BigInt", () => api.lookup(1n), "query", "lookup: query: want a string, got bigint"],
  ["lookup query object", () => api.lookup({}), "query", "lookup: query: want a string, got object"],
  ["lookup limit BigInt", () => api.lookup("acer", 3n), "limit", "lookup: limit: want a whole number of 1 or more, got bigint"],
  ["lookup limit NaN", () => api.lookup("acer", NaN), "limit", "lookup: limit: want a whole number of 1 or more, got NaN"],
  ["categories lang BigInt", () => api.categories(3n), "lang", "categories: lang: want a string, got bigint"],
  ["categories lang array", () => api.categories(["fr"]), "lang", "categories: lang: want a string, got object"],
  ["categories audience number", () => api.categories({ lang: "fr", audience: 2 }), "audience", "categories: audience: want a string, got number"],
];

for (const [name, call, field, message] of [...evaluateCases, ...otherCases]) {
  test(name, () => {
    assert.throws(call, (err) => {
      assert.ok(err instanceof Error, "an Error");
      assert.equal(err.message, message);
      assert.equal(err.field, field);
      assert.doesNotMatch(err.message, /[\n\r]/, "one line");
      return true;
    });
    assert.equal(api.evaluate(acer).brand.id, "acer", "the next call answers");
  });
}

// [name, brandsJSON, message]
const loadCases = [
  ["BigInt", { format: 1n }, '/: cannot be written as JSON: a BigInt at "/format"'],
  ["circular", circular, '/: cannot be written as JSON: a circular reference at "/self"'],
  ["throwing getter", throwing(new Error("gone")), '/: cannot be written as JSON: reading "/model" threw "gone"'],
  ["over 16 MB", "x".repeat((16 << 20) + 1), "/: too large: more than 16 MB (16777216 bytes)"],
];

for (const [name, data, message] of loadCases) {
  test(`load: ${name}`, () => {
    const before = api.guideDate;
    assert.throws(() => api.load(data), (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.message, message);
      assert.equal(err.pointer, "");
      assert.deepStrictEqual(err.problems, [{ pointer: "", message: message.slice("/: ".length) }]);
      return true;
    });
    assert.equal(api.guideDate, before);
    assert.equal(api.evaluate(acer).brand.id, "acer", "the next call answers");
  });
}

test("a claim of exactly 64 KB is read; one byte more is not", () => {
  const base = JSON.stringify({ ...acer, defectDescription: "" });
  const fill = (n) => JSON.stringify({ ...acer, defectDescription: "x".repeat(n - base.length) });
  assert.equal(new TextEncoder().encode(fill(64 << 10)).length, 64 << 10);
  assert.equal(api.evaluate(fill(64 << 10)).brand.id, "acer");
  assert.throws(() => api.evaluate(fill((64 << 10) + 1)), { field: "", message: "claim: too large: more than 64 KB (65536 bytes)" });
});

test("a lone surrogate reaches the SDK as the escape it stands for, not as U+FFFD", () => {
  // TextEncoder would write U+FFFD; the SDK must see \ud800 and decide on it.
  const outcome = (claim) => {
    try {
      return api.evaluate(claim);
    } catch (err) {
      return { message: err.message, field: err.field };
    }
  };
  const escaped = outcome('{"brand":"Acer\\ud800","claimDate":"2026-03-10"}');
  assert.deepStrictEqual(outcome('{"brand":"Acer\ud800","claimDate":"2026-03-10"}'), escaped);
  assert.deepStrictEqual(outcome({ brand: "Acer\ud800", claimDate: "2026-03-10" }), escaped);
  assert.deepStrictEqual(outcome('{"brand":"Acer\udc00","claimDate":"2026-03-10"}'),
    outcome('{"brand":"Acer\\udc00","claimDate":"2026-03-10"}'));
  // A well-formed pair is left alone.
  assert.equal(api.evaluate('{"brand":"Acer","model":"\ud83d\ude00","claimDate":"2026-03-10"}').brand.id, "acer");
});

test("evaluate takes {lang, audience}; a language alone still works", () => {
  assert.equal(api.evaluate(acer, { lang: "fr" }).lang, "fr");
  const forConsumer = api.evaluate(acer, { lang: "nl", audience: "consumer" });
  assert.equal(forConsumer.audience, "consumer");
  assert.equal(forConsumer.lang, "nl");
  assert.equal(forConsumer.route, api.evaluate(acer, "nl").route, "the audience changes the words, not the route");
  assert.equal(api.evaluate(acer, "nl").audience, "reseller");
  assert.deepStrictEqual(api.evaluate(acer, { audience: "reseller" }), api.evaluate(acer));
  assert.deepStrictEqual(api.evaluate(acer, {}), api.evaluate(acer, "en"));
  assert.deepStrictEqual(api.evaluate(acer, { lang: undefined, audience: null }), api.evaluate(acer));
});

test("after a large load and a large result, calls still answer", () => {
  // 1,000 brands with long aliases: brands() is over 256 KB, more than the
  // module keeps in its output buffer, so it comes back by the other path.
  const file = JSON.parse(readFileSync(new URL("../../brands.json", import.meta.url), "utf8"));
  const original = JSON.stringify(file);
  for (let i = 0; i < 1000; i++) {
    file.brands.push({
      id: `generated-${i}`, name: `Generated ${i}`, special: false, sectionDigest: `sha256:${"0".repeat(64)}`, contacts: [],
      aliases: Array.from({ length: 4 }, (_, k) => `Generated ${i} alias ${k} ${"z".repeat(50)}`),
    });
  }
  const text = JSON.stringify(file);
  assert.ok(text.length > 256 << 10);
  api.load(text);
  try {
    const listed = api.brands();
    assert.equal(listed.length, file.brands.length);
    assert.ok(JSON.stringify(listed).length > 256 << 10);
    assert.deepStrictEqual(listed.at(-1).aliases, file.brands.at(-1).aliases);
    assert.equal(api.evaluate({ ...acer, brand: "Generated 999" }).brand.id, "generated-999");
    assert.equal(api.lookup("generated 5", 1)[0].id, "generated-5");
  } finally {
    api.load(original);
  }
  assert.equal(api.evaluate({ ...acer, brand: "Generated 999" }).route, "unknown-brand");
  assert.equal(api.brands().length, file.brands.length - 1000);
});
