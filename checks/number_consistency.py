"""Ages, counts and quantities that the article states two different ways.

## What it does
Compares the figures an article gives for the same thing:

- a person's age given two ways: "Rosa Beltrán, 67" (or "Rosa Beltrán,
  aged 67", "Rosa Beltrán (67)", "67-year-old Rosa Beltrán", "the 67-year-old
  shopkeeper Rosa Beltrán", "Rosa Beltrán, a 67-year-old widow", "Rosa Beltrán,
  the 67-year-old owner,") and later "Beltrán, 68", "Ms Beltrán, who is 68,",
  "Beltrán, now 68,", "Beltrán, who turned 68 in May,", "Rosa Beltrán sold the
  shop in May, aged 68.", "Aged 68, Beltrán ..." or "the 68-year-old" (`age-mismatch`). "The 68-year-old"
  stands for the person named just before it, in its paragraph or the one
  before, when that person's age is given by name anywhere in the story: "For
  38 years Giovanni Piras delivered the post. On Friday, the 64-year-old made
  his last round." is compared with a later "Piras, 63" (the later is reported);
- a count that disagrees with the list it introduces: "two ministers,
  Haddad, Varga and Okafor", "two players, midfielder Álvaro Navarro,
  defender Iker Etxeberria and goalkeeper Samuel Adeyemi", "Three ministers
  left the government: Al-Zoubi, the finance minister; Khasawneh, ...; Nsour,
  ...; and Obeidat, ..." (`list-count`). Before a colon or a dash the count's
  noun may be followed by what they did; items may be split by semicolons, each
  a name and what it says about the person; "namely" may open the list, and a
  title may stand before a name ("Dr. Ana Ruiz", "Minister of State Li Wei"),
  and an item may be described before its name ("the Argentine rock band Los
  Tranvías"); the count's noun may be followed by where they sit ("three
  opposition councillors on the planning committee, ..."), and "The four
  winners were A, B, C and D" counts its list too, also when the count's noun
  is set apart by a participle, a relative clause or a preposition ("The three
  commissioners sworn in at the State House were ...", "The two ministers who
  resigned were ..."), or the list is in brackets ("Two ministers (A, B and
  C) resigned"). An item may say the person's post after the name ("A
  for health, B for transport") or in a bracket ("A (Labour)"), and the last
  may be joined by "as well as". A list of full names that opens its sentence
  may also be summed up by a count after it ("Ana Ruiz, Tom Kerr and Li Wei,
  the two ministers who resigned, ...");
- the same quantity of the same thing stated differently in the body, the
  standfirst and the captions: "430 people spent the night" in the body but
  "500 people spent the night" in a caption, or "the plant employs 850
  workers" but "which employs 580 workers", or "2,300 workers walked out" but
  "the 3,200 workers who walked out" (`quantity-mismatch`). The noun
  and the verb around the figure must match; a participle after the noun
  matches the same verb before it ("police arrested 45 people" and "54 people
  were arrested", "will cut 600 jobs" and "where 650 jobs will be cut"), and
  when no body figure is framed by the same words, another verb for the same
  thing may frame it ("spent the night" / "slept", "cut" / "shed", "died" /
  "killed", "arrested" / "detained", "injured" / "hurt"). Two body paragraphs are compared
  too, when the figure is the subject of its verb in both ("1,180 households
  were left without power" and later "1,810 households were left without
  power") and the body gives no other figure for that noun and verb. A body
  figure after its verb ("Crews evacuated 640 residents") is compared with the
  same thing told later as the subject of that verb turned round ("the 460
  residents evacuated on Tuesday", "460 residents were evacuated", "the 460
  evacuated residents"; in a standfirst or caption too), when the two
  figures look like one mistyped (digits swapped or one digit changed), no
  agent follows ("... by volunteers") and the two sentences name no different
  places.

Rounding, ranges and hedges are not contradictions ("about 430", "more than
400", "in the region of 450", "getting on for 500", "just shy of 450", "the
best part of 450", "400-450", "between 400 and 450"), nor are changes of unit or notation: "€1.2bn" is "1.2
billion euros", "27%" is "27 per cent"; but a small exact count is not a
rounding ("10 candidates" and "13 candidates" disagree). When the body itself
gives several figures for the thing (a running count, or parts of a total:
"12 people on Monday and 7 people on Tuesday"), nothing is compared; nor are
two body figures told of different days, or of a later state or another group
("300 households were still without power", "another 400 households").
A standfirst's or caption's figure whose sentence names a year (or "last
year", "file photo") that the body's sentence does not is another event ("Police
arrested 30 people at a similar match in 2019", "at the last election"), and
is not compared. Two figures are of one quantity only when nothing in them names
a different subject, place or time: not "Ford will cut 3,800 jobs" and
"Volkswagen, which will cut 35,000 jobs" (a named subject before the verb that
the other does not share, or a named one the body's paragraph never names),
"68 goals for England" and "213 goals for Tottenham", "In Kent, 1,180
households" and "In Sussex, 810 households" (places, none in common), nor "45
people on Saturday" and "120 people since the protests began", "last week" and
"this winter", "a day" and "on Saturday", "in the year to May" and "in May"
(both clauses of the figures tell a time, and one has a running total, a rate,
a season or year, or a change over a year that the other has not; two days,
"yesterday" and "on Monday", may be one).
Two sentences that each open on one capitalised word ("Police arrested",
"Officers arrested") may name one subject, and are compared; a place named in
a caption alone ("The mill gates in Rochdale, where 420 jobs will be cut") is
as often where the whole thing is, and does not stop the comparison.
A verb before a body figure has a subject of its own ("Varlamov stopped 27
shots", "Korpisalo stopped 30 shots"), so two body figures are compared only
by the verb after them.
An unnamed "the 68-year-old" (after the named age, or in the standfirst, which
sums up the story) is compared only when the article gives exactly
one named age, no unnamed person of that age ("her husband, 68"), and only a
slip of a year or two or two swapped digits ("34", "the 43-year-old") is
reported (a larger gap is usually another person). "The 68-year-old" after
someone else brought in ("her husband", "a neighbour"), another full name, or
two people of given ages in one sentence stands for nobody sure; nor does
"the 33-year-old victim" (a role someone else in the story may have, unless the
person's own sentence gives it: "Crash victim Tom Kerr, 34,") or "the
44-year-old footbridge" (a thing: a word that is no person's role and is not
said of the person beside the name, as "Giulia Ferrante, 47, a guide" is). A list whose "and" comes
before a later item ("Healy and Daughters, Smith Ltd and Jones") may hold a
name with "and" in it: each such "and" may make it one item shorter, and only
a count that no reading gives is reported; "including ..." is a partial list;
after a part ("Two of the three suspects, Tom Kerr and Sam Ode, ...") the names
may be the part or the whole, and only a list that is neither is reported;
a count followed by another plural before the colon ("two ministers met party
leaders: ...", "three ministers from the coalition parties, ...") may be
counting those instead, and is not compared; nor is a count before "were" with
a clause between ("The two men said the attackers were ..."), nor "as well as"
after a list already closed by "and" ("two ministers, A and B, as well as
their deputy C").
Two people who share a surname but have different first names are not
compared (a title is no first name: "Ms Beltrán" is Rosa Beltrán). When the
story tells of two people of one surname ("Peter Grant, 71, and his wife,
Mary, 69,", "Peter Grant and Mary Grant", or "Mr Grant" and "Mrs Grant"), a
mention is compared only with one surely of the same person: the same first
name, or "Mr" with "Mr", "Mrs" or "Ms" with "Mrs" or "Ms" ("Mrs Grant, 69" is
the wife, and "Grant, 69" may be either). "Aged 30, Ruiz won silver in Paris"
tells her age at a past event (a verb in the past tense, not of saying, after
the name), not a re-mention of her age now: it is only reported when it is
more than her age now ("Aged 44, Ruiz became ..." after "Maria Ruiz, 41");
"Aged 68, Beltrán says ..." is one. A number
in brackets in a caption ("Sean Kelly (9)") is as often a shirt number as an
age, so it is reported only a year or two off an age the story gave first.

Ages, list counts and a verb framing a figure are read in English only;
quantities are compared in any language when they are written in digits and
framed by the same words after them.

## Why it matters
Readers notice when a woman is 67 in the third paragraph and 68 in the
ninth, or when "two ministers" are followed by three names. Such slips are
the commonest corrections after misspelt names, and they make the whole
story look careless.

## Example
```
Rosa Beltrán, 67, opened the shop in 1984 ...
... the 68-year-old said she would not sell.      -> age-mismatch at "68-year-old"
Two ministers, Haddad, Varga and Okafor, resigned. -> list-count at "Two ministers"
caption: 500 people spent the night in the hall    -> quantity-mismatch at "500"
body:    430 people spent the night in the hall
```

## How to fix
Check the figure against the notes or the source and make every mention
agree; if two different things are meant, say so ("two ministers and a
deputy").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Iterator

from checks.annotation import Annotation, Suggestion
from checks.engine import Context
from checks.model import CAPTION, STANDFIRST, Article, TextUnit
from checks.numbers import (HEDGES, TENS, UNITS, Quantity, agrees, hedge_before, quantities,
                            texts_with_number_word)
from checks.registry import Rule
from checks.text import Joined, fold, primary_language

ID = "number-consistency"

AGE_MISMATCH = Rule(ID, "age-mismatch", "warning",
                    "A person's age is given two different ways.")
LIST_COUNT = Rule(ID, "list-count", "warning",
                  "A count disagrees with the number of items in the list it introduces.")
QUANTITY_MISMATCH = Rule(ID, "quantity-mismatch", "warning",
                         "The same quantity is stated differently in two parts of the article.")
RULES = (AGE_MISMATCH, LIST_COUNT, QUANTITY_MISMATCH)

# -- ages ---------------------------------------------------------------------

# A capital, accented ones included ("Álvaro", "Łukasz", "Šimon").
_UP = "A-ZÀ-ÖØ-ÞĆČĐŁŃŚŠŘŹŻŽ"
_CAP = rf"[{_UP}][\w'’-]*[a-z][\w'’-]*"
_NAME = rf"(?:{_CAP}|[A-Z]\.)(?:\s+(?:(?:de|da|del|van|von|der|al|bin|el|la|le)\s+)?(?:{_CAP}|[A-Z]\.))*"
# "Rosa Beltrán, 67," / "Beltrán, 67." / "Rosa Beltrán (67)" / "Beltrán, aged 67": the
# age is found first, then the name is read backwards from it over a short window
# (matching names from every capital would be slow on long bodies).
_DIGITS = re.compile(r"\d{1,3}(?!\d)")
# Every age follows a comma or an opening bracket (see _AGE_LEAD): those are rare,
# so the digits worth reading are found from them rather than from every digit. A
# pattern that starts with one character lets the regex engine skip to it in C.
# ("Piras, now 63," and "Piras, who turned 63 in May," give the age as it is.)
_AGE_AFTER_COMMA = re.compile(r",\s*(?:aged\s+|who\s+is\s+|now\s+|who\s+turned\s+)?(?=\d)")
_AGE_AFTER_BRACKET = re.compile(r"\(\s*(?:aged\s+)?(?=\d)")
_AGE_LEAD = re.compile(r"(?:,\s+(?:aged\s+|who\s+is\s+|now\s+|who\s+turned\s+)?|\s\((?:aged\s+)?)$")
_AGE_TAIL = re.compile(r"(?:[,.;:)]|\s+(?:and|who|of|from|was|is|has|had|said|told)\b"
                       r"|\s+years?\s+old\b)")
# "who turned 69 in May," / "... on Friday": a birthday's date may follow the age.
_TURNED_TAIL = re.compile(r"\s+(?:in|on|last|this)\s")
_NAME_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<name>{_NAME})$")
_NAME_AT = re.compile(_NAME)
# "67-year-old Rosa Beltrán", "the 67-year-old retired teacher Rosa Beltrán": what
# she is may stand between, in a few lower-case words that are no verb or
# function word ("The 67-year-old told Reuters" names no one).
_AGE_BEFORE_NAME = re.compile(
    rf"\b(?P<a>\d{{1,3}})-year-old\s+(?P<what>(?:[a-z][a-z-]+\s+){{0,3}})(?=[{_UP}])")
_NOT_DESCRIPTIONS = frozenset(
    "said says told tells asked added was is has had who which that and or but in on at of from for "
    "with to by as when while after before since whose whom will would could did does got gave "
    "met joined thanked told called named took made left won lost became".split())
# "Rosa Beltrán, a 67-year-old widow, ..." or "..., the 67-year-old owner, ...":
# the name is read backwards from the comma. After "the" the apposition must
# close with a comma, and a place may stand before it ("Speaking in Tromsø, the
# 72-year-old said"): a name after a preposition is not read.
_AGE_APPOSITION = re.compile(r",\s+(?:an?|(?P<the>the))\s+(?P<a>\d{1,3})-year-old\b"
                             r"(?(the)(?:\s+[a-z][a-z-]+){1,3},)")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|of|near|on|outside|inside|across|around|for)\s+$", re.I)
# "Aged 64, Piras ...": the age opens the sentence, the name follows the comma.
_AGED_FIRST = re.compile(rf"(?:^|(?<=[.!?]\s))Aged\s+(?P<a>\d{{1,3}}),\s+(?=[{_UP}])")
# "the 68-year-old" not followed by a name
_UNNAMED_AGE = re.compile(r"\b[Tt]he\s+(?P<a>\d{1,3})-year-old\b(?!\s+[A-Z])")
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday the a an in on at by for and "
    "but or of to from with after before since until as year years age aged page pages "
    "section chapter room flight route road highway interstate number no vol".split())


_PERSON_TITLES = frozenset("Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady".split())


@dataclass(frozen=True)
class _Age:
    unit: TextUnit
    start: int
    end: int
    age: int
    name: str  # as written; "" for "the 68-year-old"
    # "Rosa Beltrán (68)" in a caption: as often a shirt number as an age, so
    # only read as a slip of a year or two from an age the story gave first.
    caption_bracket: bool = False
    story_at: int = -1  # for "the 68-year-old": the number of its text in the story
    then: bool = False  # "Aged 30, Ruiz won silver": an age at a past event, not now
    what: str = ""  # for "the 68-year-old": the lower-case word after it ("victim", "said")

    @property
    def surname(self) -> str:
        return fold(self.name.split()[-1]) if self.name else ""

    @property
    def title(self) -> str:
        """"m" after "Mr", "f" after "Mrs", "Ms" or "Miss", else ""."""
        word = self.name.split()[0].rstrip(".") if self.name else ""
        return "m" if word == "Mr" else "f" if word in ("Mrs", "Ms", "Miss") else ""

    @property
    def first(self) -> str:
        parts = self.name.split()
        if parts and parts[0].rstrip(".") in _PERSON_TITLES:
            parts = parts[1:]  # "Ms Beltrán" is Rosa Beltrán again, not another Beltrán
        return fold(parts[0]) if len(parts) > 1 else ""


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
    if not words or any(w.lower() in _NOT_NAMES for w in words):
        return None
    if any(w.isupper() and len(w) > 2 for w in words):
        return None  # "NATO, 75," is an organisation's anniversary, not a person
    return " ".join(words)


def _ages(units: list[TextUnit], story: Joined, encoded: bytes | None = None) -> list[_Age]:
    out: list[_Age] = []
    # Where digits follow an age's lead-in, commas first, then brackets (out of
    # order: sorted below).
    leads = list(story.spans(_AGE_AFTER_COMMA))
    if "(" in story.text:
        leads += story.spans(_AGE_AFTER_BRACKET)
    for i, _, digits in leads:
        unit = units[i]
        text = unit.text
        m = _DIGITS.match(text, digits)
        if m is None:
            continue
        start, end = m.span()
        if start < 2 or text[start - 1] not in " (\u00a0" or (start > 1 and text[start - 2].isdigit()):
            continue
        # wide enough for the longest lead-in, ", who turned "
        lead = _AGE_LEAD.search(text, max(0, start - 20), start)
        if lead is None:
            continue
        if not _AGE_TAIL.match(text, end) \
                and not ("turned" in lead.group() and _TURNED_TAIL.match(text, end)):
            continue
        bracket = text[lead.start()] in " \u00a0"
        if bracket and text[end:end + 1] != ")":
            continue  # "(67)" must close
        before = _NAME_BEFORE.search(text, max(0, lead.start() - 60), lead.start())
        name = _clean_name(before.group("name")) if before else None
        if name is None and "aged" in lead.group() and text[end:end + 1] in (".", ";"):
            name = _subject_name(text, lead.start())  # "Piras retired on Friday, aged 63."
        age = int(m.group())
        if name and 1 <= age <= 110:
            out.append(_Age(unit, start, end, age, name, caption_bracket=bracket and unit.kind == CAPTION))
    # "Aged 64, Piras says he is ready." (looked for in the story encoded one byte a
    # character when given: a find in bytes is several times faster)
    for i in story.holding(b"Aged " if encoded is not None else "Aged ", within=encoded):
        unit = units[i]
        for m in _AGED_FIRST.finditer(unit.text):
            after = _NAME_AT.match(unit.text, m.end())
            name = _clean_name(after.group()) if after else None
            # "Aged 30, Ruiz won silver in Paris": her age then, which may be less than now
            then = bool(name) and _tells_a_past_event(unit.text, after.end())
            age = int(m.group("a"))
            if name and 1 <= age <= 110:
                out.append(_Age(unit, m.start("a"), m.end("a"), age, name, then=then))
    for i in story.holding("-year-old"):
        unit = units[i]
        text = unit.text
        named_at: set[int] = set()
        for m in _AGE_BEFORE_NAME.finditer(text):
            if any(w in _NOT_DESCRIPTIONS for w in m.group("what").split()):
                continue
            after = _NAME_AT.match(text, m.end())
            name = _clean_name(after.group()) if after else None
            age = int(m.group("a"))
            if name and 1 <= age <= 110:
                named_at.add(m.start("a"))
                out.append(_Age(unit, m.start("a"), m.start("a") + len(m.group("a")) + len("-year-old"),
                                age, name))
        for m in _AGE_APPOSITION.finditer(text):
            before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
            name = _clean_name(before.group("name")) if before else None
            if name and m.group("the") and _PLACE_BEFORE.search(text, max(0, before.start() - 12),
                                                                before.start()):
                continue
            age = int(m.group("a"))
            if name and 1 <= age <= 110:
                out.append(_Age(unit, m.start("a"), m.end("a") + len("-year-old"), age, name))
        for m in _UNNAMED_AGE.finditer(text):
            if m.start("a") in named_at:
                continue  # "the 64-year-old postman Giovanni Piras" names him
            what = _WORD_AFTER.match(text, m.end())
            out.append(_Age(unit, m.start("a"), m.end("a") + len("-year-old"), int(m.group("a")), "",
                            story_at=i, what=what.group(1) if what else ""))
    out.sort(key=lambda a: (a.unit.index, a.start))
    return out


_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]*)")
# The verb after "Aged 30, Ruiz": one in the past tense that is no verb of saying
# tells of an event then ("won", "joined"); "says", "still bakes", "said" tell of now.
_PAST_TENSE = re.compile(r"[a-z]+ed|won|gave|became|took|went|ran|began|wrote|left|made|broke|beat|came|met"
                         r"|bought|sold|built|lost|fought|flew|swam|rode|drove|sang|found|got|held|led|saw"
                         r"|stood|taught|threw|wore|fell|grew|kept|spent|sent|set|shot|struck|won")
_SAYING = frozenset("said told added insisted stated admitted warned explained claimed replied vowed "
                    "conceded argued revealed recalled declared announced confirmed pledged promised "
                    "noted remarked complained pleaded".split())
_ADVERBS = frozenset("still now already also never finally first then later once soon".split())


def _tells_a_past_event(text: str, pos: int) -> bool:
    """Is the verb after the name ending at ``pos`` ("Aged 30, Ruiz| won silver")
    in the past tense, and no verb of saying?"""
    words = text[pos:pos + 60].split()
    while words and words[0] in _ADVERBS:
        words = words[1:]
    verb = words[0].strip(",.;:") if words else ""
    return bool(_PAST_TENSE.fullmatch(verb)) and verb not in _SAYING


def _subject_name(text: str, pos: int) -> str | None:
    """The full name that opens the sentence ending at ``pos`` with ", aged 63"
    ("Giovanni Piras retired on Friday, aged 63."): the one it tells the age of,
    when no other name stands between (a second person, "... with Ana Ruiz")."""
    start = text.rfind(". ", 0, pos)
    start = 0 if start == -1 else start + 2
    m = _NAME_AT.match(text, start)
    if m is None or " " not in m.group() or _clean_name(m.group()) != m.group():
        return None
    if any(w.lower() not in _NOT_NAMES for w in re.findall(rf"[{_UP}][\w'’-]*", text[m.end():pos])):
        return None  # (a day or a month may stand between)
    return m.group()


# Someone of the family, who may share the surname.
_KIN = re.compile(r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|widow|widower|grandson"
                  r"|granddaughter|grandmother|grandfather|twin|parents|sons|daughters|brothers|sisters)\b"
                  r"(?![\s-]+of\b)", re.I)  # ("the 53-year-old mother of three" is herself)
# An age in a sentence: "Peter Grant, 71,", "Mary (69)", "a 69-year-old".
_AN_AGE = re.compile(r",\s+(?:aged\s+)?\d{1,3}(?=[,.;)]|\s+and\b)|\(\d{1,3}\)|\b\d{1,3}-year-old\b")


# Ranks and posts written before a surname, which are no first names ("General
# Prelogar", "Justice Alito", "Coach Kerr").
_RANKS = frozenset("General Justice Judge President Senator Sen Governor Gov Coach Captain Capt Chief "
                   "Detective Inspector Sergeant Sgt Officer Constable PC DC DI DS Superintendent Supt "
                   "Minister Secretary Chancellor Mayor Councillor Cllr Father Sister Brother Saint St "
                   "Reverend Rev Pastor Bishop Rabbi Imam Sheikh King Queen Prince Princess Colonel Col "
                   "Major Lieutenant Lt Commander Admiral Private Corporal Agent Ambassador Speaker "
                   "Representative Rep Chairman Chairwoman Chair Leader Premier Deputy Attorney".split())


def _surname_shared(units: list[TextUnit], mentions: list[_Age]) -> bool:
    """Does the story tell of two people of the surname: a sentence naming it
    with one of the family and two ages (_with_aged_kin), two first names before
    it, or "Mr" and "Mrs" (or "Ms", "Miss") before it?"""
    surname = mentions[0].name.split()[-1]
    before = re.compile(rf"([{_UP}][\w'’.-]*)\s+{re.escape(surname)}(?![\w'’-])")
    firsts: set[str] = set()
    titles: set[str] = set()
    for unit in units:
        if surname not in unit.text:
            continue
        for m in before.finditer(unit.text):
            word = m.group(1).rstrip(".")
            if word == "Mr":
                titles.add("m")
            elif word in ("Mrs", "Ms", "Miss"):
                titles.add("f")
            elif word not in _PERSON_TITLES and word not in _RANKS and word.lower() not in _NOT_NAMES:
                firsts.add(word)
            if _with_aged_kin(_sentence_at(unit.text, m.end())):
                return True
        if any(_with_aged_kin(_sentence_at(unit.text, a.start)) for a in mentions if a.unit is unit):
            return True
    return len(firsts) > 1 or len(titles) > 1


def _with_aged_kin(sentence: str) -> bool:
    """Does ``sentence`` bring in one of the family and give two ages ("Peter
    Grant, 71, and his wife, Mary, 69,")? ("... took over the shop with her
    husband" gives him no age to be confused with hers.)"""
    return bool(_KIN.search(sentence)) and len(_AN_AGE.findall(sentence)) >= 2


def _same_person(a: _Age, b: _Age) -> bool:
    """Are two mentions of a shared surname surely one person: the same first
    name, or titles of the same sex ("Mrs Grant", "Ms Grant")?"""
    if a.first and b.first:
        return a.first == b.first
    return bool(a.title and a.title == b.title and not (a.first or b.first))


def _age_given_elsewhere(units: list[TextUnit], age: int) -> bool:
    """Is ``age`` given to someone unnamed ("her husband, 69", "a 69-year-old man")?
    Then "the 69-year-old" may well be that person."""
    pattern = re.compile(rf"(?:[a-z], (?:aged )?|\(|\baged ){age}\b"
                         rf"|(?<!the )(?<!The )\b{age}-year-old\s+[a-z]"
                         rf"|\b(?:[Aa]n?|[Hh]er|[Hh]is|[Tt]heir) {age}-year-old")
    return any(pattern.search(u.text) for u in units)


def _slip(a: int, b: int) -> bool:
    """Could ``a`` be a slip for ``b``: a year or two off, or two digits swapped (34, 43)?"""
    return abs(a - b) <= 2 or (a >= 10 and b >= 10 and str(a) == str(b)[::-1])


def _age_findings(units: list[TextUnit], story: Joined, encoded: bytes | None = None
                  ) -> Iterator[Annotation]:
    ages = _ages(units, story, encoded)
    by_surname: dict[str, list[_Age]] = {}
    for a in ages:
        if a.name:
            by_surname.setdefault(a.surname, []).append(a)
    for surname, mentions in by_surname.items():
        firsts = {m.first for m in mentions if m.first}
        if len(firsts) > 1 or mentions[0].caption_bracket:
            continue  # two people who share a surname; a caption's "(10)" first
        if len({m.age for m in mentions}) == 1:
            continue  # (nothing to report: the story need not be read for a second person)
        shared = _surname_shared(units, mentions)
        for later in mentions[1:]:
            # Two people of the surname ("Peter Grant, 71, and his wife, Mary, 69"):
            # a mention is compared only with one surely of the same person, by
            # first name or by "Mr" against "Mr", "Mrs" or "Ms" against "Mrs" or "Ms".
            first = next((m for m in mentions if m is not later and (m.unit.index, m.start) < (
                later.unit.index, later.start) and _same_person(m, later)), None) \
                if shared else next((m for m in mentions if not m.then), mentions[0])
            if first is later:
                first = mentions[0]  # (the story's first age now; only an age then came before)
            if first is None:
                continue
            if (later.then and later.age < first.age) or (first.then and first.age < later.age):
                continue  # younger at a past event than now: no slip
            if later.age != first.age and abs(later.age - first.age) <= (2 if later.caption_bracket else 10):
                yield AGE_MISMATCH.at(
                    later.unit.span(later.start, later.end),
                    f"{first.name} is {first.age} earlier in the article but {later.age} here.",
                    related=[first.unit.span(first.start, first.end)],
                    suggestion=Suggestion("replace", later.unit.text[later.start:later.end].replace(
                        str(later.age), str(first.age), 1)),
                    data={"name": first.name, "ages": [first.age, later.age]})
                break
    named = [a for a in ages if a.name and not a.caption_bracket and not a.then]
    reported: set[int] = set()
    for finding, unnamed in _one_person_findings(units, ages, named):
        reported.add(id(unnamed))
        yield finding
    yield from _antecedent_findings(units, ages, named, reported)


# After "the 33-year-old": a role someone else in the story may have ("victim",
# "co-defendant", "wife"), a thing ("footbridge", "pub"), or words a person may be
# described by ("trader", "founder", "man", "grandmother") or a verb ("said").
_OTHER_ROLES = frozenset("victim co-defendant codefendant accomplice wife "
                         "husband son daughter brother sister partner friend neighbour neighbor colleague "
                         "boss attacker assailant opponent rival".split())
_PERSON_NOUN = re.compile(r"[a-z-]*(?:er|or|ist|ant|ent|ian|man|woman|men|women|ess|ee|ive|ster|ier|eur)"
                          r"|boy|girl|mother|grandmother|grandfather|grandad|grandma|mum|dad|widow|widower"
                          r"|pensioner|veteran|star|chief|head|coach|captain|nurse|judge|mp|mep|chef|pilot"
                          r"|mother-of-\w+|father-of-\w+|grandmother-of-\w+|grandfather-of-\w+")
# Verbs and adverbs after "the 58-year-old" ("ran", "wept", "runs", "finally"):
# past tenses, words in -s (few things after an age are plural), -ly.
# Things that have an age in news copy: buildings, vessels, vehicles, institutions.
_THINGS = frozenset("building bridge footbridge viaduct house home cottage farmhouse barn car vehicle bus "
                    "tram train lorry truck ship boat vessel ferry yacht lifeboat aircraft plane jet tree "
                    "oak church chapel cathedral mosque temple school pub bar inn restaurant cafe hotel shop "
                    "store firm company business club tower station theatre cinema mill factory plant "
                    "hospital museum library castle wall statue organ pier lighthouse market stadium ground "
                    "tradition festival race event show band brand law treaty record".split())
_NOT_A_NOUN = _NOT_DESCRIPTIONS | _ADVERBS | frozenset(
    "wept slept felt knew thought heard paid read sat hid rose woke spoke swore fled dug "
    "can cannot will would could should must may might did".split())


# What a person is said to be after the age: ", a guide from the village".
_DESCRIBED_AS = re.compile(r"(?:-year-old)?,?\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,3}[a-z-]+")


def _a_verb(word: str) -> bool:
    return word in _NOT_A_NOUN or bool(_PAST_TENSE.fullmatch(word)) or word.endswith(("s", "ly"))


def _someone_or_something_else(a: _Age, person: _Age) -> bool:
    """Does the word after an unnamed "the 33-year-old" make it another than
    ``person``: a role the person's own sentence does not give them ("Tom Kerr,
    34, denies murdering Sam Ode. The 33-year-old victim ..."), or a thing ("the
    44-year-old footbridge")?"""
    what = a.what
    if not what or (_a_verb(what) and what not in _OTHER_ROLES):
        return False
    own = _sentence_at(person.unit.text, person.start).lower()
    if what in _OTHER_ROLES:
        return what not in own
    if _PERSON_NOUN.fullmatch(what) or what not in _THINGS:
        return False  # (a word of neither list may be a job: "the 25-year-old surgeon")
    # "Giulia Ferrante, 47, a guide from Canazei" ... "the 49-year-old guide": she
    # is described so beside her name or age; "the 44-year-old footbridge" is not.
    text = person.unit.text
    near = text[max(0, person.start - len(person.name) - 30):person.start].lower()
    described = _DESCRIBED_AS.match(text, person.end)
    return what not in near.split() and not (described and what in described.group().lower().split())


def _one_person_findings(units: list[TextUnit], ages: list[_Age], named: list[_Age]
                         ) -> Iterator[tuple[Annotation, _Age]]:
    """An unnamed "the 68-year-old" after the one person whose age the article gives
    (or in the standfirst), with the unnamed age it is about."""
    people = {a.surname for a in named}
    if len(people) != 1:
        return
    person = named[0]
    stated = {a.age for a in named}
    if len(stated) != 1:
        return
    for a in ages:
        if a.name or a.age in stated or (
                a.unit.kind != STANDFIRST  # (a standfirst sums up the story told after it)
                and (a.unit.index, a.start) < (person.unit.index, person.start)):
            continue
        if _slip(a.age, person.age) and not _age_given_elsewhere(units, a.age) \
                and not _someone_or_something_else(a, person):
            yield AGE_MISMATCH.at(
                a.unit.span(a.start, a.end),
                f"{person.name} is {person.age} "
                f"{'in the body' if a.unit.kind == STANDFIRST else 'earlier in the article'}, but here "
                f"\"the {a.age}-year-old\".",
                related=[person.unit.span(person.start, person.end)],
                suggestion=Suggestion("replace", f"{person.age}-year-old"),
                data={"name": person.name, "ages": [person.age, a.age]}), a


# Between a name and "the 64-year-old": someone else the age may belong to ("his
# wife", "a neighbour"), or another person named in full.
_SOMEONE_ELSE = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|partner|friend|neighbou?r|colleague"
    r"|widow|widower|grandson|granddaughter|grandmother|grandfather|child|children|boss|driver"
    r"|victim|man|woman|boy|girl|men|women|passenger|patient|suspect)s?\b", re.I)
