"""How to get into a role, its certifications, moves between roles and ended projections
(fixture knowledge base: the HR executive needs 5+ years, the generalist none; test certifications)."""

import copy

import pytest
import yaml

from actions.actions import ActionAnswerRoleTopic, ActionCompareRoles
from careers import buttons, topics
from careers.answers import path, role
from careers.formatting import MARKDOWN, PLAIN
from careers.knowledge_base import KnowledgeBaseError, load_knowledge_base
from careers.matching import named_ids
from tests.unit.conftest import FIXTURE_KB


def test_the_time_to_a_role_is_its_study_then_its_related_experience(kb):
    text = path.path_answer(kb, "hr_executive")
    first, *rest = text.splitlines()
    assert first == (
        "Becoming an HR executive takes a bachelor's degree, usually about 4 years of full-time college. "
        "Then usually 5 years or more of work in a related occupation."
    )
    assert "- Related work experience (2030): 5 years or more in a related occupation." in rest
    assert "- A master's degree: some jobs require a master's degree." in rest
    assert "- Certifications: TSCP." in rest
    assert rest[-1] == "Sources: the Test Survey."


def test_a_role_that_needs_no_experience_says_so_and_one_without_a_study_time_names_its_degree(kb):
    assert "No work experience in a related occupation is needed to start." in path.path_answer(kb, "hr_generalist")
    lawyer = path.path_answer(kb, "labor_lawyer")
    assert lawyer.startswith("Becoming a labor lawyer usually takes a doctoral or professional degree.")
    assert "Related work experience" not in lawyer  # none in its sources: nothing invented
    assert "Certifications" not in lawyer


def test_certifications_come_in_the_order_to_take_them_with_what_the_sources_do_not_say(kb):
    text = path.certifications_answer(kb, "hr_generalist")
    assert text.startswith("Certifications for the HR generalist (the test certifications):")
    assert "- TCP, from the Test Certification Board: open to anyone." in text
    assert text.index("- TCP,") < text.index("- TSCP,")  # the one to take first, first
    detail = path.certifications_detail(kb, "hr_generalist")  # "More detail": what each takes
    assert "TSCP (Test Senior Certified Professional), from the Test Certification Board: 3 years" in detail
    assert topics.topic("certifications").has_more(kb, "hr_generalist")
    assert "I don't know whether employers require these" in text
    assert text.endswith("Sources: the Test Certification Board.")
    assert path.certifications_answer(kb, "labor_lawyer") == "My sources name no certification for the labor lawyer."


def test_a_move_gives_the_gap_and_the_pay_difference_of_the_wage_data(kb):
    text = path.move_answer(kb, "hr_executive", "labor_lawyer")
    assert text.startswith("From HR executive to labor lawyer:")
    assert "the labor lawyer usually needs doctoral or professional degree; the HR executive, bachelor's degree" in text
    assert "$159,670 a year, $10,390 more than the HR executive's $149,280" in text
    up = path.move_answer(kb, "hr_generalist", "hr_executive")
    assert "both usually need a bachelor's degree, so no new degree" in up
    assert "usually asks for 5 years or more of work in a related occupation (2030)" in up
    assert "Certifications for the HR executive: TSCP." in up
    assert "Pay:" not in up  # the generalist has no wage row: no difference made up


def test_an_ended_projection_is_history_never_the_outlook(kb):
    text = role.growth_answer(kb, "recruiter")
    assert text == (
        "I have no current job outlook for the recruiter: the newest official projection in my sources, "
        "for 2010-2020, has ended."
    )
    assert "7%" in role.growth_detail(kb, "recruiter")  # one "More detail" away, labelled as history
    assert "history, not an outlook" in role.growth_detail(kb, "recruiter")
    assert topics.topic("growth").has_more(kb, "recruiter")
    offered = [button["payload"] for button in buttons.role_followups(kb, "recruiter", "growth")]
    assert not any(payload.startswith("/compare_roles") and "growth" in payload for payload in offered)


