"""Shared fixtures: the knowledge base, trackers built like Rasa's, and a dispatcher."""
import os
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from actions.kb import KnowledgeBase, get_knowledge_base  # noqa: E402


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return get_knowledge_base()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def role_entity(value: str, text: Optional[str] = None) -> Dict[str, Any]:
    return {"entity": "role", "value": value, "text": text or value}


@pytest.fixture
def make_tracker():
    """Builds a tracker whose latest message has `intent`, `entities` and `text`, with `slots` set."""

    def build(
        intent: str,
        entities: Optional[List[Dict[str, Any]]] = None,
        text: str = "",
        slots: Optional[Dict[str, Any]] = None,
    ) -> Tracker:
        latest_message = {
            "intent": {"name": intent, "confidence": 0.99},
            "entities": entities or [],
            "text": text,
        }
        return Tracker(
            sender_id="test-user",
            slots=slots or {},
            latest_message=latest_message,
            events=[{"event": "user", "text": text, "parse_data": latest_message}],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )

    return build


def slot_values(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
