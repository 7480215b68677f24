"""POST /v1/webhooks/<source> through the test client: signatures, idempotency, answers,
bad input, and GET /v1/articles/<id>/result."""
import json

import pytest

import plugin.webhooks.views as views
from plugin.webhooks.signatures import sign_ghost, sign_github, standard_headers
from tests.webhooks.conftest import (GHOST_SECRET, GITHUB_SECRET, STANDARD_SECRET, T0, load, make_app,
                                     raw)

OLD_STANDARD_SECRET = "whsec_" + "b2xkLXNlY3JldC1iZWZvcmUtcm90YXRpb24tMDEy"


def arc_post(client, body: bytes, *, msg_id="msg_1", ts=T0, secret=STANDARD_SECRET, query=""):
    headers = standard_headers(secret, msg_id, ts, body)
    return client.post("/v1/webhooks/arc" + query, data=body, headers=headers,
                       content_type="application/json")


def wordpress_post(client, body: bytes, *, delivery="d-1", secret=GITHUB_SECRET):
    headers = {"X-Hub-Signature-256": sign_github(secret, body), "X-GitHub-Delivery": delivery}
    return client.post("/v1/webhooks/wordpress", data=body, headers=headers, content_type="application/json")


def ghost_post(client, body: bytes, *, t_ms=T0 * 1000, secret=GHOST_SECRET):
    headers = {"X-Ghost-Signature": sign_ghost(secret, body, t_ms)}
    return client.post("/v1/webhooks/ghost", data=body, headers=headers, content_type="application/json")


@pytest.fixture
def runs(monkeypatch):
    """Counts how many times the checks actually run."""
    calls = []
    real = views.service.run

    def counting(*args, **kwargs):
        calls.append(kwargs.get("now"))
        return real(*args, **kwargs)

    monkeypatch.setattr(views.service, "run", counting)
    return calls


# -- valid deliveries -----------------------------------------------------------------------

def test_arc_signed_delivery_is_checked_stored_and_answered_with_the_result(client, runs):
    response = arc_post(client, raw("arc/story.json"))
    assert response.status_code == 200, response.json
    result = response.json
    assert result["article_id"] == "KQ2VZPLR5NH3TGW4XB7YJ6EC1A"
    assert result["revision"] == "rev-0007"
    assert result["source"] == "webhook:arc"
    assert set(result["summary"]) == {"error", "warning", "info"}
    assert response.headers["Content-Location"] == \
        "/v1/articles/KQ2VZPLR5NH3TGW4XB7YJ6EC1A/result?revision=rev-0007"
    # The reference time is the receive time from the injected clock.
    assert [now.timestamp() for now in runs] == [T0]
    stored = client.get("/v1/articles/KQ2VZPLR5NH3TGW4XB7YJ6EC1A/result")
    assert stored.status_code == 200 and stored.json == result
    assert client.get(response.headers["Content-Location"]).json == result


def test_wordpress_and_ghost_signed_deliveries(client):
    response = wordpress_post(client, raw("wordpress/post-blocks.json"))
    assert response.status_code == 200, response.json
    assert response.json["article_id"] == "7301"
    response = ghost_post(client, raw("ghost/post.edited.json"))
    assert response.status_code == 200, response.json
    assert response.json["article_id"] == "6650a1b2c3d4e5f601234567"


def test_generic_unsigned_source_when_configured_so_with_the_payload_now(client, runs):
    article = load("generic/article.json")
    response = client.post("/v1/webhooks/generic", json={"article": article, "now": "2025-06-02T08:00:00Z"})
    assert response.status_code == 200, response.json
    assert [now.isoformat() for now in runs] == ["2025-06-02T08:00:00+00:00"]
    assert [a["target"]["block_id"] for a in response.json["annotations"]
            if a["check"] == "page-furniture"] == ["p2"]
    assert client.post("/v1/webhooks/generic", json=article).status_code == 200  # a bare article too


