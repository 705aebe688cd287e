"""Answers about what the main roles share, how they differ, and what to study (pure functions)."""

import re
from typing import Optional, Sequence

from careers.formatting import bullets, money, title
from careers.knowledge_base import KnowledgeBase
from careers.scope import covered_roles


def similarities_answer(kb: KnowledgeBase) -> str:
    first, second = (kb.role(role_id).name for role_id in kb.main_roles)
    return f"What {first}s and {second}s have in common:\n{bullets(kb.shared.similarities)}"


def differences_answer(kb: KnowledgeBase) -> str:
    return f"The key difference: {kb.shared.key_difference}\n{bullets(kb.shared.differences)}"


def programs_answer(kb: KnowledgeBase) -> str:
    return f"Popular programs to study for these HR careers:\n{bullets(kb.shared.programs)}"


def education_level_answer(kb: KnowledgeBase, level_id: str) -> Optional[str]:
    for level in kb.shared.education_levels:
        if level.id == level_id:
            return f"{level.label}: {level.advice}\n{programs_answer(kb)}"
    return None


def about_hr_answer(kb: KnowledgeBase) -> str:
    return f"{kb.shared.about_hr}\nI know about these HR careers: the {covered_roles(kb)}."


def _outlook_line(kb: KnowledgeBase, role_id: str) -> str:
    """A role's newest median pay and newest growth projection, each with its year and source."""
    role = kb.role(role_id)
    parts = []
    salary = kb.newest_salary(role_id)
    if salary:
        parts.append(f"median pay {money(salary.value)} a year ({salary.year}, {salary.occupation})")
    growth = role.growth.outlook if role.growth else None
    if growth:
        parts.append(f"jobs projected to grow {growth.percent:g}% in {growth.period}")
    return f"{title(role.name)}: " + ("; ".join(parts) if parts else "no figures in my sources") + "."


def worth_it_answer(kb: KnowledgeBase, role_ids: Sequence[str]) -> str:
    """ "Is HR a good career?": no opinion, the official figures that bear on it."""
    lines = [_outlook_line(kb, role_id) for role_id in role_ids]
    return (
        "Whether it is worth it depends on what you want from a job, so I won't judge; "
        "here is what the official figures say:\n" + bullets(lines)
    )


def ways_in_text(kb: KnowledgeBase) -> str:
    """Before asking the user's education: what the roles ask for, from their typical entry education."""
    by_level = {}
    for role in kb.roles.values():
        if role.education.minimum:
            by_level.setdefault(role.education.minimum, []).append(role.name)
    bachelor = by_level.get("Bachelor's degree", [])
    lines = [f"Most of the HR careers I know ({len(bachelor)} of {len(kb.roles)}) usually need a bachelor's degree."]
    for level, names in by_level.items():
        if level != "Bachelor's degree":
            article = "an" if level[0].lower() in "aeiou" else "a"
            lines.append(
                f"The {' and the '.join(names)} usually {'need' if len(names) > 1 else 'needs'} {article} {level[0].lower() + level[1:]}."
            )
    return " ".join(lines) + " For next steps that fit you:"


def sources_answer(kb: KnowledgeBase) -> str:
    """Where the figures come from, and how new they are."""
    provenance = kb.wages.provenance
    # One name per publication ("the BLS Occupational Outlook Handbook", not each of its pages).
    names = sorted(
        {re.split(r",(?![^(]*\))", source.name)[0] for key, source in kb.sources.items() if key != "bls_oews"}
    )
    return (
        f"My pay figures by state and city are the BLS Occupational Employment and Wage Statistics, "
        f"{provenance.release} estimates (published {provenance.published}). The other facts come from "
        + ", ".join(names[:-1])
        + " and "
        + names[-1]
        + "; every answer names its source and year."
    )
