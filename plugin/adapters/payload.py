"""What the CMS adapters share: shape checks with pointers, and pointer translation.

Each CMS adapter first checks that the payload is the CMS's shape (a small
JSON Schema of only the parts it reads), reporting every problem by a JSON
pointer *into the CMS payload*. It then builds the generic article dict and
hands it to the generic adapter, which validates it again against
``schemas/article.schema.json``. A problem found at that second stage (a
headline over the length limit, say) is reported at the CMS field it came
from, through the ``origins`` the adapter recorded while building.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft202012Validator

from checks.model import Article
from plugin.adapters.generic import article_from_json
from plugin.validation import InvalidInput, Problem, _describe, _leaf_errors


@dataclass
class Adapted:
    """An adapted payload: the model, its generic JSON, and what the envelope said."""

    article: Article | None  # None when there is nothing to check (see ignored)
    generic: dict
    delivery_id: str | None = None  # an id the payload itself carries for de-duplication
    event: str | None = None
    ignored: str | None = None  # why there is nothing to check (e.g. a deleted post)


@dataclass
class Origins:
    """Maps pointers into the generic article back to pointers into the CMS payload."""

    base: str = ""
    map: dict[str, str] = field(default_factory=dict)

    def add(self, generic: str, source: str) -> None:
        self.map[generic] = source

    def translate(self, problem: Problem) -> Problem:
        pointer = problem.pointer
        best = max((k for k in self.map if pointer == k or pointer.startswith(k + "/")),
                   key=len, default=None)
        if best is None:
            return Problem(self.base or "/", f"{problem.message} (in the article built from it: {pointer})")
        rest = pointer[len(best):]
        message = f"{problem.message} (as {rest.lstrip('/')})" if rest else problem.message
        return Problem(self.map[best], message)


try:  # a compiled validator answers "valid?" about 100 times faster, when it is installed
    import jsonschema_rs
except ImportError:  # pragma: no cover - depends on the environment
    jsonschema_rs = None

_VALIDATORS: dict[int, tuple[dict, Draft202012Validator, Any]] = {}


def _validators(schema: dict) -> tuple[Draft202012Validator, Any]:
    # Schemas are module constants: build each validator once.
    cached = _VALIDATORS.get(id(schema))
    if cached is None or cached[0] is not schema:
        Draft202012Validator.check_schema(schema)
        fast = jsonschema_rs.validator_for(copy.deepcopy(schema)) if jsonschema_rs is not None else None
        cached = _VALIDATORS[id(schema)] = (schema, Draft202012Validator(schema), fast)
    return cached[1], cached[2]


def shape_problems(data: Any, schema: dict, base: str = "") -> list[Problem]:
    """Every way ``data`` is not the declared CMS shape, by pointer, in order."""
    explain, fast = _validators(schema)
    if fast is not None and fast.is_valid(data):
        return []
    found: list[Problem] = []
    for error in explain.iter_errors(data):
        for leaf in _leaf_errors(error):
            found.extend(_describe(leaf, base))
    return sorted(dict.fromkeys(found), key=lambda p: p.pointer)


def build(generic: dict, origins: Origins, *, source: str = "-") -> Article:
    """The model of a generic article dict built by a CMS adapter."""
    try:
        return article_from_json(generic, source=source)
    except InvalidInput as exc:
        raise InvalidInput([origins.translate(p) for p in exc.problems], source) from None


def nonempty(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def iso_utc(value: Any) -> str | None:
    """A timestamp string as an ISO 8601 with offset; offset-less ones are taken as UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if len(text) > 10 and not (text.endswith(("Z", "z")) or "+" in text[10:] or "-" in text[10:]):
        text += "Z"
    return text
