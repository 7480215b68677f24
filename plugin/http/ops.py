"""Operations endpoints: ``/healthz``, ``/readyz``, ``/metrics``, ``/openapi.json``."""
from __future__ import annotations

from flask import Blueprint, Flask, Response, current_app, json

from checks.registry import all_checks
from plugin import service, validation
from plugin.http import openapi
from plugin.http.metrics import CONTENT_TYPE
from plugin.http.problems import ProblemError

bp = Blueprint("ops", __name__)

READY = "factcheck.ready"
OPENAPI = "factcheck.openapi"


def prepare(app: Flask) -> dict:
    """Start-up work: build every validator and look up the checks, once.

    Returns (and keeps for /readyz) what was loaded; a failure is recorded
    rather than raised, so /healthz still answers and /readyz says why.
    """
    state: dict = {"schemas": [], "checks": [], "problems": []}
    try:
        state["schemas"] = validation.warm()
    except Exception as exc:  # a broken schema file: not ready, and say so
        state["problems"].append(f"schemas: {type(exc).__name__}: {exc}")
    state["checks"] = service.enabled_checks(app.config)
    if not all_checks():
        state["problems"].append("no check family is registered")
    elif not state["checks"]:
        state["problems"].append("no check family is enabled (CHECKS)")
    else:
        _warm_checks()
    app.extensions[READY] = state
    return state


def _warm_checks() -> None:
    """Run every family once on a small article, so word lists and compiled
    patterns they load on first use are loaded here: once in the gunicorn
    master before it forks, not on some editor's first request in each worker."""
    from datetime import datetime, timezone

    from checks.engine import run_checks
    from checks.model import Article, Block

    sample = Article(id="warm-up", headline="Council approves harbour budget of 12 million kroner",
                     published_at=None, blocks=[
                         Block(id="p1", type="paragraph",
                               text='Mayor Ingrid Berg said on Monday, "We listened to every commuter."'),
                         Block(id="i1", type="image", text="Ferries at the north pier on Monday. NTB")])
    run_checks(sample, now=datetime(2025, 1, 1, tzinfo=timezone.utc))


def _json(data, status: int = 200) -> Response:
    return Response(json.dumps(data), status=status, mimetype="application/json")


@bp.get("/healthz")
def healthz():
    return _json({"status": "ok"})


@bp.get("/readyz")
def readyz():
    state = current_app.extensions.get(READY) or prepare(current_app)
    if state["problems"]:
        raise ProblemError(503, "Not ready: " + "; ".join(state["problems"]),
                           headers={"Retry-After": "5"})
    return _json({"status": "ready", "schemas": state["schemas"], "checks": state["checks"],
                  "engine_version": service.engine_version()})


@bp.get("/metrics")
def metrics():
    body = current_app.extensions["factcheck.metrics"].exposition()
    return Response(body, mimetype=CONTENT_TYPE.split(";")[0],
                    headers={"Content-Type": CONTENT_TYPE})


@bp.get("/openapi.json")
def openapi_json():
    doc = current_app.extensions.get(OPENAPI)
    if doc is None:
        doc = json.dumps(openapi.build(current_app, service.engine_version()))
        current_app.extensions[OPENAPI] = doc
    return Response(doc, mimetype="application/json")
