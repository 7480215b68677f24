"""Repeat a caption (exactly, or with other case, spacing or credit), paste a
caption into the body, or paste a paragraph twice."""
from __future__ import annotations

import copy

from bench.injectors import Expect, Injection

FAMILY = "repeated-caption"
KINDS = ("exact-repeat", "near-repeat", "caption-in-body", "repeated-paragraph")


def _captioned(doc: dict) -> list[int]:
    return [i for i, b in enumerate(doc["blocks"])
            if b["type"] == "image" and len((b.get("caption") or "").split()) >= 6]


def inject(doc: dict, rng) -> Injection | None:
    out = copy.deepcopy(doc)
    blocks = out["blocks"]
    paragraphs = [i for i, b in enumerate(blocks) if b["type"] == "paragraph"]
    captioned = _captioned(out)
    kind = rng.choice(KINDS if captioned else ("repeated-paragraph",))
    if kind == "repeated-paragraph":
        long = [i for i in paragraphs if len(blocks[i]["text"].split()) >= 12]
        if len(long) < 2:
            return None
        source = rng.choice(long[:-1])
        at = rng.choice([i for i in paragraphs if i > source] + [len(blocks)])
        blocks.insert(at, {"id": "injected-copy", "type": "paragraph", "text": blocks[source]["text"]})
        return Injection(out, [Expect(block_id="injected-copy", rule=kind)], kind=kind)
    source = blocks[rng.choice(captioned)]
    caption = source["caption"]
    later = [i for i in paragraphs if i > blocks.index(source)] or [len(blocks) - 1]
    at = rng.choice(later) + 1
    if kind == "caption-in-body":
        blocks.insert(at, {"id": "injected-copy", "type": "paragraph", "text": caption})
        return Injection(out, [Expect(block_id="injected-copy", rule=kind)], kind=kind)
    copy_block = {"id": "injected-copy", "type": "image", "caption": caption}
    if source.get("credit"):
        copy_block["credit"] = source["credit"]
    if kind == "near-repeat":
        variant = rng.choice(("case", "spacing", "credit"))
        if variant == "case" and caption.lower() == caption.upper():
            variant = "credit"  # a script without case
        if variant == "case":
            copy_block["caption"] = caption.lower() if caption != caption.lower() else caption.upper()
        elif variant == "spacing":
            copy_block["caption"] = caption.replace(" ", "  ", 2).rstrip(".") + " "
        else:
            copy_block["credit"] = "Reuters" if source.get("credit") != "Reuters" else "AFP"
    blocks.insert(at, copy_block)
    return Injection(out, [Expect(block_id="injected-copy", rule=kind)], kind=kind)
