from datetime import datetime, timezone

import pytest

from checks.dates import find_dates
from checks.engine import Context
from plugin.inputs import load_article
from tests.conftest import NOW
from tests.support import draft, findings

CHECK = "date-sanity"

# The story is dated Thursday 15 May 2025 unless a row says otherwise.
PUBLISHED = "2025-05-15T09:00:00+04:00"

# (paragraph, extra article fields, rule expected, block or field, flagged text)
FLAG = [
    ("The summit opened on Tuesday, May 15, 2025, in Baghdad.", {},
     "weekday-mismatch", "p1", "Tuesday, May 15, 2025"),
    ("Talks ended on Monday 13 May 2025 without a deal.", {},
     "weekday-mismatch", "p1", "Monday 13 May 2025"),
    ("Voting closed on Friday, May 14, and counting began at once.", {},
     "weekday-mismatch", "p1", "Friday, May 14"),
    ("Der Gipfel begann am Dienstag, 15. Mai 2025 in Bagdad.", {"language": "de"},
     "weekday-mismatch", "p1", "Dienstag, 15. Mai 2025"),
    ("La cumbre comenzó el lunes 15 de mayo de 2025 en Bagdad.", {"language": "es"},
     "weekday-mismatch", "p1", "lunes 15 de mayo de 2025"),
    ("Le sommet s'est ouvert mardi 15 mai 2025 à Bagdad.", {"language": "fr"},
     "weekday-mismatch", "p1", "mardi 15 mai 2025"),
    ("The deadline passed on February 30 with no agreement.", {},
     "impossible-date", "p1", "February 30"),
    ("The contract was signed on April 31, 2025, officials said.", {},
     "impossible-date", "p1", "April 31, 2025"),
    ("The museum reopened on 29 February 2023 after repairs.", {},
     "impossible-date", "p1", "29 February 2023"),
    ("On June 3, 2025, the council voted to close the harbour.", {},
     "past-event-after-publication", "p1", "June 3, 2025"),
    ("The port authority said the ferry sank on 20 August 2025 near the coast.", {},
     "past-event-after-publication", "p1", "20 August 2025"),
    ("Prime Minister Ulf Kristersson on June 9, 2025 admitted he was concerned.", {},
     "past-event-after-publication", "p1", "June 9, 2025"),
    ("He was born on 3 June 2026 in Paris.", {},
     "past-event-after-publication", "p1", "3 June 2026"),
    # A yearless date weeks after the article's date, in the article's year.
    ("The show opened on 24 May to strong reviews.", {},
     "past-event-after-publication", "p1", "24 May"),
    ("The first performance sold out when it opened on 24 May, and the theatre added two "
     "extra matinees.", {}, "past-event-after-publication", "p1", "24 May"),
    ("On June 3, the council voted to close the harbour.", {},
     "past-event-after-publication", "p1", "June 3"),
    ("The festival, which was held on 20 June, drew 40,000 people.", {},
     "past-event-after-publication", "p1", "20 June"),
    ("Police arrested him on Friday 23 May at his home.", {},
     "past-event-after-publication", "p1", "23 May"),
    ("The final, played on 18 May, ended 2-1.", {},
     "past-event-after-publication", "p1", "18 May"),
    ("He died on 22 June at his home in Glasgow.", {},
     "past-event-after-publication", "p1", "22 June"),
    # Another clause after a comma may speak of the future without making the date's clause so.
    ("Council members voted 6-1 on June 17 to fund the work through a bond issue, with the "
     "first contracts expected to be awarded in the fall.", {},
     "past-event-after-publication", "p1", "June 17"),
    ("The board approved the budget on June 20, and work is expected to begin next year.", {},
     "past-event-after-publication", "p1", "June 20"),
    ("Firefighters contained the blaze on 12 June, though crews will remain on site for days.", {},
     "past-event-after-publication", "p1", "12 June"),
    ("The museum reopened on May 28, with tickets on sale until the end of the month.", {},
     "past-event-after-publication", "p1", "May 28"),
    ("The council voted on June 3, 2025, with work due to start in the autumn.", {},
     "past-event-after-publication", "p1", "June 3, 2025"),
    # "plan" as the thing a past verb acted on is not an intent.
    ("Kungsgatan will be open only to buses. The council approved the plan on 3 June by 41 votes "
     "to 28.", {}, "past-event-after-publication", "p1", "3 June"),
    ("The council approved the car-free plan on 3 June.", {},
     "past-event-after-publication", "p1", "3 June"),
    ("Councillors backed the mayor's plan on 28 May after a long debate.", {},
     "past-event-after-publication", "p1", "28 May"),
    ("The board unveiled its plans on June 3, 2025, at a packed meeting.", {},
     "past-event-after-publication", "p1", "June 3, 2025"),
    ("The city approved plans on 3 June for a new bridge.", {},
     "past-event-after-publication", "p1", "3 June"),
    # The verb acted on someone or an amount named with "of", not on another event.
    ("The consortium signed the financing agreements with a group of regional banks on 19 May, "
     "its chief executive said in a statement.", {}, "past-event-after-publication", "p1", "19 May"),
    ("The bank cut its rate by a quarter of a point on 19 May.", {},
     "past-event-after-publication", "p1", "19 May"),
    ("The minister met the head of the agency on 19 May.", {},
     "past-event-after-publication", "p1", "19 May"),
    # The present perfect, active and passive, and "since" a written date.
    ("The company has begun production at the plant on 19 May.", {},
     "past-event-after-publication", "p1", "19 May"),
    ("The government has approved the contract on 19 May.", {},
     "past-event-after-publication", "p1", "19 May"),
    ("Six people have been arrested on 19 May.", {},
     "past-event-after-publication", "p1", "19 May"),
    ("The plant has produced water since 19 May 2025.", {},
     "past-event-after-publication", "p1", "19 May 2025"),
    ("The plant has been producing water since May 19, 2025.", {},
     "past-event-after-publication", "p1", "May 19, 2025"),
    ("On 19 May the plant began producing water.", {},
     "past-event-after-publication", "p1", "19 May"),
    ("The plant, which opened on 19 May, supplies 400,000 homes.", {},
     "past-event-after-publication", "p1", "19 May"),
    ("Production started on 19 May.", {}, "past-event-after-publication", "p1", "19 May"),
    ("The plant was opened on 19 May by the emir.", {},
     "past-event-after-publication", "p1", "19 May"),
    ("The dam was finished in 2019, three years ago, at a cost of $2bn.", {},
     "years-ago-mismatch", "p1", "in 2019, three years ago"),
    ("Ten years ago, in 2001, the first ferry crossed the strait.", {},
     "years-ago-mismatch", "p1", "Ten years ago, in 2001"),
    ("جدة 17 ذو القعدة 1446 هـ الموافق 20 مايو 2025 م", {"language": "ar"},
     "hijri-gregorian-mismatch", "p1", "17 ذو القعدة 1446 هـ الموافق 20 مايو 2025"),
    ("جدة الثلاثاء 17 ذو القعدة 1446 هـ الموافق 15 مايو 2025 م", {"language": "ar"},
     "weekday-mismatch", "p1", "الثلاثاء 17 ذو القعدة 1446 هـ الموافق 15 مايو 2025"),
    ("The harbour budget was approved on Monday.",
     {"updated_at": "2025-05-14T10:00:00+04:00"},
     "updated-before-published", "updated_at", "2025-05-14T10:00:00+04:00"),
    ("The harbour budget was approved on Monday.",
     {"published_at": "2025-05-15", "updated_at": "2025-05-13"},
     "updated-before-published", "updated_at", "2025-05-13"),
    # A weekday range whose weekdays do not fit its dates: told at the end that is off.
    ("The festival runs Friday to Sunday, May 17-19.", {},
     "weekday-mismatch", "p1", "Friday to Sunday, May 17"),
    ("The fair is open Friday to Monday, May 16-18, at the showground.", {},
     "weekday-mismatch", "p1", "Monday, May 16-18"),
    ("The conference ran Monday through Wednesday, June 9-11, 2024.", {},
     "weekday-mismatch", "p1", "Monday through Wednesday, June 9"),
]

