"""Answers about one role and one topic, written from the knowledge base (pure functions)."""

from careers.answers import pay
from careers.formatting import PLAIN, Markup, bullets, credit, growth_line, salary_line, title
from careers.knowledge_base import KnowledgeBase


def salary_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    """The newest national figures first (BLS OEWS), then the article's and the other BLS figures."""
    role = kb.role(role_id)
    salary = role.salary
    lines = []
    newest = pay.national_pay_line(kb, role_id, markup)
    if newest:
        lines.append(newest)
    if salary and salary.article:
        lines.append(salary_line(kb, "Median salary", salary.article, markup))
    if salary and salary.bls_same_year:
        lines.append(salary_line(kb, "BLS's own median for the same year", salary.bls_same_year, markup))
    if salary and salary.newer:
        label = "Earlier BLS median" if newest else "Median salary"
        lines.append(salary_line(kb, label, salary.newer, markup))
    return f"{markup.heading(title(role.name) + ', salary')}:\n{bullets(lines)}"


def growth_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    role = kb.role(role_id)
    growth = role.growth
    if growth is None:
        return f"I have no job growth projection for the {role.name} in my sources."
    lines = []
    if growth.article:
        lines.append(growth_line(kb, "Projected job growth", growth.article, markup))
    if growth.newer:
        label = "Newer projection" if growth.article else "Projected job growth"
        lines.append(growth_line(kb, label, growth.newer, markup))
    if not growth.article:
        lines.append(f"The source article gives no growth figure for the {role.name}.")
    return f"{markup.heading(title(role.name) + ', job growth')}:\n{bullets(lines)}"


def education_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    role = kb.role(role_id)
    education = role.education
    lines = [f"Typical requirement: {education.minimum}."] if education.minimum else []
    lines += education.details
    if education.newer:
        lines.append(
            f"Newer figures ({education.newer.year}): {education.newer.summary} ({credit(kb, education.newer.source, markup)})"
        )
    if education.experience:
        experience = education.experience
        lines.append(
            f"Work experience ({experience.year}): {experience.summary} ({credit(kb, experience.source, markup)})."
        )
    return f"{markup.heading(title(role.name) + ', education')}:\n{bullets(lines)}"


def duties_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    role = kb.role(role_id)
    return f"{markup.heading('Duties of the ' + role.name)}:\n{bullets(role.duties)}"


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
    if role.growth:
        facts.append(growth_line(kb, "Job growth", role.growth.article or role.growth.newer, markup))
    return f"{markup.heading(title(role.name))}: {role.summary}\n{bullets(facts)}"
