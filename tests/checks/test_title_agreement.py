import pytest

from checks.numbers import agrees, quantities
from tests.support import draft, findings

CHECK = "title-agreement"

BODY = ("Seven people died when the storm reached the coast near Plymouth on Monday, "
        "the Environment Agency said.",
        "Emergency crews rescued 1,200 residents, and the council said repairs would cost "
        "£1.2bn. Mayor Anna Whitfield said 27 per cent of homes had lost power.")

# (headline, extra fields, rule expected, field flagged, flagged text)
FLAG = [
    ("Five dead after storm hits Plymouth", {}, "unsupported-number", "headline", "Five"),
    ("Seven people die as storm hits Plymouth; 40 people injured", {},
     "unsupported-number", "headline", "40"),
    ("Storm kills seven as 2,400 residents rescued", {}, "contradicted-number", "headline", "2,400"),
    ("Storm repairs to cost £3bn, council says", {}, "unsupported-number", "headline", "£3bn"),
    ("Storm kills seven in Plymouth, says Kowalczyk", {}, "unsupported-name", "headline", "Kowalczyk"),
    ("Mayor Okonkwo counts the cost of Plymouth storm", {}, "unsupported-name", "headline", "Okonkwo"),
    ("Storm Kills Seven in Plymouth as Halvorsen Warns of Cost", {},
     "unsupported-name", "headline", "Halvorsen"),
    ("Storm kills seven in Plymouth", {"standfirst": "Residents of Tampere were also evacuated."},
     "unsupported-name", "standfirst", "Tampere"),
    ("Storm kills seven in Plymouth",
     {"alternative_headlines": {"seo": "Champions League final tickets sell out in minutes"}},
     "off-topic-alternative", "alternative_headlines.seo",
     "Champions League final tickets sell out in minutes"),
    ("Storm kills seven in Plymouth",
     {"alternative_headlines": {"social": "Seven dead in Plymouth storm as 3,000 flee"}},
     "unsupported-number", "alternative_headlines.social", "3,000"),
]

# Headlines (and extra fields) that the same body supports.
PASS = [
    ("Seven dead after storm hits Plymouth", {}),
    ("Storm Kills Seven In Plymouth As Crews Rescue 1,200", {}),  # Title Case
    ("Storm kills 7, crews rescue 1200 residents", {}),  # figures in digits, no comma
    ("Storm repairs to cost 1.2 billion pounds", {}),  # short form of £1.2bn
    ("Storm repairs to cost £1.2 billion as 27% of homes lose power", {}),
    ("Nearly 1,250 rescued as storm hits Plymouth", {}),  # a hedged rounding
    ("More than a thousand residents rescued in Plymouth", {}),
    ("Whitfield's warning as storm kills seven", {}),  # surname for a full name, possessive
    ("Environment Agency chief warns after deadly storm", {}),
    ("British coast hit by deadly storm", {}),  # the body never says Britain: "British" is not a name
    ("EA says seven died in Plymouth storm", {}),  # initials of a name the body gives
    ("Deadly storm leaves Plymouth counting the cost",
     {"standfirst": "Crews rescued more than 1,000 people after seven died.",
      "alternative_headlines": {"seo": "Plymouth Storm: Seven Dead, Repairs to Cost £1.2bn"}}),
    ("5 things we learned from the Plymouth storm", {}),  # the count of a list
    ("SHOCK: seven dead as storm hits Plymouth", {}),  # a word in capitals, not an initialism
    ("Storm kills seven in Plymouth on May 15 at 9:30", {}),  # dates and times are not counts
    ("Plymouth storm: 3 simple checks to make before the next one", {}),  # a list, not a claim
    ("Storm kills seven", {"standfirst": "The Glasgow-based forecaster had warned of seven deaths."}),
    ("Seven dead in Plymouth",  # a social headline in other words, inflected differently
     {"alternative_headlines": {"social": "Rescuers race to save residents as storms batter coast"}}),
    ("Storm kills seven on tumultuous night",  # a Title Case SEO title of the same words
     {"alternative_headlines": {"seo": "Storm Kills Seven On Tumultuous Night"}}),
]


