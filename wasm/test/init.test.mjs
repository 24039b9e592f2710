// RMACheck.init: failures reject (and a later init can still succeed),
// concurrent calls share one start. Its own file, so its own Node process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

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

test("concurrent inits share one start and give the same API", async () => {
  const wasmURL = fileURLToPath(new URL("rmacheck.wasm", dist));
  const [a, b] = await Promise.all([RMACheck.init({ wasmURL }), RMACheck.init()]);
  assert.equal(a, b);
  assert.equal(globalThis.rmacheck, a);
  assert.equal(a.evaluate({ brand: "Acer", claimDate: "2026-03-10" }).brand.id, "acer");
  assert.deepStrictEqual(
    Object.keys(globalThis).filter((k) => k.startsWith("__rmacheck")), [],
    "the readiness hook is removed",
  );
});
