"""Bad input, through the running Rasa server and action server (REST channel).

One catalogue: each entry is sent in a new conversation and must get HTTP 200 and a
sensible reply (never a figure, never a stack trace); right after, the same
conversation must answer a normal question correctly.
"""

import re
import uuid

import pytest
import requests

pytestmark = pytest.mark.slow

NORMAL_QUESTION = "how much does an HR generalist make?"
NORMAL_ANSWER = "HR generalist, salary:"

# (name, message, a phrase the reply must contain)
CATALOGUE = [
    ("empty", "", "Your message was empty"),
    ("whitespace only", " \t\n  ", "Your message was empty"),
    ("20,000 characters", "why?" * 5000, "That message is too long for me (20,000 characters)"),
    ("emoji only", "😀🎉👍🔥", None),
    ("right-to-left text", "كم يكسب أخصائي الموارد البشرية؟", None),
    ("HTML and script tags", "<script>alert('x')</script><b>hello</b>", None),
    ("SQL-looking text", "'; DROP TABLE events; --", None),
    ("control characters only", "\x00\x07\x1b\x7f\x9b", "Your message was empty"),
    ("a terminal escape sequence", "\x1b[31m\x1b[0m", None),
    ("a lone surrogate", "\ud800", "Your message was empty"),
    ("lone surrogates around a question", "\udfffhow much does an HR executive make?\ud83d", "HR executive, salary:"),
    (
        "control characters around a question",
        "\x1b[31mhow much does an HR executive make?\x00",
        "HR executive, salary:",
    ),
    ("/restart", "/restart", "Starting over"),
    ("/back", "/back", "I've undone my last answer"),
    ("/session_start", "/session_start", "A new conversation has started"),
    ("intent injection with an unknown role", '/ask_salary{"role": "astronaut"}', 'have figures for "astronaut"'),
    ("intent injection with an unknown role id", '/ask_education{"role": "hr_ceo"}', "have figures for"),
    # The intent is well formed but names no role: asked which, as for "salaries?".
    ("intent injection with a malformed entity", '/ask_salary{"role": ', "Which role do you mean?"),
    ("intent injection with an unknown intent", "/grant_admin_rights", None),
    ("intent injection with a list of roles", '/compare_roles{"role": ["astronaut", 42]}', None),
]

STACK_TRACE = re.compile(r"Traceback|Exception|Error:|File \"", re.IGNORECASE)
A_FIGURE = re.compile(r"\$\d|\d+%")


def say(webhook: str, sender: str, message: str) -> str:
    response = requests.post(webhook, json={"sender": sender, "message": message}, timeout=120)
    assert response.status_code == 200, response.text[:500]
    replies = response.json()
    assert replies, f"no reply to {message[:80]!r}"
    return "\n".join(reply.get("text", "") for reply in replies)


@pytest.mark.parametrize("name, message, expected", CATALOGUE, ids=[entry[0] for entry in CATALOGUE])
def test_bad_input_gets_a_clear_reply_and_the_conversation_goes_on(servers, name, message, expected):
    sender = f"bad-input-{uuid.uuid4().hex[:12]}"
    reply = say(servers["webhook"], sender, message)
    assert not STACK_TRACE.search(reply), reply
    if expected:
        assert expected in reply, reply
    if "salary:" not in (expected or ""):
        assert not A_FIGURE.search(reply), f"a figure in the reply to {name}: {reply}"
    assert NORMAL_ANSWER in say(servers["webhook"], sender, NORMAL_QUESTION)


def test_restart_forgets_the_context(servers):
    sender = f"bad-input-{uuid.uuid4().hex[:12]}"
    assert "Labor lawyer" in say(servers["webhook"], sender, "tell me about labor lawyers")
    assert "Starting over" in say(servers["webhook"], sender, "/restart")
    # With the labor lawyer forgotten, "they" is no one: asked, not guessed.
    reply = say(servers["webhook"], sender, "how much do they make?")
    assert "Labor lawyer" not in reply and reply == "Which role do you mean?"