_TWO_CAPITALS = re.compile(rf"[{_UP}][\w'’-]*[a-z][\w'’-]*\s+[{_UP}][\w'’-]*[a-z][\w'’-]*")
_ANTECEDENT_REACH = 400  # characters back from "the 64-year-old" to the name it stands for


def _antecedent(units: list[TextUnit], a: _Age,
                people: dict[str, _Age], surnames: re.Pattern) -> _Age | None:
    """The person an unnamed "the 64-year-old" stands for: the last one whose age
    the article gives to be named before it (``surnames`` finds them), in its
    paragraph or (not in a caption) the text before, with nobody else named or
    brought in between."""
    texts = [a.unit.text[:a.start]]
    at = a.story_at
    if a.unit.kind != CAPTION and at > 0 and units[at - 1].kind != CAPTION:
        texts.insert(0, units[at - 1].text)
    between = ""
    for text in reversed(texts):
        last = None
        for last in surnames.finditer(text):
            pass
        if last is not None:
            between = text[last.end():] + " " + between
            person = people.get(fold(last.group()))
            sentence = text[max(text.rfind(". ", 0, last.start()), 0):last.start()]
            if any(fold(m.group()) != fold(last.group()) for m in surnames.finditer(sentence)):
                return None  # "Ana Ruiz, 41, and Tom Kerr, 52, ...": either may be meant
            break
        between = text + " " + between
    else:
        return None
    if person is None or len(between) > _ANTECEDENT_REACH or _SOMEONE_ELSE.search(between):
        return None
    for m in _TWO_CAPITALS.finditer(between):
        name = _clean_name(m.group())
        if name is not None and " " in name \
                and not _PLACE_BEFORE.search(between, max(0, m.start() - 12), m.start()):
            return None  # another person (or a body: "Poste Italiane") named in between
    return person


