"""The reply guarantee of channels/reliable.py, on Rasa's own collecting output channel."""
import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.reliable import UNAVAILABLE_TEXT, with_reply_guarantee


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
