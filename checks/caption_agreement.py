"""A photo caption that contradicts the body about the same event.

## What it does
Reads each caption sentence for a weekday ("on Wednesday"), a date ("May 14",
"14 May"), a place after *in/at/to/from* ("in Baghdad", "to Iraq", "in Dar es
Salaam", read through its lower-case particles) and the
names it spells, and looks in the body for a sentence about the same event:
one that shares the words right around that weekday, date or place and enough
of the caption's other content words, and either the same verb or noun
governs both ("travelled to Iraq on ..."; a place's name between them is not
enough: "search the water in the Marlborough Sounds" and "was found in the
Marlborough Sounds" are two actions) or both name the same people at the
same place with other verbs ("Declan Murphy arrives at Southwark Crown Court
on Monday" against "Declan Murphy ... appeared at Southwark Crown Court on
Tuesday"). When that body sentence gives a different weekday
(`weekday-differs`), a different day of the month (`date-differs`) or a
different place (`place-differs`), the caption is flagged with the body's
sentence in `related`. If any body sentence that shares enough of the
caption's words gives the caption's own day or place, nothing is reported:
captions and bodies often tell of several days; but in a body sentence of
several days the caption's day is another action's when another of its days
has the caption's verb and words around it and the caption's day has neither
("arrived in Rabat on Tuesday and held talks ... on Wednesday" against the
caption's "arrived in Rabat on Wednesday"). Nor is a caption compared
with a body sentence that differs from it in both day and place ("training in
Durban on Tuesday" against "trained in Cape Town on Monday": two differences
tell of two events more likely than of two slips), nor with one that also
tells of the caption's day ("on Tuesday, a day
after ..." for a caption's Monday; or the caption of the body's), or that
does not share the caption's
"in 2023" or "last year"; a file photo ("File photo", "(file)") is not
compared at all.

Captions tell of the same event in other words than the body ("Aino
Lehtinen ... at a damaged substation near Kyiv on Monday" against "Ms
Lehtinen ... arrived in Kyiv on Tuesday"), so a broader reading follows: a
body sentence with one day is about the caption's event when the two share
three content words, one of them capitalised in both (a surname, a court, a
city), and the body sentence names no other person than the caption's
people. A weekday and a date are compared through the article's date: a
weekday is the most recent such day on or before it, so a caption's "22 May"
agrees with the body's "on Thursday" of Friday 23 May 2025, and "21 May" is
flagged. A caption that names one person (in full, or by a surname the body
gives in full) is also about the one day the body dates that person's
actions, when the body sentence names no one else and shares another word
with the caption ("Starmer speaks about the economy on Friday" against
"Keir Starmer gave a speech on Thursday about the economy"); not when the
body dates that person on several days. This reading stays quiet when the body gives the caption's day
anywhere, when the body's day is still to come ("will vote on Thursday")
and the caption's is not, and when more than 30 caption sentences hold a day
or a place (a gallery). Its
place is only compared for a definite thing placed by its noun ("the
restored crane in Gdynia" against "a shipyard crane in Gdansk", "the port of
Gdynia" against "the port of Gdansk", "their final training session in
Gdynia") on the same day or with another shared word: "a rally in Karachi"
may be one of many. On the same day, and with two more shared words, the
body's verb before its place may also be a word of the caption's thing ("The
squad trained in Gdańsk on Friday" against "their final training session in
Gdynia on Friday").

Last, an event reading (same limit) finds the body sentences about the
caption's event by what the two share wherever the day or place stands: the
people, places and other words, each word as a root across tenses and noun
forms ("arriving at Lisbon airport" and "arrived in Lisbon", "after her
sentencing" and "was sentenced", "the reopening" and "opened"). Four shared
words make a sentence about the event, or three with a name, and one of them
must be no name (the same people at the same place may be doing something
else); the caption's word right before or after its day or place counts
twice. A place's name counts once however many words it has, and not twice:
"Police divers at Loch Fyne on Saturday" is not about "A body was recovered
from Loch Fyne on Sunday, police said" (nor, in the broad reading, with fewer
than two shared words besides the caption's places). A day is flagged when
those sentences give one other day and no body sentence gives the caption's;
of sentences that give several days, those count around whose day stand the
most words (two or more) of the caption's clause that leads to its day (its words
from the last clause break up to the day: "after it
was boarded by the patrol on 4 June" against "The patrol boarded the trawler
on 3 June", not "prosecutors on Tuesday charged the skipper of the seized
trawler"): a sentence that shares at most one word with the caption and places
its action elsewhere ("trained at the Seixal complex on Wednesday") tells of
another action. A sentence about the event with no day of its own takes the
story's when the body gives only one day ("won the competition on Tuesday" for
"beat 24 schools at the final in Birmingham") in a sentence that shares a word
besides names (or three names) with either, and the day-less sentence tells of
no time of its own ("had earlier visited", "last week"). An
event the caption names right before its day ("after the funeral on Friday":
a funeral, a vote, a final, a hearing, ... that happens once) takes the day of
the body sentences that open with it ("The funeral Mass was held on
Saturday"), when they give one and no body sentence naming it gives the
caption's ("reached the final on Tuesday" does not date the final). A
sentence of an event of several days ("the three-day festival", "spent four
days searching" for a caption of the search; not the span of another action:
"stranded for three days" for a caption of the rescue), a plan
("will face Braga"), a sentence that places the event elsewhere as well as on
another day, and a day in a caption dated to another year are left alone,
but a relative clause ("Fennelly, who announced his retirement on Sunday,
lifts the cup in 2022") tells of the news, not the photo, and is compared. A
place is flagged against a sentence about the event that places it after the
same preposition (also after words that describe it: "at a sold-out
Konzerthaus"), on the caption's day with a shared name ("at the opening of
the exhibition in Seville on Thursday" against "went on show ... in Valencia
on Thursday"; not a named part of a town, "in the Triana district") or with
three shared words, two of them the caption's definite thing's ("the first
ferry on the new line in Lübeck on Monday" against "The first electric ferry
on the new cross-harbour line docked in Kiel on Monday"; without a day in the
caption when the two are about one event), or
with the body's noun before its place a word of the caption's thing ("the
closing concert of the flamenco biennial in Córdoba" against "a concert in
Seville's Plaza de España").

No reading compares a caption that shows others reacting to the body's event
("Supporters celebrate the title outside Celtic Park on Sunday" against "Celtic
won the title on Saturday"): its word of a reaction (celebrate, mourn, cheer,
protest, parade, ...) is not the body sentence's, nor is the common noun right
before it (who reacts). "Callum McGregor celebrates with the trophy on Sunday"
is still compared with "McGregor lifted the trophy on Saturday". Nor is a
caption of the event's aftermath, in words the body sentence lacks: tributes
("Pupils lay flowers outside the school on Tuesday" against a stabbing on
Monday), what is left ("Smoke rises from the gutted warehouse"), a search or
clean-up ("Divers search Loch Fyne" against "a body was recovered from Loch
Fyne"); nor a caption of work done before the event, in such words: getting
ready ("Staff prepare beds in the new ward on Monday" against "The ward admitted
its first patients on Tuesday"), rehearsing, painting or testing; unless the
caption names the event right before its day ("carrying flowers after the
funeral on Monday", "before its opening on Tuesday"). Nor is a caption whose day dates an
earlier action of others in an "after" clause the body sentence has no word of
("after robbers smashed its window on Wednesday" against "Police arrested two
men on Friday").

A place is only flagged when the body never mentions the caption's place at
all, and neither side names the other's place ("Tehran, Iran" agrees with
"Iran"). The body may also place the event by a name: "the Shakespeare
festival in Gdynia" is flagged against the body's "the Gdańsk Shakespeare
Festival" when the body names Gdańsk as a place elsewhere ("at the Gdańsk
Shakespeare Theatre").

`name-spelling`: a caption that spells a person's surname one or two letters
differently from the body ("Navarro" in the body, "Naverro" in the caption) is
flagged here, with the body's spelling as the suggestion. So is one part of
a full name the body gives one person otherwise: the surname beside the same
given name ("Jonathan Price" for "Jonathan Pryce") or the given name beside
the same surname, differing only in vowels or a doubled letter ("Jonathon
Pryce"; not "Daniela Rossi" for "Daniel Rossi", nor "Steven" for "Stephen"),
when the body never writes the caption's spelling. `name-consistency`
flags the same word too (it covers every part of the article, captions
included); this rule adds that the caption disagrees with the body beside it.
Any other name of six letters or more (a place, a venue, a company) that a
caption spells one slip of the keyboard off the body's is flagged too: a
letter left out or added, or two neighbours swapped, after the same first
letter ("Antananarvio" for the body's "Antananarivo"), when the story never
writes the caption's spelling, the language's word list does not know it
(real names one letter apart are in it: "Harrow" and "Harlow", "Boston" and
"Bolton"), and the body has no other name so near. Not a letter changed (two
real names differ so), another form of one word ("Kenya", "Kenyan";
"Honduras", "Honduran"; "Kessel-Festival", "Kesselfestival"; "Communism",
"Communist"), a word at a sentence's start, a word
after another capitalised one (a person's name, "Erik Nielsen", which the
reading above weighs), a name of several words against a shorter one
("Columbia University", "Colombia"), nor a place against a person's surname
("in Austin" beside Jane Austen). This reading is of English captions only:
English's word list is loaded for the name reading anyway, and another
language's takes about 0.4 s to load.

## Why it matters
Captions are often written separately from the story, by another person or
from an earlier version. A caption that moves the event to another day or
city, or misspells the person pictured, undermines the story beside it.

## Example
```
Body:    Esmail Qaani travelled to Iraq on Wednesday, in a rare visit ...
Caption: Esmail Qaani travelled to Iraq on Tuesday.   <- flagged: weekday-differs
```

## How to fix
Check which is right (the wire copy, the photo's metadata) and correct the
caption or the body so they agree.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, fields
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

from checks.annotation import Annotation, Suggestion
from checks.dates import MONTH_HEAD, local_day
from checks.engine import Context
from checks.model import BODY_KINDS, CAPTION, Article, TextUnit
from checks.names import (NAME_KINDS, Mention, Names, distance, equivalence_map, fold, known_word,
                          read_names, spelling_groups, written_as_place)
from checks.registry import Rule
from checks.text import Joined, may_have_digit, primary_language, sentence_spans

ID = "caption-agreement"

WEEKDAY_DIFFERS = Rule(ID, "weekday-differs", "warning",
                       "A caption gives another weekday than the body for the same event.")
DATE_DIFFERS = Rule(ID, "date-differs", "warning",
                    "A caption gives another date than the body for the same event.")
PLACE_DIFFERS = Rule(ID, "place-differs", "warning",
                     "A caption gives another place than the body for the same event.")
NAME_SPELLING = Rule(ID, "name-spelling", "warning",
                     "A caption spells a name differently from the body.")
RULES = (WEEKDAY_DIFFERS, DATE_DIFFERS, PLACE_DIFFERS, NAME_SPELLING)

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]?s\b)")
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH_NAMES = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_MONTH = rf"(?P<month>{_MONTH_NAMES})"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.,]\d)"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_NAMES})\b)")
# A place: capitalised words after a preposition of place ("in Baghdad", "to the Gaza Strip").
_PREPOSITIONS = ("in", "at", "to", "from", "near", "outside", "into")
# A lower-case particle inside a place's name, before its next capitalised word
# ("Dar es Salaam", "Rio de Janeiro", "Sharm el-Sheikh", "Stratford upon Avon",
# "Clacton on Sea"): not the end of the name.
_PLACE_PARTICLE = r"[\s-](?:es|de|del|da|do|dos|la|al|el|upon|on(?=[\s-]Sea\b))[\s-]"
_PLACE_WORD = r"[A-Z][\w'’-]*[a-z][\w'’-]*"
_PLACE_AFTER_PREPOSITION = (r"\s+(?:the\s+)?"
                            rf"(?P<place>{_PLACE_WORD}(?:(?:\s+|{_PLACE_PARTICLE}){_PLACE_WORD}){{0,3}})")
_PLACE = re.compile(rf"\b(?P<prep>{'|'.join(_PREPOSITIONS)}){_PLACE_AFTER_PREPOSITION}")
# The same, one expression per preposition and without the \b: an expression
# that starts with a word is searched for by a fast scan for that word, where
# _PLACE is tried at every character (see _place_matches). ("into" is found
# by the scan for "in"; tests/checks/test_caption_fast_paths.py holds the two
# to the same matches.)
_PLACE_AFTER = tuple(re.compile(rf"(?P<prep>{prep}){_PLACE_AFTER_PREPOSITION}")
                     for prep in ("in(?:to)?", "at", "to", "from", "near", "outside"))
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

_STOP = frozenset("""
the a an and or but of in on at to from for with by as is are was were be been being has have had
that this these those it its he she they them his her their we our you your i me my who whom which
what when where while after before during into onto over under about than then there here not no
also just only more most some any all both each other such said says say told will would could can
may might must shall should did does do new one two three four five six seven eight nine ten near
outside inside left right center centre front back photo file pictured seen shown image top
year years day days week weeks month months today yesterday tomorrow morning afternoon evening
night last next early late
""".split()) | frozenset(_WEEKDAYS) | frozenset(_MONTHS)

# Capitalised words after "in", "to", ... that do not start a place.
_NOT_PLACE = frozenset("""
the a an this that these those his her their its our my your he she it they we i mr mrs ms dr
president minister prime congress parliament court english spanish french german arabic chinese
january february march april may june july august september october november december order
twitter facebook instagram youtube tiktok google
""".split())

# Words around a weekday, date or place that say which event it belongs to.
_NEAR = 4
# Content words a caption and a body sentence must share to be about one event.
_SHARED = 3
# A body word in more sentences than this says nothing about which event.
_COMMON_POSTINGS = 40


# A word as written -> its stem, or None when it is not a content word (too
# short, or a stop word): one look-up per word settles both.
_STEMS: dict[str, str | None] = {}


def _stem(word: str) -> str | None:
    """The stem of a content word, None for any other word."""
    out = _STEMS.get(word, False)
    if out is False:
        low = word.lower()
        out = None if len(low) < 3 or low in _STOP else _stem_of(word)
        if len(_STEMS) < 200_000:  # a long-running server must not grow it without end
            _STEMS[word] = out
    return out


def _stem_of(word: str) -> str:
    w = fold(word)
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w[-1] == w[-2]:
        w = w[:-1]  # travelled -> travell -> travel
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


@dataclass(slots=True)
class Slot:
    kind: str  # weekday | date | place
    value: object  # "wednesday", (5, 14), "baghdad"
    start: int
    end: int
    prep: str = ""  # the word before it: "on", "in", "since", ...


@dataclass(slots=True)
class Clause:
    unit: TextUnit
    start: int
    end: int
    slots: list[Slot]
    text: str  # what was read of the unit (a caption up to its credit)
    # Read when first needed: most body clauses only give their stems to the
    # postings, and never need where each word is.
    _words: list[tuple[int, int, str]] | None = None
    _stems: set[str] | None = None
    # Its places named before other names ("the Gdańsk Shakespeare Festival"):
    # read when first needed (see _placed_by_name).
    _named: list[tuple[Slot, set[str]]] | None = None

    @property
    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, stem) of the clause's content words."""
        if self._words is None:
            self._words = _content_words(self.text, self.start, self.end)
        return self._words

    def stems(self, exclude: Slot | None = None) -> set[str]:
        if exclude is None:
            if self._stems is None:
                self._stems = ({w for _, _, w in self._words} if self._words is not None
                               else _content_stems(self.text, self.start, self.end))
            return self._stems  # (read only: the postings)
        return {w for s, e, w in self.words if e <= exclude.start or s >= exclude.end}

    def near(self, slot: Slot) -> set[str]:
        """Content words just before and just after a slot."""
        before = [w for s, e, w in self.words if e <= slot.start][-_NEAR:]
        after = [w for s, e, w in self.words if s >= slot.end][:_NEAR - 1]
        return set(before) | set(after)

    def proper(self, slot: Slot) -> set[str]:
        """The stems of the clause's capitalised content words outside a slot: its
        names of people, places and bodies (and its first word)."""
        text = self.text
        return {w for s, e, w in self.words if text[s].isupper() and (e <= slot.start or s >= slot.end)}

    def placed(self, preps: frozenset[str] | None = None) -> set[str]:
        """The stems of the words of the places the clause names after a preposition
        (of ``preps``, when given), read again: its slots may no longer hold them."""
        spans = [m.span("place") for m in _place_matches(self.text[self.start:self.end])
                 if preps is None or m.group("prep") in preps]
        return {w for s, e, w in self.words for a, b in spans
                if a <= s - self.start and e - self.start <= b}

    def head(self, slot: Slot) -> set[str]:
        """The content word right before a slot and the one right after it: its verb
        or noun. A word before it that is a place's is joined by the word before
        that place ("the funeral at St Paul's Cathedral in London on Friday")."""
        out = set()
        end = slot.start
        for _ in range(3):
            before = [(s, e, w) for s, e, w in self.words if e <= end][-1:]
            if not before:
                break
            s, e, w = before[0]
            out.add(w)
            if not self.text[s].isupper():
                break
            # (Its slots may not hold its places: only the kinds the captions give are read.)
            place = next((m for m in _PLACE.finditer(self.text, max(self.start, s - 60), e)
                          if m.start("place") <= s and e <= m.end("place")), None)
            if place is None:
                break
            end = place.start()
        out.update([w for s, e, w in self.words if s >= slot.end][:1])
        return out


