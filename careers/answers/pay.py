"""Pay from the BLS OEWS wage estimates: in a place, its range, by place, ranked (pure functions).

Every answer names the occupation, the area, the release and the measure it gives. A cell
BLS did not publish is said to be unpublished, a top-coded wage is given as BLS publishes it
("$239,200 or more"), and an area with no estimate for the occupation gets no figure at all:
never the national one in its place.
"""

from typing import List, Optional, Sequence, Tuple

from careers.formatting import PLAIN, Markup, money, title
from careers.knowledge_base import WAGE_SOURCE, KnowledgeBase
from careers.wages import Area, Estimate, WageRow, percent_difference, rank_areas

RANKED_PLACES = 5  # a ranking lists these many places, unless asked for more ("top 10")
MOST_RANKED_PLACES = 20  # and at most these many: a longer table is no answer in a chat
# measure of the wage data a ranking orders by, and how answers name it
RANKINGS = {
    "pay": ("annual_median", "median annual pay"),
    "employment": ("employment", "number of jobs"),
    "concentration": ("location_quotient", "concentration of jobs (location quotient)"),
}


def area_name(kb: KnowledgeBase, code: str) -> str:
    area = kb.wages.areas[code]
    if area.is_national:
        return "the U.S."
    return area.name if area.is_state else f"the {area.name} {'area' if area.is_nonmetro else 'metro area'}"


def _dollars(estimate: Estimate, hourly: bool = False) -> Optional[str]:
    """'$75,940' / '$36.51'; '$239,200 or more' when top-coded; None when not published."""
    if estimate.value is not None:
        return f"${estimate.value:,.2f}" if hourly else money(int(estimate.value))
    if estimate.at_least is not None:
        return (f"${estimate.at_least:,.2f}" if hourly else money(int(estimate.at_least))) + " or more"
    return None


def which_place_question(kb: KnowledgeBase, codes: Sequence[str]) -> str:
    """ "Which one do you mean: the Portland-South Portland, ME metro area (Maine) or ...?" """
    state_names = {area.state_code: area.name for area in kb.wages.areas.values() if area.is_state}
    options = []
    for code in codes[:6]:
        states = [state_names[state] for state in kb.places.area_states.get(code, []) if state in state_names]
        options.append(area_name(kb, code) + (f" ({' and '.join(states)})" if states else ""))
    listed = ", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0]
    return f"Which one do you mean: {listed}?"


def release(kb: KnowledgeBase, markup: Markup) -> str:
    source = kb.source(WAGE_SOURCE)
    return f"{markup.link(source.name, source.url)}, {kb.wages.provenance.release}"


def _who(kb: KnowledgeBase, role_id: str, code: str) -> str:
    """'human resources specialists in Texas' (the BLS occupation: what the figures are for)."""
    return f"{kb.occupation_label(role_id)} in {area_name(kb, code)}"


def no_estimate_text(kb: KnowledgeBase, role_id: str, code: str) -> str:
    return (
        f"BLS publishes no wage estimate for {_who(kb, role_id, code)} ({kb.wages.provenance.release}), "
        "so I have no figure for it there."
    )


def _versus_national(kb: KnowledgeBase, role_id: str, row: WageRow) -> Optional[str]:
    national = kb.wage_row(role_id, kb.wages.national.code)
    if row.area_code == kb.wages.national.code or national is None:
        return None
    local, reference = row.annual_median.value, national.annual_median.value
    if local is None or not reference:
        return None
    difference = percent_difference(local, reference)
    if abs(difference) < 0.5:
        return f"about the same as the U.S. median ({money(int(reference))})"
    return f"{abs(difference):.0f}% {'above' if difference > 0 else 'below'} the U.S. median ({money(int(reference))})"


def _an_hour(estimate: Estimate) -> str:
    """ " ($17.95 an hour)", the hourly figure beside an annual one, where BLS publishes it."""
    hourly = _dollars(estimate, hourly=True)
    return f" ({hourly} an hour)" if hourly else ""


