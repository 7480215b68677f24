import json

import pytest

from checks.engine import run_checks
from plugin.adapters.generic import article_from_json
from plugin.adapters.plaintext import article_from_text
from tests.conftest import NOW
from tests.support import draft, findings

CHECK = "house-style"

# (blocks, fields, rule expected, block or field flagged, flagged text)
FLAG = [
    # a dotted "Mr." once, beside "Mr" twice: a person (only "Dr." names brands often)
    (["Mr Starmer said the plan would work.", "Mr Starmer added that it was funded.",
      "He accused Mr. Sunak of wasting time."], {}, "honorific-punctuation", "p3", "Mr."),
    (["Iran’s commander met officials.", "The Guard Corps' commander left.",
      "It was the minister's first visit.", "He didn't comment."], {},
     "mixed-quote-marks", "p1", "’"),
    (['He said "no" twice.', "She said “yes” once.", 'They said "maybe".'], {},
     "mixed-quote-marks", "p2", "“"),
    (["The programme starts in May.", "The programme has two parts.", "The program was cut."], {},
     "spelling-variant", "p3", "program"),
    (["Volunteers organised the march.", "They will organize another."], {},
     "spelling-variant", "p2", "organize"),
    (["The organisers met on Friday.", "Two organisers resigned.", "It was first organized in 1998."], {},
     "spelling-variant", "p3", "organized"),
    (["She travelled to Rome.", "He traveled to Oslo.", "They travelled home."], {},
     "spelling-variant", "p2", "traveled"),
    (["The vote is on 15 May.", "Results follow on 18 May.", "Talks began on April 2."], {},
     "date-format", "p3", "April 2"),
    (["Mr Qaani met Mr Al Araji.", "Mr. Trump spoke later."], {},
     "honorific-punctuation", "p2", "Mr."),
    (["The colour of the flag changed.", "Officials chose the color red."],
     {"standfirst": "The colour row"}, "spelling-variant", "p2", "color"),
    # A capital at a sentence's start that is not a name is still the article's spelling.
    (["Labor costs rose sharply.", "The labour market is tight.", "Labour shortages persist."], {},
     "spelling-variant", "p1", "Labor"),
    (["Neighbors said they heard shouting.", "The neighbours left.", "Other neighbours agreed."], {},
     "spelling-variant", "p1", "Neighbors"),
    # A person's honorific against another person's, in a text that names people in full.
    (["Dr Emma Wells met Ali Haddad.", "Mr. Haddad spoke later."], {},
     "honorific-punctuation", "p2", "Mr."),
    (["Donald Trump arrived with Mr Al Araji.", "Mr. Trump left early."], {},
     "honorific-punctuation", "p2", "Mr."),
]

PASS = [
    (["Iran’s commander met officials.", "It was the minister’s first visit."], {}),
    (["Iran's commander met officials.", 'He said "no".'], {}),
    (["He is 5'10\" tall and wore a “lucky” shirt.", "It was the ’90s all over again."], {}),
    (["The World Health Organization praised the organised response."], {}),
    (["Pearl Harbor was attacked.", "The harbour reopened."], {}),
    (["The computer program crashed.", "The training programme continues."], {}),
    (["The vote is on 15 May.", "Results follow on 18 May."], {}),
    (["The vote is on May 15.", "Results follow on May 18, 2025."], {}),
    (["You may 15 times try.", "The vote is on 15 May."], {}),
    (["Mr Qaani met Mr Al Araji.", "Dr Haddad spoke later."], {}),
    (["Mr. Qaani met Mr. Al Araji.", "Dr. Haddad spoke later."], {}),
    # Names keep their own spelling, at a sentence's start too.
    (["Labor won 94 seats.", "The party's labour market policy was popular."], {}),
    (["Labor's candidate held the seat.", "She spoke about labour shortages."], {}),
    (["Labor promised more jobs.", "Unions welcomed the labour reforms."], {}),
    (["Organization for Economic Cooperation and Development figures show growth.",
      "Other organisations disagreed."], {}),
    (["Department of Defense officials declined to comment.", "The defence budget rose."], {}),
    # A dotted honorific inside a brand or a title is not a person's.
    (["Dr Emma Wells said boots were popular.", "Sales at Dr. Martens fell by 10%."], {}),
    (["Mr Tom Hart, a film fan, said he had seen Dr. No 20 times."], {}),
    (["Dr Amy Lee said the rapper Dr. Dre had visited."], {}),
    (["Mrs Jean Brown said she watched Mrs. Brown's Boys every Christmas."], {}),
    (["Sales of Dr Pepper rose, said Dr Jane Ross.", "The Mr. Men books turned 50."], {}),
]


