"""factcheck.toml / [tool.factcheck]: discovery, per-path overrides, what reaches
the checks, the server's share, and errors that name the key."""
from __future__ import annotations

import pytest

from plugin.project_config import (ConfigCache, ConfigError, discover, glob_match, load_config,
                                   server_config)
from tests.ci.helpers import run
from tests.ci.test_cli import ONLY_FURNITURE, WARNING_DRAFT, write


def test_discovery_walks_up_to_the_nearest_file(tmp_path):
    write(tmp_path, "factcheck.toml", "")
    write(tmp_path, "site/pyproject.toml", "[project]\nname = 'site'\n")  # no [tool.factcheck]: skipped
    write(tmp_path, "site/content/post.md", WARNING_DRAFT)
    assert discover(tmp_path / "site/content/post.md") == tmp_path / "factcheck.toml"
    write(tmp_path, "site/pyproject.toml", "[tool.factcheck]\ntimezone = 'Europe/London'\n")
    assert discover(tmp_path / "site/content/post.md") == tmp_path / "site/pyproject.toml"
    write(tmp_path, "site/content/factcheck.toml", "")
    assert discover(tmp_path / "site/content/post.md") == tmp_path / "site/content/factcheck.toml"


def test_each_file_gets_the_configuration_above_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "factcheck.toml", ONLY_FURNITURE)
    write(tmp_path, "news/a.md", WARNING_DRAFT)
    write(tmp_path, "features/factcheck.toml", ONLY_FURNITURE + '[severity]\n"page-furniture" = "off"\n')
    write(tmp_path, "features/b.md", WARNING_DRAFT)
    code, out, _err = run(capsys, "check", "news", "features", "--fail-on", "warning")
    assert code == 1
    assert "news/a.md:7:1" in out and "features/b.md" not in out


def test_pyproject_table_and_explicit_config(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", '[tool.factcheck]\n' + ONLY_FURNITURE +
          '[tool.factcheck.severity]\n"page-furniture" = "error"\n')
    write(tmp_path, "a.md", WARNING_DRAFT)
    assert run(capsys, "check", "a.md")[0] == 1
    write(tmp_path, "other.toml", ONLY_FURNITURE + '[severity]\n"page-furniture" = "off"\n')
    code, out, _err = run(capsys, "check", "a.md", "--config", "other.toml", "--fail-on", "info")
    assert code == 0 and "0 error(s), 0 warning(s), 0 info" in out


def test_per_path_overrides(tmp_path):
    write(tmp_path, "factcheck.toml",
          'timezone = "Asia/Dubai"\n[severity]\n"page-furniture" = "warning"\n'
          '[house_style]\ncredits = ["The Courier"]\n'
          '[[overrides]]\npaths = ["opinion/**"]\ndisable = ["page-furniture"]\n'
          'timezone = "Europe/London"\nhouse_style = { honorifics = "none" }\n')
    config = load_config(tmp_path / "factcheck.toml")
    news = config.settings_for(tmp_path / "news/a.md")
    opinion = config.settings_for(tmp_path / "opinion/2025/b.md")
    assert news.checks is None and news.timezone == "Asia/Dubai"
    assert "page-furniture" not in opinion.checks and opinion.timezone == "Europe/London"
    assert news.extra_credits == ("The Courier",)
    assert news.options["page-furniture"]["credits"] == ["The Courier"]
    assert opinion.options["page-furniture"]["honorifics"] == "none"
    assert "honorifics" not in news.options["page-furniture"]


def test_settings_reach_the_engine(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "factcheck.toml",
          ONLY_FURNITURE + 'timezone = "Asia/Dubai"\n[house_style]\nhonorifics = "first-reference"\n'
          '[options.page-furniture]\nstrict = true\n[severity]\n"page-furniture/read-more" = "off"\n')
    write(tmp_path, "a.md", WARNING_DRAFT)
    seen = {}
    import plugin.cli as cli
    real = cli.run_checks

    def spy(article, **kwargs):
        seen.update(kwargs)
        return real(article, **kwargs)

    monkeypatch.setattr(cli, "run_checks", spy)
    run(capsys, "check", "a.md")
    context = seen["context"]
    assert context.timezone == "Asia/Dubai"
    assert context.option("page-furniture", "strict") is True
    assert context.option("page-furniture", "honorifics") == "first-reference"
    assert seen["severities"] == {"page-furniture/read-more": "off"}


