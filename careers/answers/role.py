"""Answers about one role and one topic, written from the knowledge base (pure functions)."""

import re
from typing import Optional

from careers.answers import path as path_answers
from careers.answers import pay
from careers.formatting import PLAIN, Markup, bullets, growth_line, money, salary_line, sources_line, title
from careers.knowledge_base import KnowledgeBase


def salary_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN, detail: bool = False) -> str:
    """The newest national figures first (BLS OEWS), then the article's; in detail also the
    other BLS figures (the article's year, the OOH's May 2024)."""
    role = kb.role(role_id)
    salary = role.salary
    lines = []
    newest = pay.national_pay_line(kb, role_id, markup)
    if newest:
        lines.append(newest)
    if salary and salary.article:
        lines.append(salary_line(kb, "Median salary", salary.article, markup))
    if salary and salary.bls_same_year and (detail or not newest):
        lines.append(salary_line(kb, "BLS's own median for the same year", salary.bls_same_year, markup))
    if salary and salary.newer and (detail or not newest):
        label = "Earlier BLS median" if newest else "Median salary"
        lines.append(salary_line(kb, label, salary.newer, markup))
    return f"{markup.heading(title(role.name) + ', salary')}:\n{bullets(lines)}"


def salary_detail(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    return salary_answer(kb, role_id, markup, detail=True)


def growth_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN, detail: bool = False) -> str:
    role = kb.role(role_id)
    growth = role.growth
    if growth is None:
        return f"I have no job growth projection for the {role.name} in my sources."
    if growth.ended and not growth.outlook:
        # An ended period is history, never the outlook: its figure only in the long form.
        ended = growth.ended
        text = (
            f"I have no current job outlook for the {role.name}: the newest official projection "
            f"in my sources, for {ended.period}, has ended."
        )
        return f"{text}\n{bullets([growth_line(kb, 'history, not an outlook', ended, markup)])}" if detail else text
    # The newest projection first; the article's, whose period has ended, as history.
    lines = []
    if growth.newer:
        lines.append(growth_line(kb, "Projected job growth", growth.newer, markup))
    if growth.article:
        lines.append(growth_line(kb, "an earlier projection", growth.article, markup))
    return f"{markup.heading(title(role.name) + ', job growth')}:\n{bullets(lines)}"


def growth_detail(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    return growth_answer(kb, role_id, markup, detail=True)


def education_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    """The typical entry education, what the sources add, the related work experience, and what
    they say of a master's degree or a licence; the sources named once, at the end."""
    role = kb.role(role_id)
    education = role.education
    lines, sources = [], []
    if education.minimum:
        when = f" ({education.newer.year})" if education.newer else ""
        lines.append(f"Typical entry education{when}: {education.minimum[0].lower()}{education.minimum[1:]}.")
        sources += [education.newer.source] if education.newer else []
    lines += education.details
    experience = education.experience
    if experience:
        lines.append(f"Related work experience ({experience.year}): {experience.summary}.")
        sources.append(experience.source)
    path = role.path
    if path and path.licence:
        lines.append(f"Licence ({path.licence.year}): {path.licence.summary}.")
        sources.append(path.licence.source)
    if path and path.advanced_degree:
        lines.append(f"A master's degree ({path.advanced_degree.year}): {path.advanced_degree.summary}.")
        sources.append(path.advanced_degree.source)
    elif not (path and path.licence) and not any("master" in line for line in lines):
        lines.append(f"A master's degree: my sources say nothing of one for the {role.name}.")
    footer = f"\n{sources_line(kb, sources, markup)}" if sources else ""
    return f"{markup.heading(title(role.name) + ', education')}:\n{bullets(lines)}{footer}"


BRIEF_DUTIES = 5  # a casual question gets the main duties; "More detail" gets them all


def duties_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN, detail: bool = False) -> str:
    role = kb.role(role_id)
    duties = role.duties if detail else role.duties[:BRIEF_DUTIES]
    return f"{markup.heading('Duties of the ' + role.name)}:\n{bullets(duties)}"


def duties_detail(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    return duties_answer(kb, role_id, markup, detail=True)


def skills_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    role = kb.role(role_id)
    if not role.skills:
        return f"My sources name no particular skills or qualities for the {role.name}."
    return f"{markup.heading('Skills and qualities for the ' + role.name)}:\n{bullets(role.skills)}"


def related_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    role = kb.role(role_id)
    if not role.related:
        return f"I have no related careers listed for the {role.name}."
    lines = [f"{title(kb.role(item.role).name)}: {item.reason}." for item in role.related]
    return f"If the {role.name} career interests you, you might also consider:\n{bullets(lines)}"


def overview_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    role = kb.role(role_id)
    facts = [f"Education: {role.education.minimum}."] if role.education.minimum else []
    figure = kb.newest_salary(role_id)
    if figure:
        facts.append(salary_line(kb, "Median salary", figure, markup))
    if role.growth and role.growth.outlook:
        facts.append(growth_line(kb, "Job growth", role.growth.outlook, markup))
    return f"{markup.heading(title(role.name))}: {role.summary}\n{bullets(facts)}"


def brief_line(kb: KnowledgeBase, role_id: str, topic: str) -> Optional[str]:
    """One line of a topic, for a message that asked two things ("the pay, and what degree?"),
    or None for a topic that takes more than a line (related careers). Duties get the first
    sentence of the role's summary."""
    role = kb.role(role_id)
    if topic == "salary":
        salary = kb.newest_salary(role_id)
        return f"Median pay: {money(salary.value)} a year ({salary.year}, {salary.occupation})." if salary else None
    if topic == "education":
        # A role with no typical entry education of its own: what the sources say instead.
        fallback = role.education.details[0].rstrip(".") if role.education.details else None
        parts = [f"Education: {role.education.minimum}" if role.education.minimum else fallback]
        if role.education.experience:
            parts.append(f"work experience: {role.education.experience.summary}")
        return "; ".join(part for part in parts if part) + "." if any(parts) else None
    if topic == "growth":
        growth = role.growth.outlook if role.growth else None
        return (
            f"Job growth: {growth.percent:g}% projected for {growth.period} ({growth.occupation})." if growth else None
        )
    if topic == "path":
        return path_answers.brief_path_line(kb, role_id)
    if topic == "certifications":
        return path_answers.brief_certifications_line(kb, role_id)
    if topic in ("duties", "overview"):
        first_sentence = re.split(r"(?<=\.)\s", role.summary.strip(), maxsplit=1)[0]
        return first_sentence  # "An HR generalist handles ...": the job in one sentence
    if topic == "skills" and role.skills:
        return "Skills: " + ", ".join(skill[0].lower() + skill[1:] for skill in role.skills[:3]) + "."
    return None
