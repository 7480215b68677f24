"""checks.caption_agreement's fast paths must find exactly what the plain forms they stand in for find."""
from __future__ import annotations

import random

from checks import caption_agreement as ca


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.span("prep"), m.span("place"), m.group("prep"), m.group("place")) for m in matches]


# Pieces that make prepositions inside words, next to each other, after "the",
# across the "\0" between body units, and places running into one another.
_PIECES = ["in", "into", "to", "at", "from", "near", "outside", " ", "  ", "\n", "\t", "\u00a0", "the ",
           "The", "Gaza", "New", "York", "Strip", "A", "-", "’", "'", "_", "x", "b", "1", ".", ",", "\0",
           "é", "É", "Café", "within", "Ab-in", "Iraq’s"]


def test_place_matches_are_those_of_the_place_expression():
    rng = random.Random(7)
    for _ in range(50_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        assert _spans(ca._place_matches(text)) == _spans(ca._PLACE.finditer(text)), repr(text)


def test_place_matches_in_a_long_text():
    rng = random.Random(8)
    text = "".join(rng.choice(_PIECES) for _ in range(20_000))
    assert _spans(ca._place_matches(text)) == _spans(ca._PLACE.finditer(text))
