// rmacheck.mjs: RMA Check's return rules as a JavaScript API, for browsers
// and Node 20+. Hand-written ES module, no dependencies, no bundler.
//
//   import RMACheck from "./rmacheck.mjs";
//   const api = await RMACheck.init({ wasmURL: "/rmacheck.wasm" });
//   const decision = api.evaluate({ brand: "Acer", purchaseDate: "2026-01-15" }, "fr");
//
// It needs wasm_exec.js (the Go runtime's loader, copied unchanged from the
// Go toolchain) next to it, or already loaded with a <script> tag.
// Nothing here sends claim data anywhere: the only network request is the
// one fetching rmacheck.wasm (and wasm_exec.js when it is not loaded yet).

const here = import.meta.url;
const isNode = typeof process !== "undefined" && process.versions != null && process.versions.node != null;

let pending = null; // the one init in progress or done
let seq = 0;

/**
 * Starts the WebAssembly module once and resolves to the API when the Go
 * runtime is ready. Later calls return the same promise (the options of the
 * first call win); after a failure the next call tries again.
 *
 * @param {object} [options]
 * @param {string|URL} [options.wasmURL] rmacheck.wasm; default: next to this module.
 *   In browsers a relative URL resolves against the page, as with fetch. In Node a
 *   string without a scheme is a file path, relative to the working directory.
 * @param {string|URL} [options.wasmExecURL] wasm_exec.js when globalThis.Go is not defined yet;
 *   default: next to this module.
 * @returns {Promise<RMACheckAPI>}
 */
export function init(options = {}) {
  if (pending == null) {
    pending = start(options);
    pending.catch(() => { pending = null; });
  }
  return pending;
}

async function start({ wasmURL, wasmExecURL } = {}) {
  if (typeof globalThis.Go !== "function") {
    await import(String(await toURL(wasmExecURL ?? new URL("./wasm_exec.js", here))));
    if (typeof globalThis.Go !== "function") {
      throw new Error("rmacheck: wasm_exec.js did not define globalThis.Go");
    }
  }
  const go = new globalThis.Go();
  const instance = await instantiate(await toURL(wasmURL ?? new URL("./rmacheck.wasm", here)), go.importObject);

  // The Go program calls globalThis[hook](raw) once its API is set up, or
  // globalThis[hook](null, message) if it cannot start; if it exits or
  // crashes first, go.run settles and init rejects.
  const hook = `__rmacheckReady${++seq}_${Math.random().toString(36).slice(2)}`;
  go.env = { RMACHECK_READY: hook };
  let exitCode = null;
  go.exit = (code) => { exitCode = code; };
  try {
    const raw = await new Promise((ready, fail) => {
      globalThis[hook] = (raw, message) => (raw ? ready(raw) : fail(new Error(String(message))));
      go.run(instance).then(
        () => fail(new Error(`rmacheck: the Go program exited (code ${exitCode}) before it was ready`)),
        fail,
      );
    });
    // No global: window.rmacheck is the widget's embed queue (embed.js), and
    // one name must mean one thing. Use what init resolves to.
    return wrap(raw, instance.exports);
  } finally {
    delete globalThis[hook];
  }
}

// toURL resolves a URL or, in Node, a file path (relative to the working
// directory). In browsers relative URLs resolve against the page, as fetch does.
async function toURL(u) {
  if (u instanceof URL) return u;
  u = String(u);
  if (/^[a-z][a-z0-9+.-]+:/i.test(u)) return new URL(u); // has a scheme (not a drive letter)
  if (isNode) {
    const [{ pathToFileURL }, { resolve }] = await Promise.all([import("node:url"), import("node:path")]);
    return pathToFileURL(resolve(u));
  }
  return new URL(u, globalThis.document?.baseURI ?? globalThis.location?.href ?? here);
}

