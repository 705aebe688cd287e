"""A decision of the dialogue resolver, written as a reply: text, buttons, and the roles it lists."""

from dataclasses import dataclass, field, replace
from typing import List, Optional, Tuple

from careers import buttons, dialogue, pictures, topics
from careers.answers import across_roles, pay, shared
from careers.answers import path as path_answers
from careers.answers.comparison import compare_roles
from careers.answers.role import brief_line
from careers.buttons import Button
from careers.formatting import Markup, title
from careers.knowledge_base import KnowledgeBase
from careers.scope import (
    beyond_knowledge_text,
    help_text,
    not_covered_place_text,
    unknown_beside_text,
    unknown_roles_text,
)


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: List[Button] = field(default_factory=list)
    listed: List[str] = field(default_factory=list)  # roles the reply lists, in order ("that one")
    listed_places: List[str] = field(default_factory=list)  # areas a ranking lists, in order ("the pay there?")
    response: Optional[str] = None  # a fixed response of domain.yml sent instead of `text`
    picture: Optional[pictures.Picture] = None  # drawn by the web page beside the text (careers.pictures)


def _related(kb: KnowledgeBase, *role_ids: str) -> List[str]:
    return [item.role for role_id in role_ids for item in kb.role(role_id).related]


def reply_to(kb: KnowledgeBase, decision: dialogue.Decision, markup: Markup) -> Reply:
    if isinstance(decision, dialogue.AnswerBesideUnknown):
        answer = reply_to(kb, decision.answer, markup)
        text = f"{answer.text}\n\n{unknown_beside_text(list(decision.subjects))}" if answer.text else answer.text
        return replace(answer, text=text)
    if isinstance(decision, dialogue.AnswerRole):
        return _role_answer(kb, decision, markup)
    if isinstance(decision, dialogue.AnswerPair):
        first, second, topic = decision.first, decision.second, decision.topic
        if decision.place or decision.measure:
            place = decision.place or kb.wages.national.code
            text, answered = pay.compare_roles_in_place(kb, first, second, place, markup, decision.measure)
            picture = _pay_range_picture(kb, [(role_id, place) for role_id in answered], decision.measure)
            return Reply(text, buttons.place_followups(kb, first, decision.place), picture=picture)
        national = kb.wages.national.code
        return Reply(
            compare_roles(kb, first, second, topic, markup),
            buttons.comparison_followups(kb, first, second, topic),
            _related(kb, first, second) if topic == "related" else [],
            picture=_pay_range_picture(kb, [(first, national), (second, national)]) if topic == "salary" else None,
        )
    if isinstance(decision, dialogue.AnswerMove):
        return Reply(
            path_answers.move_answer(kb, decision.start, decision.goal, markup),
            [
                buttons.topic_button(kb, decision.goal, "certifications"),
                buttons.topic_button(kb, decision.goal, "path"),
                buttons.compare_button(kb, decision.start, decision.goal),
            ],
        )
    if isinstance(decision, dialogue.AnswerCertifications):
        listing = [decision.role] if decision.role else []
        listing += [role_id for key in decision.certifications for role_id in kb.roles_listing(key)]
        followups = [
            buttons.topic_button(kb, role_id, "certifications") for role_id in list(dict.fromkeys(listing))[:3]
        ]
        return Reply(
            path_answers.named_certifications_answer(kb, decision.certifications, markup, decision.role),
            followups or buttons.scope_buttons(kb),
        )
    if isinstance(decision, dialogue.ComparePlaces):
        text, answered = pay.compare_places_answer(kb, decision.role, decision.places, markup, decision.measure)
        picture = _pay_range_picture(kb, [(decision.role, code) for code in answered], decision.measure)
        return Reply(text, buttons.place_followups(kb, decision.role, decision.places[-1]), picture=picture)
    if isinstance(decision, dialogue.RankPlaces):
        text, listed = pay.rank_places_answer(
            kb,
            decision.role,
            decision.ranking,
            decision.metro,
            decision.lowest,
            markup,
            decision.within,
            decision.count,
        )
        picture = None
        if not (decision.metro or decision.within):  # a map of states, for a ranking of states
            measure = pay.RANKINGS.get(decision.ranking, pay.RANKINGS["pay"])[0]
            picture = pictures.state_map(kb, decision.role, measure, decision.lowest, listed)
        if decision.for_hr:
            text = (
                f"HR in general is no one BLS occupation: here are {kb.occupation_label(decision.role)}, "
                f"the largest HR occupation (the {kb.role(decision.role).name}'s).\n{text}"
            )
        followups = [buttons.place_button(kb, decision.role, code) for code in listed[:3]]
        return Reply(text, followups, listed_places=list(listed), picture=picture)
    if isinstance(decision, dialogue.AskWhichPlace):
        return Reply(
            pay.which_place_question(kb, decision.places),
            [buttons.place_button(kb, decision.role, code, plain_name=True) for code in decision.places[:6]],
        )
    if isinstance(decision, dialogue.AskWhereTheyLive):
        who = f" for the {kb.role(decision.role).name}" if decision.role else ""
        return Reply(
            f'Where do you live? Tell me the state or the city (for example "Ohio" or "Austin"), '
            f"and I'll give you the pay there{who}.",
            [],
        )
    if isinstance(decision, dialogue.SayPlaceNotCovered):
        return Reply(not_covered_place_text(list(decision.names)), buttons.scope_buttons(kb))
    if isinstance(decision, dialogue.AskWhichRole):
        return Reply(decision.question, buttons.role_choice_buttons(kb, decision.topic, list(decision.roles)))
    if isinstance(decision, dialogue.SayNotCovered):
        nearest = [role_id for name in decision.titles[:1] for role_id in kb.closest_roles(name)]
        closest = list(dict.fromkeys(decision.roles + tuple(nearest)))[:3]
        followups = buttons.closest_role_buttons(kb, closest, decision.topic) if closest else buttons.scope_buttons(kb)
        return Reply(unknown_roles_text(kb, list(decision.titles), closest), followups)
    if isinstance(decision, dialogue.SayBeyondKnowledge):
        text = beyond_knowledge_text(kb, list(decision.subjects), decision.role, decision.words)
        followups = (
            buttons.role_followups(kb, decision.role, "overview") if decision.role else buttons.scope_buttons(kb)
        )
        return Reply(text, followups)
    if isinstance(decision, dialogue.SayOutOfScope):
        return Reply("", response="utter_out_of_scope")
    if isinstance(decision, dialogue.AskToRephrase):
        return Reply("", response="utter_please_rephrase")
    if isinstance(decision, dialogue.SayFixed):
        return Reply("", response=decision.response)
    if isinstance(decision, dialogue.AnswerAcrossRoles):
        return _across_roles(kb, decision, markup)
    if isinstance(decision, dialogue.AnswerSharedTopic):
        return _shared_topic(kb, decision)
    if isinstance(decision, dialogue.GiveGuidance):
        return _guidance(kb, decision)
    return Reply(help_text(kb), buttons.scope_buttons(kb))


