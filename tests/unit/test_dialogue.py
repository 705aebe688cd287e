"""The dialogue resolver, rule by rule: (question, request, context) -> decision, and the context after it.

On the fixture knowledge base: main roles hr_executive and hr_generalist; the executive's
related roles are labor_lawyer and recruiter.
"""

from dataclasses import replace

import pytest

from careers import dialogue
from careers.dialogue import (
    AnswerAcrossRoles,
    AnswerPair,
    AnswerRole,
    AnswerSharedTopic,
    AskWhichRole,
    Context,
    GiveGuidance,
    Request,
    SayNotCovered,
    ShowHelp,
    resolve,
    slot_updates,
)
from careers.formatting import PLAIN
from careers.matching import PayLimit
from careers.replies import reply_to

ALL_ROLES = ("hr_executive", "hr_generalist", "labor_lawyer", "recruiter")
MAIN_ROLES = ("hr_executive", "hr_generalist")  # the fixture's
EXEC_IN_FOCUS = Context(role="hr_executive", topic="salary", discussed_roles=("hr_executive",))
AFTER_COMPARISON = Context(
    topic="salary", compared_roles=("labor_lawyer", "recruiter"), discussed_roles=("labor_lawyer", "recruiter")
)
RELATED_LISTED = Context(role="hr_executive", topic="related", listed_roles=("labor_lawyer", "recruiter"))
ONE_LISTED = Context(role="hr_generalist", topic="related", listed_roles=("recruiter",))

ROLE_TOPIC_RULES = [
    # (why, request, context, decision)
    (
        "a role named, the intent's topic",
        Request("ask_salary", roles=("labor_lawyer",)),
        Context(),
        AnswerRole("labor_lawyer", "salary"),
    ),
    (
        "a role named replaces the one in focus",
        Request("ask_education", roles=("recruiter",)),
        EXEC_IN_FOCUS,
        AnswerRole("recruiter", "education"),
    ),
    (
        "two roles named: both",
        Request("ask_salary", roles=("hr_generalist", "labor_lawyer")),
        EXEC_IN_FOCUS,
        AnswerPair("hr_generalist", "labor_lawyer", "salary"),
    ),
    (
        "'and the generalist?' keeps the topic",
        Request("inform_role", roles=("hr_generalist",)),
        EXEC_IN_FOCUS,
        AnswerRole("hr_generalist", "salary"),
    ),
    (
        "'and for generalists?' after the long form (BLS's figures of 2017): the long form",
        Request("inform_role", roles=("hr_generalist",)),
        Context(role="hr_executive", topic="salary", discussed_roles=("hr_executive",), detail=True),
        AnswerRole("hr_generalist", "salary", detail=True),
    ),
    (
        "'and the generalist's education?' takes the topic named",
        Request("inform_role", roles=("hr_generalist",), topics=("education",)),
        EXEC_IN_FOCUS,
        AnswerRole("hr_generalist", "education"),
    ),
    (
        "naming a listed role asks about it, not its related ones",
        Request("inform_role", roles=("labor_lawyer",)),
        RELATED_LISTED,
        AnswerRole("labor_lawyer", "overview"),
    ),
    ("no role: the one in focus", Request("ask_education"), EXEC_IN_FOCUS, AnswerRole("hr_executive", "education")),
    (
        "no role after a comparison: both compared",
        Request("ask_education"),
        AFTER_COMPARISON,
        AnswerPair("labor_lawyer", "recruiter", "education"),
    ),
    (
        "'tell me more about that one': the one listed",
        Request("ask_overview"),
        ONE_LISTED,
        AnswerRole("recruiter", "overview"),
    ),
    (
        "'that one' among several: which?",
        Request("ask_overview"),
        RELATED_LISTED,
        AskWhichRole("Which one would you like to hear more about?", ("labor_lawyer", "recruiter"), "overview"),
    ),
    (
        "'and their skills?': a topic for the role in focus",
        Request("inform_role", topics=("skills",)),
        EXEC_IN_FOCUS,
        AnswerRole("hr_executive", "skills"),
    ),
    (
        "a bare 'and ...?' with no role and no topic: which role?",
        Request("inform_role"),
        EXEC_IN_FOCUS,
        AskWhichRole("Which role do you mean?", ALL_ROLES, "salary"),
    ),
    (
        "no role and no context ('someone in HR'): the main roles",
        Request("ask_salary", generic=True),
        Context(),
        AnswerPair("hr_executive", "hr_generalist", "salary"),
    ),
    (
        "no topic anywhere: the overview",
        Request("inform_role", roles=("recruiter",)),
        Context(),
        AnswerRole("recruiter", "overview"),
    ),
    (
        "a title not covered gets no figure, whatever the context",
        Request("ask_salary", unknown_titles=("astronaut",)),
        EXEC_IN_FOCUS,
        SayNotCovered(("astronaut",), "salary"),
    ),
    (
        "a title not covered beside a known one: named back, the known one offered",
        Request("ask_salary", roles=("recruiter",), unknown_titles=("astronaut",)),
        Context(),
        SayNotCovered(("astronaut",), "salary", ("recruiter",)),
    ),
]

