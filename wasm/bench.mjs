// bench.mjs: figures for the JavaScript API (make bench-wasm).
//
//   node wasm/bench.mjs [dist-dir]
//
// - size: raw, gzip -9 and brotli -q 11 bytes of rmacheck.wasm (make wasm
//   writes the .gz and .br);
// - evaluate: median µs per call over the claims of sdk/testdata/cases.json,
//   JS↔Go crossing, JSON.stringify and JSON.parse included;
// - JS share: evaluate's JavaScript side alone (no Go), the floor that Go's
//   work under WebAssembly adds to;
// - questions: the same, for consumers;
// - start-up: ms from RMACheck.init() to the first decision, in a fresh Node
//   process each run, median of 10.
//
// Figures, not pass/fail: the goals (≤ 1.1 MB brotli, ≤ 20 and ≤ 8 µs) are printed
// beside them.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { resolve } from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(process.argv[2] ?? resolve(root, "dist"));
const cases = JSON.parse(readFileSync(resolve(root, "sdk/testdata/cases.json"), "utf8"));
const firstClaim = { brand: "Acer", category: "laptop", purchaseDate: "2026-01-15", claimDate: "2026-03-10" };

if (process.argv[3] === "--startup-child") {
  const { default: RMACheck } = await import(pathToFileURL(resolve(dist, "rmacheck.mjs")));
  const t0 = performance.now();
  const api = await RMACheck.init({ wasmURL: resolve(dist, "rmacheck.wasm") });
  api.evaluate(firstClaim);
  process.stdout.write(String(performance.now() - t0));
  process.exit(0);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Size.
const size = (ext) => statSync(resolve(dist, "rmacheck.wasm" + ext)).size;
const [raw, gz, br] = ["", ".gz", ".br"].map(size);
console.log(`size       rmacheck.wasm raw ${raw} B, gzip -9 ${gz} B, brotli -q 11 ${br} B` +
  ` (${(br / 1e6).toFixed(3)} MB brotli; goal ≤ 1.1 MB)`);

// Start-up, each run in a fresh process.
const starts = [];
for (let i = 0; i < 10; i++) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), dist, "--startup-child"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`start-up run failed: ${r.stderr}`);
  starts.push(Number(r.stdout));
}
console.log(`start-up   init() to first decision: median ${median(starts).toFixed(0)} ms` +
  ` (min ${Math.min(...starts).toFixed(0)}, max ${Math.max(...starts).toFixed(0)}; 10 fresh Node processes)`);

// evaluate.
const { default: RMACheck } = await import(pathToFileURL(resolve(dist, "rmacheck.mjs")));
const api = await RMACheck.init({ wasmURL: resolve(dist, "rmacheck.wasm") });
const round = () => {
  for (const c of cases) api.evaluate(c.claim, c.lang);
};
for (let i = 0; i < 300; i++) round(); // let V8 tier up the hot code
const samples = [];
const rounds = 40;
for (let s = 0; s < 25; s++) {
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) round();
  samples.push(((performance.now() - t0) * 1000) / (rounds * cases.length));
}
console.log(`evaluate   median ${median(samples).toFixed(1)} µs per call` +
  ` (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)};` +
  ` ${cases.length} claims of sdk/testdata/cases.json, 25 samples of ${rounds} rounds; goals ≤ 20 µs, ≤ 8 µs of issue 31)`);

// The JavaScript side's own share, without Go: the same claims and the
// same decisions through JSON.stringify, TextEncoder, TextDecoder and
// JSON.parse, as evaluate moves them. What is left of evaluate is Go's
// work under WebAssembly and the call into it.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const scratch = new Uint8Array(64 << 10);
const decided = cases.map((c) => encoder.encode(JSON.stringify(api.evaluate(c.claim, c.lang))));
const jsRound = () => {
  for (let i = 0; i < cases.length; i++) {
    encoder.encodeInto(JSON.stringify(cases[i].claim), scratch);
    JSON.parse(decoder.decode(decided[i]));
  }
};
for (let i = 0; i < 300; i++) jsRound();
const jsSamples = [];
for (let s = 0; s < 25; s++) {
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) jsRound();
  jsSamples.push(((performance.now() - t0) * 1000) / (rounds * cases.length));
}
console.log(`JS share   median ${median(jsSamples).toFixed(1)} µs per call` +
  ` (min ${Math.min(...jsSamples).toFixed(1)}, max ${Math.max(...jsSamples).toFixed(1)}):` +
  ` stringify, encode, decode and parse of the same claims and decisions, no Go;` +
  ` evaluate is ${(median(samples) / median(jsSamples)).toFixed(2)}× it`);

// questions: the same claims, for consumers (issue 18; a figure, no goal).
const qround = () => {
  for (const c of cases) api.questions(c.claim, { audience: "consumer" });
};
for (let i = 0; i < 300; i++) qround();
const qsamples = [];
for (let s = 0; s < 25; s++) {
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) qround();
  qsamples.push(((performance.now() - t0) * 1000) / (rounds * cases.length));
}
console.log(`questions  median ${median(qsamples).toFixed(1)} µs per call` +
  ` (min ${Math.min(...qsamples).toFixed(1)}, max ${Math.max(...qsamples).toFixed(1)};` +
  ` ${cases.length} claims of sdk/testdata/cases.json, for consumers, 25 samples of ${rounds} rounds)`);
