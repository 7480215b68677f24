"""Annotations: what a check reports, and their stable ids."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any

from checks.model import Target

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
SUGGESTION_ACTIONS = ("replace", "delete", "insert")


@dataclass(frozen=True)
class Suggestion:
    action: str  # replace | delete | insert
    text: str = ""

    def __post_init__(self) -> None:
        if self.action not in SUGGESTION_ACTIONS:
            raise ValueError(f"unknown suggestion action {self.action!r}")

    def to_json(self) -> dict:
        return {"action": self.action, "text": self.text}


@dataclass(frozen=True)
class Annotation:
    check: str
    rule: str
    severity: str
    message: str
    target: Target
    related: tuple[Target, ...] = ()
    suggestion: Suggestion | None = None
    data: dict[str, Any] | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def with_changes(self, **changes: Any) -> "Annotation":
        """A copy with some fields changed. (The fields are copied as they are:
        dataclasses.replace would call __init__ through every field, four times
        the cost, and every finding gets its id this way.)"""
        unknown = changes.keys() - self.__dict__.keys()
        if unknown:
            raise TypeError(f"Annotation has no field {sorted(unknown)[0]!r}")
        copy = object.__new__(Annotation)
        copy.__dict__.update(self.__dict__, **changes)  # (frozen: no __setattr__)
        copy.__post_init__()  # the constructor's checks
        return copy

    def to_json(self) -> dict:
        out: dict = {
            "id": self.id,
            "check": self.check,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "target": self.target.to_json(),
        }
        if self.related:
            out["related"] = [t.to_json() for t in self.related]
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion.to_json()
        if self.data:
            out["data"] = self.data
        return out


def _fingerprint_key(ann: Annotation) -> str:
    # Block ids are left out on purpose: a plain-text or Markdown draft numbers its
    # blocks by position, and an edit above a finding must not change its id.
    # What identifies a finding is what it says about which text.
    quote = unicodedata.normalize("NFC", ann.target.quote)
    return "\x1f".join((ann.check, ann.rule, ann.target.field or "", quote))


def assign_ids(annotations: list[Annotation]) -> list[Annotation]:
    """Give each annotation a fingerprint id.

    The id hashes the check, rule, field and flagged text, plus how many earlier
    annotations share that key (the third repeat of a caption is the third
    whatever else moves), so it survives edits elsewhere in the draft and
    changes when the flagged text does.
    """
    seen: dict[str, int] = {}
    out = []
    for ann in annotations:
        key = _fingerprint_key(ann)
        ordinal = seen.get(key, 0)
        seen[key] = ordinal + 1
        digest = hashlib.sha256(f"{key}\x1e{ordinal}".encode()).hexdigest()[:20]
        out.append(ann.with_changes(id=f"fc_{digest}"))
    return out
