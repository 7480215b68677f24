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
    # where the picture came from, in words (US local news)
    ("The scene on Monday. Photo courtesy of Leeds City Council", "Photo courtesy of Leeds City Council"),
    ("Tom Kerr, 34, died in the crash. Courtesy of the Kerr family", "Courtesy of the Kerr family"),
    ("Tom Kerr, 34, died in the crash (Picture courtesy of the family)", "(Picture courtesy of the family)"),
    ("The scene on Monday. Photo provided by the Ruiz family", "Photo provided by the Ruiz family"),
    ("The scene on Monday. Provided by Leeds police", "Provided by Leeds police"),
    ("The scene on Monday. Courtesy Ana Ruiz", "Courtesy Ana Ruiz"),
    ("The scene on Monday. Supplied by the Kerr family", "Supplied by the Kerr family"),
    ("Tom Kerr, 34, died in the crash. (Family handout)", "(Family handout)"),
    ("Tom Kerr, 34, died in the crash. West Yorkshire Police handout", "West Yorkshire Police handout"),
    ("Tom Kerr, 34, died in the crash. (Supplied)", "(Supplied)"),
    ("The scene on Monday. © Ana Ruiz", "© Ana Ruiz"),
    ("The scene on Monday. ©2024 Leeds City Council", "©2024 Leeds City Council"),
    ("The scene on Monday. Photograph by Ana Ruiz for the Guardian",
     "Photograph by Ana Ruiz for the Guardian"),
    ("Tom Kerr, 34, died in the crash. Kerr family handout", "Kerr family handout"),
    ("The scene on Monday. Photo by Ana Ruiz", "Photo by Ana Ruiz"),
    ("Tom Kerr, 34, died in the crash. PHOTO: FAMILY HANDOUT", "PHOTO: FAMILY HANDOUT"),
]

NOT_INLINE = [
    "A woman passes an anti-US mural in Tehran, Iran.",
    "The agency said it would publish the figures. Reuters reported the same.",
    "He moved to the U.S.The company followed a year later",
    "Prices rose 3.5 per cent in May.Analysts expect more",
    "The party met on Sunday. Time for Change",
    # a caption's last words that only look like a source
    "The scene on Monday. By evening the fire was out",
    "The scene on Monday. Supplied by the council, the new bins arrive in May",
    "Residents at the meeting. Courtesy calls were made to every house, the council said",
    "Residents queue at the food bank. The handout is weekly",
    "The food bank opened in May. Queue for the handout",
    "Residents at the meeting. Courtesy calls were made to every house",
    "Smoke rises over the city. Images by drone show the damage",
    "Volunteers hand out food in Leeds.",
    "The photo was taken by her son.",
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
