"""Callbacks: POST stored results to a URL, from the durable outbox.

A callback is written to the outbox in the same transaction as the result it
carries (``plugin.store``), with its body bytes and message id fixed there, so
a delivery pending when the process stops is sent after restart, and every
attempt sends the same content under the same ``webhook-id`` (receivers
de-duplicate on it). Each attempt gets a fresh ``webhook-timestamp`` and
Standard Webhooks signature (``CALLBACK_SECRET``).

An attempt that fails with a timeout, a connection error, 408, 429 or 5xx is
retried after an exponential backoff with jitter (``Retry-After`` is honoured),
up to ``CALLBACK_MAX_ATTEMPTS``; 410, other 4xx, a redirect (never followed) or
a refused address end the delivery. Each claimed attempt holds a lease in the
store, so several worker processes never send the same callback at once, and a
process that dies mid-attempt leaves it to be retried when the lease runs out.

SSRF: callback URLs must be http(s) (plain http only with ``CALLBACK_ALLOW_HTTP``)
and every address they resolve to must be public: loopback, private, link-local
(which includes cloud metadata at 169.254.169.254), shared, reserved and
multicast addresses are refused unless inside ``CALLBACK_ALLOW_NETWORKS``. The
check runs when the URL is accepted and again inside the connection itself, on
the very address being connected to, so DNS that changes its answer between the
two cannot slip through.
"""
from __future__ import annotations

import ipaddress
import logging
import random
import socket
import threading
import time
from typing import Callable, Iterable
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util import connection as urllib3_connection

from plugin.store import OutboxItem, Store
from plugin.webhooks.signatures import standard_headers

log = logging.getLogger("factcheck.callbacks")

Resolver = Callable[[str, int], list[str]]


class CallbackRefused(Exception):
    """The callback URL is not allowed (scheme, or an address that is not public)."""


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


class AddressGuard:
    """Decides which addresses a callback may connect to."""

    def __init__(self, allow_networks: Iterable[str] = (), resolver: Resolver | None = None,
                 allow_http: bool = False) -> None:
        self.allowed = [ipaddress.ip_network(n, strict=False) for n in allow_networks]
        self.resolver = resolver or system_resolver
        self.allow_http = allow_http

    def address_ok(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in net for net in self.allowed if net.version == ip.version):
            return True
        return ip.is_global and not ip.is_multicast

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses ``host`` resolves to; refused unless every one is allowed."""
        try:
            found = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise CallbackRefused(f"{host} does not resolve ({exc})") from None
        if not found:
            raise CallbackRefused(f"{host} does not resolve")
        bad = [a for a in found if not self.address_ok(a)]
        if bad:
            raise CallbackRefused(f"{host} resolves to a non-public address ({bad[0]})")
        return found

    def check_url(self, url: str) -> None:
        parts = urlsplit(url)
        allowed = ("https", "http") if self.allow_http else ("https",)
        if parts.scheme not in allowed:
            raise CallbackRefused(f"the scheme must be {' or '.join(allowed)}")
        if not parts.hostname:
            raise CallbackRefused("the URL has no host")
        if parts.username or parts.password:
            raise CallbackRefused("credentials in the URL are not accepted")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise CallbackRefused("the port is not valid") from None
        self.addresses(parts.hostname, port)


class _GuardedConnectionMixin:
    guard: AddressGuard

    def _new_conn(self):  # called by urllib3 for every new socket
        addresses = self.guard.addresses(self._dns_host, self.port)  # type: ignore[attr-defined]
        error: Exception | None = None
        for address in addresses:
            try:
                return urllib3_connection.create_connection(
                    (address, self.port), self.timeout,  # type: ignore[attr-defined]
                    source_address=self.source_address,  # type: ignore[attr-defined]
                    socket_options=self.socket_options)  # type: ignore[attr-defined]
            except OSError as exc:
                error = exc
        from urllib3.exceptions import NewConnectionError
        raise NewConnectionError(self, f"Failed to connect: {error}")  # type: ignore[arg-type]


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose sockets only ever connect to addresses the guard allows."""

    def __init__(self, guard: AddressGuard, **kwargs) -> None:
        self.guard = guard
        super().__init__(**kwargs)

    def init_poolmanager(self, connections, maxsize, block=False, **pool_kwargs):
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        guard = self.guard
        mixin = _GuardedConnectionMixin
        http_conn = type("GuardedHTTPConnection", (mixin, HTTPConnection), {"guard": guard})
        https_conn = type("GuardedHTTPSConnection", (mixin, HTTPSConnection), {"guard": guard})
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
            "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}),
        }
        self.poolmanager.key_fn_by_scheme = dict(self.poolmanager.key_fn_by_scheme)


def guarded_session(guard: AddressGuard) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxies from the environment: they would bypass the guard
    adapter = GuardedAdapter(guard)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


def retry_after_seconds(header: str) -> float | None:
    """A Retry-After given in seconds; an HTTP date or anything else is ignored.
    ASCII digits only: "²" is a digit to str.isdigit() but float() refuses it, and
    the attempt would fail before being recorded, then be retried at every pass."""
    value = header.strip()
    return float(value) if value.isascii() and value.isdigit() else None


