"""Dates that contradict themselves, the calendar or the article's own date.

## What it does
Reads the dates written in the story and its metadata and reports:

- a weekday that does not match its date ("Tuesday, May 15, 2025": that day is
  a Thursday), in English, German, Spanish, French and Arabic, with the right
  weekday as the suggestion (an error when the year is written, a warning when
  it is inferred from the article's date or read from a Hijri date); a range
  of weekdays before a range of dates ("Friday to Sunday, June 6-8", "Saturday
  and Sunday, June 7 and 8") pairs the first weekday with the first date and
  the last with the last, and is reported only when they do not fit;
- a Hijri date and the Gregorian date given as its equivalent that are more
  than a day apart ("25 شوال 1436 هـ الموافق 13 أغسطس 2015 م"), by the Umm
  al-Qura calendar (a moon sighting may differ from it by one day);
- a date that does not exist ("February 30", "April 31", "February 29, 2023");
- an `updated_at` earlier than `published_at`;
- a date after the article's own date told as something that already
  happened ("On June 3, 2026, the council voted ..." in a 2025 story); a date
  without a year ("the show opened on 14 May" in a story of 6 May) is read in
  the article's year when its paragraph names no other year (nor "last
  year", "born", "anniversary"), the article does not put the same day in
  another year ("Oct. 7, 2023", "since Oct. 7"), and it falls within 45 days
  after the article's date (further on, last year is likelier); a future in
  another clause after a comma ("voted on June 17 to fund it, with contracts
  expected in the fall") does not make the date's own clause future, nor
  does "plan" as what a past verb acted on ("approved the plan on 3 June";
  "the plan to close it on 3 June" stays future); the past is the simple
  past, the passive past ("were arrested on 3 June") or the present perfect
  ("has begun production on 3 June", "has produced water since June 3,
  2026"; a yearless "since 3 June" is last year's), and an "of" after a
  group, an amount or a post ("signed with a group of banks on 3 June",
  "met the head of the agency") still leaves the date the verb's, where
  another "of" gives it to a noun ("approved the sale of the plant on 3
  June");
- "in 2019, three years ago" arithmetic that disagrees with the article's year;
- as `info`: metadata times without a UTC offset (the article's or the
  newsroom's time zone is assumed), and each relative weekday ("on Wednesday")
  with the calendar date it resolves to in `data.date`, counted back from the
  article's date, or forward when the sentence is about the future ("will meet
  on Wednesday").

The article's date is `published_at`, else `updated_at`; without either,
nothing that needs it is reported. Its local day is taken in the article's
time zone, else the date's own offset, else the newsroom's zone.

## Why it matters
Readers check dates against their calendars, and a wrong weekday or an event
"held" after the story was published makes every other fact in the piece look
doubtful. Metadata dates out of order confuse feeds, search engines and the
archive.

## Example
```
The summit opened on Tuesday, May 15, 2025.   <- weekday-mismatch: May 15, 2025 is a Thursday
Talks ended on February 30.                   <- impossible-date
Qaani travelled to Iraq on Wednesday.         <- relative-weekday (info): 2025-05-14
```

## How to fix
Check the date against the calendar and the source, then correct the weekday
or the date (the suggestion gives the weekday that matches the written date).
For metadata, set `updated_at` to a time after `published_at` and give times
with their UTC offset. An event after publication belongs in the future tense,
or its date is a typo.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Iterator

from checks.annotation import Annotation, Suggestion
from checks.dates import (
    AR_WEEKDAYS, MONTHS, WEEKDAY_NAMES, WEEKDAYS_EN, DateMention, find_arabic_dates,
    hijri_to_gregorian, as_instant, days_in_month, find_dates_in, local_day,
)
from checks.engine import Context
from checks.model import Article, DateField, TextUnit
from checks.registry import Rule
from checks.text import primary_language

ID = "date-sanity"

WEEKDAY_MISMATCH = Rule(ID, "weekday-mismatch", "error",
                        "A weekday that does not match the date it is written with.")
IMPOSSIBLE_DATE = Rule(ID, "impossible-date", "error", "A date that does not exist, such as February 30.")
UPDATED_BEFORE_PUBLISHED = Rule(ID, "updated-before-published", "error",
                                "The update time is earlier than the publication time.")
PAST_EVENT_AFTER_PUBLICATION = Rule(ID, "past-event-after-publication", "warning",
                                    "A date after the article's date, told as already past.")
YEARS_AGO_MISMATCH = Rule(ID, "years-ago-mismatch", "warning",
                          "'In 2019, three years ago' arithmetic that disagrees with the article's year.")
MISSING_OFFSET = Rule(ID, "missing-utc-offset", "info",
                      "A metadata time without a UTC offset; a time zone is assumed.")
HIJRI_MISMATCH = Rule(ID, "hijri-gregorian-mismatch", "warning",
                      "A Hijri date and the Gregorian date given as its equivalent are days apart.")
RELATIVE_WEEKDAY = Rule(ID, "relative-weekday", "info",
                        "A relative weekday ('on Wednesday') and the date it resolves to.")
RULES = (WEEKDAY_MISMATCH, IMPOSSIBLE_DATE, UPDATED_BEFORE_PUBLISHED, PAST_EVENT_AFTER_PUBLICATION,
         YEARS_AGO_MISMATCH, HIJRI_MISMATCH, MISSING_OFFSET, RELATIVE_WEEKDAY)

MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")

# A date with its weekday is judged against the year it is written with; a
# yearless one against the years its paragraph names and the year that puts it
# nearest the article's date (and the runner-up when the nearest is far off).
_AMBIGUOUS_DAYS = 90
# Metadata-to-story slack: a story written late in the evening, a feed that
# stamps the next day in UTC.
_SLACK = timedelta(days=1)
# How far after the article's date a yearless date told as past is read as a
# slip in the article's year rather than a date in the year before.
_YEARLESS_AHEAD = timedelta(days=45)

# A range of weekdays before a range of dates ("Friday to Sunday, June 6-8"):
# the date reader gives the last weekday to the first date, but the first
# weekday goes with the first date and the last with the last.
_RANGE_WORD = r"(?:to|through|thru|until|till|and|&|-|–|—)"
_FIRST_WEEKDAY = re.compile(
    r"\b(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:s|nes|rs?|ur)?(?:day)?\.?\s*" + _RANGE_WORD + r"\s*$")
_LAST_DAY = re.compile(
    r"\s*" + _RANGE_WORD + r"\s*(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
    r"(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?")
_WEEKDAY_ABBREVIATIONS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_YEAR_IN_TEXT = re.compile(r"(?<![\d,.$£€-])((?:1[6-9]|20)\d\d)(?![\d%]|,\d)")
# Words after "April 31" that make it a count, not a date ("February 30 years ago").
_NOT_A_DATE_AFTER = re.compile(
    r"\s*(?:[-–]\s*(?:year|month|week|day|hour|minute|point|yard|metre|meter|mile|foot|inch)|"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|per\s*cent|percent|%|people|points?|"
    r"goals?|runs?|yards?|miles?|metres?|meters?|kilometres?|km|times|votes?|seats?|members?|"
    r"deaths?|cases?|troops|soldiers|children|students|games|matches|percentage)\b)", re.I)

# -- tense ---------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|would|wouldn['’]t|could|might|(?-i:may)|must|should|can|going\s+to|"
    r"is\s+to|are\s+to|was\s+to|were\s+to|to\s+be|due|scheduled|slated|set\s+to|expected|expects?|"
    r"plans?|planned|planning|intends?|intended|aims?|hopes?|hoped|ahead|deadline|next|upcoming|"
    r"coming|later|starting|starts?|begins?|beginning|runs?|opens?|effective|postponed|delayed|"
    r"rescheduled|moved|pushed|extended|extends?|expires?|expiry|tentative(?:ly)?|proposed|"
    r"forecasts?|projected|estimated|anticipated|target(?:ed|s)?|tickets?|on\s+sale|valid|"
    r"no\s+later|as\s+of|likely|unless|if|tomorrow|tonight|soon|predicted|predicts?|"
    r"calls?\s+for|called\s+for|wants?|sought|seeks?|agreed\s+to|promised|pledged|vowed|"
    r"threatened|ordered|asked|urged|invited|told\s+to|set\s+for|slated\s+for|fixed\s+for|"
    r"listed\s+for|booked|adjourned|deferred|remanded|bail|summoned|hearing|trial)\b"
    r"|['’]ll\b", re.I)
_IRREGULAR_PAST = frozenset(
    "was were had did said told met took gave came went made saw found held left began broke "
    "brought bought built caught chose drew drove fell felt fought flew forgot froze got grew "
    "heard hid hit hurt kept knew laid led lost meant paid put quit ran rang rose sat sent set "
    "shot shut sang sank slept spoke spent spun stood stole struck swore swept swam threw "
    "understood woke wore won wrote became arose awoke bore beat bit bled blew bred burnt dealt "
    "dug dove fed fled flung forbade forgave hung knelt lit overtook rode sold sought shook shone "
    "slid split spread sprang stuck stung strode strove tore taught thought upheld withdrew "
    "overturned died cut sued".split())
# Participles read as past only after "has"/"have"/"had" (the present perfect,
# "has begun production", "have been arrested"): alone they may be adjectives.
_PARTICIPLES = frozenset(
    "been begun done gone taken given seen written shown grown known drawn driven fallen flown "
    "chosen broken spoken stolen frozen risen ridden beaten forgotten hidden sworn torn worn "
    "sung sunk swum rung become come withdrawn undertaken overtaken shaken".split())
_PERFECT_AUX = frozenset("has have had 've".split())
_ED_NOT_PAST = frozenset(
    "need needed speed proceed exceed succeed indeed seed feed bed red shed hundred bred breed "
    "greed creed deed weed reed freed steed embed scheduled planned expected proposed slated "
    "intended anticipated projected required limited based related united detailed advanced "
    "concerned interested qualified registered armed skilled talented gifted noted "
    "tired aged wicked naked sacred rugged crooked ragged beloved learned alleged supposed "
    "so-called unprecedented unexpected unidentified undisclosed unnamed unspecified".split())
# A past-tense reporting verb right before a date: "said June 3, 2026".
_PAST_BEFORE = re.compile(r"\b(?:said|told|announced|reported|confirmed|added|wrote|died|was|were)\s+$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_AUX_BEFORE = frozenset("is are am be been being to will would 's has have".split())

# Paragraphs that are notes about the article, or embedded posts, not story.
_NOTE = re.compile(r"^\s*(?:\(?\s*)?(?:Correction|Clarification|Update|Updated|Editor['’]s\s+note|"
                   r"Published|First\s+published|Last\s+updated|This\s+(?:story|article)\s+"
                   r"(?:was|has\s+been)\s+(?:updated|corrected))\b", re.I)
_EMBED = re.compile(r"\(@\w+\)\s*$|pic\.twitter\.com|—\s*[^—]{0,80}\(@\w+\)")


def _past_verbs(segment: str) -> list[re.Match]:
    """Words in ``segment`` that read as past-tense verbs."""
    found = []
    previous = ""
    for match in _WORD.finditer(segment):
        word = match.group().lower()
        perfect = previous in _PERFECT_AUX
        if word in _IRREGULAR_PAST or (perfect and word in _PARTICIPLES) or (
                len(word) > 4 and word.endswith("ed") and word not in _ED_NOT_PAST
                and (perfect or previous not in _AUX_BEFORE) and match.group()[0].islower()):
            found.append(match)
        previous = word
    return found


# "Kristersson on June 9", "police on June 9": someone, then the date, then the verb.
_AGENT_ON = re.compile(
    r"(?:\b[A-Z][\w'’.-]+|\b(?:police|officials?|government|ministry|authorities|company|court|"
    r"council|president|minister|spokes(?:man|woman|person)|army|military|troops|forces|he|she|they|"
    r"we|I|prosecutors|investigators|lawmakers|voters|researchers|scientists))\s+on\s+$")


# Between a past verb and "on <date>", these make the date belong to a noun or
# to an infinitive, not the verb ("registration closed for the race on June 3",
# "voted on 2 May to hold a referendum on 20 May").
_DETACHED = re.compile(r"\b(?:for|of|before|ahead|until|till|into|towards?|and|or|but)\b"
                       r"|\bto\s+(?!the\b|an?\b|his\b|her\b|their\b|its\b)(?-i:[a-z]+)\s+(?!on\b)\w",
                       re.I)
# An "of" after a word for a quantity, a group or a post names who or how much
# the verb acted on, not another event the date could belong to ("signed the
# agreements with a group of regional banks on 19 May", "cut its rate by a
# quarter of a point", "met the head of the agency"); such "of"s are not
# _DETACHED's.
_OF_WHO = re.compile(r"\b(?:group|number|series|total|couple|pair|handful|host|dozens|hundreds|"
                     r"thousands|millions|billions|scores|quarter|half|third|majority|consortium|"
                     r"coalition|syndicate|team|delegation|panel|head|heads|chief|members?|"
                     r"leaders?|ministers?|ministry|secretary|governor|president|chairman|"
                     r"director|board|round|rounds)\s+of\b", re.I)


# Verbs whose "on" takes the date as their object: "decided on 30 June as the date".
_CHOSE_ON = frozenset("decided agreed settled".split())


# The words that may stand between a past verb and the "plan" it acts on
# ("approved the council's car-free plan"): a determiner, names and modifiers.
_PLAN_OBJECT = re.compile(r"(?:\s+(?!(?:they|we|I|you|he|she|it|to|on|in|at|for|by|with|will|would|"
                          r"is|are|and|or|that|which|who)\b)[A-Za-z][\w'’-]*){0,4}\s+", re.I)


def _plan_acted_on(text: str, left: int, future: re.Match) -> bool:
    """Whether _FUTURE's ``future`` is the noun "plan" or "plans" as the object
    of a past verb ("The council approved the plan on 3 June", "unveiled its
    plans"), a thing acted on, not an intent. Not "plan(s) to ..." ("approved
    the plan to close it on 3 June" dates the closing)."""
    if future.group().lower() not in ("plan", "plans") or text.startswith(" to ", future.end()):
        return False
    window = text[max(left, future.start() - 60):future.start()]
    verbs = _past_verbs(window)
    return bool(verbs) and _PLAN_OBJECT.fullmatch(window, verbs[-1].end()) is not None


def _between_is_on(before: str, verb: re.Match) -> bool:
    return before[verb.end():].strip() == "on"


def _told_as_past(text: str, start: int, end: int, *, strict: bool = False) -> bool:
    """Whether the date at text[start:end] is when a past-tense verb happened.

    The clause must have no marker of the future or of intent, and a past verb
    close before the date with nothing that attaches the date to a noun, or,
    for a date opening its sentence ("On June 3, 2026, ..."), close after it.
    ``strict`` (a yearless date) also wants the verb in the same stretch of the
    clause, with no comma between ("which opened on 2 May, closes on 14 June").
    """
    left, right = _clause_span(text, start, end)
    left_mark = max(text.rfind(c, 0, start) for c in ".;!?")
    before = text[left_mark + 1:start]
    if not re.fullmatch(r"\s*(?:[Oo]n\s+)?", before):
        # A date inside its sentence: what follows a comma, colon or dash
        # after it is another clause or an aside ("voted on June 17 to fund it,
        # with the first contracts expected in the fall"), whose future is not
        # the date's. (A date opening its sentence governs all of it: "On June
        # 17, the council will vote".)
        # (Not when the main verb follows right after: "The referendum, held
        # on June 17, will decide ..." speaks of the future.)
        cut = _AFTER_DATE_CUT.search(text, end, right)
        if cut and not _FUTURE_AFTER.match(text[cut.start():cut.start() + 60]):
            right = cut.start()
    if any(not _plan_acted_on(text, left, f) for f in _FUTURE.finditer(text, left, right)):
        return False
    verbs = _past_verbs(before)
    if verbs and not (verbs[-1].group().lower() in _CHOSE_ON and _between_is_on(before, verbs[-1])):
        between = before[verbs[-1].end():]
        if " of " in between:
            between = _OF_WHO.sub(" ", between)
        if len(between.split()) <= 10 and not _DETACHED.search(between) and not (
                strict and "," in between):
            return True
    # "Kristersson on June 9, 2026 admitted ...": the verb right after the date.
    if _AGENT_ON.search(before):
        follow = re.match(r",?\s*([A-Za-z]+)", text[end:])
        if follow and _past_verbs(follow.group(1)):
            return True
    if re.fullmatch(r"\s*(?:[Oo]n\s+)?", before):
        # The clause that follows the date, up to the next comma: "On 22 May voters
        # go to the polls, after the campaign was launched" is not about the launch.
        head = " ".join(re.sub(r"^\s*,", "", text[end:]).split()[:12])
        cut = re.search(r"[.;!?,](?:\s|$)", head)
        return bool(_past_verbs(head[:cut.start()] if cut else head))
    return False


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around a span starts and ends (up to a semicolon)."""
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start),
               text.rfind("; ", 0, start))
    left = left + 2 if left >= 0 else 0
    rights = [i for i in (text.find(". ", end), text.find("? ", end), text.find("; ", end))
              if i >= 0]
    right = min(rights) if rights else len(text)
    return left, right


# After a date, the end of the stretch that belongs to it: a comma, colon or dash.
_AFTER_DATE_CUT = re.compile(r"[,:]\s|\s[—–]\s|—")


_FUTURE_VERB = re.compile(
    r"\b(?:will|won['’]t|shall|would|wouldn['’]t|going\s+to|(?:is|are|was|were)\s+(?:due\s+)?to|"
    r"due|scheduled|slated|set\s+to|expected|expects?|plans?|planned|planning|intends?|aims?|"
    r"upcoming|later|tomorrow|(?:is|are)\s+(?:\w+ing|likely))\b|['’]ll\b", re.I)
_FUTURE_AFTER = re.compile(
    r"^(?:['’]s\s+)?(?:\s*(?:morning|afternoon|evening|night|and|or|\w+day))*\s*,?\s*"
    r"(?:will|won['’]t|shall|would|is\s+(?:set|due|scheduled|expected|likely)|are\s+(?:set|due|"
    r"scheduled|expected|likely)|is\s+to|are\s+to)\b|['’]ll\b", re.I)


def _future_near(text: str, start: int, end: int) -> bool:
    """Whether the clause that holds text[start:end] speaks of the future.

    Looks at the words from the start of the clause up to the weekday ("will
    meet on Wednesday") and at an auxiliary right after it ("Friday will
    bring"). Reported speech ("said on Monday that ... will") is cut off.
    """
    left = max(text.rfind(c, 0, start) for c in ".;:!?—–(“\"")
    before = text[left + 1:start]
    said = list(re.finditer(r"\b(?:that|who|which|after|before|when|while|but)\b|,", before))
    if said:
        before = before[said[-1].end():]
    return bool(_FUTURE_VERB.search(before) or _FUTURE_AFTER.match(text[end:end + 60]))


# -- helpers -------------------------------------------------------------------

def _weekday_name(index: int, mention: DateMention, written: str) -> str:
    lang = mention.text_language
    name = WEEKDAY_NAMES[lang][index]
    if written[:1].isupper():
        name = name[:1].upper() + name[1:]
    elif written[:1].islower():
        name = name.lower()
    return name


def _written_date(mention: DateMention, year: int | None = None) -> str:
    year = mention.year if year is None else year
    text = f"{MONTH_NAMES_EN[mention.month - 1]} {mention.day}"
    return f"{text}, {year}" if year else text


def _nearest_years(month: int, day: int, around: date) -> list[int]:
    """Years that put month/day nearest ``around``: the nearest, and the runner-up
    when the nearest is still far off."""
    options = []
    for year in (around.year - 1, around.year, around.year + 1):
        if day <= days_in_month(year, month):
            options.append((abs((date(year, month, day) - around).days), year))
    options.sort()
    if not options:
        return []
    chosen = [options[0][1]]
    if options[0][0] > _AMBIGUOUS_DAYS and len(options) > 1:
        chosen.append(options[1][1])
    return chosen


def _day_of(field: DateField | None, article: Article, ctx: Context) -> date | None:
    if field is None or field.value is None:
        return None
    return local_day(field.value, field.date_only, article.timezone, ctx.timezone)


def _long(day: date) -> str:
    return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTH_NAMES_EN[day.month - 1]} {day.year}"


# -- rules ---------------------------------------------------------------------

def _metadata(article: Article, ctx: Context) -> Iterator[Annotation]:
    for field in (article.published_at, article.updated_at):
        if field is None or field.value is None or field.date_only or field.value.tzinfo is not None:
            continue
        zone = article.timezone or ctx.timezone
        whose = "article's" if article.timezone else "newsroom's"
        unit = article.unit_for(field=field.field)
        yield MISSING_OFFSET.at(
            unit.whole(),
            f"This time has no UTC offset, so the {whose} time zone ({zone}) is assumed.",
            data={"timezone": zone})
    pub, upd = article.published_at, article.updated_at
    if pub is None or upd is None or pub.value is None or upd.value is None:
        return
    if pub.date_only or upd.date_only:
        earlier = _day_of(upd, article, ctx) < _day_of(pub, article, ctx)
    else:
        # A difference, not ``pub - 1 minute``: that leaves the calendar at year 1.
        earlier = (as_instant(pub.value, article.timezone, ctx.timezone)
                   - as_instant(upd.value, article.timezone, ctx.timezone)) > timedelta(minutes=1)
    if earlier:
        yield UPDATED_BEFORE_PUBLISHED.at(
            article.unit_for(field="updated_at").whole(),
            "The update time is earlier than the publication time; one of them is wrong.",
            related=[article.unit_for(field="published_at").whole()],
            data={"published_at": pub.raw, "updated_at": upd.raw})


# In a paragraph, words that put a yearless date in another year: "held on 20
# May last year", "born on 20 May" (a birthday), "the anniversary of 20 May".
_OTHER_YEAR = re.compile(
    r"\b(?:(?:last|previous|past|prior)\s+(?:year|season|summer|spring|autumn|fall|winter)|"
    r"(?:a|one|two|three|\d+)\s+years?\s+(?:ago|earlier|before)|the\s+year\s+before|"
    r"born|birthday|anniversary)\b", re.I)

# Before a yearless date, words that make it a known day of the past: "since
# Oct. 7", "the Oct. 7 attacks", "the anniversary of 7 October".
_NAMED_PAST_DAY = re.compile(r"\b(?:[Ss]ince|[Tt]he|of)\s+$")


def _days_told_as_past(units: list[TextUnit], found: list[list[DateMention]],
                       latest_day: date) -> set[tuple[int, int]]:
    """(month, day) pairs the article itself places in another year: written
    with a year other than the article's, or as a known past day ("since Oct. 7")."""
    days = set()
    for unit, mentions in zip(units, found):
        for m in mentions:
            if (m.year is not None and m.year != latest_day.year) or (
                    m.year is None and _NAMED_PAST_DAY.search(unit.text, max(0, m.start - 7), m.start)):
                days.add((m.month, m.day))
    return days


def _dates_in_unit(unit: TextUnit, mentions: list[DateMention], ref_day: date | None,
                   latest_day: date | None, english: bool,
                   past_days: set[tuple[int, int]] = frozenset()) -> Iterator[Annotation]:
    text = unit.text
    context_years: list[int] | None = None
    is_note = None
    for m in mentions:
        if m.day > days_in_month(m.year, m.month):
            if m.day > 31 or _NOT_A_DATE_AFTER.match(text, m.end):
                continue
            span = unit.span(m.date_start, m.end)
            if m.month == 2 and m.day == 29:
                message = f"{m.year} is not a leap year, so February 29 does not exist that year."
            else:
                message = (f"{MONTH_NAMES_EN[m.month - 1]} has only {days_in_month(m.year, m.month)} "
                           f"days, so this date does not exist.")
            yield IMPOSSIBLE_DATE.at(span, message, data={
                "year": m.year, "month": m.month, "day": m.day,
                "days_in_month": days_in_month(m.year, m.month)})
            continue
        weekday_range = _weekday_range(text, m) if m.weekday is not None and english else None
        if weekday_range is not None:
            if context_years is None:
                context_years = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
            slip = _range_mismatch(unit, m, weekday_range, context_years, ref_day)
            if slip is not None:
                yield slip
                continue
        elif m.weekday is not None:
            if m.year is not None:
                actual = date(m.year, m.month, m.day)
                if actual.weekday() != m.weekday:
                    yield _mismatch(unit, m, actual, certain=True)
                    continue
            else:
                if context_years is None:
                    context_years = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
                years = list(dict.fromkeys(
                    context_years + (_nearest_years(m.month, m.day, ref_day) if ref_day else [])))
                candidates = [date(y, m.month, m.day) for y in years if m.day <= days_in_month(y, m.month)]
                if candidates and all(c.weekday() != m.weekday for c in candidates):
                    weekdays = {c.weekday() for c in candidates}
                    yield _mismatch(unit, m, candidates[0] if len(weekdays) == 1 else None,
                                    certain=False, inferred=candidates)
                    continue
        if not english or latest_day is None:
            continue
        if m.year is not None:
            happened = date(m.year, m.month, m.day)
            if happened <= latest_day + _SLACK:
                continue
        else:
            # A yearless date is read in the article's year, and only when the
            # paragraph names no other year, the article does not place the same
            # day in another year, and it falls within weeks after the article's
            # date: further on, the writer more likely meant last year.
            if m.day > days_in_month(latest_day.year, m.month) or (m.month, m.day) in past_days:
                continue
            happened = date(latest_day.year, m.month, m.day)
            if not latest_day + _SLACK < happened <= latest_day + _YEARLESS_AHEAD:
                continue
            if m.weekday is not None and happened.weekday() != m.weekday:
                continue  # the weekday puts the date in another year
            if context_years is None:
                context_years = [int(y) for y in _YEAR_IN_TEXT.findall(text)]
            if any(y != latest_day.year for y in context_years) or _OTHER_YEAR.search(text):
                continue
        if is_note is None:
            is_note = bool(_NOTE.match(text))
        if is_note or _EMBED.search(text[max(0, m.start - 90):m.end + 2]):
            continue
        before = text[max(0, m.start - 12):m.start]
        at_start = not text[:m.start].strip() or re.search(r"[.!?]\s+$", text[:m.start])
        # ("since" only with a year: a yearless "since Oct. 7" is a known day
        # of another year, left out above.)
        if not (re.search(r"\b(?:[Oo]n|[Ss]ince)\s+$", before) or at_start
                or _PAST_BEFORE.search(before)):
            continue
        if _told_as_past(text, m.date_start, m.end, strict=m.year is None):
            written = _written_date(m)
            if m.year is None:
                written += f" (in the article’s year, {happened.year})"
            # (A sentence's full stop read into "20 May." is not the date's.)
            stop = m.end - 1 if text[m.end - 1] == "." and m.year is None else m.end
            yield PAST_EVENT_AFTER_PUBLICATION.at(
                unit.span(m.date_start, stop),
                f"{written} is after this article's date ({_long(latest_day)}), "
                f"but the sentence tells it as something that already happened.",
                data={"date": happened.isoformat(), "article_date": latest_day.isoformat()})


def _weekday_range(text: str, m: DateMention):
    """For "Friday to Sunday, June 6-8": (the first weekday, its span, the last
    date's (month, day), where the range ends, the written year or None)."""
    if m.shape != "en-mdy":
        return None
    first = _FIRST_WEEKDAY.search(text, max(0, m.weekday_span[0] - 24), m.weekday_span[0])
    last = _LAST_DAY.match(text, m.end)
    if first is None or last is None:
        return None
    month = m.month
    if last.group("month"):
        month = MONTHS.get(last.group("month").lower())
        if month is None:
            return None
    day = int(last.group("day"))
    year = int(last.group("year")) if last.group("year") else m.year
    first_weekday = _WEEKDAY_ABBREVIATIONS.index(first.group("wd").lower())
    return first_weekday, first.span("wd"), (month, day), last.end(), year


def _range_mismatch(unit: TextUnit, m: DateMention, weekday_range, context_years: list[int],
                    ref_day: date | None) -> Annotation | None:
    """A weekday range that does not fit its dates in any year considered, told at
    the end that does not fit (the first when neither does); None when it fits."""
    first_weekday, first_span, (last_month, last_day), end, year = weekday_range
    if year is not None:
        years = [year]
    else:
        years = list(dict.fromkeys(context_years + (_nearest_years(m.month, m.day, ref_day)
                                                    if ref_day else [])))
    pairs = []
    for y in years:
        if m.day > days_in_month(y, m.month):
            continue
        first = date(y, m.month, m.day)
        last_year = y + 1 if (last_month, last_day) < (m.month, m.day) else y  # "December 30-January 2"
        if last_day > days_in_month(last_year, last_month):
            continue
        last = date(last_year, last_month, last_day)
        if first.weekday() == first_weekday and last.weekday() == m.weekday:
            return None
        pairs.append((first, last))
    if not pairs:
        return None
    certain = year is not None
    first_fits = all(first.weekday() == first_weekday for first, _ in pairs)
    if first_fits:
        told = replace(m, end=end, day=last_day, month=last_month, year=year)
        days = [last for _, last in pairs]
    else:
        told = replace(m, start=first_span[0], weekday=first_weekday, weekday_span=first_span, year=year)
        days = [first for first, _ in pairs]
    actual = days[0] if len({d.weekday() for d in days}) == 1 else None
    return _mismatch(unit, told, actual, certain=certain, inferred=None if certain else days)


def _mismatch(unit: TextUnit, m: DateMention, actual: date | None, *, certain: bool,
              inferred: list[date] | None = None) -> Annotation:
    written = unit.text[m.weekday_span[0]:m.weekday_span[1]]
    span = unit.span(m.start, m.end)
    data = {"weekday_written": WEEKDAYS_EN[m.weekday]}
    suggestion = None
    if actual is not None:
        right = _weekday_name(actual.weekday(), m, written)
        data.update(date=actual.isoformat(), weekday=WEEKDAYS_EN[actual.weekday()])
        rel = m.weekday_span[0] - m.start
        fixed = span.quote[:rel] + right + span.quote[rel + len(written):]
        suggestion = Suggestion("replace", fixed)
        when = _written_date(m, actual.year)
        message = (f"{when} is a {WEEKDAYS_EN[actual.weekday()]}, not a {WEEKDAYS_EN[m.weekday]}."
                   if certain else
                   f"{when} (the year this story implies) is a {WEEKDAYS_EN[actual.weekday()]}, "
                   f"not a {WEEKDAYS_EN[m.weekday]}.")
    else:
        message = (f"{_written_date(m)} does not fall on a {WEEKDAYS_EN[m.weekday]} "
                   f"in any year near this story.")
    if inferred:
        data["years_considered"] = [d.year for d in inferred]
    return WEEKDAY_MISMATCH.at(span, message, suggestion=suggestion, data=data,
                               severity=None if certain else "warning")


# -- "in 2019, three years ago" ------------------------------------------------

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                      "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100, "a dozen": 12})
_NUM = r"(?:\d{1,3}|a\s+dozen|a\s+hundred|[A-Za-z]+(?:[-\s][a-z]+)?)"
_APPROX = (r"(?P<approx>(?:about|around|almost|nearly|roughly|some|over|more\s+than|less\s+than"
           r"|just\s+over|just\s+under|close\s+to|barely|only|just)\s+)?")
_AGO = rf"{_APPROX}(?P<n>{_NUM})\s+(?P<unit>years?|decades?)\s+ago"
_YEAR_REF = (r"(?:(?:early|late|mid-?|the\s+(?:spring|summer|autumn|fall|winter)\s+of)\s*)?"
             r"(?:(?:January|February|March|April|May|June|July|August|September|October|"
             r"November|December)\s+)?(?P<y>(?:1[6-9]|20)\d\d)(?![\d%s])")
_A_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")  # the year _YEAR_REF needs, found with a quick search
_YEARS_AGO = (
    re.compile(rf"\b[Ii]n\s+{_YEAR_REF}\s*(?:,|—|–|\(|-\s)\s*{_AGO}\b"),
    re.compile(rf"\b{_AGO}\s*(?:,|—|–|\()?\s*(?:in|back\s+in)\s+{_YEAR_REF}"),
)


def _count(words: str) -> int | None:
    words = re.sub(r"\s+", " ", words.lower())
    if words.isdigit():
        return int(words)
    if words in _NUMBER_WORDS:
        return _NUMBER_WORDS[words]
    parts = re.split(r"[-\s]", words)
    if len(parts) == 2 and parts[0] in _NUMBER_WORDS and parts[1] in _NUMBER_WORDS:
        tens, ones = _NUMBER_WORDS[parts[0]], _NUMBER_WORDS[parts[1]]
        if tens >= 20 and tens % 10 == 0 and 0 < ones < 10:
            return tens + ones
    return None


def _years_ago(unit: TextUnit, ref_day: date) -> Iterator[Annotation]:
    text = unit.text
    if "ago" not in text or ("year" not in text and "decade" not in text):
        return  # both patterns need years or decades ago: most "ago"s are days or weeks
    if _A_YEAR.search(text) is None:
        return  # nor a year for the ago to count from (the patterns try a match at every word)
    for pattern in _YEARS_AGO:
        for match in pattern.finditer(text):
            n = _count(match.group("n"))
            if n is None:
                continue
            decades = match.group("unit").startswith("decade")
            stated = n * 10 if decades else n
            year = int(match.group("y"))
            computed = ref_day.year - year
            tolerance = 1 + (1 if match.group("approx") else 0) + (2 if decades else 0)
            if computed < 0 or abs(stated - computed) <= tolerance:
                continue
            yield YEARS_AGO_MISMATCH.at(
                unit.span(match.start(), match.end()),
                f"{year} was about {computed} years before this article's date ({ref_day.year}), "
                f"not {stated}.",
                data={"year": year, "stated_years": stated, "computed_years": computed})


# -- relative weekdays ---------------------------------------------------------

# Weekday words are found by their literal stem (fast), then the word before
# them is read with an anchored match.
_WEEKDAY_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:['’]s)?(?!\w)")
_PRE = re.compile(r"\b(?P<pre>on|last|next|this|coming|since|until|till|by|from|late|early|before|"
                  r"after|that)\s+$", re.I)
_NAMED_DAY_BEFORE = re.compile(
    r"(?:Super|Black|Good|Ash|Easter|Palm|Bloody|Cyber|Holy|Maundy|Shrove|Giving|Fat|Blue|Manic|Whit|"
    r"Low|Trinity|Mothering|Passion|Orthodox|Red|Great|Spy|Freaky|Throwback|Casual|Remembrance|"
    r"Mothers|Fathers|Every|every|each|Each|a|one|One|any|Any|same|Girl|Man|Robinson)\s+$")
_NAMED_DAY_AFTER = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Independent|Mail|Sport|Star|Tribune|People|"
    r"Night\s+(?:Football|Raw|Live)|Club|Morning\s+(?:Herald|Post)|Service|School|Bloody|Blues|Prayers?)\b")
_PAST_WORDS = ("last", "since")
_FUTURE_WORDS = ("next", "coming")


def _relative_weekdays(unit: TextUnit, explicit: list[DateMention], ref_day: date) -> Iterator[Annotation]:
    text = unit.text
    if "day" not in text:
        return  # every weekday word ends in "day": most paragraphs name none
    taken = [m.weekday_span for m in explicit if m.weekday_span]
    # (The first weekday of "Friday to Sunday, June 6-8" is the range's, not relative.)
    taken += [found[1] for found in (_weekday_range(text, m) for m in explicit if m.weekday_span) if found]
    for match in _WEEKDAY_WORD.finditer(text):
        start = match.start()
        end = start + match.group().index("day") + 3
        if start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue
        if any(a <= start < b for a, b in taken):
            continue
        before = _PRE.search(text, max(0, start - 9), start)
        pre = before.group("pre").lower() if before else ""
        if not pre and (_NAMED_DAY_BEFORE.search(text, max(0, start - 14), start)
                        or _NAMED_DAY_AFTER.match(text, end)):
            continue
        if pre == "that" and not re.match(r"\s*(?:morning|afternoon|evening|night)", text[end:]):
            continue
        name = text[start:end]
        weekday = WEEKDAYS_EN.index(name)
        if pre in _PAST_WORDS:
            direction = "past"
        elif pre in _FUTURE_WORDS:
            direction = "future"
        else:
            direction = "future" if _future_near(text, start, end) else "past"
        if direction == "past":
            delta = (ref_day.weekday() - weekday) % 7
            if pre == "last" and delta == 0:
                delta = 7
            resolved = ref_day - timedelta(days=delta)
        else:
            delta = (weekday - ref_day.weekday()) % 7
            if pre == "next" and delta == 0:
                delta = 7
            resolved = ref_day + timedelta(days=delta)
        yield RELATIVE_WEEKDAY.at(
            unit.span(start, end),
            f"“{name}” here is {_long(resolved)}, counting "
            f"{'back' if direction == 'past' else 'forward'} from the article's date ({_long(ref_day)}).",
            data={"date": resolved.isoformat(), "weekday": name,
                  "direction": direction, "relative_to": ref_day.isoformat()})


# -- Arabic dates --------------------------------------------------------------

# Umm al-Qura and a moon sighting can put the same Hijri day a day apart.
_HIJRI_SLACK = 1


def _arabic(unit: TextUnit, ref_day: date | None) -> Iterator[Annotation]:
    for found in find_arabic_dates(unit.text):
        from_hijri = hijri_to_gregorian(*found.hijri) if found.hijri else None
        gregorian = None
        if found.gregorian is not None:
            year, month, day = found.gregorian
            if day > days_in_month(year, month):
                if day <= 31:
                    yield IMPOSSIBLE_DATE.at(
                        unit.span(*found.gregorian_span),
                        f"{MONTH_NAMES_EN[month - 1]} has only {days_in_month(year, month)} days, "
                        f"so this date does not exist.",
                        data={"year": year, "month": month, "day": day,
                              "days_in_month": days_in_month(year, month)})
                continue
            if year is not None:
                gregorian = date(year, month, day)
        if from_hijri is not None and gregorian is not None:
            apart = abs((gregorian - from_hijri).days)
            if apart > _HIJRI_SLACK:
                y, m, d = found.hijri
                yield HIJRI_MISMATCH.at(
                    unit.span(found.start if found.weekday is None else found.hijri_span[0], found.end),
                    f"The Hijri date {d}/{m}/{y} is {from_hijri.isoformat()} in the Umm al-Qura calendar, "
                    f"{apart} days from the Gregorian date given with it ({gregorian.isoformat()}).",
                    data={"hijri": f"{y:04d}-{m:02d}-{d:02d}", "gregorian": gregorian.isoformat(),
                          "gregorian_of_hijri": from_hijri.isoformat()})
                continue
        if found.weekday is None:
            continue
        if gregorian is not None:
            candidates, certain = [gregorian], True
        elif from_hijri is not None:
            candidates = [from_hijri + timedelta(days=k) for k in range(-_HIJRI_SLACK, _HIJRI_SLACK + 1)]
            certain = False
        elif found.gregorian is not None and ref_day is not None:
            _, month, day = found.gregorian
            candidates = [date(y, month, day) for y in _nearest_years(month, day, ref_day)]
            certain = False
        else:
            continue
        if any(c.weekday() == found.weekday for c in candidates):
            continue
        actual = candidates[len(candidates) // 2] if (certain or from_hijri is not None) else (
            candidates[0] if len({c.weekday() for c in candidates}) == 1 else None)
        span = unit.span(found.start, found.end)
        data = {"weekday_written": WEEKDAYS_EN[found.weekday]}
        suggestion = None
        if actual is not None and (certain or found.hijri is None):
            data.update(date=actual.isoformat(), weekday=WEEKDAYS_EN[actual.weekday()])
            rel = found.weekday_span[0] - found.start
            written = unit.text[found.weekday_span[0]:found.weekday_span[1]]
            suggestion = Suggestion("replace", span.quote[:rel] + AR_WEEKDAYS[actual.weekday()]
                                    + span.quote[rel + len(written):])
        if actual is not None:
            message = (f"This date falls on a {WEEKDAYS_EN[actual.weekday()]}, "
                       f"not a {WEEKDAYS_EN[found.weekday]}.")
        else:
            message = (f"This date does not fall on a {WEEKDAYS_EN[found.weekday]} "
                       f"in any year near this story.")
        yield WEEKDAY_MISMATCH.at(span, message, suggestion=suggestion, data=data,
                                  severity=None if certain else "warning")


# -- entry point ---------------------------------------------------------------

# The rules reckon from the article's day by a day, a week or a year either
# way; from a day this near year 1 or 9999 that leaves the calendar
# (OverflowError). Such a day tells nothing about the story: treat it as unknown.
_DAY_RANGE = (date(2, 1, 1), date(9998, 12, 31))


def _in_range(day: date | None) -> date | None:
    return day if day is not None and _DAY_RANGE[0] <= day <= _DAY_RANGE[1] else None


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    yield from _metadata(article, ctx)
    ref = article.reference_date
    ref_day = _in_range(_day_of(ref, article, ctx) if ref is not None else None)
    known = [d for d in (_day_of(article.published_at, article, ctx),
                         _day_of(article.updated_at, article, ctx)) if d is not None]
    latest_day = _in_range(max(known) if known else None)
    english = primary_language(article.language) == "en"
    arabic = primary_language(article.language) == "ar"
    relative = english and ref_day is not None
    units = article.body_units() + article.caption_units()
    found = find_dates_in([unit.text for unit in units])
    past_days = _days_told_as_past(units, found, latest_day) if english and latest_day else set()
    for unit, mentions in zip(units, found):
        text = unit.text
        # (Each reader is entered only when its text has what it looks for, as
        # it would test first: most paragraphs have none, and a generator per
        # paragraph per reader adds up.)
        if mentions:
            yield from _dates_in_unit(unit, mentions, ref_day, latest_day, english, past_days)
        if arabic:
            yield from _arabic(unit, ref_day)
        if relative:
            if "ago" in text:
                yield from _years_ago(unit, ref_day)
            if "day" in text:
                yield from _relative_weekdays(unit, mentions, ref_day)
