"""Blind drafts: recall and precision on hand-written drafts the checks were not written for.

    python bench/blind.py [--batch tune|holdout|all] [--show] [--json]

Each file in ``bench/drafts/<batch>/`` is one draft written from the issues'
specification alone, by people who did not read the checks' code and did not
run the checker while writing (see ``bench/drafts/README.md``). It holds the
article, the reference time and every defect planted in it::

    {"note": "...", "now": "2025-06-02T12:00:00+00:00", "article": {...},
     "expect": [{"check": "name-consistency", "at": "p4", "text": "Naverro",
                 "level": "warning"}]}

A finding meets an expected defect when its family is the same, it points at the
same block or field (``at``), and its quoted text and ``text`` overlap (one holds
the other, ignoring case). house-style reports one finding per article with every
place in ``related``, and number-consistency points at one of two statements that
disagree (the spec does not say which is wrong), so for those a related place
counts too.

What counts as an alarm: warnings and errors of every family, and any finding of
a family whose findings are ``info`` by design (house-style). Other ``info``
findings (a weekday resolved to its date, say) are hints: they count only where a
draft expects one. Recall is planted defects found; precision is alarms that
meet a planted defect. The ``tune`` batch was read while fixing the checks; the
``holdout`` batch was not, and is the figure to quote.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks.annotation import Annotation  # noqa: E402
from checks.engine import run_checks  # noqa: E402
from checks.registry import all_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

DRAFTS = Path(__file__).resolve().parent / "drafts"
BATCHES = ("tune", "holdout")
ALARM = {"warning", "error"}
INFO_FAMILIES = {"house-style"}  # families whose every finding is info by design
# Families whose finding may point at any of the places it relates: house-style reports
# once per article with every place in ``related``; number-consistency's two statements
# of one figure are both where the slip may be (the spec names no side).
ANY_PLACE_FAMILIES = INFO_FAMILIES | {"number-consistency"}


@dataclass
class Tally:
    planted: int = 0
    found: int = 0
    alarms: int = 0
    true_alarms: int = 0
    same_slip: int = 0  # alarms at another family's planted slip: the slip reported twice
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.found / self.planted if self.planted else None

    @property
    def precision(self) -> float | None:
        judged = self.alarms - self.same_slip
        return self.true_alarms / judged if judged else None


def draft_files(batch: str) -> list[Path]:
    batches = BATCHES if batch == "all" else (batch,)
    return sorted(p for b in batches for p in (DRAFTS / b).glob("*.json"))


def _places(ann: Annotation, with_related: bool):
    yield ann.target
    if with_related:
        yield from ann.related or ()


def meets(ann: Annotation, expect: dict, any_place: bool = False) -> bool:
    """Whether ``ann`` is the finding ``expect`` describes (see the module doc);
    with ``any_place``, a related place counts whatever the family."""
    if ann.check != expect["check"]:
        return False
    wanted = expect.get("text", "").casefold()
    for place in _places(ann, any_place or ann.check in ANY_PLACE_FAMILIES):
        if expect["at"] not in (place.block_id, place.field):
            continue
        quote = place.quote.casefold()
        if not wanted or wanted in quote or (quote and quote in wanted):
            return True
    return False


def is_alarm(ann: Annotation) -> bool:
    return ann.severity in ALARM or ann.check in INFO_FAMILIES


def score(paths: list[Path]) -> tuple[dict[str, Tally], list[str]]:
    """Per-family tallies, and the clean drafts (nothing planted) that raised an alarm."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    noisy_clean: list[str] = []
    for path in paths:
        draft = json.loads(path.read_text(encoding="utf-8"))
        article = article_from_json(draft["article"])
        now = datetime.fromisoformat(draft["now"])
        annotations = run_checks(article, now=now).annotations
        expects = draft["expect"]
        name = f"{path.parent.name}/{path.name}"
        for expect in expects:
            tally = tallies[expect["check"]]
            tally.planted += 1
            wanted_info = expect.get("level") == "info"
            if any(meets(a, expect) for a in annotations if wanted_info or is_alarm(a)):
                tally.found += 1
            else:
                tally.misses.append(f"{name}: {expect['at']} {expect.get('text', '')!r} ({path.stem})")
        raised = False
        for ann in annotations:
            if not is_alarm(ann):
                continue
            tally = tallies[ann.check]
            tally.alarms += 1
            if any(meets(ann, e) for e in expects):
                tally.true_alarms += 1
            elif any(meets(ann, dict(e, check=ann.check), any_place=True) for e in expects):
                tally.same_slip += 1
            else:
                raised = True
                where = ann.target.block_id or ann.target.field
                tally.false_alarms.append(
                    f"{name}: {ann.severity} {ann.check}/{ann.rule} at {where} "
                    f"{ann.target.quote!r}: {ann.message}")
        if raised and not expects:
            noisy_clean.append(name)
    return tallies, noisy_clean


def _pct(value: float | None) -> str:
    return "     -" if value is None else f"{value:6.1%}"


def report(batch: str, show: bool) -> dict:
    paths = draft_files(batch)
    tallies, noisy_clean = score(paths)
    clean = sum(1 for p in paths if not json.loads(p.read_text(encoding="utf-8"))["expect"])
    print(f"blind drafts ({batch}): {len(paths)} drafts, {clean} of them clean")
    print(f"  {'family':20} {'planted':>7} {'recall':>7} {'alarms':>7} {'same slip':>9} {'precision':>9}")
    for family in sorted(c.id for c in all_checks()):
        t = tallies.get(family, Tally())
        print(f"  {family:20} {t.planted:7} {_pct(t.recall):>7} {t.alarms:7} {t.same_slip:9} "
              f"{_pct(t.precision):>9}")
    print(f"  clean drafts with an alarm: {len(noisy_clean)} of {clean}")
    if show:
        for family, t in sorted(tallies.items()):
            for line in t.misses:
                print(f"  missed   {family}: {line}")
            for line in t.false_alarms:
                print(f"  unplanted {line}")
    return {"drafts": len(paths), "clean": clean, "noisy_clean": noisy_clean,
            "families": {f: {"planted": t.planted, "found": t.found, "alarms": t.alarms,
                             "true_alarms": t.true_alarms, "same_slip": t.same_slip}
                         for f, t in tallies.items()}}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", choices=(*BATCHES, "all"), default="holdout")
    parser.add_argument("--show", action="store_true", help="list every miss and unplanted alarm")
    parser.add_argument("--json", action="store_true", help="also print the tallies as JSON")
    args = parser.parse_args(argv)
    out = report(args.batch, args.show)
    if args.json:
        print(json.dumps(out, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