@pytest.mark.parametrize("headline,fields,rule,field,quote", FLAG)
def test_flags(headline, fields, rule, field, quote):
    found = findings(draft(*BODY, headline=headline, **fields), CHECK, min_severity="warning")
    assert [(a.rule, a.target.field, a.target.quote) for a in found] == [(rule, field, quote)]


@pytest.mark.parametrize("headline,fields", PASS)
def test_passes(headline, fields):
    assert findings(draft(*BODY, headline=headline, **fields), CHECK, min_severity="warning") == []


def test_a_contradicted_figure_points_at_the_body_figure_and_suggests_it():
    article = draft("Rescuers said 12 climbers were still missing on the mountain on Sunday.",
                    "Police named two of the climbers.",
                    headline="Nine climbers missing on the mountain")
    [found] = findings(article, CHECK)
    assert (found.rule, found.severity, found.target.field, found.target.quote) == (
        "contradicted-number", "error", "headline", "Nine")
    assert [(r.block_id, r.quote) for r in found.related] == [("p1", "12")]
    assert found.data["body_values"] == [12.0]
    assert found.suggestion.action == "replace" and found.suggestion.text == "12"


def test_a_hedged_or_rounded_headline_is_not_a_contradiction():
    article = draft("More than 3,000 pages of documents were released on Wednesday.",
                    "The 3,012 pages include flight logs.",
                    headline="Nearly 3000 pages of documents released")
    assert findings(article, CHECK) == []


def test_a_figure_the_headline_already_accounts_for_is_not_a_rival():
    article = draft("Seven people died and 40 people were injured, police said.",
                    headline="Seven people die, 45 people injured in storm")
    [found] = findings(article, CHECK)
    assert (found.rule, found.target.quote) == ("contradicted-number", "45")
    assert [r.quote for r in found.related] == ["40"]


def test_initialisms_may_take_two_letters_from_a_word():
    article = draft("The Lakers beat the Oklahoma City Thunder 112-107 on Tuesday.",
                    headline="Lakers hold off OKC")
    assert findings(article, CHECK) == []


def test_a_long_form_in_the_headline_matches_the_initialism_in_the_body():
    article = draft("The UAE's aviation authority did not respond to a request for comment.",
                    headline="United Arab Emirates regulator stays silent")
    assert findings(article, CHECK) == []


def test_initials_of_a_headline_phrase_must_be_an_upper_case_initialism_in_the_body():
    article = draft("Los Angeles hosted the car show, and new SUVs drew crowds.",
                    headline="New SUVs highlight L.A. Okonkwo Show")
    assert [a.target.quote for a in findings(article, CHECK)] == ["Okonkwo"]


def test_demonyms_and_short_forms():
    article = draft("Iran said on Monday that talks with the United States and the European Union "
                    "would resume in Oman.", headline="Iranian officials say US and EU talks to resume")
    assert findings(article, CHECK) == []


