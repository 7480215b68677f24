"""Callbacks through the durable outbox: retries with backoff, exactly-once content,
restarts with deliveries pending, and SSRF refusals."""
import ipaddress
import json

import pytest

from plugin.callbacks import AddressGuard, CallbackRefused, guarded_session, retry_after_seconds
from plugin.webhooks import get_outbox
from tests.webhooks.conftest import load, make_app


def queue(app, url):
    response = app.test_client().post("/v1/webhooks/generic?callback_url=" + url,
                                      json=load("generic/article.json"))
    assert response.status_code == 202, response.json
    return response.json["callback"]["id"]


def drain(app, clock, rounds=20):
    """Run the outbox like the worker would, moving the test clock past each backoff."""
    outbox = get_outbox(app)
    for _ in range(rounds):
        outbox.run_pending()
        due = outbox.store.next_due()
        if due is None:
            return
        clock.t = max(clock.t, due)


def test_a_receiver_that_fails_first_gets_the_same_content_until_it_accepts(tmp_path, clock,
                                                                            receiver_factory):
    receiver = receiver_factory([500, 503], now=clock)
    app = make_app(tmp_path, clock)
    message = queue(app, receiver.url)
    outbox = get_outbox(app)

    assert outbox.run_pending() == 1  # first attempt: 500
    assert outbox.run_pending() == 0  # not due again until its backoff has passed
    drain(app, clock)

    statuses = [r["status"] for r in receiver.requests]
    assert statuses == [500, 503, 200]
    assert {r["headers"]["webhook-id"] for r in receiver.requests} == {message}
    assert len({r["body"] for r in receiver.requests}) == 1  # every attempt, the same bytes
    assert all(r["authentic"] for r in receiver.requests)  # signed with Standard Webhooks
    assert list(receiver.accepted) == [message]
    body = json.loads(receiver.accepted[message])
    assert body["type"] == "article.checked" and body["data"]["article_id"] == "harbour-7"
    item = outbox.store.outbox_item(message)
    assert item.state == "delivered" and item.attempts == 3
    outbox.run_pending()
    assert len(receiver.requests) == 3  # delivered: never sent again


def test_backoff_grows_exponentially_with_bounded_jitter(tmp_path, clock):
    app = make_app(tmp_path, clock, CALLBACK_BACKOFF_BASE_SECONDS=2, CALLBACK_BACKOFF_MAX_SECONDS=20)
    outbox = get_outbox(app)
    for attempt, (low, high) in enumerate([(1, 2), (2, 4), (4, 8), (8, 16), (10, 20), (10, 20)], start=1):
        for _ in range(20):
            assert low <= outbox.backoff(attempt) <= high
    assert outbox.backoff(1, retry_after=7) == 7  # Retry-After is honoured


def test_attempts_are_bounded(tmp_path, clock, receiver_factory):
    receiver = receiver_factory([500] * 10, now=clock)
    app = make_app(tmp_path, clock, CALLBACK_MAX_ATTEMPTS=3)
    message = queue(app, receiver.url)
    drain(app, clock)
    assert len(receiver.requests) == 3
    item = get_outbox(app).store.outbox_item(message)
    assert item.state == "failed" and item.last_error == "HTTP 500"


@pytest.mark.parametrize("status", [410, 400])
def test_gone_and_other_client_errors_stop_at_once(tmp_path, clock, receiver_factory, status):
    receiver = receiver_factory([status], now=clock)
    app = make_app(tmp_path, clock)
    message = queue(app, receiver.url)
    drain(app, clock)
    assert len(receiver.requests) == 1
    assert get_outbox(app).store.outbox_item(message).state == "failed"


def test_redirects_are_never_followed(tmp_path, clock, receiver_factory):
    receiver = receiver_factory([302], now=clock)  # to the metadata address
    app = make_app(tmp_path, clock)
    message = queue(app, receiver.url)
    drain(app, clock)
    assert len(receiver.requests) == 1
    item = get_outbox(app).store.outbox_item(message)
    assert item.state == "failed" and "redirect" in item.last_error


def test_a_restart_with_deliveries_pending_still_delivers_them(tmp_path, clock, receiver_factory):
    receiver = receiver_factory([500], now=clock)
    first = make_app(tmp_path, clock)
    messages = [queue(first, receiver.url) for _ in range(3)]
    get_outbox(first).run_pending(limit=1)  # one attempt (a 500), then the process stops
    del first

    second = make_app(tmp_path, clock)  # same STORE_PATH: a new process
    drain(second, clock)
    assert sorted(receiver.accepted) == sorted(messages)
    for message in messages:
        sent = [r["body"] for r in receiver.requests if r["headers"]["webhook-id"] == message]
        assert len(set(sent)) == 1  # never sent twice with different content
    assert sum(1 for r in receiver.requests if 200 <= r["status"] < 300) == 3


