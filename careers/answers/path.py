"""How people get into a role (its path) and its certifications, from the knowledge base:
"how do I become X?", "how long does it take?", "what certification?", "from X to Y?".

Times are computed from the facts and said as such: the usual length of the entry education
(shared.study_time) and the related work experience BLS lists (education.experience.level).
"""

from typing import Dict, List, Optional, Sequence, Tuple

from careers.formatting import PLAIN, Markup, bullets, money, sources_line
from careers.knowledge_base import WAGE_SOURCE, KnowledgeBase
from careers.schema import ENTRY_EDUCATION_LEVELS, EXPERIENCE_LEVELS, Role

# What each BLS level of related work experience adds to the time, after the education.
EXPERIENCE_AFTER = {
    "none": "No work experience in a related occupation is needed to start.",
    "less than 5 years": "Then some work experience in a related occupation (BLS: less than 5 years).",
    "5 years or more": "Then usually 5 years or more of work in a related occupation.",
}


def _article(name: str) -> str:
    return "an" if name[:1].lower() in "aeiou" or name.startswith("HR ") else "a"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def time_line(kb: KnowledgeBase, role: Role) -> str:
    """The time to the role: the study, then the experience ("a bachelor's degree, usually
    about 4 years of full-time college. Then usually 5 years or more of related work.")."""
    minimum = role.education.minimum
    study = kb.shared.study_time.get(minimum) if minimum else None
    if study:
        line = f"Becoming {_article(role.name)} {role.name} takes {study}."
    elif minimum:
        line = f"Becoming {_article(role.name)} {role.name} usually takes a {_lower_first(minimum)}."
    else:  # what the sources say instead (the BLS group's education)
        line = " ".join(role.education.details)
    experience = role.education.experience
    return f"{line} {EXPERIENCE_AFTER[experience.level]}" if experience else line


def _sources(role: Role, *more: str) -> List[str]:
    keys = [role.education.experience.source] if role.education.experience else []
    path = role.path
    keys += [fact.source for fact in (path.training, path.licence, path.advanced_degree) if fact] if path else []
    return keys + list(more)


def path_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    role = kb.role(role_id)
    lines: List[str] = []
    if role.education.minimum:
        lines.append(f"Education: {_lower_first(role.education.minimum)}.")
    experience = role.education.experience
    if experience:
        lines.append(f"Related work experience ({experience.year}): {experience.summary}.")
    path = role.path
    if path and path.training:
        lines.append(f"On-the-job training: {path.training.summary}.")
    if path and path.licence:
        lines.append(f"Licence: {path.licence.summary}.")
    if path and path.advanced_degree:
        lines.append(f"A master's degree: {path.advanced_degree.summary}.")
    certifications = kb.role_certifications(role_id)
    if certifications:
        lines.append("Certifications: " + ", ".join(item.name for item in certifications) + ".")
    heading = markup.heading(f"How to become {_article(role.name)} {role.name}")
    return f"{time_line(kb, role)}\n{heading}:\n{bullets(lines)}\n{sources_line(kb, _sources(role), markup)}"


def certifications_answer(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN, detail: bool = False) -> str:
    """Each certification in a few words, in the order to take them; in detail, what each takes."""
    role = kb.role(role_id)
    certifications = kb.role_certifications(role_id)
    if not certifications:
        return f"My sources name no certification for the {role.name}."
    note = f" ({role.path.certifications_note})" if role.path and role.path.certifications_note else ""
    if detail:
        lines = [
            f"{item.name} ({item.full_name}), from {item.granted_by}: {item.requirements}." for item in certifications
        ]
    else:
        lines = [f"{item.name}, from {item.granted_by.split(',')[0]}: {item.brief}." for item in certifications]
    if role.path and role.path.licence:
        closing = f"BLS: {role.path.licence.summary}."
    else:
        closing = "I don't know whether employers require these or prefer people who hold them: my sources don't say."
    heading = markup.heading(f"Certifications for the {role.name}")
    sources = sources_line(kb, [item.source for item in certifications], markup)
    return f"{heading}{note}:\n{bullets(lines)}\n{closing}\n{sources}"


def named_certifications_answer(
    kb: KnowledgeBase, certification_ids: Sequence[str], markup: Markup = PLAIN, role_id: Optional[str] = None
) -> str:
    """The certifications asked about by name: what each takes, and the roles whose path names
    it; with `role_id` (the role in focus), the role's own certifications after them."""
    lines = []
    for key in certification_ids:
        item = kb.certifications[key]
        roles = [f"the {kb.role(role_id).name}" for role_id in kb.roles_listing(key)]
        roles_text = ", ".join(roles[:-1]) + f" and {roles[-1]}" if len(roles) > 1 else "".join(roles)
        listed = f" My sources list it for {roles_text}." if roles else ""
        lines.append(f"{item.name} ({item.full_name}), from {item.granted_by}: {item.requirements}.{listed}")
    names = " and ".join(kb.certifications[key].name for key in certification_ids)
    several = len(certification_ids) > 1
    closing = (
        f"Whether {'they are' if several else 'it is'} worth it, and whether employers require "
        f"{'them' if several else 'it'} or prefer people who hold {'them' if several else 'it'}, "
        "I don't know: my sources don't say."
    )
    if role_id:
        own = ", ".join(item.name for item in kb.role_certifications(role_id))
        closing += f"\nThe certifications my sources name for the {kb.role(role_id).name}: {own}."
    sources = sources_line(kb, [kb.certifications[key].source for key in certification_ids], markup)
    return f"{markup.heading(names)}:\n{bullets(lines)}\n{closing}\n{sources}"


