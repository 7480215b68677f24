"""The Markdown adapter: front matter to fields, body to blocks, and every
offset of the text the checks read mapped back to the file's line and column."""
from __future__ import annotations

import pytest

from checks.model import Article
from plugin.adapters.markdown import article_from_markdown
from plugin.inputs import parse_article
from plugin.render.locate import region
from plugin.sourcemap import Region
from plugin.validation import InvalidInput
from tests.ci.helpers import CI_FIXTURES


def _fixture(name: str) -> tuple[str, Article]:
    text = (CI_FIXTURES / "drafts" / name).read_text(encoding="utf-8")
    return text, parse_article(text, source=name)


def _at(text: str, line: int, col: int) -> str:
    return text.split("\n")[line - 1][col - 1]


def _where(article: Article, address: tuple, start: int, end: int) -> Region:
    block_id, field = address
    unit = article.unit_for(block_id=block_id, field=field)
    return region(article, unit.span(start, end))


def test_yaml_front_matter_gives_the_metadata():
    _text, article = _fixture("qaani.md")
    assert article.headline == "Quds Force chief visits Baghdad for talks"
    assert article.standfirst == "Iran's commander met Iraqi leaders on Wednesday."
    assert article.byline == ["Sinan Mahmoud"]
    assert article.published_at.raw == "2025-05-15 10:00:00 +0400"
    assert article.published_at.value.isoformat() == "2025-05-15T10:00:00+04:00"
    assert article.updated_at.value.isoformat() == "2025-05-15T12:00:00+04:00"
    assert article.field_lines == {"headline": 2, "standfirst": 3, "published_at": 4, "updated_at": 5,
                                   "byline": 7}


def test_toml_front_matter_and_params_table():
    _text, article = _fixture("budget.md")
    assert article.headline == "Council approves new harbour budget"
    assert article.standfirst == "The harbour gets a new budget."
    assert article.byline == ["Jane Doe"]
    assert article.published_at.value.isoformat() == "2025-05-14T09:30:00+01:00"
    assert _where(article, (None, "headline"), 0, 7) == Region(2, 10, 2, 17)
    assert _where(article, (None, "standfirst"), 4, 11) == Region(6, 20, 6, 27)


def test_json_front_matter():
    text = '{\n  "title": "Harbour budget",\n  "date": "2025-05-14"\n}\n\nThe council met.\n'
    article = article_from_markdown(text, source="x.md")
    assert article.headline == "Harbour budget"
    assert article.published_at.date_only
    assert _where(article, (None, "headline"), 8, 14) == Region(2, 21, 2, 27)
    assert [b.id for b in article.blocks] == ["L6"]


def test_blocks_and_their_kinds():
    _text, article = _fixture("qaani.md")
    kinds = [(b.id, b.type) for b in article.blocks]
    assert kinds[:4] == [("L9", "image"), ("L13", "paragraph"), ("L16", "paragraph"), ("L19", "image")]
    assert ("L24", "quote") in kinds
    front_image, figure = article.block("L9"), article.block("L19")
    assert front_image.caption_text == figure.caption_text == "Esmail Qaani arrives in Baghdad."
    assert figure.credit_text == "AFP" and figure.alt == "Qaani"


def test_markup_is_stripped_and_every_character_maps_back():
    text, article = _fixture("qaani.md")
    paragraph = article.block("L13").text
    assert paragraph == ("Iran's Quds Force commander Esmail Qaani\n"
                         "travelled to Iraq on Wednesday, officials said.")
    # Every character the checks read sits at the mapped place in the file.
    for unit in article.units():
        for i, char in enumerate(unit.text):
            if char == "\n":
                continue
            found = region(article, unit.span(i, i + 1))
            assert _at(text, found.start_line, found.start_col) == char, (unit.address, i)


def test_spans_on_the_second_line_of_a_paragraph():
    _text, article = _fixture("qaani.md")
    unit = article.unit_for(block_id="L13")
    start = unit.text.index("Wednesday")
    assert region(article, unit.span(start, start + len("Wednesday"))) == Region(14, 23, 14, 32)
    # A span across the line break keeps both ends right.
    assert region(article, unit.span(unit.text.index("Qaani"), start)) == Region(13, 41, 14, 22)


def test_link_text_maps_inside_the_brackets():
    _text, article = _fixture("qaani.md")
    unit = article.unit_for(block_id="L13")
    start = unit.text.index("Esmail Qaani")
    assert region(article, unit.span(start, start + 12)) == Region(13, 34, 13, 46)


def test_shortcode_caption_credit_and_alt_map_into_the_shortcode():
    text, article = _fixture("qaani.md")
    block = article.block("L19")
    credit = block.inline_credit
    found = region(article, article.unit_for(block_id="L19").span(credit.start, credit.end))
    line = text.split("\n")[found.start_line - 1]
    assert line[found.start_col - 1:found.end_col - 1] == "AFP"
    assert line.index('caption="') + len('caption="') + 1 + credit.start == found.start_col
    alt = region(article, article.unit_for(block_id="L19", field="alt").whole())
    assert line[alt.start_col - 1:alt.end_col - 1] == "Qaani"


def test_front_matter_caption_maps_to_its_yaml_value():
    _text, article = _fixture("qaani.md")
    assert region(article, article.unit_for(block_id="L9").span(0, 6)) == Region(10, 14, 10, 20)


