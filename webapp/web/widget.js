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

// Before the wasm runs. The page the server sends is the real form, in
// English, with copies in French and Dutch (<template id="rc-page-fr">):
// show the one in the widget's language, picked as the Go side picks it
// (startLang): the fragment's lang, else the language last chosen in this
// widget, else the browser's, else English. Fields changed meanwhile are
// marked data-rc-touched, so that Go keeps them when it takes over.

// A cut download of the widget's wasm (a phone losing its signal) is
// fetched again, three times, after 1, 2 and 4 s, and goes on from the
// byte it had reached; meanwhile the progress line says so in the
// widget's language (the server's page has the words in data-retrying).
// After the third, go-app's loader reports the failure, which the
// progress line says in words too (data-failed). It wraps fetch for the
// wasm's URL only, which go-app's app.js (deferred, after this) fetches.
(function () {
  "use strict";
  const realFetch = window.fetch && window.fetch.bind(window);
  if (!realFetch || !window.ReadableStream) return;
  const isWasm = (input) => {
    try {
      const u = new URL(typeof input === "string" ? input : input.url, location.href);
      return u.origin === location.origin && /^\/web\/app[^/]*\.wasm$/.test(u.pathname);
    } catch (e) {
      return false;
    }
  };
  // skip reads from r without its first n bytes (those already given).
  const skip = (r, n) => ({
    read: async () => {
      for (;;) {
        const x = await r.read();
        if (x.done || n === 0) return x;
        if (x.value.byteLength <= n) {
          n -= x.value.byteLength;
          continue;
        }
        const value = x.value.subarray(n);
        n = 0;
        return { done: false, value: value };
      }
    },
  });
  const say = (retrying) => {
    const status = document.getElementById("rc-progress");
    const words = document.getElementById("rc-progress-words");
    if (!status || !words || !status.dataset.retrying) return;
    if (!("rcWords" in words.dataset)) words.dataset.rcWords = words.textContent;
    words.textContent = retrying ? status.dataset.retrying : words.dataset.rcWords;
  };
  window.fetch = function (input, init) {
    if (!isWasm(input)) return realFetch(input, init);
    return realFetch(input, init).then((first) => {
      if (!first.ok || !first.body) return first;
      const url = typeof input === "string" ? input : input.url;
      let reader = first.body.getReader();
      let got = 0;
      let tries = 0;
      const body = new ReadableStream({
        async pull(controller) {
          for (;;) {
            try {
              const { done, value } = await reader.read();
              if (done) {
                controller.close();
              } else {
                got += value.byteLength;
                controller.enqueue(value);
              }
              return;
            } catch (err) {
              if (++tries > 3) {
                say(false);
                controller.error(err);
                return;
              }
              say(true);
              await new Promise((r) => setTimeout(r, 1000 * 2 ** (tries - 1)));
              try {
                const again = await realFetch(url);
                if (!again.ok || !again.body) continue;
                reader = skip(again.body.getReader(), got);
                say(false);
              } catch (e) {
                // still cut: the next read fails again, and counts
              }
            }
          }
        },
      });
      return new Response(body, { status: first.status, statusText: first.statusText, headers: first.headers });
    });
  };
})();

