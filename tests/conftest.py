"""Shared fixtures: the knowledge base, trackers built like Rasa's, and a dispatcher.

`kb` is the production knowledge base here; tests/unit/conftest.py replaces it with the
small fixture knowledge base of the unit tier.
"""

import os
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from careers.entities import question_entities, replace_overlapping
from careers.knowledge_base import KnowledgeBase, load_knowledge_base
from careers.matching import AliasMatcher

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@pytest.fixture(scope="session")
def production_kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture
def kb(production_kb) -> KnowledgeBase:
    """The knowledge base, also the one the actions answer from (actions.runtime)."""
    return runtime.use(production_kb)


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def role_entity(value: str, text: Optional[str] = None) -> Dict[str, Any]:
    return {"entity": "role", "value": value, "text": text or value}


def nlu_entities(kb: KnowledgeBase, text: str, tagged: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The entities the NLU components give for `text` (components/), with the same matchers:
    `tagged` (as a learned tagger found them, placed where their text is), then known roles
    and education levels by their aliases in place of what they overlap, then the words
    of the question."""
    if text.startswith("/"):
        return list(tagged)  # a button payload names its entities itself
    entities = []
    for entity in tagged:
        typed = entity.get("text")
        start = text.find(typed) if isinstance(typed, str) and typed else -1
        entities.append({**entity, "start": start, "end": start + len(typed)} if start >= 0 else dict(entity))
    levels = AliasMatcher(
        {name: level.id for level in kb.shared.education_levels for name in [level.label, *level.phrases]}
    )
    entities = replace_overlapping(entities, "role", kb.role_matcher.mentions(text))
    entities = replace_overlapping(entities, "education_level", levels.mentions(text))
    for entity, span in question_entities(text):
        entities = replace_overlapping(entities, entity, [span])
    return entities


@pytest.fixture
def make_tracker(kb):
    """Builds a tracker whose latest message has `intent`, the entities the NLU would find in
    `text` (plus `entities`, as a learned tagger or a button gives them), with `slots` set."""

    def build(
        intent: str,
        entities: Optional[List[Dict[str, Any]]] = None,
        text: str = "",
        slots: Optional[Dict[str, Any]] = None,
        input_channel: str = "rest",
    ) -> Tracker:
        latest_message = {
            "intent": {"name": intent, "confidence": 0.99},
            "entities": nlu_entities(kb, text, entities or []),
            "text": text,
        }
        return Tracker(
            sender_id="test-user",
            slots=slots or {},
            latest_message=latest_message,
            events=[{"event": "user", "text": text, "parse_data": latest_message, "input_channel": input_channel}],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )

    return build


def slot_values(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
