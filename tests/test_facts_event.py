"""The event's day: which day expression of an article tells when the incident happened."""

from __future__ import annotations

from datetime import date

from storyfold.facts.event import default_time_finder, main_event
from storyfold.facts.event_day import choose_date
from storyfold.facts.lines import Lines


def _day(published: date, *sentences: str) -> date | None:
    lines = Lines(title=None, sentences=list(sentences), spans=[[] for _ in sentences])
    return choose_date(lines, published, default_time_finder(), None)[0]


def test_a_weekday_six_days_back_yields_to_a_nearer_one() -> None:
    # published Tuesday 2017-02-07 and updated the next day: "early Wednesday" is the day after the stamp, not
    # the Wednesday before; the home invasion was "shortly before 2 a.m. Tuesday"
    lede = "A suspect in a home invasion that left his accomplice dead remained at large early Wednesday."
    then = "Two men entered a house shortly before 2 a.m. Tuesday and confronted the homeowner and his son."
    assert _day(date(2017, 2, 7), lede, then) == date(2017, 2, 7)
    # a weekday fewer days back is still the event's
    assert _day(date(2017, 2, 7), "A man was shot and killed early Sunday, police said.") == date(2017, 2, 5)


def test_a_report_of_a_later_step_dates_the_incident_by_its_calendar_day() -> None:
    # a sentencing reported on Thursday 2015-08-06 tells the day of the shooting further down
    lede = "A man was sentenced Monday for fatally shooting a 15-year-old boy who was riding his bicycle."
    filler = (
        "The judge said the man did not mean to kill.",
        "His lawyer said he would appeal.",
        "The boy's mother wept.",
    )
    killed = "Braxton Bourda was killed June 5, 2014, while riding his bicycle near an abandoned home."
    assert _day(date(2015, 8, 6), lede, *filler, killed) == date(2014, 6, 5)
    # a day set for a later step, or the day of another incident, is not the incident's
    hearing = "The hearing of the mother of a girl who died in a shooting was continued to July 20."
    assert _day(date(2016, 7, 6), lede, *filler, hearing) == date(2016, 7, 4)
    other = "The shooting comes just weeks after a June 20 shooting where a girl was killed."
    assert _day(date(2016, 7, 6), lede, *filler, other) == date(2016, 7, 4)


def test_a_day_said_of_the_investigation_yields_to_the_day_of_the_shooting_further_down() -> None:
    # published Wednesday 2016-11-09: the lede dates the interview, the fifth sentence the killings
    lede = "Detectives interviewed a 22-year-old man in connection to a double homicide investigation on Wednesday."
    filler = ("An Amber Alert is still in effect for a missing girl.", "Her family asked for help.")
    more = ("Volunteers searched a park.", "The man's lawyer did not comment.")
    shot = "The couple was shot and killed Tuesday night inside their home."
    assert _day(date(2016, 11, 9), lede, *filler, *more, shot) == date(2016, 11, 8)


def test_the_day_beside_the_dateline_is_the_reports_not_the_incidents() -> None:
    # published Tuesday 2014-02-04 (gva-dev): the dateline carries the report's day, the lede the incident's
    dateline = "FRANKLIN (Feb. 4, 2014) – Johnson County authorities believe the young man knew he was going to die."
    note = "They say he left a vague suicide note in the bedroom of the home he shared with his parents."
    shot = "Around 10:30 Monday night, Franklin police were called to a shooting in a neighborhood."
    assert _day(date(2014, 2, 4), "Above, the three victims.", dateline, note, note, shot) == date(2014, 2, 3)


def test_a_death_in_hospital_is_dated_by_the_day_of_the_shooting() -> None:
    # published Friday 2015-07-17 (gva-dev): the teen died on Thursday of a wound from July 12
    died = "Berlin police are investigating the death of a 15-year-old male who died on Thursday."
    struck = "The teen was struck by the pellet on July 12 by a 17-year-old, police said."
    assert _day(date(2015, 7, 17), died, "He was a student at the high school.", struck) == date(2015, 7, 12)
    # a death on the day of the shooting keeps its day
    same = "A man died Thursday after he was shot in the chest outside a bar, police said."
    assert _day(date(2015, 7, 17), same, struck) == date(2015, 7, 16)