def _antecedent_findings(units: list[TextUnit], ages: list[_Age], named: list[_Age],
                         reported: set[int]) -> Iterator[Annotation]:
    """An unnamed "the 64-year-old" against the age given by name to the person
    it stands for (_antecedent), before it or after it ("On Friday, the
    64-year-old made his last round." ... "Piras, 63, said ..."): the later of the
    two is reported, and only as a slip of a year or two or two swapped digits."""
    by_surname: dict[str, list[_Age]] = {}
    for a in named:
        by_surname.setdefault(a.surname, []).append(a)
    people = {surname: mentions[0] for surname, mentions in by_surname.items()
              if len({m.age for m in mentions}) == 1 and len({m.first for m in mentions if m.first}) <= 1}
    if not people:
        return
    unnamed = [a for a in ages if not a.name and id(a) not in reported]
    if not unnamed:
        return
    surnames = re.compile(r"(?<![\w'’-])(?:" + "|".join(
        re.escape(p.name.split()[-1]) for p in people.values()) + r")(?![\w'’-])")
    for a in unnamed:
        person = _antecedent(units, a, people, surnames)
        if person is None or a.age == person.age or not _slip(a.age, person.age) \
                or _age_given_elsewhere(units, a.age) or _someone_or_something_else(a, person):
            continue
        if (a.unit.index, a.start) > (person.unit.index, person.start):
            later, earlier, fix = a, person, f"{person.age}-year-old"
            message = (f"{person.name} is {person.age} earlier in the article, "
                       f"but here \"the {a.age}-year-old\".")
        else:
            later, earlier, fix = person, a, str(a.age)
            message = (f"{person.name} is \"the {a.age}-year-old\" earlier in the article, "
                       f"but {person.age} here.")
        yield AGE_MISMATCH.at(
            later.unit.span(later.start, later.end), message,
            related=[earlier.unit.span(earlier.start, earlier.end)],
            suggestion=Suggestion("replace", fix),
            data={"name": person.name, "ages": [earlier.age, later.age]})


# -- list counts --------------------------------------------------------------

_COUNT_WORDS = {w: v for w, v in UNITS.items() if 2 <= v <= 12}
_SPANS_OF_TIME = frozenset("seconds minutes hours days nights weeks months years decades "
                           "centuries times seasons".split())  # "Within two hours, officer ..."
_PLURAL_IRREGULAR = frozenset("people men women children police staff".split())
# A list opens where a comma, colon or dash (after a space) is followed by a capital;
# the count and its noun are then read backwards from there ("two ministers|, Haddad
# ..."). One pattern per punctuation mark, each starting with its mark: the regex
# engine skips to one character several times faster than to any of a set.
# An item may open with what the person is ("midfielder Álvaro Navarro", "former
# minister Ana Ruiz"): a word ending as names of roles and jobs do, or one of a
# few others, at most one word before it, and never a word that makes the list a
# partial one ("including Haddad") or is no role at all.
_ROLE_WORD = (r"(?:[a-z-]*(?:er|or|ist|ant|ent|ian|man|woman|ess|ee|ive|ster)"
              r"|chef|coach|judge|mp|mep|head|chief|deputy|captain|son|daughter|wife|husband"
              r"|colleague|friend|back|forward|spokesperson|envoy|candidate|rival)")
