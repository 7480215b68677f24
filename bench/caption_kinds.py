"""caption-agreement's recall by kind of slip, from a blind scoring's list of misses.

    bench/blind_at.sh COMMIT TAG --show | python bench/caption_kinds.py TAG [TAG ...]

Reads ``bench/blind.py --show`` output on stdin and tallies the caption-agreement
slips planted in the drafts tagged ``-TAG-`` (in ``tune/`` or ``holdout/``) by kind:
a weekday or a date (read off the expected text), else a name spelling or a place
(read off the draft's note). Several scorings can be piped in one after another, one
per batch, each with its tag; a slip counts as found unless some scoring missed it.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

DRAFTS = Path(__file__).resolve().parent / "drafts"
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
DATE = re.compile(r"\d|\b(?:January|February|March|April|May|June|July|August|September|October"
                  r"|November|December)\b")
MISSED = re.compile(r"missed\s+caption-agreement: \w+/([^:]+)\.json")


def kind(expect: dict, note: str) -> str:
    text, note = expect["text"], note.lower()
    if WEEKDAY.search(text):
        return "weekday"
    if DATE.search(text):
        return "date"
    if "spell" in note or ("name" in note and "place" not in note):
        return "name"
    return "place"


def main(argv: list[str]) -> int:
    tags = argv[1:]
    if not tags:
        print(__doc__, file=sys.stderr)
        return 2
    missed = {m.group(1) for line in sys.stdin if (m := MISSED.search(line))}
    planted, found = Counter(), Counter()
    for tag in tags:
        for path in sorted(DRAFTS.glob(f"*/*-{tag}-*.json")):
            draft = json.loads(path.read_text(encoding="utf-8"))
            for expect in draft["expect"]:
                if expect["check"] != "caption-agreement":
                    continue
                k = kind(expect, draft.get("note", ""))
                planted[k] += 1
                found[k] += path.stem not in missed
    for k in ("name", "weekday", "date", "place"):
        print(f"{k:<8} {found[k]:>3} of {planted[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
