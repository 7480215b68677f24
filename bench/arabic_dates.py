"""Measure date-sanity on Arabic datelines (Hijri with Gregorian), in memory only.

    python bench/arabic_dates.py

Reads ``../shared/corpus/articles-nc.jsonl`` and the Arabic records of
``articles.jsonl`` in place. The -nc records are for research only: they are
measured here and never copied, written out or shipped. Prints the clean
alarms, then recall and precision on copies where one dateline is altered:

- ``gregorian-shift``: the Gregorian date given with a Hijri date moved by two
  to five days ("25 شوال 1436 هـ الموافق 13 أغسطس 2015 م");
- ``wrong-weekday``: a weekday put before the dateline that is not its day.
"""
from __future__ import annotations

import copy
import random
import sys
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from checks.dates import AR_WEEKDAYS, AR_GREGORIAN_MONTHS, find_arabic_dates  # noqa: E402
from checks.engine import run_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)
ALARM = {"warning", "error"}


def _alarms(doc):
    result = run_checks(article_from_json(doc), now=NOW, checks=["date-sanity"])
    return [a for a in result.annotations if a.severity in ALARM]


def _variants(doc, rng):
    """(kind, altered doc, block id) for each dateline with both calendars."""
    for block in doc["blocks"]:
        if block["type"] != "paragraph":
            continue
        for found in find_arabic_dates(block["text"]):
            if not (found.hijri and found.gregorian and found.gregorian[0]):
                continue
            year, month, day = found.gregorian
            written = date(year, month, day)
            text = block["text"]
            shifted = written + timedelta(days=rng.choice((-5, -3, -2, 2, 3, 5)))
            month_name = AR_GREGORIAN_MONTHS[shifted.month - 1].split("|")[0]
            new = (text[:found.gregorian_span[0]] + f"{shifted.day} {month_name} {shifted.year}"
                   + text[found.gregorian_span[1]:])
            yield "gregorian-shift", _with(doc, block["id"], new), block["id"]
            wrong = AR_WEEKDAYS[(written.weekday() + rng.randint(1, 6)) % 7]
            new = text[:found.start] + wrong + " " + text[found.start:]
            yield "wrong-weekday", _with(doc, block["id"], new), block["id"]


def _with(doc, block_id, text):
    out = copy.deepcopy(doc)
    for block in out["blocks"]:
        if block["id"] == block_id:
            block["text"] = text
    return out


def main() -> int:
    records = []
    for path in (corpus.CORPUS_NC, corpus.CORPUS):
        records += [r for r in (corpus.load(path) or []) if r.get("language") == "ar"]
    if not records:
        print("no Arabic records found")
        return 0
    clean = sum(len(_alarms(corpus.to_article(r))) for r in records)
    print(f"Arabic records: {len(records)}; clean alarms: {clean} ({clean / len(records):.3f} per article)")
    rng = random.Random(0)
    found, total, tp, fp = Counter(), Counter(), 0, 0
    for record in records:
        for kind, doc, block_id in _variants(corpus.to_article(record), rng):
            total[kind] += 1
            alarms = _alarms(doc)
            hits = [a for a in alarms if a.target.block_id == block_id]
            found[kind] += bool(hits)
            tp += len(hits)
            fp += len(alarms) - len(hits)
    for kind in sorted(total):
        print(f"  {kind:<16} {found[kind]}/{total[kind]} found ({found[kind] / total[kind]:.1%})")
    if tp + fp:
        print(f"  precision {tp / (tp + fp):.1%} ({fp} false alarms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