_NOT_ROLE = frozenset("after under over later either neither other another whether together "
                      "rather never ever however per her their earlier whoever whatever winter "
                      "summer october november december september answer power water "
                      "including among such like notably especially plus with and or but the "
                      "his its said says while whom whose where when led both all then from in "
                      "at of to for by on as than".split())
_ROLE = re.compile(rf"(?:(?P<r1>[a-z][a-z-]+)\s+)?(?P<r2>{_ROLE_WORD})\s+(?=[{_UP}])")
# The first item may open with a role: one or two lower-case words before the
# capital (read by _role_end before anything else is).
# After a comma only where a plural ends ("players, midfielder ..."): commas are many.
_THEN_ROLE = rf"(?=[a-z][a-z-]+\s+(?:[a-z][a-z-]+\s+)?[{_UP}])"
_LIST_OPENS = {",": re.compile(rf",(?:\s+(?=[{_UP}])|(?<=[sefn],)\s+{_THEN_ROLE})"),
               ":": re.compile(rf":\s+(?=[{_UP}]|{_THEN_ROLE})"),
               "(": re.compile(rf"\((?=[{_UP}])"),  # "Two ministers (Haddad, Varga and Okafor)"
               **{dash: re.compile(rf"{dash}(?<=\s{dash})\s+(?=[{_UP}]|{_THEN_ROLE})") for dash in "—–-"},
               # "The four winners were Ana Ruiz, ...": the count is the subject (see _list_findings)
               **{verb: re.compile(rf"{verb}(?<=\s{verb})\s+(?=[{_UP}]|{_THEN_ROLE})")
                  for verb in ("were", "are")}}
_COUNT = re.compile(
    r"(?<![\w-])(?P<count>" + "|".join(_COUNT_WORDS) + r"|[2-9]|1[0-2])"
    r"(?P<noun>(?:\s+[a-z][a-z-]+){1,3})\s*$", re.I)
# A count, its noun and what they did before a colon or a dash ("Three ministers
# left the government: ..."): the predicate is a few lower-case words with no
# other plural, number or clause in them that the list could be about instead.
_COUNT_PRED = re.compile(
    r"(?<![\w-])(?P<count>" + "|".join(_COUNT_WORDS) + r"|[2-9]|1[0-2])"
    r"(?P<noun>(?:\s+[a-z][a-z-]+)?\s+(?:[a-z][a-z-]*s|people|men|women|children))"
    r"(?P<pred>(?:\s+[a-z][a-z'’-]+){1,5})\s*$", re.I)
_PRED_ALLOWED_S = frozenset("was has is his its this as us thus across".split())
_PRED_STOP = frozenset("and or but who which that whom whose while including of".split()) | set(_COUNT_WORDS)
# A title before a name, written with a full stop ("Dr. Ana Ruiz"), or a title
# with "of" in it ("Minister of State Faris Obeidat"): one item, not two.
_TITLE_DOT = r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|St)\.\s+)?"
_ITEM = re.compile(rf"{_TITLE_DOT}(?:{_NAME})(?:\s+of\s+(?:the\s+)?(?:{_NAME}))*(?![\w'’])")
_SEP = re.compile(r",\s+(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|&|as\s+well\s+as)\s+")
# The separator before a list's last item ("and", "or", "as well as").
_JOINER = re.compile(r"\b(?:and|or|as\s+well\s+as)\b|&")
# What an item may say after its name before the next separator: the post
# ("Ngozi Eze for health", "Tom Kerr as treasurer") in a few lower-case words,
# or a bracket ("Ana Ruiz (health)").
_ITEM_AFTER_NAME = re.compile(
    r"\s+(?:for|as)\s+(?:the\s+)?(?!and\b|or\b)[a-z][a-z-]+(?:\s+(?!and\b|or\b|as\b)[a-z][a-z-]+){0,2}"
    r"(?=,|\s+(?:and|or|as\s+well\s+as)\s|\s*[.;:)—–]|\s*$)"
    r"|\s*\([^()\d]{1,40}\)")
_NUMERIC_ITEM = re.compile(r"\d{1,3}(?=,|\s+(?:and|or)\b|[.;:)])")
_END = re.compile(r"\s*(?:[.;:)!?—–]|,|$)|\s+-\s")  # (a hyphen typed for a dash: "- A, B and C - won")


# An item described before its name, after an article: "the Colombian singer
# Valentina Ochoa", "the Argentine rock band Los Tranvías", "the cellist Rosario Quispe".
_DESCRIBED = re.compile(rf"(?:the|a|an)\s+(?:[{_UP}][\w'’-]*[a-z]\s+)?"
                        rf"(?P<d>(?:[a-z][a-z-]+\s+){{1,3}})(?=[{_UP}])")


def _role_end(text: str, pos: int) -> int:
    """Where the name starts after a role ("midfielder Álvaro ...") at ``pos``; ``pos`` if none."""
    d = _DESCRIBED.match(text, pos)
    if d is not None and not any(w in _NOT_ROLE for w in d.group("d").split()):
        return d.end()
    r = _ROLE.match(text, pos)
    if r is None or r.group("r2") in _NOT_ROLE or (r.group("r1") or "") in _NOT_ROLE:
        return pos
    return r.end()


def _list_items(text: str, pos: int, inner: list[int] | None = None
                ) -> tuple[list[tuple[int, int]], bool] | None:
    """Capitalised items from ``pos``: their spans, and whether the last was joined by and/or.
    None when the text from ``pos`` is no list, or one whose count is unsure: an "and"
    before a later item ("Healy and Daughters, Smith Ltd and Jones") may join two
    words of one name. Given ``inner``, such a list is read all the same, and the
    number of those "and"s is added to it: the list holds that many items fewer
    if each joins one name."""
    items: list[tuple[int, int]] = []
    joined_last = False
    while True:
        pos = _role_end(text, pos)
        m = _ITEM.match(text, pos)
        if m is None:
            return None if not items else (items, joined_last)
        items.append((m.start(), m.end()))
        pos = m.end()
        tail = _ITEM_AFTER_NAME.match(text, pos)
        if tail is not None:
            pos = tail.end()
        sep = _SEP.match(text, pos)
        if sep is None:
            return (items, joined_last) if _END.match(text, pos) else None
        after = sep.end()
        nm = _NUMERIC_ITEM.match(text, after)  # an age between names: "Smith, 45, and Jones"
        if nm and "," in sep.group():
            sep2 = _SEP.match(text, nm.end())
            if sep2 is None:
                return (items, joined_last) if _END.match(text, nm.end()) else None
            sep, after = sep2, sep2.end()
        if _ITEM.match(text, _role_end(text, after)) is None:
            # The list ended at this separator: it must be a comma, not "and".
            return (items, joined_last) if "," in sep.group() and not _JOINER.search(
                sep.group()) else None
        if joined_last:
            if inner is None or not sep.group().startswith(","):
                return None  # an and/or before an earlier item was not the last separator
            inner[0] += 1  # "Marks and Spencer, Tesco": maybe one name
        joined_last = bool(_JOINER.search(sep.group()))
        pos = after


# A sentence's end: a full stop, "!" or "?" before a capital or the end (not after
# an initial or an abbreviated title: "J. Smith", "Dr. Ruiz").
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr|\bMs|\bDr|\bSt)(?<!\bMrs)[.!?](?=\s+[\"“‘'(]?[A-Z0-9]|\s*$)")
# After a name in a semicolon list: the end of its item, or an apposition or bracket.
_ITEM_TAIL = re.compile(r"\s*(?:;|,|\(|$)")


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


def _semicolon_items(text: str, pos: int) -> tuple[list[tuple[int, int]], bool] | None:
    """The names heading the items of a list split by semicolons, each item a name
    and what it says about the person ("Sami Al-Zoubi, the finance minister;
    Rana Khasawneh, who ...; and Faris Obeidat, a minister of state"), up to the
    sentence's end. None unless every item opens with a name and the last with
    "and" or "or" (an item that names two people, "A and B, the deputies", is unsure)."""
    end = _sentence_end(text, pos)
    items: list[tuple[int, int]] = []
    joined = False
    for n, part in enumerate(text[pos:end].split(";")):
        start = pos
        pos += len(part) + 1
        lead = re.match(r"\s*(?:(and|or)\s+)?", part)
        if lead.group(1) and n == 0:
            return None
        at = _role_end(text, start + lead.end())
        m = _ITEM.match(text, at)
        if m is None or m.end() > end:
            return None
        if _ITEM_TAIL.match(text, m.end(), end) is None:
            return None  # (" and Tom Kerr, the deputies": two people in one item)
        items.append((m.start(), m.end()))
        joined = bool(lead.group(1))
        if joined and pos <= end:
            return None  # "and" before an item that is not the last
    return (items, joined)


# A count and its plural noun, then where they sit ("The three opposition
# councillors on the urban planning committee, ..."): a preposition and a few
# lower-case words with no plural among them that the list could be about instead.
_COUNT_PREP = re.compile(
    r"(?<![\w-])(?P<count>" + "|".join(_COUNT_WORDS) + r"|[2-9]|1[0-2])"
    r"(?P<noun>(?:\s+[a-z][a-z-]+){0,2}\s+(?:[a-z][a-z-]*s|people|men|women|children))"
    r"(?P<pred>\s+(?:on|in|at|from|for|of)(?:\s+[a-z][a-z'’-]+){1,4})\s*$", re.I)


# The subject of "were"/"are" before a list: a count and its plural noun, then
# what sets them apart ("The three commissioners sworn in at the State House
# were ...", "The two ministers who resigned were ...", "The four nominees for
# the prize are ..."): a relative pronoun, a participle or a preposition and a
# few words (read by _count_subject).
_COUNT_SUBJECT = re.compile(
    r"(?<![\w-])(?P<count>" + "|".join(_COUNT_WORDS) + r"|[2-9]|1[0-2])"
    r"(?P<noun>(?:\s+[a-z][a-z-]+){0,2}\s+(?:[a-z][a-z-]*s|people|men|women|children))"
    r"(?P<pred>\s+(?:who|that|[a-z]+ed|sworn|chosen|elected|named|held|shortlisted|on|in|at|for|from|"
    r"of|to|with|under|behind)(?:\s+[\w'’.-]+){0,8})\s*$", re.I)
# Words that make the words before "were" a clause of their own, whose subject
# the list may be ("The two men said the attackers were ..."), or join two groups.
_SUBJECT_STOP = frozenset("and or but which while whose whom including said says told say "
                          "believe believed think thought added".split())
# The words a count is written as (a cheap test before _COUNT_PREP's search).
_COUNT_TOKENS = frozenset(list(_COUNT_WORDS) + [str(n) for n in range(2, 13)])
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")  # (a quote mark or bracket before a count word is no part of it)
_COUNT_TOKEN_BYTES = frozenset(w.encode() for w in _COUNT_TOKENS)
# ASCII letters lower-cased and digits kept, every other byte a space.
_ALNUM_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32
                     for c in range(256))


def _may_count(text: str, words: bytes, sep_start: int) -> bool:
    """Could a count stand before a list's opening mark at ``sep_start``, as
    _count_before reads one? Its three patterns take the count within 80
    characters before the mark, as a whole word (no letter, digit or hyphen before
    it, a space after), so the words there, cut at every other character, must
    include it. Most openings (a comma before a capital) have none: this skips
    their three searches. ``words``: ``text`` encoded ASCII ("replace") and
    translated by _ALNUM_BYTES, for a split in C. "İ", "ı" and "ſ", which the
    patterns (ignoring case) read as "i" and "s", are left to the searches.
    ``text`` may be texts joined: the words of the text before are a few more."""
    start = max(0, sep_start - 80)
    window = text[start:sep_start]
    if not window.isascii() and ("\u0130" in window or "\u0131" in window or "\u017f" in window):
        return True
    return not _COUNT_TOKEN_BYTES.isdisjoint(words[start:sep_start].split())