def pay_lines(kb: KnowledgeBase, role_id: str, row: WageRow, measure: Optional[str] = None) -> List[str]:
    """The figures of one occupation in one area, led by the measure asked."""
    lines: List[str] = []
    median = _dollars(row.annual_median)
    hourly = _dollars(row.hourly_median, hourly=True)
    if measure == "starting":
        p10, p25 = _dollars(row.annual_p10), _dollars(row.annual_p25)
        if p10 and p25:
            lines.append(
                f"Starting pay: BLS does not publish starting salaries. As a guide, the lowest-paid 10% of all "
                f"workers in this occupation earn under {p10} a year{_an_hour(row.hourly_p10)} and the lowest-paid "
                f"25% under {p25}{_an_hour(row.hourly_p25)}. These are percentiles of all workers, not of beginners."
            )
    elif measure == "top":
        p90 = _dollars(row.annual_p90)
        if p90:
            lines.append(
                f"Top pay: the best-paid 10% (the 90th percentile) earn over {p90} a year{_an_hour(row.hourly_p90)}."
            )
    elif measure == "hourly" and hourly:
        lines.append(f"Median hourly wage: {hourly}.")
    elif measure == "mean" and _dollars(row.annual_mean):
        lines.append(
            f"Average (mean) pay: {_dollars(row.annual_mean)} a year; the median is {median or 'not published'}."
        )
    if median:
        versus = _versus_national(kb, role_id, row)
        hour_part = f" ({hourly} an hour)" if hourly and measure != "hourly" else ""
        lines.append(f"Median pay: {median} a year{hour_part}" + (f", {versus}." if versus else "."))
    else:
        lines.append("Median pay: not published by BLS for this area (estimate not released).")
    p10, p25, p75, p90 = (_dollars(row.get(f"annual_p{n}")) for n in (10, 25, 75, 90))
    if p25 and p75:
        # Asked for one end of the range (starting, top pay), the other end is not what was asked.
        ends = (
            f"; 10% earn under {p10} and 10% over {p90}." if p10 and p90 and measure not in ("starting", "top") else "."
        )
        lines.append(f"The middle half earn {p25} to {p75}{ends}")
    employment = row.employment.value
    if employment is not None:
        per_thousand = row.jobs_per_1000.value
        share = f" ({per_thousand:g} per 1,000 jobs)" if per_thousand is not None else ""
        lines.append(f"Jobs: {int(employment):,}{share}.")
    quotient = row.location_quotient.value
    if measure == "concentration" and quotient is not None:
        lines.append(f"Concentration: location quotient {quotient:g} (1 is the U.S. average share of jobs).")
    return lines


def local_pay_answer(kb: KnowledgeBase, role_id: str, code: str, measure: Optional[str], markup: Markup = PLAIN) -> str:
    row = kb.wage_row(role_id, code)
    if row is None or not (row.annual_median.published or row.employment.published):
        return no_estimate_text(kb, role_id, code)
    heading = markup.heading(f"{title(kb.role(role_id).name)}, pay in {area_name(kb, code)}")
    lines = pay_lines(kb, role_id, row, measure)
    body = "\n".join(f"- {line}" for line in lines)
    # Markdown continues a list item on the next line: a blank line ends the list.
    after_list = "\n\n" if markup.markdown else "\n"
    return f"{heading}:\n{body}{after_list}Figures for {kb.occupation_label(role_id)}, source: {release(kb, markup)}."