def _weekdays(texts: Joined) -> Iterator[tuple[int, Slot]]:
    """The weekday slots of the texts, with each one's text's index."""
    # Every weekday's name ends in "day": the few places it is found in all the
    # texts (a fast literal scan) are where a weekday may end.
    for i, day_at in texts.starts_of(_DAY):
        text = texts.texts[i]
        for length in _WEEKDAY_LENGTHS:
            m = _WEEKDAY.match(text, day_at + 3 - length) if day_at + 3 >= length else None
            if m is not None and m.end() == day_at + 3:
                prep = _word_before(text, m.start())
                if prep not in _NOT_A_POINT:
                    yield i, Slot("weekday", m.group(1).lower(), m.start(), m.end(), prep)
                break


_DAY = re.compile("day")
_WEEKDAY_LENGTHS = sorted({len(name) for name in _WEEKDAYS})


def _dates(texts: Joined) -> Iterator[tuple[int, Slot]]:
    """The date slots of the texts, with each one's text's index."""
    # Every date names a month: one fast scan of all the texts finds the few
    # places one may be named, and _DATE is tried only around those.
    heads_by_text: dict[int, list[int]] = {}
    for i, at in texts.starts_of(MONTH_HEAD):
        heads_by_text.setdefault(i, []).append(at)
    for i, heads in heads_by_text.items():
        text = texts.texts[i]
        if not may_have_digit(text):
            continue  # (a date has a figure)
        for m in _date_matches(text, heads):
            month = (m.group("month") or m.group("month2")).lower().rstrip(".")
            day = int(m.group("day") or m.group("day2"))
            prep = _word_before(text, m.start())
            if _ENTRY.match(text, m.end()) and _opens_sentence(text, m.start()):
                continue  # "Sept. 6, 1946: The Rams play ...": an entry of a timeline
            if 1 <= day <= 31 and prep not in _NOT_A_POINT:
                yield i, Slot("date", (_MONTHS[month], day), m.start(), m.end(), prep)


def _date_matches(text: str, heads: list[int]) -> Iterator[re.Match]:
    """The matches of ``_DATE.finditer(text)``, given where each month's head
    (MONTH_HEAD) is in ``text``.

    A match starts at a month's name ("May 14") or at the day before one,
    which is at most four characters ("14th") before the spaces before the
    month; _DATE is tried only there, where finditer tries every character.
    """
    starts = set(heads)
    for head in heads:
        day_end = head
        while day_end > 0 and text[day_end - 1].isspace():  # (what \s matches)
            day_end -= 1
        if day_end < head:
            starts.update(range(max(0, day_end - 4), day_end))
    taken_to = 0
    for start in sorted(starts):
        if start >= taken_to:
            match = _DATE.match(text, start)
            if match is not None:
                yield match
                taken_to = match.end()


def _places(texts: Joined) -> Iterator[tuple[int, Slot]]:
    """The place slots of the texts, with each one's text's index."""
    for match in _place_matches(texts.text):
        i = texts.locate(match.start())
        slot = _place_slot(match, texts.starts[i])
        if slot is not None:
            yield i, slot


# A place named after the kind of place it is: "the port of Gdynia", "the town of Passau".
# (The expression starts with a word, for the fast scan; the kind is looked for before it.)
_OF_PLACE = re.compile(rf"(?P<prep>of){_PLACE_AFTER_PREPOSITION}")
_KIND_BEFORE = re.compile(r"\b(?:port|city|town|village|harbou?r|district|province|region|island|county"
                          r"|municipality)\s+$")


def _places_of(texts: Joined) -> Iterator[tuple[int, Slot]]:
    """The place slots of the texts named after their kind ("the port of Gdynia"),
    read as if "in" stood before them."""
    text = texts.text
    for match in _OF_PLACE.finditer(text):
        at = match.start()
        if at == 0 or _is_word_char(text[at - 1]) or not _KIND_BEFORE.search(text, max(0, at - 16), at):
            continue
        i = texts.locate(at)
        slot = _place_slot(match, texts.starts[i])
        if slot is not None:
            slot.prep = "in"
            yield i, slot


def _place_slot(match: re.Match, offset: int) -> Slot | None:
    """The slot of a match of _PLACE, None when what it found is no place;
    ``offset``: where the text the slot is in starts in the text matched."""
    place = match.group("place")
    first = place.split()[0].lower()
    if first in _NOT_PLACE or first in _MONTHS or first in _WEEKDAYS:
        return None
    return Slot("place", fold(place), match.start("place") - offset, match.end("place") - offset,
                prep=match.group("prep"))


