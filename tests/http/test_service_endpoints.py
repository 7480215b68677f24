"""Check docs, OpenAPI, health, readiness, metrics, CORS, request ids and logs."""
from __future__ import annotations

import io
import json
import re
from urllib.parse import urljoin

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator.schemas import openapi_v31_schema_validator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

import schemas
from checks.registry import all_checks
from plugin import create_app
from plugin.http import observe
from plugin.http.openapi import component_name
from tests.http.conftest import NOW_ISO, article


# -- check documentation --------------------------------------------------

def test_checks_lists_every_family_as_json(client):
    response = client.get("/v1/checks")
    assert response.status_code == 200 and response.mimetype == "application/json"
    listed = response.get_json()["checks"]
    assert listed == [{**f.to_json(), "enabled": True} for f in all_checks()]


def test_one_check_as_json(client):
    family = all_checks()[0]
    body = client.get(f"/v1/checks/{family.id}").get_json()
    assert body == {**family.to_json(), "enabled": True}
    assert body["doc"]["what_it_does"] and body["rules"][0]["severity"] in ("error", "warning", "info")


def test_checks_as_a_readable_page_for_browsers(client):
    response = client.get("/v1/checks", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    for family in all_checks():
        assert f'id="{family.id}"' in page
        for rule in family.rules:
            assert f"<code>{rule.id}</code>" in page
    for section in ("What it does", "Why it matters", "Example", "How to fix"):
        assert f"<h3>{section}</h3>" in page
    assert "<p>" in page and "**" not in page  # markdown rendered, not shown raw


def test_one_check_page_renders_its_example_as_code(client):
    page = client.get("/v1/checks/page-furniture", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<pre><code>" in page and "language-switcher" in page
    assert page.count("<section") == 1


@pytest.mark.parametrize("config", [{"TESTING": True, "SEVERITIES": {"page-furniture/read-more": "off"}}])
def test_the_page_shows_configured_severities(client):
    page = client.get("/v1/checks/page-furniture", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert re.search(r"<code>page-furniture/read-more</code></td>"
                     r"<td class=\"sev-off\">off \(default warning\)", page)


# -- OpenAPI ----------------------------------------------------------------

def _walk(node, base, found):
    """Every $ref in the document with the base URI it is relative to ($id sets it)."""
    if isinstance(node, dict):
        if isinstance(node.get("$id"), str):
            base = urljoin(base, node["$id"])
        if isinstance(node.get("$ref"), str):
            found.append((base, node["$ref"]))
        for value in node.values():
            _walk(value, base, found)
    elif isinstance(node, list):
        for value in node:
            _walk(value, base, found)
    return found


def _registry(doc):
    resources = [("urn:openapi", DRAFT202012.create_resource(doc))]
    for schema in doc["components"]["schemas"].values():
        if "$id" in schema:
            resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def test_openapi_document_is_valid_3_1(client):
    doc = client.get("/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    # The structure, against the OpenAPI 3.1 meta-schema that openapi-spec-validator ships.
    assert [e.message for e in openapi_v31_schema_validator.iter_errors(doc)] == []
    # Every Schema Object is a valid JSON Schema 2020-12 schema.
    for name, schema in doc["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
    # Every $ref resolves, by JSON Schema's rules: relative to the enclosing $id, so the
    # embedded files' own "#/$defs/..." refs resolve inside themselves. (openapi-spec-validator's
    # reference walker resolves those against the document root instead, so it cannot be
    # the judge of embedded schemas that carry an $id.)
    registry = _registry(doc)
    refs = _walk(doc, "urn:openapi", [])
    assert len(refs) > 20
    for base, ref in refs:
        registry.resolver(base_uri=base).lookup(ref)


def test_other_features_add_their_paths(app, client):
    from plugin.http.openapi import add_paths

    add_paths(app, {"/v1/extra": {"get": {"operationId": "extra", "responses": {
        "200": {"description": "An extra endpoint."}}}}})
    doc = client.get("/openapi.json").get_json()
    assert "/v1/extra" in doc["paths"] and "/v1/check" in doc["paths"]
    assert [e.message for e in openapi_v31_schema_validator.iter_errors(doc)] == []


def test_openapi_validation_catches_a_broken_document(client):
    doc = client.get("/openapi.json").get_json()
    doc["paths"]["/v1/check"]["post"]["responses"]["200"]["bogus"] = True
    assert list(openapi_v31_schema_validator.iter_errors(doc))
    doc = client.get("/openapi.json").get_json()
    request_schema = doc["components"]["schemas"]["CheckRequest"]
    request_schema["properties"]["article"]["$ref"] = "#/components/schemas/Nope"
    registry = _registry(doc)
    with pytest.raises(Unresolvable):
        for base, ref in _walk(doc, "urn:openapi", []):
            registry.resolver(base_uri=base).lookup(ref)


def test_openapi_embeds_the_schema_files_unchanged(client):
    components = client.get("/openapi.json").get_json()["components"]["schemas"]
    for name in schemas.names():
        on_disk = json.loads((schemas.SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert components[component_name(name)] == on_disk


def _templated(rule) -> str:
    return re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", r"{\1}", rule.rule)


def test_openapi_documents_every_route_of_the_service(app, client):
    # Every URL rule of every blueprint (the static files aside) with each of its
    # methods; HEAD and OPTIONS come with every rule (Flask, CORS preflights).
    paths = client.get("/openapi.json").get_json()["paths"]
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        templated = _templated(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            operation = paths.get(templated, {}).get(method.lower())
            if operation is None:
                missing.append(f"{method} {templated}")
                continue
            documented = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert documented == set(rule.arguments), (method, templated, documented)
    assert missing == []


def test_openapi_documents_no_route_the_service_lacks(app, client):
    served = {}
    for rule in app.url_map.iter_rules():
        served.setdefault(_templated(rule), set()).update(m.lower() for m in rule.methods)
    for path, item in client.get("/openapi.json").get_json()["paths"].items():
        assert path in served, path
        assert set(item) <= served[path], (path, set(item) - served[path])


def test_openapi_documents_the_query_parameters_and_webhook_headers(client):
    paths = client.get("/openapi.json").get_json()["paths"]

    def names(path, method):
        return {(p["in"], p["name"]) for p in paths[path][method]["parameters"]}

    assert {("query", "format"), ("query", "include_dismissed"), ("header", "X-Request-ID")} \
        <= names("/v1/check", "post")
    assert ("query", "include_dismissed") in names("/v1/check/batch", "post")
    webhook = paths["/v1/webhooks/{source}"]["post"]
    assert {("header", h) for h in ("webhook-id", "webhook-timestamp", "webhook-signature",
                                    "X-Hub-Signature-256", "X-Ghost-Signature")} <= names(
        "/v1/webhooks/{source}", "post")
    assert {"200", "202", "401", "413", "415", "422"} <= set(webhook["responses"])
    assert webhook["responses"]["401"]["content"].keys() == {"application/problem+json"}
    dismiss = paths["/v1/articles/{article_id}/dismissals"]["post"]
    assert dismiss["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/DismissalRequest"}
    assert {"201", "400", "415", "422"} <= set(dismiss["responses"])
    for item in paths.values():  # request ids are app-wide
        for operation in item.values():
            assert ("header", "X-Request-ID") in {(p["in"], p["name"]) for p in operation["parameters"]}


def test_the_dismissal_request_schema_agrees_with_the_server(tmp_path):
    client = create_app({"TESTING": True, "STORE_PATH": str(tmp_path / "store.sqlite3")}).test_client()
    validator = Draft202012Validator(schemas.load("dismissal-request"))
    ok_id = "fc_0123456789abcdef0123"
    bodies = [{"annotation_id": ok_id, "who": "Rana"}, {"annotation_id": ok_id, "who": "R", "reason": None},
              {"annotation_id": ok_id, "who": "R", "reason": "Intentional"},
              {"annotation_id": ok_id}, {"who": "Rana"}, {"annotation_id": "fc_x", "who": "R"},
              {"annotation_id": ok_id, "who": " "}, {"annotation_id": ok_id, "who": "R", "extra": 1},
              {"annotation_id": ok_id, "who": 5}, {"annotation_id": ok_id, "who": "R", "reason": 3},
              {"annotation_id": ok_id, "who": "x" * 201}]
    for body in bodies:
        status = client.post("/v1/articles/schema-agreement/dismissals", json=body).status_code
        assert (status in (200, 201)) == validator.is_valid(body), (body, status)


def _by_id(node, ids):
    """The document with refs to $id-carrying components made absolute ($id URIs).

    jsonschema does not apply the $id of a schema it reached through a JSON
    pointer into a non-schema document (the OpenAPI root), so the embedded
    files' "#/$defs/..." refs would resolve against the root. Pointing at
    their $id instead is equivalent under OpenAPI 3.1 and resolvable here.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref in ids:
            node = {**node, "$ref": ids[ref]}
        return {k: _by_id(v, ids) for k, v in node.items()}
    if isinstance(node, list):
        return [_by_id(v, ids) for v in node]
    return node


def test_responses_match_the_documented_schemas(client):
    doc = client.get("/openapi.json").get_json()
    ids = {f"#/components/schemas/{name}": schema["$id"]
           for name, schema in doc["components"]["schemas"].items() if "$id" in schema}
    doc = _by_id(doc, ids)
    registry = _registry(doc)

    def check(instance, component):
        schema = {"$ref": f"urn:openapi#/components/schemas/{component}"}
        assert list(Draft202012Validator(schema, registry=registry).iter_errors(instance)) == []

    check(client.post("/v1/check", json={"article": article(), "now": NOW_ISO}).get_json(), "CheckResponse")
    check(client.post("/v1/check/batch", json={"articles": [article()], "now": NOW_ISO}).get_json(),
          "BatchResponse")
    check(client.post("/v1/check", json={"article": {}}).get_json(), "Problem")
    check({"article": article(), "checks": ["page-furniture"], "now": NOW_ISO}, "CheckRequest")
    for family in client.get("/v1/checks").get_json()["checks"]:
        check(family, "CheckFamily")
    bad = client.post("/v1/check", json={"article": article(), "now": NOW_ISO}).get_json()
    bad["annotations"][0]["severity"] = "fatal"
    schema = {"$ref": "urn:openapi#/components/schemas/CheckResponse"}
    assert list(Draft202012Validator(schema, registry=registry).iter_errors(bad))


# -- health, readiness ------------------------------------------------------

def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz_names_schemas_and_checks(client):
    body = client.get("/readyz").get_json()
    assert body["status"] == "ready"
    assert body["schemas"] == schemas.names()
    assert body["checks"] == [f.id for f in all_checks()]


@pytest.mark.parametrize("config", [{"TESTING": True, "CHECKS": []}])
def test_readyz_is_503_with_no_check_enabled(client):
    response = client.get("/readyz")
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert "no check family is enabled" in response.get_json()["detail"]
    assert response.headers["Retry-After"]
    assert client.get("/healthz").status_code == 200


# -- metrics ----------------------------------------------------------------

def _sample(text: str, name: str, **labels) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0])) if "{" in line else {}
            if all(found.get(k) == v for k, v in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_after_a_few_calls(client):
    for _ in range(3):
        client.post("/v1/check", json={"article": article(), "now": NOW_ISO})
    client.post("/v1/check", json={"article": {}})
    client.get("/healthz")
    client.get("/missing")
    response = client.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    requests = "factcheck_http_requests_total"
    assert _sample(text, requests, endpoint="/v1/check", method="POST", status="200") == 3
    assert _sample(text, requests, endpoint="/v1/check", method="POST", status="422") == 1
    assert _sample(text, requests, endpoint="/healthz", method="GET", status="200") == 1
    assert _sample(text, requests, endpoint="unmatched", method="GET", status="404") == 1
    assert _sample(text, "factcheck_http_request_duration_seconds_count",
                   endpoint="/v1/check", status="200") == 3
    assert _sample(text, "factcheck_http_request_duration_seconds_bucket", endpoint="/v1/check",
                   status="200", le="+Inf") == 3
    for family in all_checks():
        assert _sample(text, "factcheck_check_duration_seconds_count", check=family.id) == 3
    assert _sample(text, "factcheck_annotations_total", check="page-furniture", severity="warning") == 3
    assert _sample(text, "factcheck_articles_checked_total") == 3


# -- CORS -------------------------------------------------------------------

def test_cors_headers_for_an_allowed_origin(client):
    response = client.post("/v1/check", json={"article": article(), "now": NOW_ISO},
                           headers={"Origin": "https://cms.example.com"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://cms.example.com"
    assert "X-Request-ID" in response.headers["Access-Control-Expose-Headers"]
    assert "Origin" in response.headers["Vary"]


def test_no_cors_headers_for_another_origin(client):
    response = client.post("/v1/check", json={"article": article(), "now": NOW_ISO},
                           headers={"Origin": "https://evil.example.net"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_headers_on_errors_too(client):
    response = client.post("/v1/check", data="{", content_type="application/json",
                           headers={"Origin": "https://cms.example.com"})
    assert response.status_code == 400
    assert response.headers["Access-Control-Allow-Origin"] == "https://cms.example.com"


def test_preflight_from_an_allowed_origin(client):
    response = client.options("/v1/check", headers={
        "Origin": "https://cms.example.com", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == "https://cms.example.com"
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]
    assert int(response.headers["Access-Control-Max-Age"]) > 0


def test_preflight_from_another_origin_gets_no_permission(client):
    response = client.options("/v1/check", headers={
        "Origin": "https://evil.example.net", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Methods" not in response.headers


def test_preflight_to_an_unknown_route_is_404(client):
    response = client.options("/v9/x", headers={
        "Origin": "https://cms.example.com", "Access-Control-Request-Method": "POST"})
    assert response.status_code == 404


@pytest.mark.parametrize("config", [{"TESTING": True, "CORS_ORIGINS": ["*"]}])
def test_wildcard_allows_any_origin(client):
    response = client.get("/v1/checks", headers={"Origin": "https://anything.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "https://anything.example"


# -- request ids and logs -----------------------------------------------------

@pytest.fixture
def log_lines(app):
    buffer = io.StringIO()
    observe.configure_logging("INFO", stream=buffer)

    def lines():
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield lines
    observe.configure_logging(app.config["LOG_LEVEL"])


def test_a_sane_request_id_is_kept_and_logged(client, log_lines):
    response = client.get("/healthz", headers={"X-Request-ID": "cms-42.a:b_c"})
    assert response.headers["X-Request-ID"] == "cms-42.a:b_c"
    entry = log_lines()[-1]
    assert entry["logger"] == "factcheck.access" and entry["request_id"] == "cms-42.a:b_c"
    assert entry["status"] == 200 and entry["path"] == "/healthz" and entry["duration_ms"] >= 0


@pytest.mark.parametrize("given", ["", "has space", "x" * 129, "new\nline", "<script>"])
def test_an_insane_request_id_is_replaced(client, given):
    response = client.get("/healthz", headers={"X-Request-ID": given} if "\n" not in given else {})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_a_failing_check_is_logged_with_article_and_request_id(client, log_lines, monkeypatch):
    import dataclasses

    from checks import registry

    def boom(article, ctx):
        raise ValueError("bad input shape")

    broken = dataclasses.replace(registry.get_check("page-furniture"), run=boom)
    monkeypatch.setitem(registry._registry(), "page-furniture", broken)
    client.post("/v1/check", json={"article": article(), "now": NOW_ISO}, headers={"X-Request-ID": "r-9"})
    errors = [e for e in log_lines() if e["level"] == "ERROR"]
    assert errors and errors[0]["request_id"] == "r-9"
    assert "http-draft-1" in errors[0]["message"] and "ValueError: bad input shape" in errors[0]["exception"]
