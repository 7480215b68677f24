"""Finding people's names in an article and grouping their spellings.

Shared by ``name-consistency`` (a surname spelled two ways) and
``caption-agreement`` (a caption spelling a name differently from the body).
No model-based NLP: a name mention is a run of capitalised words. Its last word
is the surname (with any particles before it: "Al Araji", "van der Berg"); the
word before that, unless it is a title ("President", "Mr"), is the given name.
A run with a given name is a *full* mention; a surname alone, or after a title,
is a *short* mention.

Spellings are compared by their folded form (case and accents ignored, so
"Hammarskjöld" = "Hammarskjold") and by the newsroom's declared equivalents.
A misspelling keeps its first letter (or swaps the first two), so near
spellings are looked up in an index of full-name surnames keyed by short
signatures (first or last letters), then by length, with a cheap letter-set
filter before the edit distance.
Everything is one pass over the text plus work per distinct surname.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Iterable

from checks.model import (ALT_HEADLINE, ATTRIBUTION, BODY_KINDS, CAPTION, HEADLINE, STANDFIRST,
                          Article, TextUnit)

_UPPER = "".join(chr(c) for c in range(0x2000) if chr(c).isupper())
_LOWER = "".join(chr(c) for c in range(0x2000) if chr(c).islower())
_UP = re.escape(_UPPER)
_LO = re.escape(_LOWER)

# Lower-case particles that may sit inside a name ("Ahmed al Sharaa", "Ludwig van Beethoven").
PARTICLES = frozenset(
    "al el bin bint ibn abu de da di del della dos das du van von der den ter ten la le y e "
    "Al El Bin Ibn Abu De Da Di Del Della Dos Das Du Van Von Der Den Ter Ten La Le".split())
_PARTICLES_FOLDED = frozenset(p.casefold() for p in PARTICLES)


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, written as a tree of shared prefixes.

    A flat alternation is tried branch by branch at every position; the tree
    settles on the first letter. Only for words of which at most one can match
    at a place (here: each must be followed by a space), so the order of the
    branches does not matter.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: dict) -> str:
        options = [re.escape(c) + branch(child) for c, child in sorted(node.items()) if c]
        if "" in node:
            options.append("")
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return branch(tree)


_PARTICLE_RE = _alternation(PARTICLES)

# A capitalised word with at least one lower-case letter (not an acronym), with
# inner apostrophes and hyphens: O'Brien, McDonald, Ruiz-Delgado, al-Sadr.
_LETTER = r"[^\W\d_]"
_WORD = rf"[{_UP}](?:['’][{_UP}])?[{_LO}]{_LETTER}*(?:(?:['’][{_UP}]|-{_LETTER}){_LETTER}*)*"
# Between two words of one name: spaces, particles, initials ("John F. Kennedy"),
# or the full stop of a title ("Dr. Harold Bornstein").
_TITLE_ABBR = "Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|Adv|Det|Supt|Insp|St"
# (The full stop is matched before the titles are looked behind for: most words
# are not followed by one, and then no look-behind is tried at all.)
_AFTER_TITLE = "|".join(f"(?<={t}\\.)" for t in _TITLE_ABBR.split("|"))
_JOIN = rf"(?:\.(?:{_AFTER_TITLE}))?[ \u00a0]+(?:(?:{_PARTICLE_RE}|[{_UP}]\.)[ \u00a0]+)*"
# A run of capitalised words and a possessive after it (Navarro's, Jones').
_RUN = re.compile(rf"{_WORD}(?:{_JOIN}{_WORD})*(?P<poss>['’]s(?!\w)|(?<=s)['’](?![\w'’]))?")
_GLUED = frozenset("'’.-") | frozenset(_UPPER) | frozenset(_LOWER) | frozenset("0123456789_")

# Titles and honorifics: a word before a surname that is not a given name.
TITLES = frozenset(f.casefold() for f in """
Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Father Sister Brother Rabbi
Imam Sheikh Sheik Shaikh Ayatollah Mullah Emir Sultan King Queen Prince Princess Duke Duchess Earl
Count Countess Baron Baroness Pope Cardinal Bishop Archbishop Pastor Saint St President Vice Premier
Prime Minister Ministers Chancellor Senator Sen Rep Representative Congressman Congresswoman
Governor Gov Mayor Judge Justice General Gen Colonel Col Captain Capt Lieutenant Lt Sergeant Sgt
Major Maj Admiral Adm Commander Cmdr Officer Detective Det Inspector Chief Superintendent
Constable Agent Deputy Secretary Ambassador Coach Mister Doctor Attorney Councillor Councilman
Councilwoman Commissioner Chairman Chairwoman Chair Speaker Leader Director Head Minister
Herr Frau Señor Señora Sr Sra Srta Don Doña Monsieur Madame Mme Mlle Signor Signora Dott Ing
Adv Advocate Trooper Pte Corporal Cpl Marshal Sheriff Dean Provost Rector Chef Kaiser Kanzler Kanzlerin
Bundeskanzler Bundeskanzlerin Präsident Präsidentin Ministerin Professorin Doktor Fürst Graf
Presidente Ministro Ministra Président Présidente Ministre Former Acting Interim Late
""".split())

# Capitalised function words, months, weekdays and the like: never a given name
# or a surname, and dropped from the start of a run ("When Navarro arrived").
STOPWORDS = frozenset(f.casefold() for f in """
The A An And But Or Nor So Yet For If When While Whilst Where Whereas Why How What Which Who Whom
Whose That This These Those There Here Then Than Thus Hence Also Although Though Because Since As
At In On Of Off To From By With Without Within Into Onto Upon About Above Below Before After During
Until Till Through Throughout Across Against Among Amongst Around Behind Beside Besides Between
Beyond Despite Except Inside Outside Over Under Unlike Via Per Like Near Not No Yes All Any Both
Each Every Few Many Most Much Some Such Other Another Only Just Even Still Already Now Today
Tonight Yesterday Tomorrow Meanwhile However Moreover Furthermore Nevertheless Instead Indeed
Perhaps Maybe Please Thanks Thank He She It We They I You His Her Its Our Their My Your Him Them
Us Me One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Is Are Was Were Be Been Being Has Have Had Do Does
Did Will Would Can Could Should Shall May Might Must Let Get Got Said Says Say Told Asked
Der Die Das Den Dem Des Ein Eine Einen Einem Einer Und Oder Aber Im Am Vom Zum Zur Mit Nach Bei
Auf Aus Für Über Unter Vor Wie Wo Was Wer Wenn Als Auch Noch Nur Schon Sie Er Es Wir Ihr Ich
Il Elle Les Un Une Des Et Ou Mais Pour Par Dans Sur Avec Sans Los Las Lo Uno Una Unos Unas Y O
Pero Por Para Con Sin En Sobre Entre Desde Hasta Como Cuando Donde
""".split())

# Run heads that make the run a place or an organisation, not a person.
_NOT_GIVEN = frozenset(f.casefold() for f in """
North South East West Northern Southern Eastern Western Central Upper Lower Greater Great Little
United Royal National International Federal State States Republic Democratic Republican
Saint Santa San Fort Port Mount Lake River Cape Bay Gulf Sea Ocean Island Islands Street Road
Avenue Square Park University College School Hospital Church Airport Station Bridge Hotel
Club Party Force Forces Army Navy Council Court Ministry Department Agency Bank Group Company
American British English Scottish Welsh Irish French German Italian Spanish Portuguese Dutch
Belgian Swiss Austrian Swedish Norwegian Danish Finnish Polish Czech Slovak Hungarian Romanian
Bulgarian Greek Turkish Russian Ukrainian Belarusian Georgian Armenian Azerbaijani Kazakh Uzbek
Iranian Iraqi Syrian Lebanese Israeli Palestinian Jordanian Saudi Emirati Qatari Kuwaiti Bahraini
Omani Yemeni Egyptian Libyan Tunisian Algerian Moroccan Sudanese Ethiopian Eritrean Somali Kenyan
Ugandan Tanzanian Rwandan Nigerian Ghanaian Senegalese Malian Congolese Angolan Zambian Zimbabwean
African Namibian Chinese Japanese Korean Taiwanese Vietnamese Thai Cambodian Malaysian Indonesian
Filipino Singaporean Indian Pakistani Afghan Bangladeshi Nepali Nepalese Burmese Australian
Canadian Mexican Cuban Brazilian Argentine Argentinian Chilean Peruvian Colombian Venezuelan
Bolivian Ecuadorian European Asian Arab Arabic Kurdish Kurd Persian Latin Hispanic Jewish Muslim
Christian Catholic Protestant Sunni Shia Shiite Islamic Western Eastern Soviet Nordic Baltic
""".split())

_NOT_SURNAME = STOPWORDS | TITLES | _PARTICLES_FOLDED

NAME_KINDS = frozenset({HEADLINE, ALT_HEADLINE, STANDFIRST, CAPTION, ATTRIBUTION}) | BODY_KINDS

# A run of capitalised words this long is a title or a list, not one name.
_MAX_RUN = 8

_FOLDED: dict[str, str] = {}


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form (memoised outside ASCII: names repeat)."""
    if text.isascii():
        # Lower-casing a word costs no more than looking it up, and a new word
        # (each article brings dozens) then costs no memo entry.
        return text.lower()
    out = _FOLDED.get(text)
    if out is None:
        out = unicodedata.normalize("NFKD", text)
        out = "".join(c for c in out if not unicodedata.combining(c)).replace("’", "'").casefold()
        if len(_FOLDED) < 200_000:
            _FOLDED[text] = out
    return out


