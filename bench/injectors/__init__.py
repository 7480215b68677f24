"""Defect injectors for the quality benchmark, one module per check family.

Each module defines ``FAMILY`` (a check id) and ``inject(doc, rng)``, which
takes a clean generic article (a dict; copy it before changing it) and returns
``Injection`` or None when the article does not suit that defect. Expected
findings say where the family must point: a block id or field, and a text the
finding's quote must overlap.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Expect:
    block_id: str | None = None
    field: str | None = None
    quote: str | None = None  # text the flagged span must overlap (None: anywhere in the unit)
    rule: str | None = None  # a specific rule, when the defect calls for one


@dataclass
class Injection:
    doc: dict
    expected: list[Expect] = field(default_factory=list)
    kind: str = ""  # which variety of defect, for per-kind recall


def all_injectors() -> list:
    import bench.injectors as pkg

    modules = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"bench.injectors.{info.name}")
        if hasattr(module, "FAMILY") and hasattr(module, "inject"):
            modules.append(module)
    return modules
