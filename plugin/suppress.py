"""Deliberate exceptions: inline suppression comments and the baseline file.

Inline comments (Markdown) are recorded by the adapter in the article's
source map; ``apply`` drops the findings they cover. The baseline is a JSON
file of accepted annotation ids per file, written by ``factcheck baseline``,
so a newsroom can adopt the checker on an existing archive and fail only on
new findings. Ids are fingerprints of the flagged text, so a baselined
finding stays accepted while edits happen elsewhere in the draft, and comes
back when its text changes.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Mapping

from checks.engine import Result
from plugin.sourcemap import SourceMap

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".factcheck-baseline.json"


class BaselineError(ValueError):
    pass


@dataclass
class Filtered:
    result: Result
    suppressed: int = 0
    baselined: int = 0


def baseline_key(source: str, base: Path) -> str:
    """A file's key in a baseline: its path relative to the baseline's directory."""
    if source == "-":
        return "-"
    path = Path(os.path.abspath(source))
    try:
        return path.relative_to(Path(os.path.abspath(base))).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, os.path.abspath(base))).as_posix()


def apply(result: Result, accepted: Iterable[str] = ()) -> Filtered:
    """Drop the findings that inline comments suppress or the baseline accepts."""
    accepted = set(accepted)
    source_map = result.article.source_map
    kept = []
    suppressed = baselined = 0
    for ann in result.annotations:
        if isinstance(source_map, SourceMap) and source_map.is_suppressed(
                ann.check, ann.rule, ann.target.block_id):
            suppressed += 1
        elif ann.id in accepted:
            baselined += 1
        else:
            kept.append(ann)
    if suppressed or baselined:
        result = replace(result, annotations=kept)
    return Filtered(result, suppressed, baselined)


@dataclass
class Baseline:
    path: Path
    files: dict[str, set[str]]

    def accepted(self, source: str) -> set[str]:
        return self.files.get(baseline_key(source, self.path.parent), set())


def load_baseline(path: Path | str) -> Baseline:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{path}: is not a factcheck baseline (version {BASELINE_VERSION}, "
                            "with a `files` table); write one with `factcheck baseline`")
    out: dict[str, set[str]] = {}
    for key, entries in files.items():
        if not isinstance(entries, list):
            raise BaselineError(f"{path}: /files/{key} must be a list")
        out[key] = {e["id"] if isinstance(e, dict) else e for e in entries}
    return Baseline(path, out)


def baseline_document(results: Iterable[Result], base: Path) -> dict:
    """The baseline file for ``results``; readable entries, stable order."""
    files: dict[str, list] = {}
    for result in results:
        entries = [{"id": a.id, "rule": f"{a.check}/{a.rule}", "quote": a.target.quote[:80]}
                   for a in result.annotations]
        if entries:
            files[baseline_key(result.source, base)] = sorted(entries, key=lambda e: (e["rule"], e["id"]))
    return {"version": BASELINE_VERSION, "tool": "factcheck",
            "files": dict(sorted(files.items()))}


def write_baseline(path: Path | str, document: Mapping) -> None:
    Path(path).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