# Words that, next to a bare surname, show it is a person ("Navarro said", "said Navarro").
_SPEECH = frozenset("""
said says say told tells added adds asked asks wrote writes explained explains argued argues noted
notes insisted insists warned warns admitted admits claimed claims replied replies recalled recalls
stressed stresses believes believed thinks thought wants wanted hopes hoped agreed agrees denied
denies confirmed confirms acknowledged acknowledges continued continues concluded concludes
has had have is was will would could can did does who whose himself herself
""".split())
_SAID = frozenset("said says told added asked wrote explained argued noted insisted warned admitted "
                  "claimed replied recalled stressed continued concluded".split())
_APPOSITION = re.compile(r",\s(?:a|an|the|who|whose|\d{1,3},)\s")
_NEXT_WORD = re.compile(r"[ \u00a0]*,?[ \u00a0]*([a-z]+)")
_PREV_WORD = re.compile(r"([a-z]+)[ \u00a0,]*$")


def speaks_raw(raw: tuple, units: list[TextUnit]) -> bool:
    """A speech verb right next to a mention ("Navarro said", "said Navarro"), for a
    mention kept as a tuple of its fields (Spelling.raw), in ``units`` (Spelling.units)."""
    return _person_context(units[raw[0]].text, raw[1], raw[2], speech_only=True)


def _person_context(text: str, start: int, end: int, speech_only: bool = False) -> bool:
    after = _NEXT_WORD.match(text, end)
    if after and speech_only:
        if after.group(1) in _SAID:
            return True
    elif after and (after.group(1) in _SPEECH or (after.group(1).endswith("ed") and len(after.group(1)) > 4)):
        return True
    before = _PREV_WORD.search(text, max(0, start - 20), start)
    return bool(before and before.group(1) in ("said", "says", "told", "asked", "added", "wrote"))


# A sentence's opening: the text before a mention, up to the first word, is empty
# or an opening quote or bracket, after a sentence's end (a full stop not after a
# lone initial, "J. Nowak"), or after a dateline's dash ("WARSAW — ").
_SENTENCE_BEFORE = re.compile(
    r"(?:^|(?<![\s.][A-Z])(?<!^[A-Z])[.!?]['\"’”)]*[ \u00a0]+|[—–][ \u00a0]*)[\"“‘'(\[]*$")
# Past tenses that say the word before them is someone who did something ("Nowak won").
_DID = frozenset("""
won took made held went became led lost beat broke came ran rode set left gave got kept met paid
saw sent spent struck stood told wrote thought found felt brought began chose drew fell fought flew
hit knew built bought sold spoke threw swam drove
""".split())


def opens_sentence_as_person(raw: tuple, units: list[TextUnit]) -> bool:
    """A surname alone at the start of a sentence that reads as a person: a possessive
    ("Nowak's attack ..."), a verb after it ("Nowak said", "Nowak attacked", "Nowak won"),
    or an apposition ("Nowak, 23, ..."). For a mention kept as a tuple (Spelling.raw)."""
    text, start, end = units[raw[0]].text, raw[1], raw[2]
    if not _SENTENCE_BEFORE.search(text, max(0, start - 12), start):
        return False
    if raw[7] or _APPOSITION.match(text, end):
        return True
    after = _NEXT_WORD.match(text, end)
    if after is None or text[end:after.start(1)].strip():
        return False  # (a comma after it: "Nowak, Kowalski and ...")
    word = after.group(1)
    return word in _SPEECH or word in _DID or (word.endswith("ed") and len(word) > 4)