@pytest.mark.parametrize("toml,key", [
    ('severty = {}\n', "severty"),
    ('enable = ["no-such-check"]\n', "enable"),
    ('enable = "page-furniture"\n', "enable"),
    ('[severity]\n"page-furniture" = "fatal"\n', "severity.page-furniture"),
    ('[severity]\n"page-furniture/no-such-rule" = "error"\n', "severity.page-furniture/no-such-rule"),
    ('timezone = "Mars/Olympus"\n', "timezone"),
    ('fail_on = "sometimes"\n', "fail_on"),
    ('[house_style]\ncolour = "red"\n', "house_style.colour"),
    ('[house_style]\ncredits = "AFP"\n', "house_style.credits"),
    ('[options.nope]\nx = 1\n', "options.nope"),
    ('[[overrides]]\ndisable = ["page-furniture"]\n', "overrides[0].paths"),
    ('[[overrides]]\npaths = ["a/**"]\nfail_on = "error"\n', "overrides[0].fail_on"),
])
def test_invalid_configuration_names_the_key(tmp_path, capsys, monkeypatch, toml, key):
    write(tmp_path, "factcheck.toml", toml)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "factcheck.toml")
    assert caught.value.key == key
    assert f"`{key}`" in str(caught.value) and "factcheck.toml" in str(caught.value)
    # The CLI reports it and exits 2.
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", WARNING_DRAFT)
    code, _out, err = run(capsys, "check", "a.md")
    assert code == 2 and f"`{key}`" in err


def test_pyproject_errors_name_the_full_key(tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.factcheck]\ntimezone = 5\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "pyproject.toml")
    assert caught.value.key == "tool.factcheck.timezone"


def test_broken_toml_is_a_clear_error(tmp_path):
    write(tmp_path, "factcheck.toml", "timezone = \n")
    with pytest.raises(ConfigError, match="is not valid TOML"):
        load_config(tmp_path / "factcheck.toml")


def test_config_cache_loads_each_file_once(tmp_path):
    write(tmp_path, "factcheck.toml", "")
    cache = ConfigCache()
    first = cache.for_path(tmp_path / "a" / "x.md")
    assert cache.for_path(tmp_path / "b" / "y.md") is first


@pytest.mark.parametrize("pattern,path,expected", [
    ("*.md", "content/a.md", True),
    ("*.md", "content/a.json", False),
    ("content/**/*.md", "content/a.md", True),
    ("content/**/*.md", "content/x/y/a.md", True),
    ("content/*.md", "content/x/a.md", False),
    ("archive", "content/archive/a.md", True),
    ("drafts/archive/**", "drafts/archive/2019/a.md", True),
    ("drafts/archive/**", "drafts/archived.md", False),
])
def test_globs(pattern, path, expected):
    assert glob_match(path, [pattern]) is expected


def test_server_config_turns_the_server_table_into_flask_keys(tmp_path):
    write(tmp_path, "factcheck.toml",
          'enable = ["page-furniture"]\ntimezone = "Asia/Dubai"\n'
          '[severity]\n"page-furniture" = "error"\n'
          '[server]\nmax_content_length = 2000000\nbatch-limit = 20\n'
          '[server.cors]\norigins = ["https://cms.example"]\n')
    keys = server_config(tmp_path / "factcheck.toml")
    assert keys["MAX_CONTENT_LENGTH"] == 2000000
    assert keys["BATCH_LIMIT"] == 20
    assert keys["CORS_ORIGINS"] == ["https://cms.example"]
    assert keys["CHECKS"] == ["page-furniture"]
    assert keys["SEVERITIES"] == {"page-furniture": "error"}
    assert keys["TIMEZONE"] == "Asia/Dubai"
    assert all(key == key.upper() for key in keys)
    # Discovery from a directory, and no file at all.
    assert server_config(start=tmp_path)["BATCH_LIMIT"] == 20


def test_server_config_without_a_file_is_empty(tmp_path, monkeypatch):
    import plugin.project_config as pc
    monkeypatch.setattr(pc, "discover", lambda start: None)
    assert server_config(start=tmp_path) == {}
