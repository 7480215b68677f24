"""What a lenient reader takes for a speaker next to a lone quotation, and is not:
cue words in another sense, a cue in a sentence of the paragraph before or after
that is not the one next to the quotation, a common noun opening a sentence."""
import pytest

from tests.support import draft, findings

CHECK = "attribution"

OPENING = "Flooding hit the valley on Monday."
LATER = "Repairs to the main road will take months."
RIVER = "The river has burst its banks three times in a decade."
QUOTE = "“Nobody in this valley has slept properly since the water came through the doors.”"

FLAG = [
    # a cue word in a sense that is not speech: a toll, a thing that did it, time going by
    "A landslide in March claimed 14 lives further up the valley.",
    "Families crossed the river on foot, a route that has claimed dozens of lives.",
    "The pumping went on for three days and nights.",
    "A study which predicted the flood was shelved in 2019.",
    # a common noun opening the sentence, not a name and its verb
    "Satellite images suggest the river rose two metres in an hour.",
    "Volunteers filled sandbags through the night.",
    # a speaker cue in an earlier sentence, the one next to the quotation about a thing
    "The regional council said on Tuesday that it would fund new defences. "
    "The river has burst its banks three times in a decade.",
    # a place of two capitalised words
    "Many young people have already moved to Porto Alegre for work.",
    # a capitalised word, its plural noun, then the verb: no name
    "Army trucks brought drinking water from Lake Orta.",
    "Rescue boats carried the last families out at dawn.",
    # a cue word used as a noun
    "Why did the defences fail again? Engineers are still looking for answers.",
    # a colon lead-in that names nobody and is no speech
    "Across the valley, one complaint is heard again and again:",
    "The graffiti on the bridge sums it up:",
]

PASS = [
    ["The mayor, Ana Ruiz, said the army would help with the clean-up.", QUOTE],
    ["Ruiz claimed the warnings had come too late.", QUOTE],
    ["She went on:", QUOTE],
    ["Ruiz said the warnings came too late. Her own house was flooded to the ceiling.", QUOTE],
    [QUOTE, "Ruiz, who has lived there for 40 years, said the warnings came too late."],
    [QUOTE, "Ruiz has lived there for 40 years. She said the warnings came too late."],
    ["The council said it would fund new defences, which it promised in 2019.", QUOTE],
    ["Ann Davies runs the village shop.", "Davies watched the water rise.", QUOTE],
    ["Costa seems tired after three nights awake.", QUOTE],
    ["Costa has worked the ferry for 30 years.", QUOTE],
    ["Costa, a retired teacher, was blunt:", QUOTE],
    ["Her verdict:", QUOTE],
    ["Asked whether she would leave, Costa replied:", QUOTE],
]


# the quotation's own paragraph: a place of capitalised words after a preposition
# names nobody; a person opening the sentence after the quotation speaks it
OWN_FLAG = [
    "In Borgo San Dalmazzo, the water reached the first floor. " + QUOTE,
    QUOTE + " The words hang over every kitchen table.",
    QUOTE[:-2] + ",” a refrain heard in every village.",
]
OWN_PASS = [
    QUOTE + " Ruiz pauses. “We are tired.”",
    QUOTE + " She looks away.",
    QUOTE[:-2] + ",” says Ana Ruiz, 71.",
    "At Ana Ruiz's farm the water reached the roof. " + QUOTE,
]


@pytest.mark.parametrize("paragraph", OWN_FLAG)
def test_words_beside_the_quotation_that_name_no_speaker(paragraph):
    found = findings(draft(OPENING, RIVER, paragraph, LATER, language="en"), CHECK, min_severity="warning")
    assert [(a.rule, a.target.block_id) for a in found] == [("unattributed-quote", "p3")]


@pytest.mark.parametrize("paragraph", OWN_PASS)
def test_words_beside_the_quotation_that_name_its_speaker(paragraph):
    found = findings(draft(OPENING, RIVER, paragraph, LATER, language="en"), CHECK, min_severity="warning")
    assert found == []


@pytest.mark.parametrize("before", FLAG)
def test_a_neighbour_that_names_no_speaker_leaves_the_quotation_flagged(before):
    found = findings(draft(OPENING, before, QUOTE, LATER, language="en"), CHECK, min_severity="warning")
    assert [(a.rule, a.target.block_id) for a in found] == [("unattributed-quote", "p3")]


def test_a_cue_in_a_later_sentence_of_the_paragraph_after_is_about_someone_else():
    after = LATER + " The regional council said it would fund new defences."
    found = findings(draft(OPENING, "The river has burst its banks three times in a decade.", QUOTE, after,
                           language="en"), CHECK, min_severity="warning")
    assert [(a.rule, a.target.block_id) for a in found] == [("unattributed-quote", "p3")]


@pytest.mark.parametrize("blocks", PASS)
def test_a_neighbour_that_speaks_next_to_the_quotation_attributes_it(blocks):
    assert findings(draft(OPENING, *blocks, language="en"), CHECK, min_severity="warning") == []