def reads_as_person(raw: tuple, units: list[TextUnit]) -> bool:
    """A surname alone that reads as a person, anywhere in a sentence: at its start
    as opens_sentence_as_person says; inside it with a possessive ("after Nowak's
    goal"), an apposition of age or "who" ("Nowak, 23,"), a verb after it when a
    conjunction stands before it ("when Nowak attacked", "before Nowak won"; not
    "flights from Jordan resumed"), or as the doer of an action or a passive
    ("a header from Nowak", "a goal by Nowak", "was tripped by Nowak") when no
    lower-case noun follows ("by Nowak family members"). For a mention kept as a
    tuple (Spelling.raw)."""
    if opens_sentence_as_person(raw, units):
        return True
    text, start, end = units[raw[0]].text, raw[1], raw[2]
    if _INITIAL_BEFORE.search(text, max(0, start - 6), start):
        return False  # "J. Nowak": a name with an initial, not a surname alone
    if raw[7] and not _quoted(text, start, end) or _AGE_OR_WHO.match(text, end):
        return True
    after = _NEXT_WORD.match(text, end)
    if after is not None and text[end:after.start(1)].strip():
        after = None  # (a comma after it: "from Nowak, Kowalski and ...")
    word = after.group(1) if after is not None else ""
    verb = word in _SPEECH or word in _DID or (word.endswith("ed") and len(word) > 4)
    before = _PREV_WORD.search(text, max(0, start - 24), start)
    if before is None or text[before.end(1):start].strip():
        return False  # (a comma or nothing before it)
    if verb and before.group(1) in _CONJUNCTIONS:
        return True
    if before.group(1) in _PERSON_OBJECT:
        return not word or word in _AFTER_DOER
    if _DOER.search(text, max(0, start - 40), start) is None:
        return False
    return not word or word in _AFTER_DOER or verb


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the apostrophe after a word ending in s closes single quotes around it
    ("the ‘caso Nóos’"): no possessive."""
    if text.startswith(("'s", "’s"), end):
        return False
    return text.rfind("‘", max(0, start - 40), start) > text.rfind("’", max(0, start - 40), start)


_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.[ \u00a0]*$")
# "Nowak, 23," / "Nowak, who": an apposition only a person takes (mid-sentence,
# "in Karpacz, a town ..." would be a place's).
_AGE_OR_WHO = re.compile(r",\s(?:who|whose|\d{1,3},)\s")
_CONJUNCTIONS = frozenset("when after before until as while because since and but that if though "
                          "although once where so".split())
# The doer of an action ("a header from Nowak", "a goal by Nowak") or of a passive
# ("was tripped by Nowak"). A place comes after "from" too ("imports from Jordan"),
# so only nouns of actions a person does count before it.
_ACTIONS = ("header|goal|goals|shot|strike|cross|pass|penalty|kick|save|saves|tackle|try|tries|finish"
            "|volley|effort|brace|double|winner|equaliser|equalizer|assist|hat-trick|speech|remarks"
            "|comments|letter|email|interview|intervention|tweet|performance|display"
            "|innings|century|knock|ride|lap|serve|ace|dunk|catch|throw|punch")
_DOER = re.compile(rf"\b(?:(?:{_ACTIONS})[ \u00a0]+(?:by|from)|[a-z]{{2,}}ed[ \u00a0]+by"
                   r"|(?:made|taken|given|written|thrown|struck|hit)"
                   r"[ \u00a0]+by)[ \u00a0]+$")
# Verbs whose object is a person ("the manager replaced Nowak at half-time"; not
# "visited Jordan", "beat Jordan": places and teams are visited and beaten).
_PERSON_OBJECT = frozenset("""
replaced replace replaces appointed appoints sacked sacks fired fires hired hires promoted promotes
arrested charged sentenced convicted acquitted praised praises thanked thanks congratulated
criticised criticized criticises criticizes accused accuses interviewed fouled tripped substituted
nominated endorsed endorses succeeded succeeds married divorced elected
""".split())
# What may follow the doer: a small word or punctuation, not a noun it qualifies.
_AFTER_DOER = frozenset("""
in on at to for after before with into from by and or but as than then when while during
""".split())


@dataclass(slots=True)
class Mention:
    """One mention of a surname, possibly with a given name before it."""

    unit: TextUnit
    start: int  # span of the surname word itself (no possessive, no particles)
    end: int
    surname: str  # as written
    key: str  # folded, equivalences applied
    given: str | None  # folded given name for full mentions
    titled: bool  # a title or honorific stands before the surname
    possessive: bool
    order: int  # document order

    @property
    def full(self) -> bool:
        return self.given is not None

    @property
    def target(self):
        return self.unit.span(self.start, self.end)

    @property
    def person_like(self) -> bool:
        """A title before it, a possessive, a speech verb next to it ("Navarro said"), or
        for a full name an apposition ("Maria Navarro, the city's housing chief", "..., 67,")."""
        return _person_like(self.unit.text, self.start, self.end, self.given, self.titled, self.possessive)


def _person_like(text: str, start: int, end: int, given: str | None, titled: bool, possessive: bool) -> bool:
    """Mention.person_like, from the mention's fields."""
    return (titled or possessive or _person_context(text, start, end)
            or (given is not None and _APPOSITION.match(text, end) is not None))


_NO_GIVENS: frozenset[str] = frozenset()


class Spelling:
    """Every mention of one spelling of a surname.

    Mentions are kept as plain tuples (Mention's fields, in order, but the
    unit's place in ``units`` for the unit): most spellings are never looked at
    closely, so their Mention objects are only built on demand. (A plain class
    with slots: an article has thousands.)

    A long article's reading is thousands of these, alive to the end of the
    request, so they hold as few objects the cyclic garbage collector must visit
    as they can: it stops tracking a tuple of plain values (hence the unit's
    index), and then a tuple of such tuples; and the many spellings without a
    given name share one empty frozenset.
    """

    __slots__ = ("key", "raw", "givens", "units", "_mentions")

    def __init__(self, key: str, units: list[TextUnit], raw: tuple[tuple, ...],
                 givens: set[str] | frozenset[str] = _NO_GIVENS):
        self.key = key
        self.raw = raw
        self.givens = givens
        self.units = units  # the article's units, by index
        self._mentions: list[Mention] | None = None

    def __repr__(self) -> str:
        return f"Spelling({self.key!r}, {len(self.raw)} mentions)"

    @property
    def mentions(self) -> list[Mention]:
        if self._mentions is None or len(self._mentions) != len(self.raw):
            units = self.units
            self._mentions = [Mention(units[t[0]], *t[1:]) for t in self.raw]
        return self._mentions

    # (The properties below read the tuples: every spelling near another is
    # weighed, and few of them are ever looked at mention by mention.)

    @property
    def written(self) -> str:
        """The most common way this spelling is written."""
        counts: dict[str, int] = {}
        for t in self.raw:
            counts[t[3]] = counts.get(t[3], 0) + 1
        # (A tie goes to the form written first: max keeps the first of equals, and
        # the counts are in the order the forms were first met.)
        return max(counts, key=counts.__getitem__)

    @property
    def weight(self) -> int:
        """Mentions of a spelling, counting a repeated caption once."""
        units = self.units
        captions = [units[t[0]].text for t in self.raw if units[t[0]].kind == CAPTION]
        return len(self.raw) - len(captions) + len(set(captions))

    @property
    def in_body(self) -> bool:
        """Whether the body (not only a caption, headline, ...) writes it so."""
        units = self.units
        return any(units[t[0]].kind in BODY_KINDS for t in self.raw)

    @property
    def first_order(self) -> int:
        """Mention.order of its first mention."""
        return self.raw[0][8]


@dataclass
class NameGroup:
    """One person's surname, written in more than one way."""

    majority: Spelling
    variants: list[Spelling]  # every other spelling, each one or two edits from the majority

    @property
    def spellings(self) -> list[Spelling]:
        return [self.majority, *self.variants]


