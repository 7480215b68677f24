"""Fixtures for the sidebar's server side: an app on a temporary store and a fixed clock."""
from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone

import pytest

from plugin import create_app
from plugin.sidebar import DEMO_ARTICLE
from tests.conftest import NOW


class Clock:
    """A clock the test moves by hand; the dismissals audit reads it."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 5, 15, 9, 30, tzinfo=timezone.utc))


@pytest.fixture
def app(tmp_path, clock):
    return create_app({"TESTING": True, "STORE_PATH": str(tmp_path / "store.sqlite3"), "CLOCK": clock})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def demo() -> dict:
    """The demo article the package ships (a fresh copy per test)."""
    return copy.deepcopy(json.loads(DEMO_ARTICLE.read_text(encoding="utf-8")))


def check(client, article: dict, query: str = "", **kwargs):
    return client.post(f"/v1/check{query}", json={"article": article, "now": NOW.isoformat()}, **kwargs)
