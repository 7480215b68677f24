"""No aftermath comes before its event: a caption of a search, smoke or repairs dated
before the body's event is compared like any other (a slip), where one dated after
it shows a later day and is left alone. Nor is an aftermath elsewhere than its event:
its place is compared."""
import pytest

from tests.support import draft, findings

CHECK = "caption-agreement"

COLLAPSE = "Part of a five-storey block of flats collapsed in Kumasi on Tuesday, trapping residents."
BLAZE = "A blaze swept through a furniture depot on the Kilbarry industrial estate on Saturday night."
GALE = "The gale brought down power lines across County Kerry on 14 January."


@pytest.mark.parametrize("body,caption,rule,quote", [
    ([COLLAPSE], "Rescuers search the rubble of the collapsed block of flats in Kumasi on Monday.",
     "weekday-differs", "Monday"),
    ([BLAZE], "Smoke rises from the furniture depot on the Kilbarry industrial estate on Friday night.",
     "weekday-differs", "Friday"),
    ([GALE], "Engineers repair power lines brought down by the gale across County Kerry on 13 January.",
     "date-differs", "13 January"),
])
def test_an_aftermath_dated_before_the_event_is_compared(body, caption, rule, quote):
    found = findings(draft(*body, ("image", caption)), CHECK)
    assert [(a.rule, a.target.quote) for a in found] == [(rule, quote)]


@pytest.mark.parametrize("body,caption", [
    # after the event: a later day's photo
    ([COLLAPSE], "Rescuers search the rubble of the collapsed block of flats in Kumasi on Wednesday."),
    # across the week's end: Sunday comes after Saturday
    ([BLAZE], "Smoke still rises from the gutted furniture depot on the Kilbarry estate on Sunday."),
    ([GALE], "Engineers repair power lines brought down by the gale across County Kerry on 16 January."),
])
def test_an_aftermath_dated_after_the_event_passes(body, caption):
    assert findings(draft(*body, ("image", caption)), CHECK) == []


def test_an_aftermath_at_another_place_is_compared():
    caption = "Rescuers search the rubble of the collapsed block of flats in Tamale on Tuesday."
    found = findings(draft(COLLAPSE, ("image", caption)), CHECK)
    assert [(a.rule, a.target.quote) for a in found] == [("place-differs", "Tamale")]


def test_an_aftermath_at_a_place_of_its_own_passes():
    # the search goes on elsewhere than the place the body gives the event
    caption = "Divers search the river at Athlone on Monday."
    body = "The body of a kayaker was recovered from the Shannon in Limerick on Sunday, gardaí said."
    assert findings(draft(body, ("image", caption)), CHECK) == []
