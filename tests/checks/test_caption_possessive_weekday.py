"""A weekday in the possessive ("at Saturday's launch", "for Monday's verdict") dates
the event as "on Saturday" does, in the caption and in the body."""
import pytest

from tests.support import draft, findings

CHECK = "caption-agreement"

LAUNCH = "Former senator Lucia Arbelaez launched her presidential campaign at a rally in Medellin on Sunday."
VERDICT = "The jury at Leeds Crown Court found Tomas Berg guilty of the attack on Tuesday."


@pytest.mark.parametrize("body,caption,quote", [
    ([LAUNCH, "She will travel to Barranquilla on Wednesday."],
     "Lucia Arbelaez addresses supporters at Saturday's campaign launch in Medellin.", "Saturday"),
    ([VERDICT, "He will be sentenced next month."],
     "Tomas Berg arrives at Leeds Crown Court for Monday's verdict.", "Monday"),
    # the body's possessive against the caption's "on"
    (["Sunday's campaign launch by Lucia Arbelaez drew a packed rally in Medellin."],
     "Lucia Arbelaez addresses supporters at the launch of her campaign in Medellin on Saturday.",
     "Saturday"),
])
def test_a_possessive_weekday_is_compared(body, caption, quote):
    found = findings(draft(*body, ("image", caption)), CHECK)
    assert [(a.rule, a.target.quote) for a in found] == [("weekday-differs", quote)]


@pytest.mark.parametrize("body,caption", [
    # the body gives the caption's day for the hearing it shows
    ([VERDICT, "On Monday, the judge had sent the jury out to consider its verdict."],
     "Tomas Berg arrives at Leeds Crown Court for Monday's hearing."),
    # the same day both ways
    ([LAUNCH], "Lucia Arbelaez addresses supporters at Sunday's campaign launch in Medellin."),
    # a plural weekday is a habit, not a day
    ([LAUNCH], "Lucia Arbelaez, who campaigns on Saturdays, at the launch of her campaign in Medellin."),
])
def test_passes(body, caption):
    assert findings(draft(*body, ("image", caption)), CHECK) == []