def test_a_late_retry_of_an_older_revision_does_not_become_the_latest(client):
    article = load("generic/article.json")
    newer = {**article, "revision": "5", "updated_at": "2025-05-15T12:00:00Z"}
    older = {**article, "revision": "4", "updated_at": "2025-05-15T09:00:00Z"}
    assert client.post("/v1/webhooks/generic", json=newer).status_code == 200
    assert client.post("/v1/webhooks/generic", json=older).status_code == 200  # arrives late
    assert client.get(f"/v1/articles/{article['id']}/result").json["revision"] == "5"
    assert client.get(f"/v1/articles/{article['id']}/result?revision=4").json["revision"] == "4"


def test_the_result_url_of_an_article_id_with_slashes_leads_to_its_result(client):
    # The answer's Content-Location escapes the slash (%2F), which the server sees as "/".
    article = {**load("generic/article.json"), "id": "news/2025/harbour"}
    response = client.post("/v1/webhooks/generic", json=article)
    assert response.status_code == 200, response.json
    assert "news%2F2025%2Fharbour" in response.headers["Content-Location"]
    stored = client.get(response.headers["Content-Location"])
    assert stored.status_code == 200 and stored.json == response.json


def test_results_are_kept_per_revision_and_latest_wins(client):
    article = load("generic/article.json")
    client.post("/v1/webhooks/generic", json=article)
    client.post("/v1/webhooks/generic", json={**article, "revision": "4", "blocks": article["blocks"][:1]})

    def furniture(result):  # the "Advertisement" paragraph, dropped in revision 4
        return [a["target"]["block_id"] for a in result["annotations"] if a["check"] == "page-furniture"]

    latest = client.get("/v1/articles/harbour-7/result").json
    assert latest["revision"] == "4" and furniture(latest) == []
    older = client.get("/v1/articles/harbour-7/result?revision=3").json
    assert older["revision"] == "3" and furniture(older) == ["p2"]
    missing = client.get("/v1/articles/harbour-7/result?revision=99")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    assert client.get("/v1/articles/nobody/result").status_code == 404


def test_an_article_without_a_revision_is_stored_under_a_content_digest(client):
    article = {k: v for k, v in load("generic/article.json").items() if k != "revision"}
    first = client.post("/v1/webhooks/generic", json=article).json["revision"]
    assert first.startswith("sha256:")
    assert client.post("/v1/webhooks/generic", json=article).json["revision"] == first
    changed = client.post("/v1/webhooks/generic", json={**article, "headline": "Another"}).json["revision"]
    assert changed != first


def test_rotated_secrets_are_all_accepted(tmp_path, clock):
    app = make_app(tmp_path, clock, WEBHOOK_SOURCES={
        "arc": {"scheme": "standard", "secrets": [STANDARD_SECRET, OLD_STANDARD_SECRET]}})
    client = app.test_client()
    assert arc_post(client, raw("arc/ifx-event.json"), secret=OLD_STANDARD_SECRET).status_code == 200
    assert arc_post(client, raw("arc/story.json"), msg_id="msg_2").status_code == 200


# -- refused -------------------------------------------------------------------------------

def _unauthorized(response):
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    # One answer for every failure: nothing says which part was wrong. (The
    # request id, as on every error, only names the caller's own request.)
    body = dict(response.json)
    assert body.pop("instance").startswith("urn:request:")
    assert body == {"type": "https://factcheck.invalid/problems/unauthorized",
                    "title": "Unauthorized", "status": 401,
                    "detail": "The request could not be authenticated."}


def test_signature_failures_are_401_with_nothing_helpful_and_nothing_stored(client, clock):
    body = raw("arc/story.json")
    headers = standard_headers(STANDARD_SECRET, "msg_1", T0, body)
    _unauthorized(client.post("/v1/webhooks/arc", data=body + b" ", headers=headers,
                              content_type="application/json"))
    _unauthorized(arc_post(client, body, secret=OLD_STANDARD_SECRET))
    _unauthorized(arc_post(client, body, ts=T0 - 301))  # a replay of an old delivery
    _unauthorized(arc_post(client, body, ts=T0 + 301))
    _unauthorized(client.post("/v1/webhooks/arc", data=body, content_type="application/json"))  # unsigned
    _unauthorized(wordpress_post(client, raw("wordpress/post-blocks.json"), secret="nope"))
    _unauthorized(ghost_post(client, raw("ghost/post.edited.json"), t_ms=(T0 - 600) * 1000))
    assert client.get("/v1/articles/KQ2VZPLR5NH3TGW4XB7YJ6EC1A/result").status_code == 404
    # The same delivery, properly signed, is then accepted: the failures recorded nothing.
    assert arc_post(client, body).status_code == 200


