"""Answers across all the roles of the knowledge base: the list, filters and rankings (pure).

Each returns the reply and the role ids it lists, in order, so that the context can
follow ("tell me more about that one").
"""

from typing import List, Optional, Sequence, Tuple

from careers.answers.pay import area_name
from careers.formatting import PLAIN, Markup, money, percent, sources_line, title
from careers.knowledge_base import WAGE_SOURCE, KnowledgeBase
from careers.matching import PayLimit
from careers.schema import ENTRY_EDUCATION_LEVELS, GrowthFigure, Role, SalaryFigure

Answer = Tuple[str, List[str]]


def latest_salary(kb: KnowledgeBase, role: Role, place: Optional[str] = None) -> Optional[SalaryFigure]:
    """The newest national median of a role (every role has one: the loader checks it), or its
    median in an area (None where BLS publishes none there)."""
    if place is None:
        return kb.newest_salary(role.id)
    row = kb.wage_row(role.id, place)
    if row is None or row.annual_median.value is None:
        return None
    return SalaryFigure(
        value=int(row.annual_median.value),
        year=kb.wages.provenance.release,
        occupation=kb.occupation_label(role.id),
        source=WAGE_SOURCE,
    )


def latest_growth(role: Role) -> Optional[GrowthFigure]:
    return role.growth.outlook if role.growth else None


def _salary_rows(kb: KnowledgeBase, roles: List[Role], place: Optional[str]) -> List[List[str]]:
    rows = []
    for role in roles:
        figure = latest_salary(kb, role, place)
        rows.append([title(role.name), f"{money(figure.value)} ({figure.year})", figure.occupation])
    return rows


def _salary_table(kb: KnowledgeBase, roles: List[Role], markup: Markup, place: Optional[str] = None) -> str:
    table = markup.table(["", "Median pay", "BLS occupation"], _salary_rows(kb, roles, place))
    return f"{table}\n{sources_line(kb, [latest_salary(kb, role, place).source for role in roles], markup)}"


def _with_pay(kb: KnowledgeBase, roles: Sequence[Role], place: Optional[str]) -> Tuple[List[Role], str]:
    """The roles with a median in the place, best paid first, and a line naming those without."""
    known = sorted(
        (role for role in roles if latest_salary(kb, role, place)),
        key=lambda role: latest_salary(kb, role, place).value,
        reverse=True,
    )
    missing = [title(role.name) for role in roles if role not in known]
    where = f" in {area_name(kb, place)}" if place else ""
    return known, (f"\nBLS publishes no median{where} for: {', '.join(missing)}." if missing else "")


def roles_list_answer(kb: KnowledgeBase, markup: Markup = PLAIN) -> Answer:
    roles = list(kb.roles.values())
    lines = [f"{markup.heading(title(role.name))}: {role.summary.split('. ')[0].rstrip('.')}." for role in roles]
    text = f"I know {len(roles)} HR careers:\n" + "\n".join(f"- {line}" for line in lines)
    return text + "\nAsk about any of them, or compare two.", [role.id for role in roles]


def roles_by_salary_answer(
    kb: KnowledgeBase, threshold: Optional[PayLimit], markup: Markup = PLAIN, place: Optional[str] = None
) -> Answer:
    """Roles whose newest median (in the place, if one is given) is above (or below) the
    threshold; without one, all by pay."""
    roles, unpublished = _with_pay(kb, list(kb.roles.values()), place)
    where = f" in {area_name(kb, place)}" if place else ""
    if not roles:
        return f"BLS publishes no median pay{where} for the roles I know.", []
    if threshold is None:
        text, listed = ranking_answer(kb, "salary", lowest=False, markup=markup, place=place)
        return (
            f'Give me an amount to filter by, e.g. "which roles pay over $100,000?". Meanwhile, all roles by pay:\n{text}',
            listed,
        )
    word = "over" if threshold.above else "under"
    matching = [
        role
        for role in roles
        if (
            latest_salary(kb, role, place).value > threshold.amount
            if threshold.above
            else latest_salary(kb, role, place).value < threshold.amount
        )
    ]
    if not matching:
        closest = roles[0] if threshold.above else roles[-1]
        figure = latest_salary(kb, closest, place)
        return (
            f"None of the roles I know has a median pay {word} {money(threshold.amount)}{where}. "
            f"The {'best' if threshold.above else 'lowest'} paid is the {closest.name}: "
            f"{money(figure.value)} ({figure.year}).{unpublished}",
            [closest.id],
        )
    heading = markup.heading(f"Roles with a median pay {word} {money(threshold.amount)}{where}")
    table = _salary_table(kb, matching, markup, place)
    return f"{heading} (newest BLS medians):\n{table}{unpublished}", [role.id for role in matching]


