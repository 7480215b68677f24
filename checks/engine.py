"""Run check families over an article and assemble the result."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from checks.annotation import SEVERITIES, Annotation, assign_ids
from checks.model import Article
from checks.registry import CheckFamily, select

log = logging.getLogger("factcheck.engine")

OFF = "off"


@dataclass(frozen=True)
class Context:
    """What a check may know besides the article. Checks never read the clock."""

    now: datetime  # the reference time, timezone-aware
    timezone: str = "UTC"  # the newsroom's zone, for dates given without an offset
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValueError("Context.now must be timezone-aware")

    def option(self, check_id: str, key: str, default: Any = None) -> Any:
        return self.options.get(check_id, {}).get(key, default)


@dataclass
class CheckError:
    check: str
    message: str

    def to_json(self) -> dict:
        return {"check": self.check, "message": self.message}


@dataclass
class Result:
    article: Article
    annotations: list[Annotation]
    check_errors: list[CheckError] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per check family
    source: str = "-"

    @property
    def summary(self) -> dict[str, int]:
        counts = {s: 0 for s in SEVERITIES}
        for ann in self.annotations:
            counts[ann.severity] += 1
        return counts

    def to_json(self) -> dict:
        out = {
            "source": self.source,
            "article_id": self.article.id,
            "revision": self.article.revision,
            "annotations": [a.to_json() for a in self.annotations],
            "summary": self.summary,
        }
        if self.check_errors:
            out["check_errors"] = [e.to_json() for e in self.check_errors]
        return out


def resolve_severity(ann: Annotation, severities: Mapping[str, str]) -> str | None:
    """Configured severity for an annotation: rule first, then family, then its own."""
    level = severities.get(f"{ann.check}/{ann.rule}") or severities.get(ann.check) or ann.severity
    return None if level == OFF else level


def _document_order(ann: Annotation) -> tuple:
    return (ann.target.unit_index, ann.target.start, ann.target.end, ann.check, ann.rule)


def run_checks(
    article: Article,
    *,
    now: datetime | None = None,
    checks: Iterable[str] | None = None,
    severities: Mapping[str, str] | None = None,
    context: Context | None = None,
    source: str | None = None,
) -> Result:
    """Run the selected check families (all by default) over ``article``.

    A family that raises does not take the others down: its failure is reported
    in ``Result.check_errors`` and logged with the article id.
    """
    if context is None:
        if now is None:
            raise ValueError("run_checks needs the reference time: pass now= or context=")
        context = Context(now=now if now.tzinfo else now.replace(tzinfo=timezone.utc))
    families: list[CheckFamily] = select(checks)
    severities = severities or {}
    found: list[Annotation] = []
    errors: list[CheckError] = []
    timings: dict[str, float] = {}
    for family in families:
        started = time.perf_counter()
        try:
            produced = list(family.run(article, context))
        except Exception as exc:  # a broken check must not break the request
            log.exception("check %s failed on article %s", family.id, article.id)
            errors.append(CheckError(family.id, f"{type(exc).__name__}: internal check failure"))
            produced = []
        timings[family.id] = time.perf_counter() - started
        for ann in produced:
            level = resolve_severity(ann, severities)
            if level is None:
                continue
            found.append(ann if level == ann.severity else ann.with_changes(severity=level))
    found.sort(key=_document_order)
    return Result(article=article, annotations=assign_ids(found), check_errors=errors,
                  timings=timings, source=source if source is not None else article.source)
