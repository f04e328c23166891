"""Victims told without a count: by their wounds ("a juvenile was found with a gunshot wound", "shot him in his
hand", "three more people are at a hospital with gunshot wounds"), by the deed ("arrested in the murder of Brennon
Davis"), by the body ("a body has been found") or the charge ("charged with first-degree murder"); one more victim
("Another man was shot", "also shot, but survived") and victims named in a list; and the sentences written to
break these readings."""

from __future__ import annotations

from storyfold.facts.event import choose_casualties
from storyfold.facts.quantities import find_quantities


def _casualties(title: str | None, *body: str) -> tuple[int | None, int | None]:
    """(killed, injured) of a headline (or None) and body sentences, as the article's main event counts them."""
    qs = find_quantities(title, -1, 2016) if title else []
    for i, s in enumerate(body):
        qs += find_quantities(s, i, 2016)
    killed, injured, _ = choose_casualties(qs)
    return killed, injured


def _kinds(sentence: str) -> list[tuple[str, int | None, int | None]]:
    return [(q.kind, q.low, q.high) for q in find_quantities(sentence, 0, 2014)]


def test_one_person_with_a_gunshot_wound_is_one_wounded() -> None:
    # the ledes of real reports (gva-dev), which gave no count before
    found = "Lexington Police are investigating after a juvenile was found with a gunshot wound along Gunbow Court."
    assert _casualties(None, found, "Police say the juvenile was taken to the hospital.") == (0, 1)
    assert _casualties("Man Shows up to LR Taco Bell With Gunshot Wound", "Police were called Friday.") == (0, 1)
    brother = "The 7-year-old brother suffering from a gunshot wound to the leg has been released from the hospital."
    assert _casualties(None, brother) == (0, 1)
    # the one found with a wound is as often the one who died: beside a death it adds nobody
    found_dead = "Officers found a man with a gunshot wound to the chest. He was pronounced dead at the scene."
    assert _casualties(None, "A man was shot and killed Sunday night on Elm Street.", found_dead) == (1, 0)


def test_people_with_gunshot_wounds_are_counted_and_more_of_them_are_besides_the_dead() -> None:
    lede = "Manuel Otiz, 28, died, three more people are at a hospital with gunshot wounds after a man opened fire."
    assert _casualties(None, lede) == (1, 3)
    assert _casualties(None, "Two men arrived at a hospital suffering from gunshot wounds early Sunday.") == (0, 2)


def test_a_victim_who_died_of_the_wound_is_no_wounded_one() -> None:
    assert _casualties(None, "A man was found dead with a gunshot wound to the head Tuesday, police said.") == (1, 0)
    # no wounded of the dead (their count is not read here)
    assert _casualties(None, "Two other men were found with gunshot wounds and were pronounced dead.")[1] in (0, None)
    # another incident's wound, told in the lede, is no victim of this one
    other = "In a separate shooting, a man showed up at a hospital with a gunshot wound."
    assert _casualties(None, "A woman was shot and killed on Elm Street on Friday.", other) == (1, 0)
    assert _casualties(None, other) == (None, None)


def test_one_person_hit_told_by_where() -> None:
    hand = "They say someone approached the man's car and shot him in his hand."
    assert _casualties(None, "Detectives are investigating an early morning shooting.", hand) == (0, 1)
    head = (
        "Savion Smith was asleep when a stray bullet from a 9 mm handgun struck the back of his head, a sergeant said."
    )
    assert _casualties(None, head) == (0, 1)
    assert _casualties(None, "A bullet grazed her head as she slept, police said.") == (0, 1)
    # not a car, nor a killing, nor a pellet
    assert _casualties(None, "A bullet hit his car as he drove home Friday.") == (None, None)
    assert _casualties(None, "The gunman shot him in the head, killing him, police said.") == (1, 0)
    assert _casualties(None, "A bullet from a BB gun struck her arm, police said.") == (None, None)
    # a thing's side, back or face is no person's (a code review's cases)
    assert _casualties(None, "A bullet struck the side of the house, police said.") == (None, None)
    assert _casualties(None, "Two rounds hit the back window of the patrol car.") == (None, None)


