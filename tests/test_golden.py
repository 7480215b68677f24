"""Golden results, compared field by field.

The seed article (both its plain-text and JSON forms, read in place from
../shared) and our own harbour fixture. The seed goldens store no text of the
seed itself (it is not ours to copy): each finding's quote, prefix and suffix
are checked against the source text instead.

Run with UPDATE_GOLDEN=1 to rewrite the files after a deliberate change, and
read the diff before committing it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checks.engine import run_checks
from plugin.inputs import load_article
from tests.conftest import FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden"
# The reference time for goldens: after the story, so nothing is in the future.
NOW_ISO = "2025-06-01T12:00:00+00:00"


def _result(path: Path) -> tuple[object, dict]:
    from datetime import datetime

    article = load_article(str(path))
    result = run_checks(article, now=datetime.fromisoformat(NOW_ISO), source=path.name)
    return article, result.to_json()


def _structure(target: dict) -> dict:
    return {k: v for k, v in target.items() if k not in ("quote", "prefix", "suffix")}


def _strip_text(result: dict) -> dict:
    out = dict(result)
    out["annotations"] = []
    for ann in result["annotations"]:
        ann = dict(ann)
        ann["target"] = _structure(ann["target"])
        if "related" in ann:
            ann["related"] = [_structure(t) for t in ann["related"]]
        out["annotations"].append(ann)
    return out


def _compare(got: dict, golden_file: Path) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        golden_file.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    want = json.loads(golden_file.read_text(encoding="utf-8"))
    for key in ("source", "article_id", "revision", "summary"):
        assert got[key] == want[key], key
    assert len(got["annotations"]) == len(want["annotations"]), [
        (a["check"], a["rule"]) for a in got["annotations"]]
    for i, (g, w) in enumerate(zip(got["annotations"], want["annotations"])):
        for key in sorted(set(g) | set(w)):
            assert g.get(key) == w.get(key), f"annotation {i} ({w['check']}/{w['rule']}): field {key}"


def _assert_quotes_match_source(article, result: dict) -> None:
    for ann in result["annotations"]:
        for target in [ann["target"], *ann.get("related", [])]:
            unit = article.unit_for(block_id=target.get("block_id"), field=target.get("field"))
            start, end = target["start"], target["end"]
            assert target["quote"] == unit.text[start:end]
            assert target["prefix"] == unit.text[max(0, start - 32):start]
            assert target["suffix"] == unit.text[end:end + 32]


SEED_FORMS = [("seed/000_a627ffa290a88477.txt", "seed-text.json"),
              ("examples/seed-article.json", "seed-json.json")]


@pytest.mark.parametrize("relative,golden", SEED_FORMS)
def test_seed_golden(shared, relative, golden):
    article, result = _result(shared / relative)
    _assert_quotes_match_source(article, result)
    _compare(_strip_text(result), GOLDEN / golden)


@pytest.mark.parametrize("relative,_golden", SEED_FORMS)
def test_seed_expected_findings(shared, relative, _golden):
    """Issue 2's acceptance: on the seed, only the repeated captions and the
    language switcher rise above info; each weekday is resolved."""
    _, result = _result(shared / relative)
    alarms = [(a["check"], a["rule"]) for a in result["annotations"] if a["severity"] != "info"]
    assert sorted(alarms) == sorted([("repeated-caption", "exact-repeat")] * 4
                                    + [("page-furniture", "language-switcher")])
    repeats = [a for a in result["annotations"] if a["check"] == "repeated-caption"]
    firsts = [a["related"][0]["block_id"] for a in repeats]
    assert len(set(firsts[:3])) == 1 and firsts[3] != firsts[0]  # 3 repeats of Qaani, 1 of the mural
    weekdays = {(a["target"]["quote"], a["data"]["date"]) for a in result["annotations"]
                if a["check"] == "date-sanity" and a["rule"] == "relative-weekday"}
    assert {("Wednesday", "2025-05-14"), ("Tuesday", "2025-05-13"), ("Saturday", "2025-05-10")} <= weekdays
    assert {d for _, d in weekdays} == {"2025-05-14", "2025-05-13", "2025-05-10"}


def test_seed_forms_agree(shared):
    """The text and JSON forms of the seed raise the same findings by check and rule."""
    by_form = []
    for relative, _ in SEED_FORMS:
        _, result = _result(shared / relative)
        by_form.append(sorted((a["check"], a["rule"], a["severity"]) for a in result["annotations"]
                              if a["rule"] != "missing-utc-offset"))
    assert by_form[0] == by_form[1]


@pytest.mark.parametrize("name", ["harbour.json", "harbour.txt"])
def test_harbour_golden(name):
    article, result = _result(FIXTURES / "articles" / name)
    _assert_quotes_match_source(article, result)
    _compare(result, GOLDEN / f"{name}.result.json")
