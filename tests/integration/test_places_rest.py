"""Pay where people live, end to end over REST: states, metro areas, ambiguous and unknown places,
rankings, two places, the new roles, and a conversation that moves role and place.

Every figure is read from the committed wage data (knowledge_base/wages/oews-2025.json), not typed here.
"""

import pytest

from careers.formatting import money
from careers.wages import rank_areas

pytestmark = pytest.mark.slow

TEXAS, OHIO, SEATTLE, US = "4800000", "3900000", "0042660", "0000000"


def median(kb, role_id, area=US):
    return money(int(kb.wage_row(role_id, area).annual_median.value))


def test_pay_in_a_state_names_the_role_the_state_and_the_release(chat, kb):
    reply = chat.say("how much does an HR generalist make in Texas?")
    assert reply.splitlines()[0] == "HR generalist, pay in Texas:"
    assert f"Median pay: {median(kb, 'hr_generalist', TEXAS)} a year" in reply
    assert f"the U.S. median ({median(kb, 'hr_generalist', US)})" in reply
    assert "May 2025" in reply and "human resources specialists" in reply


def test_pay_in_a_metro_area_by_its_city(chat, kb):
    reply = chat.say("what do HR managers earn in Seattle?")
    assert "HR executive, pay in the Seattle-Tacoma-Bellevue, WA metro area:" in reply
    assert f"Median pay: {median(kb, 'hr_executive', SEATTLE)} a year" in reply


def test_an_ambiguous_city_gets_a_question_with_buttons(chat, kb):
    reply = chat.say("how much does a labor relations specialist make in Portland?")
    assert reply == (
        "Which one do you mean: the Portland-South Portland, ME metro area (Maine) "
        "or the Portland-Vancouver-Hillsboro, OR-WA metro area (Oregon and Washington)?"
    )
    titles = [button["title"] for button in chat.buttons]
    assert titles == ["Portland-South Portland, ME", "Portland-Vancouver-Hillsboro, OR-WA"]
    reply = chat.say(chat.buttons[1]["payload"])
    assert "pay in the Portland-Vancouver-Hillsboro, OR-WA metro area" in reply
    assert median(kb, "labor_relations_specialist", "0038900") in reply


def test_a_place_we_do_not_cover_is_named_back_with_no_figure(chat):
    chat.say("how much does an HR generalist make?")
    reply = chat.say("and in Narnia?")
    assert 'no pay figures for "Narnia"' in reply and "$" not in reply


def test_where_it_pays_best_lists_the_top_five_states(chat, kb):
    reply = chat.say("where does an HR generalist earn the most?")
    top = rank_areas(kb.wages, "13-1071", "annual_median", area_type="S", top=5)
    assert "the 5 states with the highest median annual pay" in reply
    positions = [reply.index(area.name) for area, _ in top]
    assert positions == sorted(positions) and money(int(top[0][1].value)) in reply


def test_two_places_side_by_side(chat, kb):
    reply = chat.say("HR manager pay in Ohio vs Texas")
    assert "HR executive, pay by place" in reply
    assert median(kb, "hr_executive", OHIO) in reply and median(kb, "hr_executive", TEXAS) in reply


@pytest.mark.parametrize(
    "question, heading, role_id",
    [
        ("how much does an HR assistant make?", "HR assistant, salary:", "hr_assistant"),
        ("payroll clerk salary", "Payroll clerk, salary:", "payroll_clerk"),
    ],
)
def test_the_new_roles_answer_with_the_newest_figures(chat, kb, question, heading, role_id):
    reply = chat.say(question)
    assert reply.startswith(heading) and f"Median pay (May 2025): {median(kb, role_id, US)} a year" in reply


def test_a_conversation_moves_role_and_place(chat, kb):
    reply = chat.say("how much does an HR generalist make in Ohio?")
    assert "HR generalist, pay in Ohio:" in reply and median(kb, "hr_generalist", OHIO) in reply
    reply = chat.say("and in Texas?")
    assert "HR generalist, pay in Texas:" in reply and median(kb, "hr_generalist", TEXAS) in reply
    reply = chat.say("and the HR executive there?")
    assert "HR executive, pay in Texas:" in reply and median(kb, "hr_executive", TEXAS) in reply
    reply = chat.say("how does that compare with Ohio?")
    assert median(kb, "hr_executive", TEXAS) in reply and median(kb, "hr_executive", OHIO) in reply
    reply = chat.say("what would I start at?")
    p10 = money(int(kb.wage_row("hr_executive", OHIO).annual_p10.value))
    assert "percentiles of all workers" in reply and p10 in reply and "Ohio" in reply
    reply = chat.say("nationally?")  # the same question, for the U.S.: what one would start at there
    national_p10 = money(int(kb.wage_row("hr_executive", US).annual_p10.value))
    assert "HR executive, pay in the U.S.:" in reply and "percentiles of all workers" in reply and national_p10 in reply


def test_the_reply_to_which_one_and_the_other_one(chat, kb):
    assert chat.say("what do hr managers make in portland").startswith("Which one do you mean:")
    reply = chat.say("oregon")
    assert "pay in the Portland-Vancouver-Hillsboro, OR-WA metro area" in reply
    assert median(kb, "hr_executive", "0038900") in reply
    reply = chat.say("and the other one?")
    assert "pay in the Portland-South Portland, ME metro area" in reply
    assert median(kb, "hr_executive", "0038860") in reply


def test_no_i_meant_the_manager(chat, kb):
    assert "HR generalist, pay in Michigan:" in chat.say("how much do hr generalists make in michigan")
    reply = chat.say("no i meant the manager")
    assert "HR executive, pay in Michigan:" in reply and median(kb, "hr_executive", "2600000") in reply
