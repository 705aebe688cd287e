"""Never a different question answered (issue 13): the resolver's rules for what it does not
cover, what it is unsure of, and what a message asks besides its intent.

On the fixture knowledge base (tests/unit/fixtures/roles.yml), as tests/unit/test_dialogue.py.
"""

from dataclasses import replace

import pytest

from careers import dialogue
from careers.dialogue import (
    AnswerAcrossRoles,
    AnswerBesideUnknown,
    AnswerMove,
    AnswerPair,
    AnswerRole,
    AnswerSharedTopic,
    AskToRephrase,
    AskWhichPlace,
    AskWhichRole,
    Context,
    Request,
    SayBeyondKnowledge,
    SayNotCovered,
    SayOutOfScope,
    resolve,
    slot_updates,
)
from careers.formatting import PLAIN
from careers.replies import reply_to

ALL_ROLES = ("hr_executive", "hr_generalist", "labor_lawyer", "recruiter")
EXEC_IN_FOCUS = Context(role="hr_executive", topic="salary", discussed_roles=("hr_executive",))
TEXAS = "4800000"

RULES = [
    # (why, question, request, context, decision)
    (
        "a subject no source covers is said to be unknown, whatever the intent",
        dialogue.ROLE_TOPIC,
        Request("ask_job_growth", beyond=("automation",)),
        EXEC_IN_FOCUS,
        SayBeyondKnowledge(("automation",), "hr_executive"),
    ),
    (
        "a company's pay: unknown, the company named back, never the national figure",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", roles=("hr_generalist",), beyond=("company_pay",), beyond_words=("Google",)),
        Context(),
        SayBeyondKnowledge(("company_pay",), "hr_generalist", ("Google",)),
    ),
    (
        "a title we do not cover is named back before a subject we do not know",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", unknown_titles=("chief of staff",), beyond=("remote_work",)),
        EXEC_IN_FOCUS,
        SayNotCovered(("chief of staff",), "salary"),
    ),
    (
        "no role named, none in context, no words for HR in general: asked, not guessed",
        dialogue.ROLE_TOPIC,
        Request("ask_salary"),
        Context(),
        AskWhichRole("Which role do you mean?", ALL_ROLES, "salary"),
    ),
    (
        "a measure of the wage data makes the question one of pay, whatever the intent",
        dialogue.ROLE_TOPIC,
        Request("ask_job_growth", roles=("hr_generalist",), measure="employment"),
        Context(),
        AnswerRole("hr_generalist", "salary", None, "employment"),
    ),
    (
        "the intent's default topic gives way to the topic the words name",
        dialogue.ROLE_TOPIC,
        Request("ask_overview", topics=("salary",)),
        EXEC_IN_FOCUS,
        AnswerRole("hr_executive", "salary"),
    ),
    (
        "two topics asked: the intent's, and the other offered with it",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", roles=("hr_generalist",), topics=("salary", "education")),
        Context(),
        AnswerRole("hr_generalist", "salary", also=("education",)),
    ),
    (
        "unsure of the intent, but a role and a topic named: answered",
        dialogue.UNSURE,
        Request(None, roles=("hr_generalist",), topics=("salary", "education"), places=(TEXAS,)),
        Context(),
        AnswerRole("hr_generalist", "salary", TEXAS, also=("education",)),
    ),
    ("unsure, and nothing named: asked to rephrase", dialogue.UNSURE, Request(None), EXEC_IN_FOCUS, AskToRephrase()),
    (
        "unsure, a topic but no role anywhere: asked to rephrase",
        dialogue.UNSURE,
        Request(None, topics=("salary",)),
        Context(),
        AskToRephrase(),
    ),
    ("out of scope: the fixed reply", dialogue.OUT_OF_SCOPE, Request("out_of_scope"), Context(), SayOutOfScope()),
    (
        "'out of scope' with words of the domain ('top 10 percent there?'): the classifier erred",
        dialogue.OUT_OF_SCOPE,
        Request("out_of_scope", measure="top"),
        EXEC_IN_FOCUS,
        AnswerRole("hr_executive", "salary", None, "top"),
    ),
    (
        "out of scope naming a title we do not cover: named back",
        dialogue.OUT_OF_SCOPE,
        Request("out_of_scope", unknown_titles=("astronaut",)),
        Context(),
        SayNotCovered(("astronaut",)),
    ),
    (
        "out of scope naming a job we do not cover and a role we cover: named back, the role offered",
        dialogue.OUT_OF_SCOPE,
        Request("out_of_scope", roles=("recruiter",), unknown_titles=("teacher",), topics=("duties",)),
        Context(),
        SayNotCovered(("teacher",), "duties", ("recruiter",)),
    ),
    (
        "a ranking intent naming one place and no ranking: pay there",
        dialogue.RANK_PLACES,
        Request("rank_places", roles=("hr_generalist",), places=(TEXAS,)),
        Context(),
        AnswerRole("hr_generalist", "salary", TEXAS),
    ),
    (
        "is HR worth it: the figures of the role in focus",
        dialogue.SHARED_TOPIC,
        Request("ask_worth_it"),
        EXEC_IN_FOCUS,
        AnswerSharedTopic("worth_it", ("hr_executive",)),
    ),
    (
        "is HR worth it, no role anywhere: the main roles",
        dialogue.SHARED_TOPIC,
        Request("ask_worth_it"),
        Context(),
        AnswerSharedTopic("worth_it", ("hr_executive", "hr_generalist")),
    ),
    (
        "what HR is: the main roles, for 'how much do they make?' next",
        dialogue.SHARED_TOPIC,
        Request("ask_about_hr"),
        EXEC_IN_FOCUS,
        AnswerSharedTopic("about_hr", ("hr_executive", "hr_generalist")),
    ),
    (
        "the difference between two roles named: those two compared",
        dialogue.SHARED_TOPIC,
        Request("ask_differences", roles=("labor_lawyer", "recruiter")),
        Context(),
        dialogue.AnswerPair("labor_lawyer", "recruiter", None),
    ),
    ("hello: the greeting", dialogue.SMALL_TALK, Request("greet"), Context(), dialogue.SayFixed("utter_greet")),
    (
        "hello and a question: the question answered",
        dialogue.SMALL_TALK,
        Request("greet", roles=("hr_generalist",), topics=("salary",)),
        Context(),
        AnswerRole("hr_generalist", "salary"),
    ),
    (
        "thanks and a topic with a role in focus: answered for it",
        dialogue.SMALL_TALK,
        Request("thank", topics=("growth",)),
        EXEC_IN_FOCUS,
        AnswerRole("hr_executive", "growth"),
    ),
    (
        "'no, I meant the director' about the generalist: the one director",
        dialogue.ROLE_TOPIC,
        Request("inform_role", role_heads=("director",)),
        Context(role="hr_generalist", topic="salary", discussed_roles=("hr_generalist",)),
        AnswerRole("hr_executive", "salary"),
    ),
    (
        "'the specialist' with two specialists and none in focus: asked",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", role_heads=("specialist",)),
        Context(),
        AskWhichRole("Which specialist do you mean?", ("hr_generalist", "recruiter"), "salary"),
    ),
    (
        "'the other one' after two roles: the one before",
        dialogue.ROLE_TOPIC,
        Request("inform_role", other=True),
        Context(role="labor_lawyer", topic="salary", discussed_roles=("recruiter", "labor_lawyer")),
        AnswerRole("recruiter", "salary"),
    ),
    (
        "unsure, but a degree named: the roles by education",
        dialogue.UNSURE,
        Request(None, degree="High school diploma or equivalent", generic=True),
        Context(),
        dialogue.AnswerAcrossRoles("by_education", "education", degree="High school diploma or equivalent"),
    ),
    (
        "unsure, a topic and words for HR in general: the main roles",
        dialogue.UNSURE,
        Request(None, topics=("education",), generic=True),
        Context(),
        dialogue.AnswerPair("hr_executive", "hr_generalist", "education"),
    ),
    (
        "a bare title word of no role we cover: named back",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", role_heads=("paralegal",)),
        EXEC_IN_FOCUS,
        SayNotCovered(("paralegal",), "salary"),
    ),
    (
        "advice asked with a role named ('what should I study to be an HR director?'): what it needs",
        dialogue.GUIDANCE,
        Request("ask_education_guidance", roles=("hr_executive",)),
        Context(),
        AnswerRole("hr_executive", "education"),
    ),
    (
        "advice asked with a move named ('how do I go from generalist to HR director?'): what the move takes",
        dialogue.GUIDANCE,
        Request(
            "ask_education_guidance",
            roles=("hr_generalist", "hr_executive"),
            topics=("path",),
            from_role="hr_generalist",
        ),
        Context(),
        AnswerMove("hr_generalist", "hr_executive"),
    ),
    (
        "the user's own job and the goal ('I'm a generalist, how do I become an HR director?'): the move",
        dialogue.ROLE_TOPIC,
        Request("ask_education", roles=("hr_executive",), topics=("path",), from_role="hr_generalist"),
        Context(),
        AnswerMove("hr_generalist", "hr_executive"),
    ),
    (
        "how to become one, with the role in focus: its path",
        dialogue.ROLE_TOPIC,
        Request("ask_education", topics=("path",)),
        Context(role="recruiter"),
        AnswerRole("recruiter", "path"),
    ),
    (
        "a certification question asked like advice, no role anywhere: the general HR ones (main roles)",
        dialogue.GUIDANCE,
        Request("ask_education_guidance", topics=("certifications",)),
        Context(),
        AnswerPair("hr_executive", "hr_generalist", "certifications"),
    ),
    (
        "a bare follow-up asked as education after the certifications ('do employers require it?'): those",
        dialogue.ROLE_TOPIC,
        Request("ask_education"),
        Context(role="hr_generalist", topic="certifications"),
        AnswerRole("hr_generalist", "certifications"),
    ),
    (
        "how to get into HR, no role anywhere: the ways in, by the experience each role asks",
        dialogue.GUIDANCE,
        Request("ask_education_guidance", topics=("path",), generic=True),
        Context(),
        AnswerAcrossRoles("ways_in", "path"),
    ),
    (
        "how to get into HR with a role in focus: still HR in general, the ways in",
        dialogue.GUIDANCE,
        Request("ask_education_guidance", topics=("path",), generic=True),
        Context(role="hr_executive"),
        AnswerAcrossRoles("ways_in", "path"),
    ),
    (
        "'the first one' after a list: the list's first",
        dialogue.ROLE_TOPIC,
        Request("ask_education", topics=("path",), first=True),
        Context(listed_roles=("recruiter", "hr_generalist"), discussed_roles=("hr_executive", "labor_lawyer")),
        AnswerRole("recruiter", "path"),
    ),
    (
        "the outlook beside AI ('will there be lawyer jobs or is AI taking them?'): the projection, and I don't know",
        dialogue.ROLE_TOPIC,
        Request("ask_job_growth", roles=("labor_lawyer",), topics=("growth",), beyond=("automation",)),
        Context(),
        AnswerBesideUnknown(AnswerRole("labor_lawyer", "growth"), ("automation",)),
    ),
    (
        "pay beside AI, in one clause: AI may change the figure, so no figure",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", roles=("labor_lawyer",), topics=("salary",), beyond=("automation",)),
        Context(),
        SayBeyondKnowledge(("automation",), "labor_lawyer"),
    ),
    (
        "'which cert would you recommend first?' asked like what to study: the certifications",
        dialogue.SHARED_TOPIC,
        Request("ask_programs", topics=("certifications",)),
        Context(role="hr_generalist"),
        AnswerRole("hr_generalist", "certifications"),
    ),
    (
        "'what should I major in?' with a role in focus: still the article's programs",
        dialogue.SHARED_TOPIC,
        Request("ask_programs", topics=("education",)),
        Context(role="hr_generalist"),
        AnswerSharedTopic("programs"),
    ),
    (
        "a comparison from the user's own role with words of a move ('the gap between me and a director'): the move",
        dialogue.COMPARISON,
        Request("compare_roles", roles=("hr_generalist", "hr_executive"), topics=("path",), from_role="hr_generalist"),
        Context(),
        AnswerMove("hr_generalist", "hr_executive"),
    ),
    (
        "a job as a role right out of high school, asked like advice: its path, not the level's advice",
        dialogue.GUIDANCE,
        Request(
            "ask_education_guidance",
            roles=("recruiter",),
            topics=("education", "path"),
            education_level="still_in_high_school",
        ),
        Context(),
        AnswerRole("recruiter", "path"),
    ),
    (
        "a certification question with the role in focus: its certifications",
        dialogue.GUIDANCE,
        Request("ask_education_guidance", topics=("certifications",)),
        Context(role="hr_generalist"),
        AnswerRole("hr_generalist", "certifications"),
    ),
    (
        "a year of the role's figures named: the long form, which has it",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", roles=("hr_generalist",), years=(2030,)),
        Context(),
        AnswerRole("hr_generalist", "salary", detail=True),
    ),
    (
        "a year the knowledge base has, but not for this role: named back",
        dialogue.ROLE_TOPIC,
        Request("ask_salary", roles=("hr_generalist",), years=(2024,)),
        Context(),
        SayBeyondKnowledge(("other_year",), "hr_generalist", ("2024",)),
    ),
    (
        "what the top 10% make, asked like a ranking, with a role in focus: its pay",
        dialogue.ACROSS_ROLES,
        Request("rank_roles", measure="top"),
        EXEC_IN_FOCUS,
        AnswerRole("hr_executive", "salary", None, "top"),
    ),
]


