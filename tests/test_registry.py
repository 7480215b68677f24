"""Every check family is documented, has stable ids and has flag/pass examples."""
import importlib
import re

import pytest

from checks.registry import DOC_SECTIONS, all_checks

FAMILIES = all_checks()
IDS = [f.id for f in FAMILIES]


def test_the_core_families_are_registered():
    assert {"title-agreement", "date-sanity", "attribution", "repeated-caption",
            "page-furniture"} <= set(IDS)


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_id_mirrors_module_path(family):
    assert family.module.__name__ == "checks." + family.id.replace("-", "_")


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_doc_has_the_four_sections(family):
    assert family.title
    for section in DOC_SECTIONS:
        assert family.doc.get(section, "").strip(), f"{family.id}: doc lacks '## {section}'"


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_rules_are_stable_ids_of_this_family(family):
    assert family.rules
    names = [r.name for r in family.rules]
    assert len(names) == len(set(names))
    for rule in family.rules:
        assert rule.check == family.id
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.name)
        assert rule.summary


@pytest.mark.parametrize("family", FAMILIES, ids=IDS)
def test_has_flag_and_pass_examples(family):
    module = importlib.import_module("tests.checks.test_" + family.id.replace("-", "_"))
    assert getattr(module, "FLAG", None), f"{family.id}: no FLAG examples"
    assert getattr(module, "PASS", None), f"{family.id}: no PASS examples"
