"""Fast paths must decide exactly as the slower forms they stand in for."""
from __future__ import annotations

import os
import random
import re

from checks import furniture
from checks.names import _alternation
from checks.title_agreement import _any_whole_word


def _has_by_regex(text: str, forms: tuple[str, ...]) -> bool:
    """_Story.has's regex, as it was written before the substring fast path."""
    prefix = os.path.commonprefix(list(forms))
    rests = "|".join(re.escape(f[len(prefix):]) for f in sorted(forms, key=len, reverse=True))
    pattern = (rf"{re.escape(prefix)}(?<![\w']{re.escape(prefix)})(?:{rests})(?![\w])" if prefix
               else rf"(?<![\w'])(?:{rests})(?![\w])")
    return re.search(pattern, text) is not None


def test_whole_word_search_agrees_with_the_regex():
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice("ab'_ ’é1-.\u0301") for _ in range(rng.randint(0, 20)))
        forms = tuple("".join(rng.choice("ab'é") for _ in range(rng.randint(1, 3)))
                      for _ in range(rng.randint(1, 3)))
        found = _any_whole_word(text, forms)
        assert found is None or found == _has_by_regex(text, forms), (text, forms)


def test_whole_word_search_gives_up_on_a_form_seen_too_often():
    assert _any_whole_word("xab" * 40, ("ab",)) is None
    assert _any_whole_word("the iran deal", ("iran",)) is True
    assert _any_whole_word("iranian", ("iran",)) is False


def test_one_furniture_pattern_finds_the_kind_the_six_find():
    def one_by_one(text):
        if len(text) > 300:
            return None
        return next((kind for kind, pattern in furniture.PATTERNS if pattern.match(text)), None)

    samples = ["• English • Arabic", "Read more: the budget", "ADVERTISEMENT", "Share on Facebook",
               "Updated: 5 May 2024, 10:00", "Photo 3 of 12", "Sign up for our daily newsletter",
               "READ MORE »", "english / arabic", "The council met on Monday.", "3/12", "",
               "Follow us on WhatsApp for the latest", "Join our Telegram channel", "Share this article",
               "Follow us on Instagram for updates, the club said."]
    for text in samples + [s.upper() for s in samples] + [s.lower() for s in samples]:
        assert furniture.furniture_kind(text) == one_by_one(text), text


def test_prefix_tree_alternation_matches_the_same_words():
    words = ["de", "del", "della", "da", "das", "van", "von", "y", "e", "el", "al"]
    tree = re.compile(rf"(?:{_alternation(words)}) ")
    flat = re.compile(rf"(?:{'|'.join(sorted(words, key=len, reverse=True))}) ")
    for text in ["de la", "della casa", "del ", "das ", "y ", "e ", "vo ", "von ", "al-", "el "]:
        a, b = tree.match(text), flat.match(text)
        assert (a and a.group()) == (b and b.group()), text


def test_probe_signatures_written_out_match_the_set_arithmetic():
    from checks.names import _PROBES, _probe_signatures

    def _signatures(word):
        """First two letters, last two; and for short words first and last letter too."""
        out = {"<" + word[:2], word[-2:] + ">"}
        if len(word) <= 5:
            out.add(word[0] + word[-1])
        return out

    def by_sets(key):
        found = _signatures(key) | {key[0] + key[-1]} if len(key) <= 6 else _signatures(key)
        ending = key[-2:] + ">"
        found.discard(ending)
        found |= {key[0] + ending, key[1] + ending}
        return tuple(sorted(found))

    rng = random.Random(3)
    for _ in range(5_000):
        key = "".join(rng.choice("abé'-") for _ in range(rng.randint(2, 10)))
        _PROBES.pop(key, None)
        assert _probe_signatures(key) == by_sets(key), key


def test_no_digit_in_any_script_escapes_may_have_digit():
    from checks.text import may_have_digit

    assert not may_have_digit("No digit here: “quoted” — €, £ and ‘curly’ marks")
    for code in range(0x110000):
        char = chr(code)
        if re.match(r"\d", char):
            assert may_have_digit(f"a’{char}—"), hex(code)


def test_uk_spelling_rewrites_only_touch_words_with_the_listed_endings():
    from checks.title_agreement import _UK_ENDINGS, _UK_TO_US, _lexicon

    for word in _lexicon().keys():
        if not word.endswith(_UK_ENDINGS):
            assert all(pattern.sub(repl, word) == word for pattern, repl in _UK_TO_US), word


def test_a_plainly_written_word_is_found_only_where_the_folded_text_has_it():
    from checks.title_agreement import _fold, _surely_has_word

    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice("abAB'’_ é1-.\u0301\u212a\u0130K") for _ in range(rng.randint(0, 20)))
        forms = tuple("".join(rng.choice("ab'k") for _ in range(rng.randint(1, 3)))
                      for _ in range(rng.randint(1, 3)))
        if _surely_has_word(text, forms):
            assert _has_by_regex(_fold(text), forms), (text, forms)


