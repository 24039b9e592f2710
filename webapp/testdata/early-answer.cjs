// Answers claims with web/early.js for TestEarlyAnswerIsTheWidgets: the
// table's path is the argument; each stdin line is the facts of one claim
// (JSON), each stdout line its answer's digest (or, with --full, the
// answer), written as the Go test writes the widget's (earlyCanon in
// early_table_test.go).
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
require(path.join(__dirname, "..", "web", "early.js"));
const early = globalThis.rmacheckEarly.prepare(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
const canon = (a) => {
  if (a === null) return "none";
  if (a.engine) return "engine";
  const contacts = a.contacts.map((c) => [c.type, c.href, c.label, c.short].join("\x1f"));
  const checklist = a.checklist.map((c) => [c.cls, c.kind, c.label, c.mark].join("\x1f"));
  return [a.route, a.kind, a.status, a.headline, a.eligible ? "1" : "0", a.dates.join("\x1f"), contacts.join("\x1d"),
    checklist.join("\x1d"), a.steps.join("\x1f"), a.notes.join("\x1f"), a.source].join("\x1e");
};
// fnv is a 64-bit digest of a canonical answer, as two 32-bit FNV-1a of
// its UTF-16 code units (earlyDigest in Go): the long answers (steps,
// notes) would otherwise be most of the test's time. With --full, the
// answer itself, for the cases that differ.
const full = process.argv.includes("--full");
const fnv = (str) => {
  let a = 0x811c9dc5, b = 0x050c5d1f;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
};
let out = [];
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  const c = canon(globalThis.rmacheckEarly.answer(early, JSON.parse(line)));
  out.push(full ? JSON.stringify(c) : fnv(c));
  if (out.length >= 1000) {
    process.stdout.write(out.join("\n") + "\n");
    out = [];
  }
});
rl.on("close", () => {
  if (out.length) process.stdout.write(out.join("\n") + "\n");
});