@pytest.mark.parametrize("why, question, request_, context, decision", RULES, ids=[r[0] for r in RULES])
def test_rules(kb, why, question, request_, context, decision):
    assert resolve(kb, question, request_, context) == decision


def test_the_role_asked_about_stays_in_focus_after_an_honest_i_dont_know():
    updates = slot_updates(Context(), SayBeyondKnowledge(("remote_work",), "hr_generalist"))
    assert updates["role"] == "hr_generalist" and updates["discussed_roles"] == ["hr_generalist"]


def test_the_role_stays_in_focus_while_the_place_is_asked():
    updates = slot_updates(Context(), AskWhichPlace(("0038900", "0038860"), "recruiter", "salary"))
    assert updates["role"] == "recruiter"


def test_the_other_one_before_either_place_was_chosen_asks_again(kb):
    options = ("0038900", "0038860")  # the two Portlands, as the fixture knows them
    context = Context(role="recruiter", topic="salary", place_options=options, discussed_roles=("recruiter",))
    decision = resolve(kb, dialogue.ROLE_TOPIC, Request("inform_role", other=True), context)
    assert decision == AskWhichPlace(options, "recruiter", "salary")
    chosen = replace(context, place=options[0])  # once one was chosen, "the other one" is the other
    assert resolve(kb, dialogue.ROLE_TOPIC, Request("inform_role", other=True), chosen) == AnswerRole(
        "recruiter", "salary", options[1]
    )


