"""Counts read from sentences: what they count, their range, and the event they belong to."""

from __future__ import annotations

from datetime import date

from storyfold.facts.event import choose_casualties, default_time_finder, main_event, simple_times
from storyfold.facts.lines import Lines
from storyfold.facts.quantities import find_quantities, parse_number
from storyfold.textproc import split_sentences


def _kinds(sentence: str) -> list[tuple[str, int | None, int | None]]:
    return [(q.kind, q.low, q.high) for q in find_quantities(sentence, 0, 2014)]


def test_number_words_and_vague_plurals() -> None:
    assert parse_number("1,200") == (1200, 1200)
    assert parse_number("a thousand") == (1000, 1000)
    assert parse_number("twenty-one") == (21, 21)
    assert parse_number("2.5 million") == (2_500_000, 2_500_000)
    assert parse_number("dozens") == (24, None)


def test_casualty_kinds_and_qualifiers() -> None:
    assert ("killed", 3, 3) in _kinds("The gunman killed three people and wounded 12 others.")
    assert ("injured", 12, 12) in _kinds("The gunman killed three people and wounded 12 others.")
    assert _kinds("At least 40 people were arrested and up to 300 remain missing.") == [
        ("arrested", 40, None),
        ("missing", None, 300),
    ]
    assert _kinds("Thousands of residents were displaced.") == [("displaced", 2000, None)]


def test_none_and_singular_victims() -> None:
    assert _kinds("No one was injured.") == [("injured", 0, 0)]
    assert _kinds("No one else was hurt.") == []
    assert ("killed", 1, 1) in _kinds("A 23-year-old man was shot and killed Tuesday night.")
    assert ("killed", 2, 2) in _kinds("Five people were shot, two fatally.")


def test_money_and_other_counts_keep_their_unit() -> None:
    found = find_quantities("Damage was estimated at $1.5 million and 12 homes burned.", 0)
    money = next(q for q in found if q.kind == "money")
    assert (money.low, money.unit) == (1_500_000, "USD")
    homes = next(q for q in found if q.kind == "count")
    assert (homes.low, homes.unit) == (12, "homes")


def test_shot_victims_count_as_injured_unless_killed() -> None:
    one_shot = find_quantities("A man was shot in the leg.", 0)
    assert choose_casualties(one_shot)[:2] == (0, 1)
    killed = find_quantities("A man was shot and killed.", 0) + find_quantities("He was shot twice.", 1)
    assert choose_casualties(killed)[:2] == (1, 0)


def test_day_expressions_resolve_against_publication() -> None:
    sat = date(2020, 10, 31)
    values = [t.value for t in simple_times("fighting on Friday and yesterday, and on Oct. 28", sat)]
    assert values == ["2020-10-30", "2020-10-30", "2020-10-28"]
    assert simple_times("on Friday", None) == []


def test_ages_in_apposition_are_not_counts_and_hospital_counts_are_injured() -> None:
    # sentences from gvc articles (Little Rock hotel shooting; Kokomo bar shooting; New York family shooting)
    listed = "Calvin Williams, 24 was shot in the chest, Kalone Mcgee, 26 was shot in the left leg."
    assert all(low in (None, 1) for _, low, _ in _kinds(listed))
    assert ("injured", 12, 12) in _kinds("In Chicago, 12 people were wounded over the weekend.")
    assert ("injured", 4, 4) in _kinds(
        "Police are investigating a shooting at a bar that sent 4 people to the hospital."
    )
    assert ("injured", 3, 3) in _kinds("Three people were taken to the hospital with gunshot wounds.")
    family = "A father shot his family, leaving women in three generations dead and a wounded 12-year-old girl."
    assert ("injured", 1, 1) in _kinds(family)


def test_the_event_day_is_the_one_nearest_to_what_happened() -> None:
    from storyfold.facts.event import default_time_finder
    from storyfold.facts.event_day import choose_date
    from storyfold.facts.lines import Lines

    # from a gvc article published Saturday 2014-09-20: the bond was set on Friday, the boy died last Saturday
    text = "Bond was set Friday at $75,000 on the neighbor of the 2-year-old who died of a gunshot wound last Saturday."
    lines = Lines(title=None, sentences=[text], spans=[[]])
    day, source, _ = choose_date(lines, date(2014, 9, 20), default_time_finder(), None)
    assert (day, source) == (date(2014, 9, 13), "last Saturday")


def test_counts_of_an_earlier_day_are_the_event_when_the_article_gives_no_other() -> None:
    # gvc (a report published in February 2016 on a killing of December 2015)
    qs = find_quantities("Seichter was shot and killed on Dec. 22, 2015.", 1, 2016)
    assert qs and not qs[0].current
    assert choose_casualties(qs)[:2] == (1, 0)


