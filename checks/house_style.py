"""House style applied two ways in one article.

## What it does
Looks for choices a newsroom makes once and an article should make once:

- straight and curly quotation marks or apostrophes mixed ("Iran’s" and
  "Corps'") (`mixed-quote-marks`);
- one word spelled in its British and its American form ("programme" and
  "program", "organise" and "organize", "travelled" and "traveled")
  (`spelling-variant`);
- dates written in two formats ("15 May 2025" and "May 15, 2025")
  (`date-format`);
- honorifics with and without a full stop ("Mr Qaani" and "Mr. Trump")
  (`honorific-punctuation`), counting only those before a person's name:
  not a brand's or a title's ("Dr. Martens", "Dr. No", "Mrs. Brown's Boys",
  "the Mr. Men books"; see `_honorific_people`).

Each is reported once per article (a spelling once per word), at the first
place written the less common way, with every place written that way in
`related`. Severity is `info`; a newsroom may raise it through its
severities configuration. Names keep their own spelling: a capitalised word
inside a sentence ("World Health Organization", "Pearl Harbor") is not read
as a spelling, nor one at a sentence's start that goes on as a name
("Organization for Economic Co-operation", "Labor Party"), acts as a party
or a body ("Labor won 94 seats", "Labor's candidate"), or that the article
uses as a name elsewhere; a capital at a sentence's start otherwise
("Labor costs rose", "Neighbors said") is the article's spelling. Feet-and-
inches marks (5'10") are not quotation marks.
Spellings, dates and honorifics are read in English only.

## Why it matters
Mixed conventions are the visible trace of copy pasted from several
sources (a wire story, a press release, a reporter's notes). Each is small,
but together they make a page look unedited, and they are cheap to fix
before publication.

## Example
```
Iran’s Quds Force commander ...          -> mixed-quote-marks at "’"
... the Islamic Revolutionary Guard Corps' Quds Force ...
The programme starts in May. ... the program was cut.  -> spelling-variant at "program"
```

## How to fix
Pick the house form and apply it everywhere: run the editor's smart-quotes
pass over the article, and change each flagged spelling, date or honorific
to the form the rest of the article uses (the suggestion gives it).
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Iterator, NamedTuple

from checks.annotation import Annotation, Suggestion
from checks.dates import MONTH_HEAD
from checks.engine import Context
from checks.model import (ALT_HEADLINE, BODY_KINDS, CAPTION, HEADLINE, STANDFIRST, Article,
                          TextUnit)
from checks.names import STOPWORDS
from checks.registry import Rule
from checks.text import ASCII_WORD_BYTES, Joined, primary_language

ID = "house-style"

MIXED_QUOTE_MARKS = Rule(ID, "mixed-quote-marks", "info",
                         "Straight and curly quotation marks or apostrophes are mixed.")
SPELLING_VARIANT = Rule(ID, "spelling-variant", "info",
                        "One word is spelled in both its British and its American form.")
DATE_FORMAT = Rule(ID, "date-format", "info", "Dates are written in two different formats.")
HONORIFIC_PUNCTUATION = Rule(ID, "honorific-punctuation", "info",
                             "Honorifics are written both with and without a full stop.")
RULES = (MIXED_QUOTE_MARKS, SPELLING_VARIANT, DATE_FORMAT, HONORIFIC_PUNCTUATION)

_READ = BODY_KINDS | {HEADLINE, ALT_HEADLINE, STANDFIRST, CAPTION}


class _Place(NamedTuple):  # (a tuple: one is built for every quotation mark)
    unit: TextUnit
    start: int
    end: int
    style: str


def _report(rule: Rule, places: list[_Place], what: str, styles: dict[str, str],
            data: dict | None = None, counts: dict[str, int] | None = None) -> Annotation | None:
    """One annotation for a two-style choice: at the first place of the rarer style.

    ``counts``, the places of each style in order of first appearance, when
    ``places`` holds only every place of the rarer style and the first few of
    the other (in order within each style)."""
    if counts is None:
        counts = {}
        for p in places:
            counts[p.style] = counts.get(p.style, 0) + 1
    if len(counts) < 2:
        return None
    first_seen = {}
    for p in places:
        first_seen.setdefault(p.style, (p.unit.index, p.start))
    # The rarer style is the odd one out; on a tie, the one that came second.
    rare = min(counts, key=lambda s: (counts[s], -first_seen[s][0], -first_seen[s][1]))
    common = max((s for s in counts if s != rare), key=lambda s: counts[s])
    odd = [p for p in places if p.style == rare]
    usual = [p for p in places if p.style != rare]
    target = odd[0]
    related = [p.unit.span(p.start, p.end) for p in odd[1:]] + \
        [p.unit.span(p.start, p.end) for p in usual[:_USUAL_PLACES]]
    message = (f"This article writes {what} {styles[rare]} {counts[rare]} time"
               f"{'s' if counts[rare] != 1 else ''} and {styles[common]} {counts[common]} time"
               f"{'s' if counts[common] != 1 else ''}; pick one.")
    return rule.at(target.unit.span(target.start, target.end), message, related=related,
                   data={"counts": counts, "usual": common, **(data or {})})


# -- quotation marks and apostrophes -----------------------------------------

# (One pattern per mark: the regex engine skips to one character several times
# faster than to any of a set.)
_STRAIGHT_MARKS = (re.compile("'"), re.compile('"'))
_CURLY_MARK = re.compile("[“”‘’]")
_USUAL_PLACES = 5  # places of the usual style an annotation shows


def _straight_marks(units: list[TextUnit], joined: Joined) -> list[_Place]:
    places = []
    for i, start in sorted(place for mark in _STRAIGHT_MARKS for place in joined.starts_of(mark)):
        text = units[i].text
        c = text[start]
        if start and text[start - 1].isdigit():
            continue  # 5'10", a prime, not a quotation mark
        if c == "'" and start + 1 < len(text) and text[start + 1].isdigit() and (
                start == 0 or not text[start - 1].isalpha()):
            continue  # '90s: the same key either way in many styles
        places.append(_Place(units[i], start, start + 1, "straight"))
    return places


def _token(place: _Place) -> str:
    """The word a mark sits in ("Iran’s", "Corps'"), or the mark and its neighbour."""
    text = place.unit.text
    start, end = place.start, place.end
    while start > 0 and not text[start - 1].isspace() and place.end - start < 24:
        start -= 1
    while end < len(text) and not text[end].isspace() and end - place.start < 24:
        end += 1
    return text[start:end].strip(",.;:!?()[]")


def _curly(text: str, i: int) -> str:
    """The curly form of the straight mark at ``i``, opening or closing by its neighbours."""
    before = text[i - 1] if i else " "
    opening = before.isspace() or before in "([{—–-"
    if text[i] == "'":
        return "‘" if opening and i + 1 < len(text) and text[i + 1].isalpha() and \
            not (before.isalpha()) else "’"
    return "“" if opening else "”"


_CURLY_MARKS = "“”‘’"


def _quote_finding(units: list[TextUnit], joined: Joined) -> Annotation | None:
    # Most articles type their marks one way only; then there is nothing to
    # report, and a few substring scans say so without visiting every mark.
    text = joined.text
    if not (("'" in text or '"' in text) and any(c in text for c in _CURLY_MARKS)):
        return None
    straight = _straight_marks(units, joined)
    # Curly marks are all quotation marks: they are counted in C, and only
    # placed when they are the rarer style (each place is then reported).
    curly_count = sum(text.count(c) for c in _CURLY_MARKS)
    curly_starts = joined.starts_of(_CURLY_MARK)
    if curly_count > len(straight):
        curly_starts = islice(curly_starts, _USUAL_PLACES)
    curly = [_Place(units[i], start, start + 1, "curly") for i, start in curly_starts]
    counts = {"curly": curly_count}
    if straight:
        first_straight, first_curly = straight[0], curly[0]
        if (first_straight.unit.index, first_straight.start) < (first_curly.unit.index, first_curly.start):
            counts = {"straight": len(straight), "curly": curly_count}
        else:
            counts["straight"] = len(straight)
    places = straight + curly
    ann = _report(MIXED_QUOTE_MARKS, places, "quotation marks and apostrophes",
                  {"straight": "straight (' \")", "curly": "curly (’ “ ”)"}, counts=counts)
    if ann is None:
        return None
    usual = ann.data["usual"]
    rare = "curly" if usual == "straight" else "straight"
    odd = next(p for p in places if p.style == rare)
    common = next(p for p in places if p.style == usual)
    counts = ann.data["counts"]
    message = (f"Quotation marks and apostrophes are typed both {rare} (\"{_token(odd)}\") and "
               f"{usual} (\"{_token(common)}\") in this article: {counts[rare]} {rare} against "
               f"{counts[usual]} {usual}; use one style throughout.")
    quote = ann.target.quote
    if usual == "curly":
        text = _curly(odd.unit.text, odd.start)
    else:
        text = "'" if quote in "‘’" else '"'
    return ann.with_changes(message=message, suggestion=Suggestion("replace", text))


# -- British and American spellings -------------------------------------------

def _forms(british: str, american: str, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(british + s, american + s) for s in suffixes]


def _ise(stem: str) -> list[tuple[str, str]]:
    pairs = [(stem + "ise" + s, stem + "ize" + s) for s in ("", "s", "d")]
    pairs += [(stem + "ising", stem + "izing")]
    pairs += [(stem + "isation" + s, stem + "ization" + s) for s in ("", "s")]
    # The doer's noun too: "organisers" three times and then "organized" is one slip.
    pairs += [(stem + "iser" + s, stem + "izer" + s) for s in ("", "s")]
    return pairs


_ISE_STEMS = ("organ", "real", "recogn", "apolog", "critic", "emphas", "priorit", "minim",
              "maxim", "author", "character", "mobil", "normal", "stabil", "privat", "legal",
              "modern", "ostrac", "summar", "symbol", "util", "jeopard", "neutral", "penal",
              "subsid", "capital", "hospital", "fertil", "standard", "urban", "industrial",
              "militar", "polar", "radical", "revolution", "scrutin", "sympath", "theor",
              "terror", "trivial", "visual", "vandal", "memor", "special", "central",
              "decentral", "national", "rational", "global", "commercial", "computer",
              "colon", "democrat", "demoral", "destabil", "harmon", "immun", "mesmer",
              "monopol", "patron", "familiar", "agon", "energ", "categor", "dramat", "econom")
_OUR = ("colour", "favour", "honour", "labour", "neighbour", "behaviour", "harbour", "rumour",
        "humour", "vapour", "valour", "endeavour", "armour", "odour", "savour", "flavour",
        "glamour", "parlour", "rigour", "splendour", "tumour", "vigour", "clamour")
_OUR_SUFFIXES = ("", "s", "ed", "ing", "able", "ably", "ful", "ite", "ites", "hood", "hoods",
                 "less", "er", "ers", "al")
_L_DOUBLING = ("travel", "cancel", "model", "label", "fuel", "signal", "channel", "counsel",
               "dial", "equal", "level", "marshal", "pedal", "quarrel", "shovel", "total",
               "tunnel", "duel", "rival", "snorkel", "jewel", "marvel", "grovel", "swivel")

_PAIRS: list[tuple[str, str]] = []
for _stem in _ISE_STEMS:
    _PAIRS += _ise(_stem)
for _word in _OUR:
    _PAIRS += _forms(_word, _word.replace("our", "or"), _OUR_SUFFIXES)
for _verb in _L_DOUBLING:
    _PAIRS += [(_verb + "led", _verb + "ed"), (_verb + "ling", _verb + "ing"),
               (_verb + "ler", _verb + "er"), (_verb + "lers", _verb + "ers")]
_PAIRS += _forms("centre", "center", ("", "s", "d"))
_PAIRS += _forms("theatre", "theater", ("", "s"))
_PAIRS += _forms("litre", "liter", ("", "s"))
_PAIRS += _forms("fibre", "fiber", ("", "s"))
_PAIRS += _forms("calibre", "caliber", ("",))
_PAIRS += _forms("spectre", "specter", ("",))
_PAIRS += _forms("sombre", "somber", ("",))
_PAIRS += _forms("defence", "defense", ("", "s", "less"))
_PAIRS += _forms("offence", "offense", ("", "s"))
_PAIRS += _forms("pretence", "pretense", ("",))
_PAIRS += _forms("programme", "program", ("", "s"))
_PAIRS += [("programmed", "programed")]
_PAIRS += _forms("catalogue", "catalog", ("", "s"))
_PAIRS += _forms("analys", "analyz", ("e", "ed", "es", "ing"))
_PAIRS += _forms("paralys", "paralyz", ("e", "ed", "es", "ing"))
_PAIRS += _forms("grey", "gray", ("", "er", "est", "ing", "ish"))
_PAIRS += _forms("aluminium", "aluminum", ("",))
_PAIRS += _forms("manoeuvr", "maneuver", ("e", "es", "ed", "ing"))
_PAIRS += [("manoeuvre", "maneuver"), ("manoeuvres", "maneuvers"), ("manoeuvred", "maneuvered"),
           ("manoeuvring", "maneuvering")]
_PAIRS += _forms("paediatric", "pediatric", ("", "s", "ian", "ians"))
_PAIRS += _forms("anaesthe", "anesthe", ("tic", "tics", "sia", "tist", "tists"))
_PAIRS += _forms("haemorrhag", "hemorrhag", ("e", "es", "ing"))
_PAIRS += _forms("oestrogen", "estrogen", ("",))
_PAIRS += _forms("foet", "fet", ("us", "al", "uses"))
_PAIRS += _forms("scepti", "skepti", ("c", "cal", "cism", "cs"))
_PAIRS += _forms("mould", "mold", ("", "s", "ed", "ing", "y"))
_PAIRS += _forms("plough", "plow", ("", "s", "ed", "ing"))
_PAIRS += [("enrolment", "enrollment"), ("enrolments", "enrollments"), ("fulfil", "fulfill"),
           ("fulfilment", "fulfillment"), ("skilful", "skillful"), ("skilfully", "skillfully"),
           ("wilful", "willful"), ("instalment", "installment"), ("instalments", "installments"),
           ("ageing", "aging"), ("jewellery", "jewelry"), ("pyjamas", "pajamas"),
           ("moustache", "mustache"), ("sulphur", "sulfur"), ("aeroplane", "airplane"),
           ("aeroplanes", "airplanes"), ("cosy", "cozy"), ("doughnut", "donut"),
           ("doughnuts", "donuts"), ("artefact", "artifact"), ("artefacts", "artifacts")]
_PAIRS = [(b, a) for b, a in _PAIRS if b != a]
# Inflections of one word form one group ("organised" and "organize" clash), keyed
# by a shared stem: the longest common start of the British and American forms.
_SPELLING: dict[str, tuple[str, str]] = {}
for _b, _a in _PAIRS:
    _n = 0
    while _n < min(len(_b), len(_a)) and _b[_n] == _a[_n]:
        _n += 1
    _group = _b[:max(_n, 4)]
    _SPELLING.setdefault(_b, (_group, "british"))
    _SPELLING.setdefault(_a, (_group, "american"))
# After a capitalised word, what makes it (part of) a name: more capitals, maybe
# joined by a small word ("Labor Party", "Organization for Economic ...",
# "Department of Defense"), or, at a sentence's start, a possessive or a verb
# that a party or a body does ("Labor won", "Labor's candidate").
_NAME_GOES_ON = re.compile(r"\s+(?:(?:for|of|and|de|&)\s+)?[A-Z]")
_NAME_DOES = re.compile(
    r"['’]s\b|\s+(?:said|says|won|wins|lost|loses|leads|led|leader|promised|pledged|announced|"
    r"vowed|claimed|accused|argued|insisted|warned|urged|called|has\s+(?:won|lost|said|promised|"
    r"pledged|announced|called|vowed)|will\s+(?:win|lose|form|govern))\b")
_COMPUTING = re.compile(r"\b(?:computer|software|coding|code|app|apps)\b", re.I)
_WORD = re.compile(r"[A-Za-z]+")


# Words are runs of ASCII letters. Encoded one byte per character, letters
# lower-cased and anything else made a space (ASCII_WORD_BYTES), a text splits
# into its words in C, several times faster than a regular expression finds them.


def _lower_case_moves_words(text: str) -> bool:
    """Does ``text`` hold one of the two characters outside ASCII whose lower case
    holds an ASCII letter ("İ" lower-cases to "i̇", the Kelvin sign to "k")? Then the
    words of the lower-cased text are not the lower-cased words of the text."""
    return "\u0130" in text or "\u212a" in text


# Words of four letters or more, as the spelling pass has always read them (every
# word in the table is that long).
_SPELLING_BYTES = {w.encode(): w for w in _SPELLING if len(w) >= 4}


def _word_bytes(text: str) -> bytes:
    """``text``, one byte per character, with its words lower-cased and spaces between."""
    return text.encode("ascii", "replace").translate(ASCII_WORD_BYTES)


# A short article's units are read for words in one pass, joined by NUL, which
# becomes a word of its own (a byte outside ASCII) between them. A long article is
# read unit by unit instead: it nearly always writes some word both ways, and then
# each unit's own words are needed anyway.
_UNIT_BREAK = b"\x80"
_JOINED_WORD_BYTES = _UNIT_BREAK + ASCII_WORD_BYTES[1:]  # NUL becomes _UNIT_BREAK
_READ_JOINED_UP_TO = 200  # units


def _joined_words(texts: list[str]) -> list[bytes]:
    """The lower-cased words of ``texts``, encoded, with _UNIT_BREAK between texts."""
    joined = " \x00 ".join(texts)
    if joined.count("\x00") != len(texts) - 1:  # a text holds NUL: read it as a space
        joined = " \x00 ".join(text.replace("\x00", " ") for text in texts)
    if _lower_case_moves_words(joined):
        joined = joined.lower()
    return joined.encode("ascii", "replace").translate(_JOINED_WORD_BYTES).split()


def _split_at_breaks(words: list[bytes]) -> list[list[bytes]]:
    """Each text's words, from _joined_words."""
    out = []
    start = 0
    for _ in range(words.count(_UNIT_BREAK)):
        end = words.index(_UNIT_BREAK, start)
        out.append(words[start:end])
        start = end + 1
    out.append(words[start:])
    return out


