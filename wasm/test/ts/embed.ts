// A shop's TypeScript for the widget's embed, against the installed
// package's embed types: npm.test.mjs type-checks it (it needs a DOM, so it
// is not run). Each @ts-expect-error line must be a type error.
import type { RMACheckEmbed, RMACheckEventClaim } from "@micromedia/rmacheck/embed";

export function shop(): void {
  (window.rmacheck = window.rmacheck || []).push((embed: RMACheckEmbed) => {
    const stop: () => void = embed.on("decision", (e) => {
      const claim: RMACheckEventClaim = e.detail.claim;
      const eligible: boolean = claim.eligible && e.detail.decision.eligible;
      void eligible;
    });
    embed.on("height", (e) => e.detail.height.toFixed());
    stop();
    // @ts-expect-error: not an event of the widget
    embed.on("click", () => {});
  });
  const el = document.createElement("rma-check");
  el.setAttribute("lang", "nl");
  el.addEventListener("rmacheck:ready", (e) => e.detail.guideDate.slice(0, 4));
  document.addEventListener("rmacheck:decision", (e) => {
    const route = e.detail.claim.route;
    // @ts-expect-error: route is a closed vocabulary
    if (route === "teleport") return;
  });
  window.RMACheckEmbed?.scan();
  // Start from an order (issue 18): the facts, and the order line back.
  window.RMACheckEmbed?.prefill(el, { brand: "HyperX", category: "accessory", purchaseDate: "2026-11-21", orderRef: "A-1", label: "Cloud III" });
  // @ts-expect-error: not a category
  window.RMACheckEmbed?.prefill("w1", { category: "toaster" });
  el.addEventListener("rmacheck:decision", (e) => {
    const line: string | null = e.detail.orderRef;
    const label: string | null = e.detail.label;
    void line, label;
  });
}
