"""The compiled validator (fast path) agrees with jsonschema (the reference) on
valid and invalid articles, so skipping iter_errors for valid ones loses nothing."""
from __future__ import annotations

import copy

import pytest

from plugin import validation
from tests.http.conftest import ARTICLE

MUTATIONS = [
    ("headline", None), ("headline", ""), ("headline", 5), ("id", "x" * 201), ("language", "english"),
    ("language", "de-CH"), ("published_at", "2025-05-15"), ("published_at", "15 May 2025"),
    ("updated_at", None), ("timezone", "Asia/Dubai"), ("timezone", "not a zone!"),
    ("alternative_headlines", {"seo": "x", "bad key": "y"}), ("alternative_headlines", {"social": None}),
    ("byline", ["A", 3]), ("byline", ["A"] * 101), ("meta", {"anything": [1, {"deep": True}]}),
    ("blocks", [{"id": "q", "type": "quote", "text": "Hi", "attribution": None}]),
    ("blocks", [{"id": "q", "type": "quote"}]),
    ("blocks", [{"id": "e", "type": "embed", "url": "https://x", "text": None}]),
    ("blocks", [{"id": "i", "type": "image", "caption": "c", "text": "not for images"}]),
    ("blocks", [{"id": "", "type": "paragraph", "text": "t"}]),
    ("blocks", [{"id": "p", "type": "table", "text": "t"}]),
    ("blocks", [{"id": "p", "type": "heading", "text": "x" * 100_001}]),
    ("unknown_field", 1),
]


@pytest.mark.parametrize("key, value", MUTATIONS, ids=[f"{k}={str(v)[:20]}" for k, v in MUTATIONS])
def test_compiled_and_reference_validators_agree(key, value):
    doc = copy.deepcopy(ARTICLE)
    doc[key] = value
    reference = validation.validator("article").is_valid(doc)
    assert validation.compiled("article").is_valid(doc) is reference
    assert (validation.problems(doc, "article") == []) is reference


def test_they_agree_on_the_corpus(shared):
    import json

    from bench.corpus import to_article

    lines = (shared / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines[::10]:
        doc = to_article(json.loads(line))
        assert validation.compiled("article").is_valid(doc) is validation.validator("article").is_valid(doc)


def test_compiling_leaves_the_loaded_schema_unchanged():
    import json

    import schemas

    validation.compiled.cache_clear()
    validation.compiled("article")
    on_disk = json.loads((schemas.SCHEMA_DIR / "article.schema.json").read_text(encoding="utf-8"))
    assert schemas.load("article") == on_disk