def _word_spans(text: str, wanted: set[str], found: set[bytes]) -> list[tuple[int, int]]:
    """Where ``text`` has a word whose lower case is in ``wanted``, left to right
    (``found``: those words, encoded, as the text's lower-cased words hold them)."""
    if _lower_case_moves_words(text):  # the bytes would not line up: one word at a time
        return [m.span() for m in _WORD.finditer(text) if m.group().lower() in wanted]
    text_words = _word_bytes(text)
    spans = []
    for needle in found:
        i = text_words.find(needle)
        while i >= 0:
            end = i + len(needle)
            if (not i or text_words[i - 1] == 32) and (end == len(text_words) or text_words[end] == 32):
                spans.append((i, end))
            i = text_words.find(needle, end)
    spans.sort()
    return spans


def _spelling_places(units: list[TextUnit]) -> dict[str, list[_Place]]:
    # First a cheap pass over lower-cased words: only a word whose group the
    # article writes both ways needs its places (and its capitals) looked at.
    table = _SPELLING_BYTES.keys()
    texts = [unit.text for unit in units]
    if len(texts) <= _READ_JOINED_UP_TO:
        article_words = _joined_words(texts)
        unit_words = None
        in_table = table & article_words
    else:  # (inline, as this runs for every text; a gallery repeats captions: each is read once)
        words_of = {text: table & _word_bytes(text.lower() if _lower_case_moves_words(text) else text).split()
                    for text in dict.fromkeys(texts)}
        unit_words = [words_of[text] for text in texts]
        in_table = set().union(*words_of.values())
    present = {_SPELLING_BYTES[w] for w in in_table}
    styles: dict[str, set[str]] = {}
    for word in present:
        group, style = _SPELLING[word]
        styles.setdefault(group, set()).add(style)
    wanted = {w for w in present if len(styles[_SPELLING[w][0]]) > 1}
    groups: dict[str, list[_Place]] = {}
    if not wanted:
        return groups
    # A capital at a sentence's start is a name's when the article uses the same
    # word as a name elsewhere ("the Labor government ... Labor won"): those
    # places wait until every unit has been read.
    names: set[str] = set()
    sentence_starts: list[tuple[str, str, _Place]] = []
    wanted_bytes = {w.encode() for w in wanted}
    if unit_words is None:
        unit_words = _split_at_breaks(article_words)
    for unit, words in zip(units, unit_words):
        found = wanted_bytes.intersection(words)
        if not found:
            continue
        text = unit.text
        for start, end in _word_spans(text, wanted, found):
            word = text[start:end]
            lower = word.lower()
            entry = _SPELLING.get(lower)
            if entry is None:
                continue
            if word[0].isupper():
                # A capital inside a sentence is a name ("World Health Organization");
                # at the start of a sentence or text it is just a capital.
                before = text[max(0, start - 8):start].rstrip()
                if not before and start > 8:
                    before = text[:start].rstrip()
                if before and before[-1] not in ".!?:\"“‘'’—–(":
                    names.add(word)
                    continue
                if word.isupper() and len(word) > 1:
                    continue
                if _NAME_GOES_ON.match(text, end):
                    names.add(word)
                    continue  # "Labor Party", "Organization for Economic Co-operation"
                if not lower.endswith("s") and _NAME_DOES.match(text, end):
                    # (A plural that says or does is people: "Neighbours said".)
                    names.add(word)
                    continue  # "Labor won 94 seats", "Labor's candidate": a party, a body
                base, style = entry
                sentence_starts.append((word, base, _Place(unit, start, end, style)))
                continue
            if lower.startswith("program") and _COMPUTING.search(text, max(0, start - 40),
                                                                 end + 40):
                continue  # British English writes "program" for software
            if start and (text[start - 1] in "@#/_." or text[start - 1].isdigit()):
                continue  # handles, hashtags, addresses
            if text[end:end + 1] in "@/_" or text[end:end + 2] in (".c", ".o", ".g"):
                continue
            base, style = entry
            groups.setdefault(base, []).append(_Place(unit, start, end, style))
    for word, base, place in sentence_starts:
        if word not in names:
            groups.setdefault(base, []).append(place)
    for places in groups.values():
        places.sort(key=lambda p: (p.unit.index, p.start))
    return groups


