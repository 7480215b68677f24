"""The generic JSON article (``schemas/article.schema.json``) -> Article."""
from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks.credits import find_inline_credit
from checks.dates import parse_date_field
from checks.model import Article, Block
from plugin.validation import InvalidInput, Problem, pointer, problems


def article_from_json(data: Any, *, source: str = "-", base: str = "",
                      extra_credits: tuple[str, ...] = ()) -> Article:
    """Validate ``data`` against the article schema and build the model.

    Raises ``InvalidInput`` listing every problem, each with a JSON pointer
    (prefixed by ``base``, e.g. ``/article`` inside an HTTP request).
    """
    found = problems(data, "article", base)
    if found:
        raise InvalidInput(found, source)

    found = []
    dates = {}
    for name in ("published_at", "updated_at"):
        try:
            dates[name] = parse_date_field(name, data.get(name))
        except ValueError as exc:
            found.append(Problem(pointer([name], base), f"is not a valid date: {exc}"))
    zone = data.get("timezone")
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            found.append(Problem(pointer(["timezone"], base), f"{zone!r} is not a known IANA time zone"))
    seen: dict[str, int] = {}
    for i, raw in enumerate(data.get("blocks", [])):
        if raw["id"] in seen:
            found.append(Problem(pointer(["blocks", i, "id"], base),
                                 f"duplicates the id of /blocks/{seen[raw['id']]}"))
        seen.setdefault(raw["id"], i)
    if found:
        raise InvalidInput(found, source)

    return Article(
        id=data["id"],
        revision=data.get("revision"),
        language=data.get("language") or "en",
        headline=data["headline"],
        alternative_headlines={k: v for k, v in (data.get("alternative_headlines") or {}).items() if v},
        standfirst=data.get("standfirst"),
        slug=data.get("slug"),
        byline=list(data.get("byline") or []),
        dateline=data.get("dateline"),
        published_at=dates["published_at"],
        updated_at=dates["updated_at"],
        timezone=zone,
        blocks=[_block(raw, extra_credits) for raw in data.get("blocks", [])],
        source=source,
    )


def _block(raw: dict, extra_credits: tuple[str, ...]) -> Block:
    kind = raw["type"]
    if kind == "image":
        caption = raw.get("caption") or ""
        credit = raw.get("credit")
        inline = None if (credit and credit.strip()) else find_inline_credit(caption, extra_credits)
        return Block(id=raw["id"], type="image", text=caption, credit=credit,
                     alt=raw.get("alt"), inline_credit=inline)
    if kind == "quote":
        return Block(id=raw["id"], type="quote", text=raw["text"], attribution=raw.get("attribution"))
    return Block(id=raw["id"], type=kind, text=raw.get("text") or "")


def article_to_json(article: Article) -> dict:
    """The generic JSON form of a model (adapters' golden tests and the sidebar use it)."""
    out: dict[str, Any] = {"id": article.id, "headline": article.headline}
    if article.revision is not None:
        out["revision"] = article.revision
    out["language"] = article.language
    if article.alternative_headlines:
        out["alternative_headlines"] = dict(article.alternative_headlines)
    for key in ("standfirst", "slug", "dateline", "timezone"):
        if getattr(article, key):
            out[key] = getattr(article, key)
    if article.byline:
        out["byline"] = list(article.byline)
    for key in ("published_at", "updated_at"):
        date = getattr(article, key)
        out[key] = date.raw if date is not None else None
    blocks = []
    for b in article.blocks:
        if b.is_image:
            item = {"id": b.id, "type": "image", "caption": b.text}
            if b.credit:
                item["credit"] = b.credit
            if b.alt:
                item["alt"] = b.alt
        elif b.type == "quote":
            item = {"id": b.id, "type": "quote", "text": b.text}
            if b.attribution:
                item["attribution"] = b.attribution
        else:
            item = {"id": b.id, "type": b.type, "text": b.text}
        blocks.append(item)
    out["blocks"] = blocks
    return out