@pytest.mark.parametrize("blocks,fields,rule,where,quote", FLAG)
def test_flags(blocks, fields, rule, where, quote):
    found = findings(draft(*blocks, **fields), CHECK)
    assert [(a.rule, a.target.block_id or a.target.field, a.target.quote) for a in found] == \
        [(rule, where, quote)]
    assert found[0].severity == "info"
    assert found[0].related


@pytest.mark.parametrize("blocks,fields", PASS)
def test_passes(blocks, fields):
    assert findings(draft(*blocks, **fields), CHECK) == []


def test_each_kind_is_reported_once_with_every_odd_place_in_related():
    article = draft("The program was cut.", "The programme starts.", "The programme ends.",
                    "The programme returns.", "The program is back.")
    found = findings(article, CHECK)
    assert len(found) == 1
    assert found[0].target.block_id == "p1"
    odd = [t for t in found[0].related if t.quote == "program"]
    assert [t.block_id for t in odd] == ["p5"]
    assert found[0].suggestion.text == "programme"
    assert found[0].data["counts"] == {"american": 2, "british": 3}


def test_suggestions_keep_the_house_form():
    found = findings(draft("Mr Qaani met Mr Al Araji.", "Mr. Trump spoke."), CHECK)
    assert found[0].suggestion.text == "Mr"
    found = findings(draft("Iran’s army.", "The minister’s view.", "Corps' view."), CHECK)
    assert (found[0].target.quote, found[0].suggestion.text) == ("'", "’")


def test_the_honorific_message_names_the_honorifics_the_article_writes():
    [found] = findings(draft("Dr Emma Wells met Ali Haddad.", "Dr. Haddad spoke later."), CHECK)
    assert "(Dr.)" in found.message and "(Dr)" in found.message and "Mr" not in found.message


def test_a_straight_mark_in_a_curly_article_gets_the_right_curly_form():
    found = findings(draft("“Yes,” he said.", "“No,” she said.", 'He said "maybe".'), CHECK)
    assert (found[0].target.quote, found[0].suggestion.text) == ('"', "“")


def test_a_newsroom_can_raise_the_severity():
    article = draft("She travelled to Rome.", "He traveled to Oslo.", "They travelled home.")
    result = run_checks(article, now=NOW, checks=[CHECK], severities={CHECK: "warning"})
    assert [a.severity for a in result.annotations] == ["warning"]
    result = run_checks(article, now=NOW, checks=[CHECK],
                        severities={f"{CHECK}/spelling-variant": "off"})
    assert result.annotations == []


def test_non_english_reads_only_quote_marks():
    article = draft("El programa empezó.", "The programme began.", "Mr Ruiz y Mr. Soto.",
                    language="es")
    assert findings(article, CHECK) == []
    article = draft('Dijo "no".', "Dijo “sí”.", language="es")
    assert [a.rule for a in findings(article, CHECK)] == ["mixed-quote-marks"]


def test_an_empty_article_raises_nothing():
    assert findings(draft(), CHECK) == []


def test_seed_reports_only_the_mixed_apostrophes_as_info(shared):
    text = (shared / "seed" / "000_a627ffa290a88477.txt").read_text(encoding="utf-8")
    data = json.loads((shared / "examples" / "seed-article.json").read_text(encoding="utf-8"))
    for article in (article_from_text(text), article_from_json(data)):
        found = findings(article, CHECK)
        assert [(a.rule, a.severity, a.target.field, a.target.quote) for a in found] == \
            [("mixed-quote-marks", "info", "headline", "’")]
        assert found[0].target.suffix.startswith("s Quds Force")
        assert "Iran’s" in found[0].message and "Corps'" in found[0].message
        assert any(t.quote == "'" and t.suffix.startswith(" Quds") for t in found[0].related)
