"""A caption's place that the body names, but only for something else: compared with
the place the body gives the caption's event on the caption's day."""
import pytest

from tests.support import draft, findings

CHECK = "caption-agreement"

LAUNCH = ("Former mayor Tomas Ruiz launched his bid for the governorship on Saturday, telling a crowd "
          "of supporters in Valencia that the region needed new roads.")
FACTORY = ("Firefighters fought a blaze at a paint factory in Germiston on Wednesday, sending black "
           "smoke over the East Rand.")
FAREWELL = ("The conductor Anna Weiss gave her farewell concert with the orchestra at the Barbican on "
            "Friday, ending twenty years as its music director.")

FLAG = [
    # the caption moves the event to a town the body names for someone else
    ([LAUNCH, "His running mate, Elena Soler, was a councillor in Alicante for a decade."],
     "Tomas Ruiz speaks to supporters at the launch of his campaign in Alicante on Saturday.", "Alicante"),
    # ... or for another site of the same company
    ([FACTORY, "The company, which also runs a depot in Benoni, said no staff were hurt."],
     "Firefighters tackle the blaze at the paint factory in Benoni on Wednesday.", "Benoni"),
    # a venue the body names for an earlier year
    ([FAREWELL, "Weiss first conducted the orchestra at the Royal Festival Hall in 2003."],
     "Anna Weiss takes a bow after her farewell concert at the Royal Festival Hall on Friday.",
     "Royal Festival Hall"),
]

PASS = [
    # another event, on another day, at the place the body names for it
    ([LAUNCH, "His campaign said he would hold a rally in Alicante on Tuesday."],
     "Tomas Ruiz greets supporters at a rally in Alicante on Tuesday."),
    # the body gives the caption's place the caption's day as well
    ([LAUNCH, "Later on Saturday he visited a market in Alicante."],
     "Tomas Ruiz greets supporters in Alicante on Saturday."),
    # the body's sentence naming the caption's place shares its words: it speaks for it
    ([LAUNCH, "Ruiz had first spoken to supporters of his campaign in Alicante, his home town."],
     "Tomas Ruiz speaks to supporters at the launch of his campaign in Alicante on Saturday."),
    # the body's sentence naming the caption's place tells of the caption's thing there
    ([FACTORY, "The firm's other paint factory, in Benoni, was not affected."],
     "Firefighters tackle the blaze at the paint factory in Benoni on Wednesday."),
    # the body takes the caption's people to its place: perhaps the photo's stop
    ([LAUNCH, "He then drove on to Alicante to meet farmers."],
     "Tomas Ruiz speaks to supporters at the launch of his campaign in Alicante on Saturday."),
    # the caption's place is the country the body's town is in
    (["Dock workers walked off the job in San Antonio on Tuesday over automated cranes.",
      "San Antonio is Chile's busiest container port."],
     "Dock workers walk off the job in Chile on Tuesday."),
    # another preposition: a company, not a town
    ([FACTORY, "Workers at Benoni Paints were sent home."],
     "Firefighters tackle the blaze at Benoni Paints on Wednesday."),
    # no day in the caption: perhaps another moment
    ([FACTORY, "The company, which also runs a depot in Benoni, said no staff were hurt."],
     "Firefighters tackle the blaze at the paint factory in Benoni."),
    # the caption's place is a district of the body's town
    ([FACTORY, "Residents of the Primrose district, east of Germiston, were told to close windows."],
     "Firefighters tackle the blaze at the paint factory in the Primrose district on Wednesday."),
]


@pytest.mark.parametrize("body,caption,quote", FLAG)
def test_flags_the_place_the_body_gives_something_else(body, caption, quote):
    found = findings(draft(*body, ("image", caption)), CHECK)
    assert [(a.rule, a.target.quote) for a in found] == [("place-differs", quote)]
    assert found[0].related and all(t.block_id.startswith("p") for t in found[0].related)


@pytest.mark.parametrize("body,caption", PASS)
def test_passes(body, caption):
    assert findings(draft(*body, ("image", caption)), CHECK) == []