# Blind-draft look-alikes: (body, headline, standfirst) that must stay quiet.
BLIND_PASS = [
    # an adjective of a country backed by its capital, its people or the country itself
    ("Bergen chose a Copenhagen architecture studio on Tuesday.", "Bergen picks Danish studio", None),
    ("The bank lent money to the Warsaw government.", "Bank backs Polish wind farm", None),
    ("Two Spaniards were among the crew.", "Spanish sailors rescued", None),
    ("A Danish-owned firm built the bridge.", "Denmark firm builds bridge", None),
    ("Turnout fell in Islamabad on Sunday.", "Low turnout in Pakistani capital", None),
    ("Most of the Swedish fleet stayed in port.", "Storm keeps Sweden's fleet in port", None),
    # a common plural opening a sentence, its verb plural
    ("Farmers in Krakow want limits on imports of Ukrainian grain.", "Farmers march in Krakow",
     "Growers are demanding limits on grain imports from Ukraine"),
    ("Prices rose again in March, the statistics office said.", "Prices rise again",
     "Shoppers face higher bills. Motorists fear new tolls"),
    ("The council raised rents on Monday.", "Council raises rents", "Tenants say they cannot pay"),
    # a figure with its unit glued on in the body
    ("The farm will have a capacity of 1.5GW when completed.", "Wind farm approved",
     "The 1.5 gigawatt project is due to be finished in 2029"),
    ("The cable runs 80km to the coast.", "A cable 80 kilometres long", None),
    ("Temperatures reached 41C in Seville on Monday.", "Seville swelters in 41 degree heat", None),
    ("The plant will produce 1,200MW by 2030.", "Plant to make 1,200 megawatts", None),
    # a span between the body's dates
    ("The bloc will boycott the elections in November, he said on 15 May.",
     "Bloc to boycott November election",
     "The announcement comes six months before the vote"),
    ("The factory closed in March; on Friday the last workers were paid.",
     "Factory pays last workers", "Two weeks after the closure, staff were paid"),
    # a newsroom short form of an ordinary word
    ("Halvern, a drugmaker, will build a plant in Cork; the pharmaceutical industry there "
     "employs 10,000.", "Pharma firm’s Cork plant to create jobs", None),
    ("Halvern Biologics will build a €40 million plant for pharmaceuticals in Cork.",
     "Big Pharma Comes To Cork", None),
    ("The government said the department would close the office.", "Govt to close office",
     "The Dept said the office would close"),
    ("Students at the university protested on Monday.", "Uni students protest", None),
    ("The international body met in Geneva on Monday.", "Intl body meets in Geneva", None),
    ("Uptake of the vaccine fell over the winter.", "Vax uptake falls", None),
    ("Councillor Jane Hale said the library would stay open.", "Cllr Hale saves library", None),
    # a currency or unit is never a name, glued to its figure or not
    ("Sahra Freight plans to invest Dh2bn in a hub near Riyadh.",
     "Freight firm plans Dh2bn hub near Riyadh", None),
    ("The wind farm will have a capacity of 1.1GW.", "Wind farm approved",
     "The 1.1GW project will supply homes"),
    ("Sahra Freight will invest 2 billion dirhams near Riyadh.", "AED 2bn hub planned near Riyadh", None),
    ("The company reported revenue of Rs500 crore.", "Revenue reaches Rs 500 crore", None),
    ("Rice sold for Tk50 a kilo in Dhaka.", "Rice hits Tk50 a kilo in Dhaka", None),
    ("The network will cover the country with 5G by 2027.", "Operators promise 5G Coverage", None),
    # a place word beside a name the body gives
    ("Mekong Pearl Seafood, based in Can Tho, doubled its exports.",
     "A Mekong Delta shrimp processor doubles exports", None),
    ("Snow closed the roads around Tahoe on Sunday.", "Snow closes roads around Lake Tahoe", None),
    ("Flooding hit homes along the Thames on Monday.", "Thames Valley homes flooded", None),
    # a range in the title, the body's figure inside it
    ("Volunteers collected 47 tonnes of waste.", "Volunteers clear beaches",
     "Volunteers collected between 40 and 50 tonnes of waste"),
    ("Volunteers collected 47 tonnes of waste.", "Volunteers collect 40 to 50 tonnes", None),
    ("Some 312 volunteers took part.", "Between 300 and 350 volunteers clear beaches", None),
    ("Seven boats joined the search.", "Six or eight boats join search", None),
    ("Seven boats joined the search.", "Search goes on", "Between six and eight boats joined in"),
    ("Turnout rose 6.5% on last year.", "Turnout up", "Turnout rose by between 5 and 7%"),
    ("Volunteers collected 47 tonnes of waste.", "Volunteers clear beaches",
     "Between forty and fifty tonnes were collected"),
    # a Title Case (or sentence-opening) noun the body gives in another form of its stem
    ("A tram derailed at a junction in central Lodz, injuring three.",
     "Tram Derailment in Lodz Injures Three", None),
    ("Residents were evacuated from the tower in Leeds on Monday.",
     "Tower Evacuation in Leeds", None),
    ("A ferry capsized off Lesbos on Monday.", "Ferry Capsizing off Lesbos", None),
    ("The prison in Leeds is badly overcrowded, inspectors said.", "Prison in Leeds",
     "Overcrowding is worse than ever, inspectors say"),
    ("Two tram lines in Lodz were disrupted on Friday.", "Tram Lines Hit",
     "Disruption lasted all day in Lodz"),
    # a plural of people in UK spelling opening with a plural verb
    ("The festival sold 120,000 tickets.", "Festival closes", "Organisers say sales were a record"),
    ("The festival sold 120,000 tickets.", "Festival closes", "Sponsors are pleased with sales"),
    # a span of years the body gives as two years
    ("The fabrics were designed between 1950 and 1990.", "Show opens",
     "The show brings together 40 years of printed fabrics"),
    ("The fabrics were designed from 1950 to 1990.", "Forty Years of Fabrics on Show", None),
    ("The archive covers 1975-2005.", "Archive spans 30 years", None),
    # generations counted from the founder, a (great-)grandparent
    ("His great-grandfather opened the bakery in 1921.", "Baker wins award",
     "The family has baked in the same oven for four generations"),
    ("Her grandmother founded the shop in 1960.", "Shop marks anniversary",
     "Three generations have run the shop"),
    # a headline's first word that is a common noun for a person, not a name
    ("A driver who reached 100mph while being chased by police has been banned for three years.",
     "Motorist banned after 100mph chase", None),
    ("A former bank clerk who stole £80,000 from customers has been jailed.",
     "Fraudster jailed for stealing from pensioners", None),
    ("A woman was taken to hospital after her bike hit a van.", "Cyclist hurt in crash with van", None),
    ("The club signed the 24-year-old keeper on a three-year deal.", "Goalkeeper signs new deal", None),
    ("A man who stole from shops in the town centre was jailed on Tuesday.",
     "Shoplifter jailed after string of thefts", None),
    ("A man who abused children was jailed for 12 years.", "Paedophile jailed for 12 years", None),
    ("The player joined the club from Leeds on Friday.", "Midfielder joins from Leeds", None),
    # a headline count of people the body lists one by one
    ("Mark Evans, 41, and Paul Hughes, 38, were jailed on Tuesday for a fraud worth £1,040,000.",
     "Two men jailed over £1m fraud", None),
    ("Callum Reid, 17, Jack Moss, 18, and Liam Hart, 18, were charged with arson on Tuesday.",
     "Three teenagers charged over fire", None),
    ("Police arrested a 24-year-old man and a 19-year-old woman after the stabbing.",
     "Two arrested after stabbing", None),
    ("Amy Cole, Ben Day, Cal Ross and Dan Eve were each fined for trespass.",
     "Four fined after trespass on railway", None),
    ("His wife and a neighbour were also hurt, police said.", "Two hurt in attack", None),
    # a share backed by an equal share, however the body writes it
    ("The company will cut 400 of its 4,000 jobs.", "Firm to cut 1 in 10 jobs", None),
    ("Of the 10,000 children surveyed, 2,000 were living in poverty.",
     "One in five children lives in poverty", None),
    ("A quarter of trains ran late in May.", "1 in 4 trains late", None),
    ("Sixty-six per cent of voters backed the ban.", "Two-thirds of voters back ban", None),
    ("Half of the 300 staff have quit, and 150 more will go.", "One in two staff quit", None),
    ("Of 2,000 trains, 510 ran late.", "A quarter of trains late", "One in four trains ran late"),
]

