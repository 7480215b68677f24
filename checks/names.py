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
Near spellings (one or two edits) are found through an index of deletions
(each word's forms with up to two letters removed), so the work grows with the
number of capitalised words, not with their pairs.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from checks.model import (ALT_HEADLINE, ATTRIBUTION, BODY_KINDS, CAPTION, HEADLINE, STANDFIRST,
                          Article, TextUnit)

_UPPER = "".join(chr(c) for c in range(0x2000) if chr(c).isupper())
_LOWER = "".join(chr(c) for c in range(0x2000) if chr(c).islower())
_UP = re.escape(_UPPER)
_LO = re.escape(_LOWER)

# A capitalised word, with inner apostrophes and hyphens (O'Brien, Ruiz-Delgado),
# and an optional possessive after it (Navarro's, Jones').
_TOKEN = re.compile(
    rf"(?<![\w'’.-])(?P<word>[{_UP}][{_LO}{_UP}]*(?:(?:['’][{_UP}]|-[{_UP}{_LO}])[{_LO}{_UP}]*)*)"
    rf"(?P<poss>['’]s(?![\w])|(?<=s)['’](?![\w'’]))?"
)
_HAS_LOWER = re.compile(rf"[{_LO}]")

# Lower-case particles that may sit inside a name ("Ahmed al Sharaa", "Ludwig van Beethoven").
PARTICLES = frozenset(
    "al el bin bint ibn abu de da di del della dos das du van von der den ter ten la le y e "
    "Al El Bin Ibn Abu De Da Di Del Della Dos Das Du Van Von Der Den Ter Ten La Le".split())
_PARTICLES_FOLDED = frozenset(p.casefold() for p in PARTICLES)
# Between two words of one name: spaces, particles, initials ("John F. Kennedy").
_GAP = re.compile(
    rf"[ \u00a0]+(?:(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))}|[{_UP}]\.)[ \u00a0]+)*")

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
Adv Advocate Trooper Private Pte Corporal Cpl Marshal Sheriff Dean Provost Rector Chef Kaiser Kanzler Kanzlerin
Bundeskanzler Bundeskanzlerin Präsident Präsidentin Ministerin Professorin Doktor Fürst Graf
Presidente Ministro Ministra Président Présidente Ministre Former Acting Interim Late
""".split())
_HONORIFICS = frozenset(f.casefold() for f in
                        "Mr Mrs Ms Miss Mx Dr Prof Sir Dame Herr Frau Señor Señora Sr Sra Monsieur "
                        "Madame Mme M Mlle Signor Signora".split())

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

NAME_KINDS = frozenset({HEADLINE, ALT_HEADLINE, STANDFIRST, CAPTION, ATTRIBUTION}) | BODY_KINDS

# A run of capitalised words this long is a title or a list, not one name.
_MAX_RUN = 8


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").casefold()


@dataclass(frozen=True)
class Mention:
    """One mention of a surname, possibly with a given name before it."""

    unit: TextUnit
    start: int  # span of the surname word itself (no possessive, no particles)
    end: int
    surname: str  # as written
    key: str  # folded, equivalences applied
    given: str | None  # folded given name for full mentions
    titled: bool  # a title or honorific stands before the surname
    sentence_start: bool  # the surname opens a sentence with nothing before it
    order: int  # document order
    person_like: bool = False  # said/told/... next to it, a possessive, or a title before it

    @property
    def full(self) -> bool:
        return self.given is not None

    @property
    def target(self):
        return self.unit.span(self.start, self.end)


@dataclass
class Spelling:
    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def givens(self) -> set[str]:
        return {m.given for m in self.mentions if m.given}

    @property
    def written(self) -> str:
        """The most common way this spelling is written."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            counts[m.surname] = counts.get(m.surname, 0) + 1
        return max(counts, key=lambda s: (counts[s], -next(
            i for i, m in enumerate(self.mentions) if m.surname == s)))


@dataclass
class NameGroup:
    """One person's surname, written in more than one way."""

    majority: Spelling
    variants: list[Spelling]  # every other spelling, each one or two edits from the majority

    @property
    def spellings(self) -> list[Spelling]:
        return [self.majority, *self.variants]


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \u00a0\"'“‘«„(")
    return not before or before[-1] in ".!?…:\n”»"


# Words that, next to a bare surname, show it is a person ("Navarro said", "said Navarro").
_SPEECH = frozenset("""
said says say told tells added adds asked asks wrote writes explained explains argued argues noted
notes insisted insists warned warns admitted admits claimed claims replied replies recalled recalls
stressed stresses believes believed thinks thought wants wanted hopes hoped agreed agrees denied
denies confirmed confirms acknowledged acknowledges continued continues concluded concludes
has had have is was will would could can did does who whose himself herself
""".split())
_NEXT_WORD = re.compile(r"[ \u00a0]*,?[ \u00a0]*([a-z]+)")
_PREV_WORD = re.compile(r"([a-z]+)[ \u00a0,]*$")


