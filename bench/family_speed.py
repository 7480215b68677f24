"""Time one check family: per 1,000 words over the corpus, and on long articles.

    python bench/family_speed.py [--check date-sanity] [--repeat 5]

Prints (in CPU time, so other load on the machine skews it less) the median
milliseconds per 1,000 words over the English and all
published articles, then the time on one article of about 10,000 and 100,000
words (corpus paragraphs and captions; the long one is the short one ten times)
and the ratio between them, which must stay near 10 for a linear check.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from checks.engine import Context  # noqa: E402
from checks.registry import get_check  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)


def _words(doc: dict) -> int:
    return sum(len((b.get("text") or b.get("caption") or "").split()) for b in doc["blocks"])


def _time(run, doc: dict, ctx, repeat: int) -> float:
    best = []
    for _ in range(repeat):
        # A fresh model each run, as each request gets (built untimed, with its
        # units, which every family shares): readings a family keeps on the
        # model must not carry over from the previous run.
        article = article_from_json(doc)
        article.units()
        started = time.process_time()
        list(run(article, ctx))
        best.append(time.process_time() - started)
    return min(best)


def _long(docs: list[dict], words: int) -> dict:
    blocks, total, i = [], 0, 0
    while total < words:
        for block in docs[i % len(docs)]["blocks"]:
            blocks.append({**block, "id": f"b{len(blocks)}"})
            total += len((block.get("text") or block.get("caption") or "").split())
        i += 1
    return {**docs[0], "id": f"long-{words}", "blocks": blocks}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", default="date-sanity")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    records = corpus.load()
    if records is None:
        print(f"corpus not found at {corpus.CORPUS}")
        return 0
    run = get_check(args.check).run
    ctx = Context(now=NOW)
    per_kw = {"en": [], "all": []}
    docs = []
    for record in records:
        doc = corpus.to_article(record)
        words = _words(doc)
        if words < 50:
            continue
        docs.append(doc)
        ms = _time(run, doc, ctx, args.repeat) * 1000 / words * 1000
        per_kw["all"].append(ms)
        if record.get("language") == "en":
            per_kw["en"].append(ms)
    print(f"{args.check}: median ms per 1,000 words: English {statistics.median(per_kw['en']):.3f} "
          f"({len(per_kw['en'])} articles), all {statistics.median(per_kw['all']):.3f} "
          f"({len(per_kw['all'])} articles)")
    english = [d for d in docs if d.get("language") == "en" and d.get("published_at")]
    times = {}
    base = _long(english, 10_000)
    for words in (10_000, 100_000):
        # The long article is the short one ten times over: same content, ten times the size.
        copies = words // 10_000
        doc = {**base, "blocks": [{**b, "id": f"{b['id']}-{k}"}
                                  for k in range(copies) for b in base["blocks"]]}
        seconds = _time(run, doc, ctx, args.repeat)
        times[words] = seconds
        print(f"  one article of {_words(doc):,} words: {seconds * 1000:.1f} ms "
              f"({seconds * 1000 / _words(doc) * 1000:.3f} ms per 1,000 words)")
    print(f"  ratio 100k/10k: {times[100_000] / times[10_000]:.1f} (10 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
