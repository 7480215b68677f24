"""Webhook signatures: Standard Webhooks, GitHub's X-Hub-Signature-256, Ghost's X-Ghost-Signature.

Every verifier takes the raw body bytes exactly as received, the request headers,
the list of accepted secrets (several at once while a secret is being rotated),
and, for the schemes that sign a time, the current time in Unix seconds from an
injected clock plus the tolerance in seconds. Comparisons are constant-time
(``hmac.compare_digest``). A failure raises ``SignatureError`` whose message is
for the server log only: clients are told nothing about which part failed.

- Standard Webhooks (v1, symmetric): signed content ``{webhook-id}.{webhook-timestamp}.{body}``,
  HMAC-SHA256 keyed with the base64-decoded part of a ``whsec_...`` secret; the
  ``webhook-signature`` header holds space-separated ``v1,<base64>`` entries, any of which
  may match. Timestamps (seconds) more than the tolerance away, in either direction, are
  refused.
- GitHub: ``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>``, keyed with the
  secret's UTF-8 bytes. Nothing time-based is signed; replays are stopped by the
  delivery id (``X-GitHub-Delivery``) instead.
- Ghost: ``X-Ghost-Signature: sha256=<hex>, t=<milliseconds>``, the HMAC of the body
  immediately followed by the timestamp digits, keyed with the secret's UTF-8 bytes.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from typing import Iterable, Mapping

SCHEMES = ("standard", "github", "ghost", "none")
DEFAULT_TOLERANCE = 300  # seconds, as in the Standard Webhooks reference libraries


class SignatureError(Exception):
    """The request is not authentic (the reason is for logs, never for the client)."""


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None and isinstance(headers, dict):
        lowered = {k.lower(): v for k, v in headers.items()}
        value = lowered.get(name.lower())
    return value


# -- Standard Webhooks -----------------------------------------------------------------

def standard_key(secret: str) -> bytes:
    """The HMAC key of a Standard Webhooks secret (``whsec_`` + base64)."""
    raw = secret.removeprefix("whsec_")
    try:
        return base64.b64decode(raw + "=" * (-len(raw) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("a Standard Webhooks secret is 'whsec_' followed by base64") from None


def sign_standard(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` value (one ``v1,`` entry) for a message."""
    content = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(standard_key(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def standard_headers(secret: str, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {"webhook-id": msg_id, "webhook-timestamp": str(timestamp),
            "webhook-signature": sign_standard(secret, msg_id, timestamp, body)}


def _check_time(timestamp: float, now: float, tolerance: float) -> None:
    if abs(now - timestamp) > tolerance:
        raise SignatureError(f"timestamp {timestamp:.0f} is more than {tolerance:.0f} s from {now:.0f}")


def verify_standard(headers: Mapping[str, str], body: bytes, secrets: Iterable[str], *,
                    now: float, tolerance: float = DEFAULT_TOLERANCE) -> str:
    """Verify a Standard Webhooks request; returns its ``webhook-id``."""
    msg_id = _header(headers, "webhook-id")
    stamp = _header(headers, "webhook-timestamp")
    signature = _header(headers, "webhook-signature")
    if not msg_id or not stamp or not signature:
        raise SignatureError("missing webhook-id, webhook-timestamp or webhook-signature")
    if "." in msg_id or not re.fullmatch(r"\d{1,12}", stamp):
        raise SignatureError("malformed webhook-id or webhook-timestamp")
    _check_time(int(stamp), now, tolerance)
    offered = [entry.split(",", 1)[1] for entry in signature.split()
               if entry.startswith("v1,")]
    for secret in secrets:
        expected = sign_standard(secret, msg_id, int(stamp), body).split(",", 1)[1]
        # Check every entry, so the time taken does not tell which one matched.
        if any([hmac.compare_digest(expected.encode(), o.encode()) for o in offered]):
            return msg_id
    raise SignatureError("no v1 signature matches any configured secret")


# -- GitHub ---------------------------------------------------------------------------

def sign_github(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_github(headers: Mapping[str, str], body: bytes, secrets: Iterable[str]) -> str | None:
    """Verify ``X-Hub-Signature-256``; returns the ``X-GitHub-Delivery`` id, if sent."""
    offered = _header(headers, "X-Hub-Signature-256")
    if not offered or not offered.startswith("sha256="):
        raise SignatureError("missing or malformed X-Hub-Signature-256")
    for secret in secrets:
        if hmac.compare_digest(sign_github(secret, body).encode(), offered.strip().encode()):
            return _header(headers, "X-GitHub-Delivery") or None
    raise SignatureError("X-Hub-Signature-256 matches no configured secret")


# -- Ghost ----------------------------------------------------------------------------

_GHOST = re.compile(r"^\s*sha256=(?P<hex>[0-9a-fA-F]{64})\s*,\s*t=(?P<t>\d{1,16})\s*$")


def sign_ghost(secret: str, body: bytes, timestamp_ms: int) -> str:
    digest = hmac.new(secret.encode(), body + str(timestamp_ms).encode(), hashlib.sha256).hexdigest()
    return f"sha256={digest}, t={timestamp_ms}"


def verify_ghost(headers: Mapping[str, str], body: bytes, secrets: Iterable[str], *,
                 now: float, tolerance: float = DEFAULT_TOLERANCE) -> None:
    """Verify ``X-Ghost-Signature`` (the timestamp is in milliseconds)."""
    offered = _header(headers, "X-Ghost-Signature")
    match = _GHOST.match(offered or "")
    if not match:
        raise SignatureError("missing or malformed X-Ghost-Signature")
    stamp = int(match.group("t"))
    _check_time(stamp / 1000, now, tolerance)
    for secret in secrets:
        expected = sign_ghost(secret, body, stamp).split(",", 1)[0].removeprefix("sha256=")
        if hmac.compare_digest(expected.encode(), match.group("hex").lower().encode()):
            return
    raise SignatureError("X-Ghost-Signature matches no configured secret")


def verify(scheme: str, headers: Mapping[str, str], body: bytes, secrets: list[str], *,
           now: float, tolerance: float = DEFAULT_TOLERANCE) -> str | None:
    """Verify a request under ``scheme``; returns the delivery id the scheme carries, if any."""
    if scheme == "standard":
        return verify_standard(headers, body, secrets, now=now, tolerance=tolerance)
    if scheme == "github":
        return verify_github(headers, body, secrets)
    if scheme == "ghost":
        verify_ghost(headers, body, secrets, now=now, tolerance=tolerance)
        return None
    if scheme == "none":
        return None
    raise ValueError(f"unknown signature scheme {scheme!r}")
