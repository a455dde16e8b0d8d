// The article view: cleaned text with event sentences, places and actors highlighted.
"use strict";

(() => {
  const {el, api, apiOrMessage, safeUrl, showMessage, definitionList, slug, pct, actorName} = FL;

  /** Split text at every highlight boundary; each piece carries the highlights covering it. */
  function pieces(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const h of spans) { cuts.add(h.start); cuts.add(h.end); }
    const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; i += 1) {
      const a = points[i];
      const b = points[i + 1];
      out.push({text: text.slice(a, b), start: a, spans: spans.filter((h) => h.start <= a && h.end >= b)});
    }
    return out;
  }

  function renderText(container, text, spans) {
    container.replaceChildren();
    const seenEvents = new Set();
    for (const piece of pieces(text, spans)) {
      if (!piece.spans.length) { container.append(piece.text); continue; }
      const classes = [...new Set(piece.spans.map((h) => `hl-${h.kind}`))].join(" ");
      const labels = [...new Set(piece.spans.map((h) => `${h.kind}: ${h.label}`))].join("\n");
      const span = el("span", {class: classes, title: labels}, piece.text);
      const ev = piece.spans.find((h) => h.kind === "event" && h.event_id);
      if (ev) {
        span.dataset.eventId = ev.event_id;
        if (!seenEvents.has(ev.event_id)) { span.id = `event-${ev.event_id}`; seenEvents.add(ev.event_id); }
      }
      container.append(span);
    }
  }

  function renderEvents(list, events) {
    list.replaceChildren(...events.map((ev) => el("li", {class: `t-${slug(ev.event_type)}`},
      el("a", {href: `#event-${encodeURIComponent(ev.id)}`}, ev.event_type || "Unknown type"),
      ev.sub_event_type ? ` — ${ev.sub_event_type}` : "",
      el("br"),
      `${ev.date || "date unknown"} · ${(ev.place && (ev.place.name || ev.place.text)) || "place unknown"} · `,
      `${ev.modality} · ${pct(ev.confidence)}`,
      ev.actor1 ? el("br") : null,
      ev.actor1 ? `${actorName(ev.actor1)}${ev.actor2 ? ` vs ${actorName(ev.actor2)}` : ""}` : null,
      ev.attribution ? el("br") : null,
      ev.attribution ? `according to ${ev.attribution}` : null)));
  }

  async function start() {
    const parts = window.location.pathname.split("/");
    const id = decodeURIComponent(parts[parts.length - 1] || "");
    const art = await apiOrMessage(`/api/articles/${encodeURIComponent(id)}`, `Article ${id}`);
    if (!art) return;
    document.getElementById("title").textContent = art.title || "(untitled article)";
    const url = safeUrl(art.url);
    definitionList(document.getElementById("meta"), [
      ["Outlet", art.outlet],
      ["Original source", art.original_source],
      ["Published", art.published],
      ["Authors", (art.authors || []).join(", ")],
      ["Translator", art.translator],
      ["URL", url ? el("a", {href: url, rel: "noopener noreferrer nofollow", target: "_blank"}, url) : art.url],
      ["Language", art.language],
      ["Article id", art.article_id],
      ["Places / events", `${(art.places || []).length} / ${(art.events || []).length}`],
      ["Problems", (art.errors || []).join("; ")],
    ]);
    renderText(document.getElementById("text"), art.clean_text || "", art.highlights || []);
    renderEvents(document.getElementById("event-list"), art.events || []);
    if (window.location.hash) {
      const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) { target.classList.add("focus"); target.scrollIntoView({block: "center"}); }
    }
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
