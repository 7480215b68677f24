"""Bounded, deterministic fuzzing of the HTTP contract: whatever the body, the
query or the path, the answer is never a 5xx, and every 4xx is a problem
document (422s list each problem by JSON pointer).

Schemathesis drives every endpoint the OpenAPI document describes (which is
every route: tests/http/test_service_endpoints.py), with valid and invalid
data; Hypothesis adds nastier text than the schemas lead Schemathesis to
(lone surrogates, bad escapes in paths) for the generic webhook, dismissals and
stored results. Both run derandomized with a fixed budget, so a failure
reproduces and the run stays short.
"""
from __future__ import annotations

import json
import logging
import shutil
import tempfile
import weakref
from urllib.parse import quote

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from plugin import create_app  # noqa: E402

PROBLEM = "application/problem+json"
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))
MORE = settings(SETTINGS, max_examples=150)  # the cheap Hypothesis-only tests get a larger budget


def _make_app():
    folder = tempfile.mkdtemp(prefix="factcheck-fuzz-")
    # Every source unsigned, so fuzzed payloads reach the adapters rather than stop at a 401;
    # callbacks configured (never sent: no worker) with a resolver that needs no network.
    app = create_app({"TESTING": True, "STORE_PATH": f"{folder}/store.sqlite3", "CALLBACK_WORKER": False,
                      "WEBHOOK_SOURCES": {s: {"scheme": "none"}
                                          for s in ("arc", "wordpress", "ghost", "generic")},
                      "CALLBACK_SECRET": "whsec_" + "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                      "CALLBACK_RESOLVER": lambda host, port: ["93.184.215.14"]})
    weakref.finalize(app, shutil.rmtree, folder, True)
    return app


APP = _make_app()


def assert_contract(status: int, mimetype: str, body: bytes) -> None:
    assert status < 500, body[:500]
    if status == 200 and mimetype == "application/json":
        # A check that raises is isolated into check_errors, but it is still a bug.
        assert not json.loads(body).get("check_errors"), body[:500]
    if status >= 400:
        assert mimetype == PROBLEM, (status, mimetype, body[:300])
        doc = json.loads(body)
        assert doc["status"] == status
        if status == 422:
            assert doc["errors"], doc
            for error in doc["errors"]:  # "" is the whole document (RFC 6901)
                assert error["pointer"] == "" or error["pointer"].startswith("/"), error


def _bundled(doc: dict) -> dict:
    """The OpenAPI document with each embedded schema's ``#/$defs/...`` refs made
    document-relative and its ``$id`` dropped. The served form is valid (refs
    resolve against the $id), but Schemathesis does not follow an embedded
    $id and would otherwise generate no request bodies at all."""
    def walk(node, name):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                node["$ref"] = f"#/components/schemas/{name}/$defs/{ref[len('#/$defs/'):]}"
            for value in node.values():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, name)

    for name, schema in doc["components"]["schemas"].items():
        schema.pop("$id", None)
        walk(schema, name)
    return doc


with APP.test_client() as _client:
    schema = schemathesis.openapi.from_dict(_bundled(_client.get("/openapi.json").get_json()))
schema.app = APP


@pytest.fixture(autouse=True)
def _quiet():
    # Thousands of access-log lines would only slow the run down.
    logging.disable(logging.CRITICAL)
    yield
    logging.disable(logging.NOTSET)


@schema.parametrize()
@SETTINGS
def test_documented_endpoints_keep_the_contract(case):
    response = case.call()
    types = {k.lower(): v for k, v in response.headers.items()}.get("content-type") or [""]
    mimetype = (types[0] if isinstance(types, list) else types).split(";")[0].strip()
    assert_contract(response.status_code, mimetype, response.content)


# -- nastier data for the endpoints that store what they are sent -----------------

NASTY = st.sampled_from([
    "", " ", "\t\n", "\x00", "a\x00b", "\ud800", "x\udfff", "\u202e\u200f", "e\u0301\u0301", "👩‍👩‍👧🇦🇪",
    "line\r\nline", "9" * 5000, "on Monday 31 February 2025", "1,000,000 and 5%", "\ufeff", "a" * 3000,
    "Mr. Smith said \"yes\"", "قال محمد ١٢٣", "9999-12-31", "0001-01-01T00:00:00+14:00",
])
TEXT = st.one_of(NASTY, st.text(max_size=40))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12)
DATE = st.sampled_from(["2025-05-15", "2025-05-15T09:00:00+04:00", "2025-05-15 09:00", "0001-01-01",
                        "0001-01-01T00:00:00+14:00", "9999-12-31", "9999-12-31T23:59:59-14:00", "2024-02-29"])


