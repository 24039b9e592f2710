// RMACheck.init: failures reject (and a later init can still succeed),
// concurrent calls share one start. Its own file, so its own Node process;
// the tests that make init fail run before the one that makes it succeed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dist = new URL("../../dist/", import.meta.url);
const { RMACheck } = await import(new URL("rmacheck.mjs", dist));

test("init rejects when the module cannot be read or compiled, then can try again", async (t) => {
  const missing = new URL("no-such.wasm", dist);
  const tests = [
    ["file path", fileURLToPath(missing), { code: "ENOENT" }],
    ["file: URL string", missing.href, { code: "ENOENT" }],
    ["URL", missing, { code: "ENOENT" }],
    ["not WebAssembly", new URL("rmacheck.mjs", dist), { name: "CompileError" }],
  ];
  for (const [name, wasmURL, want] of tests) {
    await t.test(name, async () => {
      await assert.rejects(RMACheck.init({ wasmURL }), want);
      assert.equal(globalThis.rmacheck, undefined);
    });
  }
});

test("init rejects when the Go program stops before it is ready", async () => {
  // A stand-in for a broken build: a Go program that panics at once.
  const dir = mkdtempSync(join(tmpdir(), "rmacheck-wasm-init-"));
  try {
    writeFileSync(join(dir, "main.go"), 'package main\n\nfunc main() { panic("not ready") }\n');
    const go = process.env.GO ?? "go";
    const build = spawnSync(go, ["build", "-o", "panics.wasm", "main.go"], {
      cwd: dir, encoding: "utf8", env: { ...process.env, GOOS: "js", GOARCH: "wasm", GOFLAGS: "" },
    });
    assert.equal(build.status, 0, build.stderr);
    await assert.rejects(RMACheck.init({ wasmURL: join(dir, "panics.wasm") }),
      { message: "rmacheck: the Go program exited (code 2) before it was ready" });
    assert.equal(globalThis.rmacheck, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("concurrent inits share one start and give the same API", async () => {
  const wasmURL = fileURLToPath(new URL("rmacheck.wasm", dist));
  const [a, b] = await Promise.all([RMACheck.init({ wasmURL }), RMACheck.init()]);
  assert.equal(a, b);
  assert.equal(globalThis.rmacheck, undefined, "no global");
  assert.equal(a.evaluate({ brand: "Acer", claimDate: "2026-03-10" }).brand.id, "acer");
  assert.deepStrictEqual(
    Object.keys(globalThis).filter((k) => k.startsWith("__rmacheck")), [],
    "the readiness hook is removed",
  );
});