def _person_context(text: str, start: int, end: int, possessive: bool) -> bool:
    if possessive:
        return True
    after = _NEXT_WORD.match(text, end)
    if after and (after.group(1) in _SPEECH or (after.group(1).endswith("ed") and len(after.group(1)) > 4)):
        return True
    before = _PREV_WORD.search(text, max(0, start - 20), start)
    return bool(before and before.group(1) in ("said", "says", "told", "asked", "added", "wrote"))


def mentions_in(unit: TextUnit, order_base: int, equivalents: dict[str, str],
                inner: set[str] | None = None, stop: frozenset[str] = STOPWORDS) -> list[Mention]:
    """Name mentions in one text unit."""
    text = unit.text
    if unit.kind == CAPTION:
        limit = len(text)
        # The caption proper: a trailing credit names a photographer, not the story's people.
        from checks.credits import find_inline_credit
        credit = find_inline_credit(text)
        if credit is not None:
            limit = credit.start
        text_end = limit
    else:
        text_end = len(text)
    tokens = []
    for match in _TOKEN.finditer(text, 0, text_end):
        word = match.group("word")
        if not _HAS_LOWER.search(word):
            continue  # acronyms: US, NATO
        tokens.append((match.start("word"), match.end("word"), word, match.group("poss") is not None))
    out: list[Mention] = []
    i = 0
    n = len(tokens)
    while i < n:
        # Grow a run of words joined by spaces (and particles or initials).
        j = i
        while j + 1 < n and not tokens[j][3] and (
                _GAP.fullmatch(text, tokens[j][1], tokens[j + 1][0])
                # "Mr. Navarro", "Dr. Harold Bornstein": a title with a full stop joins its name.
                or (tokens[j][2].casefold() in TITLES
                    and text[tokens[j][1]:tokens[j + 1][0]] in (". ", ".\u00a0"))):
            j += 1
        run = tokens[i:j + 1]
        i = j + 1
        if inner is not None:
            inner.update(fold(t[2]) for t in run[:-1])
        if len(run) > _MAX_RUN:
            continue
        # Drop function words from the start ("When Navarro arrived").
        while run and fold(run[0][2]) in stop:
            run = run[1:]
        if not run:
            continue
        s_start, s_end, surname, _ = run[-1]
        sfold = fold(surname)
        if sfold in stop or sfold in TITLES or len(sfold) < 2:
            continue
        given = None
        titled = False
        k = len(run) - 2
        while k >= 0 and fold(run[k][2]) in _PARTICLES_FOLDED:
            k -= 1  # "Qasim Al Araji": the particle belongs to the surname
        al_given = k < 0 and len(run) == 2 and run[0][2] == "Al"  # "Al Gore", not a particle
        if al_given:
            k = 0
        if k >= 0:
            head = fold(run[k][2])
            if head in TITLES:
                titled = True
            elif (head not in stop and head not in _NOT_GIVEN
                  and (al_given or head not in _PARTICLES_FOLDED)
                  and unit.kind not in (HEADLINE, ALT_HEADLINE)):
                # (Title Case: a headline's capitals say nothing about given names.)
                given = head
        key = equivalents.get(sfold, sfold)
        out.append(Mention(unit, s_start, s_end, surname, key, given, titled,
                           len(run) == 1 and _sentence_start(text, s_start), order_base + len(out),
                           _person_context(text, s_start, run[-1][1], run[-1][3])))
    return out


def name_units(article: Article) -> list[TextUnit]:
    from checks.furniture import is_furniture

    return [u for u in article.units()
            if u.kind in NAME_KINDS and u.text and not (u.kind in BODY_KINDS and is_furniture(u.text))]


@dataclass
class Names:
    """Every name mention of an article, and the words its names use before a surname."""

    mentions: list[Mention]
    inner: set[str]  # folded words seen before the last word of a run (given names, "Korean" in "Korean War")
    lower: set[str]  # folded words the article writes in lower case


def read_names(article: Article, equivalents: dict[str, str] | None = None) -> Names:
    equivalents = equivalents or {}
    out: list[Mention] = []
    inner: set[str] = set()
    lower: set[str] = set()
    for unit in name_units(article):
        out.extend(mentions_in(unit, len(out), equivalents, inner))
        lower.update(_LOWER_WORD.findall(unit.text))
    return Names(out, inner, {fold(w) for w in lower})


def equivalence_map(groups: Iterable[Iterable[str]] | None) -> dict[str, str]:
    """Folded spelling -> the folded first spelling of its declared group."""
    out: dict[str, str] = {}
    for group in groups or ():
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
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        best = cur[0]
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[lb]


def allowed_edits(a: str, b: str) -> int:
    """How many edits two spellings may differ by and still be one name."""
    shorter = min(len(a), len(b))
    if shorter >= 7:
        return 2
    if shorter >= 4:
        return 1
    return 0


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