def test_a_calendar_day_before_the_verb_and_a_headline_of_a_later_step() -> None:
    # gva-dev (Detroit, published Tuesday 2015-08-04): the indictment was unsealed Tuesday, the shooting on May 7
    detroit = [
        "Seven alleged members of the Vice Lords gang face multiple charges after members of a family were shot in "
        "May for attempting to leave the group, officials said.",
        "Antonio Clark, 25, and Aramis Wilson, 24, were charged with attempted murder in aid of racketeering, "
        "according to a Department of Justice press release issued Tuesday.",
        "All the men are Detroit residents, officials said.",
        "Clark, Price, Kinchen, and Robinson are in custody while arrest warrants have been issued for the others.",
        "According to the indictment unsealed Tuesday, the men on May 7 shot four individuals from one family, in "
        "retaliation for two of the victims' attempts to leave the Vice Lords.",
    ]
    assert _day(date(2015, 8, 4), *detroit) == date(2015, 5, 7)
    # gva-dev (Ford City, published Thursday 2015-09-10): the headline tells of the charge, the body of the father
    # turning himself in Thursday morning and, further down, of the shooting on Aug. 5
    title = "Father, stepmother charged in son's accidental shooting at..."
    body = [
        "The father and stepmother of a 6-year-old boy who was accidentally shot by his brother at a home in Ford "
        "City in August have been charged, Channel 11's Amy Marcinkiewicz has learned.",
        "Appearing with his attorney, Christopher McNeely turned himself into police Thursday morning.",
        "He was arraigned on charges of possession of a firearm by a minor and reckless endangerment.",
        "He was jailed on $20,000 bail.",
        "Deemer was accidentally shot in the neck and shoulder area on Aug. 5 by his 9-year-old brother, police said.",
    ]
    lines = Lines(title=title, sentences=body, spans=[[] for _ in range(len(body) + 1)])
    assert choose_date(lines, date(2015, 9, 10), default_time_finder(), None)[0] == date(2015, 8, 5)


def test_the_day_after_a_holiday() -> None:
    # gvc (Washington, published Wednesday 2016-11-30): the girl was killed on Friday 2016-11-25
    lede = (
        "Police have released the identity of a man they believe is connected to the day-after-Thanksgiving "
        "shooting death of a 16-year-old girl in the District."
    )
    assert _day(date(2016, 11, 30), lede) == date(2016, 11, 25)


def test_an_incidents_month_and_day_after_the_report_is_last_years() -> None:
    # gva-dev (Kansas City, published 2016-02-24): "the May 31 death" is 2015's; the resolver reads 2016's
    lede = (
        "Dominque Marchbanks and Sulif Wilkins were charged Tuesday with first-degree murder in the May 31 death"
        " of Amorian Hale."
    )
    lines = Lines(
        title="2 more Kansas City men charged in shooting death of 3-year-old", sentences=[lede], spans=[[], []]
    )
    assert choose_date(lines, date(2016, 2, 24), default_time_finder(), None)[0] == date(2015, 5, 31)
    # (sentences written for this test) days set for later steps are no incident's, nor last year's
    funeral = "Funeral services for the teen who was shot will be held March 15."
    assert _day(date(2016, 3, 1), funeral, "A vigil for the teen who was killed is planned March 12.") == date(
        2016, 3, 1
    )
    # ... but a day before the incident's noun is the incident's, whatever the sentence says will happen next
    appear = "A man charged in the May 31 shooting death of a 3-year-old will appear in court Tuesday."
    lines = Lines(title="Man charged in shooting death", sentences=[appear], spans=[[], []])
    assert choose_date(lines, date(2016, 2, 24), default_time_finder(), None)[0] == date(2015, 5, 31)
    assert _day(date(2016, 2, 24), "The trial of the man charged in the shooting will begin May 31.") == date(
        2016, 2, 24
    )


