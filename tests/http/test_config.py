"""Configuration layers: defaults < config file < FACTCHECK_* environment < test_config."""
from __future__ import annotations

import pytest

from plugin import create_app
from plugin.config import DEFAULTS, ConfigError, load


@pytest.fixture
def toml_file(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text(
        'batch_limit = 10\n'
        'max_content_length = 500_000\n'
        'log_level = "warning"\n'
        'cors_origins = ["https://cms.example.com"]\n'
        'store_path = "/var/lib/factcheck/results.sqlite"\n'
        '\n'
        '[severities]\n'
        '"page-furniture/read-more" = "info"\n', encoding="utf-8")
    return path


def test_defaults_alone():
    config, origin = load(environ={})
    for key, value in DEFAULTS.items():
        assert config[key] == value
        assert origin[key] == "default"


def test_each_layer_overrides_the_one_before(toml_file):
    environ = {"FACTCHECK_CONFIG": str(toml_file), "FACTCHECK_BATCH_LIMIT": "20",
               "FACTCHECK_CORS_ORIGINS": "https://a.example, https://b.example"}
    config, origin = load({"batch_limit": 30}, environ=environ)
    assert config["MAX_CONTENT_LENGTH"] == 500_000 and origin["MAX_CONTENT_LENGTH"].startswith("config file")
    assert config["LOG_LEVEL"] == "WARNING"
    assert config["SEVERITIES"] == {"page-furniture/read-more": "info"}
    assert config["CORS_ORIGINS"] == ["https://a.example", "https://b.example"]
    assert origin["CORS_ORIGINS"] == "environment"
    assert config["BATCH_LIMIT"] == 30 and origin["BATCH_LIMIT"] == "test config"
    assert config["TIMEZONE"] == "UTC" and origin["TIMEZONE"] == "default"


def test_any_key_passes_through_for_other_blueprints(toml_file):
    environ = {"FACTCHECK_CONFIG": str(toml_file), "FACTCHECK_WEBHOOK_SECRETS": '{"ghost": ["s1", "s2"]}',
               "FACTCHECK_CALLBACK_TIMEOUT": "15", "FACTCHECK_SIGNING": "hmac-sha256"}
    config, _ = load(environ=environ)
    assert config["STORE_PATH"] == "/var/lib/factcheck/results.sqlite"
    assert config["WEBHOOK_SECRETS"] == {"ghost": ["s1", "s2"]}  # JSON-decoded
    assert config["CALLBACK_TIMEOUT"] == 15
    assert config["SIGNING"] == "hmac-sha256"  # not JSON: kept as text
    assert "CONFIG" not in config


def test_environment_reaches_the_app(monkeypatch):
    monkeypatch.setenv("FACTCHECK_BATCH_LIMIT", "7")
    monkeypatch.setenv("FACTCHECK_SEVERITIES", '{"page-furniture": "error"}')
    app = create_app({"TESTING": True})
    assert app.config["BATCH_LIMIT"] == 7
    assert app.config["SEVERITIES"] == {"page-furniture": "error"}
    assert app.extensions["factcheck.config_origin"]["BATCH_LIMIT"] == "environment"


def test_checks_as_a_comma_list_or_all():
    assert load(environ={"FACTCHECK_CHECKS": "page-furniture"})[0]["CHECKS"] == ["page-furniture"]
    assert load(environ={"FACTCHECK_CHECKS": "all"})[0]["CHECKS"] is None
    assert load(environ={"FACTCHECK_CHECKS": "null"})[0]["CHECKS"] is None


@pytest.mark.parametrize("environ, message", [
    ({"FACTCHECK_BATCH_LIMIT": "0"}, "BATCH_LIMIT (from environment) must be a positive integer"),
    ({"FACTCHECK_MAX_CONTENT_LENGTH": "big"}, "MAX_CONTENT_LENGTH (from environment)"),
    ({"FACTCHECK_CHECKS": "spelling"}, "unknown check id(s) spelling"),
    ({"FACTCHECK_SEVERITIES": '{"page-furniture/nope": "info"}'}, "names no known check or rule"),
    ({"FACTCHECK_SEVERITIES": '{"page-furniture": "fatal"}'}, "use one of error, warning, info, off"),
    ({"FACTCHECK_SEVERITIES": '"loud"'}, "SEVERITIES (from environment) must be a table"),
    ({"FACTCHECK_CORS_ORIGINS": "https://cms.example.com/path"}, "is not an origin"),
    ({"FACTCHECK_LOG_LEVEL": "chatty"}, "LOG_LEVEL (from environment) must be one of"),
    ({"FACTCHECK_TIMEZONE": "Mars/Olympus"}, "not a known IANA time zone"),
    ({"FACTCHECK_ACCESS_LOG": "maybe"}, "ACCESS_LOG (from environment) must be true or false"),
])
def test_bad_values_stop_start_up_naming_key_and_layer(environ, message):
    with pytest.raises(ConfigError) as caught:
        load(environ=environ)
    assert message in str(caught.value)


def test_a_bad_config_file_is_named(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("batch_limit = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(environ={"FACTCHECK_CONFIG": str(broken)})
    with pytest.raises(ConfigError, match="cannot be read"):
        load(environ={"FACTCHECK_CONFIG": str(tmp_path / "missing.toml")})


def test_a_value_from_the_file_is_blamed_on_the_file(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text("batch_limit = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"BATCH_LIMIT \(from config file .*f\.toml\)"):
        load(environ={"FACTCHECK_CONFIG": str(path)})


def test_a_project_file_keeps_the_service_keys_in_a_server_table(tmp_path):
    path = tmp_path / "factcheck.toml"
    path.write_text('enable = ["page-furniture"]\nfail_on = "warning"\n\n'
                    '[server]\nbatch_limit = 5\n\n'
                    '[server.severities]\n"page-furniture" = "off"\n', encoding="utf-8")
    config, origin = load(environ={"FACTCHECK_CONFIG": str(path)})
    assert config["BATCH_LIMIT"] == 5 and config["SEVERITIES"] == {"page-furniture": "off"}
    assert "ENABLE" not in config and "FAIL_ON" not in config
    assert origin["BATCH_LIMIT"] == f"config file {path}"


def test_check_options_reach_the_checks(monkeypatch, now):
    from checks.engine import Context
    from plugin import service

    seen = {}
    original = service.run_checks

    def spy(article, *, context, **kwargs):
        seen["context"] = context
        return original(article, context=context, **kwargs)

    monkeypatch.setattr(service, "run_checks", spy)
    app = create_app({"TESTING": True, "CHECK_OPTIONS": {"page-furniture": {"extra": 3}},
                      "TIMEZONE": "Asia/Dubai"})
    with app.app_context():
        service.check_document({"id": "a", "headline": "Harbour budget"}, now=now, config=app.config)
    context: Context = seen["context"]
    assert context.option("page-furniture", "extra") == 3 and context.timezone == "Asia/Dubai"
    with pytest.raises(ConfigError, match="CHECK_OPTIONS"):
        load({"CHECK_OPTIONS": {"page-furniture": 3}}, environ={})
