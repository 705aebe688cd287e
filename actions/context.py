"""The conversation's context, read from and written to slots.

Slots are set only by these actions (custom mappings), so the rules stay simple
(intent -> action) and every follow-up is resolved here, in one place.
"""
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.kb import KnowledgeBase
from actions.role_answers import TOPICS

ROLE = "role"
TOPIC = "topic"
COMPARED_ROLES = "compared_roles"
LISTED_ROLES = "listed_roles"
DISCUSSED_ROLES = "discussed_roles"


def _known_roles(kb: KnowledgeBase, value: Any) -> List[str]:
    values = value if isinstance(value, list) else []
    return [role_id for role_id in values if isinstance(role_id, str) and role_id in kb.roles]


@dataclass
class DialogueContext:
    role: Optional[str] = None  # the one role the last answer was about
    topic: Optional[str] = None  # the topic of the last answer
    compared_roles: List[str] = field(default_factory=list)  # set when the last answer covered two roles
    listed_roles: List[str] = field(default_factory=list)  # related careers just listed ("that one")
    discussed_roles: List[str] = field(default_factory=list)  # the last roles talked about, newest last

    @classmethod
    def from_tracker(cls, tracker: Tracker, kb: KnowledgeBase) -> "DialogueContext":
        """Reads the slots, ignoring any value that is not a role or topic the knowledge base knows."""
        role = tracker.get_slot(ROLE)
        topic = tracker.get_slot(TOPIC)
        return cls(
            role=role if isinstance(role, str) and role in kb.roles else None,
            topic=topic if topic in TOPICS else None,
            compared_roles=_known_roles(kb, tracker.get_slot(COMPARED_ROLES))[:2],
            listed_roles=_known_roles(kb, tracker.get_slot(LISTED_ROLES)),
            discussed_roles=_known_roles(kb, tracker.get_slot(DISCUSSED_ROLES)),
        )

    def recent_pair(self, kb: KnowledgeBase) -> List[str]:
        """The two roles a "which one ...?" question most likely means."""
        if len(self.compared_roles) == 2:
            return list(self.compared_roles)
        if len(self.discussed_roles) >= 2:
            return self.discussed_roles[-2:]
        return list(kb.main_roles)

    def partner_for(self, kb: KnowledgeBase, role_id: str) -> str:
        """The role to compare `role_id` with: the other recent one, else its counterpart."""
        for candidate in reversed(self.compared_roles + self.discussed_roles):
            if candidate != role_id:
                return candidate
        return kb.counterpart(role_id)


def _discussed(context: DialogueContext, *role_ids: str) -> List[str]:
    roles = [role_id for role_id in context.discussed_roles if role_id not in role_ids] + list(role_ids)
    return roles[-4:]


def after_role_answer(context: DialogueContext, role_id: str, topic: str, listed: List[str]) -> List[Dict[str, Any]]:
    return [
        SlotSet(ROLE, role_id),
        SlotSet(TOPIC, topic),
        SlotSet(COMPARED_ROLES, None),
        SlotSet(LISTED_ROLES, listed or None),
        SlotSet(DISCUSSED_ROLES, _discussed(context, role_id)),
    ]


def after_two_role_answer(
    context: DialogueContext, first: str, second: str, topic: Optional[str], listed: Optional[List[str]] = None
) -> List[Dict[str, Any]]:
    return [
        SlotSet(ROLE, None),
        SlotSet(TOPIC, topic),
        SlotSet(COMPARED_ROLES, [first, second]),
        SlotSet(LISTED_ROLES, listed or None),
        SlotSet(DISCUSSED_ROLES, _discussed(context, first, second)),
    ]


def after_other_answer() -> List[Dict[str, Any]]:
    """Answers that are not about a role end the "that one" reference to a listed career."""
    return [SlotSet(LISTED_ROLES, None)]


def after_list_answer(context: DialogueContext, listed: List[str], topic: str) -> List[Dict[str, Any]]:
    """After an answer listing roles: "that one" means a listed role; the focus is a sole one."""
    sole = listed[0] if len(listed) == 1 else None
    return [
        SlotSet(ROLE, sole),
        SlotSet(TOPIC, topic),
        SlotSet(COMPARED_ROLES, None),
        SlotSet(LISTED_ROLES, listed or None),
        SlotSet(DISCUSSED_ROLES, _discussed(context, sole) if sole else context.discussed_roles or None),
    ]