def test_the_wounded_victim_who_died_is_counted_once() -> None:
    # gvc (Pandora, Ohio): the boy who "died" is the one "wounded" in the next sentence
    qs = find_quantities("A 17-year-old boy died Saturday night after an apparent accidental shooting.", 0)
    qs += find_quantities("The teenager was shooting guns with friends when he was wounded.", 1)
    assert choose_casualties(qs)[:2] == (1, 0)
    # another victim stays wounded (sentences written for this test)
    qs = find_quantities("A man died after a shooting on Main Street.", 0)
    qs += find_quantities("Another man was wounded.", 1)
    assert choose_casualties(qs)[:2] == (1, 1)
    # killed, not "died": two people (a gunman killed one and wounded one)
    qs = find_quantities("A man was shot and killed on Main Street.", 0)
    qs += find_quantities("A woman was wounded.", 1)
    assert choose_casualties(qs)[:2] == (1, 1)


def test_a_headline_toll_larger_than_the_first_body_count_wins() -> None:
    # gvc (Aransas Pass murder-suicide): the headline counts both victims, the body first says one "died"
    qs = find_quantities("Husband kills wife and stepdaughter in Aransas Pass murder-suicide", -1, 2016)
    qs += find_quantities("Police said the girl died at the hospital.", 0, 2016)
    assert choose_casualties(qs)[0] == 3  # two victims and the husband


def test_a_day_said_after_a_comma_is_the_events_and_a_weekday_shooting_is_past() -> None:
    from storyfold.facts.event import default_time_finder
    from storyfold.facts.event_day import choose_date
    from storyfold.facts.lines import Lines

    # gvc (Brooklyn, published Sunday 2014-11-23): "on Saturday, police said" is when the girl was struck
    lede = (
        "A father and mother have been arrested and charged after the man's gun accidentally discharged, "
        "striking their 9-month-old daughter in Brooklyn on Saturday, police said."
    )
    later = "The father was behind bars at the 75th Precinct Sunday morning in connection with the shooting."
    lines = Lines(title=None, sentences=[lede, later], spans=[[], []])
    assert choose_date(lines, date(2014, 11, 23), default_time_finder(), None)[0] == date(2014, 11, 22)
    # gvc (Little Rock, published Thursday 2016-11-03): the future tense does not move a past shooting ahead
    five = "All five victims of a Wednesday night shooting in Little Rock are expected to survive, police said."
    lines = Lines(title=None, sentences=[five], spans=[[]])
    assert choose_date(lines, date(2016, 11, 3), default_time_finder(), None)[0] == date(2016, 11, 2)


def test_a_day_of_the_month_is_no_count_and_a_suicide_found_dead_is_one_death() -> None:
    # gvc (Little Rock, November 2016): "Nov. 2" is a date, not two dead
    assert ("killed", 2, 2) not in _kinds("Update: Man Wounded in Nov. 2 LR Shooting Dies")
    # gvc (Anadarko, January 2016): the girl found dead is the one who took her own life
    qs = find_quantities("The latest tragedy occured Tuesday night when an 11-year-old girl took her own life.", 0)
    qs += find_quantities("Officers found the girl dead from a self-inflicted gunshot wound.", 1)
    assert choose_casualties(qs)[0] == 1
    # a killing and the killer's suicide told in two sentences stay two deaths
    qs = find_quantities("He shot and killed his wife on Monday.", 0)
    qs += find_quantities("He then turned the gun on himself.", 1)
    assert choose_casualties(qs)[0] == 2


def test_counts_with_an_apposition_an_age_or_one_more() -> None:
    # gva-dev (Miami nightclub, 2014; Chattanooga, 2015; Denver bar, 2014; Rocky Mount, 2014)
    assert ("shot", 15, 15) in _kinds("Fifteen people, including children, were shot in a Miami nightclub.")
    assert ("injured", 2, 2) in _kinds("Two 4-year-old girls were injured Thursday in an apparent drive-by shooting.")
    assert ("shot", 5, 5) in _kinds("Durham was one of five people shot during some sort of fight at the bar.")
    court = "A 12-year-old was in critical condition after he and three others were shot on a basketball court."
    assert ("shot", 4, 4) in _kinds(court)
    # the others of a clause are not one more (written for this test)
    assert ("injured", 3, 3) in _kinds("One man was killed and three others were wounded.")


def test_a_date_with_its_year_may_be_years_before_the_report() -> None:
    from storyfold.facts.event import default_time_finder
    from storyfold.facts.event_day import choose_date
    from storyfold.facts.lines import Lines

    # gva-dev (Detroit, published 2016-10-25): the plea is today, the shooting was on May 7, 2015
    lede = (
        "A leader of the Vice Lords street gang pleaded guilty today for his role in the May 7, 2015, "
        "shooting of four members of a family with an AK-47 in Detroit."
    )
    lines = Lines(title=None, sentences=[lede], spans=[[]])
    assert choose_date(lines, date(2016, 10, 25), default_time_finder(), None)[0] == date(2015, 5, 7)


