"""Three people's conversations over REST, 10+ turns each, as they type (issue 13): every
reply names whose figures it gives, carries the right figures (read from the committed data),
and none of another role's or place's; what no source covers gets an honest "I don't know".
"""

import pytest

from careers.formatting import money
from harness.e2e import says_it_does_not_know
from tests.integration.test_places_rest import median

pytestmark = pytest.mark.slow

US, TEXAS, OHIO, NEW_JERSEY = "0000000", "4800000", "3900000", "3400000"


def percentile(kb, role_id, area, n):
    return money(int(kb.wage_row(role_id, area).get(f"annual_p{n}").value))


def honest(reply):
    return says_it_does_not_know(reply) and "$" not in reply


def test_a_high_school_student(chat, kb):
    reply = chat.say("hi")
    assert "guide to HR careers" in reply
    reply = chat.say("so what is HR anyway lol")
    assert reply.startswith("Human resources (HR) is the part of a company") and "$" not in reply
    reply = chat.say("is it a good career tbh")
    assert "I won't judge" in reply and median(kb, "hr_executive") in reply and median(kb, "hr_generalist") in reply
    reply = chat.say("im still in high school, what should i do")
    assert reply.startswith("Still in high school:")
    reply = chat.say("what jobs could i get without a degree")
    assert "Payroll clerk" in reply or "payroll clerk" in reply
    reply = chat.say("how much do payroll clerks make")
    assert reply.startswith("Payroll clerk, salary:") and median(kb, "payroll_clerk") in reply
    reply = chat.say("and in texas?")
    assert "Payroll clerk, pay in Texas:" in reply and median(kb, "payroll_clerk", TEXAS) in reply
    assert median(kb, "hr_generalist", TEXAS) not in reply
    reply = chat.say("is the job stressful")
    assert honest(reply) and "how stressful the work is" in reply
    reply = chat.say("what would i start at?")
    assert percentile(kb, "payroll_clerk", TEXAS, 10) in reply and "percentiles of all workers" in reply
    assert percentile(kb, "payroll_clerk", TEXAS, 90) not in reply
    reply = chat.say("will AI replace payroll jobs")
    assert honest(reply) and "AI and automation" in reply
    reply = chat.say("thanks!")
    assert "welcome" in reply


def test_an_hr_generalist_who_wants_to_move_up(chat, kb):
    reply = chat.say("im an hr generalist in ohio, what do i make compared to the rest of the country")
    assert "HR generalist" in reply and median(kb, "hr_generalist", OHIO) in reply
    reply = chat.say("how do i move up to hr manager")
    assert reply.startswith("Becoming an HR executive takes a bachelor's degree") and "5 years or more" in reply
    reply = chat.say("how much do they make in ohio?")
    assert "HR executive, pay in Ohio:" in reply and median(kb, "hr_executive", OHIO) in reply
    reply = chat.say("and the top 10%?")
    assert percentile(kb, "hr_executive", OHIO, 90) in reply and percentile(kb, "hr_executive", OHIO, 10) not in reply
    reply = chat.say("nationally?")  # the same question, for the U.S.: the top 10% there
    assert "HR executive, pay in the U.S.:" in reply and percentile(kb, "hr_executive", US, 90) in reply
    assert percentile(kb, "hr_executive", US, 10) not in reply
    reply = chat.say("where does it pay best?")
    assert "the 5 states with the highest median annual pay" in reply and "District of Columbia" in reply
    reply = chat.say("what about for compensation and benefits managers")
    assert reply.startswith("Compensation and benefits manager: the 5 states with the highest median annual pay")
    reply = chat.say("how much does google pay them")
    assert honest(reply) and reply.startswith("I don't know what Google pays")
    reply = chat.say("do i need a certification like the shrm-cp")
    assert honest(reply) and "certifications" in reply
    reply = chat.say("how much does a chief of staff make")
    assert 'have figures for "chief of staff"' in reply and "$" not in reply
    reply = chat.say("ok, hr manager salary and education in new jersey")
    assert "HR executive, pay in New Jersey:" in reply and median(kb, "hr_executive", NEW_JERSEY) in reply
    assert "Education: Bachelor's degree" in reply


def test_a_career_changer_weighing_law_school_against_hr(chat, kb):
    reply = chat.say("im 30 and torn between law school and hr. what does a labor lawyer do?")
    assert reply.startswith("Duties of the labor lawyer:") or reply.startswith("Labor lawyer:")
    reply = chat.say("how much do they make")
    assert reply.startswith("Labor lawyer, salary:") and median(kb, "labor_lawyer") in reply
    reply = chat.say("and an hr generalist?")
    assert reply.startswith("HR generalist, salary:") and median(kb, "hr_generalist") in reply
    assert median(kb, "labor_lawyer") not in reply
    reply = chat.say("which one pays more?")
    assert "Labor lawyer" in reply and "HR generalist" in reply
    reply = chat.say("what degree does the lawyer need")
    assert reply.startswith("Labor lawyer, education:") and "doctoral or professional degree" in reply
    reply = chat.say("can lawyers work remotely")
    assert honest(reply) and "remote work" in reply
    reply = chat.say("whats the pay for lawyers in texas")
    assert "Labor lawyer, pay in Texas:" in reply and median(kb, "labor_lawyer", TEXAS) in reply
    reply = chat.say("what about in toronto")
    assert 'no pay figures for "toronto"' in reply and "$" not in reply
    reply = chat.say("and in portland?")
    assert reply.startswith("Which one do you mean:") and "Oregon" in reply and "Maine" in reply
    reply = chat.say("what did lawyers make in 2010")
    assert honest(reply) and "2010" in reply
    reply = chat.say("where do your numbers come from")
    assert "May 2025 estimates (published 2026-05-15)" in reply
