// The early answer: until app.wasm runs (seconds on a phone's first
// visit), this answers the claim in the form from /web/early.json, a table
// the Go side generates from brands.json through the SDK's Evaluate and the
// result card's own texts (webapp/early_table.go). It only looks up, counts
// days and writes dates in words: the rules stay in Go. When the table
// cannot tell (a typed model that may matter, a name it does not hold), it
// leaves the answer to the engine. No claim data leaves the page.
"use strict";

(function (root) {
  // key reads a brand name as the SDK does for ASCII (letters and digits,
  // case aside); any other character is kept as it is, so two names with
  // one key here have one key in the SDK too.
  const key = (s) => {
    let out = "";
    for (const ch of String(s)) {
      const c = ch.charCodeAt(0);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += ch;
      else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
      else if (c >= 128) out += ch;
    }
    return out;
  };
  // blank is Go's strings.TrimSpace(s) == "" (unicode.IsSpace).
  const blank = (s) => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(s);

  // Days since 0000-03-01 (civil calendar), as sdk/date.go counts.
  const dayNumber = (y, m, d) => {
    if (m <= 2) y -= 1;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const mp = (m + 9) % 12;
    const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  };
  const civil = (n) => {
    const era = Math.floor(n / 146097);
    const doe = n - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  };
  const leap = (y) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const daysIn = (y, m) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
  // parse reads YYYY-MM-DD (years 0001–9999) as sdk.ParseDate does; null
  // when it is not a real day.
  const parse = (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s));
    if (!m) return null;
    const y = +m[1], mo = +m[2], d = +m[3];
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
    return [y, mo, d];
  };
  const last = dayNumber(9999, 12, 31);
  const addMonths = (p, n) => {
    const total = p[0] * 12 + p[1] - 1 + n;
    const y = Math.floor(total / 12), m = (total % 12) + 1;
    return [y, m, Math.min(p[2], daysIn(y, m))];
  };
  const words = (w, p) => (p[2] === 1 ? w.firstDay : String(p[2])) + " " + w.months[p[1] - 1] + " " + p[0];

  // prepare indexes a table once.
  const prepare = (table) => {
    const rows = new Map();
    for (const [name, row] of table.names) rows.set(key(name), row);
    return { t: table, rows: rows };
  };

  // answer is the widget's answer to facts, the form's fields as its
  // draft holds them: {brand, committed, category, purchaseDate, model,
  // proof, defect, fromMicromedia, complete, serial, photo, support,
  // spareParts, audience, lang, today}. It returns null where the widget
  // shows no answer yet, {engine: true} where only the engine can tell,
  // else what the result card shows first.
  const answer = (early, f) => {
    const t = early.t;
    const row = blank(f.brand || "") ? undefined : early.rows.get(key(f.brand));
    if (row === undefined) return f.committed && !blank(f.brand || "") ? { engine: true } : null;
    // A value that is no kind of product (the select's "Choose…") is none,
    // as the form's draft keeps it.
    const ci = Math.max(0, t.categories.indexOf(f.category || ""));
    const cell = t.cells[t.rows[row][ci]];
    if (!cell) return null;
    if (cell.engine || (cell.model && (f.model || "") !== "")) return { engine: true };
    const today = parse(f.today);
    if (!today) return null;
    let purchase = parse(f.purchaseDate || "");
    let days = -1;
    if (purchase) {
      days = dayNumber(...today) - dayNumber(...purchase);
      if (days < 0) (purchase = null), (days = -1); // a date after today: none, as the form says
    }
    const si = Math.max(0, t.support.indexOf(f.support || "")), pi = Math.max(0, t.spareParts.indexOf(f.spareParts || ""));
    const line = t.lines[cell.lines[si * t.spareParts.length + pi]];
    let oi = line.n;
    if (days >= 0) for (const [from, o] of line.d) if (from <= days) oi = o;
    const o = t.outcomes[oi];
    const slot = t.slots.indexOf((f.audience || "") + "/" + (f.lang || ""));
    if (slot < 0) return null;
    const w = t.words[slot], x = o.t[slot], s = (i) => t.strings[i];
    const dates = [];
    if (purchase && o.doa >= 0) {
      const n = dayNumber(...purchase) + o.doa;
      if (n > last) return null; // the SDK refuses it: the engine says why
      dates.push(w.doa.replace("{date}", words(w, civil(n))));
    }
    if (purchase && o.w > 0) {
      const until = addMonths(purchase, o.w);
      if (until[0] > 9999) return null;
      const tpl = dayNumber(...today) > dayNumber(...until) ? w.ended : o.a ? w.atLeast : w.warranty;
      dates.push(tpl.replace("{date}", words(w, until)));
    }
    if (x[5] >= 0) dates.push(s(x[5]));
    // The requirements the facts meet, as sdk's satisfied counts them.
    const met = {
      "purchase-date": !!purchase,
      "proof-of-purchase": !!f.proof,
      "defect-description": !blank(f.defect || ""),
      "bought-from-micromedia": f.audience !== "reseller" || !!f.fromMicromedia,
      complete: !!f.complete,
      "serial-number": !blank(f.serial || ""),
      photo: !!f.photo,
      "support-approval": f.support === "return-approved",
      model: !blank(f.model || ""),
    };
    let missing = false;
    t.requirements.forEach((r, i) => {
      if (o.req & (1 << i) && !met[r]) missing = true;
    });
    const contacts = [];
    for (let i = 6; i + 3 < x.length; i += 4) contacts.push({ type: s(x[i]), href: s(x[i + 1]), label: s(x[i + 2]), short: s(x[i + 3]) });
    return {
      brand: t.brands[row],
      route: o.route,
      headline: s(x[0]),
      status: s(missing ? x[3] : x[1]),
      kind: s(missing ? x[4] : x[2]),
      eligible: o.route === "micromedia-rma" && !missing,
      dates: dates,
      contacts: contacts,
      words: w,
    };
  };

  const api = { prepare: prepare, answer: answer };
  root.rmacheckEarly = api;
  if (typeof document === "undefined") return; // Node: the tests

  // In the page, until Go runs (html[data-rc-ready]): the answer to the
  // form as it stands, rendered where and as the result card renders it
  // (result-card.go), so that nothing moves when Go's card replaces it.
  const html = document.documentElement;
  let early = null;
  let given = null; // the order's facts (prefill), as Go takes them: typed and left
  let placeholder = null; // the server's empty result, put back when there is no answer
  const el = (id) => document.getElementById(id);
  const value = (id) => (el(id) && typeof el(id).value === "string" ? el(id).value : "");
  const checked = (id) => !!(el(id) && el(id).checked);
  // The fragment and today's date as widget.js (loaded before) reads them.
  const helpers = root.rmacheck;
  const audience = () => (helpers.setting("audience", (v) => v === "consumer" || v === "reseller") || "consumer");
  const node = (tag, attrs, kids) => {
    const n = document.createElement(tag);
    for (const k in attrs) n.setAttribute(k, attrs[k]);
    for (const k of kids || []) n.append(k); // strings become text, never HTML
    return n;
  };
  const facts = () => {
    const box = el("rc-brand");
    const f = {
      brand: value("rc-brand"),
      committed: !box || document.activeElement !== box,
      category: value("rc-category"),
      purchaseDate: value("rc-date"),
      model: value("rc-model"),
      proof: checked("rc-proof"),
      defect: value("rc-defect"),
      fromMicromedia: checked("rc-from-micromedia"),
      complete: checked("rc-complete"),
      serial: value("rc-serial"),
      photo: checked("rc-photo"),
      audience: audience(),
      lang: html.lang,
      today: helpers.localDay(),
    };
    if (given && !el("rc-model") && given.model) f.model = given.model;
    return f;
  };
  // The card is changed in place: its live region (#rc-live) is the
  // server's, already on the page, so a screen reader announces the answer.
  const cardAttrs = ["data-route", "data-eligible", "aria-labelledby", "data-rc-early"];
  const render = () => {
    // Not before the page is parsed and in its language (widget.js swaps it),
    // and never once Go is replacing the page (data-rc-go, set before
    // go-app's first render): its nodes are go-app's then, and a change to
    // them stops go-app's next update.
    if (!early || html.dataset.rcGo || html.dataset.rcReady || html.dataset.rcSwap || document.readyState === "loading") return;
    const section = el("rc-result"), live = el("rc-live");
    if (!section || !live) return;
    if (!placeholder) placeholder = { cls: section.className, live: [...live.childNodes].map((n) => n.cloneNode(true)) };
    const f = facts();
    // The date in words under its box, as Go writes it: the form below
    // does not move when Go takes over.
    const dw = el("rc-date-words");
    const slot = early.t.slots.indexOf(f.audience + "/" + f.lang);
    if (dw && slot >= 0) {
      const p = parse(f.purchaseDate);
      dw.textContent = p ? words(early.t.words[slot], p) : "";
    }
    const a = answer(early, f);
    while (live.nextSibling) live.nextSibling.remove();
    if (!a || a.engine) {
      // Go answers once it runs; the progress line says it is coming.
      if (section.dataset.rcEarly) {
        section.className = placeholder.cls;
        for (const k of cardAttrs) section.removeAttribute(k);
        live.replaceChildren(...placeholder.live.map((n) => n.cloneNode(true)));
      }
      return;
    }
    post(a, f);
    section.className = "rc-result rc-result-" + a.kind;
    const attrs = { "data-route": a.route, "data-eligible": String(a.eligible), "aria-labelledby": "rc-headline", "data-rc-early": "1" };
    for (const k of cardAttrs) section.setAttribute(k, attrs[k]);
    live.replaceChildren(
      node("h2", { id: "rc-headline", class: "rc-headline", tabindex: "-1" }, [a.headline]),
      node("p", { id: "rc-status", class: "rc-status rc-status-" + a.kind }, [a.status])
    );
    if (a.dates.length) {
      section.append(node("div", { class: "rc-block" }, [node("h3", {}, [a.words.dates]), node("ul", { id: "rc-dates", class: "rc-dates" }, a.dates.map((d) => node("li", {}, [d])))]));
    }
    if (a.contacts.length) {
      const items = a.contacts.map((c) => {
        const link = node("a", { href: c.href }, [node("span", { class: "rc-contact-label" }, [c.label]), node("span", { class: "rc-contact-value" }, [c.short])]);
        if (c.type === "website") {
          link.target = "_blank";
          link.rel = "noopener noreferrer";
        }
        return node("li", { "data-type": c.type }, [link]);
      });
      section.append(node("div", { class: "rc-block" }, [node("h3", {}, [a.words.contacts]), node("ul", { id: "rc-contacts", class: "rc-contacts" }, items)]));
    }
  };
  // post tells the embedding page (embed.js) about the early answer: an
  // rmacheck:decision event whose detail has early: true and the part of
  // the decision shown; Go's complete answer follows as the usual event.
  let lastPost = "";
  const post = (a, f) => {
    if (!root.rmacheckPost) return;
    const d = { route: a.route, headline: a.headline, eligible: a.eligible, dates: a.dates };
    const claim = { brand: a.brand, category: f.category || "other", purchaseDate: parse(f.purchaseDate) && f.purchaseDate <= f.today ? f.purchaseDate : null, claimDate: f.today, route: a.route, eligible: a.eligible };
    const m = { early: true, decision: d, claim: claim, orderRef: (given && given.orderRef) || null, label: (given && given.label) || null };
    const s = JSON.stringify(m);
    if (s === lastPost) return;
    lastPost = s;
    root.rmacheckPost("decision", m);
  };
  let queued = false;
  const update = () => {
    if (queued) return;
    queued = true;
    Promise.resolve().then(() => {
      queued = false;
      render();
    });
  };
  // prefill takes the order's facts widget.js kept (one line; a list is
  // an order the person picks from, in Go's page): the form shows them as
  // Go will, and the answer follows. Typed fields are left as typed.
  api.prefill = (message) => {
    let f = message && message.facts;
    if (Array.isArray(f)) f = f.length === 1 ? f[0] : null;
    if (!f || typeof f !== "object" || html.dataset.rcGo || html.dataset.rcReady) return;
    given = f;
    const fill = (id, v) => {
      const box = el(id);
      if (box && typeof v === "string" && v.trim() && !box.dataset.rcTouched) box.value = v.trim();
    };
    fill("rc-brand", f.brand);
    fill("rc-category", f.category);
    fill("rc-date", f.purchaseDate);
    fill("rc-model", f.model);
    fill("rc-serial", f.serialNumber);
    update();
  };
  // Loaded async (it must not wait for go-app's deferred scripts): the
  // form may still be parsing; it renders once the page is there.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  for (const type of ["input", "change", "focusout"]) document.addEventListener(type, update, true);
  fetch("/web/early.json", { credentials: "same-origin" })
    .then((r) => (r.ok ? r.json() : null))
    .then((t) => {
      if (!t || t.format !== 1) return;
      early = prepare(t);
      if (root.rmacheckEarlyFacts) api.prefill(root.rmacheckEarlyFacts);
      update();
    })
    .catch(() => {}); // no table (offline before any visit): Go answers
})(typeof window !== "undefined" ? window : globalThis);
