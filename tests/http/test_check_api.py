"""POST /v1/check and /v1/check/batch: results, options, failing checks."""
from __future__ import annotations

import dataclasses
import io
import json
import logging
import sys

import pytest
from jsonschema import Draft202012Validator

import schemas
from checks import registry
from checks.registry import Rule
from plugin import cli, service
from tests.http.conftest import NOW_ISO, article

RESULT = Draft202012Validator(schemas.load("result"))
TIMING_FIELDS = ("took_ms", "engine_version")


def post(client, body, path="/v1/check", **kw):
    return client.post(path, data=json.dumps(body), content_type="application/json", **kw)


def test_check_returns_the_result_with_timing_and_version(client):
    response = post(client, {"article": article(), "now": NOW_ISO})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert list(RESULT.iter_errors(body)) == []
    assert body["article_id"] == "http-draft-1" and body["revision"] == "7" and body["source"] == "-"
    assert isinstance(body["took_ms"], float) and body["took_ms"] >= 0
    assert body["engine_version"] == service.engine_version()
    furniture = [a for a in body["annotations"] if a["check"] == "page-furniture"]
    assert furniture[0]["rule"] == "language-switcher"
    assert furniture[0]["target"] == {"block_id": "p-lang", "start": 0, "end": 18,
                                      "quote": "\u2022 English \u2022 Arabic", "prefix": "", "suffix": ""}
    assert body["summary"]["warning"] >= 1


def test_check_equals_the_service_path_the_webhooks_use(app, client, now):
    body = post(client, {"article": article(), "now": NOW_ISO}).get_json()
    with app.app_context():
        direct = service.check_document(article(), now=now, config=app.config).to_json()
    assert {k: v for k, v in body.items() if k not in TIMING_FIELDS} == direct


def test_seed_response_equals_the_cli_json_minus_timing(client, shared, capsys, monkeypatch):
    seed = (shared / "examples" / "seed-article.json").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(seed))
    code = cli.main(["check", "-", "--format", "json", "--now", NOW_ISO])
    printed = capsys.readouterr().out.splitlines()
    assert code in (cli.EXIT_OK, cli.EXIT_FINDINGS) and len(printed) == 1
    from_cli = json.loads(printed[0])

    body = post(client, {"article": json.loads(seed), "now": NOW_ISO}).get_json()
    assert {k: v for k, v in body.items() if k not in TIMING_FIELDS} == from_cli


def test_checks_selects_families_and_now_is_the_reference_time(client):
    only = post(client, {"article": article(), "checks": ["page-furniture"], "now": NOW_ISO}).get_json()
    assert {a["check"] for a in only["annotations"]} == {"page-furniture"}
    none = post(client, {"article": article(blocks=[]), "checks": ["page-furniture"], "now": "2025-06-01"})
    assert none.status_code == 200 and none.get_json()["annotations"] == []


@pytest.fixture
def exploding(monkeypatch):
    """An extra check family that always raises, registered for one test."""
    def boom(article, ctx):
        raise RuntimeError("exploded on purpose")
        yield  # pragma: no cover

    base = registry.get_check("page-furniture")
    family = dataclasses.replace(base, id="exploding", title="Explodes",
                                 rules=(Rule("exploding", "boom", "error", "Never fires."),), run=boom)
    monkeypatch.setitem(registry._registry(), "exploding", family)
    return family