def test_the_reports_own_dated_line_anchors_its_relative_days() -> None:
    """gva-dev: the input's publication date is a later crawl or update; the report's first line gives its own
    day, with the year ("SAVANNAH, GA (August 2, 2015):", "Posted: Saturday, March 2, 2013")."""
    lede = (
        "SAVANNAH, GA (August 2, 2015): An argument and shoving match between two men in Ellis Square ended in a"
        " shooting that injured five bystanders early this morning."
    )
    lines = Lines(title="Bystanders Injured In Shooting", sentences=[lede], spans=[[], []])
    assert main_event(lines, [], date(2017, 1, 5), default_time_finder())[0].date == date(2015, 8, 2)
    stamp = (
        "1 dead, 3 injured in Shreveport shooting Posted: Saturday, March 2, 2013 7:39 AM EST Updated: Saturday,"
        " March 16, 2013 7:39 AM EST"
    )
    lines = Lines(title=None, sentences=[stamp, "One man died and three were hurt, police said."], spans=[[], []])
    assert main_event(lines, [], date(2013, 3, 16), default_time_finder())[0].date == date(2013, 3, 2)
    # an aside a few words before a day is no incident's ("who posted bail March 3, 2016"), nor the report's own
    # day (sentences written for this test)
    bail = "John Doe, who posted bail March 3, 2016, was shot and killed Saturday night after a party."
    for published in (date(2016, 6, 9), date(2016, 6, 10)):  # Saturday five and six days back
        lines = Lines(title=None, sentences=[bail], spans=[[], []])
        assert main_event(lines, [], published, default_time_finder())[0].date != date(2016, 3, 3)
    status = "The victim updated his Facebook status June 1 before he was shot Saturday night."
    assert _day(date(2016, 6, 10), status) != date(2016, 6, 1)


def test_a_lone_weekday_six_days_back_yields_to_the_publication_day() -> None:
    # gva-dev (Boynton Beach, published Saturday 2017-01-21): the only weekday is the boy's coming birthday,
    # which the resolver reads as last Sunday; the shooting was that day ("just after 4:20 p.m.")
    sentences = (
        "Boynton Beach Police are investigating a shooting in which a young boy and four adults were injured.",
        "Police say the five people were shot outside of a house at 500 NE 2nd Street just after 4:20 p.m.",
        "The boy who was shot turns 6-years-old on Sunday.",
    )
    assert _day(date(2017, 1, 21), *sentences) == date(2017, 1, 21)
    # (sentences written for this test) a weekday fewer days back stays the event's, and so does one six days back
    # where the text gives another day
    assert _day(date(2017, 1, 21), "Five people were shot on Tuesday.") == date(2017, 1, 17)
    told = ("A man was shot and killed Sunday, police said.", "Police said Thursday they have no suspects.")
    assert _day(date(2017, 1, 21), *told) == date(2017, 1, 15)


def test_a_calendar_day_after_the_incidents_noun_dates_it_in_a_report_of_a_later_step() -> None:
    # gva-dev (South Memphis, an indictment published 2015-09-28): "the attempted murders ... on or about June 21,
    # 2014" dates the incident, not "unsealed today"
    sentences = (
        "Six alleged members of the violent Gangster Disciples Gang have been indicted by a federal grand jury for"
        " their roles in the attempted murders of five teenagers in South Memphis, Tennessee.",
        "Five men were charged in a superseding indictment unsealed today with five counts of attempted murder.",
        "The indictment charges the defendants with participating in the attempted murders of five teenagers in"
        " South Memphis on or about June 21, 2014.",
    )
    title = "Alleged Members of Gangster Disciples Indicted for Roles in Five Attempted Murders"
    lines = Lines(title=title, sentences=list(sentences), spans=[[] for _ in range(len(sentences) + 1)])
    assert choose_date(lines, date(2015, 9, 28), default_time_finder(), None)[0] == date(2014, 6, 21)
    # (sentences written for this test) a later step's day in the clause of the noun is not the incident's
    charged = "A man was charged Tuesday with murder in the death of a man who was shot Sunday."
    assert _day(date(2016, 2, 24), charged, "There have been 12 homicides in the city since Jan. 1.") == date(
        2016, 2, 21
    )
    assert _day(date(2016, 2, 24), "The man charged in the shooting is due back in court March 15.") == date(
        2016, 2, 24
    )


def test_a_clock_time_inside_a_pages_stamp_is_not_the_incidents() -> None:
    # gva-dev (Tifton, published Monday 2014-11-03): the stamp's "4:59 PM EST" after "Updated: Monday, November 3,
    # 2014" is when the page changed; the shooting was "around noon Saturday"
    stamp = (
        "Teen's death under investigation Posted: Monday, November 3, 2014 4:20 PM EST Updated: Monday, November 3,"
        " 2014 4:59 PM EST"
    )
    shot = (
        "Investigators say Vencorral Greene was shot in the chest when he and two other friends were playing with a"
        " handgun around noon Saturday."
    )
    filler = (
        "Bainbridge Public Safety officers are investigating multiple arsons from the past few months.",
        "An officer was seriously hurt in one of those fires.",
        "Video from the U.S. Coast Guard showed the rescue of three fishermen in the Gulf of Mexico.",
        "Tifton Police are waiting on autopsy and forensic tests to determine if the death was an accident.",
    )
    assert _day(date(2014, 11, 3), stamp, *filler, shot) == date(2014, 11, 1)


