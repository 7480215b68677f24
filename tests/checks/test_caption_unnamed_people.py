"""A caption that names no one (its people by role or by what they do: "A nurse",
"Engineers") need not share a name with the body sentence that dates its event:
three shared words do."""
import pytest

from tests.support import draft, findings

CHECK = "caption-agreement"

WARD = "The maternity ward delivered its first newborns on Wednesday, Dr Abena Frimpong said."
PLANT = "The desalination plant began pumping water through its new pipes on 3 June, Mayor Pieter Louw said."


@pytest.mark.parametrize("body,caption,rule,quote", [
    ([WARD], "A nurse carries a newborn through the new maternity ward at dawn on Tuesday.",
     "weekday-differs", "Tuesday"),
    ([PLANT], "Engineers check pipes at the new desalination plant before sunrise on 2 June.",
     "date-differs", "2 June"),
])
def test_a_caption_naming_no_one_is_compared(body, caption, rule, quote):
    found = findings(draft(*body, ("image", caption)), CHECK)
    assert [(a.rule, a.target.quote) for a in found] == [(rule, quote)]


@pytest.mark.parametrize("body,caption", [
    # the caption names someone the body sentence does not: perhaps another moment
    ([WARD], "Dr Kwesi Mensah carries a newborn through the new maternity ward at dawn on Tuesday."),
    # two shared words are too few
    ([WARD], "A nurse walks through the maternity ward at dawn on Tuesday."),
    # the body gives the caption's day too
    ([WARD, "Midwives rehearsed in the empty ward on Tuesday."],
     "A nurse carries a newborn through the new maternity ward at dawn on Tuesday."),
])
def test_passes(body, caption):
    assert findings(draft(*body, ("image", caption)), CHECK) == []