def test_a_headline_victim_with_an_age_hospitalized_or_hit_by_a_bullet_is_one_injured() -> None:
    # headlines name the one victim by an age in apposition and tell the wound by other verbs
    for title in (
        "Boy, 3, wounded in accidental shooting in Florissant, police say",
        "Campbell boy, 7, hospitalized after accidental shooting",
        "7-year-old boy hit by bullet while watching fireworks",
        "Teen suffers gunshot wound to leg in hunting accident",
    ):
        found = [(q.kind, q.low) for q in find_quantities(title, -1, 2015)]
        assert found == [("injured", 1)], title


def test_a_headline_victim_after_an_attribution_or_aged_in_months_is_one_hurt() -> None:
    """gva-dev and gvc headlines: the one victim after "Police:" or aged in months; a victim who died is no
    wounded one however the headline opens."""
    assert [
        (q.kind, q.low) for q in find_quantities("Police: Youth wounded in accidental shooting in Gary", -1, 2016)
    ] == [("injured", 1)]
    for title in (
        "4-month-old baby shot while in mother\u2019s arms in DeKalb County",
        "2-month-old girl shot on I-43",
    ):
        assert [(q.kind, q.low) for q in find_quantities(title, -1, 2016)] == [("shot", 1)], title
    died = find_quantities("Update: Man Wounded in Nov. 2 LR Shooting Dies", -1, 2016)
    assert not any(q.kind in ("injured", "shot") for q in died)
    # or in the clause after "after": the victim of the incident the headline's step follows
    assert ("shot", 1) in [(q.kind, q.low) for q in find_quantities("Two arrested after child shot", -1, 2016)]
    after = find_quantities("Man turns himself in after 2-year-old killed in accidental...", -1, 2016)
    assert [(q.kind, q.low) for q in after] == [("killed", 1)]


def test_a_fatal_shooting_in_a_headline_and_a_saint_town_victim_are_one_dead() -> None:
    found = [(q.kind, q.low) for q in find_quantities("Metro Investigates Fatal W. 33rd Street Shooting", -1, 2015)]
    assert found == [("killed", 1)]
    # further down, "the fatal police shooting of ..." is as often another event
    later = find_quantities("Protests followed the fatal police shooting near the precinct.", 8, 2015)
    assert not [q for q in later if q.kind == "killed"]
    title = "St. Louis woman killed, 3 wounded by gunfire in park full of children"
    assert [(q.kind, q.low) for q in find_quantities(title, -1, 2015)] == [("killed", 1), ("injured", 3)]


def test_a_measure_is_no_count_of_people() -> None:
    # "20 minutes later ... had been shot": one man shot, not twenty
    found = [(q.kind, q.low) for q in find_quantities("A friend called 20 minutes later saying he had been shot.", 3)]
    assert found == [("shot", 1)]


def _event(title: str, *sentences: str) -> tuple[int | None, int | None]:
    lines = Lines(title=title, sentences=list(sentences), spans=[[] for _ in range(len(sentences) + 1)])
    qs = [q for i, s in enumerate(sentences) for q in find_quantities(s, i, 2015)]
    event = main_event(lines, qs, date(2015, 10, 2), default_time_finder())[0]
    return event.killed, event.injured


def test_a_shooting_without_a_count_or_a_death_killed_nobody() -> None:
    # gva-dev (Elkton, Ky.; Vice Lords): no count of the victims, no death: killed is 0, injured unknown
    assert _event(
        "Kentucky man charged with shooting juvenile in neck",
        "A Kentucky man was arrested Thursday after he accidentally fired a gun which struck a juvenile in the neck.",
    ) == (0, None)
    assert _event(
        "Seven Vice Lords Charged in Gang-Related Shooting",
        "Two were charged with attempted murder in aid of racketeering for shooting members of a family.",
    ) == (0, None)
    # a death told, or no shooting at all, is never "killed 0" (sentences written for this test)
    assert _event("Man charged in shooting", "Police said the shooting was fatal.")[0] != 0
    assert _event("Council votes on the budget", "The council met on Thursday.") == (None, None)
    assert _event("Coach fired", "The team fired its coach after he shot down the offer.") == (None, None)


def test_no_one_died_is_a_count_of_none() -> None:
    # gva-dev (Davie, Fla.): "It's just a blessing that no one died in this case." after a mother shot in the leg
    assert _kinds("It's just a blessing that no one died in this case.") == [("killed", 0, 0)]
    assert _kinds("None of the victims died.") == [("killed", 0, 0)]
    assert _kinds("A man died after the shooting.") == [("killed", 1, 1)]
    # gva-dev (Mt. Juliet): the teen who was shot and released from hospital says he "could've died"
    assert _kinds("“It was almost catastrophic. I could’ve died easily,” he said.") == []
    assert _kinds("He nearly died.") == []


def test_one_who_kills_himself_is_among_the_killed() -> None:
    # gva-dev (Gloucester County): the gunman wounded two, then killed himself
    qs = find_quantities("Man kills self after shooting, wounding girlfriend and her son in Gloucester County", -1)
    assert choose_casualties(qs)[:2] == (1, 2)
    # a man who took his life and harmed nobody else (sentence written for this test)
    qs = find_quantities("A man killed himself after a standoff with police on Sunday.", 0)
    assert choose_casualties(qs)[:2] == (1, 0)
    # gva-dev (Bluffton): "shot, killed" is one killed, not one shot
    assert _kinds("17-year-old boy shot, killed in Bluffton") == [("killed", 1, 1)]


