"""Renderers: results -> the text a caller reads (JSON Lines, terminal text, ...).

Each renderer is a function ``render(results, *, options) -> str`` registered
in ``RENDERERS`` by its ``--format`` name. Options a renderer may use (it
ignores the others): ``colour``, ``fail_on``, ``families`` (the check families
that ran), ``problems`` (files that could not be checked), ``stats``.
"""
from __future__ import annotations

from typing import Callable, Sequence

from checks.engine import Result
from plugin.render import github, jsonl, junit, sarif, text

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = {
    "json": jsonl.render,
    "text": text.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}


def render(fmt: str, results: Sequence[Result], **options) -> str:
    return RENDERERS[fmt](results, **options)