def _count_before(text: str, sep_start: int) -> re.Match | None:
    """The count and its plural noun just before a list's opening mark ("two
    ministers|, Haddad ..."); before a colon or a dash, also with what they did in
    between ("Three ministers left the government|: ...")."""
    m = _COUNT.search(text, max(0, sep_start - 48), sep_start)
    if m is not None and _plural_noun(m):
        return m
    if text[sep_start].isalpha():
        return _count_subject(text, sep_start)  # "were"/"are"
    window = text[max(0, sep_start - 80):sep_start]
    m = _COUNT_PREP.search(text, max(0, sep_start - 80), sep_start) \
        if not _COUNT_TOKENS.isdisjoint(_WORD_SPLIT.split(window.lower())) else None
    if m is not None and _plural_noun(m) and not any(
            w in _PRED_STOP or (w.endswith("s") and w not in _PRED_ALLOWED_S)
            for w in m.group("pred").lower().split()[1:]):
        return m
    if text[sep_start] == ",":
        return None
    m = _COUNT_PRED.search(text, max(0, sep_start - 72), sep_start)
    if m is None or not _plural_noun(m) or any(
            w in _PRED_STOP or (w.endswith("s") and w not in _PRED_ALLOWED_S)
            for w in m.group("pred").lower().split()):
        return None
    return m


def _count_subject(text: str, sep_start: int) -> re.Match | None:
    """A count, its noun and what sets them apart before "were" or "are" (see
    _COUNT_SUBJECT); None when those words hold a clause or another plural the
    list could be about ("The two men who attacked the guards were ...")."""
    m = _COUNT_SUBJECT.search(text, max(0, sep_start - 80), sep_start)
    if m is None or not _plural_noun(m):
        return None
    for word in m.group("pred").split()[1:]:
        if not word.islower():
            continue  # a name or a place ("at the State House in Alausa")
        if word in _SUBJECT_STOP or (word.endswith("s") and not word.endswith("ss")
                                     and word not in _PRED_ALLOWED_S):
            return None
    return m


def _plural_noun(m: re.Match) -> bool:
    """Whether a count's noun is a plural of things that can be listed ("ministers",
    not "hours" or "two of the ...")."""
    noun = m.group("noun").split()
    head = noun[-1].lower()
    if not (head.endswith("s") or head in _PLURAL_IRREGULAR) or head.endswith("ss") \
            or head in _SPANS_OF_TIME:
        return False
    return not any(w.lower() in ("of", "and", "or", "who", "which", "were", "are", "was", "is")
                   for w in noun[:-1])


# A part before the count: "Two of the three suspects", "four of his six sons",
# "two of the club's three new signings".
_PART_OF = re.compile(r"(?<![\w-])(?P<part>" + "|".join(_COUNT_WORDS) + r"|[1-9]|1[0-2]|one)\s+of\s+"
                      r"(?:(?:the|his|her|their|its|our|my|your|these|those)\s+)?(?:[\w-]+['’]s?\s+)?$",
                      re.I)


def _count_value(word: str) -> int:
    return 1 if word.lower() == "one" else _COUNT_WORDS.get(word.lower()) or int(word)


def _list_findings(units: list[TextUnit], story: Joined, encoded: bytes) -> Iterator[Annotation]:
    """``encoded``: the joined text encoded ASCII with "replace"."""
    # An opening with no count before its mark is dropped as it is found, in the
    # joined text (most are: commas before capitals; see _may_count).
    words = encoded.translate(_ALNUM_BYTES)
    openings = [(m.start(), m.end()) for mark, pattern in _LIST_OPENS.items() if mark in story.text
                for m in pattern.finditer(story.text) if _may_count(story.text, words, m.start())]
    openings.sort()  # (unit by unit, in the order of the text)
    for at, end in openings:
        i, sep_start = story.where(at)
        list_start = sep_start + end - at
        unit = units[i]
        text = unit.text
        if text.startswith("namely ", list_start):
            list_start += 7  # "three ministers, namely Haddad, ..."
        if text[list_start].islower() and _role_end(text, list_start) == list_start:
            continue  # no role before the capital: no list opens here
        m = _count_before(text, sep_start)
        if m is None:
            continue
        if m.start() and text[m.start() - 1] in "-–$£€":
            continue
        before = text[max(0, m.start() - 12):m.start()].lower()
        if text[sep_start].isalpha() and not re.search(r"(?:^|[.;:]\s+|\s)the\s+$", before):
            continue  # "were" opens a list only after "the four winners", the sentence's subject
        if re.search(r"(?:top|first|last|final|other|another|those|these|all)\s+$", before):
            continue  # "the top three teams, ..." names a selection; "all five ..." is fine too
        # "Two of the three suspects, Tom Kerr and Sam Ode, ...": the names may be
        # the two as well as the three.
        part = _PART_OF.search(text, max(0, m.start() - 30), m.start())
        parsed = None
        inner = [0]
        if text[sep_start] != "," and ";" in text[list_start:_sentence_end(text, list_start)]:
            parsed = _semicolon_items(text, list_start)
        else:
            parsed = _list_items(text, list_start, inner)
        if parsed is None:
            continue
        items, joined = parsed
        if len(items) < 2 or not joined:
            continue
        count_text = m.group("count")
        count = _COUNT_WORDS.get(count_text.lower()) or int(count_text)
        if len(items) - inner[0] <= count <= len(items):
            continue  # (each "and" before the last item may join one name: "Marks and Spencer")
        if part is not None and len(items) - inner[0] <= _count_value(part.group("part")) <= len(items):
            continue
        names = [text[s:e] for s, e in items]
        least = f"{len(items) - inner[0]} to {len(items)}" if inner[0] else str(len(items))
        yield LIST_COUNT.at(
            unit.span(m.start("count"), m.end("noun")),
            f"\"{text[m.start('count'):m.end('noun')]}\" introduces {least} names: "
            f"{', '.join(names)}.",
            related=[unit.span(s, e) for s, e in items],
            data={"count": count, "items": len(items)})


# A count after the list it sums up: "Ana Ruiz, Tom Kerr and Li Wei, the two
# ministers who resigned, ..." (one pattern opening on its comma: the engine
# skips to commas at C speed).
_COUNT_AFTER_LIST = re.compile(
    r",\s+(?:the|all)\s+(?P<count>" + "|".join(_COUNT_WORDS) + r"|[2-9]|1[0-2])"
    r"(?P<noun>\s+[a-z][a-z-]*s)\b")


def _count_after_findings(units: list[TextUnit], story: Joined) -> Iterator[Annotation]:
    """Lists of full names that open their sentence and are summed up by a count
    after them (_COUNT_AFTER_LIST). Every item must be a full name (two words or
    more, none of them a day, month or function word): "In Madrid, Paris and
    Rome, the two leaders met" lists places, "On Monday, ..." opens on a day."""
    for match in _COUNT_AFTER_LIST.finditer(story.text):
        i, pos = story.where(match.start())
        unit = units[i]
        text = unit.text
        if not _plural_noun(match) or match.group("noun").strip() in _SPANS_OF_TIME:
            continue
        cut = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos), text.rfind(": ", 0, pos))
        start = cut + 2 if cut != -1 else len(text) - len(text.lstrip())
        parsed = _list_items(text, start)
        if parsed is None:
            continue
        items, joined = parsed
        if len(items) < 2 or not joined or any(
                " " not in text[s:e] or _clean_name(text[s:e]) != text[s:e] for s, e in items):
            continue  # a place, a day ("On Monday, ..."), or a name in one word
        last_end = items[-1][1]
        tail = _ITEM_AFTER_NAME.match(text, last_end)
        if (tail.end() if tail else last_end) != pos:
            continue  # the list does not end at the count's comma
        count_text = match.group("count")
        count = _COUNT_WORDS.get(count_text.lower()) or int(count_text)
        if count == len(items):
            continue
        at = pos + match.start("count") - match.start()
        noun_end = pos + match.end("noun") - match.start()
        names = [text[s:e] for s, e in items]
        yield LIST_COUNT.at(
            unit.span(at, noun_end),
            f"\"{text[at:noun_end]}\" sums up {len(items)} names: {', '.join(names)}.",
            related=[unit.span(s, e) for s, e in items],
            data={"count": count, "items": len(items)})


# -- the same quantity in two parts of the article ---------------------------

_AFTER_WORDS = re.compile(r"\s*([a-z][a-z'’-]*)(?:\s+([a-z][a-z'’-]*))?(?:\s+([a-z][a-z'’-]*))?"
                          r"(?:\s+([a-z][a-z'’-]*))?(?:\s+([a-z][a-z'’-]*))?")
_AUX = frozenset("were was are is have has had been be being will would could may might "
                 "did do does also still had".split())
_RELATIVE = frozenset(("who", "that", "which"))
_STOP_NOUNS = frozenset("of to the a an and or in on at for from by with per than that "
                        "this as is are was were percent cent year years old time times "
                        "day days week weeks month months hour hours minute minutes second "
                        "seconds".split())
_PARTS = {STANDFIRST: "standfirst", CAPTION: "caption"}


@dataclass(frozen=True)
class _Framed:
    unit: TextUnit
    q: Quantity
    key: tuple[str, ...]


def _noun_key(word: str) -> str:
    w = fold(word)
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


# Past participles not in -ed that are also the verb's past tense (or its
# present: "will cut 600 jobs", "600 jobs will be cut"), so that both orders
# give one key.
_IRREGULAR_PARTICIPLES = frozenset("cut hit hurt shut put set lost left held built sold kept paid "
                                   "sent spent laid shot brought caught bought found made".split())


_BEFORE_WORDS = re.compile(r"([A-Za-z][a-z'’-]+)\s+([a-z][a-z'’-]+)\s+(?:by\s+|to\s+)?$")


# "the plant employs (more than) 850 workers": a count framed by the verb before it
# and the noun after it. The verb is a lower-case word that is no function word
# (its stem is compared: "employs", "employed"); a hedge may stand between.
_NOT_VERBS = frozenset("the and but nor for with from into onto than that this these those "
                       "its his her their our your all only just some any each every both about "
                       "around over under nearly almost more less fewer least most than per "
                       "between among across after before since until during without within "
                       "against toward towards through via plus minus like unlike near also "
                       "another other which who whom whose what when where while whereas "
                       "was were are has had have been being will would could should may might "
                       "must did does not out off down another number total figure "
                       # a verb of saying opens a clause: "Organisers said 321 runners crossed"
                       "said says say told tells added adds stated claimed reported reports "
                       "believe believes believed think thinks thought noted warned".split())


def _verb_before(text: str, start: int) -> str | None:
    """The verb before the figure at ``start``, past a hedge ("employs more than 850")."""
    if start < 4 or text[start - 1] != " ":
        return None
    words = text[max(0, start - 40):start].split()
    if start > 40:
        words = words[1:]  # the first may be cut
    for n in (4, 3, 2, 1):
        if len(words) > n and " ".join(words[-n:]) in HEDGES:
            words = words[:-n]
            break
    if not words:
        return None
    verb = words[-1]
    if len(verb) < 3 or not (verb.isascii() and verb.isalpha() and verb.islower()) \
            or verb in _NOT_VERBS or verb in _STOP_NOUNS:
        return None
    return verb


# The ends of a range told in words: "between 400 and 450", "from 400 to 450".
_RANGE_OPENS = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+$")
_RANGE_FIRST_END = re.compile(r"\s+(?:and|to)\s+\d")
_RANGE_SECOND_END = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+\S+\s+(?:and|to)\s+$")


def _in_worded_range(text: str, q: Quantity) -> bool:
    """Whether ``q`` is one end of a range told in words (_RANGE_OPENS)."""
    return bool((_RANGE_OPENS.search(text, max(0, q.start - 10), q.start)
                 and _RANGE_FIRST_END.match(text, q.end))
                or _RANGE_SECOND_END.search(text, max(0, q.start - 30), q.start))


def _verb_key(word: str) -> str:
    w = fold(word)
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and not w.endswith("ss") and len(w) - len(suffix) >= 3:
            return w[:-len(suffix)]
    return w


def _framed(unit: TextUnit, english: bool) -> Iterator[_Framed]:
    for q, key in _frames(unit.text, quantities(unit.text, words=english), english):
        yield _Framed(unit, q, key)


