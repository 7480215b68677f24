import json

import pytest

from plugin.adapters.generic import article_from_json
from plugin.adapters.plaintext import article_from_text
from tests.support import draft, findings

CHECK = "caption-agreement"

LEDE = ("Iran's Quds Force commander Esmail Qaani travelled to Iraq on Wednesday, "
        "in a rare publicly announced visit days before an Arab Summit in Baghdad.")
FIRE = "Firefighters battled the blaze at the Harbour Road warehouse in Leith on May 14, officials said."
MAYOR = "Maria Navarro, the city's housing chief, said rents had doubled since 2020."
COURT = ("Declan Murphy, 58, of Ealing, pleaded not guilty to fraud when he appeared at "
         "Southwark Crown Court on Tuesday.")
FESTIVAL = ("The Gdańsk Shakespeare Festival opened on Friday with a Ukrainian-language Hamlet "
            "performed by a company from Kyiv.")
FESTIVAL_VENUE = "Ms Melnyk spoke after the performance at the Gdańsk Shakespeare Theatre."
TRACTORS = ("Thousands of Polish farmers marched through the centre of Kraków on Tuesday, a day after "
            "their tractors blocked roads into the city.")

RABAT = ("Rania Haddadin arrived in Rabat on Tuesday and held talks with her Moroccan counterpart, "
         "Karim Bennani, on Wednesday before meeting officials from the water utility.")
TRAINED = ("The squad trained in Gdańsk on Friday in front of supporters, who were allowed in for the "
           "final session of the week.")

