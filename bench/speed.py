"""Speed benchmark: how long all checks take, and whether that grows linearly.

    python bench/speed.py [--repeat N]

Prints CPU time, in-process on this machine (after a warm-up run, since some
checks load word lists on first use):
- the time to run every check on one published article of the corpus
  (``../shared/corpus/articles.jsonl``): each test-split article timed once,
  after the dev split has warmed the checks' word memos, as on a running
  server; the median per article and per 1,000 words;
- the per-family share of that time;
- the time on one article of 10,000 words and one of 100,000 words (each with
  500 captions), the cost per 1,000 words of each, and the ratio of the two
  per-word costs: about 1.0 means linear growth, about 10 would be quadratic.

Without the corpus, the long articles are built from generated sentences.
Before timing, what the benchmark itself holds (the corpus, the warmed memos)
is frozen out of the garbage collector's reach, as ``factcheck serve`` freezes
its warmed app; each run's article is freed before the next run.
"""
from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from checks.engine import run_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)


def word_count(doc: dict) -> int:
    total = len(doc["headline"].split())
    for block in doc["blocks"]:
        total += len((block.get("text") or block.get("caption") or "").split())
    return total


def time_checks(doc: dict, repeat: int, checks: list[str] | None = None) -> tuple[float, dict[str, float]]:
    """Best-of-``repeat`` CPU seconds for run_checks on ``doc`` (model building not timed).

    CPU time, not wall time: on a shared, busy machine it is the steadier figure.
    """
    best = float("inf")
    families: dict[str, float] = {}
    for _ in range(repeat):
        # A fresh model each run, as each request gets: readings the checks
        # share through the model must not carry over from the previous run.
        article = article_from_json(doc)
        started = time.process_time()
        result = run_checks(article, now=NOW, checks=checks)
        elapsed = time.process_time() - started
        if elapsed < best:
            best, families = elapsed, dict(result.timings)
        # Let this run's article and findings go before the next run, as a
        # server lets a request's go: kept alive, they only make the next run's
        # garbage collections walk more objects.
        del article, result
    return best, families


def _generated_paragraphs(rng: random.Random):
    subjects = ["The council", "Ministers", "The harbour authority", "Residents", "Officials in Oslo"]
    verbs = ["approved", "debated", "rejected", "postponed", "welcomed"]
    objects = ["a new budget", "the ferry timetable", "plans for a bridge", "the report",
               "a 12 per cent rise"]
    while True:
        yield " ".join(f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} "
                       f"on day {rng.randint(1, 900)}."
                       for _ in range(rng.randint(2, 5)))


def long_article(words: int, captions: int, records: list[dict] | None, seed: int = 1) -> dict:
    """An article of about ``words`` words with ``captions`` photos spread through it."""
    rng = random.Random(seed)
    if records:
        pool = [p for r in records for p in r["body"]]
        caption_pool = [i["caption"] for r in records for i in r.get("images") or [] if i.get("caption")]
        paragraphs = (rng.choice(pool) for _ in iter(int, 1))
    else:
        caption_pool = []
        paragraphs = _generated_paragraphs(rng)
    blocks, count, i = [], 0, 0
    while count < words:
        text = next(paragraphs)
        i += 1
        blocks.append({"id": f"p{i}", "type": "paragraph", "text": text})
        count += len(text.split())
    step = max(1, len(blocks) // captions)
    for n in range(captions):
        caption = (rng.choice(caption_pool) if caption_pool and n % 10
                   else f"Photo {n}: the harbour at dawn, seen from the north pier.")
        blocks.insert(min(len(blocks), n * (step + 1)),
                      {"id": f"img{n}", "type": "image", "caption": caption, "credit": "AFP"})
    return {"id": f"long-{words}", "headline": "Harbour council approves new budget", "language": "en",
            "published_at": "2025-05-15T12:00:00+04:00", "blocks": blocks}


def _settle() -> None:
    """Move what exists so far (the corpus held in memory, the warmed memos) out
    of the garbage collector's reach, as ``factcheck serve`` does with its
    warmed app: a server holds no corpus, so collections during a timed run
    should walk only what checks keep alive, not the benchmark's own data."""
    gc.collect()
    gc.freeze()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per article; the best is kept")
    parser.add_argument("--checks", default=None, metavar="ID,ID",
                        help="time only these families (e.g. issue 2's core five); default all")
    args = parser.parse_args(argv)
    checks = [c.strip() for c in args.checks.split(",")] if args.checks else None
    print(f"families: {', '.join(checks) if checks else 'all'}")

    records = corpus.load()
    # Warm up: some checks load word lists on first use; that is start-up, not per article.
    run_checks(article_from_json(long_article(200, 2, None)), now=NOW)
    if records is not None:
        # Checks memoise word-level facts (is this word a known English word?),
        # so the same article timed again is cheaper than a new one. Warm those
        # memos on the dev split, then time each test article once, as a new
        # draft arrives: that is the steady state of a running server.
        dev = [r for r in records if corpus.split_of(r["id"]) == "dev"]
        test = [r for r in records if corpus.split_of(r["id"]) == "test"]
        for record in dev:
            run_checks(article_from_json(corpus.to_article(record)), now=NOW, checks=checks)
        _settle()
        per_article, per_kword, words_seen = [], [], 0
        by_family: dict[str, float] = defaultdict(float)
        for record in test:
            doc = corpus.to_article(record)
            seconds, families = time_checks(doc, 1, checks)
            per_article.append(seconds)
            words_seen += word_count(doc)
            per_kword.append(seconds / max(1, word_count(doc)) * 1000)
            for family, spent in families.items():
                by_family[family] += spent
        total = sum(by_family.values()) or 1.0
        print(f"corpus: {len(test)} test-split articles timed once each after warming on {len(dev)} dev "
              f"articles; median "
              f"{statistics.median(word_count(corpus.to_article(r)) for r in test):.0f} words")
        print(f"  checks, one article:         median {statistics.median(per_article) * 1000:.3f} ms  "
              f"(mean {statistics.mean(per_article) * 1000:.3f} ms, "
              f"p90 {statistics.quantiles(per_article, n=10)[-1] * 1000:.3f} ms)")
        print(f"  checks, per 1,000 words:     median {statistics.median(per_kword) * 1000:.3f} ms  "
              f"(all articles together: {sum(per_article) / words_seen * 1_000_000:.3f} ms)")
        for family, spent in sorted(by_family.items(), key=lambda kv: -kv[1]):
            print(f"    {family:<22} {spent / total:6.1%} of check time")
    else:
        print(f"corpus not found at {corpus.CORPUS}: long articles use generated text")

    _settle()
    figures = {}
    for words in (10_000, 100_000):
        doc = long_article(words, 500, records)
        n = word_count(doc)
        seconds, _ = time_checks(doc, max(2, args.repeat // 2), checks)
        figures[words] = seconds / n * 1000
        print(f"  {n:>7} words, 500 captions: {seconds * 1000:9.1f} ms  "
              f"({figures[words] * 1000:.3f} ms per 1,000 words)")
    ratio = figures[100_000] / figures[10_000]
    print(f"  per-word cost, 100k / 10k: {ratio:.2f}  (1.0 = linear, 10 = quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
