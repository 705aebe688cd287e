"""Which places a request means (pure): the names it gives settled into BLS areas, the places
its references point to ("the other one", "those two", "the whole state") and the places a
"which one?" is about, from the context the slots hold. Used by the dialogue resolver."""

from dataclasses import dataclass, replace
from typing import List, Optional, Tuple

from careers.context import Context
from careers.decisions import AnswerPair, AnswerRole, ComparePlaces, Decision, Request
from careers.knowledge_base import KnowledgeBase
from careers.places import NATIONAL, candidates


@dataclass(frozen=True)
class SettledPlaces:
    """The places a request names, settled: area codes, or the areas one ambiguous name may mean."""

    codes: Tuple[str, ...] = ()
    ambiguous: Tuple[str, ...] = ()
    other: Optional[str] = None  # the other area a settled name may mean (answered with its state)


def chosen_option(kb: KnowledgeBase, request: Request, context: Context) -> Optional[str]:
    """The area a reply to "Which one do you mean?" picks: the option in the state named ("oregon",
    "the georgia one"), the metro area when the state was given ("the city I mean"), or with
    "the other one" the option not answered last."""
    options = context.place_options
    if not options or request.roles or request.topics or request.measure or request.whole_state:
        return None  # a new question, not the reply to "Which one do you mean?"
    if request.other:
        rest = [code for code in options if code != context.place]
        return rest[0] if len(rest) == 1 else None
    if request.metro and not request.places:
        metros = [code for code in options if not kb.wages.areas[code].is_state]
        return metros[0] if len(metros) == 1 else None
    if context.place in options:
        return None  # the question was answered already: a place named now is a new question
    areas = kb.wages.areas
    states = {code[:2] for key in request.places for code in candidates(key) if code in areas and areas[code].is_state}
    if states:
        chosen = [code for code in options if states & set(kb.places.area_states.get(code, []))]
        return chosen[0] if len(chosen) == 1 else None
    return None


def settled_places(kb: KnowledgeBase, request: Request, context: Optional[Context] = None) -> SettledPlaces:
    chosen = chosen_option(kb, request, context) if context else None
    if chosen:
        return SettledPlaces((chosen,))
    codes: List[str] = []
    other = None
    for key in request.places:
        options = [code for code in candidates(key) if code in kb.wages.areas]
        if len(options) == 1:
            codes.append(options[0])
            continue
        states = [code for code in options if kb.wages.areas[code].is_state]
        if len(options) == 2 and len(states) == 1:
            # "New York", "Washington": the state, saying so, with the metro area a button away.
            codes.append(states[0])
            other = next(code for code in options if code != states[0])
        elif options:
            in_context = _in_the_state_of_the_conversation(kb, options, context)
            if in_context is None:
                return SettledPlaces(ambiguous=tuple(options))
            codes.append(in_context)  # "Portland" after Oregon: the Oregon one
    return SettledPlaces(tuple(dict.fromkeys(codes)), other=other)


def _in_the_state_of_the_conversation(
    kb: KnowledgeBase, options: List[str], context: Optional[Context]
) -> Optional[str]:
    """Of the areas a name may mean, the one in the state of the place just talked about, if one is."""
    if context is None or not context.place:
        return None
    state = kb.places.area_states.get(context.place, [])[:1]
    matching = [code for code in options if state and kb.places.area_states.get(code, [])[:1] == state]
    return matching[0] if len(matching) == 1 else None


def with_place(decision: Decision, request: Request, context: Context, places: SettledPlaces) -> Decision:
    """The role answer in the place asked (pay only), or in the place of the conversation."""
    if isinstance(decision, AnswerRole) and decision.topic == "salary":
        if len(places.codes) >= 2:
            return ComparePlaces(decision.role, places.codes, request.measure)
        place = places.codes[0] if places.codes else context.place
        place = None if place == NATIONAL else place
        return AnswerRole(decision.role, "salary", place, request.measure, places.other)
    if isinstance(decision, AnswerPair) and decision.topic == "salary":
        place = places.codes[0] if places.codes else context.place
        if place or request.measure:
            place = None if place == NATIONAL else place
            return AnswerPair(decision.first, decision.second, "salary", place, request.measure)
    if isinstance(decision, AnswerRole) and request.measure:
        return AnswerRole(decision.role, decision.topic, None, request.measure)
    if isinstance(decision, AnswerRole) and request.places and places.codes and decision.topic != "overview":
        # "the outlook for HR assistants in Texas": national facts, said to be national.
        return replace(decision, place=places.codes[0])
    return decision


def with_referenced_places(kb: KnowledgeBase, request: Request, context: Context) -> Request:
    """ "the whole state" after a metro area: that state; "the other one" after pay in two
    places for the role in focus: the other place."""
    if request.other and not (request.places or request.roles or context.place_options) and context.role:
        others = [code for code in reversed(context.discussed_places) if code != (context.place or NATIONAL)]
        if len(context.discussed_places) >= 2 and others:
            return replace(request, places=(others[0],), other=False)
    if (request.those or request.both) and len(request.roles) == 1 and len(context.discussed_places) >= 2:
        if not request.places:  # "and for HR assistants in those two": the places just compared
            return replace(request, places=context.discussed_places, both=False)
    ranked = context.ranked_places
    if request.ordinal and not request.places and ranked and -len(ranked) <= request.ordinal <= len(ranked):
        # "and lawyers in the second one?" after a ranking of places: that place (not a role)
        at = request.ordinal - 1 if request.ordinal > 0 else request.ordinal
        return replace(request, places=(ranked[at],), first=False, there=False)
    if request.there and not request.places and context.ranking and context.ranked_places:
        # "and what's the pay there?" after "where are the most jobs?": the first place listed.
        return replace(request, places=(context.ranked_places[0],), there=False)
    if context.compared_places and not (request.places or request.unknown_places or request.own_place):
        other_role = len(request.roles) == 1 and request.roles[0] != context.role
        same_role = request.roles in ((), (context.role,))
        # ("what would I start at?" alone asks of the place last named, as after any pay answer)
        asks_again = request.both or request.compare or request.intent == "compare_roles"
        if (other_role or (same_role and asks_again)) and not request.other:
            # "what about generalists?", "hourly for both", "which has more jobs?" after pay in
            # Florida and Georgia: those two.
            return replace(request, places=context.compared_places, both=False)
    if request.whole_state and not request.places and context.place and not kb.wages.areas[context.place].is_state:
        states = kb.places.area_states.get(context.place, [])
        if states and f"{states[0]}00000" in kb.wages.areas:
            return replace(request, places=(f"{states[0]}00000",))
    return request


def between_places_discussed(request: Request, context: Context) -> bool:
    """Whether a question of "which one?" that names no role or place is about the places
    (up to three) whose pay was just given for the role in focus."""
    return bool(
        not (request.places or request.unknown_places or request.roles or request.role_heads or request.both)
        and context.role
        and len(context.discussed_places) >= 2
        and request.topic in (None, "salary")
        and (request.compare or request.intent == "compare_roles")
    )


def has_median(kb: KnowledgeBase, role_id: str, code: str) -> bool:
    row = kb.wage_row(role_id, code)
    return bool(row and row.annual_median.value is not None)
