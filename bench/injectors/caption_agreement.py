"""A caption that tells the body's event with another day, date, place or spelling.

Captions are often written from the story's lede, by another hand or from an
earlier draft. Each injection adds a photo whose caption restates one body
sentence (cut to its clause) and changes one fact:

- weekday: "travelled to Iraq on Wednesday" becomes "... on Tuesday";
- date: "on May 14" becomes "on May 16";
- place: "in Baghdad" becomes "in Basra" (a place the article never names);
- name: a person's surname is misspelt by one letter (the body spells it right).
"""
from __future__ import annotations

import copy
import re

from bench.injectors import Expect, Injection
from bench.injectors.name_consistency import NOT_GIVEN, is_person, misspell
from checks.text import sentences

FAMILY = "caption-agreement"

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!['’]?s\b)")
_DATE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                   r"December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) (\d{1,2})\b(?!,? ?\d{3})")
_PLACE = re.compile(r"\b(in|to|from) ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)\b(?! [A-Z]|['’]s)")
_FULL = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}) ([A-Z][a-z]{4,})(?![\w-])")
PLACES = ["Basra", "Mosul", "Aleppo", "Lyon", "Marseille", "Hamburg", "Munich", "Osaka", "Busan",
          "Porto", "Valencia", "Seville", "Krakow", "Gdansk", "Leeds", "Bristol", "Cardiff",
          "Glasgow", "Denver", "Phoenix", "Tucson", "Omaha", "Calgary", "Winnipeg", "Perth",
          "Adelaide", "Durban", "Mombasa", "Kano", "Tangier", "Izmir", "Tabriz"]
# Capitalised words that follow a preposition without being a place.
_NOT_PLACE = set(WEEKDAYS) | {"January", "February", "March", "April", "May", "June", "July", "August",
                              "September", "October", "November", "December", "The", "This", "That",
                              "Mr", "Mrs", "Ms", "Dr", "President", "Prime", "Minister", "Congress",
                              "Parliament", "Twitter", "Facebook", "Instagram", "English", "Spanish",
                              "French", "German", "Arabic", "Chinese", "Democrats", "Republicans"}


# A weekday or date after these words is a bound or a habit ("since May 3", "every Monday").
_BOUND = re.compile(r"(?:since|until|till|by|before|after|from|through|to|between|and|or|every|each|"
                    r"next|last|this|following)[\s,]*$|-$", re.I)


def _clause(text: str, start: int, end: int) -> str | None:
    """The sentence around [start, end), cut at the first comma after it and kept short."""
    sentence = next((p for p in sentences(text) if p.start <= start and end <= p.end), None)
    if sentence is None:
        return None
    cuts = [i for i in (text.find(", ", end), text.find("; ", end), text.find(" – ", end),
                        text.find(" — ", end)) if i != -1 and i < sentence.end]
    clause = text[sentence.start:min(cuts) if cuts else sentence.end].strip()
    if not 8 <= len(clause.split()) <= 40 or clause.count('"') % 2 or clause.count("“") != clause.count("”"):
        return None
    return clause.rstrip(".,;:") + "."


def _candidates(paragraphs, words, rng):
    out = []
    for i, block in paragraphs:
        text = block["text"]
        for m in _WEEKDAY.finditer(text):
            if _BOUND.search(text, 0, m.start()) or text[m.end():m.end() + 1] == "-":
                continue
            other = rng.choice([w for w in WEEKDAYS if w != m.group(1)])
            out.append(("weekday", i, m.start(1), m.end(1), other))
        for m in _DATE.finditer(text):
            day = int(m.group(2))
            if not 1 <= day <= 28 or _BOUND.search(text, 0, m.start()):
                continue
            new_day = day + rng.choice([-2, -1, 1, 2]) if day > 2 else day + rng.choice([1, 2])
            out.append(("date", i, m.start(2), m.end(2), str(new_day)))
        for m in _PLACE.finditer(text):
            place = m.group(2)
            if place.split()[0] in _NOT_PLACE or place.lower() in words:
                continue
            choices = [p for p in PLACES if p.lower() not in words]
            out.append(("place", i, m.start(2), m.end(2), rng.choice(choices)))
    return out


def _name_candidates(paragraphs, rng):
    out = []
    texts = [b["text"] for _, b in paragraphs]
    for i, block in paragraphs:
        for m in _FULL.finditer(block["text"]):
            given, surname = m.groups()
            if given in NOT_GIVEN or surname in NOT_GIVEN:
                continue
            if not is_person(given, surname, texts):
                continue
            kind = rng.choice(["transposition", "doubled-letter", "dropped-letter", "vowel-swap"])
            wrong = misspell(surname, kind, rng)
            if wrong and wrong != surname and wrong.rstrip("s") != surname.rstrip("s"):
                out.append(("name", i, m.start(2), m.end(2), wrong))
    return out


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en":
        return None
    paragraphs = [(i, b) for i, b in enumerate(doc["blocks"]) if b["type"] == "paragraph"]
    words = {w.lower() for _, b in paragraphs for w in re.findall(r"[A-Za-z]+", b["text"])}
    words |= {w.lower() for b in doc["blocks"] if b["type"] == "image"
              for w in re.findall(r"[A-Za-z]+", b.get("caption") or "")}
    by_kind: dict[str, list] = {}
    for cand in _candidates(paragraphs, words, rng) + _name_candidates(paragraphs, rng):
        by_kind.setdefault(cand[0], []).append(cand)
    kinds = sorted(by_kind)
    rng.shuffle(kinds)
    for kind in kinds:
        rng.shuffle(by_kind[kind])
        for _, i, start, end, new in by_kind[kind]:
            text = doc["blocks"][i]["text"]
            changed = text[:start] + new + text[end:]
            clause = _clause(changed, start, start + len(new))
            if clause is None or new not in clause:
                continue
            out = copy.deepcopy(doc)
            image = {"id": "injected-caption", "type": "image", "caption": clause, "credit": "Reuters"}
            out["blocks"].insert(i + 1, image)
            rule = {"weekday": "weekday-differs", "date": "date-differs", "place": "place-differs",
                    "name": "name-spelling"}[kind]
            return Injection(out, [Expect(block_id="injected-caption", quote=new, rule=rule)], kind=kind)
    return None