# English verbs that tell the same thing of a counted noun ("430 people spent
# the night" / "500 people slept"; "cut 600 jobs" / "shed 700 jobs"), by the
# stem _verb_key gives them: a figure so framed also gets the key ("~", noun, class).
_VERB_CLASSES = {
    # (_verb_key leaves a stem shorter than three letters whole: "died", "dies", "dying")
    **dict.fromkeys(("died", "dies", "dying", "die", "kill", "dead", "perish"), "die"),
    **dict.fromkeys(("injur", "hurt", "wound"), "injure"),
    **dict.fromkeys(("arrest", "detain"), "arrest"),
    **dict.fromkeys(("evacuat", "displac", "relocat"), "evacuate"),
    **dict.fromkeys(("rescu", "sav"), "rescue"),
    **dict.fromkeys(("spent", "slept", "stay", "shelter"), "spend-the-night"),
    **dict.fromkeys(("cut", "shed", "axed", "axe", "slash", "lost", "lose", "eliminat"), "cut"),
    **dict.fromkeys(("attend", "gather"), "attend"),
}


def _frames(text: str, found: list[Quantity], english: bool) -> Iterator[tuple[Quantity, tuple[str, ...]]]:
    """Each figure ``found`` in ``text`` that words frame, with the key of those words
    (in English, also by the verb before it: its function words are known, and by
    the class of that verb, _VERB_CLASSES)."""
    classed: set[tuple[int, tuple[str, ...]]] = set()
    for q, key in _plain_frames(text, found, english):
        yield q, key
        if not english or key[0] == "<":
            continue
        noun, verb = (key[1], key[2]) if key[0] == "v" else (key[0], _verb_key(key[1]))
        verb_class = _VERB_CLASSES.get(verb)
        if verb_class and (q.start, (noun, verb_class)) not in classed:
            classed.add((q.start, (noun, verb_class)))
            yield q, ("~", noun, verb_class)


def _plain_frames(text: str, found: list[Quantity], english: bool
                  ) -> Iterator[tuple[Quantity, tuple[str, ...]]]:
    """_frames without the verb classes."""
    for q in found:
        if q.joined or (not q.percent and not q.currency and q.from_words and q.value < 10):
            continue
        if _in_worded_range(text, q):
            continue  # "between 400 and 450 people": a range, as "400-450" is
        if 1800 <= q.value <= 2100 and not (q.percent or q.currency) and "," not in q.text:
            continue  # a year
        if q.percent or q.currency:
            # "prices rose 27%", "the deal is worth €1.2bn": framed by the words before.
            figure_start = q.start - (len(q.text) - len(q.text.lstrip()))
            b = _BEFORE_WORDS.search(text, max(0, q.start - 40), figure_start)
            if b and not q.hedge and fold(b.group(1)) not in _STOP_NOUNS | _AUX \
                    and fold(b.group(2)) not in _STOP_NOUNS | _AUX:
                yield q, ("<", _noun_key(b.group(1)), fold(b.group(2)))
                continue
        m = _AFTER_WORDS.match(text, q.end, q.end + 60)
        if m is None or m.start(1) - q.end > 1:
            continue
        words = [w for w in m.groups() if w]
        if not words or words[0] in _STOP_NOUNS:
            continue
        if english and not q.percent and not q.currency:
            verb = _verb_before(text, q.start)
            # The noun a count in English takes is plural: "nur 14 von" is no verb and noun.
            if verb and (words[0] in _PLURAL_IRREGULAR
                         or (words[0].endswith("s") and not words[0].endswith("ss"))):
                yield q, ("v", _noun_key(words[0]), _verb_key(verb))
        if len(words) < 2:
            continue
        if english and not q.percent and not q.currency and words[0].endswith("ed") \
                and (words[1] in _PLURAL_IRREGULAR
                     or (words[1].endswith("s") and not words[1].endswith("ss"))):
            # "the 460 evacuated residents" is "evacuated 460 residents" told of them
            yield q, ("v", _noun_key(words[1]), _verb_key(words[0]))
        noun, rest = words[0], words[1:]
        if rest and rest[0] in _RELATIVE:
            rest = rest[1:]  # "the 3,200 workers who walked out" frames as "workers walked"
        while rest and rest[0] in _AUX:
            rest = rest[1:]
        if not rest or rest[0] in _STOP_NOUNS:
            continue
        yield q, (_noun_key(noun), fold(rest[0]))
        if english and not q.percent and not q.currency and (
                rest[0].endswith("ed") or rest[0] in _IRREGULAR_PARTICIPLES) \
                and (noun in _PLURAL_IRREGULAR or (noun.endswith("s") and not noun.endswith("ss"))):
            # A participle after the noun is the verb before it turned round: "54
            # people (were) arrested" is "police arrested 45 people" told the other way.
            yield q, ("v", _noun_key(noun), _verb_key(rest[0]))


# A figure is framed by the word after it ("430 people", "1.2bn euros": never
# more than one space between) or, a sum of money or a percentage, by the
# words before it. So a text holds no framed figure unless a digit is followed
# by a letter or "%" (after spaces or a hyphen: "1.2 billion", "27 %"), it has
# a currency sign (numbers._CURRENCY) or, in English, a number word. Most
# captions have none, and their figures (dates, years, "Photo 12:") need not
# be read. The letters are those that [a-z] matches ignoring case, as the
# scales and currency words after a figure are read; the currency signs are
# written one literal per alternative, so the regex engine skips to them.
_DIGIT_THEN_LETTER = re.compile(r"\d[\s-]*[a-zA-Z%\u0130\u0131\u017f\u212a]")
_CURRENCY_SIGN = re.compile(r"\$|£|€|¥|₹|Rs|R\d|N\d")


def _texts_maybe_framed(texts: list[str], english: bool) -> set[int]:
    """The numbers of the ``texts`` that may hold a framed figure, found in a
    few scans of them all (joined) rather than a few calls per text."""
    joined = Joined(texts)
    found = set(joined.holding_match(_DIGIT_THEN_LETTER))
    found.update(joined.holding_match(_CURRENCY_SIGN))
    if english:
        found.update(texts_with_number_word(joined))
    return found


def _same_kind(a: Quantity, b: Quantity) -> bool:
    if a.percent != b.percent:
        return False
    if bool(a.currency) != bool(b.currency):
        return False
    return not (a.currency and b.currency and a.currency != b.currency)


_LOWER_WORDS = re.compile(r"[a-z][a-z'-]*")


def _stems(words: list[str]) -> set[str]:
    """Each word as written and as ``_noun_key`` would reduce it."""
    out = set(words)
    out.update(w[:-1] for w in words if w.endswith("s") and not w.endswith("ss"))
    return out


def _consistent(a: Quantity, b: Quantity) -> bool:
    """Can two statements of one quantity both be right? Rounding and hedges are
    allowed, but a small exact count ("10 candidates", "13 candidates") is not a
    rounding of another."""
    if a.value == b.value:
        return True
    if not a.hedge and not b.hedge and max(a.value, b.value) < 100 \
            and a.value.is_integer() and b.value.is_integer():
        return False
    return agrees(a, b) or agrees(b, a)


_MAX_KEY_WORDS = 32  # beyond this many first words, testing them costs more than it saves


