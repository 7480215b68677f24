"""Small, fast text helpers shared by the checks: sentences, words, languages.

Everything here is linear in the text and dependency-free: the checks run on
every keystroke of the sidebar, so no model-based NLP on the request path.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Iterator

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr co corp inc ltd "
    "vs etc approx jan feb mar apr jun jul aug sep sept oct nov dec fig al pp mt ft".split())

# (One mark, then any more: an expression that starts with a repeat is tried at
# every character, one that starts with a set of characters skips to the next of them.)
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s+|$)")
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?", re.UNICODE)
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s" before the last full stop of "U.S."


@dataclass(frozen=True)
class Piece:
    """A span of a unit's text: a sentence or a word, with its offsets."""

    start: int
    end: int
    text: str


def sentences(text: str) -> list[Piece]:
    """Split ``text`` into sentences with their code-point offsets.

    A full stop after a known abbreviation ("Mr.", "Jan.") or a single
    capital ("J. Smith") does not end a sentence; neither does one followed by
    a lower-case word.
    """
    return [Piece(start, end, text[start:end].strip()) for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each of ``sentences(text)``, without building its
    pieces (a frozen dataclass is slow to build, and some callers want only where)."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if text[match.start()] == ".":
            before = text[start:match.start()].rsplit(None, 1)
            last = before[-1].lower().strip("(\"'“‘") if before else ""
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or _INITIALS.fullmatch(last):
                continue
        rest = text[end:end + 3].lstrip()
        if rest and rest[0].islower():
            continue
        piece = text[start:end]
        if piece.strip():
            out.append((start + len(piece) - len(piece.lstrip()), end))
        start = end
    if start < n and text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        tail = text[start:].rstrip()
        out.append((start + lead, start + len(tail)))
    return out


def words(text: str) -> Iterator[Piece]:
    """Words (letters and digits, with inner apostrophes, dots and hyphens)."""
    for match in _WORD.finditer(text):
        yield Piece(match.start(), match.end(), match.group())


# Every decimal digit (what \d matches) outside ASCII is at or after U+0660
# ARABIC-INDIC DIGIT ZERO, and none is a punctuation mark or currency sign
# (U+2000-U+20CF): curly quotes, dashes and the euro sign are passed over.
_MAYBE_OTHER_DIGIT = re.compile(r"[\u0660-\u1fff\u20d0-\U0010ffff]")


def may_have_digit(text: str) -> bool:
    """False when ``text`` surely has no character that ``\\d`` matches (in any
    script); True when it has one of 0-9, or a character from the ranges other
    scripts' digits are in.

    Ten substring tests are fast C scans, and so is one search for a character
    range, where ``\\d`` looks up every character's category: most paragraphs
    have no digit, and a reader of figures can pass them over at once."""
    if ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text):
        return True
    return not text.isascii() and _MAYBE_OTHER_DIGIT.search(text) is not None


# ASCII letters lower-cased, every other byte a space: ``text.encode("ascii",
# "replace").translate(ASCII_WORD_BYTES).split()`` gives a text's ASCII words in C.
ASCII_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


class Joined:
    """Texts joined by NUL, so that one pattern or substring search scans them all:
    on a long article (a gallery's captions, hundreds of paragraphs) the work of a
    call per text outweighs the scanning. NUL is neither space, letter, digit nor
    punctuation, so a pattern matches across it no more than past the end of a
    text, and a look-behind at a text's first character sees no word before it.
    A match is mapped back to its text by bisecting the texts' starts."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = list(texts)
        self.text = "\x00".join(self.texts)
        self.starts: list[int] = []
        at = 0
        for text in self.texts:
            self.starts.append(at)
            at += len(text) + 1

    def locate(self, at: int) -> int:
        """The number of the text that holds joined position ``at``."""
        return bisect_right(self.starts, at) - 1

    def where(self, at: int) -> tuple[int, int]:
        """The number of the text that holds joined position ``at``, and the position in that text."""
        i = bisect_right(self.starts, at) - 1
        return i, at - self.starts[i]

    def matches(self, pattern: re.Pattern) -> Iterator[tuple[int, int, re.Match]]:
        """(text number, where that text starts in the joined text, match) for
        each match of ``pattern``."""
        starts = self.starts
        for m in pattern.finditer(self.text):
            i = bisect_right(starts, m.start()) - 1
            yield i, starts[i], m

    def spans(self, pattern: re.Pattern) -> Iterator[tuple[int, int, int]]:
        """(text number, start, end in that text) of each match of ``pattern``."""
        starts = self.starts
        for m in pattern.finditer(self.text):  # (as matches() does: a generator less per match)
            i = bisect_right(starts, m.start()) - 1
            yield i, m.start() - starts[i], m.end() - starts[i]

    def starts_of(self, pattern: re.Pattern) -> Iterator[tuple[int, int]]:
        """(text number, start in that text) of each match of ``pattern``."""
        starts = self.starts
        for m in pattern.finditer(self.text):
            i = bisect_right(starts, m.start()) - 1
            yield i, m.start() - starts[i]

    def holding(self, needle: str | bytes, within: str | bytes | bytearray | None = None,
                start: int = 0, end: int | None = None) -> list[int]:
        """The numbers of the texts that contain ``needle``, in order; searched
        ``within`` the joined text changed character for character (its ASCII
        capitals lower-cased, one byte a character, say) when given, and only
        between offsets ``start`` and ``end`` of it when given."""
        text = self.text if within is None else within
        if end is None:
            end = len(text)
        found = []
        at = text.find(needle, start, end)
        while at >= 0:
            i = self.locate(at)
            found.append(i)
            if i + 1 == len(self.starts):
                break
            at = text.find(needle, self.starts[i + 1], end)
        return found

    def holding_match(self, pattern: re.Pattern, within: str | bytes | None = None) -> list[int]:
        """The numbers of the texts in which ``pattern`` matches, in order: one
        search per such text, skipping the rest of it (a caption with many digits
        costs one match, not one per digit). ``pattern`` must not match at NUL
        (not even an empty match) nor use ``^``. ``within``: as for holding()."""
        text = self.text if within is None else within
        found = []
        m = pattern.search(text)
        while m is not None:
            i = self.locate(m.start())
            found.append(i)
            if i + 1 == len(self.starts):
                break
            m = pattern.search(text, self.starts[i + 1])
        return found


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form for comparisons."""
    if text.isascii():
        return text.lower()
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.replace("’", "'").replace("‘", "'").casefold()


def primary_language(tag: str | None) -> str:
    """``en`` from ``en-GB``; English when unknown."""
    return (tag or "en").split("-")[0].lower()
