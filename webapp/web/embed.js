/*! RMA Check embed loader. Paste on a shop page:
 *   <script src="https://WIDGET-HOST/embed.js" data-lang="nl" data-audience="consumer" async></script>
 *   <rma-check lang="nl"></rma-check>   or   <div data-rmacheck data-lang="nl"></div>
 * Each <rma-check> and <div data-rmacheck> gets an iframe of the widget,
 * sized to its content. The widget's messages are re-dispatched on the
 * element as the DOM events rmacheck:ready, rmacheck:decision and
 * rmacheck:height (they bubble).
 * Order: the facts a page knows (brand, category, model, purchase-date,
 * serial-number, order-ref, label) as attributes, one <rma-item> child per
 * order line, or RMACheckEmbed.prefill(target, facts or [facts, ...]).
 * Settings: lang, audience, accent, font, radius, mode and title, as
 * attributes of <rma-check> (or data-* ones), as data-* attributes of the
 * div, falling back to the script tag's data-* attributes.
 * The widget keeps the claim in progress per widget id: the element's
 * data-id (or id) attribute, else its position on the page (rmc-1, rmc-2...).
 * Queue: shop code that runs before this loader pushes functions,
 *   (window.rmacheck = window.rmacheck || []).push(function (embed) {
 *     embed.on("decision", function (event) { ... });
 *   });
 * and each is called with window.RMACheckEmbed once the loader runs (at
 * once when pushed later).
 * No dependencies, no cookies, no requests of its own.
 */
