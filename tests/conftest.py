"""Shared fixtures: the knowledge base, trackers built like Rasa's, and a dispatcher."""
import os
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from actions.kb import KnowledgeBase, get_knowledge_base  # noqa: E402
from tests.servers import action_server, free_port, rasa_server, write_endpoints  # noqa: E402


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return get_knowledge_base()


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    """The trained model in a running Rasa server (REST and web chat) and a running action server.

    Started once for the session, with the project's endpoints.yml (its SQLite tracker store
    in a temporary folder); a test that stops a server starts it again.
    """
    logs = tmp_path_factory.mktemp("logs")
    action_port, rasa_port = free_port(), free_port()
    actions = action_server(action_port, logs).start()
    rasa = None
    try:
        rasa = rasa_server(rasa_port, write_endpoints(logs, action_port), logs).start()
        base = f"http://127.0.0.1:{rasa_port}"
        yield {"base": base, "webhook": f"{base}/webhooks/rest/webhook", "page": f"{base}/chat/", "actions": actions,
               "rasa": rasa}
    finally:
        if rasa:
            rasa.stop()
        actions.stop()


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
        input_channel: str = "rest",
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
            events=[{"event": "user", "text": text, "parse_data": latest_message, "input_channel": input_channel}],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )

    return build


def slot_values(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