def _place_matches(text: str) -> Iterator[re.Match]:
    """The matches of ``_PLACE.finditer(text)``, found twice as fast in a long text.

    Each preposition's expression gives its next match; the earliest that
    starts a word and does not overlap the last one taken is _PLACE's next
    match (no two prepositions match at one place). One that does not is
    searched for again after it: a heap keeps the earliest first.
    """
    pending = []
    for index, pattern in enumerate(_PLACE_AFTER):
        match = pattern.search(text)
        if match is not None:
            pending.append((match.start(), index, match))
    heapq.heapify(pending)
    taken_to = 0
    while pending:
        start, index, match = pending[0]
        if start >= taken_to and (start == 0 or not _is_word_char(text[start - 1])):
            yield match
            taken_to = match.end()
            match = _PLACE_AFTER[index].search(text, taken_to)
        else:
            match = _PLACE_AFTER[index].search(text, max(taken_to, start + 1))
        if match is None:
            heapq.heappop(pending)
        else:
            heapq.heapreplace(pending, (match.start(), index, match))


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches."""
    return char.isalnum() or char == "_"


_ENTRY = re.compile(r"(?:,?\s*\d{4})?\s*:")


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i].isspace():  # (walk back, not copy the text before)
        i -= 1
    return i < 0 or text[i] in ".!?:\n"


_ALL_KINDS = frozenset({"weekday", "date", "place"})


def _clauses(units: list[TextUnit], texts: list[str], kinds: frozenset[str] = _ALL_KINDS) -> list[Clause]:
    """The sentences of each text (its unit's text, or the start of it) that
    hold a weekday, date or place of the wanted kinds."""
    joined = Joined(texts)
    slots_by_text: dict[int, list[Slot]] = {}
    for kind, read in (("weekday", _weekdays), ("date", _dates), ("place", _places), ("place", _places_of)):
        if kind in kinds:
            for i, slot in read(joined):
                slots_by_text.setdefault(i, []).append(slot)
    out = []
    for i in sorted(slots_by_text):
        unit, text, slots = units[i], texts[i], slots_by_text[i]
        for s0, s1 in sentence_spans(text):
            inside = [x for x in slots if s0 <= x.start and x.end <= s1]
            if inside:
                out.append(Clause(unit, s0, s1, inside, text))
    return out


def _content_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, stem) of the content words of ``text[start:end]``."""
    words = []
    stems = _STEMS  # (looked up here first: a call per word of every sentence adds up)
    for m in _WORD.finditer(text, start, end):
        raw = m.group()
        stem = stems.get(raw, False)
        if stem is False:
            stem = _stem(raw)
        if stem is not None:
            words.append((m.start(), m.end(), stem))
    return words


def _content_stems(text: str, start: int, end: int) -> set[str]:
    """The stems of _content_words, without their places (one findall, no match objects)."""
    words = _WORD.findall(text, start, end)
    try:
        # Every word already in the memo (the usual case): no Python-level loop.
        out = set(map(_STEMS.__getitem__, words))
    except KeyError:
        out = set(map(_stem, words))
    out.discard(None)
    return out


# A weekday or date after these words is a bound or a habit, not the day of the event.
_NOT_A_POINT = frozenset("since until till by before after from through to between and or every "
                         "each next last this following until".split())
_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")


def _word_before(text: str, start: int) -> str:
    match = _BEFORE.search(text, max(0, start - 20), start)
    return match.group(1).lower() if match else ""


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    captions = article.caption_units()
    if not captions:
        return
    body = article.body_units()
    body_words = _Words("\n".join(u.text for u in body).lower())
    spelled: set[tuple[str | None, int]] = set()
    for finding in _names(article, ctx, body_words):
        spelled.add((finding.target.block_id, finding.target.start))
        yield finding
    if len(captions) <= _BROAD_CAPTIONS:
        yield from _other_name_slips(article, ctx, captions, body, body_words, spelled)
    if primary_language(article.language) != "en":
        return  # weekdays, months and prepositions are read in English only
    # Captions first: most name no weekday, date or place, and then the body
    # need not be read at all.
    caption_units, caption_texts = [], []
    seen_captions: set[str] = set()
    for unit in captions:
        caption_end = len(article.block(unit.block_id).caption_text)
        key = unit.text[:caption_end]
        if not key.strip() or key in seen_captions:
            continue  # a repeated caption is the repeated-caption check's business
        if _OLD_PHOTO_HINT.search(unit.text) and _OLD_PHOTO.search(unit.text):
            continue  # a file photo: of another day, place or event
        seen_captions.add(key)
        caption_units.append(unit)
        caption_texts.append(key)
    caption_clauses = _clauses(caption_units, caption_texts)
    # A place the body names anywhere is never reported (see _contradiction).
    places = [clause.unit.text[slot.start:slot.end]
              for clause in caption_clauses for slot in clause.slots if slot.kind == "place"]
    if body_words.costs_little(len(places)):
        # Drop those now: their words need not be looked for in the body.
        body_words.expect(len(places))
        for clause in caption_clauses:
            text = clause.unit.text
            clause.slots = [slot for slot in clause.slots
                            if slot.kind != "place" or not body_words.mentions(text[slot.start:slot.end])]
    elif all(map(body_words.mentions, places)):
        # Asking for each place of a long gallery would mean collecting every
        # word of a long body: ask only whether any is left to compare (else
        # the body need not be read for places at all), and for a place about
        # to be reported.
        for clause in caption_clauses:
            clause.slots = [slot for slot in clause.slots if slot.kind != "place"]
    kinds = frozenset(slot.kind for clause in caption_clauses for slot in clause.slots)
    if not kinds:
        return
    broad = len(caption_clauses) <= _BROAD_CAPTIONS and any(
        # The broad reading places only "the <noun> in X" (see _Broad._place):
        # when no caption slot is a day or such a place, it cannot find
        # anything, and the body need not be read for it (all caption words).
        slot.kind in _DAY_KINDS or _noun_before(clause, slot, definite=True) is not None
        for clause in caption_clauses for slot in clause.slots)
    if broad and kinds & _DAY_KINDS:
        kinds |= _DAY_KINDS  # a caption's weekday is compared with a body's date, and back
    # A body clause is only ever compared with a caption slot through the
    # postings of the words near that slot, and only for a slot with two or
    # more (too few say nothing of which event). A paragraph that has none of
    # those stems cannot give such a clause, and when the captions bring few
    # of them, looking for each costs less than reading the paragraph's clauses.
    compared: list[tuple[Clause, Slot, set[str]]] = []
    near_stems: set[str] = set()
    for clause in caption_clauses:
        for slot in clause.slots:
            near = clause.near(slot)
            if len(near) >= 2:
                compared.append((clause, slot, near))
                near_stems |= near
    # The broad reading below compares every content word of the captions.
    wanted = near_stems
    if broad:
        wanted = set()
        for clause in caption_clauses:
            wanted |= clause.stems()
    if not wanted:
        return
    if len(wanted) <= _FEW_NEAR_STEMS:
        body = [unit for unit in body if not _lacks_all(unit.text, wanted)]
    body_clauses = _clauses(body, [unit.text for unit in body], kinds)
    if not body_clauses and not broad:
        return  # (the event reading reads every body sentence itself: a day may be the story's)
    # An index from content word to the body clauses that use it, so each
    # caption is compared only with the clauses that share its words. Only
    # stems near a caption slot are ever looked up (see _contradiction), so
    # only theirs are kept: a long body has thousands of others.
    postings: dict[str, list[int]] = {}
    for i, clause in enumerate(body_clauses):
        for stem in near_stems.intersection(clause.stems()):
            postings.setdefault(stem, []).append(i)
    # The first word of each place the body names ("at the Gdańsk Shakespeare
    # Theatre"): such a word before the name of an event places it ("the Gdańsk
    # Shakespeare Festival").
    body_places = {str(slot.value).split()[0] for clause in body_clauses
                   for slot in clause.slots if slot.kind == "place"}
    flagged: set[int] = set()
    for clause, slot, near in compared:
        finding = _contradiction(clause, slot, near, body_clauses, postings, body_places)
        if finding is not None and (
                slot.kind != "place" or not body_words.mentions(clause.unit.text[slot.start:slot.end])):
            flagged.add(id(slot))
            yield finding
    # The broad reading: the same event told with other words around the day or
    # place ("Ms Lehtinen ... arrived in Kyiv on Tuesday" for "Aino Lehtinen ...
    # at a damaged substation near Kyiv on Monday"), and a weekday against a date.
    rest = [(clause, slot) for clause in caption_clauses for slot in clause.slots if id(slot) not in flagged]
    if rest and broad:
        whole = _DAY_KINDS <= kinds and len(body) == len(article.body_units())  # (none filtered out)
        reading = _Broad(article, ctx, body_clauses, whole)
        # Then the event reading: a body sentence about the caption's event by the
        # words the two share across tenses and forms ("arrive" and "arrived"),
        # dated by itself or by the story's one day (see _Event).
        events = None
        if sum(len(unit.text) for unit in article.body_units()) <= _EVENT_BODY_CHARS:
            events = _Event(reading, body, body_clauses, "place" in kinds)
        for clause, slot in rest:
            finding = reading.contradiction(clause, slot)
            if finding is None and events is not None:
                finding = events.contradiction(clause, slot)
            if finding is not None and (
                    slot.kind != "place" or not body_words.mentions(clause.unit.text[slot.start:slot.end])):
                yield finding


# Up to this many stems near caption slots, a paragraph is searched for each
# before its clauses are read (a substring test each, against a regex pass and
# a stem per word).
_FEW_NEAR_STEMS = 40


def _lacks_all(text: str, stems: set[str]) -> bool:
    """Whether ``text`` surely has a word of none of ``stems``."""
    searchable = _searchable(text)
    return searchable is not None and not any(map(searchable.__contains__, stems))


def _searchable(text: str) -> str | None:
    """``text`` in lower case with "’" as "'", as fold() writes it: every stem of
    its words (a prefix of the word's fold()) is a substring of it. None when it
    has non-ASCII characters besides typographic marks no word holds, whose
    folding this does not follow."""
    if not text.isascii():
        # (Chained replaces: each a C-level pass, where translate() looks up every character.)
        text = (text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
                .replace("—", "-").replace("–", "-").replace("…", ".").replace("\u00a0", " "))
        if not text.isascii():
            return None
    return text.lower()


_ALNUM = re.compile(r"[^\W_]+")  # a run of str.isalnum() characters
_SEARCHES = 32
_LITTLE_SEARCHING = 1_000_000  # characters searched


class _Words:
    """Whole-word look-ups (as _mentions) in one lower-cased text, many per article.

    The first few are plain substring searches; after that the text's words
    are collected once, so a gallery of 500 captions does not search the
    body 500 times.
    """

    def __init__(self, text: str):
        self.text = text
        self.words: set[str] | None = None
        self.searches = 0
        # Phrases the words alone did not settle ("Gaza Strip"), each a search of
        # the whole text: a gallery names the same places in many captions.
        self.searched: dict[str, bool] = {}

    def costs_little(self, lookups: int) -> bool:
        """Whether ``lookups`` more look-ups cost little (about a millisecond at
        most): the text's words are collected, or it is short."""
        return self.words is not None or min(lookups, _SEARCHES) * len(self.text) <= _LITTLE_SEARCHING

    def expect(self, lookups: int) -> None:
        """Collect the words now if ``lookups`` more would pass the searches' limit
        anyway: the searches before it would cost as much again."""
        if self.words is None and self.searches + lookups > _SEARCHES:
            self.words = _alnum_runs(self.text)

    def mentions(self, phrase: str) -> bool:
        if self.words is None:
            self.searches += 1
            if self.searches <= _SEARCHES:
                return _mentions(self.text, phrase)
            self.words = _alnum_runs(self.text)
        low = phrase.lower()
        head = _ALNUM.match(low)
        if head is not None:
            if head.end() == len(low):
                return low in self.words  # one word: it must be one of the text's words
            if head.group() not in self.words:
                return False  # the phrase's first word never stands alone in the text
        found = self.searched.get(low)
        if found is None:
            found = self.searched[low] = _mentions(self.text, phrase)  # (it reads phrase.lower())
        return found


# ASCII bytes that are not letters or digits, as spaces; every other byte kept.
_ASCII_NON_ALNUM_TO_SPACE = bytes.maketrans(
    bytes(b for b in range(128) if not chr(b).isalnum()),
    b" " * sum(1 for b in range(128) if not chr(b).isalnum()))


def _alnum_runs(text: str) -> set[str]:
    """Every maximal run of letters and digits in ``text`` (as _ALNUM finds them).

    The text's ASCII non-alphanumerics become spaces with C-level byte
    operations, and a plain split cuts it there (and at other spaces); only
    the few pieces holding other characters ("don’t", "são") are split
    further by the expression, which is slow over a whole long body.
    """
    spaced = (text.encode("utf-8", "surrogatepass")  # (a lone surrogate from JSON input)
              .translate(_ASCII_NON_ALNUM_TO_SPACE).decode("utf-8", "surrogatepass"))
    runs = set(spaced.split())
    mixed = [piece for piece in runs if not piece.isascii()]
    runs.difference_update(mixed)
    for piece in mixed:
        runs.update(_ALNUM.findall(piece))
    return runs


def _mentions(text: str, phrase: str) -> bool:
    """Whether ``text`` (lower case) has ``phrase`` as whole words, in any case."""
    phrase = phrase.lower()
    at = text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(phrase, at + 1)
    return False


def _contradiction(caption: Clause, slot: Slot, near: set[str], body: list[Clause],
                   postings: dict[str, list[int]], body_places: frozenset[str] | set[str] = frozenset()
                   ) -> Annotation | None:
    """What the body says against a caption's slot, with ``near``, the caption's
    content words around it (two or more), if anything."""
    whole = caption.stems(exclude=slot)
    candidates: set[int] = set()
    for stem in near:
        hits = postings.get(stem, ())
        if len(hits) <= _COMMON_POSTINGS:
            candidates.update(hits)
    head = caption.head(slot)
    agree = False
    differ: list[tuple[Clause, Slot]] = []
    caption_text = caption.text[caption.start:caption.end]
    caption_when: set[str] | None = None
    proper: set[str] | None = None
    placed: set[str] | None = None
    alike: list[Clause] = []  # the body sentences that share the caption's words
    for i in sorted(candidates):
        clause = body[i]
        # What any of its slots could share is within the clause's stems (already
        # read for the postings): most candidates fall short, and then where each
        # of their words is need not be read.
        stems = clause.stems()
        if len(near & stems) < 2 or len(whole & stems) < _SHARED:
            continue
        alike.append(clause)
        for other in clause.slots:
            if other.kind != slot.kind or (slot.kind == "place" and not _same_prep(slot.prep, other.prep)):
                continue
            shared = whole & clause.stems(exclude=other)
            if len(shared) < _SHARED:
                continue
            if other.value == slot.value or (slot.kind == "place" and _places_overlap(slot, other)):
                if slot.kind != "place" and _bound_elsewhere(caption, slot, near, head, clause, other):
                    continue  # "arrived on Tuesday and held talks on Wednesday": another action's day
                # The body tells of the caption's day or place in a sentence sharing
                # its words: perhaps not the same sentence, but no contradiction.
                agree = True
                continue
            shared_near = near & clause.near(other)
            if len(shared_near) < 2:
                continue
            body_text = clause.text[clause.start:clause.end]
            if slot.kind != "place" and _future_against_past(caption, slot, clause, other):
                continue  # "will vote on Thursday": not yet the photo's
            if slot.kind != "place" and (_tells_of_that_day(body_text, slot, other)
                                         or _tells_of_that_day(caption_text, slot, other)):
                continue  # "on Tuesday, a day after ...": one of them tells of the other's day too
            if caption_when is None:
                caption_when = _when(caption_text)
            if caption_when and not caption_when.issubset(_when(body_text)):
                continue  # "in 2023", "last year": another time than the sentence's
            if slot.kind == "place" and _mentions(caption_text.lower(),
                                                  clause.unit.text[other.start:other.end]):
                continue  # the caption names the body's place elsewhere ("Tehran, Iran")
            if _another_event(caption, slot, clause):
                continue  # another day and another place: another session, another visit
            common = head & clause.head(other)
            if common:
                if placed is None:
                    placed = caption.placed()
                if common - placed or (head - placed) & stems:
                    # The same verb or noun governs both ("travelled to Iraq on ..."). A
                    # place's name alone between them is not the same action ("search
                    # the water ... in the Marlborough Sounds" and "was found in the
                    # Marlborough Sounds"), unless the caption's own word before that
                    # place is in the body sentence too ("the funeral at St Paul's").
                    differ.append((clause, other))
                    continue
            # Or the two name the same people at the same place, with other verbs
            # ("Murphy arrives at Southwark Crown Court on Monday" and "Murphy ...
            # appeared at Southwark Crown Court on Tuesday"): two or more names
            # around the slot, and one more elsewhere (the person).
            if proper is None:
                proper = caption.proper(slot)
            names = proper & clause.proper(other)
            if len(names & shared_near) >= 2 and names - shared_near:
                differ.append((clause, other))
    if agree:
        return None
    if not differ and slot.kind == "place" and body_places:
        differ = _placed_by_name(caption, slot, alike, body_places)
    differ = [pair for pair in differ if not _not_the_body_action(caption, slot, pair[0])]
    if not differ:
        return None
    if len({str(o.value) for _, o in differ}) > 1:
        return None  # the body tells of several days or places for such events: which one?
    return _differs(caption, slot, differ)


def _another_event(caption: Clause, slot: Slot, clause: Clause) -> bool:
    """Whether a body sentence differs from the caption in both day and place: for a
    caption's day, the caption also places its photo where the body sentence does
    not, and the body sentence places its action where the caption does not
    ("training in Durban on Tuesday" against "trained in Cape Town on Monday");
    for a caption's place, the two give different days. Two differences tell of
    two events more likely than of two slips."""
    caption_low = caption.text[caption.start:caption.end].lower()
    body_low = clause.text[clause.start:clause.end].lower()
    if slot.kind == "place":
        mine = {(o.kind, o.value) for o in caption.slots if o.kind in _DAY_KINDS}
        theirs = {(o.kind, o.value) for o in clause.slots if o.kind in _DAY_KINDS}
        # (A weekday is compared with a weekday, a date with a date.)
        return any(not {m for m in mine if m[0] == kind} & {t for t in theirs if t[0] == kind}
                   for kind in {k for k, _ in mine} & {k for k, _ in theirs})
    mine_places = [o for o in caption.slots if o.kind == "place"
                   and not _mentions(body_low, caption.text[o.start:o.end])]
    if not mine_places:
        return False
    return any(_same_prep(a.prep, b.prep) for b in clause.slots if b.kind == "place"
               and not _mentions(caption_low, clause.text[b.start:b.end]) for a in mine_places)


def _differs(caption: Clause, slot: Slot, differ: list[tuple[Clause, Slot]]) -> Annotation:
    """The finding for a caption slot the body contradicts (both readings): it
    points at the caption, with every contradicting body slot in ``related``. Only a
    weekday against a weekday gets a suggestion: a date is no drop-in for it."""
    clause, other = differ[0]
    target = caption.unit.span(slot.start, slot.end)
    body_value = clause.unit.text[other.start:other.end]
    related = [c.unit.span(o.start, o.end) for c, o in differ]
    data = {"caption": target.quote, "body": body_value}
    if slot.kind == "weekday":
        return WEEKDAY_DIFFERS.at(target, f"The caption says {target.quote}; the body says {body_value} "
                                          "for the same event.", related=related,
                                  suggestion=(Suggestion("replace", body_value)
                                              if other.kind == "weekday" else None),
                                  data=data)
    if slot.kind == "date":
        return DATE_DIFFERS.at(target, f"The caption says {target.quote}; the body says {body_value} "
                                       "for the same event.", related=related, data=data)
    return PLACE_DIFFERS.at(target, f"The caption places this in {target.quote}; the body says "
                                    f"{body_value}.", related=related, data=data)


def _bound_elsewhere(caption: Clause, slot: Slot, near: set[str], head: set[str],
                     clause: Clause, same: Slot) -> bool:
    """Whether the caption's day, given in a body sentence of several days, is
    there another action's: the caption's "arrived in Rabat on Wednesday"
    against "arrived in Rabat on Tuesday and held talks ... on Wednesday".
    Only when another day of the sentence has the caption's verb or noun (not
    merely a shared name) and two of its words around it, and the caption's
    own day has neither."""
    if head & clause.head(same) or len(near & clause.near(same)) >= 2:
        return False
    names = caption.proper(slot)
    for other in clause.slots:
        if other.kind != slot.kind or other.value == slot.value:
            continue
        if (head & clause.head(other)) - names and len(near & clause.near(other)) >= 2:
            return True
    return False


# A caption of an older photo ("File photo", "in 2023", "last year").
_OLD_PHOTO_HINT = re.compile("file|archive|library", re.IGNORECASE)  # (a fast scan first)
_OLD_PHOTO = re.compile(r"\b(?:file|archive|library)\s+(?:photo(?:graph)?|picture|image|pic)\b"
                        r"|\bfile\b\s*[)\]:]|\A\s*file\b|\(file\b", re.IGNORECASE)
# When a caption's photo was taken: a year, "last year". A body sentence that does
# not say the same tells of another time.
_WHEN = re.compile(r"\b(?:19|20)\d\d\b|\b(?:last|previous|earlier this)\s+(?:year|month|season|summer|"
                   r"winter|spring|autumn)\b|\b(?:years?|months?)\s+ago\b", re.IGNORECASE)
# A sentence that tells of a second day some days from its own: "on Tuesday, a
# day after ...", "the day before", "two days later".
_RELATIVE_DAY = re.compile(
    r"\b(?P<count>a|an|one|two|three|four|five|six|[1-6])\s+(?:days?|nights?)\s+"
    r"(?:after|before|earlier|later|previously)\b"
    r"|\bthe\s+(?:previous|next|following|preceding|prior)\s+(?:day|morning|afternoon|evening|night)\b"
    r"|\bthe\s+(?:day|night|evening|morning)\s+(?:after|before)\b|\bon\s+the\s+eve\s+of\b",
    re.IGNORECASE)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _when(text: str) -> set[str]:
    return {" ".join(m.lower().split()) for m in _WHEN.findall(text)}


def _days_apart(slot: Slot, other: Slot) -> int | None:
    """How many days lie between two weekdays (the nearer way) or two dates."""
    if slot.kind == "weekday":
        gap = abs(_WEEKDAYS.index(str(slot.value)) - _WEEKDAYS.index(str(other.value)))
        return min(gap, 7 - gap)
    if slot.kind == "date":
        return _apart(slot.value, other.value)  # type: ignore[arg-type]  # (the nearer way round the year)
    return None


def _tells_of_that_day(body_text: str, slot: Slot, other: Slot) -> bool:
    """Whether the body sentence also tells of the day some days from its own
    that the caption gives ("on Tuesday, a day after ..." for a caption's Monday)."""
    apart = _days_apart(slot, other)
    if apart is None:
        return False
    for match in _RELATIVE_DAY.finditer(body_text):
        count = match.group("count")
        if (_COUNTS.get(count.lower(), 0) if count and not count.isdigit()
                else int(count) if count else 1) == apart:
            return True
    return False


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")


def _placed_by_name(caption: Clause, slot: Slot, alike: list[Clause],
                    body_places: set[str]) -> list[tuple[Clause, Slot]]:
    """Where body sentences about the caption's event place it by a name: the
    caption's "the Shakespeare festival in Gdynia" against the body's "the
    Gdańsk Shakespeare Festival", where Gdańsk is a place the body names
    ("at the Gdańsk Shakespeare Theatre") and the caption never does."""
    before = [(s, e, w) for s, e, w in caption.words if e <= slot.start][-1:]
    if not before or not _PLACE_PREP_ONLY.fullmatch(caption.text, before[0][1], slot.start):
        return []  # the place must follow the noun it places: "festival in Gdynia"
    noun = before[0][2]
    caption_text = caption.text[caption.start:caption.end].lower()
    out = []
    for clause in alike:
        if clause._named is None:
            clause._named = _named_places(clause, body_places)
        for place, nouns in clause._named:
            if noun in nouns and not _mentions(caption_text, clause.text[place.start:place.end]):
                out.append((clause, place))
    return out


def _named_places(clause: Clause, body_places: set[str]) -> list[tuple[Slot, set[str]]]:
    """Each capitalised word of the clause that is a place the body names, with
    the stems of the (up to three) capitalised words right after it."""
    text = clause.text
    words = list(_CAPITALISED.finditer(text, clause.start, clause.end))
    out = []
    for i, word in enumerate(words[:-1]):
        name = fold(word.group())
        if name not in body_places:
            continue
        nouns = set()
        end = word.end()
        for following in words[i + 1:i + 4]:
            if text[end:following.start()].strip():
                break
            end = following.end()
            nouns.add(_stem(following.group()))
        if nouns:
            out.append((Slot("place", name, word.start(), word.end()), nouns))
    return out


# The prepositions that place a thing at a place (not "to", "from": "speaks to Starmer").
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "into"})
_PLACE_PREP_ONLY = re.compile(r"\s+(?:in|at|near|outside)\s+(?:the\s+)?")
_NOUN_PREP_ONLY = re.compile(r"\s+(?:in|at|near|outside|of)\s+(?:the\s+)?")


