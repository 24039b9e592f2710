// Answers claims with web/early.js for TestEarlyAnswerIsTheWidgets: the
// table's path is the argument; each stdin line is the facts of one claim
// (JSON), each stdout line its answer, written as the Go test writes the
// widget's (earlyCanon in early_table_test.go).
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
  return [a.route, a.kind, a.status, a.headline, a.eligible ? "1" : "0", a.dates.join("\x1f"), contacts.join("\x1d")].join("\x1e");
};
let out = [];
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  out.push(JSON.stringify(canon(globalThis.rmacheckEarly.answer(early, JSON.parse(line)))));
  if (out.length >= 1000) {
    process.stdout.write(out.join("\n") + "\n");
    out = [];
  }
});
rl.on("close", () => {
  if (out.length) process.stdout.write(out.join("\n") + "\n");
});
