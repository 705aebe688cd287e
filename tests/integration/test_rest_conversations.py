"""End to end: a trained model in a running Rasa server and action server, over the REST channel."""

import uuid

import pytest
import requests

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def webhook(servers):
    return servers["webhook"]


class Conversation:
    def __init__(self, webhook: str):
        self.webhook, self.sender = webhook, f"test-{uuid.uuid4().hex[:12]}"

    def say(self, message: str) -> str:
        response = requests.post(self.webhook, json={"sender": self.sender, "message": message}, timeout=60)
        assert response.status_code == 200
        replies = response.json()
        assert replies, f"no reply to {message!r}"
        self.buttons = [button for reply in replies for button in reply.get("buttons", [])]
        return "\n".join(reply.get("text", "") for reply in replies)


@pytest.fixture
def chat(webhook):
    return Conversation(webhook)


# One message per intent, in a user's own words, and what the reply must contain.
SINGLE_TURNS = [
    ("hello there", "guide to HR careers"),
    ("bye for now", "Goodbye"),
    ("thanks a lot", "You're welcome"),
    (
        "what can you do?",
        "I know about the HR executive, HR generalist, labor lawyer, campus recruiter, labor relations specialist",
    ),
    ("what's the weather like in Paris?", "I only know about HR careers"),
    ("what is an HR generalist?", "HR generalist: An HR generalist handles a wide variety of administrative tasks"),
    ("what are the duties of an HR executive?", "Duties of the HR executive:"),
    (
        "how much does an HR executive make?",
        "A 2017 article, credited to the U.S. Bureau of Labor Statistics, gave a median salary of $129,993 for HR executives.",
    ),
    ("what degree do i need to become an hr generalist", "HR generalist, education:"),
    (
        "what is the job outlook for HR generalists?",
        "Projected job growth (2023-2033): 8% for human resources specialists",
    ),
    ("what skills does an HR executive need?", "Confidence in decision-making"),
    (
        "what careers are related to HR generalist?",
        "Campus recruiter: it also requires strong interpersonal skills and a passion for building relationships.",
    ),
    (
        "compare the HR executive and the HR generalist",
        "The key difference: HR executives make the high-level decisions",
    ),
    (
        "what do HR executives and HR generalists have in common?",
        "Both need strong communication and interpersonal skills.",
    ),
    ("what is the main difference between an HR executive and an HR generalist?", "The key difference:"),
    ("what programs should i study for HR?", "Labor and Industrial Relations"),
    ("i'm still in high school", "Earn your diploma or GED"),
    ("what should I do given my education level?", "What is your highest level of education?"),
    ("how much does an astronaut make?", 'have figures for "astronaut"'),
    ("list the roles you know", "I know 10 HR careers:"),
    ("which HR jobs pay over $100k?", "Roles with a median pay over $100,000"),
    ("which roles need only a bachelor's degree?", "Bachelor's degree as the typical entry education"),
    ("which grows fastest?", "Fastest growing: the HR generalist, 8% (2023-2033)."),
    ("how much does a compensation and benefits manager make?", "Median pay (May 2025): $149,230 a year"),
    ("what do training and development specialists do?", "Duties of the training and development specialist:"),
    (
        "what education does a labour relations specialist need?",
        "Related work experience (2022 edition): less than 5 years in a related occupation.",
    ),
]


@pytest.mark.parametrize("message, expected", SINGLE_TURNS, ids=[turn[0] for turn in SINGLE_TURNS])
def test_single_turn(chat, message, expected):
    assert expected in chat.say(message)


def test_unknown_role_never_gets_a_figure(chat):
    reply = chat.say("what does a pilot earn?")
    assert "$" not in reply and "pilot" in reply


def test_follow_up_salary_then_the_other_role_then_who_earns_more(chat):
    assert "$149,280 for human resources managers" in chat.say("tell me about the HR executive")  # May 2025
    assert "HR executive, salary:" in chat.say("how much do they make?")
    reply = chat.say("and the generalist?")
    assert "HR generalist, salary:" in reply and "$52,152" in reply
    reply = chat.say("which one pays more?")
    assert "the HR executive earns $77,841 more than the HR generalist (2.5x as much)" in reply


