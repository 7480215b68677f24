"""names.near_pairs' index must find exactly the pairs the plain search finds, in the same order."""
from __future__ import annotations

import random

from checks.names import _RARE_RAW, _probe_signatures, allowed_edits, distance, near_pairs


class _Spelling:
    def __init__(self, givens: set[str], mentions: int):
        self.givens = givens
        self.raw = [()] * mentions


def _signatures(anchor: str) -> set[str]:
    found = {"<" + anchor[:2], anchor[0] + anchor[-2:] + ">"}
    if len(anchor) <= 5:
        found.add(anchor[0] + anchor[-1])
    return found


def _plain_near_pairs(spellings: dict) -> list[tuple[str, str, int]]:
    """Every key against every anchor: a probe signature in common, a close length and
    letter set, the first letter kept (or the first two swapped), within the edits allowed."""
    anchors = sorted((a for a, s in spellings.items() if s.givens and len(a) >= 4), key=len)
    out = []
    for key in spellings:
        if len(key) < 4:
            continue
        reach = 2 if len(key) >= 7 else 1
        seen = set()
        for probe in _probe_signatures(key):
            for anchor in anchors:
                if anchor == key or anchor in seen or abs(len(anchor) - len(key)) > reach:
                    continue
                if probe not in _signatures(anchor) or len(set(key) ^ set(anchor)) > 2 * reach:
                    continue
                seen.add(anchor)
                if len(spellings[anchor].raw) > _RARE_RAW and len(spellings[key].raw) > _RARE_RAW:
                    continue
                if key[0] != anchor[0] and key[:2] != anchor[1::-1]:
                    continue
                allowed = allowed_edits(key, anchor)
                if allowed and distance(key, anchor, allowed) <= allowed:
                    out.append((key, anchor, distance(key, anchor, 2)))
    return out


def _slipped(word: str, rng: random.Random, letters: str) -> str:
    chars = list(word)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(chars) + 1)
        op = rng.randrange(4)
        if op == 0 and at < len(chars):
            chars[at] = rng.choice(letters)
        elif op == 1 and at < len(chars) and len(chars) > 1:
            del chars[at]
        elif op == 2:
            chars.insert(at, rng.choice(letters))
        elif at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
    return "".join(chars)


def test_near_pairs_agrees_with_the_plain_search():
    rng = random.Random(17)
    letters = "abcdeé'"
    for _ in range(300):
        words: list[str] = []
        for _ in range(rng.randint(1, 40)):
            if words and rng.random() < 0.6:
                words.append(_slipped(rng.choice(words), rng, letters))
            else:
                words.append("".join(rng.choice(letters) for _ in range(rng.randint(2, 12))))
        spellings = {w: _Spelling({"x"} if rng.random() < 0.4 else set(), rng.choice([1, 1, 2, 7, 9]))
                     for w in words if w}
        assert near_pairs(spellings) == _plain_near_pairs(spellings), sorted(spellings)
