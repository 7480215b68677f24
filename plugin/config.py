"""Configuration in one place.

Four layers, each overriding the one before:

1. ``DEFAULTS`` below (the service runs on these alone);
2. a TOML file, when ``FACTCHECK_CONFIG`` names one: flat ``key = value`` pairs
   at the top level (a table is the value of its key, e.g. ``[severities]``), or
   the same pairs in a ``[server]`` table when the file is also the project's
   ``factcheck.toml`` with the command line's settings;
3. environment variables: ``FACTCHECK_<KEY>`` sets ``<KEY>``; the value is
   JSON-decoded when it parses as JSON (``50``, ``true``, ``["a","b"]``,
   ``{"date-sanity": "off"}``), else kept as a string;
4. the ``test_config`` mapping given to ``create_app``.

Keys are case-insensitive in the file and in variable names and stored upper
case. Any key may be set, so a blueprint can read its own (``STORE_PATH``, ...);
the keys this module knows are normalised and checked by ``finalise`` and a bad
value stops start-up with a message naming the key and where it came from.
"""
from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Mapping

from checks.annotation import SEVERITIES
from checks.engine import OFF

ENV_PREFIX = "FACTCHECK_"
CONFIG_FILE_VAR = "FACTCHECK_CONFIG"
# FACTCHECK_* variables that are not configuration keys.
_NOT_KEYS = {"CONFIG", "SHARED"}

DEFAULTS: dict[str, Any] = {
    # Largest request body in bytes; larger ones get 413 (checked from
    # Content-Length before reading, and while reading a body sent without one).
    "MAX_CONTENT_LENGTH": 2_000_000,
    # Most articles in one POST /v1/check/batch.
    "BATCH_LIMIT": 50,
    # Check families enabled on this server: a list of ids, or null for all.
    "CHECKS": None,
    # Severity overrides: {"check" or "check/rule": "error"|"warning"|"info"|"off"}.
    "SEVERITIES": {},
    # The newsroom's IANA time zone, for article dates given without an offset.
    "TIMEZONE": "UTC",
    # Options each check family reads (ctx.option): {"check-id": {"key": value}}.
    "CHECK_OPTIONS": {},
    # Origins allowed to call the API from a browser (the CMS's origin for the
    # sidebar): a list of origins such as "https://cms.example.com", or ["*"].
    "CORS_ORIGINS": [],
    # How long a browser may cache a preflight answer, in seconds.
    "CORS_MAX_AGE": 600,
    # Bearer tokens allowed to read and change dismissals (the sidebar sends one
    # through its `headers` option). Empty: the dismissal routes are open, as on
    # a trusted network; set them whenever the service is reachable from outside.
    "DISMISSAL_TOKENS": [],
    # Log level of the service's JSON-lines log on standard error.
    "LOG_LEVEL": "INFO",
    # One log line per request (method, path, status, duration, request id).
    "ACCESS_LOG": True,
}

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")


class ConfigError(ValueError):
    """A configuration value that cannot be used; start-up stops on it."""


def _decode(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def from_file(path: str | os.PathLike) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"config file {path}: cannot be read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: not valid TOML: {exc}") from None
    # A project file (factcheck.toml, shared with the CLI's settings) keeps the
    # service's keys in a [server] table and shares its checks, severities,
    # time zone and house style with the service; a file of the service's own
    # has the service's keys flat.
    if isinstance(data.get("server"), dict):
        from plugin.project_config import ConfigError as ProjectConfigError, server_config

        try:
            return server_config(Path(path))
        except ProjectConfigError as exc:
            raise ConfigError(str(exc)) from None
    return {key.upper(): value for key, value in data.items()}


def from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    out = {}
    for name, raw in environ.items():
        if name.upper().startswith(ENV_PREFIX):
            key = name[len(ENV_PREFIX):].upper()
            if key and key not in _NOT_KEYS:
                out[key] = _decode(raw)
    return out


