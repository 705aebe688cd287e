"""The context of a conversation: what the slots hold (Context), and what each decision of the
dialogue resolver leaves in them (slot_updates). Pure; the actions read and write the slots."""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from careers import topics
from careers.decisions import (
    AnswerAcrossRoles,
    AnswerBesideUnknown,
    AnswerCertifications,
    AnswerMove,
    AnswerPair,
    AnswerRole,
    AnswerSharedTopic,
    AskWhereTheyLive,
    AskWhichPlace,
    ComparePlaces,
    Decision,
    GiveGuidance,
    RankPlaces,
    Request,
    SayBeyondKnowledge,
    SayPlaceNotCovered,
)
from careers.knowledge_base import KnowledgeBase
from careers.places import NATIONAL, candidates

# Slot names (domain.yml): the context is read from and written to these.
ROLE, TOPIC, COMPARED_ROLES, LISTED_ROLES, DISCUSSED_ROLES = (
    "role",
    "topic",
    "compared_roles",
    "listed_roles",
    "discussed_roles",
)
PLACE = "place"
USERS_ROLE = "users_role"  # the covered role the user said they are in ("I'm an HR generalist")
USERS_PLACE = "users_place"  # the area the user said they live or work in ("I'm in Tampa")
DISCUSSED_PLACES = "discussed_places"  # the places of the last pay answers for the role in focus
COMPARED_PLACES = "compared_places"  # the places the last answer compared side by side
MEASURE = "measure"  # the figure of the pay range the last pay answer led with ("starting")
MEASURES = ("starting", "top", "hourly", "mean", "employment", "concentration")
PLACE_OPTIONS = "place_options"  # the areas last offered ("Which one do you mean: ...?", "New York": the metro)
LONG_FORM = "long_form"  # the last answer was the long form of its topic: "and for execs?" asks the same
RANKED_PLACES = "ranked_places"  # the areas the last ranking listed, in order: "the second one"
RANKING = "ranking"  # the last answer's ranking of places ("pay", "employment:metro"): "and for X?" ranks again

REMEMBERED_ROLES = 4  # discussed_roles keeps the last few roles talked about
REMEMBERED_PLACES = 3


@dataclass(frozen=True)
class Context:
    """What the conversation was last about (the slots)."""

    role: Optional[str] = None  # the one role the last answer was about
    topic: Optional[str] = None  # the topic of the last answer
    compared_roles: Tuple[str, ...] = ()  # set when the last answer covered two roles
    listed_roles: Tuple[str, ...] = ()  # roles just listed ("tell me more about that one")
    discussed_roles: Tuple[str, ...] = ()  # the last roles talked about, newest last
    place: Optional[str] = None  # the area code of the last answer's place (None: the U.S.)
    ranking: Optional[str] = None  # the last answer ranked places: how (RankPlaces.slot_value)
    ranked_places: Tuple[str, ...] = ()  # the areas it listed, in order (area codes)
    place_options: Tuple[str, ...] = ()  # the areas last offered as a choice (area codes)
    # The areas (NATIONAL for the U.S.) of the last pay answers about the role in focus, newest
    # last: "which of those pays more?" after Austin and Houston compares those two.
    discussed_places: Tuple[str, ...] = ()
    measure: Optional[str] = None  # of the last pay answer: "and in Denver?" asks the same
    # The places the last answer compared: "what about generalists?" compares them again.
    compared_places: Tuple[str, ...] = ()
    detail: bool = False  # the last answer was the long form
    users_role: Optional[str] = None  # the role the user said they are in: "my job" later
    users_place: Optional[str] = None  # the area code of where they live or work: "where I live" later

    @classmethod
    def from_slots(cls, kb: KnowledgeBase, slots: Dict[str, Any]) -> "Context":
        """The context the slots hold, ignoring any value that is not a role or topic we know."""

        def roles(value: Any) -> Tuple[str, ...]:
            values = value if isinstance(value, list) else []
            return tuple(role_id for role_id in values if isinstance(role_id, str) and role_id in kb.roles)

        role, topic, place, ranking = slots.get(ROLE), slots.get(TOPIC), slots.get(PLACE), slots.get(RANKING)
        options = slots.get(PLACE_OPTIONS) if isinstance(slots.get(PLACE_OPTIONS), list) else []
        discussed = slots.get(DISCUSSED_PLACES) if isinstance(slots.get(DISCUSSED_PLACES), list) else []
        ranked = slots.get(RANKED_PLACES) if isinstance(slots.get(RANKED_PLACES), list) else []
        compared = slots.get(COMPARED_PLACES) if isinstance(slots.get(COMPARED_PLACES), list) else []
        return cls(
            measure=slots.get(MEASURE) if slots.get(MEASURE) in MEASURES else None,
            detail=slots.get(LONG_FORM) is True,
            users_role=slots.get(USERS_ROLE) if slots.get(USERS_ROLE) in kb.roles else None,
            users_place=slots.get(USERS_PLACE) if slots.get(USERS_PLACE) in kb.wages.areas else None,
            discussed_places=tuple(
                code for code in discussed if isinstance(code, str) and (code in kb.wages.areas or code == NATIONAL)
            )[-REMEMBERED_PLACES:],
            place_options=tuple(code for code in options if isinstance(code, str) and code in kb.wages.areas)[:6],
            ranked_places=tuple(code for code in ranked if isinstance(code, str) and code in kb.wages.areas)[:20],
            compared_places=tuple(
                code for code in compared if isinstance(code, str) and (code in kb.wages.areas or code == NATIONAL)
            )[:REMEMBERED_PLACES],
            ranking=ranking if isinstance(ranking, str) and RankPlaces.from_slot_value("", ranking) else None,
            place=place if isinstance(place, str) and place in kb.wages.areas else None,
            role=role if isinstance(role, str) and role in kb.roles else None,
            topic=topic if isinstance(topic, str) and topic in topics.BY_ID else None,
            compared_roles=roles(slots.get(COMPARED_ROLES))[:2],
            listed_roles=roles(slots.get(LISTED_ROLES)),
            discussed_roles=roles(slots.get(DISCUSSED_ROLES)),
        )

    def recent_pair(self, kb: KnowledgeBase) -> Tuple[str, str]:
        """The two roles a "which one ...?" question most likely means."""
        if len(self.compared_roles) == 2:
            return self.compared_roles[0], self.compared_roles[1]
        if len(self.discussed_roles) >= 2:
            return self.discussed_roles[-2], self.discussed_roles[-1]
        return kb.main_roles

    def partner_for(self, kb: KnowledgeBase, role_id: str) -> str:
        """The role to compare `role_id` with: the other recent one, else its counterpart."""
        for candidate in reversed(self.compared_roles + self.discussed_roles):
            if candidate != role_id:
                return candidate
        return kb.counterpart(role_id)