# (body paragraphs, caption, rule expected, flagged text in the caption)
FLAG = [
    ([LEDE], "Esmail Qaani travelled to Iraq on Tuesday.", "weekday-differs", "Tuesday"),
    ([LEDE], "Esmail Qaani, the head of the Quds Force, travelled to Iraq on Tuesday. AFP",
     "weekday-differs", "Tuesday"),
    ([FIRE], "Firefighters battled the blaze at the Harbour Road warehouse in Leith on May 12.",
     "date-differs", "May 12"),
    ([FIRE], "Firefighters battled the blaze at the Harbour Road warehouse in Leith on 16 May.",
     "date-differs", "16 May"),
    ([LEDE], "Esmail Qaani travelled to Syria on Wednesday.", "place-differs", "Syria"),
    ([FIRE], "Firefighters battled the blaze at the Harbour Road warehouse in Dundee on May 14.",
     "place-differs", "Dundee"),
    # the same people at the same place, with another verb (present tense in the caption)
    ([COURT], "Declan Murphy arrives at Southwark Crown Court in London on Monday.",
     "weekday-differs", "Monday"),
    ([COURT], "Declan Murphy leaves Southwark Crown Court after the hearing on Wednesday.",
     "weekday-differs", "Wednesday"),
    (["Maria Lopez, 41, was sentenced at Manchester Crown Court on Friday."],
     "Maria Lopez leaves Manchester Crown Court after sentencing on Thursday.",
     "weekday-differs", "Thursday"),
    (["Keir Starmer spoke to reporters outside 10 Downing Street on Thursday."],
     "Keir Starmer speaks to reporters outside 10 Downing Street on Wednesday.",
     "weekday-differs", "Wednesday"),
    # a second day in the body sentence that is not the caption's ("75 days before")
    (["The candidates face off in Atlanta on Thursday night, just 75 days before primary voting begins."],
     "The candidates face off in Atlanta on Friday night, 75 days before primary voting begins.",
     "weekday-differs", "Friday"),
    # the caption's "last year" is also the body sentence's
    (["Prince Harry spoke of his eviction from Frogmore Cottage in Windsor last year."],
     "Prince Harry spoke of his eviction from Frogmore Cottage in Glasgow last year.",
     "place-differs", "Glasgow"),
    # the place's words stand between the day and the verb or noun in the body sentence
    (["Hundreds of mourners attended the funeral of the singer at St Paul's Cathedral in London on Friday."],
     "Mourners arrive for the singer's funeral at St Paul's Cathedral on Thursday.",
     "weekday-differs", "Thursday"),
    # the body places the event by a name it also uses as a place ("the Gdańsk ... Festival")
    ([FESTIVAL, FESTIVAL_VENUE],
     "Actors from a Kyiv company perform Hamlet on the opening night of the Shakespeare festival "
     "in Gdynia on Friday.", "place-differs", "Gdynia"),
    (["The Leeds Literary Festival opened on Thursday with a reading by the poet Simon Armitage.",
      "Armitage read to a full house at the Leeds Playhouse."],
     "Simon Armitage reads at the opening of the literary festival in York on Thursday.",
     "place-differs", "York"),
    # the same event told with other words: the person (a surname) and the place
    # or other content words shared, another verb or noun around the day
    (["Finland’s foreign minister, Aino Lehtinen, arrived in Kyiv on Tuesday on an unannounced visit.",
      "Ms Lehtinen toured a damaged substation with officials from the grid operator."],
     "Aino Lehtinen, Finland’s foreign minister, at a damaged substation near Kyiv on Monday.",
     "weekday-differs", "Monday"),
    (["Chancellor Olaf Brandt visited the flooded town of Passau on Thursday, meeting rescue workers."],
     "Olaf Brandt speaks with rescue workers in Passau on Friday.", "weekday-differs", "Friday"),
    (["Malmö city council on Tuesday approved plans for a 120-hectare solar park east of the city."],
     "Malmö city councillors voted on the solar park plans on Wednesday.", "weekday-differs", "Wednesday"),
    # the body sentence gives the caption's day too, but for another action
    ([RABAT], "Rania Haddadin arrives in Rabat on Wednesday.", "weekday-differs", "Wednesday"),
    ([RABAT], "Jordan's Foreign Minister Rania Haddadin is welcomed at the airport after she arrived "
              "in Rabat on Wednesday.", "weekday-differs", "Wednesday"),
    (["Olaf Brandt landed in Kyiv on Monday and visited the front line near Kharkiv on Tuesday."],
     "Olaf Brandt lands in Kyiv on Tuesday.", "weekday-differs", "Tuesday"),
    (["Ms Kowal, who arrived in Oslo on Sunday, met the prime minister on Monday."],
     "Anna Kowal arrives in Oslo on Monday.", "weekday-differs", "Monday"),
    # on the same day, the body's verb before its place is a word of the caption's thing
    ([TRAINED], "Lechia players during their final training session in Gdynia on Friday.",
     "place-differs", "Gdynia"),
    ([TRAINED], "Lechia players during the final training session in Gdynia on Friday.",
     "place-differs", "Gdynia"),
    (["Lechia trained in Gdańsk on Friday."],
     "Lechia players at their last training session in Gdynia on Friday.", "place-differs", "Gdynia"),
    (["Lechia players trained in Gdańsk on Friday."],
     "Lechia players at the training ground in Gdynia on Friday.", "place-differs", "Gdynia"),
    # the one day the body gives the caption's person, a word besides the name shared
    (["Keir Starmer gave a speech on Thursday about the economy.", "He said growth would return."],
     "Starmer speaks about the economy on Friday.", "weekday-differs", "Friday"),
    (["Keir Starmer gave a speech in Leeds on Thursday about the economy."],
     "Keir Starmer delivers his speech in Leeds on Friday.", "weekday-differs", "Friday"),
    # a court named in both, the person not named in the body's sentence
    (["A former care home manager was jailed for four years at Paisley Sheriff Court on 14 May.",
      "Fiona McCallister, 49, admitted embezzling money from residents."],
     "Fiona McCallister leaves Paisley Sheriff Court after being sentenced on 15 May.",
     "date-differs", "15 May"),
    (["The council approved the stadium plan at a packed meeting at City Hall on May 14."],
     "Council members vote on the stadium plan at City Hall on May 15.", "date-differs", "May 15"),
    # the caption's definite thing placed elsewhere, on the body's day
    (["A shipyard crane in Gdansk reopened on Saturday as a concert stage.",
      "The pianist Marta Zielinska played at the opening concert."],
     "Marta Zielinska performs beneath the restored crane in Gdynia on Saturday.", "place-differs", "Gdynia"),
    (["The new bridge in Rotterdam opened to traffic on Monday after four years of work."],
     "Cyclists cross the new bridge in Antwerp on Monday.", "place-differs", "Antwerp"),
    # a place named after its kind ("the port of Gdynia")
    (["Defence Minister Anna Kowal visited troops at the port of Gdansk on Tuesday."],
     "Anna Kowal visits troops at the port of Gdynia on Tuesday.", "place-differs", "Gdynia"),
    # The event reading: a body sentence about the caption's event by the words the two share,
    # whatever verb governs the day, across tenses and noun forms ("arriving" / "arrived",
    # "her sentencing" / "was sentenced", "reopening" / "opened", "announced" in a relative clause).
    (["The Irish rugby squad arrived in Cape Town on Monday ahead of the first Test against South Africa.",
      "The players trained at the university grounds on Tuesday afternoon."],
     "Irish rugby squad members arriving at Cape Town airport on Tuesday.", "weekday-differs", "Tuesday"),
    (["Vera Lindqvist was sentenced to six years in prison on 12 March for defrauding pensioners "
      "in Uppsala."],
     "Vera Lindqvist is led from Uppsala court after her sentencing on 13 March.",
     "date-differs", "13 March"),
    (["The Danish prime minister, Mette Holm, announced her resignation on Thursday after losing a "
      "confidence vote."],
     "Mette Holm, who announced her resignation on Friday, at a party conference in 2019.",
     "weekday-differs", "Friday"),
    (["Engineers opened the rebuilt Hammersmith bridge to buses on Saturday after five years of repairs."],
     "The first bus crosses the rebuilt Hammersmith bridge at its reopening on Sunday.",
     "weekday-differs", "Sunday"),
    (["Lawmakers in Vilnius voted on Wednesday to extend the state of emergency by three months."],
     "Lawmakers leave the chamber in Vilnius after the vote on Tuesday.", "weekday-differs", "Tuesday"),
    (["Hundreds of protesters gathered outside parliament in Valletta on Wednesday."],
     "On Thursday, protesters gather outside parliament in Valletta.", "weekday-differs", "Thursday"),
    (["Amara Okafor won the national chess title in Abuja on Saturday, beating the defending champion."],
     "Okafor celebrates her national chess title in Abuja on Sunday.", "weekday-differs", "Sunday"),
    # ... a reaction the body tells of too, or by the body's own person ("McGregor celebrates")
    (["Thousands of fans celebrated the league title outside Celtic Park on Saturday night."],
     "Fans celebrate the league title outside Celtic Park on Sunday.", "weekday-differs", "Sunday"),
    (["Callum McGregor lifted the league trophy at Celtic Park on Saturday after a 3-0 win over Dundee."],
     "Callum McGregor celebrates with the league trophy at Celtic Park on Sunday.",
     "weekday-differs", "Sunday"),
    # ... the day the body gives the event the caption names before its day ("after the funeral
    # on Monday"), in a sentence that opens with it; another day in the body is another action's
    (["The flamenco singer Rosa Marín died last week at the age of 91.",
      "Her funeral was held on Tuesday at the cathedral in Cádiz, where the bishop read a poem she had "
      "written.",
      "The regional government in Seville said on Monday that a street would carry her name."],
     "Relatives leave the cathedral carrying flowers after the funeral on Monday.",
     "weekday-differs", "Monday"),
    (["Councillors in Galway backed the cycle lane plan by 21 votes to 9.",
      "The vote took place on Thursday after a long debate in the chamber."],
     "Cyclists wait outside the chamber during the vote on Wednesday.", "weekday-differs", "Wednesday"),
    (["Judge Ana Ruiz heard the case in Leeds.",
      "The hearing lasted two hours and ended on Tuesday with a guilty verdict."],
     "Family members outside Leeds Crown Court after the hearing on Wednesday.",
     "weekday-differs", "Wednesday"),
    (["The wedding took place on Saturday at a small chapel in Galway.", "Guests travelled from Boston."],
     "The couple leave the chapel after their wedding on Sunday.", "weekday-differs", "Sunday"),
    # ... a sentence about the event without a day takes the story's one day
    (["A school choir from Cardiff won the national youth choir competition on Saturday.",
      "The 30 singers from Ysgol Glan Taf beat 40 other choirs at the final in Manchester."],
     "Ysgol Glan Taf singers on stage at the final in Manchester on Friday.", "weekday-differs", "Friday"),
    (["Harbour workers in Aberdeen walked out on 2 June over a pay offer.",
      "Members of the Unite union picketed the North Pier gates of Aberdeen harbour for twelve hours."],
     "Unite members picket the North Pier gates of Aberdeen harbour on 3 June.", "date-differs", "3 June"),
    (["The city council approved the new budget after a six-hour debate.",
      "The vote took place on Monday, with 31 councillors in favour."],
     "Councillors debate the new budget at the city council on Tuesday.", "weekday-differs", "Tuesday"),
    (["The singer Joan Baptiste was honoured at a ceremony in Port-au-Prince on Friday.",
      "Baptiste received the national order of merit from the president."],
     "Joan Baptiste receives the national order of merit in Port-au-Prince on Saturday.",
     "weekday-differs", "Saturday"),
    # ... a span of days in the body sentence that is another action's (how long they were
    # stranded, not the rescue the caption shows)
    (["Eleven cavers who had been stranded for three days in a flooded passage near Bulmer were led "
      "out on Tuesday, the rescue team said."],
     "A rescued caver is helped from the cave mouth near Bulmer on Monday.", "weekday-differs", "Monday"),
    (["Twelve fishermen adrift for five days off Tonga were brought ashore in Nuku'alofa on Thursday."],
     "One of the rescued fishermen is helped ashore in Nuku'alofa on Friday.", "weekday-differs", "Friday"),
    # ... a place on the caption's day, the event told in other words ("launch", "went on display")
    (["Forty drawings by Paula Rego went on display at the Casa das Historias in Cascais on Friday."],
     "Guests view Paula Rego's drawings at the launch of the show in Lisbon on Friday.",
     "place-differs", "Lisbon"),
    # ... the body's place after words that describe it ("at a packed Wigmore Hall")
    (["The cellist Mira Osei gave her final recital on Saturday at a packed Wigmore Hall in London."],
     "Mira Osei takes a bow after her final recital at the Barbican on Saturday.",
     "place-differs", "Barbican"),
    # ... on the same day, no name shared, but three words, two of them the caption's definite thing
    (["The first electric ferry on the new cross-harbour line docked in Kiel on Monday, the operator said."],
     "Passengers leave the first electric ferry on the new line in Lübeck on Monday.",
     "place-differs", "Lübeck"),
    (["The first electric ferry on the new cross-harbour line docked in Kiel on Monday, the operator said."],
     "Passengers leave the first electric ferry on the new line in Lübeck.", "place-differs", "Lübeck"),
    # ... the body's noun before its place is a word of the caption's thing ("concert")
    (["The jazz festival ended on Saturday with a concert in Montreux's main hall attended by "
      "4,000 people."],
     "The saxophonist Lena Brandt plays at the closing concert of the jazz festival in Lausanne.",
     "place-differs", "Lausanne"),
    ([MAYOR, "Navarro said the council would act."], "Maria Naverro at the council meeting.",
     "name-spelling", "Naverro"),
    # one part of the body person's full name spelled otherwise: the given name (other vowels),
    # or the surname beside the same given name
    (["The coach, Jonathan Pryce, said the team was ready.", "Pryce has led the side since 2021."],
     "Coach Jonathon Pryce watches training.", "name-spelling", "Jonathon"),
    (["The coach, Jonathan Pryce, said the team was ready.", "Pryce has led the side since 2021."],
     "Coach Jonathan Price watches training.", "name-spelling", "Price"),
    (["Anna Kowalska, who runs the plant, said it would close."],
     "Anna Kowalski outside the plant.", "name-spelling", "Kowalski"),
    # the caption has the only full name; the body spells the surname alone, twice
    (["Mayor Navarro said rents had doubled.", "Navarro said the council would act."],
     "Maria Naverro at the council meeting.", "name-spelling", "Naverro"),
    # a place's name (no person's) one letter off the body's: two letters swapped, one left out
    (["The new water plant in Antananarivo will serve 400,000 homes, the utility said."],
     "Engineers inspect the filters at the new plant in Antananarvio.", "name-spelling", "Antananarvio"),
    (["Rain in Huehuetenango has cut the road to the border for a week."],
     "A lorry stuck on the road near Huehuetenago.", "name-spelling", "Huehuetenago"),
]