def _titled_event(title: str, *sentences: str) -> tuple[int | None, int | None]:
    """``_event`` with the title's counts too (sentence -1, as the extractor reads it)."""
    lines = Lines(title=title, sentences=list(sentences), spans=[[] for _ in range(len(sentences) + 1)])
    qs = [q for i, s in enumerate((title, *sentences), -1) for q in find_quantities(s, i, 2015)]
    event = main_event(lines, qs, date(2015, 4, 3), default_time_finder())[0]
    return event.killed, event.injured


def test_a_death_told_only_far_below_a_multiple_shooting_is_another_incidents() -> None:
    # gva-dev (West Baltimore, five wounded): the one death is an earlier shooting a neighbour recalls
    lede = (
        "Suspects in a stolen car twice fled from police who attempted to pull them over Thursday before arriving"
        " at a West Baltimore corner, shooting into a crowd and hitting four adults and a teen.",
        "The victims were taken to hospitals and expected to survive, police said.",
        "On Friday, police said a fifth victim was discovered: A 39-year-old woman shot in the lower back.",
        "She was expected to survive.",
        "Police said they were looking for a blue Honda Pilot with Maryland tag 5BE1423.",
        "Police said they did not know of any motives Thursday.",
    )
    late = (
        "She and other residents said the string of gunfire began after Sterling Day was shot dead in the 800 block"
        " of Monroe St. on March 23."
    )
    assert _titled_event("Five shot in West Baltimore by suspects in stolen car", *lede, late) == (0, 5)
    # the same death told in the lede is the event's (sentences adapted for this test)
    assert _titled_event("Five shot in West Baltimore", lede[0], late)[0] == 1
    # one victim who later died, told far down, is still the event's death (one shot, not a multiple shooting)
    assert _titled_event("Man shot on Monroe St.", *lede[1:], "Police had no suspects.", "He was shot dead.")[0] == 1


def test_a_headline_that_opens_with_an_age_or_a_body_found_and_deaths_of_a_number() -> None:
    # gva-dev headlines: "17-year-old shot, killed inside house", "Cloquet Man Found Dead in Deer Stand",
    # "2 teens die after triple shooting in Mosby Court"; "Man charged with killing of two men in May"
    assert _kinds("17-year-old shot, killed inside house") == [("killed", 1, 1)]
    assert _kinds("16-year-old suffers accidental gunshot wound") == [("injured", 1, 1)]
    assert _kinds("Cloquet Man Found Dead in Deer Stand") == [("killed", 1, 1)]
    assert ("killed", 2, 2) in _kinds("2 teens die after triple shooting in Mosby Court")
    assert _kinds("Man charged with killing of two men in May") == [("killed", 2, 2)]
    assert _kinds("He faces sentencing in the slayings of 4 children.") == [("killed", 4, 4)]
    # gva-dev (Myrtle Creek): "turning the gun on himself" is a suicide, one more dead
    qs = find_quantities(
        "MYRTLE CREEK, Ore. - A 19-year-old Myrtle Creek man shot and killed his infant daughter before turning"
        " the gun on himself, police said.",
        0,
    )
    assert choose_casualties(qs)[:2] == (2, 0)


def test_deaths_told_by_kills_whom_passed_away_a_deadly_shooting_or_shot_then_died() -> None:
    # gvc and gva-dev headlines and sentences
    assert _kinds("Accidental gun discharge kills police officer's son") == [("killed", 1, 1)]
    assert ("killed", 2, 2) in _kinds("Police: Woman kills husband, infant son, then attempts suicide")
    assert _kinds("Police say he kills his son, a 3-year-old boy, on Sunday.") == [("killed", 1, 1)]  # apposition
    assert _kinds("The man later passed away at UK Medical Center.") == [("killed", 1, 1)]
    assert _kinds("Police investigate deadly shooting near the University of Florida") == [("killed", 1, 1)]
    assert _kinds("3 year old injured in accidental shooting has died")[0][0] == "killed"
    # an ordinal counts other shootings: "marking the fourth fatal shooting in that neighborhood this month"
    assert _kinds("The shooting marks the fourth fatal shooting in that neighborhood this month.") == []
    # a deadly shooting says someone died, not how many: the count of the lede does
    assert _titled_event(
        "Police sources identify suspect in west Houston shooting",
        "Police sources have identified the suspect in Sunday's deadly west Houston shooting.",
        "In total, two people were killed, including the suspect, and six others were injured.",
    ) == (2, 6)


