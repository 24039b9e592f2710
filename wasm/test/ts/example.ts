// A shop's TypeScript, against the installed package: npm.test.mjs
// type-checks it with tsc, runs it with Node and reads what it prints.
// Each @ts-expect-error line must be a type error, or tsc fails: the types
// reject what the API rejects.
import RMACheck, { init, type Claim, type Decision, type RMACheckError } from "@micromedia/rmacheck";

const api = await RMACheck.init();
if ((await init()) !== api) throw new Error("init gave another API");

const claim: Claim = { brand: "Acer", category: "laptop", purchaseDate: "2026-01-15", claimDate: "2026-03-10" };
const d: Decision = api.evaluate(claim, { lang: "fr", audience: "consumer" });
const route: Decision["route"] = d.route;
const doaUntil: string | null = d.deadlines.doaUntil;
const byLang: Decision = api.evaluate(JSON.stringify(claim), "nl");

let field = "none";
try {
  api.evaluate({ ...claim, purchaseDate: "2026-02-30" });
} catch (err) {
  field = (err as RMACheckError).field;
}

// Type-checked, never called.
export function typeErrors() {
  // @ts-expect-error: not a category
  const badCategory: Claim = { brand: "Acer", category: "toaster" };
  // @ts-expect-error: brand is required
  const noBrand: Claim = { category: "laptop" };
  // @ts-expect-error: claims have no such key
  const unknownKey: Claim = { brand: "Acer", colour: "red" };
  // @ts-expect-error: not a language
  api.categories("de");
  // @ts-expect-error: not an audience
  api.evaluate(claim, { audience: "shop" });
  // @ts-expect-error: not an option
  api.evaluate(claim, { language: "fr" });
  // @ts-expect-error: route is a closed vocabulary
  const badRoute: Decision["route"] = "teleport";
  // @ts-expect-error: a decision's brand may be null
  const brandName: string = d.brand.name;
  return [badCategory, noBrand, unknownKey, badRoute, brandName];
}

console.log(JSON.stringify({
  route, lang: d.lang, doaUntil, nl: byLang.lang, field,
  match: api.lookup("hyprex", 1)[0].id,
  category: api.categories("en")[0].id,
  brands: api.brands().length > 0,
  guideDate: api.guideDate,
}));