# Paragraphs with nothing above info (dated Thursday 15 May 2025).
PASS = [
    "جدة الخميس 17 ذو القعدة 1446 هـ الموافق 15 مايو 2025 م",
    "جدة 18 ذو القعدة 1446 هـ الموافق 15 مايو 2025 م",
    "The summit opened on Thursday, May 15, 2025, in Baghdad.",
    "Talks ended on Tuesday 13 May 2025 without a deal.",
    "Voting closed on Wednesday, May 14, and counting began at once.",
    "The leaders will meet again on Friday, June 20, 2025, in Riyadh.",
    "The council will vote on June 3, 2025, on the harbour budget.",
    "The new rules are due to take effect on January 1, 2026.",
    "She said the talks would resume on June 3, 2025, in Muscat.",
    "Ministers are expected to sign the deal on 2 July 2025.",
    "The trial was set for June 3, 2025, the court said.",
    "Registration closed on May 1 for the race on June 3, 2025.",
    "It was announced on May 1 that the race would take place on June 3, 2025.",
    "The race was moved to June 3, 2025.",
    "The show on June 3, 2025 sold out in minutes.",
    "The play will open on 24 May.",
    "The play is due to open on 24 May.",
    "The play opens on 24 May.",
    "The play was due to open on 24 May but was postponed.",
    "The vote was scheduled for 24 May.",
    "The verdict is expected on 24 May.",
    "The theatre said it would open on 24 May.",
    "The play runs until 7 June.",
    "The show opened on 2 May.",
    "The exhibition, which opened on 2 May, closes on 14 June.",
    "In 2019, the band played Berlin on 24 May and sold out.",
    "On 20 September, the council voted to close the harbour.",
    "The festival opens on Friday 23 May.",
    "The council voted on 2 May to hold a referendum on 24 May.",
    "The council voted to close the harbour on 24 May.",  # the closing may be what is dated
    "On 24 May voters go to the polls, after the campaign was launched in March.",
    "The board decided on 30 June as the date for the vote.",
    "On June 17, the council will vote on the plan, officials said.",
    "On June 17, with work expected soon, the council voted.",
    "Council members said they would vote on June 17, with the work starting in the fall.",
    "The vote was due to take place on June 17, with results expected that night.",
    "The exhibition ran until June 17, with crowds expected every weekend.",
    "The council voted on June 17 last year, with the work expected to start soon.",
    "The council plans to vote on June 17, with the work starting in the fall.",
    "The council is expected to vote on June 17, officials said.",
    "The council approved the plan to close the street on 3 June.",
    "The unions that struck on 2 May plan a walkout on 3 June.",
    "The council approved the plan, which takes effect on 3 June.",
    "Under the plan approved in April, the street closes on 3 June.",
    "The council approved the plan on 3 June last year.",
    "The council said it plans a vote on 3 June.",
    "They approved the plan and will vote on 3 June.",
    "The plant is set to open on 19 May.",
    "The plant was scheduled to open on 19 May.",
    "The company said it would open the plant on 19 May.",
    "The firm has agreed to sign the deal on 19 May.",
    "The hearing has been adjourned to 19 May.",
    "He has been summoned to appear on 19 May.",
    "The board approved the sale of the plant on 19 May.",
    "The minister announced the opening of the plant on 19 May.",
    "The company signed the agreement, which runs until 19 May.",
    "The plant has opened on 19 May 2024.",
    "The plant will have produced water since 19 May 2025.",
    "The plant has produced water since 19 May.",  # last year's 19 May: "since" is in the past

    "The referendum, held on June 17, will decide the future of the harbour.",
    "Last year the festival was held on 24 May.",
    "The festival was held on 24 May last year.",
    "She was born on 24 May and grew up in Leith.",
    "The dam was finished in 2019, six years ago, at a cost of $2bn.",
    "About a decade ago, in 2014, the port handled half as much cargo.",
    "Prices rose sharply in February 30 years ago, the report says.",
    "The leap day, February 29, 2024, fell on a Thursday.",
    "The stadium hosted a crusade from August 15th to September 8th, 1963, "
    "ending with a concluding session on Sunday, September 8th.",
    "Correction, June 3, 2025: An earlier version of this story misspelled a name.",
    "— Rep. Jane Doe (@janedoe) June 3, 2025",
    "Iran described the latest round of talks in Oman on Saturday as difficult but useful.",
    "The report, published on Super Tuesday, named 2,031 people.",
    "Der Gipfel begann am Dienstag, 13. Mai 2025 in Bagdad.",
    "La cumbre comenzó el martes 13 de mayo de 2025 en Bagdad.",
    "Le sommet s'est ouvert mardi 13 mai 2025 à Bagdad.",
    # A range of weekdays before a range of dates: first with first, last with last.
    "The festival runs Friday to Sunday, May 16-18.",
    "The conference runs Monday through Wednesday, June 9-11, 2025, in Denver.",
    "Free parking applies on Saturday and Sunday, May 17 and 18.",
    "The fair ran Friday to Sunday, July 12-14, 2024, at the showground.",
    "Performances are Thursday through Saturday, June 12-14, at 7.30pm.",
    "The market is open Sat. and Sun., May 31 and June 1.",
    "Roadworks will take place Friday to Sunday, May 30 to June 1.",
]


