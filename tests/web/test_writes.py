"""--allow-writes: POST /api/articles extracts with the pipeline and stores the result."""

from __future__ import annotations

from fastapi.testclient import TestClient

from frontlines.web.app import create_app

TEXT = ("Syrian Army units shelled positions of the Islamic State near Palmyra on Sunday, "
        "a military source said.\n")


def test_posting_an_article_stores_it(tmp_path, pipeline):
    app = create_app(str(tmp_path / "w.db"), allow_writes=True)
    app.state.pipeline = pipeline
    with TestClient(app) as client:
        before = client.get("/api/stats").json()["articles"]
        response = client.post("/api/articles", json={"text": TEXT, "title": "Test", "published": "2017-06-18"})
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["created"] is True
        assert client.get("/api/stats").json()["articles"] == before + 1
        assert client.get(f"/api/articles/{body['article_id']}").json()["title"] == "Test"
        again = client.post("/api/articles", json={"text": TEXT, "title": "Test", "published": "2017-06-18"})
        assert again.json()["created"] is False


def test_posting_needs_text(tmp_path):
    with TestClient(create_app(str(tmp_path / "w.db"), allow_writes=True)) as client:
        response = client.post("/api/articles", json={"text": ""})
        assert response.status_code == 422
        assert "text" in response.json()["detail"]


def test_cross_origin_posts_are_refused(tmp_path):
    with TestClient(create_app(str(tmp_path / "w.db"), allow_writes=True)) as client:
        response = client.post("/api/articles", json={"text": TEXT}, headers={"Origin": "https://evil.example"})
        assert response.status_code == 403
        assert client.get("/api/stats").json()["articles"] == 0
