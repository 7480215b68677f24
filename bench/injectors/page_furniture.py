"""Paste a piece of web-page furniture into the body."""
from __future__ import annotations

import copy

from bench.injectors import Expect, Injection

FAMILY = "page-furniture"

SNIPPETS = [
    ("language-switcher", "• English • Arabic"),
    ("language-switcher", "English | Français | Español"),
    ("read-more", "Read more: Markets rally as inflation cools"),
    ("read-more", "Related: What the new budget means for you"),
    ("advertisement", "Advertisement"),
    ("advertisement", "Story continues below advertisement"),
    ("share-prompt", "Share on Facebook Twitter WhatsApp Email"),
    ("share-prompt", "Sign up for our morning newsletter"),
    ("updated-line", "Updated: March 3, 2024, 9:15 AM"),
    ("image-counter", "4 of 9"),
]


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en":
        return None
    paragraphs = [i for i, b in enumerate(doc["blocks"]) if b["type"] == "paragraph"]
    if len(paragraphs) < 3:
        return None
    kind, text = rng.choice(SNIPPETS)
    out = copy.deepcopy(doc)
    at = rng.choice(paragraphs[1:])
    out["blocks"].insert(at, {"id": "injected-furniture", "type": "paragraph", "text": text})
    return Injection(out, [Expect(block_id="injected-furniture", rule=kind)], kind=kind)
