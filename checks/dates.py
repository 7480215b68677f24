"""Parsing metadata dates (ISO 8601) into the model's ``DateField``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks.model import DateField
from checks.text import Joined, may_have_digit

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
WEEKDAY_NAMES = {
    "en": WEEKDAYS_EN,
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}

_MONTH_NAMES = {
    "de": ("Januar|Jänner|Jan", "Februar|Feber|Feb", "März|Mär", "April|Apr", "Mai", "Juni|Jun",
           "Juli|Jul", "August|Aug", "September|Sept|Sep", "Oktober|Okt", "November|Nov",
           "Dezember|Dez"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre|setiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier|janv", "février|févr", "mars", "avril", "mai", "juin", "juillet|juil",
           "août", "septembre|sept", "octobre|oct", "novembre|nov", "décembre|déc"),
}
_EN_MONTH_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec".split())
_MONTHS_BY_LANG = {
    lang: {name.lower(): i for i, alts in enumerate(names, start=1) for name in alts.split("|")}
    for lang, names in _MONTH_NAMES.items()
}
_WEEKDAYS_BY_LANG = {"en": {name: i for i, name in enumerate(WEEKDAYS_EN)}}
_WEEKDAYS_BY_LANG.update({lang: {name.lower(): i for i, name in enumerate(names)}
                          for lang, names in WEEKDAY_NAMES.items() if lang != "en"})
_WEEKDAYS_BY_LANG["de"]["sonnabend"] = 5

# Dates are found from their digits: a text is scanned once for digit runs, and
# each run is tried against the date shapes with anchored matches around it,
# so the cost is one cheap pass plus a little work per number.
# (\d\d* rather than \d+: the same runs, but the regex engine then skips
# ahead to the next digit quickly instead of trying a match at every position.)
_DIGITS = re.compile(r"\d\d*")
_ISO_TAIL = re.compile(r"-(\d\d)-(\d\d)(?![\d-])")
_MONTH_BEFORE = re.compile(r"\b(?P<m>[A-Z][a-z]{2,8})\.?,?\s+$")
_EN_DAY_TAIL = re.compile(r"(?:st|nd|rd|th)?(?![\d:.,]\d)")
_MONTH_AFTER = re.compile(
    r"(?P<ord>st|nd|rd|th|er)?(?P<sep>\.\s*|\s+de\s+|\s+of\s+|\s+)(?P<m>[^\W\d_]{3,10})\b(?P<dot>\.)?")
_YEAR_AFTER = {
    "en": re.compile(r",?\s+(?P<y>(?:1[6-9]|2[0-9])\d\d)(?!\d)"),
    "de": re.compile(r"\s+(?P<y>(?:1[6-9]|2[0-9])\d\d)(?!\d)"),
    "fr": re.compile(r"\s+(?P<y>(?:1[6-9]|2[0-9])\d\d)(?!\d)"),
    "es": re.compile(r"\s+(?:de|del)\s+(?P<y>(?:1[6-9]|2[0-9])\d\d)(?!\d)"),
}
_WEEKDAY_BEFORE = {
    "en": re.compile(r"\b(?P<wd>[A-Z][a-z]{5,8})(?:,\s*|\s+)(?:the\s+)?$"),
    "de": re.compile(r"\b(?P<wd>[A-Z][a-z]{5,9}),?\s+(?:den\s+)?$"),
    "es": re.compile(r"(?<![^\W\d_])(?P<wd>[^\W\d_]{5,9}),?\s+$"),
    "fr": re.compile(r"(?<![^\W\d_])(?P<wd>[^\W\d_]{5,8}),?\s+$"),
}
_LOOKBACK = 24


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


def _month_after(text: str, end: int) -> tuple[str, int, int] | None:
    """(language, month, end of the month word) for a day number ending at ``end``."""
    match = _MONTH_AFTER.match(text, end)
    if match is None:
        return None
    word, sep, ordinal = match.group("m"), match.group("sep").strip(), match.group("ord")
    stop = match.end()
    if sep == ".":
        number = _MONTHS_BY_LANG["de"].get(word.lower()) if word[0].isupper() and not ordinal else None
        return ("de", number, stop) if number else None
    if sep == "de":
        number = _MONTHS_BY_LANG["es"].get(word.lower()) if not ordinal else None
        return ("es", number, stop) if number else None
    if word in _EN_MONTH_WORDS and ordinal != "er":
        return ("en", MONTHS[word.lower()], stop)
    if sep == "of":
        return None
    if ordinal in (None, "er"):
        number = _MONTHS_BY_LANG["fr"].get(word.lower())
        if number and (word.islower() or word.istitle()):
            return ("fr", number, stop)
    return None


def _weekday_before(text: str, lang: str, at: int) -> tuple[int, tuple[int, int]] | None:
    match = _WEEKDAY_BEFORE[lang].search(text, max(0, at - _LOOKBACK), at)
    if match is None:
        return None
    word = match.group("wd")
    table = _WEEKDAYS_BY_LANG[lang]
    number = table.get(word if lang == "en" else word.lower())
    if number is None or (lang != "en" and not (word.islower() or word.istitle())):
        return None
    return number, (match.start("wd"), match.end("wd"))


# Every English month word or abbreviation starts with one of these: a text
# without any names no month in English. (One expression, which skips ahead to
# the capitals it starts with, beats twelve substring tests.)
MONTH_HEAD = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")


# What may follow a day number for _MONTH_AFTER to match: an ordinal's first
# letter, a full stop or a space.
_MONTH_AFTER_HEADS = frozenset("snrte.")


def find_dates(text: str) -> list[DateMention]:
    """Every calendar date in ``text`` (valid or not), in order, in one pass."""
    out: list[DateMention] = []
    if not may_have_digit(text):
        return out  # most paragraphs
    taken = 0
    # Whether an English month word can stand before a day: most texts name
    # no month, and then no number needs the look-back search. (Worked out
    # at the first short number only.)
    en_month: bool | None = None
    n = len(text)
    for digits in _DIGITS.finditer(text):
        s, e = digits.span()
        if s < taken:
            continue
        if e - s == 4:
            if e < n and text[e] == "-":  # (the ISO tail starts with a hyphen)
                iso = _ISO_TAIL.match(text, e)
                if (iso and text[s - 1:s] not in ("-", "/") and 1 <= int(iso.group(1)) <= 12
                        and int(iso.group(2))):
                    out.append(DateMention(s, iso.end(), "iso", int(iso.group(2)), int(iso.group(1)),
                                           int(text[s:e]), None, None, s))
                    taken = iso.end()
            continue
        if e - s > 2:
            continue
        day = int(digits.group())
        if day == 0:
            continue
        lang = shape = None
        # _MONTH_BEFORE ends in whitespace right before the number.
        if s and text[s - 1].isspace():
            if en_month is None:
                en_month = MONTH_HEAD.search(text) is not None
            before = _MONTH_BEFORE.search(text, max(0, s - 14), s) if en_month else None
        else:
            before = None
        if before is not None and before.group("m") in _EN_MONTH_WORDS:
            tail = _EN_DAY_TAIL.match(text, e)
            if tail is not None:
                lang, shape = "en", "en-mdy"
                month, date_start, stop = MONTHS[before.group("m").lower()], before.start(), tail.end()
        if shape is None:
            if s and text[s - 1] in "0123456789.,:":
                continue
            if e >= n or (text[e] not in _MONTH_AFTER_HEADS and not text[e].isspace()):
                continue  # _MONTH_AFTER cannot match here
            after = _month_after(text, e)
            if after is None or after[1] is None:
                continue
            lang, month, stop = after
            shape, date_start = ("en-dmy" if lang == "en" else lang), s
        year = None
        year_match = _YEAR_AFTER[lang].match(text, stop)
        if year_match is not None:
            year, stop = int(year_match.group("y")), year_match.end()
        weekday = wd_span = None
        start = date_start
        found = _weekday_before(text, lang, date_start)
        if found is not None:
            weekday, wd_span = found
            start = wd_span[0]
        out.append(DateMention(start, stop, shape, day, month, year, weekday, wd_span, date_start))
        taken = stop
    return out


def find_dates_in(texts: list[str]) -> list[list[DateMention]]:
    """``find_dates`` of each text. The distinct texts with digits are read joined
    by NUL (text.Joined), in one pass: on a long article, a pass per paragraph
    costs more than its scanning, and a gallery repeats its captions. NUL is
    neither space, letter, digit nor punctuation, so no date shape reads across
    it, and a lookup before the first digit of a text sees it as the start of
    the text."""
    numbered = [text for text in dict.fromkeys(texts) if may_have_digit(text)]
    found: dict[str, list[DateMention]] = {text: [] for text in numbered}
    joined = Joined(numbered)
    for m in find_dates(joined.text):
        k = joined.locate(m.start)
        offset = joined.starts[k]
        found[numbered[k]].append(DateMention(
            m.start - offset, m.end - offset, m.shape, m.day, m.month, m.year, m.weekday,
            (m.weekday_span[0] - offset, m.weekday_span[1] - offset) if m.weekday_span else None,
            m.date_start - offset))
    return [list(found[text]) if text in found else [] for text in texts]


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
        except (ZoneInfoNotFoundError, ValueError, OverflowError):  # overflow: at year 1 or 9999
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


# -- Arabic: Gregorian and Hijri dates -------------------------------------------
#
# Arabic news (SPA datelines, Gulf papers) writes the Hijri date with its
# Gregorian equivalent: "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م".
# Both month families are listed with their common spellings; the Levantine
# Gregorian names (كانون الثاني, شباط, ...) too. Digits may be Western or
# Arabic-Indic (both are ``\d`` and ``int()`` reads both).

AR_GREGORIAN_MONTHS = (
    "يناير|كانون الثاني", "فبراير|شباط", "مارس|آذار", "أبريل|ابريل|إبريل|نيسان", "مايو|أيار|ايار",
    "يونيو|يونيه|حزيران", "يوليو|يوليه|تموز", "أغسطس|اغسطس|آب", "سبتمبر|أيلول|ايلول",
    "أكتوبر|اكتوبر|تشرين الأول|تشرين الاول", "نوفمبر|تشرين الثاني", "ديسمبر|كانون الأول|كانون الاول",
)
_AR_HIJRI = (
    "محرم|المحرم", "صفر", "ربيع الأول|ربيع الاول|ربيع أول",
    "ربيع الآخر|ربيع الاخر|ربيع الثاني|ربيع ثاني", "جمادى الأولى|جمادى الاولى|جمادى الأول",
    "جمادى الآخرة|جمادى الاخرة|جمادى الثانية|جمادى الآخر", "رجب", "شعبان", "رمضان", "شوال",
    "ذو القعدة|ذي القعدة", "ذو الحجة|ذي الحجة",
)
AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_AR_WEEKDAY_NUMBER = {name: i for i, name in enumerate(AR_WEEKDAYS)}
_AR_WEEKDAY_NUMBER.update({"الإثنين": 0, "الاربعاء": 2, "الاحد": 6})


def _ar_table(names: tuple[str, ...]) -> tuple[dict[str, int], str]:
    table = {alt: i for i, alts in enumerate(names, start=1) for alt in alts.split("|")}
    pattern = "|".join(sorted((re.escape(a) for a in table), key=len, reverse=True))
    return table, pattern


_AR_G_TABLE, _AR_G = _ar_table(AR_GREGORIAN_MONTHS)
_AR_H_TABLE, _AR_H = _ar_table(_AR_HIJRI)
_AR_WD = "|".join(sorted(_AR_WEEKDAY_NUMBER, key=len, reverse=True))
_NOT_AR_LETTER = r"(?![\u0621-\u064A])"
_AR_DATE = re.compile(
    rf"(?:(?P<wd>{_AR_WD}){_NOT_AR_LETTER}\s*[،,]?\s*)?"
    rf"(?:(?P<hd>\d{{1,2}})\s*(?:(?P<hm>{_AR_H}){_NOT_AR_LETTER}|/\s*(?P<hmn>\d{{1,2}})\s*/)\s*"
    rf"(?P<hy>1[34]\d\d)\s*(?:هـ|ه){_NOT_AR_LETTER}"
    rf"(?:\s*[،,]?\s*(?:الموافق|الموافقة|وفق|موافق)\s*(?:لـ?\s*)?(?P<gd2>\d{{1,2}})\s*(?P<gm2>{_AR_G})"
    rf"{_NOT_AR_LETTER}(?:\s*/\s*(?:{_AR_G}){_NOT_AR_LETTER})?\s*[،,]?\s*(?P<gy2>(?:19|20)\d\d))?"
    rf"|(?P<gd>\d{{1,2}})\s*(?P<gm>{_AR_G}){_NOT_AR_LETTER}(?:\s*/\s*(?:{_AR_G}){_NOT_AR_LETTER})?"
    rf"(?:\s*[،,]?\s*(?P<gy>(?:19|20)\d\d))?)")
_HAS_ARABIC = re.compile(r"[\u0621-\u064A]")


@dataclass(frozen=True)
class ArabicDate:
    """An Arabic date: Hijri, Gregorian or both ("... هـ الموافق ... م"), maybe with a weekday."""

    start: int
    end: int
    weekday: int | None
    weekday_span: tuple[int, int] | None
    hijri: tuple[int, int, int] | None  # (year, month, day)
    hijri_span: tuple[int, int] | None
    gregorian: tuple[int | None, int, int] | None  # (year or None, month, day)
    gregorian_span: tuple[int, int] | None


def find_arabic_dates(text: str) -> list[ArabicDate]:
    """Arabic Hijri and Gregorian dates in ``text``; empty when it has no Arabic."""
    if not _HAS_ARABIC.search(text):
        return []
    out = []
    for m in _AR_DATE.finditer(text):
        weekday = _AR_WEEKDAY_NUMBER[m.group("wd")] if m.group("wd") else None
        wd_span = m.span("wd") if m.group("wd") else None
        hijri = hijri_span = gregorian = g_span = None
        if m.group("hd"):
            month = _AR_H_TABLE[m.group("hm")] if m.group("hm") else int(m.group("hmn"))
            if not 1 <= month <= 12:
                continue
            hijri = (int(m.group("hy")), month, int(m.group("hd")))
            hijri_span = (m.start("hd"), m.end("hy"))
            if m.group("gd2"):
                gregorian = (int(m.group("gy2")), _AR_G_TABLE[m.group("gm2")], int(m.group("gd2")))
                g_span = (m.start("gd2"), m.end("gy2"))
        else:
            year = int(m.group("gy")) if m.group("gy") else None
            gregorian = (year, _AR_G_TABLE[m.group("gm")], int(m.group("gd")))
            g_span = (m.start("gd"), m.end())
        out.append(ArabicDate(m.start(), m.end(), weekday, wd_span, hijri, hijri_span, gregorian, g_span))
    return out


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of an Umm al-Qura Hijri date, or None outside its range or calendar."""
    from hijridate import Hijri  # Umm al-Qura tables, 1343-1500 AH

    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
