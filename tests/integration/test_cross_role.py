"""Questions across all roles, on the production knowledge base: the answers and the action."""

from actions.actions import ActionAnswerAcrossRoles
from careers.answers.across_roles import ranking_answer, roles_by_education_answer, roles_by_salary_answer
from careers.matching import PayLimit as SalaryThreshold
from tests.conftest import slot_values


def test_roles_over_100k_are_the_ones_whose_newest_median_is_over_it(kb):
    text, listed = roles_by_salary_answer(kb, SalaryThreshold(True, 100_000))
    expected = [
        r.id
        for r in sorted(kb.roles.values(), key=lambda r: -kb.newest_salary(r.id).value)
        if kb.newest_salary(r.id).value > 100_000
    ]
    assert listed == expected
    assert {"labor_lawyer", "hr_executive", "compensation_benefits_manager", "training_development_manager"} == set(
        listed
    )
    assert "$159,670 (May 2025)" in text and "$149,230 (May 2025)" in text and "$75,940" not in text
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
    bachelors = [role_id for role_id, role in kb.roles.items() if role.education.minimum == "Bachelor's degree"]
    assert "labor_lawyer" not in listed and "hr_generalist" in listed and listed == bachelors and len(listed) == 7
    assert "Roles that usually need more: Labor lawyer (doctoral or professional degree)." in text
    assert "Roles that usually need less: Payroll clerk (high school diploma or equivalent)." in text
    # Its sources state no typical entry education: said, not left out of both lists.
    assert "No typical entry education of their own in my sources: HR assistant (ask about one" in text


def test_fastest_growth_and_roles_without_a_projection(kb):
    text, listed = ranking_answer(kb, "growth", lowest=False)
    assert text.startswith("Fastest growing: the HR generalist, 8% (2023-2033).")
    assert listed == ["hr_generalist"]
    assert "Labor relations specialist           -1% (2022-2032)" in text
    # Their newest official projections have ended periods: history, not outlook.
    assert (
        "No current projection in my sources for: Compensation and benefits manager, Training and development manager."
        in text
    )


def test_lowest_pay(kb):
    text, listed = ranking_answer(kb, "salary", lowest=True)
    assert text.startswith("Lowest paid: the HR assistant, with a median of $50,610 (May 2025).")
    assert listed == ["hr_assistant"]


def test_action_answers_the_filter_and_keeps_the_listed_roles(dispatcher, make_tracker):
    tracker = make_tracker("ask_roles_by_salary", text="which HR jobs pay over $100k?")
    events = ActionAnswerAcrossRoles().run(dispatcher, tracker, {})
    message = dispatcher.messages[-1]
    assert "Roles with a median pay over $100,000" in message["text"]
    slots = slot_values(events)
    assert slots["topic"] == "salary" and "labor_lawyer" in slots["listed_roles"] and "role" not in slots
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