def _key_words(keys: set[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]] | None:
    """The words a paragraph must contain to frame a figure with one of ``keys``,
    grouped by the first of them; None when the test would not pay.

    A key's words are written in lower case in the text (or lower-cased from a
    capital by fold()), so they are in the lower-cased paragraph. A word with an
    apostrophe may have been written with a curly one, which fold() straightens,
    so it is not required."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:
        words = [w for w in (key[1:2] if key[0] == "~" else key[1:] if key[0] in ("<", "v") else key)
                 if "'" not in w]
        if not words:
            return None
        groups.setdefault(words[0], []).append(tuple(words[1:]))
    return groups if len(groups) <= _MAX_KEY_WORDS else None


def _holds_key_words(text: str, key_words: dict[str, list[tuple[str, ...]]]) -> bool:
    for first, others in key_words.items():
        if first in text and any(all(w in text for w in rest) for rest in others):
            return True
    return False


# ASCII capitals lower-cased, every other byte kept.
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def _holding_key_words(units: list[TextUnit], key_words: dict[str, list[tuple[str, ...]]]) -> list[int]:
    """The numbers of the ``units`` whose lower-cased text may hold, for some key,
    its longest word: the rarest ("mayo" rather than "de"). One search of the whole
    body per such word finds the few paragraphs worth testing (with
    ``_holds_key_words``: a paragraph that holds all of a key's words is among them).

    Key words are ASCII letters and hyphens, so the texts are searched encoded
    one byte a character with ASCII capitals lower-cased, several times cheaper
    than lower-casing them. "İ" and the Kelvin sign, the two characters whose
    lower case holds an ASCII letter, are read as "i" and "k" (so "İs" may pass
    for "is", where lower() gives "i̇s": a few paragraphs more to test)."""
    body = Joined(unit.text for unit in units)
    text = body.text
    if "\u0130" in text or "\u212a" in text:
        text = text.replace("\u0130", "i").replace("\u212a", "k")
    lowered = text.encode("ascii", "replace").translate(_ASCII_LOWER)
    return sorted({i for first, rests in key_words.items() for rest in rests
                   for i in body.holding(max((first,) + rest, key=len).encode(), within=lowered)})


def _quantity_findings(article: Article, english: bool,
                       story: tuple[Joined, bytes, int] | None = None) -> Iterator[Annotation]:
    """``story``: when given, the joined texts with the body among them, that text
    encoded ASCII with "replace", and the number of the body's first text."""
    parts: dict[str, list[_Framed]] = {"body": [], "standfirst": [], "caption": []}
    units = [unit for unit in article.units() if unit.kind in _PARTS]
    # A gallery repeats captions: each text is read once, and all of them in one
    # scan for the few that may hold a framed figure.
    texts = list(dict.fromkeys(unit.text for unit in units))
    framed = _texts_maybe_framed(texts, english)
    frames_of = {text: list(_frames(text, quantities(text, words=english), english)) if i in framed else []
                 for i, text in enumerate(texts)}
    for unit in units:
        frames = frames_of[unit.text]
        if frames:
            parts[_PARTS[unit.kind]].extend(_Framed(unit, q, key) for q, key in frames)
    if not parts["standfirst"] and not parts["caption"]:
        return
    # Only body paragraphs that use a word of some standfirst or caption frame
    # can hold a rival figure: the others are not scanned for figures at all.
    needles = {f.key[2] if f.key[0] == "<" else f.key[1] if f.key[0] in ("v", "~") else f.key[0]
               for p in ("standfirst", "caption") for f in parts[p]}
    few = len(needles) <= 8  # a few substring tests; many needles: one word set per paragraph
    # A paragraph holding a rival holds both words of its key; a short word such as
    # "de" alone is in most paragraphs, a pair of words in few.
    key_words = _key_words({f.key for p in ("standfirst", "caption") for f in parts[p]})
    body_units = article.body_units()
    if key_words is None:
        candidates: Iterable[int] = range(len(body_units))
    elif story is not None:  # the check's joined story, already encoded: the body is a run of its texts
        joined, encoded, first = story
        candidates = _holding_key_words_in(joined, encoded, first, len(body_units), key_words)
    else:
        candidates = _holding_key_words(body_units, key_words)
    for i in candidates:
        unit = body_units[i]
        text = unit.text.lower()
        if key_words is not None and not _holds_key_words(text, key_words):
            continue
        if not text.isascii():  # drop accents the way fold() does, but in C
            text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        if any(n in text for n in needles) if few else \
                not needles.isdisjoint(_stems(_LOWER_WORDS.findall(text))):
            parts["body"].extend(_framed(unit, english))
    body: dict[tuple, list[_Framed]] = {}
    for f in parts["body"]:
        body.setdefault(f.key, []).append(f)
    # A figure framed two ways ("54 fans were detained": by the word after the
    # noun and as the verb turned round) has the body's figures of both as
    # rivals; those framed by another verb of the same class ("detained" for
    # "arrested") only when no body figure is framed by the same words.
    keys_of: dict[tuple[int, int], list[tuple]] = {}
    for part in ("standfirst", "caption"):
        for f in parts[part]:
            keys_of.setdefault((f.unit.index, f.q.start), []).append(f.key)
    seen: set[tuple[int, int]] = set()
    for part in ("standfirst", "caption"):
        for f in parts[part]:
            if (f.unit.index, f.q.start) in seen:
                continue  # the figure was framed two ways: its rivals are read once
            seen.add((f.unit.index, f.q.start))
            keys = keys_of[(f.unit.index, f.q.start)]
            rivals = list({id(r.q): r for key in keys if key[0] != "~"
                           for r in body.get(key, ())}.values())
            if not rivals:
                rivals = list({id(r.q): r for key in keys if key[0] == "~"
                               for r in body.get(key, ())}.values())
            if not rivals:
                continue
            same = [r for r in rivals if _same_kind(f.q, r.q)]
            if not same or any(_consistent(f.q, r.q) for r in same):
                continue
            if len({r.q.value for r in same}) > 1:
                continue  # the body itself gives several figures for it: a running count
            r = same[0]
            # (Words after the figure that frame a body figure too frame it narrowly:
            # parts of a total are looked for only when the verb alone frames it.)
            narrow = any(key[0] not in ("v", "~") and body.get(key) for key in keys)
            if (not narrow and any(_parts_of_a_total(key, r) for key in keys)) \
                    or _told_of_another_time(f, r) or _told_of_another_thing(f, r):
                continue
            yield QUANTITY_MISMATCH.at(
                f.unit.span(f.q.start, f.q.end),
                f"The {part} says \"{f.q.text} {' '.join(_shown(f))}\" but the body says "
                f"\"{r.q.text} {' '.join(_shown(r))}\".",
                related=[x.unit.span(x.q.start, x.q.end) for x in same],
                suggestion=Suggestion("replace", r.q.text),
                data={"value": f.q.value, "body_value": r.q.value})


def _holding_key_words_in(joined: Joined, encoded: bytes, first: int, count: int,
                          key_words: dict[str, list[tuple[str, ...]]]) -> list[int]:
    """_holding_key_words for the ``count`` texts of ``joined`` from number ``first``
    (numbered from 0 again), searched in ``encoded``, the joined text encoded ASCII
    with "replace", rather than in the texts joined and encoded once more."""
    if count == 0:
        return []
    lowered: bytes | bytearray = encoded.translate(_ASCII_LOWER)
    text = joined.text
    if "\u0130" in text or "\u212a" in text:
        # Read as "i" and "k", as _holding_key_words does (one byte a character
        # either way: the positions agree).
        lowered = bytearray(lowered)
        for char, letter in (("\u0130", ord("i")), ("\u212a", ord("k"))):
            at = text.find(char)
            while at >= 0:
                lowered[at] = letter
                at = text.find(char, at + 1)
    starts = joined.starts
    last = first + count - 1
    low, high = starts[first], starts[last] + len(joined.texts[last])
    needles = {max((word,) + rest, key=len).encode() for word, rests in key_words.items() for rest in rests}
    return sorted({i - first for needle in needles
                   for i in joined.holding(needle, within=lowered, start=low, end=high)})


# In the body: an exact figure as the subject of what it counts, "1,180 households
# were left (without power)", "2,300 workers (who) walked out": the figure, a
# plural noun, then (past "who"/"that" and auxiliaries) the verb. The figure being
# the subject, the same noun and verb say the same thing of the same people; a verb
# before the figure has a subject of its own ("Varlamov stopped 27 shots", "Korpisalo
# stopped 30 shots") and is not read here.
_BODY_AUX = r"(?:(?:who|that)\s+)?(?P<aux>(?:(?:" + "|".join(sorted(_AUX | {"still", "now", "only"})) \
    + r")\s+){0,3})"
# Digits first (the regex engine skips to them): a figure of two digits or more.
_BODY_FIGURE = re.compile(
    r"(?P<n>\d(?<![\w.,$£€¥₹-]\d)(?:\d{0,2}(?:,\d{3})+|\d+))\s+(?P<noun>[a-z]+s|people)\s+"
    + _BODY_AUX + r"(?P<v>[a-z]+)\b")
# The same, loosely, in the story encoded one byte a character with every digit
# a "0": a pattern that starts with one literal lets the regex engine skip to it,
# where a digit class is tried at every character (twice as slow on long bodies).
# Its noun is the one _BODY_FIGURE takes, so a figure before any other word (a
# year, "2024 budget") is passed over here rather than read again in the text.
_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")
# Its second branch: a participle before the noun ("the 460 evacuated residents"),
# found in the same scan.
_BODY_FIGURE_ZEROED = re.compile(
    rb"0(?:0{0,2}(?:,000)+|0+)\s+(?:(?:[a-z]+s|people)\s|(?P<participle>[a-z]+ed\s+(?:[a-z]+s|people)\b))")
_BODY_NUMBER_WORD = "|".join(list(UNITS) + list(TENS))
_BODY_NOT_VERBS = _NOT_VERBS | _STOP_NOUNS | _AUX | frozenset(
    "in on at of to and or for from by with who that which said say says".split())
# Before the figure or among its auxiliaries: a later state or another group.
_BODY_OTHER = frozenset("another further additional remaining other extra first last new "
                        "latest still now only".split())


def _body_findings(story: list[TextUnit], joined: Joined, encoded: bytes) -> Iterator[Annotation]:
    """The same count stated twice in the body with two exact figures: "1,180
    households were left without power" and later "1,810 households were left
    without power". Read only when the body gives exactly those two figures for
    the noun and verb, in two paragraphs, and neither paragraph counts the noun
    with another figure (a part or a total). ``encoded``: the joined text encoded
    ASCII with "replace"."""
    seen: dict[tuple[str, str], list[tuple[TextUnit, Quantity, str, str, str]]] = {}
    # "Crews evacuated 640 residents": a verb before the figure (see _active_figure).
    active: dict[tuple[str, str], list[tuple[TextUnit, Quantity, str, str, str]]] = {}
    # "the 460 evacuated residents": the participle before the noun.
    turned: dict[tuple[str, str], list[tuple[TextUnit, Quantity, str, str, str]]] = {}
    zeroed = encoded.translate(_ZERO_DIGITS)
    for z in _BODY_FIGURE_ZEROED.finditer(zeroed):
        i = joined.locate(z.start())
        unit = story[i]
        if unit.kind in _PARTS:
            continue
        text = unit.text
        if z.group("participle"):
            m = _PARTICIPLE_FIGURE.match(text, z.start() - joined.starts[i])
            if m is None or hedge_before(text, m.start()) \
                    or (m.start() and not text[m.start() - 1].isspace()):
                continue
            digits = m.group("n").replace(",", "")
            q = Quantity(m.start(), m.end("n"), m.group("n"), float(digits), digits=digits)
            turned.setdefault((_noun_key(m.group("noun")), _verb_key(m.group("v"))), []).append(
                (unit, q, m.group("noun"), m.group("v"), m.group()))
            continue
        m = _BODY_FIGURE.match(text, z.start() - joined.starts[i])
        if m is None or m.group("v") in _BODY_NOT_VERBS:
            told = _active_figure(text, z.start() - joined.starts[i])
            if told is not None:
                active.setdefault(told[0], []).append((unit,) + told[1:])
            continue
        aux = m.group("aux").split()
        v = m.group("v")
        if v in _BODY_NOT_VERBS or any(w in _BODY_OTHER for w in aux):
            continue
        before = text[max(0, m.start() - 20):m.start()].split()
        if before and before[-1].lower() in _BODY_OTHER:
            continue
        start, end = m.span("n")
        if text[start - 2:start] in ("- ", "– ") or hedge_before(text, start):
            continue  # the end of a range ("800 - 1,000 households"), or hedged
        digits = m.group("n").replace(",", "")
        q = Quantity(start, end, m.group("n"), float(digits), digits=digits)
        seen.setdefault((_noun_key(m.group("noun")), _verb_key(v)), []).append(
            (unit, q, m.group("noun"), v, text[start:m.end()]))
    pairs = [(told, told[0][3]) for told in seen.values() if len(told) == 2]
    # A figure after its verb has the verb's subject ("Varlamov stopped 27 shots"),
    # so two such are never compared; but the thing it counts, told once more as
    # the subject of that verb turned round ("the 460 residents evacuated on
    # Tuesday", "460 residents were evacuated"), is the same thing.
    for key, doers in active.items():
        done = seen.get(key, []) + turned.get(key, [])
        if len(doers) == 1 and len(done) == 1 and _turned_round(done[0]) \
                and _typing_slip(doers[0][1].digits, done[0][1].digits) \
                and not _other_places(doers[0], done[0]):
            pairs.append((sorted(doers + done, key=lambda t: (t[0].index, t[1].start)), done[0][3]))
    for told, verb in pairs:
        noun = _noun_key(told[0][2])
        if len({told_q.value for _, told_q, *_ in told}) != 2:
            continue
        (first, a, written, _, said), (later, b, _, _, says) = told
        if first.index == later.index or _counts_noun_otherwise(first, a, noun) \
                or _counts_noun_otherwise(later, b, noun):
            continue
        aux_verb = _BODY_AUX + rf"{verb}\b"
        said_in_words = re.compile(rf"\b(?i:{_BODY_NUMBER_WORD})(?:-[a-z]+)?\s+{written}\s+" + aux_verb)
        # That pattern opens with a list of number words, tried at every character of
        # the story (most of this check's time on a long one); its noun and verb are
        # literal, so one joined scan for them finds the few paragraphs to try it on.
        if any(said_in_words.search(story[i].text)
               for i in joined.holding_match(re.compile(rf"{written}\s+" + aux_verb))
               if story[i].kind not in _PARTS):
            continue  # a third figure, in words ("Nine people were injured"): parts of a story
        days = [_times(_sentence_at(u.text, q.start)) for u, q, *_ in told]
        if days[0] and days[1] and days[0] != days[1]:
            continue  # "12 people were injured on Monday", "15 ... on Tuesday": two events
        if _other_subjects(first.text, a, later.text, b) or _other_places(told[0], told[1]):
            continue  # "In Kent, 1,180 households ...", "In Sussex, 810 households ...": two groups
        yield QUANTITY_MISMATCH.at(
            later.span(b.start, b.end),
            f"The body says \"{said}\" earlier but \"{says}\" here.",
            related=[first.span(a.start, a.end)],
            suggestion=Suggestion("replace", a.text),
            data={"value": b.value, "body_value": a.value})


_PARTICIPLE_FIGURE = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d{2,})\s+(?P<v>[a-z]+ed)\s+(?P<noun>[a-z]+s|people)\b")
_ACTIVE_FIGURE = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d{2,})\s+(?P<noun>[a-z]+s|people)\b")


def _active_figure(text: str, start: int) -> tuple[tuple[str, str], Quantity, str, str, str] | None:
    """The figure at ``start`` with its noun after it and a verb before it
    ("evacuated 640 residents"): its key (noun, verb), the figure, the noun, the
    verb and the words as written; None if no verb frames it or it is hedged."""
    m = _ACTIVE_FIGURE.match(text, start)
    if m is None or (start and (text[start - 1].isdigit() or text[start - 1] in ".,$£€¥₹-")):
        return None
    verb = _verb_before(text, start)
    if verb is None or verb in _BODY_NOT_VERBS or hedge_before(text, start) \
            or text[max(0, start - 20):start].split()[-1:] != [verb]:
        return None  # (a hedge between: "evacuated more than 600")
    digits = m.group("n").replace(",", "")
    q = Quantity(start, m.end("n"), m.group("n"), float(digits), digits=digits)
    said = text[start - len(verb) - 1:m.end()]
    return (_noun_key(m.group("noun")), _verb_key(verb)), q, m.group("noun"), verb, said


def _typing_slip(a: str, b: str) -> bool:
    """Could the digits ``a`` and ``b`` be one figure mistyped: as many digits,
    swapped (640, 460) or one of them changed (1,180, 1,130)? Figures further
    apart told two ways are as often a part and its whole ("sold 12,000 tickets",
    "the 2,000 tickets sold at the gate")."""
    if len(a) != len(b) or a == b:
        return False
    return sorted(a) == sorted(b) or sum(x != y for x, y in zip(a, b)) == 1


# After a participle: the one who did it ("460 residents were evacuated by
# the army"), who may be another than the active verb's subject.
_BY_AGENT = re.compile(r"\s+by\b")


def _turned_round(told: tuple[TextUnit, Quantity, str, str, str]) -> bool:
    """Is the subject-form figure ``told`` the thing its verb was done to: a
    participle ("460 residents (were) evacuated") with no agent after it?"""
    unit, q, _, verb, said = told
    if not (verb.endswith("ed") or verb in _IRREGULAR_PARTICIPLES):
        return False
    return not _BY_AGENT.match(unit.text, q.start + len(said))


_PLACE_NAMED = re.compile(rf"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Aa]cross)\s+"
                          rf"([{_UP}][\w'’-]+(?:\s+[{_UP}][\w'’-]+)*)")


