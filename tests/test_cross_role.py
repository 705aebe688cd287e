"""Questions across all roles: parsing of amounts and degrees, the answers, and the action."""
import pytest

from actions.cross_role_actions import ActionAnswerAcrossRoles
from actions.cross_role_answers import ranking_answer, roles_by_education_answer, roles_by_salary_answer
from actions.parsing import SalaryThreshold, degree_in_text, salary_threshold, wants_lowest
from tests.conftest import slot_values


@pytest.mark.parametrize(
    "text, expected",
    [
        ("which HR jobs pay over $100k?", SalaryThreshold(True, 100_000)),
        ("any roles under 70 grand?", SalaryThreshold(False, 70_000)),
        ("jobs paying more than 120,000 a year", SalaryThreshold(True, 120_000)),
        ("less than $80,000", SalaryThreshold(False, 80_000)),
        ("which pay six figures", SalaryThreshold(True, 100_000)),
        ("over 90", SalaryThreshold(True, 90_000)),
        ("what pays under $75.5k", SalaryThreshold(False, 75_500)),
        ("which roles pay well?", None),
    ],
)
def test_salary_threshold(text, expected):
    assert salary_threshold(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("which roles need only a bachelor's degree?", "Bachelor's degree"),
        ("which jobs need a law degree", "Doctoral or professional degree"),
        ("what can I do with an MBA", "Master's degree"),
        ("what jobs can I get without a degree", "High school diploma or equivalent"),
        ("jobs for an associate degree", "Associate's degree"),
        ("which roles are easiest to get into", None),
    ],
)
def test_degree_in_text(text, expected):
    assert degree_in_text(text) == expected


def test_wants_lowest():
    assert wants_lowest("which pays the least?") and wants_lowest("slowest growing job")
    assert not wants_lowest("which grows fastest?")


def test_roles_over_100k_are_the_ones_whose_newest_median_is_over_it(kb):
    text, listed = roles_by_salary_answer(kb, SalaryThreshold(True, 100_000))
    expected = [r.id for r in sorted(kb.roles.values(), key=lambda r: -(r.salary.newer or r.salary.article).value)
                if (r.salary.newer or r.salary.article).value > 100_000]
    assert listed == expected
    assert {"labor_lawyer", "hr_executive", "compensation_benefits_manager", "training_development_manager"} == set(listed)
    assert "$145,760 (May 2023)" in text and "$140,360 (May 2024)" in text and "$72,910" not in text
    assert text.splitlines()[-1].startswith("Sources: ")


def test_no_role_over_a_high_threshold_says_so(kb):
    text, listed = roles_by_salary_answer(kb, SalaryThreshold(True, 500_000))
    assert text.startswith("None of the roles I know has a median pay over $500,000.")
    assert listed == ["labor_lawyer"]


def test_without_an_amount_the_roles_are_ranked_by_pay(kb):
    text, _ = roles_by_salary_answer(kb, None)
    assert "which roles pay over $100,000?" in text and "Best paid: the labor lawyer" in text


def test_bachelors_roles_and_those_needing_more(kb):
    text, listed = roles_by_education_answer(kb, "Bachelor's degree")
    assert "labor_lawyer" not in listed and "hr_generalist" in listed and len(listed) == len(kb.roles) - 1
    assert "Needing more: Labor lawyer (doctoral or professional degree)." in text


def test_fastest_growth_and_roles_without_a_projection(kb):
    text, listed = ranking_answer(kb, "growth", lowest=False)
    assert text.startswith("Fastest growing: the HR generalist, 8% (2023-2033).")
    assert listed == ["hr_generalist"]
    assert "No projection in my sources for: Labor relations specialist" in text


def test_lowest_pay(kb):
    text, listed = ranking_answer(kb, "salary", lowest=True)
    assert text.startswith("Lowest paid: the training and development specialist, with a median of $65,850 (May 2024).")
    assert listed == ["training_development_specialist"]


def test_action_answers_the_filter_and_keeps_the_listed_roles(dispatcher, make_tracker):
    tracker = make_tracker("ask_roles_by_salary", text="which HR jobs pay over $100k?")
    events = ActionAnswerAcrossRoles().run(dispatcher, tracker, {})
    message = dispatcher.messages[-1]
    assert "Roles with a median pay over $100,000" in message["text"]
    slots = slot_values(events)
    assert slots["topic"] == "salary" and "labor_lawyer" in slots["listed_roles"] and slots["role"] is None
    assert all(button["payload"].startswith("/ask_salary{") for button in message["buttons"])


def test_action_ranking_puts_the_top_role_in_focus(dispatcher, make_tracker):
    tracker = make_tracker("rank_roles", text="which grows fastest?", input_channel="webchat")
    slots = slot_values(ActionAnswerAcrossRoles().run(dispatcher, tracker, {}))
    assert slots["role"] == "hr_generalist" and slots["topic"] == "growth"
    assert "| --- |" in dispatcher.messages[-1]["text"]  # a table in the web chat


def test_action_lists_every_role(dispatcher, make_tracker, kb):
    ActionAnswerAcrossRoles().run(dispatcher, make_tracker("list_roles", text="list the roles you know"), {})
    text = dispatcher.messages[-1]["text"]
    assert text.startswith(f"I know {len(kb.roles)} HR careers:")
    assert all(role.name[:1].upper() + role.name[1:] in text for role in kb.roles.values())