def test_a_process_that_dies_mid_attempt_leaves_it_to_others_after_its_lease(tmp_path, clock,
                                                                             receiver_factory):
    receiver = receiver_factory(now=clock)
    first = make_app(tmp_path, clock)
    message = queue(first, receiver.url)
    [claimed] = get_outbox(first).store.claim_due(clock(), lease_seconds=60)  # then it dies
    assert claimed.message_id == message

    second = make_app(tmp_path, clock)
    assert get_outbox(second).run_pending() == 0  # still leased: nobody sends it twice at once
    clock.advance(61)
    assert get_outbox(second).run_pending() == 1
    assert list(receiver.accepted) == [message]
    assert get_outbox(second).store.outbox_item(message).attempts == 2


def test_the_worker_thread_delivers_and_resumes_after_restart(tmp_path, clock, receiver_factory):
    receiver = receiver_factory(now=clock)
    stopped = make_app(tmp_path, clock)
    message = queue(stopped, receiver.url)  # queued while no worker ran

    app = make_app(tmp_path, clock, CALLBACK_WORKER=True, CALLBACK_POLL_SECONDS=0.01)
    try:
        app.test_client().get("/healthz")  # the first request resumes pending callbacks
        assert receiver.arrived.wait(5)
    finally:
        get_outbox(app).stop()
    assert list(receiver.accepted) == [message]


# -- SSRF ------------------------------------------------------------------------------------

REFUSED = ["127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
           "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1",
           "::ffff:169.254.169.254"]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_addresses_are_refused(address):
    guard = AddressGuard(allow_http=True)
    assert not guard.address_ok(address)
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(CallbackRefused):
        guard.check_url(f"http://{host}/hook")


def test_names_are_judged_by_every_address_they_resolve_to():
    answers = {"public.example": ["93.184.215.14"], "mixed.example": ["93.184.215.14", "10.0.0.7"],
               "metadata.example": ["169.254.169.254"]}
    guard = AddressGuard(resolver=lambda host, port: answers[host])
    guard.check_url("https://public.example/hook")
    for host in ("mixed.example", "metadata.example"):
        with pytest.raises(CallbackRefused):
            guard.check_url(f"https://{host}/hook")


@pytest.mark.parametrize("url", ["http://93.184.215.14/", "ftp://93.184.215.14/",
                                 "https://user:pw@93.184.215.14/", "https:///nohost",
                                 "https://93.184.215.14:99999/"])
def test_only_https_urls_without_credentials_by_default(url):
    with pytest.raises(CallbackRefused):
        AddressGuard().check_url(url)


def test_allow_listed_networks_pass():
    guard = AddressGuard(["127.0.0.1/32", "10.20.0.0/16"], allow_http=True)
    guard.check_url("http://127.0.0.1:8080/hook")
    assert guard.address_ok("10.20.3.4") and not guard.address_ok("10.21.0.1")
    assert not guard.address_ok("127.0.0.2")
    assert ipaddress.ip_network("10.20.0.0/16") in guard.allowed


def test_the_connection_itself_refuses_what_the_guard_refuses(receiver_factory):
    receiver = receiver_factory()
    # As if DNS answered a public address when the URL was accepted and loopback now.
    with pytest.raises(CallbackRefused):
        guarded_session(AddressGuard(allow_http=True)).post(receiver.url, data=b"{}", timeout=2)
    assert receiver.requests == []
    allowed = guarded_session(AddressGuard(["127.0.0.1/32"], allow_http=True))
    assert allowed.post(receiver.url, data=b"{}", timeout=2).status_code == 200
    assert len(receiver.requests) == 1


def test_a_callback_whose_host_turns_private_fails_without_being_sent(tmp_path, clock, receiver_factory):
    receiver = receiver_factory(now=clock)
    answers = iter([["93.184.215.14"]] + [["127.0.0.1"]] * 10)
    app = make_app(tmp_path, clock, CALLBACK_ALLOW_NETWORKS=[],
                   CALLBACK_RESOLVER=lambda host, port: next(answers))
    port = receiver.server.server_address[1]
    message = queue(app, f"http://rebinding.example:{port}/hook")
    drain(app, clock)
    assert receiver.requests == []
    item = get_outbox(app).store.outbox_item(message)
    assert item.state == "failed" and item.last_error.startswith("refused")


def test_rotating_the_callback_secret_signs_with_both(tmp_path, clock, receiver_factory):
    from tests.webhooks.conftest import CALLBACK_SECRET

    new_secret = "whsec_" + "bmV3LWNhbGxiYWNrLXNlY3JldC1hZnRlci1yb3RhdGlvbg=="
    old_receiver = receiver_factory(now=clock)
    new_receiver = receiver_factory(secret=new_secret, now=clock)
    app = make_app(tmp_path, clock, CALLBACK_SECRET=[new_secret, CALLBACK_SECRET])
    queue(app, old_receiver.url)
    queue(app, new_receiver.url)
    drain(app, clock)
    assert [r["authentic"] for r in old_receiver.requests + new_receiver.requests] == [True, True]
    assert len(old_receiver.requests[0]["headers"]["webhook-signature"].split()) == 2


@pytest.mark.parametrize("header, seconds", [("7", 7.0), (" 120 ", 120.0), ("", None), ("²", None),
                                             ("Wed, 21 Oct 2026 07:28:00 GMT", None), ("-1", None)])
def test_retry_after_is_read_in_ascii_seconds_only(header, seconds):
    assert retry_after_seconds(header) == seconds
