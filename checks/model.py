"""The article model every check reads.

An article is a headline, some metadata fields and an ordered list of addressed
blocks (the Typerighter idea). Every piece of text a check can point at is a
``TextUnit``: it knows its address (a block id, a field path, or both) and its
text, and turns a character span into an annotation ``Target``.

Adapters (generic JSON, plain text, Markdown, CMS payloads) build this model;
checks only read it. Offsets are code-point offsets into the unit's text,
exactly as the input gave it, so a client can highlight them without
re-deriving anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterator

CONTEXT_CHARS = 32

# Unit kinds. Checks use them to pick what to read: the body is paragraphs,
# headings and quotes; captions are read separately; metadata lives in fields.
HEADLINE = "headline"
ALT_HEADLINE = "alternative_headline"
STANDFIRST = "standfirst"
PARAGRAPH = "paragraph"
HEADING = "heading"
QUOTE = "quote"
CAPTION = "caption"
CREDIT = "credit"
ATTRIBUTION = "attribution"
ALT_TEXT = "alt"
META = "meta"

BODY_KINDS = frozenset({PARAGRAPH, HEADING, QUOTE})


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Target:
    """Where a finding points: a block or a field, and a span of its text."""

    block_id: str | None
    field: str | None
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    # Not part of the public target; lets renderers map back to file lines.
    unit_index: int = -1

    def to_json(self) -> dict:
        out: dict = {}
        if self.block_id is not None:
            out["block_id"] = self.block_id
        if self.field is not None:
            out["field"] = self.field
        out.update(start=self.start, end=self.end, quote=self.quote,
                   prefix=self.prefix, suffix=self.suffix)
        return out


@dataclass(frozen=True)
class TextUnit:
    """One addressable text: a block's text, a caption, or a metadata field."""

    kind: str
    text: str
    block_id: str | None = None
    field: str | None = None
    index: int = -1  # position in document order, set by Article

    def span(self, start: int, end: int) -> Target:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        # Target(...) without the frozen dataclass's __init__ (see _text_unit): every
        # finding and each place it relates to is a target, hundreds in a long gallery.
        target = object.__new__(Target)
        target.__dict__.update(
            block_id=self.block_id,
            field=self.field,
            start=start,
            end=end,
            quote=self.text[start:end],
            prefix=self.text[max(0, start - CONTEXT_CHARS):start],
            suffix=self.text[end:end + CONTEXT_CHARS],
            unit_index=self.index,
        )
        return target

    def whole(self) -> Target:
        return self.span(0, len(self.text))

    @property
    def address(self) -> str:
        """A readable address for messages and logs."""
        if self.block_id is not None and self.field is not None:
            return f"{self.block_id}.{self.field}"
        return self.block_id if self.block_id is not None else str(self.field)


def _text_unit(kind: str, text: str, block_id: str | None, field: str | None, index: int) -> TextUnit:
    """``TextUnit(kind, text, block_id, field, index)``, without the frozen dataclass's
    __init__, which sets each field through object.__setattr__ (twice the cost, for
    every unit of every request). The same object: its fields are its __dict__."""
    unit = object.__new__(TextUnit)
    unit.__dict__.update(kind=kind, text=text, block_id=block_id, field=field, index=index)
    return unit


@dataclass(frozen=True)
class Block:
    id: str
    type: str  # paragraph | heading | quote | image | any other type the input names
    text: str = ""  # paragraph/heading/quote text; for images the caption
    attribution: str | None = None
    credit: str | None = None  # the explicit credit field
    alt: str | None = None
    # For images whose caption ends with its credit ("... in Baghdad. AFP"):
    # the span of that credit inside ``text``; the caption proper ends before it.
    inline_credit: Span | None = None
    source_line: int | None = None  # 1-based line in a file input, if known

    @property
    def is_image(self) -> bool:
        return self.type == "image"

    @property
    def caption_text(self) -> str:
        """The caption without an inline credit (images only)."""
        if self.inline_credit is None:
            return self.text
        return self.text[: self.inline_credit.start].rstrip()

    @property
    def credit_text(self) -> str | None:
        """The credit, explicit or inline, or None when the image has none."""
        if self.credit and self.credit.strip():
            return self.credit.strip()
        if self.inline_credit is not None:
            return self.text[self.inline_credit.start:self.inline_credit.end]
        return None


