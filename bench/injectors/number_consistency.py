"""Make the article state an age, a count or a quantity two different ways.

Three varieties, the slips a desk makes when a story is rewritten in a hurry:

- ``age-remention``: a person given an age ("Rosa Beltrán, 67,") is given
  another a year or two off when mentioned again, either in a re-mention the
  article already has ("the 67-year-old") or in a new one;
- ``list-count``: a count introduces a list of names it does not match ("two
  officials, A, B and C"), built from full names the article already uses;
- ``caption-quantity`` / ``standfirst-quantity``: a body sentence that gives a
  figure for something ("430 people spent the night ...") is reused as a
  caption or standfirst with the figure changed.
"""
from __future__ import annotations

import copy
import re

from bench.injectors import Expect, Injection
from checks.numbers import quantities

FAMILY = "number-consistency"

_NAMED_AGE = re.compile(r"\b((?:[A-Z][a-z]+\s+)?([A-Z][a-z]{2,})), (\d{2}),")
_UNNAMED = re.compile(r"\b([Tt]he )(\d{2})(-year-old)\b")
_FULL_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{2,} [A-Z][a-z]{2,})\b(?!\s+[A-Z])")
_NOT_NAMES = {"The", "This", "That", "But", "And", "When", "After", "Before", "Monday", "Tuesday",
              "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "New", "North", "South", "East", "West", "United"}
_NOT_NOUNS = {"and", "but", "for", "the", "per", "than", "that", "who", "which", "year", "years",
              "percent", "cent", "times", "when", "while", "with", "from", "into", "over", "after",
              "before", "since", "until", "about", "this", "there", "their", "his", "her", "its",
              "old", "ago", "day", "days", "week", "weeks", "month", "months", "hours", "minutes",
              "seconds", "time", "are", "was", "were", "have", "has", "had", "not", "out", "off"}
_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|"
                           r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
                           r"Nov|Dec)\.?\s+$")
_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
# A figure framed by the words after it: "430 people spent", "12 homes were destroyed",
# "397 guest rooms".
_FRAMED = re.compile(r"\s+([a-z]{3,})\s+(?:were\s+|have\s+|had\s+|are\s+|was\s+|will\s+)?([a-z]{3,})\b")
_NOT_NOUNS = {"and", "but", "for", "the", "per", "than", "that", "who", "which", "year", "years",
              "percent", "cent", "times", "when", "while", "with", "from", "into", "over", "after",
              "before", "since", "until", "about", "this", "there", "their", "his", "her", "its",
              "old", "ago", "day", "days", "week", "weeks", "month", "months", "hours", "minutes",
              "seconds", "time", "are", "was", "were", "have", "has", "had", "not", "out", "off"}


def _paragraphs(doc):
    return [i for i, b in enumerate(doc["blocks"]) if b["type"] == "paragraph"]


def _age(doc, rng) -> Injection | None:
    paras = _paragraphs(doc)
    for pos, i in enumerate(paras):
        m = _NAMED_AGE.search(doc["blocks"][i]["text"])
        if not m or not 16 <= int(m.group(3)) <= 95:
            continue
        age = int(m.group(3))
        new = age + rng.choice((-2, -1, 1, 2))
        out = copy.deepcopy(doc)
        for j in paras[pos + 1:]:
            text = out["blocks"][j]["text"]
            u = _UNNAMED.search(text)
            if u and int(u.group(2)) == age:
                out["blocks"][j]["text"] = text[:u.start(2)] + str(new) + text[u.end(2):]
                return Injection(out, [Expect(block_id=out["blocks"][j]["id"], quote=f"{new}-year-old",
                                              rule="age-mismatch")], kind="age-remention")
        at = paras[min(pos + rng.randint(1, 3), len(paras) - 1)] + 1 if pos + 1 < len(paras) else i + 1
        aged = {a.group(1) for k in paras
                for a in re.finditer(r"\b([A-Z][a-z]+),? \(?(\d{1,2})\)?[,;.)]", doc["blocks"][k]["text"])}
        unnamed = [f"The {new}-year-old has not spoken publicly since."] if len(aged) == 1 else []
        text = rng.choice([f"{m.group(2)}, {new}, declined to comment further."] + unnamed + [
                           f"{m.group(2)}, {new}, said she had not been told in advance."
                           if rng.random() < 0.5 else
                           f"{m.group(2)}, {new}, said he had not been told in advance."])
        out["blocks"].insert(at, {"id": "injected-age", "type": "paragraph", "text": text})
        quote = f"{new}-year-old" if text.startswith("The ") else f"{new}"
        return Injection(out, [Expect(block_id="injected-age", quote=quote, rule="age-mismatch")],
                         kind="age-remention")
    return None


_LIST_TEMPLATES = [
    # (sentence with the list, the count phrase the finding must point at)
    ("{Count} {noun}, {listed}, were named in the report published on Monday.", "{Count} {noun}"),
    ("The report names {count} {noun}: {listed}.", "{count} {noun}"),
    ("Police later arrested {count} {noun} – {listed} – in connection with the case.",
     "{count} {noun}"),
    ("Among those questioned were {count} senior {noun}, {listed}, according to the filing.",
     "{count} senior {noun}"),
]
_NATURAL_LIST = re.compile(r"\b(two|three|four|five)((?: [a-z]+){1,2}), "
                           r"((?:[A-Z][a-z]+ ?)+(?:, (?:[A-Z][a-z]+ ?)+)*"
                           r" and (?:[A-Z][a-z]+ ?)+)(?=[,.])")


