"""Odd values anywhere in a CMS payload get a 200 or a 422, never a crash."""
import copy
import json
import random

import pytest

from tests.webhooks.conftest import load

ODD = [None, 0, -1, 1.5, True, "", "<b>", "&#0;", [], {}, [None], {"type": "text"}, "x" * 300]


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, path + (i,))


def _replace(doc, path, value):
    doc = copy.deepcopy(doc)
    if not path:
        return value
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


@pytest.mark.parametrize("source, name", [("arc", "arc/story.json"),
                                          ("wordpress", "wordpress/post-blocks.json"),
                                          ("ghost", "ghost/post.added-lexical.json"),
                                          ("generic", "generic/article.json")])
def test_mutated_payloads_never_crash(tmp_path, clock, source, name):
    from tests.webhooks.conftest import make_app

    unsigned = {s: {"scheme": "none"} for s in ("arc", "wordpress", "ghost", "generic")}
    client = make_app(tmp_path, clock, WEBHOOK_SOURCES=unsigned).test_client()
    payload = load(name)
    if source == "ghost":  # reach inside the lexical string too
        current = payload["post"]["current"]
        current["lexical"] = json.loads(current["lexical"])
    rng = random.Random(20250601)
    paths = list(_paths(payload))
    statuses = set()
    for path in rng.sample(paths, min(150, len(paths))):
        mutated = _replace(payload, path, rng.choice(ODD))
        if source == "ghost" and isinstance(mutated, dict) and isinstance(mutated.get("post"), dict) \
                and isinstance(mutated["post"].get("current"), dict) \
                and not isinstance(mutated["post"]["current"].get("lexical"), (str, type(None))):
            mutated["post"]["current"]["lexical"] = json.dumps(mutated["post"]["current"]["lexical"])
        response = client.post(f"/v1/webhooks/{source}", data=json.dumps(mutated),
                               content_type="application/json")
        assert response.status_code in (200, 422), (path, response.status_code)
        statuses.add(response.status_code)
    assert statuses == {200, 422}


def test_deep_nesting_and_lone_surrogates_get_problems_not_500(client):
    # RecursionError escaped the webhook's own JSON parsing; a lone surrogate
    # passed the checks and then failed to encode for the store.
    deep = client.post("/v1/webhooks/generic", data="[" * 100_000, content_type="application/json")
    assert deep.status_code == 400 and deep.mimetype == "application/problem+json"
    doc = {"article": {"id": "a\ud800", "headline": "h", "blocks": []}}
    r = client.post("/v1/webhooks/generic", data=json.dumps(doc), content_type="application/json")
    assert r.status_code == 422 and r.mimetype == "application/problem+json"
    assert [e["pointer"] for e in r.get_json()["errors"]] == ["/article/id"]


def test_utf8_encoded_surrogates_are_refused_as_bad_utf8(client):
    doc = json.dumps({"article": {"id": "a\ud800", "headline": "h", "blocks": []}}, ensure_ascii=False)
    r = client.post("/v1/webhooks/generic", data=doc.encode("utf-8", "surrogatepass"),
                    content_type="application/json")
    assert r.status_code == 400 and r.mimetype == "application/problem+json"


@pytest.mark.parametrize("depth", [400, 5000])
def test_deeply_nested_ghost_lexical_is_a_problem_at_the_field(depth):
    from plugin.adapters.ghost import adapt_ghost
    from plugin.validation import InvalidInput

    lexical = ('{"root": {"children": [' + '{"type": "paragraph", "children": [' * depth
               + '{"type": "text", "text": "deep"}' + "]}" * depth + "]}}")
    post = {"id": "p1", "title": "Harbour", "updated_at": "2025-05-15T09:00:00.000Z", "lexical": lexical}
    try:  # read, or refused at the field; never a RecursionError
        adapt_ghost({"post": {"current": post}})
    except InvalidInput as exc:
        assert [p.pointer for p in exc.problems] == ["/post/current/lexical"]
    else:
        assert depth < 1000, "JSON this deep cannot be parsed"
