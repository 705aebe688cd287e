"""Comparisons of two roles, overall or on one topic, and the facts the main roles share."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import buttons
from actions.comparison import compare_roles
from actions.shared_answers import differences_answer, programs_answer, similarities_answer
from actions.context import DialogueContext, after_other_answer, after_two_role_answer
from actions.formatting import markup_for_channel
from actions.kb import get_knowledge_base
from actions.parsing import topic_in_words, entity_value, role_mentions
from actions.role_answers import TOPICS
from actions.scope import unknown_roles_text


class ActionCompareRoles(Action):
    """Compares two roles: the ones named, else the pair in context, else the two main roles."""

    def name(self) -> Text:
        return "action_compare_roles"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = get_knowledge_base()
        context = DialogueContext.from_tracker(tracker, kb)
        message = tracker.latest_message or {}
        entities = message.get("entities")
        mentions = role_mentions(kb, entities, message.get("text"))
        if mentions.unknown:
            dispatcher.utter_message(text=unknown_roles_text(kb, mentions.unknown), buttons=buttons.scope_buttons(kb))
            return []

        # A button names its topic as an entity; a typed question names it in words.
        topic = entity_value(entities, "topic")
        topic = topic if topic in TOPICS else topic_in_words(message.get("text"))
        if len(mentions.known) >= 2:
            first, second = mentions.known[:2]
        elif mentions.known:
            first = mentions.known[0]
            second = context.partner_for(kb, first)
        else:
            first, second = context.recent_pair(kb)

        dispatcher.utter_message(
            text=compare_roles(kb, first, second, topic, markup_for_channel(tracker.get_latest_input_channel())),
            buttons=buttons.comparison_followups(kb, first, second, topic),
        )
        return after_two_role_answer(context, first, second, topic)


class ActionAnswerSharedTopic(Action):
    """What the two main roles share, how they differ, and which programs to study."""

    ANSWERS = {
        "ask_similarities": similarities_answer,
        "ask_differences": differences_answer,
        "ask_programs": programs_answer,
    }

    def name(self) -> Text:
        return "action_answer_shared_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = get_knowledge_base()
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        answer = self.ANSWERS.get(intent, differences_answer)
        first, second = kb.main_roles
        if answer is programs_answer:
            followups = [buttons.button("Advice for my education level", "ask_education_guidance")]
            followups += [buttons.button(f"Education for the {kb.role(r).name}", "ask_education", role=r) for r in (first, second)]
        else:
            followups = buttons.comparison_followups(kb, first, second, None)
        dispatcher.utter_message(text=answer(kb), buttons=followups)
        return after_other_answer()
