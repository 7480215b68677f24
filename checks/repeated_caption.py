"""Repeated captions and paragraphs.

## What it does
Flags a photo caption that repeats an earlier caption, exactly or nearly (the
same words with different case, spacing, punctuation or credit); a caption
pasted into the body as a paragraph of its own; and a body paragraph that
repeats an earlier one. Each repeat is reported once, at the repeat, with the
first occurrence in `related`.

Two captions that merely share an opening ("Protesters gather in ...") are
different captions. A caption whose words also open a paragraph is normal
practice; only a paragraph that is nothing but the caption is flagged.
Very short texts (under four words) are left alone: "File photo" or a
repeated name under mugshots is not an error.

## Why it matters
When a CMS copies a caption template from one photo to the next, every photo
in a gallery ends up describing the first one; readers notice at once. A
paragraph pasted twice, or a caption pasted into the body, is the same slip in
the story text.

## Example
```
[photo 1] Esmail Qaani travelled to Iraq on Wednesday. AFP
[photo 2] Esmail Qaani travelled to Iraq on Wednesday. AFP   <- flagged: exact-repeat
```

## How to fix
Write the caption that describes this photo, or remove the duplicate photo.
For a repeated or pasted paragraph, delete the copy.
"""
from __future__ import annotations

import re
from typing import Iterator

from checks.annotation import Annotation, Suggestion
from checks.credits import find_inline_credit
from checks.engine import Context
from checks.model import PARAGRAPH, Article, Target, TextUnit
from checks.registry import Rule

ID = "repeated-caption"

EXACT_REPEAT = Rule(ID, "exact-repeat", "warning", "A caption identical to an earlier caption.")
NEAR_REPEAT = Rule(ID, "near-repeat", "warning",
                   "A caption that repeats an earlier one up to case, spacing, punctuation or credit.")
CAPTION_IN_BODY = Rule(ID, "caption-in-body", "warning", "A photo caption pasted into the body as a paragraph.")
REPEATED_PARAGRAPH = Rule(ID, "repeated-paragraph", "warning", "A body paragraph that repeats an earlier one.")
RULES = (EXACT_REPEAT, NEAR_REPEAT, CAPTION_IN_BODY, REPEATED_PARAGRAPH)

MIN_WORDS = 4
MIN_PARAGRAPH_WORDS = 8
_WORD = re.compile(r"[^\W_]+")
_WORD_OR_UNDERSCORE = re.compile(r"\w+")  # the same as _WORD in a text with no "_", and quicker


def _key(text: str) -> str:
    """Words only, case-folded: what makes two captions 'the same'.

    One C-level regex pass; this runs on every paragraph of every request.
    """
    folded = text.casefold()
    return " ".join((_WORD if "_" in folded else _WORD_OR_UNDERSCORE).findall(folded))


def _trimmed(unit: TextUnit, end: int) -> Target:
    text = unit.text[:end]
    start = len(text) - len(text.lstrip())
    return unit.span(start, len(text.rstrip()))


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    first_caption: dict[str, tuple[Target, tuple[str, str]]] = {}
    for block in article.images:
        caption = block.caption_text
        key = _key(caption)
        if key.count(" ") + 1 < MIN_WORDS:
            continue
        # A credit the parser did not recognise in one copy ("(john doe / ap)")
        # must not hide the repeat, so each caption is known by both forms.
        keys = {key, key if block.text == caption else _key(block.text)}
        unit = article.unit_for(block_id=block.id)
        target = _trimmed(unit, len(caption))
        raw = (block.text.strip(), (block.credit or "").strip())
        seen = next((first_caption[k] for k in keys if k in first_caption), None)
        if seen is None:
            for k in keys:
                first_caption[k] = (target, raw)
            continue
        first, first_raw = seen
        if raw == first_raw:
            yield EXACT_REPEAT.at(
                target, f"This caption repeats the caption of an earlier photo ({first.block_id}) word for word.",
                related=[first], data={"first_block_id": first.block_id})
        else:
            yield NEAR_REPEAT.at(
                target, f"This caption repeats the caption of an earlier photo ({first.block_id}) almost exactly.",
                related=[first], data={"first_block_id": first.block_id})

    longest_caption = max((len(b.text) for b in article.images), default=0)
    # A credit starts after a space or a full stop, so the words before it open
    # the paragraph's key: a paragraph whose first word opens no caption's key
    # cannot be a caption with its credit, and needs no credit search.
    caption_first_words = {k.partition(" ")[0] for k in first_caption}
    first_paragraph: dict[str, TextUnit] = {}
    for unit in article.body_units():
        if unit.kind != PARAGRAPH:
            continue
        key = _key(unit.text)
        words = key.count(" ") + 1 if key else 0
        if words < MIN_WORDS:
            continue
        if (first_caption and key not in first_caption and len(unit.text) <= longest_caption + 40
                and key.partition(" ")[0] in caption_first_words):
            # "A woman passes a mural in Tehran. EPA" pasted with its credit.
            credit = find_inline_credit(unit.text)
            if credit is not None and _key(unit.text[:credit.start]) in first_caption:
                key = _key(unit.text[:credit.start])
        if key in first_caption:
            caption = first_caption[key][0]
            yield CAPTION_IN_BODY.at(
                _trimmed(unit, len(unit.text)),
                f"This paragraph is the caption of a photo ({caption.block_id}) pasted into the story.",
                related=[caption], suggestion=Suggestion("delete"),
                data={"caption_block_id": caption.block_id})
            continue
        if words < MIN_PARAGRAPH_WORDS:
            continue
        first = first_paragraph.setdefault(key, unit)
        if first is not unit:
            yield REPEATED_PARAGRAPH.at(
                _trimmed(unit, len(unit.text)),
                f"This paragraph repeats an earlier paragraph ({first.block_id}).",
                related=[_trimmed(first, len(first.text))], suggestion=Suggestion("delete"),
                data={"first_block_id": first.block_id})
