"""A plain-text article, as scraped or pasted -> Article.

The text has no markup, so its structure is inferred line by line:

- a line that ends in a photo credit ("... in Baghdad. AFP") is a caption;
- the first other short line without closing punctuation is the headline;
- a short line of capitalised words after it ("Sinan Mahmoud", "By Jane Doe")
  is the byline;
- an "Updated: May 15, 2025, 12:00 PM" (or "Published: ...") line sets the
  date and leaves the body;
- page furniture (a language switcher, "Read more") becomes its own block, so
  the page-furniture check reports it and no other check reads it as story;
- everything else is paragraphs, split on blank lines.

Block ids are ``L<n>``, the 1-based line where the block starts, so every
finding maps straight back to a line of the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from checks.credits import find_inline_credit
from checks.dates import parse_human_datetime
from checks.furniture import furniture_kind
from checks.model import Article, Block, DateField

_DATE_LINE = re.compile(
    r"^\s*(?P<label>Updated|Last updated|Published|First published)\s*:?\s*(?P<value>.{6,60}?)\s*$", re.I)
_BY = re.compile(r"^\s*(?:By|Von|Por|Par)\s+(?P<names>.+?)\s*$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|al|Al|el|El|bin|bint|de|da|van|von|der|la|le|di)$")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class _Line:
    number: int  # 1-based
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _looks_like_headline(text: str) -> bool:
    text = text.strip()
    return 3 <= len(text) <= 200 and len(text.split()) >= 2 and text[-1] not in ".,;:"


def _byline_names(text: str) -> list[str] | None:
    text = text.strip()
    match = _BY.match(text)
    if match:
        names = match.group("names")
    else:
        names = text
        if len(text) > 80 or text[-1:] in ".!?:;,":
            return None
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+|\s+&\s+", names) if p.strip()]
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
            return None
    return parts or None


def _furniture_run(group: list[_Line], start: int, longest: int = 8) -> int | None:
    """End (exclusive) of the longest furniture run starting at ``start``."""
    for end in range(min(len(group), start + longest), start, -1):
        if furniture_kind("\n".join(line.text for line in group[start:end])):
            return end
    return None


def _language(text: str) -> str:
    letters = _LETTER.findall(text)
    if letters and sum(1 for c in letters if _ARABIC.match(c)) > len(letters) / 2:
        return "ar"
    return "en"


def article_from_text(text: str, *, source: str = "-", article_id: str | None = None,
                      extra_credits: tuple[str, ...] = ()) -> Article:
    lines = [_Line(i + 1, t.rstrip("\r")) for i, t in enumerate(text.split("\n"))]

    # Group lines into runs separated by blank lines.
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.stripped:
            current.append(line)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)

    blocks: list[Block] = []
    headline: str | None = None
    field_lines: dict[str, int] = {}
    byline: list[str] = []
    dates: dict[str, DateField] = {}
    body_started = False

    def add(kind: str, group: list[_Line], **extra) -> None:
        blocks.append(Block(id=f"L{group[0].number}", type=kind,
                            text="\n".join(line.text for line in group),
                            source_line=group[0].number, **extra))

    for group in groups:
        # Captions, furniture and date lines are recognised line by line, since
        # scraped pages put them on consecutive lines with no blank between.
        pending: list[_Line] = []

        def flush() -> None:
            nonlocal headline, byline, body_started
            if not pending:
                return
            joined = "\n".join(line.text for line in pending)
            if headline is None and len(pending) == 1 and _looks_like_headline(joined):
                headline = joined.strip()
                field_lines["headline"] = pending[0].number
            elif headline is not None and not byline and not body_started and (
                    names := _byline_names(joined)) is not None:
                byline = names
                field_lines["byline"] = pending[0].number
            else:
                add("paragraph", list(pending))
                body_started = True
            pending.clear()

        i = 0
        while i < len(group):
            line = group[i]
            date_match = _DATE_LINE.match(line.text)
            parsed = parse_human_datetime(date_match.group("value")) if date_match else None
            if date_match and parsed is not None:
                flush()
                name = ("published_at"
                        if date_match.group("label").lower() in ("published", "first published")
                        else "updated_at")
                if name not in dates:
                    value, date_only = parsed
                    dates[name] = DateField(name, date_match.group("value").strip(), value, date_only)
                    field_lines[name] = line.number
                    i += 1
                    continue
            run_end = _furniture_run(group, i)
            if run_end is not None:
                flush()
                # Consecutive furniture lines ("• English" / "• Arabic") are one item.
                add("paragraph", group[i:run_end])
                i = run_end
                continue
            credit = find_inline_credit(line.text, extra_credits)
            if credit is not None and len(line.stripped) < 600:
                flush()
                blocks.append(Block(id=f"L{line.number}", type="image", text=line.text,
                                    inline_credit=credit, source_line=line.number))
                i += 1
                continue
            pending.append(line)
            i += 1
        flush()

    if headline is None:
        # No line looked like a headline: take the first paragraph's first line.
        first = next((b for b in blocks if b.type == "paragraph"), None)
        headline = first.text.split("\n")[0].strip() if first else ""
    return Article(
        id=article_id or (Path(source).stem if source not in ("-", "") else "stdin"),
        headline=headline,
        blocks=blocks,
        language=_language(text),
        byline=byline,
        published_at=dates.get("published_at"),
        updated_at=dates.get("updated_at"),
        source=source,
        field_lines=field_lines,
    )
