// The map page: filters (kept in the URL), clustered markers, timeline brush, evidence panel.
"use strict";

(() => {
  const {el, api, apiOrMessage, slug, showMessage, pct, definitionList, actorName, safeUrl, query} = FL;
  const FILTERS = ["event_type", "sub_event_type", "actor", "country", "modality", "outlet", "q", "date_from", "date_to"];
  const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                 "Strategic developments"];
  const SVG = "http://www.w3.org/2000/svg";
  const state = {filters: {}, event: null, view: null, fitted: false};
  let map = null;
  let cluster = null;
  let config = {};
  let facets = null;
  let reloadSeq = 0;

  function readUrl() {
    const usp = new URLSearchParams(window.location.search);
    for (const name of FILTERS) state.filters[name] = usp.get(name) || "";
    state.event = usp.get("event");
    const view = (usp.get("view") || "").split(",").map(Number);
    state.view = view.length === 3 && view.every(Number.isFinite) ? view : null;
  }

  function writeUrl() {
    const params = {...state.filters, event: state.event};
    if (map && state.fitted) {
      const c = map.getCenter();
      params.view = `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${map.getZoom()}`;
    }
    const qs = query(params);
    window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
    updateExports();
  }

  function activeFilters() {
    const out = {};
    for (const name of FILTERS) if (state.filters[name]) out[name] = state.filters[name];
    return out;
  }

  function visibleBbox() {
    if (!map) return null;
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const west = clamp(b.getWest(), -180, 180);
    const east = clamp(b.getEast(), -180, 180);
    const south = clamp(b.getSouth(), -90, 90);
    const north = clamp(b.getNorth(), -90, 90);
    if (east - west >= 359 || west >= east || south >= north) return null;
    return [west, south, east, north].map((v) => v.toFixed(4)).join(",");
  }

  function updateExports() {
    const params = {...activeFilters(), bbox: visibleBbox()};
    const qs = query(params);
    document.getElementById("export-csv").href = `/api/export.csv${qs ? `?${qs}` : ""}`;
    document.getElementById("export-geojson").href = `/api/export.geojson${qs ? `?${qs}` : ""}`;
  }

  // -- filters --------------------------------------------------------
  function fillSelect(select, rows, current, label) {
    const keep = select.querySelector("option[value='']");
    select.replaceChildren(keep);
    let found = false;
    for (const row of rows) {
      const value = row[0];
      const count = row[row.length - 1];
      if (value === current) found = true;
      select.append(el("option", {value}, `${label ? label(value) : value} (${count})`));
    }
    if (current && !found) select.append(el("option", {value: current}, current));
    select.value = current || "";
  }

  function fillForm() {
    const form = document.getElementById("filters");
    for (const name of FILTERS) {
      const field = form.elements.namedItem(name);
      if (field && field.tagName !== "SELECT") field.value = state.filters[name] || "";
    }
    if (!facets) return;
    fillSelect(form.elements.namedItem("event_type"), facets.event_type, state.filters.event_type);
    const subs = facets.sub_event_type.filter((r) => !state.filters.event_type || r[1] === state.filters.event_type);
    fillSelect(form.elements.namedItem("sub_event_type"), subs, state.filters.sub_event_type);
    fillSelect(form.elements.namedItem("country"), facets.country, state.filters.country);
    fillSelect(form.elements.namedItem("modality"), facets.modality, state.filters.modality);
    fillSelect(form.elements.namedItem("outlet"), facets.outlet, state.filters.outlet);
  }

  function readForm() {
    const form = document.getElementById("filters");
    for (const name of FILTERS) {
      const field = form.elements.namedItem(name);
      state.filters[name] = field ? field.value.trim() : "";
    }
    if (state.filters.sub_event_type && facets) {
      const ok = facets.sub_event_type.some((r) => r[0] === state.filters.sub_event_type &&
        (!state.filters.event_type || r[1] === state.filters.event_type));
      if (!ok) state.filters.sub_event_type = "";
    }
  }

  async function loadActors() {
    try {
      const body = await api("/api/actors", {limit: 200});
      const list = document.getElementById("actor-list");
      list.replaceChildren(...body.actors.map((a) => el("option", {value: a.name})));
    } catch (_err) { /* the datalist is only a convenience */ }
  }

  // -- map ------------------------------------------------------------
  function makeMap() {
    if (!window.L) {
      showMessage("The map library is missing: run `make assets` (copies Leaflet from npm), then reload.");
      return Promise.resolve();
    }
    map = L.map("map", {worldCopyJump: true, minZoom: 2, maxZoom: 14, attributionControl: true});
    map.attributionControl.setPrefix("Leaflet");
    map.setView([30, 30], 3);
    if (config.tiles) {
      L.tileLayer(config.tiles, {attribution: config.tiles_attribution || "", maxZoom: 18}).addTo(map);
    }
    const borders = loadBorders();
    cluster = L.markerClusterGroup
      ? L.markerClusterGroup({maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true})
      : L.featureGroup();
    cluster.addTo(map);
    map.on("moveend", () => { if (state.fitted) writeUrl(); else updateExports(); });
    return borders;
  }

  async function loadBorders() {
    try {
      const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
      if (!response.ok || !window.topojson) throw new Error("missing");
      const topo = await response.json();
      const countries = topojson.feature(topo, topo.objects.countries);
      for (const f of countries.features) f.geometry = FL.splitAtAntimeridian(f.geometry);
      const layer = L.geoJSON(countries, {
        interactive: false,
        style: {color: "#8a8f98", weight: 0.8, fillColor: "#eef0ea", fillOpacity: 1, className: "country"},
      });
      layer.addTo(map);
      layer.bringToBack();
      map.attributionControl.addAttribution("Borders: Natural Earth");
    } catch (_err) {
      showMessage("Country borders are missing: run `make assets`.");
    }
  }

  function markerFor(row) {
    const [id, lat, lon, type, precision, date, modality] = row;
    const icon = L.divIcon({
      className: `fl-marker t-${slug(type)} p-${slug(precision)} m-${slug(modality)}`,
      iconSize: [14, 14],
      html: "",
    });
    const marker = L.marker([lat, lon], {icon, title: `${type || "event"} · ${date || "date unknown"}`,
                                         riseOnHover: true});
    marker.on("add", () => { const e = marker.getElement(); if (e) e.dataset.eventId = id; });
    marker.on("click", () => openEvent(id));
    return marker;
  }

  async function loadPoints(seq) {
    const body = await api("/api/points", {...activeFilters(), limit: 20000});
    if (seq !== reloadSeq) return;
    const count = document.getElementById("count");
    const located = body.points.length;
    count.textContent = `${body.total} event${body.total === 1 ? "" : "s"}` +
      (located !== body.total ? ` (${located} on the map)` : "");
    count.dataset.total = String(body.total);
    if (!map) return;
    cluster.clearLayers();
    const markers = body.points.map(markerFor);
    if (cluster.addLayers) cluster.addLayers(markers); else markers.forEach((m) => cluster.addLayer(m));
    if (!state.fitted) {
      if (state.view) map.setView([state.view[0], state.view[1]], state.view[2], {animate: false});
      else if (markers.length) {
        map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.2), {maxZoom: 8, animate: false});
      }
      state.fitted = true;
    }
  }

  // -- timeline -------------------------------------------------------
  const DAY = 86400000;
  const toDay = (s) => Date.parse(`${s}T00:00:00Z`);
  const fromDay = (t) => new Date(t).toISOString().slice(0, 10);

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  async function loadTimeline(seq) {
    const body = await api("/api/histogram", activeFilters());
    if (seq !== reloadSeq) return;
    drawTimeline(body.days);
  }

  function drawTimeline(days) {
    const box = document.getElementById("timeline");
    const width = box.clientWidth || 800;
    const height = box.clientHeight || 90;
    box.replaceChildren();
    box.setAttribute("viewBox", `0 0 ${width} ${height}`);
    if (!days.length) {
      box.append(Object.assign(svg("text", {x: 8, y: 20, class: "axis"}), {textContent: "no dated events"}));
      return;
    }
    let t0 = toDay(days[0][0]);
    let t1 = toDay(days[days.length - 1][0]) + DAY;
    if (t1 - t0 < 30 * DAY) {  // a short span still reads as days, not one wide bar
      const pad = Math.ceil((30 * DAY - (t1 - t0)) / 2 / DAY) * DAY;
      t0 -= pad;
      t1 += pad;
    }
    const nBins = Math.max(1, Math.min(200, Math.round((t1 - t0) / DAY)));
    const binMs = (t1 - t0) / nBins;
    const bins = new Array(nBins).fill(0);
    for (const [day, n] of days) bins[Math.min(nBins - 1, Math.floor((toDay(day) - t0) / binMs))] += n;
    const max = Math.max(...bins);
    const plotH = height - 18;
    const bw = width / nBins;
    const x = (t) => ((t - t0) / (t1 - t0)) * width;
    const from = state.filters.date_from ? toDay(state.filters.date_from) : null;
    const to = state.filters.date_to ? toDay(state.filters.date_to) + DAY : null;
    if (from !== null || to !== null) {
      const a = x(Math.max(t0, from ?? t0));
      const b = x(Math.min(t1, to ?? t1));
      box.append(svg("rect", {x: a, y: 0, width: Math.max(1, b - a), height: plotH, class: "selection"}));
    }
    bins.forEach((n, i) => {
      if (!n) return;
      const h = Math.max(1, (n / max) * (plotH - 4));
      const bar = svg("rect", {x: i * bw + 0.5, y: plotH - h, width: Math.max(1, bw - 1), height: h, class: "bar"});
      const title = svg("title", {});
      title.textContent = `${fromDay(t0 + i * binMs)}: ${n}`;
      bar.append(title);
      box.append(bar);
    });
    for (const [t, anchor, px] of [[t0, "start", 2], [t1 - DAY, "end", width - 2]]) {  // first and last day
      const label = svg("text", {x: px, y: height - 4, "text-anchor": anchor, class: "axis"});
      label.textContent = fromDay(t);
      box.append(label);
    }
    const brush = svg("rect", {x: 0, y: 0, width: 0, height: plotH, class: "brush"});
    box.append(brush);
    const toTime = (evt) => {
      const r = box.getBoundingClientRect();
      return t0 + ((evt.clientX - r.left) / r.width) * (t1 - t0);
    };
    let start = null;
    box.onpointerdown = (evt) => { start = toTime(evt); box.setPointerCapture(evt.pointerId); };
    box.onpointermove = (evt) => {
      if (start === null) return;
      const a = x(Math.min(start, toTime(evt)));
      const b = x(Math.max(start, toTime(evt)));
      brush.setAttribute("x", a);
      brush.setAttribute("width", Math.max(0, b - a));
    };
    box.onpointerup = (evt) => {
      if (start === null) return;
      const end = toTime(evt);
      const lo = Math.max(t0, Math.min(start, end));
      const hi = Math.min(t1 - 1, Math.max(start, end));
      start = null;
      if (hi - lo < DAY / 2) return;
      state.filters.date_from = fromDay(lo);
      state.filters.date_to = fromDay(hi);
      fillForm();
      reload();
    };
    box.ondblclick = () => {
      state.filters.date_from = "";
      state.filters.date_to = "";
      fillForm();
      reload();
    };
  }

  // -- evidence panel -------------------------------------------------
  function evidenceParagraph(ev) {
    const ctx = ev.context;
    const p = el("p", {class: "evidence"});
    if (ctx && typeof ctx.paragraph === "string") {
      p.append(ctx.paragraph.slice(0, ctx.start), el("mark", {}, ctx.paragraph.slice(ctx.start, ctx.end)),
               ctx.paragraph.slice(ctx.end));
    } else {
      p.append(el("mark", {}, ev.sentence || ""));
    }
    return p;
  }

  function placeText(place) {
    if (!place) return null;
    const bits = [place.name || place.text];
    if (place.country_code) bits.push(place.country_code);
    let s = bits.filter(Boolean).join(", ");
    if (place.relation) s = `${place.relation} ${place.anchor || ""} → ${s}`;
    return `${s} (${place.precision || "unknown"} precision)`;
  }

  async function openEvent(id) {
    const panel = document.getElementById("panel");
    const body = document.getElementById("panel-body");
    const ev = await apiOrMessage(`/api/events/${encodeURIComponent(id)}`, `Event ${id}`);
    if (!ev) return;
    const art = ev.article || {};
    const url = safeUrl(art.url);
    const rules = Object.entries(ev.evidence || {}).map(([k, v]) => `${k}: ${v}`).join("; ");
    body.replaceChildren(
      el("h2", {class: `t-${slug(ev.event_type)}`}, ev.event_type || "Unknown type",
         ev.sub_event_type ? el("small", {}, ` — ${ev.sub_event_type}`) : null),
      evidenceParagraph(ev),
      definitionList(el("dl", {}), [
        ["Date", ev.date ? `${ev.date}${ev.time_precision ? ` (precision ${ev.time_precision})` : ""}` : null],
        ["Where", placeText(ev.place)],
        ["Actor 1", actorName(ev.actor1)],
        ["Actor 2", actorName(ev.actor2)],
        ["Fatalities", ev.fatalities],
        ["Modality", ev.modality],
        ["Attribution", ev.attribution],
        ["Confidence", pct(ev.confidence)],
        ["Article", art.title],
        ["Outlet", art.outlet],
        ["Original source", art.original_source],
        ["Published", art.published],
        ["URL", url ? el("a", {href: url, rel: "noopener noreferrer nofollow", target: "_blank"}, url) : art.url],
        ["Evidence", rules],
      ]),
      el("p", {}, el("a", {href: `/articles/${encodeURIComponent(ev.article_id)}#event-${encodeURIComponent(ev.id)}`,
                           class: "article-link"}, "Open the article view →")),
    );
    panel.hidden = false;
    panel.dataset.eventId = ev.id;
    state.event = ev.id;
    writeUrl();
  }

  function closePanel() {
    document.getElementById("panel").hidden = true;
    state.event = null;
    writeUrl();
  }

  // -- legend and control layer ----------------------------------------
  function drawLegend() {
    const legend = document.getElementById("legend");
    legend.replaceChildren(...TYPES.map((t) => el("span", {class: "legend-item"}, el("i", {class: `swatch t-${slug(t)}`}), t)),
      el("span", {class: "legend-item"}, el("i", {class: "swatch p-near"}), "near / region (halo)"),
      el("span", {class: "legend-item"}, el("i", {class: "swatch hollow"}), "planned, denied or speculative (hollow)"));
  }

  async function setupControl() {
    if (!config.control || !map || !facets) return;
    const stats = await api("/api/stats");
    if (!stats.date_min || !stats.date_max) return;
    const bar = document.getElementById("control-bar");
    const slider = document.getElementById("control-date");
    const label = document.getElementById("control-label");
    const t0 = toDay(stats.date_min);
    const n = Math.round((toDay(stats.date_max) - t0) / DAY);
    slider.max = String(n);
    slider.value = String(n);
    bar.hidden = false;
    let layer = null;
    const draw = async () => {
      const date = fromDay(t0 + Number(slider.value) * DAY);
      label.textContent = date;
      try {
        const geo = await api("/api/control", {date});
        if (layer) layer.remove();
        if (geo && geo.type === "FeatureCollection") {
          layer = L.geoJSON(geo, {
            filter: (f) => Boolean(f.geometry),
            pointToLayer: (f, latlng) => L.circleMarker(latlng, {
              radius: 9, weight: 2, fillOpacity: f.properties.contested ? 0.1 : 0.35,
              className: `control s-${slug(f.properties.side)}${f.properties.contested ? " contested" : ""}`,
            }).bindTooltip(`${f.properties.place}: ${f.properties.controller}${f.properties.contested ? " (contested)" : ""} since ${f.properties.since}`),
          });
          layer.addTo(map);
        }
      } catch (err) {
        label.textContent = `${date}: ${err.message}`;
      }
    };
    slider.addEventListener("change", draw);
    draw();
  }

  // -- wiring ---------------------------------------------------------
  async function reload() {
    const seq = ++reloadSeq;
    writeUrl();
    showMessage("");
    try {
      await Promise.all([loadPoints(seq), loadTimeline(seq)]);
    } catch (err) {
      showMessage(err.message);
    }
  }

  async function start() {
    readUrl();
    drawLegend();
    try {
      [config, facets] = await Promise.all([api("/api/config"), api("/api/facets")]);
    } catch (err) {
      showMessage(err.message);
    }
    const borders = makeMap();
    fillForm();
    const form = document.getElementById("filters");
    form.addEventListener("submit", (evt) => { evt.preventDefault(); readForm(); fillForm(); reload(); });
    form.elements.namedItem("event_type").addEventListener("change", () => { readForm(); fillForm(); });
    document.getElementById("reset").addEventListener("click", () => {
      for (const name of FILTERS) state.filters[name] = "";
      fillForm();
      reload();
    });
    document.getElementById("panel-close").addEventListener("click", closePanel);
    window.addEventListener("resize", () => loadTimeline(reloadSeq).catch(() => {}));
    loadActors();
    await Promise.all([reload(), borders]);
    if (state.event) await openEvent(state.event);
    setupControl().catch(() => {});
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
