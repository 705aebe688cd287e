"""The custom actions: each reads the tracker, asks the dialogue resolver, and sends the reply.

One action per kind of question (domain.yml's rules map each intent to one of them); what
to answer is decided in careers.dialogue, how it reads in careers.replies.
"""

from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import runtime
from actions.tracker import context_from, request_from
from careers import dialogue
from careers.formatting import markup_for_channel
from careers.replies import reply_to

# The input channels whose page draws pictures (careers.pictures), each with its text
# equivalent; the terminal and REST clients get the reply's text alone.
PICTURE_CHANNELS = ("webchat",)


class ResolvedAction(Action, metaclass=ABCMeta):
    """An action whose answer the dialogue resolver decides."""

    @property
    @abstractmethod
    def question(self) -> str:
        """The kind of question it answers (careers.dialogue)."""

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        kb = runtime.knowledge_base()
        context = context_from(tracker, kb)
        request = request_from(tracker, kb)
        decision = dialogue.resolve(kb, self.question, request, context)
        channel = tracker.get_latest_input_channel()
        markup = markup_for_channel(channel)
        reply = reply_to(kb, decision, markup)
        if reply.response:
            dispatcher.utter_message(response=reply.response)
        elif reply.picture and channel in PICTURE_CHANNELS:
            # The page draws it in the same bubble as the text (channels/webchat.py).
            dispatcher.utter_message(
                text=markup.document(reply.text), buttons=reply.buttons, json_message={"picture": reply.picture}
            )
        else:
            dispatcher.utter_message(text=markup.document(reply.text), buttons=reply.buttons)
        # Only the slots whose value changes: every event stays in the conversation, and
        # Rasa re-reads the whole of it at each prediction and action call (bench/NOTES.md).
        updates = {
            **dialogue.slot_updates(context, decision, reply.listed, reply.listed_places),
            **dialogue.said_of_the_user(context, request),
        }
        return [SlotSet(name, value) for name, value in updates.items() if tracker.get_slot(name) != value]


class ActionAnswerRoleTopic(ResolvedAction):
    """A topic of one role: the one named, or the one (or two) in context."""

    question = dialogue.ROLE_TOPIC

    def name(self) -> Text:
        return "action_answer_role_topic"


class ActionCompareRoles(ResolvedAction):
    question = dialogue.COMPARISON

    def name(self) -> Text:
        return "action_compare_roles"


class ActionAnswerSharedTopic(ResolvedAction):
    """What the two main roles share, how they differ, and which programs to study."""

    question = dialogue.SHARED_TOPIC

    def name(self) -> Text:
        return "action_answer_shared_topic"


class ActionEducationGuidance(ResolvedAction):
    """Advice for the education level the user names, or the question for it."""

    question = dialogue.GUIDANCE

    def name(self) -> Text:
        return "action_education_guidance"


class ActionShowHelp(ResolvedAction):
    question = dialogue.HELP

    def name(self) -> Text:
        return "action_show_help"


class ActionAnswerAcrossRoles(ResolvedAction):
    """Lists, filters or ranks every role of the knowledge base."""

    question = dialogue.ACROSS_ROLES

    def name(self) -> Text:
        return "action_answer_across_roles"


class ActionRankPlaces(ResolvedAction):
    """Where a role pays best, has the most jobs, or the highest concentration of jobs."""

    question = dialogue.RANK_PLACES

    def name(self) -> Text:
        return "action_rank_places"


class ActionAnswerOutOfScope(ResolvedAction):
    """Out of scope: a subject no source covers or a title we do not cover is named; else the fixed reply."""

    question = dialogue.OUT_OF_SCOPE

    def name(self) -> Text:
        return "action_answer_out_of_scope"


class ActionAnswerUnsure(ResolvedAction):
    """The NLU was unsure of the intent: the roles and topics it found may still say what is asked."""

    question = dialogue.UNSURE

    def name(self) -> Text:
        return "action_answer_unsure"


class ActionAnswerSmallTalk(ResolvedAction):
    """Hello, thanks, goodbye: the fixed reply, unless the message also asks something ("hi, what do HR managers make?")."""

    question = dialogue.SMALL_TALK

    def name(self) -> Text:
        return "action_answer_small_talk"
