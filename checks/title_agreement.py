"""Headline, standfirst and alternative headlines that the story does not back up.

## What it does
Reads the headline, the standfirst and each alternative headline (SEO,
social, ...) and looks for their names and figures in the body:

- a figure the body gives differently for the same thing: the headline says
  "Nine climbers missing" where the body says "12 climbers"
  (`contradicted-number`, with the body's figure in `related` and `data`);
- a figure the body never states, in digits or words, exactly or rounded
  (`unsupported-number`);
- a name (person, place, organisation) the body never mentions
  (`unsupported-name`); when the name is broad geography (a country or its
  people, a continent, region, sea, river or range) the body likely gives only
  a town there, so the finding is `info`, saying the body never places the
  story there, unless the body gives another such place in the same role
  ("Czech town" against "Polish town", "Atlantic crossing" against "Pacific
  crossing"), which stays a warning;
- an alternative headline about another story altogether
  (`off-topic-alternative`).

Sentence case and Title Case, possessives and plurals are read alike; "five"
is 5, "1,200" is 1200, "£1.2bn" is 1.2 billion pounds, "27%" is 27 per cent,
and a body's "1.5GW" or "80km" backs "1.5 gigawatts" or "80 kilometres".
A range ("between 40 and 50 tonnes", "40 to 50", "six or eight") is backed at
both ends by a body figure inside it (47 tonnes); "from 40 to 50" is a change,
each end checked alone.
A share ("1 in 10 jobs", "One in five", "Two-thirds") is one figure, never its
parts: it is backed by an equal share in the body, rounded ("400 of its 4,000
jobs", "Of the 10,000 surveyed, 2,000 ...", "a quarter", "66 per cent"), and
otherwise told once, whole. A small count of people ("Two men jailed", "Three
teenagers charged", "Two arrested") is backed by a list of exactly that many
people in the body ("Mark Evans, 41, and Paul Hughes, 38", "a man and a
woman"); a list of another length backs nothing.
A surname matches a full name ("Qaani" / "Esmail Qaani"), an adjective its
country ("Iranian" / "Iran", "Danish" / "Denmark" or "Danes") or that
country's capital ("Danish" / "Copenhagen"), a short form its long form ("US" / "United
States", "EU", "UN", "UK", "IRGC" for Islamic Revolutionary Guard Corps, "OKC"
for Oklahoma City), a clipped form its whole ("Nam" / Namibia) and a
newsroom short form its word ("Pharma" / "pharmaceutical" or "drugmaker",
"Govt", "Dept", "Intl", "Uni", "Vax", "Cllr"). A place word beside a name the
body gives needs no support of its own ("Mekong Delta" / "Mekong", "Lake
Tahoe" / "Tahoe"), and a name the body lacks is quoted with its place words
("Commerce City"). A name the body writes joined to a word for a kind of
place is backed ("Hardanger" / "Hardangerfjord", "Oxford" / "Oxfordshire").
Broad geography is told by the word (a short list of countries and their
people, continents, oceans and seas, big regions, states, rivers and ranges), by a
head word after it ("Tasman Sea", "the Loire river", "Chilean hills") or by its
compass or coast setting ("off the coast of Jutland", "along the Douro",
"south-west Poland"; not "central", "rural", "across" or "throughout", which
suit a town as well: "Floods hit central Ashford" stays a warning; a
capitalised "South" or "North" is part of a name, as in "South Dakota").
Currency and unit abbreviations ("Dh2bn", "Rs 500", "AED", "1.1GW", "5G") are
part of an amount, never a name. Rounding and hedges are not contradictions:
"nearly 3,000" agrees with "more than 3,000" and with 2,960, but "$1.3bn" does
not agree with "nearly $1.2 billion".
A name or figure that only a caption gives still counts as stated, and the
headline may lean on the standfirst (the standfirst itself must lean on the
body). Years, dates, times, scores, ordinals, sequel numbers ("Star Trek 4")
and the counts of list pieces ("7 things to know") are not checked, nor is a
span between dates ("six months before the vote") unless the body gives that
span differently. A span of years the body gives as two years ("40 years of
fabrics" / "between 1950 and 1990") and generations counted from a founder the
body calls a (great-)grandparent ("four generations" / "his great-grandfather
opened it") are backed. To tell a name from an ordinary word in a Title Case
headline the check uses an English word-frequency list; a plural of people
opening a sentence with a plural verb ("Growers are demanding ...", "Organisers
say ...") is an ordinary word, and so is a noun that Title Case or a sentence
start capitalises when the body writes its stem in lower case ("Tram Derailment"
/ "the derailed tram"), and a headline's first word that is a common noun for a
person, told by how it is made ("Motorist", "Fraudster", "Paedophile",
"Goalkeeper", "Shoplifter", "Midfielder"; a plain -er word such as "Turner" may
be a surname and is still read as a name, as is "Ferreyra resigns").

Outside English only figures written in digits are compared, a figure the
body lacks is `info`, and names are not read.

## Why it matters
The headline is what most readers see and what social cards and search
results quote. A figure or name in it that the story does not support is a
correction waiting to happen, and an SEO title left over from another story
sends readers to the wrong page.

## Example
```
headline: Nine climbers missing on the mountain
body:     Rescuers said 12 climbers were still missing on Sunday ...
          -> contradicted-number at "Nine" (related: "12")
alternative_headlines.seo: Champions League final tickets sell out in minutes
          -> off-topic-alternative

headline: Hundreds evacuated as river floods south-west Poland
body:     ... homes along the river in the town of Kłodzko ...
          -> unsupported-name at "Poland", info: the body never places the story there
```

## How to fix
Make the headline agree with the checked figure or name in the body, or add
the missing fact (with its source) to the body. For a broad place the body
never names, check that the town the body gives lies there; naming the region
or country once in the body settles it. Replace an alternative
headline left over from another story.
"""
from __future__ import annotations

import bisect
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, NamedTuple

from checks.annotation import Annotation, Suggestion
from checks.engine import Context
from checks.model import ALT_HEADLINE, HEADLINE, STANDFIRST, Article, TextUnit
from checks.numbers import Quantity, agrees, quantities
from checks.registry import Rule
from checks.text import may_have_digit, primary_language

ID = "title-agreement"

CONTRADICTED_NUMBER = Rule(ID, "contradicted-number", "error",
                           "A headline figure that the body gives differently for the same thing.")
UNSUPPORTED_NUMBER = Rule(ID, "unsupported-number", "warning",
                          "A headline figure that the body never states.")
UNSUPPORTED_NAME = Rule(ID, "unsupported-name", "warning",
                        "A name in the headline that the body never mentions.")
OFF_TOPIC_ALTERNATIVE = Rule(ID, "off-topic-alternative", "warning",
                             "An alternative headline about a different story from the main one.")
RULES = (CONTRADICTED_NUMBER, UNSUPPORTED_NUMBER, UNSUPPORTED_NAME, OFF_TOPIC_ALTERNATIVE)

_TITLE_KINDS = (HEADLINE, STANDFIRST, ALT_HEADLINE)
_WHERE = {HEADLINE: "headline", STANDFIRST: "standfirst", ALT_HEADLINE: "alternative headline"}

# Below this many uses per corpus of English, a capitalised word in a Title Case
# headline, or at the start of a headline, is taken to be a name rather than an
# ordinary word. Inside a sentence-case headline a capital already says "name",
# so only very common words ("Man City", "The Guardian view") are let off.
NAME_FREQUENCY = 600
SENTENCE_CASE_NAME_FREQUENCY = 5000

# Initialisms that are ordinary vocabulary, not names of anything in the story.
COMMON_ACRONYMS = frozenset("""
tv ceo cfo coo cto ai gdp pm am mp mps vat ipo vip diy dna hiv aids ev evs suv usb pc id ids
atm nft ok rip lgbt lgbtq lgbtq+ ppe gp gps ufo ufos faq pr hr it qa uk us eu un ad bc dj mc
mvp nba nfl mlb nhl fbi cia pga ufc wwe bbc cnn abc nbc cbs ap afp dpa reuters op ed oped
q&a tbt wfh rto ots ptsd adhd ivf icu er ac dc hd vr ar km mph ph phd mba
""".split()) - frozenset({"uk", "us", "eu", "un", "fbi", "cia", "nba", "nfl", "mlb", "nhl",
                          "pga", "ufc", "wwe", "bbc", "cnn", "abc", "nbc", "cbs", "ph", "rto"})

STOPWORDS = frozenset("""
a an the and or but nor so yet for of in on at to from by with without into onto over under
after before about as than then that this these those there here it its it's is are was were be
been being has have had do does did will would can could should may might must shall not no
yes if when while where why how what who whom whose which i me my we us our you your he him his
she her they them their all any some more most much many few each every both either neither
other another such only own same very just also still even ever never up down out off again
further once new old first last next amid via per vs versus says say said told tells tell
mr mrs ms dr sir dame lord lady st
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december today tomorrow yesterday week weekend
watch live video photos pictures opinion analysis review exclusive breaking update updates
get gets got make makes made take takes took give gives go goes going come comes know need
""".split())

# Units of measure and currencies, as abbreviations: "Dh2bn", "Rs500", "1.1GW",
# "AED 2bn" give an amount, never a name (a body writes them glued to the
# figure, where no whole-word search finds them).
UNIT_ABBREVIATIONS = frozenset("""
gw mw kw gwh mwh kwh twh mwe km kg mm cm ml bn mn mph kph kmh lbs mb tb kb mbps gbps sqm
dh dhs aed rs inr tk bdt sar qr qar kd kwd bd bhd omr egp ngn ksh kes zar usd eur gbp jpy
cny rmb dkk sek nok isk chf cad aud nzd hkd sgd myr idr php thb vnd krw pkr lkr rub
uah pln czk huf brl mxn ars clp
""".split())

