// Demo shop glue: log the widget's events and pre-fill the shop's return form.
// Everything shown comes from the widget and is written as text, never HTML.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var prefill = document.getElementById("prefill");
  var settings = document.getElementById("settings");
  document.getElementById("origin-note").textContent = "this page is " + location.origin;

  function add(kind, text) {
    var li = document.createElement("li");
    li.className = kind;
    li.textContent = new Date().toLocaleTimeString() + " " + kind + ": " + text;
    log.insertBefore(li, log.firstChild);
    while (log.children.length > 50) log.removeChild(log.lastChild);
  }

  // The events bubble, so one listener on the document sees every widget.
  document.addEventListener("rmacheck:ready", function (e) {
    add("ready", "guide " + e.detail.guideDate + ", lang " + e.detail.lang + ", version " + e.detail.version);
  });
  document.addEventListener("rmacheck:height", function (e) {
    add("height", e.detail.height + "px");
  });
  document.addEventListener("rmacheck:decision", function (e) {
    var c = e.detail.claim || {};
    add(e.detail.early ? "decision (early)" : "decision", JSON.stringify(c));
    var fields = prefill.querySelectorAll("[data-field]");
    for (var i = 0; i < fields.length; i++) {
      var v = c[fields[i].getAttribute("data-field")];
      if (Array.isArray(v)) v = v.length ? v.join(", ") : "nothing";
      fields[i].textContent = v === undefined || v === null || v === "" ? "–" : String(v);
    }
  });

  // Demo only: rebuild the widget with other settings. embed.js notices the
  // new div by itself; RMACheckEmbed.scan() does it at once.
  settings.addEventListener("submit", function (e) {
    e.preventDefault();
    var old = document.getElementById("widget");
    var div = document.createElement("div");
    div.id = "widget";
    div.setAttribute("data-rmacheck", "");
    div.setAttribute("data-radius", "10px");
    ["lang", "audience", "accent", "mode"].forEach(function (k) {
      div.setAttribute("data-" + k, settings.elements[k].value);
    });
    old.parentNode.replaceChild(div, old);
    if (window.RMACheckEmbed) window.RMACheckEmbed.scan();
  });
})();