def test_one_death_told_by_the_deed_or_the_body() -> None:
    # the ledes of real follow-up reports (gva-dev), which gave no count before
    arrest = "Cody Austin Thompson, 23, has been arrested in connection with the murder of Brennon Davis, 15."
    assert _casualties(None, arrest) == (1, 0)
    assert _casualties(None, "Two men were charged in the killing of a 9-year-old boy, prosecutors said.") == (1, 0)
    assert _casualties(None, "Officials confirm a body has been found on Cricket Drive in Dorchester County.") == (1, 0)
    assert _casualties(None, "The body of a 15-year-old was found in a creek on Sunday.") == (1, 0)
    # a count, where one is given, is the count
    assert _casualties(None, "He was charged in the murder of two men outside a bar.") == (2, 0)


def test_no_death_in_an_attempt_or_a_figure_of_speech() -> None:
    assert _casualties(None, "He faces a charge of attempted murder of a police officer.") == (None, None)
    assert _casualties(None, "The senator celebrated the killing of the bill on Tuesday.") == (None, None)
    assert _casualties(None, "Critics called the cuts the murder of a once-great newspaper.") == (None, None)


def test_no_death_in_a_title_an_animal_a_missing_body_or_one_found_alive() -> None:
    # a review's cases: a book's title, an animal's body, a body not found, a body that was a man alive
    play = "The theater staged an adaptation of Agatha Christie's 'The Murder of Roger Ackroyd.'"
    assert _casualties(None, "A man was shot in the leg outside the theater Friday.", play) == (0, 1)
    assert _casualties(None, "The body of a deer was found on the football field Monday.") == (None, None)
    assert _casualties(None, "No body has been found, police said.") == (None, None)
    alive = "Police said a body had been found in a ditch, but the man, who had been shot twice, was found alive."
    assert _casualties(None, alive) == (0, 1)
    assert _casualties(None, "He was charged in the killing of his neighbor's dog.") == (None, None)


def test_a_death_told_by_the_charge_or_the_inquiry() -> None:
    # the ledes of real follow-up reports (gva-dev) that gave no count before
    assert _casualties("Helena teen appears on homicide charge", "He appeared in court Monday.") == (1, 0)
    guilty = "Albert Hernandez, 18, was found guilty of second-degree murder and criminal street-gang participation."
    assert _casualties(None, guilty) == (1, 0)
    assert _casualties(None, "The weapon discharge inside the residence was ruled as manslaughter.") == (1, 0)
    # not an attempt nor a plot
    assert _casualties(None, "He was charged with attempted murder after the shooting.") == (None, None)
    assert _casualties(None, "She is charged with conspiracy to commit murder.") == (None, None)


def test_the_charges_are_no_count_of_the_dead() -> None:
    # counts of murder are per charge: "four counts of murder" for one death; the count the text gives wins
    charged = "Three men were charged with two counts of first-degree murder each."
    assert _casualties(None, charged, "Police said the men shot and killed three people at the house.") == (3, 0)
    assert _casualties(None, "He was charged with four counts of aggravated murder.", "A man was killed.") == (1, 0)
    # a charge today of a killing in another year: the killing's count stands
    trial = "A man accused of a double murder at a 2013 house party appeared in court Tuesday."
    assert _casualties(None, trial, "Julio Romero is charged with two counts of murder.") == (2, 0)


def test_no_death_from_another_cases_warrant_or_a_charge_that_may_come() -> None:
    # a review's cases: the wanted man's warrant is another case's; the law's threat and a charge not yet filed
    wanted = "A man wanted on a murder warrant in Georgia was shot and wounded by U.S. Marshals on Tuesday."
    assert _casualties(None, wanted) == (0, 1)
    law = "Under the law, a gun owner whose weapon is used by a child to kill someone can face manslaughter charges."
    assert _casualties(None, "A 6-year-old boy was shot in the arm by his brother.", law) == (0, 1)
    could = "Prosecutors said murder charges could be filed if the victim dies."
    assert _casualties(None, "A man was shot in the head and is in critical condition.", could) == (0, 1)


