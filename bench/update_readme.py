"""Refresh the README's measured figures from the commands that produce them.

    python bench/update_readme.py

Rewrites the blocks between ``<!-- seed-output -->``, ``<!-- quality -->``,
``<!-- house-style -->``, ``<!-- blind -->`` and ``<!-- speed -->`` markers with
the real output of the seed example, ``bench/quality.py``,
``bench/house_style_quality.py``, ``bench/blind.py`` and ``bench/speed.py``, so
every figure in the README is
one a command reproduces. Needs ``../shared`` (the seed and the corpus).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "../shared/seed/000_a627ffa290a88477.txt"
NOW = "2025-06-01T12:00:00Z"
CORE = "title-agreement,date-sanity,attribution,repeated-caption,page-furniture"  # issue 2's five


def run(*args: str) -> str:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          check=False).stdout


def replace_block(readme: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)", re.S)
    if not pattern.search(readme):
        raise SystemExit(f"README.md has no <!-- {name} --> block")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), readme)


def main() -> int:
    if not (ROOT / SEED).is_file():
        print(f"{SEED} not found; nothing refreshed")
        return 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    seed = run("-m", "plugin.cli", "check", "--now", NOW, SEED)
    readme = replace_block(readme, "seed-output",
                           f"```\n$ factcheck check --now {NOW} {SEED}\n{seed}```\n")
    quality = run("bench/quality.py")
    clean = quality[quality.index("Clean published"):quality.index("Injected")].rstrip()
    injected = quality[quality.index("Injected"):].rstrip()
    house = run("bench/house_style_quality.py").rstrip()
    readme = replace_block(readme, "quality", f"```\n{clean}\n\n{injected}\n```\n")
    readme = replace_block(readme, "house-style",
                           f"```\n$ python bench/house_style_quality.py\n{house}\n```\n")
    holdout = run("bench/blind.py", "--batch", "holdout").rstrip()
    tune = run("bench/blind.py", "--batch", "tune").rstrip()
    readme = replace_block(readme, "blind", f"```\n$ python bench/blind.py --batch holdout\n{holdout}\n\n"
                                            f"$ python bench/blind.py --batch tune\n{tune}\n```\n")
    speed = run("bench/speed.py", "--repeat", "5").rstrip()
    core = run("bench/speed.py", "--repeat", "5", "--checks", CORE).rstrip()
    readme = replace_block(readme, "speed", f"```\n$ python bench/speed.py\n{speed}\n\n"
                                            f"$ python bench/speed.py --checks {CORE}\n{core}\n```\n")
    (ROOT / "README.md").write_text(readme, encoding="utf-8")
    print("README.md refreshed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
