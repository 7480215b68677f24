"""Page furniture pasted into the story.

## What it does
Flags paragraphs that are not part of the story but of the web page they were
copied from: a language switcher ("• English • Arabic"), "Read more" and
"Related" links, "Advertisement" markers, share, follow, newsletter and app
prompts ("Follow us on WhatsApp for the latest ...", "Join our Telegram
channel", "Download the ... app"), an "Updated: ..." line inside the body, and
image-viewer counters ("3 of 12"). The paragraph must consist of the furniture
alone; a sentence that merely contains the words ("read more", "asked fans to
share the video") or reports an appeal ("..., the club said") is story text.

## Why it matters
Drafts are often built by pasting from a published page or a wire service's
web view. The furniture that comes along reads as nonsense in print and in
apps, and a stray "Updated" line can contradict the article's real date.

## Example
```
Iran's Quds Force commander travelled to Iraq on Wednesday ...
• English • Arabic          <- flagged: language-switcher
```

## How to fix
Delete the paragraph. If it carried information (an update time), move that
into the article's metadata instead.
"""
from __future__ import annotations

from typing import Iterator

from checks.annotation import Annotation, Suggestion
from checks.engine import Context
from checks.furniture import furniture_kind
from checks.model import BODY_KINDS, Article
from checks.registry import Rule

ID = "page-furniture"

LANGUAGE_SWITCHER = Rule(ID, "language-switcher", "warning", "A language switcher pasted from a web page.")
READ_MORE = Rule(ID, "read-more", "warning", "A 'Read more' or 'Related' link line.")
ADVERTISEMENT = Rule(ID, "advertisement", "warning", "An advertisement marker.")
SHARE_PROMPT = Rule(ID, "share-prompt", "warning", "A share, follow or newsletter prompt.")
UPDATED_LINE = Rule(ID, "updated-line", "warning", "An 'Updated: ...' line inside the body.")
IMAGE_COUNTER = Rule(ID, "image-counter", "warning", "An image-viewer counter such as '3 of 12'.")
RULES = (LANGUAGE_SWITCHER, READ_MORE, ADVERTISEMENT, SHARE_PROMPT, UPDATED_LINE, IMAGE_COUNTER)
_BY_KIND = {rule.name: rule for rule in RULES}

_MESSAGES = {
    "language-switcher": "This language switcher comes from the web page, not the story.",
    "read-more": "This link line comes from the web page, not the story.",
    "advertisement": "This advertisement marker comes from the web page, not the story.",
    "share-prompt": "This share or subscribe prompt comes from the web page, not the story.",
    "updated-line": "This update line belongs in the article's metadata, not in the body.",
    "image-counter": "This image counter comes from a photo viewer, not the story.",
}


def check(article: Article, ctx: Context) -> Iterator[Annotation]:
    # The article's body already leaves out every paragraph that is furniture
    # (with the same detector): only those left out need reading again.
    body = {unit.index for unit in article.body_units()}
    for unit in article.units():
        if unit.kind not in BODY_KINDS or unit.index in body:
            continue
        kind = furniture_kind(unit.text)
        if kind is None:
            continue
        start = len(unit.text) - len(unit.text.lstrip())
        end = len(unit.text.rstrip())
        yield _BY_KIND[kind].at(unit.span(start, end), _MESSAGES[kind],
                                suggestion=Suggestion("delete"))