# Newsroom short forms of ordinary words, and the words a body writes for them:
# "Pharma firm" is backed by "pharmaceutical" or "drugmaker", "Govt" by
# "government". Short forms of words only; a name's short form goes in ALIASES.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "pharma": ("pharmaceutical", "pharmaceuticals", "drugmaker", "drugmakers", "drug maker",
               "drug makers", "drug company", "drug companies", "drugs company", "drug firm",
               "drug firms", "drugs firm", "drugs firms"),
    "biotech": ("biotechnology", "biotechnologies", "biotech"),
    "telco": ("telecom", "telecoms", "telecommunications", "telecommunication"),
    "govt": ("government", "governments"), "gov't": ("government", "governments"),
    "gov": ("government", "governor"),
    "dept": ("department", "departments"),
    "intl": ("international",), "int'l": ("international",),
    "natl": ("national",), "nat'l": ("national",),
    "uni": ("university", "universities"),
    "admin": ("administration", "administrator", "administrators"),
    "assoc": ("association", "associate", "associates"), "assn": ("association",),
    "corp": ("corporation", "corporations", "corporate"),
    "infra": ("infrastructure",),
    "vax": ("vaccine", "vaccines", "vaccination", "vaccinations", "vaccinated"),
    "med": ("mediterranean", "medical"),
    "dem": ("democrat", "democrats", "democratic"),
    "lib": ("liberal", "liberals"),
    "cllr": ("councillor", "councilor", "councillors", "councilors", "council member"),
    "supt": ("superintendent",), "insp": ("inspector",), "sgt": ("sergeant",),
    "capt": ("captain",), "det": ("detective",), "prof": ("professor",),
    "pres": ("president",), "secy": ("secretary",), "atty": ("attorney",),
}

# Common words that make a place of a name beside them ("Mekong Delta", "Lake
# Tahoe", "Commerce City"): such a word needs no support of its own when its
# neighbour is a name the body gives, and belongs in the span of one it does not.
PLACE_WORDS = frozenset("""
city county river valley delta lake lakes bay island islands isle isles coast gulf basin
peninsula mountains mount mt hills highlands plain plains strait straits canyon falls
desert forest province region district harbour harbor estuary creek springs heights
""".split())

# Short forms and the words that stand for them in a body.
ALIASES: dict[str, tuple[str, ...]] = {
    "us": ("united states", "america", "american", "americans", "washington", "u.s", "usa"),
    "usa": ("united states", "america", "us", "u.s"),
    "america": ("united states", "us", "u.s", "american"),
    "american": ("united states", "us", "u.s", "america"),
    "americans": ("united states", "us", "u.s", "america"),
    "uk": ("united kingdom", "britain", "british", "u.k", "england", "scotland", "wales"),
    "britain": ("united kingdom", "uk", "u.k", "british", "england"),
    "british": ("united kingdom", "uk", "u.k", "britain", "england", "english"),
    "brits": ("united kingdom", "uk", "britain", "british"),
    "un": ("united nations", "u.n"),
    "eu": ("european union", "e.u", "brussels", "european"),
    "nato": ("north atlantic treaty organization", "north atlantic treaty organisation"),
    "fed": ("federal reserve",),
    "wwiii": ("world war",), "ww3": ("world war",), "wwii": ("world war",), "ww2": ("world war",),
    "tory": ("conservative", "conservatives"), "tories": ("conservative", "conservatives", "tory"),
    "ph": ("philippines", "filipino"),
    "prc": ("china", "chinese", "beijing"),
    "nz": ("new zealand",), "sa": ("south africa", "south african"),
    "gop": ("republican", "republicans"),
    "dems": ("democrats", "democratic"),
    "nyc": ("new york",),
    "la": ("los angeles",),
    "nhs": ("national health service", "health service"),
    "who": ("world health organization", "world health organisation"),
    "covid": ("coronavirus", "covid-19", "pandemic"),
    "aussie": ("australia", "australian"),
    "kiwi": ("new zealand",),
    "dutch": ("netherlands", "holland"),
    "swiss": ("switzerland",),
    "french": ("france", "paris"),
    "spanish": ("spain",),
    "irish": ("ireland",),
    "welsh": ("wales",),
    "danish": ("denmark",),
    "finnish": ("finland",),
    "polish": ("poland",),
    "filipino": ("philippines",),
    "thai": ("thailand",),
    "greek": ("greece",),
    "saudi": ("saudi arabia", "riyadh"),
    "emirati": ("emirates", "uae"),
    "uae": ("united arab emirates", "emirates", "emirati"),
    "kiev": ("kyiv",),
    "kyiv": ("kiev",),
    "beijing": ("china", "chinese"),
    "moscow": ("russia", "kremlin"),
    "kremlin": ("russia", "moscow", "putin"),
    "tehran": ("iran",),
    "washington": ("us", "united states", "u.s"),
    "whitehall": ("government",),
    "westminster": ("parliament",),
}
# Countries (as one word of a title reads them), their adjectives and nationals,
# and their capitals: "Danish studio" is backed by "Denmark", "Danes" or a
# "Copenhagen studio". A capital backs its country, not the reverse.
_COUNTRIES = (
    # (country words, adjectives and nationals, capitals)
    ("denmark", "danish dane danes", "copenhagen"),
    ("poland", "polish pole poles", "warsaw"),
    ("spain", "spanish spaniard spaniards", "madrid"),
    ("britain", "british briton britons brit brits", "london"),
    ("england", "english", "london"),
    ("scotland", "scottish scot scots", "edinburgh"),
    ("wales", "welsh", "cardiff"),
    ("ireland", "irish", "dublin"),
    ("france", "french frenchman frenchwoman", "paris"),
    ("germany", "german germans", "berlin"),
    ("netherlands holland", "dutch dutchman", "amsterdam,the hague"),
    ("belgium", "belgian belgians", "brussels"),
    ("switzerland", "swiss", "bern,berne"),
    ("austria", "austrian austrians", "vienna"),
    ("italy", "italian italians", "rome"),
    ("portugal", "portuguese", "lisbon"),
    ("greece", "greek greeks", "athens"),
    ("sweden", "swedish swede swedes", "stockholm"),
    ("norway", "norwegian norwegians", "oslo"),
    ("finland", "finnish finn finns", "helsinki"),
    ("iceland", "icelandic icelander icelanders", "reykjavik"),
    ("czechia", "czech czechs", "prague"),
    ("hungary", "hungarian hungarians", "budapest"),
    ("romania", "romanian romanians", "bucharest"),
    ("bulgaria", "bulgarian bulgarians", "sofia"),
    ("serbia", "serbian serbians serb serbs", "belgrade"),
    ("croatia", "croatian croatians croat croats", "zagreb"),
    ("turkey", "turkish turk turks", "ankara"),
    ("russia", "russian russians", "moscow,kremlin"),
    ("ukraine", "ukrainian ukrainians", "kyiv,kiev"),
    ("belarus", "belarusian belarusians", "minsk"),
    ("china", "chinese", "beijing"),
    ("japan", "japanese", "tokyo"),
    ("korea", "korean koreans", "seoul,pyongyang"),
    ("india", "indian indians", "delhi"),
    ("pakistan", "pakistani pakistanis", "islamabad"),
    ("bangladesh", "bangladeshi bangladeshis", "dhaka"),
    ("afghanistan", "afghan afghans", "kabul"),
    ("iran", "iranian iranians persian", "tehran"),
    ("iraq", "iraqi iraqis", "baghdad"),
    ("syria", "syrian syrians", "damascus"),
    ("lebanon", "lebanese", "beirut"),
    ("egypt", "egyptian egyptians", "cairo"),
    ("yemen", "yemeni yemenis", "sanaa"),
    ("qatar", "qatari qataris", "doha"),
    ("nigeria", "nigerian nigerians", "abuja"),
    ("kenya", "kenyan kenyans", "nairobi"),
    ("ethiopia", "ethiopian ethiopians", "addis ababa"),
    ("ghana", "ghanaian ghanaians", "accra"),
    ("morocco", "moroccan moroccans", "rabat"),
    ("algeria", "algerian algerians", "algiers"),
    ("tunisia", "tunisian tunisians", "tunis"),
    ("libya", "libyan libyans", "tripoli"),
    ("sudan", "sudanese", "khartoum"),
    ("mexico", "mexican mexicans", ""),
    ("brazil", "brazilian brazilians", "brasilia"),
    ("argentina", "argentine argentinian argentinians argentines", "buenos aires"),
    ("chile", "chilean chileans", "santiago"),
    ("colombia", "colombian colombians", "bogota"),
    ("peru", "peruvian peruvians", "lima"),
    ("venezuela", "venezuelan venezuelans", "caracas"),
    ("cuba", "cuban cubans", "havana"),
    ("canada", "canadian canadians", "ottawa"),
    ("australia", "australian australians aussie aussies", "canberra"),
    ("philippines", "filipino filipinos philippine", "manila"),
    ("vietnam", "vietnamese", "hanoi"),
    ("thailand", "thai thais", "bangkok"),
    ("indonesia", "indonesian indonesians", "jakarta"),
    ("malaysia", "malaysian malaysians", "kuala lumpur"),
    ("taiwan", "taiwanese", "taipei"),
    ("nepal", "nepali nepalis nepalese", "kathmandu"),
    ("myanmar burma", "burmese", "naypyidaw"),
)


def _place_aliases() -> dict[str, tuple[str, ...]]:
    """ALIASES entries from _COUNTRIES: an adjective or national is backed by its
    country, the other forms and the capitals; a country by its forms and capitals."""
    out: dict[str, set[str]] = {}
    for countries, forms, capitals in _COUNTRIES:
        names, adjectives = countries.split(), forms.split()
        cities = [c for c in capitals.split(",") if c]
        for word in adjectives:
            out.setdefault(word, set()).update(names + adjectives + cities)
        for word in names:
            out.setdefault(word, set()).update(adjectives + cities)
    return {word: tuple(sorted(forms - {word})) for word, forms in out.items()}


for _word, _forms in _place_aliases().items():
    ALIASES[_word] = tuple(dict.fromkeys(ALIASES.get(_word, ()) + _forms))

_DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "i", "ish", "ic", "n", "s")
# Words for a kind of place that other languages join to a name ("Hardangerfjord",
# "Bodensee", "Gudbrandsdalen") and English sometimes does ("Oxfordshire").
_PLACE_SUFFIXES = frozenset("fjord fjorden fjell fjellet dal dalen sund sundet vidda see tal shire".split())

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# (Compiled once: these run for every word of a title and every figure of a body.)
_PHRASE_END = re.compile(r"[,.;:!?()\[\]\"“”]")
_LETTERS = re.compile(r"[^\W\d_]+")
_PLURAL_END = re.compile(r"(?:['’]s|s)$")
_ORDINAL_AFTER = re.compile(r"\s*(?:st|nd|rd|th)\b")
_TIMES_AFTER = re.compile(r"-?\s*(?:times?|fold)\b")
_CLOCK_AFTER = re.compile(r"[\w-]*\s*(?:am|pm|a\.m|p\.m|gmt|bst|et|pt)\b", re.I)
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")
_CAP_RUN = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|the|and|for|de|du|al|la|le|von|van)\s+)*[A-Z][\w’'.-]*)+")
_BREAK_BEFORE = re.compile(r"(?:^|[.!?:;|—–]\s*|[\"“‘'(\[]\s*|\s-\s)$")


_NEEDS_NFKD = re.compile(r"[^\x00-\x7f\u2010-\u206f]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form; keeps the length of ASCII text."""
    if text.isascii():
        return text.casefold()
    return _fold_as(text, _NEEDS_NFKD.search(text) is not None)


def _fold_as(text: str, decompose: bool) -> str:
    """``_fold`` with the choice to decompose accents made by the caller: _fold
    decomposes a whole text when any part of it needs it, so the parts of a text
    joined at a line break fold alike only under the same choice."""
    if not text.isascii():
        text = text.replace("’", "'").replace("‘", "'")
        if decompose:
            text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.casefold()


def _bare(word: str) -> str:
    """A folded word without its possessive: "Iran's" -> "iran", "Corps'" -> "corps"."""
    word = _fold(word)
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


def _variants(word: str) -> set[str]:
    """A folded word and its singular and plural forms."""
    out = {word}
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    if word.endswith("s") and len(word) > 3:
        out.add(word[:-1])
    else:
        out.add(word + "s")
    return out


@lru_cache(maxsize=1)
def _lexicon():
    """English word frequencies (pyspellchecker's list), loaded on first use."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency


_UK_TO_US = ((re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
             (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
             (re.compile(r"our(s|ed|ing|ite|ites)?$"), r"or\1"),
             (re.compile(r"tre(s)?$"), r"ter\1"),
             (re.compile(r"ogue(s)?$"), r"og\1"))
# The endings those patterns rewrite: a form that ends otherwise is tested in one call.
_UK_ENDINGS = ("ise", "ises", "ised", "ising", "isation", "isations", "iser", "isers",
               "yse", "yses", "ysed",
               "ysing", "our", "ours", "oured", "ouring", "ourite", "ourites", "tre", "tres",
               "ogue", "ogues")


@lru_cache(maxsize=8192)
def _frequency(word: str) -> int:
    """How common ``word`` (folded) is in English, across plural and UK spellings."""
    lexicon = _lexicon()
    best = 0
    for form in _variants(word):
        best = max(best, lexicon[form])
        if not form.endswith(_UK_ENDINGS):
            continue
        for pattern, repl in _UK_TO_US:
            us = pattern.sub(repl, form)
            if us != form:
                best = max(best, lexicon[us])
    return best


_FIND_LIMIT = 16  # occurrences of a form checked by hand before the regex takes over


def _is_word_char(c: str) -> bool:
    """What the regex ``\\w`` matches in a str pattern."""
    return c.isalnum() or c == "_"


def _any_whole_word(text: str, forms: tuple[str, ...]) -> bool | None:
    """Whether ``text`` has one of ``forms`` as a whole word, as _Story.has's regex
    judges it (not after a word character or an apostrophe, not before a word
    character); None when a form occurs too often to check by hand."""
    size = len(text)
    for form in forms:
        if not form:
            return None
        at = text.find(form)
        for _ in range(_FIND_LIMIT):
            if at == -1:
                break
            end = at + len(form)
            if ((at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "'"))
                    and (end == size or not _is_word_char(text[end]))):
                return True
            at = text.find(form, at + 1)
        else:
            return None
    return False


def _surely_has_word(raw: str, forms: tuple[str, ...]) -> bool:
    """True when unfolded ``raw`` has one of the ASCII lower-case ``forms`` as a
    whole word, written as is, capitalised or in capitals, with ASCII characters
    (or nothing) either side: folding maps ASCII to its lower case and leaves
    such a stretch in place, so the folded text has the form there too. False
    only means "not found this way"; the folded text then decides."""
    size = len(raw)
    for form in forms:
        if not form or not form.isascii() or form != form.lower():
            continue
        for written in {form, form.title(), form.upper()}:
            at = raw.find(written)
            for _ in range(_FIND_LIMIT):
                if at == -1:
                    break
                end = at + len(written)
                before = raw[at - 1] if at else " "  # (a space stands for the text's edge)
                after = raw[end] if end < size else " "
                if (before.isascii() and not (before.isalnum() or before in "_'")
                        and after.isascii() and not (after.isalnum() or after == "_")):
                    return True
                at = raw.find(written, at + 1)
    return False


@dataclass
class _Story:
    """What the article says, searched on demand: a draft has a handful of headline
    names, so looking each up costs less than indexing every word of the body."""

    text: str
    # A story whose text this one's begins with, then a line break: its folded
    # text is reused rather than folding a long body twice.
    extends: _Story | None = None
    _cache: dict[str, object] = field(default_factory=dict)
    _folded: str | None = None
    _decomposed: bool = False  # whether folding decomposed accents

    @property
    def folded(self) -> str:
        if self._folded is None:
            base = self.extends
            if base is None:
                self._decomposed = _NEEDS_NFKD.search(self.text) is not None
                self._folded = _fold_as(self.text, self._decomposed)
            else:
                base_folded = base.folded
                rest = self.text[len(base.text):]
                self._decomposed = base._decomposed or _NEEDS_NFKD.search(rest) is not None
                if self._decomposed == base._decomposed:
                    self._folded = base_folded + _fold_as(rest, self._decomposed)
                else:  # only the rest needs decomposing: so does the base, this time
                    self._folded = _fold_as(self.text, True)
        return self._folded

    def shares(self) -> tuple[float, ...]:
        """Every share the story states (_body_shares), read once."""
        if "\x00shares" not in self._cache:
            self._cache["\x00shares"] = _body_shares(self.text)
        return self._cache["\x00shares"]  # type: ignore[return-value]

    def people_listed(self) -> frozenset[int]:
        """How many people each list of people in the story gives (_people_listed), read once."""
        if "\x00people" not in self._cache:
            self._cache["\x00people"] = _people_listed(self.text)
        return self._cache["\x00people"]  # type: ignore[return-value]

    def has(self, *forms: str) -> bool:
        """Does the story use any of these folded words or phrases, as whole words?"""
        key = "\x00".join(forms)
        if key not in self._cache:
            # A name the body writes plainly is found without folding the whole
            # body (the costliest step here), which most drafts then never need.
            if self._folded is None and _surely_has_word(self.text, forms):
                self._cache[key] = True
                return True
            # Plain substring searches settle most look-ups without compiling a
            # regex for words that differ in every article; the regex decides
            # when a form keeps turning up inside longer words.
            found = _any_whole_word(self.folded, forms)
            if found is not None:
                self._cache[key] = found
                return found
            # Lead with the shared literal so the search skips ahead at C speed.
            prefix = os.path.commonprefix(list(forms))
            rests = "|".join(re.escape(f[len(prefix):]) for f in sorted(forms, key=len, reverse=True))
            pattern = rf"{re.escape(prefix)}(?<![\w']{re.escape(prefix)})(?:{rests})(?![\w])" if prefix \
                else rf"(?<![\w'])(?:{rests})(?![\w])"
            self._cache[key] = re.search(pattern, self.folded) is not None
        return self._cache[key]  # type: ignore[return-value]

    def has_initialism(self, letters: str) -> bool:
        """Does the story write ``letters`` as an upper-case initialism ("UAE", "U.A.E.")?"""
        key = "\x03" + letters
        if key not in self._cache:
            dotted = r"\.?".join(re.escape(c) for c in letters)
            self._cache[key] = re.search(rf"(?<![\w.]){dotted}\.?(?![\w])", self.text) is not None
        return self._cache[key]  # type: ignore[return-value]

    def starting(self, prefix: str) -> set[str]:
        """The story's words that begin with ``prefix``."""
        key = "\x01" + prefix
        if key not in self._cache:
            p = re.escape(prefix)
            self._cache[key] = set(re.findall(rf"{p}(?<![\w']{p})[^\W\d_]*", self.folded))
        return self._cache[key]  # type: ignore[return-value]

    def spells(self, acronym: str) -> bool:
        """Does the story give words whose initials make ``acronym``: "IRGC" for
        Islamic Revolutionary Guard Corps, "RTO" for return to office, "OKC" for
        Oklahoma City (a word may give two letters)."""
        key = "\x02" + acronym
        if key not in self._cache:
            self._cache[key] = _spells(self.folded, acronym)
        return self._cache[key]  # type: ignore[return-value]

    def mentions(self, phrase: str) -> bool:
        return self.has(phrase)


_SPELLING_GLUE_WORDS = ("of", "the", "and", "for", "to", "on", "in", "de", "du", "des", "la", "le")
_SPELLING_GLUE_SET = frozenset(_SPELLING_GLUE_WORDS)
_LETTER_RUN = re.compile(r"[^\W\d_']*")


def _spells_by_regex(folded: str, acronym: str) -> bool:
    """_spells as one expression: each way to chunk the acronym, each chunk the
    start of a word, the words joined by spaces, a hyphen or a small word."""
    glue = rf"(?:\s+|-|\s+(?:{'|'.join(_SPELLING_GLUE_WORDS)})\s+)"
    alternatives = [glue.join(rf"{re.escape(c)}[^\W\d_']*" for c in chunks)
                    for chunks in _chunkings(acronym)]
    pattern = "|".join(f"(?:{alt})" for alt in alternatives)
    return re.search(rf"(?<!\w)(?:{pattern})(?!\w)", folded) is not None


def _spells(folded: str, acronym: str) -> bool:
    """Does ``folded`` give words whose initials make ``acronym``, as
    _spells_by_regex judges it? Walked by hand from each word that starts with
    the first letter: that expression differs for every acronym, and compiling
    it costs many times more than the search."""
    if len(acronym) < 2:
        return _spells_by_regex(folded, acronym)
    size = len(folded)

    def word_end(at: int) -> int:
        """The end of the letters from ``at`` (what [^\\W\\d_']* takes: a shorter
        take leaves a letter, which neither the glue nor the end accepts)."""
        return _LETTER_RUN.match(folded, at).end()  # type: ignore[union-attr]

    def after_glue(at: int) -> tuple[int, ...]:
        """Where the next word may start after glue from ``at``: spaces (all of
        them, as the next word starts with a letter), a hyphen, or spaces, a
        small word and spaces."""
        if at >= size:
            return ()
        if folded[at] == "-":
            return (at + 1,)
        if not folded[at].isspace():
            return ()
        while at < size and folded[at].isspace():
            at += 1
        # A small word is all letters and then a space: the whole of the letters from here.
        stop = word_end(at)
        if stop < size and folded[stop].isspace() and folded[at:stop] in _SPELLING_GLUE_SET:
            while stop < size and folded[stop].isspace():
                stop += 1
            return (at, stop)
        return (at,)

    failed: set[tuple[int, int, bool, bool]] = set()  # (a word such as "the" can be read two ways)

    def spells_from(at: int, rest: str, chunks: int, two_letters_used: bool) -> bool:
        state = (at, len(rest), two_letters_used, chunks > 0)
        if state in failed:
            return False
        for length in (1, 2):
            if length == 2 and (two_letters_used or len(rest) < 2):
                break
            if not folded.startswith(rest[:length], at):
                continue
            end = word_end(at + length)
            left = rest[length:]
            if not left:
                if chunks + 1 >= 2 and (end == size or not _is_word_char(folded[end])):
                    return True
                continue
            if any(spells_from(start, left, chunks + 1, two_letters_used or length == 2)
                   for start in after_glue(end)):
                return True
        failed.add(state)
        return False

    first = acronym[0]
    at = folded.find(first)
    while at != -1:
        if (at == 0 or not _is_word_char(folded[at - 1])) and spells_from(at, acronym, 0, False):
            return True
        at = folded.find(first, at + 1)
    return False


def _chunkings(acronym: str) -> list[list[str]]:
    """Ways to read an initialism as word starts of one or two letters, at least two words."""
    out: list[list[str]] = []

    def walk(rest: str, done: list[str]) -> None:
        if not rest:
            if len(done) >= 2:
                out.append(done)
            return
        walk(rest[1:], done + [rest[:1]])
        if len(rest) >= 2 and sum(len(c) == 2 for c in done) == 0:
            walk(rest[2:], done + [rest[:2]])

    walk(acronym, [])
    return out


def _supported_name(word: str, story: _Story) -> bool:
    bare = _bare(word)
    if not bare:
        return True
    if story.has(*_variants(bare)):
        return True
    dotted = bare.replace(".", "")
    if dotted != bare and story.has(dotted, bare):
        return True
    if ALIASES.get(dotted) and story.has(*ALIASES[dotted]):
        return True
    short = dotted if dotted in SHORT_FORMS else dotted[:-1] if dotted[:-1] in SHORT_FORMS else None
    if short is not None and story.has(*SHORT_FORMS[short]):
        return True
    letters = _PLURAL_END.sub("", word.replace(".", ""))
    initialism = _fold(letters)
    if letters.isupper() and 2 <= len(initialism) <= 6 and initialism.isalpha() and (
            story.has(initialism) or story.spells(initialism)
            or (ALIASES.get(initialism) and story.has(*ALIASES[initialism]))):
        return True
    # A clipped form: "Nam" for Namibia, "Man" for Manchester, "Isles" for Islanders.
    if 3 <= len(bare) <= 5 and bare.isalpha() and word[0].isupper() and not word.isupper():
        for stem in {v for v in _variants(bare) if len(v) >= 3}:
            if any(len(other) > len(stem) + 2 for other in story.starting(stem)):
                return True
    # A compound of two ordinary words ("Roundup", "Lockdown") is not a name.
    if not word.isupper() and len(bare) >= 6 and bare.isalpha() and _lexicon()[bare] > 0:
        for cut in range(3, len(bare) - 1):
            if _frequency(bare[:cut]) >= SENTENCE_CASE_NAME_FREQUENCY \
                    and _frequency(bare[cut:]) >= SENTENCE_CASE_NAME_FREQUENCY:
                return True
    # "Hardanger" where the body gives the Hardangerfjord, "Oxford" / "Oxfordshire":
    # the body writes the name joined to a word for a kind of place.
    if len(bare) >= 4 and bare.isalpha() and any(
            other[len(bare):] in _PLACE_SUFFIXES for other in story.starting(bare)):
        return True
    # Iranian / Iran, Israeli / Israel, Ukrainian / Ukraine, Chinese / China.
    if len(bare) >= 4 and bare.isalpha():
        for other in story.starting(bare[:4]):
            if other == bare:
                continue
            short, long_ = (other, bare) if len(other) < len(bare) else (bare, other)
            common = 0
            for x, y in zip(short, long_):
                if x != y:
                    break
                common += 1
            if common >= len(short) - 2 and long_[common:].endswith(_DEMONYM_ENDINGS) \
                    and len(long_) - common <= 4:
                return True
    return False


# -- broad geography -----------------------------------------------------------
# A headline that names a country, region, sea or range ("south-west Poland",
# "Chilean hills", "Baltic ferry") where the body gives only the town is common
# and harmless: such a name the body lacks is `info`, not a warning. Told from
# the word itself, its head word ("Tasman Sea", "the Douro river") or its
# setting ("off the coast of Jutland", "along the Douro", "south-west Poland").
_MORE_COUNTRIES = """
usa america american americans uk britain british us brits nz uae emirati emirates prc
israel israeli israelis jordanian oman omani kuwait kuwaiti bahrain bahraini
saudi saudis lanka lankan nepal bhutan mongolia mongolian kazakhstan kazakh uzbekistan uzbek
georgian armenia armenian azerbaijan azerbaijani cyprus cypriot malta maltese
luxembourg estonia estonian latvia latvian lithuania lithuanian slovakia slovak slovenia
slovenian bosnia bosnian albania albanian kosovo kosovan montenegro macedonia macedonian
moldova moldovan singapore cambodia cambodian laos laotian bolivia bolivian uruguay
uruguayan paraguay paraguayan ecuador ecuadorian guatemala guatemalan honduras honduran
nicaragua panama panamanian jamaica jamaican haiti haitian zealand tanzania tanzanian
uganda ugandan rwanda rwandan congo congolese senegal senegalese mali malian niger
cameroon angola angolan mozambique namibia namibian botswana zimbabwe zimbabwean zambia
zambian somalia somali eritrea sudanese tunisia fiji greenland rican dominican
salvadoran palestine palestinian gaza kurdish kurdistan basque friesland frisian
""".split()
_COUNTRY_WORDS = frozenset(_MORE_COUNTRIES) | frozenset(
    word for countries, forms, _ in _COUNTRIES for word in (countries + " " + forms).split())
# (Not words that are as often a person's or a firm's name: "Amazon", "Hudson",
# "Shannon", "Dakota", "Montana", "Georgia", "Jordan", "Virginia".)
_BROAD_PLACES = frozenset("""
europe european europeans africa african asia asian america americas oceania australasia
eurasia antarctica antarctic arctic scandinavia scandinavian nordic balkan balkans baltic
baltics iberia iberian caucasus siberia siberian patagonia patagonian lapland sahara saharan
sahel amazonian mediterranean caribbean atlantic pacific adriatic aegean caspian
alps alpine andes andean himalaya himalayas himalayan pyrenees rockies appalachia
appalachian urals carpathian carpathians dolomites midlands midwest midwestern outback
levant maghreb anatolia anatolian jutland bavaria bavarian catalonia catalan
andalusia andalusian tuscany tuscan provence normandy brittany flanders flemish wallonia
silesia silesian transylvania galicia sicily sicilian sardinia sardinian corsica crete
kashmir kashmiri punjab punjabi sindh tibet tibetan xinjiang yorkshire cornwall cornish
algarve riviera balearic balearics canaries azores madeira dalmatia dalmatian bohemia
bohemian moravia moravian lombardy tyrol saxony ruhr rhineland alsace burgundy cotswolds
lowlands
thames seine rhine danube elbe oder vistula douro tagus ebro loire rhone tiber volga dnipro
dnieper nile zambezi ganges indus yangtze mekong mississippi potomac severn
alabama alaska alaskan arizona arkansas california californian colorado connecticut delaware
florida floridian hawaii hawaiian idaho illinois indiana iowa kansas kentucky louisiana maine
maryland massachusetts michigan minnesota missouri nebraska nevada hampshire jersey
ohio oklahoma oregon pennsylvania rhode tennessee texas texan utah vermont wisconsin
wyoming ontario quebec alberta manitoba saskatchewan scotia newfoundland labrador yukon
nunavut queensland tasmania kerala gujarat bihar rajasthan maharashtra assam bengal
karnataka guangdong sichuan yunnan
""".split()) | _COUNTRY_WORDS
_REGION_WORDS = _BROAD_PLACES - _COUNTRY_WORDS
# A country's rival in a role may be another country, its people or its capital
# ("Norwegian studio" where the body says "Copenhagen studio").
_COUNTRY_RIVALS = _COUNTRY_WORDS | frozenset(
    city for _, _, capitals in _COUNTRIES for city in capitals.split(",") if city and " " not in city)
# Capitalised head words that make a name of broad geography ("North Sea",
# "Rift Valley"), and the common nouns after a name that do ("the Douro river").
_BROAD_HEADS = frozenset("""
sea seas ocean river mountains valley coast coastline peninsula gulf bay delta islands isles
highlands plains basin desert strait straits alps fjord region province countryside
hills border rainforest jungle
""".split())
# (A bare compass word in capitals is part of the name: "South Dakota", "North
# Macedonia"; "Northern" and "South-Western" are read in a Title Case title only.)
# Only compass and coast settings: "central", "rural", "upper", "across" or
# "parts of" go as well with a town ("Floods hit central Ashford") as with a region.
_BROAD_SETTING = re.compile(
    r"(?:(?i:\boff\s+the\s+(?:\w+\s+)?coast\s+of|\balong\s+the"
    r"|\b(?:north|south|east|west)ern|\b(?:north|south)-?(?:east|west)ern)"
    r"|\b(?:north|south|east|west)|\b(?:north|south)-?(?:east|west)"
    r"|\b(?:north|south|east|west|(?:north|south)-?(?:east|west))\s+of(?:\s+the)?)"
    r"\s+$")
_NEXT_WORD = re.compile(r"[\s-]+([^\W\d_]+)")


def _broad_place(text: str, start: int, end: int) -> bool:
    """Does text[start:end], a name the body lacks, name broad geography: a country
    or its people, a continent, region, sea or range, by its words or setting?"""
    words = [_bare(w) for w in _TOKEN.findall(text[start:end])]
    if not words:
        return False
    if " ".join(words) in _BROAD_PLACES or words[-1] in _BROAD_HEADS or words[-1].endswith("shire"):
        return True  # ("Lancashire", "Hampshire": a county)
    following = _NEXT_WORD.match(text, end)
    if following and _fold(following.group(1)) in _BROAD_HEADS:
        return True
    setting = _BROAD_SETTING.search(text, max(0, start - 40), start)
    if setting is None:
        return False
    # In a sentence-case title a capital marks a name: "Northern Illinois", "Western Cape".
    return setting.group()[0].islower() or not _is_sentence_case(_tokens(text), text)


def _rival_place(text: str, start: int, end: int, story: _Story) -> str | None:
    """A place of the same kind the body gives in the same role, for a broad name the
    body lacks: "Polish town" where the body says "Czech town", "Swedish firm" where
    it says "Oslo-based firm", "Atlantic crossing" where it says "Pacific crossing".
    None when the body gives none."""
    name = " ".join(_bare(w) for w in _TOKEN.findall(text[start:end]))
    following = _NEXT_WORD.match(text, end)
    if not following or not following.group(1).islower() or _fold(following.group(1)) in STOPWORDS:
        return None
    noun = following.group(1)
    same_kind = _COUNTRY_RIVALS if name in _COUNTRY_WORDS else _REGION_WORDS
    for m in re.finditer(rf"\b([A-Z][^\W\d_]+(?:['’]s)?)(?:-based)?\s+{re.escape(noun)}\b", story.text):
        other = _bare(m.group(1))
        if other != name and other in same_kind:
            return m.group()
    return None


class _Token(NamedTuple):  # (a tuple: built for every word of every title)
    start: int
    end: int
    text: str


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[_Token, ...]:
    """The words of a title (memoised: each title is read by several rules)."""
    return tuple([_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)])


def _is_sentence_case(tokens: tuple[_Token, ...], text: str) -> bool:
    """True when ordinary words are in lower case: capitals then mark names."""
    lower = upper = 0
    for tok in tokens[1:]:
        if len(tok.text) < 4 or _fold(tok.text) in STOPWORDS:
            continue
        if tok.text[0].islower():
            lower += 1
        elif tok.text[0].isupper():
            upper += 1
    return lower > 0 and lower >= upper * 0.5


# A plural of people by what they do ("Growers", "Shoppers", "Motorists",
# "Tenants", "Retirees") opening a sentence, its verb plural ("Growers are
# demanding ...", "Commuters face ..."): a common noun that only the sentence
# capitalises, however rare the word. A name of that shape takes a singular
# verb ("Sanders says", "Sellers is").
_PEOPLE_PLURAL = re.compile(r"[^\W\d_]{3,}(?:ers|ors|ists|ants|ents|ees)", re.I)
_PLURAL_VERBS = frozenset("are were have do dont don't aren't weren't haven't".split())


def _plural_verb(word: str) -> bool:
    """Could ``word`` (folded) be a verb agreeing only with a plural subject:
    "are", "have", "fear", "demand" (a word whose -s form is common too)?"""
    if word in _PLURAL_VERBS:
        return True
    if word in STOPWORDS or len(word) < 3 or word.endswith(("s", "ed", "ing", "ly")):
        return False
    return _lexicon()[word] >= NAME_FREQUENCY and _lexicon()[word + "s"] >= NAME_FREQUENCY


def _common_plural_opening(tokens: tuple[_Token, ...], i: int) -> bool:
    """Is token ``i``, which opens a sentence, a common plural such as "Growers"
    followed by its plural verb?"""
    word = tokens[i].text
    if i + 1 >= len(tokens) or not _PEOPLE_PLURAL.fullmatch(word) or word.isupper():
        return False
    following = tokens[i + 1].text
    if not following[0].islower():
        return False
    folded = _fold(word)
    singular = folded[:-1]
    # The singular in the word list, in its UK spelling or the US one ("Organisers say").
    known = _lexicon()[singular] > 0 or singular.endswith(_UK_ENDINGS) and any(
        _lexicon()[pattern.sub(repl, singular)] > 0 for pattern, repl in _UK_TO_US)
    return known and _plural_verb(_fold(following))


# A common noun for a person, by how it is made: a doer in -ist or -ster
# ("Motorist", "Fraudster"), a lover in -phile ("Paedophile"), or a compound
# of an English word and a doer made from another ("Goalkeeper", "Shoplifter",
# "Midfielder", "Firefighter"). A plain -er word may be a surname ("Turner",
# "Fletcher"), so it needs the compound.
_DOER = re.compile(r"(?:ist|ster|phile)s?$")
_DOER_END = re.compile(r"(?:er|ers)$")
_PERSON_NOUN_FLOOR = 20  # uses in the word list: below it a word is likelier a name
_PART_FLOOR = 200


def _english(word: str, floor: int) -> bool:
    """Is ``word`` (folded) in the word list at least ``floor`` times, in its own or
    its US spelling ("paedophile" / "pedophile")?"""
    return _frequency(word) >= floor or ("ae" in word and _frequency(word.replace("ae", "e")) >= floor)


def _word_stem(stem: str) -> bool:
    """Is ``stem`` an English word, maybe once ending in e ("cycl-ist", "mak-er")?"""
    return _english(stem, _PART_FLOOR) or _english(stem + "e", _PART_FLOOR)


def _person_noun(bare: str) -> bool:
    """Is ``bare`` (folded) a common noun for a person (a role, an occupation, a kind
    of offender or player) rather than a name?"""
    if not bare.isalpha() or len(bare) < 6 or not _english(bare, _PERSON_NOUN_FLOOR):
        return False
    doer = _DOER.search(bare)
    if doer is not None:
        if doer.group().startswith("phile"):
            return True
        stem = bare[:doer.start()]
        shortest = 3 if doer.group().startswith("ist") else 4  # (-ster: "Webster", "Forster")
        return len(stem) >= shortest and _word_stem(stem)
    end = _DOER_END.search(bare)
    if end is None:
        return False
    # goal|keep|er, shop|lift|er, mid|field|er: the first part and the doer's verb are words.
    return any(_english(bare[:i], _PART_FLOOR) and _word_stem(bare[i:end.start()])
               for i in range(3, end.start() - 3))


# A noun made from a verb or another word ("Derailment", "Evacuation", "Crossing"):
# in a Title Case headline, or opening a sentence, a common word the body backs
# with another form of its stem written in lower case ("derailed", "evacuated").
_DERIVED_END = re.compile(r"(?:ments?|ations?|tions?|ions?|ings?|ers?|ures?|ances?|ences?|ness)$")


def _derived_from_body(word: str, story: _Story) -> bool:
    """Is ``word`` (capitalised only by Title Case or a sentence start) a dictionary
    word whose stem the body uses in lower case in a common word?"""
    bare = _bare(word)
    m = _DERIVED_END.search(bare)
    if m is None or m.start() < 5 or not bare.isalpha() or _frequency(bare) == 0:
        return False
    stem = bare[:m.start()]
    for found in re.findall(rf"(?<![\w']){re.escape(stem)}[^\W\d_]*", story.text):
        if found != bare and _frequency(found) > 0:
            return True
    return False


def _capital_of_style(text: str, tok: _Token) -> bool:
    """Is the capital of ``tok`` owed to Title Case or to a sentence start?"""
    return bool(_BREAK_BEFORE.search(text[:tok.start])) or not _is_sentence_case(_tokens(text), text)


def _name_candidates(text: str, ordinary: frozenset[str] = frozenset()) -> list[_Token]:
    """Tokens of a headline that look like names, in order. ``ordinary`` holds words
    another title writes in lower case (a Title Case SEO title's "Contentious")."""
    tokens = _tokens(text)
    if not tokens:
        return []
    sentence_case = _is_sentence_case(tokens, text)
    # (filter and map keep the walk over every character in C.)
    letters = "".join(filter(str.isalpha, text))
    shouting = bool(letters) and sum(map(str.isupper, letters)) > 0.7 * len(letters)
    out = []
    for i, tok in enumerate(tokens):
        word = tok.text
        if not word[0].isupper():
            continue
        bare = _bare(word)
        plain = bare.replace(".", "")
        if bare in STOPWORDS or len(plain) < 2 or bare in ordinary:
            continue
        # A unit or currency ("Dh2bn", "1.1GW", "Rs 500"), or letters glued after
        # a figure ("5G", "80km"): part of an amount.
        if plain in UNIT_ABBREVIATIONS or (tok.start and text[tok.start - 1].isdigit()):
            continue
        letters_only = _PLURAL_END.sub("", word.replace(".", ""))
        if letters_only.isupper() and len(letters_only) > 1:
            plain = _fold(letters_only)
            # An initialism ("EU", "IRGC"), unless the whole headline is shouted or
            # it is an ordinary word in capitals ("SHOCK:", "WATCH").
            if not shouting and len(plain) <= 6 and plain not in COMMON_ACRONYMS and not (
                    len(plain) >= 4 and _frequency(plain) >= SENTENCE_CASE_NAME_FREQUENCY):
                out.append(tok)
            continue
        opens = bool(_BREAK_BEFORE.search(text[:tok.start]))
        if opens and _person_noun(bare):
            continue  # "Motorist banned ...", "Goalkeeper signs ...": a description, not a name
        limit = SENTENCE_CASE_NAME_FREQUENCY if sentence_case and not opens else NAME_FREQUENCY
        if _frequency(bare) < limit and not (opens and _common_plural_opening(tokens, i)):
            out.append(tok)
    return out


def _spelled_out(text: str, story: _Story) -> set[int]:
    """Starts of tokens in runs of capitalised words whose initials the story uses
    ("United Arab Emirates" when the body says "UAE")."""
    out: set[int] = set()
    for match in _CAP_RUN.finditer(text):
        words = [m for m in _TOKEN.finditer(match.group()) if m.group()[0].isupper()]
        if len(words) < 2:
            continue
        initials = "".join(m.group()[0] for m in words)
        if story.has_initialism(initials):
            out.update(match.start() + m.start() for m in words)
    return out


_DESCRIPTOR = re.compile(r"-(?:based|born|bred|raised|headquartered|registered|listed|educated)\b", re.I)


def _run_end(text: str, end: int) -> int:
    """The end of the run of capitalised words that ends a token ("San Francisco")."""
    m = re.match(r"(?:\s+[A-Z][\w’'.]*)*", text[end:])
    return end + (m.end() if m else 0)


def _beside(text: str, tokens: tuple[_Token, ...], i: int) -> list[int]:
    """The nearest capitalised words either side of token ``i`` that are not place
    words, joined to it by spaces and place words only ("Mekong" for the "Delta"
    of "Pearl Mekong Delta", none for "Delta" in "Delta, United cut flights")."""
    out = []
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(tokens):
            a, b = (tokens[j + step], tokens[j]) if step < 0 else (tokens[j], tokens[j + step])
            if not text[a.end:b.start].isspace() or not tokens[j + step].text[0].isupper():
                break
            j += step
            if _bare(tokens[j].text) not in PLACE_WORDS:
                out.append(j)
                break
    return out


def _with_place_words(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Each span widened over the place words joined to it by spaces ("Commerce"
    -> "Commerce City", "Okeechobee" -> "Lake Okeechobee"), short of other spans."""
    tokens = _tokens(text)
    out = []
    for k, (start, end) in enumerate(spans):
        low = out[-1][1] if out else 0
        high = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        for tok in reversed(tokens):
            if tok.end > start:
                continue
            if tok.start >= low and text[tok.end:start].isspace() and tok.text[0].isupper() \
                    and _bare(tok.text) in PLACE_WORDS:
                start = tok.start
            else:
                break
        for tok in tokens:
            if tok.start < end:
                continue
            if tok.end <= high and text[end:tok.start].isspace() and tok.text[0].isupper() \
                    and _bare(tok.text) in PLACE_WORDS:
                end = tok.end
            else:
                break
        out.append((start, end))
    return out


def _merge(tokens: list[_Token], text: str) -> list[tuple[int, int]]:
    """Adjacent unsupported tokens ("Anna Kowalczyk") become one span."""
    spans: list[list[int]] = []
    for tok in tokens:
        if spans and re.fullmatch(r"[\s-]*", text[spans[-1][1]:tok.start]):
            spans[-1][1] = tok.end
        else:
            spans.append([tok.start, tok.end])
    return [(a, b) for a, b in spans]


# -- figures -----------------------------------------------------------------

def _is_year(q: Quantity) -> bool:
    return (not q.from_words and q.digits.isdigit() and len(q.digits) == 4
            and 1800 <= q.value <= 2100 and not q.percent and q.currency is None)


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s+$", re.I)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.I)
# "KATHMANDU, April 25 (Reuters) - ": a wire dateline opening a standfirst.
_DATELINE = re.compile(r"^[A-Z][A-Za-z0-9 .,/'’-]{1,60}?\([A-Za-z .]+\)\s*[-—–]\s*")
# "Five key policies", "7 things to know": the count of a list the piece is.
_LIST_NOUNS = frozenset("""
things ways reasons tips questions key best top biggest changes secrets facts signs policies
takeaways lessons moments rules mistakes places books films movies songs ideas habits steps
foods must essential easy simple great surprising big major little new quick
""".split())
_LISTICLE = re.compile(r"[^:|—–]*?\b(?:to\s+(?!be\b|face\b|get\b)[a-z]+|you|your|we|every)\b", re.I)
_SEGMENT_START = re.compile(r"(?:^|[:|—–]\s*|\.\s+|['\"‘“]\s*)$")


def _opens_segment(text: str, q: Quantity) -> bool:
    return _SEGMENT_START.search(text[:q.start]) is not None


def _dateline_end(text: str) -> int:
    m = _DATELINE.match(text)
    return m.end() if m else 0


# A figure with its unit glued on ("1.5GW", "80km", "30C"), which ``quantities``
# leaves alone (it cannot tell "5G" or "3D" from a measure): the body's
# "1.5GW" backs a headline's "1.5 gigawatts". Read only as support.
_GLUED_UNIT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:[kMGT]Wh?|[kKmM][wW]h?|[gG][wW]h?|km|kg|mm|cm|mg|ml|cl|mph|kph|kmh|ha|ft|lbs?|oz|"
    r"[kMGT]B|[MG]bps|b?hp|sqm|sq\s?ft|C|F)(?![\w/])")


def _glued(text: str) -> list[Quantity]:
    out = []
    for m in _GLUED_UNIT.finditer(text):
        digits = m.group(1).replace(",", "")
        out.append(Quantity(m.start(1), m.end(1), m.group(1), float(digits), digits=digits))
    return out


def _figures(units: list[TextUnit], words: bool) -> list[tuple[TextUnit, Quantity]]:
    """Every figure of these units, read in one pass over their joined text (a NUL
    between units, which no figure pattern crosses) and mapped back to its unit."""
    if not units:
        return []
    joined = "\x00".join(u.text for u in units)
    starts = []
    offset = 0
    for u in units:
        starts.append(offset)
        offset += len(u.text) + 1
    out = []
    for q in quantities(joined, words=words):
        i = bisect.bisect_right(starts, q.start) - 1
        shift = starts[i]
        if shift:
            q = Quantity(q.start - shift, q.end - shift, q.text, q.value, q.percent, q.currency,
                         q.from_words, q.hedge, q.digits, q.joined)
        out.append((units[i], q))
    for u in units:
        if may_have_digit(u.text):  # (a figure with its unit needs a digit: most texts have none to scan for)
            out.extend((u, q) for q in _glued(u.text))
    return out


class _BodyFigures:
    """The figures of the body and captions, read in document order only as far
    as a question needs: a headline's figure is mostly stated near the top, so
    the rest of a long body need not be read to find it agrees."""

    _FIRST_BATCH = 2  # units read at first; each later batch is twice the size

    def __init__(self, units: list[TextUnit], words: bool) -> None:
        self._units = units
        self._words = words
        self._read_to = 0  # units[:_read_to] have been read
        self._batch = self._FIRST_BATCH
        self.read: list[tuple[TextUnit, Quantity]] = []

    def _read_more(self) -> bool:
        """Read the next batch of units; False when every unit has been read."""
        if self._read_to >= len(self._units):
            return False
        batch = self._units[self._read_to:self._read_to + self._batch]
        self._read_to += len(batch)
        self._batch *= 2
        self.read.extend(_figures(batch, self._words))
        return True

    def any_agrees(self, claim: Quantity) -> bool:
        """Does some figure of the body or captions agree with ``claim``?"""
        checked = 0
        while True:
            if any(agrees(claim, stated) for _, stated in self.read[checked:]):
                return True
            checked = len(self.read)
            if not self._read_more():
                return False

    def any_within(self, low: Quantity, high: Quantity) -> bool:
        """Does some figure of the body or captions fall in the range ``low`` to ``high``?"""
        checked = 0
        while True:
            if any(_within(low, high, stated) for _, stated in self.read[checked:]):
                return True
            checked = len(self.read)
            if not self._read_more():
                return False

    def all(self) -> list[tuple[TextUnit, Quantity]]:
        while self._read_more():
            pass
        return self.read


# "between 40 and 50 tonnes", "40 to 50 tonnes", "30 or 40 people": a range. (Not
# "from 40 to 50", which may be a change from one figure to another.)
_RANGE_AND = re.compile(r"[ \u00a0]+and[ \u00a0]+(?:about[ \u00a0]+|around[ \u00a0]+)?$")
_RANGE_TO = re.compile(r"[ \u00a0]*(?:to|or|[-–—])[ \u00a0]*(?:about[ \u00a0]+|around[ \u00a0]+)?$")
_BETWEEN_BEFORE = re.compile(r"\bbetween[ \u00a0]+(?:(?:about|around|some)[ \u00a0]+)?$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom[ \u00a0]+$", re.I)


def _ranges(text: str, claims: list[Quantity]) -> dict[int, tuple[Quantity, Quantity]]:
    """The claims (by start) that are the ends of a range, each with the range's ends."""
    out = {}
    for low, high in zip(claims, claims[1:]):
        if not 0 < low.value < high.value <= 10 * low.value or low.from_words != high.from_words:
            continue
        between = text[low.end:high.start]
        before = text[max(0, low.start - 20):low.start]
        if _RANGE_AND.fullmatch(between):
            if not _BETWEEN_BEFORE.search(before):
                continue  # "40 and 50": two figures, not a range
        elif not _RANGE_TO.fullmatch(between) or _FROM_BEFORE.search(before):
            continue
        out[low.start] = out[high.start] = (low, high)
    return out


def _within(low: Quantity, high: Quantity, stated: Quantity) -> bool:
    """Is ``stated`` a figure inside the range ``low`` to ``high`` (a percentage if
    either end is one, in the range's currency if both name one)?"""
    if stated.percent != (low.percent or high.percent):
        return False
    currency = high.currency or low.currency
    if currency and stated.currency and stated.currency != currency:
        return False
    return low.value <= stated.value <= high.value


def _part_of_name(text: str, q: Quantity) -> bool:
    """"Star Trek 4", "iPhone 15", "Windows 11": a small number right after a name."""
    if q.from_words or q.value >= 100 or not q.digits.isdigit():
        return False
    before = re.search(r"([^\W\d_][\w’'-]*)\s+$", text[max(0, q.start - 30):q.start])
    if not before or re.search(r"['’]s?$", before.group(1)):
        return False  # "Adedoyin’s 37 deaths" counts something
    word = before.group(1)
    if re.search(r"[a-z][A-Z]", word):
        return True
    if not word[0].isupper() or _SEGMENT_START.search(text, 0, q.start - len(before.group(0))):
        return False
    # (The title's case is read only here: most figures are settled before.)
    return _is_sentence_case(_tokens(text), text) \
        or _frequency(_fold(word)) < SENTENCE_CASE_NAME_FREQUENCY


def _wordable(q: Quantity) -> bool:
    """Could a body write this figure in words ("seven", "a thousand", "two dozen")?"""
    return q.from_words or q.value < 100 or (q.significant <= 2 and not q.percent
                                             and q.value % 100 == 0)


def _claims(unit: TextUnit, english: bool) -> list[Quantity]:
    text = unit.text
    skip_to = _dateline_end(text)
    out = []
    for q in quantities(text, words=english):
        if q.start < skip_to or q.joined or _is_year(q):
            continue
        if q.from_words and q.value <= 1:
            continue  # "one of the ...", "no one"
        tail = text[q.end:q.end + 16]
        if _ORDINAL_AFTER.match(tail) or _TIMES_AFTER.match(tail):
            continue
        if _CLOCK_AFTER.match(tail):
            continue
        if _DATE_BEFORE.search(text[max(0, q.start - 12):q.start]) or _DATE_AFTER.match(tail):
            continue
        if not english and re.match(r"\.\s*\w", tail):
            continue  # "26. August", "3. plass": an ordinal
        if _part_of_name(text, q):
            continue
        if q.value <= 100 and not q.percent and q.currency is None:
            following = _WORD_AFTER.match(tail)
            if following and _fold(following.group(1)) in _LIST_NOUNS:
                continue
            # "3 rosé bottles to sip on a sunny day", "5 habits you should drop": a list.
            if q.value <= 25 and _opens_segment(text, q) and _LISTICLE.match(text, q.end):
                continue
        out.append(q)
    return out


_MODIFIERS = frozenset("more new other extra additional further pro anti non ex former "
                       "young old suspected alleged".split())


def _noun_after(text: str, q: Quantity) -> str | None:
    """The counted thing: "five people" -> "people", "11-year-old" -> "year",
    "6 pro-Morales demonstrators" -> "demonstrator"."""
    if q.end < len(text) and text[q.end].isalnum():
        return None
    tail = _PHRASE_END.split(text[q.end:q.end + 50], maxsplit=1)[0]
    for word in _LETTERS.findall(tail)[:3]:
        if word[0].isupper() and tail.lstrip(" -").startswith(word) is False:
            continue  # a name inside the phrase ("pro-Morales")
        folded = _fold(word)
        if folded in _MODIFIERS or len(folded) < 3:
            continue
        if folded in STOPWORDS:
            return None
        return folded[:-1] if folded.endswith("s") and len(folded) > 3 else folded
    return None


# Units of measure: a story has many durations and distances, so a different
# figure with the same unit is no contradiction.
_MEASURES = frozenset("""
second minute hour day week month year time percent per point mile kilometre kilometer km
metre meter foot feet inch pound kilo kg ton tonne dollar euro yard lap round game match
goal run set stage degree acre litre liter gallon
""".split())


_LOOSE_DURATION = re.compile(r"\b(?:in|for|over|within|after|past|last|next|than)\s+$", re.I)
# "six months before the vote", "two weeks into the strike", "a decade on": a
# span between two dates that the body gives as dates, not as a figure.
_TIME_NOUNS = frozenset("hour day week month year decade".split())
_RELATIVE_AFTER = re.compile(
    r"[\s-]*(?:hours?|days?|weeks?|months?|years?|decades?)\s+"
    r"(?:before|after|ahead\s+of|ago|later|earlier|into|since|on\s+from)\b", re.I)


# "40 years of printed fabrics" where the body gives "between 1950 and 1990" (or
# "from 1950 to 1990", "1950-90"): the span of two years the body joins.
_YEAR_PAIR = re.compile(
    r"(?<![\w.,])(1[5-9]\d\d|20\d\d)(?:s)?\s*(?:-|–|—|to|and|until|till|through)\s*"
    r"(1[5-9]\d\d|20\d\d|\d\d)(?:s)?(?![\w.,]\d)")
# "four generations" where the body gives the founder as a great-grandfather: the
# founder's, the two between and the subject's (and perhaps the subject's children).
_ANCESTOR = re.compile(r"\b((?:great-)*)grand(?:father|mother|parent)s?\b", re.I)


def _derived_count(claim: Quantity, noun: str | None, body: str) -> bool:
    """Does the body give a figure it never writes: a span of years it gives as
    two years, or a count of generations it gives as an ancestor?"""
    if claim.percent or claim.currency is not None or claim.value != int(claim.value):
        return False
    value = int(claim.value)
    if noun == "year" and 2 <= value <= 500:
        for m in _YEAR_PAIR.finditer(body):
            first, second = m.group(1), m.group(2)
            end = int(first[:2] + second) if len(second) == 2 else int(second)
            if end - int(first) == value:
                return True
    if noun == "generation" and 3 <= value <= 12:
        return any(value - m.group(1).count("great-") in (3, 4) for m in _ANCESTOR.finditer(body))
    return False


# -- ratios and fractions -------------------------------------------------------

# "1 in 10 jobs", "One in five children", "Two-thirds of voters": a share, backed
# by an equal share in the body however it is written ("400 of its 4,000 jobs",
# "a quarter", "66 per cent"), and never read as two separate figures.
_RATIO_JOIN = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?")
_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:(?:its|the|their|his|her|our|all|a\s+total\s+of)\s+)?")
_OF_BEFORE = re.compile(r"\b[Oo]f\s+(?:(?:the|its|their|all)\s+)?$")
_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION_AFTER = re.compile(
    r"[-\s](half|halves|(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?)\b", re.I)
_FRACTION_WORDS = re.compile(
    r"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[-\s]+)?"
    r"(half|(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?)\b", re.I)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9}