def test_a_day_said_of_a_later_step_yields_to_the_days_of_the_shooting() -> None:
    # gvc (Hudson, Florida; published Thursday 2015-03-26): "said the argument Wednesday night" dates the argument,
    # "a sheriff said Thursday" the saying
    lede = (
        "A 12-year-old boy was cooking with his older brother when an argument erupted, and the boy shot his"
        " 6-year-old brother to death, a sheriff said Thursday."
    )
    then = "Pasco County Sheriff Chris Nocco previously said the argument Wednesday night was over food."
    assert _day(date(2015, 3, 26), lede, then) == date(2015, 3, 25)
    # gvc (Poplar Bluff, published Thursday 2015-12-24): a vigil "gathered Tuesday evening"; the shot "Monday morning"
    vigil = (
        "Members of the community gathered Tuesday evening at Poplar Bluff High School to offer prayers and support"
        " for a student injured in her home by an accidental gunshot."
    )
    shot = "Junior Kaitlyn Pullam is in critical condition after her father accidentally shot her Monday morning."
    assert _day(date(2015, 12, 24), vigil, "She is at St. Louis Children's Hospital.", shot) == date(2015, 12, 21)
    # gvc (Philadelphia, published Monday 2016-04-18): the man "confessed early Sunday morning"; the shooting was
    # Saturday afternoon
    confessed = (
        "Phillips confessed early Sunday morning to shooting his 4-year-old daughter in the face inside a home"
        " on Mayfield Street just before 2:30 p.m. Saturday, a police source told NBC10."
    )
    assert _day(date(2016, 4, 18), confessed) == date(2016, 4, 16)


def test_the_day_of_an_update_stamp_is_not_the_incidents() -> None:
    # gva-dev (Bakersfield, published Sunday 2017-02-26; Dayton, published Monday 2015-11-02): "UPDATE (Feb. 25
    # 2017 5:20 p.m.):" and "UPDATE @ 4:29 p.m. (Nov. 2)" date the update, not the shooting
    update = "UPDATE (Feb. 25 2017 5:20 p.m.): The 7-year-old brother has been released from the hospital."
    shot = "A 5-year-old boy was shot and killed in a drive-by shooting Thursday night, police said."
    assert _day(date(2017, 2, 26), update, shot) == date(2017, 2, 23)
    clock = "UPDATE @ 4:29 p.m. (Nov. 2) Four juveniles showed up at a hospital about 7:30 p.m. Sunday."
    assert _day(date(2015, 11, 2), clock, "A 15-year-old had been shot.") == date(2015, 11, 1)


def test_an_update_told_in_words_is_no_stamp() -> None:
    # a code review's case: only the stamp's capitals ("UPDATE (Nov. 2)") are a stamp, not "gave an update"
    said = "Police gave an update on the shooting Sunday night, saying a man was killed."
    assert _day(date(2016, 3, 8), said) == date(2016, 3, 6)


def test_a_day_the_report_was_told_yields_to_any_day_it_happened() -> None:
    # gvc (Brooklyn, published Sunday 2014-11-23): "investigators said Sunday" in the lede is the telling's day; the
    # shooting's day is the Saturday below, however late in the report
    lede = (
        "The parents of a 9-month-old girl who was accidentally shot in her Brooklyn home are being criminally "
        "charged, investigators said Sunday."
    )
    filler = ("The girl is expected to survive.", "Her parents were arraigned.", "Neighbors were shocked.")
    found = "Police responded to a 911 call on Saturday afternoon and found the baby girl with a gunshot wound."
    assert _day(date(2014, 11, 23), lede, *filler, found) == date(2014, 11, 22)
    # a clock time alone names no day either (the resolver reads it as the publication day)
    clock = "A man shot his wife and two children at about 1 p.m., police said."
    father = "Neighbors said they saw nothing unusual at the home Sunday."
    assert _day(date(2015, 6, 22), clock, *filler, father) == date(2015, 6, 21)