def test_one_still_in_hospital_beside_the_dead_is_wounded() -> None:
    # gvc (Paulding County, Georgia, 2016): the child died, the mother was wounded
    lede = "An 8-year-old child died Sunday morning and her mother remains in the hospital following a shooting."
    assert _casualties(None, lede) == (1, 1)
    # the same victim, on life support or until death; another shooting's victim
    support = "Five-year-old Lily remains in the hospital on life support Wednesday."
    assert _casualties(None, support, "Doctors said the girl is brain dead.") == (1, 0)
    assert _casualties(None, "The boy remained in the hospital until he died Tuesday.") == (1, 0)
    dead = "A man was shot and killed on Tuesday in the 2300 block of Elm Street."
    other = "It was the second shooting on the block this month; a man shot there on July 3 remains hospitalized."
    assert _casualties(None, dead, other) == (1, 0)


def test_one_with_a_wound_who_lived_is_wounded_beside_the_dead() -> None:
    # gva-dev (Bakersfield, 2017): the brother "suffering from a gunshot wound" has been released: a second victim
    dead = "A 5-year-old boy was shot and killed in a drive-by shooting Thursday night."
    brother = "The 7-year-old brother suffering from a gunshot wound to the leg has been released from the hospital."
    assert _casualties(None, dead, brother) == (1, 1)
    assert _casualties(
        None, "The suspect was killed by police.", "An officer suffered a bullet graze to the nose."
    ) == (
        1,
        1,
    )
    # gva-dev (DeKalb County, 2014): "put three women into the hospital"
    invasion = "The shooting was part of a violent home invasion that put three women into the hospital."
    assert _casualties(None, "A 9-month-old boy was shot and killed.", invasion) == (1, 3)


def test_a_code_reviews_cases_of_the_charge_the_body_and_the_hospital() -> None:
    # "May" the month is no "may" of a charge to come; "pleaded guilty to murder charges" is a death
    assert _casualties(None, "He was charged with murder May 3.") == (1, 0)
    assert _casualties(None, "He pleaded guilty to murder charges on Monday.") == (1, 0)
    # a death told by the body or the deed says that someone died, not how many: the count further down wins
    body = "A body has been found on Elm Street."
    assert _casualties(None, body, "Police later said three people were found dead in the home.") == (3, 0)
    murder = "Police are investigating the murder of a man outside a bar."
    assert _casualties(None, murder, "Two other men were killed in the shooting.") == (2, 0)
    # the guard against another shooting's victim "still in hospital" is the new reading's, not the old ones'
    critical = "A woman died Sunday and her husband remains in critical condition after the shooting on March 3."
    assert _casualties(None, critical) == (1, 1)
    assert _casualties(None, "A man remained in critical condition Tuesday, a day after another man was arrested.") == (
        0,
        1,
    )
    # a dog's killing stops no reading of a person's in the same sentence
    dog = "He was charged in the killing of his neighbor's dog and then killing his neighbor."
    assert _casualties(None, dog)[0] == 1


def test_a_victim_more_who_was_shot_lived() -> None:
    # gva-dev (San Antonio, June 2016): the girl was killed, "her mother was also shot, but survived"
    qs = find_quantities("Iris Rodriguez was shot and killed June 1 while walking with her mother.", 0)
    qs += find_quantities("Her mother was also shot, but survived.", 1)
    assert choose_casualties(qs)[:2] == (1, 1)
    qs = find_quantities("A man was shot and killed on Main Street.", 0)  # written for this test
    assert choose_casualties(qs + find_quantities("Another man was shot in the leg.", 1))[:2] == (1, 1)
    # the victim's own wounds told again are no victim more
    assert choose_casualties(qs + find_quantities("He was shot in the chest.", 1))[:2] == (1, 0)
    # gva-dev (San Diego, July 2016): "killing one and severely wounding the other"
    assert ("injured", 1, 1) in _kinds("He opened fire on two officers, killing one and severely wounding the other.")


def test_victims_named_in_a_list_or_counted_in_two_groups() -> None:
    # gva-dev (Springfield, Ohio, November 2014): three named men "were also struck" besides the dead
    named = "Raymone West, Brian Dearmond and Marquise McPherson were also struck by bullets."
    assert ("injured", 3, 3) in _kinds(named)
    qs = find_quantities("Davienne Lewis died after he was shot multiple times.", 0) + find_quantities(named, 1)
    assert choose_casualties(qs)[:2] == (1, 3)
    # gva-dev (Colorado Springs, November 2015; Philadelphia, September 2016): two groups summed
    assert ("injured", 9, 9) in _kinds("Five more officers and four other civilians were injured.")
    rampage = (
        "He went on a rampage killing a young woman and wounding two law enforcement officers"
        " and three other civilians."
    )
    assert ("injured", 5, 5) in _kinds(rampage)
    # gva-dev (Detroit, 2015): "the shooting of four members of a family", nobody killed
    assert ("shot", 4, 4) in _kinds("He pleaded guilty for his role in the shooting of four members of a family.")
    assert ("killed", 2, 2) in _kinds("He was charged in the fatal shooting of two men.")


