// The npm package in dist/ (make wasm) as a shop gets it: npm pack, install
// the tarball in a fresh project, type-check a TypeScript example against
// the installed types with tsc, then run it with Node. make test-wasm
// installs the pinned typescript in wasm/.tools first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const path = (p) => fileURLToPath(new URL(p, import.meta.url));
const dist = path("../../dist/");
const tsc = path("../.tools/node_modules/.bin/tsc");
// The ```ts blocks a shop's developer pastes from the docs (docs_test.go
// checks that no other file has one). Each goes into the project as it is,
// with the example's asset path pointing at the installed wasm.
const docBlocks = ["docs/javascript.md", "docs/embedding.md", "wasm/npm/README.md"].flatMap((f) =>
  [...readFileSync(path("../../" + f), "utf8").matchAll(/^```ts\n(.*?)^```/gms)].map((m, i) =>
    ({ name: `doc-${f.replace(/\W+/g, "-")}-${i}.ts`, source: m[1] })));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

test("package.json: name, the build's version, exports with types", () => {
  const pkg = JSON.parse(readFileSync(join(dist, "package.json"), "utf8"));
  assert.equal(pkg.name, "@micromedia/rmacheck");
  const build = readFileSync(join(dist, "version"), "utf8").trim();
  if (build === "devel") {
    assert.equal(pkg.version, "2.0.0-devel");
  } else {
    const hash = build.match(/([0-9a-f]{4,40})(-dirty)?$/)[1];
    assert.ok(pkg.version.includes("g" + hash), `${pkg.version} names commit ${hash}`);
  }
  assert.match(pkg.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/, "a semantic version");
  assert.ok(Number(pkg.version.split(".")[0]) >= 2, `${pkg.version}: major 2 or later (init sets no global)`);
  assert.deepStrictEqual(pkg.exports["."], { types: "./rmacheck.d.ts", default: "./rmacheck.mjs" });
  assert.deepStrictEqual(pkg.exports["./embed"], { types: "./embed.d.ts" });
  for (const f of pkg.files) assert.ok(existsSync(join(dist, f)), `${f} is in dist/`);
});

test("the packed package installs, type-checks and runs in a fresh TypeScript project", { timeout: 180_000 }, async () => {
  assert.ok(existsSync(tsc), `${tsc} is missing: make test-wasm installs typescript`);
  const dir = mkdtempSync(join(tmpdir(), "rmacheck-npm-"));
  try {
    const tarball = run("npm", ["pack", "--silent", "--pack-destination", dir, dist], dir).trim().split("\n").at(-1);
    const listed = run("tar", ["-tzf", join(dir, tarball)], dir).split("\n").filter(Boolean).sort();
    assert.deepStrictEqual(listed, ["package/README.md", "package/embed.d.ts", "package/package.json", "package/rmacheck.d.ts",
      "package/rmacheck.mjs", "package/rmacheck.wasm", "package/wasm_exec.js"], "only the package's files");

    const project = join(dir, "shop");
    run("mkdir", ["-p", project], dir);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "shop", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--offline", join(dir, tarball)], project);
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
      compilerOptions: {
        target: "es2022", lib: ["es2022", "dom"], module: "nodenext", moduleResolution: "nodenext",
        strict: true, outDir: "out", types: [],
      },
      files: ["example.ts", "embed.ts", ...docBlocks.map((b) => b.name)],
    }));
    for (const f of ["example.ts", "embed.ts"]) copyFileSync(path("ts/" + f), join(project, f));
    assert.equal(docBlocks.length, 4, "the docs' TypeScript blocks");
    const wasm = join(project, "node_modules/@micromedia/rmacheck/rmacheck.wasm");
    for (const b of docBlocks) writeFileSync(join(project, b.name), b.source.replaceAll("/assets/rmacheck.wasm", wasm));
    try {
      run(tsc, ["-p", "."], project);
    } catch (err) {
      assert.fail(`tsc: ${err.stdout}${err.stderr}`);
    }
    // The docs' blocks that need no page run in Node as pasted: no throw.
    for (const b of docBlocks.filter((b) => !b.source.includes("document."))) {
      const js = "out/" + b.name.replace(/\.ts$/, ".js");
      try {
        assert.match(run("node", [js], project), /\S/, `${b.name} prints what it shows`);
      } catch (err) {
        assert.fail(`${b.name}: ${err.stdout ?? ""}${err.stderr ?? err.message}`);
      }
    }
    const out = JSON.parse(run("node", ["out/example.js"], project));
    // The same calls through dist/ in this process.
    const { default: RMACheck } = await import(new URL("../../dist/rmacheck.mjs", import.meta.url));
    const api = await RMACheck.init();
    const claim = { brand: "Acer", category: "laptop", purchaseDate: "2026-01-15", claimDate: "2026-03-10" };
    const d = api.evaluate(claim, "fr");
    assert.deepStrictEqual(out, {
      route: d.route, lang: "fr", doaUntil: d.deadlines.doaUntil, nl: "nl", field: "purchaseDate",
      match: api.lookup("hyprex", 1)[0].id, category: api.categories("en")[0].id, brands: true, guideDate: api.guideDate,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
