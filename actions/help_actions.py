"""Help: what the assistant covers, from the knowledge base."""
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import buttons
from actions.kb import get_knowledge_base
from actions.scope import help_text


class ActionShowHelp(Action):
    """Says what the assistant covers, listing the roles of the knowledge base."""

    def name(self) -> Text:
        return "action_show_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = get_knowledge_base()
        dispatcher.utter_message(text=help_text(kb), buttons=buttons.scope_buttons(kb))
        return []
