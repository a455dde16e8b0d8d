"""The map over the sample article (real pipeline) plus one hostile article, in Debian's Chromium."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect

from .test_browser import MARKER, click_some_marker, open_map

pytestmark = pytest.mark.browser


def test_sample_article_on_the_map(page, sample_server, output_dir):
    api = httpx.get(f"{sample_server.url}/api/points", params={"limit": 1000}).json()
    assert len(api["points"]) >= 3, "the sample article should give several located events"
    open_map(page, sample_server.url + "/")
    assert page.locator(".fl-marker, .marker-cluster").count() > 0

    event_id = click_some_marker(page)
    page.wait_for_selector("#panel:not([hidden]) .evidence mark")
    event = httpx.get(f"{sample_server.url}/api/events/{event_id}").json()
    assert page.locator("#panel .evidence mark").inner_text() == event["context"]["paragraph"][
        event["context"]["start"]:event["context"]["end"]]
    assert event["sentence"].split()[0] in page.locator("#panel .evidence mark").inner_text()
    page.screenshot(path=str(output_dir / "sample-map.png"))

    before = page.locator("#count").get_attribute("data-total")
    options = page.locator("select[name=event_type] option").all()
    assert len(options) >= 3, "expected at least two event types (the sample's and the hostile article's)"
    page.select_option("select[name=event_type]", options[-1].get_attribute("value"))  # the rarest type
    page.click("#filters button[type=submit]")
    expect(page.locator("#count")).not_to_have_attribute("data-total", str(before))  # no eval: the CSP forbids it
    assert int(page.locator("#count").get_attribute("data-total")) < int(before)
    page.screenshot(path=str(output_dir / "sample-map-filtered.png"))

    assert page.evaluate(f"typeof window.{MARKER}") == "undefined"
    assert page.title() == "frontlines map"
    assert page.errors == []


def test_sample_article_view(page, sample_server, output_dir):
    events = httpx.get(f"{sample_server.url}/api/events", params={"limit": 1, "q": "Syrian"}).json()["events"]
    page.goto(f"{sample_server.url}/articles/{events[0]['article_id']}")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#text .hl-event").count() >= 3
    assert page.locator("#text .hl-place").count() >= 3
    page.screenshot(path=str(output_dir / "sample-article.png"), full_page=True)
    assert page.evaluate(f"typeof window.{MARKER}") == "undefined"
    assert page.errors == []