(function () {
  "use strict";

  var KEYS = ["lang", "audience", "accent", "font", "radius", "mode"];
  var TITLES = {
    en: "RMA Check: can this product be returned?",
    fr: "RMA Check : ce produit peut-il être retourné ?",
    nl: "RMA Check: kan dit product terug?"
  };
  var TYPES = { ready: 1, height: 1, decision: 1 };
  // The facts a page knows about the product (docs/embedding.md, "Start
  // from an order"): attribute name, and the claim's key name that
  // prefill takes. They go to the widget by postMessage, never in its URL.
  var FACTS = [["brand", "brand"], ["category", "category"], ["model", "model"], ["purchase-date", "purchaseDate"],
    ["serial-number", "serialNumber"], ["order-ref", "orderRef"], ["label", "label"]];
  var MAX_HEIGHT = 20000;
  // The frame's first height: the widget's page before a claim is typed is
  // at least this tall (widget.css, .rc's min-height) and, in fr, nl and en
  // from 390 px wide, no taller; so the frame does not change size, and the
  // shop's page does not move, until the answer makes it taller.
  // TestEarlyFormFitsItsFrame checks that the two agree.
  var FIRST_HEIGHT = 820;

  var script = document.currentScript;
  if (!script) {
    // Fallback for odd loaders: the last script whose file is embed.js.
    var all = document.querySelectorAll("script[src]");
    for (var i = all.length - 1; i >= 0 && !script; i--) {
      if (/\/embed\.js([?#]|$)/.test(all[i].src)) script = all[i];
    }
  }
  if (!script || !script.src) return;

  var ORIGIN;
  try {
    ORIGIN = new URL(script.src, location.href).origin;
  } catch (e) {
    return;
  }
  if (!/^https?:\/\//.test(ORIGIN)) return;

  var api = window.RMACheckEmbed;
  if (api && api.origin === ORIGIN && typeof api.scan === "function") {
    api.scan(); // loaded twice: one loader per widget origin is enough
    return;
  }

  var widgets = []; // {div, frame, id}; div is the <div data-rmacheck> or <rma-check>
  var ID = /^[A-Za-z0-9_-]{1,64}$/;
  var TAG = "rma-check";
  var ITEM = "rma-item"; // an order line, as a child of a widget
  var WIDGETS = "[data-rmacheck], " + TAG;

  // setting is a setting of a widget: on <rma-check> its attribute, else
  // its data-* attribute; on a div its data-* attribute; else the script
  // tag's data-* attribute.
  function setting(div, key) {
    var v = null;
    if (isElement(div)) v = div.getAttribute(key);
    if (v === null || v === "") v = div.getAttribute("data-" + key);
    if (v === null || v === "") v = script.getAttribute("data-" + key);
    return v === null ? "" : String(v).slice(0, 200);
  }

  function isElement(el) {
    return el.localName === TAG;
  }

  // widgetID is the div's widget id, the same on every load of the page,
  // so that the widget finds its draft again after a reload: the div's
  // data-id or id attribute when it is a valid id, else "rmc-" and the
  // div's position among the page's widgets (rmc-1 is the first). Each
  // widget on the page gets its own id.
  function widgetID(div) {
    var id = "";
    var own = [div.getAttribute("data-id"), div.getAttribute("id")];
    for (var i = 0; i < own.length && !id; i++) {
      if (own[i] !== null && ID.test(own[i])) id = own[i];
    }
    if (!id) {
      var all = document.querySelectorAll(WIDGETS);
      var n = Array.prototype.indexOf.call(all, div);
      id = "rmc-" + (n < 0 ? all.length + 1 : n + 1);
    }
    var base = id.slice(0, 58);
    for (var k = 2; taken(id); k++) id = base + "-" + k;
    return id;
  }

  function taken(id) {
    for (var i = 0; i < widgets.length; i++) {
      if (widgets[i].id === id) return true;
    }
    return false;
  }

  // mount adds the widget's iframe to div, with widget id id (by default,
  // the div's own: see widgetID).
  function mount(div, id) {
    if (isElement(div) && !div.style.display) div.style.display = "block"; // custom elements are inline
    id = id || widgetID(div);
    var parts = [];
    for (var i = 0; i < KEYS.length; i++) {
      var v = setting(div, KEYS[i]);
      if (v) parts.push(KEYS[i] + "=" + encodeURIComponent(v));
    }
    parts.push("id=" + id);
    parts.push("parent=" + encodeURIComponent(location.origin));

    var frame = document.createElement("iframe");
    // A page that isolates itself (COEP) frames only pages that send COEP
    // too: the widget's /isolated does; "/" does not, as COEP slows its
    // first visit everywhere else.
    frame.src = ORIGIN + (window.crossOriginIsolated === true ? "/isolated#" : "/#") + parts.join("&");
    frame.title = setting(div, "title") || TITLES[setting(div, "lang")] || TITLES.en;
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("scrolling", "no");
    frame.setAttribute("allow", "clipboard-write");
    frame.setAttribute("referrerpolicy", "origin");
    var s = frame.style;
    s.border = "0";
    s.width = "100%";
    s.minWidth = "280px";
    s.height = FIRST_HEIGHT + "px";
    s.overflow = "hidden";
    s.display = "block";

    var w = { div: div, frame: frame, id: id, heard: false, facts: attributeFacts(div) };
    frame.addEventListener("load", function () {
      setTimeout(function () {
        if (!w.heard && frame.isConnected) silent(w);
      }, SILENCE_MS);
    });
    div.setAttribute("data-rmacheck-id", id);
    div.appendChild(frame);
    widgets.push(w);
    watchItems(w);
    return div;
  }

  // silent says in the console, once per page, why a widget that loaded
  // has not said a word: a widget posts its height from its first paint,
  // so silence after its frame's load event most often means that the
  // browser refused to frame it for this page's origin.
  var SILENCE_MS = 4000;
  var told = false;
  function silent(w) {
    if (told) return;
    told = true;
    console.warn("RMA Check: the widget at " + ORIGIN + " did not answer in its frame (widget id " + w.id + "). " +
      "Most likely its server does not allow this page's origin, " + location.origin + ", to frame it. Fix: add " +
      location.origin + " to the widget server's -frame-ancestors flag (make run: FRAME_ANCESTORS=\"" + location.origin +
      "\"), or to frame-ancestors in the static site's _headers (docs/hosting.md).");
  }

  // attributeFacts are the facts of a widget's own attributes (on
  // <rma-check> the attribute, else its data-* attribute) or, when it has
  // <rma-item> children, the list of their facts: an order's lines, each
  // with the widget's own facts as defaults (the order's date, say).
  function attributeFacts(div) {
    var own = factsOf(div, isElement(div)), lines = [];
    for (var i = 0; i < div.children.length; i++) {
      var item = div.children[i];
      if (item.localName !== ITEM) continue;
      var line = {}, k;
      for (k in own || {}) line[k] = own[k];
      var f = factsOf(item, true) || {};
      for (k in f) line[k] = f[k];
      lines.push(line);
    }
    return lines.length ? lines : own;
  }

  // factsOf reads the fact attributes of el (and their data-* forms), or
  // null when it has none.
  function factsOf(el, plain) {
    var facts = null;
    for (var i = 0; i < FACTS.length; i++) {
      var v = plain ? el.getAttribute(FACTS[i][0]) : null;
      if (v === null) v = el.getAttribute("data-" + FACTS[i][0]);
      if (v !== null) {
        facts = facts || {};
        facts[FACTS[i][1]] = v;
      }
    }
    return facts;
  }

  // watchItems follows a widget's <rma-item> children: a line added,
  // removed or changed sends the order again, to the same frame.
  function watchItems(w) {
    if (!window.MutationObserver) return;
    var names = [];
    for (var i = 0; i < FACTS.length; i++) names.push(FACTS[i][0], "data-" + FACTS[i][0]);
    w.observer = new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        if (r.target.localName === ITEM || hasItem(r.addedNodes) || hasItem(r.removedNodes)) {
          w.facts = attributeFacts(w.div);
          return sendFacts(w);
        }
      }
    });
    w.observer.observe(w.div, { childList: true, subtree: true, attributes: true, attributeFilter: names });
  }

  function hasItem(nodes) {
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].localName === ITEM) return true;
    }
    return false;
  }

  // sendFacts posts a widget's facts to its frame, at the widget's exact
  // origin, once the frame has spoken (its page is there to take them).
  function sendFacts(w) {
    if (!w.heard || !w.facts || !w.frame.contentWindow) return;
    w.frame.contentWindow.postMessage({ source: "rmacheck-host", type: "prefill", facts: w.facts }, ORIGIN);
  }

  // prefill gives a widget the facts a page learnt later: target is its
  // element or widget id; facts use the claim's key names plus orderRef
  // and label. Facts for another order line replace the earlier ones; a
  // list is an order's lines, and replaces whatever came before.
  function prefill(target, facts) {
    var w = find(target);
    if (!w) {
      scan();
      w = find(target);
    }
    if (!w) throw new TypeError("RMACheckEmbed.prefill: no widget for " + (typeof target === "string" ? '"' + target + '"' : "this target"));
    if (!facts || typeof facts !== "object") throw new TypeError("RMACheckEmbed.prefill: want an object of facts, like { brand: \"HyperX\" }, or a list of them");
    if (Array.isArray(facts)) {
      w.facts = facts.map(function (line) {
        return line && typeof line === "object" ? pick({}, line) : line; // the widget names a bad line
      });
    } else {
      var before = w.facts && !Array.isArray(w.facts) && (facts.orderRef === undefined || facts.orderRef === w.facts.orderRef);
      w.facts = pick(before ? pick({}, w.facts) : {}, facts);
    }
    sendFacts(w);
  }

  // pick copies the facts of from into to, and returns to.
  function pick(to, from) {
    for (var i = 0; i < FACTS.length; i++) {
      var key = FACTS[i][1];
      if (Object.prototype.hasOwnProperty.call(from, key)) to[key] = from[key];
    }
    return to;
  }

  function find(target) {
    for (var i = 0; i < widgets.length; i++) {
      var w = widgets[i];
      if (w.frame.isConnected && (w.div === target || w.id === target)) return w;
    }
    return null;
  }

  function scan(root) {
    root = root || document;
    var found = [];
    // Forget widgets whose iframe left the page.
    widgets = widgets.filter(function (w) {
      return w.frame.isConnected;
    });
    // Without custom elements (old browsers), <rma-check> is mounted like a div.
    var divs = root.querySelectorAll ? root.querySelectorAll(window.customElements ? "[data-rmacheck]" : WIDGETS) : [];
    for (var i = 0; i < divs.length; i++) {
      if (!divs[i].hasAttribute("data-rmacheck-id")) found.push(mount(divs[i]));
    }
    return found;
  }

  function onMessage(event) {
    if (event.origin !== ORIGIN) return;
    var d = event.data;
    if (!d || typeof d !== "object" || d.source !== "rmacheck" || !TYPES[d.type]) return;
    for (var i = 0; i < widgets.length; i++) {
      var w = widgets[i];
      if (event.source !== w.frame.contentWindow) continue;
      if (d.id !== w.id) return;
      // The facts go with the frame's first word (its early page's height,
      // before the wasm runs: the widget's first live page then holds the
      // answer), and again when it is ready, in case the first went astray.
      var first = !w.heard;
      w.heard = true;
      if (first || d.type === "ready") sendFacts(w);
      if (d.type === "height") {
        var h = Math.ceil(Number(d.height));
        if (!(h > 0)) return;
        w.frame.style.height = Math.min(h, MAX_HEIGHT) + "px";
      }
      var detail = {};
      for (var k in d) {
        if (k !== "source" && Object.prototype.hasOwnProperty.call(d, k)) detail[k] = d[k];
      }
      w.div.dispatchEvent(new CustomEvent("rmacheck:" + d.type, { detail: detail, bubbles: true }));
      return;
    }
  }

  window.addEventListener("message", onMessage);

  // later scans once the current task is done, before the next paint: a
  // widget placeholder the parser has just added gets its frame (and its
  // height) in the same paint, so the page around it does not move.
  var pending = false;
  var soon = window.queueMicrotask || function (f) { Promise.resolve().then(f); };
  function later() {
    if (pending) return;
    pending = true;
    soon(function () {
      pending = false;
      scan();
    });
  }
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        if (records[i].addedNodes.length) return later();
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later);

  // on calls handler with each rmacheck:<type> event of every widget on the
  // page, and returns a function that stops it.
  function on(type, handler) {
    if (!TYPES[type] || typeof handler !== "function") {
      throw new TypeError('RMACheckEmbed.on: want "ready", "height" or "decision" and a function');
    }
    var name = "rmacheck:" + type;
    var listener = function (event) {
      handler(event);
    };
    document.addEventListener(name, listener);
    return function () {
      document.removeEventListener(name, listener);
    };
  }

  var api = { version: 1, origin: ORIGIN, scan: scan, on: on, prefill: prefill };
  window.RMACheckEmbed = api;

  if (window.customElements && !window.customElements.get(TAG)) {
    // <rma-check>: mounts itself when it joins the page, and mounts again
    // (a new iframe, the same widget id, so the draft comes back) when a
    // setting changes.
    var RMACheckElement = function () {
      return Reflect.construct(HTMLElement, [], RMACheckElement);
    };
    RMACheckElement.prototype = Object.create(HTMLElement.prototype);
    RMACheckElement.prototype.constructor = RMACheckElement;
    Object.setPrototypeOf(RMACheckElement, HTMLElement);
    RMACheckElement.observedAttributes = KEYS.concat(["title"], FACTS.map(function (f) { return f[0]; }));
    RMACheckElement.prototype.connectedCallback = function () {
      if (!this.hasAttribute("data-rmacheck-id")) {
        mount(this);
      } else if (!mounted(this)) {
        remount(this); // moved: its iframe was unloaded and forgotten
      }
    };
    RMACheckElement.prototype.attributeChangedCallback = function (name, before, after) {
      if (before === after || !mounted(this)) return;
      for (var i = 0; i < FACTS.length; i++) {
        if (FACTS[i][0] !== name) continue;
        var all = attributeFacts(this);
        if (Array.isArray(all)) return prefill(this, all); // the order's defaults changed
        var f = {};
        f[FACTS[i][1]] = after === null ? "" : after;
        return prefill(this, f); // a fact: the same frame takes it
      }
      remount(this);
    };
    window.customElements.define(TAG, RMACheckElement);
  }

  function mounted(el) {
    for (var i = 0; i < widgets.length; i++) {
      if (widgets[i].div === el && widgets[i].frame.parentNode === el) return true;
    }
    return false;
  }

  // remount replaces an element's iframe with a new one for its current
  // settings, under the same widget id (so that the widget restores the draft).
  function remount(el) {
    var id = el.getAttribute("data-rmacheck-id");
    widgets = widgets.filter(function (w) {
      if (w.div !== el) return true;
      if (w.observer) w.observer.disconnect();
      if (w.frame.parentNode) w.frame.parentNode.removeChild(w.frame);
      return false;
    });
    mount(el, ID.test(id) && !taken(id) ? id : "");
  }

  scan();

  // The queue: functions pushed before the loader ran, then a push that
  // calls at once. A throwing function does not stop the others; its error
  // is reported as uncaught. Anything else than a function or an array of
  // them (another script's window.rmacheck) is left alone.
  var queue = window.rmacheck;
  if (queue === undefined || Array.isArray(queue)) {
    var call = function (fn) {
      if (typeof fn !== "function") return 0;
      try {
        fn(api);
      } catch (err) {
        setTimeout(function () {
          throw err;
        }, 0);
      }
      return 1;
    };
    window.rmacheck = {
      push: function () {
        var n = 0;
        for (var i = 0; i < arguments.length; i++) n += call(arguments[i]);
        return n;
      }
    };
    if (queue) window.rmacheck.push.apply(window.rmacheck, queue);
  }
})();
