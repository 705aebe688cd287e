"""Reads what the resolver needs from a tracker: the request (intent and entities) and the context.

The entities are the NLU's (components/): role ids, topic ids, the pay limit, the degree,
the ranking and the education level. The message's text is read only for the few words
before a role, which say whether it is the user's own job ("I'm a generalist, what do
managers make?").
"""

import re
from typing import Any, Dict, Iterable, List, Optional

from rasa_sdk import Tracker

from careers import topics
from careers.dialogue import Context, Request
from careers.knowledge_base import KnowledgeBase
from careers.matching import MEASURE_PATTERNS, PayLimit, named_ids
from careers.not_covered import BEYOND_LABELS
from careers.places import is_place_key
from careers.schema import ENTRY_EDUCATION_LEVELS

# A title the knowledge base does not cover is quoted back; a long one is cut.
LONGEST_TITLE = 60
MEASURES = {label for label, _ in MEASURE_PATTERNS}


def _values(entities: Iterable[Dict[str, Any]], name: str) -> List[Any]:
    return [entity.get("value") for entity in entities if isinstance(entity, dict) and entity.get("entity") == name]


def _roles(kb: KnowledgeBase, entities: List[Dict[str, Any]]) -> Dict[str, List[str]]:
    known: List[str] = []
    unknown: List[str] = []
    generic: List[str] = []
    for entity in entities:
        if not isinstance(entity, dict) or entity.get("entity") != "role":
            continue
        value = entity.get("value")
        if isinstance(value, str) and kb.is_generic_term(value):
            generic.append(value)
            continue
        if not isinstance(value, str) or not value.strip():
            continue
        # A role id (the NLU's alias matcher, a button), else a name as a learned tagger wrote it.
        typed = entity.get("text")
        role_id = kb.find_role(value) or (kb.find_role(typed) if isinstance(typed, str) else None)
        if role_id is not None:
            if role_id not in known:
                known.append(role_id)
        elif value.strip()[:LONGEST_TITLE] not in unknown:
            unknown.append(value.strip()[:LONGEST_TITLE])
    return {"known": known, "unknown": unknown, "generic": generic}