_ONE_IN_BEFORE = re.compile(r"\b(?:[Oo]ne|[Aa]n?|1)\s+(?:in|out\s+of)\s+(?:every\s+)?$")
_SHARE_SLACK = 0.1  # a headline's share rounds the body's: within a tenth of it, or two points


class _Share(NamedTuple):
    value: float  # the share, 0 to 1
    start: int
    end: int


def _denominator(word: str) -> int:
    word = word.lower()
    return _DENOMINATORS[word[:-1] if word.endswith("s") else word]


def _title_shares(text: str, claims: list[Quantity]) -> dict[int, _Share]:
    """The title's shares ("1 in 10", "Two-thirds"), by the start of each claim inside one."""
    out: dict[int, _Share] = {}
    for i, claim in enumerate(claims):
        if claim.percent or claim.currency is not None or claim.value <= 0 or claim.start in out:
            continue
        fraction = _FRACTION_AFTER.match(text, claim.end)
        if fraction is not None and claim.value < _denominator(fraction.group(1)):
            out[claim.start] = _Share(claim.value / _denominator(fraction.group(1)), claim.start,
                                      fraction.end())
            continue
        if i + 1 < len(claims):
            whole = claims[i + 1]
            join = _RATIO_JOIN.match(text, claim.end)
            if join is not None and join.end() == whole.start and claim.value < whole.value \
                    and not whole.percent and whole.currency is None:
                share = _Share(claim.value / whole.value, claim.start, whole.end)
                out[claim.start] = out[whole.start] = share
                continue
        # "One in five": a "one" is no claim of its own.
        one = _ONE_IN_BEFORE.search(text, max(0, claim.start - 20), claim.start)
        if one is not None and claim.value > 1:
            out[claim.start] = _Share(1 / claim.value, one.start(), claim.end)
    return out


