import json

import pytest

from checks.numbers import quantities
from plugin.adapters.generic import article_from_json
from plugin.adapters.plaintext import article_from_text
from tests.support import draft, findings

CHECK = "number-consistency"

# (blocks, fields, rule expected, block or field flagged, flagged text)
FLAG = [
    (["Rosa Beltrán, 67, opened the shop in 1984.", "Trade has been slow since the road closed.",
      "The 68-year-old said she would not sell."], {}, "age-mismatch", "p3", "68-year-old"),
    (["Rosa Beltrán, 67, opened the shop in 1984.", "Beltrán, 68, said she would not sell."], {},
     "age-mismatch", "p2", "68"),
    (["67-year-old Rosa Beltrán opened the shop in 1984.", "Beltrán (69) said she would stay."], {},
     "age-mismatch", "p2", "69"),
    (["Two ministers, Haddad, Varga and Okafor, resigned on Monday."], {}, "list-count", "p1",
     "Two ministers"),
    (["The three countries, France and Germany, signed the accord."], {}, "list-count", "p1",
     "three countries"),
    (["Four senior officials: Ana Ruiz, Tom Kerr, Li Wei, Sam Ode and Ben Aki."], {}, "list-count",
     "p1", "Four senior officials"),
    (["Two men, John Smith, 45, Bob Jones, 50, and Ian Lee, 33, were charged."], {}, "list-count",
     "p1", "Two men"),
    (["430 people spent the night in the sports hall."],
     {"standfirst": "More than 500 people spent the night in a sports hall"},
     "quantity-mismatch", "standfirst", "500"),
    (["430 people spent the night in the sports hall.",
      ("image", "Some 600 people spent the night in the hall. AFP")], {},
     "quantity-mismatch", "img2", "600"),
    (["Prices rose 27% last year, the office said."],
     {"standfirst": "Prices rose 29 per cent last year"}, "quantity-mismatch", "standfirst",
     "29 per cent"),
    (["Ten candidates meet on the debate stage again."],
     {"standfirst": "13 candidates meet on the stage"}, "quantity-mismatch", "standfirst", "13"),
    (["Police said 39 people had been injured in the clashes."],
     {"standfirst": "51 people had been injured, police said"}, "quantity-mismatch", "standfirst",
     "51"),
]

PASS = [
    (["Rosa Beltrán, 67, opened the shop in 1984.", "The 67-year-old said she would not sell."], {}),
    (["Rosa Beltrán, 67, opened the shop.", "Her son, the 41-year-old said, would take over."], {}),
    (["Rosa Beltrán, 67, and her husband, 69, run the shop.", "The 69-year-old said no."], {}),
    (["Rosa Beltrán, 67, opened the shop.", "A 68-year-old man was hurt.",
      "The 68-year-old was taken to hospital."], {}),
    (["John Smith, 45, and his neighbour Ian Lee, 46, were charged.",
      "The 44-year-old victim was taken to hospital."], {}),
    (["Maria Nilsen, 34, and Erik Nilsen, 36, run the farm.", "Nilsen, 36, said the harvest was poor."], {}),
    (["Two ministers, Haddad and Varga, resigned on Monday."], {}),
    (["Two men, John Smith, 45, and Bob Jones, 50, were charged."], {}),
    (["Three people, including Haddad and Varga, were hurt."], {}),
    (["The top three teams, Arsenal, Chelsea, Liverpool and City, are level."], {}),
    (["Two ministers, Haddad and Varga, and the deputy mayor, Okafor, resigned."], {}),
    (["430 people spent the night in the sports hall."],
     {"standfirst": "More than 400 people spent the night in a sports hall"}),
    (["430 people spent the night in the sports hall."],
     {"standfirst": "About 430 people spent the night in a sports hall"}),
    (["Between 400 and 450 people spent the night in the hall."],
     {"standfirst": "Hundreds spent the night in a sports hall"}),
    (["The deal is worth €1.2bn, officials said."], {"standfirst": "A deal worth 1.2 billion euros"}),
    (["Prices rose 27% last year, the office said."], {"standfirst": "Prices rose 27 per cent"}),
    (["430 people spent the night in the hall."], {"standfirst": "500 people left the city on foot"}),
    (["The simulation used 16,000 processor cores."], {"standfirst": "20,000 processor cores ran it"}),
    (["Ten candidates meet on the debate stage again."], {"standfirst": "About 12 candidates meet"}),
    (["On Monday 430 people spent the night in the hall, on Tuesday 510 people spent the night there."],
     {"standfirst": "470 people spent the night in the hall"}),
]


