"""House-style quality at info level (bench/quality.py counts only warnings and errors).

    python bench/house_style_quality.py [--split test|dev|all] [--show]

Prints, for English published articles, how many house-style findings each
raises (all info), and for drafts with one planted inconsistency
(``bench/injectors/house_style.py``) the recall and the precision, counting
every house-style finding that matches no planted defect as a false alarm,
including inconsistencies the published article already had (and prints
the precision without those too).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from bench.injectors import house_style as injector  # noqa: E402
from bench.quality import NOW, _matches  # noqa: E402
from checks.engine import run_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402


def _found(doc):
    article = article_from_json(doc)
    return article, run_checks(article, now=NOW, checks=[injector.FAMILY]).annotations


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--per-family", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args(argv)
    records = corpus.load()
    if records is None:
        print(f"corpus not found at {corpus.CORPUS}")
        return 0
    if args.split != "all":
        records = [r for r in records if corpus.split_of(r["id"]) == args.split]
    english = [r for r in records if r.get("language") == "en"]
    per_rule = Counter()
    for r in english:
        for ann in _found(corpus.to_article(r))[1]:
            per_rule[ann.rule] += 1
    print(f"split: {args.split}; clean English articles: {len(english)}")
    for rule, n in sorted(per_rule.items()):
        print(f"  {rule:<24} {n / max(1, len(english)):.3f} info findings per article")
    rng = random.Random(f"{args.seed}:{injector.__name__}")
    order = list(records)
    rng.shuffle(order)
    drafts = hits = tp = fp = new_fp = 0
    kinds, missed = Counter(), Counter()
    for record in order:
        if drafts >= args.per_family:
            break
        injection = injector.inject(corpus.to_article(record), rng)
        if injection is None:
            continue
        drafts += 1
        kinds[injection.kind] += 1
        article, found = _found(injection.doc)
        _, before = _found(corpus.to_article(record))
        already = {a.rule for a in before}
        for e in injection.expected:
            if any(_matches(article, a, e) for a in found):
                hits += 1
            else:
                missed[injection.kind] += 1
                if args.show:
                    print(f"    missed {record['id']} {injection.kind}: {e}")
        for a in found:
            if any(_matches(article, a, e) for e in injection.expected):
                tp += 1
            else:
                fp += 1
                new_fp += a.rule not in already
                if args.show:
                    print(f"    other finding {record['id']} {a.rule} {a.target.quote!r} "
                          f"{a.target.prefix[-30:]!r}")
    expected = hits + sum(missed.values())
    print(f"injected drafts: {drafts} ({', '.join(f'{k} {v}' for k, v in kinds.most_common())})")
    print(f"  recall {hits / max(1, expected):.1%}  precision {tp / max(1, tp + fp):.1%}  "
          f"missed: {dict(missed) or '-'}  other findings: {fp}")
    print(f"  of the other findings, {fp - new_fp} were already raised on the published article "
          f"(a real mix there); precision without them {tp / max(1, tp + new_fp):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