def _same_prep(a: str, b: str) -> bool:
    groups = ({"in", "at", "near", "outside"}, {"to", "into"}, {"from"})
    return any(a in g and b in g for g in groups)


def _places_overlap(a: Slot, b: Slot) -> bool:
    """"Tehran, Iran" and "Iran"; "the Gaza Strip" and "Gaza": one contains the other."""
    wa, wb = set(re.split(r"[\s-]+", str(a.value))), set(re.split(r"[\s-]+", str(b.value)))
    return bool(wa & wb)


def _names(article: Article, ctx: Context, body_words: "_Words") -> Iterator[Annotation]:
    equivalents = equivalence_map(ctx.option("name-consistency", "equivalents", ()))
    # Captions first: when the body writes every caption surname exactly as the
    # caption does, no caption spelling is odd (and if the body itself is not
    # consistent, name-consistency says so there), so the body need not be read.
    in_caption_only = read_names(article, equivalents, frozenset({CAPTION}))
    # Full names are compared part by part only in articles with few captions: a
    # gallery's body would be read for names at every given name it does not use.
    full_names = len(article.caption_units()) <= _BROAD_CAPTIONS
    if all(body_words.mentions(s.raw[0][_RAW_SURNAME]) for s in in_caption_only.spellings.values()) and (
            # (and every given name: "Jonathon Pryce" against the body's "Jonathan Pryce")
            not full_names or all(raw[_RAW_GIVEN] is None or body_words.mentions(raw[_RAW_GIVEN])
                                  for s in in_caption_only.spellings.values() for raw in s.raw)):
        return
    # The whole article: only the rest is read, the captions' reading is added
    # (and name-consistency then reads the same reading).
    names = read_names(article, equivalents, NAME_KINDS)
    # Every spelling with a caption mention came from the captions' reading (the
    # rest read no captions), so its keys need not be found among all spellings.
    in_captions = list(in_caption_only.spellings)
    if not in_captions:
        return
    flagged: set[tuple[int, int]] = set()
    for group in spelling_groups(names, primary_language(article.language), in_captions):
        body_mentions = [m for m in group.majority.mentions if m.unit.kind in BODY_KINDS]
        if not body_mentions:
            continue  # nothing in the body to agree with: name-consistency's business
        right = group.majority.written
        for variant in group.variants:
            if written_as_place(variant):
                continue  # "in Austin" beside Jane Austen: a place, not a misspelt surname
            for mention in variant.mentions:
                if mention.unit.kind != CAPTION:
                    continue
                flagged.add((id(mention.unit), mention.start))
                yield NAME_SPELLING.at(
                    mention.target,
                    f"The caption spells '{mention.surname}'; the body spells it '{right}'.",
                    related=[m.target for m in body_mentions][:20],
                    suggestion=Suggestion("replace", right),
                    data={"caption": mention.surname, "body": right},
                )
    if full_names:
        yield from _full_name_slips(names, in_caption_only, body_words, flagged)


# A capitalised word, not at a sentence's start ("in Antananarvio").
_NAME_WORD = re.compile(r"(?<=[\w,;)] )[A-Z\u00c0-\u00de][\w'’-]*[\w]")
_MIN_NAME = 6
_MONTHS_AND_DAYS = frozenset(_WEEKDAYS) | frozenset(
    "january february march april june july august september october november december".split())


