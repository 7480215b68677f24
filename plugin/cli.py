"""The ``factcheck`` command line.

    factcheck check FILE|DIR... [--format text|json|sarif|github|junit] [--now ISO]
                    [--checks id,id] [--fail-on error|warning|info|never] [--config PATH]
                    [--include GLOB] [--exclude GLOB] [--baseline PATH] [--output PATH]
    factcheck baseline FILE|DIR... [--output PATH] [--now ISO] [--checks id,id] [--config PATH]
    factcheck checks
    factcheck serve [--host H] [--port P] [--workers N]

Exit codes (a contract for CI): 0 no finding at or above the ``--fail-on``
threshold (default ``error``); 1 at least one; 2 an input could not be read
or is invalid, or the configuration is invalid (the other files are still
checked and reported).
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence, TextIO

from checks.engine import Context, Result, run_checks
from checks.registry import UnknownCheck, all_checks, select
from plugin.files import expand
from plugin.inputs import load_article
from plugin.project_config import ConfigCache, ConfigError
from plugin.render import RENDERERS, render
from plugin.sourcemap import ALL, SourceMap
from plugin.render.common import FAIL_ON, InputProblem, at_or_above
from plugin.suppress import (DEFAULT_BASELINE, Baseline, BaselineError, apply, baseline_document,
                             load_baseline, write_baseline)
from plugin.validation import InvalidInput

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def parse_now(value: str) -> datetime:
    try:
        now = datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--now: {value!r} is not an ISO 8601 date-time") from None
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


def parse_check_ids(value: str) -> list[str]:
    ids = [v.strip() for v in value.split(",") if v.strip()]
    try:
        select(ids)
    except UnknownCheck as exc:
        known = ", ".join(f.id for f in all_checks())
        raise argparse.ArgumentTypeError(f"--checks: {exc} (known: {known})") from None
    return ids


def _selection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="article files (Markdown, JSON, plain text), directories, or - for stdin")
    parser.add_argument("--now", type=parse_now, default=None,
                        help="reference time, ISO 8601 (default: the current time)")
    parser.add_argument("--checks", type=parse_check_ids, default=None, metavar="ID,ID",
                        help="run only these check families (overrides the configuration)")
    parser.add_argument("--config", default=None, metavar="PATH",
                        help="use this configuration file instead of looking for factcheck.toml "
                             "or [tool.factcheck] in pyproject.toml above each file")
    parser.add_argument("--include", action="append", default=[], metavar="GLOB",
                        help="in directories, check only files matching GLOB (repeatable)")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="skip files matching GLOB (repeatable)")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar on a terminal")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="Consistency checks for news drafts.")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check article files (Markdown, JSON, plain text; - for stdin)")
    _selection_options(check)
    check.add_argument("--format", choices=sorted(RENDERERS), default="text")
    check.add_argument("--fail-on", choices=FAIL_ON, default=None,
                       help="lowest severity that makes the exit code 1 (default: the configuration's "
                            "fail_on, else error)")
    check.add_argument("--baseline", default=None, metavar="PATH",
                       help="ignore findings accepted in this baseline file (default: the "
                            "configuration's baseline, if any)")
    check.add_argument("--output", "-o", default=None, metavar="PATH",
                       help="write the report to PATH instead of standard output")
    check.set_defaults(handler=cmd_check)

    base = sub.add_parser("baseline", help="accept the current findings: write a baseline file")
    _selection_options(base)
    base.add_argument("--output", "-o", default=None, metavar="PATH",
                      help="where to write it (default: the configuration's baseline, "
                           f"else {DEFAULT_BASELINE})")
    base.set_defaults(handler=cmd_baseline)

    listing = sub.add_parser("checks", help="list the checks with their docs")
    listing.set_defaults(handler=cmd_checks)

    serve = sub.add_parser("serve", help="run the HTTP service under gunicorn")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--workers", type=_positive, default=None, metavar="N",
                       help="worker processes (default: one per CPU core)")
    serve.set_defaults(handler=cmd_serve)
    return parser


class Progress:
    """A one-line progress bar on a terminal's stderr; silent otherwise."""

    def __init__(self, total: int, stream: TextIO, enabled: bool):
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 1
        self.done = 0

    def step(self, path: str) -> None:
        if not self.enabled:
            return
        self.done += 1
        width = 30
        filled = width * self.done // self.total
        name = path if len(path) <= 40 else "…" + path[-39:]
        self.stream.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total} {name:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


def _error(message: str) -> None:
    print(f"factcheck: {message}", file=sys.stderr)


def _warn_unknown_suppressions(path: str, article) -> None:
    """A typo in a suppression comment would silently suppress nothing: say so."""
    source_map = article.source_map
    if not isinstance(source_map, SourceMap) or not source_map.suppressed:
        return
    known = {f.id for f in all_checks()} | {r.id for f in all_checks() for r in f.rules} | {ALL}
    unknown = sorted({spec for specs in source_map.suppressed.values() for spec in specs} - known)
    for spec in unknown:
        _error(f"{path}: suppression comment names an unknown check or rule {spec!r}")


def _run(args: argparse.Namespace, configs: ConfigCache, now: datetime
         ) -> tuple[list[Result], list[InputProblem], list[str]]:
    """Load and check every file; returns results, input problems and the families run."""
    paths = expand(args.files, configs, include=args.include, exclude=args.exclude)
    results: list[Result] = []
    problems: list[InputProblem] = []
    families: dict[str, None] = {}
    progress = Progress(len(paths), sys.stderr, sys.stderr.isatty() and not args.no_progress)
    for path in paths:
        progress.step(path)
        settings = configs.for_path(path).settings_for(path)
        try:
            article = load_article(path, extra_credits=settings.extra_credits)
        except InvalidInput as exc:
            problems.extend(InputProblem(path, p.message, p.pointer) for p in exc.problems)
            continue
        _warn_unknown_suppressions(path, article)
        checks = args.checks if args.checks is not None else settings.checks
        context = Context(now=now, timezone=settings.timezone, options=settings.options)
        results.append(run_checks(article, context=context, checks=checks,
                                  severities=settings.severities, source=path))
        families.update(dict.fromkeys(f.id for f in select(checks)))
    progress.close()
    for problem in problems:  # the wording of issue 2's contract
        _error(f"{problem.path}: {problem.pointer or '(document)'}: {problem.problem}")
    return results, problems, list(families)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def cmd_serve(args: argparse.Namespace) -> int:
    from plugin.config import ConfigError
    from plugin.http.serve import serve

    try:
        serve(args.host, args.port, args.workers)
    except ConfigError as exc:
        print(f"factcheck: configuration: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    now = args.now or datetime.now(timezone.utc)
    try:
        configs = ConfigCache(args.config)
        results, problems, family_ids = _run(args, configs, now)
    except ConfigError as exc:
        _error(f"invalid configuration: {exc}")
        return EXIT_BAD_INPUT

    # Inline suppressions, then the baseline.
    baselines: dict[Path, Baseline | None] = {}
    stats = {"suppressed": 0, "baselined": 0}
    filtered = []
    for result in results:
        path = Path(args.baseline) if args.baseline else configs.for_path(result.source).baseline
        accepted: set[str] = set()
        if path is not None:
            if path not in baselines:
                try:
                    baselines[path] = load_baseline(path)
                except BaselineError as exc:
                    if args.baseline or path.exists():
                        _error(str(exc))
                        return EXIT_BAD_INPUT
                    _error(f"{path}: no baseline yet (write one with `factcheck baseline`)")
                    baselines[path] = None
            if baselines[path] is not None:
                accepted = baselines[path].accepted(result.source)
        outcome = apply(result, accepted)
        stats["suppressed"] += outcome.suppressed
        stats["baselined"] += outcome.baselined
        filtered.append(outcome.result)
    results = filtered

    fail_on = args.fail_on
    if fail_on is None:
        first = configs.for_path(results[0].source if results else (args.files[0] if args.files else "."))
        fail_on = first.fail_on or "error"
    to_file = args.output is not None
    colour = (args.format == "text" and not to_file and sys.stdout.isatty()
              and not os.environ.get("NO_COLOR"))
    families = [f for f in all_checks() if f.id in family_ids] if family_ids else all_checks()
    report = render(args.format, results, colour=colour, fail_on=fail_on, families=families,
                    problems=problems, stats=stats)
    if to_file:
        Path(args.output).write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        from plugin.render.github import step_summary
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(step_summary(results, problems=problems))
    if problems:
        return EXIT_BAD_INPUT
    if any(at_or_above(a.severity, fail_on) for r in results for a in r.annotations):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_baseline(args: argparse.Namespace) -> int:
    now = args.now or datetime.now(timezone.utc)
    try:
        configs = ConfigCache(args.config)
        results, problems, _families = _run(args, configs, now)
    except ConfigError as exc:
        _error(f"invalid configuration: {exc}")
        return EXIT_BAD_INPUT
    results = [apply(r).result for r in results]  # inline suppressions still apply
    if args.output:
        output = Path(args.output)
    else:
        configured = configs.for_path(args.files[0] if args.files else ".").baseline
        output = configured or Path(DEFAULT_BASELINE)
    document = baseline_document(results, output.resolve().parent)
    write_baseline(output, document)
    count = sum(len(v) for v in document["files"].values())
    _error(f"wrote {count} accepted finding(s) in {len(document['files'])} file(s) to {output}")
    return EXIT_BAD_INPUT if problems else EXIT_OK


def cmd_checks(_args: argparse.Namespace) -> int:
    for family in all_checks():
        print(f"{family.id}: {family.title}")
        for rule in family.rules:
            print(f"  {rule.id} [{rule.severity}] {rule.summary}")
        for section in ("What it does", "Why it matters", "Example", "How to fix"):
            body = family.doc.get(section, "").strip()
            if body:
                print(f"  {section}:")
                print("\n".join("    " + line for line in body.splitlines()))
        print()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
