"""The OpenAPI 3.1 document served at ``GET /openapi.json``.

Its component schemas are the files in ``schemas/``, embedded unchanged
(one source of truth: the same files validate requests at run time). The
request envelopes come from ``plugin.http.contract``, the code that validates
them. Other blueprints add their own paths with ``add_paths(app, {...})``
from their ``init_app``.
"""
from __future__ import annotations

import copy
from typing import Any

from flask import Flask

import schemas
from plugin.http import contract
from plugin.http.problems import MEDIA_TYPE as PROBLEM_MEDIA_TYPE
from plugin.render import w3c

EXTRA_PATHS = "factcheck.openapi_paths"
EXTRA_PARAMETERS = "factcheck.openapi_parameters"


def component_name(schema_name: str) -> str:
    """``article`` -> ``Article`` (the schema's title when it has one)."""
    title = schemas.load(schema_name).get("title")
    if isinstance(title, str) and title.isidentifier():
        return title
    return "".join(part.capitalize() for part in schema_name.replace("_", "-").split("-"))


def ref(schema_name: str) -> dict:
    return {"$ref": f"#/components/schemas/{component_name(schema_name)}"}


def add_paths(app: Flask, paths: dict[str, Any]) -> None:
    """Document another blueprint's endpoints in the served document.

    A path already documented gains the methods given for it (a feature may
    serve other methods at an address another one documents)."""
    extra = app.extensions.setdefault(EXTRA_PATHS, {})
    for path, item in paths.items():
        extra.setdefault(path, {}).update(item)


def add_parameters(app: Flask, path: str, method: str, parameters: list[dict]) -> None:
    """Document query parameters a feature reads on another blueprint's endpoint
    (e.g. a result hook's option on ``POST /v1/check``)."""
    app.extensions.setdefault(EXTRA_PARAMETERS, []).append((path, method.lower(), parameters))


PROBLEM_SCHEMA = {
    "description": "RFC 9457 problem details. Validation failures list every problem in errors.",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "instance": {"type": "string", "description": "urn:request:<the request id>"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object", "required": ["pointer", "message"],
                "properties": {
                    "pointer": {"type": "string",
                                "description": "RFC 6901 JSON pointer into the request body."},
                    "message": {"type": "string"},
                },
            },
        },
    },
}


