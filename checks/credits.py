"""Recognising photo credits, on their own or at the end of a caption.

Used by adapters (a plain-text line that ends in a credit is a caption) and by
checks (an image with no credit anywhere). A newsroom's own list of accepted
credits can be added through configuration; the built-in list covers the
agencies that most captions name.

Besides agencies and labelled credits ("Photo: Reuters", "PHOTO: AP"), a
credit may say in words where the picture came from: "Photo courtesy of Leeds
City Council", "Courtesy of the Kerr family", "Photo provided by the Ruiz
family", "(Family handout)", "© Ana Ruiz", "Photograph by Ana Ruiz for the
Guardian": a name (capitalised words, "the Kerr family") after the cue. Not a
caption's last words that only start so: "By evening the square was empty",
"Images by drone show the damage", "Supplied by the council, they reach 400
homes a week", "Courtesy calls were made", "The handout is weekly".
"""
from __future__ import annotations

import re

from checks.model import Span

# Agencies and picture desks, as they appear at the end of captions.
AGENCIES = (
    "AFP", "AP", "AP Photo", "Associated Press", "Reuters", "EPA", "EPA-EFE", "EFE",
    "Getty", "Getty Images", "Bloomberg", "PA", "PA Wire", "PA Media", "Shutterstock",
    "Alamy", "Xinhua", "Anadolu", "Anadolu Agency", "WAM", "SPA", "dpa", "DPA",
    "picture alliance", "picture-alliance", "Keystone", "ANSA", "Sipa", "NurPhoto",
    "ZUMA", "ZUMA Press", "Imago", "IMAGO", "Kyodo", "Yonhap", "TASS", "Sputnik",
    "AAP", "Rex", "Rex Features", "Corbis", "iStock", "iStockphoto", "Wikimedia Commons",
    "NASA", "The National", "Courtesy", "Handout", "Supplied", "Submitted photo",
    "Pool", "Pool photo", "File photo", "File", "Screengrab", "Screenshot",
    "Instagram", "X", "Twitter", "Facebook", "YouTube", "Bild", "Foto", "Privat", "privat",
    "NTB", "NTB Scanpix", "TT", "TT News Agency", "Ritzau", "Ritzau Scanpix", "STT", "Lehtikuva",
    "ANP", "Belga", "APA", "Keystone-SDA", "PAP", "CTK", "MTI", "Agencia EFE", "Europa Press",
    "Notimex", "Telam", "Lusa", "IANS", "PTI", "ANI", "Bernama", "Antara", "Jiji", "Jiji Press",
    "Kyodo News", "CNA", "AAP Image", "Canadian Press", "The Canadian Press", "CP",
    "Hollandse Hoogte", "Ipa", "LaPresse", "ABACA", "Abaca Press", "SOPA Images", "LightRocket",
)
_AGENCY_WORDS = sorted(AGENCIES, key=len, reverse=True)
_AGENCY_RE = "|".join(re.escape(a) for a in _AGENCY_WORDS)

# "Photo: Reuters", "Photograph: Jane Doe/Guardian", "Credit: ...", "Foto: dpa".
_LABELLED = re.compile(
    r"(?:^|(?<=[.!?…”\"')\]]\s)|(?<=\s[-–—|]\s)|(?<=\s))"
    r"(?P<credit>(?:Photo(?:graph)?s?|Pictures?|Images?|Credits?|Photo credit|Illustration|"
    r"Video|Foto(?:s|grafía)?|Bild|Quelle|Source|PHOTO(?:GRAPH)?S?|PICTURES?|IMAGES?|CREDITS?)"
    r"\s*:\s*[^\n]{1,80})$"
)
# "(AP Photo/Charles Rex Arbogast)", "[File: Reuters]" at the end.
_BRACKETED = re.compile(r"\s(?P<credit>[(\[][^()\[\]\n]{1,80}[)\]])$")
# "... in Baghdad. AFP", "... on Monday. Jane Doe/Reuters", "... - Getty Images".
_TRAILING = re.compile(
    r"(?:(?<=[.!?…”\"')\]])\s+|\s+[-–—|]\s+)(?P<credit>[^\s.!?][^\n.!?]{0,79})$"
)
# "... in Seoul on Friday.Ezra Acayan / Getty Images": the space after the
# full stop lost in a paste.
_GLUED = re.compile(r"(?<=[a-z\d)][.!?])(?P<credit>[A-Z][^\n.!?]{0,79})$")
# "... cabaret in Paris Benoit Tessier/Reuters": a photographer and agency
# with no punctuation before them.
_UNPUNCTUATED = re.compile(
    rf"\s(?P<credit>[A-Z][\w'’-]+ [A-Z][\w'’-]+ ?/ ?(?:{_AGENCY_RE}))$")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|co|uk|de|fr|es)")
_AGENCY_IN = re.compile(rf"(?<![\w-])(?:{_AGENCY_RE})(?![\w-])")
_PERSON_SLASH_AGENCY = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*\S")


