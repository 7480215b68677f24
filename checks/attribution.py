"""Quotations without a speaker, unbalanced quotation marks, and photos without a credit.

## What it does
Reads the body for direct quotations, that is a full clause or sentence in
quotation marks (straight " ", curly “ ”, German „ “, guillemets « » and » «,
Nordic ” ”, and British single ‘ ’), and flags:

- `unattributed-quote`: a quotation with no speaker near it. A speaker is a
  cue such as "said", "told", "according to", "wrote", "added" (or
  "sagte", "so", "dijo", "según", "a déclaré", "selon") outside the quoted
  words of its paragraph; a subject and verb right after the closing mark
  ("...,” Adv Tšosane shares.", "...!” an officer ordered.", but not "...,” a
  decision that was welcomed." or "...,” the promise was
  repeated."; in Spanish and French a verb alone told in the
  past: "”, relató.", "», a-t-il ajouté.", not "”, etcétera."); a lead-in colon (but not, in English, a
  sentence about a thing that names nobody: "The message on the placards was
  plain: “...”"); a "— Name" or "(@handle)" after an embedded post; a
  sentence after the quotation that points back to it (a demonstrative with a
  copula or a words-noun) and names or describes the speaker ("That was the
  promise the mayor made.", not "That same week the mayor ...", "Ruiz ... made the
  remark to reporters."); a sentence of its own paragraph right before it that
  is about a person, as a paragraph before would be ("Ana Ruiz closed the
  meeting. “...”"); or, in the paragraph
  before, a lead-in, a question (interviews), or a person as the subject
  ("Draper meanwhile wrapped up his win.", "The harbour master was in no mood
  for compromise.", "Her message was short.", "The pensioner is furious.",
  "The 71-year-old is ...", "Leeds captain Ana Ruiz apologised.", and with
  any verb, a possessive or a fronted phrase: "Ruiz went ...", "Ruiz isn’t
  ...", "Ruiz’s patience has run out.", "Now 71, Ruiz is ..."; a single word
  in those last forms only when the article writes it as a person's name,
  "Ana Ruiz", "Mr Ruiz", so not "Leeds lost 3-0." nor "Ford cut 3,800 jobs.",
  and several words only without a place's or a body's word, not "Network
  Rail made ...", "Leeds United won’t ...";
  not a word the article also
  writes in lower case, "Polls published ...", nor "Several ...", nor a group:
  "Hundreds of workers ...", nor a thing's age, "The 44-year-old footbridge
  ...") whose last sentence, the one next to the
  quotation, is still about a person (a name, "she", "his", "the mayor"; not
  "Mr. Giordano took over in December. But the team has scored only
  twice."). A run of
  consecutive quotation paragraphs shares one speaker, and the paragraph
  after a run may attribute it; a speaker two paragraphs back, with a
  paragraph about something else between, does not ("The company said the
  cuts ... / Hundreds of workers gathered ... / “We built this city ...”":
  the reader cannot tell whose words they are). In English, a quotation that
  stands as a sentence of its own after a sentence of its paragraph that
  names nobody ("Shopkeepers are divided. Some welcome the idea. “If people
  cannot park ...”") is not covered by the paragraphs before, nor by a
  person named in an earlier sentence of its paragraph. Subheadings and stray
  caption lines are skipped over.
  Scare quotes, short phrases (under five words), partial quotes woven into a
  sentence (starting in lower case) and titles of works (Title Case, or after
  "titled", "film", "book" ...) are not direct quotations. Quote blocks are
  attributed by their `attribution` field. Only English, German, Spanish and
  French are read for speakers; other languages get no such finding.
- `unclosed-quote`: an opening quotation mark never closed in its paragraph.
  A quote running over paragraphs reopens each new paragraph without closing
  the previous one: that is correct style and passes, as does a quote that
  runs on unmarked until a later paragraph closes it. A ", he said." inside
  the open quote shows where the closing mark was lost. Right-to-left
  languages (Arabic, Persian, Hebrew ...), where curly marks are often typed
  reversed, are not judged. In English a British ‘ that opens a quotation (at
  the paragraph's start, after punctuation or a verb of saying: "She added:
  ‘...") of four words or more is unclosed when no ’ or ' follows it in its
  paragraph, and the next paragraph neither reopens (with any mark) nor closes
  it; a ‘ typed for an apostrophe ("won ‘t", "the ‘60s") or a name's mark is
  not read.
- `unopened-quote`: a closing quotation mark with no opening one.
- `missing-credit`: a captioned image with no credit (no `credit` field, no
  credit at the end of its caption, and a caption that is not itself a credit
  line) while every other image in the article has one: a warning. A credit at
  the end may be an agency ("... in Tehran. EPA"), a label ("Photo: ...") or
  words saying where the picture came from ("Photo courtesy of Leeds City
  Council", "(Family handout)", "© Ana Ruiz", "Photograph by Ana Ruiz for the
  Guardian"; see checks/credits.py). Other
  uncredited images are `info`: among several uncredited ones, or when no
  image has a credit, a gap is as often a teaser, an author's headshot or a
  feed that drops credits as a forgotten credit.
- `no-credits` (info): none of the article's images has a credit; reported
  once, at the first, with the others in `related`.

More than two warnings of one rule in one article are all lowered to `info`:
that many usually means a format the check does not read (a transcript, an
interview, another language's conventions), not that many slips. Mixed
quotation styles (“ ... ") are a house-style matter and pass; apostrophes
(Iran’s, Workers') are not quotation marks; a doubled mark (“”) counts once;
inch marks (12") are not quotation marks.

## Why it matters
A quotation without a speaker cannot be checked by the desk and reads as the
publication's own voice. A quotation mark left open leaves the reader unsure
where the speaker stops and the reporter resumes. An uncredited photo is a
rights problem and breaks agency terms.

## Example
```
“We will rebuild the harbour within a year.”     <- unattributed-quote
“We will rebuild the harbour, the mayor said.     <- unclosed-quote
A woman passes a mural in Tehran.   (two other photos credited, this one not)
                                                  <- missing-credit
```

## How to fix
Name the speaker in the quotation's sentence or next to it ("..., the mayor
said."). Close the quotation where the speaker's words end, or open it where
they begin. Put the photographer or agency in the image's credit field or at
the end of its caption ("... in Tehran. EPA").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, NamedTuple

from checks.annotation import Annotation
from checks.credits import is_credit
from checks.engine import Context
from checks.model import HEADING, QUOTE, Article, Block, Target, TextUnit
from checks.registry import Rule
from checks.text import primary_language

ID = "attribution"

UNATTRIBUTED_QUOTE = Rule(ID, "unattributed-quote", "warning",
                          "A direct quotation with no speaker in or next to it.")
UNCLOSED_QUOTE = Rule(ID, "unclosed-quote", "warning",
                      "An opening quotation mark that is never closed.")
UNOPENED_QUOTE = Rule(ID, "unopened-quote", "warning",
                      "A closing quotation mark with no opening one.")
MISSING_CREDIT = Rule(ID, "missing-credit", "warning",
                      "A captioned image with no credit, where the article's other images have one.")
NO_CREDITS = Rule(ID, "no-credits", "info",
                  "None of the article's images carries a credit.")
RULES = (UNATTRIBUTED_QUOTE, UNCLOSED_QUOTE, UNOPENED_QUOTE, MISSING_CREDIT, NO_CREDITS)

# -- quotation marks ------------------------------------------------------

OPEN, CLOSE = "open", "close"
_DOUBLE = re.compile(r"’’|‘‘|``|''(?!\w)|[\"“”„«»]")
_SPACE_BEFORE_OPEN = set(" \t\n([{—–-/\u00a0") | {""}
_AFTER_CLOSE = set(" \t\n.,;:!?)]}—–-…/\u00a0'’") | {""}


class Mark(NamedTuple):
    pos: int
    char: str
    role: str


@dataclass(slots=True)
class Quotation:
    """Quoted words in one paragraph: from the opening mark to just after the closing one."""

    start: int
    end: int
    text: str  # the words between the marks


_CURLY_PAIR = re.compile(r"“[^“”]+”")
_SINGLE_CHAR_DOUBLE = re.compile(r"[\"“”„«»]")  # _DOUBLE in a text with no doubled single marks
_new_mark = tuple.__new__  # builds a Mark without the keyword-argument wrapper (hot loop)


def _has_doubled(text: str) -> bool:
    """Whether ``text`` has a mark typed as two single ones (’’ ‘‘ '' ``).

    A substring test for one character is a fast C scan; one for two
    characters is several times slower, over the whole text when it is not
    there (the usual case). So each pair is looked for only when its character
    is in the text: "’" nearly always is (apostrophes), the others seldom."""
    return (("’’" in text)
            or ("‘" in text and "‘‘" in text)
            or ("'" in text and "''" in text)
            or ("`" in text and "``" in text))


def _has_not_curly(text: str) -> bool:
    """Whether ``text`` has any mark _DOUBLE finds besides curly “ and ” (" „ « » and the
    doubled ’’ ‘‘ '' ``, tested last)."""
    return '"' in text or "„" in text or "«" in text or "»" in text or _has_doubled(text)


# What _double_marks finds in a text without quotation marks (most paragraphs):
# one shared, immutable result, so a long article keeps no lists for them
# alive (fewer objects for the garbage collector to walk).
_NO_MARKS: tuple[tuple, tuple, tuple] = ((), (), ())


def _double_marks(text: str, carried: bool = False, curly_only: bool = False
                  ) -> tuple[list[tuple[Mark, Mark]], list[Mark], list[Mark]]:
    """Pairs, unmatched opening marks and unmatched closing marks of one text.

    ``carried``: a quotation opened in an earlier paragraph is still running;
    it is a virtual opening mark at position -1. ``curly_only``: the caller knows
    the text holds none of the marks _has_not_curly() looks for (its article has none).
    """
    n = len(text)
    # (Plain substring tests, spelled out: this runs on every paragraph, and
    # each test is a fast C scan where an expression walks every character.)
    # (A two-character test scans much slower than a one-character one, so
    # each is tried only when the text has its character: see _has_doubled.)
    doubled = not curly_only and _has_doubled(text)
    if curly_only or (not doubled and '"' not in text and "„" not in text and "«" not in text
                      and "»" not in text):
        if "“" not in text and "”" not in text:
            if not carried:
                return _NO_MARKS  # most paragraphs quote no one
        elif not carried:
            # The common case, only curly marks: when they strictly alternate
            # (“...” “...”), every one is in a pair “[^“”]+”; pair them directly.
            found = [match.span() for match in _CURLY_PAIR.finditer(text)]
            if len(found) == text.count("“") == text.count("”"):
                return [(_new_mark(Mark, (start, "“", OPEN)), _new_mark(Mark, (end - 1, "”", CLOSE)))
                        for start, end in found], [], []
    pairs: list[tuple[Mark, Mark]] = []
    stack: list[Mark] = [Mark(-1, "“", OPEN)] if carried else []
    stray: list[Mark] = []
    space_before_open, after_close = _SPACE_BEFORE_OPEN, _AFTER_CLOSE  # (locals: a hot loop)
    for match in (_DOUBLE if doubled else _SINGLE_CHAR_DOUBLE).finditer(text):
        pos, stop = match.span()
        before = text[pos - 1] if pos else ""
        after = text[stop] if stop < n else ""
        if stop - pos == 2:  # ‘‘ ... ’’ typed with two single marks
            if before.isdigit():
                continue  # seconds: 1‘06‘‘
            ch = "“" if text[pos] in "‘`" else "”"
        else:
            ch = text[pos]
        top = stack[-1][1] if stack else None  # (the char of the innermost open mark)
        if ch == "„":
            role = OPEN
        elif ch == "«":
            role = CLOSE if top == "»" else OPEN
        elif ch == "»":
            if top == "«":
                role = CLOSE
            elif before in space_before_open and after.isalnum():
                role = OPEN  # German and Danish »...«
            elif before == " " and (not after or after.isspace()):
                continue  # a "more »" link arrow, not a quotation mark
            else:
                role = CLOSE
        elif ch == "“":
            if top == "„":
                role = CLOSE
            elif before and before not in space_before_open and after in after_close:
                role = CLOSE  # „...“ closing, or a “ typed for ”
            else:
                role = OPEN
        elif ch == "”":
            if before in space_before_open and after and not after.isspace() and after not in ",.;:!?)":
                role = OPEN  # Swedish, Finnish and Danish ”...”
            else:
                role = CLOSE
        else:  # the straight "
            if before.isdigit() and top is None:
                continue  # inches: 12" screen, 5'11"
            opens = before in space_before_open and after and not after.isspace()
            closes = before not in space_before_open and after in after_close
            if opens and not closes:
                role = OPEN
            elif closes and not opens:
                role = CLOSE
            else:
                role = CLOSE if top is not None else OPEN
        if stack and stack[-1][0] == pos - 1 >= 0:  # (a real mark right before, not the carried -1)
            continue  # a doubled mark (“” or "„) typed where one was meant
        mark = _new_mark(Mark, (pos, ch, role))
        if role == OPEN:
            stack.append(mark)
        elif stack:
            pairs.append((stack.pop(), mark))
        else:
            stray.append(mark)
    return pairs, stack, stray


# An opening single mark: at the start or after a space, bracket, dash or
# double mark, before a letter. (The lookbehind comes after the mark, so that
# the engine skips from one ‘ or ' to the next at C speed.)
_SINGLE_OPEN = re.compile(r"[‘'](?<![^\s(\[—–\"“„][‘'])(?=[^\W\d_])")


def _single_pairs(text: str) -> list[tuple[int, int]]:
    """British quotations in single marks (‘...’ or '...'), as (open, close+1)."""
    # (" '" is looked for only in a text with a straight ': see _has_doubled.)
    if "‘" not in text and ("'" not in text or (" '" not in text and not text.startswith("'"))):
        return []
    out: list[tuple[int, int]] = []
    pos = 0
    while True:
        match = _SINGLE_OPEN.search(text, pos)
        if not match:
            return out
        start = match.start()
        mark = match.group()
        closers = "’" if mark == "‘" else "'"
        close = -1
        i = start + 1
        limit = start + 1000  # a quotation in single marks is a sentence or two
        while True:
            i = min((j for j in (text.find(c, i, limit) for c in closers) if j != -1), default=-1)
            if i == -1:
                break
            after = text[i + 1:i + 2]
            if not after.isalnum():
                close = i
                break
            i += 1
        if close == -1:
            pos = start + 1
            continue
        out.append((start, close + 1))
        pos = close + 1


# A curly ‘ that opens a quotation (as _SINGLE_OPEN, the straight ' aside: it is
# as often an apostrophe), and words that open with a ‘ typed for an apostrophe
# ("let ‘em", "rock ‘n’ roll").
_CURLY_SINGLE_OPEN = re.compile(r"‘(?<![^\s(\[—–\"“„]‘)(?=[^\W\d_])")
_ELISION = re.compile(r"‘(?:em|n|til|cause|bout|round|tis|twas|nother|kay|t|s|d|ll|re|ve|m)\b", re.I)
# A ’ (or ') not before a letter or digit: a closing mark, or a plural's
# apostrophe ("the players’ union"), which may stand for one.
_SINGLE_CLOSE = re.compile(r"[’'](?![^\W_])")
# Where a quotation opens: the paragraph's start, after punctuation or a verb
# of saying ("She added: ‘...", "He said ‘..."). After other words a ‘ is as
# often a name's mark ("and ‘Matšosane") or a scare quote.
_SINGLE_LEAD = re.compile(r"(?:^|[:,.;!?(—–-]|\b(?:said|says|told|tells|added|adds|asked|warned|wrote"
                          r"|insisted|replied|explained))\s*$")
_SINGLE_CLOSE_TYPED_AS_OPENING = re.compile(r"(?<=[^\s(\[—–\"“„])‘")  # "‘special fund‘"


def _unclosed_single(text: str, singles: Iterable[tuple[int, int]], pairs: list[tuple[Mark, Mark]],
                     following: TextUnit | None) -> int | None:
    """Where a curly ‘ opens a quotation of a few words that nothing closes:
    no ’ after it in its paragraph, nor, before any ‘, in the next (a quotation
    that runs on), and the next paragraph does not reopen it; None if none does.
    A ‘ inside a quotation in double marks, or after which a ‘ closes a word (a
    closing mark typed the wrong way), is left alone."""
    for match in _CURLY_SINGLE_OPEN.finditer(text):
        start = match.start()
        if any(s <= start < e for s, e in singles) or _ELISION.match(text, start) \
                or any(o.pos <= start <= c.pos for o, c in pairs) \
                or not _SINGLE_LEAD.search(text, max(0, start - 12), start):
            continue
        if _SINGLE_CLOSE.search(text, start + 1) or _SINGLE_CLOSE_TYPED_AS_OPENING.search(text, start + 1) \
                or len(text[start:].split()) < 4:
            return None
        if following is not None:
            after = following.text.lstrip()
            close = _SINGLE_CLOSE.search(after)
            reopen = after.find("‘")
            if (after and after[0] in "‘'\"“„«") or (close and (reopen == -1 or close.start() < reopen)):
                # (reopened, even with another mark: "‘I'm ..." then "“I love ...")
                return None
        return start
    return None


# -- direct quotations ----------------------------------------------------

# A word: a run without spaces that holds a letter ("U.S.-controlled" is one).
_LETTER_WORD = re.compile(r"[^\s\"“”„«»‘’]*[^\W\d_][^\s\"“”„«»]*")
_MINOR = frozenset("a an and as at but by for from in into of on or the to with vs via".split())
_WORK_CUE = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|film|movie|book|novel|song|album|single|show|series|"
    r"play|musical|episode|documentary|podcast|poem|painting|exhibition|report|campaign|slogan|"
    r"hashtag|headline|motto|column|essay|article|programme|program|brochure|study|paper|memoir|"
    r"collection|opera|ballet|anthem|thesis|manifesto|biography|autobiography|sculpture|installation|"
    r"Titel|título|titre)\W*$",
    re.I)


def _names_a_work(lead: str) -> bool:
    """Whether ``lead`` ends in a _WORK_CUE word ("the film", "titled").

    The cue is all word characters, after a word boundary and before only
    non-word ones, so it can only be the last run of word characters: match
    there, instead of searching from every position of the lead."""
    end = len(lead)
    while end and not (lead[end - 1].isalnum() or lead[end - 1] == "_"):  # (what \w is)
        end -= 1
    begin = end
    while begin and (lead[begin - 1].isalnum() or lead[begin - 1] == "_"):
        begin -= 1
    return begin < end and _WORK_CUE.match(lead, begin) is not None


def _is_direct(text: str, quoted: str, start: int, end: int) -> bool:
    """Whether ``quoted`` (between marks at ``start`` and ``end``) reads as a full clause."""
    tokens = quoted.split(None, 15)  # (no more than needed to tell 16 or more)
    if len(tokens) < 5:
        return False
    first = next((c for c in quoted if c.isalpha()), "")
    if not first.isupper():
        return False  # a partial quote woven into the sentence
    if len(tokens) <= 15:  # only short quotations can be titles
        words = _LETTER_WORD.findall(quoted)
        if len(words) < 5:
            return False
        long_words = [w for w in words if w.lower() not in _MINOR]
        capitalised = sum(1 for w in long_words if w[0].isupper())
        if long_words and capitalised / len(long_words) > 0.6:
            return False  # a title of a work, a name, a slogan in Title Case
    if _names_a_work(text[max(0, start - 40):start]):
        return False
    # A full clause stands at a sentence start, after a lead-in (":" or ","),
    # or ends in its own punctuation; "the "Global Partnership for Peace" fund"
    # is a name used inside the sentence.
    before = text[max(0, start - 20):start].rstrip()
    tail = quoted.rstrip()
    after = text[end:end + 2].lstrip()
    return (not before or before[-1] in ".!?:;,—–-…\"”»(" or tail[-1:] in ".!?,…;:"
            or not after or after[:1] in ".!?")


# -- speakers -------------------------------------------------------------

_EN = (
    r"said|says|told|tells|according to|wrote|writes|added|adds|asked|asks|explained|explains|"
    r"stated|declared|declares|insisted|insists|argued|argues|warned|warns|noted|replied|replies|"
    r"recalled|recalls|tweeted|in a statement|told reporters|spokesman|spokeswoman|spokesperson|"
    r"quipped|remarked|testified|emphasi[sz]ed|stressed|reiterated|acknowledged|admitted"
    r"|say|saying|tell|telling|writing|adding|asking|explaining|noting|stating|announced|announces|"
    r"insisting|arguing|claimed|claiming|recalling|responded|responds|urged|urges|acknowledges|"
    r"admits|commented|concluded|concludes|emphasi[sz]es|pointed out|points out|quips|shouted|"
    r"shouts|posted on|wrote on|suggested|suggests|testifies|whispered|yelled|wondered|wonders|"
    r"cautioned|cautions|conceded|concedes|countered|counters|joked|jokes|mused|muses|predicted|"
    r"predicts|promised|promises|reads|chanted|chants|cried|screamed|describes|vowed|vows|"
    r"pledged|pledges|stresses|reiterates|boasted|boasts|complained|complains|lamented|laments|"
    r"recounted|recounts|elaborated|assured|assures|texted|emailed|messaged|captioned|spoke|speaks|"
    r"speaking|statement|interview|quoted|quoting|answered|answers|retorted|summed up|put it|"
    r"reflected|reflects|went on|press release|press conference|briefing|testimony|in a post|"
    r"in a tweet|in a letter|in an email|had written|has written|have written"
)
_DE = (
    r"sagte|sagt|sagten|sagen|erklärte|erklärt|erklärten|betonte|betont|meinte|meint|fügte|teilte|"
    r"zufolge|laut|schrieb|schreibt|berichtete|berichtet|erzählte|erzählt|kritisierte|kritisiert|"
    r"warnte|warnt|forderte|fordert|heißt es|hieß es|sprach|spricht|fragte|fragt|antwortete|"
    r"ergänzte|bekräftigte|räumte|zitiert|zitierte|Mitteilung|Erklärung|Interview|Sprecher|"
    r"Sprecherin|resümiert|resümierte|unterstrich|bestätigte|bestätigt|versicherte|verkündete|"
    r"sagt er|sagt sie|so der|so die|so das"
)
_ES = (
    r"dijo|dice|dicen|dijeron|según|afirmó|afirma|aseguró|asegura|señaló|señala|explicó|explica|"
    r"declaró|declara|añadió|añade|agregó|agrega|indicó|indica|manifestó|comentó|subrayó|escribió|"
    r"escribe|apuntó|apunta|sostuvo|sostiene|advirtió|advierte|insistió|destacó|destaca|recordó|"
    r"preguntó|respondió|contó|cuenta|expresó|concluyó|comunicado|entrevista|portavoz"
)
_FR = (
    r"a déclaré|déclare|a dit|dit|selon|a affirmé|affirme|a expliqué|explique|a ajouté|ajoute|"
    r"estime|a estimé|souligne|a souligné|a indiqué|indique|a précisé|précise|d'après|d’après|"
    r"raconte|a raconté|assure|a assuré|confie|a confié|insiste|a insisté|rappelle|a rappelé|"
    r"poursuit|a poursuivi|lance|a lancé|répond|a répondu|note|a noté|écrit|a écrit|"
    r"communiqué|entretien|porte-parole|-t-il|-t-elle|-t-ils|-t-elles"
)
# Speaker labels of a transcript or an interview: "Q:", "SMITH:", "Prelogar:".
_LABEL = re.compile(r"^\s*(?:Q|A|[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})\s*:")


# An attribution clause after a comma inside what should be quoted words:
# "We will rebuild, the mayor said." shows where a closing mark went missing.
_ENDS_QUOTE = {
    "en": re.compile(
        r"[,?!]\s+(?:he|she|they|we|I|it|(?:the |a |an )?[a-z]+(?: [a-z]+)?"
        r"|(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w'’-]+)"
        r"\s+(?:said|says|added|told|asked|wrote|explained|insisted|warned|remembered|recalled)\b"
        r"|[,?!]\s+(?:said|says|added|asked)\s+(?:[A-Z]|he\b|she\b)"
        # "..., Philippine exercise director Brigadier General Vicente Blanco told reporters."
        r"|[,?!]\s+[^.!?“”\"]{1,100}?\s(?:said|says|added|told|asked|wrote|explained)"
        r"(?:\s+[\w’']+){0,2}\.(?=\s|$)"),
    "de": re.compile(r"[,?!]\s+(?:sagte|sagt|so|erklärte|betonte|meinte)\s+[A-Zder]"),
    "es": re.compile(r"[,?!]\s+(?:dijo|afirmó|aseguró|señaló|explicó|añadió)\b"),
    "fr": re.compile(r"[,?!]\s+(?:a déclaré|a dit|a affirmé|a expliqué|a ajouté|explique|ajoute|"
                     r"dit-il|dit-elle)\b"),
}


class _Speakers:
    """Speaker cues of one language: single words by set lookup (fast), and
    the few phrases and hyphenated forms by a small expression."""

    _WORD = re.compile(r"[^\W\d_]+")

    def __init__(self, cues: str):
        items = cues.split("|")
        self.words = frozenset(i.lower() for i in items if re.fullmatch(r"[^\W\d_]+", i))
        phrases = [i for i in items if i.lower() not in self.words]
        # A phrase that opens on a hyphen ("-t-il") ends a word ("a-t-il"): no
        # word boundary before it.
        bounded = "|".join(p for p in phrases if not p.startswith("-"))
        suffixes = "|".join(p for p in phrases if p.startswith("-"))
        either = "|".join(filter(None, (bounded and rf"(?<![\w-])(?:{bounded})",
                                        suffixes and f"(?:{suffixes})")))
        self.phrases = re.compile(rf"(?:{either})(?!\w)", re.I) if phrases else None
        anchors = [_anchor(p) for p in phrases]
        # Any of the anchors, as one expression: it scans the text once where
        # a substring test per anchor would scan it once per anchor.
        self.anchors = re.compile("|".join(map(re.escape, dict.fromkeys(anchors)))) if (
            phrases and all(anchors)) else None
        # Cue words of ASCII letters only (all of English's), as bytes.
        self.ascii_words = frozenset(w.encode() for w in self.words) if all(
            w.isascii() for w in self.words) else None
        # A phrase of plain ASCII words matches whole words, so its longest word
        # is then a run of ASCII letters of the lower-cased text (as with the
        # cue words, if the text has none of the non-ASCII letters that match
        # an ASCII one case-insensitively, _ODD_CASES). Those words, and the
        # anchors of the other phrases ("emphasi[sz]ed"), rule most texts out.
        plain = [p for p in phrases if all(w.isascii() and w.isalpha() for w in p.split(" "))]
        self.phrase_words = frozenset(max(p.lower().split(" "), key=len).encode() for p in plain) if (
            self.ascii_words is not None) else None
        others = [_anchor(p) for p in phrases if p not in plain]
        self.other_anchors = re.compile("|".join(map(re.escape, dict.fromkeys(others)))) if (
            others and all(others)) else None
        self.other_phrases_read = not others or self.other_anchors is not None

    def search(self, text: str) -> bool:
        lowered = text.lower()
        encoded = lowered.encode("utf-8", "surrogatepass")  # (a lone surrogate from JSON input)
        ascii_text = encoded.isascii()
        # (The runs of ASCII letters, as bytes, for English.)
        runs = (encoded.translate(_ALL_BUT_ASCII_LETTERS_TO_SPACE).split() if self.ascii_words is not None
                else None)
        # A cue word (letters only) that is a whole word of the text is one of
        # those runs: when none is (most texts), no cue word is there, and the
        # text need not be cut into words at all; in an ASCII text the runs
        # are its words.
        hits = self.ascii_words.intersection(runs) if runs is not None else None
        if hits is None or hits:
            if ascii_text and hits:
                return True
            # A cue between ASCII non-letters is a whole word: with those made
            # spaces (C-level byte operations), a substring test per cue run
            # found (English), or the words cut there (other languages). Only
            # a text with other characters needs the expression for the rest.
            spaced = encoded.translate(_ASCII_NON_LETTER_TO_SPACE)
            if hits:
                spaced = b" " + spaced + b" "
                if any(b" " + word + b" " in spaced for word in hits):
                    return True
            elif not self.words.isdisjoint(spaced.decode("utf-8", "surrogatepass").split()):
                return True
            if not ascii_text and not self.words.isdisjoint(self._WORD.findall(lowered)):
                return True
        if self.phrases is None:
            return False
        if runs is not None and self.other_phrases_read and (
                ascii_text or not any(map(text.__contains__, _ODD_CASES))):
            if self.phrase_words.isdisjoint(runs) and not (
                    self.other_anchors is not None and self.other_anchors.search(text.casefold())):
                return False
        elif self.anchors is not None:
            # The case-insensitive expression walks every character; a text
            # without any phrase's anchor cannot match it.
            folded = text.casefold()
            if not self.anchors.search(folded):
                return False
        return bool(self.phrases.search(text))


# ASCII bytes other than letters, as spaces; every other byte kept.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_ASCII_NON_LETTER_TO_SPACE = bytes.maketrans(_ASCII_NON_LETTERS, b" " * len(_ASCII_NON_LETTERS))
# Every byte but an ASCII letter's, as a space: what is left are the runs of
# ASCII letters between non-letters or other characters' bytes.
_NON_LETTER_BYTES = _ASCII_NON_LETTERS + bytes(range(128, 256))
_ALL_BUT_ASCII_LETTERS_TO_SPACE = bytes.maketrans(_NON_LETTER_BYTES, b" " * len(_NON_LETTER_BYTES))
# The only non-ASCII characters that match an ASCII letter case-insensitively
# (re.I), besides the Kelvin sign, which lower-cases to "k": İ and ı match "i",
# ſ matches "s". In a text with none, such a match lower-cases to ASCII letters.
_ODD_CASES = ("İ", "ı", "ſ")
# Characters whose every case-insensitive match (re.I) case-folds to one and
# the same character; "i" is not one ("İ" and "ı" match it).
_FOLD_SAFE = frozenset("abcdefghjklmnopqrstuvwxyzABCDEFGHJKLMNOPQRSTUVWXYZ '-’")
_REGEX_SYNTAX = frozenset("[](){}?*+\\.^$|")


def _anchor(phrase: str) -> str:
    """A case-folded substring that every case-insensitive match of ``phrase``
    (a cue in regex syntax) folds to: the longest run of fold-safe literal
    characters before any regex syntax. Empty when there is none."""
    best = run = ""
    for ch in phrase:
        if ch in _REGEX_SYNTAX:
            break
        if ch in _FOLD_SAFE:
            run += ch.casefold()
            if len(run) > len(best):
                best = run
        else:
            run = ""
    return best


_SPEAKERS = {"en": _Speakers(_EN), "de": _Speakers(_DE), "es": _Speakers(_ES), "fr": _Speakers(_FR)}
# A lead-in colon right before a quotation, a "— Name" after one, or an
# embedded post's "(@handle)".
# English only: a person outside the quoted words ("Mr Smith", "Jane Doe",
# "he"), and a paragraph that opens on a person as its subject ("Draper
# meanwhile wrapped up his win ..."), after which quotations are that person's.
_TITLE_WORDS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Sen",
                "Rep", "Gov", "Gen", "President", "Minister", "Judge", "Justice")
_TITLES = f"(?:{'|'.join(_TITLE_WORDS)})"
# A person named: a title ("Mr Smith"), two capitalised words not opening a
# sentence ("Jane Doe"), or a pronoun. Three expressions tried in turn, not one
# alternation: one opening on lookbehinds is tried at every character, where
# _TWO_NAMES opens on its capital ("\b[A-Z]", its lookbehinds moved after it),
# and the engine skips at C speed from one capital to the next.
_TITLE_NAME = re.compile(rf"\b{_TITLES}\.? [A-Z]")
_TWO_NAMES = re.compile(
    r"[A-Z](?<!\w[A-Z])(?<![.!?:“\"]\s[A-Z])(?<!^[A-Z])"
    r"[a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_PRONOUN = re.compile(r"\b(?:he|she|they|I|we)\b(?! (?:say|said))")
# The pronoun or title those two find is a whole word of ASCII letters, so one
# of the text's ASCII-letter runs: a C-level test before each expression.
_PRONOUN_RUNS = frozenset((b"he", b"she", b"they", b"I", b"we"))
_TITLE_RUNS = frozenset(t.encode() for t in _TITLE_WORDS)


def _names_person(text: str) -> bool:
    if _TWO_NAMES.search(text):
        return True
    runs = text.encode("utf-8", "surrogatepass").translate(_ALL_BUT_ASCII_LETTERS_TO_SPACE).split()
    return bool((not _PRONOUN_RUNS.isdisjoint(runs) and _PRONOUN.search(text))
                or (not _TITLE_RUNS.isdisjoint(runs) and _TITLE_NAME.search(text)))


_NOT_A_PERSON = (r"(?!(?:It|Its|This|That|There|These|Those|The|A|An|In|On|At|For|But|And|As|If|When|"
                 r"While|After|Before|Since|Their|Our|His|Her|One|Some|Many|Most|What|Here|Now|Then|"
                 r"Several|Both|All|Each|Every|Few|Other|Such|No|Two|Three|Four|Five|Ten|Dozens|"
                 r"Hundreds|Thousands|Millions)\b)")
_SUBJECT = re.compile(
    rf"^{_NOT_A_PERSON}(?P<title>{_TITLES}\.? )?(?P<name>(?:[A-Z][\w'’-]+ ){{0,3}}[A-Z][\w'’-]+)"
    r"(?:,| (?:[a-z]+ly |meanwhile |also |then |now )?"
    r"[a-z]+(?:ed|s)\b)|^(?:He|She|They|I|We) ")


def _word_char(ch: str) -> bool:
    """Whether ``ch`` (one character or none) continues a word: a letter, digit, _ or -."""
    return bool(ch) and (ch.isalnum() or ch in "_-")


# A plural as the subject ("Shopkeepers are divided.", "Boat owners fear ..."): a
# group, which has no one speaker to quote.
_GROUP_SUBJECT = re.compile(r"[A-Z][a-z]*(?:\s+[a-z]+)?(?:[a-rt-z]s|men|people|children)\s+"
                            r"(?:are|were|have|say|fear|want|hope|worry|remain|seem|"
                            r"feel|agree|disagree|complain|insist)\b")


def _opens_on_person(text: str, body: str, lower_seen: dict[str, bool]) -> bool:
    """Whether a paragraph opens on a person as its subject (_SUBJECT). A single
    capitalised word that the article also writes in lower case is a common
    noun opening the sentence ("Polls published last week ...", "Residents
    fled ..."), not a name; nor is a plural before its verb ("Shopkeepers are
    divided.")."""
    if _GROUP_SUBJECT.match(text):
        return False
    match = _SUBJECT.match(text)
    if match is None:
        return _opens_on_person_otherwise(text, body, lower_seen)
    name = match.group("name")
    if name is None or match.group("title") or " " in name:
        return True
    word = name.lower()
    if word not in lower_seen:
        # (Asked of many sentences of a long article, often with the same word:
        # each answer scans the body once.)
        lower_seen[word] = _written_in_lower_case(word, body)
    return not lower_seen[word]


def _opens_on_person_otherwise(text: str, body: str, lower_seen: dict[str, bool]) -> bool:
    """Whether a paragraph opens on a person in a form _SUBJECT does not read
    (_SUBJECT_WIDER): after a fronted phrase, with an irregular or auxiliary
    verb, as a possessive, or after what the person is ("Leeds captain Ana Ruiz
    apologised."). A single word there is a name only when the article also
    writes it as a person's (_written_as_persons_name) and never in lower case
    ("Winter can ..."), and a run of words not one with a place's or a body's
    word (_PLACE_OR_BODY): a team or a company takes these verbs as often
    ("Leeds lost 3-0.", "Ford cut 3,800 jobs.", "Network Rail made ...")."""
    match = _SUBJECT_WIDER.match(text)
    if match is None:
        return False
    name = match.group("name")
    if name is None or match.group("role") or match.group("title"):
        return True
    if " " in name:
        return _PLACE_OR_BODY.search(name) is None
    word, key = name.lower(), _AS_PERSONS_NAME + name
    if word not in lower_seen:
        lower_seen[word] = _written_in_lower_case(word, body)
    if key not in lower_seen:
        # (Cached with the lower-case answers: each scans the body once.)
        lower_seen[key] = _written_as_persons_name(name, body)
    return not lower_seen[word] and lower_seen[key]


# A word that makes a run of capitalised words a place, a team or a company, not
# a person ("Leeds United lost ...", "Network Rail made ...", "Mill Street was ...").
_PLACE_OR_BODY = re.compile(
    r"\b(?:United|City|Town|Rovers|Wanderers|Athletic|Council|Police|Rail|Railways?|Street|Road|Lane|"
    r"Avenue|Square|Park|Bridge|Group|Bank|Trust|Party|Club|Company|Ltd|Inc|Plc|PLC|Airport|Airways|"
    r"Airlines|Hospital|University|College|School|Government|Ministry|Department|Office|Service|"
    r"Services|Water|Energy|Motors|County|Borough|Agency|Authority|Court|"
    # storms and more clubs ("Storm Darragh brought ...", "Aston Villa have sacked ...")
    r"Storm|Hurricane|Typhoon|Cyclone|Villa|Albion|Rangers|Celtic|Hotspur|Forest|Palace|Argyle|Orient|"
    r"Madrid|Barcelona|Munich|Milan|Juventus|Arsenal|Chelsea|Liverpool|Everton)\b")


# (The cache key of _written_as_persons_name's answers, beside
# _written_in_lower_case's lower-case words: a capitalised word after it.)
_AS_PERSONS_NAME = "person:"


# What stands right before a person's surname: a title or a given name.
_PERSON_BEFORE = re.compile(rf"\b(?:{_TITLES}\.?|{_NOT_A_PERSON}[A-Z][a-z]+)\s$")
_AGE_AFTER = re.compile(r",\s\d{1,3},")


def _written_as_persons_name(word: str, body: str) -> bool:
    """Whether ``body`` writes ``word`` as a person's surname: after a given
    name or a title ("Ana Ruiz", "Mr Ruiz"; not "In Leeds", "The Ford"), or
    with an age ("Ruiz, 71,")."""
    # (Only the surroundings of each place the word stands are read: one
    # expression over a long body costs ~30 ms.)
    return any(_PERSON_BEFORE.search(body, max(0, at - 40), at) or _AGE_AFTER.match(body, at + len(word))
               for at in _whole_word_places(word, body))


def _written_in_lower_case(word: str, body: str) -> bool:
    """Whether ``word`` (lower case) is a whole word of ``body``."""
    return next(_whole_word_places(word, body), None) is not None


def _whole_word_places(word: str, body: str) -> Iterator[int]:
    """Where ``word`` stands in ``body`` as a whole word. (str.find, not an
    expression: the body can be a long article.)"""
    at = body.find(word)
    while at != -1:
        end = at + len(word)
        if not (_word_char(body[at - 1:at] if at else "") or _word_char(body[end:end + 1])):
            yield at
        at = body.find(word, at + 1)


# "...,” Adv Tšosane shares." / "...,” he reflects.": a subject and a verb
# right after a quotation's closing comma is its attribution, whatever the verb.
# After "a", "one" or "another" ("...,” one fisherman reflects.") neither the
# verb nor a word before it may be an auxiliary or a relative: "...,” a decision
# that was welcomed." and "...,” another week is lost." name no speaker.
_NOT_SPEAKING = r"(?:that|which|who|whose|has|have|had|is|are|was|were|been|does|did|seems|seemed|remains)\b"
_AFTER_QUOTE = re.compile(
    r"[,?!…—–-]\s*[\"”’»“]\s*(?:\(?[A-Z][\w.'’-]*\)?\s+){0,5}?"
    r"(?:(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[A-Z][\w'’-]*)\s+[a-z]+(?:s|ed)\b"
    rf"|(?:the|a|an|one|another)\s+\w+(?:\s+(?!{_NOT_SPEAKING})\w+)?\s+(?!{_NOT_SPEAKING})[a-z]+(?:s|ed)\b)")
# German, Spanish and French put the verb first after the quotation:
# "„...“, erinnert sie sich." / "“...”, dijo la alcaldesa." / "« ... », estime le maire.",
_AFTER_QUOTE_INVERTED = re.compile(
    r"[“”\"»«]\s*,\s+[^\W\d_A-Z]+(?:-t-\w+)?(?:\s+[^\W\d_A-Z]+)?\s+"
    r"(?:er|sie|es|man|der|die|das|den|dem|ein|eine|el|la|los|las|un|una|le|les|l['’]|il|elle|"
    r"[A-ZÄÖÜÁÉÍÓÚÈ][\w'’-]+)(?![\w])"
    # ... or a verb alone closing the sentence, its subject the one before, told
    # in the past: "“...”, relató." / "“...”, ha insistido." / "« ... », a-t-il
    # ajouté." (any word would let "“...”, etcétera." through):
    # a Spanish preterite, or a participle after its auxiliary.
    r"|[“”\"»«]\s*,\s+(?:[^\W\d_A-Z]+(?:ó|jo|aron|ieron|eron)"
    r"|(?:ha|han)\s+[^\W\d_A-Z]+(?:ado|ido|cho|ito)"
    r"|a(?:-t-(?:il|elle|on))?\s+[^\W\d_A-Z]+(?:é|i|is|it|u|uit)"
    r"|hat\s+ge[^\W\d_A-Z]+(?:t|en))\s*[.;]")
# A paragraph that hands over to someone: "..., he interrupts me." / "She smiles."
_TURN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\s+(?:[a-z]+ly\s+)?[a-z]+s(?:\s+\w+)?\W*$"
                   r"|\b(?:[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+|also\s+|never\s+|then\s+|still\s+)?"
                   r"[a-z]+(?:s|ed)\b")
