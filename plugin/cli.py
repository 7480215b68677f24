"""The ``factcheck`` command line.

    factcheck check FILE... [--format text|json] [--now ISO] [--checks id,id]
    factcheck checks
    factcheck serve [--host H] [--port P] [--workers N]

Exit codes (a contract for CI): 0 no error annotations; 1 at least one error
annotation; 2 an input could not be read or is invalid (the other files are
still checked and reported).
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from typing import Sequence

from checks.engine import Result, run_checks
from checks.registry import UnknownCheck, all_checks, select
from plugin.inputs import load_article
from plugin.render import RENDERERS, render
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="Consistency checks for news drafts.")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check article files (JSON, plain text; - for stdin)")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=sorted(RENDERERS), default="text")
    check.add_argument("--now", type=parse_now, default=None,
                       help="reference time, ISO 8601 (default: the current time)")
    check.add_argument("--checks", type=parse_check_ids, default=None, metavar="ID,ID",
                       help="run only these check families")
    check.set_defaults(handler=cmd_check)

    listing = sub.add_parser("checks", help="list the checks with their docs")
    listing.set_defaults(handler=cmd_checks)

    serve = sub.add_parser("serve", help="run the HTTP service under gunicorn")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--workers", type=_positive, default=None, metavar="N",
                       help="worker processes (default: one per CPU core)")
    serve.set_defaults(handler=cmd_serve)
    return parser


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
    results: list[Result] = []
    bad = 0
    for path in args.files:
        try:
            article = load_article(path)
        except InvalidInput as exc:
            bad += 1
            for problem in exc.problems:
                print(f"factcheck: {path}: {problem.pointer or '(document)'}: {problem.message}",
                      file=sys.stderr)
            continue
        results.append(run_checks(article, now=now, checks=args.checks, source=path))
    colour = args.format == "text" and sys.stdout.isatty()
    sys.stdout.write(render(args.format, results, colour=colour))
    if bad:
        return EXIT_BAD_INPUT
    if any(r.summary["error"] for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


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