def load(test_config: Mapping[str, Any] | None = None,
         environ: Mapping[str, str] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
    """The merged configuration and, per key, the layer that set it."""
    environ = os.environ if environ is None else environ
    layers: list[tuple[str, Mapping[str, Any]]] = [("default", DEFAULTS)]
    path = environ.get(CONFIG_FILE_VAR)
    if path:
        layers.append((f"config file {path}", from_file(Path(path))))
    layers.append(("environment", from_env(environ)))
    if test_config:
        layers.append(("test config", {k.upper(): v for k, v in test_config.items()}))
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name, layer in layers:
        for key, value in layer.items():
            merged[key] = value
            origin[key] = name
    return finalise(merged, origin), origin


def _list_of_strings(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    return None


def _positive_int(config: dict, key: str, where: str) -> None:
    value = config[key]
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{key} (from {where}) must be a positive integer, not {config[key]!r}")
    config[key] = value


def finalise(config: dict[str, Any], origin: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Normalise and check the keys this service knows; leave the others as given."""
    from checks.registry import all_checks

    origin = origin or {}

    def where(key: str) -> str:
        return origin.get(key, "configuration")

    out = dict(config)
    _positive_int(out, "MAX_CONTENT_LENGTH", where("MAX_CONTENT_LENGTH"))
    _positive_int(out, "BATCH_LIMIT", where("BATCH_LIMIT"))
    _positive_int(out, "CORS_MAX_AGE", where("CORS_MAX_AGE"))

    families = {f.id: f for f in all_checks()}
    checks = out["CHECKS"]
    if checks is not None and not (isinstance(checks, str) and checks.strip().lower() in ("", "all")):
        ids = _list_of_strings(checks)
        if ids is None:
            raise ConfigError(f"CHECKS (from {where('CHECKS')}) must be a list of check ids, not {checks!r}")
        unknown = [i for i in ids if i not in families]
        if unknown:
            raise ConfigError(f"CHECKS (from {where('CHECKS')}): unknown check id(s) {', '.join(unknown)}; "
                              f"known: {', '.join(families)}")
        out["CHECKS"] = list(dict.fromkeys(ids))
    else:
        out["CHECKS"] = None

    severities = out["SEVERITIES"]
    if not isinstance(severities, Mapping):
        raise ConfigError(f"SEVERITIES (from {where('SEVERITIES')}) must be a table of "
                          f"\"check\" or \"check/rule\" = level, not {severities!r}")
    levels = (*SEVERITIES, OFF)
    for key, level in severities.items():
        check_id, _, rule = str(key).partition("/")
        family = families.get(check_id)
        if family is None or (rule and rule not in {r.name for r in family.rules}):
            raise ConfigError(f"SEVERITIES (from {where('SEVERITIES')}): {key!r} names no known "
                              f"check or rule")
        if level not in levels:
            raise ConfigError(f"SEVERITIES (from {where('SEVERITIES')}): {key!r} = {level!r}; "
                              f"use one of {', '.join(levels)}")
    out["SEVERITIES"] = dict(severities)

    options = out["CHECK_OPTIONS"]
    if not isinstance(options, Mapping) or not all(isinstance(v, Mapping) for v in options.values()):
        raise ConfigError(f"CHECK_OPTIONS (from {where('CHECK_OPTIONS')}) must be a table of tables: "
                          f"{{\"check-id\": {{\"key\": value}}}}")
    out["CHECK_OPTIONS"] = {str(k): dict(v) for k, v in options.items()}

    zone = out["TIMEZONE"]
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(str(zone))
    except Exception:
        raise ConfigError(f"TIMEZONE (from {where('TIMEZONE')}): {zone!r} is not a known "
                          f"IANA time zone") from None

    origins = _list_of_strings(out["CORS_ORIGINS"])
    if origins is None:
        raise ConfigError(f"CORS_ORIGINS (from {where('CORS_ORIGINS')}) must be a list of origins")
    for item in origins:
        if item != "*" and not _ORIGIN.match(item):
            raise ConfigError(f"CORS_ORIGINS (from {where('CORS_ORIGINS')}): {item!r} is not an origin "
                              f"(scheme://host[:port], no path)")
    out["CORS_ORIGINS"] = [o.rstrip("/") for o in origins]

    tokens = _list_of_strings(out["DISMISSAL_TOKENS"])
    if tokens is None or any(len(t) < 16 for t in tokens):
        raise ConfigError(f"DISMISSAL_TOKENS (from {where('DISMISSAL_TOKENS')}) must be a list of "
                          f"tokens (or one comma-separated string) of at least 16 characters each")
    out["DISMISSAL_TOKENS"] = tokens

    level = str(out["LOG_LEVEL"]).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL (from {where('LOG_LEVEL')}) must be one of {', '.join(LOG_LEVELS)}")
    out["LOG_LEVEL"] = level
    out["ACCESS_LOG"] = _boolean(out["ACCESS_LOG"], "ACCESS_LOG", where("ACCESS_LOG"))
    return out


def _boolean(value: Any, key: str, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("1", "yes", "on", "true", "0", "no", "off", "false"):
        return value.lower() in ("1", "yes", "on", "true")
    raise ConfigError(f"{key} (from {where}) must be true or false, not {value!r}")
