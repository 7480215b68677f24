"""Recognising page furniture: text that belongs to the web page, not the story.

Shared by the ``page-furniture`` check (which reports it) and the article model
(which keeps it out of the body that other checks read), so both always agree.
"""
from __future__ import annotations

import re

# Language names as switchers print them: in English and in the language itself.
_LANGUAGES = (
    "English|Arabic|French|German|Spanish|Italian|Portuguese|Russian|Ukrainian|Turkish|Persian|"
    "Farsi|Urdu|Hebrew|Chinese|Japanese|Korean|Dutch|Polish|Swedish|Vietnamese|Indonesian|Malay|"
    "Swahili|Hausa|Yoruba|Yorùbá|Igbo|Pidgin|Somali|Amharic|Tigrinya|Afaan Oromoo|Kinyarwanda|Zulu|"
    "isiZulu|Afrikaans|Bengali|বাংলা|Tamil|தமிழ்|Punjabi|Gujarati|Marathi|Nepali|Sinhala|Burmese|"
    "Khmer|Tagalog|Filipino|Uzbek|Kazakh|Azerbaijani|Georgian|Armenian|Serbian|Croatian|Bosnian|"
    "Albanian|Slovak|Slovenian|Lithuanian|Latvian|Estonian|Finnish|Norwegian|Danish|Icelandic|"
    "Romanian|Hungarian|Czech|Greek|Bulgarian|Catalan|Basque|Galician|Gàidhlig|Māori|"
    "Welsh|Irish|"
    "Español|Français|Deutsch|العربية|عربي|Italiano|Português|Русский|Українська|Türkçe|中文|"
    "简体中文|繁體中文|日本語|한국어|فارسی|اردو|עברית|Ελληνικά|Hindi|हिन्दी|Nederlands|Polski|"
    "Svenska|Norsk|Dansk|Suomi|Cymraeg|Gaeilge|Català|Euskara|Galego|Română|Magyar|Čeština|"
    "Hrvatski|Tiếng Việt|Bahasa Indonesia|Bahasa Melayu|Kiswahili|ไทย|Kurdî|کوردی|پښتو|አማርኛ"
)
_BULLET = r"[•·▪●◦|/]"

# Share, follow and subscribe prompts. The whole paragraph must be the prompt:
# an imperative at its start ("Follow us on ...", "Sign up for our newsletter"),
# then only what such prompts carry (more platforms, a handle, a link, "for the
# latest ..."). Reported speech ("..., the club said") is story text.
_PLATFORM = (r"(?:X|Twitter|Instagram|Facebook|WhatsApp|Telegram|Google News|Apple News|LinkedIn|TikTok|"
             r"YouTube|Threads|Bluesky|Snapchat|Flipboard|Pinterest|Reddit|Mastodon|Email|E-mail|Viber|"
             r"Signal|Zalo|LINE|KakaoTalk|WeChat|Weibo|VK|Messenger|SMS|Copy link)")
# Words that name a platform only when capitalised and never as a letter or a
# common noun ("X", "Signal", "Threads"): the ones "Join ..." and "Get ..." need.
_BRAND = r"(?:WhatsApp|Telegram|Google News|Apple News|YouTube|Instagram|Facebook|TikTok|Flipboard)"
_PLATFORMS = rf"{_PLATFORM}(?:\s*(?:,|/|\||•|&|\b(?:and|or|und|oder|y|o|et|ou|e)\b)?\s*{_PLATFORM})*"
_OUTLET = r"(?-i:(?:[Tt]he )?[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,4})"  # "BBC Sport", "The Guardian"
_PROMO = (r"(?:\s*[-–—:,]?\s*(?:for|to get|to stay|to keep|and get|and stay|to receive|to follow|to read|"
          r"to watch|to see|to never miss|and never miss|so you never miss|and don'?t miss)\s+"
          r"(?:(?:the|all the|all our|our|your|more|live)\s+)?"
          r"(?:latest|breaking|more|live|news|updates?|exclusives?|top|best|daily|coverage|stories|alerts?|"
          r"headlines|analysis|videos?|pictures|photos|highlights|a thing|a story|a moment|a beat|"
          r"up[ -]to[ -]date|informed|updated|connected|in touch|ahead|results|scores|insights?|reports?)"
          r"\b[^\"“”\n]{0,100})")