def _article(text, **fields):
    fields = {"published_at": PUBLISHED, **fields}
    return draft(text, **fields)


@pytest.mark.parametrize("text,fields,rule,where,quote", FLAG)
def test_flags(text, fields, rule, where, quote):
    found = findings(_article(text, **fields), CHECK, min_severity="warning")
    located = [(a.rule, a.target.block_id or a.target.field, a.target.quote) for a in found]
    assert located == [(rule, where, quote)]


@pytest.mark.parametrize("text", PASS)
def test_passes(text):
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    assert findings(_article(text, language=language), CHECK, min_severity="warning") == []


def test_an_arabic_weekday_suggestion_is_in_arabic():
    article = _article("جدة الثلاثاء 17 مايو 2025", language="ar")
    [found] = findings(article, CHECK, min_severity="warning")
    assert found.severity == "error"
    assert found.suggestion.text == "السبت 17 مايو 2025"


# -- weekday against date ------------------------------------------------------

def test_a_written_year_makes_a_wrong_weekday_an_error_with_the_right_weekday_suggested():
    [found] = findings(_article("The summit opened on Tuesday, May 15, 2025."), CHECK,
                       min_severity="warning")
    assert found.severity == "error"
    assert found.suggestion.action == "replace"
    assert found.suggestion.text == "Thursday, May 15, 2025"
    assert found.data["weekday"] == "Thursday"
    assert "Thursday" in found.message and "Tuesday" in found.message


