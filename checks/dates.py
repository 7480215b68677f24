"""Parsing metadata dates (ISO 8601) into the model's ``DateField``."""
from __future__ import annotations

import re
from datetime import date, datetime

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