def _spelling_findings(units: list[TextUnit]) -> Iterator[Annotation]:
    for base, places in _spelling_places(units).items():
        ann = _report(SPELLING_VARIANT, places, f"\"{base}...\"",
                      {"british": "the British way", "american": "the American way"},
                      data={"word": base})
        if ann is None:
            continue
        usual_style = ann.data["usual"]
        usual_word = next(p.unit.text[p.start:p.end] for p in places if p.style == usual_style)
        quote = ann.target.quote
        suggestion = _match_case(_counterpart(quote.lower()) or usual_word, quote)
        yield ann.with_changes(
            message=f"\"{quote}\" is spelled the "
                    f"{ann.data['usual'] == 'british' and 'British' or 'American'} "
                    f"way elsewhere in this article (\"{usual_word}\"); "
                    f"pick one spelling.",
            suggestion=Suggestion("replace", suggestion))


_COUNTERPART = {}
for _b, _a in _PAIRS:
    _COUNTERPART.setdefault(_b, _a)
    _COUNTERPART.setdefault(_a, _b)


def _counterpart(word: str) -> str | None:
    return _COUNTERPART.get(word)


def _match_case(word: str, like: str) -> str:
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# -- date formats ------------------------------------------------------------

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_DMY = re.compile(rf"\b(?<![-–/])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
                  rf"\s+(?:{_MONTHS})\b\.?(?!\s*[-–]\s*\d)")