def test_an_inferred_year_makes_a_wrong_weekday_a_warning():
    [found] = findings(_article("Voting closed on Friday, May 14."), CHECK, min_severity="warning")
    assert found.severity == "warning"
    assert found.suggestion.text == "Wednesday, May 14"
    assert found.data["date"] == "2025-05-14"


def test_a_suggestion_keeps_the_language_and_case_of_the_weekday():
    [found] = findings(_article("La cumbre comenzó el lunes 15 de mayo de 2025.", language="es"),
                       CHECK, min_severity="warning")
    assert found.suggestion.text == "jueves 15 de mayo de 2025"


def test_a_yearless_weekday_date_is_not_judged_without_an_article_date():
    article = draft("Voting closed on Friday, May 14.")
    assert findings(article, CHECK) == []


def test_a_weekday_with_a_written_year_is_judged_without_an_article_date():
    article = draft("The summit opened on Tuesday, May 15, 2025.")
    assert [a.rule for a in findings(article, CHECK)] == ["weekday-mismatch"]


def test_the_weekday_is_judged_in_captions_too():
    article = draft("The summit opened in Baghdad.",
                    ("image", "Leaders arrive on Tuesday, May 15, 2025.", "AFP"),
                    published_at=PUBLISHED)
    [found] = findings(article, CHECK, min_severity="warning")
    assert (found.rule, found.target.block_id) == ("weekday-mismatch", "img2")


# -- impossible dates ----------------------------------------------------------

def test_an_impossible_date_is_an_error_and_says_how_long_the_month_is():
    [found] = findings(_article("The deal was signed on April 31."), CHECK, min_severity="warning")
    assert found.severity == "error"
    assert "30 days" in found.message
    assert found.data["days_in_month"] == 30


def test_february_29_without_a_year_is_possible():
    assert findings(_article("The rally was held on February 29."), CHECK, min_severity="warning") == []


def test_an_impossible_iso_date_in_the_text_is_flagged():
    found = findings(_article("The file is stamped 2025-02-30 by the registry."), CHECK)
    assert [(a.rule, a.target.quote) for a in found] == [("impossible-date", "2025-02-30")]


# -- metadata ------------------------------------------------------------------

def test_updated_before_published_points_at_updated_with_published_related():
    [found] = findings(_article("Text.", updated_at="2025-05-15T08:00:00+04:00"), CHECK)
    assert found.severity == "error"
    assert found.target.field == "updated_at"
    assert [t.field for t in found.related] == ["published_at"]