def test_an_honest_i_dont_know_about_no_role_keeps_the_context():
    assert slot_updates(EXEC_IN_FOCUS, SayBeyondKnowledge(("stress",), None)) == {}


def test_after_a_ranking_another_role_is_ranked_the_same_way(kb):
    ranked = dialogue.RankPlaces("hr_generalist", "employment", metro=True)
    context = Context.from_slots(kb, slot_updates(Context(), ranked))
    assert context.ranking == "employment:metro"
    decision = resolve(kb, dialogue.ROLE_TOPIC, Request("inform_role", roles=("recruiter",)), context)
    assert decision == dialogue.RankPlaces("recruiter", "employment", metro=True)


def test_a_garbled_ranking_slot_is_ignored(kb):
    assert Context.from_slots(kb, {"ranking": "pay:everywhere"}).ranking is None


CALIFORNIA, SAN_JOSE = "0600000", "0041940"


def test_which_city_of_a_state_pays_best_ranks_that_state_s_metro_areas(kb):
    request = Request("rank_places", roles=("hr_generalist",), places=(CALIFORNIA,), highest=True, metro=True)
    decision = resolve(kb, dialogue.RANK_PLACES, request, Context())
    assert decision == dialogue.RankPlaces("hr_generalist", "pay", metro=True, within=CALIFORNIA)


