"""Annotation copies: with_changes keeps every other field and still validates."""
import pytest

from checks.annotation import Annotation, Suggestion, assign_ids
from checks.model import TextUnit

UNIT = TextUnit("paragraph", "Maria Navarro said the plan was late.", "p1", None, 2)


def _annotation(**fields):
    base = dict(check="name-consistency", rule="spelling", severity="warning", message="m",
                target=UNIT.span(6, 13), related=(UNIT.whole(),), suggestion=Suggestion("replace", "X"),
                data={"a": 1})
    base.update(fields)
    return Annotation(**base)


def test_with_changes_changes_only_what_it_is_given():
    ann = _annotation()
    changed = ann.with_changes(severity="info", id="fc_1")
    assert (changed.severity, changed.id) == ("info", "fc_1")
    assert changed == _annotation(severity="info", id="fc_1")
    assert (ann.severity, ann.id) == ("warning", "")  # the original is untouched


def test_with_changes_refuses_what_the_constructor_refuses():
    with pytest.raises(ValueError):
        _annotation().with_changes(severity="fatal")
    with pytest.raises(TypeError):
        _annotation().with_changes(colour="red")


def test_copies_stay_frozen():
    with pytest.raises(AttributeError):
        _annotation().with_changes(id="x").id = "y"


def test_ids_depend_on_the_flagged_text_and_its_repeats():
    first, second = assign_ids([_annotation(), _annotation()])
    assert first.id.startswith("fc_") and first.id != second.id
    assert assign_ids([_annotation(message="other words")])[0].id == first.id
