"""The custom actions on trackers built in fixtures, with the fixture knowledge base (rasa-demo style)."""

import pytest

from actions import runtime
from actions.actions import (
    ActionAnswerAcrossRoles,
    ActionAnswerRoleTopic,
    ActionCompareRoles,
    ActionEducationGuidance,
    ActionShowHelp,
)
from tests.conftest import role_entity, slot_values


def run(action, dispatcher, tracker):
    events = action.run(dispatcher, tracker, domain={})
    assert len(dispatcher.messages) == 1
    return events, dispatcher.messages[0]


def test_a_salary_question_names_the_role_and_its_figures(kb, dispatcher, make_tracker):
    events, message = run(
        ActionAnswerRoleTopic(), dispatcher, make_tracker("ask_salary", text="what does an HR exec earn?")
    )
    assert message["text"].startswith("HR executive, salary:")
    assert "$100,000 for HR executives" in message["text"] and "$120,000" not in message["text"]
    assert "$50,000" not in message["text"]
    assert slot_values(events)["role"] == "hr_executive"
    payloads = [button["payload"] for button in message["buttons"]]
    assert '/compare_roles{"role":["hr_executive","hr_generalist"],"topic":"salary"}' in payloads
    # The other BLS figures are one button away.
    assert payloads[0] == '/ask_salary{"role":"hr_executive","detail":"more"}'


def test_more_detail_gives_the_long_form(dispatcher, make_tracker):
    detail = [{"entity": "detail", "value": "more"}, {"entity": "role", "value": "hr_executive"}]
    _, message = run(ActionAnswerRoleTopic(), dispatcher, make_tracker("ask_salary", detail, text="/ask_salary"))
    assert "$100,000 for HR executives" in message["text"] and "$120,000" in message["text"]
    assert "More detail" not in [button["title"] for button in message["buttons"]]


def test_a_follow_up_reads_the_role_from_the_slots(dispatcher, make_tracker):
    tracker = make_tracker("ask_job_growth", text="and how fast is it growing?", slots={"role": "labor_lawyer"})
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("Labor lawyer, job growth:") and "5%" in message["text"]


def test_only_the_slots_that_change_are_set(dispatcher, make_tracker):
    first, _ = run(ActionAnswerRoleTopic(), dispatcher, make_tracker("ask_salary", [role_entity("hr_executive")]))
    answered = slot_values(first)
    assert answered["role"] == "hr_executive" and answered["topic"] == "salary"
    dispatcher.messages.clear()
    again = make_tracker("ask_salary", [role_entity("hr_executive")], slots=answered)
    repeated, message = run(ActionAnswerRoleTopic(), dispatcher, again)
    assert message["text"].startswith("HR executive, salary:")
    assert repeated == []  # the same question again changes nothing in the conversation's state


def test_a_title_not_covered_is_named_back_with_no_figure(dispatcher, make_tracker):
    tracker = make_tracker(
        "ask_salary", [role_entity("astronaut")], "how much does an astronaut make?", slots={"role": "hr_executive"}
    )
    events, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert 'have figures for "astronaut"' in message["text"] and "$" not in message["text"]
    assert events == []


def test_a_comparison_computes_the_difference(dispatcher, make_tracker):
    _, message = run(ActionCompareRoles(), dispatcher, make_tracker("compare_roles", text="who earns more?"))
    assert "the HR executive earns $50,000 more than the HR generalist (2.0x as much)" in message["text"]


def test_roles_over_an_amount(dispatcher, make_tracker):
    events, message = run(
        ActionAnswerAcrossRoles(), dispatcher, make_tracker("ask_roles_by_salary", text="which jobs pay over $100k?")
    )
    assert "Labor lawyer" in message["text"] and "HR executive" in message["text"]
    assert "Recruiter" not in message["text"]
    assert slot_values(events)["listed_roles"] == ["labor_lawyer", "hr_executive"]


def test_advice_for_the_education_level_named(dispatcher, make_tracker):
    _, message = run(
        ActionEducationGuidance(), dispatcher, make_tracker("inform_education_level", text="I dropped out of college")
    )
    assert message["text"].startswith("Some college: Finish your degree.")


def test_the_help_lists_every_role(dispatcher, make_tracker):
    _, message = run(ActionShowHelp(), dispatcher, make_tracker("help", text="what can you do?"))
    assert "HR executive, HR generalist, labor lawyer and recruiter" in message["text"]


def test_an_action_needs_the_knowledge_base_loaded_first(dispatcher, make_tracker, monkeypatch):
    tracker = make_tracker("help")
    monkeypatch.setattr(runtime, "_loaded", None)
    with pytest.raises(RuntimeError, match="python -m actions.server"):
        ActionShowHelp().run(dispatcher, tracker, domain={})


def test_the_web_chat_gets_the_picture_and_rest_the_text_alone(dispatcher, make_tracker):
    question = "how much does an HR exec make?"
    _, web = run(
        ActionAnswerRoleTopic(), dispatcher, make_tracker("ask_salary", text=question, input_channel="webchat")
    )
    assert web["custom"]["picture"]["kind"] == "pay_range" and "**HR executive, salary**" in web["text"]
    dispatcher.messages.clear()
    _, rest = run(ActionAnswerRoleTopic(), dispatcher, make_tracker("ask_salary", text=question))
    assert not rest.get("custom") and rest["text"].startswith("HR executive, salary:")


def test_a_place_a_tagger_finds_in_job_titles_is_no_place(dispatcher, make_tracker):
    """A learned tagger once read "generalist to manager" as a place: it was said to have no pay figures."""
    text = "how do i go from generalist to executive"
    tagged = [{"entity": "place", "value": "generalist to executive", "start": 17, "end": 40}]
    _, message = run(ActionEducationGuidance(), dispatcher, make_tracker("ask_education_guidance", tagged, text=text))
    assert "I have no pay figures" not in message["text"]
    assert "HR executive" in message["text"]


def test_a_certification_named_beside_a_subject_no_source_covers_gets_both(dispatcher, make_tracker):
    tracker = make_tracker(
        "out_of_scope", [{"entity": "beyond", "value": "hiring_difficulty"}], text="is the TSCP hard to get"
    )
    _, message = run(ActionAnswerRoleTopic(), dispatcher, tracker)
    assert message["text"].startswith("TSCP:\n- TSCP (Test Senior Certified Professional)")
    assert "I don't know" in message["text"]


def test_a_certification_no_source_describes_is_named_back_not_replaced_by_the_roles(dispatcher, make_tracker):
    focus = {"role": "hr_generalist", "topic": "certifications"}
    _, message = run(
        ActionAnswerRoleTopic(), dispatcher, make_tracker("ask_education", text="is the aphr worth it", slots=focus)
    )
    assert "the aPHR" in message["text"] and "I don't know" in message["text"]
    assert "TCP" not in message["text"]  # the generalist's own certifications are not the aPHR
