"""The bounds of a request's fields (channels/request_limits.py), without a server."""

import pytest

from channels import request_limits
from channels.input_screening import MAX_MESSAGE_CHARACTERS
from channels.request_limits import rest_problem, socket_problem


def nested(depth):
    value = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


@pytest.mark.parametrize(
    "body, problem",
    [
        ({"sender": "u-1", "message": "hi"}, None),
        ({"sender": "7f3a9c2e1b", "message": "", "metadata": {"page": "home"}, "input_channel": "rest"}, None),
        ({"sender": "u-1", "message": None}, None),  # answered by input_screening ("empty")
        ({"sender": "u-1", "message": "x" * 50_000}, None),  # answered as too long, not refused
        ({"sender": "u-1", "message": "hi", "metadata": nested(4)}, None),
        ([], "the body must be a JSON object"),
        ("hi", "the body must be a JSON object"),
        ({"message": "hi"}, "`sender` must be a non-empty string"),
        ({"sender": "", "message": "hi"}, "`sender` must be a non-empty string"),
        ({"sender": 42, "message": "hi"}, "`sender` must be a non-empty string"),
        ({"sender": "u" * 129, "message": "hi"}, "`sender` must be at most 128 characters"),
        ({"sender": "a b", "message": "hi"}, "`sender` may hold only letters"),
        ({"sender": "../etc", "message": "hi"}, "`sender` may hold only letters"),
        ({"sender": "u-1", "message": 3}, "`message` must be a string"),
        ({"sender": "u-1", "message": ["hi"]}, "`message` must be a string"),
        ({"sender": "u-1", "message": "hi", "metadata": "x"}, "`metadata` must be a JSON object"),
        ({"sender": "u-1", "message": "hi", "metadata": nested(5)}, "`metadata` may nest at most 4 levels deep"),
        ({"sender": "u-1", "message": "hi", "metadata": nested(500)}, "`metadata` may nest at most 4 levels deep"),
        ({"sender": "u-1", "message": "hi", "metadata": {"a": "x" * 5000}}, "`metadata` must be at most 4,096 bytes"),
        ({"sender": "u-1", "message": "hi", "extra": 1}, "unknown field `extra`"),
        ({"sender": "u-1", "message": "hi", "input_channel": "X" * 40}, "`input_channel` must be a lowercase name"),
    ],
)
def test_rest_bodies(body, problem):
    found = rest_problem(body)
    assert (found is None) if problem is None else (found is not None and found.startswith(problem)), found


def test_socket_messages():
    assert socket_problem({"message": "hi", "session_id": "abc123"}, session_id_required=True) is None
    assert socket_problem({"message": "hi"}, session_id_required=False) is None
    assert socket_problem("hi", True) == "the message must be a JSON object"
    assert socket_problem({"message": 1, "session_id": "a"}, True) == "`message` must be a string"
    assert socket_problem({"message": "hi"}, True) == "`session_id` must be a non-empty string"
    assert socket_problem({"message": "hi", "session_id": "x" * 500}, True).startswith("`session_id` must be at most")
    deep = {"message": "hi", "session_id": "a", "customData": nested(500)}
    assert socket_problem(deep, True, metadata_key="customData").startswith("`metadata` may nest")


def test_the_longest_message_fits_in_a_body_even_fully_escaped():
    assert MAX_MESSAGE_CHARACTERS * len("\\u0000") < request_limits.MAX_BODY_BYTES