# --- the context after a decision -----------------------------------------------------------


def _discussed(context: Context, *role_ids: str) -> List[str]:
    roles = [role_id for role_id in context.discussed_roles if role_id not in role_ids] + list(role_ids)
    return roles[-REMEMBERED_ROLES:]


def _places_discussed(context: Context, role_id: str, *codes: str) -> List[str]:
    """The places of the pay answers about `role_id`, these last; another role starts anew."""
    earlier = list(context.discussed_places) if context.role == role_id else []
    places = [code for code in earlier if code not in codes] + list(dict.fromkeys(codes))
    return places[-REMEMBERED_PLACES:]


def _answered(
    context: Context, roles: Tuple[str, ...], topic: Optional[str], listed: Optional[List[str]], place: Optional[str]
) -> Dict[str, Any]:
    """The context after an answer about `roles` (one: it is in focus) on `topic`; a pay answer
    also sets the place it was for (None: the U.S.)."""
    updates = {
        ROLE: roles[0] if len(roles) == 1 else None,
        TOPIC: topic,
        COMPARED_ROLES: None,
        LISTED_ROLES: listed,
        DISCUSSED_ROLES: _discussed(context, *roles),
        RANKING: None,
        COMPARED_PLACES: None,
        LONG_FORM: None,
    }
    if topic == "salary":
        updates[PLACE] = place
        updates[MEASURE] = None
    else:  # the places a ranking listed stay through pay answers ("and the second one?" after the first)
        updates[RANKED_PLACES] = None
    return updates


def said_of_the_user(context: Context, request: Request) -> Dict[str, Any]:
    """What the message said of the user that later turns refer to: the role they are in
    ("I'm an HR generalist", "from generalist to manager"), for "same for my job", and where
    they live or work ("I'm in Tampa"), for "and where I live?"."""
    said: Dict[str, Any] = {}
    if request.from_role and request.from_role != context.users_role:
        said[USERS_ROLE] = request.from_role
    homes = candidates(request.users_place)
    if len(homes) == 1 and homes[0] != context.users_place:  # a name of several areas is not stored
        said[USERS_PLACE] = homes[0]
    return said


