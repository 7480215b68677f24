import pytest

from checks.model import Article
from tests.support import draft, findings

CHECK = "repeated-caption"
QAANI = "Esmail Qaani, the head of the Quds Force, travelled to Iraq on Wednesday."
MURAL = "A woman passes an anti-US mural in Tehran, Iran."
RUNWAY = "Models walk the runway for designer Adebayo Okonjo at Lagos Fashion Week"

# (blocks, expected [(rule, block id, quoted text)])
FLAG = [
    ([("image", QAANI, "AFP"), "The visit was announced on Thursday.", ("image", QAANI, "AFP")],
     [("exact-repeat", "img3", QAANI)]),
    ([("image", QAANI, "AFP"), ("image", QAANI.upper(), "AFP")],
     [("near-repeat", "img2", QAANI.upper())]),
    ([("image", QAANI, "AFP"), ("image", QAANI.replace(", ", " ") + "  ", "Reuters")],
     [("near-repeat", "img2", QAANI.replace(", ", " "))]),
    ([("image", QAANI + " AFP"), ("image", QAANI + " Photo: Reuters")],
     [("near-repeat", "img2", QAANI)]),
    # A credit written into the caption although the image has a credit field.
    ([("image", RUNWAY + ".", "Reuters"), ("image", RUNWAY.lower() + " - AFP", "AFP")],
     [("near-repeat", "img2", RUNWAY.lower() + " - AFP")]),
    # (The quote is the caption proper: with no credit field the adapter cuts an
    # inline credit it recognises.)
    *[([("image", RUNWAY + ".", "Reuters"), ("image", RUNWAY + tail, credit)],
       [("near-repeat", "img2", draft(("image", RUNWAY + tail, credit)).images[0].caption_text)])
      for tail, credit in [(" — Reuters", "Reuters"), (" (AFP)", "AFP"), (". Photo: AFP", None),
                           (" AFP/Getty Images", "Getty Images"), (" / Reuters", "Reuters"),
                           (" (Photo by Jane Doe/AFP)", "AFP"), (". Picture: PA", "PA"),
                           (" picture: pa", None), (" | Getty Images", None), (", AFP", "AFP"),
                           (" (Jane Doe / AP)", None), (" AFP", "AFP"),
                           (". Handout via Reuters", None), (". Jane Doe", "Jane Doe")]],
    # Both copies carry a credit, in different forms.
    ([("image", RUNWAY + " (AFP)"), ("image", RUNWAY.upper() + " - REUTERS", "Reuters")],
     [("near-repeat", "img2", RUNWAY.upper() + " - REUTERS")]),
    ([("image", RUNWAY + " / Reuters", "Reuters"), ("image", RUNWAY + " (AFP) - Getty Images")],
     [("near-repeat", "img2", RUNWAY + " (AFP)")]),
    ([("image", MURAL, "EPA"), ("image", MURAL, "EPA"), ("image", MURAL, "EPA")],
     [("exact-repeat", "img2", MURAL), ("exact-repeat", "img3", MURAL)]),
    ([("image", MURAL, "EPA"), "The talks resumed on Saturday in Oman.", MURAL],
     [("caption-in-body", "p3", MURAL)]),
    ([("image", MURAL, "EPA"), MURAL + " EPA"],
     [("caption-in-body", "p2", MURAL + " EPA")]),
    (["Tehran has accused Kurdish groups in Iraq of smuggling weapons to Iran.", "The talks resumed.",
      "Tehran has accused Kurdish groups in Iraq of smuggling weapons to Iran."],
     [("repeated-paragraph", "p3",
       "Tehran has accused Kurdish groups in Iraq of smuggling weapons to Iran.")]),
]

