"""CPU time of the title-agreement family alone, per 1,000 words.

    python bench/speed_title_agreement.py

Measures the English published corpus (best of five passes) and one long
article of 10,000 and of 100,000 words (the corpus's first English body
repeated, an image every ten paragraphs up to 500) whose headline carries
figures and a name, the costly case: the body's figures and words must be
read. CPU time (``time.process_time``) so that other work on a shared machine
inflates the figures less than wall time would.
"""
from __future__ import annotations

import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from checks import title_agreement  # noqa: E402
from checks.engine import Context  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

CTX = Context(now=datetime(2026, 11, 1, tzinfo=timezone.utc))


def _words(article) -> int:
    return sum(len(u.text.split()) for u in article.units())


def _best(articles, passes: int = 5) -> float:
    best = float("inf")
    for _ in range(passes):
        started = time.process_time()
        for article in articles:
            list(title_agreement.check(article, CTX))
        best = min(best, time.process_time() - started)
    return best


def _long(record: dict, words: int):
    doc = corpus.to_article(record)
    doc["headline"] = "Five dead as 1,200 flee Kowalczyk storm costing £1.2bn"
    doc["alternative_headlines"] = {"seo": "Nearly 3000 Pages Released"}
    paragraphs = [b for b in doc["blocks"] if b["type"] == "paragraph"]
    blocks, count, i = [], 0, 0
    while count < words:
        para = dict(paragraphs[i % len(paragraphs)], id=f"p{i}")
        blocks.append(para)
        count += len(para["text"].split())
        i += 1
        if i % 10 == 0 and i // 10 <= 500:
            blocks.append({"id": f"img{i}", "type": "image", "caption": f"Photo {i} of the scene",
                           "credit": "AP"})
    doc["blocks"] = blocks
    article = article_from_json(doc)
    article.units()
    return article


def main() -> int:
    records = corpus.load()
    if records is None:
        print(f"corpus not found at {corpus.CORPUS}; nothing to measure")
        return 0
    english = [r for r in records if r.get("language") == "en"]
    articles = [article_from_json(corpus.to_article(r)) for r in english]
    for article in articles:
        article.units()
    list(title_agreement.check(articles[0], CTX))  # load the word list once
    total = sum(_words(a) for a in articles)
    seconds = _best(articles)
    print(f"corpus (en): {len(articles)} articles, {seconds * 1000 / len(articles):.3f} ms/article, "
          f"{seconds * 1e6 / total:.3f} ms per 1,000 words")
    per_word = []
    for size in (10_000, 100_000):
        article = _long(english[0], size)
        seconds = _best([article])
        per_word.append(seconds * 1e6 / _words(article))
        print(f"one article of {_words(article):,} words: {seconds * 1000:.1f} ms, "
              f"{per_word[-1]:.3f} ms per 1,000 words")
    print(f"per-word cost, 100k / 10k: {per_word[1] / per_word[0]:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