PASS = [
    # a name one letter from a body word that is another form of it, or another word
    (["Kenya's health ministry said the outbreak was contained."],
     "A Kenyan nurse at the clinic in Kisumu."),
    (["The Kessel-Festival drew 20,000 visitors to the city."], "Crowds at the Kesselfestival."),
    (["The museum tells the history of Communism in Poland."],
     "A poster of a young Communist in the museum's first room."),
    # a place against a person's surname, a name of several words against a shorter one
    (["Jane Austen, the museum's director, said the show would travel.", "Austen said it was ready."],
     "The exhibition opens in Austin."),
    (["Work and Pensions Secretary Liz Kendall opened the jobcentre on Thursday."],
     "Crowds in Kendal on Thursday."),
    (["Students from Colombia arrived in New York on Monday for the exchange."],
     "Colombian students outside Columbia University in New York."),
    # two real places, or a country and its people, one letter apart; a word of the dictionary
    (["Police were called to a house in Harlow, Essex, on Monday night."],
     "The suspect appeared at a court in Harrow on Wednesday."),
    (["The caravan set off from northern Honduras on Monday."],
     "A group of Honduran migrants rest by the road near Tapachula."),
    (["The surgeon, Tom Bolton, led the team that performed the transplant."],
     "Staff at a hospital in Boston where the technique was first tried."),
    # two body names one letter from the caption's: which one?
    (["Voters in Marlow and in Harlow go to the polls on Thursday."],
     "A polling station in Barlow."),
    # the caption agrees with the body
    ([LEDE], "Esmail Qaani travelled to Iraq on Wednesday."),
    # a different event on a different day
    ([LEDE, "US President Donald Trump on Tuesday blamed Iran for instability in the Middle East."],
     "Esmail Qaani travelled to Iraq on Wednesday."),
    # a caption about something the body does not tell
    ([LEDE], "A woman passes an anti-US mural in Tehran, Iran, on Monday."),
    # the caption's place is more precise than the body's
    (["Protesters marched through Iran on Friday against the new law."],
     "Protesters marched through Tehran, Iran on Friday."),
    # the body tells of several days for such events
    (["The team trained at the stadium on Monday.", "The team trained at the stadium on Thursday."],
     "The team trained at the stadium on Wednesday."),
    # a bound is not the day of the event
    (["No aid has reached the Gaza Strip since 2 March, the UN agency said."],
     "Aid queues in the Gaza Strip on 24 April, the UN agency said."),
    # the body mentions the caption's place: it may be another moment of the story
    ([LEDE, "He later flew on to Erbil for talks."], "Esmail Qaani travelled to Erbil on Wednesday."),
    # entries of a timeline, each with its own date
    (["Sept. 29, 1946: Rams first game at the Coliseum against the Chicago Bears."],
     "Sept. 6, 1946: The Rams play a night game at the Coliseum."),
    # the body sentence tells of two days ("on Tuesday, a day after ...")
    ([TRACTORS], "Farmers drive tractors along the ring road outside Kraków on Monday."),
    (["The march ended in Kraków on Tuesday, the day after tractors blocked the ring road around Kraków."],
     "Tractors block the ring road around Kraków on Monday."),
    # the caption tells of the body's day as the day before its own
    (["Leeds United fans celebrated at Elland Road on Saturday after promotion."],
     "Leeds United fans celebrate in the city centre on Sunday, a day after promotion."),
    # another body sentence gives the caption's day for what it shows
    ([TRACTORS, "On Monday, convoys of tractors closed stretches of the ring road."],
     "Farmers drive tractors along the ring road outside Kraków on Monday."),
    # file photos, of another day
    ([COURT], "Declan Murphy arrives at Southwark Crown Court in London on Monday. File photo"),
    ([COURT], "File photo: Declan Murphy arrives at Southwark Crown Court on Monday."),
    ([COURT], "Declan Murphy arrives at Southwark Crown Court on Monday, May 3, 2021."),
    ([COURT], "Declan Murphy arrives at Southwark Crown Court on Monday last year."),
    # another person at the same court
    ([COURT], "Imran Qureshi arrives at Southwark Crown Court for a hearing on Monday."),
    # the caption names the body's place too, more precisely
    ([FESTIVAL, FESTIVAL_VENUE],
     "Actors perform Hamlet on the opening night of the Shakespeare festival in Gdańsk's Old Town "
     "on Friday."),
    # the word before the festival's name is not a place the body names
    ([FESTIVAL.replace("Gdańsk", "Kowalski"), FESTIVAL_VENUE.replace("Gdańsk", "Baltic")],
     "Actors from a Kyiv company perform Hamlet on the opening night of the Shakespeare festival "
     "in Gdynia on Friday."),
    # the body sentence tells of two days: which is the caption's event's?
    (["Fans lined the road into Rabat on Tuesday to welcome the team, which beat Angola in Dakar on Sunday."],
     "Salma Benjelloun lifts the trophy after the final against Angola in Dakar on Monday."),
    # the body tells of the caption's day elsewhere
    (["Ms Lehtinen arrived in Kyiv on Tuesday.", "Ms Lehtinen returned to Helsinki on Wednesday."],
     "Aino Lehtinen at a substation near Kyiv on Wednesday."),
    # ... in a paragraph that shares none of the caption's words
    (["Finland’s foreign minister, Aino Lehtinen, arrived in Kyiv on Tuesday on an unannounced visit.",
      "On Monday, talks went late into the evening."],
     "Aino Lehtinen, Finland’s foreign minister, at a damaged substation near Kyiv on Monday."),
    # another person named at the same court
    (["Mark Rowe, 49, of Renfrew, was jailed at Paisley Sheriff Court on 14 May."],
     "Fiona Blair leaves Paisley Sheriff Court after being sentenced on 15 May."),
    # the body's day is still to come
    (["Malmö city council will vote on the solar park plans on Thursday."],
     "Malmö city councillors debate the solar park plans on Wednesday."),
    # one rally of many ("a rally in Karachi"); a verb before the place ("arrive in")
    (["Supporters held a protest rally in Peshawar on Wednesday against the strikes."],
     "Activists shout slogans during a protest rally in Karachi on Wednesday."),
    (["The King arrived in the House of Lords on Tuesday to read the speech."],
     "The King and Queen arrive in the Norman Porch on Tuesday."),
    # a definite thing, but on another day: perhaps another visit
    (["A shipyard crane in Gdansk reopened on Saturday as a concert stage."],
     "Marta Zielinska performs beneath the restored crane in Gdynia on Friday."),
    # the body names the caption's port too: another stop of the visit
    (["Defence Minister Anna Kowal visited troops at the port of Gdansk on Tuesday.",
      "She then sailed on to Gdynia."],
     "Anna Kowal visits troops at the port of Gdynia on Tuesday."),
    # the caption's day is the body's for what the caption shows, or only a name is shared
    (["Smith arrived in Paris on Tuesday and spoke at the summit on Wednesday."],
     "John Smith speaks in Paris on Wednesday."),
    (["Smith arrived in Paris on Tuesday and spoke at the summit on Wednesday."],
     "John Smith in Paris on Wednesday."),
    ([RABAT], "Rania Haddadin holds talks with Karim Bennani in Rabat on Wednesday."),
    ([RABAT], "Rania Haddadin and Karim Bennani in Rabat on Wednesday."),
    (["The minister arrived in Rabat on Tuesday and arrived in Fez on Wednesday."],
     "The minister arrived in Fez on Wednesday."),
    # the caption's thing on another day, an indefinite one, or the body names the caption's place
    ([TRAINED], "Lechia players during their final training session in Gdynia on Thursday."),
    ([TRAINED], "Fans watch a training session in Gdynia on Friday."),
    (["Supporters held a protest rally in Peshawar on Wednesday against the strikes."],
     "Activists during their protest march in Karachi on Wednesday."),
    ([TRAINED, "The reserves trained in Gdynia on Friday."],
     "Lechia players during their final training session in Gdynia on Friday."),
    (["The first team trained in Gdańsk on Friday."],
     "Youth players during their own training session in Gdynia on Friday, run by the academy."),
    # the person's actions on several days, the caption's day given elsewhere, only the name
    # shared, another year, or the body's day still to come
    (["Keir Starmer gave a speech in Leeds on Thursday.", "Starmer met voters in York on Friday."],
     "Starmer speaks on Saturday."),
    (["Keir Starmer gave a speech in Leeds on Thursday.", "On Friday the party published its plans."],
     "Starmer speaks in Leeds on Friday."),
    (["Tom Smith was elected party leader on Saturday.", "He thanked members."],
     "Tom Smith campaigns in Leeds on Tuesday."),
    (["Keir Starmer gave a speech about the economy on Thursday."],
     "Starmer speaks about the economy in 2023."),
    (["Keir Starmer will give a speech in Leeds on Thursday."], "Keir Starmer speaks in Leeds on Monday."),
    # The event reading's traps: the caption's day is the body's for another action sharing
    # the caption's words; an event
    # of several days; two days in the story; a plan; a year in the caption; another
    # person; the caption's thing placed by another word.
    (["The Irish rugby squad arrived in Cape Town on Monday.",
      "The Irish squad trained in Cape Town on Tuesday."],
     "Irish rugby squad members train in Cape Town on Tuesday."),
    (["The three-day food festival in Ludlow closed on Sunday.",
      "Crowds packed the food festival in Ludlow castle grounds."],
     "Crowds at the food festival in Ludlow on Friday."),
    (["A school choir from Cardiff won its semi-final on Friday and the final on Saturday.",
      "The 30 singers from Ysgol Glan Taf beat 40 other choirs at the final in Manchester."],
     "Ysgol Glan Taf singers on stage in Manchester on Thursday."),
    (["Rivers Angels arrived in Lisbon on Tuesday.",
      "Rivers Angels will play Braga in the semi-final at the Seixal complex in Lisbon."],
     "Rivers Angels players face Braga at the Seixal complex in Lisbon on Saturday."),
    (["Mette Holm announced her resignation on Thursday after losing a confidence vote."],
     "Mette Holm announces a confidence vote on Friday in 2019."),
    (["Mette Holm announced her resignation on Thursday after losing a confidence vote."],
     "Mette Holm, who announced her resignation on Thursday, at a party conference in 2019."),
    (["Vera Lindqvist was sentenced to six years in prison on 12 March for defrauding pensioners "
      "in Uppsala."],
     "Anders Berg is led from Uppsala court after sentencing in the pensions case on 13 March."),
    (["The jazz festival ended on Saturday with a concert in Montreux attended by 4,000 people.",
      "Brandt had rehearsed in Lausanne."],
     "The saxophonist Lena Brandt plays at the closing concert of the jazz festival in Lausanne."),
    (["The jazz festival ended on Saturday with a reception in Montreux attended by 4,000 people."],
     "The saxophonist Lena Brandt plays at the closing concert of the jazz festival in Lausanne."),
    (["Lawmakers in Vilnius voted on Wednesday to extend the state of emergency.",
      "On Tuesday, opposition lawmakers walked out of the chamber in protest."],
     "Opposition lawmakers leave the chamber in Vilnius on Tuesday."),
    (["The Prime Minister, Kamala Singh, opened the new cancer hospital in Durban on 4 April.",
      "Singh then flew to Pretoria, where she met union leaders on 5 April."],
     "Kamala Singh meets union leaders in Pretoria on 5 April."),
    (["Striking nurses marched to the health ministry in Nairobi on Thursday.",
      "Nurses in Mombasa held a sit-in at the county hospital."],
     "Striking nurses at a sit-in at the county hospital in Mombasa on Thursday."),
    (["The team won the cup final at Wembley on Saturday.",
      "Thousands of fans lined the streets of Luton for the victory parade."],
     "Fans line the streets of Luton for the victory parade on Sunday."),
    # another person of the family: the body names both, or the names differ by more than
    # a vowel, or by a gendered ending; a short form of the given name
    (["Mark Smith and his wife Mary said the farm had flooded twice."], "Mary Smith in the flooded yard."),
    (["Mark Smith said the farm had flooded twice."], "Mary Smith, his wife, in the flooded yard."),
    (["Daniel Rossi said the farm had flooded twice."], "Daniela Rossi, his sister, in the yard."),
    (["Coach Stephen Pryce said the team was ready."], "Steven Pryce watches training."),
    (["Coach Jonathan Pryce said the team was ready."], "Jon Pryce watches training."),
    # the story's day is another action's, the person's only in common; the day-less sentence
    # tells of an earlier time; a summit of several days, or one whose sentence gives two
    (["Ukrainian President Volodymyr Zelensky met Pope Leo at the Vatican on Saturday.",
      "Zelensky visited troops near Kharkiv during a tour of the front."],
     "Volodymyr Zelensky visits troops near Kharkiv on Thursday."),
    (["Ukrainian President Volodymyr Zelensky met Pope Leo at the Vatican on Saturday and thanked him.",
      "Zelensky had earlier visited troops near Kharkiv."],
     "Volodymyr Zelensky visits troops near Kharkiv on Thursday."),
    (["The two-day summit of Mediterranean leaders in Rome ended on Friday with a joint statement."],
     "Mediterranean leaders pose for a photo at the summit in Rome on Thursday."),
    (["The summit of Mediterranean leaders in Rome, which opened on Wednesday, ended on Friday."],
     "Mediterranean leaders pose for a photo at the summit in Rome on Thursday."),
    # the caption's action is the one the body sentence spreads over several days; the two
    # sentences share only the place's name around their days (searching is not finding)
    (["The body of a missing diver was recovered in Loch Fyne on Tuesday by police teams who had "
      "spent three days searching the loch."],
     "Police divers search the water near Inveraray in Loch Fyne on Saturday."),
    (["Volunteers found the missing walker in Glen Affric on Sunday after a search lasting four days."],
     "Mountain rescue volunteers search the hillside in Glen Affric on Friday."),
    # another day and another place than the body sentence's: another session, another visit
    (["The Irish rugby squad trained in Cape Town on Monday."],
     "Irish rugby squad members training in Durban on Tuesday."),
    (["Forty drawings by Paula Rego went on display in Cascais on Friday."],
     "Guests view Paula Rego's drawings at the launch of the show in Lisbon on Monday."),
    (["Defence Minister Anna Kowal visited troops at the port of Gdansk on Tuesday."],
     "Anna Kowal visits troops at the port of Gdynia on Wednesday."),
    # the caption's event is not the subject of the body's sentence ("reached the final"), is
    # still to come, is a thing (a plant), or the body gives the caption's day for it too
    (["Ferrol reached the cup final on Tuesday by beating Lugo 2-0.", "Ferrol play Ourense next."],
     "Ferrol fans watch the final on Sunday."),
    (["The funeral will be held on Saturday in Cádiz.", "Rosa Marín died last week."],
     "Rosa Marín's family at the funeral on Friday."),
    (["The new battery plant opened on Thursday with 900 jobs."], "Workers at the plant on Monday."),
    (["Her funeral was held on Tuesday at the cathedral in Cádiz.",
      "A memorial concert took place on Monday, the day before the funeral."],
     "Musicians play at the concert on Monday."),
    # others reacting to the body's event, perhaps a day later ("supporters celebrate the title")
    (["Celtic won the league title on Saturday with a 3-0 win over Dundee at Celtic Park."],
     "Supporters celebrate the title outside Celtic Park on Sunday."),
    (["Rangers won the Scottish Cup on Saturday, beating Hibernian 2-1 at Hampden Park."],
     "Rangers fans celebrate the cup win at Hampden Park on Sunday."),
    (["Celtic won the league title on Saturday with a 3-0 win over Dundee at Celtic Park."],
     "Celebrations outside Celtic Park on Sunday after the title win."),
    # a ferry, not the caption's definite thing; a name before another noun is not a place
    # ("a packed Wigmore Hall press event"); another day; the body names the caption's place
    (["The first electric ferry on the new cross-harbour line docked in Kiel on Monday, the operator said."],
     "Passengers board a ferry in Lübeck on Monday."),
    (["The first electric ferry on the new cross-harbour line docked in Kiel on Monday, the operator said."],
     "A model of the first electric ferry on the new line at a trade fair in Hamburg."),
    (["The cellist Mira Osei gave her final recital on Saturday at a packed Wigmore Hall press event."],
     "Mira Osei takes a bow after her final recital at the Barbican on Saturday."),
    (["The cellist Mira Osei gave her final recital on Saturday at a packed Wigmore Hall in London."],
     "Mira Osei rehearses at the Barbican on Friday before her final recital."),
    (["The first electric ferry on the new cross-harbour line docked in Kiel on Monday, the operator said.",
      "A second ferry is being fitted out in a yard near Lübeck."],
     "Passengers leave the first electric ferry on the new line in Lübeck on Monday."),
    # a named part of a town the body names: perhaps of the body's town
    (["The flamenco festival opened in Seville on Friday with a performance by the dancer Lucía Carmona."],
     "The dancer Lucía Carmona performs at the opening of the flamenco festival in the Triana district "
     "on Friday."),
    # names spelled the same way
    ([MAYOR], "Maria Navarro at the council meeting."),
    # two different people
    (["Karin Nilsen chairs the board.", "Nilsen said the vote was fair."], "Erik Nielsen, the treasurer."),
]


