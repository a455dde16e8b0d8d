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

  return {el, safeUrl, slug, query, api, showMessage, pct, definitionList, actorName};
})();