@st.composite
def articles(draw):
    """Mostly valid articles (so the checks run on nasty text), sometimes not."""
    kinds = draw(st.lists(st.sampled_from(["paragraph", "heading", "quote", "image", "embed"]), max_size=5))
    blocks = []
    for i, kind in enumerate(kinds):
        block = {"id": f"b{i}", "type": kind}
        if kind == "image":
            block.update(draw(st.fixed_dictionaries({}, optional={"caption": TEXT, "credit": TEXT,
                                                                  "alt": TEXT})))
        else:
            block["text"] = draw(TEXT)
        blocks.append(block)
    doc = {"id": draw(st.sampled_from(["a1", "news/2025/harbour", "x" * 200])), "headline": draw(TEXT) or "h",
           "blocks": blocks}
    doc.update(draw(st.fixed_dictionaries({}, optional={
        "published_at": DATE, "updated_at": DATE, "standfirst": TEXT, "byline": st.lists(TEXT, max_size=2),
        "timezone": st.sampled_from(["UTC", "Asia/Dubai", "Pacific/Kiritimati", "Nowhere/Else"]),
        "language": st.sampled_from(["en", "ar", "de", "fr", "es", "zz"]),
        "revision": st.one_of(st.none(), TEXT, st.integers())})))
    if draw(st.integers(0, 9)) == 0:  # now and then, one field of the wrong kind
        doc[draw(st.sampled_from(sorted(doc)))] = draw(JSON)
    return doc


ARTICLE = articles()
ENVELOPE = st.one_of(st.fixed_dictionaries({"article": ARTICLE}, optional={"now": st.one_of(DATE, TEXT)}),
                     JSON)
SEGMENT = st.one_of(TEXT, st.sampled_from(["%ff", "%00", "%ED%A0%80", "a%2Fb", "..", "a/b"]))


def _path_segment(text: str) -> str:
    # Percent-escaped as UTF-8 (lone surrogates too, as the bad bytes they make); "%" and "/"
    # stay, so the escapes and slashes drawn above reach the router as written.
    return quote(text.encode("utf-8", "surrogatepass"), safe="/%")


@given(body=ENVELOPE, raw=st.booleans())
@MORE
def test_the_generic_webhook_keeps_the_contract(body, raw):
    data = json.dumps(body) if raw else json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    with APP.test_client() as client:
        r = client.post("/v1/webhooks/generic", data=data, content_type="application/json")
    assert_contract(r.status_code, r.mimetype, r.get_data())


@given(article_id=SEGMENT, body=st.one_of(JSON, st.fixed_dictionaries(
    {"annotation_id": st.one_of(TEXT, st.just("fc_0123456789abcdef0123")), "who": TEXT},
    optional={"reason": TEXT})), query=TEXT)
@MORE
def test_dismissals_and_stored_results_keep_the_contract(article_id, body, query):
    article_id = _path_segment(article_id) or "x"
    query = query.encode("utf-8", "surrogatepass")  # a lone surrogate reaches the server as bad UTF-8
    with APP.test_client() as client:
        for r in (
            client.post(f"/v1/articles/{article_id}/dismissals", data=json.dumps(body),
                        content_type="application/json"),
            client.get(f"/v1/articles/{article_id}/dismissals", query_string={"include_dismissed": query}),
            client.get(f"/v1/articles/{article_id}/result", query_string={"revision": query}),
            client.post("/v1/check", query_string={"include_dismissed": query},
                        json={"article": {"id": "a", "headline": "h"}}),
        ):
            assert_contract(r.status_code, r.mimetype, r.get_data())
