"""factcheck's Flask app (the plugin server) and command line."""
from __future__ import annotations

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """App factory: embedded defaults, then ``test_config`` on top."""
    app = Flask(__name__)
    if test_config:
        app.config.from_mapping(test_config)

    from plugin import api

    app.register_blueprint(api.bp)
    from plugin import sidebar  # editor sidebar: widget, demo page, dismissals (issue 5)
    sidebar.init_app(app)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app
