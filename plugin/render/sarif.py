"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

GitHub asks more than the SARIF schema does: every rule needs a short and a
full description and help text (non-empty), every result a location with a
1-based region, and ``partialFingerprints`` to track a finding across runs.
The fingerprint here is the annotation id, which already survives edits
elsewhere in a draft. Columns count Unicode code points (``columnKind``).
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Sequence
from urllib.parse import quote

from checks.engine import Result
from checks.registry import CheckFamily, all_checks
from plugin.render.common import InputProblem, display_path, findings
from plugin.render.locate import region

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "factcheck/v1"


def _tool_version() -> str:
    try:
        from importlib.metadata import version
        return version("factcheck")
    except Exception:  # not installed (running from a checkout)
        return "0.1.0"


def _rule(family: CheckFamily, rule) -> dict:
    what = family.doc.get("What it does", "").strip() or rule.summary
    why = family.doc.get("Why it matters", "").strip()
    fix = family.doc.get("How to fix", "").strip() or "Review the flagged text."
    example = family.doc.get("Example", "").strip()
    markdown = f"**{family.title}**\n\n{what}\n\n"
    if why:
        markdown += f"### Why it matters\n{why}\n\n"
    if example:
        markdown += f"### Example\n{example}\n\n"
    markdown += f"### How to fix\n{fix}\n"
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.replace("/", "-").split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(f"{rule.summary} {what}".split())},
        "help": {"text": fix, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["factcheck", family.id], "check": family.id},
    }


def artifact_uri(path: str) -> str:
    """A relative path stays relative (GitHub resolves it against the repository);
    an absolute one becomes a file URI. Characters a URI cannot hold are escaped."""
    if path == "-":
        return "stdin"
    if PurePosixPath(path).is_absolute():
        return PurePosixPath(path).as_uri()
    return quote(path, safe="/")


def _location(path: str, result: Result, target, message: str | None = None,
              ident: int | None = None) -> dict:
    found = region(result.article, target)
    reg = {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    if found is not None:
        reg = {"startLine": found.start_line, "startColumn": found.start_col,
               "endLine": found.end_line, "endColumn": found.end_col}
    if target.quote:
        reg["snippet"] = {"text": target.quote}
    location: dict = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}, "region": reg}}
    if ident is not None:
        location["id"] = ident
    if message:
        location["message"] = {"text": message}
    return location


def render(results: Sequence[Result], *, families: Sequence[CheckFamily] | None = None,
           problems: Sequence[InputProblem] = (), **_options) -> str:
    families = list(families) if families is not None else all_checks()
    rules: list[dict] = []
    index: dict[str, int] = {}
    for family in families:
        for rule in family.rules:
            index[rule.id] = len(rules)
            rules.append(_rule(family, rule))
    out_results = []
    for finding in findings(results):
        ann = finding.annotation
        rule_id = f"{ann.check}/{ann.rule}"
        item: dict = {
            "ruleId": rule_id,
            "level": LEVELS[ann.severity],
            "message": {"text": ann.message},
            "locations": [_location(finding.path, finding.result, ann.target)],
            "partialFingerprints": {FINGERPRINT: ann.id},
            "properties": {"annotationId": ann.id, "severity": ann.severity},
        }
        if rule_id in index:
            item["ruleIndex"] = index[rule_id]
        if ann.related:
            item["relatedLocations"] = [
                _location(finding.path, finding.result, target, "Related text", n)
                for n, target in enumerate(ann.related[:10])]
        out_results.append(item)
    notifications = [{"level": "error", "message": {"text": f"{p.path}: {p.message}"},
                      "locations": [{"physicalLocation": {
                          "artifactLocation": {"uri": artifact_uri(display_path(p.path))}}}]}
                     for p in problems]
    run = {
        "tool": {"driver": {"name": "factcheck", "version": _tool_version(), "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not problems,
                         "toolExecutionNotifications": notifications}],
        "results": out_results,
    }
    doc = {"$schema": SCHEMA_URI, "version": VERSION, "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