def test_path_and_certifications_are_asked_with_the_education_intent_and_a_topic_entity(kb):
    education = buttons.role_followups(kb, "hr_generalist", "education")
    assert education[0]["title"] == "Compare education with HR executive"
    assert education[1] == {
        "title": "How to get there",
        "payload": '/ask_education{"role":"hr_generalist","topic":"path"}',
    }
    after_path = buttons.role_followups(kb, "hr_generalist", "path")
    assert after_path[0]["payload"] == '/ask_education{"role":"hr_generalist","topic":"certifications"}'
    assert "ask_education" not in [t.intent for t in topics.TOPICS if t.own_intent and t.id != "education"]


@pytest.mark.parametrize(
    "break_it, field, problem",
    [
        (lambda data: data["roles"][1]["path"]["certifications"].append("mba"), "path.certifications[2]", "mba"),
        (
            lambda data: data["roles"][0]["education"]["experience"].update(level="a few years"),
            "education.experience.level",
            "unexpected value",
        ),
        (lambda data: data["certifications"]["test_cp"].update(source="blog"), "certifications.test_cp.source", "blog"),
    ],
    ids=["unknown certification", "unknown experience level", "unknown certification source"],
)
def test_a_broken_path_fails_with_one_line_naming_the_file_and_the_field(tmp_path, break_it, field, problem):
    data = yaml.safe_load(FIXTURE_KB.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    break_it(data)
    data["wage_data"] = str(FIXTURE_KB.parent / data["wage_data"])
    data["place_names"] = str((FIXTURE_KB.parent / data["place_names"]).resolve())
    broken = tmp_path / "roles.yml"
    broken.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(broken)
    message = str(raised.value)
    assert "\n" not in message and str(broken) in message and field in message and problem in message


def test_in_markdown_a_line_after_a_list_is_a_paragraph_of_its_own():
    text = "Head:\n- one\n- two\nSources: the Test Survey."
    assert MARKDOWN.document(text) == "Head:\n- one\n- two\n\nSources: the Test Survey."
    assert PLAIN.document(text) == text  # the terminal and REST get the lines as they are


def test_the_ways_into_hr_are_the_roles_by_the_experience_they_ask_least_schooling_first(kb):
    text, listed = path.ways_in_answer(kb)
    assert "- No related work experience needed to start: HR generalist (bachelor's degree)." in text
    assert "- 5 years or more of related work first: HR executive (bachelor's degree)." in text
    assert listed == ["hr_executive", "hr_generalist"]  # the roles with an experience entry


def test_certifications_named_are_found_by_their_names_and_full_names(kb):
    names = kb.certification_names()
    assert named_ids(names, "is the tscp or TCP worth it?") == ["test_scp", "test_cp"]
    assert named_ids(names, "what about the test certified professional") == ["test_cp"]
    assert named_ids(names, "is the aTCPx worth it") == []  # a name inside a word is not the name


def test_certifications_named_are_answered_whatever_role_is_in_focus(dispatcher, make_tracker):
    """The HR executive in focus lists only TSCP: "is TCP worth getting?" is still about TCP."""
    focus = {"role": "hr_executive", "topic": "certifications"}
    tracker = make_tracker("ask_education", text="is TCP worth getting?", slots=focus)
    ActionAnswerRoleTopic().run(dispatcher, tracker, domain={})
    text = dispatcher.messages[0]["text"]
    assert text.startswith(
        "TCP:\n- TCP (Test Certified Professional), from the Test Certification Board: open to anyone"
    )
    assert "My sources list it for the HR generalist." in text and "TSCP (" not in text
    assert "The certifications my sources name for the HR executive: TSCP." in text  # the role in focus's own
    dispatcher.messages.clear()
    # Where the role's path lists them all, its own answer (with what BLS says of a licence, say).
    ActionAnswerRoleTopic().run(dispatcher, make_tracker("ask_education", text="is TSCP worth it", slots=focus), {})
    assert dispatcher.messages[0]["text"].startswith("Certifications for the HR executive")
    assert "Whether it is worth it" in text and "I don't know: my sources don't say." in text
    dispatcher.messages.clear()
    ActionCompareRoles().run(dispatcher, make_tracker("compare_roles", text="tcp vs tscp"), domain={})
    assert dispatcher.messages[0]["text"].startswith("TCP and TSCP:")
