"""Education guidance: the source article's advice for each highest level of education."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import buttons
from actions.shared_answers import education_level_answer
from actions.context import after_other_answer
from actions.kb import get_knowledge_base
from actions.parsing import education_level


class ActionEducationGuidance(Action):
    """Gives the advice for the level the user names, or asks for it with one button per level."""

    def name(self) -> Text:
        return "action_education_guidance"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = get_knowledge_base()
        message = tracker.latest_message or {}
        level = education_level(kb, message.get("entities"), message.get("text"))
        answer = education_level_answer(kb, level) if level else None
        if answer is None:
            dispatcher.utter_message(
                text="What is your highest level of education?", buttons=buttons.education_level_buttons(kb)
            )
            return after_other_answer()
        first, second = kb.main_roles
        dispatcher.utter_message(
            text=answer,
            buttons=[
                buttons.button(f"Education for the {kb.role(first).name}", "ask_education", role=first),
                buttons.button(f"Education for the {kb.role(second).name}", "ask_education", role=second),
                buttons.button("Compare the two roles", "compare_roles", role=[first, second]),
            ],
        )
        return after_other_answer()

