"""Running the CLI in-process for the CI tests, in the fixture project."""
from __future__ import annotations

from pathlib import Path

from plugin.cli import main

CI_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ci"
GOLDEN = CI_FIXTURES / "golden"
NOW = "2025-06-01T12:00:00+00:00"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``factcheck ARGV`` with the fixed reference time; (exit code, stdout, stderr)."""
    argv = list(argv)
    if argv[0] in ("check", "baseline") and "--now" not in argv:
        argv += ["--now", NOW]
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err
