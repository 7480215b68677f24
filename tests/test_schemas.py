"""The two pinned schemas: valid JSON Schema 2020-12, accepting what we document
and naming every problem by pointer."""
import json

import pytest
from jsonschema import Draft202012Validator

import schemas
from checks.engine import run_checks
from plugin.adapters.generic import article_from_json, article_to_json
from plugin.validation import InvalidInput, problems
from tests.conftest import FIXTURES, NOW

HARBOUR = json.loads((FIXTURES / "articles" / "harbour.json").read_text())


@pytest.mark.parametrize("name", ["article", "result"])
def test_schemas_are_valid_2020_12(name):
    schema = schemas.load(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_every_article_field_is_documented():
    props = schemas.load("article")["properties"]
    for name, spec in props.items():
        assert spec.get("description"), name
    assert set(props) >= {"id", "revision", "language", "headline", "alternative_headlines", "standfirst",
                          "slug", "byline", "dateline", "published_at", "updated_at", "timezone", "blocks"}


def test_fixture_and_seed_examples_are_valid(shared):
    assert problems(HARBOUR, "article") == []
    seed = json.loads((shared / "examples" / "seed-article.json").read_text())
    assert problems(seed, "article") == []


def test_result_validates_against_result_schema():
    result = run_checks(article_from_json(HARBOUR), now=NOW).to_json()
    assert result["annotations"], "the fixture has findings"
    assert problems(result, "result") == []


def test_round_trip_through_the_model():
    assert article_to_json(article_from_json(HARBOUR)) == {**HARBOUR}


def with_changes(**changes):
    doc = json.loads(json.dumps(HARBOUR))
    for dotted, value in changes.items():
        target = doc
        *path, last = dotted.split("__")
        for key in path:
            target = target[int(key)] if key.isdigit() else target[key]
        if value is KeyError:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return doc


# (change, expected [(pointer, message fragment)])
INVALID = [
    ({"headline": KeyError}, [("/headline", "is required")]),
    ({"id": 7}, [("/id", "must be of type string")]),
    ({"headlnie": "typo"}, [("/headlnie", "is not a known field")]),
    ({"language": "english language"}, [("/language", "not in the expected format")]),
    ({"published_at": "14 March 2025"}, [("/published_at", "not in the expected format")]),
    ({"published_at": "2025-02-30T10:00:00Z"}, [("/published_at", "is not a valid date")]),
    ({"timezone": "Mars/Olympus"}, [("/timezone", "not a known IANA time zone")]),
    ({"blocks__1__type": "paragrph"}, [("/blocks/1/type", "must be one of")]),
    ({"blocks__1__text": KeyError}, [("/blocks/1/text", "is required")]),
    ({"blocks__0__caption": ["x"]}, [("/blocks/0/caption", "must be of type string or null")]),
    ({"blocks__2__id": "p1"}, [("/blocks/2/id", "duplicates the id of /blocks/1")]),
    ({"headline": KeyError, "blocks__3__text": 3},
     [("/blocks/3/text", "must be of type string"), ("/headline", "is required")]),
]


@pytest.mark.parametrize("changes,expected", INVALID)
def test_invalid_articles_name_every_problem(changes, expected):
    with pytest.raises(InvalidInput) as exc:
        article_from_json(with_changes(**changes))
    got = [(p.pointer, p.message) for p in exc.value.problems]
    assert len(got) == len(expected), got
    for (pointer, message), (want_pointer, fragment) in zip(got, expected):
        assert pointer == want_pointer and fragment in message, got
