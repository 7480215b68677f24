"""A person's surname spelled two ways in one article.

## What it does
Finds every name in the headline, standfirst, body, quotes and captions (a run
of capitalised words: "Maria Navarro", "Mr Navarro", "Navarro") and compares
the surnames. When a surname is written two ways that are one or two letters
apart (a swap, a doubled or dropped letter, a changed vowel), and one of them
comes with a full name, the rarer spelling is flagged (`surname-spelling`)
with the more common one as the suggested replacement and every other mention
of the person listed as related.

It stays quiet about different people with similar names when the article
gives both full names (Karin Nilsen and Erik Nielsen), about compound and
double-barrelled surnames (Ruiz-Delgado, Al-Khatib, O'Brien-Singh),
possessives (Navarro's), titles (Dr Haddad), plurals and adjectives
(the Obamas, Korea/Korean), spellings that are ordinary words, a place
written alone after "in", "near", "outside", "from", "visited", a verb of
going and "to", or "of" after a comma or a name ("in Austin" beside Jane
Austen, "Sarah Lewis, 34, of Lewes", "travelled to Kendal" beside Liz
Kendall, "the Library of Alexandria"), an institution named like a person
after "the" when no mention has a title or speaks ("the Bibliotheca
Alexandrina" beside Alexandria), and
transliterations the newsroom declares equivalent with the option
`equivalents` (a list of lists of spellings, e.g. `[["Qaani", "Ghaani"]]`).
When nobody can tell which spelling is right (as many mentions each way) it
says nothing. In languages that capitalise nouns or inflect names it only
speaks when the odd spelling carries a title or the same given name.

A surname alone or with a title ("Mr Qaani") in the body before the person's
first full name in the body is reported as `info` (`surname-before-full-name`)
when something says it is a person: a title, a speech verb next to it
("Qaani said"), at the start of a sentence a possessive, a verb or an
apposition after it ("Nowak's attack ...", "Nowak won ...", "Nowak, 23, ..."),
and inside a sentence a possessive ("after Nowak's goal"), an age or "who"
after it ("Nowak, 23,"), a verb after it when a conjunction comes before
("when Nowak attacked"), a verb that takes a person before it ("replaced
Nowak"), or "by" or "from" after an action ("a header from Nowak", "was
tripped by Nowak"). Such a mention stays quiet when the standfirst or a caption
has already given the full name, when the article also uses the word inside
another name ("Ford Motor", "Jordan Valley"), after "the" in a name ("the
Chicago Tribune") or as a place ("in Jordan", "Bank of Canada"), writes it in
lower case, has its adjective ("Jordanian"), or when it is a common word
("Young people ..."); a surname that merely qualifies a noun ("Nowak family
members"), one after "from" that is no doer ("flights from Jordan resumed"),
one after an initial ("J. Nowak") or one in single quotes ("the ‘caso Nóos’")
is no such mention. A surname alone in the headline or
standfirst is not reported: display text names people by surname alone by
convention.

Captions count like any other text: a caption that spells a name differently
from the rest of the article is flagged here too. When the body has the
majority spelling, `caption-agreement` (rule `name-spelling`) also reports the
caption, as a caption that disagrees with the body beside it; the two findings
point at the same word and suggest the same spelling.

## Why it matters
A misspelt name is the error readers and the people named notice first, and
the one a spell checker cannot catch: both spellings look like names.

## Example
```
Maria Navarro, the city's housing chief, said ...
Naverro added that ...        <- flagged: surname-spelling, suggest "Navarro"
```

## How to fix
Check the spelling against the source (the person's own page, the wire copy)
and make every mention agree. If both spellings are accepted transliterations,
add them to the newsroom's `equivalents` list.
"""
from __future__ import annotations

import re
from typing import Iterator

from checks.annotation import Annotation, Suggestion
from checks.engine import Context
from checks.model import BODY_KINDS, Article
from checks.names import (Mention, common_word, equivalence_map, has_stem_relative, reads_as_person,
                          read_names, speaks_raw, spelling_groups, written_as_place)
from checks.registry import Rule
from checks.text import primary_language

ID = "name-consistency"

SURNAME_SPELLING = Rule(ID, "surname-spelling", "warning",
                        "A surname written two ways, one or two letters apart.")
SURNAME_BEFORE_FULL_NAME = Rule(ID, "surname-before-full-name", "info",
                                "A surname alone or with a title before the person's full name.")
RULES = (SURNAME_SPELLING, SURNAME_BEFORE_FULL_NAME)

MAX_RELATED = 20


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    equivalents = equivalence_map(ctx.option(ID, "equivalents", ()))
    names = read_names(article, equivalents)
    yield from _spellings(names, primary_language(article.language))
    yield from _early_surnames(names, primary_language(article.language))


def _spellings(names, language: str) -> Iterator[Annotation]:
    for group in spelling_groups(names, language):
        full = [s for s in group.spellings if s.givens]
        if full and all(_institution(s) for s in full) and not any(
                t[6] or speaks_raw(t, s.units) for s in group.spellings for t in s.raw):
            continue  # "the Bibliotheca Alexandrina" is no person's name (nor one that speaks)
        right = group.majority.written
        everyone = sorted((m for s in group.spellings for m in s.mentions), key=lambda m: m.order)
        # The first MAX_RELATED others only: a long article's majority spelling has
        # hundreds. They are among the first MAX_RELATED + 1 mentions, whose targets
        # (frozen) are built once for all of the group's findings; so are the data.
        first = everyone[:MAX_RELATED + 1]
        targets = None
        written = [s.written for s in group.spellings]
        counts = {w: len(s.mentions) for w, s in zip(written, group.spellings)}
        for variant in group.variants:
            if written_as_place(variant):
                continue  # "in Austin", "the Library of Alexandria": a place, not a surname
            for mention in variant.mentions:
                if targets is None:
                    targets = [m.target for m in first]
                related = [t for m, t in zip(first, targets) if m is not mention][:MAX_RELATED]
                yield SURNAME_SPELLING.at(
                    mention.target,
                    f"'{mention.surname}' is spelled '{right}' elsewhere in the article.",
                    related=related,
                    suggestion=Suggestion("replace", right),
                    data={"majority": right, "spellings": list(written), "mentions": dict(counts)},
                )