def problem(description: str) -> dict:
    return {"description": description,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def errors(*codes: int) -> dict:
    texts = {
        400: "The body is not valid JSON (or is empty), or a query parameter has a value it cannot take.",
        404: "No such resource.",
        405: "Method not allowed.",
        413: "The body is larger than the server's MAX_CONTENT_LENGTH.",
        415: "The body is not sent as application/json.",
        422: "The request is valid JSON but breaks the schema, names an unknown check, or has a bad date;"
             " errors lists every problem with its JSON pointer.",
        500: "An internal failure; the body names nothing but the request id.",
        503: "Not ready.",
    }
    return {str(c): problem(texts[c]) for c in codes}


REQUEST_ID = {"name": "X-Request-ID", "in": "header", "required": False,
              "description": "A caller's id for this request (1-128 of A-Z a-z 0-9 . _ : -); echoed back, "
                             "else one is generated.",
              "schema": {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,128}$"}}
REQUEST_ID_OUT = {"X-Request-ID": {"description": "The request's id, as logged.",
                                   "schema": {"type": "string"}}}


def json_body(schema: dict, example: Any = None) -> dict:
    media: dict = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"required": True, "content": {"application/json": media}}


def ok(description: str, schema: dict, media: str = "application/json") -> dict:
    return {"200": {"description": description, "headers": REQUEST_ID_OUT,
                    "content": {media: {"schema": schema}}}}


FORMAT = {"name": "format", "in": "query", "required": False,
          "description": "json (the default) or w3c (a W3C Web Annotation collection); "
                         "it wins over the Accept header. Any other value is a 400.",
          "schema": {"enum": list(w3c.FORMATS)}}
ACCEPT = {"name": "Accept", "in": "header", "required": False,
          "description": f"{w3c.MEDIA_TYPE} asks for the W3C form when ?format is absent.",
          "schema": {"type": "string"}}
W3C_MEDIA_TYPE = "application/ld+json"
W3C_COLLECTION = {
    "description": "A W3C Web Annotation AnnotationCollection; its first page holds one Annotation "
                   "per finding (docs/sidebar.md); first is absent when there are none. The "
                   "Content-Type carries the anno.jsonld profile.",
    "type": "object", "required": ["@context", "type", "total"],
    "properties": {
        "@context": {"const": w3c.CONTEXT}, "id": {"type": "string"},
        "type": {"const": "AnnotationCollection"},
        "total": {"type": "integer", "minimum": 0},
        "first": {"type": "object", "required": ["type", "items"],
                  "properties": {"type": {"const": "AnnotationPage"},
                                 "items": {"type": "array", "items": {"type": "object"}}}},
    },
}


def _every_operation_has_request_ids(paths: dict) -> None:
    # Request ids are app-wide (plugin.http.observe): every operation takes and returns one,
    # whichever blueprint documented it.
    for item in paths.values():
        for operation in item.values():
            params = operation.setdefault("parameters", [])
            if not any(p.get("name") == REQUEST_ID["name"] and p.get("in") == "header" for p in params):
                params.insert(0, REQUEST_ID)
            for response in operation.get("responses", {}).values():
                response.setdefault("headers", {}).update(
                    {k: v for k, v in REQUEST_ID_OUT.items() if k not in response.get("headers", {})})


def build(app: Flask, version: str) -> dict:
    components = {component_name(n): copy.deepcopy(schemas.load(n)) for n in schemas.names()}
    components["Problem"] = PROBLEM_SCHEMA
    components["CheckRequest"] = contract.check_request(ref("article"))
    components["BatchRequest"] = contract.batch_request(ref("article"), app.config.get("BATCH_LIMIT"))
    components["CheckResponse"] = {
        "description": "The result of schemas/result.schema.json plus how long the server took.",
        "allOf": [ref("result"), {
            "type": "object", "required": ["took_ms", "engine_version"],
            "properties": {"took_ms": {"type": "number", "minimum": 0},
                           "engine_version": {"type": "string"}}}],
    }
    components["BatchResponse"] = {
        "type": "object", "required": ["results", "took_ms", "engine_version"],
        "properties": {"results": {"type": "array", "items": ref("result"),
                                   "description": "One result per article, in request order."},
                       "took_ms": {"type": "number", "minimum": 0},
                       "engine_version": {"type": "string"}},
    }
    components["CheckFamily"] = {
        "type": "object", "required": ["id", "title", "rules", "doc", "enabled"],
        "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "enabled": {"type": "boolean"},
            "rules": {"type": "array", "items": {
                "type": "object", "required": ["id", "severity", "summary"],
                "properties": {"id": {"type": "string"}, "severity": {"enum": ["error", "warning", "info"]},
                               "summary": {"type": "string"}}}},
            "doc": {"type": "object", "description": "Markdown sections.",
                    "required": ["what_it_does", "why_it_matters", "example", "how_to_fix"],
                    "properties": {k: {"type": "string"} for k in
                                   ("what_it_does", "why_it_matters", "example", "how_to_fix")}},
        },
    }
    schema_ref = {"$ref": "#/components/schemas/CheckRequest"}
    paths: dict[str, Any] = {
        "/v1/check": {"post": {
            "operationId": "check", "summary": "Check one article",
            "description": "The answer is JSON unless ?format=w3c, or an Accept header preferring "
                           "the W3C annotation profile, asks for a W3C Web Annotation collection.",
            "parameters": [REQUEST_ID, FORMAT, ACCEPT],
            "requestBody": json_body(schema_ref),
            "responses": {"200": {"description": "The findings.", "headers": REQUEST_ID_OUT, "content": {
                              "application/json": {"schema": {"$ref": "#/components/schemas/CheckResponse"}},
                              W3C_MEDIA_TYPE: {"schema": W3C_COLLECTION}}},
                          **errors(400, 413, 415, 422, 500)},
        }},
        "/v1/check/batch": {"post": {
            "operationId": "checkBatch", "summary": "Check several articles; results in order",
            "parameters": [REQUEST_ID],
            "requestBody": json_body({"$ref": "#/components/schemas/BatchRequest"}),
            "responses": {**ok("One result per article.", {"$ref": "#/components/schemas/BatchResponse"}),
                          **errors(400, 413, 415, 422, 500)},
        }},
        "/v1/checks": {"get": {
            "operationId": "listChecks", "summary": "Every check family with its rules and doc",
            "description": "Accept: text/html gets a readable page.",
            "responses": {"200": {"description": "The check families.", "headers": REQUEST_ID_OUT,
                                  "content": {"application/json": {"schema": {
                                      "type": "object", "required": ["checks"],
                                      "properties": {"checks": {"type": "array", "items": {
                                          "$ref": "#/components/schemas/CheckFamily"}}}}},
                                      "text/html": {"schema": {"type": "string"}}}}},
        }},
        "/v1/checks/{check_id}": {"get": {
            "operationId": "getCheck", "summary": "One check family",
            "parameters": [{"name": "check_id", "in": "path", "required": True,
                            "schema": {"type": "string"}}],
            "responses": {"200": {"description": "The check family.", "headers": REQUEST_ID_OUT,
                                  "content": {"application/json": {"schema": {
                                      "$ref": "#/components/schemas/CheckFamily"}},
                                      "text/html": {"schema": {"type": "string"}}}},
                          **errors(404)},
        }},
        "/openapi.json": {"get": {
            "operationId": "openapi", "summary": "This document",
            "responses": ok("OpenAPI 3.1.", {"type": "object"})}},
        "/healthz": {"get": {
            "operationId": "healthz", "summary": "The process is alive",
            "responses": ok("Alive.", {"type": "object", "properties": {"status": {"const": "ok"}}})}},
        "/readyz": {"get": {
            "operationId": "readyz", "summary": "Schemas loaded and checks registered",
            "responses": {**ok("Ready.", {"type": "object"}), **errors(503)}}},
        "/metrics": {"get": {
            "operationId": "metrics", "summary": "Prometheus metrics (text exposition format)",
            "responses": ok("Metrics.", {"type": "string"}, "text/plain")}},
    }
    for path, item in copy.deepcopy(app.extensions.get(EXTRA_PATHS, {})).items():
        paths.setdefault(path, {}).update(item)
    for path, method, parameters in app.extensions.get(EXTRA_PARAMETERS, ()):
        operation = paths.get(path, {}).get(method)
        if operation is not None:
            operation.setdefault("parameters", []).extend(copy.deepcopy(parameters))
    _every_operation_has_request_ids(paths)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "factcheck",
            "version": version,
            "summary": "Consistency checks for news drafts",
            "description": "Send a draft article (schemas/article.schema.json); get annotations that "
                           "point at the exact field or block and code-point span. Errors are "
                           "application/problem+json (RFC 9457).",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": components},
    }
