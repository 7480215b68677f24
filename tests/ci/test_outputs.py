"""Golden files per output format, on the fixture project's drafts.

Run with UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change,
then review the diff.
"""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import pytest
from jsonschema import Draft202012Validator

from tests.ci.helpers import CI_FIXTURES, GOLDEN, run

FORMATS = {"text": "text.txt", "json": "json.jsonl", "sarif": "sarif.json",
           "github": "github.txt", "junit": "junit.xml"}


@pytest.fixture(autouse=True)
def in_fixture_project(monkeypatch):
    monkeypatch.chdir(CI_FIXTURES)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def _normalise(fmt: str, text: str) -> str:
    if fmt == "sarif":
        doc = json.loads(text)
        doc["runs"][0]["tool"]["driver"]["version"] = "VERSION"
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return text


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt, capsys):
    code, out, _err = run(capsys, "check", "drafts", "--checks", "page-furniture",
                          "--format", fmt, "--fail-on", "warning")
    assert code == 1
    got = _normalise(fmt, out)
    golden = GOLDEN / FORMATS[fmt]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_sarif_is_valid_for_github_code_scanning(capsys):
    _code, out, _err = run(capsys, "check", "drafts", "--format", "sarif")
    doc = json.loads(out)
    schema = json.loads((CI_FIXTURES / "sarif-2.1.0-github.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    run_ = doc["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"]["factcheck/v1"].startswith("fc_")
    assert len(ids) == len(set(ids))


def test_sarif_fingerprints_are_the_annotation_ids(capsys):
    _code, out, _err = run(capsys, "check", "drafts/qaani.md", "--format", "json")
    ids = [a["id"] for a in json.loads(out)["annotations"]]
    _code, out, _err = run(capsys, "check", "drafts/qaani.md", "--format", "sarif")
    sarif = json.loads(out)["runs"][0]["results"]
    assert [r["partialFingerprints"]["factcheck/v1"] for r in sarif] == ids


def test_sarif_reports_an_unreadable_file_as_a_failed_invocation(capsys):
    code, out, err = run(capsys, "check", "drafts/qaani.md", "drafts/missing.md", "--format", "sarif")
    assert code == 2
    invocation = json.loads(out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "drafts/missing.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]
    assert "drafts/missing.md" in err


def test_junit_has_one_case_per_file_and_one_failure_per_finding_over_the_threshold(capsys):
    _code, out, _err = run(capsys, "check", "drafts", "--format", "junit", "--fail-on", "warning")
    root = ET.fromstring(out)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [
        "drafts/budget.md", "drafts/notes.txt", "drafts/opinion/column.md", "drafts/qaani.md",
        "drafts/seed.json"]
    failures = {c.get("name"): len(c.findall("failure")) for c in cases}
    assert failures == {"drafts/budget.md": 1, "drafts/notes.txt": 1, "drafts/opinion/column.md": 0,
                        "drafts/qaani.md": 4, "drafts/seed.json": 1}
    # The opinion column's finding is info there (a per-path override): below the threshold.
    column = next(c for c in cases if c.get("name") == "drafts/opinion/column.md")
    assert "info page-furniture/advertisement" in column.find("system-out").text
    assert root.get("failures") == "7"

    _code, out, _err = run(capsys, "check", "drafts", "--format", "junit", "--fail-on", "error")
    assert ET.fromstring(out).get("failures") == "0"


def test_text_is_coloured_only_when_asked(capsys):
    from plugin.inputs import load_article
    from checks.engine import run_checks
    from plugin.render import text
    from datetime import datetime, timezone

    article = load_article("drafts/notes.txt")
    result = run_checks(article, now=datetime(2025, 6, 1, tzinfo=timezone.utc), checks=["page-furniture"],
                        source="drafts/notes.txt")
    plain = text.render([result])
    coloured = text.render([result], colour=True)
    assert "\033[" not in plain
    assert "\033[33mwarning\033[0m" in coloured
    assert plain.splitlines()[0].startswith("drafts/notes.txt:7:1: warning page-furniture/advertisement ")


def test_piped_text_output_is_plain(capsys):
    _code, out, _err = run(capsys, "check", "drafts/notes.txt")
    assert "\033[" not in out