def _body_shares(body: str) -> tuple[float, ...]:
    """Every share the body gives: percentages, "400 of its 4,000", "one in five",
    "Of the 10,000 ..., 2,000 ...", "a quarter", "two-thirds"."""
    found = quantities(body, words=True)
    shares = [q.value / 100 for q in found if q.percent]
    for part, whole in zip(found, found[1:]):
        if part.percent or whole.percent or part.currency != whole.currency:
            continue
        between = body[part.end:whole.start]
        if (_RATIO_JOIN.fullmatch(between) or _OF_WHOLE.fullmatch(between)) and 0 < part.value < whole.value:
            shares.append(part.value / whole.value)
        # "Of the 10,000 children surveyed, 2,000 were ...": the whole first.
        elif _OF_BEFORE.search(body, max(0, part.start - 14), part.start) and "," in between \
                and not re.search(r"[.!?;]", between) and len(between) < 80 and 0 < whole.value < part.value:
            shares.append(whole.value / part.value)
    for m in _FRACTION_WORDS.finditer(body):
        count = _SMALL[m.group(1).lower()] if m.group(1) else 1
        whole = _denominator(m.group(2))
        if count < whole:
            shares.append(count / whole)
    return tuple(shares)


def _share_backed(share: _Share, story: _Story) -> bool:
    return any(abs(share.value - stated) <= max(0.02, _SHARE_SLACK * share.value)
               for stated in story.shares())


