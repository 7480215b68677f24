"""Make the headline (or standfirst, or an SEO title) say what the body does not.

Four varieties, each the kind of slip a desk makes under deadline:

- ``change-number``: a figure in the headline or standfirst that the body
  states is changed ("10 dead" becomes "12 dead");
- ``add-number``: a figure the body never gives is written into the headline
  ("Council approves $40m budget", "300 protesters ...");
- ``swap-name``: a name in the headline that the body uses is replaced by one
  it never mentions;
- ``off-topic-alternative``: the SEO or social headline is left over from
  another story.

Half of the drafts also get a harmless SEO title (the headline in Title Case),
since real drafts carry one and it must not be flagged.
"""
from __future__ import annotations

import copy
import re

from bench import corpus
from bench.injectors import Expect, Injection
from checks.numbers import agrees, quantities

FAMILY = "title-agreement"

SURNAMES = ["Kowalczyk", "Okonkwo", "Lindqvist", "Haddad", "Nakamura", "Petrović", "Oyelaran",
            "Achterberg", "Szymańska", "Mwangi", "Castellanos", "Brannagh", "Whitcombe",
            "Abernathy", "Delacroix", "Varga", "Quintero", "Halvorsen", "Okafor", "Raghunathan"]
PLACES = ["Mariupol", "Tikrit", "Gdańsk", "Tampere", "Kisumu", "Bydgoszcz", "Timbuktu", "Ibadan"]
COUNT_NOUNS = ("people", "workers", "jobs", "homes", "students", "patients", "residents",
               "families", "children", "protesters", "officers", "troops", "soldiers",
               "migrants", "passengers", "fans", "players", "cases", "deaths", "houses", "cars",
               "flights", "schools", "businesses", "companies", "households", "women", "men",
               "teachers", "doctors", "nurses", "staff", "employees", "customers", "users",
               "refugees", "prisoners", "hostages", "victims", "animals", "trees", "stores")
MONEY_NOUNS = ("budget", "deal", "plan", "fund", "bill", "contract", "package", "project",
               "investment", "bid", "takeover", "settlement", "lawsuit", "loan", "grant")

_OTHER_HEADLINES: list[str] | None = None


def _other_headlines() -> list[str]:
    global _OTHER_HEADLINES
    if _OTHER_HEADLINES is None:
        _OTHER_HEADLINES = [r["title"] for r in corpus.load() or [] if r.get("language") == "en"]
    return _OTHER_HEADLINES


def _body_text(doc: dict) -> str:
    return "\n".join(b.get("text") or b.get("caption") or "" for b in doc["blocks"])


def _stated(doc: dict, figure: str) -> bool:
    """Would the article already support ``figure`` ("R2bn", "12", "seven")?"""
    probe = quantities(figure)[0]
    texts = [_body_text(doc), doc.get("standfirst") or "", doc["headline"]]
    return any(agrees(probe, q) or agrees(q, probe) for t in texts for q in quantities(t))


def _format(value: float, like: str) -> str:
    if value == int(value):
        text = f"{int(value):,}" if "," in like or value >= 10000 else str(int(value))
    else:
        text = f"{value:.1f}"
    return text


_LIST_COUNT = re.compile(r"\s+(?:\w+\s+)?(?:things|ways|reasons|tips|changes|questions|lessons|"
                         r"secrets|signs|facts|takeaways|rules|habits)\b", re.I)
_WORD_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _change_number(doc: dict, rng) -> Injection | None:
    fields = ["headline"] + (["standfirst"] if doc.get("standfirst") else [])
    rng.shuffle(fields)
    body = _body_text(doc)
    body_figures = quantities(body)
    for name in fields:
        text = doc[name]
        words = [q for q in quantities(text) if q.from_words and q.text.lower() in _WORD_VALUES
                 and 2 <= q.value <= 12 and any(agrees(q, b) for b in body_figures)
                 and not _LIST_COUNT.match(text, q.end)]
        if words and rng.random() < 0.5:
            q = rng.choice(words)
            choices = [w for w, v in _WORD_VALUES.items() if v != q.value and not _stated(doc, w)]
            if choices:
                new = rng.choice(choices)
                new = new.capitalize() if q.text[0].isupper() else new
                out = copy.deepcopy(doc)
                out[name] = text[:q.start] + new + text[q.end:]
                return Injection(out, [Expect(field=name, quote=new)], kind="change-number")
        options = [q for q in quantities(text) if not q.from_words and not q.joined
                   and not (q.value <= 25 and re.fullmatch(r"\W*", text[:q.start]))
                   # "Red Dead Redemption 2": part of a name
                   and not re.search(r"[A-Z][\w’']*\s+$", text[:q.start])
                   # "7 changes she wasn't expecting": the count of a list, not a checkable fact
                   and not _LIST_COUNT.match(text, q.end)
                   and q.digits.replace(".", "").isdigit() and not (1800 <= q.value <= 2100)
                   and q.value >= 2 and any(agrees(q, b) for b in body_figures)]
        if not options:
            continue
        q = rng.choice(options)
        number = re.search(r"[\d,.]+", q.text)
        raw = float(number.group().replace(",", ""))
        for factor in rng.sample([0.5, 0.7, 1.3, 1.5, 2, 3], 6):
            new = round(raw * factor, 1 if raw != int(raw) else 0)
            if new == raw or new < 2:
                continue
            replacement = q.text[:number.start()] + _format(new, number.group()) + q.text[number.end():]
            if _stated(doc, replacement):
                continue
            out = copy.deepcopy(doc)
            out[name] = text[:q.start] + replacement + text[q.end:]
            return Injection(out, [Expect(field=name, quote=replacement)], kind="change-number")
    return None