def test_a_second_victim_in_a_headline_lived() -> None:
    # gva-dev (Paterson, February 2017; Chicago, January 2017)
    assert choose_casualties(find_quantities("Teenager fatally shot, another wounded in Paterson", -1))[:2] == (1, 1)
    title = "2 16-year-old boys killed, woman injured in West Side shooting"
    assert choose_casualties(find_quantities(title, -1))[:2] == (2, 1)
    # no death before it: the headline's victims are told by the other patterns
    assert ("injured", 1, 1) not in _kinds("Man shot, woman injured in crash")


def test_both_of_the_wounded_are_counted() -> None:
    # gvc (Humble, Texas, November 2016): "Betzida was also struck. She and her mom are both recovering at home."
    qs = find_quantities("Police said a 4-year-old girl died in the shooting.", 0)
    qs += find_quantities("Betzida was also struck.", 1) + find_quantities(
        "She and her mom are both recovering at home.", 2
    )
    assert choose_casualties(qs)[:2] == (1, 2)


def test_a_deputy_in_a_headline_and_a_list_of_victims_that_ends_at_a_new_clause() -> None:
    # gva-dev (Franklin, Louisiana, December 2016)
    assert ("killed", 1, 1) in _kinds("St. Mary Parish deputy killed in accidental shooting Thursday night")
    # a list of victims ends where a new clause starts (a review's sentences)
    assert _casualties("Man kills wife, 2 children found unharmed in home") == (1, 0)
    assert _casualties("Drive-by shooting kills teen, bystanders unhurt") == (1, 0)


def test_a_victim_who_was_shot_and_lived_is_wounded_beside_the_dead() -> None:
    # gva-dev (Dearborn Heights, 2016): "His wife, Faith Green, was shot and slashed but survived."
    qs = find_quantities("His two stepchildren were shot and killed in the basement.", 0)
    assert choose_casualties(qs + find_quantities("His wife, Faith Green, was shot and slashed but survived.", 1))[
        :2
    ] == (
        2,
        1,
    )
    # the victim's own wounds, no sign he lived, stay the dead one's
    qs = find_quantities("A man was shot and killed on Main Street.", 0)
    assert choose_casualties(qs + find_quantities("He was shot in the chest.", 1))[:2] == (1, 0)
    # gva-dev (Quincy, Washington, February 2017; Capulin, Colorado): hospitalized, "a fourth victim remains ..."
    quincy = "Jahleel Munnings died at the scene and Luis Nava Trujillo was hospitalized after a single gunshot wound."
    assert choose_casualties(find_quantities(quincy, 0))[:2] == (1, 1)
    assert ("injured", 1, 1) in _kinds("A fourth victim remains hospitalized with a gunshot wound to the shoulder.")
    # gva-dev (San Diego, City Heights): a name beside a noun
    assert ("injured", 2, 2) in _kinds("Gonzalez and her 67-year-old grandfather were wounded.")
    # the dead are taken to hospital too: no count of the wounded (gvc, Aransas Pass)
    assert not [k for k in _kinds("The man and the girl were rushed to an area hospital.") if k[0] == "injured"][1:]


