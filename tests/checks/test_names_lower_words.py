"""names.LowerCaseWords must hold exactly the words names._LOWER_WORD finds."""
from __future__ import annotations

import random

from checks import names
from checks.names import LowerCaseWords

# Characters on every side of _LOWER_WORD's rules: lower- and upper-case ASCII
# and other letters, the characters it refuses next to a word (digits, "_", "'",
# "’", "-"), spaces (a no-break space, an em space), punctuation, a lower-case
# mark that is no word character (U+0345), characters whose lower case is
# ASCII (İ, the Kelvin sign), lower-case letters past U+2000 (ﬁ, ｆ), a lone
# surrogate and NUL.
_ASCII = "abzAZ09_'-  .,;\x00\t\n\x0b\x1f"
_OTHER = "’“”\u00a0\u2003éÉßİ\u212aªſ\u0345ﬁｆ\ud800"
_ALPHABET = _ASCII + _OTHER


def _regex_words(text: str) -> set[str]:
    return set(names._LOWER_WORD.findall(text))


def _agree(text: str, queries) -> None:
    words = LowerCaseWords(text)
    expected = _regex_words(text)
    for query in [*expected, *queries]:
        assert (query in words) == (query in expected), (text, query)


def _random_text(rng: random.Random, other_share: float) -> str:
    return "".join(rng.choice(_OTHER if rng.random() < other_share else _ASCII)
                   for _ in range(rng.randint(0, 40)))


def test_random_texts_give_the_same_words():
    rng = random.Random(7)
    # Mostly ASCII (the split pieces, a few left to the regex) and mostly not (the regex alone).
    for other_share in (0.03, 0.5):
        for _ in range(20_000):
            text = _random_text(rng, other_share)
            pieces = text.replace("\n", " ").split(" ")
            queries = pieces + [p.lower() for p in pieces] + [p.strip(".,;“”'’_-") for p in pieces]
            _agree(text, queries)


def test_a_long_text_in_another_script_gives_the_same_words():
    text = "Вчера президент встретился с министром. " * 200 + "the end, said mark. ’tis o’er"
    _agree(text, ["вчера", "президент", "с", "the", "end", "said", "mark", "tis", "o", "er", "Вчера"])


def test_news_text_gives_the_same_words():
    text = ("“We will,” said Mark Will — the mayor’s aide — in São Paulo’s old town. "
            "Rose, 34, and the roses; e-mail, don't, O'Brien, naïve café-owners,\u00a0nbsp\u00a0word "
            "İstanbul ﬁsh ｆull 2nd x2 _under re-elected")
    queries = ["will", "mark", "rose", "roses", "don", "t", "o'brien", "brien", "naïve", "café",
               "owners", "nbsp", "word", "stanbul", "sh", "ull", "nd", "x", "under", "re", "elected",
               "mayor", "aide", "paulo", "town", "the", "said", "email", "Will", ""]
    _agree(text, queries)
