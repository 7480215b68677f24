"""The speaker-cue search's shortcuts (ASCII-letter runs, byte tests, anchors)
give what its definition says: a cue word that is a whole word of the lower-cased
text, or a match of the cue phrases' expression."""
import random

from checks.attribution import _SPEAKERS

_PIECES = ["said", "says", "told", "according to", "wrote", "sagte", "dijo", "según", "selon",
           "a déclaré", "so der", "d’après", "-t-il", "emphasised", "in a statement", "press release",
           "he", "the", "mayor", "Said", "SAID", "İt", "ı", "ſaid", "\u212aey", "é", "ü", "Ä",
           "“", "”", "’", "'", '"', ",", ".", "—", "-", "\u00a0", "\u2009", " ", " ", " ", "\n", "7",
           "x", "ing", "ed", "saidé", "élire", "\udcff"]


def _reference(speakers, text: str) -> bool:
    words = speakers._WORD.findall(text.lower())
    return (not speakers.words.isdisjoint(words)
            or bool(speakers.phrases is not None and speakers.phrases.search(text)))


def test_search_matches_its_definition_on_random_texts():
    rng = random.Random(7)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 12)))
        for language, speakers in _SPEAKERS.items():
            assert speakers.search(text) == _reference(speakers, text), (language, text)
