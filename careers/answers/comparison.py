"""Side-by-side comparisons of two roles, with computed differences (pure functions)."""

import re
from typing import Any, Iterator, List, Optional, Sequence, Tuple

from careers import topics
from careers.formatting import PLAIN, Markup, bullets, money, percent, ratio, sources_line, title
from careers.knowledge_base import WAGE_SOURCE, KnowledgeBase
from careers.schema import GrowthFigure, Role, SalaryFigure


def _salary_cell(figure: Optional[SalaryFigure]) -> Optional[str]:
    return f"{money(figure.value)} ({figure.year})" if figure else None


def _growth_cell(figure: Optional[GrowthFigure]) -> Optional[str]:
    return f"{percent(figure.percent)} ({figure.period})" if figure else None


def _sources_line(kb: KnowledgeBase, roles: Sequence[Role], groups: Sequence[str], markup: Markup) -> str:
    """One line crediting every source the table quotes."""
    keys = (
        [WAGE_SOURCE]
        if "salary" in groups and any(kb.wage_row(role.id, kb.wages.national.code) for role in roles)
        else []
    )
    keys += [
        figure.source
        for group_name in groups
        for role in roles
        for name in ("article", "bls_same_year", "newer")
        for figure in [_figure(role, group_name, name)]
        if figure is not None
    ]
    return sources_line(kb, keys, markup)


def _figure(role: Role, group_name: str, name: str) -> Any:
    """One figure of a role ("salary", "newer"), or None where the role has no such figure."""
    return getattr(getattr(role, group_name, None), name, None)


def _figure_pairs(first: Role, second: Role, group_name: str) -> Iterator[Tuple[str, Any, Any]]:
    """("article" | "newer", first's figure, second's figure) for each kind both roles have."""
    for name in ("article", "newer"):
        a, b = _figure(first, group_name, name), _figure(second, group_name, name)
        if a is not None and b is not None:
            yield name, a, b


def salary_verdict(kb: KnowledgeBase, first_id: str, second_id: str) -> str:
    """Who earns more, by how much and by what factor, on comparable figures."""
    first, second = kb.role(first_id), kb.role(second_id)
    lines = []
    pairs = list(_figure_pairs(first, second, "salary"))
    newest = (kb.newest_salary(first_id), kb.newest_salary(second_id))
    if all(figure and figure.source == WAGE_SOURCE for figure in newest):
        pairs.insert(0, ("newest", *newest))
    for name, a, b in pairs:
        (high_role, high), (low_role, low) = sorted(
            [(first, a), (second, b)], key=lambda item: item[1].value, reverse=True
        )
        where = {"article": "the article's", "newest": "the newest BLS"}.get(name, "the earlier BLS")
        years = high.year if high.year == low.year else f"{high.year} vs {low.year}"
        if high.value == low.value:
            lines.append(f"By {where} figures ({years}), both earn {money(high.value)}.")
        else:
            lines.append(
                f"By {where} figures ({years}), the {high_role.name} earns {money(high.value - low.value)} more "
                f"than the {low_role.name} ({ratio(high.value, low.value)} as much)."
            )
    return "\n".join(lines) or "I have no comparable salary figures for these two roles."


def growth_verdict(kb: KnowledgeBase, first_id: str, second_id: str) -> str:
    first, second = kb.role(first_id), kb.role(second_id)
    lines = []
    for name, a, b in _figure_pairs(first, second, "growth"):
        where = "the article's" if name == "article" else "the newer"
        if a.percent == b.percent:
            lines.append(f"By {where} projections, both grow {percent(a.percent)}.")
            continue
        (fast_role, fast), (slow_role, slow) = sorted(
            [(first, a), (second, b)], key=lambda item: item[1].percent, reverse=True
        )
        caveat = "" if fast.period == slow.period else f" (note the different periods: {fast.period} vs {slow.period})"
        lines.append(
            f"By {where} projections, the {fast_role.name} grows faster: {percent(fast.percent)} vs "
            f"{percent(slow.percent)}{caveat}."
        )
    return "\n".join(lines) or "I have no comparable growth figures for these two roles."


def _openings_lines(*roles: Role) -> List[str]:
    """What the newer projections add for each role ("about 17,400 openings a year")."""
    return [
        f"{title(role.name)}: {role.growth.newer.note} ({role.growth.newer.period} projections)."
        for role in roles
        if role.growth and role.growth.newer and role.growth.newer.note
    ]


