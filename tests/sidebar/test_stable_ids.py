"""Annotation ids survive edits elsewhere in the article: what lets a dismissal stick."""
from __future__ import annotations

import json

import pytest

from tests.sidebar.conftest import check

SWITCHER = "• English • Arabic"
NEUTRAL = "Officials released no further details of the meeting."


def annotations(client, article: dict, query: str = "") -> list[dict]:
    response = check(client, article, query)
    assert response.status_code == 200, response.get_json()
    return response.get_json()["annotations"]


def edit_elsewhere(article: dict, flagged_blocks: set[str]) -> dict:
    """Unrelated edits: a new paragraph at the top, a paragraph rewritten, one
    deleted, blocks reordered, a new revision; no flagged block is touched."""
    edited = {**article, "revision": "2"}
    untouched = [b for b in article["blocks"] if b["id"] not in flagged_blocks and b["type"] == "paragraph"]
    rewritten, deleted = untouched[0]["id"], untouched[-1]["id"]
    blocks = [{"id": "p-new", "type": "paragraph", "text": NEUTRAL}]
    for block in article["blocks"]:
        if block["id"] == deleted:
            continue
        if block["id"] == rewritten:
            block = {**block, "text": block["text"] + " " + NEUTRAL}
        blocks.append(block)
    # Swap the last two paragraphs that carry no finding.
    movable = [i for i, b in enumerate(blocks) if b["type"] == "paragraph" and b["id"] not in flagged_blocks]
    a, b = movable[-2], movable[-1]
    blocks[a], blocks[b] = blocks[b], blocks[a]
    edited["blocks"] = blocks
    return edited


@pytest.fixture(params=["shipped demo", "shared seed"])
def article(request, demo) -> dict:
    if request.param == "shipped demo":
        return demo
    shared = request.getfixturevalue("shared")
    return json.loads((shared / "examples" / "seed-article.json").read_text(encoding="utf-8"))


def test_ids_survive_unrelated_edits(client, article):
    demo = article
    before = annotations(client, demo)
    assert before, "the demo article must raise findings for this test to mean anything"
    flagged = {a["target"].get("block_id") for a in before} | {
        r.get("block_id") for a in before for r in a.get("related", ())}
    after = annotations(client, edit_elsewhere(demo, flagged))
    after_by_id = {a["id"]: a for a in after}
    for ann in before:
        assert ann["id"] in after_by_id, f"{ann['check']}/{ann['rule']} on {ann['target']} lost its id"
        assert after_by_id[ann["id"]]["target"]["quote"] == ann["target"]["quote"]


def test_ids_survive_the_flagged_block_moving_and_being_renumbered(client, demo):
    before = {a["target"]["quote"]: a["id"] for a in annotations(client, demo)
              if a["check"] == "page-furniture"}
    moved = {**demo, "blocks": [dict(b) for b in demo["blocks"]]}
    for block in moved["blocks"]:
        if block.get("text") == SWITCHER:
            block["id"] = "renumbered-7"
    switcher = next(b for b in moved["blocks"] if b["id"] == "renumbered-7")
    moved["blocks"].remove(switcher)
    moved["blocks"].append(switcher)
    after = {a["target"]["quote"]: a["id"] for a in annotations(client, moved)
             if a["check"] == "page-furniture"}
    assert after == before


def test_editing_the_flagged_text_changes_the_id(client, demo):
    before = {a["id"] for a in annotations(client, demo)}
    changed = {**demo, "blocks": [
        {**b, "text": "• English • Arabic • French"} if b.get("text") == SWITCHER else b
        for b in demo["blocks"]]}
    after = [a for a in annotations(client, changed) if a["rule"] == "language-switcher"]
    assert len(after) == 1 and after[0]["id"] not in before


def test_a_dismissal_sticks_across_revisions_until_the_text_changes(client, demo):
    first = annotations(client, demo)
    target = next(a for a in first if a["target"]["quote"] == SWITCHER)
    response = client.post(f"/v1/articles/{demo['id']}/dismissals",
                           json={"annotation_id": target["id"], "who": "Rana Haddad",
                                 "reason": "Intentional"})
    assert response.status_code == 201

    flagged = {a["target"].get("block_id") for a in first}
    revised = edit_elsewhere(demo, flagged)
    assert target["id"] not in [a["id"] for a in annotations(client, revised)]
    assert target["id"] in [a["id"] for a in annotations(client, revised, "?include_dismissed=true")
                            if a.get("dismissed")]

    rewritten = {**revised, "blocks": [
        {**b, "text": "• English • Arabic • French"} if b.get("text") == SWITCHER else b
        for b in revised["blocks"]]}
    reopened = [a for a in annotations(client, rewritten) if a["rule"] == "language-switcher"]
    assert len(reopened) == 1 and not reopened[0].get("dismissed")