def test_one_more_victim_is_not_another_incident_nor_the_same_victim() -> None:
    # sentences written to break the readings above (a review of this session); the expected counts are a
    # careful reader's
    dead = "A 27-year-old man was shot and killed Saturday night on the North Side, police said."
    assert _casualties(None, dead, "In an unrelated incident, another man was shot in the leg on the East Side.") == (
        1,
        0,
    )
    assert _casualties(None, dead, "His friend was also shot at but was not hit, police said.") == (1, 0)
    assert _casualties(None, dead, "He was shot in the chest and was also shot in the back, police said.") == (1, 0)
    beaten = "Police said she had been beaten and was also shot in the head."
    assert _casualties("Woman found dead in apartment", "A woman was found dead in her apartment.", beaten) == (1, 0)
    both_dead = "One was shot in the head; the other was shot multiple times in the chest."
    assert _casualties("2 men found shot to death in car", "Two men were found shot to death.", both_dead) == (2, 0)
    # a survival told of someone else, or "is survived by"
    assert _casualties(
        None, dead, "Smith, who was shot multiple times, is survived by his wife and three children."
    ) == (
        1,
        0,
    )
    officer = "The victim was shot in the back, and an officer who fell during the chase was treated and released."
    assert _casualties(None, dead, officer) == (1, 0)
    # hospitalized, but not shot, or the one who died
    assert _casualties(None, dead, "His mother was hospitalized after collapsing at the scene.") == (1, 0)
    assert _casualties(None, "Johnson was shot and remained hospitalized until he died Tuesday.") == (1, 0)


def test_named_or_counted_victims_who_were_missed_or_died_are_not_wounded() -> None:
    dead = "A man was shot and killed outside a nightclub early Sunday."
    assert _casualties(None, dead, "Marcus Smith and Devin Jones were also shot at but were not hit.") == (1, 0)
    assert _casualties(None, dead, "Officers John Smith and Mark Jones were hurt when their cruiser crashed.") == (1, 0)
    assert _casualties(None, dead, "Smith and Jones were struck by a car as they ran from the gunfire.") == (1, 0)
    assert _casualties(None, dead, "Smith's Ford Explorer and Jones's Honda Civic were struck by bullets.") == (1, 0)
    # "the shooting of" another incident, or of the dead
    dallas = "The rally comes a week after the shootings of five officers in Dallas."
    assert _casualties(None, "A man was shot in the leg Tuesday night.", dallas) == (0, 1)
    assert ("shot", 2, 2) not in _kinds("He was charged with two counts of murder in the shooting of two men.")
    # gva-dev (Fort Wayne, September 2016): the three dead of the shooting of five
    bar = "The three men killed in the early Tuesday shooting of five people at the bar have been identified."
    assert _casualties(None, bar) == (3, 2)


def test_a_headline_clause_after_a_victim_is_not_one_more_victim() -> None:
    assert _casualties("Man kills girlfriend, 2 others wounded") == (1, 2)
    assert _casualties("Man kills wife, 2 children found unharmed in home") == (1, 0)
    assert _casualties("Gunman kills man, customers flee") == (1, 0)
    assert _casualties("Suspect in fatal shooting arrested, officer injured", "Police arrested a man Tuesday.")[1] == 0
    assert _casualties("Firefighter shot at while battling blaze", "No one was injured.") == (0, 0)
    # "both" taken to hospital may include the dead; "shot into the passenger side" hit no one
    hurt = "A man was shot and killed and a woman was injured early Saturday."
    assert _casualties(None, hurt, "Both victims were rushed to a hospital.") == (1, 1)
    assert _casualties(None, "Someone shot into the passenger side of a car Tuesday.", "No one was injured.") == (0, 0)


def test_more_sentences_written_to_break_the_victim_readings() -> None:
    # a second review's sentences (the counts a careful reader gives); each broke a version of these rules
    assert _casualties(
        "Man shot dead in his backyard",
        "A 45-year-old man was shot and killed in his backyard Tuesday evening.",
        "His dog was also shot and is recovering at a veterinary clinic.",
    ) == (1, 0)
    assert _casualties(
        "Police fatally shoot man with machete",
        "Police fatally shot a man who charged at officers with a machete Sunday afternoon.",
        "A second man was shot with a Taser and taken into custody.",
    ) == (1, 0)
    assert _casualties(
        "Man found dead in home",
        "A 60-year-old man was found dead in his home Tuesday morning.",
        "Police said the victim, who had been tied up, was also shot in the leg.",
    ) == (1, 0)
    assert _casualties(
        None,
        "A man was killed in a shooting at his home Tuesday night.",
        "He was shot in the doorway, but his wife and children inside the home survived.",
    ) == (1, 0)
    assert _casualties(
        "Teen shot dead outside home",
        "A 15-year-old boy was shot and killed outside his home Friday night.",
        "His mother, who witnessed the shooting, was hospitalized for shock.",
    ) == (1, 0)
    assert _casualties(
        None,
        "A man was shot and killed inside a barbershop Saturday afternoon.",
        "Anthony Price and his son were injured by flying glass when bullets shattered the front window.",
    ) == (1, 0)
    wounded = "Late Saturday, Marcus Hill and Tony Reed were wounded outside a West Side nightclub, police said."
    assert _casualties(None, wounded) == (0, 2)
    assert _casualties(
        "Gunman killed by police, officer hurt in crash",
        "Police shot and killed a gunman Saturday after a chase.",
    ) == (1, 0)
    assert _casualties(
        "Officer shot during struggle",
        "A police officer was wounded in the arm during a struggle with a suspect Tuesday night.",
        "Both officers involved were injured, police said.",
    ) == (0, 1)
    assert _casualties("Gunman kills woman, employees recall terror", "The gunman walked in after closing.") == (1, 0)
    # a headline's victim "hurt" or "injured" with no gunfire told is no casualty of a shooting
    assert _casualties("Detective hurt in crash after chase of murder suspect", "A man was shot dead Sunday.") == (1, 0)