@dataclass
class DateField:
    """A metadata date: the raw string, and the parsed value when it parsed."""

    field: str
    raw: str | None
    value: datetime | None = None
    date_only: bool = False  # "2025-05-15": only the day is known

    @property
    def has_offset(self) -> bool:
        return self.value is not None and self.value.tzinfo is not None


@dataclass
class Article:
    id: str
    headline: str
    blocks: list[Block] = field(default_factory=list)
    revision: str | None = None
    language: str = "en"
    alternative_headlines: dict[str, str] = field(default_factory=dict)
    standfirst: str | None = None
    slug: str | None = None
    byline: list[str] = field(default_factory=list)
    dateline: str | None = None
    published_at: DateField | None = None
    updated_at: DateField | None = None
    timezone: str | None = None
    # Where the article came from, for renderers that map back to files.
    source: str = "-"
    # Lines in a file input that hold each field (e.g. {"headline": 3}).
    field_lines: dict[str, int] = field(default_factory=dict)
    # Optional finer map from unit offsets to file line/column (plugin.sourcemap),
    # for inputs whose checked text differs from the file (Markdown markup, JSON
    # escapes). Checks never read it.
    source_map: object | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._units: list[TextUnit] | None = None
        self._by_address: dict[tuple[str | None, str | None], TextUnit] = {}
        self._blocks_by_id: dict[str, Block] | None = None
        self._body: list[TextUnit] | None = None
        self._derived: dict[tuple, object] = {}

    # -- text units -----------------------------------------------------
    def units(self) -> list[TextUnit]:
        """Every addressable text in document order (fields first, then blocks)."""
        if self._units is None:
            self._units = [_text_unit(kind, text, block_id, field, i)
                           for i, (kind, text, block_id, field) in enumerate(self._build_units())]
            self._by_address = {(u.block_id, u.field): u for u in self._units}
        return self._units

    def _build_units(self) -> Iterator[tuple[str, str, str | None, str | None]]:
        """(kind, text, block_id, field) of each unit in document order (each
        TextUnit is then built once, with its index: a frozen dataclass is slow to build)."""
        yield HEADLINE, self.headline, None, "headline"
        for key, text in self.alternative_headlines.items():
            if isinstance(text, str) and text:
                yield ALT_HEADLINE, text, None, f"alternative_headlines.{key}"
        if self.standfirst:
            yield STANDFIRST, self.standfirst, None, "standfirst"
        for name in ("published_at", "updated_at"):
            date = getattr(self, name)
            if date is not None and date.raw:
                yield META, date.raw, None, name
        for block in self.blocks:
            if block.is_image:
                yield CAPTION, block.text, block.id, None
                if block.credit:
                    yield CREDIT, block.credit, block.id, "credit"
                if block.alt:
                    yield ALT_TEXT, block.alt, block.id, "alt"
            elif block.type in BODY_KINDS:
                yield block.type, block.text, block.id, None
                if block.attribution:
                    yield ATTRIBUTION, block.attribution, block.id, "attribution"
            elif block.text:
                # Unknown block types still get an address, but no check reads them
                # as body text.
                yield "other", block.text, block.id, None

    def derived(self, key: tuple, compute):
        """``compute()`` once per article and key: a reading several checks share.

        The model is built once per request and only read by checks, so what is
        derived from it (every name mention, say) stays valid for every family
        run on it. ``compute`` must return something checks will not change.
        """
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def unit_for(self, *, block_id: str | None = None, field: str | None = None) -> TextUnit:
        self.units()
        return self._by_address[(block_id, field)]

    def body_units(self) -> list[TextUnit]:
        """Paragraphs, headings and quotes, minus page furniture pasted into them."""
        if self._body is None:
            from checks.furniture import is_furniture  # the shared detector

            self._body = [u for u in self.units() if u.kind in BODY_KINDS and not is_furniture(u.text)]
        return self._body

    def caption_units(self) -> list[TextUnit]:
        return [u for u in self.units() if u.kind == CAPTION]

    def block(self, block_id: str) -> Block:
        if self._blocks_by_id is None:
            self._blocks_by_id = {b.id: b for b in self.blocks}
        return self._blocks_by_id[block_id]

    @property
    def images(self) -> list[Block]:
        return [b for b in self.blocks if b.is_image]

    # -- dates ----------------------------------------------------------
    @property
    def reference_date(self) -> DateField | None:
        """The article's own date: published_at, else updated_at, else None."""
        for date in (self.published_at, self.updated_at):
            if date is not None and date.value is not None:
                return date
        return None