def test_a_day_beside_a_reporting_word_may_still_be_the_incidents() -> None:
    # the day is the incident's when its noun follows or precedes it, or when the saying is what the day dates
    published = date(2016, 9, 13)  # a Tuesday
    road_rage = "The family of a girl shot during a road-rage incident Sunday said the bullet just missed her spine."
    told = "Ava's mother told reporters on Monday that they are all doing well."
    assert _day(published, road_rage, told) == date(2016, 9, 11)
    that = "We are told that was around 6:30 p.m. on Sunday."
    later = "On Monday, the mood at the center was somber."
    assert _day(published, "A teenager was shot and killed while walking home.", that, later) == date(2016, 9, 11)
    # a noun that qualifies another is no incident ("Sunday homicide detectives"), and an update is a report
    homicide = "Police said Sunday homicide detectives are investigating the shooting of a man."
    saturday = "The man was shot Saturday night outside his home."
    assert _day(date(2016, 9, 12), homicide, saturday) == date(2016, 9, 10)
    update = "An update on the shooting Monday said the victim is stable."
    assert _day(date(2016, 9, 12), update, saturday) == date(2016, 9, 10)


def test_a_day_an_arrest_or_a_booking_governs_further_back_in_its_clause_is_no_incidents() -> None:
    # gvc (Meridian, Idaho; published Sunday 2015-10-18): "booked into the Ada County Jail early Sunday morning" dates
    # the booking, "arrested Saturday night" the arrest: neither is the shooting's, which the lede leaves undated
    lede = (
        "A Meridian teenager was arrested Saturday night and charged with involuntary manslaughter after police say"
        " he accidentally shot a 15-year-old."
    )
    booked = "He was arrested and booked into the Ada County Jail early Sunday morning."
    assert _day(date(2015, 10, 18), lede, booked) == date(2015, 10, 17)
    # gvc (Acworth, Georgia; published Tuesday 2016-10-18): the booking's Friday yields to the shooting's calendar day
    jail = "He was booked into the Bartow County Jail early Friday evening."
    responded = "Deputies responded around 5 p.m. Oct. 11 to a home in the 4800 block of Ryan Road near Acworth."
    assert _day(date(2016, 10, 18), "A man was charged in a teen's death.", jail, responded) == date(2016, 10, 11)
    # the incident's noun after the day keeps it the incident's ("charged in connection to the June 28th fatal
    # shooting", gva-dev)
    charged = "A man has been charged in connection to the June 28th fatal shooting of a 49-year-old man."
    assert _day(date(2016, 7, 5), charged) == date(2016, 6, 28)


def test_a_day_before_a_judge_or_of_a_sentence_is_a_later_steps() -> None:
    # gvc (Bristol, Connecticut; published Monday 2016-10-24)
    judge = (
        "Standing silently before a judge on Monday afternoon, Chad Couture of Bristol was arraigned after police say"
        " he shot and killed his friend."
    )
    found = "On Friday evening, police responded to the home and found the man lying in the driveway."
    assert _day(date(2016, 10, 24), judge, found) == date(2016, 10, 21)
    # gvc (Morrison, Illinois; published Thursday 2015-09-10): a probation given Thursday, for a shooting of 2014
    lede = (
        "Rock Falls teen Brady Osborne received 3 years' probation Thursday afternoon for accidentally shooting and"
        " killing his best friend 18 months ago."
    )
    filler = ("The judge read a statement.", "The families sat apart.", "Nobody spoke.", "He will serve no time.")
    charged = "Osborne was charged for accidentally shooting his friend, 15, in the chest on March 1, 2014."
    assert _day(date(2015, 9, 10), lede, *filler, charged) == date(2014, 3, 1)


def test_a_day_after_for_names_nothing_that_happened() -> None:
    # gva-dev (Washington, published Friday 2016-11-25): home "for Thanksgiving", killed Friday
    lede = "Breyona McMillian was shot and killed Friday morning outside her mother's home in Southeast D.C."
    home = "A teenage girl home from out of town for Thanksgiving was killed Friday after she was shot."
    assert _day(date(2016, 11, 25), lede, home) == date(2016, 11, 25)


def test_a_death_with_a_day_of_its_own_that_week_is_not_dated_by_an_older_case() -> None:
    # gvc (Louisville, published Sunday 2015-03-15): a girl died Saturday of a wound suffered on Friday; the report
    # then recalls another child who died on May 2, 2014
    lede = (
        "Police said a 4-year-old girl died Saturday of an apparently self-inflicted gunshot wound suffered on Friday."
    )
    filler = ("Neighbors gathered outside.", "One said guns should be put away.", "Another agreed.")
    other = "He died at Kosair Children's Hospital on May 2, 2014."
    assert _day(date(2015, 3, 15), lede, *filler, other) == date(2015, 3, 13)