COMPARISON_RULES = [
    (
        "two roles named",
        Request("compare_roles", roles=("recruiter", "labor_lawyer")),
        EXEC_IN_FOCUS,
        AnswerPair("recruiter", "labor_lawyer", None),
    ),
    (
        "the topic named in words",
        Request("compare_roles", roles=("recruiter", "labor_lawyer"), topics=("growth",)),
        Context(),
        AnswerPair("recruiter", "labor_lawyer", "growth"),
    ),
    (
        "one role named: with the other recent one",
        Request("compare_roles", roles=("labor_lawyer",)),
        EXEC_IN_FOCUS,
        AnswerPair("labor_lawyer", "hr_executive", None),
    ),
    (
        "one role named, no context: with its counterpart",
        Request("compare_roles", roles=("hr_generalist",)),
        Context(),
        AnswerPair("hr_generalist", "hr_executive", None),
    ),
    (
        "'which one pays more?' after a comparison: that pair",
        Request("compare_roles", topics=("salary",)),
        AFTER_COMPARISON,
        AnswerPair("labor_lawyer", "recruiter", "salary"),
    ),
    (
        "'which one pays more?' after two answers: the last two discussed",
        Request("compare_roles", topics=("salary",)),
        Context(role="hr_executive", discussed_roles=("recruiter", "labor_lawyer", "hr_executive")),
        AnswerPair("labor_lawyer", "hr_executive", "salary"),
    ),
    (
        "'who earns more?' with no context: the main roles",
        Request("compare_roles", topics=("salary",)),
        Context(),
        AnswerPair("hr_executive", "hr_generalist", "salary"),
    ),
    (
        "a title not covered: named back",
        Request("compare_roles", roles=("recruiter",), unknown_titles=("pilot",)),
        Context(),
        SayNotCovered(("pilot",), None, ("recruiter",)),
    ),
]

OTHER_RULES = [
    (dialogue.SHARED_TOPIC, Request("ask_similarities"), AnswerSharedTopic("similarities", MAIN_ROLES)),
    (dialogue.SHARED_TOPIC, Request("ask_programs"), AnswerSharedTopic("programs")),
    (dialogue.SHARED_TOPIC, Request("greet"), AnswerSharedTopic("differences", MAIN_ROLES)),
    (
        dialogue.GUIDANCE,
        Request("inform_education_level", education_level="some_college"),
        GiveGuidance("some_college", MAIN_ROLES),
    ),
    (dialogue.GUIDANCE, Request("ask_education_guidance"), GiveGuidance(None)),
    (dialogue.GUIDANCE, Request("inform_education_level", education_level="phd"), GiveGuidance(None)),
    (dialogue.HELP, Request("help"), ShowHelp()),
    (dialogue.ACROSS_ROLES, Request("list_roles"), AnswerAcrossRoles("list", "overview")),
    (
        dialogue.ACROSS_ROLES,
        Request("ask_roles_by_salary", pay_limit=PayLimit(True, 100_000)),
        AnswerAcrossRoles("by_salary", "salary", pay_limit=PayLimit(True, 100_000)),
    ),
    (
        dialogue.ACROSS_ROLES,
        Request("ask_roles_by_education", degree="Bachelor's degree"),
        AnswerAcrossRoles("by_education", "education", degree="Bachelor's degree"),
    ),
    (
        dialogue.ACROSS_ROLES,
        Request("rank_roles", topics=("growth",), lowest=True),
        AnswerAcrossRoles("ranking", "growth", lowest=True),
    ),
    (dialogue.ACROSS_ROLES, Request("rank_roles"), AnswerAcrossRoles("ranking", "salary")),
]


@pytest.mark.parametrize("why, request_, context, decision", ROLE_TOPIC_RULES, ids=[r[0] for r in ROLE_TOPIC_RULES])
def test_role_topic_rules(kb, why, request_, context, decision):
    assert resolve(kb, dialogue.ROLE_TOPIC, request_, context) == decision


@pytest.mark.parametrize("why, request_, context, decision", COMPARISON_RULES, ids=[r[0] for r in COMPARISON_RULES])
def test_comparison_rules(kb, why, request_, context, decision):
    assert resolve(kb, dialogue.COMPARISON, request_, context) == decision


@pytest.mark.parametrize("question, request_, decision", OTHER_RULES)
def test_other_questions(kb, question, request_, decision):
    assert resolve(kb, question, request_, EXEC_IN_FOCUS) == decision


def test_the_context_read_from_slots_keeps_only_what_the_knowledge_base_knows(kb):
    slots = {
        "role": "astronaut",
        "topic": "weather",
        "compared_roles": ["recruiter", 7, "pilot", "labor_lawyer"],
        "listed_roles": "recruiter",
        "discussed_roles": ["hr_executive", None],
    }
    assert Context.from_slots(kb, slots) == Context(
        compared_roles=("recruiter", "labor_lawyer"), discussed_roles=("hr_executive",)
    )