def _early_surnames(names, language: str) -> Iterator[Annotation]:
    # Only surnames that come with a full name somewhere can be "before the full name".
    # Each spelling's mentions are already in document order, and only the few
    # reported become Mention objects.
    found = []
    for spelling in names.spellings.values():
        if not spelling.givens:
            continue
        # Is there a surname alone in the body before a full name in the body? Most
        # spellings have none: one plain pass settles them (mentions are in order).
        alone = early = False
        units = spelling.units
        for t in spelling.raw:  # Mention fields, as tuples (the unit by its index)
            if units[t[0]].kind in BODY_KINDS:
                if t[5] is None:
                    alone = True
                elif alone:
                    early = True
                    break
        if not early:
            continue  # no surname alone before any full name: skip the look-ups below
        body = [t for t in spelling.raw if units[t[0]].kind in BODY_KINDS]
        # A "given name" the article also writes in lower case ("Statistics Canada",
        # "the statistics") or that is shouted in capitals is no given name.
        full = next((t for t in body if t[5] is not None and not names.written_in_lower_case(t[5])), None)
        if full is None:
            continue
        surname_word = None  # _surname_word(spelling, ...), asked once
        surname_only = None  # _surname_only(spelling, ...), asked once: it searches the whole text
        # A surname alone after a full name given anywhere (the standfirst, a caption)
        # needs a title or a speech verb: the first such full name, found once, says
        # which mentions may still read as a person.
        given_at = min(r[8] for r in spelling.raw if r[5] is not None)
        for t in body:
            if t[8] >= full[8]:
                break
            if t[5] is not None:
                continue
            if t[6] or speaks_raw(t, units):
                found.append((t, full, units))
                break  # a bare capitalised word may be a place, a firm or a thing: only these
            if language != "en" or given_at < t[8]:
                continue
            if surname_word is False or surname_only is False or not reads_as_person(t, units):
                continue
            if surname_word is None:  # (once it says no, no later mention is read)
                surname_word = _surname_word(spelling, names, language)
                if not surname_word:
                    continue
            if surname_only is None:
                surname_only = _surname_only(spelling, names, language)
            if surname_only:
                found.append((t, full, units))
                break
    for t, full, units in sorted(found, key=lambda item: item[0][8]):
        m, full = Mention(units[t[0]], *t[1:]), Mention(units[full[0]], *full[1:])
        yield SURNAME_BEFORE_FULL_NAME.at(
            m.target,
            f"'{m.surname}' is mentioned before the person's full name is given.",
            related=[full.target],
            data={"full_name_at": full.unit.address},
        )


def _surname_only(spelling, names, language: str) -> bool:
    """Whether a spelling is nothing but a surname: not a word (written in lower case
    too, or common), not the head of another name ("Ford Motor", "Jordan Valley"),
    not a place ("in Canada", "Bank of Canada"), and without an adjective or
    plural beside it ("Jordan" and "Jordanian")."""
    if not _surname_word(spelling, names, language):
        return False
    # (The surname first, then the words before it: a pattern that opens with the
    # literal is scanned for fast; one that opens with "in" is tried everywhere.)
    # A common surname is written many times: each expression is tried only when the
    # words it ends on are there ("in " or "of " right before, unless a line break
    # lets "$" match earlier; "the" in its window).
    text = names.text
    for hit in re.finditer(rf"{re.escape(spelling.written)}\b", text):
        at = hit.start()
        if ((text[max(0, at - 3):at - 1] in ("in", "of") or text[at - 1:at] == "\n")
                and _PLACE_BEFORE.search(text, max(0, at - 40), at)):
            return False
        if text.find("the", max(0, at - 60), at) != -1 and _THE_NAME_BEFORE.search(text, max(0, at - 60), at):
            return False
    return True


def _surname_word(spelling, names, language: str) -> bool:
    """The look-ups of _surname_only, without its search of the text: not a word,
    not the head of another name, no adjective or plural beside it."""
    key = spelling.key
    if key in names.inner or names.written_in_lower_case(spelling.written) or common_word(key, language):
        return False
    return not has_stem_relative(key, names.spellings)


def _institution(spelling) -> bool:
    """Whether every full name of a spelling comes right after "the", with a single
    capitalised word for a given name: "the Bibliotheca Alexandrina", "the Hotel
    Adlon" name an institution or a building, not a person. (Unless a mention
    has a title or speaks, which the caller asks.)"""
    full = [t for t in spelling.raw if t[5] is not None]
    if not full:
        return False
    units = spelling.units
    return all(not t[6] and _THE_GIVEN_BEFORE.search(units[t[0]].text, max(0, t[1] - 60), t[1])
               for t in full)


_THE_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he[ \u00a0]+[A-Z][\w'’-]*[ \u00a0]+$")

# "in Canada", "Bank of Canada": the words before a place.
_PLACE_BEFORE = re.compile(r"(?:\bin|\b[A-Z]\w* of)[ \u00a0]$")
# "the Chicago Tribune", "the Galway United": a name after "the" is a title, a firm
# or a team, not a person's.
_THE_NAME_BEFORE = re.compile(r"\bthe[ \u00a0]+(?:[A-Z][\w'’-]*[ \u00a0]+)+$")
