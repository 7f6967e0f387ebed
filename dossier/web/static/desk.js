/* The analyst's desk: evidence drawer, article highlights, ingest progress. No libraries.
   Everything from the store reaches the page server-escaped; this script only moves
   server-rendered nodes around and sets textContent, never innerHTML. */
(function () {
  "use strict";

  const panel = () => document.getElementById("evidence-panel");
  const body = () => document.getElementById("evidence-body");
  let opener = null; // the fact or highlight that opened the drawer: focus goes back to it

  /* The drawer is a dialog: opening it moves focus to its heading, closing it (button or
     Escape) moves focus back to what opened it, so a keyboard user never loses their place. */
  function openEvidence(nodes, from) {
    body().replaceChildren(...nodes);
    opener = from || document.activeElement;
    panel().classList.add("open");
    document.body.classList.add("evidence-open");
    document.getElementById("evidence-title").focus({ preventScroll: true });
  }

  function closeEvidence() {
    if (!panel().classList.contains("open")) return;
    panel().classList.remove("open");
    document.body.classList.remove("evidence-open");
    document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
    if (opener && opener.isConnected) opener.focus();
    opener = null;
  }

  /* One tab stop per section: the items of a digest, a timeline, a quote list or an article
     text are reached with the arrow keys (the ARIA "roving tabindex" pattern), so a story
     page is a few dozen tab stops, not hundreds, and every item stays reachable. */
  const ITEMS = ".fact, .hl[data-items]";
  const GROUP = "section, .article-text, .card, main";

  function groupOf(item) { return item.closest(GROUP) || document.body; }

  function itemsOf(group) {
    return Array.from(group.querySelectorAll(ITEMS))
      .filter((n) => groupOf(n) === group && n.offsetParent !== null && n.hasAttribute("tabindex"));
  }

  function makeRoving() {
    const seen = new Set();
    document.querySelectorAll(ITEMS).forEach((item) => {
      const group = groupOf(item);
      if (!item.textContent.trim()) return; // a highlight of blank space is nothing to read
      item.setAttribute("tabindex", seen.has(group) ? "-1" : "0");
      item.setAttribute("aria-describedby", "keys-hint");
      // a list item keeps its list role; a fact with links inside is not itself a button
      if (item.tagName !== "LI" && !item.querySelector("a, button, input, select, textarea")) {
        item.setAttribute("role", "button");
      }
      seen.add(group);
    });
  }

  function moveFocus(item, key) {
    const items = itemsOf(groupOf(item));
    const at = items.indexOf(item);
    if (at < 0) return false;
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1,
      Home: 0, End: items.length - 1 }[key];
    if (next === undefined || next < 0 || next >= items.length) return false;
    item.setAttribute("tabindex", "-1");
    items[next].setAttribute("tabindex", "0");
    items[next].focus();
    return true;
  }

  /* A fact names its evidence spans in an empty <template class="ev" data-spans>; the
     sentences are fetched when it is opened. */
  function showFact(fact) {
    const tpl = fact.querySelector(":scope > template.ev");
    if (!tpl) return;
    document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
    fact.classList.add("selected");
    const pin = fact.querySelector(".pin");
    if (pin) pin.classList.add("selected");
    const kind = tpl.dataset.kind || "";
    const label = tpl.dataset.label || "";
    const spans = (tpl.dataset.spans || "").split(" ").filter(Boolean);
    if (!spans.length) {
      const box = el("div", "ev-item");
      box.append(el("div", "ev-kind", kind), el("div", "ev-label", label),
        el("p", "empty", "No evidence span stored."));
      openEvidence([box], fact);
      return;
    }
    openEvidence([el("p", "empty", "Loading the evidence…")], fact);
    fetchEvidence(spans).then((items) => {
      if (opener !== fact) return; // another fact was opened meanwhile
      body().replaceChildren(...items.map((ev, i) => evidenceItem(ev, kind, label, i === 0)));
    }).catch(() => {
      if (opener === fact) body().replaceChildren(el("p", "error-reason", "The evidence could not be loaded."));
    });
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* Evidence is fetched when a fact is opened, not embedded for every fact: a story page
     carries only each fact's spans (article:start:end) and stays light however big. */
  const evidenceCache = new Map();

  function evidenceItem(ev, kind, label, first) {
    const box = el("div", "ev-item");
    if (first) box.append(el("div", "ev-kind", kind), el("div", "ev-label", label));
    const quote = el("blockquote", "ev-sentence");
    const a = Math.max(0, ev.start - ev.sentence_start);
    const b = Math.max(a, ev.end - ev.sentence_start);
    quote.append(ev.sentence.slice(0, a), el("mark", null, ev.sentence.slice(a, b)), ev.sentence.slice(b));
    box.append(quote);
    const source = [ev.outlet || "No outlet named", niceDate(ev.published)];
    if (ev.article_title) source.push(ev.article_title);
    box.append(el("div", "ev-source", source.join(" · ")));
    const link = el("a", "ev-link", "Open the article at this passage →");
    link.href = ev.href;
    box.append(link);
    return box;
  }

  async function fetchEvidence(spans) {
    const key = spans.join(" ");
    if (!evidenceCache.has(key)) {
      const query = spans.map((s) => "span=" + encodeURIComponent(s)).join("&");
      evidenceCache.set(key, fetch("/api/evidence?" + query).then((res) => {
        if (!res.ok) throw new Error("evidence request failed: " + res.status);
        return res.json();
      }));
    }
    return evidenceCache.get(key);
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* '2025-03-06' or '2025-03-06T15:45:00' → '6 Mar 2025' (and its clock when it has one). */
  function niceDate(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value || "");
    if (!m) return value || "undated";
    const day = +m[3] + " " + MONTHS[+m[2] - 1] + " " + m[1];
    return m[4] && (m[4] !== "00" || m[5] !== "00") ? day + ", " + m[4] + ":" + m[5] : day;
  }

  /* Article page: a highlighted segment lists the items covering it (from #facts-data). */
  function showSegment(seg, facts) {
    document.querySelectorAll(".hl.selected").forEach((n) => n.classList.remove("selected"));
    seg.classList.add("selected");
    const items = (seg.dataset.items || "").split(",").filter(Boolean).map((i) => facts[+i]);
    openEvidence(items.map((f) => {
      const box = el("div", "ev-item");
      box.append(el("div", "ev-kind", f.kind), el("div", "ev-label", f.label));
      if (f.detail) box.append(el("div", "ev-source", f.detail));
      box.append(el("blockquote", "ev-sentence", f.text));
      box.append(el("div", "ev-source", "characters " + f.start + "–" + f.end));
      return box;
    }), seg);
  }

  function initArticle() {
    const data = document.getElementById("facts-data");
    const text = document.getElementById("article-text");
    if (!data || !text) return;
    const facts = JSON.parse(data.textContent);
    text.addEventListener("click", (e) => {
      const seg = e.target.closest(".hl[data-items]");
      if (seg && seg.dataset.items) showSegment(seg, facts);
    });
    const clutter = document.getElementById("show-clutter");
    if (clutter) clutter.addEventListener("change", () => text.classList.toggle("hide-clutter", !clutter.checked));
    const focus = document.getElementById("hl");
    if (focus) focus.scrollIntoView({ block: "center" });
  }

  /* Ingest job page: poll the job until it ends, then list new articles and errors. */
  /* The job page: every input with what the pipeline made of it, file by file as each is
     committed (the server ingests one input at a time), polled until the job ends. */
  function articleLink(o) {
    const link = el("a", null, (o.article && o.article.title) || o.article_id);
    link.href = "/articles/" + encodeURIComponent(o.article_id);
    return link;
  }

  function outcomeItem(o) {
    const li = el("li", "outcome " + o.kind);
    if (o.kind === "new") {
      li.append(el("span", "chip new", "New article"), " ", articleLink(o));
    } else if (o.kind === "duplicate") {
      li.append(el("span", "chip dup", "Duplicate"), " already stored as ", articleLink(o));
    } else {
      li.append(el("span", "chip refused", "Refused"), " ", el("span", "error-reason", o.reason));
    }
    if (o.locator) li.append(" ", el("span", "row-meta", o.locator));
    const a = o.article;
    if (a && (a.outlet || a.published)) {
      const when = a.published ? niceDate(a.published) : "";
      li.append(" ", el("span", "row-meta", [a.outlet, when].filter(Boolean).join(" ")));
    }
    return li;
  }

  function inputItem(input) {
    const li = el("li", "job-input " + input.state);
    li.dataset.state = input.state;
    const head = el("div");
    head.append(el("code", null, input.name), " ", el("span", "input-state", input.state));
    const outcomes = el("ul", "outcomes");
    outcomes.append(...input.outcomes.map(outcomeItem));
    li.append(head, outcomes);
    return li;
  }

  function initJob() {
    const job = document.getElementById("job");
    if (!job) return;
    const id = job.dataset.job;
    const status = document.getElementById("job-status");
    const message = document.getElementById("job-message");
    const count = document.getElementById("job-count");
    const bar = document.getElementById("job-progress");
    const inputs = document.getElementById("job-inputs");
    let shown = "";
    async function poll() {
      let state;
      try {
        const res = await fetch("/api/ingest/jobs/" + encodeURIComponent(id));
        state = await res.json();
      } catch (err) {
        setTimeout(poll, 1000);
        return;
      }
      status.textContent = state.status;
      status.className = "status " + state.status;
      if (message.textContent !== (state.message || "")) message.textContent = state.message || "";
      count.textContent = state.done + " of " + state.total + " done";
      bar.max = Math.max(1, state.total);
      bar.value = state.done;
      const key = JSON.stringify(state.inputs);
      if (key !== shown) {  // redraw only on change: a screen reader is not re-read the list
        shown = key;
        inputs.replaceChildren(...state.inputs.map(inputItem));
      }
      if (["done", "failed", "cancelled"].includes(state.status)) {
        const other = document.getElementById("job-other");
        const errs = document.getElementById("job-errors");
        errs.replaceChildren(...state.step_errors.map((e) => {
          const li = el("li");
          li.append(el("code", null, e.source_path), " " + (e.locator || ""),
            el("div", "error-reason", e.reason));
          return li;
        }));
        document.getElementById("job-error-count").textContent = state.step_errors.length;
        other.hidden = state.step_errors.length === 0;
        return;
      }
      setTimeout(poll, 400);
    }
    poll();
  }

  document.addEventListener("click", (e) => {
    if (e.target.closest("[data-close-evidence]")) { closeEvidence(); return; }
    if (e.target.closest("a")) return; // links keep working inside facts
    const ref = e.target.closest("[data-fact-ref]");
    if (ref) { const target = document.getElementById(ref.dataset.factRef); if (target) showFact(target); return; }
    const fact = e.target.closest(".fact");
    if (fact) showFact(fact);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { closeEvidence(); return; }
    const item = e.target.closest && e.target.closest(ITEMS);
    if (!item || item !== e.target) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (item.classList.contains("fact")) showFact(item);
      else item.click();
    } else if (moveFocus(item, e.key)) {
      e.preventDefault();
    }
  });
  document.addEventListener("DOMContentLoaded", () => { makeRoving(); initArticle(); initJob(); });
})();
