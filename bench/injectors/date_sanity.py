"""Plant one date defect of the kinds editors miss in a published article.

Varieties (``Injection.kind``):

- ``wrong-weekday``: a relative weekday ("on Wednesday") is spelled out as a
  full date whose weekday is off by a day or two, the way a writer who adds
  the date from memory gets it wrong ("on Wednesday, May 15"), with or
  without the year; or a wrong weekday put in front of a date the story
  already writes out;
- ``impossible-date``: a date the calendar does not have ("April 31",
  "February 30"), written where the story had a weekday or a date;
- ``updated-before-published``: ``updated_at`` set hours or days before
  ``published_at``;
- ``past-event-after-publication``: a past-tense event's weekday replaced by
  a date weeks or months after the article's date (the year or month typo);
- ``years-ago``: "in 2012" becomes "in 2012, N years ago," with N off by
  two to five years.

The article's date is read the way the check reads it (published, else
updated), but every planted defect is decided from the calendar alone.
"""
from __future__ import annotations

import copy
import re
from datetime import date, datetime, timedelta

from bench.injectors import Expect, Injection

FAMILY = "date-sanity"

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()

_WEEKDAY = re.compile(r"\b(?P<on>on )?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                      r"(?![’']s\b|s\b|,? (?:\d|January|February|March|April|May|June|July|August|"
                      r"September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))")
_FULL_DATE = re.compile(
    r"\b(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)"
    r" (?P<d>\d{1,2}), (?P<y>(?:19|20)\d\d)\b")
_IN_YEAR = re.compile(r"\b[Ii]n (?P<y>(?:19|20)\d\d)\b(?![\d%,-]| years?)")
_PAST_VERB = re.compile(r"\b(?:said|told|announced|was|were|met|held|took|gave|launched|signed|"
                        r"reported|confirmed|killed|arrested|voted|won|lost|died|struck|released|"
                        r"published|visited|travelled|traveled|attacked|accused|called|urged|"
                        r"warned|blamed|denied|rejected|approved|passed|opened|closed|ended|began)\b")
_NOT_PAST = re.compile(r"\b(?:will|would|could|might|(?-i:may)|shall|expected|scheduled|due|plans?|next|"
                       r"until|set to|going to|'ll|’ll|called for|calls? for|urged|asked|"
                       r"ahead of|to (?:be|attend|assemble|meet|hold|vote|join|gather|appear|take))\b", re.I)
_HOLIDAY = re.compile(r"(?:Super|Black|Good|Ash|Easter|Palm|Bloody|Cyber|Holy|every|each|a) $")


def _article_day(doc: dict) -> date | None:
    for key in ("published_at", "updated_at"):
        raw = doc.get(key)
        if raw:
            try:
                return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
            except ValueError:
                continue
    return None


def _paragraphs(doc: dict) -> list[int]:
    return [i for i, b in enumerate(doc["blocks"]) if b["type"] == "paragraph"]


def _weekday_sites(doc: dict, avoid_years: bool = True) -> list[tuple[int, re.Match]]:
    """Relative weekdays in paragraphs: (block index, match), holidays excluded."""
    sites = []
    for i in _paragraphs(doc):
        text = doc["blocks"][i]["text"]
        if avoid_years and re.search(r"\b(?:19|20)\d\d\b|\bago\b", text):
            continue  # keep the planted date away from other years in its paragraph
        for match in _WEEKDAY.finditer(text):
            if not _HOLIDAY.search(text[max(0, match.start() - 8):match.start()]):
                sites.append((i, match))
    return sites


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), 0)
    right = text.find(". ", end)
    return text[left:right if right >= 0 else len(text)]


def _past_resolution(day: date, weekday: str) -> date:
    return day - timedelta(days=(day.weekday() - WEEKDAYS.index(weekday)) % 7)


def _write(day: date, rng, *, year: bool, weekday: str | None = None) -> str:
    us = rng.random() < 0.6
    text = f"{MONTHS[day.month - 1]} {day.day}" if us else f"{day.day} {MONTHS[day.month - 1]}"
    if year:
        text += f", {day.year}" if us else f" {day.year}"
    if weekday:
        text = f"{weekday}, {text}" if us else f"{weekday} {text}"
    return text


def _replace(doc: dict, index: int, start: int, end: int, new: str, block_id: str) -> dict:
    out = copy.deepcopy(doc)
    block = out["blocks"][index]
    block["text"] = block["text"][:start] + new + block["text"][end:]
    block["id"] = block_id
    return out


# -- varieties ---------------------------------------------------------------

def _wrong_weekday(doc, day, rng):
    sites = _weekday_sites(doc)
    if sites:
        index, match = rng.choice(sites)
        real = _past_resolution(day, match.group("wd"))
        shift = rng.choice((-2, -1, 1, 2))
        if rng.random() < 0.5:
            # The weekday stays, the date is off.
            written_day, weekday = real + timedelta(days=shift), match.group("wd")
        else:
            # The date is right, the weekday is off.
            written_day, weekday = real, WEEKDAYS[(real.weekday() + shift) % 7]
        new = _write(written_day, rng, year=rng.random() < 0.5, weekday=weekday)
        prefix = "on " if match.group("on") else ""
        out = _replace(doc, index, match.start(), match.end(), prefix + new, "injected-date")
        return out, [Expect(block_id="injected-date", quote=new, rule="weekday-mismatch")]
    for i in _paragraphs(doc):
        text = doc["blocks"][i]["text"]
        match = _FULL_DATE.search(text)
        if match and not re.search(r"(?:day),? $", text[:match.start()]):
            real = date(int(match.group("y")), MONTHS.index(match.group("m")) + 1, int(match.group("d")))
            weekday = WEEKDAYS[(real.weekday() + rng.choice((1, 2, 3, 4, 5, 6))) % 7]
            new = f"{weekday}, {match.group()}"
            out = _replace(doc, i, match.start(), match.end(), new, "injected-date")
            return out, [Expect(block_id="injected-date", quote=new, rule="weekday-mismatch")]
    return None


