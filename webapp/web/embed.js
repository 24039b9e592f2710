/*! RMA Check embed loader. Paste on a shop page:
 *   <script src="https://WIDGET-HOST/embed.js" data-lang="nl" data-audience="consumer" async></script>
 *   <div data-rmacheck></div>
 * Each <div data-rmacheck> gets an iframe of the widget, sized to its content.
 * The widget's messages are re-dispatched on the div as the DOM events
 * rmacheck:ready, rmacheck:decision and rmacheck:height (they bubble).
 * Settings: data-lang, data-audience, data-accent, data-font, data-radius,
 * data-mode and data-title on the div, falling back to the script tag's.
 * The widget keeps the claim in progress per widget id: the div's data-id
 * (or id) attribute, else its position on the page (rmc-1, rmc-2...).
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
  var MAX_HEIGHT = 20000;

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

  var widgets = []; // {div, frame, id}
  var ID = /^[A-Za-z0-9_-]{1,64}$/;

  function setting(div, key) {
    var v = div.getAttribute("data-" + key);
    if (v === null || v === "") v = script.getAttribute("data-" + key);
    return v === null ? "" : String(v).slice(0, 200);
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
      var all = document.querySelectorAll("[data-rmacheck]");
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

  function mount(div) {
    var id = widgetID(div);
    var parts = [];
    for (var i = 0; i < KEYS.length; i++) {
      var v = setting(div, KEYS[i]);
      if (v) parts.push(KEYS[i] + "=" + encodeURIComponent(v));
    }
    parts.push("id=" + id);
    parts.push("parent=" + encodeURIComponent(location.origin));

    var frame = document.createElement("iframe");
    frame.src = ORIGIN + "/#" + parts.join("&");
    frame.title = setting(div, "title") || TITLES[setting(div, "lang")] || TITLES.en;
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("scrolling", "no");
    frame.setAttribute("allow", "clipboard-write");
    frame.setAttribute("referrerpolicy", "origin");
    var s = frame.style;
    s.border = "0";
    s.width = "100%";
    s.minWidth = "280px";
    s.height = "480px";
    s.overflow = "hidden";
    s.display = "block";

    div.setAttribute("data-rmacheck-id", id);
    div.appendChild(frame);
    widgets.push({ div: div, frame: frame, id: id });
    return div;
  }

  function scan(root) {
    root = root || document;
    var found = [];
    // Forget widgets whose iframe left the page.
    widgets = widgets.filter(function (w) {
      return w.frame.isConnected;
    });
    var divs = root.querySelectorAll ? root.querySelectorAll("[data-rmacheck]") : [];
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

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    setTimeout(function () {
      pending = false;
      scan();
    }, 0);
  }
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        if (records[i].addedNodes.length) return later();
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later);

  window.RMACheckEmbed = { version: 1, origin: ORIGIN, scan: scan };
  scan();
})();
