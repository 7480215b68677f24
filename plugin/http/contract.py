"""The request envelopes of the check endpoints, as JSON Schema.

The article itself is ``schemas/article.schema.json``; these envelopes wrap
it. ``check_request(article)`` takes the article's schema (a ``$ref`` in the
OpenAPI document, ``True`` when validating the envelope alone, since each
article is validated by the article schema with its own pointer base).
"""
from __future__ import annotations

from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator

from plugin.validation import Problem, pointer

CHECK_IDS = {
    "description": "Run only these check families (ids from GET /v1/checks); default: every enabled one.",
    "type": "array", "maxItems": 100,
    "items": {"type": "string", "minLength": 1, "maxLength": 100},
}
NOW = {
    "description": "The reference time, ISO 8601 (no offset = UTC); default: the server's current time. "
                   "Checks never read the clock, so passing it makes a result reproducible.",
    "type": "string", "maxLength": 64,
}


def check_request(article: Any) -> dict:
    return {
        "type": "object", "required": ["article"], "additionalProperties": False,
        "properties": {"article": article, "checks": CHECK_IDS, "now": NOW},
    }


def batch_request(article: Any, limit: int | None = None) -> dict:
    articles: dict = {"description": "The articles, checked in order; at most the server's batch limit "
                                     "(BATCH_LIMIT).",
                      "type": "array", "minItems": 1, "items": article}
    if limit is not None:
        articles["maxItems"] = limit
    return {
        "type": "object", "required": ["articles"], "additionalProperties": False,
        "properties": {"articles": articles, "checks": CHECK_IDS, "now": NOW},
    }


_CHECK = Draft202012Validator(check_request(True))
_BATCH = Draft202012Validator(batch_request(True))
# Compiled twins answer "valid?" fast; the Python validators explain failures.
_CHECK_FAST = jsonschema_rs.validator_for(check_request(True))
_BATCH_FAST = jsonschema_rs.validator_for(batch_request(True))


def _explain(validator: Draft202012Validator, instance: Any) -> list[Problem]:
    found: list[Problem] = []
    for error in validator.iter_errors(instance):
        path = list(error.absolute_path)
        if error.validator == "required":
            found += [Problem(pointer(path + [m]), "is required") for m in error.validator_value
                      if isinstance(error.instance, dict) and m not in error.instance]
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = set(error.schema.get("properties", {}))
            found += [Problem(pointer(path + [k]), "is not a known field")
                      for k in error.instance if k not in allowed]
        elif error.validator == "type":
            found.append(Problem(pointer(path), f"must be of type {error.validator_value}"))
        else:
            found.append(Problem(pointer(path), error.message))
    return found


def check_request_problems(instance: Any) -> list[Problem]:
    return [] if _CHECK_FAST.is_valid(instance) else _explain(_CHECK, instance)


def batch_request_problems(instance: Any) -> list[Problem]:
    return [] if _BATCH_FAST.is_valid(instance) else _explain(_BATCH, instance)
