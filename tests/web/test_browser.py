"""Real-browser tests: Playwright driving Debian's Chromium against a live server."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MARKER = "__frontlines_pwned"


def open_map(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")


def click_some_marker(page) -> str:
    """Click clusters until a single marker is visible, click it; returns the id of the event the panel shows.

    Markers may overlap or still be animating: a click that Playwright cannot deliver
    is retried at the marker's position (it may then land on a neighbouring marker,
    which is why the id is read from the panel).
    """
    for _ in range(10):
        marker = page.locator(".fl-marker").first
        if marker.count() and marker.is_visible():
            try:
                marker.click(timeout=5000)
            except PlaywrightTimeout:
                marker.click(force=True)
            try:
                page.wait_for_selector("#panel:not([hidden]) .evidence mark", timeout=5000)
            except PlaywrightTimeout:
                continue
            return str(page.locator("#panel").get_attribute("data-event-id"))
        page.locator(".marker-cluster").first.click(force=True)
        page.wait_for_timeout(800)
    raise AssertionError("no marker could be clicked")


def test_map_shows_markers_and_counts(page, live_server, output_dir):
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    open_map(page, live_server.url + "/")
    assert requested and all(u.startswith((live_server.url + "/", "data:")) for u in requested)  # offline
    assert page.locator(".fl-marker, .marker-cluster").count() > 0
    assert re.match(r"\d+ events", page.locator("#count").inner_text())
    assert page.locator("path.country").count() > 100  # the offline borders are drawn
    page.screenshot(path=str(output_dir / "map.png"))
    assert page.errors == []


def test_clicking_a_marker_opens_its_evidence(page, live_server, client, output_dir):
    open_map(page, live_server.url + "/")
    event_id = click_some_marker(page)
    page.wait_for_selector("#panel:not([hidden]) .evidence mark")
    expected = client.get(f"/api/events/{event_id}").json()["sentence"]
    assert page.locator("#panel .evidence mark").inner_text() == expected
    assert f"event={event_id}" in page.url
    page.screenshot(path=str(output_dir / "map-panel.png"))


def test_a_filter_changes_the_count_and_the_url(page, live_server):
    open_map(page, live_server.url + "/")
    before = int(page.locator("#count").get_attribute("data-total"))
    page.select_option("select[name=event_type]", "Battles")
    page.click("#filters button[type=submit]")
    expect(page.locator("#count")).not_to_have_attribute("data-total", str(before))  # no eval: the CSP forbids it
    after = int(page.locator("#count").get_attribute("data-total"))
    assert 0 < after < before
    assert "event_type=Battles" in page.url
    assert "event_type=Battles" in page.locator("#export-csv").get_attribute("href")


def test_filters_in_the_url_are_applied_on_load(page, live_server, client):
    open_map(page, live_server.url + "/?modality=denied")
    expected = client.get("/api/events", params={"modality": "denied", "limit": 1}).json()["total"]
    assert page.locator("#count").get_attribute("data-total") == str(expected)
    assert page.locator("select[name=modality]").input_value() == "denied"


def test_hostile_article_never_runs_script(page, live_server, client, output_dir):
    hostile = client.get("/api/events", params={"q": "shelled", "limit": 1}).json()["events"][0]
    open_map(page, f"{live_server.url}/?event={hostile['id']}")
    page.wait_for_selector("#panel:not([hidden]) .evidence mark")
    assert "<script>" in page.locator("#panel").inner_text()  # shown as text
    page.click("#panel .article-link")
    page.wait_for_selector("body[data-ready='1'] #text .hl-event")
    assert "<img src=x" in page.locator("#title").inner_text()
    page.screenshot(path=str(output_dir / "hostile-article.png"))
    assert page.evaluate(f"typeof window.{MARKER}") == "undefined"
    assert page.title() == "frontlines article"
    assert page.locator("#text script, #text img, #meta a[href^=javascript]").count() == 0


def test_article_view_highlights_events_places_and_actors(page, live_server, client, output_dir):
    ev = client.get("/api/events", params={"limit": 1, "q": "report 3."}).json()["events"][0]
    page.goto(f"{live_server.url}/articles/{ev['article_id']}#event-{ev['id']}")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#text .hl-event").count() >= 1
    assert ev["place"]["text"] in page.locator("#text .hl-place").all_inner_texts()
    assert page.locator("#text .hl-actor").count() >= 2
    assert page.locator(".focus").count() == 1
    page.screenshot(path=str(output_dir / "article.png"), full_page=True)
    assert page.errors == []


def test_dragging_on_the_timeline_sets_a_date_range(page, live_server):
    open_map(page, live_server.url + "/")
    before = page.locator("#count").get_attribute("data-total")
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    expect(page.locator("#count")).not_to_have_attribute("data-total", str(before))
    assert "date_from=2017-" in page.url and "date_to=2017-" in page.url
    assert page.locator("input[name=date_from]").input_value().startswith("2017-")
    assert page.locator("#timeline .selection").count() == 1
    page.locator("#timeline").dblclick()
    expect(page.locator("#count")).to_have_attribute("data-total", str(before))


_SPLIT_CHECK = """async () => {
  const maxJump = (geometry) => {
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    let jump = 0;
    for (const ring of polys.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [a, b] = [ring[i - 1], ring[i]];
        if (Math.abs(a[1]) >= 89.9 && Math.abs(b[1]) >= 89.9) continue;  // the edge along a pole
        jump = Math.max(jump, Math.abs(b[0] - a[0]));
      }
    }
    return jump;
  };
  const inRange = (geometry) => JSON.stringify(geometry.coordinates).match(/-?\\d+(\\.\\d+)?/g) !== null
    && (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
      .flat(2).every(([lon]) => lon >= -180 && lon <= 180);
  const topo = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
  const features = topojson.feature(topo, topo.objects.countries).features;
  const raw = Math.max(...features.map((f) => maxJump(f.geometry)));
  const split = features.map((f) => FL.splitAtAntimeridian(f.geometry));
  const fiji = FL.splitAtAntimeridian({type: "Polygon", coordinates: [[[178, -16], [-178, -16], [-178, -18],
                                                                        [178, -18], [178, -16]]]});
  return {raw, split: Math.max(...split.map(maxJump)), inRange: split.every(inRange),
          fiji: fiji.type === "MultiPolygon" ? fiji.coordinates.map((p) => p[0].map(([lon]) => lon)) : null};
}"""


def test_borders_crossing_the_antimeridian_draw_no_band_across_the_world(page, live_server, output_dir):
    open_map(page, live_server.url + "/?view=65,178,3")  # Chukotka, where Russia's outline crosses 180
    page.wait_for_selector("path.country", state="attached")
    result = page.evaluate(_SPLIT_CHECK)
    assert result["raw"] > 180  # the borders data does stitch rings across +-180 (Russia, Fiji, Antarctica)
    assert result["split"] < 180 and result["inRange"]
    west, east = sorted(result["fiji"], key=min)
    assert min(west) == -180 and max(west) == -178 and min(east) == 178 and max(east) == 180
    # Drawn: no country outline has a horizontal edge across a quarter of the map or more (before the
    # split, Russia's outline ran from 180 across the whole view at 65-70 degrees north).
    widest = page.evaluate("""() => {
      let widest = 0;
      for (const path of document.querySelectorAll("path.country")) {
        const points = (path.getAttribute("d") || "").match(/-?\\d+(\\.\\d+)?/g) || [];
        for (let i = 2; i + 1 < points.length; i += 2) {
          const dx = Math.abs(Number(points[i]) - Number(points[i - 2]));
          const dy = Math.abs(Number(points[i + 1]) - Number(points[i - 1]));
          if (dy < 2) widest = Math.max(widest, dx);
        }
      }
      return widest / document.querySelector("#map").clientWidth;
    }""")
    page.screenshot(path=str(output_dir / "map-antimeridian.png"))
    assert widest < 0.25