def compare_places_answer(
    kb: KnowledgeBase, role_id: str, codes: Sequence[str], markup: Markup = PLAIN, measure: Optional[str] = None
) -> Tuple[str, List[str]]:
    """One occupation's pay in several areas, side by side (per hour, or one end of the range,
    when asked); the codes answered for."""
    hourly = measure == "hourly"
    prefix = "hourly" if hourly else "annual"
    rows = []
    answered = []
    missing = []
    for code in codes:
        row = kb.wage_row(role_id, code)
        if row is None or row.get(f"{prefix}_median").value is None:
            missing.append(area_name(kb, code))
            continue
        answered.append(code)
        median = _dollars(row.get(f"{prefix}_median"), hourly) or "n/a"
        if measure in END_COLUMNS:  # starting or top pay: that end of each range, not the other
            ends = [_dollars(row.get(f"annual_p{n}")) or "n/a" for n, _ in END_COLUMNS[measure]]
            rows.append([title(area_name(kb, code)), *ends, median])
            continue
        p25, p75 = row.get(f"{prefix}_p25"), row.get(f"{prefix}_p75")
        middle = f"{_dollars(p25, hourly)} to {_dollars(p75, hourly)}" if p25.value else "n/a"
        jobs = f"{int(row.employment.value):,}" if row.employment.value is not None else "n/a"
        rows.append([title(area_name(kb, code)), median, middle, jobs])
    per = "pay per hour" if hourly else "pay"
    heading = markup.heading(f"{title(kb.role(role_id).name)}, {per} by place")
    parts = [f"{heading} ({kb.occupation_label(role_id)}):"]
    if measure == "starting":
        parts.append("BLS does not publish starting salaries; the lowest-paid 10% and 25% of all workers are a guide.")
    if rows and measure in END_COLUMNS:
        parts.append(markup.table(["", *(label for _, label in END_COLUMNS[measure]), "Median pay"], rows))
    elif rows:
        median_title = "Median hourly wage" if hourly else "Median pay"
        parts.append(markup.table(["", median_title, "Middle half", "Jobs"], rows))
    jobs = [(kb.wage_row(role_id, code).employment.value, code) for code in answered]  # type: ignore[union-attr]
    if measure == "employment" and len(jobs) == 2 and all(count is not None for count, _ in jobs):
        (most, most_code), (fewest, fewest_code) = sorted(jobs, reverse=True)  # type: ignore[type-var]
        parts.append(
            f"There are more jobs in {area_name(kb, most_code)} ({int(most):,}) than in "
            f"{area_name(kb, fewest_code)} ({int(fewest):,})."
        )
    elif len(answered) == 2:
        first, second = (kb.wage_row(role_id, code).get(f"{prefix}_median").value for code in answered)  # type: ignore[union-attr]
        high, low = (answered[0], answered[1]) if first >= second else (answered[1], answered[0])
        high_value, low_value = max(first, second), min(first, second)
        gap = f"${high_value - low_value:,.2f} an hour" if hourly else money(int(high_value - low_value))
        parts.append(
            f"The median is {gap} higher in {area_name(kb, high)} "
            f"({percent_difference(high_value, low_value):.0f}% more)."
            if high_value != low_value
            else "The medians are the same."
        )
    if missing:
        parts.append("BLS publishes no median for this occupation in " + " or ".join(missing) + ".")
    parts.append(f"Source: {release(kb, markup)}.")
    return "\n".join(part for part in parts if part), answered