async function instantiate(url, importObject) {
  if (isNode && url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return (await WebAssembly.instantiate(await readFile(url), importObject)).instance;
  }
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`rmacheck: fetching ${url}: HTTP ${resp.status}`);
  if (typeof WebAssembly.instantiateStreaming === "function" &&
      (resp.headers.get("Content-Type") ?? "").startsWith("application/wasm")) {
    return (await WebAssembly.instantiateStreaming(resp, importObject)).instance;
  }
  return (await WebAssembly.instantiate(await resp.arrayBuffer(), importObject)).instance;
}

/**
 * @typedef {object} RMACheckAPI
 * @property {(claim: object|string, options?: "fr"|"nl"|"en"|{lang?: "fr"|"nl"|"en", audience?: "consumer"|"reseller"}) => object} evaluate
 * @property {(claim: object|string, options?: "fr"|"nl"|"en"|{lang?: "fr"|"nl"|"en", audience?: "consumer"|"reseller"}) => object|null} questions
 * @property {(query: string, limit?: number) => {id: string, name: string, score: number}[]} lookup
 * @property {() => {id: string, name: string, aliases: string[], special: boolean}[]} brands
 * @property {(options?: "fr"|"nl"|"en"|{lang?: "fr"|"nl"|"en", audience?: "reseller"|"consumer"}) => {id: string, label: string}[]} categories
 * @property {(brandsJSON: object|string) => void} load
 * @property {string} version
 * @property {string} guideDate
 */

