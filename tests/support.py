"""Small builders for test drafts, so flag/pass tables stay one line per case."""
from __future__ import annotations

from typing import Any, Iterable

from checks.engine import Context, run_checks
from checks.model import Article
from plugin.adapters.generic import article_from_json
from tests.conftest import NOW


def block(item: Any, index: int) -> dict:
    """A block from shorthand: "text" is a paragraph; ("image", caption, credit),
    ("quote", text, attribution), ("heading", text) or a full dict."""
    if isinstance(item, dict):
        return {"id": f"b{index}", **item}
    if isinstance(item, str):
        return {"id": f"p{index}", "type": "paragraph", "text": item}
    kind, *rest = item
    if kind == "image":
        caption, credit = (rest + [None])[:2]
        out = {"id": f"img{index}", "type": "image", "caption": caption}
        if credit is not None:
            out["credit"] = credit
        return out
    if kind == "quote":
        text, attribution = (rest + [None])[:2]
        out = {"id": f"q{index}", "type": "quote", "text": text}
        if attribution is not None:
            out["attribution"] = attribution
        return out
    return {"id": f"h{index}", "type": kind, "text": rest[0]}


def draft(*blocks: Any, headline: str = "Council approves new harbour budget",
          **fields: Any) -> Article:
    """A generic-JSON draft built from shorthand blocks, through the real adapter."""
    data = {"id": "test-draft", "headline": headline,
            "blocks": [block(item, i) for i, item in enumerate(blocks, start=1)]}
    data.update(fields)
    return article_from_json(data)


def findings(article: Article, check_id: str, *, now=NOW, context: Context | None = None,
             min_severity: str | None = None) -> list:
    """Annotations of one check family, optionally at or above a severity."""
    result = run_checks(article, now=now, checks=[check_id], context=context)
    assert not result.check_errors, result.check_errors
    order = {"info": 0, "warning": 1, "error": 2}
    return [a for a in result.annotations
            if min_severity is None or order[a.severity] >= order[min_severity]]


def rules_of(annotations: Iterable) -> list[str]:
    return [a.rule for a in annotations]
