"""How to get there, over REST with the trained model (issue 16): moving up, the law-school
question, certifications, and the outlook of every role; every fact read from the knowledge
base and the committed wage data, never another role's."""

import pytest

from harness.e2e import says_it_does_not_know
from tests.integration.test_places_rest import median

pytestmark = pytest.mark.slow


def test_moving_up_from_generalist_to_manager(chat, kb):
    reply = chat.say("im an hr generalist and want to move up, how do i become an hr manager")
    assert reply.startswith("From HR generalist to HR executive:")
    assert "5 years or more of work in a related occupation" in reply and "SHRM-SCP" in reply
    gap = int(kb.wage_row("hr_executive", "0000000").annual_median.value) - int(
        kb.wage_row("hr_generalist", "0000000").annual_median.value
    )
    assert (
        f"{median(kb, 'hr_executive')} a year, ${gap:,} more than the HR generalist's {median(kb, 'hr_generalist')}"
        in reply
    )
    reply = chat.say("what certification should i get for that")
    assert reply.startswith("Certifications for the HR executive") and "SPHR" in reply
    assert "SHRM-CP (" not in reply  # the generalist's own certification is not the one asked
    assert "I don't know whether employers require" in reply
    reply = chat.say("and how long does that take")
    assert reply.startswith("Becoming an HR executive takes a bachelor's degree, usually about 4 years")
    assert "5 years or more" in reply
    reply = chat.say("what about payroll clerks")  # the topic stays, the role changes
    assert reply.startswith("Becoming a payroll clerk takes a high school diploma or equivalent")
    assert "FPC" in reply and "SHRM-SCP" not in reply


def test_the_manager_of_a_specialist_s_own_line_of_work(chat):
    chat.say("compare comp and benefits managers with hr managers")  # other managers in context
    reply = chat.say("how do i go from training and development specialist to manager")
    assert reply.startswith("From training and development specialist to training and development manager:")
    assert "CPTD" in reply


def test_the_law_school_question(chat, kb):
    reply = chat.say("can i become a lawyer without law school")
    assert reply.startswith("Becoming a labor lawyer takes a bachelor's degree")
    assert "a law degree and a state license, which usually means passing a bar exam" in reply
    reply = chat.say("how long is law school")
    assert says_it_does_not_know(reply) and "law school" in reply and "$" not in reply
    reply = chat.say("do i need to pass the bar exam")
    assert reply.startswith("Certifications for the labor lawyer") and "the bar exam, from each state" in reply
    assert "a law degree and a state license" in reply
    reply = chat.say("im a labor relations specialist, how would i become a labor lawyer")
    assert reply.startswith("From labor relations specialist to labor lawyer:")
    assert "doctoral or professional degree" in reply and median(kb, "labor_lawyer") in reply


@pytest.mark.parametrize(
    "question, starts, names",
    [
        ("what certification should a payroll clerk get first", "Certifications for the payroll clerk", ["FPC", "CPP"]),
        (
            "certs for training and development specialists?",
            "Certifications for the training and development specialist",
            ["APTD", "CPTD"],
        ),
        (
            "which certification for comp and benefits managers",
            "Certifications for the compensation and benefits manager",
            ["CEBS"],
        ),
        ("do hr generalists need the shrm-cp or phr", "Certifications for the HR generalist", ["SHRM-CP", "PHR"]),
    ],
)
def test_certification_questions(chat, question, starts, names):
    reply = chat.say(question)
    assert reply.startswith(starts) and all(name in reply for name in names)


def test_the_outlook_of_every_role(chat, kb):
    for role_id, role in kb.roles.items():
        reply = chat.say(f"whats the job outlook for {role.name}s")
        growth = role.growth
        if growth and growth.outlook:
            assert f"{growth.outlook.percent:g}%" in reply and growth.outlook.period in reply, (role_id, reply)
        else:  # an ended projection is history: no current figure is given as the outlook
            assert reply.startswith(f"I have no current job outlook for the {role.name}"), (role_id, reply)
            assert f"{growth.ended.percent:g}%" not in reply


def test_the_ways_into_hr(chat):
    reply = chat.say("how do i even get into hr")
    assert reply.startswith("Ways into HR, by the related work experience BLS lists for each role:")
    assert "No related work experience needed to start: Payroll clerk (high school diploma or equivalent)" in reply
    assert "What is your highest level of education?" not in reply  # not the education-level question
    reply = chat.say("how long does it take to become the first one")
    assert reply.startswith("Becoming a payroll clerk takes a high school diploma or equivalent")


def test_an_outlook_asked_for_a_state_says_it_is_national(chat, kb):
    reply = chat.say("whats the outlook for hr assistants in texas")
    assert reply.startswith("My sources give the job growth for the U.S. as a whole, not for Texas in particular:")
    assert f"{kb.role('hr_assistant').growth.outlook.percent:g}%" in reply