# "Jane Doe for The National", "RenderBurger for Quanta Magazine".
_FOR_PUBLICATION = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}for\s+(?:[A-Z][\w.'’-]*(?:\s+|$)){2,4}")
# Where a picture came from, in words (common in local news): "Photo courtesy of
# Leeds City Council", "Courtesy of the Kerr family", "Photo provided by the
# Ruiz family", "Photograph by Ana Ruiz for the Guardian", "© Ana Ruiz",
# "Family handout", "Supplied". The source is a name (capitalised words, and a
# few words that go with them: "the Kerr family", "Leeds police"), so a
# caption's last words that only open so are not a credit: "Images by drone
# show the damage", "Supplied by the council, they reach 400 homes",
# "Courtesy calls were made". A plain "by" only after "Photo" and the like.
_SOURCE = (r"(?:\s+(?:(?-i:[A-Z\d])[^\s,;]*|the|of|for|and|via|&|/|family|staff|police|council|"
           r"department|archives?|collection|estate))+")
_PICTURE = r"(?:Photo(?:graph)?s?|Pictures?|Images?|Video|Footage)"
_SOURCE_WORDS = re.compile(
    rf"(?:{_PICTURE}\s+)?(?:courtesy(?:\s+of)?|(?:provided|supplied|submitted|released|handed\s+out)\s+by)"
    rf"{_SOURCE}"
    rf"|{_PICTURE}\s+by{_SOURCE}"
    rf"|©\s*(?-i:[A-Z\d])[^\s,;]*(?:{_SOURCE})?"
    # (a handout's source is a name or the family, not "Queue for the handout")
    r"|(?:(?-i:[A-Z][\w'’-]*|family|police)\s+){0,3}(?:handout|supplied|submitted)"
    r"(?:\s+(?:photo|picture|image)s?)?",
    re.I)


def _looks_like_credit(text: str, extra: tuple[str, ...] = ()) -> bool:
    text = text.strip()
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        text = " ".join(words[:half])  # a credit printed twice by the page template
    if not text:
        return False
    if len(text.split()) <= 10 and _SOURCE_WORDS.fullmatch(text.strip("()[]").strip()):
        return True
    if len(text.split()) > 7:
        return False
    if _FOR_PUBLICATION.fullmatch(text):
        return True
    if text in extra:
        return True
    if _PERSON_SLASH_AGENCY.match(text):
        return True
    inner = text.strip("()[]")
    if _DOMAIN.fullmatch(inner):
        return True  # "(onmeth.com)": the site the picture comes from
    if re.match(r"^(?:File|Photo|Credit|Picture|Image)s?\s*:", inner):
        return True
    match = _AGENCY_IN.search(inner)
    if not match:
        return False
    # The agency must dominate the segment: a sentence that merely mentions
    # "Reuters" is not a credit. Allow a few capitalised words (photographer
    # names, "for The National") around it, but no lower-case verbs.
    words = re.findall(r"[^\s/]+", inner)
    lower = [w for w in words if w[:1].islower() and w not in {"for", "via", "and", "of", "de", "von", "/"}]
    return len(lower) == 0 or (len(lower) <= 1 and len(words) <= 3)


TAIL = 120


# The patterns in the order they are tried, each with what a tail must hold for it
# to match, and whether its match is a credit without further reading: "Photo: ..."
# has a colon, a bracketed credit closes the (right-stripped) text, "Name
# Name/Agency" has a slash; _TRAILING's and _GLUED's credit cannot end in a
# sentence's closing mark, which ends most captions that have no credit. (A
# tuple, not a dict keyed by pattern: hashing a compiled pattern hashes its whole
# code, a few microseconds per caption.)
_PATTERNS = (
    (_LABELLED, lambda tail: ":" in tail, True),
    (_BRACKETED, lambda tail: tail[-1:] in (")", "]"), False),
    (_TRAILING, lambda tail: tail[-1:] not in _SENTENCE_ENDS, False),
    (_GLUED, lambda tail: tail[-1:] not in _SENTENCE_ENDS, False),
    (_UNPUNCTUATED, lambda tail: "/" in tail, True),
)
_SENTENCE_ENDS = frozenset(".!?")


def find_inline_credit(caption: str, extra_credits: tuple[str, ...] = ()) -> Span | None:
    """The span of a credit at the end of ``caption``, or None.

    The caption must have something before the credit: a line that is only
    "AFP" is a credit, not a caption with one.
    """
    text = caption.rstrip()
    # Credits are short and sit at the end: search only the tail, cut at a
    # space so no pattern sees a false start of text.
    offset = 0
    if len(text) > TAIL:
        offset = text.find(" ", len(text) - TAIL)
        offset = 0 if offset == -1 else offset
    tail = text[offset:]
    if tail[-1:] in _SENTENCE_ENDS and ":" not in tail and "/" not in tail:
        return None  # what most captions without a credit are: no pattern's need is met
    for pattern, need, trusted in _PATTERNS:
        # Skip a pattern whose required character is absent (most captions
        # have no colon, slash or closing bracket): searching is the cost here.
        if not need(tail):
            continue
        match = pattern.search(tail)
        if not match:
            continue
        credit = match.group("credit").strip()
        start = offset + match.start("credit")
        if start == 0 or not text[:start].strip():
            continue
        if trusted or _looks_like_credit(credit, extra_credits):
            return Span(start, start + len(credit))
    return None


def is_credit(text: str, extra_credits: tuple[str, ...] = ()) -> bool:
    """Whether a whole string reads as a photo credit."""
    return _looks_like_credit(text, extra_credits) or bool(_LABELLED.match(text.strip()))