_HANDLE = r"(?:\s*[-–—:,]?\s*(?:(?:at|via|on)\s+)?(?:@[\w.]+|https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)+/\S*))"
_MORE_PLATFORMS = rf"(?:\s*[,;]?\s*(?:(?:and|or)\s+)?(?:on\s+)?{_PLATFORMS})"
_TAIL = rf"(?:{_HANDLE}|{_MORE_PLATFORMS}|\s+(?:here|now|today|for free)\b|{_PROMO})*"
_SHARE_PROMPT = re.compile(
    # The look-ahead for reported speech runs only on paragraphs that open with a prompt's verb.
    r"^\s*(?=(?:Follow|Like|Find|Share|Join|Sign|Subscribe|Get|Download|Listen|Click|Tap|Copy|Link|Print|"
    r"Folgen|Síguenos|Suivez|Seguici)\b)"
    r"(?![^\n]*\b(?:said|says?|told|tells?|urged?|urges|asked|asks?|wrote|writes?|posted|added|according)\b)"
    r"(?:(?>"
    # Each prompt is matched once, atomically: its free-text tail may not be
    # re-split into further prompts, which would backtrack without end.
    # "Follow us on WhatsApp ...", "Follow BBC Sport on X: @BBCSport", "Like us on Facebook"
    rf"(?:Follow|Like|Find)(?: us| {_OUTLET})?(?:\s+on|\s*:)?\s+{_PLATFORMS}{_TAIL}|"
    rf"Follow us{_HANDLE}{_TAIL}|"
    rf"(?:Folgen Sie uns (?:auf|bei)|Síguenos en|Suivez-nous sur|Seguici su)\s+{_PLATFORMS}"
    rf"(?:{_HANDLE}|{_MORE_PLATFORMS})*|"
    # "Share on Facebook Twitter", "Share this article", "Share:"
    rf"Share(?: this(?: article| story| page| post)?)?(?:(?:\s+on|\s+via|\s*:)?\s+{_PLATFORMS})?{_TAIL}\s*:?|"
    # "Join our WhatsApp channel for ...", "Join us on Telegram"
    rf"Join (?:us|our|the)\b[^\"“”\n]{{0,40}}?\b(?:{_BRAND}(?:\s+(?:channels?|community|group))?|channels?|"
    rf"community|newsletters?|mailing list|conversation)\b{_TAIL}|"
    # "Sign up for our newsletter ...", "Subscribe to ...", "Get our newsletter"
    r"Sign up(?: here| now| today| free)?(?: (?:for|to) [^\"“”\n]{1,60}?"
    r"\b(?:newsletters?|briefings?|bulletins?|"
    r"digests?|emails?|alerts?|updates))[^\"“”\n]{0,120}|"
    r"Subscribe(?: now| today| here| for free)?(?:\s*(?:to|for|:)\s+[^\"“”\n]{1,100})?|"
    # "Get the latest ... on our app", "Download the BBC News app"
    rf"Get (?:(?:the latest|all the latest|breaking|the best of|our\b)[^\"“”\n]{{0,80}}?"
    rf"\b(?:apps?|newsletters?|inbox|alerts|notifications|channel|{_BRAND})\b|the (?:free )?{_OUTLET} app\b)"
    rf"[^\"“”\n]{{0,80}}|"
    rf"Download (?:our|the|the free)\b[^\"“”\n]{{0,50}}?\bapps?\b{_TAIL}|"
    # "Listen to this article (4 min)", "Click here to ...", button labels
    r"Listen to this (?:article|story)\b[^\"“”\n]{0,30}|"
    r"(?:Click|Tap) here (?:to|for) .{1,80}|Copy link|Link copied|Print this (?:page|article)"
    r")\s*[.!]?\s*)++$", re.I)

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
    ("share-prompt", _SHARE_PROMPT),
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
