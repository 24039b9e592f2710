// The API of rmacheck.mjs. wasm/internal/npmpkg puts Claim and Decision,
// generated from schema/*.json, before this part of rmacheck.d.ts.

/** A language of the guide's texts. */
export type Lang = Decision["lang"];

/**
 * Who reads the decision: "consumer" (the product's owner) or "reseller"
 * (shop staff).
 */
export type Audience = Decision["audience"];

/** evaluate's second argument in full. */
export interface EvaluateOptions {
  /** @default "en" */
  lang?: Lang;
  /** @default "reseller" */
  audience?: Audience;
}

/**
 * What a form must ask for one brand and kind of product: the facts that can
 * change the decision (questions). A fact left false needs no question.
 */
export interface Questions {
  /** A rule looks at the model (Ecoflow's 5-year models). */
  model: boolean;
  /** The route depends on the days since purchase (DOA windows). */
  purchaseDate: boolean;
  /** A rule asks whether the brand's support was contacted. */
  support: boolean;
  /** A rule asks whether a spare part was tried. */
  spareParts: boolean;
  /** Every requirement an answer can ask for; for consumers, only theirs. */
  requires: Decision["missing"];
  /** The kind of product the brand's name says ("Razer Blade": "laptop"); the form need not ask it. */
  category?: NonNullable<Claim["category"]>;
}

/** A brand that a lookup query probably means. */
export interface Match {
  id: string;
  name: string;
  /** Higher is closer. */
  score: number;
}

/** A brand of the loaded guide. */
export interface BrandInfo {
  id: string;
  name: string;
  aliases: string[];
  /** Marked with * in the guide: return rules that differ from the standard procedure. */
  special: boolean;
}

/** A product category with its label in one language. */
export interface CategoryLabel {
  id: NonNullable<Claim["category"]>;
  label: string;
}

/**
 * What evaluate, lookup and categories throw for a bad argument or an
 * invalid claim. message is one line, the one the CLI prints.
 */
export interface RMACheckError extends Error {
  /** The claim key or argument at fault; "" when no one field is. */
  field: string;
}

/** What load throws for a brands.json that it does not take. */
export interface RMACheckLoadError extends Error {
  /** JSON pointer of the first problem; "" for the whole file. */
  pointer: string;
  /** Every problem found, in document order. */
  problems: { pointer: string; message: string }[];
}

export interface RMACheckAPI {
  /**
   * Decides one claim, given as an object or as JSON text of at most 64 KB.
   * A missing claimDate means today, in the local time zone.
   * @param options the language of the text ("en" when absent), or {lang, audience}.
   * @throws {RMACheckError} for an invalid claim or argument.
   */
  evaluate(claim: Claim | string, options?: Lang | EvaluateOptions): Decision;
  /**
   * Which facts a form must ask for the claim's brand and kind of product,
   * as the Go SDK's Questions: ask only these. null when the guide does not
   * know the brand, or when a name several brands share ("Sony") needs the
   * kind to say which: ask for the brand (or the kind) again.
   * @throws {RMACheckError} for a claim evaluate would refuse.
   */
  questions(claim: Claim | string, options?: Lang | EvaluateOptions): Questions | null;
  /**
   * The brands query probably means, best first, typo tolerant.
   * @param limit at most this many; 10 when absent.
   * @throws {RMACheckError} for a limit that is not a whole number of 1 or more.
   */
  lookup(query: string, limit?: number): Match[];
  /** Every brand of the loaded guide. */
  brands(): BrandInfo[];
  /**
   * The product categories, labelled in lang ("en" when absent), for the
   * audience: consumers read their own words where the guide's are the
   * shop's ("Download or activation code" for "Digital software (ESD/POSA)").
   * @throws {RMACheckError} for an unknown language or audience.
   */
  categories(options?: Lang | EvaluateOptions): CategoryLabel[];
  /**
   * Replaces the rules with a brands.json (an object, or text of at most
   * 16 MB) after its schema check and lint. On failure the previous rules
   * stay in use.
   * @throws {RMACheckLoadError}
   */
  load(brandsJSON: object | string): void;
  /** The commit the module was built from. */
  readonly version: string;
  /** The date of the loaded guide, YYYY-MM-DD. */
  readonly guideDate: string;
}

export interface InitOptions {
  /**
   * rmacheck.wasm; default: next to rmacheck.mjs. In browsers a relative URL
   * resolves against the page; in Node a string without a scheme is a file path.
   */
  wasmURL?: string | URL;
  /** wasm_exec.js when globalThis.Go is not defined yet; default: next to rmacheck.mjs. */
  wasmExecURL?: string | URL;
}

/**
 * Starts the WebAssembly module once and resolves to the API. Later calls
 * return the same promise; after a failure the next call tries again.
 */
export function init(options?: InitOptions): Promise<RMACheckAPI>;

export declare const RMACheck: { readonly init: typeof init };
export default RMACheck;
