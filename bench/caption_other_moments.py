"""caption-agreement on captions of another moment of the story: how many it flags.

    python bench/caption_other_moments.py [--show]

``caption_other_moments.json`` holds short, plausible, clean cases: a body sentence
that dates or places an event, and a caption of another moment or place of the same
story (a search the day before a recovery, a rehearsal, a preview, "ahead of
Saturday's derby", a vigil in another city, a wire date stamp, the aftermath). Each
was written by a reviewer to attack a looser reading of the check, and each is copy
an editor would publish as it is, so every finding on them is a false alarm. The
drafts' traps and the published corpus rarely hold such captions; this set does.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.engine import run_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

CASES = Path(__file__).resolve().parent / "caption_other_moments.json"


def article(case: dict) -> dict:
    blocks = [{"id": f"p{i + 1}", "type": "paragraph", "text": text} for i, text in enumerate(case["body"])]
    blocks += [{"id": f"img{i + 1}", "type": "image", "caption": caption, "credit": "Staff"}
               for i, caption in enumerate(case["captions"])]
    return {"id": case["id"], "language": "en", "headline": "Story", "published_at": case["published_at"],
            "blocks": blocks}


def flagged() -> dict[str, list[str]]:
    """Each case's caption-agreement alarms (rule and quoted text), for the cases with any."""
    out = {}
    for case in json.loads(CASES.read_text(encoding="utf-8")):
        now = datetime.fromisoformat(case["published_at"])
        result = run_checks(article_from_json(article(case)), now=now, checks=["caption-agreement"])
        alarms = [f"{a.rule} {a.target.quote!r}" for a in result.annotations if a.severity != "info"]
        if alarms:
            out[case["id"]] = alarms
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the flagged cases")
    args = parser.parse_args(argv)
    total = len(json.loads(CASES.read_text(encoding="utf-8")))
    found = flagged()
    print(f"caption-agreement flags {len(found)} of {total} captions of another moment (all clean)")
    if args.show:
        for case_id, alarms in sorted(found.items()):
            print(f"  {case_id}: {', '.join(alarms)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
