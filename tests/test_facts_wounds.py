"""Victims told without a count: by their wounds ("a juvenile was found with a gunshot wound", "shot him in his
hand", "three more people are at a hospital with gunshot wounds"), by the deed ("arrested in the murder of Brennon
Davis") or by the body ("a body has been found")."""

from __future__ import annotations

from storyfold.facts.event import choose_casualties
from storyfold.facts.quantities import find_quantities


def _casualties(title: str | None, *body: str) -> tuple[int | None, int | None]:
    qs = find_quantities(title, -1, 2016) if title else []
    for i, s in enumerate(body):
        qs += find_quantities(s, i, 2016)
    killed, injured, _ = choose_casualties(qs)
    return killed, injured


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
