"""Parsing metadata dates (ISO 8601) into the model's ``DateField``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks.model import DateField

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date_field(name: str, raw: str | None) -> DateField | None:
    """Parse an ISO 8601 date or date-time; raises ValueError if it is not one.

    A date alone stays a date ("only the day is known"); no midnight is invented.
    A date-time without an offset stays naive: the newsroom's zone applies.
    """
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return DateField(name, raw, None)
    if _DATE_ONLY.match(text):
        day = date.fromisoformat(text)
        return DateField(name, raw, datetime(day.year, day.month, day.day), date_only=True)
    value = datetime.fromisoformat(text.replace("z", "Z"))
    return DateField(name, raw, value)


MONTHS = {
    name: i
    for i, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?"
_HUMAN = (
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}"),
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}"),
)


def parse_human_datetime(text: str) -> tuple[datetime, bool] | None:
    """Parse "May 15, 2025, 12:00 PM" or "15 May 2025" (English months).

    Returns (value, date_only) or None. The value is naive: a page's own
    "Updated" line rarely names its zone.
    """
    text = text.strip()
    try:
        parsed = parse_date_field("x", text)
        if parsed is not None and parsed.value is not None:
            return parsed.value, parsed.date_only
    except ValueError:
        pass
    for pattern in _HUMAN:
        match = pattern.match(text)
        if not match or match.group("month").lower() not in MONTHS:
            continue
        month = MONTHS[match.group("month").lower()]
        try:
            day = datetime(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            return None
        if match.group("hour") is None:
            return day, True
        hour, minute = int(match.group("hour")), int(match.group("minute"))
        ampm = (match.group("ampm") or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        return day.replace(hour=hour, minute=minute), False
    return None


# -- calendar dates written in running text ------------------------------------
#
# Shared by checks that reason about dates in the story (date-sanity, and any
# check that compares the dates of two passages). English month and weekday
# names are matched with a capital, as English writes them; German, Spanish and
# French names are matched only inside their own date shapes ("Dienstag, 13.
# Mai", "martes 13 de mayo", "mardi 13 mai"), where they cannot be other words.

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAYS_EN)}
_WEEKDAY_NAMES = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
for _names in _WEEKDAY_NAMES.values():
    WEEKDAY_NUMBER.update({name.lower(): i for i, name in enumerate(_names)})
WEEKDAY_NUMBER["sonnabend"] = 5

_MONTH_NAMES = {
    "de": ("Januar|Jänner|Jan", "Februar|Feber|Feb", "März|Mär", "April|Apr", "Mai", "Juni|Jun",
           "Juli|Jul", "August|Aug", "September|Sept|Sep", "Oktober|Okt", "November|Nov",
           "Dezember|Dez"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre|setiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier|janv", "février|févr", "mars", "avril", "mai", "juin", "juillet|juil",
           "août", "septembre|sept", "octobre|oct", "novembre|nov", "décembre|déc"),
}
MONTH_NUMBER = dict(MONTHS)
for _names in _MONTH_NAMES.values():
    for _i, _alts in enumerate(_names, start=1):
        MONTH_NUMBER.update({name.lower(): _i for name in _alts.split("|")})

_EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
             r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_EN_WEEKDAY = "(?:" + "|".join(WEEKDAYS_EN) + ")"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]|2[0-9])\d\d"


def _alts(table: dict[str, tuple[str, ...]], lang: str) -> str:
    return "(?:" + "|".join(table[lang]) + ")"


# A date, optionally led by its weekday. Each shape names the same groups:
# wd (weekday), d (day), m (month name or number), y (year).
_SHAPES = {
    "en-mdy": rf"(?:(?P<wd>{_EN_WEEKDAY})(?:,\s*|\s+)(?:the\s+)?)?"
              rf"(?P<m>{_EN_MONTH})\.?,?\s+(?P<d>\d{{1,2}}){_ORD}(?![\d:.,]\d)(?:,?\s+(?P<y>{_YEAR})(?!\d))?",
    "en-dmy": rf"(?:(?P<wd>{_EN_WEEKDAY})(?:,\s*|\s+)(?:the\s+)?)?"
              rf"(?<![\d.,:])(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m>{_EN_MONTH})\b\.?(?:,?\s+(?P<y>{_YEAR})(?!\d))?",
    "iso": rf"(?<![\d/-])(?P<y>{_YEAR})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])",
    "de": rf"(?:(?P<wd>{_alts(_WEEKDAY_NAMES, 'de')}|Sonnabend),?\s+(?:den\s+)?)?"
          rf"(?<![\d.,:])(?P<d>\d{{1,2}})\.\s*(?P<m>{_alts(_MONTH_NAMES, 'de')})\b\.?(?:\s+(?P<y>{_YEAR})(?!\d))?",
    "es": rf"(?:(?P<wd>{_alts(_WEEKDAY_NAMES, 'es')}),?\s+)?"
          rf"(?<![\d.,:])(?P<d>\d{{1,2}})\s+de\s+(?P<m>{_alts(_MONTH_NAMES, 'es')})\b(?:\s+(?:de|del)\s+(?P<y>{_YEAR})(?!\d))?",
    "fr": rf"(?:(?P<wd>{_alts(_WEEKDAY_NAMES, 'fr')}),?\s+)?"
          rf"(?<![\d.,:])(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{_alts(_MONTH_NAMES, 'fr')})\b\.?(?:\s+(?P<y>{_YEAR})(?!\d))?",
}
_FLAGS = {"en-mdy": 0, "en-dmy": 0, "iso": 0, "de": 0, "es": re.I, "fr": re.I}
# All shapes as one alternation, so a text is scanned once.
_ANY_DATE = re.compile("|".join(
    f"(?P<{key.replace('-', '_')}>" + (f"(?i:{pat})" if _FLAGS[key] else pat).replace("(?P<", f"(?P<{key.replace('-', '_')}_") + ")"
    for key, pat in _SHAPES.items()))


@dataclass(frozen=True)
class DateMention:
    """A calendar date written in text, with where its parts are."""

    start: int
    end: int
    shape: str  # en-mdy | en-dmy | iso | de | es | fr
    day: int
    month: int
    year: int | None
    weekday: int | None  # 0 = Monday, when a weekday leads the date
    weekday_span: tuple[int, int] | None
    date_start: int  # where the date proper starts (after any weekday)

    @property
    def text_language(self) -> str:
        return self.shape.split("-")[0] if self.shape != "iso" else "en"


def find_dates(text: str) -> list[DateMention]:
    """Every calendar date in ``text`` (valid or not), in order, in one pass."""
    out = []
    for match in _ANY_DATE.finditer(text):
        shape = match.lastgroup
        prefix = shape + "_"
        groups = {k[len(prefix):]: v for k, v in match.groupdict().items()
                  if k.startswith(prefix) and v is not None}
        raw_month = groups["m"]
        month = int(raw_month) if raw_month.isdigit() else MONTH_NUMBER.get(raw_month.lower().rstrip("."))
        if month is None or not 1 <= month <= 12:
            continue
        day = int(groups["d"])
        if day < 1:
            continue
        weekday = wd_span = None
        date_start = match.start()
        if "wd" in groups:
            weekday = WEEKDAY_NUMBER[groups["wd"].lower()]
            wd_span = (match.start(f"{prefix}wd"), match.end(f"{prefix}wd"))
            date_start = min(match.start(f"{prefix}d"), match.start(f"{prefix}m"))
        out.append(DateMention(
            start=match.start(), end=match.end(), shape=shape.replace("_", "-"), day=day,
            month=month, year=int(groups["y"]) if "y" in groups else None,
            weekday=weekday, weekday_span=wd_span, date_start=date_start))
    return out


def days_in_month(year: int | None, month: int) -> int:
    """Days in ``month``; February has 29 when the year is unknown."""
    if month == 2:
        if year is None:
            return 29
        return 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def local_day(value: datetime, date_only: bool, zone: str | None, fallback_zone: str) -> date:
    """The calendar day a metadata date falls on for the newsroom.

    The zone is the article's own (``zone``) when it has one, else the date's
    own offset, else ``fallback_zone`` (the newsroom's). A date-only value is
    that day; a naive date-time is read in the article's or newsroom's zone.
    """
    if date_only:
        return value.date()
    if value.tzinfo is None:
        return value.date()
    if zone:
        try:
            return value.astimezone(ZoneInfo(zone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return value.date()


def as_instant(value: datetime, zone: str | None, fallback_zone: str) -> datetime:
    """An aware date-time: naive values are read in ``zone`` or ``fallback_zone``."""
    if value.tzinfo is not None:
        return value
    for name in (zone, fallback_zone):
        if name:
            try:
                return value.replace(tzinfo=ZoneInfo(name))
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return value.replace(tzinfo=timezone.utc)