def rank_places_answer(
    kb: KnowledgeBase,
    role_id: str,
    ranking: str,
    metro: bool,
    lowest: bool,
    markup: Markup = PLAIN,
    within: Optional[str] = None,
    count: Optional[int] = None,
) -> Tuple[str, List[str]]:
    """The top (or bottom) `count` areas for one occupation by pay, jobs or concentration, of one
    state's metro areas when `within` is its code; the codes listed."""
    measure, label = RANKINGS.get(ranking, RANKINGS["pay"])
    occupation = kb.role(role_id).occupation
    if occupation is None:
        return f"I have no wage data by place for the {kb.role(role_id).name}.", []
    ranked: List[Tuple[Area, Estimate]] = rank_areas(
        kb.wages, occupation.soc, measure, area_type="M" if metro else "S", top=None, lowest=lowest
    )
    if metro:
        ranked = [(area, estimate) for area, estimate in ranked if area.is_metro]
    if within:
        ranked = [
            (area, estimate) for area, estimate in ranked if within[:2] in kb.places.area_states.get(area.code, [])
        ]
    asked = count or RANKED_PLACES
    ranked = ranked[: min(asked, MOST_RANKED_PLACES)]
    kind = "metro areas" if metro else "states"
    if within:
        kind = f"metro areas in {kb.wages.areas[within].name}"
    if not ranked:
        return f"BLS publishes no {label} for {kb.occupation_label(role_id)} by {kind}.", []
    which = "lowest" if lowest else "highest"
    if len(ranked) == 1:  # "which 1 state": the state, not "the 1 states"
        kind = kind.replace("metro areas", "metro area").replace("states", "state")
    counted = f"the {kind}" if len(ranked) == 1 else f"the {len(ranked)} {kind}"
    heading = markup.heading(f"{title(kb.role(role_id).name)}: {counted} with the {which} {label}")
    rows = []
    for number, (area, estimate) in enumerate(ranked, 1):
        if measure == "annual_median":
            figure = _dollars(estimate) or "n/a"
        elif measure == "employment":
            figure = f"{int(estimate.value_or_floor or 0):,} jobs"
        else:
            figure = f"{estimate.value_or_floor:g}x the U.S. share"
        rows.append([str(number), area.name, figure])
    parts = [
        f"{heading} ({kb.occupation_label(role_id)}):",
        markup.table(["#", "Place", title(label.split(" (")[0])], rows),
        f"Source: {release(kb, markup)}.",
    ]
    if asked > MOST_RANKED_PLACES:
        parts.insert(1, f"(You asked for {asked}; I list at most {MOST_RANKED_PLACES}.)")
    return "\n".join(parts), [area.code for area, _ in ranked]


