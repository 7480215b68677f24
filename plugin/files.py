"""Turning the command line's FILE arguments into the list of files to check.

A directory is walked recursively (hidden directories skipped) and keeps the
files that match the include globs (the configuration's ``include``, or
``--include`` on the command line; by default Markdown, JSON and text files)
and none of the exclude globs (the configuration's ``exclude`` plus
``--exclude``). A file named explicitly is always checked unless an exclude
glob matches it, so a pre-commit hook honours the project's excludes.
Command-line globs match the path relative to the working directory;
configuration globs match the path relative to the configuration file.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from plugin.project_config import ConfigCache, glob_match


def _cli_relative(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()


def expand(arguments: Sequence[str], configs: ConfigCache, *, include: Sequence[str] = (),
           exclude: Sequence[str] = ()) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()

    def excluded(path: Path) -> bool:
        if exclude and glob_match(_cli_relative(path), exclude):
            return True
        return configs.for_path(path).excluded(path)

    def add(path: str) -> None:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)

    for argument in arguments:
        path = Path(argument)
        if argument == "-" or not path.is_dir():
            if argument == "-" or not path.exists() or not excluded(path):
                add(argument)
            continue
        found = []
        for directory, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not excluded(Path(directory) / d))
            for name in files:
                candidate = Path(directory) / name
                config = configs.for_path(candidate)
                wanted = (glob_match(_cli_relative(candidate), include) if include
                          else config.included(candidate))
                if wanted and not excluded(candidate):
                    found.append(str(candidate))
        for item in sorted(found):
            add(item)
    return out
