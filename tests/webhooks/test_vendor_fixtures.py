"""The adapters and the receiver on the vendors' own payloads (read in place from ../shared)."""
import json

import pytest

from plugin.adapters.arc import adapt_arc
from plugin.adapters.ghost import adapt_ghost
from plugin.adapters.wordpress import adapt_wordpress, content_blocks
from plugin.validation import InvalidInput
from plugin.webhooks.signatures import sign_ghost
from tests.webhooks.conftest import GHOST_SECRET, T0


def test_every_ans_story_with_an_id_adapts(shared):
    stories = sorted((shared / "fixtures" / "ans").glob("0.10.*/*.json"))
    assert stories
    for path in stories:
        story = json.loads(path.read_text(encoding="utf-8"))
        if "_id" not in story:
            with pytest.raises(InvalidInput) as info:
                adapt_arc(story)
            assert [p.pointer for p in info.value.problems] == ["/_id"], path.name
            continue
        article = adapt_arc(story).article
        assert article.headline == story["headlines"]["basic"], path.name
        ids = [b.id for b in article.blocks]
        assert len(ids) == len(set(ids)), path.name  # shared _ids in the fixtures get pointers


def test_the_invalid_ans_story_is_refused_on_its_type(shared):
    story = json.loads((shared / "fixtures/ans/invalid/story-fixture-bad-wrong-type.json").read_text())
    with pytest.raises(InvalidInput) as info:
        adapt_arc(story)
    assert "/type" in [p.pointer for p in info.value.problems]


def test_the_sanders_story(shared):
    story = json.loads((shared / "fixtures/ans/0.10.11/story-fixture-versions.json").read_text())
    article = adapt_arc(story).article
    assert article.byline == ["John Wagner", "Dan Balz"]
    assert article.alternative_headlines["print"] == "What's next for Sanders? Much rests on his answer."
    assert all("<" not in b.text for b in article.blocks if b.type == "paragraph")


def test_wordpress_rest_posts(shared):
    rest = shared / "fixtures" / "wordpress" / "rest"
    for post in [json.loads((rest / "PostModel.json").read_text()),
                 *json.loads((rest / "PostsCollection.json").read_text())]:
        article = adapt_wordpress(post).article
        assert article.id == "4" and article.headline == "REST API Client Fixture: Post"
        assert [b.text for b in article.blocks] == ["Updated post content."]


@pytest.mark.parametrize("name, first", [
    ("core__image__center-caption.html",
     {"type": "image", "caption": 'Give it a try. Press the "really wide" button on the image toolbar.'}),
    ("core__quote__style-1.html", {"type": "quote", "attribution": "Matt Mullenweg, 2017"}),
    ("core__pullquote.html", {"type": "quote", "text": "Testing pullquote block...",
                              "attribution": "...with a caption"}),
    ("shortcode-caption-with-link.html", {"type": "image", "caption": "Bell on wharf in San Francisco",
                                          "alt": "Bell on Wharf"}),
    ("markdown-out.html", {"type": "heading", "text": "This is a heading with italic"}),
])
def test_gutenberg_and_classic_markup(shared, name, first):
    blocks = content_blocks((shared / "fixtures/wordpress/blocks" / name).read_text(encoding="utf-8"))
    got = blocks[0][0]
    assert {k: got[k] for k in first} == first


def test_ghost_webhook_bodies(shared):
    ghost = shared / "fixtures" / "ghost"
    published = adapt_ghost(json.loads((ghost / "webhook-post.published.json").read_text())).article
    assert published.headline == "webhookz"
    assert published.blocks[0].type == "heading" and published.blocks[0].text == "HTML Ipsum Presents"
    added = adapt_ghost(json.loads((ghost / "webhook-post.added.json").read_text())).article
    assert added.blocks == []  # an empty draft: html is null
    lexical = adapt_ghost(json.loads((ghost / "admin-api-post-create-lexical.json").read_text())).article
    assert [b.text for b in lexical.blocks] == ["Testing post creation with lexical"]


def test_a_real_ghost_delivery_signed_the_ghost_way(shared, client):
    ghost = shared / "fixtures" / "ghost"
    body = json.dumps(json.loads((ghost / "webhook-post.published.json").read_text()),
                      separators=(",", ":")).encode()
    headers = {k: str(v) for k, v in json.loads((ghost / "webhook-headers.json").read_text()).items()
               if k not in ("content-length", "accept-encoding")}
    headers["X-Ghost-Signature"] = sign_ghost(GHOST_SECRET, body, T0 * 1000)
    response = client.post("/v1/webhooks/ghost", data=body, headers=headers)
    assert response.status_code == 200, response.json
    assert response.json["article_id"] == "683d6a1f0c9e4b001a7c2e51"
