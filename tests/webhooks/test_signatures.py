"""Signature vectors for each scheme: valid, tampered body, wrong secret, stale or
future timestamp, rotated secrets. The published vectors are checked first."""
import pytest

from plugin.webhooks.signatures import (SignatureError, sign_ghost, sign_github, sign_standard,
                                        standard_headers, verify_ghost, verify_github, verify_standard)

# Standard Webhooks: the upstream Python tests' secret, id and body (ecosystem.md 1.1).
SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SW_ID, SW_TS, SW_BODY = "msg_p5jXN8AQM9LWM0D4loKWxJek", 1674087231, b'{"test": 2432232314}'
SW_SIGNATURE = "v1,AQG81rX2n4rTN1fkXoqILSHO9gAOcwya9dP41rhrQDI="
OTHER_SW_SECRET = "whsec_" + "b3RoZXItc2VjcmV0LWZvci10ZXN0aW5nLTEyMzQ1Ng=="
# GitHub's documented vector.
GH_SECRET, GH_BODY = "It's a Secret to Everybody", b"Hello, World!"
GH_SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
# Ghost (ecosystem.md 1.3).
GHOST_SECRET, GHOST_BODY, GHOST_T = "s3cr3t", b'{"post":{"current":{},"previous":{}}}', 1700000000000
GHOST_SIGNATURE = "sha256=b2eb515a4ecfb215bdedf0f7e302339a8e6abb18aa003963277d16dccdda50b8, t=1700000000000"


def sw_headers(signature=SW_SIGNATURE, ts=SW_TS, msg_id=SW_ID):
    return {"webhook-id": msg_id, "webhook-timestamp": str(ts), "webhook-signature": signature}


# -- Standard Webhooks -------------------------------------------------------------------

def test_standard_vector():
    assert sign_standard(SW_SECRET, SW_ID, SW_TS, SW_BODY) == SW_SIGNATURE
    assert verify_standard(sw_headers(), SW_BODY, [SW_SECRET], now=SW_TS) == SW_ID


def test_standard_headers_are_case_insensitive():
    headers = {k.upper(): v for k, v in sw_headers().items()}
    assert verify_standard(headers, SW_BODY, [SW_SECRET], now=SW_TS) == SW_ID


@pytest.mark.parametrize("headers, body, secrets, now", [
    (sw_headers(), b'{"test": 2432232315}', [SW_SECRET], SW_TS),  # tampered body
    (sw_headers(), SW_BODY, [OTHER_SW_SECRET], SW_TS),  # wrong secret
    (sw_headers(), SW_BODY, [SW_SECRET], SW_TS + 301),  # stale: older than 5 minutes
    (sw_headers(), SW_BODY, [SW_SECRET], SW_TS - 301),  # from the future
    (sw_headers(msg_id="msg_other"), SW_BODY, [SW_SECRET], SW_TS),  # the id is signed too
    (sw_headers(ts=SW_TS + 1), SW_BODY, [SW_SECRET], SW_TS),  # so is the timestamp
    (sw_headers(signature="v1a," + SW_SIGNATURE[3:]), SW_BODY, [SW_SECRET], SW_TS),  # only v1 counts
    ({"webhook-id": SW_ID, "webhook-timestamp": str(SW_TS)}, SW_BODY, [SW_SECRET], SW_TS),  # unsigned
    (sw_headers(ts="1674087231.5"), SW_BODY, [SW_SECRET], SW_TS),  # malformed timestamp
], ids=["tampered", "wrong-secret", "stale", "future", "other-id", "other-ts", "v1a", "missing", "malformed"])
def test_standard_refusals(headers, body, secrets, now):
    with pytest.raises(SignatureError):
        verify_standard(headers, body, secrets, now=now)


def test_standard_within_tolerance_passes():
    assert verify_standard(sw_headers(), SW_BODY, [SW_SECRET], now=SW_TS + 300)
    assert verify_standard(sw_headers(), SW_BODY, [SW_SECRET], now=SW_TS + 30, tolerance=60)
    with pytest.raises(SignatureError):
        verify_standard(sw_headers(), SW_BODY, [SW_SECRET], now=SW_TS + 61, tolerance=60)