class Outbox:
    """Sends due callbacks from the store; ``run_pending`` does one pass, the worker loops."""

    def __init__(self, store: Store, *, secret: str | list[str] | None, guard: AddressGuard,
                 clock: Callable[[], float] = time.time, max_attempts: int = 8,
                 backoff_base: float = 5.0, backoff_max: float = 6 * 3600,
                 timeout: tuple[float, float] = (5.0, 15.0), lease_seconds: float | None = None,
                 rng: random.Random | None = None, user_agent: str = "factcheck-callbacks/1",
                 retention_seconds: float = 30 * 86400) -> None:
        self.store = store
        # Several secrets sign each callback with several signatures (for rotation).
        self.secrets = [secret] if isinstance(secret, str) else [s for s in secret or [] if s]
        self.retention_seconds = retention_seconds
        self._pruned_at = float("-inf")
        self.guard = guard
        self.clock = clock
        self.max_attempts = max(1, int(max_attempts))
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.timeout = tuple(timeout)
        self.lease_seconds = lease_seconds if lease_seconds is not None else sum(self.timeout) + 30
        self.rng = rng or random.Random()
        self.user_agent = user_agent
        self.session = guarded_session(guard)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._thread_lock = threading.Lock()

    # -- one pass ------------------------------------------------------------------------
    def backoff(self, attempt: int, retry_after: float | None = None) -> float:
        """Delay before the attempt after ``attempt``: exponential, with jitter (half fixed, half random)."""
        delay = min(self.backoff_max, self.backoff_base * (2 ** (attempt - 1)))
        delay = delay / 2 + self.rng.uniform(0, delay / 2)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.backoff_max))
        return delay

    def run_pending(self, limit: int = 10) -> int:
        """Attempt every callback due now; returns how many attempts were made.

        At most once an hour it also forgets delivery records and finished
        callbacks older than the retention period.
        """
        now = self.clock()
        if now - self._pruned_at >= 3600:
            self._pruned_at = now
            self.store.prune(now - self.retention_seconds)
        items = self.store.claim_due(now, self.lease_seconds, limit)
        for item in items:
            self._attempt(item)
        return len(items)

    def _attempt(self, item: OutboxItem) -> None:
        if not self.secrets:
            self.store.mark_failed(item.seq, self.clock(), "no CALLBACK_SECRET configured to sign callbacks")
            return
        stamp = int(self.clock())
        headers = standard_headers(self.secrets[0], item.message_id, stamp, item.body)
        headers["webhook-signature"] = " ".join(
            standard_headers(secret, item.message_id, stamp, item.body)["webhook-signature"]
            for secret in self.secrets)
        headers.update({"Content-Type": "application/json", "User-Agent": self.user_agent})
        retry_after = None
        try:
            self.guard.check_url(item.url)
            response = self.session.post(item.url, data=item.body, headers=headers,
                                         timeout=self.timeout, allow_redirects=False)
        except CallbackRefused as exc:
            log.warning("callback %s refused: %s", item.message_id, exc)
            self.store.mark_failed(item.seq, self.clock(), f"refused: {exc}")
            return
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {exc}"
            retryable = True
        else:
            status = response.status_code
            response.close()
            if 200 <= status < 300:
                self.store.mark_delivered(item.seq, self.clock())
                log.info("callback %s delivered (attempt %d)", item.message_id, item.attempts)
                return
            error = f"HTTP {status}"
            retryable = status in RETRY_STATUSES
            retry_after = retry_after_seconds(response.headers.get("Retry-After", ""))
            if 300 <= status < 400:
                error += " (redirects are not followed)"
        if not retryable or item.attempts >= self.max_attempts:
            log.warning("callback %s failed for good after %d attempt(s): %s",
                        item.message_id, item.attempts, error)
            self.store.mark_failed(item.seq, self.clock(), error)
            return
        delay = self.backoff(item.attempts, retry_after)
        log.info("callback %s attempt %d failed (%s); next in %.3f s",
                 item.message_id, item.attempts, error, delay)
        self.store.retry_later(item.seq, self.clock() + delay, error)

    # -- the worker ------------------------------------------------------------------------
    def notify(self, poll_seconds: float = 1.0) -> None:
        """Something was queued: wake the worker (starting it if needed)."""
        self.start(poll_seconds)
        self._wake.set()

    def start(self, poll_seconds: float = 1.0) -> None:
        with self._thread_lock:
            if self._thread is not None and self._thread.is_alive():
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, args=(poll_seconds,),
                                            name="factcheck-outbox", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        self._thread = None

    def _loop(self, poll_seconds: float) -> None:
        while not self._stop.is_set():
            try:
                made = self.run_pending()
            except Exception:  # keep the worker alive; the rows stay in the outbox
                log.exception("outbox pass failed")
                made = 0
            if made:
                continue
            due = self.store.next_due()
            wait = poll_seconds if due is None else min(poll_seconds, max(0.0, due - self.clock()))
            self._wake.wait(wait if wait > 0 else 0.001)
            self._wake.clear()
