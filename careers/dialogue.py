"""The dialogue resolver: what to answer, from what was asked and what came before (pure).

`resolve(kb, question, request, context)` takes
- the kind of question (which action Rasa's rules chose for the intent),
- the request: the intent and the entities the NLU found (roles, topics, pay limit, ...),
- the context: what the conversation was last about (the slots),
and returns a decision: answer one role on a topic, compare two roles, ask which role,
say a title is not covered, answer across roles, ... `slot_updates` (careers/context.py) gives the
context that follows a decision. Both are plain functions of their arguments, tested rule by rule in
tests/unit/test_dialogue.py; the actions only read the tracker, call them, and render.

A new follow-up rule goes here, with its row in that test.
"""

import re
from dataclasses import replace
from typing import Optional, Tuple, Union

from careers import topics
from careers.context import Context, said_of_the_user, slot_updates
from careers.decisions import (
    AnswerAcrossRoles,
    AnswerBesideUnknown,
    AnswerCertifications,
    AnswerMove,
    AnswerPair,
    AnswerRole,
    AnswerSharedTopic,
    AskToRephrase,
    AskWhereTheyLive,
    AskWhichPlace,
    AskWhichRole,
    ComparePlaces,
    Decision,
    GiveGuidance,
    RankPlaces,
    Request,
    SayBeyondKnowledge,
    SayFixed,
    SayNotCovered,
    SayOutOfScope,
    SayPlaceNotCovered,
    ShowHelp,
)
from careers.knowledge_base import KnowledgeBase
from careers.not_covered import BESIDE_THE_OUTLOOK, SEPARATE_QUESTIONS
from careers.place_references import (
    between_places_discussed,
    chosen_option,
    has_median,
    settled_places,
    with_place,
    with_referenced_places,
)
from careers.places import NATIONAL, candidates

# The resolver's whole interface, for the actions, the replies and the tests: its question
# kinds, resolve and slot_updates, and the records they take and give (careers.decisions,
# careers.context).
__all__ = [
    "resolve",
    "slot_updates",
    "said_of_the_user",
    "Request",
    "Context",
    "Decision",
    "AnswerAcrossRoles",
    "AnswerBesideUnknown",
    "AnswerCertifications",
    "AnswerMove",
    "AnswerPair",
    "AnswerRole",
    "AnswerSharedTopic",
    "AskToRephrase",
    "AskWhichPlace",
    "AskWhichRole",
    "ComparePlaces",
    "GiveGuidance",
    "RankPlaces",
    "SayBeyondKnowledge",
    "SayFixed",
    "SayNotCovered",
    "SayOutOfScope",
    "SayPlaceNotCovered",
    "ShowHelp",
]

# The kinds of question, one per action (domain.yml), each resolved by its own rules below.
ROLE_TOPIC = "role_topic"  # a topic of one role, or of the roles in context
COMPARISON = "comparison"
SHARED_TOPIC = "shared_topic"  # what the main roles share, how they differ, what to study
GUIDANCE = "guidance"  # advice for the user's education level
HELP = "help"
ACROSS_ROLES = "across_roles"  # lists, filters and rankings of every role
RANK_PLACES = "rank_places"  # where a role pays best, has the most jobs
OUT_OF_SCOPE = "out_of_scope"  # the NLU's out_of_scope intent
UNSURE = "unsure"  # the NLU was unsure of the intent (nlu_fallback): the entities may still tell
SMALL_TALK = "small_talk"  # hello, thanks, goodbye: unless the message asks something besides
# Decisions that answer (a question back or an "I don't know" does not).
ANSWERS = (
    AnswerRole,
    AnswerPair,
    AnswerMove,
    AnswerCertifications,
    ComparePlaces,
    RankPlaces,
    AnswerAcrossRoles,
    AnswerSharedTopic,
)
# Topics whose question a certification's name makes a question about it ("is the PHR worth it?").
CERTIFICATION_QUESTIONS = ("certifications", "education", "path", topics.DEFAULT_TOPIC)
SMALL_TALK_RESPONSES = {"greet": "utter_greet", "goodbye": "utter_goodbye", "thank": "utter_you_are_welcome"}

INFORM_ROLE = "inform_role"  # "and the generalist?": a role, keeping the topic

SHARED_TOPIC_INTENTS = {
    "ask_similarities": "similarities",
    "ask_differences": "differences",
    "ask_programs": "programs",
    "ask_about_hr": "about_hr",  # "what is HR anyway?"
    "ask_worth_it": "worth_it",  # "is HR a good career?"
    "ask_sources": "sources",  # "where do your numbers come from?"
}
# intent -> (what is answered, the topic a follow-up continues: "and how much do they make?")
ACROSS_ROLE_INTENTS = {
    "list_roles": ("list", "overview"),
    "ask_roles_by_salary": ("by_salary", "salary"),
    "ask_roles_by_education": ("by_education", "education"),
    "rank_roles": ("ranking", None),  # by growth when the question says so, else by pay
}


