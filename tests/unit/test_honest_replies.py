"""Replies that say what they do not know, and replies to messages that ask two things
(careers.replies, careers.scope, careers.answers), on the fixture knowledge base."""

from careers import dialogue
from careers.answers.shared import ways_in_text, worth_it_answer
from careers.formatting import PLAIN
from careers.replies import reply_to
from careers.scope import beyond_knowledge_text


def test_a_company_is_named_back_and_no_figure_given(kb):
    text = beyond_knowledge_text(kb, ["company_pay"], "hr_generalist", ["Google"])
    assert text.startswith("I don't know what Google pays") and "$" not in text
    assert "About the HR generalist" in text


def test_a_year_without_figures_is_named_back(kb):
    text = beyond_knowledge_text(kb, ["other_year"], None, ["2040"])
    assert text.startswith("I don't have figures for 2040") and "$" not in text


def test_a_subject_no_source_covers_is_said_honestly(kb):
    text = beyond_knowledge_text(kb, ["remote_work", "stress"], None)
    assert text.startswith("I don't know about remote work or how stressful the work is:")


def test_the_second_topic_of_a_message_gets_its_line_and_its_button(kb):
    reply = reply_to(kb, dialogue.AnswerRole("hr_generalist", "salary", also=("education",)), PLAIN)
    assert "Education: Bachelor's degree" in reply.text
    assert reply.buttons[0]["title"] == "Education for the HR generalist"
    payloads = [button["payload"] for button in reply.buttons]
    assert len(payloads) == len(set(payloads))  # not offered again as "Education"


def test_a_topic_too_long_for_a_line_is_offered_as_a_button(kb):
    reply = reply_to(kb, dialogue.AnswerRole("hr_generalist", "salary", also=("related",)), PLAIN)
    assert "(You also asked about related careers: it is one button away.)" in reply.text
    assert reply.buttons[0]["title"] == "Related careers for the HR generalist"


def test_duties_asked_beside_pay_get_the_job_in_one_sentence(kb):
    reply = reply_to(kb, dialogue.AnswerRole("hr_generalist", "salary", also=("duties",)), PLAIN)
    assert reply.text.startswith("HR generalist, salary:")
    assert reply.text.splitlines()[-1] == kb.role("hr_generalist").summary.split(". ")[0].rstrip(".") + "."


def test_is_it_worth_it_gives_figures_and_no_opinion(kb):
    text = worth_it_answer(kb, ["hr_generalist"])
    assert "I won't judge" in text and "HR generalist: median pay $" in text and "% in " in text


def test_ways_in_come_from_each_role_s_entry_education(kb):
    text = ways_in_text(kb)
    assert text.startswith(f"Most of the HR careers I know (3 of {len(kb.roles)}) usually need a bachelor's degree.")
    assert "The labor lawyer usually needs a doctoral or professional degree." in text


def test_an_out_of_scope_reply_is_the_domain_response(kb):
    assert reply_to(kb, dialogue.SayOutOfScope(), PLAIN).response == "utter_out_of_scope"
    assert reply_to(kb, dialogue.AskToRephrase(), PLAIN).response == "utter_please_rephrase"


def test_the_sources_are_named_once_each_with_the_wage_release(kb):
    from careers.answers.shared import sources_answer

    text = sources_answer(kb)
    assert "May 2025 estimates (published 2026-05-15)" in text and text.count("the test article") == 1


def test_the_roles_nearest_a_title_not_covered_share_its_words(kb):
    assert kb.closest_roles("employment lawyers") == ["labor_lawyer"]  # a shared qualifier outranks the rest
    assert kb.closest_roles("talent acquisition manager") == ["recruiter"]
    assert kb.closest_roles("HR consultant") == []  # "HR" says nothing of which role
    assert kb.closest_roles("astronaut") == []


def test_a_title_not_covered_is_named_back_with_its_nearest_roles_as_buttons(kb):
    reply = reply_to(kb, dialogue.SayNotCovered(("employment coach",), "salary"), PLAIN)
    assert reply.text == (
        "Sorry, I don't have figures for \"employment coach\", so I won't guess any. "
        "The closest role I cover: the labor lawyer."
    )
    assert [(b["title"], b["payload"]) for b in reply.buttons] == [
        ("Labor lawyer salary", '/ask_salary{"role":"labor_lawyer"}')
    ]
    unrelated = reply_to(kb, dialogue.SayNotCovered(("astronaut",)), PLAIN)
    assert "I can tell you about the HR executive" in unrelated.text and "$" not in unrelated.text


def test_a_year_a_role_has_no_figure_for_names_the_years_it_has(kb):
    text = beyond_knowledge_text(kb, ["other_year"], "hr_generalist", ["2024"])
    assert text.startswith(
        "I don't have figures for 2024 for the HR generalist: its pay figures are for 2030 and 2020, so"
    )