@pytest.mark.parametrize("body,caption,rule,quote", FLAG)
def test_flags(body, caption, rule, quote):
    found = findings(draft(*body, ("image", caption)), CHECK)
    image_id = f"img{len(body) + 1}"
    assert [(a.rule, a.target.block_id, a.target.quote) for a in found] == [(rule, image_id, quote)]
    assert found[0].severity == "warning"
    assert found[0].related and all(t.block_id.startswith("p") for t in found[0].related)


@pytest.mark.parametrize("body,caption", PASS)
def test_passes(body, caption):
    assert findings(draft(*body, ("image", caption)), CHECK) == []


# A weekday and a date compared through the article's date (Friday 23 May 2025):
# "on Thursday" is 22 May.
PLANT = "A chip testing plant opened in Bac Ninh province on Thursday, the largest of its kind in Vietnam."


@pytest.mark.parametrize("body,caption,expected", [
    ([PLANT], "Workers at the chip testing plant in Bac Ninh province at its opening on 22 May.", []),
    ([PLANT], "Workers at the chip testing plant in Bac Ninh province at its opening on 21 May.",
     [("date-differs", "21 May")]),
    (["The chip testing plant in Bac Ninh province opened on 22 May with 2,000 workers."],
     "Workers at the chip testing plant in Bac Ninh province at its opening on Thursday.", []),
    (["The chip testing plant in Bac Ninh province opened on 22 May with 2,000 workers."],
     "Workers at the chip testing plant in Bac Ninh province at its opening on Wednesday.",
     [("weekday-differs", "Wednesday")]),
])
def test_a_weekday_against_a_date_through_the_article_date(body, caption, expected):
    article = draft(*body, ("image", caption), published_at="2025-05-23T10:00:00+07:00")
    assert [(a.rule, a.target.quote) for a in findings(article, CHECK)] == expected


