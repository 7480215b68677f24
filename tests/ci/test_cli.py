"""The check command in CI: thresholds, directories and globs, suppressions, the
baseline, GitHub's annotation limits, JSON positions and the progress bar."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from plugin.cli import Progress
from tests.ci.helpers import CI_FIXTURES, run

# The tests enable only page-furniture (see ONLY_FURNITURE), so what they assert does not
# move when other check families are added.
ONLY_FURNITURE = 'enable = ["page-furniture"]\n'
WARNING_DRAFT = "---\ntitle: Harbour budget approved\n---\n\nThe council met on Monday.\n\nAdvertisement\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project directory (with its own config, so nothing above leaks in)."""
    (tmp_path / "factcheck.toml").write_text(ONLY_FURNITURE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fail_on,expected", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_exit_code_follows_the_threshold_for_a_warning(project, capsys, fail_on, expected):
    write(project, "a.md", WARNING_DRAFT)
    code, out, _err = run(capsys, "check", "a.md", "--fail-on", fail_on)
    assert code == expected
    assert "a.md:7:1: warning page-furniture/advertisement" in out


@pytest.mark.parametrize("fail_on,expected", [("error", 0), ("warning", 0), ("info", 1), ("never", 0)])
def test_exit_code_follows_the_threshold_for_info(project, capsys, fail_on, expected):
    write(project, "factcheck.toml", ONLY_FURNITURE + '[severity]\n"page-furniture/advertisement" = "info"\n')
    write(project, "a.md", WARNING_DRAFT)
    assert run(capsys, "check", "a.md", "--fail-on", fail_on)[0] == expected


@pytest.mark.parametrize("fail_on,expected", [(None, 1), ("error", 1), ("never", 0)])
def test_exit_code_for_an_error(project, capsys, fail_on, expected):
    write(project, "factcheck.toml", ONLY_FURNITURE + '[severity]\n"page-furniture" = "error"\n')
    write(project, "a.md", WARNING_DRAFT)
    argv = ["check", "a.md"] + (["--fail-on", fail_on] if fail_on else [])
    assert run(capsys, *argv)[0] == expected


def test_fail_on_from_the_configuration(project, capsys):
    write(project, "factcheck.toml", ONLY_FURNITURE + 'fail_on = "warning"\n')
    write(project, "a.md", WARNING_DRAFT)
    assert run(capsys, "check", "a.md")[0] == 1
    assert run(capsys, "check", "a.md", "--fail-on", "error")[0] == 0


def test_bad_input_is_exit_2_and_the_other_files_are_still_checked(project, capsys):
    write(project, "a.md", WARNING_DRAFT)
    write(project, "b.md", "---\ntitle: [oops\n---\nBody.\n")
    code, out, err = run(capsys, "check", "a.md", "b.md", "--fail-on", "warning")
    assert code == 2
    assert "a.md:7:1: warning" in out
    assert "b.md: (document): front matter is not valid YAML" in err


def test_directories_are_walked_with_include_and_exclude_globs(project, capsys):
    for name in ("content/a.md", "content/deep/b.markdown", "content/c.json", "content/notes.txt",
                 "content/skip/d.md", "content/.hidden/e.md", "content/image.png"):
        write(project, name, WARNING_DRAFT if name.endswith(("md", "markdown", "txt", "png")) else
              json.dumps({"id": "c", "headline": "Harbour budget", "blocks": [
                  {"id": "p1", "type": "paragraph", "text": "Advertisement"}]}))
    code, out, _err = run(capsys, "check", "content", "--format", "json", "--exclude", "content/skip")
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert sources == ["content/a.md", "content/c.json", "content/deep/b.markdown", "content/notes.txt"]
    _code, out, _err = run(capsys, "check", "content", "--format", "json", "--include", "*.md")
    assert [json.loads(line)["source"] for line in out.splitlines()] == ["content/a.md", "content/skip/d.md"]


def test_configured_excludes_apply_to_named_files_too(capsys, monkeypatch):
    monkeypatch.chdir(CI_FIXTURES)
    code, out, _err = run(capsys, "check", "drafts/archive/old.md", "drafts/notes.txt", "--format", "json")
    assert [json.loads(line)["source"] for line in out.splitlines()] == ["drafts/notes.txt"]


def test_inline_suppressions(project, capsys):
    write(project, "a.md", "---\ntitle: Harbour budget approved\n---\n\n"
          "<!-- factcheck: ignore page-furniture -->\nAdvertisement\n\n"
          "<!-- factcheck: ignore attribution -->\nRead more: other news\n\n"
          "<!-- factcheck: disable page-furniture/image-counter -->\n3 of 12\n\n4 of 12\n\n"
          "<!-- factcheck: enable -->\n5 of 12\n")
    code, out, _err = run(capsys, "check", "a.md", "--fail-on", "warning")
    assert code == 1
    lines = out.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == ["a.md:9:1", "a.md:17:1"]
    assert "3 suppressed inline" in lines[-1]


def test_baseline_accepts_existing_findings_and_fails_only_on_new_ones(project, capsys):
    draft = write(project, "content/a.md", WARNING_DRAFT)
    code, _out, err = run(capsys, "baseline", "content")
    assert code == 0 and "wrote 1 accepted finding(s) in 1 file(s)" in err
    document = json.loads((project / ".factcheck-baseline.json").read_text(encoding="utf-8"))
    assert list(document["files"]) == ["content/a.md"]
    assert document["files"]["content/a.md"][0]["rule"] == "page-furniture/advertisement"

    code, out, _err = run(capsys, "check", "content", "--baseline", ".factcheck-baseline.json",
                          "--fail-on", "warning")
    assert code == 0 and "1 in the baseline" in out

    # An edit elsewhere keeps the accepted finding accepted; a new finding fails.
    edited = WARNING_DRAFT.replace("Monday", "Tuesday") + "\nRead more: other news\n"
    draft.write_text(edited, encoding="utf-8")
    code, out, _err = run(capsys, "check", "content", "--baseline", ".factcheck-baseline.json",
                          "--fail-on", "warning")
    assert code == 1
    assert "page-furniture/read-more" in out and "page-furniture/advertisement" not in out


def test_baseline_from_the_configuration_and_from_another_directory(project, capsys, monkeypatch):
    write(project, "factcheck.toml", ONLY_FURNITURE + 'baseline = "ci/accepted.json"\n')
    write(project, "content/a.md", WARNING_DRAFT)
    (project / "ci").mkdir()
    assert run(capsys, "baseline", "content")[0] == 0
    assert (project / "ci" / "accepted.json").is_file()
    monkeypatch.chdir(project / "content")
    code, out, _err = run(capsys, "check", "a.md", "--fail-on", "warning")
    assert code == 0 and "1 in the baseline" in out


def test_a_broken_baseline_is_exit_2(project, capsys):
    write(project, "a.md", WARNING_DRAFT)
    write(project, "base.json", '{"files": []}')
    code, _out, err = run(capsys, "check", "a.md", "--baseline", "base.json")
    assert code == 2 and "not a factcheck baseline" in err


def test_github_commands_respect_the_per_step_limit(project, capsys):
    body = "\n\n".join(f"{n} of 40" for n in range(1, 26))
    write(project, "gallery.md", f"---\ntitle: Harbour gallery opens\n---\n\n{body}\n")
    summary = project / "summary.md"
    import os
    os.environ["GITHUB_STEP_SUMMARY"] = str(summary)
    try:
        code, out, _err = run(capsys, "check", "gallery.md", "--format", "github")
    finally:
        del os.environ["GITHUB_STEP_SUMMARY"]
    assert code == 0
    lines = out.splitlines()
    assert sum(line.startswith("::warning ") for line in lines) == 10
    notice = next(line for line in lines if line.startswith("::notice "))
    assert "15 more finding(s)" in notice
    group = lines[lines.index("::group::factcheck: findings not shown as annotations") + 1:]
    assert len([line for line in group if line.startswith("gallery.md:")]) == 15
    assert summary.read_text(encoding="utf-8").count("| gallery.md:") == 25


def test_github_command_escaping():
    from plugin.render.github import command
    assert command("error", "50% done\nnext", file="a,b.md", title="x: y") == \
        "::error file=a%2Cb.md,title=x%3A y::50%25 done%0Anext"


def test_json_input_maps_to_the_line_of_its_string(project, capsys):
    write(project, "a.json", '{\n  "id": "a",\n  "headline": "Harbour budget",\n  "blocks": [\n'
                             '    {"id": "p1", "type": "paragraph", "text": "\\"Advertisement\\""},\n'
                             '    {"id": "p2", "type": "paragraph", "text": "Advertisement"}\n  ]\n}\n')
    _code, out, _err = run(capsys, "check", "a.json", "--format", "github")
    assert "::warning file=a.json,line=6,endLine=6,col=48,endColumn=61," in out


def test_progress_bar_draws_and_clears_on_a_terminal():
    stream = io.StringIO()
    progress = Progress(3, stream, enabled=True)
    for name in ("a.md", "b.md", "c.md"):
        progress.step(name)
    progress.close()
    text = stream.getvalue()
    assert "1/3 a.md" in text and "3/3 c.md" in text and "#" * 30 in text
    assert text.endswith("\r")
    quiet = io.StringIO()
    Progress(3, quiet, enabled=False).step("a.md")
    assert quiet.getvalue() == ""


def test_output_file(project, capsys):
    write(project, "a.md", WARNING_DRAFT)
    code, out, _err = run(capsys, "check", "a.md", "--format", "sarif", "--output", "report.sarif")
    assert out == ""
    assert json.loads((project / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_a_suppression_naming_an_unknown_check_is_reported(project, capsys):
    write(project, "a.md", "<!-- factcheck: ignore page-furnitur -->\nAdvertisement\n")
    code, out, err = run(capsys, "check", "a.md", "--fail-on", "warning")
    assert code == 1 and "page-furniture/advertisement" in out
    assert "unknown check or rule 'page-furnitur'" in err


def test_sarif_uris_for_absolute_and_spaced_paths():
    from plugin.render.sarif import artifact_uri
    assert artifact_uri("content/my post.md") == "content/my%20post.md"
    assert artifact_uri("/srv/site/a.md") == "file:///srv/site/a.md"