SLOT_RULES = [
    (
        "one role: in focus, remembered",
        EXEC_IN_FOCUS,
        AnswerRole("recruiter", "duties"),
        (),
        {
            "role": "recruiter",
            "topic": "duties",
            "compared_roles": None,
            "listed_roles": None,
            "discussed_roles": ["hr_executive", "recruiter"],
            "ranking": None,
            "ranked_places": None,
            "compared_places": None,
            "long_form": None,
        },
    ),
    (
        "related careers: listed for 'that one'",
        Context(),
        AnswerRole("hr_executive", "related"),
        ("labor_lawyer", "recruiter"),
        {
            "role": "hr_executive",
            "topic": "related",
            "compared_roles": None,
            "listed_roles": ["labor_lawyer", "recruiter"],
            "discussed_roles": ["hr_executive"],
            "ranking": None,
            "ranked_places": None,
            "compared_places": None,
            "long_form": None,
        },
    ),
    (
        "two roles: compared, no role in focus",
        EXEC_IN_FOCUS,
        AnswerPair("labor_lawyer", "hr_executive", "salary"),
        (),
        {
            "role": None,
            "topic": "salary",
            "compared_roles": ["labor_lawyer", "hr_executive"],
            "listed_roles": None,
            "discussed_roles": ["labor_lawyer", "hr_executive"],
            "ranking": None,
            "compared_places": None,
            "long_form": None,
            "place": None,
            "discussed_places": None,
            "measure": None,
        },
    ),
    (
        "a list of one: that one in focus",
        EXEC_IN_FOCUS,
        AnswerAcrossRoles("ranking", "salary"),
        ("labor_lawyer",),
        {
            "role": "labor_lawyer",
            "topic": "salary",
            "compared_roles": None,
            "listed_roles": ["labor_lawyer"],
            "discussed_roles": ["hr_executive", "labor_lawyer"],
            "ranking": None,
            "discussed_places": None,
        },
    ),
    (
        "a list of several: none in focus",
        EXEC_IN_FOCUS,
        AnswerAcrossRoles("list", "overview"),
        ALL_ROLES,
        {
            "role": None,
            "topic": "overview",
            "compared_roles": None,
            "listed_roles": list(ALL_ROLES),
            "discussed_roles": ["hr_executive"],
            "ranking": None,
            "discussed_places": None,
        },
    ),
    (
        "advice leads to the main roles and ends 'that one'",
        RELATED_LISTED,
        GiveGuidance("some_college", MAIN_ROLES),
        (),
        {
            "role": None,
            "topic": "education",
            "compared_roles": list(MAIN_ROLES),
            "listed_roles": None,
            "discussed_roles": list(MAIN_ROLES),
        },
    ),
    ("asking for the level ends 'that one'", RELATED_LISTED, GiveGuidance(None), (), {"listed_roles": None}),
    ("a question back keeps the context", RELATED_LISTED, AskWhichRole("Which?", ALL_ROLES, "overview"), (), {}),
    ("a title not covered keeps the context", EXEC_IN_FOCUS, SayNotCovered(("pilot",)), (), {}),
    (
        "the long form is remembered: 'and for execs?' asks it again",
        Context(),
        AnswerRole("hr_generalist", "salary", detail=True),
        (),
        {
            "role": "hr_generalist",
            "topic": "salary",
            "compared_roles": None,
            "listed_roles": None,
            "discussed_roles": ["hr_generalist"],
            "ranking": None,
            "compared_places": None,
            "long_form": True,
            "place": None,
            "discussed_places": ["0000000"],
            "measure": None,
        },
    ),
    (
        "the last four roles are remembered",
        Context(discussed_roles=("hr_executive", "hr_generalist", "labor_lawyer", "recruiter")),
        AnswerRole("hr_generalist", "salary"),
        (),
        {
            "role": "hr_generalist",
            "topic": "salary",
            "compared_roles": None,
            "listed_roles": None,
            "discussed_roles": ["hr_executive", "labor_lawyer", "recruiter", "hr_generalist"],
            "ranking": None,
            "compared_places": None,
            "long_form": None,
            "place": None,
            "discussed_places": ["0000000"],  # the U.S.
            "measure": None,
        },
    ),
]


@pytest.mark.parametrize("why, context, decision, listed, slots", SLOT_RULES, ids=[r[0] for r in SLOT_RULES])
def test_the_context_after_each_decision(why, context, decision, listed, slots):
    assert slot_updates(context, decision, listed) == slots


# Places, on the fixture wage data: the U.S., California, Texas and the San Jose metro area.
TX, CA, SAN_JOSE, US = "4800000", "0600000", "0041940", "0000000"
PAY_IN_TEXAS = Context(role="hr_executive", topic="salary", discussed_roles=("hr_executive",), place=TX)

