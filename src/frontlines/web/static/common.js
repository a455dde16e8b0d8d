// Shared helpers for the frontlines pages. Every piece of text from the API
// goes into the page through text nodes or setAttribute; no HTML string is ever parsed.
"use strict";

const FL = (() => {
  /** Build an element: el("a", {href: "/x", class: "y"}, "text", childNode). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
  function safeUrl(value) {
    if (typeof value !== "string") return null;
    try {
      const url = new URL(value, window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (_err) {
      return null;
    }
  }

  function slug(value) {
    return String(value || "other").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "other";
  }

  function query(params) {
    const usp = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && value !== undefined && value !== "") usp.set(key, value);
    }
    return usp.toString();
  }

  async function api(path, params) {
    const qs = params ? query(params) : "";
    const response = await fetch(qs ? `${path}?${qs}` : path, {headers: {Accept: "application/json"}});
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const detail = typeof body.detail === "string" ? body.detail : `HTTP ${response.status}`;
      throw new Error(detail);
    }
    return body;
  }

  function showMessage(text) {
    const box = document.getElementById("message");
    if (!box) return;
    box.textContent = text || "";
    box.hidden = !text;
  }

  /** api(path), or null after showing "<what>: <error>" in the page's message box. */
  async function apiOrMessage(path, what) {
    try {
      return await api(path);
    } catch (err) {
      showMessage(`${what}: ${err.message}`);
      return null;
    }
  }

  function pct(value) {
    return typeof value === "number" ? `${Math.round(value * 100)}%` : "unknown";
  }

  /** A <dl> row list from [label, value-or-node] pairs; empty values read "unknown". */
  function definitionList(dl, rows) {
    dl.replaceChildren();
    for (const [label, value] of rows) {
      dl.append(el("dt", {}, label));
      const empty = value === null || value === undefined || value === "";
      dl.append(el("dd", {class: empty ? "unknown" : null}, empty ? "unknown" : value));
    }
    return dl;
  }

  function actorName(actor) {
    return actor ? actor.name : null;
  }

  // -- rings that cross the antimeridian --------------------------------------------------------
  // Borders data stitches polygons across +-180 (Russia, Fiji) and around the South Pole
  // (Antarctica). Drawn on a flat map, the jump from 180 to -180 inside a ring becomes a line
  // across the whole world. splitAtAntimeridian makes each such ring continuous (unwrapped
  // longitudes; a ring around a pole closed through the pole), cuts it at +-180 and moves the
  // pieces back into [-180, 180]: a MultiPolygon with no edge longer than half the world.

  function unwrap(ring) {
    const out = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
      let lon = ring[i][0];
      const last = out[i - 1][0];
      while (lon - last > 180) lon -= 360;
      while (lon - last < -180) lon += 360;
      out.push([lon, ring[i][1]]);
    }
    const turn = out[out.length - 1][0] - out[0][0];
    if (Math.abs(turn) > 180) {  // around a pole: close it through the pole
      const meanLat = out.reduce((sum, p) => sum + p[1], 0) / out.length;
      const pole = meanLat < 0 ? -90 : 90;
      out.push([out[out.length - 1][0], pole], [out[0][0], pole], out[0].slice());
    }
    return out;
  }

  function clipHalf(ring, x, keepBelow) {
    const inside = (p) => (keepBelow ? p[0] <= x : p[0] >= x);
    const out = [];
    for (let i = 0; i < ring.length; i++) {
      const cur = ring[i];
      const prev = ring[(i + ring.length - 1) % ring.length];
      if (inside(cur) !== inside(prev)) {
        const t = (x - prev[0]) / (cur[0] - prev[0]);
        out.push([x, prev[1] + t * (cur[1] - prev[1])]);
      }
      if (inside(cur)) out.push(cur);
    }
    return out;
  }

  /** The part of a closed ring between longitudes west and east, shifted by `shift`, or null. */
  function clipStrip(ring, west, east, shift) {
    const open = ring.slice(0, -1);
    const piece = clipHalf(clipHalf(open, west, false), east, true);
    if (piece.length < 3) return null;
    piece.push(piece[0]);
    return piece.map(([lon, lat]) => [lon + shift, lat]);
  }

  function crosses(ring) {
    return ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
  }

  function splitPolygon(rings) {
    if (!rings.some(crosses)) return [rings];
    const whole = rings.map(unwrap);
    const pieces = [];
    for (const k of [-1, 0, 1]) {
      const [outer, ...holes] = whole.map((r) => clipStrip(r, -180 + 360 * k, 180 + 360 * k, -360 * k));
      if (outer) pieces.push([outer, ...holes.filter(Boolean)]);
    }
    return pieces;
  }

  /** A GeoJSON geometry with its rings cut at the antimeridian (other geometries unchanged). */
  function splitAtAntimeridian(geometry) {
    if (!geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon")) return geometry;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const out = polygons.flatMap(splitPolygon);
    return out.length === 1 ? {type: "Polygon", coordinates: out[0]} : {type: "MultiPolygon", coordinates: out};
  }

  return {el, safeUrl, slug, query, api, apiOrMessage, showMessage, pct, definitionList, actorName, splitAtAntimeridian};
})();