# Blind-draft look-alikes that must still be flagged: (body, headline, standfirst, quote).
BLIND_FLAG = [
    # a capital backs its own country only
    ("Bergen chose a Copenhagen studio on Tuesday.", "Bergen picks Norwegian studio", None, "Norwegian"),
    # a name ending like a plural, with a singular verb
    ("The club confirmed the signing on Tuesday.", "Club confirms signing",
     "Castellanos says the deal is done", "Castellanos"),
    # a glued body figure backs only its own value
    ("The farm will have a capacity of 1.5GW.", "Wind farm approved",
     "The 4 gigawatt project is due in 2029", "4"),
    # a span the body gives differently
    ("The vote is due in November, four months before the deadline. It was called in May.",
     "Vote called", "The announcement comes six months before the deadline", "six"),
    # a multi-word place is quoted whole
    ("The Colorado Rapids beat the Galaxy 3-2 on Sunday.", "Rapids beat Galaxy",
     "Colorado came back to win 3-2 in Commerce City", "Commerce City"),
    ("Floods reached homes in Florida on Monday.", "Floods reach homes",
     "Water rose at Lake Okeechobee overnight", "Lake Okeechobee"),
    # a currency beside a name: the name is still read
    ("Sahra Freight plans to invest Dh2bn in a hub near Riyadh.", "Freight firm plans Dh2bn hub",
     "The hub near Jeddah will open in 2027", "Jeddah"),
    # a change from one figure to another is no range: each end must be stated
    ("Waste collected rose to 50 tonnes this year.", "Beach waste rises",
     "Waste rose from 35 to 50 tonnes", "35"),
    # two figures joined by "and" without "between" are two claims
    ("Seven people died and 50 were hurt.", "Storm toll rises", "Seven dead and 70 injured", "70"),
    # a capitalised word the body lacks in any lower-case form is still read as a name
    ("A tram left the rails in Lodz.", "Tram Derailment in Lodz", None, "Derailment"),
    # a name ending like a UK plural, with a singular verb
    ("The club confirmed the signing on Tuesday.", "Club confirms signing",
     "Kaisers says the deal is done", "Kaisers"),
    # a span of years the body gives differently
    ("The fabrics were designed between 1950 and 1990.", "Show opens",
     "The show brings together 50 years of printed fabrics", "50"),
    ("His grandfather opened the bakery in 1961.", "Baker wins award",
     "The family has baked in the same oven for six generations", "six"),
    # a name the body never gives, at the headline's start too
    ("The club's manager has resigned after a run of defeats.", "Ferreyra resigns after defeats",
     None, "Ferreyra"),
    ("The manager resigned on Monday.", "Okafor resigns as manager", None, "Okafor"),
    # a count against a different number of people listed
    ("Mark Evans, 41, and Paul Hughes, 38, were jailed on Tuesday.", "Three men jailed over fraud",
     None, "Three"),
    ("Police arrested a 24-year-old man and a 19-year-old woman.", "Three arrested after stabbing",
     None, "Three"),
    # a share the body gives differently is told once, as a whole
    ("The company will cut 400 of its 4,000 jobs.", "Firm to cut 1 in 8 jobs", None, "1 in 8"),
    ("Of the 10,000 children surveyed, 2,000 were living in poverty.",
     "One in three children lives in poverty", None, "One in three"),
    ("Half the staff quit.", "Three-quarters of staff quit", None, "Three-quarters"),
]


