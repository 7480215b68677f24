"""Golden tests: each CMS's payload -> the generic article, field by field."""
import json

import pytest

from checks.engine import run_checks
from plugin.adapters.arc import adapt_arc
from plugin.adapters.generic import article_from_json, article_to_json
from plugin.adapters.ghost import adapt_ghost
from plugin.adapters.wordpress import adapt_wordpress, parse_blocks
from plugin.validation import InvalidInput
from tests.conftest import NOW
from tests.webhooks.conftest import CMS, load

GOLDEN = [
    (adapt_arc, "arc/story"),
    (adapt_arc, "arc/ifx-event"),
    (adapt_wordpress, "wordpress/post-blocks"),
    (adapt_wordpress, "wordpress/post-classic"),
    (adapt_ghost, "ghost/post.edited"),
    (adapt_ghost, "ghost/post.added-lexical"),
]


def _expected(name: str) -> dict:
    return json.loads((CMS / f"{name}.expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("adapt, name", GOLDEN, ids=[n for _, n in GOLDEN])
def test_golden(adapt, name):
    adapted = adapt(load(f"{name}.json"))
    expected = _expected(name)
    got = adapted.generic
    for key in sorted(set(expected) | set(got)):
        if key != "blocks":
            assert got.get(key) == expected.get(key), key
    assert [b["id"] for b in got["blocks"]] == [b["id"] for b in expected["blocks"]]
    for block, want in zip(got["blocks"], expected["blocks"]):
        assert block == want, block["id"]
    # The model is the generic adapter's reading of that same dict.
    assert article_to_json(adapted.article) == article_to_json(article_from_json(expected))


def test_arc_reads_headlines_credits_dates_and_ids():
    article = adapt_arc(load("arc/story.json")).article
    assert article.id == "KQ2VZPLR5NH3TGW4XB7YJ6EC1A" and article.revision == "rev-0007"
    assert article.headline == "Harbour council approves “green” budget"  # entities decoded
    assert article.alternative_headlines == {"web": "Council backs harbour budget",
                                             "meta_title": "Harbour budget approved"}  # empty print left out
    assert article.standfirst == "The vote was close"
    assert article.byline == ["Jane Doe", "Omar Haddad"]  # the unresolved reference has no name
    assert article.published_at.raw == "2025-05-31T09:30:00.52Z"
    ids = [b.id for b in article.blocks]
    assert ids[0] == "PROMO1"  # lead art first
    assert "content_elements/4" in ids  # no _id: named by its pointer
    assert "content_elements/7" in ids  # a reused _id: named by its pointer
    assert "MYST" not in ids and "DIV" not in ids  # unknown types and dividers carry no text
    assert article.block("RAW1").type == "embed"  # raw HTML is kept but not read as story


def test_arc_ifx_envelope_names_the_delivery_and_delete_is_ignored():
    adapted = adapt_arc(load("arc/ifx-event.json"))
    assert adapted.delivery_id == "6f2b1c9e-1d4e-4c38-9a51-3c1e0d8a7b10"
    assert adapted.event == "story:update"
    deleted = adapt_arc({"key": "story:delete", "uuid": "u1", "body": {"_id": "X"}})
    assert deleted.article is None and deleted.ignored


def test_wordpress_parses_gutenberg_delimiters_like_the_editor():
    blocks = parse_blocks('<!-- wp:paragraph {"align":"left"} --><p>a</p><!-- /wp:paragraph -->'
                          '<!-- wp:core/spacer /--><p>loose</p>'
                          '<!-- wp:group --><div><!-- wp:heading --><h2>h</h2><!-- /wp:heading -->'
                          '</div><!-- /wp:group -->')
    assert [(b.name, b.attrs) for b in blocks] == [
        ("core/paragraph", {"align": "left"}), ("core/spacer", {}), ("core/freeform", {}), ("core/group", {})]
    assert blocks[3].children[0].name == "core/heading"
    assert blocks[3].html() == "<div><h2>h</h2></div>"


def test_wordpress_prefers_raw_and_gmt_fields():
    article = adapt_wordpress(load("wordpress/post-blocks.json")).article
    assert article.headline == "Harbour council approves “green” budget"
    assert article.published_at.raw == "2025-05-31T09:30:00Z" and article.published_at.has_offset
    assert article.revision == "2025-06-01T10:15:00"
    assert article.standfirst is None  # an empty raw excerpt is no standfirst
    assert article.block("b3").text == "The harbour at dawn on Friday. Lee Park/Reuters"
    assert article.block("b3").credit_text == "Lee Park/Reuters"  # the inline credit is found
    featured = article.blocks[0]  # the featured image, from ?_embed
    assert (featured.id, featured.text, featured.alt) == (
        "featured_media", "The harbour at dawn on Friday. Lee Park/Reuters", "Boats at dawn")


def test_ghost_html_and_lexical_give_the_same_story():
    from_html = adapt_ghost(load("ghost/post.edited.json")).generic
    from_lexical = adapt_ghost(load("ghost/post.added-lexical.json")).generic
    assert [b["type"] for b in from_html["blocks"]][:7] == [b["type"] for b in from_lexical["blocks"]][:7]
    assert [b.get("text", b.get("caption")) for b in from_html["blocks"]][:7] == \
        [b.get("text", b.get("caption")) for b in from_lexical["blocks"]][:7]


def test_ghost_derives_a_delivery_id_and_ignores_deletions():
    adapted = adapt_ghost(load("ghost/post.edited.json"))
    assert adapted.delivery_id == "6650a1b2c3d4e5f601234567@2025-06-01T10:15:00.000Z"
    deleted = adapt_ghost(load("ghost/post.deleted.json"))
    assert deleted.article is None and deleted.event == "post.deleted"


@pytest.mark.parametrize("adapt, name, pointers", [
    (adapt_arc, "arc/not-a-story.json",
     ["/content_elements/0/content", "/content_elements/1/type", "/content_elements/2/caption",
      "/headlines/basic", "/type"]),
    (adapt_wordpress, "wordpress/not-a-post.json", ["/content/raw", "/content/rendered", "/id", "/title"]),
    (adapt_ghost, "ghost/not-a-post.json",
     ["/post/current/authors", "/post/current/id", "/post/current/title"]),
])
def test_payloads_not_in_the_cms_shape_name_every_problem(adapt, name, pointers):
    with pytest.raises(InvalidInput) as info:
        adapt(load(name))
    assert [p.pointer for p in info.value.problems] == pointers


def test_a_problem_in_the_built_article_points_back_into_the_payload():
    story = load("arc/story.json")
    story["headlines"]["basic"] = "x" * 1001
    with pytest.raises(InvalidInput) as info:
        adapt_arc(story)
    assert [p.pointer for p in info.value.problems] == ["/headlines/basic"]
    story = load("arc/story.json")
    story["content_elements"][5]["caption"] = "y" * 10001
    with pytest.raises(InvalidInput) as info:
        adapt_arc(story)
    assert [p.pointer for p in info.value.problems] == ["/content_elements/5"]


def test_ghost_lexical_that_is_not_json_is_named():
    payload = load("ghost/post.added-lexical.json")
    payload["post"]["current"]["lexical"] = "{not json"
    with pytest.raises(InvalidInput) as info:
        adapt_ghost(payload)
    assert [p.pointer for p in info.value.problems] == ["/post/current/lexical"]


def test_annotations_point_into_the_plain_text_of_the_block():
    payload = load("ghost/post.edited.json")
    payload["post"]["current"]["html"] += "<p><a href='/ads'><b>Advertisement</b></a></p>"
    article = adapt_ghost(payload).article
    result = run_checks(article, now=NOW, checks=["page-furniture"])
    [finding] = [a for a in result.annotations if a.rule == "advertisement"]
    assert finding.target.block_id == "b8"
    text = article.block("b8").text
    assert text == "Advertisement"
    assert text[finding.target.start:finding.target.end] == finding.target.quote == "Advertisement"
    # Every annotation's quote is the slice of its unit's plain text, HTML gone.
    for ann in result.annotations:
        unit = article.unit_for(block_id=ann.target.block_id, field=ann.target.field)
        assert unit.text[ann.target.start:ann.target.end] == ann.target.quote
        assert "<" not in ann.target.quote and "&amp;" not in ann.target.quote
