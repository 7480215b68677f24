"""A fixed workload for counting the instructions the checks run, which no other load on
the machine changes (wall-clock timings on a shared machine vary by 10% or more).

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=_operator_call python bench/callgrind_workload.py corpus|long10|long100

then ``callgrind_annotate`` or the "Collected" line of valgrind's output. Like
``bench/speed.py`` it warms on the corpus's dev split and freezes what it holds out of the
garbage collector's reach; the articles are built before the count starts, and each
``run_checks`` call goes through ``operator.call``, the only function callgrind is told to
count inside. ``corpus`` is the test split's 205 articles; ``long10`` and ``long100`` are
speed.py's articles of about 17,000 and 107,000 words with 500 captions. Run it in two
trees (``git worktree add``) to compare code: the same inputs give the same count.
"""
from __future__ import annotations

import gc
import sys
from operator import call
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus, speed  # noqa: E402
from checks.engine import run_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "corpus"
    if what not in ("corpus", "long10", "long100"):
        print(f"unknown workload {what!r}: corpus, long10 or long100", file=sys.stderr)
        return 2
    records = corpus.load()
    if records is None:
        print("needs ../shared/corpus (the published corpus)", file=sys.stderr)
        return 2
    run_checks(article_from_json(speed.long_article(200, 2, None)), now=speed.NOW)
    for record in records:
        if corpus.split_of(record["id"]) == "dev":
            run_checks(article_from_json(corpus.to_article(record)), now=speed.NOW)
    gc.collect()
    gc.freeze()
    if what == "corpus":
        docs = [corpus.to_article(r) for r in records if corpus.split_of(r["id"]) == "test"]
    else:
        docs = [speed.long_article(10_000 if what == "long10" else 100_000, 500, records)]
    articles = [article_from_json(doc) for doc in docs]
    for article in articles:
        call(run_checks, article, now=speed.NOW)  # (counted: see the module doc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