@pytest.mark.parametrize("body,headline,standfirst", BLIND_PASS)
def test_blind_look_alikes_pass(body, headline, standfirst):
    fields = {"standfirst": standfirst} if standfirst else {}
    assert findings(draft(body, headline=headline, **fields), CHECK, min_severity="warning") == []


@pytest.mark.parametrize("body,headline,standfirst,quote", BLIND_FLAG)
def test_blind_look_alikes_flag(body, headline, standfirst, quote):
    fields = {"standfirst": standfirst} if standfirst else {}
    found = findings(draft(body, headline=headline, **fields), CHECK, min_severity="warning")
    assert [a.target.quote for a in found] == [quote]


def test_a_range_no_body_figure_falls_in_is_flagged_at_both_ends():
    article = draft("Volunteers collected 47 tonnes of waste.", headline="Volunteers clear beaches",
                    standfirst="Volunteers collected between 60 and 70 tonnes")
    found = findings(article, CHECK, min_severity="warning")
    assert [(a.rule, a.target.quote) for a in found] == [("unsupported-number", "60"),
                                                         ("unsupported-number", "70")]


def test_a_sequel_number_is_part_of_a_name_not_a_figure():
    article = draft("Paramount is in talks with Noah Hawley, the creator of Fargo, to direct "
                    "the next Star Trek film.", headline="Star Trek 4 eyes Fargo creator Noah Hawley")
    assert findings(article, CHECK) == []


