"""The project's configuration file: ``factcheck.toml`` or ``[tool.factcheck]`` in
``pyproject.toml``, found by walking up from each checked file.

    enable = ["page-furniture", "repeated-caption"]   # default: every check
    disable = ["title-agreement"]
    timezone = "Asia/Dubai"            # for dates given without a UTC offset
    fail_on = "error"                  # error | warning | info | never
    include = ["content/**/*.md"]      # when walking directories
    exclude = ["content/archive/**"]
    baseline = ".factcheck-baseline.json"

    [severity]                          # per check or per rule; "off" drops it
    "repeated-caption" = "error"
    "page-furniture/read-more" = "off"

    [house_style]                       # every check can read these
    credits = ["The Courier", "Jane Doe/The Courier"]
    honorifics = "none"

    [options.date-sanity]               # options for one check
    some_option = 3

    [[overrides]]                       # later entries win
    paths = ["content/opinion/**"]
    disable = ["attribution"]
    severity = { "page-furniture" = "info" }

    [server]                            # the HTTP service (see server_config)
    max_content_length = 2000000

Paths and globs in the file are relative to the directory that holds it.
A mistake is a ``ConfigError`` naming the file and the key.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from checks.annotation import SEVERITIES
from checks.registry import all_checks

CONFIG_NAME = "factcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
LEVELS = SEVERITIES + ("off",)
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.json", "*.txt")

# House-style keys every check may read through ctx.option(check_id, key).
HOUSE_STYLE: dict[str, str] = {
    "credits": "a list of strings (photo credits the newsroom accepts)",
    "honorifics": "a string (the newsroom's honorific style, e.g. \"none\" or \"first-reference\")",
}
TOP_KEYS = ("enable", "disable", "timezone", "fail_on", "include", "exclude", "baseline",
            "severity", "house_style", "options", "overrides", "server")
OVERRIDE_KEYS = ("paths", "enable", "disable", "severity", "house_style", "options", "timezone")


class ConfigError(ValueError):
    """An invalid configuration file; names the file and the key."""

    def __init__(self, path: Path | str | None, key: str, message: str):
        self.path = str(path) if path is not None else "(config)"
        self.key = key
        self.message = message
        super().__init__(f"{self.path}: `{key}` {message}" if key else f"{self.path}: {message}")


# -- globs -----------------------------------------------------------------

@lru_cache(maxsize=512)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: ``*`` within a path segment, ``**`` across segments;
    a pattern without ``/`` matches a file or directory name at any depth."""
    pattern = pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/").rstrip("/")
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape(c))
                i += 1
            else:
                out.append("[" + pattern[i + 1:end].replace("!", "^", 1) + "]")
                i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    # Matching a directory matches everything under it.
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


def glob_match(relative: str, patterns: Iterable[str]) -> bool:
    return any(_glob_regex(p).match(relative) for p in patterns)


# -- the configuration -----------------------------------------------------

@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    enable: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    house_style: Mapping[str, Any] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    timezone: str | None = None


@dataclass(frozen=True)
class Settings:
    """What applies to one file: pass these to the adapters and to run_checks."""

    checks: tuple[str, ...] | None  # None = every registered check
    severities: Mapping[str, str]
    timezone: str
    options: Mapping[str, Mapping[str, Any]]  # for checks.engine.Context(options=...)
    extra_credits: tuple[str, ...]


@dataclass(frozen=True)
class ProjectConfig:
    path: Path | None  # None: no file found, the defaults
    root: Path  # globs are relative to this directory
    enable: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    timezone: str = "UTC"
    fail_on: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    baseline: Path | None = None
    severity: Mapping[str, str] = field(default_factory=dict)
    house_style: Mapping[str, Any] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    server: Mapping[str, Any] = field(default_factory=dict)

    def relative(self, path: Path) -> str | None:
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def excluded(self, path: Path) -> bool:
        rel = self.relative(path)
        return rel is not None and glob_match(rel, self.exclude)

    def included(self, path: Path) -> bool:
        rel = self.relative(path)
        name = Path(path).name
        return glob_match(rel if rel is not None else name, self.include)

    def settings_for(self, path: Path | str | None) -> Settings:
        enable, disable = self.enable, set(self.disable)
        severity = dict(self.severity)
        house = dict(self.house_style)
        options = {k: dict(v) for k, v in self.options.items()}
        zone = self.timezone
        rel = self.relative(Path(path)) if path not in (None, "-") else None
        for override in self.overrides:
            if rel is None or not glob_match(rel, override.paths):
                continue
            if override.enable is not None:
                enable = override.enable
            disable |= set(override.disable)
            severity.update(override.severity)
            house.update(override.house_style)
            for check, values in override.options.items():
                options.setdefault(check, {}).update(values)
            zone = override.timezone or zone
        ids = [f.id for f in all_checks()]
        checks = None
        if enable is not None or disable:
            checks = tuple(i for i in (enable if enable is not None else ids) if i not in disable)
        merged = {check: MappingProxyType({**house, **options.get(check, {})}) for check in ids}
        for check in options:
            merged.setdefault(check, MappingProxyType({**house, **options[check]}))
        return Settings(checks=checks, severities=MappingProxyType(severity), timezone=zone,
                        options=MappingProxyType(merged),
                        extra_credits=tuple(house.get("credits", ())))