def national_pay_line(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> Optional[str]:
    """The newest national median with its range, for the salary answer's first line."""
    row = kb.wage_row(role_id, kb.wages.national.code)
    if row is None or row.annual_median.value is None:
        return None
    median, hourly = _dollars(row.annual_median), _dollars(row.hourly_median, hourly=True)
    line = f"Median pay ({kb.wages.provenance.release}): {median} a year"
    line += f" ({hourly} an hour)" if hourly else ""
    line += f" for {kb.occupation_label(role_id)} in the U.S."
    if row.annual_p25.value and row.annual_p75.value:
        line += f" The middle half earn {_dollars(row.annual_p25)} to {_dollars(row.annual_p75)}."
    return f"{line} Source: {release(kb, markup)}."


# The percentiles a side-by-side answer gives for one end of the range, with their column titles.
END_COLUMNS = {
    "starting": ((10, "Lowest-paid 10% under"), (25, "Lowest-paid 25% under")),
    "top": ((90, "Best-paid 10% over"),),
}
# The other measures a side-by-side answer gives when asked ("which has more jobs?"): the wage
# data's estimates and their column titles.
MEASURE_COLUMNS = {
    "employment": (("employment", "Jobs"), ("jobs_per_1000", "Per 1,000 jobs")),
    "concentration": (("location_quotient", "Location quotient"), ("jobs_per_1000", "Per 1,000 jobs")),
    "mean": (("annual_mean", "Mean pay"),),
}


def _estimate_cell(row: WageRow, name: str) -> str:
    estimate = row.get(name)
    if name == "annual_mean":
        return _dollars(estimate) or "n/a"
    if estimate.value is None:
        return "n/a"
    return f"{int(estimate.value):,}" if name == "employment" else f"{estimate.value:g}"


def _more_jobs_line(kb: KnowledgeBase, counts: List[Tuple[float, str]], code: str) -> Optional[str]:
    if len(counts) != 2 or counts[0][0] == counts[1][0]:
        return None
    (high, high_name), (low, low_name) = sorted(counts, reverse=True)
    where = area_name(kb, code)
    return (
        f"There are more jobs for the {high_name} ({int(high):,}) than for the {low_name} ({int(low):,}) "
        f"in {where}" + ("" if where.endswith(".") else ".")
    )


def compare_roles_in_place(
    kb: KnowledgeBase,
    first_id: str,
    second_id: str,
    code: str,
    markup: Markup = PLAIN,
    measure: Optional[str] = None,
) -> Tuple[str, List[str]]:
    """Two roles' pay in one area, side by side (per hour when asked); the roles answered for."""
    hourly = measure == "hourly"
    prefix = "hourly" if hourly else "annual"
    rows, answered, missing, medians, counts = [], [], [], [], []
    columns = MEASURE_COLUMNS.get(measure or "", ())
    rows_of_area = [kb.wage_row(role_id, code) for role_id in (first_id, second_id)]
    # A column with no figure in this area (jobs per 1,000 for the U.S.) is left out.
    columns = tuple(
        (name, label) for name, label in columns if any(row and row.get(name).value is not None for row in rows_of_area)
    )
    for role_id in (first_id, second_id):
        row = kb.wage_row(role_id, code)
        median = row.get(f"{prefix}_median") if row else None
        if median is None or median.value is None:
            missing.append(kb.role(role_id).name)
            continue
        answered.append(role_id)
        medians.append((median.value, kb.role(role_id).name))
        if measure in END_COLUMNS:  # starting or top pay: that end of each range, not the other
            ends = [_dollars(row.get(f"annual_p{n}")) or "n/a" for n, _ in END_COLUMNS[measure]]
            rows.append([title(kb.role(role_id).name), *ends, _dollars(median) or "n/a"])
            continue
        if columns:  # jobs, concentration or the mean: those, beside the median
            rows.append([title(kb.role(role_id).name), *(_estimate_cell(row, name) for name, _ in columns)])
            rows[-1].append(_dollars(median) or "n/a")
            if row.employment.value is not None:
                counts.append((row.employment.value, kb.role(role_id).name))
            continue
        p25, p75 = row.get(f"{prefix}_p25"), row.get(f"{prefix}_p75")
        middle = f"{_dollars(p25, hourly)} to {_dollars(p75, hourly)}" if p25.value else "n/a"
        rows.append([title(kb.role(role_id).name), _dollars(median, hourly) or "n/a", middle])
    per = {"hourly": "pay per hour", "employment": "jobs", "concentration": "concentration of jobs"}.get(
        measure or "", "pay"
    )
    heading = markup.heading(
        f"{title(kb.role(first_id).name)} vs {kb.role(second_id).name}, {per} in {area_name(kb, code)}"
    )
    parts = [f"{heading}:"]
    if measure in END_COLUMNS:
        if measure == "starting":
            parts.append(
                "BLS does not publish starting salaries; the lowest-paid 10% and 25% of all workers are a guide."
            )
        if rows:
            parts.append(markup.table(["", *(label for _, label in END_COLUMNS[measure]), "Median pay"], rows))
    elif columns:
        if rows:
            parts.append(markup.table(["", *(label for _, label in columns), "Median pay"], rows))
        if measure == "employment":
            parts.append(_more_jobs_line(kb, counts, code))
    if rows and measure not in END_COLUMNS and not columns:
        parts.append(markup.table(["", "Median hourly wage" if hourly else "Median pay", "Middle half"], rows))
    if len(medians) == 2 and medians[0][0] != medians[1][0] and measure != "employment":
        (high, high_name), (low, low_name) = sorted(medians, reverse=True)
        gap = f"${high - low:,.2f} an hour" if hourly else f"{money(int(high - low))} a year"
        parts.append(f"The {high_name}'s median is {gap} higher than the {low_name}'s.")
    if missing:
        parts.append(f"BLS publishes no median in {area_name(kb, code)} for the " + " or the ".join(missing) + ".")
    parts.append(f"Source: {release(kb, markup)}.")
    return "\n".join(part for part in parts if part), answered
