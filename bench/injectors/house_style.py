"""Apply one house-style choice two ways in an article that was consistent.

Varieties:

- ``spelling``: one mention of a word the article uses at least twice is
  switched to its other spelling ("programme" -> "program", "organised" ->
  "organized");
- ``quote-marks``: in an article whose apostrophes are all curly (or all
  straight), one is typed the other way, as a pasted sentence brings it;
- ``honorific``: one "Mr Haddad" becomes "Mr. Haddad" (or the reverse);
- ``date-format``: one "15 May" becomes "May 15" (or the reverse).

The family reports at ``info`` by default and ``bench/quality.py`` counts only
warnings and errors as alarms, so there it shows no recall for this family;
``bench/house_style_quality.py`` measures it at info level.
"""
from __future__ import annotations

import copy
import re

from bench.injectors import Expect, Injection
from checks.house_style import _COUNTERPART, _SPELLING

FAMILY = "house-style"
SEVERITY = "info"

_WORD = re.compile(r"(?<=[a-z,;] )([a-z]+)\b")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Dr)(\.?)(?= [A-Z])")
_DMY = re.compile(r"\b([1-9]|[12]\d|3[01]) (January|February|March|April|June|July|August|"
                  r"September|October|November|December)\b(?! \d{1,2}\b)")
_MDY = re.compile(r"\b(January|February|March|April|June|July|August|September|October|"
                  r"November|December) ([1-9]|[12]\d|3[01])\b(?!,? \d{1,2}\b)")


def _paras(doc):
    return [b for b in doc["blocks"] if b["type"] == "paragraph"]


def _all_text(doc) -> str:
    return "\n".join([doc["headline"], doc.get("standfirst") or ""] +
                     [b.get("text") or b.get("caption") or "" for b in doc["blocks"]])


def _replace(doc, block_id, start, end, new):
    out = copy.deepcopy(doc)
    for b in out["blocks"]:
        if b["id"] == block_id:
            b["text"] = b["text"][:start] + new + b["text"][end:]
    return out


def _spelling(doc, rng):
    groups: dict[str, list] = {}
    for b in _paras(doc):
        for m in _WORD.finditer(b["text"]):
            entry = _SPELLING.get(m.group(1))
            if entry:
                groups.setdefault(entry[0], []).append((b["id"], m, entry[1]))
    usable = [g for g in groups.values() if len(g) >= 2 and len({s for _, _, s in g}) == 1
              and not (g[0][1].group(1).startswith("program"))]
    if not usable:
        return None
    group = rng.choice(usable)
    block_id, m, _ = rng.choice(group[1:])
    new = _COUNTERPART[m.group(1)]
    return Injection(_replace(doc, block_id, m.start(1), m.end(1), new),
                     [Expect(block_id=block_id, quote=new, rule="spelling-variant")], kind="spelling")


def _quote_marks(doc, rng):
    text = _all_text(doc)
    straight, curly = text.count("'") + text.count('"'), sum(text.count(c) for c in "‘’“”")
    if straight and curly:
        return None  # already mixed: the planted defect would not be the only one
    mark, other = ("’", "'") if curly else ("'", "’")
    places = [(b["id"], m.start()) for b in _paras(doc)
              for m in re.finditer(rf"(?<=[a-z]){mark}(?=[a-z])", b["text"])]
    if len(places) < 2:
        return None
    block_id, at = rng.choice(places[1:])
    return Injection(_replace(doc, block_id, at, at + 1, other),
                     [Expect(block_id=block_id, quote=other, rule="mixed-quote-marks")],
                     kind="quote-marks")


def _honorific(doc, rng):
    places = [(b["id"], m) for b in _paras(doc) for m in _HONORIFIC.finditer(b["text"])]
    if len(places) < 2 or len({bool(m.group(2)) for _, m in places}) > 1:
        return None
    block_id, m = rng.choice(places[1:])
    new = m.group(1) if m.group(2) else m.group(1) + "."
    return Injection(_replace(doc, block_id, m.start(), m.end(), new),
                     [Expect(block_id=block_id, quote=new, rule="honorific-punctuation")],
                     kind="honorific")


def _date_format(doc, rng):
    dmy = [(b["id"], m) for b in _paras(doc) for m in _DMY.finditer(b["text"])]
    mdy = [(b["id"], m) for b in _paras(doc) for m in _MDY.finditer(b["text"])]
    if dmy and mdy:
        return None
    places = dmy or mdy
    if len(places) < 2:
        return None
    block_id, m = rng.choice(places[1:])
    new = f"{m.group(2)} {m.group(1)}"
    return Injection(_replace(doc, block_id, m.start(), m.end(), new),
                     [Expect(block_id=block_id, quote=new, rule="date-format")], kind="date-format")


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en" or len(_paras(doc)) < 3:
        return None
    makers = [_spelling, _quote_marks, _honorific, _date_format]
    rng.shuffle(makers)
    for make in makers:
        injection = make(doc, rng)
        if injection is not None:
            return injection
    return None