# Endings that make a different word from the same stem: plurals, demonyms,
# adjectives ("the Obamas", "Korea"/"Korean", "Israel"/"Israeli").
_SUFFIXES = ("s", "es", "ian", "i", "ese", "ns", "ans", "ish", "ic")


def _stem_related(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_.startswith(short) and (long_[len(short):] in _SUFFIXES
                                    or (short.endswith("a") and long_[len(short):] == "n")):
        return True  # plural, adjective; Korea/Korean
    return False


def near_pairs(keys: Iterable[str], anchors: Iterable[str]) -> list[tuple[str, str, int]]:
    """(key, anchor, edits) for every key that is one or two edits from an anchor."""
    index: dict[str, set[str]] = {}
    for anchor in anchors:
        for form in _deletes(anchor, 2 if len(anchor) >= 7 else 1):
            index.setdefault(form, set()).add(anchor)
    out = []
    for key in keys:
        found: set[str] = set()
        for form in _deletes(key, 2 if len(key) >= 7 else 1):
            found |= index.get(form, set())
        for anchor in sorted(found):
            if anchor == key:
                continue
            edits = distance(key, anchor, 2)
            if 0 < edits <= allowed_edits(key, anchor):
                out.append((key, anchor, edits))
    return out


_LOWER_WORD = re.compile(rf"(?<![\w'’-])[{_LO}][{_LO}]+(?![\w'’-])")


def spelling_groups(names: Names, language: str = "en") -> list[NameGroup]:
    """People whose surname is written two ways, one or two edits apart.

    A group needs a full-name mention ("Maria Navarro") on one side. Two full
    names with different given names are different people (Karin Nilsen, Erik
    Nielsen). A spelling the article also writes in lower case, or that is a
    common word of the language, is a word and not a misspelt name; one that
    only differs by an ending is a different word (Korea/Korean, Obama/Obamas).
    The odd spelling must be rare (at most two mentions) and rarer than the
    majority, or as rare but without the full name the majority has.

    In languages that capitalise nouns or inflect names (German, Czech, ...)
    the odd spelling must also be marked as a name (a title before it, or the
    same given name) and differ before its last two letters.
    """
    by_key: dict[str, Spelling] = {}
    for m in names.mentions:
        by_key.setdefault(m.key, Spelling(m.key)).mentions.append(m)
    anchors = [k for k, s in by_key.items() if s.givens]
    if not anchors:
        return []
    english = language == "en"
    links: dict[str, set[str]] = {}
    for key, anchor, _ in near_pairs(by_key, anchors):
        if _stem_related(key, anchor):
            continue
        if key[0] != anchor[0] and not (len(key) > 1 and len(anchor) > 1 and key[:2] == anchor[1::-1]):
            continue  # a misspelling keeps the first letter (or swaps the first two)
        a, b = by_key[key], by_key[anchor]
        if a.givens and not (a.givens & b.givens):
            continue  # two full names, different given names: two people
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
        spellings = [by_key[k] for k in comp]
        full = [s for s in spellings if s.givens]
        if len(full) > 1 and not set.intersection(*(s.givens for s in full)):
            continue  # near surnames of people with different given names
        if any(distance(a.key, b.key, 2) > allowed_edits(a.key, b.key) for a in spellings for b in spellings):
            continue  # a chain of near spellings, not one name
        majority = max(spellings, key=lambda s: (_weight(s), bool(s.givens), -s.mentions[0].order))
        variants = []
        for s in spellings:
            if s is majority:
                continue
            if not (_weight(s) < _weight(majority) or (_weight(s) == _weight(majority)
                                                         and majority.givens and not s.givens)):
                break  # no clear majority
            if _weight(s) > 2:
                break  # written that way again and again: deliberate
            if _is_word(s, names, language):
                break
            if not english and not _name_marked(s, majority):
                break
            if not (any(m.person_like or m.titled or m.given for m in s.mentions)
                    or any(not m.full and m.unit.kind not in (HEADLINE, ALT_HEADLINE)
                           for m in majority.mentions)):
                break  # nothing says either spelling is a person referred to by surname
            variants.append(s)
        else:
            if variants:
                groups.append(NameGroup(majority, variants))
    return groups


def _is_word(spelling: Spelling, names: Names, language: str) -> bool:
    """Whether a spelling reads as an ordinary word rather than a surname."""
    key = spelling.key
    if key in names.lower or key in STOPWORDS or key in TITLES:
        return True
    if key in names.inner and not spelling.givens:
        return True  # it also opens a name or a title ("Korean War")
    return common_word(key, language)


def _name_marked(spelling: Spelling, majority: Spelling) -> bool:
    if spelling.key[:-2] == majority.key[:-2]:
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


def _weight(spelling: Spelling) -> int:
    """Mentions of a spelling, counting a repeated caption once."""
    seen: set[tuple] = set()
    count = 0
    for m in spelling.mentions:
        if m.unit.kind == CAPTION:
            marker = ("caption", m.unit.text)
            if marker in seen:
                continue
            seen.add(marker)
        count += 1
    return count

