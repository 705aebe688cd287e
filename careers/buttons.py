"""Follow-up buttons: the natural next questions after each answer.

Payloads name the intent and the role id directly, so a click never depends on NLU.
"""

import json
from typing import Dict, List, Optional

from careers import topics
from careers.formatting import title
from careers.knowledge_base import KnowledgeBase

Button = Dict[str, str]

MAX_BUTTONS = 4


def payload(intent: str, **entities: object) -> str:
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}" if entities else f"/{intent}"


def button(title_text: str, intent: str, **entities: object) -> Button:
    return {"title": title_text, "payload": payload(intent, **entities)}


def compare_button(kb: KnowledgeBase, first: str, second: str, topic: Optional[str] = None) -> Button:
    label = f"Compare with {kb.role(second).name}"
    if topic:
        label = f"Compare {topics.topic(topic).button_title.lower()} with {kb.role(second).name}"
    return button(label, "compare_roles", role=[first, second], **({"topic": topic} if topic else {}))


def more_detail_button(role_id: str, topic: str) -> Button:
    found = topics.topic(topic)
    return button("More detail", found.intent, role=role_id, detail="more", **found.entities)


def ask_topic_button(label: str, topic: str, role_id: str) -> Button:
    found = topics.topic(topic)
    return button(label, found.intent, role=role_id, **found.entities)


def topic_button(kb: KnowledgeBase, role_id: str, topic: str) -> Button:
    return ask_topic_button(f"{topics.topic(topic).button_title} for the {kb.role(role_id).name}", topic, role_id)


def _comparable(kb: KnowledgeBase, topic: str, *role_ids: str) -> bool:
    """Whether a side-by-side of the topic has figures for each role (no button leads to "I have no ...")."""
    if topic != "growth":
        return True
    return all(kb.role(role_id).growth and kb.role(role_id).growth.outlook for role_id in role_ids)


def role_followups(kb: KnowledgeBase, role_id: str, topic: str) -> List[Button]:
    buttons: List[Button] = []
    other = kb.counterpart(role_id)
    if other != role_id and topics.topic(topic).compared_in_table and _comparable(kb, topic, role_id, other):
        buttons.append(compare_button(kb, role_id, other, topic))
    if topic == "related":
        for related in kb.role(role_id).related[:2]:
            buttons.append(button(f"About the {kb.role(related.role).name}", "ask_overview", role=related.role))
    following = topics.topic(topic).next_topic
    if following:  # after the education, how to get there; after that, the certifications
        buttons.append(ask_topic_button(topics.topic(following).button_title, following, role_id))
    for next_topic in topics.TOPICS:
        offered = next_topic.own_intent and next_topic.id not in (topic, following)
        if offered and len(buttons) < MAX_BUTTONS - 1:
            buttons.append(button(next_topic.button_title, next_topic.intent, role=role_id))
    if other != role_id and not any(b["payload"].startswith("/compare_roles") for b in buttons):
        buttons.append(compare_button(kb, role_id, other))
    return buttons[:MAX_BUTTONS]


def comparison_followups(kb: KnowledgeBase, first: str, second: str, topic: Optional[str]) -> List[Button]:
    buttons: List[Button] = []
    for next_topic in topics.TOPICS:
        if next_topic.compared_in_table and next_topic.id != topic:
            buttons.append(compare_button(kb, first, second, next_topic.id))
    buttons.append(button(f"About the {kb.role(first).name}", "ask_overview", role=first))
    buttons.append(button(f"About the {kb.role(second).name}", "ask_overview", role=second))
    return buttons[:MAX_BUTTONS]


def role_choice_buttons(kb: KnowledgeBase, topic: str, role_ids: List[str]) -> List[Button]:
    asked = topic if topic in topics.BY_ID else topics.DEFAULT_TOPIC
    return [ask_topic_button(title(kb.role(role_id).name), asked, role_id) for role_id in role_ids[:MAX_BUTTONS]]


def scope_buttons(kb: KnowledgeBase) -> List[Button]:
    first, second = kb.main_roles
    return [
        button(f"About the {kb.role(first).name}", "ask_overview", role=first),
        button(f"{title(kb.role(second).name)} salary", "ask_salary", role=second),
        compare_button(kb, first, second),
        button("What should I study?", "ask_programs"),
    ]


def closest_role_buttons(kb: KnowledgeBase, role_ids: List[str], topic: Optional[str]) -> List[Button]:
    """For a title not covered: what was asked, of the covered roles nearest to it."""
    if topic not in topics.BY_ID or topic == topics.DEFAULT_TOPIC:
        return [button(f"About the {kb.role(role_id).name}", "ask_overview", role=role_id) for role_id in role_ids]
    label = topics.topic(topic).button_title.lower()
    return [ask_topic_button(f"{title(kb.role(role_id).name)} {label}", topic, role_id) for role_id in role_ids]


def education_level_buttons(kb: KnowledgeBase) -> List[Button]:
    return [
        button(level.label, "inform_education_level", education_level=level.id) for level in kb.shared.education_levels
    ]


def place_button(kb: KnowledgeBase, role_id: Optional[str], code: str, plain_name: bool = False) -> Button:
    """Pay of a role in an area (the area's name alone, to answer "which one do you mean?")."""
    area = kb.wages.areas[code]
    name = "the U.S." if area.is_national else area.name
    entities = {"role": role_id, "place": code} if role_id else {"place": code}
    label = name if plain_name or not role_id else f"Pay in {name}"
    return button(label, "ask_salary", **entities)


def place_followups(kb: KnowledgeBase, role_id: str, code: Optional[str]) -> List[Button]:
    """After pay in a place: the national figure (or the range), where it pays best, the other main role there."""
    followups: List[Button] = []
    if code and code != kb.wages.national.code:
        followups.append(place_button(kb, role_id, kb.wages.national.code))
    followups.append(button("Where does it pay best?", "rank_places", role=role_id))
    followups.append(
        button("Starting pay", "ask_salary", role=role_id, measure="starting", **({"place": code} if code else {}))
    )
    other = kb.counterpart(role_id)
    if other != role_id:
        followups.append(
            button(f"{title(kb.role(other).name)} pay", "ask_salary", role=other, **({"place": code} if code else {}))
        )
    return followups[:MAX_BUTTONS]
