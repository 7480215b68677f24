"""Request bodies that once crashed the server (500) instead of getting a 4xx problem."""
from __future__ import annotations

import json

from tests.http.conftest import article

PROBLEM = "application/problem+json"


def _post(client, path, raw: str):
    return client.post(path, data=raw, content_type="application/json")


def test_an_integer_past_the_digit_limit_is_a_400(client):
    # json.loads raises a plain ValueError (not JSONDecodeError) past 4,300 digits.
    raw = '{"article": {"id": "a", "headline": "h"}, "now": 1' + "0" * 5000 + "}"
    r = _post(client, "/v1/check", raw)
    assert r.status_code == 400 and r.mimetype == PROBLEM
    assert "digits" in r.get_json()["detail"]


def test_a_lone_surrogate_is_a_422_at_its_field(client):
    doc = {"article": article(blocks=[{"id": "p1", "type": "paragraph", "text": "a \ud800 b"}])}
    r = _post(client, "/v1/check", json.dumps(doc))
    assert r.status_code == 422 and r.mimetype == PROBLEM
    assert [e["pointer"] for e in r.get_json()["errors"]] == ["/article/blocks/0/text"]


def test_a_lone_surrogate_in_a_key_points_at_its_object(client):
    doc = {"article": article(alternative_headlines={"\udc00": "x"})}
    r = _post(client, "/v1/check/batch", json.dumps({"articles": [doc["article"]]}))
    assert r.status_code == 422
    assert [e["pointer"] for e in r.get_json()["errors"]] == ["/articles/0/alternative_headlines"]


def test_a_surrogate_pair_escape_is_ordinary_text(client):
    doc = {"article": article(headline="Harbour council \ud83d\ude00 approves budget")}
    raw = json.dumps(doc)  # ensure_ascii: the emoji goes as the pair of escapes
    assert "\\ud83d\\ude00" in raw
    assert _post(client, "/v1/check", raw).status_code == 200


def test_a_lone_surrogate_in_a_dismissal_is_a_422(client):
    body = {"annotation_id": "fc_0123456789abcdef0123", "who": "\ud800"}
    r = _post(client, "/v1/articles/a1/dismissals", json.dumps(body))
    assert r.status_code == 422 and r.mimetype == PROBLEM
    assert [e["pointer"] for e in r.get_json()["errors"]] == ["/who"]


def test_utf8_encoded_surrogates_are_not_utf8(client):
    # json.loads(bytes) decodes with "surrogatepass"; the body must be refused as bad UTF-8.
    raw = '{"annotation_id": "fc_0123456789abcdef0123", "who": "\ud800"}'.encode("utf-8", "surrogatepass")
    r = client.post("/v1/articles/a1/dismissals", data=raw, content_type="application/json")
    assert r.status_code == 400 and r.mimetype == PROBLEM
    raw = json.dumps({"article": article()}, ensure_ascii=False).replace("Harbour", "\udc00")
    r = client.post("/v1/check", data=raw.encode("utf-8", "surrogatepass"), content_type="application/json")
    assert r.status_code == 400 and r.mimetype == PROBLEM


def test_a_superscript_digit_key_sorts_with_the_other_problems(client):
    # "²".isdigit() is True but int("²") raises: sorting the problems crashed.
    blocks = [{"id": "q", "type": "quote", "text": "x", "²": None}, {"id": "p", "type": "paragraph"}]
    r = client.post("/v1/check/batch", json={"articles": [article(blocks=blocks)]})
    assert r.status_code == 422 and r.mimetype == PROBLEM
    assert [e["pointer"] for e in r.get_json()["errors"]] == [
        "/articles/0/blocks/0/²", "/articles/0/blocks/1/text"]