def test_spelling_out_by_hand_agrees_with_the_expression():
    from checks.title_agreement import _spells, _spells_by_regex

    rng = random.Random(9)
    words = ["a", "ab", "b", "ba", "of", "the", "o", "f", "af", "a1", "_a", "b_", "ø", "a²", "oft", "de",
             "des", "d", "A", "a\u0301", "a\u0663", "la", "and", "t"]
    seps = [" ", "  ", "-", " - ", "\n", "'", "’", ".", "", "1", "_", " of ", "--", "\u00a0", " the ",
            "\u0301"]
    for _ in range(30_000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 8)))
        acronym = "".join(rng.choice("abofdt") for _ in range(rng.randint(0, 6)))
        assert _spells(text, acronym) == _spells_by_regex(text, acronym), (text, acronym)
    assert _spells("islamic revolutionary guard corps", "irgc")
    assert _spells("return to office", "rto") and _spells("oklahoma city", "okc")


def test_a_caption_closed_like_a_sentence_without_colon_or_slash_needs_no_credit_pattern():
    from checks import credits
    from checks.model import Span

    def by_every_pattern(caption):
        """find_inline_credit as it was, every pattern tried (each only when its need is met)."""
        text = caption.rstrip()
        offset = 0
        if len(text) > credits.TAIL:
            offset = text.find(" ", len(text) - credits.TAIL)
            offset = 0 if offset == -1 else offset
        tail = text[offset:]
        for pattern, need, trusted in credits._PATTERNS:
            match = pattern.search(tail) if need(tail) else None
            if not match:
                continue
            credit = match.group("credit").strip()
            start = offset + match.start("credit")
            if start == 0 or not text[:start].strip():
                continue
            if trusted or credits._looks_like_credit(credit):
                return Span(start, start + len(credit))
        return None

    rng = random.Random(5)
    pieces = ["Photo", "AFP", "Reuters", "Jane Doe", "in Kyiv", "on Monday", ".", "!", "?", ":", "/", " - ",
              "(", ")", "[", "]", " ", "  ", "a", "Getty Images", "via", "by", "for The National", "\n"]
    for _ in range(20_000):
        caption = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.2:
            caption = "x " * rng.randint(50, 70) + caption  # past the tail
        assert credits.find_inline_credit(caption) == by_every_pattern(caption), caption


def test_text_units_built_field_by_field_equal_the_dataclass():
    from dataclasses import fields

    from checks.model import TextUnit, _text_unit

    for args in [("paragraph", "Text.", "p1", None, 3), ("credit", "AFP", "img1", "credit", 7),
                 ("headline", "", None, "headline", 0)]:
        fast, slow = _text_unit(*args), TextUnit(*args)
        assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
        assert vars(fast) == vars(slow) and list(vars(fast)) == [f.name for f in fields(TextUnit)]


def test_a_span_is_the_target_the_dataclass_builds():
    from dataclasses import fields

    from checks.model import CONTEXT_CHARS, Target, TextUnit

    unit = TextUnit("caption", "x" * 40 + "Navarro" + "y" * 40, "img1", "credit", 5)
    for start, end in [(0, 0), (40, 47), (0, 87), (87, 87), (3, 50)]:
        target = unit.span(start, end)
        built = Target(unit.block_id, unit.field, start, end, unit.text[start:end],
                       unit.text[max(0, start - CONTEXT_CHARS):start], unit.text[end:end + CONTEXT_CHARS],
                       unit.index)
        assert target == built and hash(target) == hash(built) and repr(target) == repr(built)
        assert list(vars(target)) == [f.name for f in fields(Target)]


def test_a_rule_builds_the_annotation_the_dataclass_builds():
    from dataclasses import fields

    import pytest

    from checks.annotation import Annotation, Suggestion
    from checks.model import TextUnit
    from checks.registry import Rule

    rule = Rule("house-style", "quote-marks", "warning", "Straight quotation marks.")
    target = TextUnit("paragraph", "A “quote”.", "p1", None, 2).span(2, 9)
    for kwargs in [{}, {"related": [target], "suggestion": Suggestion("replace", "x"), "data": {"a": 1},
                        "severity": "info"}]:
        fast = rule.at(target, "A message.", **kwargs)
        slow = Annotation(check="house-style", rule="quote-marks", severity=kwargs.get("severity", "warning"),
                          message="A message.", target=target, related=tuple(kwargs.get("related", ())),
                          suggestion=kwargs.get("suggestion"), data=kwargs.get("data"))
        assert fast == slow and repr(fast) == repr(slow)
        assert list(vars(fast)) == [f.name for f in fields(Annotation)]
    with pytest.raises(ValueError):
        rule.at(target, "A message.", severity="loud")