def roles_by_education_answer(kb: KnowledgeBase, level: Optional[str], markup: Markup = PLAIN) -> Answer:
    """Roles whose typical entry education is `level`, and those that ask for more or less."""
    roles = list(kb.roles.values())
    if level is None:
        groups = [(edu, [role for role in roles if role.education.minimum == edu]) for edu in ENTRY_EDUCATION_LEVELS]
        unstated = [role for role in roles if role.education.minimum is None]
        lines = [f"{edu}: " + ", ".join(title(role.name) for role in members) for edu, members in groups if members]
        if unstated:
            lines.append("Not stated in my sources: " + ", ".join(title(role.name) for role in unstated))
        return "Typical entry education of each role (BLS):\n" + "\n".join(f"- {line}" for line in lines), []
    rank = ENTRY_EDUCATION_LEVELS.index(level)
    stated = [role for role in roles if role.education.minimum is not None]
    matching = [role for role in stated if role.education.minimum == level]
    more = [role for role in stated if ENTRY_EDUCATION_LEVELS.index(role.education.minimum) > rank]
    less = [role for role in stated if ENTRY_EDUCATION_LEVELS.index(role.education.minimum) < rank]
    lines = []
    if matching:
        names = ", ".join(title(role.name) for role in matching)
        lines.append(f"{markup.heading(f'{level} as the typical entry education')}: {names}.")
    else:
        lines.append(f'None of the roles I know has "{level}" as its typical entry education.')
    if less:
        lines.append(
            "Roles that usually need less: "
            + ", ".join(f"{title(r.name)} ({r.education.minimum.lower()})" for r in less)
            + "."
        )
    if more:
        lines.append(
            "Roles that usually need more: "
            + ", ".join(f"{title(r.name)} ({r.education.minimum.lower()})" for r in more)
            + "."
        )
    unstated = [role for role in roles if role.education.minimum is None]
    if unstated:
        # Left out of both lists, they would read as needing neither more nor less.
        lines.append(
            "No typical entry education of their own in my sources: "
            + ", ".join(title(role.name) for role in unstated)
            + " (ask about one for what the sources do say)."
        )
    lines.append(
        "Typical entry education as the BLS Occupational Outlook Handbook gives it; employers may ask for more."
    )
    return "\n".join(lines), [role.id for role in matching]


def ranking_answer(
    kb: KnowledgeBase,
    topic: str,
    lowest: bool,
    markup: Markup = PLAIN,
    among: Sequence[str] = (),
    place: Optional[str] = None,
) -> Answer:
    """All roles (or those `among`) ranked by their newest median pay (in the place, if one is
    given) or projected growth (national only: said so when a place is asked), best first."""
    roles = [kb.role(role_id) for role_id in among] if among else list(kb.roles.values())
    which = "These roles" if among else "All roles"
    if topic == "employment":
        return _employment_ranking(kb, roles, lowest, markup, place)
    if topic == "growth" and place:
        text, listed = ranking_answer(kb, topic, lowest, markup, among)
        return f"I only have national job projections, not for {area_name(kb, place)}. Nationally:\n{text}", listed
    if topic == "growth":
        known = sorted(
            (role for role in roles if latest_growth(role)), key=lambda role: latest_growth(role).percent, reverse=True
        )
        missing = [role for role in roles if not latest_growth(role)]
        if not known:
            return "I have no growth projections to rank.", []
        end = known[-1] if lowest else known[0]
        figure = latest_growth(end)
        verdict = f"{'Slowest' if lowest else 'Fastest'} growing: the {end.name}, {percent(figure.percent)} ({figure.period})."
        rows = [
            [title(role.name), f"{percent(latest_growth(role).percent)} ({latest_growth(role).period})"]
            for role in known
        ]
        parts = [verdict, markup.table(["", "Projected growth"], rows)]
        if missing:
            parts.append(
                "No current projection in my sources for: " + ", ".join(title(role.name) for role in missing) + "."
            )
        parts.append(sources_line(kb, [latest_growth(role).source for role in known], markup))
        return "\n".join(parts), [end.id]
    ranked, unpublished = _with_pay(kb, roles, place)
    if not ranked:
        return f"BLS publishes no median pay in {area_name(kb, place)} for these roles.", []
    end = ranked[-1] if lowest else ranked[0]
    figure = latest_salary(kb, end, place)
    where = f" in {area_name(kb, place)}" if place else ""
    verdict = (
        f"{'Lowest' if lowest else 'Best'} paid{where}: the {end.name}, with a median of {money(figure.value)} "
        f"({figure.year}). {which} by their newest BLS median{where}:"
    )
    return f"{verdict}\n{_salary_table(kb, ranked, markup, place)}{unpublished}", [end.id]


def _employment_ranking(
    kb: KnowledgeBase, roles: Sequence[Role], lowest: bool, markup: Markup, place: Optional[str]
) -> Answer:
    """Roles by how many people hold the jobs (OEWS employment), nationally or in the place."""
    code = place or kb.wages.national.code
    counted = []
    for role in roles:
        row = kb.wage_row(role.id, code)
        if row is not None and row.employment.value is not None:
            counted.append((role, int(row.employment.value)))
    if not counted:
        return f"BLS publishes no job counts in {area_name(kb, code)} for these roles.", []
    counted.sort(key=lambda item: item[1], reverse=not lowest)
    end, jobs = counted[0]
    where = area_name(kb, code)
    # Roles of one BLS occupation share its count (campus recruiters are HR specialists).
    rows = [[title(role.name), f"{count:,}", kb.occupation_label(role.id)] for role, count in counted]
    verdict = (
        f"{'Fewest' if lowest else 'Most'} jobs in {where}: the {end.name}, {jobs:,} ({kb.occupation_label(end.id)})."
    )
    source = f"Source: {kb.source(WAGE_SOURCE).name}, {kb.wages.provenance.release}."
    return f"{verdict}\n{markup.table(['', 'Jobs', 'BLS occupation'], rows)}\n{source}", [end.id]
