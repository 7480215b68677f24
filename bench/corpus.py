"""Reading the shared corpus of published articles into the generic article shape.

The corpus lives in ``../shared/corpus`` and is read in place, never copied
into the repository. ``load()`` returns None when it is absent, so benchmarks
can say so and stop cleanly.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__import__("os").environ.get("FACTCHECK_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "articles.jsonl"
CORPUS_NC = SHARED / "corpus" / "articles-nc.jsonl"  # research only: measure, never copy

_ISO_OK = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def load(path: Path = CORPUS) -> list[dict] | None:
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_of(record_id: str) -> str:
    """A fixed split: 'dev' records tune checks, 'test' records measure them."""
    return "dev" if hashlib.sha1(record_id.encode()).digest()[0] % 2 == 0 else "test"


def _date(value: str | None) -> str | None:
    return value if value and _ISO_OK.match(value) else None


def to_article(record: dict) -> dict:
    """A corpus record as a generic article (``schemas/article.schema.json``).

    Images are placed the way pages usually carry them: the first at the top,
    the rest spread evenly through the body.
    """
    paragraphs = [{"id": f"p{i}", "type": "paragraph", "text": text}
                  for i, text in enumerate(record["body"], start=1)]
    images = []
    for i, image in enumerate(record.get("images") or [], start=1):
        block = {"id": f"img{i}", "type": "image", "caption": image.get("caption") or ""}
        if image.get("credit"):
            block["credit"] = image["credit"]
        images.append(block)
    blocks = list(images[:1])
    rest = images[1:]
    step = max(1, len(paragraphs) // (len(rest) + 1)) if rest else 0
    for i, para in enumerate(paragraphs, start=1):
        blocks.append(para)
        if rest and step and i % step == 0:
            blocks.append(rest.pop(0))
    blocks.extend(rest)
    doc = {
        "id": record["id"],
        "language": (record.get("language") or "en"),
        "headline": record["title"],
        "byline": [b.strip() for b in (record.get("byline") or "").split(",") if b.strip()],
        "published_at": _date(record.get("published")),
        "updated_at": _date(record.get("updated")),
        "blocks": blocks,
    }
    summary = (record.get("extra") or {}).get("summary")
    if isinstance(summary, list):
        summary = " ".join(s for s in summary if isinstance(s, str))
    if summary:
        doc["standfirst"] = summary
    return doc
