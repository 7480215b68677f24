"""/v1/check in the W3C Web Annotation form."""
from __future__ import annotations

import pytest

from plugin.render.w3c import CONTEXT, accepts_w3c
from tests.conftest import NOW
from tests.sidebar.conftest import check

PROFILE = f'application/ld+json; profile="{CONTEXT}"'


def block_text(article: dict, source: str) -> str:
    """The text a source IRI names, read back from the submitted article."""
    tail = source.split(":block:", 1)[1]
    for block in article["blocks"]:
        if block["id"] == tail:
            return block["text"] if block["type"] != "image" else block["caption"]
    raise KeyError(source)


def test_each_finding_becomes_an_annotation_with_both_selectors(client, demo):
    plain = check(client, demo).get_json()
    response = check(client, demo, "?format=w3c")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == PROFILE
    doc = response.get_json()
    assert doc["@context"] == CONTEXT
    assert doc["type"] == "AnnotationCollection"
    assert doc["total"] == len(plain["annotations"]) > 0
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert len(page["items"]) == doc["total"]
    for finding, anno in zip(plain["annotations"], page["items"]):
        assert anno["type"] == "Annotation"
        assert anno["id"].endswith(f":annotation:{finding['id']}")
        assert anno["created"] == NOW.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert anno["creator"]["type"] == "Software"
        quote_sel, position_sel = anno["target"]["selector"]
        assert quote_sel["type"] == "TextQuoteSelector"
        assert position_sel["type"] == "TextPositionSelector"
        assert quote_sel["exact"] == finding["target"]["quote"]
        assert quote_sel.get("prefix", "") == finding["target"]["prefix"]
        assert quote_sel.get("suffix", "") == finding["target"]["suffix"]
        # Positions count code points in the block's own text, as the model says.
        text = block_text(demo, anno["target"]["source"])
        assert text[position_sel["start"]:position_sel["end"]] == quote_sel["exact"]
        assert anno["target"]["source"].endswith(f":block:{finding['target']['block_id']}")
        bodies = {(b.get("purpose"), b.get("value")) for b in anno["body"]}
        assert ("commenting", finding["message"]) in bodies
        assert ("classifying", f"{finding['check']}/{finding['rule']}") in bodies
        assert ("classifying", f"severity:{finding['severity']}") in bodies
        if finding.get("suggestion"):
            assert anno["motivation"] == "editing"
            assert ("editing", finding["suggestion"]["text"]) in bodies


def test_positions_are_code_points_past_astral_characters(client, demo):
    """The demo's "Read more" line holds an emoji: UTF-16 counting would be off by one."""
    doc = check(client, demo, "?format=w3c").get_json()
    texts = [block_text(demo, a["target"]["source"]) for a in doc["first"]["items"]]
    astral = [(a, t) for a, t in zip(doc["first"]["items"], texts) if any(ord(c) > 0xFFFF for c in t)]
    assert astral, "the demo article should flag a text with an astral character"
    for anno, text in astral:
        _, position = anno["target"]["selector"]
        assert position["end"] == len(text.rstrip())
        assert position["end"] < len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("accept,w3c", [
    (PROFILE, True),
    ("application/ld+json", True),
    (f'{PROFILE}, application/json;q=0.5', True),
    (f'application/json, {PROFILE};q=0.9', False),
    (f'{PROFILE}, */*;q=0.8', True),
    ("application/json", False),
    ("*/*", False),
    ('application/ld+json; profile="http://www.w3.org/ns/activitystreams"', False),
    (f'{PROFILE};q=0', False),
    (f'application/ld+json; profile="{CONTEXT} http://example.org/other"', True),
])
def test_the_accept_header_chooses_the_form(client, demo, accept, w3c):
    assert accepts_w3c(accept) is w3c
    response = check(client, demo, headers={"Accept": accept})
    assert response.status_code == 200
    if w3c:
        assert response.get_json()["type"] == "AnnotationCollection"
    else:
        assert response.mimetype == "application/json"
        assert "annotations" in response.get_json()


def test_format_json_wins_over_accept_and_unknown_formats_are_refused(client, demo):
    response = check(client, demo, "?format=json", headers={"Accept": PROFILE})
    assert "annotations" in response.get_json()
    response = check(client, demo, "?format=sarif")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert [e["pointer"] for e in response.get_json()["errors"]] == ["/format"]


def test_an_article_without_findings_is_an_empty_collection(client):
    article = {"id": "quiet", "headline": "Harbour reopens",
               "blocks": [{"id": "p1", "type": "paragraph", "text": "The harbour reopened on time."}]}
    doc = check(client, article, "?format=w3c").get_json()
    assert doc["total"] == 0 and "first" not in doc


def test_dismissed_findings_follow_include_dismissed(client, demo):
    plain = check(client, demo).get_json()
    target = plain["annotations"][0]
    client.post(f"/v1/articles/{demo['id']}/dismissals", json={"annotation_id": target["id"], "who": "R"})
    doc = check(client, demo, "?format=w3c").get_json()
    assert doc["total"] == len(plain["annotations"]) - 1
    assert not any(a["id"].endswith(target["id"]) for a in doc["first"]["items"])
    shown = check(client, demo, "?format=w3c&include_dismissed=1").get_json()
    marked = [a for a in shown["first"]["items"]
              if {"purpose": "moderating", "type": "TextualBody", "value": "dismissed"} in a["body"]]
    assert [a["id"].rsplit(":", 1)[1] for a in marked] == [target["id"]]


def test_iris_escape_ids(client):
    article = {"id": "news/2025 05:x", "headline": "Harbour reopens", "blocks": [
        {"id": "para one", "type": "paragraph", "text": "Advertisement"}]}
    doc = check(client, article, "?format=w3c").get_json()
    anno = doc["first"]["items"][0]
    assert anno["target"]["source"] == "urn:factcheck:article:news%2F2025%2005%3Ax:block:para%20one"
    assert " " not in anno["id"] and " " not in doc["id"]