def certifications_detail(kb: KnowledgeBase, role_id: str, markup: Markup = PLAIN) -> str:
    return certifications_answer(kb, role_id, markup, detail=True)


def _national_median(kb: KnowledgeBase, role_id: str) -> Optional[int]:
    row = kb.wage_row(role_id, kb.wages.national.code)
    return int(row.annual_median.value) if row and row.annual_median.value is not None else None


def move_answer(kb: KnowledgeBase, from_id: str, to_id: str, markup: Markup = PLAIN) -> str:
    """What moving from one role to another takes: the gap in education, experience and
    certifications, and the difference in national median pay."""
    start, goal = kb.role(from_id), kb.role(to_id)
    lines: List[str] = []
    wanted, held = goal.education.minimum, start.education.minimum
    if wanted and wanted == held:
        lines.append(f"Education: both usually need a {_lower_first(wanted)}, so no new degree.")
    else:
        lines.append(
            f"Education: the {goal.name} usually needs {_lower_first(wanted) if wanted else 'no set degree'}; "
            f"the {start.name}, {_lower_first(held) if held else 'no set degree'}."
        )
    experience = goal.education.experience
    if experience and experience.level == "none":
        lines.append(f"Experience: the {goal.name} needs no related work experience to start.")
    elif experience:
        lines.append(
            f"Experience: the {goal.name} usually asks for {experience.level} of work in a related "
            f"occupation ({experience.year}); your time as {_article(start.name)} {start.name} may count."
        )
    certifications = kb.role_certifications(to_id)
    if certifications:
        lines.append(f"Certifications for the {goal.name}: " + ", ".join(item.name for item in certifications) + ".")
    sources = [experience.source] if experience else []
    mine, theirs = _national_median(kb, from_id), _national_median(kb, to_id)
    if mine and theirs:
        gap = theirs - mine
        change = f"{money(abs(gap))} {'more' if gap > 0 else 'less'} than" if gap else "the same as"
        lines.append(
            f"Pay: the {goal.name}'s national median is {money(theirs)} a year, {change} the "
            f"{start.name}'s {money(mine)} ({kb.wages.provenance.release})."
        )
        sources.append(WAGE_SOURCE)
    heading = markup.heading(f"From {start.name} to {goal.name}")
    return f"{heading}:\n{bullets(lines)}\n{sources_line(kb, sources, markup)}"


def ways_in_answer(kb: KnowledgeBase, markup: Markup = PLAIN) -> Tuple[str, List[str]]:
    """ "How do I get into HR?": the roles by the related work experience BLS lists for them,
    those open to beginners first, with their entry education; and the roles listed."""
    groups: Dict[str, List[str]] = {level: [] for level in EXPERIENCE_LEVELS}
    listed: List[str] = []
    order = {level: rank for rank, level in enumerate(ENTRY_EDUCATION_LEVELS)}
    by_education = sorted(kb.roles.values(), key=lambda role: order.get(role.education.minimum, 1.5))
    for role in by_education:  # the least schooling first; no set education after a diploma
        experience = role.education.experience
        if experience is None:
            continue
        education = _lower_first(role.education.minimum) if role.education.minimum else "no set education"
        if role.path and role.path.licence:
            education += " and a state license"
        groups[experience.level].append(f"{role.name[0].upper()}{role.name[1:]} ({education})")
        listed.append(role.id)
    labels = {
        "none": "No related work experience needed to start",
        "less than 5 years": "Some related work experience first (less than 5 years)",
        "5 years or more": "5 years or more of related work first",
    }
    lines = [f"{labels[level]}: " + "; ".join(names) + "." for level, names in groups.items() if names]
    sources = [kb.role(role_id).education.experience.source for role_id in listed]
    heading = markup.heading("Ways into HR, by the related work experience BLS lists for each role")
    text = f"{heading}:\n{bullets(lines)}\n{sources_line(kb, sources, markup)}"
    return text, listed


def brief_path_line(kb: KnowledgeBase, role_id: str) -> str:
    return time_line(kb, kb.role(role_id))


def brief_certifications_line(kb: KnowledgeBase, role_id: str) -> Optional[str]:
    certifications = kb.role_certifications(role_id)
    if not certifications:
        return None
    return "Certifications: " + ", ".join(f"{item.name} ({item.granted_by})" for item in certifications) + "."
