"""Answers about one role: overview, duties, salary, education, growth, skills, related careers."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import buttons
from actions.comparison import compare_roles
from actions.context import DialogueContext, after_role_answer, after_two_role_answer
from actions.formatting import Markup, markup_for_channel
from actions.kb import KnowledgeBase, get_knowledge_base
from actions.parsing import INTENT_TOPICS, role_mentions, topic_in_words
from actions.role_answers import role_topic_answer
from actions.scope import unknown_roles_text


class ActionAnswerRoleTopic(Action):
    """Answers a topic question for the role the user names or the one in context.

    Resolution order: a role named in the message (for "and the generalist?" the
    previous topic is kept); the single career just listed ("tell me more about that
    one"); both roles of the last comparison; the role in focus; and with no role at
    all ("someone in HR"), both main roles. Unknown titles get no figure.
    """

    def name(self) -> Text:
        return "action_answer_role_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = get_knowledge_base()
        context = DialogueContext.from_tracker(tracker, kb)
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        topic = INTENT_TOPICS.get(intent) or context.topic or "overview"
        mentions = role_mentions(kb, message.get("entities"), message.get("text"))
        markup = markup_for_channel(tracker.get_latest_input_channel())

        if mentions.unknown and not mentions.known:
            dispatcher.utter_message(text=unknown_roles_text(kb, mentions.unknown), buttons=buttons.scope_buttons(kb))
            return []
        if len(mentions.known) >= 2:
            return self._answer_two(dispatcher, kb, context, mentions.known[0], mentions.known[1], topic, markup)
        if mentions.known:
            role_id = mentions.known[0]
            if intent == "inform_role" and role_id in context.listed_roles:
                # Naming a career just listed asks about that career, not about its related ones.
                topic = "overview"
            return self._answer_one(dispatcher, kb, context, role_id, topic, markup)
        if intent == "inform_role":
            # "and their education?" names a topic for the role in context; a bare "and ...?"
            # with neither role nor topic recognised gets a question, not the last answer again.
            topic = topic_in_words(message.get("text"))
            if topic is None:
                dispatcher.utter_message(
                    text="Which role do you mean?",
                    buttons=buttons.role_choice_buttons(kb, context.topic or "overview", list(kb.roles)),
                )
                return []
        if topic == "overview" and context.listed_roles:
            if len(context.listed_roles) == 1:
                return self._answer_one(dispatcher, kb, context, context.listed_roles[0], topic, markup)
            dispatcher.utter_message(
                text="Which one would you like to hear more about?",
                buttons=buttons.role_choice_buttons(kb, topic, context.listed_roles),
            )
            return []
        if len(context.compared_roles) == 2:
            return self._answer_two(dispatcher, kb, context, *context.compared_roles, topic, markup)
        if context.role:
            return self._answer_one(dispatcher, kb, context, context.role, topic, markup)
        return self._answer_two(dispatcher, kb, context, *kb.main_roles, topic, markup)

    @staticmethod
    def _answer_one(dispatcher, kb: KnowledgeBase, context: DialogueContext, role_id: str, topic: str, markup: Markup):
        dispatcher.utter_message(
            text=role_topic_answer(kb, role_id, topic, markup), buttons=buttons.role_followups(kb, role_id, topic)
        )
        listed = [item.role for item in kb.role(role_id).related] if topic == "related" else []
        return after_role_answer(context, role_id, topic, listed)

    @staticmethod
    def _answer_two(
        dispatcher, kb: KnowledgeBase, context: DialogueContext, first: str, second: str, topic: str, markup: Markup
    ):
        dispatcher.utter_message(
            text=compare_roles(kb, first, second, topic, markup),
            buttons=buttons.comparison_followups(kb, first, second, topic),
        )
        listed = []
        if topic == "related":
            listed = [item.role for role_id in (first, second) for item in kb.role(role_id).related]
        return after_two_role_answer(context, first, second, topic, listed)