def test_names_in_captions_count_as_support():
    article = draft("The minister opened the bridge on Monday.",
                    ("image", "Minister Ruth Kessel opens the bridge in Hull.", "PA"),
                    headline="Kessel opens Hull bridge")
    assert findings(article, CHECK) == []


def test_a_name_only_in_the_standfirst_supports_the_headline_but_is_itself_flagged():
    article = draft("The club confirmed the three-year signing on Tuesday.",
                    headline="Okafor signs for the club",
                    standfirst="The striker Emeka Okafor joins on a three-year deal.")
    found = findings(article, CHECK, min_severity="warning")
    assert [(a.target.field, a.target.quote) for a in found] == [("standfirst", "Emeka Okafor")]


def test_wire_dateline_in_a_standfirst_is_not_read_as_claims():
    article = draft("Nepal's aviation authority disputed the airline's account on Tuesday.",
                    headline="Nepal disputes airline account",
                    standfirst="KATHMANDU, April 25 (Reuters) - Nepal's aviation authority disputed "
                               "the airline's account on Tuesday.")
    assert findings(article, CHECK) == []


def test_non_english_unsupported_figures_are_only_info_and_names_are_not_read():
    article = draft("Die Polizei nahm am Montag drei Männer fest.",
                    headline="Kowalczyk: 40 Festnahmen in Palma", language="de")
    found = findings(article, CHECK)
    assert [(a.rule, a.severity, a.target.quote) for a in found] == [("unsupported-number", "info", "40")]


def test_an_empty_body_raises_nothing():
    assert findings(draft(headline="Five dead in Plymouth"), CHECK) == []


@pytest.mark.parametrize("text,value,percent", [
    ("five", 5, False), ("1,200", 1200, False), ("£1.2bn", 1.2e9, False),
    ("1.2 billion pounds", 1.2e9, False), ("27%", 27, True), ("27 per cent", 27, True),
    ("twenty-five", 25, False), ("one hundred", 100, False), ("$100M", 1e8, False),
])
def test_numbers_reads_figures(text, value, percent):
    [q] = quantities(text)
    assert (q.value, q.percent) == (value, percent)


@pytest.mark.parametrize("text", ["COVID-19", "F-35", "the 2nd time", "at 9:30", "Opening Bell 11.18.19"])
def test_numbers_ignores_what_is_not_a_count(text):
    assert [q for q in quantities(text) if not q.joined] == []


def test_numbers_agreement_allows_rounding_and_hedges_only():
    [nearly] = quantities("nearly 3000")
    [more] = quantities("more than 3,000")
    [exact] = quantities("3,012")
    [other] = quantities("4,100")
    assert agrees(nearly, more) and agrees(nearly, exact)
    assert not agrees(exact, other)
    assert not agrees(quantities("$1.3bn")[0], quantities("nearly $1.2 billion")[0])
    assert not agrees(quantities("45")[0], quantities("40")[0])  # a body figure is exact
    assert agrees(quantities("40")[0], quantities("43")[0])  # a round headline figure is not
    assert not agrees(quantities("£450m")[0], quantities("about $500m")[0])


def test_seed_raises_nothing_above_info_in_either_form(shared):
    from plugin.adapters.generic import article_from_json
    from plugin.adapters.plaintext import article_from_text
    import json

    text = (shared / "seed" / "000_a627ffa290a88477.txt").read_text(encoding="utf-8")
    data = json.loads((shared / "examples" / "seed-article.json").read_text(encoding="utf-8"))
    for article in (article_from_text(text), article_from_json(data)):
        assert article.headline.startswith("Iran")
        assert findings(article, CHECK, min_severity="warning") == []


