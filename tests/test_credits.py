"""Credit recognition (checks/credits.py), shared by the adapters and the attribution check."""
import pytest

from checks.credits import find_inline_credit, is_credit

# (caption, the credit found at its end)
INLINE = [
    ("A woman passes an anti-US mural in Tehran, Iran. EPA", "EPA"),
    ("Protesters gather in Baghdad. Photo: Reuters", "Photo: Reuters"),
    ("Rep. Ilhan Omar speaks at the Capitol on July 25, 2019. (J. Scott Applewhite/AP)",
     "(J. Scott Applewhite/AP)"),
    ("Yoon declared martial law, only to lift the order hours later.Ezra Acayan / Getty Images",
     "Ezra Acayan / Getty Images"),
    ("The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters", "Benoit Tessier/Reuters"),
    ("Materials from the campaign. (onmeth.com)", "(onmeth.com)"),
    ("A man waits outside the court. Jane Doe for The National", "Jane Doe for The National"),
    ("Cells may act as sentinels. RenderBurger for Quanta Magazine RenderBurger for Quanta Magazine",
     "RenderBurger for Quanta Magazine RenderBurger for Quanta Magazine"),
]

NOT_INLINE = [
    "A woman passes an anti-US mural in Tehran, Iran.",
    "The agency said it would publish the figures. Reuters reported the same.",
    "He moved to the U.S.The company followed a year later",
    "Prices rose 3.5 per cent in May.Analysts expect more",
    "The party met on Sunday. Time for Change",
]


@pytest.mark.parametrize("caption,credit", INLINE)
def test_inline_credit_is_found(caption, credit):
    span = find_inline_credit(caption)
    assert span is not None and caption[span.start:span.end] == credit


@pytest.mark.parametrize("caption", NOT_INLINE)
def test_story_text_is_not_a_credit(caption):
    assert find_inline_credit(caption) is None


@pytest.mark.parametrize("text,expected", [
    ("via Getty Images", True), ("Devindra Hardawar/AOL", True), ("Privat", True),
    ("(Image:Anadolu via Getty Images)", True), ("Tom Alweendo", False), ("Ghislaine Maxwell, 64", False),
])
def test_a_whole_line_as_credit(text, expected):
    assert is_credit(text) is expected
