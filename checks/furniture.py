"""Recognising page furniture: text that belongs to the web page, not the story.

Shared by the ``page-furniture`` check (which reports it) and the article model
(which keeps it out of the body that other checks read), so both always agree.
"""
from __future__ import annotations

import re

_LANGUAGES = (
    "English|Arabic|French|German|Spanish|Español|Français|Deutsch|العربية|Italiano|Português|"
    "Русский|Türkçe|中文|日本語|한국어|فارسی|اردو|Hindi|हिन्दी|Nederlands|Polski|Svenska"
)
_BULLET = r"[•·▪●◦|/]"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "• English • Arabic" (one line or several)
    ("language-switcher", re.compile(
        rf"^\s*(?:{_BULLET}?\s*(?:{_LANGUAGES})\s*)(?:(?:{_BULLET}|\n|\s)\s*(?:{_LANGUAGES})\s*)+$")),
    ("read-more", re.compile(
        r"^\s*(?:Read more|Read also|Also read|Related|See also|More on this|Recommended|"
        r"Most read|Trending|Lesen Sie auch|Mehr zum Thema|Lee también|Lire aussi)"
        r"(?:\s*[:»>|–—-].{0,150}|\s*[.…]*)$", re.I)),
    ("advertisement", re.compile(
        r"^\s*(?:Advertisement|Advertising|Sponsored|Sponsored content|Anzeige|Publicidad|Publicité|"
        r"Story continues below advertisement|Continue reading below|Scroll to continue)\s*$", re.I)),
    ("share-prompt", re.compile(
        r"^\s*(?:(?:Share|Follow us|Follow)(?: (?:this|on|us on))?(?: (?:article|story))?\s*(?:on\s+)?"
        r"(?:(?:Facebook|Twitter|X|WhatsApp|LinkedIn|Telegram|Instagram|Email|E-mail)[\s,|•]*)+|"
        r"Sign up (?:for|to) (?:our|the) .{1,60}newsletters?.{0,60}|Subscribe (?:now|today|to our .{1,40})|"
        r"Click here to .{1,80}|Copy link|Link copied|Print this (?:page|article))\s*\.?\s*$", re.I)),
    ("updated-line", re.compile(
        r"^\s*(?:Updated|Last updated|Published|Aktualisiert|Actualizado)\s*:\s*.{4,60}$", re.I)),
    ("image-counter", re.compile(
        r"^\s*(?:(?:Image|Photo|Picture|Slide|Bild|Foto)\s+)?\d{1,3}\s*(?:/|of|von|de)\s*\d{1,3}\s*$", re.I)),
)


def _one_pattern(patterns) -> re.Pattern[str]:
    """PATTERNS as one alternation, a named group per kind, each with its own flags.

    Every paragraph is tested, so one regex call replaces six; the branches are
    tried in the same order as the patterns, so the first kind that matches wins.
    """
    branches = []
    for i, (_, pattern) in enumerate(patterns):
        flags = "i" if pattern.flags & re.IGNORECASE else "-i"
        branches.append(f"(?P<k{i}>(?{flags}:{pattern.pattern}))")
    return re.compile("|".join(branches))


_ANY = _one_pattern(PATTERNS)
_KIND_OF_GROUP = {f"k{i}": kind for i, (kind, _) in enumerate(PATTERNS)}


def furniture_kind(text: str) -> str | None:
    """The kind of furniture ``text`` is, as a whole, or None."""
    if len(text) > 300:
        return None
    match = _ANY.match(text)
    return None if match is None else _KIND_OF_GROUP[match.lastgroup]


def is_furniture(text: str) -> bool:
    return furniture_kind(text) is not None