def _pay_range_picture(
    kb: KnowledgeBase, subjects: List[Tuple[str, str]], measure: Optional[str] = None
) -> Optional[pictures.Picture]:
    """The ranges of the (role, area) pairs a pay answer gives, on one axis. Only for the whole
    range (per hour when asked): a question about one end of it ("starting", "top") gets no
    picture of the other end, nor the average or the concentration a picture of percentiles."""
    if measure not in (None, "hourly") or not subjects:
        return None
    if len(subjects) == 1:
        return pictures.pay_range(kb, subjects, hourly=measure == "hourly")
    (first_role, first_place), (second_role, _) = subjects[0], subjects[1]
    if first_role == second_role:
        names = " vs ".join(pay.area_name(kb, code) for _, code in subjects)
        heading = f"{title(kb.role(first_role).name)}, pay range in {names}"
    else:
        heading = f"{title(kb.role(first_role).name)} vs {kb.role(second_role).name}, pay range in {pay.area_name(kb, first_place)}"
    return pictures.pay_range(kb, subjects, hourly=measure == "hourly", title_text=heading)


# Measures said to be of pay only when asked beside another topic ("hourly education?"); "start
# right out of school" or "top skills" are no question of pay, and get no note.
NOTED_MEASURES = ("hourly", "mean")


def _role_answer(kb: KnowledgeBase, decision: dialogue.AnswerRole, markup: Markup) -> Reply:
    role, topic = decision.role, decision.topic
    if topic == "salary" and (decision.place or decision.measure):
        place = decision.place or kb.wages.national.code
        text = pay.local_pay_answer(kb, role, place, decision.measure, markup)
        followups = buttons.place_followups(kb, role, decision.place)
        picture = _pay_range_picture(kb, [(role, place)], decision.measure)
        if decision.other_place:
            text += f"\n(You may mean {pay.area_name(kb, decision.other_place)}: it is one button away.)"
            followups = [buttons.place_button(kb, role, decision.other_place), *followups][: buttons.MAX_BUTTONS]
        return _with_also(kb, decision, Reply(text, followups, picture=picture))
    text = topics.render(kb, role, topic, markup, decision.detail)
    if decision.measure in NOTED_MEASURES and topic != "salary":
        text = f"(I only have {decision.measure} figures for pay.)\n{text}"
    elif decision.place and decision.place != kb.wages.national.code:
        label = topics.topic(topic).label
        text = f"My sources give the {label} for the U.S. as a whole, not for {pay.area_name(kb, decision.place)} in particular:\n{text}"
    followups = buttons.role_followups(kb, role, topic)
    if not decision.detail and topics.topic(topic).has_more(kb, role):
        followups = [buttons.more_detail_button(role, topic), *followups][: buttons.MAX_BUTTONS]
    picture = _pay_range_picture(kb, [(role, kb.wages.national.code)]) if topic == "salary" else None
    return _with_also(
        kb, decision, Reply(text, followups, _related(kb, role) if topic == "related" else [], picture=picture)
    )


