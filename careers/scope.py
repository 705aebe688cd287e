"""What the assistant covers, said from the knowledge base so a new role shows up by itself."""

import re
from typing import List, Optional, Sequence

from careers.knowledge_base import KnowledgeBase
from careers.not_covered import BEYOND_LABELS, PAY_QUALIFIERS

# What a quoted title may keep: the web chat renders Markdown, so no brackets, parentheses,
# asterisks or angle brackets from the user's text reach it.
NOT_TITLE_CHARACTERS = re.compile(r"[^\w\s'.&-]")
QUOTED_TITLE_LENGTH = 40


def quoted_title(name: str) -> str:
    """A title the user wrote, fit to be quoted back: letters and plain punctuation, shortened."""
    words = NOT_TITLE_CHARACTERS.sub(" ", name).split()
    text = " ".join(words)
    return f'"{text[:QUOTED_TITLE_LENGTH]}"' if text else "that role"


def covered_roles(kb: KnowledgeBase) -> str:
    names = [role.name for role in kb.roles.values()]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def unknown_roles_text(kb: KnowledgeBase, names: List[str], closest: Sequence[str] = ()) -> str:
    asked = " or ".join(quoted_title(name) for name in names[:2])
    said = f"Sorry, I don't have figures for {asked}, so I won't guess any."
    if closest:
        near = [f"the {kb.role(role_id).name}" for role_id in closest]
        near_text = ", ".join(near[:-1]) + " and " + near[-1] if len(near) > 1 else near[0]
        return f"{said} The closest {'roles' if len(near) > 1 else 'role'} I cover: {near_text}."
    return (
        f"{said} I can tell you about the {covered_roles(kb)}: what they do, what they earn, "
        f"the education they need, how fast the jobs grow, and how they compare."
    )


def help_text(kb: KnowledgeBase) -> str:
    first, second = (kb.role(role_id).name for role_id in kb.main_roles)
    return (
        f"I'm a guide to HR careers. I know about the {covered_roles(kb)}. Ask me, for example:\n"
        f"- Tell me about the {first}\n"
        f"- How much does the {second} make?\n"
        f"- What education do I need?\n"
        f"- How do I become an {first}, and which certification?\n"
        f"- Which job grows faster?\n"
        f"- Compare the {first} and the {second}\n"
        f"- What should I study?\n"
        f'Follow-ups work too: "and the {second.split()[-1]}?", "which one pays more?".'
    )


def not_covered_place_text(names: List[str]) -> str:
    asked = " or ".join(quoted_title(name) for name in names[:2])
    return (
        f"I have no pay figures for {asked}, so I won't give one. I have the BLS figures for the U.S., "
        "every state, Washington, D.C., Puerto Rico, Guam, the U.S. Virgin Islands, and every metro area "
        '(name a state or a city, e.g. "in Ohio" or "in Seattle").'
    )


def beyond_knowledge_text(
    kb: KnowledgeBase, subjects: List[str], role_id: Optional[str], words: Sequence[str] = ()
) -> str:
    """An honest "I don't know" about subjects no source covers, naming back what was asked
    (the company, the year), and what can be told instead."""
    named = [quoted_title(word).strip('"') for word in words]
    if subjects and subjects[0] == "company_pay":
        company = next((word for word in named if word.lower() not in ("my company", "my employer")), "one company")
        company = company if company != company.lower() else company.title()  # "walmart" -> "Walmart"
        opening = (
            f"I don't know what {company} pays: my pay figures (BLS) are for whole occupations, "
            "not for single employers"
        )
    elif subjects and subjects[0] == "other_year":
        year = next((word for word in named if word.isdigit()), "that year")
        if role_id and kb.salary_years(role_id):
            have = [str(y) for y in sorted(kb.salary_years(role_id), reverse=True)]
            listed = ", ".join(have[:-1]) + " and " + have[-1] if len(have) > 1 else have[0]
            opening = (
                f"I don't have figures for {year} for the {kb.role(role_id).name}: its pay figures are for {listed}"
            )
        else:
            opening = (
                f"I don't have figures for {year}: my pay figures are for May 2025 and May 2024 (BLS) and 2017 "
                "(a 2017 article), and the job projections run to 2033"
            )
    elif subjects and subjects[0] == "future_pay":
        opening = (
            "I don't have pay in the future: the BLS projects how many jobs there will be, not what they will "
            "pay, and my newest pay figures are for May 2025"
        )
    elif subjects and subjects[0] in ("after_tax", "pay_period"):
        opening = f"I don't have {BEYOND_LABELS[subjects[0]]}: BLS publishes pay before taxes, per year and per hour"
    elif subjects and subjects[0] in PAY_QUALIFIERS:
        asked = f' ("{named[0]}")' if named else ""
        opening = (
            f"I don't have {BEYOND_LABELS[subjects[0]]}{asked}: my pay figures (BLS) are for each "
            "occupation as a whole, across industries, employers and levels of experience"
        )
    else:
        labels = [
            BEYOND_LABELS[subject] for subject in subjects if subject in BEYOND_LABELS and subject != "other_year"
        ]
        year = next((word for word in named if word.isdigit()), None)
        asked = " or ".join(labels[:2]) + (f" for {year}" if year else "")
        opening = (
            f"I don't know about {asked or 'that'}: none of my sources (the BLS, O*NET, "
            "CareerOneStop and a 2017 article) covers it"
        )
    who = f"the {kb.role(role_id).name}" if role_id else "HR careers"
    return (
        f"{opening}, so I won't guess. About {who} I can tell you what the work involves, "
        "the pay (nationally, by state and by city), the education needed and how fast the jobs grow."
    )


def unknown_beside_text(subjects: List[str]) -> str:
    """The line beside an answer on what else the message asked and no source covers."""
    labels = [BEYOND_LABELS[subject] for subject in subjects if subject in BEYOND_LABELS]
    return f"As for {' or '.join(dict.fromkeys(labels[:2])) or 'the rest'}: I don't know, none of my sources covers it."
