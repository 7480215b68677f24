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

EXTRA_PATHS = "factcheck.openapi_paths"


def component_name(schema_name: str) -> str:
    """``article`` -> ``Article`` (the schema's title when it has one)."""
    title = schemas.load(schema_name).get("title")
    if isinstance(title, str) and title.isidentifier():
        return title
    return "".join(part.capitalize() for part in schema_name.replace("_", "-").split("-"))


def ref(schema_name: str) -> dict:
    return {"$ref": f"#/components/schemas/{component_name(schema_name)}"}


def add_paths(app: Flask, paths: dict[str, Any]) -> None:
    """Document another blueprint's endpoints in the served document."""
    app.extensions.setdefault(EXTRA_PATHS, {}).update(paths)


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


def _problem(description: str) -> dict:
    return {"description": description,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}


def _errors(*codes: int) -> dict:
    texts = {
        400: "The body is not valid JSON (or is empty).",
        404: "No such resource.",
        405: "Method not allowed.",
        413: "The body is larger than the server's MAX_CONTENT_LENGTH.",
        415: "The body is not sent as application/json.",
        422: "The request is valid JSON but breaks the schema, names an unknown check, or has a bad date;"
             " errors lists every problem with its JSON pointer.",
        500: "An internal failure; the body names nothing but the request id.",
        503: "Not ready.",
    }
    return {str(c): _problem(texts[c]) for c in codes}


_REQUEST_ID = {"name": "X-Request-ID", "in": "header", "required": False,
               "description": "A caller's id for this request (1-128 of A-Z a-z 0-9 . _ : -); echoed back, "
                              "else one is generated.",
               "schema": {"type": "string", "pattern": "^[A-Za-z0-9._:-]{1,128}$"}}
_REQUEST_ID_OUT = {"X-Request-ID": {"description": "The request's id, as logged.",
                                    "schema": {"type": "string"}}}


def _json_body(schema: dict, example: Any = None) -> dict:
    media: dict = {"schema": schema}
    if example is not None:
        media["example"] = example
    return {"required": True, "content": {"application/json": media}}


def _ok(description: str, schema: dict, media: str = "application/json") -> dict:
    return {"200": {"description": description, "headers": _REQUEST_ID_OUT,
                    "content": {media: {"schema": schema}}}}


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
            "parameters": [_REQUEST_ID],
            "requestBody": _json_body(schema_ref),
            "responses": {**_ok("The findings.", {"$ref": "#/components/schemas/CheckResponse"}),
                          **_errors(400, 413, 415, 422, 500)},
        }},
        "/v1/check/batch": {"post": {
            "operationId": "checkBatch", "summary": "Check several articles; results in order",
            "parameters": [_REQUEST_ID],
            "requestBody": _json_body({"$ref": "#/components/schemas/BatchRequest"}),
            "responses": {**_ok("One result per article.", {"$ref": "#/components/schemas/BatchResponse"}),
                          **_errors(400, 413, 415, 422, 500)},
        }},
        "/v1/checks": {"get": {
            "operationId": "listChecks", "summary": "Every check family with its rules and doc",
            "description": "Accept: text/html gets a readable page.",
            "responses": {"200": {"description": "The check families.", "headers": _REQUEST_ID_OUT,
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
            "responses": {"200": {"description": "The check family.", "headers": _REQUEST_ID_OUT,
                                  "content": {"application/json": {"schema": {
                                      "$ref": "#/components/schemas/CheckFamily"}},
                                      "text/html": {"schema": {"type": "string"}}}},
                          **_errors(404)},
        }},
        "/openapi.json": {"get": {
            "operationId": "openapi", "summary": "This document",
            "responses": _ok("OpenAPI 3.1.", {"type": "object"})}},
        "/healthz": {"get": {
            "operationId": "healthz", "summary": "The process is alive",
            "responses": _ok("Alive.", {"type": "object", "properties": {"status": {"const": "ok"}}})}},
        "/readyz": {"get": {
            "operationId": "readyz", "summary": "Schemas loaded and checks registered",
            "responses": {**_ok("Ready.", {"type": "object"}), **_errors(503)}}},
        "/metrics": {"get": {
            "operationId": "metrics", "summary": "Prometheus metrics (text exposition format)",
            "responses": _ok("Metrics.", {"type": "string"}, "text/plain")}},
    }
    paths.update(app.extensions.get(EXTRA_PATHS, {}))
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