def resolve(kb: KnowledgeBase, question: str, request: Request, context: Context) -> Decision:
    """The decision for a question of kind `question` (see the constants above). A subject no
    source covers ("is HR stressful?", "what does Google pay?") is said to be unknown whatever
    the intent, unless the message names a title we do not cover, which is named back first."""
    rules = QUESTION_RULES.get(question)
    if request.own_role and not (request.from_role or context.users_role) and question != HELP:
        # "what do people in my job make?" before the user said their job: asked, never guessed.
        topic = topics.topic_of_intent(request.intent) or request.topic or context.topic or topics.DEFAULT_TOPIC
        return AskWhichRole("Which of these is your job?", tuple(kb.roles), topic)
    request = _with_users_role(request, context)
    again = _ranked_again(kb, request, context)
    if again:
        return again
    if question == HELP and request.topic and (request.roles or context.role):
        # "what certs would help?": a question about the role, not a call for help
        return _as_topic(kb, request, context, request.topic)
    if request.beyond and question != HELP and not request.unknown_titles:
        role = request.roles[0] if request.roles else context.role
        if request.unknown_places:  # "in the Philippines, monthly?": the place is the first thing we lack
            return SayPlaceNotCovered(request.unknown_places, role)
        if request.certifications:  # "is the SPHR hard to get?": what it takes, and "I don't know" on the rest
            return AnswerBesideUnknown(_named_certifications(kb, request, role), request.beyond)
        beside_the_outlook = "growth" in request.topics and set(request.beyond) <= BESIDE_THE_OUTLOOK
        if rules and (request.asked_apart or beside_the_outlook) and set(request.beyond) <= SEPARATE_QUESTIONS:
            # "would payroll clerk be an easy switch? whats the pay": the pay, and "I don't know" on the rest.
            answer = rules(kb, replace(request, beyond=(), beyond_words=()), context)
            if isinstance(answer, ANSWERS):
                return AnswerBesideUnknown(answer, request.beyond)
        return SayBeyondKnowledge(request.beyond, role, request.beyond_words)
    return rules(kb, request, context) if rules else ShowHelp()


def _ranked_again(kb: KnowledgeBase, request: Request, context: Context) -> Optional[RankPlaces]:
    """ "And by number of jobs?" after a ranking of places (and perhaps the pay in one of them):
    the same kind of places ranked by that, for the role named or the one ranked."""
    ranked_before = context.ranking or context.ranked_places
    asks_ranked = request.ranked_by or request.highest or request.lowest  # "by jobs?", "which has the most?"
    if not (ranked_before and context.role and asks_ranked) or request.generic:  # HR in general: _rank_places
        return None
    if request.measure not in ("employment", "concentration") or request.places or request.unknown_places:
        return None
    if len(request.roles) > 1:  # "and by jobs for X and Y?" compares roles, it does not rank places
        return None
    role = request.roles[0] if request.roles else context.role
    metro = request.metro or not any(kb.wages.areas[code].is_state for code in context.ranked_places)
    ranked = RankPlaces.from_slot_value(role, context.ranking) if context.ranking else RankPlaces(role, "pay", metro)
    return replace(ranked, ranking=request.measure, lowest=request.lowest) if ranked else None


def _with_users_role(request: Request, context: Context) -> Request:
    """ "Same for my job", "compared to me": the role the user said they are in (this message or
    earlier) is named."""
    users_role = request.from_role or context.users_role
    if not (request.own_role and users_role) or users_role in request.roles:
        return request
    if not (request.roles or request.topics) and request.intent == topics.topic(topics.DEFAULT_TOPIC).intent:
        # "and what about my job?" after the pay of another role: the same question for theirs.
        return replace(request, roles=(users_role,), intent=INFORM_ROLE)
    return replace(request, roles=(*request.roles, users_role))


def _as_topic(kb: KnowledgeBase, request: Request, context: Context, topic: str, **changes) -> Decision:
    """The request answered as a question about `topic`, whatever intent the classifier gave it."""
    asked = topics.topic(topic)
    if not asked.own_intent:  # asked with its parent's intent: the topic entity says which
        changes.setdefault("topics", tuple(dict.fromkeys((topic, *request.topics))))
    return _role_topic(kb, replace(request, intent=asked.intent, **changes), context)


def _not_covered(titles: Tuple[str, ...], request: Request) -> SayNotCovered:
    return SayNotCovered(titles, topics.topic_of_intent(request.intent) or request.topic, request.roles)