PLACE_RULES = [
    (
        "pay in a state",
        Request("ask_salary", roles=("hr_executive",), places=(TX,)),
        Context(),
        AnswerRole("hr_executive", "salary", TX),
    ),
    (
        "'and in California?' keeps the role and the topic",
        Request("inform_role", places=(CA,)),
        PAY_IN_TEXAS,
        AnswerRole("hr_executive", "salary", CA),
    ),
    (
        "'how much do they make?' keeps the place",
        Request("ask_salary"),
        PAY_IN_TEXAS,
        AnswerRole("hr_executive", "salary", TX),
    ),
    (
        "'and the lawyer there?' keeps the place",
        Request("inform_role", roles=("labor_lawyer",)),
        PAY_IN_TEXAS,
        AnswerRole("labor_lawyer", "salary", TX),
    ),
    (
        "'nationally?' is the U.S.",
        Request("inform_role", places=(US,)),
        PAY_IN_TEXAS,
        AnswerRole("hr_executive", "salary", None),
    ),
    (
        "what they start at, in a place",
        Request("ask_salary", roles=("labor_lawyer",), places=(SAN_JOSE,), measure="starting"),
        Context(),
        AnswerRole("labor_lawyer", "salary", SAN_JOSE, "starting"),
    ),
    (
        "a state and a metro area of one name: the state, the other offered",
        Request("ask_salary", roles=("hr_executive",), places=(f"{CA}|{SAN_JOSE}",)),
        Context(),
        AnswerRole("hr_executive", "salary", CA, None, SAN_JOSE),
    ),
    (
        "a place we do not cover: named back, whatever the context",
        Request("inform_role", unknown_places=("Narnia",)),
        PAY_IN_TEXAS,
        dialogue.SayPlaceNotCovered(("Narnia",)),
    ),
    (
        "two places: side by side",
        Request("ask_salary", roles=("hr_executive",), places=(TX, CA)),
        Context(),
        dialogue.ComparePlaces("hr_executive", (TX, CA)),
    ),
    (
        "a place after the outlook ('and in Texas?'): the outlook, said to be national",
        Request("inform_role", places=(TX,)),
        Context(role="hr_executive", topic="growth"),
        AnswerRole("hr_executive", "growth", TX),
    ),
    (
        "education in a place is education, said to be national (the place rides along for that)",
        Request("ask_education", places=(TX,)),
        PAY_IN_TEXAS,
        AnswerRole("hr_executive", "education", TX),
    ),
]


@pytest.mark.parametrize("why, request_, context, decision", PLACE_RULES, ids=[r[0] for r in PLACE_RULES])
def test_place_rules(kb, why, request_, context, decision):
    assert resolve(kb, dialogue.ROLE_TOPIC, request_, context) == decision


def test_a_name_of_several_metro_areas_gets_a_question(kb):
    import dataclasses

    from careers.wages import Area

    other = Area("0041941", "M", "06", "San Jose-Testville, CA")
    wider = dataclasses.replace(kb, wages=dataclasses.replace(kb.wages, areas={**kb.wages.areas, other.code: other}))
    request = Request("ask_salary", roles=("hr_executive",), places=(f"{SAN_JOSE}|0041941",))
    assert resolve(wider, dialogue.ROLE_TOPIC, request, Context()) == dialogue.AskWhichPlace(
        (SAN_JOSE, "0041941"), "hr_executive", "salary"
    )


COMPARE_PLACE_RULES = [
    (
        "'how does that compare with California?'",
        Request("compare_roles", places=(CA,), compare=True),
        PAY_IN_TEXAS,
        dialogue.ComparePlaces("hr_executive", (TX, CA)),
    ),
    (
        "with no place in context: the U.S.",
        Request("compare_roles", roles=("labor_lawyer",), places=(CA,)),
        Context(),
        dialogue.ComparePlaces("labor_lawyer", (US, CA)),
    ),
    (
        "two roles in one place",
        Request("compare_roles", roles=("hr_executive", "labor_lawyer"), places=(CA,)),
        Context(),
        AnswerPair("hr_executive", "labor_lawyer", "salary", CA),
    ),
    (
        "no role anywhere: which?",
        Request("compare_roles", places=(CA, TX)),
        Context(),
        AskWhichRole("Whose pay should I compare?", ALL_ROLES, "salary"),
    ),
]


@pytest.mark.parametrize(
    "why, request_, context, decision", COMPARE_PLACE_RULES, ids=[r[0] for r in COMPARE_PLACE_RULES]
)
def test_comparisons_of_places(kb, why, request_, context, decision):
    assert resolve(kb, dialogue.COMPARISON, request_, context) == decision


def test_where_it_pays_best(kb):
    assert resolve(kb, dialogue.RANK_PLACES, Request("rank_places", roles=("labor_lawyer",)), Context()) == (
        dialogue.RankPlaces("labor_lawyer", "pay")
    )
    assert resolve(
        kb, dialogue.RANK_PLACES, Request("rank_places", measure="employment", metro=True), PAY_IN_TEXAS
    ) == (dialogue.RankPlaces("hr_executive", "employment", metro=True))
    assert isinstance(resolve(kb, dialogue.RANK_PLACES, Request("rank_places"), Context()), AskWhichRole)


def test_the_place_is_remembered_with_pay_answers_only():
    assert slot_updates(Context(), AnswerRole("hr_executive", "salary", TX))["place"] == TX
    assert "place" not in slot_updates(PAY_IN_TEXAS, AnswerRole("hr_executive", "education"))
    assert slot_updates(Context(), dialogue.ComparePlaces("hr_executive", (US, CA)))["place"] == CA


def test_a_place_we_do_not_know_is_named_back_even_beside_one_we_know(kb):
    request = Request("compare_roles", roles=("hr_executive",), places=(TX,), unknown_places=("Narnia",))
    assert resolve(kb, dialogue.COMPARISON, request, PAY_IN_TEXAS) == dialogue.SayPlaceNotCovered(("Narnia",))
    request = Request("ask_salary", places=(TX,), unknown_places=("Narnia",))
    assert resolve(kb, dialogue.ROLE_TOPIC, request, PAY_IN_TEXAS) == dialogue.SayPlaceNotCovered(("Narnia",))


