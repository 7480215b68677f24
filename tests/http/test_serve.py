"""``factcheck serve`` runs the app under gunicorn on loopback, with several workers."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from plugin import cli
from tests.conftest import ROOT
from tests.http.conftest import NOW_ISO, article


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read()


@pytest.fixture
def server():
    port = _free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("FACTCHECK_") and k != "PROMETHEUS_MULTIPROC_DIR"}
    env.update(PYTHONPATH=str(ROOT), FACTCHECK_LOG_LEVEL="WARNING")
    proc = subprocess.Popen([sys.executable, "-m", "plugin.cli", "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", "2"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if _get(base + "/readyz")[0] == 200:
                break
        except (urllib.error.URLError, ConnectionError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("factcheck serve did not start: " + proc.stderr.read().decode()[-2000:])
        time.sleep(0.1)
    yield base
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    proc.stderr.close()


def test_serve_answers_checks_and_sums_metrics_over_workers(server):
    body = json.dumps({"article": article(), "now": NOW_ISO}).encode()
    for _ in range(6):
        request = urllib.request.Request(server + "/v1/check", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 200
            assert json.loads(response.read())["article_id"] == "http-draft-1"
            assert response.headers["X-Request-ID"]
    status, metrics = _get(server + "/metrics")
    assert status == 200
    line = next(ln for ln in metrics.decode().splitlines()
                if ln.startswith("factcheck_http_requests_total{") and 'endpoint="/v1/check"' in ln)
    assert float(line.rsplit(" ", 1)[1]) == 6  # every worker's requests, not one worker's


def test_serve_rejects_a_bad_worker_count(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["serve", "--workers", "0"])
    assert exited.value.code == 2
    assert "--workers" in capsys.readouterr().err


def test_serve_reports_a_bad_configuration(monkeypatch, capsys):
    monkeypatch.setenv("FACTCHECK_BATCH_LIMIT", "none")
    assert cli.main(["serve", "--port", "1"]) == cli.EXIT_BAD_INPUT
    assert "BATCH_LIMIT (from environment)" in capsys.readouterr().err
