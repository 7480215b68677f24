import pytest

from tests.support import draft, findings

CHECK = "page-furniture"

# (paragraph, rule expected, flagged text)
FLAG = [
    ("• English • Arabic", "language-switcher", "• English • Arabic"),
    ("English | عربي", "language-switcher", "English | عربي"),
    ("• English • Hausa • Yoruba", "language-switcher", "• English • Hausa • Yoruba"),
    ("Cymraeg / English", "language-switcher", "Cymraeg / English"),
    ("English · Español · Tiếng Việt", "language-switcher", "English · Español · Tiếng Việt"),
    ("  • English\n  • Arabic", "language-switcher", "• English\n  • Arabic"),
    ("Read more: Iran and US hold fresh talks in Oman", "read-more",
     "Read more: Iran and US hold fresh talks in Oman"),
    ("Advertisement", "advertisement", "Advertisement"),
    ("Share on Facebook Twitter WhatsApp", "share-prompt", "Share on Facebook Twitter WhatsApp"),
    ("Sign up for our daily newsletter", "share-prompt", "Sign up for our daily newsletter"),
    # Follow, join, subscribe and app prompts, with what such lines carry after them.
    ("Follow us on WhatsApp for the latest from the championships", "share-prompt",
     "Follow us on WhatsApp for the latest from the championships"),
    ("Follow us on X/Twitter, Instagram and Facebook.", "share-prompt",
     "Follow us on X/Twitter, Instagram and Facebook."),
    ("Follow BBC Sport on X: @BBCSport", "share-prompt", "Follow BBC Sport on X: @BBCSport"),
    ("Follow us on Google News", "share-prompt", "Follow us on Google News"),
    ("Follow us on Telegram: t.me/punchng", "share-prompt", "Follow us on Telegram: t.me/punchng"),
    ("Join our WhatsApp channel for breaking news", "share-prompt",
     "Join our WhatsApp channel for breaking news"),
    ("Sign up to the Morning Briefing newsletter to get the day's top stories in your inbox.", "share-prompt",
     "Sign up to the Morning Briefing newsletter to get the day's top stories in your inbox."),
    ("Subscribe to our YouTube channel", "share-prompt", "Subscribe to our YouTube channel"),
    ("Get the latest from the championships on our app", "share-prompt",
     "Get the latest from the championships on our app"),
    ("Download the BBC News app for the latest updates", "share-prompt",
     "Download the BBC News app for the latest updates"),
    ("Share this article", "share-prompt", "Share this article"),
    ("Share this story: Facebook | X | Zalo | Email", "share-prompt",
     "Share this story: Facebook | X | Zalo | Email"),
    ("Listen to this article (4 min)", "share-prompt", "Listen to this article (4 min)"),
    ("Click here to read the full report.", "share-prompt", "Click here to read the full report."),
    ("Follow us on Twitter. Like us on Facebook.", "share-prompt",
     "Follow us on Twitter. Like us on Facebook."),
    ("FOLLOW US ON INSTAGRAM: @punchnewspaper", "share-prompt", "FOLLOW US ON INSTAGRAM: @punchnewspaper"),
    ("Folgen Sie uns auf Facebook und Instagram", "share-prompt",
     "Folgen Sie uns auf Facebook und Instagram"),
    ("Updated: May 15, 2025, 12:00 PM", "updated-line", "Updated: May 15, 2025, 12:00 PM"),
    ("3 of 12", "image-counter", "3 of 12"),
]

PASS = [
    "English is the working language of the summit, officials said.",
    "Welsh and English are both official languages of the Senedd.",
    "Polish / English translators were on hand at the border.",
    "Readers who want to read more can find the report online.",
    "Related talks in Oman were described as difficult but useful.",
    "The advertisement ran in three newspapers on Sunday.",
    "Shares in the company fell 3 per cent on Monday.",
    "The ministry updated its guidance on May 15.",
    "He scored 3 of 12 attempts from the field.",
    # Story sentences that use a prompt's words are not prompts.
    "Police urged residents to follow the advice on the council's WhatsApp group.",
    "She asked fans to share the video.",
    "\u201cFollow us on Instagram,\u201d she said.",
    "Follow us on Instagram for updates, the club said.",
    "Follow Musk on X and you will see a stream of abuse.",
    "Download the NHS app to book your vaccine.",
    "Join the march, organisers wrote on Telegram.",
    "Subscribers to the service rose by a tenth.",
    "Like many others on Facebook, she was furious.",
    "Following the match, fans celebrated in the streets.",
    "Get the X-ray results today, doctors advise patients on the hospital's Facebook page.",
    "Share the load, the coach told players.",
]


@pytest.mark.parametrize("text,rule,quote", FLAG)
def test_flags(text, rule, quote):
    found = findings(draft("The council met on Monday.", text), CHECK)
    assert [(a.rule, a.target.block_id, a.target.quote) for a in found] == [(rule, "p2", quote)]
    assert found[0].suggestion.action == "delete"


@pytest.mark.parametrize("text", PASS)
def test_passes(text):
    assert findings(draft(text), CHECK) == []


def test_furniture_is_kept_out_of_the_body_other_checks_read():
    article = draft("The council met on Monday.", "• English • Arabic")
    assert [u.block_id for u in article.body_units()] == ["p1"]


def test_plain_text_puts_a_follow_prompt_line_in_its_own_block_out_of_the_body():
    from plugin.adapters.plaintext import article_from_text

    article = article_from_text("Relay gold for Nigeria\n\n"
                                "Nigeria won the relay on Friday, officials said.\n"
                                "Follow us on WhatsApp for the latest from the championships\n"
                                "The team will run again on Saturday.\n")
    assert [b.text for b in article.blocks if b.type == "paragraph"][1] == (
        "Follow us on WhatsApp for the latest from the championships")
    assert [u.block_id for u in article.body_units()] == ["L3", "L5"]