def test_two_roles_keep_the_place_of_the_conversation_and_the_measure(kb):
    request = Request("compare_roles", roles=("labor_lawyer", "hr_executive"), topics=("salary",))
    assert resolve(kb, dialogue.COMPARISON, request, PAY_IN_TEXAS) == AnswerPair(
        "labor_lawyer", "hr_executive", "salary", TX
    )
    hourly = Request("compare_roles", measure="hourly")
    assert resolve(kb, dialogue.COMPARISON, hourly, Context(compared_roles=("labor_lawyer", "hr_executive"))) == (
        AnswerPair("labor_lawyer", "hr_executive", "salary", None, "hourly")
    )


def test_a_follow_up_on_two_roles_keeps_their_place_and_takes_the_measure(kb):
    context = Context(topic="salary", compared_roles=("labor_lawyer", "hr_executive"), place=CA)
    assert resolve(kb, dialogue.ROLE_TOPIC, Request("inform_role", measure="hourly"), context) == AnswerPair(
        "labor_lawyer", "hr_executive", "salary", CA, "hourly"
    )


def test_a_title_not_covered_in_an_ambiguous_place_is_named_back_first(kb):
    request = Request("ask_salary", unknown_titles=("chief of staff",), places=(f"{CA}|{SAN_JOSE}|{TX}",))
    assert resolve(kb, dialogue.ROLE_TOPIC, request, PAY_IN_TEXAS) == SayNotCovered(("chief of staff",), "salary")


def test_where_i_live_is_asked_until_a_place_is_known(kb):
    request = Request("ask_salary", roles=("hr_executive",), own_place=True)
    decision = resolve(kb, dialogue.ROLE_TOPIC, request, Context())
    assert decision == dialogue.AskWhereTheyLive("hr_executive")  # never the U.S. figure instead
    assert slot_updates(Context(), decision)["role"] == "hr_executive"
    assert resolve(kb, dialogue.ROLE_TOPIC, request, PAY_IN_TEXAS) == AnswerRole("hr_executive", "salary", TX)


def test_a_role_named_with_words_of_a_comparison_is_compared_with_the_one_in_focus(kb):
    request = Request("ask_salary", roles=("hr_generalist",), compare=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, request, EXEC_IN_FOCUS) == AnswerPair(
        "hr_executive", "hr_generalist", "salary"
    )
    assert resolve(kb, dialogue.ROLE_TOPIC, replace(request, compare=False), EXEC_IN_FOCUS) == AnswerRole(
        "hr_generalist", "salary"
    )


def test_where_i_live_after_two_roles_is_asked_too(kb):
    request = Request("rank_places", own_place=True)
    assert resolve(kb, dialogue.RANK_PLACES, request, AFTER_COMPARISON) == dialogue.AskWhereTheyLive(None)


def test_which_of_those_after_pay_in_two_places_compares_the_places(kb):
    after_texas = slot_updates(PAY_IN_TEXAS, AnswerRole("hr_executive", "salary", CA))
    assert after_texas["discussed_places"] == [CA]  # the context held no places yet
    context = replace(PAY_IN_TEXAS, place=CA, discussed_places=(TX, CA))
    assert resolve(kb, dialogue.COMPARISON, Request("compare_roles", highest=True), context) == (
        dialogue.ComparePlaces("hr_executive", (TX, CA))
    )
    # Another role starts the places anew: "which of those" is then about the roles.
    assert slot_updates(context, AnswerRole("hr_generalist", "salary", CA))["discussed_places"] == [CA]
    assert slot_updates(context, AnswerRole("hr_executive", "salary", SAN_JOSE))["discussed_places"] == [
        TX,
        CA,
        SAN_JOSE,
    ]


def test_which_of_those_pays_most_ranks_the_roles_just_listed(kb):
    request = Request("rank_roles", topics=("salary",), those=True, highest=True)
    assert resolve(kb, dialogue.ACROSS_ROLES, request, RELATED_LISTED) == AnswerAcrossRoles(
        "ranking", "salary", among=("labor_lawyer", "recruiter")
    )
    # Without "those", all roles are ranked.
    assert resolve(kb, dialogue.ACROSS_ROLES, replace(request, those=False), RELATED_LISTED) == AnswerAcrossRoles(
        "ranking", "salary"
    )


def test_the_other_one_after_pay_in_two_places_is_the_other_place(kb):
    context = replace(PAY_IN_TEXAS, place=CA, discussed_places=(TX, CA))
    assert resolve(kb, dialogue.ROLE_TOPIC, Request("inform_role", other=True), context) == AnswerRole(
        "hr_executive", "salary", TX
    )
    ranked = resolve(kb, dialogue.ACROSS_ROLES, Request("rank_roles", highest=True, compare=True), context)
    assert ranked == dialogue.ComparePlaces("hr_executive", (TX, CA))  # "which of those pays most?"


def test_a_bare_follow_up_after_a_measure_keeps_the_measure(kb):
    context = replace(PAY_IN_TEXAS, place=CA, discussed_places=(TX, CA), measure="starting")
    assert slot_updates(PAY_IN_TEXAS, AnswerRole("hr_executive", "salary", CA, "starting"))["measure"] == "starting"
    assert resolve(kb, dialogue.ROLE_TOPIC, Request("inform_role", other=True), context) == AnswerRole(
        "hr_executive", "salary", TX, "starting"
    )
    asked_again = resolve(kb, dialogue.ROLE_TOPIC, Request("ask_salary", places=(TX,)), context)
    assert asked_again == AnswerRole("hr_executive", "salary", TX)  # a new pay question: the median


