"""Caption-agreement and photos taken after the body's event: its aftermath, a
reaction to it, a search or clean-up, a later day of an event of several days,
or another action that only shares the body's place name; and photos taken
before it, of the work that gets it ready. None of these is the body's action,
so its day or place is not compared; the same action on another day still is."""
import pytest

from tests.support import draft, findings

CHECK = "caption-agreement"

STABBING = ("A 15-year-old boy was stabbed outside Northfield Academy in Sheffield on Monday, "
            "police said.")
WAREHOUSE = "A fire tore through a timber warehouse on the Ardoyne industrial estate on Wednesday night."
STORM = "Storm Eowyn brought down power lines across County Mayo on Friday."
SUMMIT = ("Leaders from 27 countries gathered in Tallinn on Tuesday for a three-day summit on "
          "Baltic energy security.")
ARREST = "Police in Ghent on Friday arrested two men over the robbery of the Van Dale jewellery shop."
BODY_FOUND = "The body of a kayaker was recovered from Lough Derg on Sunday, gardaí said."
WARD = "The new children's ward at Antrim Area Hospital admitted its first patients on Tuesday."
LIFEBOAT = "The new lifeboat station at Porthdinllaen was opened by the harbour master on Thursday."
PIPELINE = "The desalination plant at Mossel Bay began pumping water through its new pipeline on 3 June."
CONCERT = "The Hallé gave the first concert of its new season at the Bridgewater Hall on Saturday."

# (body paragraphs, caption)
PASS = [
    # a reaction: mourning, vigils, tributes, flowers
    ([STABBING], "Pupils leave flowers at the gates of Northfield Academy in Sheffield on Tuesday."),
    ([STABBING], "Floral tributes outside Northfield Academy on Tuesday morning."),
    ([STABBING], "Parents hold a candlelit vigil near Northfield Academy in Sheffield on Wednesday."),
    # the aftermath: smoke, ruins, damage seen a day later
    ([WAREHOUSE], "Smoke still rises from the gutted timber warehouse on the Ardoyne estate on Thursday."),
    ([WAREHOUSE], "The charred remains of the timber warehouse on Thursday morning."),
    ([STORM], "Engineers repair fallen power lines in County Mayo on Saturday."),
    ([STORM], "A fallen tree blocks a road in County Mayo on Sunday, two days after the storm."),
    # a clean-up or a search
    ([BODY_FOUND], "Garda divers search the waters of Lough Derg on Saturday."),
    ([WAREHOUSE], "Workers clear debris from the burnt-out timber warehouse on Friday."),
    # a later day of an event of several days
    ([SUMMIT], "Leaders pose for a family photo in Tallinn on Wednesday, the summit's second day."),
    ([SUMMIT], "Delegates arrive for the final session of the summit in Tallinn on Thursday."),
    ([SUMMIT], "Protesters outside the conference centre in Tallinn on day two of the summit, Wednesday."),
    # the caption's day dates an earlier action of others, not the body's
    ([ARREST], "The smashed window of the Van Dale jewellery shop in Ghent after robbers struck "
               "on Wednesday."),
    (["Detectives charged a 32-year-old man with attempted murder in Ghent on Friday."],
     "The Ghent café where it happened, following a gunman's attack on Tuesday evening."),
    ([STABBING], "Northfield Academy in Sheffield, where police cordoned off the playground on Tuesday."),
    # only a place name shared
    ([BODY_FOUND], "Volunteers comb the shoreline of Lough Derg on Saturday."),
    ([BODY_FOUND], "Garda boats in the water at Lough Derg on Saturday."),
    (["Two climbers were airlifted from Ben Nevis on Monday, the mountain rescue team said."],
     "Walkers on the summit of Ben Nevis on Tuesday."),
    # the event going on, a day later
    (["Bin collectors walked out on Monday, leaving rubbish piled high in city streets, union official "
      "Dan Hart said."],
     "Rubbish piles up in city streets on Wednesday as the bin strike continues."),
    # work done before the event: getting ready, painting, testing, rehearsing
    ([WARD], "Nurses prepare beds in the new children's ward at Antrim Area Hospital on Monday."),
    ([LIFEBOAT], "Volunteers paint the new lifeboat station at Porthdinllaen on Tuesday."),
    ([PIPELINE], "Engineers test the new pipeline at the Mossel Bay desalination plant on 1 June."),
    ([CONCERT], "The Hallé rehearses for the new season at the Bridgewater Hall on Friday."),
    (["Pupils sat the first exam papers of the season on Monday, the exam board said."],
     "Pupils revise for their exam papers in the school library on Sunday."),
    # a name after a describing word that is a preposition ("with", "of") is no place
    (["Declan Rice signed his new contract in a meeting with Arsenal on Monday."],
     "Declan Rice signs his new contract in Manchester on Monday."),
]

# (body paragraphs, caption, flagged text): the body's own action on another day
FLAG = [
    ([WAREHOUSE], "A fire tears through a timber warehouse on the Ardoyne industrial estate "
                  "on Tuesday night.",
     "Tuesday"),
    ([WAREHOUSE], "Firefighters battle the blaze at the timber warehouse on the Ardoyne industrial estate "
                  "on Thursday night.", "Thursday"),
    ([ARREST], "Police arrest two men over the Van Dale jewellery shop robbery in Ghent on Thursday.",
     "Thursday"),
    ([BODY_FOUND], "Gardaí recover the body of a kayaker from Lough Derg on Saturday.", "Saturday"),
    ([STABBING], "Police outside Northfield Academy in Sheffield after a boy was stabbed there on Sunday.",
     "Sunday"),
    ([ARREST], "Two men are led away by police after their arrest in Ghent on Thursday over the Van Dale "
               "robbery.", "Thursday"),
    (["Two climbers were airlifted from Ben Nevis on Monday, the mountain rescue team said."],
     "A rescue helicopter airlifts two climbers from Ben Nevis on Sunday.", "Sunday"),
    # "remained" is no aftermath ("the remains")
    (["Two climbers were airlifted from Ben Nevis on Monday, the mountain rescue team said."],
     "A rescue helicopter airlifts two climbers, who had remained on the ridge, from Ben Nevis "
     "on Sunday.", "Sunday"),
    ([SUMMIT], "Leaders gather in Tallinn on Monday for the three-day summit on Baltic energy security.",
     "Monday"),
    # work done before the event still flags when the body tells of that same work
    (["Nurses prepared beds in the new ward at Antrim Area Hospital on Monday."],
     "Nurses prepare beds in the new ward at Antrim Area Hospital on Sunday.", "Sunday"),
    (["The sit-in outside the Stormont parliament continued on Tuesday, organisers said."],
     "The sit-in outside the Stormont parliament continues on Wednesday.", "Wednesday"),
    # or when the caption names the event right before its day
    ([CONCERT], "The Hallé rehearses at the Bridgewater Hall before its first concert on Friday.",
     "Friday"),
]


@pytest.mark.parametrize("body,caption", PASS)
def test_an_aftermath_or_reaction_is_not_compared(body, caption):
    assert findings(draft(*body, ("image", caption)), CHECK) == []


@pytest.mark.parametrize("body,caption,quote", FLAG)
def test_the_same_action_on_another_day_still_flags(body, caption, quote):
    found = findings(draft(*body, ("image", caption)), CHECK)
    assert [a.target.quote for a in found] == [quote]
