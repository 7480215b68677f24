"""A caption's date written with the article's own year ("on 12 March 2025", "March 12,
2025") tells of no older time: it is compared, but only with a body day a few days
from it (a photo stamped weeks away is of another moment)."""
import pytest

from tests.support import draft, findings

CHECK = "caption-agreement"

SITTING = ["The city council approved a cap on holiday lets at a special sitting on 11 March, "
           "after a year of protests.",
           "Owners' groups said on 13 March that they would challenge the rules in court."]
SITTING_WEEKDAY = ["The city council approved a cap on holiday lets at a special sitting on Tuesday, "
                   "after a year of protests."]
PUBLISHED = "2025-03-14T10:00:00+00:00"  # a Friday: the body's Tuesday is 11 March


@pytest.mark.parametrize("body,caption,quote", [
    (SITTING, "Councillors approve the cap on holiday lets at the special sitting on 12 March 2025.",
     "12 March"),
    (SITTING, "Councillors approve the cap on holiday lets at the special sitting, March 12, 2025.",
     "March 12"),
    (SITTING, "Councillors approve the cap on holiday lets at the special sitting on the 12th March 2025.",
     "12th March"),
    # against a weekday, read through the article's date
    (SITTING_WEEKDAY, "Councillors approve the cap on holiday lets at the special sitting on 12 March 2025.",
     "12 March"),
])
def test_a_date_with_the_article_year_is_compared(body, caption, quote):
    found = findings(draft(*body, ("image", caption), published_at=PUBLISHED), CHECK)
    assert [(a.rule, a.target.quote) for a in found] == [("date-differs", quote)]


@pytest.mark.parametrize("body,caption,published", [
    # another year: an older photo of another sitting
    (SITTING, "Councillors debate the cap on holiday lets at a special sitting on 12 March 2024.", PUBLISHED),
    # the article's year, but also written apart from the date: another time perhaps
    (SITTING, "Councillors debate the cap on holiday lets at a special sitting on 12 March 2025, "
              "before the 2025 season.", PUBLISHED),
    # a wire photo's stamp, weekday first
    (SITTING, "Councillors at the special sitting on the holiday lets cap, Wednesday, March 12, 2025.",
     PUBLISHED),
    # stamped weeks from the body's day: a photo of another moment
    (SITTING, "Councillors approve the cap on holiday lets at the special sitting on 20 February 2025.",
     PUBLISHED),
    (SITTING_WEEKDAY, "Councillors approve the cap on holiday lets at the special sitting on 2 March 2025.",
     PUBLISHED),
    # no article date: the caption's year cannot be told to be the story's
    (SITTING, "Councillors approve the cap on holiday lets at the special sitting on 12 March 2025.", None),
    # the caption's own date
    (SITTING, "Councillors approve the cap on holiday lets at the special sitting on 11 March 2025.",
     PUBLISHED),
])
def test_passes(body, caption, published):
    fields = {"published_at": published} if published else {}
    assert findings(draft(*body, ("image", caption), **fields), CHECK) == []