def test_the_same_instant_in_two_offsets_is_not_out_of_order():
    article = _article("Text.", updated_at="2025-05-15T05:00:00+00:00")
    assert findings(article, CHECK) == []


def test_date_only_metadata_on_the_same_day_is_in_order():
    article = _article("Text.", published_at="2025-05-15", updated_at="2025-05-15")
    assert findings(article, CHECK) == []


def test_a_time_without_offset_is_info_naming_the_newsroom_zone():
    article = _article("Text.", published_at="2025-05-15T12:00:00")
    context = Context(now=NOW, timezone="Europe/London")
    [found] = findings(article, CHECK, context=context)
    assert (found.rule, found.severity, found.target.field) == ("missing-utc-offset", "info", "published_at")
    assert found.data == {"timezone": "Europe/London"}


def test_a_time_without_offset_names_the_article_zone_when_it_has_one():
    article = _article("Text.", published_at="2025-05-15T12:00:00", timezone="Asia/Dubai")
    [found] = findings(article, CHECK)
    assert found.data == {"timezone": "Asia/Dubai"}


# -- relative weekdays ---------------------------------------------------------

def _resolved(text, **fields):
    return [(a.target.quote, a.data["date"])
            for a in findings(_article(text, **fields), CHECK) if a.rule == "relative-weekday"]


@pytest.mark.parametrize("text,expected", [
    ("Qaani travelled to Iraq on Wednesday.", [("Wednesday", "2025-05-14")]),
    ("The ministers will meet on Wednesday.", [("Wednesday", "2025-05-21")]),
    ("Friday will bring more talks.", [("Friday", "2025-05-16")]),
    ("The envoy arrived on Thursday.", [("Thursday", "2025-05-15")]),
    ("The envoy arrived last Thursday.", [("Thursday", "2025-05-08")]),
    ("The envoy arrives next Thursday.", [("Thursday", "2025-05-22")]),
    ("He said on Tuesday that the council will meet on Friday.",
     [("Tuesday", "2025-05-13"), ("Friday", "2025-05-16")]),
    ("Wednesday's meeting was cancelled.", [("Wednesday", "2025-05-14")]),
    ("Shops open on Sundays and on Good Friday.", []),
    ("The Sunday Times reported the visit.", []),
])
def test_relative_weekdays_resolve_against_the_article_date(text, expected):
    assert _resolved(text) == expected


def test_a_relative_weekday_is_info_with_its_date_in_data():
    [found] = findings(_article("Trump on Tuesday blamed Iran."), CHECK)
    assert found.severity == "info"
    assert found.data["date"] == "2025-05-13"
    assert found.data["relative_to"] == "2025-05-15"


def test_the_local_day_comes_from_the_article_time_zone_first():
    # 23:30 UTC on Thursday is already Friday in Dubai.
    late = "2025-05-15T23:30:00+00:00"
    assert _resolved("The envoy arrived on Friday.", published_at=late) == [("Friday", "2025-05-09")]
    assert _resolved("The envoy arrived on Friday.", published_at=late,
                     timezone="Asia/Dubai") == [("Friday", "2025-05-16")]


def test_updated_at_dates_the_story_when_published_at_is_unknown():
    article = draft("Qaani travelled to Iraq on Wednesday.", published_at=None,
                    updated_at="2025-05-15T12:00:00+04:00")
    assert [a.data["date"] for a in findings(article, CHECK)] == ["2025-05-14"]


def test_nothing_that_needs_the_article_date_is_reported_without_one():
    article = draft("Qaani travelled to Iraq on Wednesday.",
                    "On June 3, 2025, the council voted to close the harbour.",
                    "The dam was finished in 2019, three years ago.")
    assert findings(article, CHECK) == []


def test_the_reference_time_is_not_the_article_date():
    article = _article("On June 3, 2025, the council voted. Qaani travelled on Wednesday.")
    early = findings(article, CHECK, now=datetime(2020, 1, 1, tzinfo=timezone.utc))
    late = findings(article, CHECK, now=datetime(2030, 1, 1, tzinfo=timezone.utc))
    assert [a.to_json() for a in early] == [a.to_json() for a in late]
    assert {a.rule for a in early} == {"past-event-after-publication", "relative-weekday"}


# -- past events after publication -----------------------------------------------

def test_a_past_event_after_publication_gives_both_dates_in_data():
    [found] = findings(_article("On June 3, 2025, the council voted."), CHECK, min_severity="warning")
    assert found.data == {"date": "2025-06-03", "article_date": "2025-05-15"}