def test_a_survivor_and_an_age_written_without_hyphens_are_the_wounded() -> None:
    # gva-dev: "7-year-old Dallas girl survives being shot by stray bullet", "... shot a 12 year old"
    assert _kinds("7-year-old Dallas girl survives being shot by stray bullet") == [("injured", 1, 1)]
    qs = find_quantities("A two year old got a hold of the gun and shot a 12 year old as he was helping.", 0)
    assert (qs[0].kind, qs[0].low, qs[0].text) == ("shot", 1, "shot a 12 year old")


def test_the_toddler_who_was_injured_and_has_died_is_one_death() -> None:
    # gvc (Marion County): the wounded one, told first in the same sentence, is the one who died
    assert _titled_event(
        "Marion County toddler injured in accidental shooting has died",
        "A Marion County toddler who was critically injured after accidentally shooting himself in the face has"
        " died, according to officials with the sheriff's department.",
    ) == (1, 0)
    # gvc (Miami): the one who died is told first, the wounded one is another
    assert _titled_event(
        "Child Killed, Father Critical After Shooting In Miami",
        "An 8-year-old girl has died and her father is listed in critical condition after they were shot.",
    ) == (1, 1)


def test_a_wounding_told_only_far_below_a_single_death_is_the_dead_victims() -> None:
    # gvc (Little Rock, CNN): the boy who was "hurt" in the 7th sentence is the one killed in the first
    lede = (
        "Police say they've captured the man accused of shooting and killing a 3-year-old boy during an apparent"
        " road rage case in Little Rock, Arkansas.",
        "The arrest came almost a week after Acen King was shot dead in the back seat of his grandmother's car.",
        "Holmes turned himself in Thursday night, police said.",
        "He was arraigned Friday morning in Little Rock District Court and pleaded not guilty.",
        "He was ordered held without bond.",
        "The shooting sparked a community outcry and police had offered a $40,000 reward.",
    )
    late = "There she noticed Acen was hurt and called 911."
    assert _titled_event("Arkansas man arrested in shooting death of boy in car", *lede, late) == (1, 0)
    # told in the lede, the wounded one is another victim (sentences adapted for this test)
    assert _titled_event("Arkansas man arrested in shooting death of boy in car", lede[0], late) == (1, 1)


def test_a_title_that_says_the_victim_died_makes_the_critically_injured_one_the_dead() -> None:
    # gvc (Madison, WSMV): "dies" in the title, "was shot ... has died" and "was critically injured" below
    assert _titled_event(
        "2-year-old dies after being shot inside Madison apartment",
        "The 2-year-old who was shot inside an apartment in Madison has died.",
        "Kendal Pinkerton was critically injured in the shooting Tuesday at 333 Rio Vista Dr.",
    ) == (1, 0)


def test_a_shooting_that_kills_counts_everyone_dead_and_a_title_toll_beats_a_far_count() -> None:
    # gvc (Spokane): "shooting kills 2" counts the boy who shot himself; no third death for the suicide
    qs = find_quantities("Sheriff: 13-year-old kills 6-year-old brother, self", -1)
    qs += find_quantities("Sheriff: Young brothers cooking before shooting kills 2", 0)
    qs += find_quantities("The older boy then turned the gun on himself.", 1)
    assert choose_casualties(qs)[0] == 2
    # "killed wife, children, self": how many children is not told, so no count from the list
    assert ("killed", 1, 1) not in _kinds("Man who killed wife, children, self had injunction filed against him")
    listed = _kinds("Man who killed wife, son, self had injunction filed against him")
    assert listed == [("killed", 2, 2), ("suicide", 1, 1)]  # the killer last in the list: three dead
    assert choose_casualties(find_quantities("Man who killed wife, son, self had injunction", -1))[0] == 3
    # gvc (Ocoee): the title's one death over a "double homicide" told in the 9th sentence (another case)
    filler = ("Police said the investigation continues.",) * 8
    assert (
        _titled_event(
            "13-year-old Ocoee boy dies after accidental shooting linked to hoverboard",
            *filler,
            "Last year the same street saw a double homicide.",
        )[0]
        == 1
    )


def test_911_is_the_emergency_number_not_a_count() -> None:
    """gva-dev: "called 911 reporting she had shot an intruder" had read 911 people shot (910 wounded beside the
    one dead), and once 911 was refused, 11 of its digits."""
    sentence = (
        "A female friend of Watford's called 911 reporting she had shot an intruder inside of her home, then "
        "discovered that she had shot Watford in the chest."
    )
    assert all(q.low is None or q.low < 5 for q in find_quantities(sentence, 0, 2016))
    assert ("killed", 911, 911) in _kinds("The attacks killed 911 people.")
    assert ("injured", 1911, 1911) in _kinds("In all, 1911 people were injured.")


