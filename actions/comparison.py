"""Side-by-side comparisons of two roles, with computed differences (pure functions)."""
from typing import Any, Iterator, List, Optional, Sequence, Tuple

from actions.formatting import PLAIN, Markup, bullets, money, percent, ratio, title
from actions.kb import KnowledgeBase
from actions.kb.schema import GrowthFigure, Role, SalaryFigure
from actions.role_answers import RENDERERS, TOPIC_LABELS


def _salary_cell(figure: Optional[SalaryFigure]) -> Optional[str]:
    return f"{money(figure.value)} ({figure.year})" if figure else None


def _growth_cell(figure: Optional[GrowthFigure]) -> Optional[str]:
    return f"{percent(figure.percent)} ({figure.period})" if figure else None


def _sources_line(kb: KnowledgeBase, roles: Sequence[Role], groups: Sequence[str], markup: Markup) -> str:
    """One line crediting every source the table quotes, in order of first use."""
    keys: List[str] = []
    for group_name in groups:
        for role in roles:
            group = getattr(role, group_name)
            for name in ("article", "newer"):
                figure = getattr(group, name, None)
                if figure is not None and figure.source not in keys:
                    keys.append(figure.source)
    parts = []
    for key in keys:
        source = kb.source(key)
        name = markup.link(source.name, source.url)
        parts.append(f"{name}, credited to {source.credit}" if source.credit else name)
    return "Sources: " + "; ".join(parts) + "." if parts else ""


def _figure_pairs(first: Role, second: Role, group_name: str) -> Iterator[Tuple[str, Any, Any]]:
    """("article" | "newer", first's figure, second's figure) for each kind both roles have."""
    for name in ("article", "newer"):
        a = getattr(getattr(first, group_name), name, None)
        b = getattr(getattr(second, group_name), name, None)
        if a is not None and b is not None:
            yield name, a, b


def salary_verdict(kb: KnowledgeBase, first_id: str, second_id: str) -> str:
    """Who earns more, by how much and by what factor, on comparable figures."""
    first, second = kb.role(first_id), kb.role(second_id)
    lines = []
    for name, a, b in _figure_pairs(first, second, "salary"):
        (high_role, high), (low_role, low) = sorted(
            [(first, a), (second, b)], key=lambda item: item[1].value, reverse=True
        )
        where = "the article's" if name == "article" else "the newer BLS"
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


def _figures_table(first: Role, second: Role, topics: Sequence[str], markup: Markup) -> str:
    rows = []
    if "education" in topics:
        rows.append(["Education", first.education.minimum, second.education.minimum])
    if "salary" in topics:
        rows.append(["Median salary (article)", _salary_cell(first.salary.article), _salary_cell(second.salary.article)])
        rows.append(["Median salary (newer BLS)", _salary_cell(first.salary.newer), _salary_cell(second.salary.newer)])
    if "growth" in topics:
        rows.append(["Job growth (article)", _growth_cell(first.growth.article), _growth_cell(second.growth.article)])
        rows.append(["Job growth (newer)", _growth_cell(first.growth.newer), _growth_cell(second.growth.newer)])
    rows = [row for row in rows if row[1] or row[2]]
    return markup.table(["", title(first.name), title(second.name)], rows)


def compare_roles(
    kb: KnowledgeBase, first_id: str, second_id: str, topic: Optional[str] = None, markup: Markup = PLAIN
) -> str:
    """The comparison answer; `topic` None compares the figures and the key facts overall."""
    first, second = kb.role(first_id), kb.role(second_id)
    heading = f"{title(first.name)} vs {second.name}"
    if topic in ("salary", "growth", "education"):
        parts = [f"{markup.heading(f'{heading}, {TOPIC_LABELS[topic]}')}:", _figures_table(first, second, [topic], markup)]
        if topic == "salary":
            parts.append(salary_verdict(kb, first_id, second_id))
        elif topic == "growth":
            parts.append(growth_verdict(kb, first_id, second_id))
        else:
            parts.append(bullets([*first.education.details, *second.education.details]))
        if topic != "education":
            parts.append(_sources_line(kb, [first, second], [topic], markup))
        return "\n".join(part for part in parts if part)
    if topic in ("duties", "skills", "related", "overview"):
        return "\n\n".join(RENDERERS[topic](kb, role_id, markup) for role_id in (first_id, second_id))
    parts = [
        f"{markup.heading(heading)}:",
        _figures_table(first, second, ["education", "salary", "growth"], markup),
        salary_verdict(kb, first_id, second_id),
        growth_verdict(kb, first_id, second_id),
        _sources_line(kb, [first, second], ["salary", "growth"], markup),
    ]
    if {first_id, second_id} == set(kb.main_roles):
        parts.insert(1, f"The key difference: {kb.shared.key_difference}")
    return "\n".join(parts)
