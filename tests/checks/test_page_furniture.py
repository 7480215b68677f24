import pytest

from tests.support import draft, findings

CHECK = "page-furniture"

# (paragraph, rule expected, flagged text)
FLAG = [
    ("• English • Arabic", "language-switcher", "• English • Arabic"),
    ("  • English\n  • Arabic", "language-switcher", "• English\n  • Arabic"),
    ("Read more: Iran and US hold fresh talks in Oman", "read-more",
     "Read more: Iran and US hold fresh talks in Oman"),
    ("Advertisement", "advertisement", "Advertisement"),
    ("Share on Facebook Twitter WhatsApp", "share-prompt", "Share on Facebook Twitter WhatsApp"),
    ("Sign up for our daily newsletter", "share-prompt", "Sign up for our daily newsletter"),
    ("Updated: May 15, 2025, 12:00 PM", "updated-line", "Updated: May 15, 2025, 12:00 PM"),
    ("3 of 12", "image-counter", "3 of 12"),
]

PASS = [
    "English is the working language of the summit, officials said.",
    "Readers who want to read more can find the report online.",
    "Related talks in Oman were described as difficult but useful.",
    "The advertisement ran in three newspapers on Sunday.",
    "Shares in the company fell 3 per cent on Monday.",
    "The ministry updated its guidance on May 15.",
    "He scored 3 of 12 attempts from the field.",
]


@pytest.mark.parametrize("text,rule,quote", FLAG)
def test_flags(text, rule, quote):
    found = findings(draft("The council met on Monday.", text), CHECK)
    assert [(a.rule, a.target.block_id, a.target.quote) for a in found] == [(rule, "p2", quote)]
    assert found[0].suggestion.action == "delete"


@pytest.mark.parametrize("text", PASS)
def test_passes(text):
    assert findings(draft(text), CHECK) == []


def test_furniture_is_kept_out_of_the_body_other_checks_read():
    article = draft("The council met on Monday.", "• English • Arabic")
    assert [u.block_id for u in article.body_units()] == ["p1"]