def test_weekday_suggestion_and_related_point_at_the_body():
    (ann,) = findings(draft(LEDE, ("image", "Esmail Qaani travelled to Iraq on Tuesday.")), CHECK)
    assert ann.suggestion.action == "replace" and ann.suggestion.text == "Wednesday"
    assert [(t.block_id, t.quote) for t in ann.related] == [("p1", "Wednesday")]
    assert ann.data == {"caption": "Tuesday", "body": "Wednesday"}


def test_name_spelling_suggests_the_body_spelling_and_name_consistency_agrees():
    article = draft(MAYOR, "Navarro said the council would act.", ("image", "Maria Naverro at the meeting."))
    (ann,) = findings(article, CHECK)
    assert ann.suggestion.text == "Navarro"
    assert {t.block_id for t in ann.related} == {"p1", "p2"}
    # name-consistency reports the same word too (issue 7: it covers captions).
    assert [(a.target.block_id, a.target.quote) for a in findings(article, "name-consistency")
            if a.rule == "surname-spelling"] == [("img3", "Naverro")]


def test_other_languages_are_not_read_for_place_spellings():
    # (German capitalises every noun, "Kinder" and "Rinder"; and only English's word list is loaded)
    article = draft("Das Hochwasser erreichte am Montag auch Regensburg, teilte die Stadt mit.",
                    ("image", "Sandsäcke am Montag in Regensbrug an der Donau."), language="de")
    assert findings(article, CHECK) == []