def _impossible(doc, day, rng):
    month = rng.choice((2, 4, 6, 9, 11))
    impossible = rng.choice((30, 31)) if month == 2 else 31
    year = rng.random() < 0.4
    if month == 2 and year:
        impossible = rng.choice((30, 31))
    new = f"{MONTHS[month - 1]} {impossible}" + (f", {day.year}" if year else "")
    sites = _weekday_sites(doc)
    if sites:
        index, match = rng.choice(sites)
        start = match.start("wd")
        out = _replace(doc, index, start, match.end(), new, "injected-date")
        return out, [Expect(block_id="injected-date", quote=new, rule="impossible-date")]
    return None


def _updated_before(doc, day, rng):
    raw = doc.get("published_at")
    if not raw:
        return None
    out = copy.deepcopy(doc)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        out["updated_at"] = (date.fromisoformat(raw) - timedelta(days=rng.randint(1, 5))).isoformat()
    else:
        published = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        earlier = published - timedelta(hours=rng.choice((2, 5, 12, 26, 49, 24 * 7)))
        out["updated_at"] = earlier.isoformat()
    return out, [Expect(field="updated_at", rule="updated-before-published")]


def _past_after(doc, day, rng):
    sites = []
    for index, match in _weekday_sites(doc, avoid_years=False):
        text = doc["blocks"][index]["text"]
        sentence = _sentence(text, match.start(), match.end())
        if _PAST_VERB.search(sentence) and not _NOT_PAST.search(sentence) and (
                match.group("on") or re.search(r"\b(?:said|announced|told|reported|confirmed) $",
                                               text[:match.start()])):
            sites.append((index, match.start("wd"), match.end(), None))
    for index in _paragraphs(doc):
        text = doc["blocks"][index]["text"]
        for match in _FULL_DATE.finditer(text):
            sentence = _sentence(text, match.start(), match.end())
            if (re.search(r"\bon $", text[:match.start()]) and _PAST_VERB.search(sentence)
                    and not _NOT_PAST.search(sentence)):
                sites.append((index, match.start(), match.end(), match))
    if not sites:
        return None
    index, start, end, match = rng.choice(sites)
    if match is not None:
        # The year typo: the same day, a year or two on.
        month, d = MONTHS.index(match.group("m")) + 1, int(match.group("d"))
        year = day.year + (1 if (month, d) > (day.month, day.day + 2) else rng.choice((1, 2)))
        if month == 2 and d == 29:
            return None
        new = f"{match.group('m')} {d}, {year}"
    else:
        later = day + timedelta(days=rng.choice((3, 12, 40, 95, 200, 366)))
        new = _write(later, rng, year=True)
    out = _replace(doc, index, start, end, new, "injected-date")
    return out, [Expect(block_id="injected-date", quote=new, rule="past-event-after-publication")]


def _years_ago(doc, day, rng):
    sites = []
    for i in _paragraphs(doc):
        text = doc["blocks"][i]["text"]
        if "ago" in text:
            continue
        for match in _IN_YEAR.finditer(text):
            if 3 <= day.year - int(match.group("y")) <= 60:
                sites.append((i, match))
    if not sites:
        return None
    index, match = rng.choice(sites)
    real = day.year - int(match.group("y"))
    stated = real + rng.choice((-4, -3, -2, 2, 3, 5))
    if stated < 1:
        stated = real + 3
    count = NUMBER_WORDS[stated] if stated <= 20 and rng.random() < 0.6 else str(stated)
    new = f"{match.group()}, {count} years ago,"
    text = doc["blocks"][index]["text"]
    tail = text[match.end():]
    if tail.startswith(","):
        new = new[:-1]
    out = _replace(doc, index, match.start(), match.end(), new, "injected-date")
    return out, [Expect(block_id="injected-date", quote=f"{count} years ago", rule="years-ago-mismatch")]


VARIETIES = (
    ("wrong-weekday", _wrong_weekday),
    ("impossible-date", _impossible),
    ("updated-before-published", _updated_before),
    ("past-event-after-publication", _past_after),
    ("years-ago", _years_ago),
)


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en":
        return None
    day = _article_day(doc)
    if day is None:
        return None
    # One variety in five is the metadata defect; otherwise one of the text
    # varieties this article suits, each equally likely, so the rarer shapes
    # (a past-tense sentence to re-date) still get their share.
    if rng.random() < 0.2:
        made = _updated_before(doc, day, rng)
        return Injection(made[0], made[1], kind="updated-before-published") if made else None
    suited = []
    for kind, make in VARIETIES:
        if kind == "updated-before-published":
            continue
        made = make(doc, day, rng)
        if made is not None:
            suited.append((kind, made))
    if not suited:
        return None
    kind, (out, expected) = rng.choice(suited)
    return Injection(out, expected, kind=kind)
