"""GitHub Actions workflow commands: ``::error file=...,line=...,col=...::message``.

GitHub turns at most 10 error, 10 warning and 10 notice commands of one step
(and 50 of a job) into annotations and silently drops the rest. So the most
important findings go first, no more than the limit per level is printed as
a command, and the rest are listed as plain log lines after a notice that
says how many were left out and where the full list is.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from checks.engine import Result
from plugin.render.common import Finding, InputProblem, by_importance, display_path, findings

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # annotations GitHub shows per level and step
PER_JOB = 50


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props) -> str:
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items()
                        if value is not None)
    return f"::{kind} {rendered}::{escape_data(message)}" if rendered else f"::{kind}::{escape_data(message)}"


def _command_for(finding: Finding) -> str:
    ann = finding.annotation
    region = finding.region
    props = {"file": finding.path}
    if region is not None:
        props.update(line=region.start_line, endLine=region.end_line, col=region.start_col,
                     endColumn=region.end_col)
        if region.end_line != region.start_line:
            # GitHub ignores columns on multi-line annotations.
            del props["col"], props["endColumn"]
    props["title"] = f"{ann.check}/{ann.rule}"
    return command(COMMANDS[ann.severity], ann.message, **props)


def plain_line(finding: Finding) -> str:
    ann = finding.annotation
    return f"{finding.path}:{finding.line}:{finding.col}: {ann.severity} {ann.check}/{ann.rule} {ann.message}"


def render(results: Sequence[Result], *, problems: Sequence[InputProblem] = (),
           per_level: int = PER_LEVEL, **_options) -> str:
    lines: list[str] = []
    used: Counter = Counter()
    for problem in problems:
        used["error"] += 1
        lines.append(command("error", problem.message, file=display_path(problem.path),
                             title="factcheck: input not checked"))
    shown: list[Finding] = []
    rest: list[Finding] = []
    for finding in by_importance(findings(results)):
        kind = COMMANDS[finding.annotation.severity]
        if used[kind] < per_level and sum(used.values()) < PER_JOB - 1:
            used[kind] += 1
            shown.append(finding)
        else:
            rest.append(finding)
    lines.extend(_command_for(f) for f in shown)
    if rest:
        counts = Counter(f.annotation.severity for f in rest)
        summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
        lines.append(command(
            "notice", f"{len(rest)} more finding(s) not shown as annotations ({summary}): GitHub shows "
                      f"{per_level} per level in a step. They are listed in the log below; the SARIF "
                      f"report (--format sarif) has them all.", title="factcheck: more findings"))
        lines.append("::group::factcheck: findings not shown as annotations")
        lines.extend(plain_line(f) for f in sorted(rest, key=lambda f: (f.path, f.line, f.col)))
        lines.append("::endgroup::")
    totals = Counter(f.annotation.severity for f in shown + rest)
    files = len(results)
    lines.append(f"factcheck: {files} file{'s' if files != 1 else ''} checked: {totals['error']} error(s), "
                 f"{totals['warning']} warning(s), {totals['info']} info")
    return "\n".join(lines) + "\n"


def step_summary(results: Sequence[Result], *, problems: Sequence[InputProblem] = ()) -> str:
    """A Markdown table for ``$GITHUB_STEP_SUMMARY`` (no per-step limit applies there)."""
    rows = []
    for f in sorted(findings(results), key=lambda f: (f.path, f.line, f.col)):
        message = f.annotation.message.replace("|", "\\|")
        rows.append(f"| {f.path}:{f.line}:{f.col} | {f.annotation.severity} "
                    f"| `{f.annotation.check}/{f.annotation.rule}` | {message} |")
    out = [f"### factcheck: {len(rows)} finding(s) in {len(results)} file(s)", ""]
    for problem in problems:
        out.append(f"- **not checked**: `{display_path(problem.path)}`: {problem.message}")
    if rows:
        out += ["", "| where | severity | rule | message |", "|---|---|---|---|", *rows]
    return "\n".join(out) + "\n"