def test_a_check_that_raises_does_not_take_the_request_down(exploding, client, caplog):
    with caplog.at_level(logging.ERROR, logger="factcheck"):
        response = post(client, {"article": article(), "now": NOW_ISO},
                        headers={"X-Request-ID": "req-explode-1"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["check_errors"] == [{"check": "exploding", "message": "RuntimeError: internal check failure"}]
    assert any(a["check"] == "page-furniture" for a in body["annotations"])  # the others still ran
    assert "exploded on purpose" not in response.get_data(as_text=True)
    failure = [r for r in caplog.records if r.name == "factcheck.engine"]
    assert failure and "http-draft-1" in failure[0].getMessage()


def test_an_internal_error_is_a_bare_500_without_traceback(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals at /srv/factcheck")

    monkeypatch.setattr(service, "run", broken)
    with caplog.at_level(logging.ERROR, logger="factcheck"):
        response = post(client, {"article": article(), "now": NOW_ISO}, headers={"X-Request-ID": "bug-1"})
    assert response.status_code == 500
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == 500 and body["title"] == "Internal error"
    assert body["instance"] == "urn:request:bug-1"
    text = response.get_data(as_text=True)
    assert "Traceback" not in text and "secret" not in text and "RuntimeError" not in text
    assert any(r.exc_info and "secret internals" in str(r.exc_info[1]) for r in caplog.records)


def test_batch_returns_results_in_request_order(client):
    docs = [article(id=f"a{i}", blocks=article()["blocks"][: i + 1]) for i in range(4)]
    response = post(client, {"articles": docs, "now": NOW_ISO}, path="/v1/check/batch")
    assert response.status_code == 200
    body = response.get_json()
    assert [r["article_id"] for r in body["results"]] == ["a0", "a1", "a2", "a3"]
    for result, doc in zip(body["results"], docs):
        assert list(RESULT.iter_errors(result)) == []
        single = post(client, {"article": doc, "now": NOW_ISO}).get_json()
        assert result == {k: v for k, v in single.items() if k not in TIMING_FIELDS}
    assert body["engine_version"] == service.engine_version() and body["took_ms"] >= 0


@pytest.mark.parametrize("config", [{"TESTING": True, "BATCH_LIMIT": 2}])
def test_batch_over_the_configured_limit_is_refused(client):
    response = post(client, {"articles": [article()] * 3, "now": NOW_ISO}, path="/v1/check/batch")
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"pointer": "/articles", "message": "has 3 articles; this server checks at most 2 per batch"}]


def test_batch_names_every_bad_article_by_pointer(client):
    bad = [article(), article(headline=""), article(), {"id": "x", "headline": "h", "blocks": [{"id": "b"}]}]
    for i in range(10):
        bad.append(article(id=f"ok{i}"))
    bad.append({"headline": "no id"})
    response = post(client, {"articles": bad, "checks": ["page-furniture", "nope"]}, path="/v1/check/batch")
    assert response.status_code == 422
    pointers = [e["pointer"] for e in response.get_json()["errors"]]
    assert pointers == ["/articles/1/headline", "/articles/3/blocks/0/text", "/articles/3/blocks/0/type",
                        "/articles/14/id", "/checks/1"]


@pytest.mark.parametrize("config", [
    {"TESTING": True, "SEVERITIES": {"page-furniture/language-switcher": "error"}}])
def test_configured_severities_apply(client):
    body = post(client, {"article": article(), "now": NOW_ISO}).get_json()
    switcher = [a for a in body["annotations"] if a["rule"] == "language-switcher"]
    assert switcher[0]["severity"] == "error" and body["summary"]["error"] >= 1


@pytest.mark.parametrize("config", [{"TESTING": True, "SEVERITIES": {"page-furniture": "off"}}])
def test_a_family_configured_off_reports_nothing(client):
    body = post(client, {"article": article(), "now": NOW_ISO}).get_json()
    assert not [a for a in body["annotations"] if a["check"] == "page-furniture"]


def test_result_hooks_let_another_feature_post_process(app, client):
    def hide_info(out, result, request):
        if request.args.get("hide_info") == "1":
            out["annotations"] = [a for a in out["annotations"] if a["severity"] != "info"]
            out["hidden"] = True
        return out

    app.extensions["factcheck.result_hooks"].append(hide_info)
    body = post(client, {"article": article(), "now": NOW_ISO}, path="/v1/check?hide_info=1").get_json()
    assert body["hidden"] is True and all(a["severity"] != "info" for a in body["annotations"])


def test_the_service_path_names_every_problem_by_pointer(app, now):
    from plugin.validation import InvalidInput

    with pytest.raises(InvalidInput) as caught:
        service.check_document(article(headline=""), checks=["nope"], now=now, config=app.config,
                               base="/payload/article")
    assert [p.pointer for p in caught.value.problems] == ["/checks/0", "/payload/article/headline"]
