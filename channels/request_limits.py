"""The bounds of every field a client sends, checked before Rasa sees the message.

Rasa bounds none of them: a 5 MB `sender` is written into every event row of its
conversation, 9 MB of `metadata` into the conversation's first event, and metadata nested
500 levels deep breaks the conversation for good (a RecursionError in Rasa's deep copy).
So each channel refuses, with a clear error, a request whose body is too big or whose
fields are not what they should be: on REST with HTTP 400 or 413 and a JSON error, on the
web chat's socket with a reply that says what was wrong. The message text itself is then
screened as before (channels/input_screening.py: empty, too long, control characters).
"""

import json
import re
from typing import Any, Mapping, Optional, Text

# A request body: the longest message, escaped as JSON, with its fields, in a fraction of this.
# Bigger ones are refused unread (Sanic's REQUEST_MAX_SIZE, set by rasa_server/__main__.py,
# and the socket's buffer); under it, an overlong message still gets the friendly reply.
MAX_BODY_BYTES = 64 * 1024
MAX_SENDER_CHARACTERS = 128
SENDER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:@+-]*")
MAX_METADATA_BYTES = 4 * 1024  # as JSON
MAX_METADATA_DEPTH = 4  # {"a": {"b": [1]}} is 3 deep
MAX_INPUT_CHANNEL_CHARACTERS = 32
INPUT_CHANNEL = re.compile(r"[a-z][a-z0-9_]*")
REST_FIELDS = ("sender", "message", "metadata", "input_channel")

# Said to the user of the web chat, whose page cannot show an HTTP error.
REFUSED_TEXT = "Sorry, I couldn't read that message ({problem}). Please send it again as plain text."


def sender_problem(sender: Any) -> Optional[Text]:
    if not isinstance(sender, str) or not sender:
        return "`sender` must be a non-empty string"
    if len(sender) > MAX_SENDER_CHARACTERS:
        return f"`sender` must be at most {MAX_SENDER_CHARACTERS} characters"
    if not SENDER_ID.fullmatch(sender):
        return "`sender` may hold only letters, digits and _ . : @ + -, and must start with a letter or digit"
    return None


def _depth(value: Any, limit: int) -> int:
    """How deep `value` nests, counted only as far as `limit` + 1 (so a deep one is cheap)."""
    if limit < 0 or not isinstance(value, (dict, list)):
        return 0
    children = value.values() if isinstance(value, dict) else value
    return 1 + max((_depth(child, limit - 1) for child in children), default=0)


def metadata_problem(metadata: Any) -> Optional[Text]:
    if metadata is None:
        return None
    if not isinstance(metadata, dict):
        return "`metadata` must be a JSON object"
    if _depth(metadata, MAX_METADATA_DEPTH) > MAX_METADATA_DEPTH:
        return f"`metadata` may nest at most {MAX_METADATA_DEPTH} levels deep"
    if len(json.dumps(metadata, ensure_ascii=False).encode("utf-8")) > MAX_METADATA_BYTES:
        return f"`metadata` must be at most {MAX_METADATA_BYTES:,} bytes as JSON"
    return None


def message_problem(message: Any) -> Optional[Text]:
    # An empty or overlong string is answered by input_screening, not refused here.
    if message is not None and not isinstance(message, str):
        return "`message` must be a string"
    return None


def rest_problem(body: Any) -> Optional[Text]:
    """Why a REST webhook body is refused, or None: a JSON object with a `sender`, a string
    `message`, optional `metadata` (a small, shallow object) and `input_channel`."""
    if not isinstance(body, Mapping):
        return "the body must be a JSON object"
    unknown = sorted(set(body) - set(REST_FIELDS))
    if unknown:
        return f"unknown field `{unknown[0]}` (the fields are {', '.join(REST_FIELDS)})"
    input_channel = body.get("input_channel")
    if input_channel is not None and not (
        isinstance(input_channel, str)
        and len(input_channel) <= MAX_INPUT_CHANNEL_CHARACTERS
        and INPUT_CHANNEL.fullmatch(input_channel)
    ):
        return f"`input_channel` must be a lowercase name of at most {MAX_INPUT_CHANNEL_CHARACTERS} characters"
    return (
        sender_problem(body.get("sender"))
        or message_problem(body.get("message"))
        or metadata_problem(body.get("metadata"))
    )


def socket_problem(data: Any, session_id_required: bool, metadata_key: Text = "metadata") -> Optional[Text]:
    """Why a web chat message (a socket event) is refused, or None."""
    if not isinstance(data, dict):
        return "the message must be a JSON object"
    if not isinstance(data.get("message"), str):
        return "`message` must be a string"
    if session_id_required:
        problem = sender_problem(data.get("session_id"))
        if problem:
            return problem.replace("`sender`", "`session_id`")
    return metadata_problem(data.get(metadata_key))