def _oews_cell(kb: KnowledgeBase, role_id: str) -> Optional[str]:
    row = kb.wage_row(role_id, kb.wages.national.code)
    return money(int(row.annual_median.value)) if row and row.annual_median.value is not None else None


def _experience_cell(role: Role) -> Optional[str]:
    """The related work experience BLS lists for the role, short enough for a table cell
    ("5 years or more", "less than 5 years", "none"): its own entry, else the part of the
    newer OOH summary after "with"."""
    education = role.education
    summary = education.newer.summary if education.newer else ""
    if education.experience:
        text = education.experience.summary
    elif "experience" in summary and ", with " in summary:
        text = summary.split(", with ", 1)[1]
    else:
        return None
    if text.lower().startswith(("no ", "bls lists no")):
        return "none"
    return re.split(r" (?:of|in) (?:a )?related", text.rstrip("."))[0]


def _figures_table(kb: KnowledgeBase, first: Role, second: Role, topics: Sequence[str], markup: Markup) -> str:
    rows = []
    if "education" in topics:
        rows.append(["Education", first.education.minimum, second.education.minimum])
        # The real difference between roles of one degree: an HR manager needs 5+ years, a specialist none.
        rows.append(["Related work experience", _experience_cell(first), _experience_cell(second)])
    if "salary" in topics:
        label = f"Median pay ({kb.wages.provenance.release})"
        rows.append([label, _oews_cell(kb, first.id), _oews_cell(kb, second.id)])
        article = (_figure(first, "salary", "article"), _figure(second, "salary", "article"))
        rows.append(["Median salary (article)", _salary_cell(article[0]), _salary_cell(article[1])])
        # BLS's own median of the article's year, beside the article's figure it was credited with
        same_year = (_figure(first, "salary", "bls_same_year"), _figure(second, "salary", "bls_same_year"))
        rows.append(["BLS median, same year", _salary_cell(same_year[0]), _salary_cell(same_year[1])])
        newer = (_figure(first, "salary", "newer"), _figure(second, "salary", "newer"))
        rows.append(["Median salary (earlier BLS)", _salary_cell(newer[0]), _salary_cell(newer[1])])
    if "growth" in topics:
        for name, label in (("article", "Job growth (article)"), ("newer", "Job growth (newer)")):
            rows.append(
                [label, _growth_cell(_figure(first, "growth", name)), _growth_cell(_figure(second, "growth", name))]
            )
    rows = [row for row in rows if row[1] or row[2]]
    return markup.table(["", title(first.name), title(second.name)], rows)


def compare_roles(
    kb: KnowledgeBase, first_id: str, second_id: str, topic: Optional[str] = None, markup: Markup = PLAIN
) -> str:
    """The comparison answer; `topic` None compares the figures and the key facts overall."""
    first, second = kb.role(first_id), kb.role(second_id)
    heading = f"{title(first.name)} vs {second.name}"
    if topic is not None and topics.topic(topic).compared_in_table:
        label = topics.topic(topic).label
        parts = [f"{markup.heading(f'{heading}, {label}')}:", _figures_table(kb, first, second, [topic], markup)]
        if topic == "salary":
            parts.append(salary_verdict(kb, first_id, second_id))
        elif topic == "growth":
            parts.append(growth_verdict(kb, first_id, second_id))
            parts.append(bullets(_openings_lines(first, second)))
        else:
            parts.append(bullets([*first.education.details, *second.education.details]))
        if topic != "education":
            parts.append(_sources_line(kb, [first, second], [topic], markup))
        return "\n".join(part for part in parts if part)
    if topic is not None:
        return "\n\n".join(topics.render(kb, role_id, topic, markup) for role_id in (first_id, second_id))
    parts = [
        f"{markup.heading(heading)}:",
        _figures_table(kb, first, second, ["education", "salary", "growth"], markup),
        salary_verdict(kb, first_id, second_id),
        growth_verdict(kb, first_id, second_id),
        _sources_line(kb, [first, second], ["salary", "growth"], markup),
    ]
    if {first_id, second_id} == set(kb.main_roles):
        parts.insert(1, f"The key difference: {kb.shared.key_difference}")
    return "\n".join(parts)