// wrap turns the Go program's raw API (see wasm/bind.go: JSON as UTF-8 bytes
// in two shared Uint8Arrays, Errors returned rather than thrown, since a Go
// function cannot throw) into the public one. Every bad argument throws an
// Error with field (or, for load, pointer and problems), and never reaches
// Go in a form it cannot read (a BigInt would stop the Go program).
// evaluate first takes the module's direct exports (wasm/export.go), a
// plain call instead of a wake of the Go scheduler; anything but a decision
// there goes the raw way, which words the error.
function wrap(raw, exports) {
  const { reserve, evaluate, questions, lookup, brands, categories, load } = raw; // called without this: cheaper
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const langs = new Map([["fr", 1], ["nl", 2], ["en", 3]]);
  const result = (n) => {
    if (typeof n === "number") return JSON.parse(decoder.decode(raw.out.subarray(0, n)));
    if (typeof n === "string") return JSON.parse(n); // a large result: out keeps its size
    if (n instanceof Error) throw n;
    return undefined;
  };
  // input puts a JSON argument of at most limit bytes into raw.in and gives
  // its length, or limit + 1 for a larger one: Go then rejects it by size
  // before copying, and raw.in never grows past what the limit needs.
  // Values that are not strings are stringified first; undefined stays
  // undefined (Go then reports empty input). It throws a string that says
  // why a value cannot be JSON.
  const input = (v, limit) => {
    if (typeof v !== "string") {
      v = stringify(v);
      if (v === undefined) return undefined;
    } else if (!isWellFormed(v)) {
      // TextEncoder would turn a lone surrogate into U+FFFD, silently: as an
      // escape, the Go side sees it and names the field.
      v = v.replace(loneSurrogates, (c) => "\\u" + c.charCodeAt(0).toString(16));
    }
    if (v.length > limit) return limit + 1; // UTF-8 has at least one byte per UTF-16 unit
    const most = v.length * 3; // and at most three
    if (most <= limit) {
      if (most > raw.in.length) reserve(most);
      return encoder.encodeInto(v, raw.in).written;
    }
    // It may be over: encode at most limit + 1 bytes to tell.
    if (limit + 1 > raw.in.length) reserve(limit + 1);
    const { read, written } = encoder.encodeInto(v, raw.in.subarray(0, limit + 1));
    return read < v.length ? limit + 1 : written;
  };
  const claimInput = (v) => {
    try {
      return input(v, raw.maxClaimBytes);
    } catch (why) {
      throw fieldError("", `claim: cannot be written as JSON: ${reason(why)}`);
    }
  };
  const brandsInput = (v) => {
    try {
      return input(v, raw.maxBrandsBytes);
    } catch (why) {
      const message = `cannot be written as JSON: ${reason(why)}`;
      const err = new Error("/: " + message);
      err.pointer = "";
      err.problems = [{ pointer: "", message }];
      throw err;
    }
  };
  // Known languages cross as numbers; anything else as it is, for Go to
  // word the error (a number as a string, so that 1 is not taken for "fr").
  const lang = (l, name) => {
    const n = langs.get(l);
    if (n !== undefined) return n;
    if (typeof l === "number") return String(l);
    if (typeof l === "bigint") throw fieldError("lang", `${name}: want a string, got bigint`);
    return l;
  };
  // options is evaluate's second argument, and categories' first: a
  // language, or {lang, audience}. what names the call in errors.
  const options = (o, what = "claim") => {
    if (o === null || typeof o !== "object" || Array.isArray(o)) return [lang(o, `${what}: lang`), undefined];
    let l, audience, unknown;
    try {
      unknown = Object.keys(o).find((k) => k !== "lang" && k !== "audience");
      l = o.lang;
      audience = o.audience;
    } catch (err) {
      throw fieldError("", `${what}: options: reading them threw ${quote(firstLine(err))}`);
    }
    if (unknown !== undefined) {
      throw fieldError("", `${what}: options: unknown key ${quote(unknown)} (want lang, audience)`);
    }
    if (typeof audience === "bigint") throw fieldError("audience", `${what}: audience: want a string, got bigint`);
    return [lang(l, `${what}: lang`), audience];
  };
  const claimString = (v) => {
    if (typeof v === "string") return v;
    try {
      return stringify(v);
    } catch (why) {
      throw fieldError("", `claim: cannot be written as JSON: ${reason(why)}`);
    }
  };
  const direct = typeof exports?.rmacheck_evaluate === "function" ? exports : undefined;
  const audiences = new Map([[undefined, 0], ["reseller", 1], ["consumer", 2]]);
  let memBuffer, memBytes;
  const memory = () => {
    if (direct.mem.buffer !== memBuffer) { // the module's memory grew
      memBuffer = direct.mem.buffer;
      memBytes = new Uint8Array(memBuffer);
    }
    return memBytes;
  };
  // directEvaluate is the decision of claim (a string) by the direct
  // exports, or undefined for the raw API to answer (and word an error).
  const directEvaluate = (claim, l, day, audience) => {
    const a = audiences.get(audience);
    const ln = l === undefined || l === null ? 0 : l;
    if (!direct || a === undefined || !(ln === 0 || ln === 1 || ln === 2 || ln === 3) ||
        typeof claim !== "string" || claim.length * 3 > raw.maxClaimBytes || !isWellFormed(claim)) {
      return undefined;
    }
    const room = claim.length * 3; // UTF-8 takes at most three bytes per UTF-16 unit
    const at = direct.rmacheck_in(room) >>> 0; // an address past 2 GiB comes as a negative int32
    const { written } = encoder.encodeInto(claim, memory().subarray(at, at + room));
    const n = direct.rmacheck_evaluate(written, ln, day ?? 0, a);
    if (n < 0) return undefined;
    const out = direct.rmacheck_out() >>> 0;
    return JSON.parse(decoder.decode(memory().subarray(out, out + n)));
  };
  const plain = (v, field, name) => {
    if (typeof v === "bigint") throw fieldError(field, `${name}: want a string, got bigint`);
    return v;
  };
  return Object.freeze({
    evaluate: (claim, opts) => {
      const [l, audience] = options(opts);
      const day = today();
      claim = claimString(claim);
      return directEvaluate(claim, l, day, audience) ?? result(evaluate(claimInput(claim), l, day, audience));
    },
    questions: (claim, opts) => {
      const [l, audience] = options(opts);
      return result(questions(claimInput(claim), l, today(), audience));
    },
    lookup: (query, limit) => {
      query = plain(query, "query", "lookup: query");
      if (typeof limit === "bigint") throw fieldError("limit", "lookup: limit: want a whole number of 1 or more, got bigint");
      return result(lookup(query, limit));
    },
    brands: () => result(brands()),
    categories: (opts) => {
      const [l, audience] = options(opts, "categories");
      return result(categories(l, audience));
    },
    load: (brandsJSON) => result(load(brandsInput(brandsJSON))),
    get version() { return raw.version; },
    get guideDate() { return raw.guideDate; },
  });
}