def _add_number(doc: dict, rng) -> Injection | None:
    fields = ["headline"] + (["standfirst"] if doc.get("standfirst") else [])
    name = rng.choice(fields)
    headline = doc[name]
    if re.search(r"\d", headline):
        return None
    # Before a counted noun that follows a lower-case word or opens the headline.
    nouns = [m for m in re.finditer(r"\b(" + "|".join(COUNT_NOUNS + MONEY_NOUNS) + r")\b", headline, re.I)
             if re.search(r"(?:^|(?<![\w’'])[a-z]+\s)$", headline[:m.start()])]
    if not nouns:
        return None
    m = rng.choice(nouns)
    before = headline[:m.start()]
    if re.search(r"\b(?:a|an)\s+$", before, re.I):
        before = re.sub(r"\b(?:a|an)\s+$", "a ", before, flags=re.I)
    for _ in range(6):
        if m.group(1).lower() in MONEY_NOUNS:
            amount = rng.choice([12, 40, 75, 180, 450, 1.3, 2.5])
            symbol = rng.choice(["$", "£", "€"])
            figure = f"{symbol}{amount}{'bn' if amount < 10 else 'm'}"
        else:
            figure = f"{rng.choice([37, 60, 85, 140, 230, 400, 1200, 3500]):,}"
        if not _stated(doc, figure):
            break
    else:
        return None
    out = copy.deepcopy(doc)
    out[name] = before + figure + " " + headline[m.start():]
    return Injection(out, [Expect(field=name, quote=figure)], kind="add-number")


def _swap_name(doc: dict, rng) -> Injection | None:
    headline = doc["headline"]
    body = _body_text(doc)
    names = []
    for m in re.finditer(r"(?<![\w’'])[A-Z][a-z]{3,}(?:['’]s)?\b", headline):
        word = re.sub(r"['’]s$", "", m.group())
        if m.start() == 0:
            continue
        # A name: the body writes it with a capital inside sentences, never in lower case.
        if re.search(rf"[a-z,] {word}\b", body) and not re.search(rf"\b{word.lower()}\b", body):
            names.append((m.start(), m.start() + len(word), word))
    if not names:
        return None
    start, end, word = rng.choice(names)
    pool = [n for n in SURNAMES + PLACES if n.lower() not in (body + headline).lower()]
    new = rng.choice(pool)
    out = copy.deepcopy(doc)
    out["headline"] = headline[:start] + new + headline[end:]
    return Injection(out, [Expect(field="headline", quote=new, rule="unsupported-name")], kind="swap-name")


def _off_topic(doc: dict, rng) -> Injection | None:
    # The corpus has a few stories covered twice (the plague-rabbit hunter): a donor
    # headline sharing a distinctive word with this story is not another story.
    own = {w.lower() for w in re.findall(r"[A-Za-z]{5,}", doc["headline"] + " " + _body_text(doc)[:1500])}
    others = [h for h in _other_headlines() if h != doc["headline"]
              and len({w.lower() for w in re.findall(r"[A-Za-z]{6,}", h)} & own) <= 1]
    if not others:
        return None
    key = rng.choice(["seo", "social"])
    out = copy.deepcopy(doc)
    out.setdefault("alternative_headlines", {})[key] = rng.choice(others)
    # Any alarm on that title finds the defect: "never mentions IRCC" on a leftover
    # title sends the editor to it as surely as "about a different story" does.
    return Injection(out, [Expect(field=f"alternative_headlines.{key}")], kind="off-topic-alternative")


def _title_case(text: str) -> str:
    small = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with"}
    words = text.split(" ")
    return " ".join(w if (i and w.lower() in small) or not w[:1].islower() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def inject(doc: dict, rng) -> Injection | None:
    if doc.get("language") != "en":
        return None
    if sum(1 for b in doc["blocks"] if b["type"] == "paragraph") < 3:
        return None
    # Figures fit fewer headlines than names do, so they are tried first: otherwise
    # the drafts would be nearly all swapped names and leftover SEO titles.
    figures, others = [_change_number, _add_number], [_swap_name, _off_topic]
    rng.shuffle(figures)
    rng.shuffle(others)
    order = figures + others
    for variety in order:
        injection = variety(doc, rng)
        if injection is None:
            continue
        alternatives = injection.doc.get("alternative_headlines") or {}
        if "seo" not in alternatives and rng.random() < 0.5:
            # A harmless SEO title: the on-page headline in Title Case.
            injection.doc.setdefault("alternative_headlines", {})["seo"] = _title_case(doc["headline"])
        return injection
    return None
