"""Pictures of the wage figures (careers.pictures) and the replies that carry them
(fixture: HR managers and lawyers in the U.S., California, Texas and San Jose)."""

import pytest

from careers import dialogue, pictures
from careers.formatting import MARKDOWN
from careers.replies import reply_to

NATIONAL, TX, CA, SAN_JOSE = "0000000", "4800000", "0600000", "0041940"


def labels(picture, series=0):
    return [point["label"] for point in picture["series"][series]["points"]]


def test_a_pay_range_has_the_five_percentiles_of_the_place_asked_as_labels_and_as_text(kb):
    picture = pictures.pay_range(kb, [("hr_executive", TX)])
    assert picture["kind"] == "pay_range" and picture["unit"] == "a year"
    assert labels(picture) == ["$83,200", "$105,090", "$136,500", "$176,830", "$226,050"]
    assert picture["title"] == "HR executive, Texas: pay range"
    assert picture["text"] == (
        "Annual pay, May 2025:\nHR executive, Texas, figures for human resources managers: 10th percentile $83,200, "
        "25th $105,090, median $136,500, 75th $176,830, 90th $226,050."
    )
    assert picture["source"]["release"] == "May 2025"


def test_an_hourly_range_is_per_hour(kb):
    picture = pictures.pay_range(kb, [("hr_executive", CA)], hourly=True)
    assert picture["unit"] == "an hour" and labels(picture) == ["$46.36", "$62.12", "$81.77", "$108.17", "$147.89"]
    assert picture["text"].startswith("Hourly pay, May 2025:")


def test_no_range_unless_all_five_percentiles_are_published(kb):
    assert pictures.pay_range(kb, [("labor_lawyer", TX)]) is None  # no median released in Texas
    assert pictures.pay_range(kb, [("hr_generalist", NATIONAL)]) is None  # no occupation in the fixture
    assert pictures.pay_range(kb, [("hr_executive", TX), ("labor_lawyer", TX)]) is None  # not one without the other


def test_a_top_coded_percentile_keeps_or_more(kb):
    picture = pictures.pay_range(kb, [("labor_lawyer", SAN_JOSE)])
    assert picture["series"][0]["points"][-1]["label"].endswith(" or more")


def test_a_state_map_has_every_state_with_a_figure_and_the_listed_ones(kb):
    picture = pictures.state_map(kb, "hr_executive", "annual_median", lowest=False, listed=[CA, TX])
    assert [(state["fips"], state["label"]) for state in picture["states"]] == [("06", "$170,080"), ("48", "$136,500")]
    assert picture["listed"] == ["06", "48"] and picture["measure"] == "Median annual pay"
    assert "Highest 2 (median annual pay): California $170,080, Texas $136,500." in picture["text"]
    jobs = pictures.state_map(kb, "hr_executive", "employment", lowest=True, listed=[TX])
    assert [state["label"] for state in jobs["states"]] == [
        "23,220",
        "27,450",
    ] and "Lowest 1 (jobs): Texas 23,220" in jobs["text"]


def test_a_salary_reply_carries_the_range_of_what_was_asked(kb):
    national = reply_to(kb, dialogue.AnswerRole(role="hr_executive", topic="salary"), MARKDOWN)
    assert labels(national.picture)[2] == "$149,280"
    in_texas = reply_to(kb, dialogue.AnswerRole(role="hr_executive", topic="salary", place=TX), MARKDOWN)
    assert labels(in_texas.picture)[2] == "$136,500" and in_texas.picture["series"][0]["name"] == "HR executive, Texas"
    hourly = reply_to(kb, dialogue.AnswerRole(role="hr_executive", topic="salary", measure="hourly"), MARKDOWN)
    assert hourly.picture["unit"] == "an hour"


@pytest.mark.parametrize("measure", ["starting", "top", "mean", "concentration"])
def test_a_question_about_one_end_or_another_measure_gets_no_range(kb, measure):
    """A picture of the whole range would give figures the question did not ask for."""
    reply = reply_to(kb, dialogue.AnswerRole(role="hr_executive", topic="salary", place=TX, measure=measure), MARKDOWN)
    assert reply.picture is None


def test_other_topics_get_no_picture(kb):
    for topic in ("duties", "education", "growth"):
        assert reply_to(kb, dialogue.AnswerRole(role="hr_executive", topic=topic), MARKDOWN).picture is None
    pair = reply_to(kb, dialogue.AnswerPair(first="hr_executive", second="labor_lawyer", topic="education"), MARKDOWN)
    assert pair.picture is None


def test_comparisons_carry_both_ranges_on_one_axis(kb):
    roles = reply_to(kb, dialogue.AnswerPair(first="hr_executive", second="labor_lawyer", topic="salary"), MARKDOWN)
    assert [series["name"] for series in roles.picture["series"]] == [
        "HR executive, the U.S.",
        "Labor lawyer, the U.S.",
    ]
    assert roles.picture["title"] == "HR executive vs labor lawyer, pay range in the U.S."
    in_ca = reply_to(
        kb, dialogue.AnswerPair(first="hr_executive", second="labor_lawyer", topic="salary", place=CA), MARKDOWN
    )
    assert [labels(in_ca.picture, n)[2] for n in (0, 1)] == ["$170,080", "$195,080"]
    places = reply_to(kb, dialogue.ComparePlaces(role="hr_executive", places=(TX, CA)), MARKDOWN)
    assert places.picture["title"] == "HR executive, pay range in Texas vs California"
    assert [series["name"] for series in places.picture["series"]] == [
        "HR executive, Texas",
        "HR executive, California",
    ]


def test_a_ranking_of_states_carries_a_map_and_one_of_metro_areas_none(kb):
    states = reply_to(
        kb, dialogue.RankPlaces(role="hr_executive", ranking="pay", metro=False, lowest=False, within=None), MARKDOWN
    )
    assert states.picture["kind"] == "state_map" and states.picture["listed"] == ["06", "48"]
    metros = reply_to(
        kb, dialogue.RankPlaces(role="hr_executive", ranking="pay", metro=True, lowest=False, within=None), MARKDOWN
    )
    assert metros.picture is None