@pytest.mark.parametrize("body, standfirst", [
    ("Plain body … with an ellipsis", "Café standfirst"),   # only the standfirst decomposes
    ("Café body … with an ellipsis", "Plain … standfirst"),  # only the body does
    ("Plain body", "Plain ‘quoted’ standfirst"),
    ("Ünïcode body", "Ünïcode standfirst"),
])
def test_a_story_extending_another_folds_as_the_whole_text_would(body, standfirst):
    from checks.title_agreement import _fold, _Story

    story = _Story(body)
    extended = _Story(body + "\n" + standfirst, extends=story)
    assert extended.folded == _fold(body + "\n" + standfirst)
    assert story.folded == _fold(body)


# Broad geography the body never names, though it gives a town there: a country, its
# people, a continent, region, sea, river or range, by its word, its head word or its
# setting. The editor gets a hint (info), not a warning: (body, headline, standfirst, quote).
BROAD_PLACES = [
    # a country or its people
    ("Dozens of homes in Chaves were flooded overnight.", "Floods swamp homes in northern Portugal",
     None, "Portugal"),
    ("Miners near Arequipa were trapped for two days.", "Rescuers free Peruvian miners after two days",
     None, "Peruvian"),
    ("Relief was sent to families in Punjab province.", "Charity sends relief",
     "The appeal raised money for families in Pakistan's flood zone", "Pakistan's"),
    # a continent, ocean, sea or range by its own word
    ("The 80-metre tower in Skellefteå opened on Friday.", "Skellefteå opens Europe's tallest timber tower",
     None, "Europe's"),
    ("The rower Kenji Ota rowed from Choshi to San Francisco in 140 days.", "Rower completes Pacific voyage",
     None, "Pacific"),
    ("Ferries to Bornholm will cost more from June.", "Baltic ferries raise fares", None, "Baltic"),
    ("Two climbers were rescued above Cortina on Sunday.", "Climbers rescued in the Dolomites",
     None, "Dolomites"),
    ("Scientists measured the ice above Cusco.", "Andean Glacier Shrinks Again", None, "Andean"),
    ("Boats were stranded at Henley after the water dropped.", "Boats stranded as the Thames falls",
     None, "Thames"),
    ("Residents of Uvalde gathered on Sunday.", "Mourners gather in small Texas town", None, "Texas"),
    # a head word, capitalised or not
    ("Loggers cleared land near Altamira.", "Loggers clear more of the Amazon rainforest", None, "Amazon"),
    ("The yacht was found 200km east of Sydney.", "Yacht found adrift in the Tasman Sea", None, "Tasman"),
    ("Barges are stuck near Nantes as water levels fall.", "Barges stranded on the Loire river",
     None, "Loire"),
    ("Vines were planted on terraces above Pinhão.", "Vines replanted", "Terraces of the Duoro Valley",
     "Duoro Valley"),
    # a multi-word place, quoted whole
    ("A shrimp processor in Can Tho doubled its exports.", "Processor doubles exports",
     "The Mekong Delta firm sells abroad", "Mekong Delta"),
    # a place word beside a name the body lacks is no support, but a broad place still
    ("Mekong Pearl Seafood doubled its exports.", "Processor doubles exports",
     "The Irrawaddy Delta firm sells abroad", "Irrawaddy Delta"),
    # a setting that places a story broadly
    ("Forty pilot whales beached near Strahan on Monday.", "Whales stranded off the coast of Tasmania",
     None, "Tasmania"),
    ("Cellars flooded in Bingen and Bacharach.", "Cellars flooded along the Rhine", None, "Rhine"),
    ("Power was cut in Olomouc and Zlín.", "Storm cuts power across Moravia", None, "Moravia"),
    ("Crops failed near Cremona and Mantua.", "Drought hits farms in northern Lombardy", None, "Lombardy"),
    ("Crops failed near Cremona and Mantua.", "Drought Hits Farms in Northern Lombardy", None, "Lombardy"),
    ("Floodwater reached the centre of Kłodzko.", "River bursts its banks in south-west Silesia",
     None, "Silesia"),
    ("Snow cut off farms around Hexham.", "Snow cuts off hill farms in the north of Northumbria",
     None, "Northumbria"),
    ("Volunteers cleared litter from beaches near Blackpool.", "Lancashire beaches cleared", None,
     "Lancashire"),
    ("Fishing boats stayed in port in Harlingen.", "Storm keeps Frisian fleet in port", None, "Frisian"),
]