def _out_of_scope(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    if request.unknown_titles and not request.roles:
        return _not_covered(request.unknown_titles, request)
    if request.unknown_places and (request.topics or request.measure or request.roles or context.topic == "salary"):
        # "in Germany how much?" after a pay answer; not "what's the weather like in Paris?"
        return SayPlaceNotCovered(request.unknown_places, request.roles[0] if request.roles else context.role)
    if request.topics or request.measure or request.places or request.roles:
        # Words of the domain ("top 10 percent there?"): the classifier was wrong, not the user.
        decision = _unsure(kb, request, context)
        return SayOutOfScope() if isinstance(decision, AskToRephrase) else decision
    return SayOutOfScope()


def _small_talk(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    """The greeting, thanks or goodbye, unless the message asks something besides ("hi, what do HR
    managers make?", "thanks! and the job outlook?")."""
    asks = request.roles or request.places or request.measure or (request.topics and context.role)
    decision = _unsure(kb, request, context) if asks else AskToRephrase()
    if isinstance(decision, AskToRephrase):
        return SayFixed(SMALL_TALK_RESPONSES.get(request.intent or "", "utter_greet"))
    return decision


def _role_question(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    if request.follow_up and request.roles and not (request.topics or request.measure) and context.topic:
        # "and for payroll clerks?" after the education of another role: the same question for
        # this one, whatever topic the classifier read in the role's name ("payroll": pay).
        request = replace(request, intent=INFORM_ROLE)
    if request.metro and (request.highest or request.lowest) and request.places:
        return _rank_places(kb, request, context)  # "which texas city pays best?", asked as a pay question
    asked = topics.topic_of_intent(request.intent) or request.topic
    if (
        request.those
        and len(context.listed_roles) >= 2
        and not (request.roles or request.places or request.measure)
        and asked in ("salary", "growth")
    ):
        # "how much do those make?" after the related careers: those roles, side by side.
        return AnswerAcrossRoles("ranking", asked, lowest=request.lowest, among=context.listed_roles)
    return _role_topic(kb, request, context)


def _comparison_question(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    if chosen_option(kb, request, context):
        return _as_topic(kb, request, context, "salary")  # "the georgia one", to "Which one do you mean?"
    return _comparison(kb, request, context)


def _shared_topic(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    kind = SHARED_TOPIC_INTENTS.get(request.intent or "", "differences")
    # (What to major in stays the article's list of programs.)
    how_to_get_there = request.topic in (("education",) if kind == "worth_it" else ()) + topics.RIDING_TOPICS
    if kind in ("worth_it", "programs") and (request.roles or context.role) and how_to_get_there:
        # "is a master's worth it for X?", "which cert would you recommend first?": what the sources say.
        return _as_topic(kb, request, context, request.topic)
    if kind in ("differences", "similarities") and len(request.roles) == 1 and request.topic:
        # "jobs like HR generalist but different?": a topic of that one role (its related careers).
        return _as_topic(kb, request, context, request.topic)
    pair = context.compared_roles or context.discussed_roles[-2:]
    if kind in ("differences", "similarities") and not request.roles and len(pair) == 2:
        if set(pair) != set(kb.main_roles) or request.topic:
            # "what's the (pay) difference between the two?": the two just talked about.
            return _comparison(kb, replace(request, roles=tuple(pair)), context)
    if kind == "programs" and len(request.roles) == 1:
        return _as_topic(kb, request, context, "education")  # "what should I major in to be a campus recruiter?"
    if kind == "about_hr" and "salary" in request.topics:
        kind = "worth_it"  # "is hr even worth it tbh, like money wise"
    if kind in ("differences", "similarities") and len(request.roles) == 1 and len(request.places) >= 2:
        # "the difference in pay for HR managers between Denver and Phoenix": the two places.
        return _comparison(kb, request, context)
    named_other = bool(request.roles) and (
        len(request.roles) >= 2 or request.role_heads or request.roles[0] not in kb.main_roles
    )
    if kind in ("differences", "similarities") and named_other and set(request.roles[:2]) != set(kb.main_roles):
        # "the difference between a payroll clerk and an HR assistant", "training and development
        # specialist vs manager, what's the difference": those two, compared (what the main roles
        # share and how they differ is the article's own answer).
        return _comparison(kb, request, context)
    if kind == "worth_it" and (request.places or request.unknown_places or request.measure):
        # "is HR worth it in Florida?": the pay there, never the national figures instead.
        return _as_topic(kb, replace(request, generic=not request.roles), context, "salary")
    if kind == "worth_it":
        named = request.roles or ((context.role,) if context.role else context.compared_roles)
        return AnswerSharedTopic(kind, tuple(named) or tuple(kb.main_roles))
    if kind in ("about_hr", "differences", "similarities"):
        # The main roles: "how much do they make?", "what do specialists make?" next are about them.
        return AnswerSharedTopic(kind, tuple(kb.main_roles))
    return AnswerSharedTopic(kind)


def _guidance(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    if request.measure and (request.roles or context.role or context.compared_roles):
        return _as_topic(kb, request, context, "salary")  # "what would I start at?" is about pay
    asked = next((topic for topic in topics.RIDING_TOPICS if topic in request.topics), None)
    if (
        asked
        and request.topic in ("education", *topics.RIDING_TOPICS)
        and (request.roles or not request.education_level)
    ):
        # "which certification should I get first?", "a job as an HR assistant right out of high
        # school?": the path, which has the education in it (the school words are the user's own).
        without_school = tuple(topic for topic in request.topics if topic != "education")
        return _as_topic(kb, replace(request, topics=without_school), context, asked)
    if request.roles and not request.education_level:
        # "what should I study to be an HR director?": what the role asked for needs.
        return _as_topic(kb, request, context, "education", roles=request.roles[-1:])
    if request.roles and request.from_role is None:
        # "I'm still in high school, can I be an HR assistant?": the way to that role, from school
        # on; the advice for a level alone is for someone who names no role.
        return _as_topic(kb, request, context, "path", roles=request.roles[-1:])
    level = request.education_level if request.education_level in kb.education_level_ids() else None
    return GiveGuidance(level, tuple(kb.main_roles) if level else ())


def _across_roles_question(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    if request.intent == "ask_roles_by_education" and request.education_level and not request.degree:
        return _guidance(kb, request, context)  # "I'm a junior in high school, what should I be doing?"
    if request.intent == "list_roles" and (request.places or request.unknown_places):
        return _as_topic(kb, request, context, "salary")  # "hr jobs in texas": what they pay there
    if between_places_discussed(request, context):
        return ComparePlaces(context.role, context.discussed_places, request.measure)  # "which of those pays most?"
    if request.measure and (request.roles or context.role) and not request.pay_limit:
        # "what do the top 10% make there?": the pay range of the role, not a ranking of roles.
        return _as_topic(kb, request, context, "salary")
    return _across_roles(kb, request, context)


def _unsure(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    """The intent is unclear, but the words may name what is asked ("salary and education for
    an hr generalist in texas"): the first topic named, for the roles named; else a question."""
    if request.unknown_titles and not request.roles:
        return _not_covered(request.unknown_titles, request)
    if request.unknown_places:
        return SayPlaceNotCovered(request.unknown_places)
    if (request.degree or request.pay_limit) and not request.roles:
        # "is there any hr job where you don't need college?": the roles by education (or pay);
        # with a role named ("a generalist in Ohio making 62k"), that role is asked about.
        kind = "by_education" if request.degree else "by_salary"
        return _across_roles(kb, replace(request, intent=f"ask_roles_{kind}"), context)
    topic = request.topic or ("salary" if request.places or request.measure else None)
    if topic is None and (request.roles or request.role_heads or request.other):
        topic = context.topic or topics.DEFAULT_TOPIC  # "and as a manager there?": the topic goes on
    if topic is None or not (
        request.roles
        or request.role_heads
        or request.other
        or request.generic
        or context.role
        or context.compared_roles
        or topic == "certifications"
    ):
        return AskToRephrase()
    return _as_topic(kb, request, context, topic)


def _role_topic(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    """The role answer (_role_answer) in the place asked: a place we do not cover gets no
    figure, a name of several areas gets a question, two places are compared. Other topics
    the message names are offered with the answer ("salary and education")."""
    decision = _role_topic_in_place(kb, request, context)
    if isinstance(decision, AnswerRole) and request.measure == "employment" and request.years:
        if _projection_counts(kb, decision.role, request.years):
            # "how many HR managers were there in 2023?": the projection's count of that year.
            return AnswerRole(decision.role, "growth")
    if isinstance(decision, AnswerRole) and decision.topic == topics.DEFAULT_TOPIC and request.years:
        decision = replace(decision, topic="salary")  # "do you have 2023 numbers for X?": figures of a year
    if isinstance(decision, AnswerRole):
        also = tuple(topic for topic in request.topics if topic not in (decision.topic, topics.DEFAULT_TOPIC))
        salary_years = kb.salary_years(decision.role) if decision.topic == "salary" else frozenset()
        article = kb.role(decision.role).salary.article if kb.role(decision.role).salary else None
        article_year = int(article.year[-4:]) if article else None
        if request.article and article_year and salary_years:
            # "what did BLS say for the same year?": the article's year, whose figures the long form has.
            request = replace(request, years=tuple(dict.fromkeys(request.years + (article_year,))))
        missing = [year for year in request.years if salary_years and year not in salary_years]
        if missing:  # "what did lawyers make in 2023?" has its figure; the HR assistant none for 2017
            return SayBeyondKnowledge(("other_year",), decision.role, (str(missing[0]),))
        # A year of the long form's figures ("what did they make in May 2024?") asks for it, and
        # so does "and for execs?" after it.
        follow_up = request.intent == INFORM_ROLE and not (request.measure or request.topics)
        detail = request.detail or bool(set(request.years) & (salary_years - {int(kb.wages.provenance.data_year)}))
        detail = detail or (follow_up and context.detail and decision.topic == context.topic)
        if decision.topic == "salary" and article_year in request.years and decision.place and not request.places:
            # "what did the article say they made in 2017?" after Seattle: the article's figure is national.
            decision = replace(decision, place=None, other_place=None)
        return replace(decision, also=also, detail=detail and not decision.place and not decision.measure)
    return decision


def _projection_counts(kb: KnowledgeBase, role_id: str, years: Tuple[int, ...]) -> bool:
    """Whether the role's projection gives its number of jobs in one of these years ("208,900 jobs in 2023")."""
    growth = kb.role(role_id).growth
    newer = growth.newer if growth else None
    said = f"{newer.note or ''} {newer.occupation}" if newer else ""
    return any(re.search(rf"jobs in {year}\b", said) for year in years)


def _roles_by_title_word(kb: KnowledgeBase, word: str) -> Tuple[str, ...]:
    """The roles one of whose aliases ends with a title word ("manager": the HR, C&B and T&D managers)."""
    return tuple(
        role.id
        for role in kb.roles.values()
        if any(phrase.split()[-1].rstrip("s") == word for phrase in (alias.lower() for alias in role.aliases))
    )


def _in_the_same_line_of_work(kb: KnowledgeBase, role_id: Optional[str], candidates: Tuple[str, ...]) -> Optional[str]:
    """The one candidate whose name differs from the role's only in its last word
    ("Training and development manager" for the "... specialist"), or None."""
    if not role_id:
        return None
    line = kb.role(role_id).name.lower().rsplit(" ", 1)[0]
    same = [candidate for candidate in candidates if kb.role(candidate).name.lower().rsplit(" ", 1)[0] == line]
    return same[0] if len(same) == 1 and same[0] != role_id else None


def _with_referenced_roles(kb: KnowledgeBase, request: Request, context: Context) -> Union[Request, Decision]:
    """A request whose roles "the manager" or "the other one" name, or a question when several may be meant."""
    if request.unknown_titles:
        return request
    if request.roles:
        # "the generalist or the manager": a title word beside a named role is a second role.
        heads = [  # words of covered titles only: "I'm a teacher" is the user's own job
            word
            for word in request.role_heads
            if _roles_by_title_word(kb, word) and not set(request.roles) & set(_roles_by_title_word(kb, word))
        ]
        if not heads or len(request.roles) > 1:
            return request
        same_line = _in_the_same_line_of_work(kb, request.roles[0], tuple(_roles_by_title_word(kb, heads[0])))
        if same_line:  # "from training and development specialist to manager": that line's manager,
            return replace(request, roles=(request.roles[0], same_line))  # whoever was talked about before
        second = _with_referenced_roles(kb, replace(request, roles=(), role_heads=tuple(heads[:1])), context)
        if isinstance(second, Request):
            roles = tuple(dict.fromkeys(request.roles + second.roles))
            return replace(request, roles=roles)
        if isinstance(second, AskWhichRole):
            # Of the roles the word may mean, the one in the named role's line of work ("specialist
            # vs manager" of training and development), else its counterpart ("the manager" of the generalist).
            partner = _in_the_same_line_of_work(kb, request.roles[0], second.roles) or kb.counterpart(request.roles[0])
            if partner in second.roles:
                return replace(request, roles=(request.roles[0], partner))
        return second
    if request.both:
        pair = context.compared_roles or context.discussed_roles[-2:]
        if len(pair) == 2:
            return replace(request, roles=tuple(pair))
    if request.first and context.listed_roles and not request.roles:
        return replace(request, roles=(context.listed_roles[0],))  # "the first one" of the list just given
    if request.first and len(context.discussed_roles) >= 2:
        return replace(request, roles=(context.discussed_roles[0],))  # "go back to the first one"
    others = [role_id for role_id in reversed(context.discussed_roles) if role_id != context.role]
    if request.other and not context.place_options and len(context.discussed_roles) >= 2 and others:
        return replace(request, roles=(others[0],))  # the latest discussed but the one in focus
    for word in request.role_heads:
        matches = _roles_by_title_word(kb, word)
        if not matches:
            return _not_covered((word,), request)  # "paralegal salary?": a job we do not cover
        if context.role in matches:
            return replace(request, roles=(context.role,))
        same_line = _in_the_same_line_of_work(kb, context.role, matches)
        if same_line:
            # "what about the manager" after the training and development specialist.
            return replace(request, roles=(same_line,))
        recent = [
            role_id for role_id in reversed(context.compared_roles + context.discussed_roles) if role_id in matches
        ]
        if recent:
            # "what do specialists make?" after HR managers and HR specialists were compared.
            return replace(request, roles=(recent[0],))
        if context.role and kb.counterpart(context.role) in matches:
            # "no, I meant the manager" about the generalist: the manager counterpart.
            return replace(request, roles=(kb.counterpart(context.role),))
        if len(matches) == 1:
            return replace(request, roles=matches)
        topic = topics.topic_of_intent(request.intent) or request.topic or context.topic or topics.DEFAULT_TOPIC
        return AskWhichRole(f"Which {word} do you mean?", matches, topic)
    return request


def _role_topic_in_place(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    request = with_referenced_places(kb, request, context)
    if request.intent == INFORM_ROLE and not (request.measure or request.topics) and context.topic == "salary":
        # "and the other one?" after the starting pay in Seattle: the starting pay there too.
        request = replace(request, measure=context.measure)
    if request.own_place and not request.places and not request.unknown_places:
        # "and where I live?": where they said they live or work ("I'm a generalist in Tampa"),
        # else the place of the conversation, once one was said.
        home = context.users_place or context.place
        if not home:
            return AskWhereTheyLive(request.roles[0] if len(request.roles) == 1 else context.role)
        request = replace(request, places=(home,))
    if request.other and not request.places and context.place_options:
        rest = tuple(code for code in context.place_options if code != context.place)
        if len(rest) > 1:  # "the other one" of three, or before either was chosen: which?
            return AskWhichPlace(rest, request.roles[0] if request.roles else context.role, "salary")
    referenced = _with_referenced_roles(kb, request, context)
    if not isinstance(referenced, Request):
        return referenced
    request = referenced
    if request.compare and len(request.roles) == 1 and context.role not in (None, request.roles[0]):
        # "and what do they make compared to HR managers?": the role in focus and the one named.
        asked = topics.topic_of_intent(request.intent)
        named = request.topics or ((asked,) if asked and asked != topics.DEFAULT_TOPIC else ())
        return _comparison(kb, replace(request, roles=(context.role, request.roles[0]), topics=named), context)
    if (
        request.intent == INFORM_ROLE
        and len(request.roles) == 1
        and context.ranking
        and not (request.topics or request.places or request.measure or request.unknown_titles)
    ):
        # "what about labor relations specialists?" after "where does it pay best?": ranked too.
        return RankPlaces.from_slot_value(request.roles[0], context.ranking) or AnswerRole(request.roles[0], "salary")
    if request.unknown_places:
        return SayPlaceNotCovered(request.unknown_places, request.roles[0] if len(request.roles) == 1 else None)
    places = settled_places(kb, request, context)
    if places.codes and not request.places:
        # The reply to "Which one do you mean?" names no place itself: a question about pay there.
        request = replace(request, places=places.codes)
    decision = _role_answer(kb, request, context)
    if isinstance(decision, SayNotCovered):
        return decision  # a title we do not cover: no question about the place either
    if places.ambiguous:
        role = decision.role if isinstance(decision, AnswerRole) else None
        return AskWhichPlace(places.ambiguous, role, "salary")
    return with_place(decision, request, context, places)


def _role_answer(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    """Resolution order: the roles named (for "and the generalist?" the previous topic is
    kept); the single role just listed ("tell me more about that one"); both roles of the
    last comparison; the role in focus; and with no role at all ("someone in HR"), both
    main roles. Titles not covered get no figure. A question naming a place or a measure
    of pay is about pay."""
    is_inform = request.intent == INFORM_ROLE
    about_pay = "salary" if (request.places or request.unknown_places or request.measure) else None
    if is_inform and context.topic == "growth" and request.places and not request.measure:
        about_pay = None  # "in Michigan specifically?" after the outlook: the outlook, said to be national
    topic = (
        topics.topic_of_intent(request.intent)
        or (request.topic if is_inform else None)
        or (about_pay if is_inform else None)
        or context.topic
        or topics.DEFAULT_TOPIC
    )
    if request.topic and (topic == topics.DEFAULT_TOPIC or (topic not in request.topics and request.topic != "salary")):
        # "what's the range?", "does a master's matter for HR directors?": the words name the
        # topic better than the intent (which named another topic, or none); but words of pay
        # are often no question of pay ("what kind of person makes a good generalist?").
        topic = request.topic
    if (
        not request.topics
        and context.topic in topics.BY_ID
        and not topics.topic(context.topic).own_intent
        and topic == topics.topic_of_intent(topics.topic(context.topic).intent)
    ):
        topic = context.topic  # "do employers require it tho?" after the certifications: still those
    if "certifications" in request.topics and topic in ("education", "path", topics.DEFAULT_TOPIC):
        topic = "certifications"  # "the best hr cert for someone with zero experience": the certification
    if request.places and "salary" in request.topics:
        topic = "salary"  # "what would I make doing the same job in DC?": only pay varies by place
    other_topic_named = request.topic not in (None, "salary", topics.DEFAULT_TOPIC)
    if (topic == topics.DEFAULT_TOPIC and about_pay) or (request.measure and not other_topic_named):
        # "what about Seattle?": what varies by place is pay; and a measure ("how many jobs",
        # "starting", "per hour") is one of the wage data's, whatever the intent, unless the
        # words name another topic ("what does an HR assistant do? a first job type thing?").
        topic = "salary"
    known = request.roles
    if request.unknown_titles and len(known) < 2:
        # "is a chief of staff basically an HR exec? how much do they make?": "they" may be
        # either, and a figure of the wrong one is worse than none: named back, with a button.
        return _not_covered(request.unknown_titles, request)
    if not known and request.generic and request.intent == topics.topic(topics.DEFAULT_TOPIC).intent:
        # "human resources?? what is that exactly": the field, not one role.
        return AnswerSharedTopic("about_hr", tuple(kb.main_roles))
    move = _move(request)
    if move and topic in ("path", "certifications", "education"):
        return move  # "I'm a generalist, how do I become a manager?"
    if request.certifications and topic in CERTIFICATION_QUESTIONS:
        # "is SHRM-CP or PHR worth getting?": those two, not the certifications of the role in focus.
        return _named_certifications(kb, request, known[0] if len(known) == 1 else None if known else context.role)
    if topic == "path" and request.generic and not known:
        return AnswerAcrossRoles("ways_in", "path")  # "how do I get into HR?": HR in general, whatever was in focus
    if len(known) >= 2:
        return AnswerPair(known[0], known[1], topic)
    if known:
        compared_by = ("salary", "growth", "education")  # a list of roles by their pay: "and recruiters?" their pay
        if is_inform and known[0] in context.listed_roles and not request.topic and context.topic not in compared_by:
            # Naming a role just listed asks about that role, not about its related ones.
            topic = topics.DEFAULT_TOPIC
        return AnswerRole(known[0], topic)
    if is_inform and request.topic is None and about_pay is None and not request.places:
        # A bare "and ...?" with neither a role nor a topic gets a question, not the last answer again.
        return AskWhichRole("Which role do you mean?", tuple(kb.roles), context.topic or topics.DEFAULT_TOPIC)
    if topic == topics.DEFAULT_TOPIC and context.listed_roles:
        if len(context.listed_roles) == 1:
            return AnswerRole(context.listed_roles[0], topic)
        return AskWhichRole("Which one would you like to hear more about?", context.listed_roles, topic)
    if len(context.compared_roles) == 2:
        return AnswerPair(context.compared_roles[0], context.compared_roles[1], topic)
    if context.role:
        return AnswerRole(context.role, topic)
    if not request.generic and topic not in (topics.DEFAULT_TOPIC, "certifications"):
        # No role named, none in context, no words for HR in general: asked, never guessed.
        # (A certification named alone, "is the shrm-cp worth it", is one of HR in general.)
        return AskWhichRole("Which role do you mean?", tuple(kb.roles), topic)
    first, second = kb.main_roles
    return AnswerPair(first, second, topic)


def _named_certifications(kb: KnowledgeBase, request: Request, role: Optional[str]) -> Decision:
    """The certifications named: the role's own answer when its path lists them all ("does the
    lawyer need the bar exam?"), else those, with the role's own beside them."""
    path = kb.role(role).path if role else None
    if path and set(request.certifications) <= set(path.certifications):
        return AnswerRole(role, "certifications")  # type: ignore[arg-type]
    return AnswerCertifications(request.certifications, role if path and path.certifications else None)


def _move(request: Request) -> Optional[AnswerMove]:
    """From the role the user is in (or names after "from") to the last other role named, when
    the words ask how to get there."""
    goal = next((role_id for role_id in reversed(request.roles) if role_id != request.from_role), None)
    return AnswerMove(request.from_role, goal) if request.from_role and goal and "path" in request.topics else None


def _comparison(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    """The roles named, else the one named and its partner in context, else the pair in context.
    With places and one role ("how does that compare with Texas?"): the role's pay in the
    place of the conversation (or the U.S.) and in the places named."""
    move = _move(request)
    if move:
        return move  # "recruiter to T&D specialist: how do I make the switch?"
    request = with_referenced_places(kb, request, context)  # "which has more jobs?" after two places
    if request.certifications and not request.roles:
        return AnswerCertifications(request.certifications)  # "shrm-cp vs phr?": no role in it
    if context.topic == "certifications" and context.role and not (request.roles or request.topics or request.places):
        return AnswerRole(context.role, "certifications")  # "which one first?": they come in that order
    compares = request.roles or request.role_heads or request.compare or request.both or request.those or request.other
    comparable = request.topic is None or topics.topic(request.topic).compared_in_table  # "which pays more?"
    if context.role and not context.compared_roles and not comparable and not compares:
        if not (request.places or request.highest or request.lowest or request.unknown_titles):
            # "which cert?" with one role in focus: nothing to compare (the classifier read "which").
            return _role_topic(kb, replace(request, intent=INFORM_ROLE), context)
    if request.role_heads and not (request.roles or request.compare or request.both or request.topic):
        # "and as a manager there": the intent may say comparison, the words say one role.
        return _role_topic(kb, replace(request, intent=INFORM_ROLE), context)
    if request.roles or any(not _roles_by_title_word(kb, word) for word in request.role_heads):
        # "the generalist or the manager"; "paralegals, to compare" (a job we do not cover)
        referenced = _with_referenced_roles(kb, request, context)
        if not isinstance(referenced, Request):
            return referenced
        request = referenced
    if request.unknown_titles:
        return _not_covered(request.unknown_titles, request)
    if request.unknown_places:
        return SayPlaceNotCovered(request.unknown_places)
    places = settled_places(kb, request, context)
    if places.ambiguous:
        return AskWhichPlace(places.ambiguous, request.roles[0] if request.roles else context.role, "salary")
    if between_places_discussed(request, context):
        # "which of those pays more?" after the pay in Austin and in Houston: those places.
        return ComparePlaces(context.role, context.discussed_places, request.measure)
    if places.codes and not request.roles and len(context.compared_roles) == 2:
        # "which pays more in ohio?" after two roles: both, there.
        first, second = context.compared_roles
        place = places.codes[0]
        return AnswerPair(first, second, "salary", None if place == NATIONAL else place, request.measure)
    if len(places.codes) == 1 and len(request.roles) == 1 and context.role not in (None, request.roles[0]):
        # "and payroll clerks in Kentucky, is that better?" after HR assistants: the two roles there.
        place = places.codes[0]
        return AnswerPair(
            context.role, request.roles[0], "salary", None if place == NATIONAL else place, request.measure
        )
    if len(places.codes) == 1 and not (request.roles or request.compare or request.highest or request.lowest):
        # "and tampa": a follow-up in another place, whatever the intent, not a comparison.
        return _role_topic(kb, replace(request, intent=INFORM_ROLE), context)
    if places.codes and len(request.roles) <= 1:
        role = request.roles[0] if request.roles else context.role
        if role is None and (request.highest or request.lowest) and len(places.codes) == 1:
            # "which hr job pays best in texas": the roles ranked by their pay there.
            return _across_roles(kb, replace(request, intent="rank_roles", topics=("salary",)), context)
        if role is None:
            return AskWhichRole("Whose pay should I compare?", tuple(kb.roles), "salary")
        codes = places.codes if len(places.codes) >= 2 else (context.place or NATIONAL, places.codes[0])
        if not any(has_median(kb, role, code) for code in codes if code != NATIONAL):
            # No figure where it was asked: said as the role's pay there says it, not a table
            # of the U.S. figure alone.
            return AnswerRole(role, "salary", places.codes[0], request.measure)
        return ComparePlaces(role, tuple(dict.fromkeys(codes)), request.measure)
    if len(request.roles) >= 2:
        first, second = request.roles[0], request.roles[1]
    elif request.roles:
        first = request.roles[0]
        second = context.partner_for(kb, first)
    else:
        first, second = context.recent_pair(kb)
    topic = request.topic or ("salary" if request.measure else None)
    if topic is None and context.place and context.topic == "salary":
        topic = "salary"  # "compared to an HR manager there?" after pay in San Antonio: pay there
    if places.codes or (topic == "salary" and (context.place or request.measure)):
        # Pay of two roles in a place: the one named, else the conversation's (or the U.S. for a
        # measure only the wage data has, such as hourly pay).
        place = places.codes[0] if places.codes else context.place
        return AnswerPair(first, second, "salary", None if place == NATIONAL else place, request.measure)
    return AnswerPair(first, second, topic)


def _rank_places(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    request = with_referenced_places(kb, request, context)  # "and for the whole state": that state
    if request.there and context.place and not request.places and not request.metro:
        return _role_topic(
            kb, replace(request, places=(context.place,), topics=("salary",)), context
        )  # "top pay there?"
    if request.own_place and not (request.lowest or request.highest):
        return _role_topic(kb, replace(request, topics=("salary",)), context)  # "and where I live?"
    if request.places and not (request.lowest or request.highest):
        # One place named and no ranking asked ("twin cities hr assistant pay"): pay there.
        return _as_topic(kb, request, context, "salary")
    role = request.roles[0] if request.roles else context.role
    for_hr = not request.roles and request.generic  # "HR jobs" names HR, whatever role was in focus
    if for_hr:
        # "which state has the most HR jobs?": HR in general is no one occupation; the largest
        # of the main roles' stands for it, and the answer says so.
        role = max(kb.main_roles, key=lambda role_id: kb.national_employment(role_id) or 0)
    if role is None:
        return AskWhichRole("For which role?", tuple(kb.roles), "salary")
    ranking = request.measure if request.measure in ("employment", "concentration") else "pay"
    states = [code for key in request.places for code in candidates(key)[:1] if kb.wages.areas[code].is_state]
    if len(states) == 1 and len(request.places) == 1:
        # "which texas city pays hr managers best?": the metro areas of that state.
        return RankPlaces(
            role, ranking, metro=True, lowest=request.lowest, within=states[0], count=request.count, for_hr=for_hr
        )
    return RankPlaces(role, ranking, metro=request.metro, lowest=request.lowest, count=request.count, for_hr=for_hr)


def _across_roles(kb: KnowledgeBase, request: Request, context: Context) -> Decision:
    kind, topic = ACROSS_ROLE_INTENTS.get(request.intent or "", ACROSS_ROLE_INTENTS["list_roles"])
    if kind == "ranking" and request.topic == "education" and not request.pay_limit:
        kind, topic = "by_education", "education"  # "which hr job needs the least school?": each role's education
    elif kind == "ranking":
        # by growth, by the number of jobs ("which hr job has the most jobs?") or by pay
        topic = "growth" if request.topic == "growth" else "employment" if request.measure == "employment" else "salary"
    place = None
    if kind in ("by_salary", "ranking") and (request.places or request.unknown_places):
        # "which HR jobs pay over 100k in Ohio?": the medians there, never the national ones instead.
        if request.unknown_places:
            return SayPlaceNotCovered(request.unknown_places)
        places = settled_places(kb, request, context)
        if places.ambiguous:
            return AskWhichPlace(places.ambiguous, None, "salary")
        place = next((code for code in places.codes if code != NATIONAL), None)
    # "which of those pays most?" after the related careers: those roles, not all of them.
    among = context.listed_roles if kind == "ranking" and request.those and len(context.listed_roles) >= 2 else ()
    return AnswerAcrossRoles(
        kind,
        topic or topics.DEFAULT_TOPIC,
        pay_limit=request.pay_limit,
        degree=request.degree,
        lowest=request.lowest,
        among=among,
        place=place,
    )


# question kind -> its rules
QUESTION_RULES = {
    ROLE_TOPIC: _role_question,
    COMPARISON: _comparison_question,
    SHARED_TOPIC: _shared_topic,
    GUIDANCE: _guidance,
    ACROSS_ROLES: _across_roles_question,
    RANK_PLACES: _rank_places,
    OUT_OF_SCOPE: _out_of_scope,
    UNSURE: _unsure,
    SMALL_TALK: _small_talk,
}
