"""``factcheck serve``: the app under gunicorn, started from Python.

Sync workers, one per core by default: checking is CPU-bound, so more
workers than cores only queue. Each worker is a full, independent copy of
the service: nothing a request needs lives only in one process (results and
dismissals live in the configured store), so more capacity is more workers
here or more replicas behind a load balancer.

With several workers, ``/metrics`` must add up every worker's counts: the
server points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh directory (unless one
is set) before the app is loaded, and removes a worker's live gauges when it
exits.
"""
from __future__ import annotations

import gc
import os
import shutil
import tempfile
from typing import Any, Callable

from gunicorn.app.base import BaseApplication

# Not imported from plugin.http.metrics: prometheus_client reads the variable
# when it is first imported, which must happen after it is set.
MULTIPROC_VAR = "PROMETHEUS_MULTIPROC_DIR"


LOGCONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "WARNING", "handlers": []},
    "formatters": {"json": {"()": "plugin.http.observe.JsonLinesFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                            "stream": "ext://sys.stderr"}},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": [], "propagate": False},
    },
}


class _Server(BaseApplication):
    def __init__(self, factory: Callable[[], Any], options: dict[str, Any]):
        self._factory = factory
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            if key in self.cfg.settings and value is not None:
                self.cfg.set(key, value)

    def load(self):
        app = self._factory()
        # Preloaded in the master, the app's long-lived objects (modules, compiled
        # validators, the registry) are moved out of the collector's reach before
        # the fork: collections in a worker then scan only what requests create,
        # and do not dirty the pages the workers share.
        gc.collect()
        gc.freeze()
        return app


def _child_exit(server, worker) -> None:
    if os.environ.get(MULTIPROC_VAR):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def options(host: str, port: int, workers: int, *, timeout: int = 30) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",
        "timeout": timeout,
        "graceful_timeout": 10,
        # Build the app (config, validators, registry) once in the master and fork:
        # a bad configuration stops start-up before any worker exists.
        "preload_app": True,
        # The app writes its own JSON-lines access log with the request id.
        "accesslog": None,
        "errorlog": "-",
        # gunicorn's own lines (start, worker boots and deaths) as JSON lines too.
        "logconfig_dict": LOGCONFIG,
        "child_exit": _child_exit,
        # No control socket: it lives at one fixed path per user, which two
        # servers on one machine (a benchmark, a second replica) would share.
        "control_socket_disable": True,
    }


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int | None = None,
          factory: Callable[[], Any] | None = None) -> None:
    workers = workers or max(1, os.cpu_count() or 1)
    if factory is None:
        from plugin import config

        config.load()  # a bad configuration stops here, before a port is taken
    made_dir = None
    if workers > 1 and not os.environ.get(MULTIPROC_VAR):
        made_dir = tempfile.mkdtemp(prefix="factcheck-metrics-")
        os.environ[MULTIPROC_VAR] = made_dir  # before prometheus_client is imported
    if factory is None:
        from plugin import create_app as factory
    try:
        _Server(factory, options(host, port, workers)).run()
    finally:
        if made_dir is not None:
            shutil.rmtree(made_dir, ignore_errors=True)
