"""Answers about what the main roles share, how they differ, and what to study (pure functions)."""

from typing import Optional

from careers.formatting import bullets
from careers.knowledge_base import KnowledgeBase


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
