"""GET /sidebar/demo and the widget's static files."""
from __future__ import annotations

import json
import re

from plugin import create_app


def embedded_article(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="demo-article">(.*?)</script>', page, re.S)
    assert match, "the page must embed the article"
    return json.loads(match.group(1))


def test_the_demo_page_embeds_the_shipped_article(client, demo):
    response = client.get("/sidebar/demo")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    article = embedded_article(page)
    assert article["id"] == demo["id"]
    assert [b["id"] for b in article["blocks"]] == [b["id"] for b in demo["blocks"]]
    assert '/static/factcheck-sidebar.css' in page and '/static/sidebar-demo.js' in page


def test_the_demo_can_show_the_shared_seed(tmp_path, shared):
    seed = shared / "examples" / "seed-article.json"
    app = create_app({"TESTING": True, "STORE_PATH": str(tmp_path / "s.db"),
                      "SIDEBAR_DEMO_ARTICLE": str(seed)})
    article = embedded_article(app.test_client().get("/sidebar/demo").get_data(as_text=True))
    assert article["id"] == json.loads(seed.read_text(encoding="utf-8"))["id"]


def test_a_demo_article_that_cannot_be_read_is_a_clear_500(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x"}', encoding="utf-8")  # no headline: not a valid article
    for path in (bad, tmp_path / "missing.json"):
        app = create_app({"TESTING": True, "SIDEBAR_DEMO_ARTICLE": str(path)})
        response = app.test_client().get("/sidebar/demo")
        assert response.status_code == 500
        assert response.mimetype == "application/problem+json"
        assert "SIDEBAR_DEMO_ARTICLE" in response.get_json()["errors"][0]["message"]


def test_embedding_escapes_markup_in_the_article(tmp_path):
    evil = tmp_path / "evil.json"
    evil.write_text(json.dumps({"id": "x", "headline": "</script><script>alert(1)</script>", "blocks": []}),
                    encoding="utf-8")
    app = create_app({"TESTING": True, "SIDEBAR_DEMO_ARTICLE": str(evil)})
    page = app.test_client().get("/sidebar/demo").get_data(as_text=True)
    assert "<script>alert(1)" not in page
    assert embedded_article(page)["headline"] == "</script><script>alert(1)</script>"


def test_the_widget_files_are_served_to_any_origin(client):
    for name, kind in (("factcheck-sidebar.js", "javascript"), ("factcheck-sidebar.css", "css")):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert kind in response.mimetype
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        response.close()
    other = client.get("/static/sidebar-demo.js")
    assert "Access-Control-Allow-Origin" not in other.headers
    other.close()
