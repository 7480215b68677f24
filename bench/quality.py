"""Quality benchmark: precision, recall and false alarms of every check family.

    python bench/quality.py [--split test|dev|all] [--per-family N] [--show]

Two measurements, both over ``../shared/corpus/articles.jsonl`` (read in place):

1. Clean run. The published articles should raise almost nothing: prints the
   warnings and errors per article for each family, for English and for all
   languages (``--show`` lists each alarm so a person can read it).
2. Injected run. Each injector in ``bench/injectors`` plants one defect in a
   copy of a published article; the family must find it (recall) and must not
   raise anything else (precision). Every warning or error of that family that
   matches no planted defect counts against the strict precision, including
   ones the clean article already raised; a second figure leaves those out
   (they are measured, and read by hand, in the clean run).

Records are split in two by a hash of their id: checks are tuned on ``dev``
and the figures that count are measured on ``test``, drafts the checks have
never seen. Only warnings and errors count as alarms; ``info`` is a hint.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from bench.injectors import Expect, all_injectors  # noqa: E402
from checks.engine import run_checks  # noqa: E402
from checks.registry import all_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402
from plugin.validation import InvalidInput  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)
ALARM = {"warning", "error"}


def _alarms(doc: dict, checks=None):
    article = article_from_json(doc)
    result = run_checks(article, now=NOW, checks=checks)
    return article, [a for a in result.annotations if a.severity in ALARM]


def _matches(article, ann, expect: Expect) -> bool:
    if ann.target.block_id != expect.block_id or ann.target.field != expect.field:
        return False
    if expect.rule is not None and ann.rule != expect.rule:
        return False
    if expect.quote is None:
        return True
    try:
        text = article.unit_for(block_id=expect.block_id, field=expect.field).text
    except KeyError:
        return False
    start = text.find(expect.quote)
    while start != -1:
        end = start + len(expect.quote)
        if ann.target.start < end and start < ann.target.end or (start == end == ann.target.start):
            return True
        start = text.find(expect.quote, start + 1)
    return False


def clean_run(records, show: bool) -> dict:
    per_family = defaultdict(Counter)  # family -> Counter(lang bucket -> alarms)
    articles = Counter()
    shown = []
    for record in records:
        try:
            article, alarms = _alarms(corpus.to_article(record))
        except InvalidInput as exc:
            print(f"  skipped {record['id']}: {exc}", file=sys.stderr)
            continue
        bucket = "en" if record.get("language") == "en" else "other"
        articles[bucket] += 1
        for ann in alarms:
            per_family[ann.check][bucket] += 1
            if show:
                shown.append(f"  {record['id']} {ann.severity} {ann.check}/{ann.rule} "
                             f"[{ann.target.block_id or ann.target.field}] "
                             f"{ann.target.quote[:80]!r}: {ann.message}")
    print(f"\nClean published articles: {articles['en']} English, {articles['other']} other languages")
    print(f"  {'family':<22} {'alarms/article (en)':>20} {'alarms/article (other)':>23}")
    total = Counter()
    for family in [f.id for f in all_checks()]:
        counts = per_family.get(family, Counter())
        total.update(counts)
        print(f"  {family:<22} {counts['en'] / max(1, articles['en']):>20.3f} "
              f"{counts['other'] / max(1, articles['other']):>23.3f}")
    print(f"  {'all families':<22} {total['en'] / max(1, articles['en']):>20.3f} "
          f"{total['other'] / max(1, articles['other']):>23.3f}")
    if shown:
        print("\n".join(shown))
    return {"en": total["en"] / max(1, articles["en"]), "other": total["other"] / max(1, articles["other"])}


def injected_run(records, per_family: int, seed: int, show: bool) -> dict:
    figures = {}
    print(f"\nInjected defects (at most {per_family} drafts per family)")
    print(f"  {'family':<22} {'drafts':>6} {'recall':>8} {'precision':>10} {'new-only':>9}   "
          "missed / false alarms (of which already in the clean article)")
    for injector in all_injectors():
        if getattr(injector, "SEVERITY", None) == "info":
            # Only warnings and errors are alarms here; an info-level family is
            # measured by its own script (e.g. bench/house_style_quality.py).
            print(f"  {injector.__name__.rsplit('.', 1)[-1]:<22} reports info only: "
                  f"see bench/{injector.__name__.rsplit('.', 1)[-1]}_quality.py")
            continue
        rng = random.Random(f"{seed}:{injector.__name__}")
        order = list(records)
        rng.shuffle(order)
        drafts = found = tp = fp = preexisting = 0
        misses, false_alarms = Counter(), []
        for record in order:
            if drafts >= per_family:
                break
            injection = injector.inject(corpus.to_article(record), rng)
            if injection is None:
                continue
            try:
                article, alarms = _alarms(injection.doc, checks=[injector.FAMILY])
            except InvalidInput as exc:
                raise SystemExit(f"{injector.__name__} built an invalid draft from {record['id']}: {exc}")
            drafts += 1
            _, clean_alarms = _alarms(corpus.to_article(record), checks=[injector.FAMILY])
            before = {(a.rule, a.target.block_id, a.target.field, a.target.quote) for a in clean_alarms}
            hit = [any(_matches(article, a, e) for a in alarms) for e in injection.expected]
            found += sum(hit)
            for e, ok in zip(injection.expected, hit):
                if not ok:
                    misses[injection.kind or "default"] += 1
                    if show:
                        print(f"    missed {record['id']} {injection.kind}: {e}")
            for ann in alarms:
                if any(_matches(article, ann, e) for e in injection.expected):
                    tp += 1
                else:
                    fp += 1
                    if (ann.rule, ann.target.block_id, ann.target.field, ann.target.quote) in before:
                        preexisting += 1
                    false_alarms.append(f"{record['id']} {ann.rule} {ann.target.quote[:60]!r}")
        expected_total = found + sum(misses.values())
        recall = found / expected_total if expected_total else 0.0
        precision = tp / (tp + fp) if tp + fp else 0.0
        new_only = tp / (tp + fp - preexisting) if tp + fp - preexisting else 0.0
        figures[injector.FAMILY + ":" + injector.__name__.rsplit(".", 1)[-1]] = (recall, precision, drafts)
        detail = ", ".join(f"{k} {v}" for k, v in misses.most_common(4))
        print(f"  {injector.__name__.rsplit('.', 1)[-1]:<22} {drafts:>6} {recall:>8.1%} {precision:>10.1%} "
              f"{new_only:>9.1%}   {detail or '-'} / {fp} ({preexisting})")
        if show:
            for line in false_alarms[:20]:
                print(f"    false alarm {line}")
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--per-family", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", action="store_true", help="list every clean alarm and miss")
    args = parser.parse_args(argv)

    records = corpus.load()
    if records is None:
        print(f"corpus not found at {corpus.CORPUS}; nothing to measure")
        return 0
    if args.split != "all":
        records = [r for r in records if corpus.split_of(r["id"]) == args.split]
    print(f"split: {args.split} ({len(records)} records)")
    clean_run(records, args.show)
    injected_run(records, args.per_family, args.seed, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