def _other_name_slips(article: Article, ctx: Context, captions: list[TextUnit], body: list[TextUnit],
                      body_words: _Words, spelled: set[tuple[str | None, int]]) -> Iterator[Annotation]:
    """A name of a place or anything else (not a person's: the name reading has
    those) that a caption spells one letter off the body's spelling: one letter
    left out, added, changed, or two neighbours swapped ("Antananarvio" for the
    body's "Antananarivo", "Huehuetenago" for "Huehuetenango"). Only names of six
    letters or more, never written the caption's way anywhere in the story, and
    with one such body name only. The two must name the same kind of thing: a
    caption's name of several words is the body's with the same next word
    ("Columbia University" is not a slip for the body's "Colombia"), and a
    place ("in Austin", "to Kendal") is not a person's surname the body gives
    with a given name or title ("Jane Austen", "Liz Kendall")."""
    language = primary_language(article.language)
    if language != "en":
        return  # (other word lists take ~0.4 s to load; English's is loaded for the name reading)
    names: set[str] | None = None  # the body's, read when a caption word needs them
    for unit in captions:
        for match in _NAME_WORD.finditer(unit.text):
            written = match.group()
            if written.endswith(("'s", "’s")):
                written = written[:-2]
            if len(written) < _MIN_NAME:
                continue
            before = _WORD_BEFORE.search(unit.text, max(0, match.start() - 40), match.start())
            if before is not None and before.group(1)[0].isupper():
                continue  # a name of several words ("Erik Nielsen"): mostly a person's, the name reading's
            if ((unit.block_id, match.start()) in spelled
                    or fold(written) in _MONTHS_AND_DAYS or body_words.mentions(written)
                    or _mentions(fold(article.headline or ""), written)
                    or _mentions(fold(article.standfirst or ""), written)):
                continue
            if names is None:
                names = _body_names(body)
            near = {w for w in names if _one_letter_off(fold(written), fold(w))}
            if len(near) != 1 or known_word(fold(written), language) is not False:
                continue  # a real word (asked last: the slowest question)
            right = near.pop()
            in_body = [(u, m) for u in body for m in re.finditer(rf"(?<!\w){re.escape(right)}(?!\w)", u.text)]
            after = _next_name(unit.text, match.end())
            if after is not None and all(_next_name(u.text, m.end()) != after for u, m in in_body):
                continue  # "Columbia University" against "Colombia": another name
            if (before is not None and before.group(1).lower() in _PREPOSITIONS
                    and _a_persons_surname(article, ctx, right)):
                continue  # "in Austin" against "Jane Austen"
            related = [u.span(m.start(), m.end()) for u, m in in_body][:20]
            yield NAME_SPELLING.at(
                unit.span(match.start(), match.start() + len(written)),
                f"The caption spells '{written}'; the body spells it '{right}'.",
                related=related, suggestion=Suggestion("replace", right),
                data={"caption": written, "body": right})


_NEXT_NAME = re.compile(r"[ \u00a0]+([A-Z\u00c0-\u00de][\w'’-]*)")


def _next_name(text: str, end: int) -> str | None:
    """The capitalised word right after a name ending at ``end`` ("Columbia University")."""
    match = _NEXT_NAME.match(text, end)
    return match.group(1) if match else None


def _a_persons_surname(article: Article, ctx: Context, word: str) -> bool:
    """Whether the article gives ``word`` as a person's surname: after a given
    name or a title somewhere (the name reading's, shared with name-consistency)."""
    equivalents = equivalence_map(ctx.option("name-consistency", "equivalents", ()))
    spelling = read_names(article, equivalents, NAME_KINDS).spellings.get(fold(word))
    return spelling is not None and any(raw[_RAW_GIVEN] is not None or raw[_RAW_TITLED]
                                        for raw in spelling.raw)


def _body_names(body: list[TextUnit]) -> set[str]:
    """The body's capitalised words of six letters or more, not at a sentence's start."""
    words = {m.group() for u in body for m in _NAME_WORD.finditer(u.text)}
    words = {w[:-2] if w.endswith(("'s", "’s")) else w for w in words}
    return {w for w in words if len(w) >= _MIN_NAME}


def _one_letter_off(a: str, b: str) -> bool:
    """Whether two folded words are one slip of the keyboard apart: a letter left
    out or added, or two neighbours swapped, after the same first letter. Not a
    letter changed: that is how two real names differ ("Harlow", "Harrow";
    "Boston", "Bolton"), and not two forms of one word: one the other with an
    ending or another last letter ("Kenya", "Kenyan"; "Honduras", "Honduran";
    "Argentina", "Argentine"), the same but for hyphens ("Kesselfestival",
    "Kessel-Festival"), or a doctrine and its follower ("Communism", "Communist")."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    shared = _common_prefix(a, b)
    if shared >= min(len(a), len(b)) - 1:
        return False
    if a.replace("-", "") == b.replace("-", "") or {a[-3:], b[-3:]} == {"ism", "ist"}:
        return False
    if len(a) == len(b):
        i = shared
        return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return short[shared:] == long[shared + 1:]


def _common_prefix(a: str, b: str) -> int:
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return i


def _near_spelling(a: str, b: str) -> bool:
    """Two spellings of one name: the same first letter, and one letter apart (two
    for names of seven letters or more)."""
    if a == b or len(a) < 4 or len(b) < 4 or a[0] != b[0]:
        return False
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    return distance(a, b, limit) <= limit


def _vowel_slip(a: str, b: str) -> bool:
    """Two spellings of one given name of six letters or more: the same first and
    last letters, other vowels or a letter doubled ("Jonathon", "Jonathan";
    "Michele", "Michelle"). Not "Daniel" and "Daniela", "Mario" and "Maria":
    two people of one family."""
    return (a != b and min(len(a), len(b)) >= 6 and a[0] == b[0] and a[-1] == b[-1]
            and _skeleton(a) == _skeleton(b))


def _skeleton(name: str) -> str:
    consonants = [c for c in name if c not in "aeiouy"]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")

# Where a mention kept as a tuple (Spelling.raw) holds each field: Mention's
# fields in order, its unit given by its index in Spelling.units.
_MENTION_FIELDS = [field.name for field in fields(Mention)]
_RAW_UNIT = _MENTION_FIELDS.index("unit")
_RAW_START = _MENTION_FIELDS.index("start")
_RAW_END = _MENTION_FIELDS.index("end")
_RAW_SURNAME = _MENTION_FIELDS.index("surname")
_RAW_KEY = _MENTION_FIELDS.index("key")
_RAW_GIVEN = _MENTION_FIELDS.index("given")
_RAW_TITLED = _MENTION_FIELDS.index("titled")


def _full_name_slips(names: Names, in_captions: Names, body_words: _Words,
                     flagged: set[tuple[int, int]]) -> Iterator[Annotation]:
    """A caption's full name that is one body person's with one part spelled
    differently: the given name ("Jonathon Pryce" for the body's "Jonathan
    Pryce", see _vowel_slip) or the surname ("Jonathan Price"), when the body
    never writes the caption's spelling (else it may be another person: "Mark
    and Mary Smith") and names no one else so near."""
    # (From the spellings' tuples: Mention objects built for every name of a long
    # body would be kept by the reading, which other families share, to the end.)
    # (given name, surname key) -> the body's mentions of that person
    body_people: dict[tuple[str, str], list] = {}
    for spelling in names.spellings.values():
        for raw in spelling.raw:
            if raw[_RAW_GIVEN] and spelling.units[raw[_RAW_UNIT]].kind in BODY_KINDS:
                body_people.setdefault((raw[_RAW_GIVEN], raw[_RAW_KEY]), []).append((spelling, raw))
    if not body_people:
        return
    for mention in in_captions.mentions:
        if not mention.given or (mention.given, mention.key) in body_people:
            continue
        near = [person for person in body_people
                if (person[1] == mention.key and _vowel_slip(mention.given, person[0]))
                or (person[0] == mention.given and _near_spelling(mention.key, person[1]))]
        if len(near) != 1:
            continue
        given, key = near[0]
        spelling, raw = body_people[near[0]][0]
        body_mention = Mention(spelling.units[raw[_RAW_UNIT]], *raw[_RAW_UNIT + 1:])
        text = mention.unit.text
        if key == mention.key:
            before = _WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start)
            if before is None or fold(before.group(1)) != mention.given:
                continue
            start, end = before.span(1)
            theirs = _WORD_BEFORE.search(body_mention.unit.text, max(0, body_mention.start - 40),
                                         body_mention.start)
            if theirs is None:
                continue
            right = theirs.group(1)
        else:
            if (id(mention.unit), mention.start) in flagged:
                continue  # (already said by the spelling groups)
            start, end = mention.start, mention.end
            right = body_mention.surname
        written = text[start:end]
        if body_words.mentions(written) or fold(right) == fold(written):
            continue
        target = mention.unit.span(start, end)
        yield NAME_SPELLING.at(
            target, f"The caption spells '{written}'; the body spells it '{right}'.",
            related=[spelling.units[raw[_RAW_UNIT]].span(raw[_RAW_START], raw[_RAW_END])
                     for spelling, raw in body_people[near[0]][:20]],
            suggestion=Suggestion("replace", right), data={"caption": written, "body": right})


# -- the broad reading ----------------------------------------------------------

_DAY_KINDS = frozenset({"weekday", "date"})
# Above this many caption sentences with a day or place (a gallery) only the narrow reading runs.
_BROAD_CAPTIONS = 30
# Content words a caption and a body sentence share to tell of one event, when
# neither the words around the day or place nor the verb need agree.
_SHARED_BROAD = 3
# A body sentence that speaks of the future before its day ("will vote on Wednesday").
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|due\s+to|expected\s+to|set\s+to|scheduled\s+to|plans?\s+to"
                            r"|going\s+to)\b", re.IGNORECASE)
# Words a name reading takes for a given name or surname that name a body or a
# building, not a person ("Southwark Crown Court", "Police Scotland").
_NOT_PERSON = frozenset("""
court courts crown sheriff magistrates house hall street road avenue square park stadium arena
station airport port council ministry department party university college school hospital church
cathedral mosque temple bridge centre center club festival theatre theater museum police commission
committee parliament assembly senate congress government agency company group bank city county
district province state region island islands river lake mountain valley village town airlines
federation union league cup championship
""".split())


def _apart(a: tuple[int, int], b: tuple[int, int]) -> int | None:
    try:
        gap = abs((date(2024, *a) - date(2024, *b)).days)  # (a leap year: 29 Feb)
    except ValueError:
        return None
    return min(gap, 366 - gap)


def _tells_of_days_apart(text: str, apart: int) -> bool:
    return apart in _days_told(text)


@lru_cache(maxsize=512)  # (a caption is asked about once per body sentence it is compared with)
def _days_told(text: str) -> frozenset[int]:
    """The numbers of days apart ``text`` tells of ("a day after", "two days earlier")."""
    out = set()
    for match in _RELATIVE_DAY.finditer(text):
        count = match.group("count")
        out.add(_COUNTS.get(count.lower(), 0) if count and not count.isdigit()
                else int(count) if count else 1)
    return frozenset(out)