def test_standard_rotation_several_secrets_and_several_signatures():
    # The receiver holds old and new secrets while the sender rotates.
    assert verify_standard(sw_headers(), SW_BODY, [OTHER_SW_SECRET, SW_SECRET], now=SW_TS) == SW_ID
    # The sender signs with both; the receiver knows only the new one.
    both = sign_standard(OTHER_SW_SECRET, SW_ID, SW_TS, SW_BODY) + " " + SW_SIGNATURE
    assert verify_standard(sw_headers(both), SW_BODY, [SW_SECRET], now=SW_TS) == SW_ID
    assert verify_standard(sw_headers(both), SW_BODY, [OTHER_SW_SECRET], now=SW_TS) == SW_ID


def test_standard_headers_round_trip():
    headers = standard_headers(SW_SECRET, "msg_1", 1748779200, b"{}")
    assert verify_standard(headers, b"{}", [SW_SECRET], now=1748779200) == "msg_1"


# -- GitHub -----------------------------------------------------------------------------

def test_github_vector():
    assert sign_github(GH_SECRET, GH_BODY) == GH_SIGNATURE
    headers = {"X-Hub-Signature-256": GH_SIGNATURE,
               "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958"}
    assert verify_github(headers, GH_BODY, [GH_SECRET]) == "72d3162e-cc78-11e3-81ab-4c9367dc0958"


@pytest.mark.parametrize("headers, body, secrets", [
    ({"X-Hub-Signature-256": GH_SIGNATURE}, b"Hello, World?", [GH_SECRET]),  # tampered
    ({"X-Hub-Signature-256": GH_SIGNATURE}, GH_BODY, ["It's a secret to everybody"]),  # wrong secret
    ({"X-Hub-Signature": "sha1=0123"}, GH_BODY, [GH_SECRET]),  # only the legacy header
    ({"X-Hub-Signature-256": GH_SIGNATURE[7:]}, GH_BODY, [GH_SECRET]),  # no sha256= prefix
], ids=["tampered", "wrong-secret", "sha1-only", "no-prefix"])
def test_github_refusals(headers, body, secrets):
    with pytest.raises(SignatureError):
        verify_github(headers, body, secrets)


def test_github_rotation():
    headers = {"x-hub-signature-256": GH_SIGNATURE}
    assert verify_github(headers, GH_BODY, ["new secret", GH_SECRET]) is None  # no delivery id sent


# -- Ghost ------------------------------------------------------------------------------

def test_ghost_vector():
    assert sign_ghost(GHOST_SECRET, GHOST_BODY, GHOST_T) == GHOST_SIGNATURE
    verify_ghost({"X-Ghost-Signature": GHOST_SIGNATURE}, GHOST_BODY, [GHOST_SECRET], now=GHOST_T / 1000)


@pytest.mark.parametrize("signature, body, secrets, now", [
    (GHOST_SIGNATURE, GHOST_BODY + b" ", [GHOST_SECRET], GHOST_T / 1000),  # tampered
    (GHOST_SIGNATURE, GHOST_BODY, ["wrong"], GHOST_T / 1000),  # wrong secret
    (GHOST_SIGNATURE, GHOST_BODY, [GHOST_SECRET], GHOST_T / 1000 + 301),  # stale (t is in ms)
    (GHOST_SIGNATURE, GHOST_BODY, [GHOST_SECRET], GHOST_T / 1000 - 301),  # future
    (GHOST_SIGNATURE.replace("t=1700000000000", "t=1700000000001"), GHOST_BODY, [GHOST_SECRET],
     GHOST_T / 1000),  # the timestamp is signed
    (GHOST_SIGNATURE.split(",")[0], GHOST_BODY, [GHOST_SECRET], GHOST_T / 1000),  # no t=
], ids=["tampered", "wrong-secret", "stale", "future", "other-t", "no-t"])
def test_ghost_refusals(signature, body, secrets, now):
    with pytest.raises(SignatureError):
        verify_ghost({"X-Ghost-Signature": signature}, body, secrets, now=now)


def test_ghost_rotation_and_seconds_are_not_milliseconds():
    verify_ghost({"x-ghost-signature": GHOST_SIGNATURE}, GHOST_BODY, ["old", GHOST_SECRET],
                 now=GHOST_T / 1000)
    # A sender that put seconds in t= would look 53 years stale.
    seconds = sign_ghost(GHOST_SECRET, GHOST_BODY, GHOST_T // 1000)
    with pytest.raises(SignatureError):
        verify_ghost({"X-Ghost-Signature": seconds}, GHOST_BODY, [GHOST_SECRET], now=GHOST_T / 1000)
