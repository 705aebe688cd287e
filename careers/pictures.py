"""Pictures of the wage figures, as data the web page draws (pure functions).

A picture is a JSON-ready dict: what to draw, the figures already formatted as labels, and
`text`, its text equivalent, which the page shows with it. The figures come from the same
OEWS rows as the reply's text; a picture never carries a figure for a role, a place or a
measure the reply is not about. Channels that draw nothing (the terminal, REST) get the
reply's text only.

Kinds:
- "pay_range": one or more ranges (10th, 25th, median, 75th and 90th percentiles) on one
  axis: a role in a place, two roles in a place, or a role in several places;
- "state_map": one measure for every state, for a ranking of states.
"""

from typing import Any, Dict, List, Optional, Sequence, Tuple

from careers.answers.pay import area_name
from careers.formatting import money, title
from careers.knowledge_base import WAGE_SOURCE, KnowledgeBase
from careers.wages import Estimate, WageRow, rank_areas

Picture = Dict[str, Any]

PERCENTILES: Tuple[Tuple[str, str], ...] = (
    ("p10", "10th percentile"),
    ("p25", "25th percentile"),
    ("median", "median"),
    ("p75", "75th percentile"),
    ("p90", "90th percentile"),
)

# measure of a ranking (careers.answers.pay.RANKINGS) -> how a map of it names and writes a figure
MAP_MEASURES = {
    "annual_median": ("Median annual pay", "money"),
    "employment": ("Jobs", "count"),
    "location_quotient": ("Concentration of jobs (location quotient)", "ratio"),
}


def _label(estimate: Estimate, hourly: bool) -> str:
    floor = estimate.value_or_floor
    figure = f"${floor:,.2f}" if hourly else money(int(floor))  # type: ignore[arg-type]
    return figure + (" or more" if estimate.top_coded else "")


def _source(kb: KnowledgeBase) -> Dict[str, str]:
    source = kb.source(WAGE_SOURCE)
    return {"name": source.name, "url": source.url or "", "release": kb.wages.provenance.release}


def _range(row: WageRow, hourly: bool) -> Optional[List[Dict[str, Any]]]:
    """The five percentiles of a row, or None unless BLS published all five."""
    prefix = "hourly" if hourly else "annual"
    points = []
    for key, name in PERCENTILES:
        estimate = row.get(f"{prefix}_{key}")
        if estimate.value_or_floor is None:
            return None
        points.append({"key": key, "name": name, "value": estimate.value_or_floor, "label": _label(estimate, hourly)})
    return points


def pay_range(
    kb: KnowledgeBase, subjects: Sequence[Tuple[str, str]], hourly: bool = False, title_text: Optional[str] = None
) -> Optional[Picture]:
    """The pay ranges of (role id, area code) pairs on one axis; None unless each has a full range.

    With one subject the title is the role and the place; with several, `title_text` names them."""
    series = []
    for role_id, code in subjects:
        row = kb.wage_row(role_id, code)
        points = _range(row, hourly) if row is not None else None
        if points is None:
            return None
        role_name, occupation = kb.role(role_id).name, kb.occupation_label(role_id)
        name = f"{title(role_name)}, {area_name(kb, code)}"
        # The BLS occupation, where its name is not the role's own ("HR generalist, the U.S.,
        # figures for human resources specialists").
        named = "" if occupation.lower() == f"{role_name}s".lower() else f", figures for {occupation}"
        series.append({"name": name, "occupation": named, "points": points})
    if not series:
        return None
    unit = "an hour" if hourly else "a year"
    lines = [f"{'Hourly' if hourly else 'Annual'} pay, {kb.wages.provenance.release}:"]
    for item in series:
        figures = [f"{point['name']} {point['label']}" for point in item["points"]]
        figures[1:] = [figure.replace(" percentile", "") for figure in figures[1:]]  # "10th percentile", "25th", ...
        lines.append(f"{item['name']}{item['occupation']}: " + ", ".join(figures) + ".")
    return {
        "kind": "pay_range",
        "title": title_text or f"{series[0]['name']}: pay range",
        "unit": unit,
        "series": series,
        "text": "\n".join(lines),
        "source": _source(kb),
    }


def _map_label(value: float, kind: str, estimate: Estimate) -> str:
    if kind == "money":
        return _label(estimate, hourly=False)
    if kind == "count":
        return f"{int(value):,}"
    return f"{value:g}"


def state_map(kb: KnowledgeBase, role_id: str, measure: str, lowest: bool, listed: Sequence[str]) -> Optional[Picture]:
    """Every state's figure of one measure for a role's occupation, and the states the reply lists."""
    occupation = kb.role(role_id).occupation
    if occupation is None or measure not in MAP_MEASURES:
        return None
    measure_name, kind = MAP_MEASURES[measure]
    states = [
        {
            "fips": area.state_code,
            "name": area.name,
            "value": estimate.value_or_floor,
            "label": _map_label(estimate.value_or_floor, kind, estimate),  # type: ignore[arg-type]
        }
        for area, estimate in rank_areas(kb.wages, occupation.soc, measure, top=None, lowest=lowest)
    ]
    if not states:
        return None
    listed_states = [kb.wages.areas[code].state_code for code in listed]
    named = {state["fips"]: state for state in states}
    top = ", ".join(f"{named[fips]['name']} {named[fips]['label']}" for fips in listed_states if fips in named)
    which = "Lowest" if lowest else "Highest"
    return {
        "kind": "state_map",
        "title": f"{title(kb.role(role_id).name)}: {measure_name[:1].lower()}{measure_name[1:]} by state",
        "measure": measure_name,
        "states": states,
        "listed": listed_states,
        "lowest": lowest,
        "text": (
            f"Figures for {kb.occupation_label(role_id)}, {kb.wages.provenance.release}. {which} {len(listed_states)} "
            f"({measure_name[:1].lower()}{measure_name[1:]}): {top}. Every state's figure is in the table below the map."
        ),
        "source": _source(kb),
    }
