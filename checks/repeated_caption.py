"""Repeated captions and paragraphs.

## What it does
Flags a photo caption that repeats an earlier caption, exactly or nearly (the
same words with different case, spacing, punctuation or credit, including a
credit written at the end of the caption - "... Week - AFP", "(Photo by Jane
Doe/AFP)", "Picture: PA" - whether or not the photo also has a credit
field); a caption
pasted into the body as a paragraph of its own; and a body paragraph that
repeats an earlier one. Each repeat is reported once, at the repeat, with the
first occurrence in `related`.

Two captions that merely share an opening ("Protesters gather in ...") are
different captions, and so are two that differ by a word other than a credit
("... on Tuesday" and "... on Wednesday"). A caption whose words also open a paragraph is normal
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
from functools import lru_cache
from typing import Iterator

from checks.annotation import Annotation, Suggestion
from checks.credits import AGENCIES, find_inline_credit
from checks.engine import Context
from checks.model import PARAGRAPH, Article, Target, TextUnit
from checks.registry import Rule

ID = "repeated-caption"

EXACT_REPEAT = Rule(ID, "exact-repeat", "warning", "A caption identical to an earlier caption.")
NEAR_REPEAT = Rule(ID, "near-repeat", "warning",
                   "A caption that repeats an earlier one up to case, spacing, punctuation "
                   "or credit.")
CAPTION_IN_BODY = Rule(ID, "caption-in-body", "warning",
                       "A photo caption pasted into the body as a paragraph.")
REPEATED_PARAGRAPH = Rule(ID, "repeated-paragraph", "warning",
                          "A body paragraph that repeats an earlier one.")
RULES = (EXACT_REPEAT, NEAR_REPEAT, CAPTION_IN_BODY, REPEATED_PARAGRAPH)

MIN_WORDS = 4
_DELETE = Suggestion("delete")  # (frozen: one serves every finding)
MIN_PARAGRAPH_WORDS = 8
_WORD = re.compile(r"[^\W_]+")
_WORD_OR_UNDERSCORE = re.compile(r"\w+")  # the same as _WORD in a text with no "_", and quicker


def _key(text: str) -> str:
    """Words only, case-folded: what makes two captions 'the same'.

    One C-level regex pass; this runs on every paragraph of every request.
    """
    return _folded_key(text.casefold())


def _words_of(folded: str) -> re.Pattern:
    return _WORD if "_" in folded else _WORD_OR_UNDERSCORE


def _folded_key(folded: str) -> str:
    """``_key`` of a text already case-folded."""
    return " ".join(_words_of(folded).findall(folded))


def _letter_counts(folded: str) -> tuple[int, ...]:
    """Counts of a few common letters in a case-folded text: equal wherever the
    ``_key``s are equal (the letters are word characters, kept as they are), and
    a few C-level scans where the key is a regex pass and a join."""
    return folded.count("e"), folded.count("t"), folded.count("a"), folded.count("o")


_OPENING = MIN_WORDS - 1  # words of a key that a cut at a credit leaves whole
# The first _OPENING words of a text's key, as groups, without reading on (no
# match in a text of fewer words).
_OPENING_WORDS = re.compile(r"[\W_]*" + r"[\W_]+".join([r"([^\W_]+)"] * _OPENING))
# Whether a text has MIN_PARAGRAPH_WORDS words or more, without reading on.
_PARAGRAPH_WORDS = re.compile(rf"[^\W_]+(?:[\W_]+[^\W_]+){{{MIN_PARAGRAPH_WORDS - 1}}}")


def _opens_like(folded: str, first_words: set[str], openings: set[tuple[str, ...]]) -> bool:
    """Whether the key of ``folded`` opens on one of ``openings`` (the first
    word alone rules most texts out)."""
    first_word = _WORD.search(folded)
    if first_word is None or first_word.group() not in first_words:
        return False
    opening = _OPENING_WORDS.match(folded)
    return opening is not None and opening.groups() in openings


def _read_paragraph(text: str, folded: str, first_caption: dict, caption_first_words: set[str],
                    credit_reach: int) -> tuple[int, str]:
    """A paragraph's word count and key, the key of the caption it holds with
    its credit when it is one ("A woman passes a mural in Tehran. EPA")."""
    key = _folded_key(folded)
    words = key.count(" ") + 1 if key else 0
    if words < MIN_WORDS:
        return words, key
    if (key not in first_caption and len(text) <= credit_reach
            and key.partition(" ")[0] in caption_first_words):
        credit = find_inline_credit(text)
        if credit is not None and _key(text[:credit.start]) in first_caption:
            key = _key(text[:credit.start])
    return words, key


# A credit written at the end of a caption, in the forms a reporter or a CMS
# leaves there even when the image also has a credit field ("... Week - AFP",
# "... (Photo by Jane Doe/AFP)", "... Week / Reuters", "... Week AFP/Getty
# Images", "... picture: pa"). Used only to compare captions: a cut here makes
# two captions the same only if all the words before it are the same.
_WEAK_AGENCIES = {"X", "File", "Foto", "Bild", "Pool", "Courtesy", "Handout", "Supplied",
                  "Privat", "privat", "Screengrab", "Screenshot", "Twitter", "Instagram",
                  "Facebook", "YouTube", "NASA", "The National", "TT", "CP", "Rex", "Ipa",
                  "CNA", "Sipa", "APA", "Wikimedia Commons", "iStock", "Corbis"}
_ANY_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
# Agencies that end a caption with no punctuation before them ("... Week AFP"):
# the wires, as spelt, not words a caption may end on ("pool", "file", "X").
_WIRE = "|".join(re.escape(a) for a in sorted(set(AGENCIES) - _WEAK_AGENCIES, key=len, reverse=True))
_NAME = r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}"
# "Jane Doe/AFP", "AFP/Getty Images", "EPA-EFE/Jane Doe", "Handout via Reuters", "Reuters".
_AGENCY_CREDIT = (rf"(?:{_NAME}\s*(?:/|\bvia\b)\s*)?(?:{_ANY_AGENCY})"
                  rf"(?:\s*/\s*{_NAME})?")
# A name as spelt, capitalised, whatever the flags around it.
_CAP_NAME = r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
# "Photo: Jane Doe", "Picture by Jane Doe for The National", "Credit: AFP";
# "by" takes a name ("Images by drone show the damage" is a sentence).
_LABEL_CREDIT = (r"(?:photo(?:graph)?s?|pictures?|pics?|images?|credits?|photo credit|fotos?)"
                 r"(?:\s*:\s*[^\s:()\[\]][^:()\[\]\n]{0,60}"
                 rf"|\s+by\s+(?:{_NAME}\s*/\s*{_NAME}|{_CAP_NAME}(?:\s+for\s+{_CAP_NAME})?))")
# After punctuation ("... Week. AFP", "... Week - AFP", "... Week / Reuters",
# "... Week, AFP") or in brackets, any of those forms, in any case.
_PUNCTUATED_CREDIT = re.compile(
    rf"(?:[.!?,;]\s+|\s+[-–—|]+\s*|\s*[-–—|]+\s+|\s+/\s*|\s*/\s+)"
    rf"(?:{_LABEL_CREDIT}|{_AGENCY_CREDIT})[\s.]*"
    rf"|\s*[(\[]\s*(?:{_LABEL_CREDIT}|{_AGENCY_CREDIT}|{_CAP_NAME}\s*/\s*{_CAP_NAME})\s*[)\]][\s.]*",
    re.IGNORECASE)
# After a bare space only a wire agency as spelt, perhaps with the agency or
# photographer after it ("... Week AFP/Getty Images"): a name there could be
# the caption's own words ("... Fashion Week").
# A labelled credit ("... Week Photo: AFP") needs no punctuation before it.
_BARE_CREDIT = re.compile(
    rf"\s+(?:(?:via\s+)?(?:{_WIRE})(?:\s*/\s*{_NAME})?|(?i:{_LABEL_CREDIT}))[\s.]*")
# A cut that leaves the start of a credit behind ("... Week (AFP) -", "...
# Handout via") is too short: a longer credit reads on from there.
_DANGLING = re.compile(r"(?:[-–—|/&(\[:,;]|\b(?:via|by|for|and))\s*\Z", re.IGNORECASE)
_CREDIT_TAIL = 100  # (characters: more than any credit these forms read)
# Where a credit may start: after punctuation, before a bracket or a dash,
# or at a bare space.
_CREDIT_START = re.compile(r"[.!?,;]\s|\s[-–—|/(\[]")
_BARE_REACH = 8  # (words: a bare credit is an agency, perhaps with a name, or a label and a name)
# The words a credit after a bare space may open on: most bare spaces are
# ruled out by a set look-up, without a match.
_BARE_FIRST_WORDS = frozenset(
    [a.split()[0] for a in AGENCIES] + ["via", "photo", "photograph", "photos", "photographs",
                                        "picture", "pictures", "pic", "pics", "image", "images",
                                        "credit", "credits", "photo", "foto", "fotos"])


# The last words of the credits above, case-folded ("afp", "images", "efe"):
# a caption that ends on none of them, and has no bracket at its end nor a
# colon, slash, "by", "via" or "for" near it, has no credit there, and most
# captions are read with these few string tests alone.
_CREDIT_LAST_WORDS = frozenset(_WORD.findall(a.casefold())[-1] for a in AGENCIES)
_LABEL_MARK = re.compile(
    r"(?:photo\w*|pictures?|pics?|images?|credits?|fotos?|illustration|video|bild|quelle|source)"
    r"(?:\s*:|\s+by\s)")


def _may_end_in_credit(text: str) -> bool:
    tail = text[-_CREDIT_TAIL:].rstrip(" .")
    if tail[-1:] in (")", "]") or "/" in tail:
        return True
    folded = tail.casefold()
    if " via " in folded or (
            (":" in folded or " by " in folded) and _LABEL_MARK.search(folded)):
        return True
    last = folded.rsplit(None, 1)[-1] if folded else ""
    return last.strip("\"'’”“!?,;-–—|") in _CREDIT_LAST_WORDS


def _without_credit(text: str) -> str | None:
    """``text`` without a credit written at its end, or None when it has none.

    The shortest credit is taken ("... Fashion Week / Reuters" loses
    "/ Reuters", not "Fashion Week / Reuters"). Linear: a few anchored matches
    at the spaces of the last hundred characters."""
    text = text.rstrip()
    offset = max(0, len(text) - _CREDIT_TAIL)
    starts = [(m.start(), _PUNCTUATED_CREDIT) for m in _CREDIT_START.finditer(text, offset)]
    # A bare space counts only before a word a bare credit opens on.
    end = len(text)
    for word in reversed(text[offset:].rsplit(None, _BARE_REACH)[1:]):
        end = text.rfind(word, 0, end)
        head = word.split("/", 1)[0].split(":", 1)[0]  # ("AFP/Getty", "Photo:")
        if head in _BARE_FIRST_WORDS or head.casefold() in _BARE_FIRST_WORDS:
            starts.append((end - 1, _BARE_CREDIT))
    starts.sort(reverse=True)
    for start, pattern in starts:
        if start <= 0:
            break
        if (pattern.fullmatch(text, start)
                and not _DANGLING.search(text, max(0, start - 6), start)):
            return text[:start]
    return None


def _cut_keys(text: str) -> list[str]:
    """The keys of ``text`` with the credits at its end taken off, one by one
    ("... Week (AFP) - Reuters" gives those of "... Week (AFP)" and "... Week")."""
    keys: list[str] = []
    while len(keys) < 2 and _may_end_in_credit(text):
        cut = _without_credit(text)
        if cut is None:
            span = find_inline_credit(text)
            cut = None if span is None else text[:span.start]
        if cut is None or not cut.strip():
            break
        keys.append(_key(cut))
        text = cut
    return keys


@lru_cache(maxsize=256)  # (a gallery names a few credits, over and over)
def _credit_tail(credit: str) -> str:
    """" " and the key of a credit field, or "" when it has no words."""
    credit_key = _key(credit)
    return " " + credit_key if credit_key else ""


def _caption_keys(caption: str, text: str, credit: str | None = None) -> set[str]:
    """The keys a caption is known by (empty when it is too short to judge):
    that of the caption proper, that of its whole text with any credit, and
    those of these with a credit written at their end taken off, including the
    image's own credit field ("... Week. Funmilayo Adesanya" credited
    "Funmilayo Adesanya").

    A credit the parser did not recognise in one copy ("(john doe / ap)"), or
    did not look for because the image has a credit field ("... Week - AFP"
    credited "AFP"), must not hide the repeat, so each caption is known by all
    these forms. A cut never leaves a key too short to judge."""
    key = _key(caption)
    if key.count(" ") + 1 < MIN_WORDS:
        return set()
    if text == caption:
        keys = {key}
        cuts = _cut_keys(text)
    else:
        keys = {key, _key(text)}
        cuts = _cut_keys(text) + _cut_keys(caption)
    credit_tail = _credit_tail(credit) if credit else ""
    if credit_tail:
        cuts += [k[:-len(credit_tail)] for k in (*keys, *cuts) if k.endswith(credit_tail)]
    for k in cuts:
        if k.count(" ") + 1 >= MIN_WORDS:
            keys.add(k)
    return keys


def _trimmed(unit: TextUnit, end: int) -> Target:
    text = unit.text[:end]
    start = len(text) - len(text.lstrip())
    return unit.span(start, len(text.rstrip()))


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    # key -> (caption unit, length of the caption proper, raw texts); its
    # target is built only when a repeat points at it.
    first_caption: dict[str, tuple[TextUnit, int, tuple[str, str]]] = {}
    # A gallery repeats captions word for word: each (caption, text) is read
    # once, and each first caption's target built once, however many repeat it.
    keys_of: dict[tuple[str, str, str | None], set[str]] = {}
    first_caption_targets: dict[int, Target] = {}
    for block in article.images:
        caption = block.caption_text
        keys = keys_of.get((caption, block.text, block.credit))
        if keys is None:
            keys = keys_of[caption, block.text, block.credit] = _caption_keys(
                caption, block.text, block.credit)
        if not keys:
            continue
        unit = article.unit_for(block_id=block.id)
        raw = (block.text.strip(), (block.credit or "").strip())
        seen = None
        for k in keys:
            if k in first_caption:
                seen = first_caption[k]
                break
        if seen is None:
            for k in keys:
                first_caption[k] = (unit, len(caption), raw)
            continue
        first_unit, first_end, first_raw = seen
        first = first_caption_targets.get(first_unit.index)
        if first is None:
            first = first_caption_targets[first_unit.index] = _trimmed(first_unit, first_end)
        target = _trimmed(unit, len(caption))
        if raw == first_raw:
            yield EXACT_REPEAT.at(
                target, f"This caption repeats the caption of an earlier photo ({first.block_id}) "
                        f"word for word.",
                related=[first], data={"first_block_id": first.block_id})
        else:
            yield NEAR_REPEAT.at(
                target, f"This caption repeats the caption of an earlier photo ({first.block_id}) "
                        f"almost exactly.",
                related=[first], data={"first_block_id": first.block_id})

    longest_caption = max((len(b.text) for b in article.images), default=0)
    # A credit starts after a space or a full stop, so the words before it open
    # the paragraph's key: a paragraph whose first word opens no caption's key
    # cannot be a caption with its credit, and needs no credit search.
    caption_first_words = {k.partition(" ")[0] for k in first_caption}
    # A caption key has MIN_WORDS or more words, so a paragraph whose text
    # before its credit has a caption's key opens on that key's first words.
    caption_openings = {tuple(k.split(" ", _OPENING)[:_OPENING]) for k in first_caption}
    # A paragraph can only be flagged, or make a later one a repeat, if its key
    # equals a caption's or another paragraph's (then they share its letter
    # counts), or if it may be a caption with its credit (short, and opening
    # on a caption key's first words). Most paragraphs are neither, and need no
    # key.
    paragraphs = [u for u in article.body_units() if u.kind == PARAGRAPH]
    folded_texts = [u.text.casefold() for u in paragraphs]
    counts = [_letter_counts(f) for f in folded_texts]
    # A text pasted more than once counts once: what matters is whether another
    # text has its letter counts.
    counts_of_text = dict(zip([u.text for u in paragraphs], counts))
    pasted_twice = len(counts_of_text) < len(paragraphs)
    texts_with: dict[tuple[int, ...], int] = {}  # how many distinct texts have these counts
    for letters in counts_of_text.values():
        texts_with[letters] = texts_with.get(letters, 0) + 1
    caption_counts = {_letter_counts(k) for k in first_caption}
    credit_reach = longest_caption + 40 if first_caption else -1
    first_paragraph: dict[str, TextUnit] = {}
    first_copy: dict[str, TextUnit] = {}
    read_texts: dict[str, tuple[int, str]] = {}
    first_targets: dict[int, Target] = {}  # (by unit index)
    for unit, folded, letters in zip(paragraphs, folded_texts, counts):
        text = unit.text
        if texts_with[letters] == 1 and letters not in caption_counts and not (
                len(text) <= credit_reach and _opens_like(folded, caption_first_words, caption_openings)):
            # Not a caption with its credit, and no other text or caption has
            # its letter counts, so its key: only its own copies (the same
            # text) can repeat it, and need no key to tell.
            if pasted_twice:
                first = first_copy.setdefault(text, unit)
                if first is not unit and _PARAGRAPH_WORDS.search(folded):
                    yield _repeated_paragraph(unit, first, first_targets)
            continue
        known = read_texts.get(text)
        if known is None:
            known = read_texts[text] = _read_paragraph(
                text, folded, first_caption, caption_first_words, credit_reach)
        words, key = known
        if words < MIN_WORDS:
            continue
        if key in first_caption:
            caption_unit, caption_end, _ = first_caption[key]
            caption = _trimmed(caption_unit, caption_end)
            yield CAPTION_IN_BODY.at(
                _trimmed(unit, len(unit.text)),
                f"This paragraph is the caption of a photo ({caption.block_id}) pasted into the story.",
                related=[caption], suggestion=_DELETE,
                data={"caption_block_id": caption.block_id})
            continue
        if words < MIN_PARAGRAPH_WORDS:
            continue
        first = first_paragraph.setdefault(key, unit)
        if first is not unit:
            yield _repeated_paragraph(unit, first, first_targets)


def _repeated_paragraph(unit: TextUnit, first: TextUnit, first_targets: dict[int, Target]) -> Annotation:
    first_target = first_targets.get(first.index)  # (many repeats may point at one first)
    if first_target is None:
        first_target = first_targets[first.index] = _trimmed(first, len(first.text))
    return REPEATED_PARAGRAPH.at(
        _trimmed(unit, len(unit.text)),
        f"This paragraph repeats an earlier paragraph ({first.block_id}).",
        related=[first_target], suggestion=_DELETE,
        data={"first_block_id": first.block_id})
