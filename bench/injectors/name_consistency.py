"""Misspell one surname re-mention, the way a hurried writer does.

The article must give a full name ("Maria Navarro") in the body and mention
the surname alone later. One of those later mentions is changed by one or two
edits that keep the first letter: two neighbouring letters swapped, a letter
doubled or dropped, or a vowel changed. Two edits are used only on surnames of
seven letters or more (the check allows no more on shorter names).
"""
from __future__ import annotations

import copy
import re

from bench.injectors import Expect, Injection

FAMILY = "name-consistency"

_FULL = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}) ([A-Z][a-z]{4,})(?![\w-])")
_VOWELS = "aeiou"
# Words that can stand before a surname without being a given name.
NOT_GIVEN = set("""
The This That These Those When While After Before During Since With From Into About Over Under
President Vice Prime Minister Senator Governor Mayor Judge Justice General Colonel Captain Chief
Secretary Ambassador King Queen Prince Princess Pope Father Sister Rabbi Sheikh Doctor Professor
Coach Detective Officer Sergeant Lieutenant Commander Director Chairman Speaker Leader Former
North South East West New United Saint Santa San Fort Mount Lake Great Upper Lower Central
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July
August September October November December Democratic Republican Labour Conservative Liberal
Los Las El La Le Queen King Prince Princess Lord Lady Sir Dame Saint Santa San
""".split())
# A person is someone whose surname is followed by a speech verb, or who carries an honorific.
_SPEECH = "said|says|told|added|wrote|explained|argued|noted|warned|recalled|asked"
_WORD = re.compile(r"[A-Za-z]+")


def is_person(given: str, surname: str, texts: list[str]) -> bool:
    """Whether the article treats "Given Surname" as a person: a title, a speech verb next to
    the full name, or an apposition ("Maria Navarro, the city's housing chief")."""
    person = re.compile(rf"(?:(?:Mr|Mrs|Ms|Dr)\.? {surname}\b|(?:{_SPEECH}) {given} {surname}\b|"
                        rf"{given} {surname},? (?:{_SPEECH}|a|an|who|\d{{1,3}},)\s)")
    return any(person.search(t) for t in texts)


def _swap(name: str, rng) -> str | None:
    spots = [i for i in range(1, len(name) - 1) if name[i] != name[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i + 1] + name[i] + name[i + 2:]


def _double(name: str, rng) -> str | None:
    i = rng.randrange(1, len(name))
    return name[:i + 1] + name[i] + name[i + 1:]


def _drop(name: str, rng) -> str | None:
    i = rng.randrange(1, len(name))
    return name[:i] + name[i + 1:]


def _vowel(name: str, rng) -> str | None:
    spots = [i for i in range(1, len(name)) if name[i] in _VOWELS]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + rng.choice([v for v in _VOWELS if v != name[i]]) + name[i + 1:]


EDITS = {"transposition": _swap, "doubled-letter": _double, "dropped-letter": _drop,
         "vowel-swap": _vowel}


def misspell(name: str, kind: str, rng) -> str | None:
    if kind == "two-edits":
        first, second = rng.sample(["transposition", "doubled-letter", "dropped-letter", "vowel-swap"], 2)
        once = EDITS[first](name, rng)
        return EDITS[second](once, rng) if once else None
    return EDITS[kind](name, rng)


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en":
        return None
    paragraphs = [(i, b) for i, b in enumerate(doc["blocks"]) if b["type"] == "paragraph"]
    words = {w.lower() for _, b in paragraphs for w in _WORD.findall(b["text"])}
    candidates = []
    seen = set()
    for pos, (i, block) in enumerate(paragraphs):
        for match in _FULL.finditer(block["text"]):
            given, surname = match.groups()
            if surname in seen or given in NOT_GIVEN or surname in NOT_GIVEN:
                continue
            seen.add(surname)
            if not is_person(given, surname, [b["text"] for _, b in paragraphs]):
                continue
            alone = re.compile(rf"(?<![\w'’-]){re.escape(surname)}(?![\w-])")
            for j, later in paragraphs[pos + 1:]:
                for hit in alone.finditer(later["text"]):
                    before = later["text"][:hit.start()].rstrip()
                    if (re.search(r"[A-Z][\w'’-]*$", before)
                            and not re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?$", before)):
                        continue  # a full name (this person's or a namesake's), not a re-mention
                    candidates.append((surname, j, hit.start()))
    if not candidates:
        return None
    surname, j, start = rng.choice(candidates)
    kinds = list(EDITS) + (["two-edits"] if len(surname) >= 7 else [])
    kind = rng.choice(kinds)
    for _ in range(10):
        wrong = misspell(surname, kind, rng)
        if (wrong and wrong != surname and wrong.lower() not in words
                and wrong.rstrip("s") != surname.rstrip("s")):  # "Gate" for "Gates" reads as a word
            break
    else:
        return None
    out = copy.deepcopy(doc)
    block = out["blocks"][j]
    block["text"] = block["text"][:start] + wrong + block["text"][start + len(surname):]
    return Injection(out, [Expect(block_id=block["id"], quote=wrong, rule="surname-spelling")], kind=kind)
