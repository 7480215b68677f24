"""With DISMISSAL_TOKENS set, the dismissal routes ask for one of them as a bearer token."""
from __future__ import annotations

import pytest

from plugin import create_app
from plugin.config import ConfigError

TOKEN = "sidebar-token-0123456789"
ROUTES = [("post", "/v1/articles/a1/dismissals", {"annotation_id": "fc_0123456789abcdef0123", "who": "Rana"}),
          ("get", "/v1/articles/a1/dismissals", None),
          ("get", "/v1/articles/a1/dismissals/audit", None),
          ("delete", "/v1/articles/a1/dismissals/fc_0123456789abcdef0123", {"who": "Rana"})]


@pytest.fixture
def client(tmp_path):
    app = create_app({"TESTING": True, "STORE_PATH": str(tmp_path / "s.sqlite3"),
                      "DISMISSAL_TOKENS": ["an-older-token-still-valid", TOKEN],
                      "CORS_ORIGINS": ["https://cms.example.com"]})
    return app.test_client()


@pytest.mark.parametrize("method, path, body", ROUTES)
@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token-0123456789", f"Basic {TOKEN}", "Bearer"])
def test_without_a_valid_token_every_route_answers_401(client, method, path, body, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    response = getattr(client, method)(path, json=body, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "bearer token" in response.get_json()["detail"]


def test_with_a_valid_token_dismissals_work_and_nothing_was_stored_before(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    client.post(*ROUTES[0][1:2], json=ROUTES[0][2])  # refused: must leave no trace
    assert client.get("/v1/articles/a1/dismissals/audit", headers=auth).get_json()["audit"] == []
    assert client.post(ROUTES[0][1], json=ROUTES[0][2], headers=auth).status_code == 201
    listed = client.get("/v1/articles/a1/dismissals", headers=auth).get_json()["dismissals"]
    assert [d["annotation_id"] for d in listed] == ["fc_0123456789abcdef0123"]
    older = {"Authorization": "bearer an-older-token-still-valid"}  # the scheme is case-insensitive
    assert client.delete(ROUTES[3][1], json=ROUTES[3][2], headers=older).status_code == 200


def test_a_preflight_needs_no_token_and_checks_stay_open(client):
    preflight = client.options("/v1/articles/a1/dismissals", headers={
        "Origin": "https://cms.example.com", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 204
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]
    assert client.get("/v1/checks").status_code == 200


@pytest.mark.parametrize("tokens", [["short"], "one-short,a-long-enough-token-0123", {"a": 1}, [42]])
def test_unusable_tokens_stop_start_up_naming_the_key(tokens):
    with pytest.raises(ConfigError, match="DISMISSAL_TOKENS"):
        create_app({"TESTING": True, "DISMISSAL_TOKENS": tokens})


def test_tokens_may_come_from_the_environment_as_one_comma_separated_string(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_DISMISSAL_TOKENS", f"an-older-token-still-valid, {TOKEN}")
    app = create_app({"TESTING": True, "STORE_PATH": str(tmp_path / "s.sqlite3")})
    assert app.config["DISMISSAL_TOKENS"] == ["an-older-token-still-valid", TOKEN]