// reason is what input threw: stringify's reason, or anything else on one line.
const reason = (why) => (typeof why === "string" ? why : quote(firstLine(why)));

function fieldError(field, message) {
  const err = new Error(message);
  err.field = field;
  return err;
}

const loneSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const isWellFormed = typeof String.prototype.isWellFormed === "function"
  ? (s) => s.isWellFormed()
  : (s) => !loneSurrogates.test(s) || (loneSurrogates.lastIndex = 0, false);

// stringify is JSON.stringify(v), or throws a string that says why v
// cannot be JSON: a BigInt, a circular reference or a property whose getter
// (or toJSON) throws, with the JSON pointer of the value.
function stringify(v) {
  try {
    return JSON.stringify(v);
  } catch (err) {
    throw whyNotJSON(v) ?? quote(firstLine(err));
  }
}

// whyNotJSON walks v as JSON.stringify does and describes the first value
// it cannot write; undefined if it finds none (then JSON.stringify's own
// message is used).
function whyNotJSON(root) {
  const parents = [];
  const path = [];
  const where = () => (path.length === 0 ? "the top level"
    : quote("/" + path.map((k) => String(k).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")));
  const walk = (v) => {
    if (v !== null && (typeof v === "object" || typeof v === "bigint")) {
      let toJSON;
      try {
        toJSON = v.toJSON;
        if (typeof toJSON === "function") v = toJSON.call(v, String(path.at(-1) ?? ""));
      } catch (err) {
        return `toJSON of ${where()} threw ${quote(firstLine(err))}`;
      }
    }
    if (typeof v === "bigint" || v instanceof BigInt) return `a BigInt at ${where()}`;
    if (v === null || typeof v !== "object") return undefined;
    if (parents.includes(v)) return `a circular reference at ${where()}`;
    if (parents.length >= 200) return undefined; // let JSON.stringify's message speak
    parents.push(v);
    const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    for (const k of keys) {
      path.push(k);
      let child;
      try {
        child = v[k];
      } catch (err) {
        return `reading ${where()} threw ${quote(firstLine(err))}`;
      }
      const why = walk(child);
      if (why) return why;
      path.pop();
    }
    parents.pop();
    return undefined;
  };
  try {
    return walk(root);
  } catch {
    return undefined; // a Proxy that throws on ownKeys, for example
  }
}

// firstLine is the message of a thrown value, on one line, whatever was thrown.
function firstLine(err) {
  try {
    return String(err instanceof Error ? err.message : err).split(/\r?\n|\r/)[0];
  } catch {
    return "a value that cannot be shown";
  }
}

// quote is s as a quoted string, cut at 64 characters with "…" and with
// control and bidirectional formatting characters escaped, like the Go
// side's messages (%q), so that a message stays one short line.
function quote(s) {
  const chars = Array.from(s.length > 130 ? s.slice(0, 130) : s); // 65 characters take at most 130 units
  const cut = chars.length > 64;
  const q = JSON.stringify(cut ? chars.slice(0, 64).join("") : s)
    .replace(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
      (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  return cut ? q + "…" : q;
}

// today is the local calendar day as yyyymmdd, the default claimDate.
function today() {
  const d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

export const RMACheck = Object.freeze({ init });
export default RMACheck;