@pytest.mark.parametrize("body,headline,standfirst,quote", BROAD_PLACES)
def test_broad_geography_the_body_never_names_is_only_a_hint(body, headline, standfirst, quote):
    fields = {"standfirst": standfirst} if standfirst else {}
    found = findings(draft(body, headline=headline, **fields), CHECK)
    assert [(a.rule, a.severity, a.target.quote) for a in found] == [("unsupported-name", "info", quote)]
    assert "places the story" in found[0].message and found[0].data["broad_place"] is True


# Names that stay warnings beside those: (body, headline, standfirst, quote).
NOT_BROAD = [
    # a town, even where a broad place could stand
    ("Dozens of homes were flooded overnight.", "Floods swamp homes in Tampere", None, "Tampere"),
    # ... after a setting that suits a town as well as a region
    ("Floods closed roads in Maidstone on Monday.", "Floods hit central Ashford", None, "Ashford"),
    ("Buses were cancelled in Maidstone after the storm.", "Buses cancelled across rural Ashford", None,
     "Ashford"),
    ("Shops in Maidstone shut early on Monday.", "Shops shut early throughout Ashford", None, "Ashford"),
    # a compass word in capitals is part of the name
    ("The state's new slogan was mocked online.", "South Varga defends its slogan", None, "Varga"),
    ("The state's new slogan was mocked online.", "North Okafor Defends Its Slogan", None, "Okafor"),
    ("Eastern Michigan won by 21 points on Saturday.",
     "College football: Eastern Michigan routs Northern Halvorsen to become bowl eligible", None,
     "Halvorsen"),
    # a word that names a firm or a person as often as a place
    ("Warehouse staff walked out on Monday.", "Staff strike at Amazon warehouse", None, "Amazon"),
    ("The striker signed a three-year deal.", "Club signs striker Hudson", None, "Hudson"),
    # a broad place the body contradicts in the same role
    ("Floods hit the Polish town of Kłodzko, where the river rose two metres.",
     "Flooding hits Czech town", None, "Czech"),
    ("The Oslo-based firm won the contract on Monday.", "Ferry contract goes to Estonian firm", None,
     "Estonian"),
    ("The rower finished her Atlantic crossing in Antigua.", "Rower ends Pacific crossing",
     None, "Pacific"),
]


@pytest.mark.parametrize("body,headline,standfirst,quote", NOT_BROAD)
def test_other_names_and_contradicted_places_stay_warnings(body, headline, standfirst, quote):
    fields = {"standfirst": standfirst} if standfirst else {}
    found = findings(draft(body, headline=headline, **fields), CHECK, min_severity="warning")
    assert [(a.rule, a.target.quote) for a in found] == [("unsupported-name", quote)]


def test_a_contradicted_broad_place_quotes_the_body():
    article = draft("Floods hit the Polish town of Kłodzko on Monday.", headline="Flooding hits Czech town")
    [found] = findings(article, CHECK)
    assert found.severity == "warning" and "Polish town" in found.message


@pytest.mark.parametrize("body,headline", [
    ("About 27,000 fish escaped from pens in the Hardangerfjord.", "Salmon escape from Hardanger pens"),
    ("Ferries crossed the Oslofjord all night.", "Oslo ferries run all night"),
    ("Flooding closed roads across Oxfordshire.", "Oxford roads closed by floods"),
])
def test_a_name_the_body_joins_to_a_kind_of_place_is_backed(body, headline):
    assert findings(draft(body, headline=headline), CHECK) == []