def test_names_money_ages_days_and_years_next_to_casualty_words_are_no_counts() -> None:
    """Numbers of gvc and gva-dev sentences that had been read as counts of the shot or dead: a road, a rifle,
    a station's name, the money of a robbery, a victim's age between commas, a day of December and a year."""
    sentences = (
        "Cooper was riding in a vehicle traveling south on I-85 when he accidentally shot a gun.",
        "He opened fire with an AK-47 and two officers were shot.",
        "The Arkansas Game and Fish Commission tells FOX16 that the victim was shot by his brother.",
        "An officer responding to a report of a $10 armed robbery shot a 13-year-old boy.",
        "The sheriff's office says the victim, 16, was shot by his 12-year-old brother.",
        "Police identified the man in the December 14 shooting death.",
        "In 2012 he shot and killed a man outside a bar.",
    )
    for sentence in sentences:
        counts = [q.low for q in find_quantities(sentence, 0, 2016) if q.kind in ("shot", "killed", "injured")]
        assert all(n is None or n <= 2 for n in counts), sentence
    assert ("injured", 16, 16) in _kinds("In all, 16 people were injured.")
    assert ("killed", 2, 2) in _kinds("He opened fire with an AK-47 and killed 2 people.")


def test_a_victims_children_a_clock_time_and_a_station_are_no_counts() -> None:
    """gvc and gva-dev: "Father of 5 killed" is one man killed; "around 8 AM about a hunter being shot" and
    "told Channel 5 that her son was shot and killed" name a time and a station."""
    assert ("killed", 5, 5) not in _kinds("Father of 5 killed, 4 hospitalized after shooting")
    assert ("killed", 4, 4) not in _kinds("Family of Father of 4 Killed in Shooting Speaks Out")
    for sentence in (
        "Deputies got a call around 8 AM about a hunter being shot.",
        "His mother told Channel 5 that her son was shot and killed.",
    ):
        assert all(q.low is None or q.low <= 1 for q in find_quantities(sentence, 2, 2016)), sentence
    assert ("injured", 4, 4) in _kinds("Father of 5 killed, 4 hospitalized after shooting")


def test_one_left_injured_or_shot_and_injured_without_a_verb_is_one_wounded() -> None:
    # gva-dev: the wounded child of a drive-by, the deputy of a standoff
    assert ("injured", 1, 1) in _kinds(
        "Authorities have released new information in a drive-by shooting that left a 12-year-old girl injured."
    )
    assert ("injured", 1, 1) in _kinds(
        "The deputy shot and injured in Randolph County was released from UAB hospital late Saturday evening."
    )
    assert ("injured", 1, 1) not in _kinds("The shooting left dozens of residents shaken.")


def test_the_wounded_counted_in_the_lede_or_in_a_total_and_a_bound_of_the_shot() -> None:
    """gva-dev: a title's one victim when the lede counts two; a singular wounding followed by the total; people
    subsequently injured; "more than a dozen victims were shot" leaves "11 injured" as it is."""
    assert _titled_event(
        "Girl, 3, injured during North Chicago shooting",
        "A 3-year-old girl and a 19-year-old man were injured during a Tuesday morning shooting in North Chicago.",
    ) == (0, 2)
    assert _titled_event(
        "Police sources identify suspect in west Houston shooting",
        "Police identified the suspect in Sunday's shooting.",
        "Wilson was critically injured, but he is expected to survive.",
        "In total, two people were killed, including the suspect, and six others were injured.",
    ) == (2, 6)
    assert ("injured", 3, 3) in _kinds("Three other men inside the home were subsequently injured during the shooting.")
    # (sentences written for this test) a count of another group is no total of the wounded; a bound of the shot
    # stands against a single wounded victim; homes struck by gunfire are no people shot
    assert _titled_event(
        "Woman injured in shooting",
        "A woman was injured in a shooting on Sunday.",
        "Three officers were injured in a struggle with the suspect during his arrest.",
    ) == (0, 1)
    assert _titled_event(
        "Shooting on Main Street", "At least five people were shot early Sunday.", "One man was critically injured."
    ) == (0, 5)
    assert _titled_event(
        "Shooting on Main Street", "At least five people were shot early Sunday.", "Two were critically injured."
    ) == (0, 5)
    assert _titled_event(
        "Woman injured in shooting",
        "A woman was injured in a shooting on Sunday.",
        "Two other officers were injured in a struggle with the suspect.",
    ) == (0, 1)
    assert not [q for q in find_quantities("Two homes were struck by gunfire.", 2, 2015) if q.kind == "shot"]
    assert _titled_event(
        "BPD: 1 killed, 11 injured in Blytheville shooting",
        "A Blytheville shooting killed 1 woman and injured 11 others Saturday, according to the police department.",
        "Overnight more than a dozen victims were shot, resulting in at least 1 death.",
    ) == (1, 11)