PASS = [
    # Different captions that share an opening.
    [("image", "Protesters gather in Tehran on Friday.", "AFP"),
     ("image", "Protesters gather in Baghdad on Saturday.", "AFP")],
    # ... and with a credit written into one of them.
    [("image", "Protesters gather in Tehran on Friday.", "AFP"),
     ("image", "Protesters gather in Tehran on Friday and Saturday - AFP", "AFP")],
    # A different day, place or name is a different photo, credit or not.
    [("image", "Fans queue outside the stadium in Lagos on Tuesday - AFP", "AFP"),
     ("image", "Fans queue outside the stadium in Lagos on Wednesday - AFP", "AFP")],
    [("image", "Fans queue outside the stadium in Lagos on Tuesday (Reuters)"),
     ("image", "Fans queue outside the stadium in Abuja on Tuesday (Reuters)")],
    [("image", RUNWAY + " / Jane Doe/Reuters"), ("image", RUNWAY[:-5] + " Jane Doe/Reuters")],
    [("image", RUNWAY + ". AFP"), ("image", RUNWAY + " on Sunday. AFP")],
    # Nor are positions in brackets.
    [("image", "Jane Doe and John Smith pose at the gala (left/right)"),
     ("image", "Jane Doe and John Smith pose at the gala (right/left)")],
    # A sentence after the caption is not a credit.
    [("image", "Smoke rises over the city.", "AFP"),
     ("image", "Smoke rises over the city. Images by drone show the damage", "AFP")],
    [("image", "Smoke rises over the old city centre.", "AFP"),
     ("image", "Smoke rises over the old city centre - as seen from the Reuters office")],
    # The same credit under every photo is normal.
    [("image", "A man crosses the river.", "Submitted photo"),
     ("image", "A woman boards the ferry.", "Submitted photo")],
    # Short captions (names under mugshots, "File photo") may repeat.
    [("image", "John Smith", "Police handout"), ("image", "John Smith", "Police handout")],
    # A caption whose words open a paragraph: normal practice.
    [("image", MURAL, "EPA"), MURAL + " The mural was painted in 2019 by local artists."],
    # Short paragraphs may repeat ("Watch:", sign-offs).
    ["Watch the video below.", "The talks resumed.", "Watch the video below."],
]


@pytest.mark.parametrize("blocks,expected", FLAG)
def test_flags(blocks, expected):
    found = findings(draft(*blocks), CHECK)
    assert [(a.rule, a.target.block_id, a.target.quote) for a in found] == expected


@pytest.mark.parametrize("blocks", PASS)
def test_passes(blocks):
    assert findings(draft(*blocks), CHECK) == []


def test_repeat_points_back_at_the_first_copy():
    found = findings(draft(("image", QAANI, "AFP"), ("image", QAANI, "AFP"), ("image", QAANI, "AFP")), CHECK)
    assert [a.related[0].block_id for a in found] == ["img1", "img1"]
    assert len({a.id for a in found}) == 2  # each repeat has its own id


def test_linear_in_the_number_of_captions():
    # 500 distinct captions plus one repeat: one finding, found by hashing, not pairwise.
    blocks = [("image", f"Photo number {i} of the harbour at dawn.", "AFP") for i in range(500)]
    blocks.append(("image", "Photo number 7 of the harbour at dawn.", "Reuters"))
    found = findings(draft(*blocks), CHECK)
    assert [(a.rule, a.target.block_id, a.related[0].block_id) for a in found] == [
        ("near-repeat", "img501", "img8")]


def test_seed_captions(shared):
    from plugin.adapters.generic import article_from_json
    from plugin.adapters.plaintext import article_from_text
    import json

    text_form = article_from_text((shared / "seed/000_a627ffa290a88477.txt").read_text(), source="seed.txt")
    json_form = article_from_json(json.loads((shared / "examples/seed-article.json").read_text()))
    for article in (text_form, json_form):
        assert isinstance(article, Article)
        found = findings(article, CHECK)
        assert [a.rule for a in found] == ["exact-repeat"] * 4
        firsts = [a.related[0].block_id for a in found]
        assert firsts[:3] == [article.images[0].id] * 3 and firsts[3] == article.images[4].id