def test_the_whole_state_after_a_metro_area_is_its_state(kb):
    context = Context(role="hr_generalist", topic="salary", place=SAN_JOSE, discussed_roles=("hr_generalist",))
    for question, intent in ((dialogue.ROLE_TOPIC, "inform_role"), (dialogue.RANK_PLACES, "rank_places")):
        decision = resolve(kb, question, Request(intent, whole_state=True), context)
        assert decision == AnswerRole("hr_generalist", "salary", CALIFORNIA), intent


def test_for_both_means_the_two_roles_just_compared(kb):
    context = Context(topic="salary", compared_roles=("labor_lawyer", "recruiter"))
    decision = resolve(kb, dialogue.ROLE_TOPIC, Request("ask_salary", both=True, measure="hourly"), context)
    assert decision == dialogue.AnswerPair("labor_lawyer", "recruiter", "salary", None, "hourly")


def test_a_question_the_sources_answer_beside_one_they_do_not_gets_both_answers(kb):
    request = Request(
        "ask_salary", roles=("hr_generalist",), topics=("salary",), beyond=("difficulty",), asked_apart=True
    )
    decision = dialogue.resolve(kb, dialogue.ROLE_TOPIC, request, Context())
    assert decision == dialogue.AnswerBesideUnknown(AnswerRole("hr_generalist", "salary"), ("difficulty",))
    reply = reply_to(kb, decision, PLAIN)
    assert reply.text.startswith("HR generalist, salary:")
    assert reply.text.endswith("As for how hard the work is: I don't know, none of my sources covers it.")
    # A qualifier of the figure itself ("at Google") changes what is asked: no figure then.
    qualified = replace(request, beyond=("company_pay",), beyond_words=("Google",))
    assert isinstance(dialogue.resolve(kb, dialogue.ROLE_TOPIC, qualified, Context()), SayBeyondKnowledge)
    # Asked in one breath ("is law school worth the debt?"), the subject is the question.
    together = replace(request, asked_apart=False)
    assert isinstance(dialogue.resolve(kb, dialogue.ROLE_TOPIC, together, Context()), SayBeyondKnowledge)


def test_a_place_we_do_not_cover_out_of_scope_is_named_back_only_about_pay(kb):
    in_germany = Request("out_of_scope", unknown_places=("Germany",))
    after_pay = Context(role="hr_executive", topic="salary", discussed_roles=("hr_executive",))
    assert dialogue.resolve(kb, dialogue.OUT_OF_SCOPE, in_germany, after_pay) == dialogue.SayPlaceNotCovered(
        ("Germany",), "hr_executive"
    )
    weather = Request("out_of_scope", unknown_places=("Paris",))
    assert dialogue.resolve(kb, dialogue.OUT_OF_SCOPE, weather, Context()) == dialogue.SayOutOfScope()
