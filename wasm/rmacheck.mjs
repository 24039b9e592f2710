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

let pending = null; // the one init in progress or done (globalThis.rmacheck is one)
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
    const api = wrap(raw);
    globalThis.rmacheck = api;
    return api;
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
 * @property {(claim: object|string, lang?: "fr"|"nl"|"en") => object} evaluate
 * @property {(query: string, limit?: number) => {id: string, name: string, score: number}[]} lookup
 * @property {() => {id: string, name: string, aliases: string[], special: boolean}[]} brands
 * @property {(lang?: "fr"|"nl"|"en") => {id: string, label: string}[]} categories
 * @property {(brandsJSON: object|string) => void} load
 * @property {string} version
 * @property {string} guideDate
 */

// wrap turns the Go program's raw API (see wasm/bind.go: JSON as UTF-8 bytes
// in two shared Uint8Arrays, Errors returned rather than thrown, since a Go
// function cannot throw) into the public one.
function wrap(raw) {
  const { reserve, evaluate, lookup, brands, categories, load } = raw; // called without this: cheaper
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const langs = new Map([["fr", 1], ["nl", 2], ["en", 3]]);
  const result = (n) => {
    if (typeof n === "number") return JSON.parse(decoder.decode(raw.out.subarray(0, n)));
    if (n instanceof Error) throw n;
    return undefined;
  };
  // input puts a JSON argument into raw.in and gives its length. Values that
  // are not strings are stringified first; undefined stays undefined (Go
  // then reports empty input).
  const input = (v) => {
    if (typeof v !== "string") {
      v = JSON.stringify(v);
      if (v === undefined) return undefined;
    }
    if (v.length * 3 > raw.in.length) reserve(v.length * 3);
    return encoder.encodeInto(v, raw.in).written;
  };
  // Known languages cross as numbers; anything else as it is, for Go to
  // word the error (a number as a string, so that 1 is not taken for "fr").
  const lang = (l) => langs.get(l) ?? (typeof l === "number" ? String(l) : l);
  return Object.freeze({
    evaluate: (claim, l) => result(evaluate(input(claim), lang(l), today())),
    lookup: (query, limit) => result(lookup(query, limit)),
    brands: () => result(brands()),
    categories: (l) => result(categories(lang(l))),
    load: (brandsJSON) => result(load(input(brandsJSON))),
    get version() { return raw.version; },
    get guideDate() { return raw.guideDate; },
  });
}

// today is the local calendar day as yyyymmdd, the default claimDate.
function today() {
  const d = new Date();
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

export const RMACheck = Object.freeze({ init });
export default RMACheck;
