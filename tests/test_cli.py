"""The factcheck CLI: output formats, exit codes and bad-input messages (contracts)."""
import json

import pytest

from plugin.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tests.conftest import FIXTURES

HARBOUR_JSON = str(FIXTURES / "articles" / "harbour.json")
HARBOUR_TXT = str(FIXTURES / "articles" / "harbour.txt")
NOW = "2025-06-01T12:00:00Z"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_format_is_one_result_line_per_file(capsys):
    code, out, _ = run(capsys, "check", "--format", "json", "--now", NOW, HARBOUR_JSON, HARBOUR_TXT)
    lines = out.splitlines()
    assert len(lines) == 2
    results = [json.loads(line) for line in lines]
    assert [r["source"] for r in results] == [HARBOUR_JSON, HARBOUR_TXT]
    assert results[0]["article_id"] == "harbour-001" and results[0]["revision"] == "3"
    assert results[1]["article_id"] == "harbour"
    for result in results:
        rules = {(a["check"], a["rule"]) for a in result["annotations"] if a["severity"] != "info"}
        assert ("repeated-caption", "exact-repeat") in rules
        assert ("page-furniture", "read-more") in rules
    assert code in (EXIT_OK, 1)


def test_single_file_json_is_still_json_lines(capsys):
    _, out, _ = run(capsys, "check", "--format", "json", "--now", NOW, HARBOUR_JSON)
    assert out.endswith("\n") and len(out.splitlines()) == 1


def test_text_format_points_at_file_lines(capsys):
    _, out, _ = run(capsys, "check", "--now", NOW, "--checks", "repeated-caption,page-furniture", HARBOUR_TXT)
    assert f"{HARBOUR_TXT}:2:1: warning repeated-caption/exact-repeat " in out
    assert f"{HARBOUR_TXT}:10:1: warning page-furniture/read-more " in out


def test_checks_option_limits_families(capsys):
    _, out, _ = run(capsys, "check", "--format", "json", "--now", NOW, "--checks", "page-furniture",
                    HARBOUR_JSON)
    result = json.loads(out)
    assert {a["check"] for a in result["annotations"]} == {"page-furniture"}


def test_unknown_check_id_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--checks", "no-such-check", HARBOUR_JSON])
    assert exc.value.code == 2
    assert "no-such-check" in capsys.readouterr().err


def test_bad_now_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--now", "yesterday", HARBOUR_JSON])
    assert exc.value.code == 2
    assert "--now" in capsys.readouterr().err


def test_invalid_input_names_file_and_pointer_and_others_still_run(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x", "blocks": [{"id": "b1", "type": "image", "caption": 5}]}))
    code, out, err = run(capsys, "check", "--format", "json", "--now", NOW, str(bad), HARBOUR_JSON)
    assert code == EXIT_BAD_INPUT
    assert f"{bad}: /headline: is required" in err
    assert f"{bad}: /blocks/0/caption: must be of type string or null" in err
    assert json.loads(out)["article_id"] == "harbour-001"  # the good file was still checked


def test_malformed_json_and_missing_file(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "x",')
    code, _, err = run(capsys, "check", "--now", NOW, str(broken), str(tmp_path / "missing.txt"))
    assert code == EXIT_BAD_INPUT
    assert f"{broken}: (document): is not valid JSON" in err
    assert "missing.txt: (document): cannot be read" in err


def test_checks_lists_every_family_with_its_doc(capsys):
    code, out, _ = run(capsys, "checks")
    assert code == EXIT_OK
    for family in ("repeated-caption", "page-furniture"):
        assert f"{family}: " in out
    assert "What it does:" in out and "How to fix:" in out