@pytest.mark.parametrize(
    "why, question, request_, decision",
    [
        (
            "the words name another topic than the intent: the words win",
            dialogue.ROLE_TOPIC,
            Request("ask_duties", roles=("hr_executive",), topics=("education",)),
            AnswerRole("hr_executive", "education"),
        ),
        (
            "one role and a topic, asked as a difference: that topic of that role",
            dialogue.SHARED_TOPIC,
            Request("ask_differences", roles=("hr_generalist",), topics=("related",)),
            AnswerRole("hr_generalist", "related"),
        ),
        (
            "what HR is, asked money-wise: whether it is worth it, with the pay",
            dialogue.SHARED_TOPIC,
            Request("ask_about_hr", topics=("salary",), generic=True),
            AnswerSharedTopic("worth_it", MAIN_ROLES),
        ),
        (
            "the education filter with the user's own level and no degree: advice for that level",
            dialogue.ACROSS_ROLES,
            Request("ask_roles_by_education", education_level="still_in_high_school"),
            GiveGuidance("still_in_high_school", MAIN_ROLES),
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else "",
)
def test_words_over_the_classifier(kb, why, question, request_, decision):
    assert resolve(kb, question, request_, Context()) == decision


def test_follow_ups_in_one_place_after_a_role(kb):
    # "and tampa", classified as a comparison: the same question there, no table of two places.
    assert resolve(kb, dialogue.COMPARISON, Request("compare_roles", places=(CA,)), PAY_IN_TEXAS) == AnswerRole(
        "hr_executive", "salary", CA
    )
    # "and labor lawyers in California, is that better?": the two roles there.
    named = Request("compare_roles", roles=("labor_lawyer",), places=(CA,))
    assert resolve(kb, dialogue.COMPARISON, named, PAY_IN_TEXAS) == AnswerPair(
        "hr_executive", "labor_lawyer", "salary", CA
    )
    # "go back to the first one"
    three = replace(PAY_IN_TEXAS, role="recruiter", discussed_roles=("labor_lawyer", "hr_executive", "recruiter"))
    assert resolve(kb, dialogue.ROLE_TOPIC, Request("inform_role", first=True), three).role == "labor_lawyer"


def test_there_and_those_two_name_the_places_of_the_conversation(kb):
    top_there = Request("rank_places", measure="top", highest=True, there=True)
    assert resolve(kb, dialogue.RANK_PLACES, top_there, PAY_IN_TEXAS) == AnswerRole("hr_executive", "salary", TX, "top")
    two_places = replace(PAY_IN_TEXAS, place=CA, discussed_places=(TX, CA))
    in_those_two = Request("inform_role", roles=("labor_lawyer",), those=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, in_those_two, two_places) == dialogue.ComparePlaces(
        "labor_lawyer", (TX, CA)
    )


def test_rankings_and_worth_it_asked_for_a_place_give_the_figures_there(kb):
    assert resolve(kb, dialogue.ACROSS_ROLES, Request("rank_roles", places=(CA,)), Context()) == AnswerAcrossRoles(
        "ranking", "salary", place=CA
    )
    best_in_texas = Request("compare_roles", places=(TX,), highest=True, generic=True)
    assert resolve(kb, dialogue.COMPARISON, best_in_texas, Context()) == AnswerAcrossRoles(
        "ranking", "salary", place=TX
    )
    worth_it_there = Request("ask_worth_it", places=(CA,), generic=True)
    assert resolve(kb, dialogue.SHARED_TOPIC, worth_it_there, Context()) == AnswerPair(
        "hr_executive", "hr_generalist", "salary", CA
    )


def test_an_amount_beside_a_role_asks_about_that_role(kb):
    # "im a generalist in texas making 62k, am i underpaid": the generalist's pay there, no filter of roles.
    request = Request("nlu_fallback", roles=("hr_generalist",), places=(TX,), pay_limit=PayLimit(True, 62000))
    assert resolve(kb, dialogue.UNSURE, request, Context()) == AnswerRole("hr_generalist", "salary", TX)


def test_rankings_by_school_and_by_the_number_of_jobs(kb):
    least_school = Request("rank_roles", topics=("education",), lowest=True)
    assert resolve(kb, dialogue.ACROSS_ROLES, least_school, Context()) == AnswerAcrossRoles(
        "by_education", "education", lowest=True
    )
    most_jobs = Request("rank_roles", measure="employment", highest=True)
    assert resolve(kb, dialogue.ACROSS_ROLES, most_jobs, Context()) == AnswerAcrossRoles("ranking", "employment")


def test_the_difference_between_the_two_is_between_the_two_just_talked_about(kb):
    after_two = Context(role="recruiter", discussed_roles=("labor_lawyer", "recruiter"))
    assert resolve(kb, dialogue.SHARED_TOPIC, Request("ask_differences"), after_two) == AnswerPair(
        "labor_lawyer", "recruiter", None
    )
    pay_gap = Request("ask_differences", topics=("salary",))
    after_main = Context(compared_roles=MAIN_ROLES, discussed_roles=MAIN_ROLES)
    assert resolve(kb, dialogue.SHARED_TOPIC, pay_gap, after_main) == AnswerPair(*MAIN_ROLES, "salary")
    assert resolve(kb, dialogue.SHARED_TOPIC, Request("ask_differences"), after_main) == AnswerSharedTopic(
        "differences", MAIN_ROLES
    )


def test_the_article_or_the_same_year_asks_for_the_article_s_year(kb):
    same_year = Request("ask_salary", roles=("hr_generalist",), article=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, same_year, Context()) == AnswerRole("hr_generalist", "salary", detail=True)
    duties = Request("ask_duties", roles=("hr_generalist",), article=True)  # what the article says they do
    assert resolve(kb, dialogue.ROLE_TOPIC, duties, Context()) == AnswerRole("hr_generalist", "duties")


def test_my_job_is_the_role_the_user_said_they_are_in(kb):
    said = slot_updates(Context(), AnswerRole("hr_executive", "salary"))
    assert "users_role" not in said
    told = dialogue.said_of_the_user(
        Context(), Request("ask_salary", roles=("hr_executive",), from_role="hr_generalist")
    )
    assert told == {"users_role": "hr_generalist"}
    context = replace(EXEC_IN_FOCUS, users_role="hr_generalist")
    assert dialogue.said_of_the_user(context, Request("ask_salary", from_role="hr_generalist")) == {}
    same_for_mine = Request("out_of_scope", own_role=True)
    assert resolve(kb, dialogue.OUT_OF_SCOPE, same_for_mine, context) == AnswerRole("hr_generalist", "salary")
    what_about_mine = Request("ask_overview", own_role=True)  # the classifier's reading of "what about my job"
    assert resolve(kb, dialogue.ROLE_TOPIC, what_about_mine, context) == AnswerRole("hr_generalist", "salary")
    compared_to_me = Request("ask_salary", roles=("hr_executive",), own_role=True, compare=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, compared_to_me, context) == AnswerPair(
        "hr_executive", "hr_generalist", "salary"
    )


def test_my_job_before_the_user_said_it_is_asked_never_guessed(kb):
    decision = resolve(kb, dialogue.ROLE_TOPIC, Request("ask_salary", own_role=True), EXEC_IN_FOCUS)
    assert isinstance(decision, AskWhichRole) and decision.topic == "salary"


def test_there_after_a_ranking_of_places_is_the_first_place_listed(kb):
    ranking = dialogue.RankPlaces("recruiter", "employment", metro=False, lowest=False)
    after = slot_updates(Context(), ranking, (), (CA, TX))
    assert after["ranked_places"] == [CA, TX] and after["ranking"] == ranking.slot_value
    context = Context(role="recruiter", topic="salary", ranking=ranking.slot_value, ranked_places=(CA, TX))
    pay_there = Request("ask_salary", topics=("salary",), there=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, pay_there, context) == AnswerRole("recruiter", "salary", CA)
    # A pay answer ends the ranking but keeps its places ("and the second one?"); another topic ends both.
    after_pay = slot_updates(context, AnswerRole("recruiter", "salary", CA))
    assert after_pay["ranking"] is None and "ranked_places" not in after_pay
    assert slot_updates(context, AnswerRole("recruiter", "education"))["ranked_places"] is None
    second = Request("inform_role", roles=("labor_lawyer",), ordinal=2, first=False)
    later = replace(context, ranking=None)
    assert resolve(kb, dialogue.ROLE_TOPIC, second, later) == AnswerRole("labor_lawyer", "salary", TX)
    last = Request("ask_salary", ordinal=-1)
    assert resolve(kb, dialogue.ROLE_TOPIC, last, later) == AnswerRole("recruiter", "salary", TX)
    # With no ranking of places in the conversation, "the first one" is the first role talked about.
    first_role = Request("inform_role", ordinal=1, first=True)
    two_roles = Context(role="labor_lawyer", topic="salary", discussed_roles=("hr_executive", "labor_lawyer"))
    assert resolve(kb, dialogue.ROLE_TOPIC, first_role, two_roles) == AnswerRole("hr_executive", "salary")


def test_which_topic_with_one_role_in_focus_is_no_comparison(kb):
    context = Context(role="recruiter", topic="education", discussed_roles=("hr_executive", "recruiter"))
    which_cert = Request("compare_roles", topics=("certifications",))
    assert resolve(kb, dialogue.COMPARISON, which_cert, context) == AnswerRole("recruiter", "certifications")
    # With two roles just compared, "which ...?" is between them.
    assert isinstance(resolve(kb, dialogue.COMPARISON, which_cert, AFTER_COMPARISON), AnswerPair)


def test_after_two_places_compared_a_follow_up_compares_them_again(kb):
    compared = slot_updates(Context(), dialogue.ComparePlaces("hr_executive", (TX, CA)))
    assert compared["compared_places"] == [TX, CA]
    context = Context(
        role="hr_executive", topic="salary", place=CA, compared_places=(TX, CA), discussed_places=(TX, CA)
    )
    other_role = Request("inform_role", roles=("hr_generalist",))
    assert resolve(kb, dialogue.ROLE_TOPIC, other_role, context) == dialogue.ComparePlaces("hr_generalist", (TX, CA))
    hourly_for_both = Request("ask_salary", measure="hourly", both=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, hourly_for_both, context) == dialogue.ComparePlaces(
        "hr_executive", (TX, CA), "hourly"
    )
    more_jobs = Request("compare_roles", roles=("hr_executive",), measure="employment")
    assert resolve(kb, dialogue.COMPARISON, more_jobs, context) == dialogue.ComparePlaces(
        "hr_executive", (TX, CA), "employment"
    )
    # A place named is asked about, not the two compared.
    in_texas = Request("inform_role", roles=("hr_generalist",), places=(TX,))
    assert resolve(kb, dialogue.ROLE_TOPIC, in_texas, context) == AnswerRole("hr_generalist", "salary", TX)


def test_a_follow_up_read_as_what_is_it_asks_the_same_question_for_the_role_named(kb):
    follow_up = Request("ask_overview", roles=("hr_generalist",), follow_up=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, follow_up, EXEC_IN_FOCUS) == AnswerRole("hr_generalist", "salary")
    after_education = replace(EXEC_IN_FOCUS, topic="education")
    payroll_read_as_pay = Request("ask_salary", roles=("hr_generalist",), follow_up=True)
    assert resolve(kb, dialogue.ROLE_TOPIC, payroll_read_as_pay, after_education) == AnswerRole(
        "hr_generalist", "education"
    )
    # Not opened as a follow-up ("tell me about generalists"): what the role is.
    asked = Request("ask_overview", roles=("hr_generalist",))
    assert resolve(kb, dialogue.ROLE_TOPIC, asked, EXEC_IN_FOCUS) == AnswerRole("hr_generalist", "overview")


def test_a_list_of_hr_jobs_in_a_place_is_what_they_pay_there(kb):
    in_texas = Request("list_roles", places=(TX,), generic=True)
    assert resolve(kb, dialogue.ACROSS_ROLES, in_texas, Context()) == AnswerPair(*MAIN_ROLES, "salary", TX)


def test_a_ranking_of_places_ranked_again_by_number_of_jobs(kb):
    pay_of_metros = dialogue.RankPlaces("hr_executive", "pay", metro=True)
    context = Context(role="hr_executive", topic="salary", ranking=pay_of_metros.slot_value)
    by_jobs = Request("rank_places", measure="employment", ranked_by=True)
    assert resolve(kb, dialogue.RANK_PLACES, by_jobs, context) == dialogue.RankPlaces(
        "hr_executive", "employment", metro=True
    )
    # After the pay in one of the places ranked, still the kind of places ranked (states here).
    later = Context(role="hr_executive", topic="salary", place=TX, ranked_places=(CA, TX))
    assert resolve(kb, dialogue.ROLE_TOPIC, replace(by_jobs, intent="ask_salary"), later) == dialogue.RankPlaces(
        "hr_executive", "employment"
    )
    # "and which metro has the most HR jobs?": HR in general, ranked anew, never the role in focus's.
    most_hr_jobs = Request("rank_places", measure="employment", highest=True, metro=True, generic=True)
    decision = resolve(kb, dialogue.RANK_PLACES, most_hr_jobs, later)
    assert decision.for_hr and decision.metro
    # Without a ranking in the conversation, a question of jobs is answered as one.
    jobs = resolve(kb, dialogue.ROLE_TOPIC, replace(by_jobs, intent="ask_salary"), EXEC_IN_FOCUS)
    assert jobs == AnswerRole("hr_executive", "salary", measure="employment")


def test_a_ranking_of_places_for_hr_in_general_is_of_the_largest_main_role_and_says_so(kb):
    largest = max(MAIN_ROLES, key=lambda role_id: kb.national_employment(role_id) or 0)
    most_hr_jobs = Request("rank_places", measure="employment", highest=True, generic=True)
    decision = resolve(kb, dialogue.RANK_PLACES, most_hr_jobs, Context())
    assert decision == dialogue.RankPlaces(largest, "employment", for_hr=True)
    text = reply_to(kb, decision, PLAIN).text
    assert text.startswith("HR in general is no one BLS occupation: here are ")
    # Neither a role nor HR named: asked.
    assert isinstance(resolve(kb, dialogue.RANK_PLACES, replace(most_hr_jobs, generic=False), Context()), AskWhichRole)


def test_a_topic_asked_with_words_of_help_is_answered(kb):
    certs_would_help = Request("help", topics=("certifications",))
    assert resolve(kb, dialogue.HELP, certs_would_help, EXEC_IN_FOCUS) == AnswerRole("hr_executive", "certifications")
    assert resolve(kb, dialogue.HELP, Request("help"), EXEC_IN_FOCUS) == dialogue.ShowHelp()


def test_a_role_of_a_list_by_pay_continues_the_pay(kb):
    ranked_by_pay = Context(topic="salary", listed_roles=("labor_lawyer", "recruiter"))
    named = Request("inform_role", roles=("recruiter",))
    assert resolve(kb, dialogue.ROLE_TOPIC, named, ranked_by_pay) == AnswerRole("recruiter", "salary")
    # Of the related careers just listed, naming one asks what it is.
    assert resolve(kb, dialogue.ROLE_TOPIC, named, RELATED_LISTED) == AnswerRole("recruiter", "overview")


def test_an_education_level_with_a_role_named_gets_the_way_to_that_role(kb):
    in_school = Request("ask_education_guidance", roles=("recruiter",), education_level="still_in_high_school")
    assert resolve(kb, dialogue.GUIDANCE, in_school, Context()) == AnswerRole("recruiter", "path")
    level_only = Request("ask_education_guidance", education_level="still_in_high_school")
    assert resolve(kb, dialogue.GUIDANCE, level_only, Context()) == GiveGuidance("still_in_high_school", MAIN_ROLES)
