"""The check API: ``POST /v1/check``, ``POST /v1/check/batch``, ``GET /v1/checks[/<id>]``.

Requests are validated with the JSON Schemas (compiled once at start-up);
every problem comes back at once as a 422 problem document with a JSON
pointer into the request body. A check family that raises does not fail the
request: its failure is listed in the result's ``check_errors``.

Other features can post-process each result (hide dismissed findings, add
fields) by appending ``fn(result_json, result, request) -> dict | None`` to
``app.extensions["factcheck.result_hooks"]``; query parameters, not body
fields, are the place for their options.
"""
from __future__ import annotations

import time
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from flask import Blueprint, Request, Response, current_app, g, json, render_template, request

from checks.engine import Result
from checks.registry import CheckFamily, all_checks
from plugin import service
from plugin.http import contract
from plugin.http.bodies import json_body
from plugin.http.problems import ProblemError, invalid
from plugin.render import w3c
from plugin.validation import InvalidInput, Problem

bp = Blueprint("api", __name__, template_folder="http/templates")


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, mimetype="application/json")


def _took_ms() -> float:
    started = g.get("started")
    return round((time.perf_counter() - started) * 1000, 3) if started is not None else 0.0


def _options(payload: dict, problems: list[Problem]) -> tuple[list[str] | None, datetime | None]:
    """The request's check ids and reference time; bad ones are added to ``problems``."""
    selected = None
    checks = payload.get("checks")
    if isinstance(checks, list) and all(isinstance(c, str) for c in checks):
        try:
            selected = service.select_checks(checks, current_app.config)
        except InvalidInput as exc:
            problems.extend(exc.problems)
    now = None
    if isinstance(payload.get("now"), str):
        try:
            now = service.parse_now(payload["now"])
        except InvalidInput as exc:
            problems.extend(exc.problems)
    return selected, now


def _build(doc: Any, base: str, problems: list[Problem]):
    try:
        return service.build_article(doc, base=base)
    except InvalidInput as exc:
        problems.extend(exc.problems)
        return None


def _result_json(result: Result, req: Request) -> dict:
    out = result.to_json()
    for hook in current_app.extensions.get("factcheck.result_hooks", ()):
        changed = hook(out, result, req)
        if changed is not None:
            out = changed
    return out


def _run(article, selected, now) -> Result:
    config = current_app.config
    checks = selected if selected is not None else service.enabled_checks(config)
    return service.run(article, checks=checks, now=now or datetime.now(timezone.utc), config=config)


@bp.post("/v1/check")
def check():
    payload = json_body()
    problems = contract.check_request_problems(payload)
    if not isinstance(payload, dict):
        raise invalid(problems)
    selected, now = _options(payload, problems)
    article = _build(payload["article"], "/article", problems) if "article" in payload else None
    if problems:
        raise invalid(sorted(dict.fromkeys(problems), key=_pointer_order))
    result = _run(article, selected, now)
    req = request._get_current_object()  # one context lookup for the hooks and negotiation
    out = _result_json(result, req)
    out["took_ms"] = _took_ms()
    out["engine_version"] = service.engine_version()
    if w3c.requested(req):  # ?format=w3c or Accept: application/ld+json; profile=anno
        return w3c.response(out, now=now or datetime.now(timezone.utc))
    return _json(out)


@bp.post("/v1/check/batch")
def check_batch():
    payload = json_body()
    problems = contract.batch_request_problems(payload)
    if not isinstance(payload, dict):
        raise invalid(problems)
    limit = current_app.config["BATCH_LIMIT"]
    docs = payload.get("articles")
    if isinstance(docs, list) and len(docs) > limit:
        raise invalid([Problem("/articles", f"has {len(docs)} articles; this server checks at most "
                                            f"{limit} per batch")])
    selected, now = _options(payload, problems)
    articles = []
    if isinstance(docs, list):
        articles = [_build(doc, f"/articles/{i}", problems) for i, doc in enumerate(docs)]
    if problems:
        raise invalid(sorted(dict.fromkeys(problems), key=_pointer_order))
    req = request._get_current_object()
    results = [_result_json(_run(article, selected, now), req) for article in articles]
    return _json({"results": results, "took_ms": _took_ms(),
                  "engine_version": service.engine_version()})


def _pointer_order(problem: Problem) -> tuple:
    # /articles/10 after /articles/9: numeric tokens compare as numbers. ASCII digits
    # only: a key such as "²" is a digit to str.isdigit() but not to int().
    return tuple((0, int(t), "") if t.isascii() and t.isdigit() else (1, 0, t)
                 for t in problem.pointer.split("/"))


# -- check documentation ---------------------------------------------------

def _wants_html() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html"


def _family_json(family: CheckFamily, enabled: set[str]) -> dict:
    out = family.to_json()
    out["enabled"] = family.id in enabled
    return out


@lru_cache(maxsize=None)
def _doc_html(family_id: str) -> dict[str, str]:
    from markdown_it import MarkdownIt

    # CommonMark with tables; raw HTML in a doc is shown as text, not passed through.
    render = MarkdownIt("commonmark", {"html": False}).enable("table").render
    family = next(f for f in all_checks() if f.id == family_id)
    return {section: render(text) for section, text in family.doc.items()}


def _render_docs(families: list[CheckFamily], enabled: set[str], title: str) -> Response:
    html = render_template("check_docs.html", title=title, families=families, enabled=enabled,
                           doc_html={f.id: _doc_html(f.id) for f in families},
                           severities=current_app.config.get("SEVERITIES") or {})
    return Response(html, mimetype="text/html")


@bp.get("/v1/checks")
def list_checks():
    families = all_checks()
    enabled = set(service.enabled_checks(current_app.config))
    if _wants_html():
        return _render_docs(families, enabled, "factcheck: the checks")
    return _json({"checks": [_family_json(f, enabled) for f in families]})


@bp.get("/v1/checks/<check_id>")
def show_check(check_id: str):
    family = next((f for f in all_checks() if f.id == check_id), None)
    if family is None:
        raise ProblemError(404, f"There is no check {check_id!r}; GET /v1/checks lists them.",
                           title="Unknown check")
    enabled = set(service.enabled_checks(current_app.config))
    if _wants_html():
        return _render_docs([family], enabled, f"factcheck: {family.id}")
    return _json(_family_json(family, enabled))