def test_a_yearless_past_event_is_read_in_the_article_year():
    [found] = findings(_article("On June 3, the council voted."), CHECK, min_severity="warning")
    assert found.data == {"date": "2025-06-03", "article_date": "2025-05-15"}
    assert found.message.startswith("June 3 (in the article’s year, 2025) is after")


def test_a_yearless_date_months_ahead_is_taken_for_last_year():
    assert findings(_article("On July 20, the council voted."), CHECK, min_severity="warning") == []


@pytest.mark.parametrize("earlier", [
    "Hamas attacked southern Israel on June 3, 2024.",
    "He has not been seen in public since June 3.",
    "Israel calls him the mastermind of the June 3 attacks.",
])
def test_a_yearless_day_the_article_places_in_another_year_is_not_read_in_its_year(earlier):
    later = "That really showed on June 3, when he understood the trauma."
    assert findings(_article(later), CHECK, min_severity="warning") != []
    article = draft(earlier, later, published_at=PUBLISHED)
    assert findings(article, CHECK, min_severity="warning") == []


def test_a_date_after_publication_but_before_the_update_is_fine():
    article = _article("On June 3, 2025, the council voted.", updated_at="2025-06-04T10:00:00+04:00")
    assert findings(article, CHECK, min_severity="warning") == []


def test_the_next_day_is_within_the_slack_for_time_zones():
    assert findings(_article("On May 16, 2025, the council voted."), CHECK,
                    min_severity="warning") == []


# -- the seed ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["seed/000_a627ffa290a88477.txt", "examples/seed-article.json"])
def test_the_seed_resolves_each_weekday_and_raises_nothing_above_info(shared, name):
    article = load_article(str(shared / name))
    found = findings(article, CHECK)
    assert [a for a in found if a.severity != "info"] == []
    resolved = {a.target.quote: a.data["date"] for a in found if a.rule == "relative-weekday"}
    assert resolved == {"Wednesday": "2025-05-14", "Tuesday": "2025-05-13", "Saturday": "2025-05-10"}


# -- the shared date finder (checks/dates.py) ----------------------------------------

@pytest.mark.parametrize("text,quote,parts", [
    ("on Tuesday, May 13, 2025, the", "Tuesday, May 13, 2025", (2025, 5, 13, 1)),
    ("Thursday 15 May 2025", "Thursday 15 May 2025", (2025, 5, 15, 3)),
    ("on Sunday, the 8th of September", "Sunday, the 8th of September", (None, 9, 8, 6)),
    ("released on Sept. 25, 2019.", "Sept. 25, 2019", (2019, 9, 25, None)),
    ("am Dienstag, den 13. Mai 2025", "Dienstag, den 13. Mai 2025", (2025, 5, 13, 1)),
    ("el martes 13 de mayo de 2025", "martes 13 de mayo de 2025", (2025, 5, 13, 1)),
    ("ce mardi 13 mai", "mardi 13 mai", (None, 5, 13, 1)),
    ("le 1er mai 2025", "1er mai 2025", (2025, 5, 1, None)),
    ("stamped 2025-02-30 by", "2025-02-30", (2025, 2, 30, None)),
])
def test_find_dates_reads_each_shape(text, quote, parts):
    [mention] = find_dates(text)
    assert text[mention.start:mention.end] == quote
    assert (mention.year, mention.month, mention.day, mention.weekday) == parts


@pytest.mark.parametrize("text", [
    "In March 2023 the port reopened.",
    "He scored 12 points in 10.5 minutes.",
    "They may 15 times over.",
    "The score was 3-1 on Saturday.",
])
def test_find_dates_ignores_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("published, updated", [
    ("0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00+14:00"),  # pub - 1 minute left the calendar
    ("0001-01-01", None),                                          # "last Friday": a week before year 1
    ("9999-12-31", None),                                          # the year after 9999; a day's slack
    ("9999-12-31T23:59:59-14:00", None),                           # the newsroom's day is past 9999
])
def test_dates_at_the_ends_of_the_calendar_do_not_crash(published, updated):
    article = draft("On Monday, 1 January, last Friday and next Monday the council met.",
                    published_at=published, updated_at=updated, timezone="Pacific/Kiritimati")
    findings(article, CHECK)  # asserts no check_errors
