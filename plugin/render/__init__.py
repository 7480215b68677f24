"""Renderers: results -> the text a caller reads (JSON Lines, terminal text, ...).

Each renderer is a function ``render(results, *, options) -> str`` registered
in ``RENDERERS`` by its ``--format`` name.
"""
from __future__ import annotations

from typing import Callable, Sequence

from checks.engine import Result
from plugin.render import jsonl, text

Renderer = Callable[..., str]

RENDERERS: dict[str, Renderer] = {
    "json": jsonl.render,
    "text": text.render,
}


def render(fmt: str, results: Sequence[Result], **options) -> str:
    return RENDERERS[fmt](results, **options)
