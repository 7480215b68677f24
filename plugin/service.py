"""One path from a generic-article document to a ``Result``.

``POST /v1/check`` and the batch endpoint go through here, and so can any
other feature (a webhook) that has a generic-article document: calling
``check_document`` with the app's configuration validates, selects checks,
applies severities, time zone and check options, and records metrics the
same way.
"""
from __future__ import annotations

import configparser
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from checks.engine import Context, Result, run_checks
from checks.model import Article
from checks.registry import all_checks
from plugin.adapters.generic import article_from_json
from plugin.validation import InvalidInput, Problem


@lru_cache(maxsize=1)
def engine_version() -> str:
    """The package version (installed metadata, else setup.cfg of a source checkout)."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("factcheck")
    except PackageNotFoundError:
        parser = configparser.ConfigParser()
        parser.read(Path(__file__).resolve().parent.parent / "setup.cfg", encoding="utf-8")
        return parser.get("metadata", "version", fallback="0+unknown")


def enabled_checks(config: Mapping[str, Any]) -> list[str]:
    """Ids of the check families this server runs (configuration ``CHECKS``)."""
    configured = config.get("CHECKS")
    known = [f.id for f in all_checks()]
    return known if configured is None else [i for i in known if i in configured]


def select_checks(requested: Sequence[str] | None, config: Mapping[str, Any],
                  base: str = "/checks") -> list[str]:
    """The families to run for a request; InvalidInput names each bad id by pointer."""
    enabled = enabled_checks(config)
    if requested is None:
        return enabled
    known = {f.id for f in all_checks()}
    found = []
    for i, check_id in enumerate(requested):
        if check_id not in known:
            found.append(Problem(f"{base}/{i}", f"{check_id!r} is not a check id; "
                                                f"GET /v1/checks lists them ({', '.join(enabled)})"))
        elif check_id not in enabled:
            found.append(Problem(f"{base}/{i}", f"{check_id!r} is not enabled on this server "
                                                f"(enabled: {', '.join(enabled)})"))
    if found:
        raise InvalidInput(found)
    wanted = set(requested)
    return [i for i in enabled if i in wanted]


def parse_now(value: str | None, base: str = "/now") -> datetime | None:
    """An ISO 8601 date-time (no offset = UTC); InvalidInput at ``base`` when it is not one."""
    if value is None:
        return None
    try:
        now = datetime.fromisoformat(value.replace("z", "Z"))
    except (TypeError, ValueError, AttributeError):
        raise InvalidInput([Problem(base, f"{value!r} is not an ISO 8601 date-time")]) from None
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


def build_article(doc: Any, *, base: str = "/article", source: str = "-") -> Article:
    """Validate a generic-article document and build the model (InvalidInput on problems)."""
    return article_from_json(doc, source=source, base=base)


def run(article: Article, *, checks: Iterable[str], now: datetime,
        config: Mapping[str, Any], source: str = "-") -> Result:
    """Run the checks on a built article with the configured severities and time zone."""
    context = Context(now=now, timezone=config.get("TIMEZONE") or "UTC",
                      options=config.get("CHECK_OPTIONS") or {})
    result = run_checks(article, checks=list(checks), severities=config.get("SEVERITIES") or {},
                        context=context, source=source)
    # A family that raised is in result.check_errors; the engine has logged it
    # with the article id (and the request id, through the log formatter).
    _record(result)
    return result


def check_document(doc: Any, *, checks: Sequence[str] | None = None, now: datetime | None = None,
                   config: Mapping[str, Any], base: str = "/article", source: str = "-") -> Result:
    """Validate ``doc`` (a generic article), run the enabled or requested checks, return the Result.

    ``now`` is the reference time (default: the current time). Raises
    ``InvalidInput`` listing every problem by JSON pointer (under ``base``) for
    an invalid article or an unknown or disabled check id.
    """
    problems = []
    selected = article = None
    try:
        selected = select_checks(checks, config)
    except InvalidInput as exc:
        problems += exc.problems
    try:
        article = build_article(doc, base=base, source=source)
    except InvalidInput as exc:
        problems += exc.problems
    if problems:
        raise InvalidInput(problems, source)
    return run(article, checks=selected, now=now or datetime.now(timezone.utc), config=config,
               source=source)


def _record(result: Result) -> None:
    """Count the result in the app's metrics when running inside an app context."""
    from flask import current_app, has_app_context

    if has_app_context():
        metrics = current_app.extensions.get("factcheck.metrics")
        if metrics is not None:
            metrics.observe_result(result)
