"""Dismissals persist per article, leave /v1/check's answer, and leave an audit trail."""
from __future__ import annotations

import sqlite3

import pytest
from flask import request

from plugin import create_app
from tests.sidebar.conftest import check

SWITCHER = "• English • Arabic"


def finding(result: dict, quote: str) -> dict:
    matches = [a for a in result["annotations"] if a["target"]["quote"] == quote]
    assert len(matches) == 1, result["annotations"]
    return matches[0]


def dismiss(client, article_id: str, annotation_id: str, who="Rana Haddad", reason=None):
    body = {"annotation_id": annotation_id, "who": who}
    if reason is not None:
        body["reason"] = reason
    return client.post(f"/v1/articles/{article_id}/dismissals", json=body)


def test_a_dismissed_finding_is_left_out_of_later_checks(client, demo):
    before = check(client, demo).get_json()
    target = finding(before, SWITCHER)

    response = dismiss(client, demo["id"], target["id"], reason="Kept on purpose for the Arabic edition")
    assert response.status_code == 201
    assert response.get_json() == {
        "article_id": demo["id"], "annotation_id": target["id"], "who": "Rana Haddad",
        "reason": "Kept on purpose for the Arabic edition", "dismissed_at": "2025-05-15T09:30:00Z"}

    after = check(client, demo).get_json()
    assert target["id"] not in [a["id"] for a in after["annotations"]]
    assert [a for a in before["annotations"] if a["id"] != target["id"]] == after["annotations"]
    assert after["summary"]["warning"] == before["summary"]["warning"] - 1


def test_include_dismissed_shows_them_marked_and_the_summary_counts_only_open_ones(client, demo):
    before = check(client, demo).get_json()
    target = finding(before, SWITCHER)
    dismiss(client, demo["id"], target["id"])

    shown = check(client, demo, "?include_dismissed=true").get_json()
    assert [a["id"] for a in shown["annotations"]] == [a["id"] for a in before["annotations"]]
    marked = [a for a in shown["annotations"] if a.get("dismissed")]
    assert marked == [{**target, "dismissed": True}]
    assert shown["summary"]["warning"] == before["summary"]["warning"] - 1


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_include_dismissed_must_be_a_yes_or_no(client, demo, value):
    response = check(client, demo, f"?include_dismissed={value}")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert [e["pointer"] for e in response.get_json()["errors"]] == ["/include_dismissed"]


def test_dismissals_belong_to_one_article(client, demo):
    target = finding(check(client, demo).get_json(), SWITCHER)
    dismiss(client, demo["id"], target["id"])
    other = {**demo, "id": "another-draft"}
    assert target["id"] in [a["id"] for a in check(client, other).get_json()["annotations"]]


def test_undo_brings_the_finding_back_and_the_audit_keeps_both_steps(client, demo, clock):
    target = finding(check(client, demo).get_json(), SWITCHER)
    dismiss(client, demo["id"], target["id"], who="Rana Haddad", reason="Intentional")
    clock.advance(minutes=5)
    response = client.delete(f"/v1/articles/{demo['id']}/dismissals/{target['id']}",
                             json={"who": "Omar Said"})
    assert response.status_code == 200
    assert response.get_json() == {
        "article_id": demo["id"], "annotation_id": target["id"], "dismissed": False}

    assert target["id"] in [a["id"] for a in check(client, demo).get_json()["annotations"]]
    audit = client.get(f"/v1/articles/{demo['id']}/dismissals/audit").get_json()
    assert [(e["action"], e["who"], e["reason"], e["at"]) for e in audit["audit"]] == [
        ("dismiss", "Rana Haddad", "Intentional", "2025-05-15T09:30:00Z"),
        ("undo", "Omar Said", None, "2025-05-15T09:35:00Z"),
    ]
    assert {e["annotation_id"] for e in audit["audit"]} == {target["id"]}
    assert client.get(f"/v1/articles/{demo['id']}/dismissals").get_json()["dismissals"] == []


def test_undo_by_body_and_by_query_who(client, demo):
    target = finding(check(client, demo).get_json(), SWITCHER)
    dismiss(client, demo["id"], target["id"])
    response = client.delete(f"/v1/articles/{demo['id']}/dismissals",
                             json={"annotation_id": target["id"], "who": "Omar Said"})
    assert response.status_code == 200
    dismiss(client, demo["id"], target["id"])
    response = client.delete(f"/v1/articles/{demo['id']}/dismissals/{target['id']}?who=Omar%20Said")
    assert response.status_code == 200
    actions = [(e["action"], e["who"]) for e in
               client.get(f"/v1/articles/{demo['id']}/dismissals/audit").get_json()["audit"]]
    assert actions == [("dismiss", "Rana Haddad"), ("undo", "Omar Said"),
                       ("dismiss", "Rana Haddad"), ("undo", "Omar Said")]


def test_undoing_what_is_not_dismissed_is_a_404(client, demo):
    response = client.delete(f"/v1/articles/{demo['id']}/dismissals/fc_0123456789abcdef0123",
                             json={"who": "Omar Said"})
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["errors"][0]["pointer"] == "/annotation_id"