_MDY = re.compile(rf"\b(?:{_MONTHS})\.?\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
                  rf"\b(?![-–/:.]\d|\s*[-–]\s*\d|\d)")


_DAY = re.compile(r"\d\d?")  # (\d{1,2}; starting with one digit lets the engine skip to it)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$")


def _date_places(units: list[TextUnit]) -> list[_Place]:
    # Anchored on the day's digits (rare) rather than on month names at every word.
    places = []
    for unit in units:
        text = unit.text
        # Both shapes need a day that starts with an ASCII digit 1-9: nine
        # one-character tests (fast C scans) pass over most units before the
        # month search, which steps through every capital.
        if not (("1" in text or "2" in text or "3" in text or "4" in text or "5" in text
                 or "6" in text or "7" in text or "8" in text or "9" in text)
                and MONTH_HEAD.search(text)):
            continue
        for d in _DAY.finditer(text):
            i = d.start()
            if i and text[i - 1].isdigit():
                continue
            m = _DMY.match(text, i)
            if m is not None:
                before = text[max(0, m.start() - 3):m.start()]
                if not re.search(r"[-–]\s*$|\band\s*$", before):
                    places.append(_Place(unit, m.start(), m.end(), "day-month"))
                continue
            if not (i and text[i - 1].isspace()):
                continue  # _MONTH_BEFORE ends in a space
            b = _MONTH_BEFORE.search(text, max(0, i - 12), i)
            if b is None:
                continue
            m = _MDY.match(text, b.start())
            if m is None or m.end() <= i:
                continue
            if re.search(r"(?:[—–-]|\))\s*$", text[max(0, m.start() - 40):m.start()]) and \
                    re.search(r"\(@\w+\)", text[max(0, m.start() - 60):m.start()]):
                continue  # an embedded tweet's own date line
            places.append(_Place(unit, m.start(), m.end(), "month-day"))
    return places