# "I'm an HR generalist rn, what do HR managers make?": the user's own job, before the question;
# "retired teacher here, what do ...": after it.
# Not "I'm thinking about labor relations" or "I'm interested in ...": those ask about it; nor
# "is there such a thing as an HR ombudsman?".
SELF_DESCRIPTION = re.compile(
    r"\b(?:i'?m|i am|i work as|(?:i'?ve |i have )?been|(?<!thing )(?<!such )as)\s+(?!(?:\w+ing|interested|curious|torn|about|into|between|gonna|not)\b)"
    r"(?:an?\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
SELF_DESCRIPTION_AFTER = re.compile(
    r"^\s+(?:(?:in|from|near) [\w ,.]{2,30}? )?"  # "HR business partner in Chicago here"
    r"(?:here|rn|right now|currently|(?:wanting|looking|trying|hoping) to (?:move|switch|get|become|go))\b",
    re.IGNORECASE,
)
# A bare title word ("teacher") is the user's own job only after "I'm": "as a manager" may be the job asked of.
OWN_JOB = re.compile(r"\b(?:i'?m|i am|i work as|(?:i'?ve |i have )?been)\s+(?:an?\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# "labor relations instead of law school, what is it?": the role set aside is not the one asked about.
# "sorry, Ohio not Iowa", "specialists, not lawyers": a correction sets the second aside.
# "weighing law school against HR. What do HR managers make?": what they weigh is not what they ask.
SET_ASIDE = re.compile(
    r"(?:\b(?:instead of|rather than|other than)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?|\bnot\s+(?:an?\s+|the\s+|in\s+)?|"
    r"\bweighing\s+(?:an?\s+|the\s+)?)$",
    re.IGNORECASE,
)


# "how do I go from generalist to manager?", "moving from recruiter to labor relations": where they start.
MOVING_FROM = re.compile(r"\bfrom\s+(?:an?\s+|the\s+|being\s+an?\s+)?$", re.IGNORECASE)


def _describes_the_user(entity: Dict[str, Any], text: str) -> bool:
    """ "I'm an HR generalist", "retired teacher here", "campus recruiter rn": the user's own job."""
    start, end = entity.get("start"), entity.get("end")
    return isinstance(start, int) and (
        bool(SELF_DESCRIPTION.search(text[max(0, start - 40) : start]))
        or (isinstance(end, int) and bool(SELF_DESCRIPTION_AFTER.match(text[end:])))
    )


def _from_role(kb: KnowledgeBase, named: List[Dict[str, Any]], text: str) -> Optional[str]:
    """The covered role the user is in ("I'm a generalist") or moves from ("from X to Y")."""
    for entity in named:
        value, start = entity.get("value"), entity.get("start")
        role_id = kb.find_role(value) if isinstance(value, str) else None
        if role_id is None or _set_aside(entity, text):
            continue
        after_from = isinstance(start, int) and bool(MOVING_FROM.search(text[max(0, start - 30) : start]))
        if after_from or _describes_the_user(entity, text):
            return role_id
    return None


# "I live in Tampa", "we're in Michigan", "based in Austin", "Chicago here", "an HR rep in Phoenix"
LIVES_IN = re.compile(
    r"\b(?:live|living|based|located|work|working|stay|reside)\s+(?:in|near|around|outside(?: of)?)\s+$|"
    r"\b(?:i'?m|i am|we'?re|we are)\s+(?:in|from)\s+$|\bhere in\s+$",
    re.IGNORECASE,
)


def _users_place(places: List[Dict[str, Any]], named_roles: List[Dict[str, Any]], text: str) -> Optional[str]:
    """The place key of where the user says they live or work: after "I live in", before
    "here", or right after the job they describe as theirs ("I'm an HR specialist in Tampa")."""
    own_jobs = [role for role in named_roles if _describes_the_user(role, text)]
    for entity in places:
        start, end, value = entity.get("start"), entity.get("end"), entity.get("value")
        if not (isinstance(start, int) and isinstance(end, int) and is_place_key(value)):
            continue
        before, after = text[max(0, start - 40) : start], text[end:]
        after_own_job = any(
            isinstance(job.get("end"), int) and re.fullmatch(r"\s+(?:in|from|near)\s+", text[job["end"] : start])
            for job in own_jobs
        )
        if LIVES_IN.search(before) or re.match(r"\s+here\b", after) or after_own_job:
            return value
    return None


def _set_aside(entity: Dict[str, Any], text: str) -> bool:
    start = entity.get("start")
    return isinstance(start, int) and bool(SET_ASIDE.search(text[max(0, start - 40) : start]))


def _asked_about(
    kb: KnowledgeBase, entities: List[Dict[str, Any]], text: str, intent: Optional[str]
) -> List[Dict[str, Any]]:
    """The entities without the roles that describe the user ("I'm a generalist", "I'm a
    guidance counselor") or are set aside ("instead of law school"), when another role or
    HR itself is asked about and the question is no comparison. A job we do not cover that
    describes the user goes whatever is asked: "I'm a teacher, what does that pay?" asks of
    HR jobs, not of teaching."""
    roles = [entity for entity in entities if entity.get("entity") == "role"]
    if intent == "compare_roles":
        return entities

    def is_the_users_own(entity: Dict[str, Any]) -> bool:  # a bare title word: "I'm a teacher", not "as a manager"
        start = entity.get("start")
        if entity.get("entity") == "role":
            return _describes_the_user(entity, text)
        return isinstance(start, int) and bool(OWN_JOB.search(text[max(0, start - 40) : start]))

    titles = [entity for entity in entities if entity.get("entity") in ("role", "role_head")]
    not_covered = [
        entity for entity in titles if is_the_users_own(entity) and not kb.find_role(str(entity.get("value", "")))
    ]

    own = [entity for entity in roles if _describes_the_user(entity, text) or _set_aside(entity, text)]
    if not_covered:
        entities = [entity for entity in entities if entity not in not_covered]
        own = [entity for entity in own if entity not in not_covered]
        roles = [entity for entity in roles if entity not in not_covered]

    def overlaps_a_role(entity: Dict[str, Any]) -> bool:  # "hr" of "HR generalist"
        start, end = entity.get("start"), entity.get("end")
        return any(
            isinstance(start, int)
            and isinstance(end, int)
            and role.get("start", end) < end
            and start < role.get("end", start)
            for role in roles
        )

    asks_about_hr = any(entity.get("entity") == "field" and not overlaps_a_role(entity) for entity in entities)
    if not own or (len(own) == len(roles) and not asks_about_hr):
        return entities
    return [entity for entity in entities if entity not in own]


def _within(inner: Dict[str, Any], outer: Dict[str, Any]) -> bool:
    """Whether `inner`'s words are some of `outer`'s ("school" of "law school"). A button's
    payload gives all its entities the span of the payload: none is within another."""
    bounds = [inner.get("start"), inner.get("end"), outer.get("start"), outer.get("end")]
    if not all(isinstance(bound, int) for bound in bounds):
        return False
    inner_start, inner_end, outer_start, outer_end = bounds
    return (
        outer_start <= inner_start and inner_end <= outer_end and (inner_start, inner_end) != (outer_start, outer_end)
    )


def _overlap(first: Dict[str, Any], second: Dict[str, Any]) -> bool:
    spans = [(entity.get("start"), entity.get("end")) for entity in (first, second)]
    if not all(isinstance(bound, int) for span in spans for bound in span):
        return False
    (first_start, first_end), (second_start, second_end) = spans
    return first_start < second_end and second_start < first_end


# What ends one question of a message and starts the next: "an easy switch? whats the pay".
CLAUSE_END = re.compile(r"[?.!;]|\bbut\b|\balso\b|\bplus\b|\band (?:i|my|i'?m)\b", re.IGNORECASE)


def _asked_apart(entities: List[Dict[str, Any]], text: str) -> bool:
    """Whether a topic is asked in a clause of its own, apart from every subject no source covers."""

    def clause(entity: Dict[str, Any]) -> Optional[int]:
        start = entity.get("start")
        return len(CLAUSE_END.findall(text[:start])) if isinstance(start, int) else None

    unknown = {clause(entity) for entity in entities if entity.get("entity") == "beyond"}
    roles = [entity for entity in entities if entity.get("entity") == "role"]
    return any(
        entity.get("entity") == "topic"
        and clause(entity) is not None
        and clause(entity) not in unknown
        and not any(_within(entity, role) for role in roles)  # "torn between law school and HR"
        for entity in entities
    )


def _attended(entity: Dict[str, Any], text: str) -> bool:
    """A degree's words after "in" name a school the user is in ("in high school"), not a degree."""
    start = entity.get("start")
    return isinstance(start, int) and bool(re.search(r"\bin\s+$", text[:start], re.IGNORECASE))


def _in_school(entity: Dict[str, Any], text: str) -> bool:
    """ "I'm a junior in high school, how do I become ...": where the user is, not what is asked."""
    start = entity.get("start")
    before = text[:start] if isinstance(start, int) else ""
    return bool(re.search(r"\b(?:in|at)\s+(?:high\s+|middle\s+|grad(?:uate)?\s+)?$", before, re.IGNORECASE))


def request_from(tracker: Tracker, kb: KnowledgeBase) -> Request:
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    entities = [entity for entity in message.get("entities") or [] if isinstance(entity, dict)]
    text = message.get("text") if isinstance(message.get("text"), str) else ""
    named_roles = [entity for entity in entities if entity.get("entity") == "role"]  # set aside or not
    entities = _asked_about(kb, entities, text, intent if isinstance(intent, str) else None)
    roles = _roles(kb, entities)
    role_entities = [entity for entity in entities if entity.get("entity") == "role"]
    named_topics = [  # "law school" names the labor lawyer, "in high school" where the user is: no topic
        entity.get("value")
        for entity in entities
        if entity.get("entity") == "topic"
        and entity.get("value") in topics.BY_ID
        and not any(_within(entity, role) for role in named_roles)
        and not (entity.get("value") == "education" and _in_school(entity, text))
    ]
    pay_limits = [limit for limit in map(PayLimit.parse, _values(entities, "amount")) if limit]
    degrees = [  # "law school" names the labor lawyer, "a junior in high school" a school attended: no degree
        entity.get("value")
        for entity in entities
        if entity.get("entity") == "degree"
        and entity.get("value") in ENTRY_EDUCATION_LEVELS
        and not any(_overlap(entity, role) for role in role_entities)
        and not _attended(entity, text)
    ]
    levels = [value for value in _values(entities, "education_level") if value in kb.education_level_ids()]
    titles = [entity for entity in named_roles + entities if entity.get("entity") in ("role", "role_head")]
    place_entities = [  # "from generalist to manager" is no place: a learned tagger may think so
        entity
        for entity in entities
        if entity.get("entity") == "place"
        and (is_place_key(entity.get("value")) or not any(_overlap(entity, title) for title in titles))
    ]
    kept_places = [entity for entity in place_entities if not _set_aside(entity, text)] or place_entities
    place_values = [value for value in _values(kept_places, "place") if isinstance(value, str) and value.strip()]
    places = [value for value in place_values if is_place_key(value)]
    # A place a learned tagger found that we do not know ("Narnia"), as typed, cut to a sane length.
    unknown_places = [value.strip()[:LONGEST_TITLE] for value in place_values if not is_place_key(value)]
    ordinals = [entity for entity in entities if entity.get("entity") == "ordinal"]
    measures = [  # "the pay in the top one?" names a place of a ranking, not the top of the range
        entity.get("value")
        for entity in entities
        if entity.get("entity") == "measure"
        and entity.get("value") in MEASURES
        and not any(_overlap(entity, ordinal) for ordinal in ordinals)
    ]
    beyond = [value for value in _values(entities, "beyond") if value in BEYOND_LABELS]
    beyond_words = [
        entity["text"].strip()[:LONGEST_TITLE]
        for entity in entities
        if entity.get("entity") == "beyond" and isinstance(entity.get("text"), str)
    ]
    return Request(
        intent=intent if isinstance(intent, str) else None,
        roles=tuple(roles["known"]),
        unknown_titles=tuple(roles["unknown"]),
        topics=tuple(dict.fromkeys(named_topics)),
        pay_limit=pay_limits[0] if pay_limits else None,
        degree=degrees[0] if degrees else None,
        lowest="lowest" in _values(entities, "ranking"),
        highest="highest" in _values(entities, "ranking"),
        count=next((int(v) for v in _values(entities, "count") if isinstance(v, str) and v.isdigit()), None),
        education_level=levels[0] if levels else None,
        places=tuple(dict.fromkeys(places)),
        unknown_places=tuple(dict.fromkeys(unknown_places)),
        measure=measures[0] if measures else None,
        metro="metro" in _values(entities, "area_kind"),
        beyond=tuple(dict.fromkeys(beyond)),
        asked_apart=_asked_apart(entities, text),
        beyond_words=tuple(dict.fromkeys(word for word in beyond_words if word.strip())),
        generic=bool(roles["generic"]) or "hr" in _values(entities, "field"),
        detail="more" in _values(entities, "detail"),
        other="other" in _values(entities, "reference"),
        those="those" in _values(entities, "reference"),
        first="first" in _values(entities, "reference"),
        ordinal=next(
            (int(v) for v in _values(entities, "ordinal") if isinstance(v, str) and v.lstrip("-").isdigit()), None
        ),
        there="there" in _values(entities, "reference"),
        article="article" in _values(entities, "reference"),
        both="both" in _values(entities, "reference"),
        compare="compare" in _values(entities, "reference"),
        follow_up="follow_up" in _values(entities, "reference"),
        ranked_by="ranked_by" in _values(entities, "reference"),
        own_place="own_place" in _values(entities, "reference"),
        own_role="own_role" in _values(entities, "reference"),
        users_place=_users_place(kept_places, named_roles, text),
        whole_state="whole_state" in _values(entities, "reference"),
        years=tuple(int(v) for v in _values(entities, "year") if isinstance(v, str) and v.isdigit()),
        role_heads=tuple(dict.fromkeys(v for v in _values(entities, "role_head") if isinstance(v, str))),
        from_role=_from_role(kb, named_roles, text),
        certifications=tuple(named_ids(kb.certification_names(), text)),
    )


def context_from(tracker: Tracker, kb: KnowledgeBase) -> Context:
    return Context.from_slots(kb, tracker.current_slot_values())
