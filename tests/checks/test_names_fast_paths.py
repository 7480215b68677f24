"""checks.names' fast paths must decide exactly as the plain forms they stand in for."""
from __future__ import annotations

import itertools
import random

from checks import names
from checks.names import distance


def _table_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the whole table filled in (no shortcuts)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            v = min(prev[j - 1] + (a[i - 1] != b[j - 1]), prev[j] + 1, cur[j - 1] + 1)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[len(b)]


def test_distance_within_two_agrees_with_the_table_on_every_short_pair():
    words = ["".join(w) for n in range(6) for w in itertools.product("abc", repeat=n)]
    for a in words:
        for b in words:
            assert distance(a, b, 2) == min(_table_distance(a, b), 3), (a, b)


def test_distance_within_two_agrees_with_the_table_on_random_slips():
    rng = random.Random(5)
    for _ in range(20_000):
        a = "".join(rng.choice("abcdé'") for _ in range(rng.randint(1, 12)))
        b = list(a)
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(b) + 1)
            op = rng.randrange(4)
            if op == 0 and at < len(b):
                b[at] = rng.choice("abcdé'")
            elif op == 1 and at < len(b):
                del b[at]
            elif op == 2:
                b.insert(at, rng.choice("abcdé'"))
            elif at + 1 < len(b):
                b[at], b[at + 1] = b[at + 1], b[at]
        b = "".join(b)
        assert distance(a, b, 2) == min(_table_distance(a, b), 3), (a, b)


def test_letter_masks_differ_by_as_many_bits_as_the_letter_sets():
    rng = random.Random(9)
    for _ in range(5_000):
        a = "".join(rng.choice("abcxyzéß'-") for _ in range(rng.randint(1, 9)))
        b = "".join(rng.choice("abcxyzéß'-") for _ in range(rng.randint(1, 9)))
        assert (names._masks(a)[0] ^ names._masks(b)[0]).bit_count() == len(set(a) ^ set(b))


def test_a_run_read_once_reads_as_its_words_say():
    # (memoised by the run's text: the reading is kept for the next article)
    for run in ["Maria Navarro", "Dr. Harold Bornstein", "John F. Kennedy", "Qasim Al Araji",
                "Al Gore", "When Navarro", "President Emmanuel Macron", "Ludwig van Beethoven"]:
        names._RUNS.pop(run, None)
        first = names._read_run(run)
        assert names._RUNS[run] == first
        inner, found = first
        if found is not None:
            start, end, surname, *_ = found
            assert run[start:end] == surname == run.split()[-1]
    assert names._read_run("Al Gore")[1][4] == "al"  # "Al" is the given name here
    assert names._read_run("Qasim Al Araji")[1][4] == "qasim"
    assert names._read_run("Dr. Harold Bornstein")[1][4] == "harold"
    assert names._read_run("President Emmanuel Macron")[1][4] == "emmanuel"
    assert names._read_run("When Navarro")[1][4] is None