(function () {
  "use strict";
  const langs = ["fr", "nl", "en"];
  const html = document.documentElement;
  const setting = (name, ok) => {
    let out = "";
    for (const part of location.hash.replace(/^#/, "").split("&")) {
      const i = part.indexOf("=");
      if (i < 0 || part.slice(0, i) !== name) continue;
      let v;
      try {
        v = decodeURIComponent(part.slice(i + 1).replace(/\+/g, " "));
      } catch (e) {
        continue; // a bad escape: ignored, as in Go
      }
      if (ok(v)) out = v;
    }
    return out;
  };
  const startLang = () => {
    const fromHost = setting("lang", (v) => langs.includes(v));
    if (fromHost) return fromHost;
    const id = setting("id", (v) => /^[A-Za-z0-9_-]{1,64}$/.test(v));
    try {
      const stored = JSON.parse(localStorage.getItem(id ? "rmacheck.lang." + id : "rmacheck.lang"));
      if (langs.includes(stored)) return stored;
    } catch (e) {
      // no storage, or not JSON: the browser's language
    }
    for (const t of [...(navigator.languages || []), navigator.language || ""]) {
      const base = String(t).trim().toLowerCase().split("-")[0];
      if (langs.includes(base)) return base;
    }
    return "en";
  };
  const served = html.lang;
  const lang = startLang();
  if (lang !== served) {
    html.lang = lang;
    html.dataset.rcSwap = lang; // widget.css hides the page until then
  }
  const localDay = () => {
    const d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  };
  // early.js reads the fragment and today's date as this does.
  window.rmacheck.setting = setting;
  window.rmacheck.localDay = localDay;
  // prepare runs once the server's page is parsed (go-app's loader comes
  // after it), before it is painted.
  let done = false;
  let onPrepared = () => {}; // the frame's first word, below
  const prepare = () => {
    let root = document.getElementById("rc-root");
    if (done || !root || !(root.nextElementSibling || document.readyState !== "loading")) return done;
    if (html.dataset.rcSwap) {
      const t = document.getElementById("rc-page-" + lang);
      if (t && t.content.firstElementChild) {
        const page = document.importNode(t.content.firstElementChild, true);
        const names = root.querySelector("datalist");
        const box = page.querySelector("#rc-brand");
        if (names && box) box.after(names);
        root.replaceWith(page);
        root = page;
      }
      delete html.dataset.rcSwap;
    }
    // The host's dark mode from the first paint (Go adds the same class;
    // the other theme settings wait for Go, which checks them).
    if (setting("mode", (v) => v === "dark" || v === "light") === "dark") root.classList.add("rc-dark");
    // The page may be older than today (a static site): no future date.
    const date = document.getElementById("rc-date");
    if (date) date.max = localDay();
    done = true;
    onPrepared();
    return done;
  };
  if (!prepare()) {
    const mo = new MutationObserver(() => {
      if (prepare()) mo.disconnect();
    });
    mo.observe(html, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", () => {
      mo.disconnect();
      prepare();
    });
  }
  // The frame's height before Go runs: embed.js sizes the iframe from the
  // widget's "height" messages, which Go sends once it runs (host.go); until
  // then this sends the early page's, so the form is not clipped. The same
  // target and checks as Go: the fragment's parent origin, else the
  // referrer's; nothing outside a frame.
  const origin = (v) => {
    try {
      const u = new URL(v);
      if ((u.protocol !== "http:" && u.protocol !== "https:") || !u.host || u.username || u.password) return "";
      return u.origin;
    } catch (e) {
      return "";
    }
  };
  const target = (() => {
    if (window.parent === window) return "";
    const p = setting("parent", (v) => {
      const o = origin(v);
      return o !== "" && o.toLowerCase() === v.replace(/\/$/, "").toLowerCase();
    });
    return p ? origin(p) : origin(document.referrer);
  })();
  if (target) {
    // The order's facts (embed.js, "Start from an order") may come before
    // Go runs: keep the last prefill message from the parent origin, which
    // Go reads when it starts, so that its first page holds the answer.
    window.addEventListener("message", (e) => {
      const d = e.data;
      if (e.origin !== target || e.source !== window.parent || !d || typeof d !== "object") return;
      if (d.source !== "rmacheck-host" || d.type !== "prefill") return;
      window.rmacheckEarlyFacts = d;
      if (window.rmacheckEarly && window.rmacheckEarly.prefill) window.rmacheckEarly.prefill(d); // early.js answers them
    });
    const id = setting("id", (v) => /^[A-Za-z0-9_-]{1,64}$/.test(v));
    // rmacheckPost sends the embedding page one message before Go runs
    // (the early page's heights, early.js's early decision), as Go sends
    // them. A target the browser refuses: the page hears Go only.
    window.rmacheckPost = (type, fields) => {
      // Go's turn from the moment it replaces the page: the page it is
      // building is not one to size the frame by (host.go holds the
      // early page's height, rmacheckEarlyHeight, while it shows no answer).
      if (html.dataset.rcReady || html.dataset.rcGo) return;
      try {
        window.parent.postMessage(Object.assign({ source: "rmacheck", id: id, type: type }, fields), target);
      } catch (e) {
        // the frame keeps embed.js's height
      }
    };
    let last = 0;
    const send = () => {
      if (html.dataset.rcSwap) return; // not painted yet
      const h = Math.ceil(html.getBoundingClientRect().height);
      if (h === last || !(h > 0) || html.dataset.rcGo) return;
      last = h;
      window.rmacheckEarlyHeight = h;
      window.rmacheckPost("height", { height: h });
    };
    // From the moment the page is there (not DOMContentLoaded, which waits
    // for go-app's deferred scripts): this first word is also what brings
    // the order's facts (embed.js answers it), so the early answer.
    let watching = false;
    const watch = () => {
      if (watching || !document.body) return;
      watching = true;
      if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
      send();
    };
    onPrepared = watch;
    if (document.body && done) watch();
    document.addEventListener("DOMContentLoaded", watch);
  }
  // The download's progress on the progress line (#rc-answer-line), from
  // go-app's loader label, which widget.css hides; its error in words.
  const follow = () => {
    const label = document.getElementById("app-wasm-loader-label");
    if (!label) return;
    const show = () => {
      const status = document.getElementById("rc-progress");
      const percent = document.getElementById("rc-progress-percent");
      if (!status || !percent || html.dataset.rcReady) return;
      const text = label.textContent || "";
      const m = /(\d+)\s*%/.exec(text);
      if (m) {
        percent.textContent = Math.min(100, Number(m[1])) + (html.lang === "fr" ? "\u00a0%" : "%");
      } else if (text.trim() && !text.includes("{progress}") && status.dataset.failed) {
        status.textContent = status.dataset.failed; // go-app writes the error here
      }
    };
    new MutationObserver(show).observe(label, { childList: true, characterData: true, subtree: true });
    show();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", follow);
  else follow();
  const touch = (e) => {
    const el = e.target;
    if (el && el.id && el.dataset && el.closest && el.closest("#rc-root")) el.dataset.rcTouched = "1";
  };
  document.addEventListener("input", touch, true);
  document.addEventListener("change", touch, true);
  // A long kind of product is written out under its box (the server marks
  // its option data-rc-long), as Go does once it runs: the date box below
  // does not move when the wasm starts.
  document.addEventListener("change", (e) => {
    const el = e.target;
    if (!el || el.id !== "rc-category" || html.dataset.rcReady) return;
    const words = document.getElementById("rc-category-words");
    const opt = el.selectedOptions && el.selectedOptions[0];
    if (words) words.textContent = opt && opt.hasAttribute("data-rc-long") ? opt.textContent : "";
  }, true);
})();
