"""The channels: the reply guarantee on Rasa's own collecting output channel, and the web
chat channel's settings (its page and socket are tested in a browser, tests/test_web_chat.py)."""

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.input_screening import EMPTY_TEXT, MAX_MESSAGE_CHARACTERS
from channels.reliable import UNAVAILABLE_TEXT, with_reply_guarantee
from channels.webchat import PAGE_DIR, PAGE_FILES, WebChatInput


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