def test_unsigned_is_refused_unless_the_source_says_so(tmp_path, clock):
    app = make_app(tmp_path, clock, WEBHOOK_SOURCES={"generic": {"scheme": "github", "secrets": ["s"]},
                                                     "ghost": {"scheme": "standard", "secrets": []}})
    client = app.test_client()
    _unauthorized(client.post("/v1/webhooks/generic", json=load("generic/article.json")))
    # Configured without secrets, or not configured at all: closed, never "skip verification".
    for source in ("ghost", "arc"):
        response = client.post(f"/v1/webhooks/{source}", json={})
        assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert client.post("/v1/webhooks/drupal", json={}).status_code == 404


def test_oversize_body_is_413_and_nothing_is_stored(tmp_path, clock):
    app = make_app(tmp_path, clock, WEBHOOK_MAX_BODY_BYTES=2000)
    client = app.test_client()
    body = raw("arc/story.json")
    assert len(body) > 2000
    response = arc_post(client, body)
    assert response.status_code == 413 and response.mimetype == "application/problem+json"
    assert client.get("/v1/articles/KQ2VZPLR5NH3TGW4XB7YJ6EC1A/result").status_code == 404


def test_wrong_media_type_and_malformed_json(client):
    body = b'{"not": "closed"'
    headers = standard_headers(STANDARD_SECRET, "msg_x", T0, body)
    response = client.post("/v1/webhooks/arc", data=body, headers=headers, content_type="text/plain")
    assert response.status_code == 415
    response = client.post("/v1/webhooks/arc", data=body, headers=headers, content_type="application/json")
    assert response.status_code == 400 and response.mimetype == "application/problem+json"