class _Broad:
    """Compares a caption's day or place with every body sentence that tells of
    the same event by its words: the people it names (a surname), and enough
    other content words or the same noun before the place.

    A day is read as a key: a date is (month, day); a weekday is its name and,
    when the article has a date, the day it names counting back from it (the
    most recent such day on or before the article's date), so "on 22 May"
    agrees with "on Thursday" of an article of Friday 23 May 2025.
    """

    def __init__(self, article: Article, ctx: Context, body: list[Clause], whole: bool = False):
        """``body``: the body sentences holding a day or place, of every body
        paragraph when ``whole`` (else of those sharing a caption's words)."""
        self.article, self.ctx, self.body, self.whole = article, ctx, body, whole
        self.ref_day: date | None = None
        ref = article.reference_date
        if ref is not None and ref.value is not None:
            day = local_day(ref.value, ref.date_only, article.timezone, ctx.timezone)
            if 1900 <= day.year <= 2200:
                self.ref_day = day
        self._body_keys: set | None = None
        self._day_clauses: list[Clause] | None = None
        self._people: dict[int, list] | None = None

    # days
    def keys(self, slot: Slot) -> set:
        if slot.kind == "date":
            return {slot.value}
        out: set = {("wd", slot.value)}
        if self.ref_day is not None:
            back = (self.ref_day.weekday() - _WEEKDAYS.index(str(slot.value))) % 7
            day = self.ref_day - timedelta(days=back)
            out.add((day.month, day.day))
        return out

    @staticmethod
    def main(keys: set):
        """The key two days are compared by: the date when known, else the weekday."""
        dated = [k for k in keys if isinstance(k[0], int)]
        return dated[0] if dated else next(iter(keys))

    def day_clauses(self) -> list[Clause]:
        """The day-bearing sentences of every body paragraph, not only of those
        kept for sharing a caption's words: read once for body_keys and
        _person_day alike."""
        if self._day_clauses is None:
            if self.whole:
                # Already read with the days: the same sentences and day slots,
                # and their stems already collected.
                self._day_clauses = [clause for clause in self.body
                                     if any(slot.kind in _DAY_KINDS for slot in clause.slots)]
            else:
                units = self.article.body_units()
                self._day_clauses = _clauses(units, [unit.text for unit in units], _DAY_KINDS)
        return self._day_clauses

    def body_keys(self) -> set:
        if self._body_keys is None:
            # Every body paragraph's days: read once, when a day would be flagged.
            self._body_keys = set()
            for clause in self.day_clauses():
                for slot in clause.slots:
                    if slot.kind in _DAY_KINDS:
                        self._body_keys |= self.keys(slot)
        return self._body_keys

    def gives_another_day(self, mine: set) -> bool:
        """Whether the body gives a day that is not the caption's (of keys
        ``mine``): the only kind of day a finding can set against it."""
        return any(not mine & self.keys(slot) for clause in self.day_clauses()
                   for slot in clause.slots if slot.kind in _DAY_KINDS)

    # people
    def people(self, unit: TextUnit, start: int, end: int, caption: bool) -> set[str]:
        """The stems of the surnames of the people named in ``unit.text[start:end]``."""
        if self._people is None:
            equivalents = equivalence_map(self.ctx.option("name-consistency", "equivalents", ()))
            self._people = {}
            for m in read_names(self.article, equivalents, NAME_KINDS).mentions:
                self._people.setdefault(id(m.unit), []).append(m)
        out = set()
        for m in self._people.get(id(unit), ()):
            if not (start <= m.start < end) or not (m.given or m.titled):
                continue
            if not caption and not m.person_like:
                continue
            if fold(m.surname) in _NOT_PERSON or (m.given or "") in _NOT_PERSON:
                continue
            stem = _stem(m.surname)
            if stem is not None:
                out.add(stem)
        return out

    def same_people(self, caption: Clause, clause: Clause) -> bool:
        """False when the caption names people and the body sentence names others only."""
        mine = self.people(caption.unit, caption.start, caption.end, True)
        if not mine or mine & clause.stems():
            return True
        return not (self.people(clause.unit, clause.start, clause.end, False) - caption.stems())

    def day_keys(self, clause: Clause) -> set:
        """The keys of every day a sentence gives."""
        out: set = set()
        for o in clause.slots:
            if o.kind in _DAY_KINDS:
                out |= self.keys(o)
        return out

    def contradiction(self, caption: Clause, slot: Slot) -> Annotation | None:
        if slot.kind in _DAY_KINDS:
            return self._day(caption, slot)
        return self._place(caption, slot)

    def _day(self, caption: Clause, slot: Slot) -> Annotation | None:
        mine = self.keys(slot)
        if mine & self.body_keys():
            return None  # the body gives the caption's day somewhere: nothing is flagged (see below)
        key = self.main(mine)
        whole = caption.stems(exclude=slot)
        caption_text = caption.text[caption.start:caption.end]
        caption_when = _when(caption_text)
        caption_places: set[str] | None = None  # (read once, when first needed)
        differ: list[tuple[Clause, Slot]] = []
        for clause in self.body:
            if len(whole & clause.stems()) < _SHARED_BROAD:
                continue  # (its stems are read already: most sentences end here)
            days = [o for o in clause.slots if o.kind in _DAY_KINDS]
            if not days or len({self.main(self.keys(o)) for o in days}) > 1:
                continue  # no day, or several: which is the event's?
            other = days[0]
            theirs = self.main(self.keys(other))
            if type(theirs[0]) is not type(key[0]):
                continue  # a weekday and a date of an article without a date
            shared = whole & clause.stems(exclude=other)
            names = caption.proper(slot)
            if len(shared) < _SHARED_BROAD or not shared & names & clause.proper(other):
                continue
            if caption_places is None:
                caption_places = caption.placed()
            if len(shared - caption_places) < _SHARED_BROAD - 1:
                continue  # a place's name and one word ("Police divers at Loch Fyne"): the place alone
            if not shared - names and self.people(clause.unit, clause.start, clause.end, False):
                # Names alone, the body's people among them: the same people (and
                # place) at another action. (Of a sentence that names no one, the
                # caption's person may be its subject: "a former manager was jailed
                # at Paisley Sheriff Court".)
                continue
            body_text = clause.text[clause.start:clause.end]
            if _SPAN.search(body_text):
                continue  # "the three-day festival": the photo may be of any of its days
            if _future_against_past(caption, slot, clause, other):
                continue  # "will vote on Wednesday": not yet the photo's
            apart = (_apart(key, theirs) if isinstance(key[0], int) else _days_apart(slot, other))
            if apart is not None and (_tells_of_days_apart(body_text, apart)
                                      or _tells_of_days_apart(caption_text, apart)):
                continue  # "on Tuesday, a day after ...": one tells of the other's day too
            if caption_when and not caption_when.issubset(_when(body_text)):
                continue  # "in 2023", "last year": another time
            if not self.same_people(caption, clause):
                continue  # another person at the same court
            if _another_event(caption, slot, clause):
                continue  # another day and another place: another session, another visit
            differ.append((clause, other))
        if not differ and not caption_when:
            differ = self._person_day(caption, slot, key)
        # (The body never tells of the caption's day, not even of another moment: see above.)
        return _finding(caption, slot, differ, self)

    def _person_day(self, caption: Clause, slot: Slot, key) -> list[tuple[Clause, Slot]]:
        """The one body sentence that dates an action of the caption's person ("Keir
        Starmer gave a speech in Leeds on Thursday" for "Starmer speaks on Friday"),
        when the body dates no other action of theirs."""
        units = self.article.body_units()
        mine = self.people(caption.unit, caption.start, caption.end, True)
        if not mine:
            # A surname alone ("Starmer speaks on Friday") that the body gives a person.
            known: set[str] = set()
            for unit in units:
                known |= self.people(unit, 0, len(unit.text), True)  # (named in full)
            mine = known & caption.stems(exclude=slot)
        # A name the caption places something in is a place, not a person, even where
        # it reads like one ("in the Marlborough Sounds").
        mine = mine - caption.placed(_PLACE_PREPS)
        if len(mine) != 1:
            return []
        found: list[tuple[Clause, Slot]] = []
        for clause in self.day_clauses():
            if not mine & clause.stems():
                continue
            days = [o for o in clause.slots if o.kind in _DAY_KINDS]
            if not days:
                continue
            found.extend((clause, o) for o in days)
            if len({self.main(self.keys(o)) for _, o in found}) > 1:
                return []  # several days of that person's: which is the photo's?
        if not found:
            return []
        clause, other = found[0]
        if type(self.main(self.keys(other))[0]) is not type(key[0]):
            return []
        if _future_against_past(caption, slot, clause, other):
            return []
        theirs = self.main(self.keys(other))
        apart = _apart(key, theirs) if isinstance(key[0], int) else _days_apart(slot, other)
        if apart is not None and (_tells_of_days_apart(clause.text[clause.start:clause.end], apart)
                                  or _tells_of_days_apart(caption.text[caption.start:caption.end], apart)):
            return []  # "a day after ...": one tells of the other's day too
        if self.people(clause.unit, clause.start, clause.end, False) - mine:
            return []  # another person named in it: perhaps their action
        if _another_event(caption, slot, clause):
            return []  # another place too: another visit
        names = {_stem(part) for m in (self._people or {}).get(id(caption.unit), ())
                 if caption.start <= m.start < caption.end for part in (m.given or "", m.surname)}
        if not (caption.stems(exclude=slot) - mine - names) & clause.stems(exclude=other):
            return []  # only the name shared ("Smith campaigns on Tuesday"): perhaps an earlier day
        return found

    def _place(self, caption: Clause, slot: Slot) -> Annotation | None:
        whole = caption.stems(exclude=slot)
        caption_text = caption.text[caption.start:caption.end]
        caption_low = caption_text.lower()
        caption_when = _when(caption_text)
        noun = _noun_before(caption, slot, definite=True)
        if noun is None:
            return None  # only "the crane in Gdynia" is placed against "a crane in Gdansk"
        # The words of the caption's thing ("their final training session"): on the
        # same day, a body sentence whose verb or noun before its place is one of
        # them tells of that thing ("The squad trained in Gdańsk on Friday").
        phrase = _phrase_before(caption, slot)
        caption_days = self.day_keys(caption)
        differ: list[tuple[Clause, Slot]] = []
        for clause in self.body:
            named = noun in clause.stems()
            if not named and not (caption_days and phrase & clause.stems()):
                continue  # (its stems are read already: most sentences end here)
            clause_days = self.day_keys(clause)
            if caption_days and clause_days and not caption_days & clause_days:
                continue  # another day: perhaps another event
            same_day = bool(caption_days & clause_days)
            body_text = clause.text[clause.start:clause.end]
            for other in clause.slots:
                if (other.kind != "place" or not _same_prep(slot.prep, other.prep)
                        or _places_overlap(slot, other)):
                    continue
                if _mentions(caption_low, clause.unit.text[other.start:other.end]):
                    continue  # the caption names the body's place too
                shared = whole & clause.stems(exclude=other)
                theirs = _noun_before(clause, other)
                if theirs is None:
                    continue
                if theirs == noun and named:
                    if not (len(shared) >= 2 or same_day):
                        continue  # (shared words alone would take the same group's rallies in two cities)
                elif not (same_day and _of_phrase(theirs, phrase) and len(shared) >= 2):
                    continue  # another thing: the same day and the thing's own word are needed
                if caption_when and not caption_when.issubset(_when(body_text)):
                    continue
                if not self.same_people(caption, clause):
                    continue
                differ.append((clause, other))
        return _finding(caption, slot, differ, self)


def _future_against_past(caption: Clause, slot: Slot, clause: Clause, other: Slot) -> bool:
    """Whether the body speaks of the future before its day ("will vote on
    Thursday") and the caption does not: another moment than the photo's."""
    return (_FUTURE_BEFORE.search(clause.text, clause.start, other.start) is not None
            and _FUTURE_BEFORE.search(caption.text, caption.start, slot.start) is None)


def _noun_before(clause: Clause, slot: Slot, definite: bool = False) -> str | None:
    """The stem of the content word right before a place, when only its
    preposition stands between ("the restored crane in Gdynia"); with
    ``definite``, only a noun after "the" (one or two words before it): a
    thing the story has told of, where "a rally in Karachi" may be one of many
    and "arrive in" is a verb."""
    before = [(s, e, w) for s, e, w in clause.words if e <= slot.start][-1:]
    if not before or not _NOUN_PREP_ONLY.fullmatch(clause.text, before[0][1], slot.start):
        return None
    if clause.text[before[0][0]].isupper():
        return None  # a name, not the noun the place is of
    noun_at = before[0][0]
    if definite and not _DEFINITE_BEFORE.search(clause.text, max(clause.start, noun_at - 40), noun_at):
        return None
    return before[0][2]


_DETERMINER = r"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Oo]ur)\s+"
_DEFINITE_BEFORE = re.compile(_DETERMINER + r"(?:[a-z][\w'’-]*\s+){0,2}$")
# The words of a definite thing before a place: "(their) final training session (in)".
_PHRASE_BEFORE = re.compile(_DETERMINER + r"((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"
                            r"\s+(?:in|at|near|outside|of)\s+(?:the\s+)?$")


def _of_phrase(stem: str, phrase: set[str]) -> bool:
    """Whether a body's verb or noun is one of a caption phrase's words, or starts
    one ("rehearsed" for "the final rehearsal", "arrived" for "her arrival")."""
    return stem in phrase or (len(stem) >= 5 and any(word.startswith(stem) for word in phrase))


def _phrase_before(clause: Clause, slot: Slot) -> set[str]:
    """The stems of the words of the definite thing right before a place."""
    match = _PHRASE_BEFORE.search(clause.text, max(clause.start, slot.start - 80), slot.start)
    if match is None:
        return set()
    return {stem for word in match.group(1).split() if (stem := _stem(word)) is not None}


def _finding(caption: Clause, slot: Slot, differ: list[tuple[Clause, Slot]],
             broad: _Broad) -> Annotation | None:
    differ = [pair for pair in differ if not _not_the_body_action(caption, slot, pair[0])]
    if not differ:
        return None
    values = {str(broad.main(broad.keys(o))) if o.kind in _DAY_KINDS else str(o.value) for _, o in differ}
    if len(values) > 1:
        return None  # the body tells of several days or places for such events: which one?
    return _differs(caption, slot, differ)


# Words of a reaction to an event: "fans celebrate promotion", "mourners mark the anniversary".
_REACTIONS = frozenset("celebrate celebration mourn commemorate cheer toast welcome greet react protest "
                       "salute honour honor rejoice applaud lament vigil parade".split())
_REACTION_ROOTS: frozenset[str] = frozenset()  # (filled below, once _root is defined)
# Words of what follows an event: tributes to it, what is left of it, a search or a
# clean-up after it ("Mourners lay flowers outside the school", "Smoke rises from the
# gutted warehouse", "Divers search the loch"), or the event going on ("Rubbish piles
# up as the bin strike continues"). A caption of these shows a later day.
_AFTERMATH = frozenset("flowers floral tribute wreath candle smoke smoulder charred gutted "
                       "ruins rubble debris wreckage aftermath repair rebuild clean clean-up "
                       "search scour comb dredge sift inspect survey assess cordon "
                       "continue continues continuing".split())
_AFTERMATH_ROOTS: frozenset[str] = frozenset()  # (filled below, once _root is defined)
# Words of work done before an event: getting ready for it, rehearsing, trying it out
# ("Staff prepare beds in the new ward on Monday", "Volunteers paint the lifeboat
# station", "Engineers test the new pipes"). A caption of these shows an earlier day.
# (Not "pack", "dust", "sweep", "polish": "a packed court", a cloud of dust, a sweeping
# win and Polish are common in captions of the event itself.)
_PREPARATION = frozenset("prepare prepares prepared preparing preparation preparations rehearse "
                         "rehearsal practise practice paint painting repaint install installation "
                         "decorate decoration tidy revise revision mow mows test testing".split())