def test_follow_up_related_career_then_that_one(chat):
    assert "HR executive" in chat.say("what careers are related to being a labor lawyer?")
    reply = chat.say("tell me more about that one")
    assert reply.startswith("HR executive: An HR executive runs the whole human resources department")
    assert "$129,993 for HR executives" in chat.say("what do they earn?")


def test_that_one_among_several_related_careers_asks_which(chat):
    assert "Labor lawyer" in chat.say("what careers are related to being an HR executive?")
    assert chat.say("tell me more about that one") == "Which one would you like to hear more about?"
    assert [button["title"] for button in chat.buttons][0] == "Labor lawyer"


def test_correction_re_answers_the_last_question_for_the_new_role(chat):
    assert "HR executive, salary:" in chat.say("how much does an HR executive make?")
    reply = chat.say("no, I meant the training and development manager")
    assert "Training and development manager, salary:" in reply and "$133,000" in reply


def test_two_roles_without_a_topic_are_compared(chat):
    reply = chat.say("L&D manager vs comp and ben manager")
    assert "Training and development manager vs compensation and benefits manager" in reply


def test_a_listed_role_is_that_one(chat):
    assert "Best paid: the labor lawyer" in chat.say("what's the highest paying HR job?")
    assert "Labor lawyer, education:" in chat.say("what education do they need?")


def test_follow_up_education_after_a_comparison_answers_for_both(chat):
    assert "HR executive vs HR generalist" in chat.say("compare HR executives and HR generalists")
    reply = chat.say("what education do they need?")
    assert "HR executive vs HR generalist, education:" in reply
    assert "master's degree" in reply


def test_follow_up_which_pays_more_after_two_roles(chat):
    chat.say("what does a labor lawyer earn?")
    chat.say("and the HR executive?")
    reply = chat.say("which one pays more?")
    assert "Labor lawyer vs HR executive, salary:" in reply
    assert "the labor lawyer earns $5,730 more than the HR executive" in reply


def test_follow_up_someone_in_hr_answers_for_both(chat):
    reply = chat.say("how much does someone in HR make?")
    assert "$129,993 (2017)" in reply and "$52,152 (2017)" in reply


def test_follow_up_growth_switch_and_button(chat):
    assert "9% growth for HR managers" in chat.say("how fast is the HR executive job growing?")
    assert "5% growth for HR specialists" in chat.say("what about generalists?")
    compare = next(button for button in chat.buttons if button["payload"].startswith("/compare_roles"))
    reply = chat.say(compare["payload"])
    assert "job growth" in reply and "grows faster" in reply


def test_education_guidance_with_buttons(chat):
    assert "What is your highest level of education?" in chat.say("I need advice for my education level")
    some_college = next(button for button in chat.buttons if button["title"] == "Some college")
    assert "Complete your degree, or find the graduate program that's right for you." in chat.say(
        some_college["payload"]
    )


def test_out_of_scope_in_the_middle_keeps_the_topic(chat):
    chat.say("what does an HR generalist do?")
    assert "HR careers" in chat.say("tell me a joke")
    assert "HR generalist, salary:" in chat.say("how much do they earn?")


def test_action_server_down_is_told_and_the_conversation_resumes(servers):
    chat = Conversation(servers["webhook"])
    assert "HR executive, salary:" in chat.say("how much does an HR executive make?")
    servers["actions"].stop()
    try:
        assert chat.say("and the generalist?") == "Sorry, I can't look that up right now. Please try again in a moment."
    finally:
        servers["actions"].start()
    reply = chat.say("and the generalist?")
    assert "HR generalist, salary:" in reply and "$52,152" in reply


def test_a_restarted_rasa_server_keeps_the_conversation(servers):
    """Conversations live in the SQLite tracker store (endpoints.yml), not in the server's memory."""
    chat = Conversation(servers["webhook"])
    assert "Labor lawyer" in chat.say("tell me about labor lawyers")
    servers["rasa"].stop()
    servers["rasa"].start()
    reply = chat.say("how much do they make?")
    assert "Labor lawyer, salary:" in reply and "$159,670" in reply
