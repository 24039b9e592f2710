// Types of the widget's embed (embed.js, loaded from the widget's origin):
// the <rma-check> element, its events and the window.rmacheck queue.
//   /// <reference types="@micromedia/rmacheck/embed" />
// or import type { RMACheckEmbed } from "@micromedia/rmacheck/embed".
import type { Audience, Claim, Decision, Lang } from "./rmacheck.js";

/** detail of rmacheck:ready: the widget accepts input. */
export interface RMACheckReadyDetail {
  id: string;
  type: "ready";
  version: string;
  /** The guide's date, YYYY-MM-DD. */
  guideDate: string;
  lang: Lang;
}

/** detail of rmacheck:height: the widget's height changed (the iframe is already resized). */
export interface RMACheckHeightDetail {
  id: string;
  type: "height";
  /** CSS pixels. */
  height: number;
}

/** The facts of the claim that a shop's own return form needs. */
export interface RMACheckEventClaim {
  /** The brand id, or the typed text when the brand is unknown. */
  brand: string;
  category: NonNullable<Claim["category"]>;
  /** YYYY-MM-DD, or null when not given. */
  purchaseDate: string | null;
  claimDate: string;
  route: Decision["route"];
  eligible: boolean;
  missing: Decision["missing"];
}

/** detail of rmacheck:decision: an answer is shown or changes. */
export interface RMACheckDecisionDetail {
  id: string;
  type: "decision";
  decision: Decision;
  claim: RMACheckEventClaim;
  /** The shop's reference of the order line the answer is for (prefill), or null. */
  orderRef: string | null;
  /** The order line's label (prefill), or null. */
  label: string | null;
}

/**
 * What the page knows about the product (docs/embedding.md, "Start from an
 * order"): the claim's own key names, plus the shop's reference of the order
 * line and its label, both opaque to the widget. As attributes of
 * <rma-check> (data-* on <div data-rmacheck>) they are kebab-case: brand,
 * category, model, purchase-date, serial-number, order-ref, label. A fact
 * the widget cannot take gets one console warning naming it; the others
 * still apply, and a fact never overwrites what the person typed.
 */
export interface RMACheckFacts {
  brand?: string;
  category?: NonNullable<Claim["category"]>;
  model?: string;
  /** YYYY-MM-DD, not after today. */
  purchaseDate?: string;
  serialNumber?: string;
  orderRef?: string;
  label?: string;
}

/** The events a widget fires on its <rma-check> or <div data-rmacheck>; they bubble. */
export interface RMACheckEventMap {
  "rmacheck:ready": CustomEvent<RMACheckReadyDetail>;
  "rmacheck:height": CustomEvent<RMACheckHeightDetail>;
  "rmacheck:decision": CustomEvent<RMACheckDecisionDetail>;
}

/** The short names that RMACheckEmbed.on takes. */
export type RMACheckEventType = "ready" | "height" | "decision";

/** The settings: attributes of <rma-check>, data-* attributes of <div data-rmacheck>. */
export interface RMACheckSettings {
  lang?: Lang;
  audience?: Audience;
  /** #rgb, #rrggbb, rgb(r, g, b) or a common colour name. */
  accent?: string;
  /** A font-family list. */
  font?: string;
  /** 0px to 32px. */
  radius?: string;
  mode?: "light" | "dark";
  /** The iframe's accessible title. */
  title?: string;
}

/** <rma-check>: one widget. Its attributes are the settings. */
export interface RMACheckElement extends HTMLElement {
  addEventListener<K extends keyof RMACheckEventMap>(type: K, listener: (this: RMACheckElement, ev: RMACheckEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof RMACheckEventMap>(type: K, listener: (this: RMACheckElement, ev: RMACheckEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** What embed.js gives queued functions, also window.RMACheckEmbed. */
export interface RMACheckEmbed {
  readonly version: 1;
  /** The widget's origin. */
  readonly origin: string;
  /** Mounts the <div data-rmacheck> elements under root (default: the document) now; returns them. */
  scan(root?: ParentNode): Element[];
  /** Calls handler for that event of every widget on the page; returns a function that stops it. */
  on<K extends RMACheckEventType>(type: K, handler: (event: RMACheckEventMap[`rmacheck:${K}`]) => void): () => void;
  /**
   * Gives a widget (its element, or its widget id) the facts the page
   * learnt later: one product's, or a list of an order's lines (as
   * <rma-item> children of <rma-check> do), which the widget lists, each
   * with its answer at a glance, for the person to pick the defective one;
   * a list of one goes straight to its answer. They travel by postMessage
   * to the widget's origin, never in a URL. Facts with another orderRef
   * start a new claim.
   * @throws {TypeError} when no widget matches target, or facts is neither an object nor an array.
   */
  prefill(target: Element | string, facts: RMACheckFacts | readonly RMACheckFacts[]): void;
}

/** A function that embed.js calls with its API once it runs. */
export type RMACheckQueued = (embed: RMACheckEmbed) => void;

/**
 * window.rmacheck: an array of RMACheckQueued before embed.js runs, then an
 * object whose push calls each function at once. Either way, shop code writes:
 *   (window.rmacheck = window.rmacheck || []).push((embed) => embed.on("decision", …));
 */
export interface RMACheckQueue {
  push(...fns: RMACheckQueued[]): number;
}

declare global {
  interface HTMLElementTagNameMap {
    "rma-check": RMACheckElement;
  }
  interface HTMLElementEventMap extends RMACheckEventMap {}
  interface DocumentEventMap extends RMACheckEventMap {}
  interface Window {
    rmacheck?: RMACheckQueued[] | RMACheckQueue;
    RMACheckEmbed?: RMACheckEmbed;
  }
}