def test_dismissing_twice_updates_the_reason_and_audits_only_changes(client, demo, clock):
    target = finding(check(client, demo).get_json(), SWITCHER)
    assert dismiss(client, demo["id"], target["id"], reason="First look").status_code == 201
    assert dismiss(client, demo["id"], target["id"], reason="First look").status_code == 200
    clock.advance(hours=1)
    second = dismiss(client, demo["id"], target["id"], reason="Checked with the desk")
    assert second.status_code == 200
    assert second.get_json()["reason"] == "Checked with the desk"
    assert second.get_json()["dismissed_at"] == "2025-05-15T10:30:00Z"
    audit = client.get(f"/v1/articles/{demo['id']}/dismissals/audit").get_json()["audit"]
    assert [e["reason"] for e in audit] == ["First look", "Checked with the desk"]
    current = client.get(f"/v1/articles/{demo['id']}/dismissals").get_json()["dismissals"]
    assert [(d["annotation_id"], d["reason"]) for d in current] == [(target["id"], "Checked with the desk")]


def test_a_blank_reason_is_no_reason(client, demo):
    target = finding(check(client, demo).get_json(), SWITCHER)
    assert dismiss(client, demo["id"], target["id"], reason="   ").get_json()["reason"] is None


@pytest.mark.parametrize("body,pointers", [
    ({}, ["/annotation_id", "/who"]),
    ({"annotation_id": "abc", "who": "X"}, ["/annotation_id"]),
    ({"annotation_id": "fc_0123456789abcdef0123", "who": ""}, ["/who"]),
    ({"annotation_id": "fc_0123456789abcdef0123", "who": 7}, ["/who"]),
    ({"annotation_id": "fc_0123456789abcdef0123", "who": "X", "reason": ["no"]}, ["/reason"]),
    ({"annotation_id": "fc_0123456789abcdef0123", "who": "X", "why": "?"}, ["/why"]),
    ({"annotation_id": "fc_0123456789abcdef0123", "who": "X", "reason": "r" * 2001}, ["/reason"]),
])
def test_bad_dismissals_name_every_problem(client, body, pointers):
    response = client.post("/v1/articles/a1/dismissals", json=body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == 422 and problem["title"] and problem["detail"]
    assert [e["pointer"] for e in problem["errors"]] == pointers
    assert all(e["message"] for e in problem["errors"])


def test_a_body_that_is_not_json_is_refused(client):
    response = client.post("/v1/articles/a1/dismissals", data="annotation_id=x", content_type="text/plain")
    assert response.status_code == 415
    assert response.mimetype == "application/problem+json"
    response = client.post("/v1/articles/a1/dismissals", data="[1, 2", content_type="application/json")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"


def test_reading_does_not_create_the_store_file(tmp_path, demo):
    path = tmp_path / "never.sqlite3"
    client = create_app({"TESTING": True, "STORE_PATH": str(path)}).test_client()
    assert check(client, demo).status_code == 200
    assert client.get(f"/v1/articles/{demo['id']}/dismissals").get_json()["dismissals"] == []
    assert not path.exists()


def test_dismissals_survive_a_restart_and_share_the_file_with_other_tables(tmp_path, demo, clock):
    path = tmp_path / "shared.sqlite3"
    with sqlite3.connect(path) as conn:  # another component's table in the same file
        conn.execute("CREATE TABLE some_other_component (article_id TEXT, body TEXT)")
        conn.execute("INSERT INTO some_other_component VALUES ('x', '{}')")
    first = create_app({"TESTING": True, "STORE_PATH": str(path), "CLOCK": clock}).test_client()
    target = finding(check(first, demo).get_json(), SWITCHER)
    dismiss(first, demo["id"], target["id"])

    second = create_app({"TESTING": True, "STORE_PATH": str(path), "CLOCK": clock}).test_client()
    assert target["id"] not in [a["id"] for a in check(second, demo).get_json()["annotations"]]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM some_other_component").fetchone() == (1,)


def test_article_ids_with_slashes_and_spaces_work(client, demo):
    article = {**demo, "id": "news/2025/05 harbour"}
    target = finding(check(client, article).get_json(), SWITCHER)
    assert dismiss(client, "news/2025/05%20harbour", target["id"]).status_code == 201
    assert target["id"] not in [a["id"] for a in check(client, article).get_json()["annotations"]]
    audit = client.get("/v1/articles/news/2025/05%20harbour/dismissals/audit").get_json()
    assert audit["article_id"] == "news/2025/05 harbour" and len(audit["audit"]) == 1
    response = client.delete(f"/v1/articles/news/2025/05%20harbour/dismissals/{target['id']}?who=R")
    assert response.status_code == 200
    assert target["id"] in [a["id"] for a in check(client, article).get_json()["annotations"]]


def test_applying_dismissals_twice_changes_nothing(app, client, demo):
    """The HTTP service may run the dismissals hook on a result already filtered."""
    target = finding(check(client, demo).get_json(), SWITCHER)
    dismiss(client, demo["id"], target["id"])
    for query in ("", "?include_dismissed=true"):
        once = check(client, demo, query).get_json()
        hooks = app.extensions["factcheck.result_hooks"]
        [hook] = [h for h in hooks if h.__module__ == "plugin.dismissals"]
        with app.test_request_context(f"/v1/check{query}"):
            assert hook(once, None, request) == once


def test_batch_checks_leave_dismissed_findings_out_too(client, demo):
    target = finding(check(client, demo).get_json(), SWITCHER)
    assert dismiss(client, demo["id"], target["id"]).status_code == 201
    other = {**demo, "id": "another-article"}
    response = client.post("/v1/check/batch", json={"articles": [demo, other], "now": "2025-05-15T09:30:00Z"})
    assert response.status_code == 200, response.get_json()
    mine, theirs = response.get_json()["results"]
    assert target["id"] not in [a["id"] for a in mine["annotations"]]
    assert target["id"] in [a["id"] for a in theirs["annotations"]]  # dismissals belong to one article