def test_a_sentence_opening_on_another_incident_counts_for_that_one() -> None:
    # a third review's ordinary cases (written before the code ran): round-ups that go on to other incidents
    killed = "A 24-year-old man was shot and killed early Sunday in the Ensley neighborhood, police said."
    other = "In a separate incident early Sunday, two men were wounded outside a bar on Third Avenue."
    assert _casualties("Man killed in Ensley shooting", killed, other) == (1, 0)
    wounded = "A woman was wounded by gunfire Friday night on Monroe Street, police said."
    assert _casualties(None, wounded, "Elsewhere, a 19-year-old man was shot to death on the East Side.") == (0, 1)
    # not any opening "in a shooting": "In a shooting Saturday night, two men were wounded" is the article's own
    assert ("injured", 2, 2) in _kinds("In a shooting Saturday night, two men were wounded.")


def test_fatally_shot_his_wife_then_himself_is_two_deaths() -> None:
    # the third review's ordinary case: "fatally shot" a victim is the killer's act, as "killed his wife" is
    lede = "A man fatally shot his wife before turning the gun on himself Sunday, police said."
    assert _casualties(None, lede, "Officers found the couple dead inside the home.") == (2, 0)
    # police who fatally shot a man: one death, nobody took their own life
    assert _casualties(None, "Police fatally shot a man who fired at officers Sunday.") == (1, 0)


def test_a_killer_who_killed_several_then_himself_counts_them_all() -> None:
    """gva-dev and gvc reports of murder-suicides: the victims told after a determiner, by ages or as twins, and the
    killer last in the list; an attempt on one's own life is no death, and a toll already counting the killer
    gets no one more."""
    # Perry Hall, 2015
    assert _casualties(
        "Police: Perry Hall father kills sons, 10 and 12, before turning the gun on himself",
        "A father who lost his temporary job as a human resources manager last week shot and killed his 12- and"
        " 10-year-old sons Friday morning before taking his own life at the family's Perry Hall home, authorities"
        " said.",
    ) == (3, 0)
    # Panorama City, 2016
    assert (
        _casualties(
            "Man Fatally Shoots Ex-Girlfriend's Teen Daughters, Then Self",
            "A man shot and killed his ex-girlfriend's two teenage daughters, then turned the gun on himself in a"
            " Panorama City murder-suicide, police said.",
        )[0]
        == 3
    )
    assert _casualties("Police: St. Charles dad fatally shot twin daughters, himself")[0] == 3
    assert (
        _casualties(
            "Montana sheriff: Colorado woman kills 5-year-old son, self",
            "A sheriff in central Montana says a 41-year-old Colorado woman shot her 5-year-old son and then herself in"
            " a murder-suicide.",
        )[0]
        == 2
    )
    # Bellingham, 2015: she tried to take her own life
    assert (
        _casualties(
            "Police: Woman kills husband, infant son, then attempts suicide",
            "A woman fatally shot her 17-month-old son and her husband, then tried to take her own life at their home.",
        )[0]
        == 2
    )
    # Wisconsin Rapids, 2016 (gvc): the lede's toll counts the father already
    assert (
        _casualties(
            "NEW INFORMATION: Police say father fatally shot his 2 children, then himself",
            "A man and two children are dead in what Wisconsin Rapids police say is an apparent double murder-suicide.",
        )[0]
        == 3
    )