def test_one_who_accidentally_kills_himself_is_the_one_death_the_report_tells() -> None:
    # gvc (Rosamond): the headline's "kills self" and the lede's "killed a 14-year-old" are one death
    assert _titled_event(
        "Teen in Rosamond accidentally shoots, kills self with shotgun",
        "The Kern County Sheriff's Office is calling a deadly shooting in Rosamond that killed a 14-year-old"
        " football player an accident.",
        "The teen was taken to Antelope Valley Hospital where he was pronounced dead.",
    ) == (1, 0)
    # (sentences written for this test) the one who accidentally killed himself with a friend wounded; a
    # murder-suicide whose report rules out an accident is two dead
    assert _titled_event(
        "Man accidentally kills self while cleaning gun",
        "A man accidentally shot and killed himself while cleaning his gun.",
        "His friend was wounded.",
    ) == (1, 1)
    assert (
        _titled_event("Not accidental: Man kills wife, kills self", "A man shot and killed his wife and then himself.")[
            0
        ]
        == 2
    )
    assert _titled_event(
        "Police rule out accident in murder-suicide",
        "A man shot and killed his wife and then himself.",
        "A neighbor was wounded.",
    ) == (2, 1)
    # a killer who took his own life is still one more (gva-dev, as in the test above)
    assert _titled_event(
        "Man kills wife, then himself",
        "A man shot and killed his wife on Sunday.",
        "He then turned the gun on himself, police said.",
    ) == (2, 0)


def test_a_dozen_is_twelve() -> None:
    # "more than a dozen victims were shot" (gva-dev, Blytheville) read 13 before: "a" was added, not multiplied
    assert parse_number("a dozen") == (12, 12)
    assert parse_number("two dozen") == (24, 24)
    assert ("shot", 12, None) in _kinds("Overnight more than a dozen victims were shot.")


def test_animals_hurt_are_no_casualties() -> None:
    # gva-dev (Pinetown, North Carolina, January 2017): the shot killed the girl and hurt a dog
    assert _kinds(
        "The boy was showing the two girls a shotgun he got for Christmas when the gun went off, struck and killed "
        "Victoria and injured one of the family dogs, deputies said."
    ) == [("count", 2, 2)]
    assert _kinds("It struck Victoria, killing her, and injuring one of the family dogs.") == [("killed", 1, 1)]
    assert _kinds("The shooting injured one of the men and killed another.")[0] == ("injured", 1, 1)
    assert ("injured", 1, 1) in _kinds("The blast injured one officer and two dogs.")


def test_nobody_or_somebody_unknown_is_hurt() -> None:
    # gva-dev (Dinwiddie County, Virginia, 2016; Indianapolis, 2017): a negation by "neither", and a question
    assert _kinds("Neither the driver or the other passenger was injured.") == []
    assert _kinds("They asked him if anyone was hurt today, and he told them, yes.") == []
    assert _kinds("The other passenger was injured.") == [("injured", 1, 1)]
    assert _kinds("Neither of the men was injured, police said.") == []
    # "neither" denies the injury of those it names, not of someone later in the sentence
    assert _kinds("Neither police nor the family would say how badly the boy was injured.") == [("injured", 1, 1)]


def test_the_wounded_named_after_the_verb_said_to_live_with_their_wounds_or_counted_under_a_vague_title() -> None:
    """gva-dev: people named after "injuring"; people counted with wounds they live with; a title's "several
    injured" gives way to the lede's count. Wounds alone say nothing of who lived: the dead bear them too."""
    assert ("injured", 2, 2) in _kinds(
        "Franklin Police Chief Tim O'Sullivan said Parish fired multiple shots, killing Sarah Davidson at the scene "
        "and injuring Leanne Smith and Dustin Grey."
    )
    # (written for this test, after a review) adjectives before a noun are no names
    assert not [
        q
        for q in find_quantities("The bomber killed six people, wounding Afghan and American soldiers.", 3, 2015)
        if q.kind == "injured" and q.low == 2
    ]
    assert ("injured", 3, 3) in _kinds("Three others sustained non-fatal bullet wounds.")
    assert ("injured", 4, 4) in _kinds(
        "Officers arrived and located four victims, all suffering from non life-threatening injuries."
    )
    assert not [q for q in find_quantities("All four victims suffered gunshot wounds.", 3, 2015) if q.kind == "injured"]
    assert not [
        q
        for q in find_quantities("Upon arrival, they found three people with gunshot wounds.", 3, 2015)
        if q.kind == "injured"
    ]
    assert _titled_event(
        "Police say several injured in Westport shooting",
        "Four people were injured in a shooting overnight in Westport.",
    ) == (0, 4)


def test_victims_counted_with_gunshot_wounds_or_by_their_place_in_a_series_are_the_people_hurt() -> None:
    """gva-dev (Las Vegas, Fresno, Baldwin City, St. Charles): people found with gunshot wounds are the people shot,
    the dead among them; "a fourth wounded" counts the three before it."""
    lede = (
        "One man is in critical condition and three others are injured after an early morning shooting downtown.",
        "According to Metro Police, officers responded at 6:19 a.m. to the 200 block of North 3rd Street on reports"
        " of a shooting and found four adult victims — two men and two women — suffering from apparent gunshot"
        " wounds.",
    )
    assert _titled_event("One person in critical condition, three others injured after morning shooting", *lede) == (
        0,
        4,
    )
    assert ("shot", 3, 3) in _kinds("Officers found three people with gunshot wounds.")
    # "others" are besides someone told before
    assert ("injured", 2, 2) in _kinds("Two other men with gunshot wounds were found.")
    assert _titled_event(
        "Three men shot, a fourth wounded by shrapnel in SE Fresno",
        "Police were called at 9:15 Wednesday night about a victim of a shooting.",
    ) == (0, 4)
    assert _titled_event(
        "Baldwin City Police Department says a second man was injured in Feb. 7 shooting",
        "A man was shot in the leg during an argument, police said.",
    ) == (0, 2)
    assert _titled_event(
        "Three dead, one wounded in St. Charles shooting",
        "Three people are dead and a fourth wounded in a shooting incident on Tuesday, police said.",
    ) == (3, 1)
    # a second one who died is no one hurt
    assert _titled_event(
        "Man shot in Dayton", "A man was shot on Monday, and a second man was shot and killed nearby."
    )[1] in (0, 1)