def _with_also(kb: KnowledgeBase, decision: dialogue.AnswerRole, reply: Reply) -> Reply:
    """The other topics a message asked about: a line each where one line says it, and a
    button each, first."""
    if not decision.also:
        return reply
    briefs = {other: brief_line(kb, decision.role, other) for other in decision.also}
    rest = [other for other, line in briefs.items() if line is None]
    # A blank line first: in the web chat's Markdown a line right after a list joins its last item.
    text = reply.text + "".join(f"\n\n{line}" for line in briefs.values() if line)
    if rest:
        names = " and ".join(topics.topic(other).label for other in rest)
        text += f"\n\n(You also asked about {names}: it is one button away.)"
    asked = [buttons.topic_button(kb, decision.role, other) for other in decision.also]
    asked_payloads = {button["payload"] for button in asked}  # not again under its short title
    followups = (asked + [b for b in reply.buttons if b["payload"] not in asked_payloads])[: buttons.MAX_BUTTONS]
    return replace(reply, text=text, buttons=followups)


def _across_roles(kb: KnowledgeBase, decision: dialogue.AnswerAcrossRoles, markup: Markup) -> Reply:
    if decision.kind == "by_salary":
        text, listed = across_roles.roles_by_salary_answer(kb, decision.pay_limit, markup, decision.place)
    elif decision.kind == "by_education":
        text, listed = across_roles.roles_by_education_answer(kb, decision.degree, markup)
    elif decision.kind == "ways_in":
        text, listed = path_answers.ways_in_answer(kb, markup)
    elif decision.kind == "ranking":
        text, listed = across_roles.ranking_answer(
            kb, decision.topic, decision.lowest, markup, decision.among, decision.place
        )
    else:
        text, listed = across_roles.roles_list_answer(kb, markup)
    followups = buttons.role_choice_buttons(kb, decision.topic, listed) if listed else buttons.scope_buttons(kb)
    return Reply(text, followups, listed)


def _shared_topic(kb: KnowledgeBase, decision: dialogue.AnswerSharedTopic) -> Reply:
    first, second = kb.main_roles
    if decision.kind == "sources":
        return Reply(shared.sources_answer(kb), buttons.scope_buttons(kb))
    if decision.kind == "about_hr":
        return Reply(shared.about_hr_answer(kb), buttons.scope_buttons(kb))
    if decision.kind == "worth_it":
        role_ids = list(decision.roles)
        followups = [buttons.topic_button(kb, role_id, "duties") for role_id in role_ids[:2]]
        followups.append(buttons.button("Advice for my education level", "ask_education_guidance"))
        return Reply(shared.worth_it_answer(kb, role_ids), followups)
    if decision.kind == "programs":
        followups = [buttons.button("Advice for my education level", "ask_education_guidance")]
        followups += [
            buttons.button(f"Education for the {kb.role(role_id).name}", "ask_education", role=role_id)
            for role_id in (first, second)
        ]
        return Reply(shared.programs_answer(kb), followups)
    answer = shared.similarities_answer if decision.kind == "similarities" else shared.differences_answer
    return Reply(answer(kb), buttons.comparison_followups(kb, first, second, None))


def _guidance(kb: KnowledgeBase, decision: dialogue.GiveGuidance) -> Reply:
    answer = shared.education_level_answer(kb, decision.level) if decision.level else None
    if answer is None:
        return Reply(
            shared.ways_in_text(kb) + "\nWhat is your highest level of education?", buttons.education_level_buttons(kb)
        )
    first, second = kb.main_roles
    return Reply(
        answer,
        [
            buttons.button(f"Education for the {kb.role(first).name}", "ask_education", role=first),
            buttons.button(f"Education for the {kb.role(second).name}", "ask_education", role=second),
            buttons.button("Compare the two roles", "compare_roles", role=[first, second]),
        ],
    )
