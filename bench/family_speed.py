"""Time check families in-process: per 1,000 words over the corpus, and on long drafts.

    python bench/family_speed.py [--checks number-consistency,house-style]

Prints, for each family, its time per 1,000 words over every published article
in ``../shared/corpus`` (read in place), and on drafts of 1,000, 10,000 and
100,000 words built from corpus paragraphs with a captioned image every 20
paragraphs, so a growth that is not linear shows up as a rising figure. The best
of a few runs is kept (the machine is shared).
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from checks.engine import Context  # noqa: E402
from checks.registry import get_check  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

CTX = Context(now=datetime(2026, 11, 1, tzinfo=timezone.utc))


def _words(article) -> int:
    return sum(len(u.text.split()) for u in article.units())


def _best(run, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def _long_draft(records, words: int):
    paragraphs = [p for r in records if r.get("language") == "en" for p in r["body"]]
    captions = [i.get("caption") or "A photo." for r in records for i in (r.get("images") or [])]
    blocks, count, i = [], 0, 0
    while count < words:
        text = paragraphs[i % len(paragraphs)]
        blocks.append({"id": f"p{i}", "type": "paragraph", "text": text})
        count += len(text.split())
        i += 1
        if i % 20 == 0:
            blocks.append({"id": f"img{i}", "type": "image",
                           "caption": captions[i % len(captions)], "credit": "AFP"})
    doc = {"id": f"long-{words}", "headline": "A long draft", "standfirst": paragraphs[0],
           "blocks": blocks}
    return article_from_json(doc)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", default="number-consistency,house-style")
    args = parser.parse_args(argv)
    records = corpus.load()
    if records is None:
        print(f"corpus not found at {corpus.CORPUS}")
        return 0
    articles = [article_from_json(corpus.to_article(r)) for r in records]
    total = sum(_words(a) for a in articles)
    drafts = [_long_draft(records, n) for n in (1_000, 10_000, 100_000)]
    for a in articles + drafts:
        a.body_units()  # built once, as the engine would for the first family
    for family_id in args.checks.split(","):
        family = get_check(family_id)

        def over_corpus():
            for a in articles:
                list(family.run(a, CTX))

        line = [f"{family_id:<20} corpus {_best(over_corpus, 3) * 1e6 / total:.3f} ms/1,000 words"]
        for draft in drafts:
            n = _words(draft)
            seconds = _best(lambda: list(family.run(draft, CTX)), 3)
            line.append(f"{n // 1000}k words {seconds * 1e6 / n:.3f}")
        print("  ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
