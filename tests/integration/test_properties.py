"""Property tests: whatever the message, entities and slots, every action answers and none raises."""

from typing import Any, Dict, List

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from actions.actions import (
    ActionAnswerAcrossRoles,
    ActionAnswerRoleTopic,
    ActionAnswerSharedTopic,
    ActionCompareRoles,
    ActionEducationGuidance,
    ActionShowHelp,
)
from careers.knowledge_base import load_knowledge_base

KB = runtime.use(load_knowledge_base())
ACTIONS = [
    ActionAnswerRoleTopic,
    ActionCompareRoles,
    ActionAnswerSharedTopic,
    ActionAnswerAcrossRoles,
    ActionEducationGuidance,
    ActionShowHelp,
]
INTENTS = [
    "ask_overview",
    "ask_duties",
    "ask_salary",
    "ask_education",
    "ask_job_growth",
    "ask_skills",
    "ask_related_careers",
    "inform_role",
    "compare_roles",
    "ask_similarities",
    "ask_differences",
    "ask_programs",
    "ask_education_guidance",
    "inform_education_level",
    "list_roles",
    "ask_roles_by_salary",
    "ask_roles_by_education",
    "rank_roles",
    "nlu_fallback",
    "unknown",
]
ROLE_IDS = list(KB.roles)
LEVEL_IDS = [level.id for level in KB.shared.education_levels]

# Slot values as they could arrive: right, wrong type, unknown ids, nothing.
any_value = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.sampled_from(ROLE_IDS),
    st.integers(),
    st.booleans(),
    st.lists(st.one_of(st.sampled_from(ROLE_IDS), st.text(max_size=15), st.integers()), max_size=5),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
)
entity = st.fixed_dictionaries(
    {
        "entity": st.sampled_from(["role", "education_level", "topic", "other"]),
        "value": st.one_of(
            st.sampled_from(ROLE_IDS + LEVEL_IDS + ["salary", "growth"]), st.text(max_size=40), st.none(), st.integers()
        ),
    }
)
slots = st.fixed_dictionaries(
    {}, optional={name: any_value for name in ("role", "topic", "compared_roles", "listed_roles", "discussed_roles")}
)


def tracker(intent: str, text: str, entities: List[Dict[str, Any]], slot_values: Dict[str, Any]) -> Tracker:
    latest = {"intent": {"name": intent, "confidence": 0.9}, "entities": entities, "text": text}
    return Tracker(
        "someone",
        slot_values,
        latest,
        [{"event": "user", "text": text, "parse_data": latest}],
        False,
        None,
        {},
        "action_listen",
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    action=st.sampled_from(ACTIONS),
    intent=st.sampled_from(INTENTS),
    text=st.text(max_size=300),
    entities=st.lists(entity, max_size=4),
    slot_values=slots,
)
def test_any_input_gets_an_answer_and_no_exception(action, intent, text, entities, slot_values):
    dispatcher = CollectingDispatcher()
    events = action().run(dispatcher, tracker(intent, text, entities, slot_values), {})
    assert dispatcher.messages and all(message.get("text") for message in dispatcher.messages)
    assert isinstance(events, list)