def _other_places(a: tuple[TextUnit, Quantity, str, str, str],
                  b: tuple[TextUnit, Quantity, str, str, str]) -> bool:
    """Do the sentences of two figures each name a place, and no place in common
    ("evacuated 640 residents from Pechea", "400 residents were evacuated in
    Tecuci")? Then they may count two groups."""
    places = [_places(_sentence_at(unit.text, q.start)) for unit, q, *_ in (a, b)]
    return bool(places[0] and places[1]) and not any(
        _same_place(x, y) for x in places[0] for y in places[1])


def _places(sentence: str) -> set[str]:
    """The places ``sentence`` names after "in", "at", "from", "near", "across"."""
    return {place for place in _PLACE_NAMED.findall(sentence)
            if place.split()[0].lower() not in _NOT_NAMES}  # "in May" is a time, not a place


def _same_place(a: str, b: str) -> bool:
    """"Leeds" and "Leeds City Centre" are one place; "Ireland" and "Northern Ireland" are two."""
    return a.startswith(b) or b.startswith(a)


_WHEN = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today"
                   r"|january|february|march|april|june|july|august|september|october"
                   r"|november|december)\b")
# Other words that set a figure in a time or give it per a period: "last week",
# "this winter", "since the protests began", "a day", "in the year to May", "in 2021".
_PERIOD = re.compile(r"\b(?:(?:last|this|next|previous)\s+(?:week|weekend|month|year|season|winter|summer"
                     r"|spring|autumn|night|election)|since|so\s+far|to\s+date|overnight|heyday"
                     r"|(?:a|per|each|every)\s+(?:day|week|month|year)|(?:in\s+)?the\s+year\s+to"
                     r"|year[\s-]on[\s-]year|(?:19|20)\d\d)\b")


# The periods that make a figure another quantity than one of a day: a running
# total, a rate, a season or year, a change over a month or a year. ("From
# March" is as often when a count began.)
_LONG_PERIOD = re.compile(r"\b(?:since|so\s+far|to\s+date|(?:a|per|each|every)\s+(?:day|week|month|year)"
                          r"|(?:last|this|next|previous)\s+(?:month|year|season|winter|summer|spring|autumn)"
                          r"|(?:in\s+)?the\s+year\s+to|year[\s-]on[\s-]year|month[\s-]on[\s-]month)\b")


def _times(sentence: str) -> set[str]:
    """The days, months, periods and years ``sentence`` sets its figures in."""
    lowered = sentence.lower()
    return {" ".join(m.split()) for m in _WHEN.findall(lowered) + _PERIOD.findall(lowered)
            + _LONG_PERIOD.findall(lowered)}


# The subject of a figure's verb, read backwards from the figure: the hedge,
# the verb, its auxiliaries (and a "which"/"who" after a comma), then a run of
# capitalised words ("Volkswagen, which will cut 35,000 jobs", "LeBron James
# scored 30 points").
_HEDGE_WORDS = frozenset(w for hedge in HEDGES for w in hedge.split())
_SUBJECT_SKIPS = frozenset("will would could can may might has have had is was are were also already "
                           "now still just which who that ,".split())
_TOKENS = re.compile(r"[\w'’.-]+|,")
_AFTER_PLACE = frozenset("in at from near across to of , outside inside".split())
# What a figure is of or for, named after its noun: "213 goals for Tottenham",
# "18 points against Boston".
_FOR_NAMED = re.compile(rf"\s+(?:[a-z][a-z'’-]*\s+){{1,2}}(?:for|against|with)\s+(?:the\s+)?"
                        rf"([{_UP}][\w'’-]*(?:\s+[{_UP}][\w'’-]*)*)")


def _subject(text: str, start: int) -> tuple[set[str], bool]:
    """The capitalised subject of the verb before the figure at ``start`` in
    ``text`` (folded words), and whether it is surely a name: two words or more,
    or not the sentence's first word ("Police" opens a sentence as "Ford" does)."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start)) + 1
    tokens = _TOKENS.findall(text[sentence_start:start])
    while tokens and tokens[-1] in _HEDGE_WORDS:
        tokens.pop()
    if not tokens or not tokens[-1].isalpha() or not tokens[-1].islower() \
            or tokens[-1] in _NOT_VERBS or tokens[-1] in _STOP_NOUNS:
        return set(), False  # no verb before the figure ("where 420 jobs", "said 1,400 passengers")
    tokens.pop()
    while tokens and tokens[-1].lower() in _SUBJECT_SKIPS:
        tokens.pop()
    run = []
    while tokens and tokens[-1][0].isupper() and tokens[-1].lower() not in _NOT_NAMES:
        run.append(re.sub(r"['’]s?$", "", tokens.pop()))
    if not run or (tokens and tokens[-1].lower() in _AFTER_PLACE):
        return set(), False  # (a place: "the plant in Lorain, Ohio, which employs 580")
    return {fold(w) for w in run if w}, len(run) > 1 or bool(tokens)


def _other_subjects(a_text: str, a: Quantity, b_text: str, b: Quantity) -> bool:
    """Are two figures told of two named subjects ("Ford will cut 3,800 jobs",
    "Volkswagen, which will cut 35,000 jobs"; "LeBron James scored 30 points",
    "Anthony Davis scored 18 points") or for two named ones ("68 goals for
    England", "213 goals for Tottenham")? A word in common is one subject
    ("Manchester United paid", "United paid"); two sentences that open on one
    capitalised word each ("Police arrested", "Officers arrested") may be one."""
    (first, sure_first), (second, sure_second) = _subject(a_text, a.start), _subject(b_text, b.start)
    if first and second and (sure_first or sure_second) and first.isdisjoint(second):
        return True
    named = [_FOR_NAMED.match(text, q.end, q.end + 80) for text, q in ((a_text, a), (b_text, b))]
    return bool(named[0] and named[1]) and fold(named[0].group(1)).split()[-1] \
        not in fold(named[1].group(1)).split()


def _sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` around ``pos``."""
    start = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos))
    return text[start + 1:_sentence_end(text, pos)]


def _counts_noun_otherwise(unit: TextUnit, q: Quantity, noun: str) -> bool:
    """Does ``unit`` count ``noun`` with a figure other than ``q`` too?"""
    for other in quantities(unit.text, words=False):
        if other.start != q.start:
            m = _AFTER_WORDS.match(unit.text, other.end, other.end + 60)
            if m is not None and m.start(1) - other.end <= 1 and _noun_key(m.group(1)) == noun:
                return True
    return False


# A year, or words that set what a sentence tells in another time ("last year").
_OTHER_TIME = re.compile(r"\b(?:19|20)\d\d\b|\b(?:last|previous)\s+(?:year|season|month|election)\b"
                         r"|\bin\s+(?:its|their|his|her)\s+heyday\b|\bbefore\s+the\s+pandemic\b"
                         r"|\ba\s+year\s+(?:ago|earlier)\b|\bfile\s+(?:photo|picture|image)\b", re.I)


def _told_of_another_time(f: _Framed, r: _Framed) -> bool:
    """Does the sentence of the standfirst's or caption's figure ``f`` set it in a
    time the body's sentence of ``r`` does not ("Police arrested 30 people at a
    similar match in 2019", a file photo's caption)? Then it is another event."""
    times = {m.lower() for m in _OTHER_TIME.findall(_sentence_at(f.unit.text, f.q.start))}
    return bool(times - {m.lower() for m in _OTHER_TIME.findall(_sentence_at(r.unit.text, r.q.start))})


# A relative clause between a name and its figure: "Volkswagen, which will cut".
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who)\b[^.;,]*$")


def _told_of_another_thing(f: _Framed, r: _Framed) -> bool:
    """Does the standfirst's or caption's figure ``f`` name another subject, place
    or time than the body's ``r``: another subject (_other_subjects), or one the
    body's paragraph never names in a relative clause ("The carmaker follows
    Volkswagen, which will cut 35,000 jobs" and "The company said it would cut
    3,800 jobs"; not "Thames Water will cut 430 jobs", the story's subject), places and
    none in common ("In Northern Ireland, 12,000 homes", "40,000 homes ... in
    Ireland"), or a running total, a rate or a season on one side that the other,
    set in some other time, does not share ("120 people since the protests
    began", "45 people on Saturday")? Two statements of one quantity name nothing
    different."""
    if _other_subjects(r.unit.text, r.q, f.unit.text, f.q):
        return True
    subject, sure = _subject(f.unit.text, f.q.start)
    if (sure and _RELATIVE_BEFORE.search(f.unit.text, max(0, f.q.start - 80), f.q.start)
            and subject.isdisjoint(_stems(_LOWER_WORDS.findall(fold(r.unit.text))))):
        return True  # "Volkswagen, which will cut 35,000 jobs": the body's paragraph is of another
        # (not "Thames Water will cut 430 jobs" against "The utility ... 530 jobs": one subject)
    said, says = _sentence_at(r.unit.text, r.q.start), _sentence_at(f.unit.text, f.q.start)
    places, body_places = _places(says), _places(said)
    if places and body_places and not any(_same_place(x, y) for x in places for y in body_places):
        return True  # (a place in the caption alone is as often where the whole thing is)
    # A running total, a rate or a season on one side, and some other time on
    # the other. (Days alone are not compared: "yesterday" may be "on Monday".)
    # (Read in the figure's clause: "... since 2014, and Microsoft launched it in 13
    # markets earlier this year" sets the 13 in this year only.)
    said, says = _clause_at(r.unit.text, r.q.start), _clause_at(f.unit.text, f.q.start)
    times, body_times = _times(says), _times(said)
    return bool(times and set(_LONG_PERIOD.findall(said.lower())) - times) \
        or bool(body_times and set(_LONG_PERIOD.findall(says.lower())) - body_times)


# Where a clause ends: a comma, a semicolon, a dash, or a conjunction before a
# new subject ("... since 2014 and Microsoft launched ...").
_CLAUSE_BREAK = re.compile(rf",\s|;\s|\s[–—]\s|\s(?:and|but|while|whereas)\s(?=[{_UP}])")


def _clause_at(text: str, pos: int) -> str:
    """The clause of ``text`` around ``pos``: its sentence cut at _CLAUSE_BREAK."""
    sentence = _sentence_at(text, pos)
    at = text.find(sentence, max(0, pos - len(sentence))) if sentence else -1
    if at == -1:
        return sentence
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    start = max([c for c in cuts if c < pos - at] or [0])
    end = min([c for c in cuts if c >= pos - at] or [len(sentence)])
    return sentence[start:end]


def _parts_of_a_total(key: tuple[str, ...], r: _Framed) -> bool:
    """Does the body paragraph of ``r`` count the thing a figure framed by ``key``
    counts with another figure too ("12 people on Monday and 7 people on
    Tuesday")? Then the figure may be their total, or one of them: nothing is
    compared. Asked of a figure framed by its verb only: the words after a figure
    frame it more narrowly, and a paragraph often gives "3,248 cases" worldwide
    and "26 cases" in one country."""
    if key[0] not in ("v", "~"):
        return False
    noun = key[1]
    for q in quantities(r.unit.text, words=False):
        if q.value != r.q.value:
            m = _AFTER_WORDS.match(r.unit.text, q.end, q.end + 60)
            if m is not None and m.start(1) - q.end <= 1 and _noun_key(m.group(1)) == noun:
                return True
    return False


def _shown(f: _Framed) -> list[str]:
    m = _AFTER_WORDS.match(f.unit.text, f.q.end, f.q.end + 60)
    words = [w for w in m.groups() if w] if m else []
    return [w for n, w in enumerate(words) if n == 0 or w not in _RELATIVE][:2]


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    english = primary_language(article.language) == "en"
    body = article.body_units()
    if english:
        standfirsts = [u for u in article.units() if u.kind == STANDFIRST]
        story = standfirsts + body + article.caption_units()
        joined = Joined([unit.text for unit in story])
        # One byte a character, for the scans of words and digits in C (encoding
        # the long article's text costs about as much as a scan of it: done once).
        encoded = joined.text.encode("ascii", "replace")
        yield from _age_findings(story, joined, encoded)
        yield from _list_findings(story, joined, encoded)
        yield from _count_after_findings(story, joined)
        yield from _body_findings(story, joined, encoded)
        # (The body is the run of the story's texts after the standfirsts: its key
        # words are looked up in the text encoded above rather than encoded again.)
        yield from _quantity_findings(article, english, (joined, encoded, len(standfirsts)))
    else:
        yield from _quantity_findings(article, english)