def _not_the_body_action(caption: Clause, slot: Slot, clause: Clause) -> bool:
    """Whether the caption's photo or its day is of something else than the body
    sentence's action: a reaction to it, its aftermath, work done before it, or an
    earlier action the caption dates in an "after ..." clause."""
    return (_others_react(caption, clause) or _dates_an_earlier_action(caption, slot, clause)
            or (_shows_another_moment(caption, clause) and not _names_event_before(caption, slot)))


def _event_before(caption: Clause, slot: Slot) -> str | None:
    """The root of the event the caption names right before a slot ("after the
    funeral on Monday"), None when it names none there."""
    match = _EVENT_BEFORE.search(caption.text, max(caption.start, slot.start - 60), slot.start)
    if match is None or (stem := _stem(match.group(1))) is None:
        return None
    event = _root(stem)
    return event if event in _EVENT_ROOTS else None


def _names_event_before(caption: Clause, slot: Slot) -> bool:
    """Whether the caption names an event right before its day ("carrying flowers
    after the funeral on Monday"): the day is the event's, whatever the photo shows."""
    return slot.kind in _DAY_KINDS and _event_before(caption, slot) is not None


def _shows_another_moment(caption: Clause, clause: Clause) -> bool:
    """Whether the caption shows what is left of the body sentence's event, tributes
    to it, a search or clean-up after it, or work done to get ready for it, in words
    the body sentence lacks."""
    theirs = _roots(clause.stems())
    return any(_root(stem) in _OTHER_MOMENT_ROOTS and _root(stem) not in theirs
               for _, _, stem in caption.words)


# "after robbers smashed its window on Wednesday": a clause of its own action (not
# "after the hearing on Wednesday", which names the event).
_AFTER_ACTION = re.compile(r"\b(?:after|following)\s+(?!(?:the|his|her|its|their|a|an)\b)"
                           r"[^,;:()—–]*$", re.IGNORECASE)


def _dates_an_earlier_action(caption: Clause, slot: Slot, clause: Clause) -> bool:
    """Whether the caption's day dates an earlier action of others in an "after"
    clause (a subject and its verb: "after robbers smashed its window on
    Wednesday") of which the body sentence has no word: the body's day ("Police
    arrested two men on Friday") is another action's."""
    if slot.kind not in _DAY_KINDS:
        return False
    match = _AFTER_ACTION.search(caption.text, max(caption.start, slot.start - 80), slot.start)
    if match is None:
        return False
    action = _roots({w for s, e, w in caption.words if s >= match.start() and e <= slot.start})
    return len(action) >= 2 and not action & _roots(clause.stems())


def _others_react(caption: Clause, clause: Clause) -> bool:
    """Whether the caption shows others reacting to the body sentence's event: its
    verb or noun of a reaction ("celebrate") is not the body sentence's, and the
    common noun right before it (who reacts: "fans", "supporters") is not in the
    body sentence either. "Fans celebrate promotion outside Elland Road on
    Sunday" is the day after "Leeds won promotion on Saturday"; "Okafor
    celebrates her title on Sunday" is compared with "Okafor won the title on
    Saturday"."""
    words = caption.words
    theirs = _roots(clause.stems())
    for i, (s, e, stem) in enumerate(words):
        if _root(stem) not in _REACTION_ROOTS:
            continue
        if _root(stem) in theirs:
            return False
        if i == 0:
            return True  # "Celebrations outside Elland Road on Sunday"
        before_start, _, before = words[i - 1]
        if caption.text[before_start].isupper() and i > 1:
            return False  # a name: "Okafor celebrates", perhaps the body's winner
        return _root(before) not in theirs
    return False


# -- the event reading ------------------------------------------------------------

# Endings one action or thing takes as a noun or adjective ("arrival", "robotics",
# "announcement", "exhibition"): cut after the stem's, so "arrive", "arrived" and
# "arrival" share a root.
_NOUN_ENDINGS = ("ment", "ion", "al", "ic")
_ROOTS: dict[str, str] = {}


def _root(stem: str) -> str:
    """A stem without a possessive and a noun's ending: one root for a word's
    tenses and noun forms ("sorolla's" and "sorolla", "arriv" and "arrival")."""
    out = _ROOTS.get(stem)
    if out is None:
        out = stem.rstrip("'’")
        # A short word keeps its ending in the stem ("voted", "vote"): cut it here.
        if out.endswith("ed") and len(out) >= 5:
            out = out[:-2]
        elif out.endswith("e") and len(out) >= 4:
            out = out[:-1]
        for ending in _NOUN_ENDINGS:
            if out.endswith(ending) and len(out) - len(ending) >= 4:
                out = out[: -len(ending)]
                if len(out) > 4 and out[-1] == "e":
                    out = out[:-1]  # announce(ment) -> announc
                break
        if len(_ROOTS) < 200_000:
            _ROOTS[stem] = out
    return out


def _roots(stems: set[str]) -> set[str]:
    return {_root(stem) for stem in stems}


_REACTION_ROOTS = frozenset(_root(stem) for word in _REACTIONS if (stem := _stem(word)) is not None)
_AFTERMATH_ROOTS = frozenset(_root(stem) for word in _AFTERMATH if (stem := _stem(word)) is not None)
_OTHER_MOMENT_ROOTS = _AFTERMATH_ROOTS | frozenset(
    _root(stem) for word in _PREPARATION if (stem := _stem(word)) is not None)


# A longer body (about 6,000 words: a long read, a compilation) tells of too many
# events for the event reading, which reads each of its sentences.
_EVENT_BODY_CHARS = 36_000
# Shared roots that make a body sentence about the caption's event: this many,
# or one fewer when one of them is a name (capitalised in both).
_EVENT_SHARED = 4
# Shared roots that make a body sentence giving the caption's own day speak for it.
_AGREE_SHARED = 2
# A caption's relative clause tells of the person's news, not of the photo: its
# day is compared even when the photo is dated ("Fennelly, who announced his
# retirement on Sunday, lifts the cup in 2022").
_RELATIVE = re.compile(r"(?:^|[,;(—–-])\s*(?:who|which|whose)\b[^,;()—–]*$")
# A named part of a town ("the Triana district", "the district of Ruzafa"): perhaps of the body's town.
_PART_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter|suburb|borough|area|old\s+town)\b",
                         re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:district|neighbou?rhood|quarter|suburb|borough)\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)
# A sentence without a day that tells of another time than the story's.
_OTHER_TIME = re.compile(r"\b(?:had|earlier|previously|recently|ago|since|before|(?:last|this|next|that"
                         r"|the\s+previous)\s+(?:week|weekend|month))\b", re.IGNORECASE)
# A sentence of an event that spans days ("the three-day summit", "a week-long visit").
_SPAN = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)[- ]days?\b"
                   r"|\b(?:week|month)[- ]?long\b|\bweekend\b", re.IGNORECASE)
# The name of an event right before a caption's day: "after the funeral on Friday".
_EVENT_BEFORE = re.compile(_DETERMINER + r"(?:[a-z][\w'’-]*\s+){0,2}?([a-z][\w'’-]*)\s+(?:on\s+)?$")
# Events that happen once, on one day (a "festival" or a "search" may last days).
_EVENTS = ("funeral burial wedding vote ballot final match game ceremony opening launch hearing trial "
           "sentencing verdict sitting meeting summit concert premiere race rally parade service mass "
           "memorial inauguration election debate speech signing auction derby crash explosion raid "
           "walkout vigil unveiling reopening recital procession coronation").split()
_EVENT_ROOTS = frozenset(_root(stem) for word in _EVENTS if (stem := _stem(word)) is not None)
# Where a caption's clause starts: its day belongs to the words after it.
_CLAUSE_BREAK = re.compile(r"[,;:(—–]|\b(?:after|before|when|while|as|following|where)\b")
# Words that only say how long (the span's action is the word before them).
_SPAN_FILLERS = frozenset({"last", "spent", "spend", "took", "tak", "nearly", "almost", "roughly", "lengthy"})


def _spans_days(clause: Clause, roots: set[str]) -> bool:
    """Whether the sentence tells of the caption's action (one of ``roots``) over
    several days: the span's own words, the one before it or the two after it
    ("the three-day food festival", "spent four days searching", "a search
    lasting several days"). A span of another action ("seven miners trapped for
    four days were brought to the surface on Sunday", for a caption of a miner
    carried out) says nothing of the day of the caption's."""
    for match in _SPAN.finditer(clause.text, clause.start, clause.end):
        before = [w for s, e, w in clause.words if e <= match.start() and w not in _SPAN_FILLERS][-1:]
        after = [w for s, e, w in clause.words if s >= match.end()][:2]
        if _roots(set(before + after)) & roots:
            return True
    return False


# A place named after words that describe it: "at a sold-out Konzerthaus", "in the old Tivoli".
# (A describing word is no preposition or joining word: "in a meeting with Arsenal",
# "at the home of Jones" name no place.)
_DESCRIBER = r"(?!(?:of|with|over|for|by|from|to|and|against|about|into|on|at|in)\s)[a-z][\w'’-]*\s+"
_DESCRIBED_PLACE = re.compile(r"\b(?P<prep>in|at)\s+"
                              rf"(?:an?\s+(?:{_DESCRIBER}){{0,2}}|the\s+(?:{_DESCRIBER}){{1,2}})"
                              r"(?P<place>[A-Z][\w'’-]*[a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*[a-z][\w'’-]*){0,3})")
_THING_BEFORE = re.compile(_DETERMINER + r"((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*"
                           r"(?:\s+(?:of|on|for)\s+(?:the\s+|a\s+)?(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)?)"
                           r"\s+(?:in|at|near|outside)\s+(?:the\s+)?$")