@dataclass
class Names:
    """Every name mention of an article, by spelling, and what else it takes to judge them."""

    spellings: dict[str, Spelling]
    inner: set[str]  # folded words seen before the last word of a run ("Korean" in "Korean War")
    text: str  # all the units' text (each distinct text once), for looking up a word in lower case
    _lower: LowerCaseWords | None = None
    _looked_up: dict[str, bool] = field(default_factory=dict)
    _near: list[tuple[str, str, int]] | None = None  # near_pairs over every spelling, once
    _real_givens: dict[str, set[str]] = field(default_factory=dict)  # (for spelling_groups)

    def near_pairs(self) -> list[tuple[str, str, int]]:
        """near_pairs() over every spelling, computed once: both name families ask for them."""
        if self._near is None:
            self._near = near_pairs(self.spellings)
        return self._near

    @property
    def mentions(self) -> list[Mention]:
        return sorted((m for s in self.spellings.values() for m in s.mentions), key=lambda m: m.order)

    def expect_lookups(self, words: Iterable[str]) -> None:
        """Tokenise the text now if looking up ``words`` (those not looked up yet)
        would pass the searches' limit: the searches before it would be wasted."""
        if self._lower is None:
            new = {word.lower() for word in words}.difference(self._looked_up)
            if len(self._looked_up) + len(new) > _searches(self.text):
                self._lower = LowerCaseWords(self.text)

    def written_in_lower_case(self, word: str) -> bool:
        low = word.lower()
        found = self._looked_up.get(low)
        if found is None:
            # Most words looked up never occur in lower case at all, and a plain
            # substring search settles those (and clear hits) without
            # tokenising the whole text. Past a few dozen look-ups (a long
            # article) tokenising once is cheaper than searching again and again.
            if self._lower is None and len(self._looked_up) < _searches(self.text):
                found = _lower_case_hit(self.text, low)
                if found is None and not _has_odd_lower(self.text):
                    found = _whole_word(low).search(self.text) is not None
            if found is None:
                if self._lower is None:
                    self._lower = LowerCaseWords(self.text)
                found = low in self._lower
            self._looked_up[low] = found
        return found


# A whole word of lower-case letters. (The first letter is matched before the look
# behind at the character before it: a leading character class lets the regex
# engine skip spaces, capitals and punctuation without trying the look-behind.)
_LOWER_WORD = re.compile(rf"[{_LO}](?<![\w'’-].)[{_LO}]*(?![\w'’-])")
_LOWER_SET = frozenset(_LOWER)

# For LowerCaseWords: of the text's UTF-8 bytes, ASCII lower-case letters are
# kept, the other ASCII characters _LOWER_WORD refuses next to a word (letters,
# digits, "_", "'", "-") become "_", the rest of ASCII a space, and the bytes of
# other characters are kept as they are.
_LOWER_WORD_BYTES = bytes(
    c if 97 <= c <= 122 or c >= 128 else 95 if chr(c).isalnum() or chr(c) in "_'-" else 32
    for c in range(256))


class LowerCaseWords:
    """The words _LOWER_WORD finds in a text, to look words up in, collected
    mostly in C (the regex is about twice as slow over a long article).

    The text's bytes, mapped by _LOWER_WORD_BYTES, split at spaces: a piece of
    ASCII lower-case letters alone is a word _LOWER_WORD finds (it stands
    between characters that it does not refuse, or at an end), and one with a
    "_" holds none. Only pieces with other characters (a curly apostrophe, an
    accent, a no-break space) are left to the regex, and the text stays the same
    for it: characters it refuses next to a word become one it refuses too.
    """

    __slots__ = ("_ascii", "_other")

    def __init__(self, text: str):
        start = text[:4096]
        if len(start.encode("utf-8", "surrogatepass")) - len(start) > len(start) // 8:
            # Much of it in other scripts (Arabic, Cyrillic, Greek, ...), by its
            # start: most pieces would go to the regex anyway, which passes over
            # what is not a lower-case letter at C speed.
            self._ascii: dict[bytes, None] = {}
            self._other = dict.fromkeys(_LOWER_WORD.findall(text))
            return
        # (Dicts, not sets: a dict of nothing but strings or bytes is left alone by
        # the garbage collector, where a set of 20,000 pieces is walked by every
        # collection while the reading lives.)
        pieces = dict.fromkeys(text.encode("utf-8", "surrogatepass").translate(_LOWER_WORD_BYTES).split())
        self._ascii = pieces  # (as bytes: only the few words looked up are encoded)
        other = [piece for piece in pieces if not piece.isascii()]
        self._other = dict.fromkeys(_LOWER_WORD.findall(b" ".join(other).decode("utf-8", "surrogatepass")))

    def __contains__(self, word: str) -> bool:
        if word in self._other:
            return True
        # (ASCII letters, all lower case: bytes.isalpha and islower know only ASCII)
        return word.isascii() and word.isalpha() and word.islower() and word.encode() in self._ascii


