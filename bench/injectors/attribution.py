"""Plant an attribution defect: a quotation stripped of its speaker, a quotation
mark left open, or a photo stripped of its credit.

Each variety copies what happens to real drafts:

- ``strip-attribution``: a paragraph that is one quotation and its attribution
  ("“...,” the mayor said." or "The mayor said: “...”") loses the attribution,
  in a place where nothing around it names a speaker (the quotation then has
  nobody to belong to; next to "Smith said the plan would fail." it would
  still be Smith's, which is not a defect);
- ``orphan-quote``: such a paragraph, stripped the same way, is moved among
  paragraphs that name no speaker (a quotation that lost its place in an edit);
- ``drop-closing-mark``: a closing quotation mark followed by more text in its
  paragraph is deleted (one at the very end of a paragraph would look like a
  quotation running on into the next, which is correct style);
- ``strip-credit``: one image of an article whose captioned photos are all
  credited loses its credit (the field, or the credit at the end of its
  caption).
"""
from __future__ import annotations

import copy
import re

from bench.injectors import Expect, Injection
from checks.credits import find_inline_credit

FAMILY = "attribution"

_VERB = r"(?:said|says|added|told|explained|insisted|warned|wrote|noted)"
# “Quote,” attribution.   (the attribution names someone and uses a speech verb)
_CLOSING = re.compile(
    r"^(?P<open>[“\"])(?P<quote>[A-Z][^“”\"]{30,600}?)(?P<punct>[,?!])(?P<close>[”\"])\s+"
    rf"(?P<attr>[^“”\".]{{0,80}}\b{_VERB}\b[^“”\"]{{0,120}})\.?$")
# Attribution: “Quote.”
_LEADIN = re.compile(
    rf"^(?P<attr>[A-Z][^“”\":]{{0,80}}\b{_VERB}\b[^“”\":]{{0,40}}):\s*"
    r"(?P<open>[“\"])(?P<quote>[A-Z][^“”\"]{30,400}?[.?!])(?P<close>[”\"])$")
# Anything near the quotation that could name its speaker.
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|according|added|adds|wrote|writes|asked|explained|stated|"
    r"statement|interview|warned|insisted|noted|argued|claimed|claims|recalled|replied|described|"
    r"reiterated|announced|confirmed|stressed|urged|called|spoke|speaking|posted|tweeted|suggested|"
    r"explains|thinks|believes)\b", re.I)
_PERSONISH = re.compile(
    r"^(?:[A-Z][\w'’-]+ ){0,3}[A-Z][\w'’-]+(?:,| [a-z]+(?:ed|s)\b)|^(?:He|She|They|I|We) ")
_QUOTE_MARKS = re.compile(r"[“”\"«»„‘]")


def _quiet(text: str) -> bool:
    """A paragraph that neither quotes, nor speaks, nor hands over to a person
    (one who opens it as its subject, or a closing "he smiles.")."""
    text = text.strip()
    return not (_QUOTE_MARKS.search(text) or _SPEECH.search(text) or _PERSONISH.match(text)
                or text.endswith((":", "?")) or re.search(r"\b(?:he|she|they)\s+\S+\W*$", text, re.I)
                or re.search(r"\b(?:he|she|his|her|him)\b", text, re.I))


def _paragraphs(doc: dict) -> list[int]:
    return [i for i, b in enumerate(doc["blocks"]) if b["type"] == "paragraph"]


def _strip_attribution(doc: dict, rng) -> Injection | None:
    paras = _paragraphs(doc)
    candidates = []
    for n, i in enumerate(paras):
        text = doc["blocks"][i]["text"]
        match = _CLOSING.match(text) or _LEADIN.match(text)
        if not match:
            continue
        before = doc["blocks"][paras[n - 1]]["text"] if n > 0 else ""
        earlier = doc["blocks"][paras[n - 2]]["text"] if n > 1 else ""
        after = doc["blocks"][paras[n + 1]]["text"] if n + 1 < len(paras) else ""
        if _quiet(before) and _quiet(after) and _quiet(earlier):
            candidates.append((i, match))
    if not candidates:
        return None
    i, match = rng.choice(candidates)
    text, quote = _bare(match)
    out = copy.deepcopy(doc)
    out["blocks"][i]["text"] = text
    block_id = out["blocks"][i]["id"]
    return Injection(out, [Expect(block_id=block_id, quote=quote[:40], rule="unattributed-quote")],
                     kind="strip-attribution")


