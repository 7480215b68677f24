"""Check registration by convention.

Every module directly inside the ``checks`` package that defines ``ID``,
``RULES`` and a ``check(article, ctx)`` function is a check family. Its id
mirrors its module name (``repeated_caption`` -> ``repeated-caption``) and its
module docstring is its public doc, in four sections: what it does, why it
matters, example, how to fix.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any, Callable, Iterable

from checks.annotation import SEVERITIES, Annotation, Suggestion
from checks.model import Target

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "How to fix")


@dataclass(frozen=True)
class Rule:
    check: str
    name: str
    severity: str  # the default; configuration may change it
    summary: str

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.check}/{self.name}: unknown severity {self.severity!r}")

    @property
    def id(self) -> str:
        return f"{self.check}/{self.name}"

    def at(self, target: Target, message: str, *, related: Iterable[Target] = (),
           suggestion: Suggestion | None = None, data: dict[str, Any] | None = None,
           severity: str | None = None) -> Annotation:
        """An annotation of this rule at ``target``."""
        # Annotation(...) without the frozen dataclass's __init__ (as TextUnit.span
        # builds its target): a long gallery reports hundreds of repeats.
        annotation = object.__new__(Annotation)
        annotation.__dict__.update(check=self.check, rule=self.name, severity=severity or self.severity,
                                   message=message, target=target, related=tuple(related),
                                   suggestion=suggestion, data=data, id="")
        annotation.__post_init__()  # the constructor's checks
        return annotation

    def to_json(self) -> dict:
        return {"id": self.name, "severity": self.severity, "summary": self.summary}


@dataclass(frozen=True)
class CheckFamily:
    id: str
    title: str
    rules: tuple[Rule, ...]
    doc: dict[str, str]  # section title -> markdown text
    run: Callable
    module: ModuleType

    def rule(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(f"{self.id}/{name}")

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "rules": [r.to_json() for r in self.rules],
            "doc": {
                "what_it_does": self.doc.get("What it does", ""),
                "why_it_matters": self.doc.get("Why it matters", ""),
                "example": self.doc.get("Example", ""),
                "how_to_fix": self.doc.get("How to fix", ""),
            },
        }


class UnknownCheck(KeyError):
    def __init__(self, ids: list[str]):
        super().__init__(ids)
        self.ids = ids

    def __str__(self) -> str:
        return "unknown check id(s): " + ", ".join(self.ids)


def parse_doc(docstring: str) -> tuple[str, dict[str, str]]:
    """Split a check module's docstring into its title and ``## `` sections."""
    text = (docstring or "").strip()
    title, _, rest = text.partition("\n")
    sections: dict[str, str] = {}
    for match in re.finditer(r"^## +(.+?)\s*\n(.*?)(?=^## |\Z)", rest, re.M | re.S):
        sections[match.group(1).strip()] = match.group(2).strip()
    return title.strip().rstrip("."), sections


def _family_from_module(module: ModuleType) -> CheckFamily:
    title, doc = parse_doc(module.__doc__ or "")
    return CheckFamily(id=module.ID, title=title, rules=tuple(module.RULES), doc=doc,
                       run=module.check, module=module)


@lru_cache(maxsize=1)
def _registry() -> dict[str, CheckFamily]:
    import checks

    families: dict[str, CheckFamily] = {}
    for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda i: i.name):
        if info.ispkg or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"checks.{info.name}")
        if all(hasattr(module, attr) for attr in ("ID", "RULES", "check")):
            family = _family_from_module(module)
            families[family.id] = family
    return families


def all_checks() -> list[CheckFamily]:
    return list(_registry().values())


def get_check(check_id: str) -> CheckFamily:
    try:
        return _registry()[check_id]
    except KeyError:
        raise UnknownCheck([check_id]) from None


def select(ids: Iterable[str] | None) -> list[CheckFamily]:
    """The families named by ``ids`` (all when None), in registry order."""
    registry = _registry()
    if ids is None:
        return list(registry.values())
    wanted = list(dict.fromkeys(ids))
    unknown = [i for i in wanted if i not in registry]
    if unknown:
        raise UnknownCheck(unknown)
    return [registry[i] for i in registry if i in wanted]
