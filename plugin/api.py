"""The HTTP API: ``POST /v1/check`` (a first cut; issue 3 grows it)."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import Blueprint, jsonify, request

from checks.engine import run_checks
from checks.registry import UnknownCheck
from plugin import dismissals
from plugin.adapters.generic import article_from_json
from plugin.render import w3c
from plugin.validation import InvalidInput, Problem

bp = Blueprint("api", __name__)


def _problem(status: int, title: str, problems: list[Problem]):
    body = {"type": "about:blank", "title": title, "status": status,
            "detail": "; ".join(f"{p.pointer}: {p.message}" for p in problems),
            "errors": [p.to_json() for p in problems]}
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


@bp.post("/v1/check")
def check():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict) or "article" not in payload:
        return _problem(400, "Bad request", [Problem("/article", "is required")])
    now = datetime.now(timezone.utc)
    if payload.get("now"):
        try:
            now = datetime.fromisoformat(payload["now"])
            now = now if now.tzinfo else now.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError):
            return _problem(422, "Invalid request", [Problem("/now", "is not an ISO 8601 date-time")])
    try:
        article = article_from_json(payload["article"], base="/article")
        result = run_checks(article, now=now, checks=payload.get("checks"))
    except InvalidInput as exc:
        return _problem(422, "Invalid article", exc.problems)
    except UnknownCheck as exc:
        return _problem(422, "Unknown check", [Problem("/checks", str(exc))])
    body = dismissals.apply(result.to_json())  # ?include_dismissed=true keeps them, marked
    if w3c.requested(request):  # ?format=w3c or Accept: application/ld+json; profile=anno
        return w3c.response(body, now=now)
    return jsonify(body)