def _orphan_quote(doc: dict, rng) -> Injection | None:
    """A quotation moved in editing: it loses its attribution and lands among
    paragraphs that name no speaker."""
    paras = _paragraphs(doc)
    quotes = [i for i in paras
              if _CLOSING.match(doc["blocks"][i]["text"]) or _LEADIN.match(doc["blocks"][i]["text"])]
    if not quotes:
        return None
    texts = [doc["blocks"][i]["text"] for i in paras]
    slots = [n for n in range(2, len(paras))
             if n + 1 < len(paras) and all(_quiet(texts[k]) for k in (n - 2, n - 1, n))]
    source = rng.choice(quotes)
    slots = [n for n in slots if abs(paras[n] - source) > 3]
    if not slots:
        return None
    n = rng.choice(slots)
    match = _CLOSING.match(doc["blocks"][source]["text"]) or _LEADIN.match(doc["blocks"][source]["text"])
    text, quote = _bare(match)
    out = copy.deepcopy(doc)
    out["blocks"].insert(paras[n], {"id": "orphan-quote", "type": "paragraph", "text": text})
    return Injection(out, [Expect(block_id="orphan-quote", quote=quote[:40], rule="unattributed-quote")],
                     kind="orphan-quote")


def _bare(match: re.Match) -> tuple[str, str]:
    """A quotation paragraph without its attribution, and the quoted words."""
    quote = match.group("quote").rstrip(",")
    if match.groupdict().get("punct") in ("?", "!"):
        quote += match.group("punct")
    elif not quote.endswith((".", "?", "!")):
        quote += "."
    return f"{match.group('open')}{quote}{match.group('close')}", quote


def _drop_closing_mark(doc: dict, rng) -> Injection | None:
    candidates = []
    for i in _paragraphs(doc):
        text = doc["blocks"][i]["text"]
        if text.count("“") != text.count("”") or "\"" in text:
            continue  # only paragraphs whose curly marks balance
        for match in re.finditer(r"“([^“”]{15,300})”(?=[,.;:]?\s+\S)", text):
            candidates.append((i, match))
    if not candidates:
        return None
    i, match = rng.choice(candidates)
    out = copy.deepcopy(doc)
    text = out["blocks"][i]["text"]
    changed = text[:match.end() - 1] + text[match.end():]
    out["blocks"][i]["text"] = changed
    opening = changed[match.start():match.start() + 20]
    return Injection(out, [Expect(block_id=out["blocks"][i]["id"], quote=opening)],
                     kind="drop-closing-mark")


def _strip_credit(doc: dict, rng) -> Injection | None:
    images = [i for i, b in enumerate(doc["blocks"]) if b["type"] == "image"]
    captioned = [i for i in images if len((doc["blocks"][i].get("caption") or "").split()) >= 4]
    if len(captioned) < 3:
        return None

    def credited(block: dict) -> bool:
        if (block.get("credit") or "").strip():
            return True
        return find_inline_credit(block.get("caption") or "") is not None

    if not all(credited(doc["blocks"][i]) for i in images):
        return None
    i = rng.choice(captioned)
    out = copy.deepcopy(doc)
    block = out["blocks"][i]
    block.pop("credit", None)
    inline = find_inline_credit(block.get("caption") or "")
    if inline is not None:
        block["caption"] = block["caption"][:inline.start].rstrip(" -–—|")
    return Injection(out, [Expect(block_id=block["id"], rule="missing-credit")], kind="strip-credit")


VARIETIES = (_strip_attribution, _orphan_quote, _drop_closing_mark, _strip_credit)


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en":
        return None
    order = list(VARIETIES)
    rng.shuffle(order)
    for variety in order:
        injection = variety(doc, rng)
        if injection is not None:
            return injection
    return None
