"""Fixtures for the webhook tests: a settable clock, an app on a temporary store,
and a callback receiver on 127.0.0.1 that can be told to fail its first attempts."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from plugin import create_app
from plugin.webhooks.signatures import SignatureError, verify_standard

CMS = Path(__file__).resolve().parent.parent / "fixtures" / "cms"

# 2025-06-01T12:00:00Z, the suite's reference time (tests.conftest.NOW), in Unix seconds.
T0 = 1748779200
CALLBACK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
STANDARD_SECRET = "whsec_" + "c2VjcmV0LWZvci1hcmMtMDEyMzQ1Njc4OWFiY2RlZg=="
GITHUB_SECRET = "It's a Secret to Everybody"
GHOST_SECRET = "s3cr3t"


class Clock:
    """A clock the test moves by hand (Unix seconds)."""

    def __init__(self, t: float = T0) -> None:
        self.t = float(t)

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


def load(name: str) -> dict:
    return json.loads((CMS / name).read_text(encoding="utf-8"))


def raw(name: str) -> bytes:
    return (CMS / name).read_bytes()


def make_app(tmp_path: Path, clock: Clock, **config):
    settings = {
        "TESTING": True,
        "STORE_PATH": str(tmp_path / "store.sqlite3"),
        "WEBHOOK_CLOCK": clock,
        "WEBHOOK_SOURCES": {
            "arc": {"scheme": "standard", "secrets": [STANDARD_SECRET]},
            "wordpress": {"scheme": "github", "secrets": [GITHUB_SECRET]},
            "ghost": {"scheme": "ghost", "secrets": [GHOST_SECRET]},
            "generic": {"scheme": "none"},
        },
        "CALLBACK_SECRET": CALLBACK_SECRET,
        "CALLBACK_WORKER": False,
        "CALLBACK_ALLOW_HTTP": True,
        "CALLBACK_ALLOW_NETWORKS": ["127.0.0.1/32"],
        "CALLBACK_BACKOFF_BASE_SECONDS": 0.01,
        "CALLBACK_BACKOFF_MAX_SECONDS": 0.05,
        "CALLBACK_TIMEOUT_SECONDS": (2.0, 2.0),
    }
    settings.update(config)
    return create_app(settings)


@pytest.fixture
def app(tmp_path, clock):
    return make_app(tmp_path, clock)


@pytest.fixture
def client(app):
    return app.test_client()


class Receiver:
    """Accepts callbacks on 127.0.0.1, answering from a script of statuses (then 200)."""

    def __init__(self, statuses=(), secret: str = CALLBACK_SECRET, now=lambda: T0) -> None:
        self.statuses = list(statuses)
        self.requests: list[dict] = []
        self.accepted: dict[str, bytes] = {}
        self.arrived = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    verify_standard(headers, body, [secret], now=now())
                    authentic = True
                except SignatureError:
                    authentic = False
                with receiver.lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    receiver.requests.append({"headers": headers, "body": body, "status": status,
                                              "authentic": authentic, "path": self.path})
                    if 200 <= status < 300:
                        receiver.accepted.setdefault(headers.get("webhook-id", "-"), body)
                self.send_response(status)
                if status in (301, 302, 307, 308):
                    self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                if 200 <= status < 300:
                    receiver.arrived.set()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> "Receiver":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def receiver_factory():
    started: list[Receiver] = []

    def start(statuses=(), **kwargs) -> Receiver:
        receiver = Receiver(statuses, **kwargs).__enter__()
        started.append(receiver)
        return receiver

    yield start
    for receiver in started:
        receiver.__exit__(None, None, None)
