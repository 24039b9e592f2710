// Demo shop's "My orders" page: each line's "Report a defect" gives the
// widget what the order knows (RMACheckEmbed.prefill), and the return form
// fills from the decision event, which names the order line.
(function () {
  "use strict";
  var widget = document.getElementById("widget");
  var form = document.getElementById("prefill");
  var iso = function (daysAgo) {
    var d = new Date();
    d.setDate(d.getDate() - daysAgo);
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  };
  var lines = document.querySelectorAll("#order-lines li");
  Array.prototype.forEach.call(lines, function (li) {
    var bought = iso(Number(li.getAttribute("data-days")));
    li.querySelector(".line-date").textContent = "bought " + bought;
    li.querySelector("button").addEventListener("click", function () {
      var facts = {
        brand: li.getAttribute("data-brand"),
        category: li.getAttribute("data-category"),
        purchaseDate: bought,
        orderRef: li.getAttribute("data-order-ref"),
        label: li.querySelector(".line-label").textContent
      };
      widget.hidden = false;
      (window.rmacheck = window.rmacheck || []).push(function (embed) {
        embed.prefill(widget, facts);
        widget.scrollIntoView({ block: "start" });
      });
    });
  });
  document.addEventListener("rmacheck:decision", function (e) {
    var d = e.detail, c = d.claim || {};
    var values = { orderRef: d.orderRef, label: d.label, route: c.route, eligible: c.eligible };
    var fields = form.querySelectorAll("[data-field]");
    for (var i = 0; i < fields.length; i++) {
      var v = values[fields[i].getAttribute("data-field")];
      fields[i].textContent = v === undefined || v === null || v === "" ? "–" : String(v);
    }
  });
})();