def _searches(text: str) -> int:
    """How many substring searches cost less than tokenising ``text`` once: the
    tokeniser is a hundred or so times slower per character than a search."""
    return max(4, min(32, 2_000_000 // (len(text) + 1)))


def _lower_case_hit(text: str, word: str) -> bool | None:
    """False if ``word`` is not in ``text`` at all; True if it stands there as a whole
    lower-case word (so _LOWER_WORD would find it); None when unsure."""
    at = text.find(word)
    if at == -1 or not word:
        return False
    lower = _LOWER_SET
    if any(c not in lower for c in word):
        return False  # _LOWER_WORD finds only lower-case letters
    n = len(word)
    unsure = False
    for _ in range(8):  # a word hidden inside many others: let the tokeniser decide
        end = at + n
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if _glues(before) or _glues(after):
            pass
        elif before in lower or after in lower:
            unsure = True  # a lower-case mark that is no word character: rare, leave it to the regex
        else:
            return True
        at = text.find(word, at + 1)
        if at == -1:
            return None if unsure else False  # every occurrence is inside a longer word
    return None


# Lower-case letters that are no word characters (U+0345): next to one, a
# whole-word search and _LOWER_WORD could disagree, so the tokeniser decides.
_ODD_LOWER = re.compile("[" + "".join(re.escape(c) for c in _LOWER if not re.match(r"[\w'’-]", c)) + "]")


def _has_odd_lower(text: str) -> bool:
    return _ODD_LOWER.search(text) is not None


@lru_cache(maxsize=1024)
def _whole_word(word: str) -> re.Pattern[str]:
    """``word`` standing alone as _LOWER_WORD sees it (the literal first, for a fast scan)."""
    esc = re.escape(word)
    return re.compile(rf"{esc}(?<![\w'’-]{esc})(?![\w'’-])")


def _glues(c: str) -> bool:
    """A character that _LOWER_WORD's look-arounds refuse next to a word."""
    return c.isalnum() or c in "_'’-"


def name_units(article: Article) -> list[TextUnit]:
    # The article already knows which body units are page furniture.
    body = {id(u) for u in article.body_units()}
    return [u for u in article.units()
            if u.kind in NAME_KINDS and u.text and (u.kind not in BODY_KINDS or id(u) in body)]


_SINGLE: dict[str, str] = {}


def _single_key(word: str) -> str:
    """A one-word run's folded surname key, or "" when it cannot be a surname
    (memoised: the same capitalised words recur in every article)."""
    key = fold(word)
    if key in _NOT_SURNAME or len(key) < 2:
        key = ""
    if len(_SINGLE) < 200_000:
        _SINGLE[word] = key
    return key


# Mention.order is the unit's place in the article, then the run's place in the
# unit, so readings of different units of one article merge in document order.
_ORDER_SHIFT = 32


def read_names(article: Article, equivalents: dict[str, str] | None = None,
               kinds: frozenset[str] = NAME_KINDS) -> Names:
    """Every name mention in the article's headline, standfirst, body, quotes and captions
    (or in the units of ``kinds`` only).

    Both name families read the same article in one request, so each reading is
    shared through ``Article.derived``; a reading of every kind made after the
    captions-only one reads only the rest and adds the captions' reading.
    """
    key = _reading_key(equivalents, kinds)
    return article.derived(key, lambda: _new_reading(article, equivalents, kinds))


_CAPTIONS_ONLY = frozenset({CAPTION})


def _new_reading(article: Article, equivalents: dict[str, str] | None, kinds: frozenset[str]) -> Names:
    # caption-agreement reads the captions alone first and often stops there; a
    # reading of every kind then only needs the rest (captions are a good part
    # of the reading: each is also searched for a photo credit).
    captions = article.derived(_captions_key(equivalents), dict)
    if kinds == NAME_KINDS and captions:
        return _read_names(article, equivalents, NAME_KINDS - _CAPTIONS_ONLY, captions["reading"])
    names = _read_names(article, equivalents, kinds, None)
    if kinds == _CAPTIONS_ONLY:
        captions["reading"] = names
    return names


def _reading_key(equivalents: dict[str, str] | None, kinds: frozenset[str]) -> tuple:
    return ("names.read_names", tuple(sorted((equivalents or {}).items())), kinds)


def _captions_key(equivalents: dict[str, str] | None) -> tuple:
    """Where the captions-only reading is kept for _new_reading (a dict, empty until there is one)."""
    return ("names.captions_reading", tuple(sorted((equivalents or {}).items())))


def _read_names(article: Article, equivalents: dict[str, str] | None, kinds: frozenset[str],
                add_to: Names | None) -> Names:
    from checks.credits import find_inline_credit

    equivalents = equivalents or {}
    mentions: dict[str, list[tuple]] = {}  # key -> Spelling.raw, in document order
    givens: dict[str, set[str]] = {}
    inner: set[str] = set()
    units = [u for u in name_units(article) if u.kind in kinds]
    all_units = article.units()  # (a unit's index is its place there)
    glued, single, runs = _GLUED, _SINGLE, _RUNS
    # A gallery repeats captions: each caption text is read once, and a unit that
    # repeats it gets the same mentions at its own place (its index and order).
    caption_mentions: dict[str, tuple[int, list[tuple]]] = {}  # text -> first unit's index, mentions
    for unit in units:
        text = unit.text
        text_end = len(text)
        read = None  # the mentions of a caption read for the first time
        if unit.kind == CAPTION:
            earlier = caption_mentions.get(text)
            if earlier is not None:
                first, read_there = earlier
                index = unit.index
                shift = (index - first) << _ORDER_SHIFT
                for t in read_there:
                    mentions[t[4]].append((index, *t[1:8], t[8] + shift))
                continue
            read = []
            caption_mentions[text] = (unit.index, read)
            # The caption proper: a trailing credit names a photographer, not the story's people.
            credit = find_inline_credit(text)
            if credit is not None:
                text_end = credit.start
        headline = unit.kind == HEADLINE or unit.kind == ALT_HEADLINE
        index = unit.index
        order = index << _ORDER_SHIFT
        for match in _RUN.finditer(text, 0, text_end):
            # The spans of the run and of its possessive, in one attribute look-up.
            (start, end), (poss, _) = match.regs
            if start and text[start - 1] in glued:
                continue  # inside a word, a URL or an abbreviation
            if poss >= 0:
                end = poss
            whole = text[start:end]
            order += 1
            # One word: the common case. The memo holds only single words, so a
            # hit needs no look for a space.
            key = single.get(whole)
            if key is None and " " not in whole and "\u00a0" not in whole:
                key = _single_key(whole)
            if key is not None:
                if not key:
                    continue
                if equivalents:
                    key = equivalents.get(key, key)
                raw = mentions.get(key)
                if raw is None:
                    raw = mentions[key] = []
                mention = (index, start, end, whole, key, None, False, poss >= 0, order)
                raw.append(mention)
                if read is not None:
                    read.append(mention)
                continue
            # Several words: what they say depends only on the run's own text,
            # and names recur, so each distinct run is taken apart once.
            run_inner, found = runs.get(whole) or _read_run(whole)
            inner.update(run_inner)
            if found is None:
                continue
            s_start, s_end, surname, key, given, titled = found
            if headline:
                given = None  # Title Case: a headline's capitals say nothing about given names
            key = equivalents.get(key, key)
            raw = mentions.get(key)
            if raw is None:
                raw = mentions[key] = []
            mention = (index, start + s_start, start + s_end, surname, key, given, titled,
                       poss >= 0, order)
            raw.append(mention)
            if read is not None:
                read.append(mention)
            if given:
                givens.setdefault(key, set()).add(given)
    spellings = {key: Spelling(key, all_units, tuple(raw), givens.get(key, _NO_GIVENS))
                 for key, raw in mentions.items()}
    if add_to is not None:
        return _merged(add_to, spellings, inner, units)
    return Names(spellings, inner, _texts(units))


_RUNS: dict[str, tuple] = {}


def _read_run(whole: str) -> tuple:
    """A run of several words, taken apart: (folded words before the last, surname
    or None). The surname is (start, end, as written, folded key, given name, titled),
    with offsets into the run; the given name is as read outside a headline.
    (Memoised: the same names recur within and across articles.)"""
    # The words, less initials ("John F. Kennedy") and a title's full stop. Only
    # the last word (never an initial, never followed by a full stop: a run ends
    # with a word) needs its place: it ends the run.
    words = [word.rstrip(".") for word in whole.split() if len(word) != 2 or word[1] != "."]
    size = len(words)
    out: tuple = ((), None)
    if size <= _MAX_RUN:  # (longer: a title or a list, not one name)
        # Each word folded once, then looked at by position. (Most words are plain
        # ASCII, folded by lower(): cheaper than a memo look-up and a new entry.)
        keys = [word.lower() if word.isascii() else fold(word) for word in words]
        inner = tuple(keys[:-1])
        out = (inner, None)
        # Drop function words from the start ("When Navarro arrived").
        first = 0
        while first < size and keys[first] in STOPWORDS:
            first += 1
        key = keys[-1]
        if first < size and key not in _NOT_SURNAME and len(key) >= 2:
            given = None
            titled = False
            k = size - 2
            while k >= first and keys[k] in _PARTICLES_FOLDED:
                k -= 1  # "Qasim Al Araji": the particle belongs to the surname
            al_given = k < first and size - first == 2 and words[first] == "Al"  # "Al Gore"
            if al_given:
                k = first
            if k >= first:
                head = keys[k]
                if head in TITLES:
                    titled = True
                elif (head not in STOPWORDS and head not in _NOT_GIVEN
                      and (al_given or head not in _PARTICLES_FOLDED)):
                    given = head
            surname = words[-1]
            out = (inner, (len(whole) - len(surname), len(whole), surname, key, given, titled))
    if len(_RUNS) < 100_000:  # (runs vary more than words, and their readings are bigger)
        _RUNS[whole] = out
    return out


_RAW_ORDER = itemgetter(8)  # Mention.order in a raw mention (a C-level key: long galleries merge thousands)


def _merged(earlier: Names, spellings: dict[str, Spelling], inner: set[str],
            units: list[TextUnit]) -> Names:
    """``earlier`` and a reading of other units, as one reading in document order."""
    for key in spellings.keys() & earlier.spellings.keys():
        # The new reading's Spelling is this call's own, so it may take the earlier
        # mentions (``earlier``'s own are left as they are: it still owns them).
        spelling, before = spellings[key], earlier.spellings[key]
        spelling.raw = tuple(sorted(before.raw + spelling.raw, key=_RAW_ORDER))
        spelling.givens |= before.givens  # (a new frozenset if it had none)
    out = {**earlier.spellings, **spellings}  # (a key keeps the earlier reading's place)
    # Names.text is only searched for whole words, so the order of its parts is free.
    return Names(out, earlier.inner | inner, earlier.text + "\n" + _texts(units))


def _texts(units: list[TextUnit]) -> str:
    """The units' text for Names.text, each distinct text once: it is only searched for
    whole words, and a gallery repeats its captions (tokenising it is a good part
    of a long article's spelling check)."""
    return "\n".join(dict.fromkeys(u.text for u in units))


def equivalence_map(groups: Iterable[Iterable[str]] | None) -> dict[str, str]:
    """Folded spelling -> the folded first spelling of its declared group."""
    out: dict[str, str] = {}
    for group in groups or ():
        if isinstance(group, str):
            continue
        names = [fold(n).strip() for n in group if isinstance(n, str) and n.strip()]
        # A declared variant may be a full name; its last word is the surname.
        names = [n.split()[-1] for n in names if n.split()]
        for name in names[1:]:
            out[name] = names[0]
        if names:
            out.setdefault(names[0], names[0])
    return out


# -- near spellings -------------------------------------------------------

def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of neighbours is one edit), capped at limit+1."""
    if a == b:
        return 0
    # Only the differing middle matters.
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    n = min(len(a), len(b))
    j = 0
    while j < n and a[-1 - j] == b[-1 - j]:
        j += 1
    if j:
        a, b = a[:-j], b[:-j]
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    if not la or not lb:
        return max(la, lb)
    if limit == 1:
        # The middles differ at both ends, so one edit leaves one letter each
        # (a substitution) or two letters swapped; anything else is two or more.
        return 1 if la == lb == 1 or (la == lb == 2 and a[0] == b[1] and a[1] == b[0]) else 2
    if limit == 2:
        return _middle_distance_2(a, b, la, lb)
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        best = i
        ai = a[i - 1]
        for j in range(1, lb + 1):
            v = prev[j - 1] + (ai != b[j - 1])
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1] and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v
            if v < best:
                best = v
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[lb], limit + 1)


# One edit at either end of a middle: (letters of a, letters of b) it takes.
_SUBSTITUTE, _DELETE, _INSERT, _SWAP = (1, 1), (1, 0), (0, 1), (2, 2)


def _middle_distance_2(a: str, b: str, la: int, lb: int) -> int:
    """distance(..., limit=2) of two middles that differ in their first and in their
    last letter (the alignment table, read as edit scripts, without filling it in).

    The first letters differ, so the first step of any alignment is an edit, and so
    is the last; with two edits or fewer, either one edit spans both middles (a
    letter for a letter, or two swapped), or the first and the last are two edits
    with only matching letters between them.
    """
    if la == lb and (la == 1 or (la == 2 and a[0] == b[1] and a[1] == b[0])):
        return 1
    if la > 4 and a[2:la - 2] not in b:
        return 3  # two edits, one at each end, leave all but two letters at each end as they are
    fronts = [_SUBSTITUTE, _DELETE, _INSERT]
    if la > 1 and lb > 1 and a[0] == b[1] and a[1] == b[0]:
        fronts.append(_SWAP)
    backs = [_SUBSTITUTE, _DELETE, _INSERT]
    if la > 1 and lb > 1 and a[-1] == b[-2] and a[-2] == b[-1]:
        backs.append(_SWAP)
    shift = la - lb
    for i, j in fronts:
        for k, m in backs:
            if (i - j) + (k - m) == shift and i + k <= la and j + m <= lb and a[i:la - k] == b[j:lb - m]:
                return 2
    return 3


def allowed_edits(a: str, b: str) -> int:
    """How many edits two spellings may differ by and still be one name."""
    shorter = min(len(a), len(b))
    if shorter >= 7:
        return 2
    if shorter >= 4:
        return 1
    return 0


# Endings that make a different word from the same stem: plurals and adjectives
# ("the Obamas", "Israel"/"Israeli"); "Korea"/"Korean" is handled below.
_SUFFIXES = ("s", "es", "ian", "i", "ese", "ns", "ans", "ish", "ic")


def _stem_related(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_.startswith(short) and (long_[len(short):] in _SUFFIXES
                                    or (short.endswith("a") and long_[len(short):] == "n")):
        return True
    return False


def has_stem_relative(key: str, spellings: dict[str, Spelling]) -> bool:
    """Whether ``spellings`` holds ``key`` with a plural or adjective ending ("jordan"
    and "jordanian"): _stem_related(key, other) for some longer ``other``. Those
    endings are few, so each is looked up, not every spelling scanned (a long
    article has thousands, and every early surname asks)."""
    if any(key + ending in spellings for ending in _SUFFIXES):
        return True
    return key.endswith("a") and key + "n" in spellings


# An odd spelling has at most two mentions (a repeated caption counts once); this
# many raw mentions is the most a pair may have on both sides and still be compared.
_RARE_RAW = 6


def near_pairs(spellings: dict[str, Spelling], keys: Iterable[str] | None = None,
               anchors: Iterable[str] | None = None) -> list[tuple[str, str, int]]:
    """(key, anchor, edits) for every spelling one or two edits from a full-name surname
    (anchor), with distance(key, anchor).

    Anchors are indexed by short signatures (each bucket sorted by length):
    their first two letters, their last two letters, and for short names their
    first and last letters. A slip of one letter leaves one of them intact (a
    swap of the first two letters keeps the ending), and so do most slips of two
    letters in a long name; so a spelling is compared only with the few anchors
    that share a signature and a close length, after a letter-set check; the
    work grows with the number of distinct words.
    ``keys`` limits the spellings looked up, ``anchors`` the anchors indexed.
    """
    # signature -> anchors, shortest first (an anchor's place among those of its
    # length is the order it was given in); most of a spelling's signatures match
    # no anchor at all, so one look-up per signature settles them.
    index: dict[str, list[tuple[int, int, str, str, bool, int]]] = {}  # see ``entry`` below
    # First letter -> shortest and longest anchor: a key is only ever compared with
    # an anchor that starts with its first or second letter and is at most two
    # letters longer or shorter, so a new word (no memoised signatures yet) is
    # mostly settled without making its signatures.
    spans: dict[str, tuple[int, int]] = {}
    # Anchor -> its probes that are not its own signatures.
    foreign: dict[str, tuple[str, ...]] = {}
    for anchor in (spellings if anchors is None else anchors):
        spelling = spellings[anchor]
        if spelling.givens and len(anchor) >= 4:
            signatures, swapped, letters, doubled, foreign[anchor] = (_ANCHORS.get(anchor)
                                                                      or _anchor_reading(anchor))
            size = len(anchor)
            entry = (size, letters, anchor, swapped, len(spelling.raw) > _RARE_RAW, doubled)
            for signature in signatures:
                bucket = index.get(signature)
                if bucket is None:
                    index[signature] = [entry]
                else:
                    bucket.append(entry)
            low, high = spans.get(anchor[0], (size, size))
            spans[anchor[0]] = (min(low, size), max(high, size))
    if not index:
        return []
    # Anchors that share a bucket with another (or the same) entry: any other
    # anchor's probes hit only buckets holding nothing but that anchor itself.
    crowded: set[str] = set()
    for bucket in index.values():
        if len(bucket) > 1:
            bucket.sort(key=_entry_length)  # stable: the given order within a length
            crowded.update(entry[2] for entry in bucket)
    indexed = index.keys()
    probes_memo, masks = _PROBES, _MASKS
    out = []
    for key in (spellings if keys is None else keys):
        size = len(key)
        if size < 4:
            continue
        probes = probes_memo.get(key)
        if probes is None:
            span = spans.get(key[0])
            if span is None or not span[0] - 2 <= size <= span[1] + 2:
                span = spans.get(key[1])
                if span is None or not span[0] - 2 <= size <= span[1] + 2:
                    continue  # no anchor starts right and is of a close length
            probes = _probe_signatures(key)
        if indexed.isdisjoint(probes):
            continue  # the common case, settled in C
        own = foreign.get(key)
        if own is not None and key not in crowded and indexed.isdisjoint(own):
            continue  # an anchor that only finds itself: most anchors, in most articles
        reach = 2 if size >= 7 else 1
        # Anchors of a length within the edits allowed (two letters more or
        # fewer only when both have seven or more: see allowed_edits).
        low, high = size - (2 if size >= 9 else 1), size + reach
        letters, doubled = masks.get(key) or _masks(key)
        most = 2 * reach
        # Anchors of a close length with nearly the same letters (the letter
        # sets differ by at most two per edit), other than the key itself, from
        # every bucket probed, in order: most buckets hold only the key, or
        # anchors that fail these tests, so this is one comprehension per key.
        close = [entry for signature in probes for entry in index.get(signature, ())
                 if low <= entry[0] <= high and (entry[1] ^ letters).bit_count() <= most
                 and entry[2] != key]
        if not close:
            continue
        seen: set[str] = set()  # (an anchor may share more than one signature with the key)
        rare = len(spellings[key].raw) <= _RARE_RAW
        first, first2 = key[0], key[:2]
        for length, anchor_letters, anchor, swapped, common, anchor_doubled in close:
            if anchor in seen:
                continue
            seen.add(anchor)
            if common and not rare:
                continue
            if first != anchor[0] and first2 != swapped:
                continue  # a slip keeps the first letter or swaps the first two
            allowed = 2 if size >= 7 and length >= 7 else 1  # allowed_edits(key, anchor)
            if (anchor_letters ^ letters).bit_count() + (anchor_doubled ^ doubled).bit_count() > 2 * allowed:
                continue  # the letters, counted up to two, differ more than the allowed edits can make
            edits = distance(key, anchor, allowed)  # (the exact distance, when within)
            if edits <= allowed:
                out.append((key, anchor, edits))
    return out


def _entry_length(entry: tuple) -> int:
    return entry[0]


# Each letter seen gets a bit, so the letters two words do not share are the
# bits set in the exclusive-or of their masks.
_LETTER_BITS: dict[str, int] = {}
_MASKS: dict[str, tuple[int, int]] = {}


def _masks(word: str) -> tuple[int, int]:
    """``word``'s letters, and the letters it writes twice or more, each as a set
    of bits (memoised: words recur across articles).

    Together, the letters counted up to two: an edit changes one letter's count
    by one (a substitution two letters', a swap none), so it changes at most two
    bits of the two masks together, and two spellings within ``e`` edits differ
    in at most ``2 * e`` of them. (These tests only spare distance() calls that
    would fail anyway.) Most pairs that pass the letter-set test but not
    distance() fail the doubled one (about two in three on a long article): a
    letter doubled in one and single in the other."""
    out = _MASKS.get(word)
    if out is None:
        # One pass over the letters: each name an article brings that no earlier
        # article had comes here (a set, then a count per letter, cost five times more).
        bits = _LETTER_BITS
        letters = doubled = 0
        for c in word:
            bit = bits.get(c)
            if bit is None:
                bit = bits[c] = 1 << len(bits)
            doubled |= letters & bit  # (seen before: written twice or more)
            letters |= bit
        out = (letters, doubled)
        if len(_MASKS) < 200_000:
            _MASKS[word] = out
    return out


_ANCHORS: dict[str, tuple[tuple[str, ...], str, int, int, tuple[str, ...]]] = {}


def _anchor_reading(anchor: str) -> tuple[tuple[str, ...], str, int, int, tuple[str, ...]]:
    """What indexing ``anchor`` takes: its signatures (an ending alone would pair
    every name that ends alike, so the first letter is put before it; see
    _probe_signatures), its first two letters swapped, its letters and its doubled
    letters, and its probes that are not its signatures (memoised: names recur
    across articles)."""
    # First two letters, first letter and last two, and for short words (where a swap
    # in the middle can touch both ends) first and last letter: never the same string.
    signatures = ("<" + anchor[:2], anchor[0] + anchor[-2:] + ">")
    if len(anchor) <= 5:
        signatures += (anchor[0] + anchor[-1],)
    foreign = tuple([p for p in _probe_signatures(anchor) if p not in signatures])
    letters, doubled = _masks(anchor)
    out = (signatures, anchor[1::-1], letters, doubled, foreign)
    if len(_ANCHORS) < 200_000:
        _ANCHORS[anchor] = out
    return out


_PROBES: dict[str, tuple[str, ...]] = {}


def _probe_signatures(key: str) -> tuple[str, ...]:
    """The signatures a spelling is looked up by (memoised: words repeat across articles)."""
    out = _PROBES.get(key)
    if out is None:
        # First two letters; the last two after the first letter and after the
        # second (an anchor sharing the ending is compared only if it keeps the
        # first letter or swaps the first two, so it starts with key[0] or key[1]);
        # and first and last letter up to six letters. (Written out: this runs for
        # every new word.)
        ending = key[-2:] + ">"
        found = {"<" + key[:2], key[0] + ending, key[1] + ending}
        if len(key) <= 6:
            found.add(key[0] + key[-1])
        out = tuple(sorted(found))
        if len(_PROBES) < 200_000:
            _PROBES[key] = out
    return out


def spelling_groups(names: Names, language: str = "en", keys: Iterable[str] | None = None) -> list[NameGroup]:
    """People whose surname is written two ways, one or two edits apart.

    (With ``keys``, only groups that include one of those spellings are looked for.)

    A group needs a full-name mention ("Maria Navarro") on one side. Two full
    names with different given names are different people (Karin Nilsen, Erik
    Nielsen). A spelling the article also writes in lower case, or that is a
    common word of the language, is a word and not a misspelt name; one that
    only differs by an ending is a different word (Korea/Korean, Obama/Obamas).
    The odd spelling must be rare (at most two mentions) and rarer than the
    majority, or as rare but without the full name the majority has; and
    something must say it is a person (a title, a possessive, a speech verb, or
    the majority spelling used alone elsewhere).

    In languages that capitalise nouns or inflect names (German, Czech, ...)
    the odd spelling must also be marked as a name (a title before it, or the
    same given name) and differ before its last two letters.
    """
    spellings = names.spellings
    english = language == "en"
    real = names._real_givens

    def givens(s: Spelling) -> set[str]:
        """Given names, less words the article also writes in lower case ("Policy Center")."""
        if s.key not in real:
            real[s.key] = {g for g in s.givens if not names.written_in_lower_case(g)}
        return real[s.key]

    # Each spelling links to its nearest full-name surnames only ("Harriis" to
    # "Harris", not also to "the Harrises").
    nearest: dict[str, list[tuple[int, str]]] = {}
    pairs = names.near_pairs()
    if keys is not None:
        # Pairs with one of ``keys`` on either side. Filtering the pairs of every
        # spelling finds the same ones; those are computed once per reading and
        # shared with name-consistency, which needs them all.
        wanted = set(keys)
        pairs = [pair for pair in pairs if pair[0] in wanted or pair[1] in wanted]
    pairs = list(dict.fromkeys(pairs))
    # Each given name of a paired spelling is looked up in lower case below: many
    # (a long gallery) are settled at once by one tokenising of the text.
    names.expect_lookups(g for pair in pairs for key in pair[:2] if key not in real
                         for g in spellings[key].givens)
    for key, anchor, edits in pairs:
        if _stem_related(key, anchor):
            continue
        a, b = spellings[key], spellings[anchor]
        if not givens(b):
            continue
        if givens(a) and not (givens(a) & givens(b)):
            continue  # two full names, different given names: two people
        nearest.setdefault(key, []).append((edits, anchor))
    links: dict[str, set[str]] = {}
    for key, found in nearest.items():
        best = min(d for d, _ in found)
        for d, anchor in found:
            if d == best:
                links.setdefault(key, set()).add(anchor)
                links.setdefault(anchor, set()).add(key)
    seen: set[str] = set()
    groups = []
    for start in sorted(links):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            k = stack.pop()
            comp.append(k)
            for other in links[k]:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        members = [spellings[k] for k in sorted(comp)]
        full = [s for s in members if givens(s)]
        if len(full) > 1 and not set.intersection(*(givens(s) for s in full)):
            continue  # near surnames of people with different given names
        weights = {s.key: s.weight for s in members}
        in_body = {s.key: s.in_body for s in members}
        # The most mentions wins; in a tie the body's spelling beats a caption's
        # (the body is what the caption must agree with), then a full name wins.
        rank = {s.key: (weights[s.key], in_body[s.key], bool(givens(s))) for s in members}
        majority = max(members, key=lambda s: (rank[s.key], -s.first_order))
        # Spellings near the majority are its variants; one only near another variant
        # ("Sharig" and "Sharfi" both near "Sharif") is judged against the majority alone.
        members = [s for s in members
                   if s is majority or distance(s.key, majority.key, 2) <= allowed_edits(s.key, majority.key)]
        variants = []
        for s in members:
            if s is majority:
                continue
            if rank[s.key] == rank[majority.key]:
                break  # no clear majority
            if weights[s.key] > 2:
                break  # written that way again and again: deliberate
            if not english and not _name_marked(s, majority):
                break
            if not (any(m.given in givens(s) or m.person_like for m in s.mentions)
                    or _referred_to_as_person(majority, givens(majority))):
                break  # nothing says either spelling is a person referred to by surname
            if _is_word(s, names, language):
                break
            variants.append(s)
        else:
            if variants:
                groups.append(NameGroup(majority, variants))
    return groups


def _referred_to_as_person(spelling: Spelling, given_names: set[str]) -> bool:
    """Whether a mention outside a headline is the surname alone, or one with one of
    ``given_names`` is person_like. (Read from the tuples: a majority spelling may
    have hundreds of mentions, most of them full names.)"""
    units = spelling.units
    if any(t[5] is None and units[t[0]].kind not in (HEADLINE, ALT_HEADLINE) for t in spelling.raw):
        return True
    return any(t[5] in given_names and _person_like(units[t[0]].text, *t[1:3], t[5], t[6], t[7])
               for t in spelling.raw)


def _is_word(spelling: Spelling, names: Names, language: str) -> bool:
    """Whether a spelling reads as an ordinary word rather than a surname."""
    key = spelling.key
    if key in STOPWORDS or key in TITLES:
        return True
    if key in names.inner and not spelling.givens:
        return True  # it also opens a name or a title ("Korean War")
    if names.written_in_lower_case(spelling.written):
        return True
    return common_word(key, language)


def _name_marked(spelling: Spelling, majority: Spelling) -> bool:
    a, b = spelling.key, majority.key
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    if common >= min(len(a), len(b)) - 2:
        return False  # only the ending differs: inflection (Navrátilová, Navrátilové)
    return all(m.titled or (m.given and m.given in majority.givens) for m in spelling.mentions)


COMMON_WORD_FREQUENCY = 1000


@lru_cache(maxsize=8)
def _frequencies(language: str):
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - the dependency is declared in setup.cfg
        return None
    try:
        return SpellChecker(language=language, distance=1).word_frequency
    except ValueError:
        return None  # no word list for this language


def common_word(word: str, language: str) -> bool:
    """Whether ``word`` (folded) is a common word of ``language`` (a dictionary look-up)."""
    freq = _frequencies(language)
    return freq is not None and freq[word] >= COMMON_WORD_FREQUENCY


def known_word(word: str, language: str) -> bool | None:
    """Whether ``word`` (folded) is in the word list of ``language`` at all, common
    or not (names of towns and people are in it too); None when the language has
    no word list."""
    freq = _frequencies(language)
    return None if freq is None else freq[word] > 0


# The words before a surname written as a place (see written_as_place).
_PLACE_BEFORE_SURNAME = re.compile(r"(?:\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Ff]rom|visit(?:ed|ing|s)?"
                                   r"|(?:travell?(?:ed|ing)|flew|drove|moved|returned|went|headed) to)"
                                   r"|, of|\b[A-Z]\w* of)[ \u00a0]$")


def written_as_place(spelling: Spelling) -> bool:
    """Whether a spelling is written as a place: alone (no given name, title or
    possessive) after "in", "near", "outside", "from", "visited", a verb of
    going and "to", or "of" after a comma or a capitalised word ("in Austin",
    "a welder from Bolton", "travelled to Kendal", "Sarah Lewis, 34, of Lewes",
    "the Library of Alexandria", "Bank of Jordan")."""
    units = spelling.units
    for t in spelling.raw:
        if t[5] is None and not t[6] and not t[7]:
            text = units[t[0]].text
            if _PLACE_BEFORE_SURNAME.search(text, max(0, t[1] - 40), t[1]):
                return True
    return False
