"""Questions across all roles: which roles the assistant knows, filters and rankings."""
from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import buttons
from actions.context import DialogueContext, after_list_answer
from actions.cross_role_answers import (
    Answer,
    ranking_answer,
    roles_by_education_answer,
    roles_by_salary_answer,
    roles_list_answer,
)
from actions.formatting import Markup, markup_for_channel
from actions.kb import KnowledgeBase, get_knowledge_base
from actions.parsing import degree_in_text, salary_threshold, topic_in_words, wants_lowest


def _ranking_topic(text: str) -> str:
    """Rankings are by growth when the question says so, else by pay."""
    return "growth" if topic_in_words(text) == "growth" else "salary"


def _ranking(kb: KnowledgeBase, text: str, markup: Markup) -> Answer:
    return ranking_answer(kb, _ranking_topic(text), wants_lowest(text), markup)


# intent -> how to answer it from the message's text
ANSWERS: Dict[str, Callable[[KnowledgeBase, str, Markup], Answer]] = {
    "list_roles": lambda kb, text, markup: roles_list_answer(kb, markup),
    "ask_roles_by_salary": lambda kb, text, markup: roles_by_salary_answer(kb, salary_threshold(text), markup),
    "ask_roles_by_education": lambda kb, text, markup: roles_by_education_answer(kb, degree_in_text(text), markup),
    "rank_roles": _ranking,
}
# The topic a follow-up ("and how much do they make?") continues; a ranking names its own.
TOPICS = {"list_roles": "overview", "ask_roles_by_salary": "salary", "ask_roles_by_education": "education"}


class ActionAnswerAcrossRoles(Action):
    """Lists, filters or ranks every role of the knowledge base, by the intent."""

    def name(self) -> Text:
        return "action_answer_across_roles"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = get_knowledge_base()
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        text = message.get("text") or ""
        answer = ANSWERS.get(intent, ANSWERS["list_roles"])
        reply, listed = answer(kb, text, markup_for_channel(tracker.get_latest_input_channel()))
        topic = TOPICS.get(intent) or _ranking_topic(text)
        followups = buttons.role_choice_buttons(kb, topic, listed) if listed else buttons.scope_buttons(kb)
        dispatcher.utter_message(text=reply, buttons=followups)
        return after_list_answer(DialogueContext.from_tracker(tracker, kb), listed, topic)