def slot_updates(
    context: Context, decision: Decision, listed: Sequence[str] = (), listed_places: Sequence[str] = ()
) -> Dict[str, Any]:
    """Slot name -> new value after the decision was answered; `listed` are the roles the
    reply listed (related careers, the roles of a filter), `listed_places` the areas of a ranking."""
    listed_value = list(listed) or None
    if isinstance(decision, AnswerBesideUnknown):
        return slot_updates(context, decision.answer, listed)
    if isinstance(decision, AnswerRole):
        updates = _answered(context, (decision.role,), decision.topic, listed_value, decision.place)
        updates[LONG_FORM] = decision.detail or None
        if decision.topic == "salary":
            updates[DISCUSSED_PLACES] = _places_discussed(context, decision.role, decision.place or NATIONAL)
            updates[MEASURE] = decision.measure
        if decision.other_place:
            updates[PLACE_OPTIONS] = [decision.place, decision.other_place]  # "New York": the metro area too
        elif decision.place and decision.place not in context.place_options:
            updates[PLACE_OPTIONS] = None
        return updates
    if isinstance(decision, AnswerPair):
        updates = _answered(context, (decision.first, decision.second), decision.topic, listed_value, decision.place)
        updates = {**updates, ROLE: None, COMPARED_ROLES: [decision.first, decision.second], DISCUSSED_PLACES: None}
        return {**updates, MEASURE: decision.measure} if decision.topic == "salary" else updates
    if isinstance(decision, AnswerMove):  # the goal in focus; "the other one" is where they start
        updates = _answered(context, (decision.goal,), "path", None, None)
        return {**updates, DISCUSSED_ROLES: _discussed(context, decision.start, decision.goal)}
    if isinstance(decision, AnswerCertifications):  # the role in focus stays; "which first?" asks of these
        return {TOPIC: "certifications"} if context.topic != "certifications" else {}
    if isinstance(decision, ComparePlaces):
        last = decision.places[-1]
        updates = _answered(context, (decision.role,), "salary", None, None if last == NATIONAL else last)
        updates[COMPARED_PLACES] = list(decision.places)
        updates[MEASURE] = decision.measure
        return {**updates, DISCUSSED_PLACES: _places_discussed(context, decision.role, *decision.places)}
    if isinstance(decision, RankPlaces):
        updates = _answered(context, (decision.role,), "salary", None, None)
        del updates[PLACE]  # a ranking names no one place: the conversation's stays
        return {**updates, RANKING: decision.slot_value, RANKED_PLACES: list(listed_places) or None}
    if isinstance(decision, AnswerAcrossRoles):
        # "that one" means a listed role; a sole one is also the role in focus.
        sole = listed[0] if len(listed) == 1 else None
        return {
            ROLE: sole,
            TOPIC: decision.topic,
            COMPARED_ROLES: None,
            LISTED_ROLES: listed_value,
            DISCUSSED_ROLES: _discussed(context, sole) if sole else list(context.discussed_roles) or None,
            RANKING: None,
            DISCUSSED_PLACES: None,
        }
    if isinstance(decision, AskWhichPlace):
        # The options, for the reply ("oregon", "the other one"); the role asked about stays in focus.
        updates: Dict[str, Any] = {PLACE_OPTIONS: list(decision.places)}
        if decision.role:
            updates.update(
                {ROLE: decision.role, COMPARED_ROLES: None, DISCUSSED_ROLES: _discussed(context, decision.role)}
            )
        return updates
    if isinstance(decision, (SayBeyondKnowledge, SayPlaceNotCovered, AskWhereTheyLive)) and decision.role:
        # The role asked about stays in focus: "can HR generalists work from home?", then "the pay in Virginia?".
        return {ROLE: decision.role, COMPARED_ROLES: None, DISCUSSED_ROLES: _discussed(context, decision.role)}
    if isinstance(decision, AnswerSharedTopic) and decision.roles:
        # "Is HR worth it?", "what is HR?" then "how much do they make?": the roles just given.
        discussed = _discussed(context, *decision.roles[:2])  # "the other one" is the other of these
        if len(decision.roles) == 1:
            return {ROLE: decision.roles[0], COMPARED_ROLES: None, LISTED_ROLES: None, DISCUSSED_ROLES: discussed}
        return {ROLE: None, COMPARED_ROLES: list(decision.roles[:2]), LISTED_ROLES: None, DISCUSSED_ROLES: discussed}
    if isinstance(decision, GiveGuidance) and decision.roles:
        # The next steps for a level lead to these roles: "what would she need to study after?" is of them.
        return {
            ROLE: None,
            TOPIC: "education",
            COMPARED_ROLES: list(decision.roles[:2]),
            LISTED_ROLES: None,
            DISCUSSED_ROLES: _discussed(context, *decision.roles[:2]),
        }
    if isinstance(decision, (AnswerSharedTopic, GiveGuidance)):
        # Answers that are not about a role end the "that one" reference to a listed role.
        return {LISTED_ROLES: None}
    return {}  # a question back, a title not covered, help: the context stays as it was