@pytest.mark.parametrize("source, name, pointers", [
    ("arc", "arc/not-a-story.json", ["/content_elements/0/content", "/content_elements/1/type",
                                     "/content_elements/2/caption", "/headlines/basic", "/type"]),
    ("wordpress", "wordpress/not-a-post.json", ["/content/raw", "/content/rendered", "/id", "/title"]),
    ("ghost", "ghost/not-a-post.json", ["/post/current/authors", "/post/current/id", "/post/current/title"]),
    ("generic", "generic/article.json", ["/blocks/0/text"]),
])
def test_payload_not_in_the_cms_shape_is_422_with_pointers(client, source, name, pointers):
    payload = load(name)
    if source == "generic":
        del payload["blocks"][0]["text"]
    body = json.dumps(payload).encode()
    send = {"arc": arc_post, "wordpress": wordpress_post, "ghost": ghost_post,
            "generic": lambda c, b: c.post("/v1/webhooks/generic", data=b, content_type="application/json")}
    response = send[source](client, body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert [e["pointer"] for e in response.json["errors"]] == pointers
    assert response.json["type"].endswith("/invalid-payload") and response.json["title"]


def test_a_deleted_post_has_nothing_to_check(client):
    response = ghost_post(client, raw("ghost/post.deleted.json"))
    assert response.status_code == 200 and response.json["status"] == "ignored"


# -- idempotency -----------------------------------------------------------------------------

def test_redelivery_returns_the_stored_outcome_without_running_again(client, clock, runs):
    body = raw("arc/story.json")
    first = arc_post(client, body, msg_id="msg_same")
    clock.advance(60)  # a retry: same webhook-id, new timestamp and signature
    again = arc_post(client, body, msg_id="msg_same", ts=int(clock()))
    assert again.status_code == first.status_code == 200
    assert again.json == first.json
    assert again.headers["Webhook-Replayed"] == "true"
    assert len(runs) == 1
    # The same id with another body is not a redelivery.
    other = arc_post(client, raw("arc/ifx-event.json"), msg_id="msg_same", ts=int(clock()))
    assert other.status_code == 422 and len(runs) == 1


def test_github_delivery_ids_and_ghost_versions_deduplicate(client, runs):
    body = raw("wordpress/post-blocks.json")
    assert wordpress_post(client, body, delivery="gh-1").status_code == 200
    assert wordpress_post(client, body, delivery="gh-1").headers.get("Webhook-Replayed") == "true"
    assert wordpress_post(client, body, delivery="gh-2").status_code == 200
    assert len(runs) == 2
    ghost = raw("ghost/post.edited.json")
    ghost_post(client, ghost)
    assert ghost_post(client, ghost).headers.get("Webhook-Replayed") == "true"
    assert len(runs) == 3


def test_ifx_uuid_deduplicates(client, runs):
    body = raw("arc/ifx-event.json")
    arc_post(client, body, msg_id="msg_a")
    # Arc resends the event under a new transport id: the IFX uuid still names it.
    client.application.config["WEBHOOK_SOURCES"]["arc"] = {"scheme": "none"}
    response = client.post("/v1/webhooks/arc", data=body, content_type="application/json")
    assert response.status_code == 200 and len(runs) == 2  # a different id space: webhook-id vs uuid
    again = client.post("/v1/webhooks/arc", data=body, content_type="application/json")
    assert again.headers.get("Webhook-Replayed") == "true" and len(runs) == 2


def test_unsigned_senders_may_name_deliveries_with_idempotency_key(client, runs):
    article = load("generic/article.json")
    headers = {"Idempotency-Key": '"8e03978e-40d5-43e8-bc93-6894a57f9324"'}
    client.post("/v1/webhooks/generic", json=article, headers=headers)
    response = client.post("/v1/webhooks/generic", json=article, headers=headers)
    assert response.headers.get("Webhook-Replayed") == "true" and len(runs) == 1


# -- asynchronous answers ----------------------------------------------------------------------

def test_async_source_answers_202_with_where_to_find_the_result(tmp_path, clock):
    app = make_app(tmp_path, clock, WEBHOOK_SOURCES={"generic": {"scheme": "none", "async": True}})
    client = app.test_client()
    response = client.post("/v1/webhooks/generic", json=load("generic/article.json"))
    assert response.status_code == 202
    assert response.json == {"status": "accepted", "article_id": "harbour-7", "revision": "3",
                             "result_url": "/v1/articles/harbour-7/result?revision=3"}
    assert client.get(response.json["result_url"]).json["article_id"] == "harbour-7"


def test_callback_requested_is_202_and_queued(client, app):
    response = client.post("/v1/webhooks/generic?callback_url=http://127.0.0.1:9/hook",
                           json=load("generic/article.json"))
    assert response.status_code == 202
    message = response.json["callback"]["id"]
    item = app.extensions["factcheck.store"].outbox_item(message)
    assert item.state == "pending" and item.url == "http://127.0.0.1:9/hook"
    assert json.loads(item.body)["data"] == client.get(response.json["result_url"]).json


@pytest.mark.parametrize("url", ["http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data/",
                                 "http://[::1]/hook", "ftp://example.org/hook", "http://localhost/hook"])
def test_callback_to_a_private_address_is_refused_and_nothing_stored(tmp_path, clock, url):
    app = make_app(tmp_path, clock, CALLBACK_ALLOW_NETWORKS=[])
    client = app.test_client()
    response = client.post("/v1/webhooks/generic",
                           json={"article": load("generic/article.json"), "callback_url": url})
    assert response.status_code == 422
    assert [e["pointer"] for e in response.json["errors"]] == ["/callback_url"]
    assert client.get("/v1/articles/harbour-7/result").status_code == 404


def test_callbacks_without_a_signing_secret_are_refused(tmp_path, clock):
    app = make_app(tmp_path, clock, CALLBACK_SECRET=None)
    response = app.test_client().post("/v1/webhooks/generic?callback_url=http://127.0.0.1:9/",
                                      json=load("generic/article.json"))
    assert response.status_code == 503


def test_a_source_can_insist_on_its_configured_callback_url(tmp_path, clock):
    app = make_app(tmp_path, clock, WEBHOOK_SOURCES={"generic": {
        "scheme": "none", "callback_url": "http://127.0.0.1:9/configured", "callback_from_request": False}})
    client = app.test_client()
    refused = client.post("/v1/webhooks/generic?callback_url=http://127.0.0.1:9/other",
                          json=load("generic/article.json"))
    assert refused.status_code == 422
    accepted = client.post("/v1/webhooks/generic", json=load("generic/article.json"))
    assert accepted.status_code == 202
    item = app.extensions["factcheck.store"].outbox_item(accepted.json["callback"]["id"])
    assert item.url == "http://127.0.0.1:9/configured"


def test_an_oversize_chunked_body_is_413_before_it_is_all_read(tmp_path, clock):
    """No Content-Length to trust: the limit applies while reading (a real server on loopback)."""
    import http.client
    import threading

    from werkzeug.serving import make_server

    app = make_app(tmp_path, clock, WEBHOOK_MAX_BODY_BYTES=1000)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        def send(size: int):
            article = {"id": "chunked", "headline": "h", "blocks": [
                {"id": "p", "type": "paragraph", "text": "x" * size}]}
            data = json.dumps(article).encode()
            conn = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=5)
            conn.request("POST", "/v1/webhooks/generic", body=iter([data[:50], data[50:]]),
                         headers={"Content-Type": "application/json"}, encode_chunked=True)
            response = conn.getresponse()
            status, payload = response.status, response.read()
            conn.close()
            return status, payload

        status, payload = send(5000)
        assert status == 413 and json.loads(payload)["status"] == 413
        status, _ = send(100)
        assert status == 200
    finally:
        server.shutdown()
        thread.join(5)
    assert app.test_client().get("/v1/articles/chunked/result").json["article_id"] == "chunked"