# -- a headline count of people the body lists one by one ----------------------

# "Two men jailed" over "Mark Evans, 41, and Paul Hughes, 38, were jailed", "Two
# arrested" over "a man and a woman": the body gives the count as a list.
_PEOPLE_NOUNS = frozenset("""
man men woman women boy boys girl girls teenager teenagers teen teens youth youths person people
pensioner pensioners child children brother brothers sister sisters friend friends suspect suspects
couple sibling siblings twin twins student students pupil pupils
""".split())
_HAPPENED_TO = frozenset("hurt dead die held shot caught found freed sought hit stabbed".split())
_PERSON_WORD = (r"(?:man|woman|boy|girl|teenager|teen|youth|pensioner|child|toddler|baby|mother|father|"
                r"son|daughter|brother|sister|husband|wife|student|pupil|driver|passenger|pedestrian|"
                r"cyclist|motorcyclist|officer|friend|neighbour|neighbor|partner)")
_AGE = r"(?:,\s*(?:aged\s+)?\d{1,3}\b)?"
_NAMED = r"(?:[A-Z][a-z'’-]+(?:\s+(?:(?:de|van|von|da|di|al|el|le|la|bin)\s+)?[A-Z][A-Za-z'’-]+){1,2})" + _AGE
_DESCRIBED = r"(?:(?:[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+){0,3}?" + _PERSON_WORD + r")\b" + _AGE
_PERSON_ITEM = rf"(?:{_NAMED}|{_DESCRIBED})"
_PEOPLE_LIST = re.compile(rf"{_PERSON_ITEM}(?:\s*,\s*{_PERSON_ITEM})*\s*,?\s+and\s+{_PERSON_ITEM}")
_ITEM = re.compile(_PERSON_ITEM)