DEFAULTS = ProjectConfig(path=None, root=Path("."))


# -- validation ------------------------------------------------------------

class _Validator:
    def __init__(self, path: Path | None, prefix: str = ""):
        self.path = path
        self.prefix = prefix
        families = all_checks()
        self.checks = {f.id for f in families}
        self.rules = {r.id for f in families for r in f.rules}

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(self.path, self.prefix + key, message)

    def strings(self, data: Mapping, key: str, where: str = "") -> tuple[str, ...] | None:
        if key not in data:
            return None
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(where + key, "must be a list of non-empty strings")
        return tuple(value)

    def check_ids(self, data: Mapping, key: str, where: str = "") -> tuple[str, ...] | None:
        ids = self.strings(data, key, where)
        for check in ids or ():
            if check not in self.checks:
                raise self.fail(where + key, f"names an unknown check {check!r} "
                                             f"(known: {', '.join(sorted(self.checks))})")
        return ids

    def severity(self, value: Any, where: str) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be a table of check or rule ids to a level")
        out = {}
        for key, level in value.items():
            if key not in self.checks and key not in self.rules:
                raise self.fail(f"{where}.{key}", "is not a known check or rule id "
                                                  "(a check like \"repeated-caption\" or a rule like "
                                                  "\"page-furniture/read-more\")")
            if level not in LEVELS:
                raise self.fail(f"{where}.{key}", f"must be one of {', '.join(LEVELS)}, not {level!r}")
            out[key] = level
        return out

    def house_style(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be a table")
        for key, item in value.items():
            if key not in HOUSE_STYLE:
                raise self.fail(f"{where}.{key}", f"is not a known house-style key "
                                                  f"(known: {', '.join(HOUSE_STYLE)})")
            ok = (isinstance(item, list) and all(isinstance(v, str) and v for v in item)) \
                if key == "credits" else (isinstance(item, str) and item)
            if not ok:
                raise self.fail(f"{where}.{key}", f"must be {HOUSE_STYLE[key]}")
        return dict(value)

    def options(self, value: Any, where: str) -> dict[str, dict]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be a table of check ids to option tables")
        for check, table in value.items():
            if check not in self.checks:
                raise self.fail(f"{where}.{check}", "is not a known check id")
            if not isinstance(table, dict):
                raise self.fail(f"{where}.{check}", "must be a table of options")
        return {k: dict(v) for k, v in value.items()}

    def timezone(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(where, "must be an IANA time zone name such as \"Europe/London\"")
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.fail(where, f"{value!r} is not a known IANA time zone") from None
        return value


def parse_config(data: Mapping[str, Any], path: Path | None, root: Path, prefix: str = "") -> ProjectConfig:
    """Validate a configuration table (``prefix`` names it in errors, e.g. ``tool.factcheck.``)."""
    v = _Validator(path, prefix)
    for key in data:
        if key not in TOP_KEYS:
            raise v.fail(key, f"is not a known setting (known: {', '.join(TOP_KEYS)})")
    values: dict[str, Any] = {}
    values["enable"] = v.check_ids(data, "enable")
    values["disable"] = v.check_ids(data, "disable") or ()
    if "timezone" in data:
        values["timezone"] = v.timezone(data["timezone"], "timezone")
    if "fail_on" in data:
        if data["fail_on"] not in FAIL_ON:
            raise v.fail("fail_on", f"must be one of {', '.join(FAIL_ON)}, not {data['fail_on']!r}")
        values["fail_on"] = data["fail_on"]
    for key in ("include", "exclude"):
        found = v.strings(data, key)
        if found is not None:
            values[key] = found
    if "baseline" in data:
        if not isinstance(data["baseline"], str) or not data["baseline"]:
            raise v.fail("baseline", "must be a file path")
        values["baseline"] = root / data["baseline"]
    if "severity" in data:
        values["severity"] = v.severity(data["severity"], "severity")
    if "house_style" in data:
        values["house_style"] = v.house_style(data["house_style"], "house_style")
    if "options" in data:
        values["options"] = v.options(data["options"], "options")
    if "server" in data:
        if not isinstance(data["server"], dict):
            raise v.fail("server", "must be a table")
        values["server"] = dict(data["server"])
    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise v.fail("overrides", "must be an array of tables ([[overrides]])")
    for n, item in enumerate(raw_overrides):
        where = f"overrides[{n}]."
        if not isinstance(item, dict):
            raise v.fail(f"overrides[{n}]", "must be a table")
        for key in item:
            if key not in OVERRIDE_KEYS:
                raise v.fail(where + key, "is not a known override setting "
                                          f"(known: {', '.join(OVERRIDE_KEYS)})")
        paths = v.strings(item, "paths", where)
        if not paths:
            raise v.fail(where + "paths", "is required: the globs this override applies to")
        overrides.append(Override(
            paths=paths,
            enable=v.check_ids(item, "enable", where),
            disable=v.check_ids(item, "disable", where) or (),
            severity=v.severity(item["severity"], where + "severity") if "severity" in item else {},
            house_style=(v.house_style(item["house_style"], where + "house_style")
                         if "house_style" in item else {}),
            options=v.options(item["options"], where + "options") if "options" in item else {},
            timezone=v.timezone(item["timezone"], where + "timezone") if "timezone" in item else None,
        ))
    values["overrides"] = tuple(overrides)
    return ProjectConfig(path=path, root=root, **values)


def load_config(path: Path | str) -> ProjectConfig:
    """Read and validate one file (``factcheck.toml`` or ``pyproject.toml``)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(path, "", f"cannot be read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "", f"is not valid TOML: {exc}") from None
    root = path.resolve().parent
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("factcheck")
        if table is None:
            return ProjectConfig(path=path, root=root)
        if not isinstance(table, dict):
            raise ConfigError(path, "tool.factcheck", "must be a table")
        return parse_config(table, path, root, "tool.factcheck.")
    return parse_config(data, path, root)


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


def discover(start: Path | str) -> Path | None:
    """The nearest ``factcheck.toml`` (or ``pyproject.toml`` with ``[tool.factcheck]``)
    in ``start``'s directory or above it."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
        candidate = directory / PYPROJECT
        if candidate.is_file() and _has_tool_table(candidate):
            return candidate
    return None


class ConfigCache:
    """One loaded configuration per file found, shared by the files under it."""

    def __init__(self, explicit: Path | str | None = None):
        self.explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[Path, ProjectConfig] = {}
        self._by_file: dict[Path, ProjectConfig] = {}

    def for_path(self, path: Path | str) -> ProjectConfig:
        if self.explicit is not None:
            return self.explicit
        if str(path) == "-":
            path = Path.cwd()
        directory = Path(path).resolve()
        if not directory.is_dir():
            directory = directory.parent
        if directory not in self._by_dir:
            found = discover(directory)
            if found is None:
                config = DEFAULTS
            else:
                if found not in self._by_file:
                    self._by_file[found] = load_config(found)
                config = self._by_file[found]
            self._by_dir[directory] = config
        return self._by_dir[directory]


# -- the server's share ------------------------------------------------------

# Service keys whose value is itself a table: kept whole, not flattened.
TABLE_KEYS = frozenset({"SEVERITIES", "CHECK_OPTIONS", "WEBHOOK_SOURCES"})


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = (prefix + "_" + key if prefix else key).replace("-", "_").upper()
        if isinstance(value, dict) and name in TABLE_KEYS:
            out[name] = dict(value)
        elif isinstance(value, dict):
            out.update(_flatten(value, name))
        else:
            out[name] = value
    return out


def server_config(config: ProjectConfig | Path | str | None = None, *,
                  start: Path | str | None = None) -> dict[str, Any]:
    """Flask config keys from the configuration file, for the HTTP service's loader.

    ``config`` is a loaded configuration or a file path; without it the file is
    discovered from ``start`` (default: the working directory); no file gives
    ``{}``. Keys of the ``[server]`` table become upper-case Flask keys
    (``max_content_length`` -> ``MAX_CONTENT_LENGTH``; a nested table
    ``[server.cors]`` ``origins`` -> ``CORS_ORIGINS``). The project-wide check
    settings are added under the service's own keys ``CHECKS`` (enabled ids,
    or absent for all), ``SEVERITIES``, ``TIMEZONE`` and ``CHECK_OPTIONS``
    (per-check options with the house style merged in), unless the server
    table sets them itself.
    """
    if config is None:
        found = discover(start or Path.cwd())
        if found is None:
            return {}
        config = load_config(found)
    elif not isinstance(config, ProjectConfig):
        config = load_config(config)
    if config.path is None:
        return {}
    out = _flatten(config.server)
    settings = config.settings_for(None)
    shared = {
        "SEVERITIES": dict(settings.severities),
        "TIMEZONE": settings.timezone,
        "CHECK_OPTIONS": {k: dict(v) for k, v in settings.options.items() if v},
    }
    if settings.checks is not None:
        shared["CHECKS"] = list(settings.checks)
    for key, value in shared.items():
        out.setdefault(key, value)
    return out