def test_a_death_told_only_far_below_a_title_that_tells_someone_injured_is_another_incidents() -> None:
    # gva-dev (Germantown, 2016): the one girl hurt; the boy who died is a shooting of the week before
    text = (
        "Action News has learned a 17-year-old has surrendered to police after another teen was critically injured"
        " while playing with guns in Germantown.It happened after 3 a.m. Wednesday at home on Bloyd Street near East"
        " Woodlawn Street.Officers arrived to find the 14-year-old victim with gunshot wounds to the hand and chest."
        "She was rushed to an area hospital in critical but stable condition.Investigators soon determined a group"
        " of teens at the home were playing with the weapon when one of the teens fired it once, hitting the girl."
        "Firefighters were called to help police search for the weapon.Police believe the person who fired the"
        " weapon is an acquaintance of the victim.It is the second accidental shooting involving teenagers in"
        " Germantown in as many weeks. Exactly one week ago, on June 29th, 13-year-old Chris Mackey died after a gun"
        " found by a group of teenagers at a home on East Walnut Street went off."
    )
    title = "Teen surrenders after girl injured in Germantown accidental shooting"
    assert _titled_event(title, *split_sentences(text)) == (0, 1)


def test_a_series_that_is_a_tally_or_of_people_not_hurt_counts_no_one_more() -> None:
    """Sentences written after a review of the ordinal rule: "the fifth person shot in Durham since Friday" is a
    tally, "fired a second shot" no victim, "Three men were arrested and a fourth was shot" one hurt."""
    lede = "A 16-year-old was shot Saturday night in Durham."
    assert _titled_event("Teen shot in Durham", lede, "He is the fifth person shot in Durham since Friday.") == (0, 1)
    assert _titled_event("Man shot", "A man was shot Monday, the fourth person wounded in Englewood this week.") == (
        0,
        1,
    )
    assert _titled_event("A third person shot this week in Capitol Heights", "A man was shot Monday.") == (0, 1)
    assert _titled_event("Man shot", lede, "The gunman fired a second shot that struck a parked car.") == (0, 1)
    assert _titled_event("Man shot", "A deputy used a Taser and a second deputy shot him in the chest.") == (0, 1)
    assert _titled_event("Man shot by officers", "Three men were arrested and a fourth was shot by officers.") == (0, 1)
    assert _titled_event("Man shot", lede, "A second man was shot at as he ran, but he was not struck.") == (0, 1)
    assert _titled_event("Man shot", lede, "A second man was hurt while running from officers.") == (0, 1)
    assert _titled_event("Man shot", lede, "A second man was shot with a less-lethal round.") == (0, 1)
    assert _titled_event("Two killed", "Two men were killed and a third wounded in a shooting Tuesday.") == (2, 1)


def test_a_victims_own_death_told_late_under_a_title_that_says_injured_still_counts() -> None:
    # (written after a review) an update told at the end: the victim died; unlike the Germantown report, the text
    # never says the victim lives
    filler = ("Police said the investigation continues.",) * 5
    assert _titled_event(
        "Teen wounded in Southside shooting",
        "A 17-year-old boy was shot on the Southside Saturday night.",
        *filler,
        "The teen died from his injuries Sunday morning, the medical examiner's office said.",
    ) == (1, 0)
    # the victim lives; the death told further down is an earlier shooting's (gvc, Paterson, 2016, shortened)
    assert _titled_event(
        "7-Year-Old Boy Wounded By Stray Bullet In Paterson, New Jersey",
        "A 7-year-old boy was struck by a stray bullet Monday evening, police said.",
        "The boy was rushed to St. Joseph's Regional Medical Center and was expected to recover, police said.",
        *filler,
        "Genesis Rincon was shot in the head and killed as she rode on a scooter, also on Rosa Parks Boulevard.",
    ) == (0, 1)


def test_a_suspect_is_a_person_hurt_or_killed_but_a_shooting_suspect_is_nobody_shot() -> None:
    # gva-dev (West Philadelphia, 2016; Avon Park, 2016)
    assert ("killed", 2, 2) in _kinds("2 cops shot, suspect and bystander killed in West Philly rampage")
    assert _kinds("Avon Park shooting suspect who was at large turns himself in") == []
