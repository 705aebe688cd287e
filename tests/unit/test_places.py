"""careers.places: every name of a place, found in a text, ambiguity kept (on a small area table)."""

from collections import namedtuple

import pytest
import yaml

from careers.places import DEFAULT_NAMES_PATH, NATIONAL, PlaceNames, candidates, is_place_key, place_names

Area = namedtuple("Area", "code type state_code name")
AREAS = [
    Area(NATIONAL, "N", "00", "National"),
    Area("4100000", "S", "41", "Oregon"),
    Area("2300000", "S", "23", "Maine"),
    Area("3600000", "S", "36", "New York"),
    Area("4800000", "S", "48", "Texas"),
    Area("3900000", "S", "39", "Ohio"),
    Area("0038900", "M", "41", "Portland-Vancouver-Hillsboro, OR-WA"),
    Area("0038860", "M", "23", "Portland-South Portland, ME"),
    Area("0035620", "M", "36", "New York-Newark-Jersey City, NY-NJ"),
    Area("0026420", "M", "48", "Houston-Pasadena-The Woodlands, TX"),
    Area("0018140", "M", "39", "Columbus, OH"),
    Area("0033660", "M", "01", "Mobile, AL"),
    Area("0012420", "M", "48", "Austin-Round Rock-San Marcos, TX"),
    Area("4800001", "M", "48", "West Texas Region of Texas nonmetropolitan area"),
]


@pytest.fixture(scope="module")
def names() -> PlaceNames:
    config = yaml.safe_load(DEFAULT_NAMES_PATH.read_text(encoding="utf-8"))
    return place_names(AREAS, config)


def found(names, text):
    return [(text[start:end], key) for start, end, key in names.mentions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("how much do HR generalists make in Texas?", [("Texas", "4800000")]),
        ("and in TX", [("TX", "4800000")]),
        ("pay in Portland", [("Portland", "0038900|0038860")]),
        ("Portland, ME salary", [("Portland, ME", "0038860")]),
        ("Portland Oregon", [("Portland Oregon", "0038900")]),
        ("New York", [("New York", "3600000|0035620")]),
        ("in NYC", [("NYC", "0035620")]),
        ("Jersey City", [("Jersey City", "0035620")]),
        ("Pasadena, TX", [("Pasadena, TX", "0026420")]),
        ("what about Austin?", [("Austin", "0012420")]),
        ("nationally?", [("nationally", NATIONAL)]),
        ("in the US", [("the US", NATIONAL)]),
        ("jobs in OR", [("OR", "4100000")]),
        ("jobs in Mobile", [("Mobile", "0033660")]),
        ("Columbus Ohio vs Portland, ME", [("Columbus Ohio", "0018140"), ("Portland, ME", "0038860")]),
        ("in Texsa", []),  # five letters: no typo matching
    ],
)
def test_places_are_found_by_every_name(names, text, expected):
    assert found(names, text) == expected


@pytest.mark.parametrize(
    "text", ["OK thanks", "tell ME more", "in Narnia", "a mobile phone", "reading about HR", "oregano", "I or you"]
)
def test_everyday_words_are_not_places(names, text):
    assert found(names, text) == []


def test_place_keys():
    assert candidates("0038900|0038860") == ["0038900", "0038860"]
    assert is_place_key("4800000") and is_place_key("0038900|0038860")
    assert not is_place_key("Narnia") and not is_place_key("48") and not is_place_key("4800000|x")


def test_place_names_survive_the_model_file(names):
    again = PlaceNames.from_dict(names.as_dict())
    assert found(again, "Portland, ME or TX") == found(names, "Portland, ME or TX")


@pytest.mark.parametrize(
    "text, unknown",
    [
        ("hr generalist pay in narnia", ["narnia"]),
        ("i live in Mordor", ["Mordor"]),
        ("how much do they make in Texas?", []),  # known
        ("what do they do in a typical day", []),
        ("jobs in HR", []),
        ("pay in 2030", []),
        ("is it better in college", []),
    ],
)
def test_a_place_we_do_not_know_is_kept_to_be_named_back(names, text, unknown):
    known = names.mentions(text)
    assert [value for _, _, value in names.unknown_mentions(text, known)] == unknown


def test_common_names_in_any_case_but_two_letter_ones_as_written(names):
    assert found(names, "jobs in nyc") == [("nyc", "0035620")]


def test_a_metro_area_is_found_by_each_city_of_a_hyphenated_principal_city():
    areas = AREAS + [Area("0034980", "M", "47", "Nashville-Davidson--Murfreesboro--Franklin, TN")]
    config = yaml.safe_load(DEFAULT_NAMES_PATH.read_text(encoding="utf-8"))
    assert found(place_names(areas, config), "and nashville?") == [("nashville", "0034980")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("how much is it in tx", [("tx", "4800000")]),  # no English word in lower case: any case
        ("what about ny", [("ny", "3600000")]),
        ("jobs in oh", []),  # "oh" is a word: only as "OH"
    ],
)
def test_abbreviations_that_are_no_word_are_read_in_any_case(names, text, expected):
    assert found(names, text) == expected


def test_a_state_name_typo_from_six_letters():
    config = yaml.safe_load(DEFAULT_NAMES_PATH.read_text(encoding="utf-8"))
    names = place_names(AREAS + [Area("1200000", "S", "12", "Florida")], config)
    assert found(names, "hr managers make in florda") == [("florda", "1200000")]
    assert found(names, "hr managers make in ohoi") == []  # a four-letter name: exact only


def test_a_place_outside_the_data_is_named_back_not_matched(names):
    known = names.mentions("hr generalist pay toronto")
    assert known == [] and names.unknown_mentions("hr generalist pay toronto", known) == [(18, 25, "toronto")]