def test_image_with_an_italic_caption_line():
    _text, article = _fixture("budget.md")
    image = next(b for b in article.blocks if b.is_image)
    assert image.alt == "Harbour"
    # "The Courier" is no agency: only the house style makes it a credit (next test).
    assert image.caption_text == "The harbour at dawn. The Courier"
    assert image.credit_text is None
    assert region(article, article.unit_for(block_id=image.id).span(0, 3)) == Region(14, 2, 14, 5)


def test_house_credits_are_recognised_in_captions():
    _text, article = _fixture("budget.md")
    text = (CI_FIXTURES / "drafts" / "budget.md").read_text(encoding="utf-8")
    with_house = parse_article(text, source="budget.md", extra_credits=("The Courier",))
    image = next(b for b in with_house.blocks if b.is_image)
    assert image.credit_text == "The Courier"


def test_first_h1_is_the_headline_when_front_matter_has_no_title():
    article = article_from_markdown("# Harbour *budget* approved\n\nThe council met.\n", source="x.md")
    assert article.headline == "Harbour budget approved"
    assert article.field_lines["headline"] == 1
    assert _where(article, (None, "headline"), 8, 14) == Region(1, 12, 1, 18)
    assert [b.type for b in article.blocks] == ["paragraph"]


def test_quote_with_attribution_and_html_figure():
    text = ("> \"We will not leave,\" he said.\n> — A senior official\n\n"
            "<figure>\n  <img src=\"a.jpg\" alt=\"The port\">\n"
            "  <figcaption>The port at night. Reuters</figcaption>\n</figure>\n")
    article = article_from_markdown(text, source="x.md")
    quote, figure = article.blocks
    assert (quote.type, quote.text, quote.attribution) == ("quote", '"We will not leave," he said.',
                                                           "A senior official")
    assert _where(article, ("L1", "attribution"), 0, 8) == Region(2, 5, 2, 13)
    assert figure.is_image and figure.caption_text == "The port at night." and figure.alt == "The port"
    assert _where(article, ("L4", None), 0, 3) == Region(6, 15, 6, 18)


def test_escapes_entities_and_code():
    text = "Profits rose 5\\* in *Q1* &amp; `Q2`.\n"
    article = article_from_markdown(text, source="x.md")
    assert article.blocks[0].text == "Profits rose 5* in Q1 & Q2."
    unit = article.unit_for(block_id="L1")
    assert region(article, unit.span(unit.text.index("&"), unit.text.index("&") + 1)).start_col == 26
    assert region(article, unit.span(unit.text.index("Q2"), unit.text.index("Q2") + 2)).start_col == 33


def test_code_tables_and_other_shortcodes_are_not_prose():
    text = ("```\nAdvertisement\n```\n\n| a | b |\n|---|---|\n| Advertisement | x |\n\n"
            "{{< youtube abc >}}\n\nThe council met.\n")
    article = article_from_markdown(text, source="x.md")
    assert [b.text for b in article.blocks] == ["The council met."]


@pytest.mark.parametrize("text,needle", [
    ("---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML"),
    ("---\ntitle: x\ndate: next tuesday\n---\nBody.\n", "`date` is not a valid date"),
    ("+++\ntitle = \n+++\nBody.\n", "not valid TOML"),
    ("---\n- a\n- b\n---\nBody.\n", "must be a mapping"),
    ("---\ntitle: x\ntimezone: Mars/Olympus\n---\nBody.\n", "`timezone`"),
])
def test_bad_front_matter_is_invalid_input(text, needle):
    with pytest.raises(InvalidInput) as caught:
        article_from_markdown(text, source="bad.md")
    assert needle in str(caught.value)


def test_yaml_errors_name_the_file_line():
    with pytest.raises(InvalidInput) as caught:
        article_from_markdown("---\ntitle: ok\nauthor: [x\n---\nBody.\n", source="bad.md")
    assert "line 4" in str(caught.value) or "line 3" in str(caught.value)


def test_markdown_is_detected_by_suffix_or_front_matter():
    from plugin.inputs import detect_format
    assert detect_format("a.md", "Hello") == "markdown"
    assert detect_format("-", "---\ntitle: x\n---\nHi") == "markdown"
    assert detect_format("a.txt", "Hello") == "text"
    assert detect_format("a.json", "{}") == "json"


def test_plain_text_fields_map_to_their_column():
    text = "  Harbour budget approved after debate\n\nUpdated: May 15, 2025\n\nThe council met.\n"
    article = parse_article(text, source="notes.txt")
    assert article.headline == "Harbour budget approved after debate"
    assert _where(article, (None, "headline"), 0, 7) == Region(1, 3, 1, 10)
    assert _where(article, (None, "updated_at"), 0, 3) == Region(3, 10, 3, 13)
    assert _where(article, ("L5", None), 4, 11) == Region(5, 5, 5, 12)


def test_jekyll_include_and_a_shortcode_over_several_lines():
    text = ('Intro text.\n\n'
            '{% include figure.html image="a.jpg" caption="The port at night." '
            'credit="Jane Doe/Reuters" %}\n\n'
            '{{% figure src="b.jpg"\n    caption="A *second* photo of the port"\n    attr="AFP" %}}\n')
    article = article_from_markdown(text, source="x.md")
    include, figure = article.blocks[1:]
    assert (include.id, include.caption_text, include.credit_text) == ("L3", "The port at night.",
                                                                       "Jane Doe/Reuters")
    assert (figure.id, figure.caption_text, figure.credit_text) == ("L5", "A second photo of the port", "AFP")
    start = figure.text.index("photo")
    assert _where(article, ("L5", None), start, start + 5) == Region(6, 25, 6, 30)
    assert _where(article, ("L5", "credit"), 0, 3) == Region(7, 11, 7, 14)
