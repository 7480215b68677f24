"""Fast paths of caption-agreement (and the sentence ends it reads) find exactly what plain forms do."""
from __future__ import annotations

import random
import re

from checks import caption_agreement as ca
from checks.dates import MONTH_HEAD
from checks.text import Joined


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


def _plain_weekdays(texts: list[str]) -> list[tuple]:
    """Each text's weekdays as _WEEKDAY.finditer reads them, one text at a time."""
    out = []
    for i, text in enumerate(texts):
        for m in ca._WEEKDAY.finditer(text):
            prep = ca._word_before(text, m.start())
            if prep not in ca._NOT_A_POINT:
                out.append((i, m.group(1).lower(), m.start(), m.end(), prep))
    return out


_DAY_PIECES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "day",
               "Mon", "Wednes", "s", "’s", "'", "on ", "since ", "last ", "x", "_", "1", " ", ",", "\n", "é",
               "Today"]


def _random_texts(rng: random.Random, pieces: list[str], rounds: int = 5_000):
    """``rounds`` lists of one to six texts, each up to twelve random pieces."""
    for _ in range(rounds):
        yield ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
               for _ in range(rng.randint(1, 6))]


def test_weekdays_are_those_of_the_weekday_expression_in_each_text():
    for texts in _random_texts(random.Random(9), _DAY_PIECES):
        found = [(i, s.value, s.start, s.end, s.prep) for i, s in ca._weekdays(Joined(texts))]
        assert found == _plain_weekdays(texts), texts


def test_places_of_several_texts_are_those_of_each_text():
    for texts in _random_texts(random.Random(10), _PIECES):
        found = [(i, s.value, s.start, s.end, s.prep) for i, s in ca._places(Joined(texts))]
        plain = [(i, s.value, s.start, s.end, s.prep) for i, text in enumerate(texts)
                 for s in map(lambda m: ca._place_slot(m, 0), ca._PLACE.finditer(text)) if s is not None]
        assert found == plain, texts


def test_sentence_ends_are_those_of_the_plain_expression():
    from checks import text

    plain = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)")
    pieces = [".", "..", "!", "?", "…", "\"", "'", "”", "’", "»", ")", "]", " ", "\n", "a", "B", "3", "Mr",
              "U.S"]
    rng = random.Random(11)
    for _ in range(20_000):
        sample = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert ([m.span() for m in text._SENTENCE_END.finditer(sample)]
                == [m.span() for m in plain.finditer(sample)]), repr(sample)


_DATE_PIECES = ["May", "Mayor", "Sept", "Sept.", "September", "Sep", "Dec", "June", "Jun", "Marc", "1",
                "14", "123", "3rd", "21st", "th", "st", " ", "  ", "\n", "\t", "\u00a0", "\u2003", ".", ",",
                ":", "’", "x", "A", "9", "٣", "_", "é", "1946", "\0"]


def _plain_dates(text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in ca._DATE.finditer(text)]


def _fast_dates(text: str) -> list[tuple]:
    heads = [m.start() for m in MONTH_HEAD.finditer(text)]
    return [(m.span(), m.groupdict()) for m in ca._date_matches(text, heads)]


def test_date_matches_are_those_of_the_date_expression():
    rng = random.Random(9)
    for _ in range(50_000):
        text = "".join(rng.choice(_DATE_PIECES) for _ in range(rng.randint(0, 25)))
        assert _fast_dates(text) == _plain_dates(text), repr(text)


def test_date_matches_in_the_corpus(shared):
    from bench import corpus

    for record in corpus.load(shared / "corpus" / "articles.jsonl"):
        for text in record["body"] + [i.get("caption") or "" for i in record.get("images") or []]:
            assert _fast_dates(text) == _plain_dates(text), repr(text)
