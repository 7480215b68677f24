"""Caption-agreement reads a place's name through its lower-case particles
("Dar es Salaam", "Rio de Janeiro", "Stratford upon Avon"), so its message
names the whole place and the same place on both sides agrees."""
import pytest

from tests.support import draft, findings

CHECK = "caption-agreement"


@pytest.mark.parametrize("body,caption,place", [
    ("The first container ship on the new service docked in Dar es Salaam on Monday.",
     "The first container ship on the new service docks in Mombasa on Monday.", "Dar es Salaam"),
    ("Firefighters battled the blaze at the Avenida hotel in Rio de Janeiro on May 14.",
     "Firefighters battled the blaze at the Avenida hotel in Salvador on May 14.", "Rio de Janeiro"),
    ("The touring company opened its season at the Swan theatre in Stratford upon Avon on Friday.",
     "The touring company opened its season at the Swan theatre in Bath on Friday.", "Stratford upon Avon"),
])
def test_the_body_place_is_named_whole(body, caption, place):
    found = findings(draft(body, ("image", caption)), CHECK)
    assert [a.rule for a in found] == ["place-differs"]
    assert f"the body says {place}" in found[0].message


@pytest.mark.parametrize("body,caption", [
    ("The first container ship on the new service docked in Dar es Salaam on Monday.",
     "The first container ship on the new service docks in Dar es Salaam on Monday."),
    ("Firefighters battled the blaze at the Avenida hotel in Rio de Janeiro on May 14.",
     "Firefighters battled the blaze at the Avenida hotel in Rio de Janeiro on May 14."),
    # a particle before a lower-case word, or "on" before a day, ends the name
    ("Firefighters battled the blaze at the Avenida hotel in Madrid on Tuesday, officials said.",
     "Firefighters battled the blaze at the Avenida hotel in Madrid on Tuesday."),
])
def test_the_same_place_agrees(body, caption):
    assert findings(draft(body, ("image", caption)), CHECK) == []
