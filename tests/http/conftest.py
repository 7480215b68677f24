"""Fixtures for the HTTP service: an app per test, its client, and small articles."""
from __future__ import annotations

import copy
import os

import pytest

from plugin import create_app
from tests.conftest import NOW

NOW_ISO = NOW.isoformat()

# A small draft in the generic shape with one finding the core always has
# (a language switcher pasted into the body).
ARTICLE = {
    "id": "http-draft-1",
    "revision": "7",
    "headline": "Harbour council approves new budget",
    "published_at": "2025-05-15T09:00:00+00:00",
    "blocks": [
        {"id": "p1", "type": "paragraph", "text": "The harbour council approved its budget on Thursday."},
        {"id": "img1", "type": "image", "caption": "Council members vote in the harbour hall.",
         "credit": "Jane Doe"},
        {"id": "p-lang", "type": "paragraph", "text": "\u2022 English \u2022 Arabic"},
        {"id": "p2", "type": "paragraph", "text": "The vote was unanimous."},
    ],
}


def article(**changes) -> dict:
    doc = copy.deepcopy(ARTICLE)
    doc.update(changes)
    return doc


@pytest.fixture
def config() -> dict:
    """test_config for the app; a test changes it before asking for ``app``."""
    return {"TESTING": True, "CORS_ORIGINS": ["https://cms.example.com"]}


@pytest.fixture
def app(config, monkeypatch):
    for name in [n for n in os.environ if n.startswith("FACTCHECK_") and n != "FACTCHECK_SHARED"]:
        monkeypatch.delenv(name)  # the developer's own settings must not leak into tests
    return create_app(config)


@pytest.fixture
def client(app):
    return app.test_client()