# A paragraph about a named person ("But for Parata and his family ...").
_HIS_HER = re.compile(r"\b(?:his|her|him)\b")
_NAME_MID = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
_COLON_LEAD = re.compile(r":\s*$")
# A lead-in that describes a thing: its subject opens on an article or a
# possessive, then a copula ("The message on the banners was clear:").
_THING_LEAD = re.compile(r"\s*(?:The|A|An|This|That|Its|Their|Our)\s+[^:]{0,80}?\b"
                         r"(?:was|were|is|are|remained|remains|seemed|seems)\b[^:]{0,40}:\s*$")
# (In two: the one after a quotation mark opens on the mark, which the engine
# skips to at C speed.)
_DASH_NAME_AFTER_QUOTE = re.compile(r"[”\"’»“]\s*[—–―-]{1,2}\s*[@A-Z]")
_DASH_NAME_OPENING = re.compile(r"\s*[—–―-]{1,2}\s*[@A-Z]")
_HANDLE = re.compile(r"\(@\w+\)|(?:^|\s)@\w{2,}")


# Right before a quotation, the end of a sentence ("... from the suburbs. “If"),
# and right after one, the end of the paragraph or a new sentence.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”’»)]?\s+$")
_STARTS_SENTENCE = re.compile(r"[.!?]?\s*(?:$|[A-Z“\"‘(])")
# A sentence break that is not an abbreviation's full stop ("Mr. Giordano",
# "John F. Kennedy"): where the last sentence of a text begins.
# (The mark first, the abbreviations looked behind from after it, each with the
# mark as one more character: an expression that opens on lookbehinds is tried
# at every character of the text, one that opens on a set skips to its next member.)
_BREAK = re.compile(
    r"[.!?…]"
    + "".join(rf"(?<!\b{t}.)" for t in _TITLE_WORDS + (
        "St", "No", "Jr", "Sr", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec"))
    + r"(?<!\b[A-Z].)[\"”’»)]?\s+(?=[\"“‘(]?[A-Z])")


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` begins (0 for a single sentence)."""
    start = 0
    for match in _BREAK.finditer(text.rstrip()):
        start = match.end()
    return start


# Verbs a person as a subject takes besides a regular "-s" or "-ed" form: be,
# have, do and the modals, their negatives ("isn't", "won't"), and the irregular
# past tenses ("Ruiz went to court.", "Ruiz shook her head.").
_AUXILIARIES = r"is|was|are|were|has|have|had|does|do|did|will|would|can|could|may|might|must|should"
_NEGATED = rf"(?:{_AUXILIARIES}|need|dare)n['’]t|can['’]t|won['’]t|shan['’]t|ain['’]t"
_IRREGULAR_PAST = (
    r"went|took|made|gave|stood|shook|came|got|saw|knew|thought|felt|found|left|kept|held|ran|sat|"
    r"spoke|wrote|began|became|brought|bought|built|caught|chose|drove|fell|fought|flew|grew|heard|"
    r"hid|meant|met|paid|rode|rose|sent|sang|slept|spent|stole|struck|swore|taught|threw|understood|"
    r"woke|wore|withdrew|broke|drew|forgave|froze|tore|sought|told|said|read|knelt|lit|sank|shone|"
    r"sold|stuck|swept|wept|won|lost|beat|led|hit|cut|set|put|let|quit|overcame|undertook|oversaw")
_ADVERB = r"(?:[a-z]+ly|meanwhile|also|then|now|still|never|later|first|once|already|just|even|again)"

# One person named by what they are, not by name ("The mayor", "the union's
# leader", "A harbour master"): singular nouns only, as a group ("Shopkeepers
# are divided.", "Hundreds of workers ...") has no one speaker to quote.
_PERSON_NOUNS = (
    "mayor|minister|president|premier|chancellor|governor|senator|councillor|councilor|"
    "spokesman|spokeswoman|spokesperson|leader|chief|director|manager|coach|captain|"
    "chairman|chairwoman|chairperson|secretary|official|officer|commissioner|inspector|"
    "detective|prosecutor|judge|lawyer|attorney|doctor|nurse|surgeon|teacher|headteacher|"
    "principal|professor|researcher|scientist|expert|analyst|economist|engineer|architect|"
    "farmer|fisherman|owner|founder|chef|baker|shopkeeper|resident|neighbour|neighbor|witness|"
    "survivor|mother|father|son|daughter|wife|husband|widow|brother|sister|grandmother|"
    "grandfather|student|player|striker|midfielder|defender|goalkeeper|winner|champion|"
    "candidate|driver|pilot|curator|artist|author|writer|novelist|singer|actor|actress|boss|"
    "executive|organiser|organizer|activist|campaigner|volunteer|priest|imam|bishop|rabbi|"
    "pastor|vicar|landlord|tenant|worker|employee|paramedic|firefighter|veteran|historian|"
    "diplomat|ambassador|envoy|negotiator|commander|soldier|treasurer|harbou?r\\s+master|headmaster|"
    "goalkeeper|shopkeeper|gatekeeper|zookeeper|innkeeper|warden|"
    "ranger|trader|vendor|entrepreneur|woman|boy|girl|pensioner|retiree|widower|grandparent|"
    "mum|dad|grandad|granddad|"
    # "The 71-year-old is furious.", not "The 44-year-old footbridge has been closed."
    # nor "The 44-year-old buildings were ..."
    r"\d{1,3}-year-old(?=\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:ed|s)|" + _AUXILIARIES + r")\b)"
    r"(?!\s+(?!(?:" + _AUXILIARIES + r")\b)[a-z]+s\s+(?:" + _AUXILIARIES + r")\b)")
# A sentence whose subject is such a person ("For the mayor, ..." too), or
# opens on "his"/"her" ("Her message was simple."): the sentence is about a person. (The expression opens
# on the word, which the engine skips to at C speed; whether a sentence starts
# there is asked of each match, see _opens_on_role.)
# The words between the article and the noun describe the person ("The retired
# harbour master"): an article or an auxiliary there starts another phrase or a
# verb's object ("This morning the mayor ...", "The storm hit a woman ...").
_ROLE_FILLER = (r"(?:(?!(?:the|a|an|this|that|these|those|is|are|was|were|has|have|had|will|would|did|"
                r"does)\b)[\w'’-]+\s+){0,3}?")
_ROLE_SUBJECT = re.compile(
    rf"(?:The|A|An|One|Another|This|That|Its|Their|Our|For\s+the)\s+"
    rf"{_ROLE_FILLER}(?:[a-z]+-)?(?:{_PERSON_NOUNS})(?:['’]s)?\b(?![-'’])|(?:His|Her)\s")
# The forms of a person as the subject that _SUBJECT does not read, which
# _opens_on_person_otherwise reads with care: after a fronted phrase ("Now 71,
# Ruiz is ...", "After the final whistle, Ruiz went ..."), after what the person
# is ("Leeds captain Ana Ruiz apologised"), as a possessive ("Ruiz’s patience has
# run out"), or before a verb not in "-s" or "-ed" ("Ruiz went ...", "Ruiz isn’t
# ...", "Ruiz won’t ..."). The comma after a name (an apposition, "Ana Ruiz,
# 71, ...") is _SUBJECT's only: after a fronted phrase it is as often a list
# ("In Leeds, Hull and York, ...").
_SUBJECT_WIDER = re.compile(
    r"^(?:[A-Z][^,.!?;:“”\"]{0,40}?,\s)?"
    r"(?:(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\s(?:[a-z]+ly\s)?[a-z]"
    rf"|{_NOT_A_PERSON}(?P<role>(?:[A-Z][\w'’-]+\s){{0,2}}(?:[a-z][\w'’-]+\s)?(?:{_PERSON_NOUNS})\s)?"
    rf"(?P<title>{_TITLES}\.?\s)?(?P<name>(?:[A-Z][\w'’-]+\s){{0,3}}[A-Z][\w'’-]+?)"
    rf"(?:['’]s\s[a-z]|\s(?:{_ADVERB}\s)?(?:[a-z]+(?:ed|s)|{_AUXILIARIES}|{_NEGATED}|{_IRREGULAR_PAST})\b))")
# Right before a sentence start: the end of one, a colon, or two spaces (where
# a quotation was blanked out).
_SENTENCE_BEFORE = re.compile(r"(?:[.!?:][\"”’»]?\s|\s\s)$")


# A sentence after a quotation that points back to it and names its speaker:
# "That was the promise the mayor made.", "The words were the mayor's.",
# "Those were the words of Ana Ruiz." A demonstrative alone opens many a
# sentence that is about something else ("This morning the mayor opened the
# library."): it points back only before a copula or one of these nouns.
_POINTS_BACK = re.compile(
    r"\W*(?:(?:That|This|Those|These|Such)\s+(?:was|were|is|are|has\s+been|had\s+been)"
    r"|(?:The|That|This|Those|These|Such)\s+(?:words|remarks|comments|promise|warning|message|"
    r"verdict|view|pledge|reply|answer|plea|vow))\b")
_PERSON_NOUN = re.compile(
    rf"\b(?:the|a|an)\s+{_ROLE_FILLER}(?:{_PERSON_NOUNS})(?:['’]s)?\b(?![-'’])")
_FIRST_SENTENCE = re.compile(r"[^.!?]*[.!?]?")


# Words that refer back to a quotation just given ("made the promise", "those words").
_REFERS_BACK = re.compile(r"\b(?:the|those|these|that|this|his|her|their)\s+(?:words|remarks?|comments?|"
                          r"promise|warning|pledge|vow|plea|message|verdict)\b")


def _points_back(following: str, body: str, lower_seen: dict[str, bool]) -> bool:
    """Whether the sentence opening ``following`` (the words after a quotation)
    points back to it and names or describes a person (_POINTS_BACK), or opens
    on a person and refers back to the words ("Ruiz, who was elected in May,
    made the promise at a packed meeting.")."""
    sentence = _FIRST_SENTENCE.match(following.lstrip()).group()
    if _POINTS_BACK.match(following) is not None:
        return bool(_names_person(sentence) or _PERSON_NOUN.search(sentence))
    return bool(_REFERS_BACK.search(sentence) and (_opens_on_role(sentence)
                                                   or _opens_on_person(sentence, body, lower_seen)))


def _opens_on_role(text: str) -> bool:
    """Whether a sentence of ``text`` has a person named by what they are as its
    subject (_ROLE_SUBJECT)."""
    opening = len(text) - len(text.lstrip())
    for match in _ROLE_SUBJECT.finditer(text):
        start = match.start()
        if start == opening or _SENTENCE_BEFORE.search(text, max(0, start - 3), start):
            return True
    return False


def _about_person(sentence: str, body: str, lower_seen: dict[str, bool]) -> bool:
    """Whether a sentence is about a person: opens on one, hands over to one
    ("She smiles."), or names or refers to one ("his", "Jane Doe", "Mr Smith",
    "she")."""
    return bool(_opens_on_person(sentence, body, lower_seen) or _TURN.search(sentence)
                or _HIS_HER.search(sentence) or _names_person(sentence) or _opens_on_role(sentence))


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the quoted spans blanked out (offsets kept)."""
    if not spans:
        return text
    out = []
    done = 0
    for start, end in sorted(spans):
        start, end = max(start, done), min(end, len(text))
        if end <= start:
            continue
        out.append(text[done:start])
        out.append(" " * (end - start))
        done = end
    out.append(text[done:])
    return "".join(out)


@dataclass(slots=True)
class _Para:
    unit: TextUnit
    # Its quotations; a shared empty tuple in a paragraph without any (most).
    quotes: list[Quotation] | tuple[()] = ()
    # Speaker cues, each worked out when first asked (None until then): a run
    # of quotations asks few of them, mostly of the paragraphs next to it.
    evidence: bool | None = None  # names a speaker outside the quoted words
    context: bool | None = None  # introduces the quotations that follow it
    named: bool | None = None  # names a person outside its quoted words
    outside: str = ""  # its text with the quoted words blanked (set with evidence)


def _reopens(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in "\"“„«»‘'”"


# More findings of one rule than this in one article usually means a format
# the check does not read (an interview, a transcript, another language's
# conventions) rather than that many slips: they are then only hints.
MAX_WARNINGS_PER_RULE = 2


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    found = list(_quotations(article))
    counts: dict[str, int] = {}
    for ann in found:
        if ann.severity != "info":
            counts[ann.rule] = counts.get(ann.rule, 0) + 1
    for ann in found:
        if ann.severity != "info" and counts[ann.rule] > MAX_WARNINGS_PER_RULE:
            ann = ann.with_changes(severity="info")
        yield ann
    yield from _credits(article)


def _continues(text: str, following: str) -> bool:
    """A paragraph broken mid-sentence: no closing punctuation, the next starts in lower case."""
    tail = text.rstrip()[-1:]
    head = following.lstrip()[:1]
    return bool(tail) and tail not in ".!?…:;\"”»’'" and head.islower()


def _transparent(unit: TextUnit) -> bool:
    """A subheading, or a short line without closing punctuation (a caption or
    label pasted among the paragraphs)."""
    if unit.kind == HEADING:
        return True
    text = unit.text.rstrip()
    return (bool(text) and text[-1] not in ".!?…:;\"”»’'" and len(text) <= 160
            and _DOUBLE.search(text) is None)


_RIGHT_TO_LEFT = frozenset({"ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb"})


def _closed_later(units: list[TextUnit], start: int, curly_only: bool, reach: int = 4) -> bool:
    """Whether a paragraph from ``start`` closes a quotation left open before it:
    the first quotation mark after only unmarked paragraphs is a closing one."""
    for unit in units[start:start + reach]:
        if unit.kind == QUOTE:
            return False
        pairs, opens, strays = _double_marks(unit.text, False, curly_only)
        if strays:
            return not pairs or strays[0].pos < pairs[0][0].pos
        if pairs or opens:
            return False
    return False


def _quotations(article: Article) -> Iterator[Annotation]:
    units = article.body_units()
    language = primary_language(article.language)
    speaker = _SPEAKERS.get(language)
    # Right-to-left text is often typed with curly marks reversed (بـ”...“):
    # their direction says nothing there, so balance is not judged.
    marks_read = language not in _RIGHT_TO_LEFT
    paras: list[_Para] = []
    # Most articles write only curly “ ”: settled once for the whole body (a
    # mark in no paragraph is not in the joined text), each paragraph then
    # needs two substring tests, not ten.
    joined = "\x00".join([unit.text for unit in units])
    curly_only = not _has_not_curly(joined)
    # Likewise for quotations in single marks (see _single_pairs' own test).
    singles_read = "‘" in joined or ("'" in joined and (
        " '" in joined or joined.startswith("'") or "\x00'" in joined))
    # (Only in English is a ’ before a letter never a closing mark: Korean writes
    # ‘정권교체’라는.)
    english_marks = language == "en"
    carry: Mark | None = None  # an opening mark still running from the paragraph before
    for i, unit in enumerate(units):
        text = unit.text
        # (Each paragraph's marks are read here, and dropped once its
        # quotations are known: a long article keeps none of them alive.)
        pairs, opens, strays = _double_marks(text, carry is not None, curly_only)
        origin = carry
        carry = None
        singles = _single_pairs(text) if singles_read else ()
        if marks_read and english_marks and not opens and "‘" in text:
            following = units[i + 1] if i + 1 < len(units) else None
            single = _unclosed_single(text, singles, pairs, following)
            if single is not None:
                yield _unclosed(unit, Mark(single, "‘", OPEN), following is not None)
        if not (pairs or opens or strays or singles):
            paras.append(_Para(unit))
            continue  # no quotation here (most paragraphs): nothing below applies
        following = units[i + 1] if i + 1 < len(units) else None
        continues = False
        if opens:
            running = opens[0]
            if following is None or following.kind == QUOTE:
                continues = False
            elif _reopens(following.text):
                continues = reopened = True  # the next paragraph reopens: correct style
            else:
                # A quotation that goes on without reopening (some houses' style,
                # over one or more paragraphs), or a paragraph broken mid-sentence:
                # a later paragraph closes it.
                continues = _continues(text, following.text) or _closed_later(units, i + 1, curly_only)
                reopened = False
            if continues and running.pos >= 0 and speaker is not None and (
                    _ENDS_QUOTE[language].search(text, running.pos)
                    or (language == "en" and any(o.pos > running.pos for o, _ in pairs))):
                # "... , he said." inside it shows where the closing mark was
                # lost; so does a second quotation opened inside it in English,
                # where a quote within a quote takes single marks.
                continues = False
            if continues and not reopened:
                carry = origin if running.pos < 0 and origin is not None else running
            if not continues:
                for mark in opens:
                    if mark.pos < 0:
                        continue  # reported where it opened, if at all
                    if marks_read:
                        yield _unclosed(unit, mark, following is not None)
        for mark in strays:
            if marks_read:
                yield _unopened(unit, mark)
        quotes: list[Quotation] = []
        for open_mark, close_mark in pairs:
            start = max(open_mark.pos, 0)
            words = text[start:close_mark.pos].lstrip("\"“„«»")
            quotes.append(Quotation(start, close_mark.pos + 1, words))
        if opens and continues:
            start = max(opens[0].pos, 0)
            quotes.append(Quotation(start, len(text), text[start:].lstrip("\"“„«»")))
        for start, end in singles:
            if not any(o.pos < start and end <= c.pos + 1 for o, c in pairs):
                quotes.append(Quotation(start, end, text[start + 1:end - 1]))
        paras.append(_Para(unit, quotes or ()))

    if speaker is None:
        return
    english = language == "en"
    lower_seen: dict[str, bool] = {}  # capitalised words the body also writes in lower case
    quote_blocks = {b.id: b for b in article.blocks if b.type == QUOTE}

    def speaker_lead(lead: str) -> bool:
        """Whether a lead-in ending in a colon may introduce a speaker: not, in
        English, a sentence that describes a thing and names nobody ("The message
        on the banners was clear:", "The mood at the depot was grim:"). A label
        ("Dodgers, 1959:") or a person ("The mayor was blunt:") may."""
        if not english:
            return True
        sentence = lead[_last_sentence_start(lead):]
        if _THING_LEAD.match(sentence) is None:
            return True
        return bool(speaker.search(sentence) or _about_person(sentence, joined, lower_seen)
                    or _PERSON_NOUN.search(sentence))

    def evidence(para: _Para) -> bool:
        """Whether a paragraph names a speaker outside its quoted words."""
        if para.evidence is None:
            unit = para.unit
            if unit.kind == QUOTE:
                block = quote_blocks[unit.block_id]
                if block.attribution and block.attribution.strip():
                    para.evidence = para.context = para.named = True
                    return True
            spans = [(q.start, q.end) for q in para.quotes]
            outside = para.outside = _outside(unit.text, spans)
            para.evidence = bool(
                speaker.search(outside) or _LABEL.match(unit.text)
                or any(_COLON_LEAD.search(outside[:start]) and speaker_lead(outside[:start])
                       for start, _ in spans)
                or _DASH_NAME_AFTER_QUOTE.search(unit.text) or _DASH_NAME_OPENING.match(unit.text)
                or ("@" in outside and _HANDLE.search(outside))
                or (_AFTER_QUOTE if english else _AFTER_QUOTE_INVERTED).search(unit.text))
        return para.evidence

    def named(para: _Para) -> bool:
        """Whether a paragraph names a speaker, or a person beside its quotations."""
        if para.named is None:
            para.named = evidence(para) or bool(para.quotes and english and (
                _names_person(near(para)) or _opens_on_role(near(para))
                or _points_back(para.unit.text[para.quotes[-1].end:], joined, lower_seen)
                or lead_about_person(para)))
        return para.named

    def context(para: _Para) -> bool:
        """Whether a paragraph introduces the quotations that follow it."""
        if para.context is None:
            stripped = para.unit.text.strip()
            para.context = evidence(para) or stripped.endswith("?") or (
                stripped.endswith(":") and speaker_lead(stripped)) or bool(
                english and (_opens_on_person(stripped, joined, lower_seen) or _TURN.search(stripped)
                             or (_HIS_HER.search(stripped) and _NAME_MID.search(stripped))
                             or _opens_on_role(stripped))
                # A person it is about must still be in its last sentence, the
                # one next to the quotation: "Mr. Giordano took over in December.
                # But the team has scored only twice since April." hands over
                # to nobody.
                and _about_person(stripped[_last_sentence_start(stripped):], joined, lower_seen))
        return para.context

    def candidates(para: _Para) -> Iterator[Quotation]:
        unit = para.unit
        if unit.kind == QUOTE and not para.quotes:
            text = unit.text.strip()
            if len(_LETTER_WORD.findall(text)) >= 5:
                lead = len(unit.text) - len(unit.text.lstrip())
                yield Quotation(lead, lead + len(text), text)
            return
        text = unit.text
        yield from (q for q in para.quotes if _is_direct(text, q.text, q.start, q.end))

    # A paragraph's first direct quotation, and whether it stands after a lead of
    # its own paragraph: asked of the same paragraph by a run's tests, by named()
    # and by near() (each by the paragraph's id: _Para has slots).
    firsts: dict[int, Quotation | None] = {}
    own_leads: dict[int, bool] = {}

    def first_candidate(para: _Para) -> Quotation | None:
        key = id(para)
        if key not in firsts:
            firsts[key] = next(candidates(para), None)
        return firsts[key]

    def has_candidate(para: _Para) -> bool:
        return first_candidate(para) is not None

    def own_lead(para: _Para) -> bool:
        """Whether a paragraph sets its direct quotation after sentences of its
        own ("Shopkeepers are divided. Some welcome it, while others fear
        losing customers. “If people cannot park ...”"): one or more full
        sentences, naming nobody (or the run would be attributed), stand
        between the quotation and the paragraph before, whose speaker it then
        is not. English only (elsewhere a pronoun or name in those sentences is
        not read), and only for a quotation that is a sentence of its own:
        words before or after it in its sentence (", had written," ", relató.")
        may attribute it in a way the cues do not read."""
        if not english:
            return False
        key = id(para)
        if key not in own_leads:
            own_leads[key] = _own_lead(para)
        return own_leads[key]

    def _own_lead(para: _Para) -> bool:
        first = first_candidate(para)
        if first is None:
            return False
        text = para.unit.text
        if not (_ENDS_SENTENCE.search(text, max(0, first.start - 8), first.start) is not None
                and _STARTS_SENTENCE.match(text, first.end) is not None):
            return False
        # Those sentences hand over to a person as a paragraph before would
        # ("Anna Nowak has run a bakery there for 20 years.", "She was defiant."):
        # then the quotation is that person's.
        # Only the sentence right before the quotation counts: "Mr. Giordano
        # took over in December. But the team has scored only twice." hands
        # over to nobody.
        lead = text[:first.start].rstrip()
        last = lead[_last_sentence_start(lead):]
        return not hands_over(last)

    def lead_about_person(para: _Para) -> bool:
        """Whether the sentence of its own paragraph right before a direct
        quotation is about a person, as a paragraph before would be ("Ana Ruiz
        closed the meeting. “We will ...”", "Ruiz was defiant. “...”")."""
        first = first_candidate(para)
        if first is None:
            return False
        lead = para.unit.text[:first.start].rstrip()
        if not lead:
            return False
        return hands_over(lead[_last_sentence_start(lead):])

    def hands_over(sentence: str) -> bool:
        """Whether a sentence right before a quotation is about a person, who then speaks."""
        return bool(_opens_on_person(sentence, joined, lower_seen) or _TURN.search(sentence)
                    or _opens_on_role(sentence) or (_HIS_HER.search(sentence) and _NAME_MID.search(sentence)))

    def near(para: _Para) -> str:
        """The words outside a paragraph's quotations that may name their
        speaker: all of them, but for a quotation standing as a sentence of
        its own after sentences of its paragraph (own_lead), only the sentence
        right before it and what follows it."""
        outside = para.outside
        if own_lead(para):
            first = first_candidate(para)
            lead = outside[:first.start].rstrip()
            return outside[_last_sentence_start(lead):]
        return outside

    # A run of consecutive paragraphs that carry quotations shares its speaker,
    # who may be named in the paragraph before the run or after it.
    # Subheadings and stray caption lines inside the body neither break a run
    # of quotations nor stand between a quotation and its speaker.
    paras = [p for p in paras if not _transparent(p.unit)]
    has_quote = [bool(p.quotes) or p.unit.kind == QUOTE for p in paras]
    flagged: list[tuple[_Para, Quotation]] = []
    i = 0
    while i < len(paras):
        if not has_quote[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(paras) and has_quote[j + 1]:
            j += 1
        # (Whether the run has a direct quotation at all is settled at its
        # first; all of them are listed only for a run that nobody attributes.)
        run = paras[i:j + 1]
        if any(map(has_candidate, run)) and not (
                any(map(named, run))
                or (not own_lead(run[0]) and i > 0 and context(paras[i - 1]))
                or (j + 1 < len(paras) and (evidence(paras[j + 1]) or (
                    english and _points_back(paras[j + 1].unit.text, joined, lower_seen))))):
            flagged.extend((para, q) for para in run for q in candidates(para))
        i = j + 1

    for para, quote in flagged:
        unit = para.unit
        if unit.kind == QUOTE and not para.quotes:
            yield UNATTRIBUTED_QUOTE.at(
                unit.span(quote.start, quote.end),
                "This quote block has no attribution: say who said it.",
                data={"words": len(_LETTER_WORD.findall(quote.text))})
        else:
            yield UNATTRIBUTED_QUOTE.at(
                unit.span(quote.start, quote.end),
                "This quotation does not say who is speaking, here or in the paragraphs around it.",
                data={"words": len(_LETTER_WORD.findall(quote.text))})


def _sentence_end(text: str, start: int) -> int:
    match = re.compile(r"[.!?…](?=\s|$)|\n").search(text, start + 1)
    return match.end() if match else len(text.rstrip())


def _unclosed(unit: TextUnit, mark: Mark, more: bool) -> Annotation:
    end = max(mark.pos + 1, _sentence_end(unit.text, mark.pos))
    message = ("This quotation mark is never closed, and the next paragraph does not reopen it."
               if more else "This quotation mark is never closed.")
    return UNCLOSED_QUOTE.at(unit.span(mark.pos, end), message, data={"mark": mark.char})


def _unopened(unit: TextUnit, mark: Mark) -> Annotation:
    start = mark.pos
    # Highlight from the start of the sentence the stray mark ends.
    head = unit.text[:mark.pos]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("\n"))
    start = cut + 2 if cut != -1 else len(head) - len(head.lstrip())
    return UNOPENED_QUOTE.at(unit.span(start, mark.pos + 1),
                             "This closing quotation mark has no opening mark.",
                             data={"mark": mark.char})


# -- credits --------------------------------------------------------------

_VIDEO = re.compile(
    r"(?:[-–—:]\s*video\s*$|^\s*video\b|\bvideografik\b|\(\d{1,2}:\d{2}(?::\d{2})?\)\s*$)", re.I)


def _credited(block: Block) -> bool:
    if block.credit_text:
        return True
    caption = block.text.strip()
    return bool(caption) and is_credit(caption)  # the caption line is the credit itself


def _trimmed_span(unit: TextUnit) -> Target:
    """The unit's text without surrounding whitespace; all of it when it is only
    whitespace (a blank caption), where trimming would leave start past end."""
    start = len(unit.text) - len(unit.text.lstrip())
    end = len(unit.text.rstrip())
    return unit.span(start, end) if start <= end else unit.whole()


def _credits(article: Article) -> Iterator[Annotation]:
    images = article.images
    if not images:
        return
    credited = [_credited(b) for b in images]
    missing = [b for b, ok in zip(images, credited) if not ok and not _VIDEO.search(b.text)]
    if not missing:
        return
    units = {u.block_id: u for u in article.caption_units()}
    others = sum(credited)
    credited_blocks = [b for b, ok in zip(images, credited) if ok]
    for block in missing:
        unit = units[block.id]
        data = {"credited_images": others, "images": len(images)}
        if not others:
            continue
        # Credited photos show the article credits its photos; one uncredited
        # photo among them is a slip (both blind-draft writers planted it so,
        # and the spec lists it as a defect). Otherwise the gap may be the
        # house's practice (staff photos) or an import that drops credits.
        slip = len(missing) == 1 and others >= 1 and bool(unit.text.strip())
        yield MISSING_CREDIT.at(
            _trimmed_span(unit),
            "This photo has no credit, although the article's other photos have one."
            if slip else "This photo has no credit.",
            related=[units[b.id].whole() for b in credited_blocks[:20]],
            data=data, severity=None if slip else "info")
    if not others:
        first = units[missing[0].id]
        yield NO_CREDITS.at(
            _trimmed_span(first),
            "None of this article's photos has a credit.",
            related=[units[b.id].whole() for b in missing[1:51]],
            data={"images": len(images)})
