/* The analyst's desk: evidence drawer, article highlights, ingest progress. No libraries.
   Everything from the store reaches the page server-escaped; this script only moves
   server-rendered nodes around and sets textContent, never innerHTML. */
(function () {
  "use strict";

  const panel = () => document.getElementById("evidence-panel");
  const body = () => document.getElementById("evidence-body");

  function openEvidence(nodes) {
    body().replaceChildren(...nodes);
    panel().classList.add("open");
  }

  function closeEvidence() {
    panel().classList.remove("open");
    document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  }

  /* A fact carries its evidence in an inert <template class="ev"> rendered by the server. */
  function showFact(fact) {
    const tpl = fact.querySelector(":scope > template.ev");
    if (!tpl) return;
    document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
    fact.classList.add("selected");
    const pin = fact.querySelector(".pin");
    if (pin) pin.classList.add("selected");
    openEvidence([tpl.content.cloneNode(true)]);
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
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
    }));
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
  function initJob() {
    const job = document.getElementById("job");
    if (!job) return;
    const id = job.dataset.job;
    const status = document.getElementById("job-status");
    const message = document.getElementById("job-message");
    const bar = document.getElementById("job-progress");
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
      message.textContent = state.message || "";
      bar.max = Math.max(1, state.total);
      bar.value = state.done;
      if (state.status === "done" || state.status === "failed") {
        const arts = document.getElementById("job-articles");
        arts.replaceChildren(...state.articles.map((a) => {
          const li = el("li");
          const link = el("a", "row-title", a.title || a.id);
          link.href = "/articles/" + encodeURIComponent(a.id);
          li.append(link, el("div", "row-meta", [a.outlet, a.published].filter(Boolean).join(" ")));
          return li;
        }));
        document.getElementById("job-article-count").textContent = state.articles.length;
        const errs = document.getElementById("job-errors");
        errs.replaceChildren(...state.errors.map((e) => {
          const li = el("li");
          li.append(el("code", null, e.source_path), " " + (e.locator || ""),
            el("div", "error-reason", e.reason));
          return li;
        }));
        document.getElementById("job-error-count").textContent = state.errors.length;
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
    if (e.key === "Escape") closeEvidence();
    if (e.key === "Enter" && e.target.classList && e.target.classList.contains("fact")) showFact(e.target);
  });
  document.addEventListener("DOMContentLoaded", () => { initArticle(); initJob(); });
})();
