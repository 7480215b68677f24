"""Scans of many texts joined must find what a scan of each text finds."""
from __future__ import annotations

import random

from checks import number_consistency as nc
from checks.numbers import _may_have_number_word, quantities, texts_with_number_word
from checks.text import Joined

# Pieces that reach every branch of quantities() and _frames(): figures with
# currencies, scales, percentages and hedges, number words, other scripts'
# digits and spaces, and the letters [a-z] matches ignoring case.
_PIECES = ["430", "1,200", "1.2", "27", "2023", "5", "12", "0", "٣", "४२", " ", "  ", "\u00a0", "-", "–",
           "%", " per cent", " percent", " pct", "bn", " billion", "m", " million", "k", "\u212a",
           "$", "£", "€", "¥", "₹", "US$", "Rs ", "Rs.", "R", "N", "A$", " dollars", " Euros",
           " US dollars", "five", "twenty", "Twenty-one", "one", "dozen", "nearly ", "more than ",
           "about ", " people", " spent", " were", " the", " night", " rooms", " apply", ", ", ". ",
           ":", "/", "(", ")", "Photo ", "worth ", "prices rose ", "de mayo", "\u0130", "\u0131",
           "\u017f", "é", "강", "x", "\x00"]


def _random_texts(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_texts_maybe_framed_holds_every_text_with_a_framed_figure():
    rng = random.Random(11)
    for _ in range(3_000):
        texts = _random_texts(rng, rng.randint(1, 6))
        for english in (True, False):
            maybe = nc._texts_maybe_framed(texts, english)
            for i, text in enumerate(texts):
                if i not in maybe:
                    found = quantities(text, words=english)
                    assert not list(nc._frames(text, found, english)), (text, english)


def test_number_words_in_joined_texts_are_those_of_each_text():
    rng = random.Random(12)
    for _ in range(3_000):
        texts = _random_texts(rng, rng.randint(1, 6))
        expected = [i for i, text in enumerate(texts) if _may_have_number_word(text)]
        assert texts_with_number_word(Joined(texts)) == expected, texts


def test_joined_finds_the_texts_each_search_finds():
    rng = random.Random(13)
    for _ in range(3_000):
        texts = _random_texts(rng, rng.randint(1, 6))
        joined = Joined(texts)
        for pattern in (nc._DIGIT_THEN_LETTER, nc._CURRENCY_SIGN):
            assert joined.holding_match(pattern) == [i for i, t in enumerate(texts) if pattern.search(t)]
        for needle in ("per", "$", "5"):
            assert joined.holding(needle) == [i for i, t in enumerate(texts) if needle in t]


def test_key_words_are_found_in_every_lower_cased_text_that_holds_them():
    from checks.model import TextUnit

    rng = random.Random(15)
    pieces = ["Mayo", "MAYO", "mayo", "de", "DE", "tariff", "Tariffs", "\u0130", "\u212a", "k", "i",
              "é", "강", " ", "-", "\x00", "’", "bill", "BILL-", "printed"]
    key_words = {"de": [("mayo",)], "tariff": [("apply",), ()], "bill": [("printed",)], "ki": [()]}
    for _ in range(3_000):
        units = [TextUnit("paragraph", "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))),
                          f"p{i}", None, i) for i in range(rng.randint(1, 6))]
        expected = {i for i, unit in enumerate(units)
                    if any(max((first,) + rest, key=len) in unit.text.lower()
                           for first, rests in key_words.items() for rest in rests)}
        found = nc._holding_key_words(units, key_words)
        assert found == sorted(found) and expected <= set(found), [u.text for u in units]
        # The few more (after "İ") hold no key: they are tested and passed over.
        assert not any(nc._holds_key_words(units[i].text.lower(), key_words)
                       for i in set(found) - expected), [u.text for u in units]
        if not any("\u0130" in unit.text for unit in units):
            assert set(found) == expected


def test_key_words_in_the_encoded_story_are_those_of_the_body_alone():
    # number-consistency searches the body's key words in the story it joined and
    # encoded already (standfirsts before the body, captions after): the same texts.
    from checks.model import TextUnit

    rng = random.Random(16)
    pieces = ["Mayo", "mayo", "de", "tariff", "\u0130", "\u212a", "k", "i", "é", "강", " ", "-",
              "\x00", "bill", "printed", "\U0001f600"]
    key_words = {"de": [("mayo",)], "tariff": [()], "bill": [("printed",)], "ki": [()]}
    for _ in range(3_000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
                 for _ in range(rng.randint(0, 8))]
        first = rng.randint(0, len(texts))
        count = rng.randint(0, len(texts) - first)
        body = [TextUnit("paragraph", text, f"p{i}", None, i)
                for i, text in enumerate(texts[first:first + count])]
        story = Joined(texts)
        encoded = story.text.encode("ascii", "replace")
        found = nc._holding_key_words_in(story, encoded, first, count, key_words)
        assert found == nc._holding_key_words(body, key_words), texts


def test_a_count_before_a_list_mark_passes_the_cheap_test():
    rng = random.Random(16)
    pieces = ["two", "Three", "TWELVE", "fİve", "sıx", "ſix", "seven", "2", "12", "10", "13", "1", " ",
              "\u00a0", "-", "_", "(", "‘", "é", "ministers", " people", " on", " the board", " left",
              " hours", "x", ",", ":"]
    for _ in range(5_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) + ": Ana Ruiz"
        sep = text.index(": Ana Ruiz")
        words = text.encode("ascii", "replace").translate(nc._ALNUM_BYTES)
        if not nc._may_count(text, words, sep):
            for pattern, back in ((nc._COUNT, 48), (nc._COUNT_PREP, 80), (nc._COUNT_PRED, 72)):
                assert pattern.search(text, max(0, sep - back), sep) is None, text
