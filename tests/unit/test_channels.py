"""The channels: the reply guarantee on Rasa's own collecting output channel, and the web
chat channel's settings (its page and socket are tested in a browser, tests/test_web_chat.py)."""

import asyncio
import logging

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import LockError

from channels.input_screening import EMPTY_TEXT, MAX_MESSAGE_CHARACTERS
from channels.reliable import (
    NOT_SAVED_TEXT,
    SLOW_DOWN_TEXT,
    STORE_UNAVAILABLE_TEXT,
    UNAVAILABLE_TEXT,
    with_reply_guarantee,
)
from channels.webchat import PAGE_DIR, PAGE_FILES, WebChatInput, WebChatOutput
from patches.tracker_store_fail_loudly import ConversationNotSaved, ConversationStoreUnavailable


def handle(on_new_message, text="hello"):
    collector = CollectingOutputChannel()
    asyncio.run(with_reply_guarantee(on_new_message)(UserMessage(text, collector, sender_id="someone")))
    return collector.messages


def test_a_message_without_reply_is_told_the_assistant_is_unavailable():
    async def silent(message):
        return None

    assert handle(silent) == [{"recipient_id": "someone", "text": UNAVAILABLE_TEXT}]


def test_replies_pass_through_untouched():
    async def answering(message):
        await message.output_channel.send_response(message.sender_id, {"text": "Hi!"})

    assert handle(answering) == [{"recipient_id": "someone", "text": "Hi!"}]


@pytest.mark.parametrize(
    "error, answered_first, said",
    [
        (ConversationStoreUnavailable("database is locked"), False, STORE_UNAVAILABLE_TEXT),
        (ConversationNotSaved("disk I/O error"), True, NOT_SAVED_TEXT),
        (LockError("lock of conversation someone is taken"), False, SLOW_DOWN_TEXT),
        (ConnectionError("Redis refused the connection"), False, UNAVAILABLE_TEXT),
        (ConnectionError("Redis refused the connection"), True, NOT_SAVED_TEXT),
    ],
)
def test_a_message_whose_handling_fails_is_told_what_did_not_work(error, answered_first, said):
    async def failing(message):
        if answered_first:
            await message.output_channel.send_response(message.sender_id, {"text": "Hi!"})
        raise error

    expected = ([{"recipient_id": "someone", "text": "Hi!"}] if answered_first else []) + [
        {"recipient_id": "someone", "text": said}
    ]
    assert handle(failing) == expected


def test_a_lock_store_that_is_down_is_no_flood():
    async def lock_store_down(message):
        try:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        except ConnectionError as error:  # as Rasa's LockStore.issue_ticket raises it
            raise LockError(f"Error while acquiring lock. Error:\n{error}")  # noqa: B904 (as Rasa raises it)

    assert handle(lock_store_down) == [{"recipient_id": "someone", "text": UNAVAILABLE_TEXT}]


def test_empty_and_overlong_messages_are_answered_without_being_processed():
    processed = []

    async def answering(message):
        processed.append(message.text)
        await message.output_channel.send_response(message.sender_id, {"text": "Hi!"})

    assert handle(answering, " \t\n") == [{"recipient_id": "someone", "text": EMPTY_TEXT}]
    assert handle(answering, "\x00\x1b") == [{"recipient_id": "someone", "text": EMPTY_TEXT}]
    too_long = handle(answering, "a" * (MAX_MESSAGE_CHARACTERS + 1))
    assert "too long" in too_long[0]["text"] and f"{MAX_MESSAGE_CHARACTERS + 1:,} characters" in too_long[0]["text"]
    assert processed == []
    handle(answering, "\x1b[31mhello\x00")
    assert processed == [" [31mhello "]


def test_web_chat_socket_accepts_only_its_own_origin_unless_told_otherwise():
    channel = WebChatInput.from_credentials({"session_persistence": True})
    assert channel.session_persistence is True and channel.url_prefix() == "/chat"
    assert channel._socket_origins() is None  # engine.io's same-origin check
    other = WebChatInput.from_credentials({"allowed_origins": ["https://careers.example"]})
    assert other._socket_origins() == ["https://careers.example"]


def test_web_chat_serves_only_the_page_files_that_exist():
    assert all((PAGE_DIR / file_name).is_file() for file_name, _ in PAGE_FILES.values())


def test_a_log_record_is_one_line_whatever_text_it_carries(caplog):
    from channels import log_lines

    factory = logging.getLogRecordFactory()
    log_lines.install()
    try:
        with caplog.at_level(logging.WARNING):
            logging.getLogger("channels.reliable").warning("Refused: %s.", "x\nERROR rasa - forged\r\x1b[2J\u2028")
    finally:
        logging.setLogRecordFactory(factory)
    assert caplog.messages == ["Refused: x\\nERROR rasa - forged\\r\\x1b[2J\\u2028."]


class RecordingSocket:
    def __init__(self):
        self.emitted = []

    async def emit(self, event, data=None, room=None, **kwargs):
        self.emitted.append((event, data, room))


def test_a_web_chat_reply_is_one_event_with_its_text_whole_its_buttons_and_its_picture():
    """Rasa's socketio output would split the text at each blank line and send the custom
    payload apart: the page would show a list's closing line, or a chart, in bubbles of their own."""
    socket = RecordingSocket()
    message = {
        "text": "**Pay**:\n- one\n\nSource: BLS.",
        "buttons": [{"title": "More detail", "payload": "/ask_salary"}],
        "custom": {"picture": {"kind": "pay_range"}},
    }
    asyncio.run(WebChatOutput(socket, "bot_uttered").send_response("session-1", message))
    assert socket.emitted == [
        (
            "bot_uttered",
            {
                "text": "**Pay**:\n- one\n\nSource: BLS.",
                "quick_replies": [{"content_type": "text", "title": "More detail", "payload": "/ask_salary"}],
                "picture": {"kind": "pay_range"},
            },
            "session-1",
        )
    ]