@pytest.mark.parametrize("settings", [
    {"scheme": "standard", "secrets": ["not base64 !"]},  # would otherwise fail every call with a 500
    {"scheme": "hmac", "secrets": ["s"]},
    {"scheme": "github", "secrets": [""]},
    {"scheme": "github"},
])
def test_unusable_source_settings_close_the_source(tmp_path, clock, settings):
    app = make_app(tmp_path, clock, WEBHOOK_SOURCES={"arc": settings})
    assert arc_post(app.test_client(), raw("arc/story.json")).status_code == 503


def test_a_single_secret_string_is_one_secret_not_its_characters(tmp_path, clock):
    app = make_app(tmp_path, clock, WEBHOOK_SOURCES={"wordpress": {"scheme": "github", "secrets": "abc"}})
    client = app.test_client()
    body = raw("wordpress/post-blocks.json")
    _unauthorized(wordpress_post(client, body, secret="a"))
    assert wordpress_post(client, body, secret="abc").status_code == 200


def test_a_callback_url_that_is_not_a_string_is_named(client):
    response = client.post("/v1/webhooks/generic",
                           json={"article": load("generic/article.json"), "callback_url": 5})
    assert response.status_code == 422
    assert response.json["errors"] == [{"pointer": "/callback_url", "message": "must be of type string"}]


def test_an_invalid_now_is_named(client):
    response = client.post("/v1/webhooks/generic",
                           json={"article": load("generic/article.json"), "now": "soon"})
    assert response.status_code == 422
    assert [e["pointer"] for e in response.json["errors"]] == ["/now"]


def test_deliveries_follow_the_servers_check_configuration(tmp_path, clock):
    """Webhooks run the same path as /v1/check: configured severities apply."""
    from tests.webhooks.conftest import make_app

    client = make_app(tmp_path, clock, SEVERITIES={"page-furniture": "error",
                                                   "date-sanity": "off"}).test_client()
    response = client.post("/v1/webhooks/generic",
                           json={"article": load("generic/article.json"), "now": "2025-06-02T08:00:00Z"})
    assert response.status_code == 200, response.json
    checks = {(a["check"], a["severity"]) for a in response.json["annotations"]}
    assert ("page-furniture", "error") in checks  # a warning by default
    assert not any(check == "date-sanity" for check, _ in checks)  # an info by default