def _date_finding(units: list[TextUnit]) -> Annotation | None:
    ann = _report(DATE_FORMAT, _date_places(units), "dates",
                  {"day-month": "day first (15 May)", "month-day": "month first (May 15)"})
    return ann


# -- honorifics --------------------------------------------------------------

# \b(Mr|Mrs|Ms|Dr)(\.?)\s+(?=[A-Z]), one pattern per title with the word boundary
# checked after it: a pattern that starts with two letters lets the regex
# engine skip to them, much faster than to every capital M or D.
_HONORIFICS = tuple(re.compile(rf"{title}(\.?)\s+(?=[A-Z])")
                    for title in (r"Mr(?<!\w..)s?", r"Ms(?<!\w..)", r"Dr(?<!\w..)"))


# What follows an honorific that makes it part of a title or brand, not a
# person: a possessive with a capital after it ("Mrs. Brown's Boys") or a
# function word ("Dr. No", "Dr. Who").
_TITLE_AFTER = re.compile(r"[A-Z][\w-]*['’]s\s+[A-Z]")
_NAME_WORD = re.compile(r"[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*")  # ("O'Brien"; "Bowen’s" is Bowen)
_GIVEN_AND_SURNAME = re.compile(r"[A-Z][\w'’-]*\s+(?:(?:al|el|de|van|von|da|di|le|la)[- ])?[A-Z]")
_SAID_AFTER = re.compile(r",?\s+(?:said|says|told|added|asked|wrote|explained|argued|noted|insisted|"
                         r"warned|admitted|claimed|replied|recalled|stressed|spoke|speaking)\b")
