// The module sets no global: window.rmacheck is the widget's embed queue
// (embed.js). A page's own globalThis.rmacheck is left as it is, and a page
// without one gets none. Its own file, so its own Node process (the API is
// set up once per process).
import { test } from "node:test";
import assert from "node:assert/strict";

const { default: RMACheck } = await import(new URL("../../dist/rmacheck.mjs", import.meta.url));

test("init keeps a page's own globalThis.rmacheck (embed.js's queue)", async () => {
  const queue = [() => {}];
  globalThis.rmacheck = queue;
  const api = await RMACheck.init();
  assert.equal(globalThis.rmacheck, queue);
  assert.equal(api.evaluate({ brand: "Acer", claimDate: "2026-03-10" }).brand.id, "acer");
  assert.equal(await RMACheck.init(), api);
  delete globalThis.rmacheck;
  assert.equal(await RMACheck.init(), api);
  assert.equal(globalThis.rmacheck, undefined, "init sets no global");
});
