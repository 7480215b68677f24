"""Figures in running text: digits, number words, scales, currencies, percentages.

``quantities(text)`` finds every figure in a text with its code-point span and
its value, so "five", "1,200", "£1.2bn", "1.2 billion pounds", "27%" and
"27 per cent" all come back as numbers that can be compared. ``agrees(a, b)``
says whether two figures can be the same quantity once rounding and hedges
("nearly", "more than") are allowed for.

Plain regular expressions, linear in the text; English number words only
(digits are read in any language).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from math import floor, log10

from checks.text import ASCII_WORD_BYTES, Joined

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
OTHER_WORDS = {"dozen": 12, "hundred": 100, "thousand": 1_000}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12,
}
CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "R": "ZAR",
                    "US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD",
                    "Rs": "INR", "N": "NGN"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
                  "euro": "EUR", "euros": "EUR", "yen": "JPY", "rupees": "INR", "rand": "ZAR",
                  "naira": "NGN"}
# Hedges before a figure, by what they say about the true value.
BELOW = ("nearly", "almost", "up to", "fewer than", "less than", "under", "close to",
         "just under", "below", "as many as", "as much as", "nigh on", "getting on for",
         "just shy of", "shy of", "the best part of", "the better part of", "a shade under")
ABOVE = ("more than", "over", "at least", "just over", "upwards of", "above", "exceeding",
         "exceeds", "tops", "topping", "top")
ABOUT = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
         "in the region of", "of the order of", "on the order of", "something like")
HEDGES = {**{h: "below" for h in BELOW}, **{h: "above" for h in ABOVE}, **{h: "about" for h in ABOUT}}
_HEDGE_LAST_WORDS = frozenset(h.split()[-1] for h in HEDGES)

_NUMBER_WORD = "|".join(sorted(list(UNITS) + list(TENS) + list(OTHER_WORDS), key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mln|mn|bn|tn|tr|k|m|b)"
_CURRENCY = r"(?:US\$|A\$|C\$|NZ\$|HK\$|Rs\.?\s?|[$£€¥₹]|R(?=\d)|N(?=\d))"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# Between the number words of one figure: a space or hyphen ("twenty-five"), or
# "and" only after "hundred" or "thousand" ("one hundred and fifty"):
# elsewhere "and" joins two figures ("between six and eight" is not 14).
_WORDS_JOIN = r"(?:(?:(?<=hundred)|(?<=thousand))\s+and\s+|[\s-]+)"

# One figure: optional currency, digits or number words, optional scale, optional
# percent. Word scales need a space ("1.2 billion"), short ones may be glued ("1.2bn").
FIGURE = re.compile(
    rf"(?<!\w)(?=[\dotfsenzhdOTFSENZHD$£€¥₹RNUACH])(?P<cur>{_CURRENCY})?"
    rf"(?:(?P<num>{_DIGITS})"
    rf"|(?=[otfsenzhdOTFSENZHD])(?P<words>(?:{_NUMBER_WORD})(?:{_WORDS_JOIN}(?:{_NUMBER_WORD}))*))"
    rf"(?:(?:\s*|-)(?P<scale>{_SCALE})(?![\w]))?"
    rf"(?P<pct>\s*%|\s+per\s?cent\b|\s+percent\b|\s+pct\b)?",
    re.I,
)
_WORD_SCALE_NEEDS_SPACE = {"hundred", "thousand", "million", "billion", "trillion"}


@dataclass(frozen=True)
class Quantity:
    """A figure found in a text, with its span and value (scale applied)."""

    start: int
    end: int
    text: str
    value: float
    percent: bool = False
    currency: str | None = None
    from_words: bool = False  # written in words ("five")
    hedge: str = ""  # "below" (nearly), "above" (more than), "about" (around), or ""
    digits: str = ""  # the digits as written (no commas), for precision
    joined: bool = False  # one end of a range or score ("5-7", "4-1")

    @property
    def hedged(self) -> bool:
        return bool(self.hedge)

    def bounds(self, slack: float = 0.25, *, rounded: bool = True) -> tuple[float, float]:
        """The values this figure can stand for: its rounding interval as written
        ("3,000" is 2,500 to 3,500), or what its hedge allows ("nearly 3,000" is
        up to 3,000, "more than 3,000" from 3,000, "about 3,000" either side).
        ``rounded=False`` takes an unhedged figure at its word: the source a
        headline rounds from, not a rounding itself."""
        v = self.value
        if v == 0:
            return 0.0, 0.0
        half = 0.4999 * 10 ** (floor(log10(abs(v))) - self.significant + 1)
        if self.hedge == "below":  # "nearly 3000" may round 3,012 down
            return v * (1 - slack), v + half
        if self.hedge == "above":
            return v - half, v * (1 + slack)
        if self.hedge == "about":
            return v * (1 - slack * 0.4), v * (1 + slack * 0.4)
        return (v - half, v + half) if rounded else (v, v)

    @property
    def significant(self) -> int:
        """Significant figures as written: "3000" -> 1, "3,012" -> 4, "1.2bn" -> 2."""
        if self.from_words or not self.digits:
            return 1 if self.value and self.value % 10 == 0 else len(str(int(self.value or 0)))
        digits = self.digits.lstrip("0").replace(".", "")
        if "." in self.digits:
            return max(1, len(digits.lstrip("0")))
        return max(1, len(digits.rstrip("0")))


def _words_value(text: str) -> float | None:
    total = 0
    current = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return float(total + current)


_CURRENCY_AFTER = re.compile(r"\s+(?:US\s+)?([a-z]+)", re.I)


def _hedge(text: str, start: int) -> str:
    """The hedge before the figure at ``start`` ("nearly", "more than", "as many as"), by kind."""
    before = text[max(0, start - 28):start]
    if not before or not before[-1].isspace():
        return ""
    words = before.lower().split()
    if words and words[-1] in ("the", "a", "an"):
        words = words[:-1]
    if not words or words[-1] not in _HEDGE_LAST_WORDS:
        return ""  # (most figures: no hedge can end there)
    for n in (4, 3, 2, 1):  # ("the best part of 450")
        if len(words) >= n:
            kind = HEDGES.get(" ".join(words[-n:]))
            if kind:
                return kind
    return ""


def hedge_before(text: str, start: int) -> str:
    """The kind of hedge before the figure at ``start`` in ``text`` ("" if none)."""
    return _hedge(text, start)


# One match per run of digits (or a currency sign before them): a character class
# first lets the regex engine skip ahead quickly.
_FIGURE_START = re.compile(r"[\d$£€¥₹][\d,.]*")
_CURRENCY_BEFORE = re.compile(r"(?:US\$|A\$|C\$|NZ\$|HK\$|Rs\.?\s?|(?<![\w])[RN])$")
_DOLLAR_PREFIX = re.compile(r"(?<![\w])(?:US|A|C|NZ|HK)$")
# (?<![^\W\d_])(?:{_NUMBER_WORD}) in lower-cased text, written as one alternative per
# first letter, with the look-behind after it: a pattern that starts with a letter
# lets the regex engine skip to the letters number words start with.
_NUMBER_WORDS_BY_FIRST_LETTER: dict[str, list[str]] = {}
for _word in _NUMBER_WORD.split("|"):
    _NUMBER_WORDS_BY_FIRST_LETTER.setdefault(_word[0], []).append(_word[1:])
_NUMBER_WORD_START = re.compile("|".join(
    rf"{first}(?<![^\W\d_].)(?:{'|'.join(rests)})" for first, rests in _NUMBER_WORDS_BY_FIRST_LETTER.items()))


# A cheap test before _NUMBER_WORD_START: the text, one byte per character, with
# ASCII letters lower-cased and everything else a space. A number word the
# pattern finds after a non-letter is then after a space (an accented letter
# becomes one too, which only adds hits), and a pattern starting with one
# character lets the regex engine skip to it (and one alternative per first letter
# rejects a word at its first letter): several times faster on a text without
# number words, which most captions and paragraphs are.
_NUMBER_WORD_AFTER_SPACE = re.compile(" (?:{})".format("|".join(
    f"{first}(?:{'|'.join(rests)})" for first, rests in _NUMBER_WORDS_BY_FIRST_LETTER.items())).encode())


def _may_have_number_word(text: str) -> bool:
    letters = text.encode("ascii", "replace").translate(ASCII_WORD_BYTES)
    return _NUMBER_WORD_AFTER_SPACE.search(b" " + letters) is not None


def texts_with_number_word(joined: Joined) -> list[int]:
    """The numbers of the texts in ``joined`` that may hold a number word (see
    ``_may_have_number_word``), in one scan: NUL becomes a space, as does the
    space put before each text there. (With that space first, a match's leading
    space in ``letters`` sits where its word starts in the joined text.)"""
    letters = b" " + joined.text.encode("ascii", "replace").translate(ASCII_WORD_BYTES)
    return joined.holding_match(_NUMBER_WORD_AFTER_SPACE, within=letters)


def _starts(text: str, words: bool) -> list[int]:
    """Where a figure may begin: cheap scans (a character class, ``str.find``)
    instead of trying the full pattern at every position of a long body."""
    found = set()
    first = _FIGURE_START.search(text)  # (most captions have none: cheaper than a finditer)
    for m in _FIGURE_START.finditer(text, first.start()) if first else ():
        i = m.start()
        if i and (text[i - 1].isalpha() or text[i - 1] == " "):  # "R4bn", "Rs 300", "US$5"
            before = _DOLLAR_PREFIX if text[i] == "$" else _CURRENCY_BEFORE
            back = before.search(text, max(0, i - 4), i)
            if back:
                i = back.start()
        found.add(i)
    if words and _may_have_number_word(text):
        found.update(m.start() for m in _NUMBER_WORD_START.finditer(text.lower()))
    return sorted(found)


def _matches(text: str, words: bool):
    last_end = -1
    for start in _starts(text, words):
        if start < last_end:
            continue
        match = FIGURE.match(text, start)
        if match is None:
            continue
        last_end = match.end()
        yield match


def quantities(text: str, *, words: bool = True) -> list[Quantity]:
    """Every figure in ``text``, left to right. ``words=False`` reads digits only."""
    out: list[Quantity] = []
    for match in _matches(text, words):
        start, end = match.span()
        # Inside a longer token ("COVID-19", "F-35", "A380", "2nd", "9:30")?
        if start and (text[start - 1].isalnum() or text[start - 1] in "_"):
            continue
        if start and text[start - 1] in "-" and start > 1 and text[start - 2].isalpha():
            continue
        if start > 1 and text[start - 1] in ":." and text[start - 2].isdigit():
            continue  # the minutes of "9:30", the tail of "11.18.19"
        num, word_text, scale, pct = (match.group("num"), match.group("words"),
                                      match.group("scale"), match.group("pct"))
        if num is None and (word_text is None or not words):
            continue
        after = text[end:end + 2]
        if after[:1] == "." and after[1:2].isdigit():
            continue  # "11.18.19", "1.2.3": a dotted date or a version
        if after[:1].isalnum() and not pct:
            # "2nd", "3D", "10am", "5G": not a count.
            if num is not None or after[:1].isalpha():
                continue
        if after[:1] in (":", "/", ".") and after[1:2].isdigit():
            continue  # times and fractions
        joined = (after[:1] in "-–" and after[1:2].isdigit()) or (
            start > 1 and text[start - 1] in "-–" and text[start - 2].isdigit())
        if num is not None:
            value = float(num.replace(",", ""))
            digits = num.replace(",", "")
        else:
            value = _words_value(word_text)
            if value is None:
                continue
            digits = ""
        if scale:
            key = scale.lower()
            body_end = match.end("num") if num is not None else match.end("words")
            glued = match.start("scale") == body_end
            if key in ("m", "b", "k", "tr", "mn", "bn", "tn", "mln") and num is None:
                scale = None  # "five m" is not a scale
            elif key in ("m", "b", "k", "tr") and not glued:
                scale = None  # "5 m" is metres, "5 b" is not a scale
            if scale:
                value *= SCALES[key]
            else:
                # Give the scale back: the figure ends before it.
                end = body_end
                pct = None
        cur = match.group("cur")
        currency = CURRENCY_SYMBOLS.get(cur.strip().rstrip(".")) if cur else None
        if currency is None:
            tail = _CURRENCY_AFTER.match(text, end, end + 14)
            if tail and tail.group(1).lower() in CURRENCY_WORDS:
                currency = CURRENCY_WORDS[tail.group(1).lower()]
        hedge = _hedge(text, start)
        out.append(Quantity(start, end, text[start:end], value, percent=bool(pct),
                            currency=currency, from_words=num is None, hedge=hedge,
                            digits=digits, joined=joined))
    return out


def agrees(claim: Quantity, stated: Quantity) -> bool:
    """Can ``claim`` (a headline figure, say) be a fair rendering of ``stated``?

    Each figure stands for a range of values (see ``Quantity.bounds``): its
    rounding as written, or what its hedge allows. They agree when the ranges
    meet: "1.2bn" and 1,215 million, "3,000" and 2,960, "nearly 3000" and "more
    than 3,000", but not "$1.3bn" and "nearly $1.2 billion", nor "45" and "40":
    an unhedged ``stated`` figure is taken as exact. Percentages agree
    only with percentages (or the same bare number), sums of money only in the
    same currency when both name one.
    """
    a, b = claim.value, stated.value
    if a == b:
        return True
    if claim.percent != stated.percent or a == 0 or b == 0:
        return False
    if claim.currency and stated.currency and claim.currency != stated.currency:
        return False  # £450m is not $500m
    if not 0.5 <= a / b <= 2:
        return False  # no rounding or hedge bridges a factor of two
    low_a, high_a = claim.bounds()
    low_b, high_b = stated.bounds(rounded=False)
    return low_a <= high_b and low_b <= high_a