def test_the_day_the_incidents_own_verb_names_beats_yesterday() -> None:
    # gvc (Bradenton, published Thursday 2016-01-14): "occurred Thursday afternoon" is the shooting's day, even on the
    # publication day; the next sentence (one for the splitter: "St. Court E. Deputies") says "yesterday" of the gun
    lede = "The Sheriff's Office is investigating an accidental shooting that occurred Thursday afternoon in Bradenton."
    then = (
        "The incident happened around 12:42 p.m. in the 3800 block of 10th St. Court E. Deputies say she was playing"
        " with a gun someone dropped off at her home yesterday when the firearm accidentally discharged."
    )
    assert _day(date(2016, 1, 14), lede, then) == date(2016, 1, 14)
    # gva-dev (Memphis, published Wednesday 2016-07-06): "It happened after 3 a.m. Wednesday" beats the day of another
    # teen's death a week before
    lede = "A teen was critically injured while playing with guns. It happened after 3 a.m. Wednesday at home."
    other = "Exactly one week ago, on June 29th, 13-year-old Chris Mackey died after a gun found by teenagers went off."
    assert _day(date(2016, 7, 6), lede, other) == date(2016, 7, 6)


def test_a_place_named_court_and_a_passive_after_the_day_are_no_reporting() -> None:
    # gva-dev (Richmond, published Thursday 2017-03-30): "in Mosby Court" is a housing court, not a court of law
    shot = "Richmond police say three people were shot early Wednesday morning in Mosby Court."
    died = "Taliek K. Brown, 15, was taken off life support Thursday afternoon and died."
    assert _day(date(2017, 3, 30), shot, died) == date(2017, 3, 29)
    # gva-dev (Los Angeles, published Wednesday 2017-04-05): "Tuesday afternoon was identified": the passive's subject
    # is the boy killed that afternoon; the identifying was Wednesday morning
    lede = (
        "A 17-year-old boy killed during a triple shooting in the Vermont-Slauson neighborhood of South Los Angeles"
        " Tuesday afternoon was identified as Kevin Cleveland Jr. by his mother on Wednesday morning."
    )
    assert _day(date(2017, 4, 5), lede) == date(2017, 4, 4)
    # a court of law still dates a later step ("appeared in Superior Court Tuesday")
    court = "The man appeared in Superior Court Tuesday."
    assert _day(date(2017, 4, 5), court, "He was shot Sunday night.") == date(2017, 4, 2)


def test_what_the_rules_on_later_steps_leave_to_the_incident() -> None:
    # sentences a review wrote against this session's rules (not from the data sets): each day is the incident's
    published = date(2016, 5, 10)  # a Tuesday
    charged = "A 20-year-old man on Tuesday was charged with murder in a shooting that killed a teen."
    assert _day(published, charged, "The teen was shot Sunday night, police said.") == date(2016, 5, 8)
    wanted = "Police arrested a man for Saturday's fatal shooting on Main Street."
    assert _day(published, wanted, "He was booked Monday.") == date(2016, 5, 7)
    double = "Prosecutors charged a 24-year-old Springfield man with murder in Sunday night's double shooting."
    assert _day(published, double, "The two men had argued Saturday.") == date(2016, 5, 8)
    judge = "A retired judge was shot Sunday outside his home."
    assert _day(published, judge, "He died Monday at a hospital.") == date(2016, 5, 8)
    # a death weeks after the shooting: the day of life support ending is no incident's
    died = "Marcus Jones died Saturday at University Hospital."
    shot = "Jones was shot in the head on May 2 outside a store."
    assert _day(date(2016, 6, 12), died, shot, "He was taken off life support Thursday.") == date(2016, 5, 2)
    # a headline in capitals still tells of a later step ("Appears In Court")
    lines = Lines(
        title="Suspect Appears In Court",
        sentences=[
            "A teen was shot Friday night in Mosby Court.",
            "He is charged in the April 2 shooting of Tony Lee.",
        ],
        spans=[[], []],
    )
    assert choose_date(lines, date(2016, 4, 30), default_time_finder(), None)[0] == date(2016, 4, 2)
