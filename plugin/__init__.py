"""factcheck's Flask app (the plugin server) and command line."""
from __future__ import annotations

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """App factory.

    Configuration (``plugin.config``): embedded defaults, then the TOML file
    named by ``FACTCHECK_CONFIG``, then ``FACTCHECK_*`` environment variables,
    then ``test_config``. Error handling (problem+json), request ids, logs,
    metrics and CORS are app-wide, so they cover every blueprint registered
    here. A feature adds itself with one ``<module>.init_app(app)`` line.
    """
    from plugin import api, config
    from plugin.http import cors, observe, ops, problems

    app = Flask(__name__)
    settings, origin = config.load(test_config)
    app.config.update(settings)
    app.extensions["factcheck.config_origin"] = origin
    app.json.sort_keys = False  # keep the result's own field order, as the CLI prints it

    observe.configure_logging(app.config["LOG_LEVEL"])
    problems.init_app(app)
    observe.init_app(app)  # first: the request id exists before any other hook runs
    cors.init_app(app)

    app.register_blueprint(api.bp)
    app.register_blueprint(ops.bp)
    app.extensions.setdefault("factcheck.result_hooks", [])

    from plugin import sidebar  # editor sidebar: widget, demo page, dismissals (issue 5)
    sidebar.init_app(app)

    from plugin import webhooks  # CMS webhooks, stored results, callbacks (issue 4)
    webhooks.init_app(app)

    ops.prepare(app)  # validators built and checks looked up once, at start-up
    return app
