"""A digest of every finding over a fixed set of inputs, to prove a refactor changes nothing.

    python bench/findings_digest.py [--checks ID,ID] [--out FILE]

Runs the checks over the published corpus, drafts with injected defects
(every injector on every record, with a fixed seed), the articles-nc
research corpus when present (read in place, kept in memory only), the
speed benchmark's long articles and the blind drafts in ``bench/drafts`` (each
at its own reference time); prints one SHA-256 per input set and one over
everything. Two trees whose digests agree give byte-identical results on all
of them. ``--out`` writes the results themselves (JSON lines) for a diff.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from bench.injectors import all_injectors  # noqa: E402
from bench.blind import draft_files  # noqa: E402
from bench.speed import long_article  # noqa: E402
from checks.engine import run_checks  # noqa: E402
from plugin.adapters.generic import article_from_json  # noqa: E402

NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)


def input_sets(records: list[dict], research: list[dict] | None) -> dict[str, list[dict]]:
    sets = {"corpus": [corpus.to_article(r) for r in records]}
    injected = []
    for injector in all_injectors():
        rng = random.Random(injector.__name__)
        for record in records:
            draft = injector.inject(corpus.to_article(record), rng)
            if draft:
                injected.append(draft.doc)
    sets["injected"] = injected
    if research:
        sets["research"] = [corpus.to_article(r) for r in research]
    sets["long"] = [long_article(10_000, 500, records), long_article(100_000, 500, records)]
    return sets


def blind_drafts() -> list[tuple[dict, datetime]]:
    """The hand-written drafts, each with its own reference time."""
    out = []
    for path in draft_files("all"):
        draft = json.loads(path.read_text(encoding="utf-8"))
        out.append((draft["article"], datetime.fromisoformat(draft["now"])))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", default=None, metavar="ID,ID")
    parser.add_argument("--out", default=None)
    args = parser.parse_args(argv)
    checks = [c.strip() for c in args.checks.split(",")] if args.checks else None
    records = corpus.load()
    if records is None:
        print(f"corpus not found at {corpus.CORPUS}")
        return 0
    total = hashlib.sha256()
    lines = []
    sets = {name: [(doc, NOW) for doc in docs]
            for name, docs in input_sets(records, corpus.load(corpus.CORPUS_NC)).items()}
    sets["drafts"] = blind_drafts()
    for name, docs in sets.items():
        digest = hashlib.sha256()
        for doc, now in docs:
            result = run_checks(article_from_json(doc), now=now, checks=checks).to_json()
            result.pop("timings", None)
            line = json.dumps(result, sort_keys=True, ensure_ascii=False)
            digest.update(line.encode())
            total.update(line.encode())
            if args.out:
                lines.append(line)
        print(f"{name:<9} {len(docs):5d} inputs  {digest.hexdigest()}")
    print(f"{'all':<9} {'':5}         {total.hexdigest()}")
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