@pytest.mark.parametrize("blocks,fields,rule,where,quote", FLAG)
def test_flags(blocks, fields, rule, where, quote):
    found = findings(draft(*blocks, **fields), CHECK)
    assert [(a.rule, a.target.block_id or a.target.field, a.target.quote) for a in found] == \
        [(rule, where, quote)]
    assert found[0].severity == "warning"
    assert found[0].related


@pytest.mark.parametrize("blocks,fields", PASS)
def test_passes(blocks, fields):
    assert findings(draft(*blocks, **fields), CHECK) == []


def test_an_age_slip_suggests_the_first_age_and_names_the_person():
    found = findings(draft("Rosa Beltrán, 67, opened the shop.", "Beltrán, 68, said no."), CHECK)
    assert found[0].suggestion.text == "67"
    assert found[0].data == {"name": "Rosa Beltrán", "ages": [67, 68]}
    assert found[0].related[0].quote == "67"


def test_an_unnamed_age_far_from_the_named_one_is_another_person():
    article = draft("Bryan Kohberger, 28, appeared in court.", "The 20-year-old student died at home.")
    assert findings(article, CHECK) == []


def test_an_unnamed_age_is_not_read_when_several_people_have_ages():
    article = draft("Ana Ruiz, 41, and Tom Kerr, 52, run the shop.", "The 42-year-old said no.")
    assert findings(article, CHECK) == []


def test_list_count_lists_every_item_in_related():
    found = findings(draft("Two ministers, Haddad, Varga and Okafor, resigned."), CHECK)
    assert [t.quote for t in found[0].related] == ["Haddad", "Varga", "Okafor"]
    assert found[0].data == {"count": 2, "items": 3}


def test_quantity_mismatch_suggests_the_body_figure():
    found = findings(draft("430 people spent the night in the hall.",
                           standfirst="500 people spent the night in the hall"), CHECK)
    assert found[0].suggestion.text == "430"
    assert found[0].related[0].quote == "430"


def test_money_in_another_currency_is_not_compared():
    article = draft("The council approved a budget worth €1.2bn on Monday.",
                    standfirst="The council approved a budget worth $1.5bn")
    assert findings(article, CHECK) == []


def test_non_english_reads_no_ages_or_lists_but_compares_digit_quantities():
    article = draft("Rosa Beltrán, 67, abrió la tienda.", "Beltrán, 68, dijo que no.",
                    "Two ministers, Haddad, Varga and Okafor, resigned.", language="es")
    assert findings(article, CHECK) == []
    article = draft("430 personas pasaron la noche en el pabellón.", language="es",
                    standfirst="500 personas pasaron la noche en el pabellón")
    assert [a.target.quote for a in findings(article, CHECK)] == ["500"]


def test_an_empty_article_raises_nothing():
    assert findings(draft(), CHECK) == []


def test_the_helpers_read_the_figures_the_check_compares():
    assert [q.value for q in quantities("430 people and €1.2bn")] == [430, 1.2e9]


def test_seed_raises_nothing_in_either_form(shared):
    text = (shared / "seed" / "000_a627ffa290a88477.txt").read_text(encoding="utf-8")
    data = json.loads((shared / "examples" / "seed-article.json").read_text(encoding="utf-8"))
    for article in (article_from_text(text), article_from_json(data)):
        assert findings(article, CHECK) == []