# A determiner or possessive before the honorific: "the Mr. Men books", "a Dr Pepper".
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur)|['’]s)\s+$")


def _honorific_people(units: list[TextUnit], places: list[_Place]) -> list[_Place]:
    """The honorifics that stand before a person's name, not inside a title or brand.

    Some are plainly not people ("The Mr. Men books", "Mrs. Brown's Boys", "Dr.
    No"). Of the rest, one is known to be a person when a given name follows
    it ("Dr Emma Wells"), its name is used elsewhere without an honorific
    ("Donald Trump ... Mr. Trump") or after more than one, or the name is
    followed by "said" or the like, or the honorific is not "Dr" ("Mr. Sunak").
    When the article names some of its people so, a name it gives only once,
    after "Dr" ("Sales at Dr. Martens fell", "the rapper Dr. Dre had
    visited"), is read as a brand or a stage name; when it names none so,
    every honorific counts (a short text: "Mr Qaani met Mr. Trump")."""
    if len({p.style for p in places}) < 2:
        return places  # one style: nothing to report, whatever they stand before
    readings = []  # (place, the name after it, whether it reads as a person on its own)
    for p in places:
        text = p.unit.text
        at = p.end
        while at < len(text) and text[at] in ". ":
            at += 1
        name = _NAME_WORD.match(text, at)
        if (name is None or name.group().casefold() in STOPWORDS or _TITLE_AFTER.match(text, at)
                or _DETERMINER_BEFORE.search(text[max(0, p.start - 8):p.start])):
            continue
        person = bool(_GIVEN_AND_SURNAME.match(text, at) or _SAID_AFTER.match(text, name.end()))
        readings.append((p, name.group(), person))
    after_honorific: dict[str, int] = {}
    for _, name, _ in readings:
        after_honorific[name] = after_honorific.get(name, 0) + 1
    # (Counted only where it decides: a name after one honorific, read as no person by itself.)
    word_counts = _name_counts(units, {name for _, name, person in readings
                                       if not person and after_honorific[name] == 1})
    # Only "Dr" names brands and stage names often enough ("Dr. Martens", "Dr. Dre"):
    # "Mr. Sunak" once beside "Mr Starmer" is a person, and the slip to report.
    known = [p for p, name, person in readings
             if person or after_honorific[name] > 1 or word_counts.get(name, 0) > after_honorific[name]
             or not p.unit.text.startswith("Dr", p.start)]
    return known if known else [p for p, _, _ in readings]


def _name_counts(units: list[TextUnit], names: set[str]) -> dict[str, int]:
    """How often each of ``names`` stands in the units as a word of its own (as
    _NAME_WORD reads one). Each name is found with str.find: counting every
    capitalised word of a long article costs far more."""
    counts = dict.fromkeys(names, 0)
    for unit in units:
        text = unit.text
        for name in names:
            at = text.find(name)
            while at != -1:
                end = at + len(name)
                alone = not (at and _NAME_CHAR_BEFORE.match(text, at - 1))
                if alone and not _NAME_WORD_GOES_ON.match(text, end):
                    counts[name] += 1
                at = text.find(name, end)
    return counts


_NAME_CHAR_BEFORE = re.compile(r"[\w'’-]")
_NAME_WORD_GOES_ON = re.compile(r"[\w-]|['’](?!s\b)[\w-]")  # (_NAME_WORD would read on)


def _honorific_finding(units: list[TextUnit], joined: Joined) -> Annotation | None:
    places = sorted((i, m.start() - offset, m.end(1) - offset, "dotted" if m.group(1) else "bare")
                    for pattern in _HONORIFICS for i, offset, m in joined.matches(pattern))
    places = _honorific_people(units, [_Place(units[i], start, end, style)
                                       for i, start, end, style in places])
    # The message shows each style with the honorific the article writes that way.
    first_title = {}
    for p in places:
        first_title.setdefault(p.style, p.unit.text[p.start:p.end].rstrip("."))
    dotted, bare = first_title.get("dotted", "Mr"), first_title.get("bare", "Mr")
    ann = _report(HONORIFIC_PUNCTUATION, places, "honorifics",
                  {"dotted": f"with a full stop ({dotted}.)", "bare": f"without one ({bare})"})
    if ann is None:
        return None
    quote = ann.target.quote
    text = quote.rstrip(".") if quote.endswith(".") else quote + "."
    return ann.with_changes(suggestion=Suggestion("replace", text))


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    body = set(u.index for u in article.body_units())
    units = [u for u in article.units()
             if u.kind in _READ and (u.kind not in BODY_KINDS or u.index in body)]
    joined = Joined(unit.text for unit in units)
    found = [_quote_finding(units, joined)]
    if primary_language(article.language) == "en":
        found.extend(_spelling_findings(units))
        found.append(_date_finding(units))
        found.append(_honorific_finding(units, joined))
    yield from (a for a in found if a is not None)
