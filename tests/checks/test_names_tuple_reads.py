"""Spelling properties read from the mention tuples must say what the Mention objects say."""
from __future__ import annotations

import itertools
import random

from checks import names
from checks.model import ALT_HEADLINE, CAPTION, HEADLINE, PARAGRAPH, TextUnit


def _written_by_first_place(spelling: names.Spelling) -> str:
    """Spelling.written as it was: the most common form, then the one written first."""
    counts: dict[str, int] = {}
    for t in spelling.raw:
        counts[t[3]] = counts.get(t[3], 0) + 1
    return max(counts, key=lambda s: (counts[s], -next(i for i, t in enumerate(spelling.raw) if t[3] == s)))


def _referred_by_mentions(spelling: names.Spelling, given_names: set[str]) -> bool:
    """_referred_to_as_person, asked of the Mention objects one by one."""
    return any((not m.full and m.unit.kind not in (HEADLINE, ALT_HEADLINE))
               or (m.given in given_names and m.person_like) for m in spelling.mentions)


_TEXTS = ["Maria Navarro said the plan works.", "said Navarro, adding more", "Navarro, the chief, left.",
          "Navarro's plan", "Dr Navarro arrived", "Maria Navarro, 67, retired.", "Navarro"]


def _random_spelling(rng: random.Random) -> tuple[names.Spelling, set[str]]:
    kinds = [PARAGRAPH, CAPTION, HEADLINE, ALT_HEADLINE]
    units = [TextUnit(rng.choice(kinds), rng.choice(_TEXTS), index=i) for i in range(6)]
    raw = []
    for order in range(rng.randint(1, 8)):
        unit = rng.randrange(len(units))
        text = units[unit].text
        start = text.find("Navarro")
        given = rng.choice([None, None, "maria", "mario"])
        raw.append((unit, start, start + 7, rng.choice(["Navarro", "NAVARRO", "Navárro"]), "navarro",
                    given, rng.random() < 0.2, rng.random() < 0.2, order))
    givens = {g for g in ("maria", "mario") if rng.random() < 0.5}
    return names.Spelling("navarro", units, tuple(raw), givens), givens


def test_written_and_person_tests_agree_with_the_mention_forms():
    rng = random.Random(11)
    for _ in range(5_000):
        spelling, givens = _random_spelling(rng)
        assert spelling.written == _written_by_first_place(spelling), spelling.raw
        assert names._referred_to_as_person(spelling, givens) == _referred_by_mentions(spelling, givens)


def _counted_letters_apart(a: str, b: str) -> int:
    (letters_a, doubled_a), (letters_b, doubled_b) = names._masks(a), names._masks(b)
    return (letters_a ^ letters_b).bit_count() + (doubled_a ^ doubled_b).bit_count()


def test_letters_counted_up_to_two_differ_by_at_most_two_bits_an_edit():
    # near_pairs skips distance() when they differ by more: it must never skip a pair within reach.
    words = ["".join(w) for n in range(1, 6) for w in itertools.product("abé", repeat=n)]
    for a in words:
        for b in words:
            edits = names.distance(a, b, 2)
            if edits <= 2:
                assert _counted_letters_apart(a, b) <= 2 * edits, (a, b)


def test_doubled_masks_are_the_letters_written_twice():
    rng = random.Random(3)
    for _ in range(5_000):
        a = "".join(rng.choice("abcxyzéß'-") for _ in range(rng.randint(1, 9)))
        twice = {c for c in a if a.count(c) > 1}
        assert names._masks(a)[1] == sum(names._LETTER_BITS[c] for c in twice)
