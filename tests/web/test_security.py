"""Hostile text stays text; headers, read-only mode and paths are locked down."""

from __future__ import annotations

import re

import pytest

from frontlines.web.app import STATIC, create_app

MARKER = "__frontlines_pwned"


def hostile_event(client):
    return client.get("/api/events", params={"q": "shelled", "limit": 1}).json()["events"][0]


def test_csp_forbids_inline_script(client):
    csp = client.get("/").headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert script_src.strip() == "'self'"
    assert "unsafe" not in csp
    assert "default-src 'none'" in csp


@pytest.mark.parametrize("path", ["/", "/api/events", "/static/map.js"])
def test_every_response_has_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "content-security-policy" in headers


@pytest.mark.parametrize("page", ["map.html", "article.html"])
def test_pages_carry_no_inline_script_or_style(page):
    html = (STATIC / page).read_text("utf-8")
    for match in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in match.group(1) and match.group(2).strip() == ""
    assert "<style" not in html and "style=" not in html
    assert not re.search(r"\son[a-z]+=", html)


def test_scripts_never_use_inner_html():
    for js in ("common.js", "map.js", "article.js"):
        text = (STATIC / js).read_text("utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text


def test_json_escapes_html_characters(client):
    response = client.get("/api/events", params={"q": "shelled"})
    assert "<" not in response.text and ">" not in response.text
    assert "\\u003c/script\\u003e" in response.text
    assert "</script>" in hostile_event(client)["sentence"]  # the same text once decoded


def test_hostile_fields_round_trip_as_text(client):
    ev = hostile_event(client)
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert "<img src=x onerror=" in art["title"]
    assert art["url"].startswith("javascript:")  # stored as given; the pages never make it a link
    assert "<" not in client.get(f"/api/articles/{ev['article_id']}").text


def test_csv_export_defuses_formulas(tmp_path):
    from frontlines.export import csv_values

    row = csv_values({"id": "=HYPERLINK(\"x\")", "sentence": "+1", "attribution": "@cmd",
                      "modality": "\tcmd", "event_type": "\r=1", "sub_event_type": "-2+3"})
    assert row[0].startswith("'=") and "'+1" in row and "'@cmd" in row
    assert "'\tcmd" in row and "'\r=1" in row and "'-2+3" in row


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static//etc/passwd", "/static/vendor/../../app.py",
])
def test_static_files_refuse_path_traversal(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "create_app" not in response.text


@pytest.mark.parametrize("article_id", ["..%2F..%2Fetc%2Fpasswd", "%2e%2e", "a%00b", "x" * 300])
def test_article_ids_are_validated(client, article_id):
    assert client.get(f"/api/articles/{article_id}").status_code in (404, 422)


def test_read_only_by_default(client, web_db):
    assert client.post("/api/articles", json={"text": "x"}).status_code in (404, 405)
    store = client.app.state.store
    with pytest.raises(Exception, match="readonly"):
        store.conn.execute("DELETE FROM events")


def test_missing_database_is_a_clear_error(tmp_path):
    from frontlines.errors import StoreError

    with pytest.raises(StoreError, match="no such database"):
        create_app(str(tmp_path / "missing.db"))


def test_tile_server_is_allowed_only_when_configured(web_db):
    from fastapi.testclient import TestClient

    app = create_app(web_db, tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png")
    with TestClient(app) as c:
        csp = c.get("/").headers["content-security-policy"]
        assert "img-src 'self' data: https://*.tile.example.org" in csp
        assert c.get("/api/config").json()["tiles"].startswith("https://")


def test_loopback_server_refuses_foreign_host_headers(web_db):
    from fastapi.testclient import TestClient

    from frontlines.web.app import LOOPBACK_HOSTS

    with TestClient(create_app(web_db, allowed_hosts=LOOPBACK_HOSTS), base_url="http://127.0.0.1:8080") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"Host": "rebind.attacker.example"}).status_code == 400