def test_an_inline_credit_is_not_read_as_the_caption():
    article = draft(MAYOR, "Navarro said the council would act.",
                    ("image", "Maria Navarro at the meeting. Jane Navarra/Reuters"))
    assert findings(article, CHECK) == []


def test_a_repeated_caption_is_reported_once():
    caption = "Esmail Qaani travelled to Iraq on Tuesday."
    found = findings(draft(LEDE, ("image", caption), ("image", caption)), CHECK)
    assert [a.target.block_id for a in found] == ["img2"]


def test_other_languages_are_only_checked_for_names():
    article = draft("Die Feuerwehr löschte den Brand in Leith am Montag.",
                    ("image", "Die Feuerwehr löschte den Brand in Dundee am Montag."), language="de")
    assert findings(article, CHECK) == []


def test_no_captions_no_findings():
    assert findings(draft(LEDE, FIRE), CHECK) == []


def test_seed_text_raises_nothing(shared):
    text = (shared / "seed" / "000_a627ffa290a88477.txt").read_text(encoding="utf-8")
    assert findings(article_from_text(text), CHECK) == []


def test_seed_json_raises_nothing(shared):
    data = json.loads((shared / "examples" / "seed-article.json").read_text(encoding="utf-8"))
    assert findings(article_from_json(data), CHECK) == []


# Body sentences about the caption's event that give several days: the one around whose
# day stand the words of the caption's clause that holds its day tells of its action.
SEIZED = ("Prosecutors in Shetland on Tuesday charged the skipper of a Faroese trawler seized by a "
          "fisheries patrol with landing undeclared mackerel.")
BOARDED = ("The patrol boarded the Faroese trawler on 3 June west of Lerwick after spotting it inside "
           "a closed zone.")


@pytest.mark.parametrize("caption,expected", [
    ("The seized Faroese trawler moored in Shetland after it was boarded by the fisheries patrol on 4 June.",
     [("date-differs", "4 June", ["3 June"])]),
    ("The seized Faroese trawler moored in Shetland after it was boarded by the fisheries patrol on 3 June.",
     []),
])
def test_the_day_of_the_action_the_caption_dates(caption, expected):
    article = draft(SEIZED, BOARDED, ("image", caption), published_at="2025-06-12T10:00:00+01:00")
    assert [(a.rule, a.target.quote, [t.quote for t in a.related])
            for a in findings(article, CHECK)] == expected