class _Event:
    """A body sentence about the caption's event, found by what the two share,
    wherever the day or place stands and whatever verb governs it: the people,
    places and other content words, each as a root across tenses and noun
    forms ("arrive at Lisbon airport" and "arrived in Lisbon", "sentencing" and
    "was sentenced"). Four shared roots, or three with a name, make a sentence
    about the event.

    A day is flagged when the sentences about the event give one other day, and
    no body sentence sharing two roots with the caption gives its own; a sentence
    about the event with no day of its own takes the story's, when the body gives
    only one day and that sentence shares a root with the caption. A place is
    flagged when a sentence about the event places it elsewhere after the same
    preposition: on the caption's own day, or with the body's noun before its
    place one of the caption's thing ("the closing concert of the biennial in
    Córdoba" against "a concert in Seville").

    Read only for articles with few caption sentences (as _Broad) and a body of
    at most _EVENT_BODY_CHARS characters. It reads the
    sentences of the body paragraphs that share a caption's words (those that
    share none cannot be about its event; all when the captions have many words)
    and the day sentences of the whole body, each once, and compares each
    caption's slot with each.
    """

    def __init__(self, broad: _Broad, units: list[TextUnit], clauses: list[Clause], placed: bool):
        """``units``: the body paragraphs that share a caption's words; ``clauses``:
        their sentences with a day or place, read with their places when ``placed``."""
        self.broad, self.units, self.clauses, self.placed = broad, units, clauses, placed
        self._sentences: list[tuple[Clause, set[str]]] | None = None
        self._every: list[tuple[Clause, set[str]]] | None = None
        self._places: dict[int, list[Slot]] = {}
        self._read: set[int] = set()  # (the ids of sentences()'s clauses: their places are read)
        self._names: dict[tuple[int, bool], set[str]] = {}
        self._described: dict[int, list[Slot]] = {}
        self._around: dict[int, tuple[set[str], set[str]]] = {}

    def sentences(self) -> list[tuple[Clause, set[str]]]:
        """Every sentence of ``units``, with its day and place slots, and its roots."""
        if self._sentences is None:
            slotted = {(id(c.unit), c.start): c for c in self.clauses}
            self._sentences = []
            for unit in self.units:
                for start, end in sentence_spans(unit.text):
                    clause = slotted.get((id(unit), start)) or Clause(unit, start, end, [], unit.text)
                    self._sentences.append((clause, _roots(clause.stems())))
            self._read = {id(clause) for clause, _ in self._sentences}
        return self._sentences

    def every(self) -> list[tuple[Clause, set[str]]]:
        """sentences(), and the day sentences of the other paragraphs."""
        if self._every is None:
            read = {(id(c.unit), c.start) for c, _ in self.sentences()}
            self._every = self.sentences() + [
                (clause, _roots(clause.stems())) for clause in self.broad.day_clauses()
                if (id(clause.unit), clause.start) not in read]
        return self._every

    def places(self, clause: Clause) -> list[Slot]:
        """A sentence's places (read when asked for, when its paragraph was read for
        days only)."""
        out = self._places.get(id(clause))
        if out is None:
            self.sentences()
            if self.placed and id(clause) in self._read:
                out = [o for o in clause.slots if o.kind == "place"]
            else:
                out = [slot for m in _place_matches(clause.text[clause.start:clause.end])
                       if (slot := _place_slot(m, -clause.start)) is not None]
            self._places[id(clause)] = out
        return out

    def described_places(self, clause: Clause) -> list[Slot]:
        """The places of a sentence named after words that describe them ("at a
        sold-out Konzerthaus", "in the old Tivoli"), which the place reading skips."""
        out = self._described.get(id(clause))
        if out is None:
            out = self._described[id(clause)] = []
            text = clause.text
            for match in _DESCRIBED_PLACE.finditer(text, clause.start, clause.end):
                spaced = text[match.end():match.end() + 1] == " "
                after = _WORD.match(text, match.end() + 1) if spaced else None
                if after is not None and after.group()[0].islower() and _stem(after.group()) is not None:
                    continue  # a name used as an adjective: "at a Downing Street press conference"
                slot = _place_slot(match, 0)
                if slot is not None:
                    out.append(slot)
        return out

    def names(self, clause: Clause, first: bool = True) -> set[str]:
        """The roots of a sentence's capitalised words; without its first word
        (capitalised for starting the sentence) unless a capitalised word follows
        it ("Rivers Angels arrived")."""
        out = self._names.get((id(clause), first))
        if out is None:
            text = clause.text
            words = clause.words
            if not first and words and not (len(words) > 1 and text[words[1][0]].isupper()
                                            and not text[words[0][1]:words[1][0]].strip()):
                words = words[1:]
            out = self._names[(id(clause), first)] = {_root(w) for s, e, w in words if text[s].isupper()}
        return out

    def shared_names(self, caption: Clause, clause: Clause, shared: set[str]) -> set[str]:
        """The shared roots capitalised in both, and inside one of them: a first
        word may be capitalised for starting the sentence ("Visitors look at ...")."""
        inner = ((self.names(caption, False) & self.names(clause))
                 | (self.names(caption) & self.names(clause, False)))
        return shared & inner

    def about(self, caption: Clause, slot: Slot, mine: set[str], clause: Clause, theirs: set[str]) -> bool:
        """Whether a body sentence tells of the caption's event: they share a word
        besides names (an action or thing: names alone are the same people at
        another action), and four words, or three with a name. The caption's
        word right before or after its slot (its verb or noun) counts twice."""
        shared = mine & theirs
        names = self.shared_names(caption, clause, shared)
        if not shared - names:
            return False
        # A place's name counts once however many words it has ("Loch Fyne"), and
        # not as the caption's word by its slot: a place alone is not the event.
        caption_placed, caption_head = self.around(caption, slot)
        placed = caption_placed & shared
        head = caption_head - placed
        score = len(shared - placed) + (1 if placed else 0) + (1 if head & theirs else 0)
        return score >= _EVENT_SHARED or (score == _EVENT_SHARED - 1 and bool(names))

    def around(self, caption: Clause, slot: Slot) -> tuple[set[str], set[str]]:
        """The roots of the caption's places' words and of its words by the slot
        (Clause.placed and Clause.head): read once, not for every body sentence."""
        out = self._around.get(id(slot))
        if out is None:
            out = self._around[id(slot)] = (_roots(caption.placed()), _roots(caption.head(slot)))
        return out

    def same_people(self, caption: Clause, mine: set[str], clause: Clause, theirs: set[str]) -> bool:
        """_Broad.same_people, unless the two share enough words besides names to
        be about one event by those alone ("the flamenco biennial closed with a
        concert" names the dedicatee, the caption the singer)."""
        if len((mine & theirs) - self.names(clause, False)) >= _EVENT_SHARED:
            return True
        return self.broad.same_people(caption, clause)

    def elsewhere(self, caption: Clause, clause: Clause) -> bool:
        """Whether a body sentence places what it tells at a place the caption does
        not name ("trained at the Seixal complex on Wednesday" for a caption at
        Lisbon airport): its day is another action's."""
        caption_low = caption.text[caption.start:caption.end].lower()
        return any(not _mentions(caption_low, clause.text[o.start:o.end]) for o in self.places(clause))

    def contradiction(self, caption: Clause, slot: Slot) -> Annotation | None:
        caption_text = caption.text[caption.start:caption.end]
        relative = _RELATIVE.search(caption.text, caption.start, slot.start)
        if _when(caption_text if relative is None else caption.text[relative.start():slot.end]):
            return None  # "in 2023", "last year": an older photo
        mine = _roots(caption.stems(exclude=slot))
        if slot.kind in _DAY_KINDS:
            return self._day(caption, slot, mine)
        return self._place(caption, slot, mine)

    def _day(self, caption: Clause, slot: Slot, mine: set[str]) -> Annotation | None:
        broad = self.broad
        mine_keys = broad.keys(slot)
        if not broad.gives_another_day(mine_keys):
            return None  # (before reading every body sentence's roots)
        key = broad.main(mine_keys)
        caption_text = caption.text[caption.start:caption.end]
        # (The caption's places left are named nowhere in the body: see check().)
        places = [o for o in caption.slots if o.kind == "place"]
        dated: list[tuple[Clause, Slot]] = []
        undated: set[str] = set()  # the roots of the sentences about the event without a day
        for clause, theirs in self.every():
            days = [o for o in clause.slots if o.kind in _DAY_KINDS]
            if any(mine_keys & broad.keys(o) for o in days) and (
                    len(mine & theirs) >= _AGREE_SHARED or not self.elsewhere(caption, clause)):
                # The body gives the caption's day for something of it, or for
                # something it does not place: perhaps what the photo shows.
                return None
            if not (self.about(caption, slot, mine, clause, theirs)
                    and self.same_people(caption, mine, clause, theirs)):
                continue
            if places and any(_same_prep(o.prep, p.prep) for o in self.places(clause) for p in places):
                continue  # another place too (the caption's is named nowhere in the body): another event
            if _spans_days(clause, mine):
                return None  # "the three-day summit": the photo may be of any of its days
            if not days:
                body_text = clause.text[clause.start:clause.end]
                # (not a plan, nor a time of its own: "will face Braga", "won it in 2019",
                # "had earlier visited", "last week")
                if not (_FUTURE_BEFORE.search(body_text) or _when(body_text)
                        or _OTHER_TIME.search(body_text)):
                    undated |= theirs
                continue
            if any(mine_keys & broad.keys(o) for o in days):
                return None  # the caption's own day
            if len({broad.main(broad.keys(o)) for o in days}) > 1:
                return None  # a sentence of several days: which is the event's?
            dated.append((clause, days[0]))
        if not dated and undated:
            dated = self._story_day(mine | undated)
        if not dated:
            dated = self._named_event_day(caption, slot)
        differ = []
        for clause, other in dated:
            if mine_keys & broad.keys(other):
                return None  # the story's day is the caption's
            theirs_key = broad.main(broad.keys(other))
            if type(theirs_key[0]) is not type(key[0]):
                continue  # a weekday and a date of an article without a date
            if _future_against_past(caption, slot, clause, other):
                return None  # "will vote on Thursday": not yet the photo's
            apart = _apart(key, theirs_key) if isinstance(key[0], int) else _days_apart(slot, other)
            if apart is not None and (_tells_of_days_apart(clause.text[clause.start:clause.end], apart)
                                      or _tells_of_days_apart(caption_text, apart)):
                return None  # "a day after ...": one tells of the other's day too
            differ.append((clause, other))
        if len({broad.main(broad.keys(o)) for _, o in differ}) > 1:
            differ = self._of_the_action(caption, slot, differ)
        return _finding(caption, slot, differ, broad)

    @staticmethod
    def _of_the_action(caption: Clause, slot: Slot,
                       differ: list[tuple[Clause, Slot]]) -> list[tuple[Clause, Slot]]:
        """Of body sentences about the event that give several days, those that tell
        of the action the caption dates: around their day they have the most words
        of the caption's clause that leads to its day (from its last clause break
        up to the day), two or more, and the others
        fewer ("after it was intercepted by the navy on 14 March" against "The navy
        intercepted the vessel on 13 March", not "prosecutors on Wednesday charged
        the captain of the seized tanker")."""
        start = caption.start
        for match in _CLAUSE_BREAK.finditer(caption.text, caption.start, slot.start):
            start = match.end()
        action = _roots({w for s, e, w in caption.words if s >= start and e <= slot.start})
        if len(action) < 2:
            return differ
        scores = [len(action & _roots(clause.near(other))) for clause, other in differ]
        best = max(scores)
        if best < 2:
            return differ
        return [pair for pair, score in zip(differ, scores) if score == best]

    def _named_event_day(self, caption: Clause, slot: Slot) -> list[tuple[Clause, Slot]]:
        """The day the body gives an event the caption names right before its own
        ("after the funeral on Friday"): of the body sentences that open with that
        event ("The funeral Mass was held on Saturday"), when they give one day and
        no body sentence naming it gives the caption's. Only for the names of
        events that happen once (a funeral, a vote, a final), not of things."""
        event = _event_before(caption, slot)
        if event is None:
            return []
        broad = self.broad
        mine_keys = broad.keys(slot)
        found: list[tuple[Clause, Slot]] = []
        for clause, theirs in self.every():
            if event not in theirs:
                continue
            days = [o for o in clause.slots if o.kind in _DAY_KINDS]
            if any(mine_keys & broad.keys(o) for o in days):
                return []  # the body gives the caption's day for it too
            # (the sentence's subject: among its first three words, before the day)
            opening = [(s, w) for s, e, w in clause.words[:3] if _root(w) == event]
            found.extend((clause, o) for o in days if opening and opening[0][0] < o.start)
        if len({broad.main(broad.keys(o)) for _, o in found}) != 1:
            return []
        return found

    def _story_day(self, told: set[str]) -> list[tuple[Clause, Slot]]:
        """The body's one day, when it gives only one, in a sentence sharing a root
        with the caption or a sentence about its event (``told``): "won a
        competition on Tuesday" for "the pupils beat 24 other schools at the
        final", of the caption's "pupils at the final on Wednesday"."""
        broad = self.broad
        found = [(clause, o) for clause, _ in self.every() for o in clause.slots if o.kind in _DAY_KINDS]
        if len({broad.main(broad.keys(o)) for _, o in found}) != 1:
            return []
        roots = {id(clause): theirs for clause, theirs in self.every()}
        # (A word besides names, or three names, the caption's place among them: "Zelensky
        # met the Pope on Saturday" does not date his visit to the troops.)
        return [(clause, o) for clause, o in found
                if ((shared := told & roots[id(clause)]) - self.names(clause) or len(shared) >= 3)
                and not _spans_days(clause, told)]

    def _place(self, caption: Clause, slot: Slot, mine: set[str]) -> Annotation | None:
        broad = self.broad
        text = caption.text
        if (_PART_AFTER.match(text, slot.end)
                or _PART_BEFORE.search(text, max(0, slot.start - 30), slot.start)):
            return None  # "in the Triana district": a part of a place, perhaps of the body's
        caption_days = broad.day_keys(caption)
        caption_low = caption.text[caption.start:caption.end].lower()
        thing = _THING_BEFORE.search(caption.text, max(caption.start, slot.start - 120), slot.start)
        thing_roots = set() if thing is None else _roots(
            {stem for word in thing.group(1).split() if (stem := _stem(word)) is not None})
        differ: list[tuple[Clause, Slot]] = []
        for clause, theirs in self.sentences():
            if not mine & theirs:
                continue
            places = [o for o in clause.slots + self.described_places(clause)
                      if o.kind == "place" and o.prep == slot.prep and not _places_overlap(slot, o)]
            if not places:
                continue
            clause_days = broad.day_keys(clause)
            if caption_days and clause_days and not caption_days & clause_days:
                continue  # another day: perhaps another event
            if caption_days & clause_days:
                shared = mine & theirs
                # The same day, the same name and another word: the same event. Or
                # three words and two of the caption's thing without a name ("the
                # first ship on the new route in Mombasa" against "The first container
                # ship on the new service docked in Dar es Salaam").
                if len(shared) < _AGREE_SHARED or not (
                        self.shared_names(caption, clause, shared)
                        or (len(shared) >= 3 and len(thing_roots & theirs) >= 2)):
                    continue
            elif not self.about(caption, slot, mine, clause, theirs):
                continue
            elif len(mine & theirs) < 3 or len(thing_roots & theirs) < 2:
                # (else the body sentence tells of the caption's definite thing itself)
                places = [o for o in places if _root(_noun_before(clause, o) or "") in thing_roots]
            if len(places) != 1 or not self.same_people(caption, mine, clause, theirs):
                continue  # none of the caption's thing, or several places: which one?
            if _mentions(caption_low, clause.unit.text[places[0].start:places[0].end]):
                continue  # the caption names the body's place too
            differ.append((clause, places[0]))
        return _finding(caption, slot, differ, broad)
