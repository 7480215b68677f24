"""The editor sidebar: its demo page, and the wiring for the widget and dismissals.

The widget itself is a static, dependency-free ES module served by the app at
``/static/factcheck-sidebar.js`` (with ``factcheck-sidebar.css`` beside it);
see ``docs/sidebar.md`` for embedding it in a CMS.

``GET /sidebar/demo`` is a small editor page (one contenteditable element per
block) preloaded with a demo article, with the widget beside it, so anyone can
try the checker in a browser right after ``make run``.

Which article the demo shows: the repository ships its own demo article
(``plugin/static/sidebar-demo-article.json``), written for the purpose in the
generic article shape and carrying the same kinds of defects as the team's seed
(a lead caption repeated three times, a second caption repeated once, a language
switcher and a "Read more" line pasted from a web page, weekday references).
The team's shared material is not shipped with the package, so the demo must
not depend on it. To show another article, set config ``SIDEBAR_DEMO_ARTICLE``
to the path of a generic-article JSON file (for example the shared seed,
``../shared/examples/seed-article.json``).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Flask, current_app, render_template_string, request

from plugin import dismissals
from plugin.adapters.generic import article_from_json, article_to_json
from plugin.validation import InvalidInput, Problem

bp = Blueprint("sidebar", __name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEMO_ARTICLE = STATIC_DIR / "sidebar-demo-article.json"
WIDGET_FILES = ("factcheck-sidebar.js", "factcheck-sidebar.css")


def init_app(app: Flask) -> None:
    """Register the demo page and the dismissals API on ``app``."""
    from plugin.http import openapi

    app.register_blueprint(bp)
    dismissals.init_app(app)
    app.after_request(_widget_cors)
    openapi.add_paths(app, OPENAPI_PATHS)


OPENAPI_PATHS = {"/sidebar/demo": {"get": {
    "operationId": "sidebarDemo", "summary": "A demo editor page with the sidebar widget",
    "description": "An HTML page preloaded with the demo article (config SIDEBAR_DEMO_ARTICLE). "
                   "The page's script reads these query parameters; the server ignores them.",
    "tags": ["sidebar"],
    "parameters": [
        {"name": "now", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "The reference time sent with each check (ISO 8601)."},
        {"name": "user", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "The name recorded with dismissals."},
        {"name": "highlight", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "marks forces <mark> highlights instead of the Custom Highlight API."},
        {"name": "debounce", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "Milliseconds after the last keystroke before re-checking."},
    ],
    "responses": {
        "200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}},
        "500": {"description": "The demo article cannot be read or is not a valid article.",
                "content": {"application/problem+json": {"schema": {
                    "$ref": "#/components/schemas/Problem"}}}},
    },
}}}


def _widget_cors(response):
    # The CMS imports the module from its own origin, and module scripts are
    # fetched in CORS mode: the widget's files are public, so any origin may
    # load them. (The API's own CORS policy is configuration, issue 3's.)
    if request.endpoint == "static" and (request.view_args or {}).get("filename") in WIDGET_FILES:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


@lru_cache(maxsize=8)
def _load_demo(path: str, mtime: float) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    # Through the real adapter, so the page shows exactly what a check reads.
    return article_to_json(article_from_json(data, source=path))


def demo_article() -> dict:
    path = Path(current_app.config.get("SIDEBAR_DEMO_ARTICLE") or DEMO_ARTICLE)
    return _load_demo(str(path), path.stat().st_mtime)


@bp.get("/sidebar/demo")
def demo():
    try:
        article = demo_article()
    except (OSError, ValueError, InvalidInput) as exc:
        current_app.logger.error("demo article cannot be loaded: %s", exc)
        return dismissals.problem(500, "Demo article unavailable", [Problem(
            "", "the article named by SIDEBAR_DEMO_ARTICLE cannot be read or is not a valid article")])
    response = current_app.make_response(render_template_string(PAGE, article=article))
    response.headers["Cache-Control"] = "no-store"
    return response


# The page: the article as JSON in the page (the template's tojson escapes it
# for HTML), an editor built from it by sidebar-demo.js, and the widget.
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>factcheck sidebar demo</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{{ url_for('static', filename='factcheck-sidebar.css') }}">
<link rel="stylesheet" href="{{ url_for('static', filename='sidebar-demo.css') }}">
</head>
<body>
<header class="demo-bar">
  <strong>factcheck</strong> sidebar demo
  <span class="demo-hint">Edit the draft on the left; findings update as you type.</span>
  <button type="button" id="demo-reset">Reset draft</button>
</header>
<div class="demo-layout">
  <main class="demo-editor" id="editor" aria-label="Draft article"></main>
  <div class="demo-side" id="factcheck"></div>
</div>
<script type="application/json" id="demo-article">{{ article|tojson }}</script>
<script type="module" src="{{ url_for('static', filename='sidebar-demo.js') }}"></script>
</body>
</html>
"""