def _list_count(doc, rng) -> Injection | None:
    # A real list the article already has: change its count.
    for b in _paragraphs(doc):
        text = doc["blocks"][b]["text"]
        m = _NATURAL_LIST.search(text)
        if m:
            items = len(re.split(r", | and ", m.group(3)))
            if _WORDS.get(items) != m.group(1):
                continue
            wrong = _WORDS[items + 1] if items + 1 in _WORDS else _WORDS[items - 1]
            out = copy.deepcopy(doc)
            out["blocks"][b]["text"] = text[:m.start(1)] + wrong + text[m.end(1):]
            return Injection(out, [Expect(block_id=out["blocks"][b]["id"], quote=wrong + m.group(2),
                                          rule="list-count")], kind="list-count-natural")
    names = []
    for b in doc["blocks"]:
        if b["type"] != "paragraph":
            continue
        for m in _FULL_NAME.finditer(b["text"]):
            name = m.group(1)
            if not set(name.split()) & _NOT_NAMES and name not in names:
                names.append(name)
    if len(names) < 2:
        return None
    k = min(len(names), rng.choice((2, 3, 3, 4)))
    chosen = rng.sample(names, k)
    count = k + rng.choice((-1, 1)) if k > 2 else k + 1
    listed = ", ".join(chosen[:-1]) + " and " + chosen[-1]
    noun = rng.choice(("people", "officials", "figures", "witnesses", "executives", "suspects"))
    template, pointed = rng.choice(_LIST_TEMPLATES)
    fields = dict(count=_WORDS[count], Count=_WORDS[count].capitalize(), noun=noun, listed=listed)
    sentence = template.format(**fields)
    quote = pointed.format(**fields)
    if rng.random() < 0.5:  # a correct list elsewhere must not be flagged
        sentence += f" The {_WORDS[k]} {noun}, {listed}, have not commented."
    out = copy.deepcopy(doc)
    paras = _paragraphs(out)
    target = out["blocks"][rng.choice(paras[1:])]
    if rng.random() < 0.5:
        target["text"] = target["text"].rstrip() + " " + sentence  # inside a paragraph
        block_id = target["id"]
    else:
        at = out["blocks"].index(target) + 1
        out["blocks"].insert(at, {"id": "injected-list", "type": "paragraph", "text": sentence})
        block_id = "injected-list"
    return Injection(out, [Expect(block_id=block_id, quote=quote, rule="list-count")],
                     kind="list-count")


def _changed(q) -> str:
    v = int(q.value)
    zeros = len(str(v)) - len(str(v).rstrip("0"))
    step = 10 ** zeros  # keep the precision the figure was written with
    new = v + max(step, round(v * 0.3 / step) * step)
    if len(str(new)) - len(str(new).rstrip("0")) > zeros:
        new += step  # "16,000" -> "21,000", not a round "20,000" that reads as a rounding
    return f"{new:,}" if "," in q.text else str(new)


def _fair(q) -> str:
    """The same figure as a desk might fairly restate it: hedged, rounded down."""
    v = int(q.value)
    step = 10 ** max(0, len(str(v)) - 2)
    low = v // step * step
    if low == v:
        return f"About {v:,}" if "," in q.text else f"About {v}"
    return f"More than {low:,}" if "," in q.text else f"More than {low}"


def _quantity(doc, rng) -> Injection | None:
    paras = _paragraphs(doc)
    order = list(paras)
    rng.shuffle(order)
    for i in order:
        text = doc["blocks"][i]["text"]
        for q in quantities(text, words=False):
            if q.percent or q.currency or q.joined or q.hedge or not 10 <= q.value < 1_000_000:
                continue
            if 1800 <= q.value <= 2100 and "," not in q.text:
                continue
            m = _FRAMED.match(text, q.end)
            if not m or m.group(1) in _NOT_NOUNS or m.group(2) in _NOT_NOUNS or \
                    _MONTH_BEFORE.search(text, 0, q.start):
                continue  # "May 15 and reached ...": a date, not a count
            end = text.find(".", m.end())
            clause = text[q.start:end if end != -1 else len(text)].strip()
            if len(clause) > 160:
                clause = text[q.start:m.end()]
            new = _changed(q)
            shown = new + clause[len(q.text):]
            out = copy.deepcopy(doc)
            # Half the drafts also restate the figure fairly (hedged or rounded) in the
            # other place, which must not be flagged.
            fair = _fair(q) + clause[len(q.text):] if rng.random() < 0.5 else None
            if rng.random() < 0.5:
                out["standfirst"] = shown
                if fair:
                    out["blocks"].insert(0, {"id": "fair-caption", "type": "image",
                                             "caption": fair + ".", "credit": "AFP"})
                return Injection(out, [Expect(field="standfirst", quote=new, rule="quantity-mismatch")],
                                 kind="standfirst-quantity")
            images = [j for j, b in enumerate(out["blocks"]) if b["type"] == "image"]
            at = images[0] if images else 0
            block = {"id": "injected-caption", "type": "image", "caption": shown + ".",
                     "credit": rng.choice(("AFP", "Reuters", "AP Photo"))}
            out["blocks"].insert(at + (1 if images else 0), block)
            if fair:
                out["standfirst"] = fair
            return Injection(out, [Expect(block_id="injected-caption", quote=new,
                                          rule="quantity-mismatch")], kind="caption-quantity")
    return None


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en" or len(_paragraphs(doc)) < 3:
        return None
    # The rarer varieties first (few articles give a named age or a framed figure),
    # so the sample is not all list counts.
    makers = [_age, _quantity]
    rng.shuffle(makers)
    for make in makers + [_list_count]:
        injection = make(doc, rng)
        if injection is not None:
            return injection
    return None
