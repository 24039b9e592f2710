// Helpers for the RMA Check widget (Go calls them through window.rmacheck).
// No claim data is ever sent anywhere: the only request is a GET of
// brands.json from the widget's own origin.
"use strict";

window.rmacheck = {
  // fetchGuide resolves to the bytes of the newest /brands.json the widget
  // can reach (the network, bypassing the service worker's cache-first
  // answer with a query string; then the cached copy), or null.
  fetchGuide: async function () {
    const bytes = async (r) => (r && r.ok ? new Uint8Array(await r.arrayBuffer()) : null);
    try {
      const r = await fetch("/brands.json?fresh=" + Date.now(), { cache: "no-store", credentials: "omit" });
      if (r.ok) return await bytes(r);
    } catch (e) {
      // offline: fall through to the cache
    }
    try {
      if (window.caches) return await bytes(await caches.match("/brands.json"));
    } catch (e) {
      // no cache either
    }
    return null;
  },
  // storeGuide puts the bytes of a /brands.json that Go has validated into
  // the service worker's cache (go-app's, named "app-<version>"), in place
  // of the copy it took at install: offline, the widget then starts on the
  // newest guide it has seen. Resolves to true when stored.
  storeGuide: async function (bytes) {
    try {
      if (!window.caches) return false;
      const names = (await caches.keys()).filter((n) => n.startsWith("app-"));
      for (const name of names) {
        const cache = await caches.open(name);
        await cache.put("/brands.json", new Response(bytes, { headers: { "Content-Type": "application/json" } }));
      }
      return names.length > 0;
    } catch (e) {
      return false; // no cache (private mode, storage full): the next start fetches again
    }
  },
  // copy puts text on the clipboard; resolves to true on success.
  copy: async function (text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (e) {
      // not allowed (e.g. a frame without clipboard-write): try the old way
    }
    const area = document.getElementById("rc-summary");
    if (!area) return false;
    const focused = document.activeElement;
    area.value = text;
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    if (focused && focused.focus) focused.focus();
    return ok;
  },
};
