"""Every error is application/problem+json (RFC 9457) with the right status and pointers."""
from __future__ import annotations

import io
import json

import pytest

from tests.http.conftest import NOW_ISO, article

PROBLEM_KEYS = {"type", "title", "status", "detail"}


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert PROBLEM_KEYS <= set(body) and body["status"] == status
    assert body["type"].startswith("https://") and body["title"] and body["detail"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


@pytest.mark.parametrize("data, detail", [
    (b'{"article": ', "not valid JSON"),
    (b"", "empty"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
])
def test_malformed_json_is_400(client, data, detail):
    body = problem(client.post("/v1/check", data=data, content_type="application/json"), 400)
    assert detail in body["detail"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None,
                                          "application/json; charset=latin-1"])
def test_wrong_content_type_is_415(client, content_type):
    kwargs = {"content_type": content_type} if content_type else {}
    body = problem(client.post("/v1/check", data=json.dumps({"article": article()}), **kwargs), 415)
    assert "JSON" in body["detail"] or "UTF-8" in body["detail"]


def test_json_with_a_structured_suffix_is_accepted(client):
    response = client.post("/v1/check", data=json.dumps({"article": article(), "now": NOW_ISO}),
                           content_type="application/vnd.factcheck+json; charset=utf-8")
    assert response.status_code == 200


@pytest.mark.parametrize("config", [{"TESTING": True, "MAX_CONTENT_LENGTH": 1000}])
def test_body_over_the_limit_is_413_from_content_length(client):
    big = json.dumps({"article": article(headline="x" * 2000)})
    body = problem(client.post("/v1/check", data=big, content_type="application/json"), 413)
    assert "larger" in body["detail"]


class CountingStream(io.BytesIO):
    """A request body that records how much of it the server read."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.consumed = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.consumed += len(chunk)
        return chunk


@pytest.mark.parametrize("config", [{"TESTING": True, "MAX_CONTENT_LENGTH": 1000}])
def test_the_content_length_limit_refuses_before_reading(client):
    stream = CountingStream(b"x" * 50_000)
    response = client.post("/v1/check", input_stream=stream, content_type="application/json",
                           headers={"Content-Length": "50000"})
    problem(response, 413)
    assert stream.consumed == 0


CHUNKED = {"Transfer-Encoding": "chunked"}  # no Content-Length; the server ends the stream


@pytest.mark.parametrize("config", [{"TESTING": True, "MAX_CONTENT_LENGTH": 1000}])
def test_a_body_without_content_length_is_refused_once_past_the_limit(client):
    stream = CountingStream(json.dumps({"article": article(headline="y" * 500_000)}).encode())
    response = client.post("/v1/check", input_stream=stream, content_type="application/json",
                           headers=CHUNKED, environ_overrides={"wsgi.input_terminated": True})
    problem(response, 413)
    assert stream.consumed == 1001  # read up to one byte past the limit, no further


@pytest.mark.parametrize("config", [{"TESTING": True, "MAX_CONTENT_LENGTH": 1000}])
def test_a_body_without_content_length_of_exactly_the_limit_is_read(client):
    body = json.dumps({"article": article(blocks=[]), "now": NOW_ISO}).encode()
    body += b" " * (1000 - len(body))
    response = client.post("/v1/check", input_stream=io.BytesIO(body), content_type="application/json",
                           headers=CHUNKED, environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 200, response.get_data(as_text=True)


def test_schema_violations_are_422_listing_every_problem(client):
    doc = article(language="not a tag", published_at="yesterday")
    doc["blocks"][1]["colour"] = "red"
    doc["blocks"][3] = {"id": "p2", "type": "paragraph"}
    del doc["headline"]
    body = problem(client.post("/v1/check", json={"article": doc, "now": NOW_ISO}), 422)
    assert body["errors"] == [
        {"pointer": "/article/blocks/1/colour", "message": "is not a known field"},
        {"pointer": "/article/blocks/3/text", "message": "is required"},
        {"pointer": "/article/headline", "message": "is required"},
        {"pointer": "/article/language", "message": "'not a tag' is not in the expected format"},
        {"pointer": "/article/published_at", "message": "'yesterday' is not in the expected format"},
    ]
    assert "5 problems" in body["detail"]


def test_a_duplicate_block_id_is_422_at_its_pointer(client):
    doc = article()
    doc["blocks"][2]["id"] = "p1"
    body = problem(client.post("/v1/check", json={"article": doc}), 422)
    assert body["errors"] == [
        {"pointer": "/article/blocks/2/id", "message": "duplicates the id of /blocks/0"}]


@pytest.mark.parametrize("payload, expected", [
    ({}, [{"pointer": "/article", "message": "is required"}]),
    ([], [{"pointer": "", "message": "must be of type object"}]),
    ({"article": article(), "extra": 1}, [{"pointer": "/extra", "message": "is not a known field"}]),
    ({"article": article(), "checks": "page-furniture"},
     [{"pointer": "/checks", "message": "must be of type array"}]),
    ({"article": article(), "now": 5}, [{"pointer": "/now", "message": "must be of type string"}]),
    ({"article": article(), "now": "next Tuesday"},
     [{"pointer": "/now", "message": "'next Tuesday' is not an ISO 8601 date-time"}]),
    ({"article": "text"}, [{"pointer": "/article", "message": "must be of type object"}]),
])
def test_bad_envelopes_are_422_with_pointers(client, payload, expected):
    body = problem(client.post("/v1/check", json=payload), 422)
    assert body["errors"] == expected


def test_unknown_check_id_is_422_at_its_pointer(client):
    body = problem(client.post("/v1/check", json={"article": article(),
                                                  "checks": ["page-furniture", "spelling"]}), 422)
    assert [e["pointer"] for e in body["errors"]] == ["/checks/1"]
    assert "'spelling' is not a check id" in body["errors"][0]["message"]


@pytest.mark.parametrize("config", [{"TESTING": True, "CHECKS": ["page-furniture"]}])
def test_a_check_not_enabled_here_is_422(client, monkeypatch):
    import dataclasses

    from checks import registry

    other = dataclasses.replace(registry.get_check("page-furniture"), id="other-check")
    monkeypatch.setitem(registry._registry(), "other-check", other)
    body = problem(client.post("/v1/check", json={"article": article(), "checks": ["other-check"]}), 422)
    assert body["errors"] == [{"pointer": "/checks/0", "message":
                               "'other-check' is not enabled on this server (enabled: page-furniture)"}]


def test_unknown_route_is_404(client):
    body = problem(client.get("/v2/nothing"), 404)
    assert "/openapi.json" in body["detail"]


def test_unknown_check_doc_is_404(client):
    body = problem(client.get("/v1/checks/spelling"), 404)
    assert body["title"] == "Unknown check"


@pytest.mark.parametrize("method, path, allow", [
    ("get", "/v1/check", "POST"), ("put", "/v1/check/batch", "POST"), ("post", "/v1/checks", "GET"),
    ("delete", "/healthz", "GET"),
])
def test_wrong_method_is_405_with_allow(client, method, path, allow):
    response = getattr(client, method)(path)
    problem(response, 405)
    assert allow in response.headers["Allow"]


def test_problem_names_the_request_id(client):
    response = client.get("/nowhere", headers={"X-Request-ID": "abc-123"})
    assert problem(response, 404)["instance"] == "urn:request:abc-123"
    assert response.headers["X-Request-ID"] == "abc-123"