def _people_listed(body: str) -> frozenset[int]:
    """How many people each list of people in ``body`` gives ("Mark Evans, 41, and
    Paul Hughes, 38" gives 2)."""
    return frozenset(len(_ITEM.findall(m.group())) for m in _PEOPLE_LIST.finditer(body))


def _counts_people(text: str, claim: Quantity, noun: str | None) -> bool:
    """Is ``claim`` a small count of people ("Two men", "Three teenagers", "Two
    arrested")?"""
    if claim.percent or claim.currency is not None or claim.value != int(claim.value) \
            or not 2 <= claim.value <= 12:
        return False
    if noun in _PEOPLE_NOUNS:
        return True
    # "Two arrested", "Three charged", "Two hurt": the count is the subject of what happened.
    following = _WORD_AFTER.match(text, claim.end)
    if following is None or not following.group(1).islower():
        return False
    word = following.group(1)
    return word.endswith("ed") or word in _HAPPENED_TO


def _same_noun(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (a == b or a[:5] == b[:5] and len(a) >= 5)


# -- the check -----------------------------------------------------------------

def _content_words(text: str) -> list[str]:
    return [w for w in (_bare(t.text) for t in _tokens(text))
            if len(w) >= 3 and w not in STOPWORDS]


def _stem(word: str) -> str:
    """A crude stem for topic overlap: "violence"/"violent", "struggled"/"struggle"."""
    return word[:6] if len(word) >= 7 else word[:5] if len(word) >= 5 else word


def _uses(story: _Story, word: str) -> bool:
    stem = _stem(word)
    if stem == word:
        return story.has(*_variants(word))
    return bool(story.starting(stem))


def _off_topic(unit: TextUnit, article: Article, story: _Story) -> bool:
    """An alternative headline whose words the main headline and the story mostly
    do not use, allowing for inflection ("violence" / "violent")."""
    words = _content_words(unit.text)
    if len(words) < 2:
        return False
    main = _Story(" ".join(filter(None, [article.headline, article.standfirst or ""])))
    if sum(1 for w in words if _uses(main, w)) / len(words) >= 0.34:
        return False
    return sum(1 for w in words if _uses(story, w)) / len(words) < 0.5


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    titles = [u for u in article.units() if u.kind in _TITLE_KINDS and u.text.strip()]
    if not titles:
        return
    body = article.body_units()
    captions = article.caption_units()
    if not body:
        return
    english = primary_language(article.language) == "en"
    story = _Story("\n".join(u.text for u in body + captions))
    # The headline may lean on the standfirst, which readers see with it.
    standfirst = [u for u in titles if u.kind == STANDFIRST]
    with_standfirst = _Story("\n".join([story.text] + [u.text for u in standfirst]), extends=story) \
        if standfirst else story
    claims_of = {unit.index: _claims(unit, english) for unit in titles}
    body_figures: _BodyFigures | None = None
    body_nouns: list[str | None] | None = None
    ordinary: frozenset[str] | None = None  # (only the English name reading needs it)

    for unit in titles:
        support = story if unit.kind == STANDFIRST else with_standfirst
        if unit.kind == ALT_HEADLINE and _off_topic(unit, article, support):
            yield OFF_TOPIC_ALTERNATIVE.at(
                unit.whole(),
                "This alternative headline seems to be about a different story from the headline and body.",
                data={"headline": article.headline})
            continue
        where = _WHERE[unit.kind]

        # Figures.
        claims = claims_of[unit.index]
        if claims and body_figures is None:
            # Number words in the body matter only for figures one would write in words.
            words = english and any(_wordable(c) for cs in claims_of.values() for c in cs)
            body_figures = _BodyFigures(body + captions, words)
            stand_figures = _figures(standfirst, words)
        ranges = _ranges(unit.text, claims) if len(claims) > 1 else {}
        shares = _title_shares(unit.text, claims) if english and claims else {}
        told_shares: set[int] = set()
        for claim in claims:
            share = shares.get(claim.start)
            if share is not None:
                # A share is backed or not as a whole, and told once.
                if share.start in told_shares or _share_backed(share, support):
                    continue
                told_shares.add(share.start)
                quote = unit.text[share.start:share.end]
                yield UNSUPPORTED_NUMBER.at(
                    unit.span(share.start, share.end),
                    f"The body never gives the share {quote} ({share.value:.0%}) that the {where} gives.",
                    data={"value": share.value})
                continue
            if unit.kind != STANDFIRST and any(agrees(claim, stated) for _, stated in stand_figures):
                continue
            if body_figures.any_agrees(claim):
                continue
            span = ranges.get(claim.start)
            if span is not None and (body_figures.any_within(*span) or unit.kind != STANDFIRST and any(
                    _within(*span, stated) for _, stated in stand_figures)):
                continue  # "between 40 and 50 tonnes" where the body gives 47 tonnes
            noun = _noun_after(unit.text, claim)
            # A body figure another claim of this title already renders is accounted for
            # ("Seven die; 40 injured" does not contradict "seven people died").
            if noun is not None and body_nouns is None:
                body_nouns = [None if u.kind == "caption" or q.joined else _noun_after(u.text, q)
                              for u, q in body_figures.all()]
            rivals = [] if noun is None else [
                (u, q) for (u, q), other_noun in zip(body_figures.all(), body_nouns)
                if _same_noun(noun, other_noun)
                and not any(agrees(other, q) for other in claims if other is not claim)]
            target = unit.span(claim.start, claim.end)
            if rivals and noun is not None and not claim.hedged and english \
                    and noun not in _MEASURES:
                first_unit, first = rivals[0]
                yield CONTRADICTED_NUMBER.at(
                    target,
                    f"The {where} gives {claim.text} where the body gives {first.text}.",
                    related=[u.span(q.start, q.end) for u, q in rivals[:3]],
                    suggestion=Suggestion("replace", first.text) if len(
                        {q.value for _, q in rivals}) == 1 else None,
                    data={"value": claim.value, "body_values": [q.value for _, q in rivals[:3]],
                          "body_text": [q.text for _, q in rivals[:3]], "noun": noun})
            elif claim.from_words and claim.value <= 10 and noun in _MEASURES \
                    and _LOOSE_DURATION.search(unit.text, 0, claim.start) \
                    and not unit.text.startswith("-", claim.end):
                continue  # "in two years": a loose duration
            elif noun in _TIME_NOUNS and not rivals and claim.value <= 100 \
                    and _RELATIVE_AFTER.match(unit.text, claim.end):
                continue  # "six months before the vote": the body's dates give the span
            elif english and _derived_count(claim, noun, story.text):
                continue  # "40 years of fabrics" / "between 1950 and 1990"
            elif english and _counts_people(unit.text, claim, noun) \
                    and int(claim.value) in support.people_listed():
                continue  # "Two men jailed" / "Mark Evans, 41, and Paul Hughes, 38, were jailed"
            else:
                yield UNSUPPORTED_NUMBER.at(
                    target,
                    f"The body never states the figure {claim.text} that the {where} gives.",
                    data={"value": claim.value},
                    # Outside English the figure may be derived ("(46)" for an age).
                    severity=None if english else "info")

        # Names.
        if not english:
            continue
        if ordinary is None:
            ordinary = frozenset(_bare(t.text) for u in titles for t in _tokens(u.text)
                                 if t.text[0].islower())
        skip_to = _dateline_end(unit.text)
        candidates = [t for t in _name_candidates(unit.text, ordinary) if t.start >= skip_to]
        unsupported = [tok for tok in candidates if not _supported_name(tok.text, support)]
        if unsupported:
            long_forms = _spelled_out(unit.text, support)
            unsupported = [tok for tok in unsupported if tok.start not in long_forms]
        # "Tram Derailment in Lodz" where the body says the tram was derailed: a
        # common noun the headline's style capitalises, not a name.
        unsupported = [tok for tok in unsupported if not (
            _capital_of_style(unit.text, tok) and _derived_from_body(tok.text, support))]
        # "San Francisco-based", "Glasgow-born": a description, not a claim about the story.
        unsupported = [tok for tok in unsupported
                       if not _DESCRIPTOR.match(unit.text, _run_end(unit.text, tok.end))]
        # "Mekong Delta" where the body gives the Mekong: the place word needs no support.
        if any(_bare(tok.text) in PLACE_WORDS for tok in unsupported):
            tokens = _tokens(unit.text)
            at = {tok.start: i for i, tok in enumerate(tokens)}
            backed = {tok.start for tok in candidates} - {tok.start for tok in unsupported}
            unsupported = [tok for tok in unsupported if not (
                _bare(tok.text) in PLACE_WORDS
                and any(tokens[j].start in backed for j in _beside(unit.text, tokens, at[tok.start])))]
        for start, end in _with_place_words(_merge(unsupported, unit.text), unit.text):
            name = re.sub(r"['’]s?$", "", unit.text[start:end])
            if _broad_place(unit.text, start, end):
                rival = _rival_place(unit.text, start, end, support)
                if rival is None:
                    # "south-west Poland" where the body gives only the town: likely
                    # true, and an editor's check, not a slip.
                    yield UNSUPPORTED_NAME.at(
                        unit.span(start, end),
                        f"The body never mentions {name} nor places the story there, as the "
                        f"{where} does; check that the places the body gives lie there.",
                        data={"name": name, "broad_place": True}, severity="info")
                else:
                    yield UNSUPPORTED_NAME.at(
                        unit.span(start, end),
                        f"The body never mentions {name}, which the {where} names; it gives “{rival}”.",
                        data={"name": name, "body_gives": rival})
                continue
            yield UNSUPPORTED_NAME.at(
                unit.span(start, end),
                f"The body never mentions {name}, which the {where} names.",
                data={"name": name})
