"""Channels that never leave the user in silence: the reply guarantee, and the REST channel with it.

When a custom action fails (the action server is down, or it answers with an error),
Rasa logs the exception and carries on without a reply, so the user would see nothing.
These channels count the replies to each message and, when there are none, say that
the assistant cannot answer right now. The conversation itself is kept: the next
message is answered as usual once the action server is back.

A message whose handling fails (the conversation's store or lock store down, the lock
still taken) gets a reply that says what did not work, instead of Rasa's silence (REST
answered `[]`, and `?stream=true` waited for its end marker for an hour).
"""

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.lock_store import LockError
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import input_screening, request_limits
from channels.readiness import readiness
from patches.tracker_store_fail_loudly import ConversationNotSaved, ConversationStoreUnavailable

logger = logging.getLogger(__name__)

UNAVAILABLE_TEXT = "Sorry, I can't look that up right now. Please try again in a moment."
# The conversation's store failed (patches/tracker_store_fail_loudly.py): before the answer,
# nothing is answered (it would be an answer without the conversation's context); after it,
# the user knows that a follow-up may not find it.
STORE_UNAVAILABLE_TEXT = (
    "Sorry, I can't reach the record of our conversation right now, and I won't answer "
    "without it. Please try again in a moment."
)
NOT_SAVED_TEXT = (
    "I couldn't save this part of our conversation, so I may not remember it if you ask "
    "a follow-up: please name the role again."
)
# Rasa's /session_start command starts a new session and says nothing; that is no outage.
NEW_SESSION_TEXT = "A new conversation has started: ask me about any HR career."

# A conversation's messages are answered one at a time (Rasa's lock): more than this many
# waiting means a flood, which Rasa would answer with silence once its lock wait ran out.
MAX_MESSAGES_IN_FLIGHT = 3
SLOW_DOWN_TEXT = "You're sending messages faster than I can answer: please wait for my reply, then ask again."

MessageHandler = Callable[[UserMessage], Awaitable[Any]]

_in_flight: Dict[Text, int] = {}  # conversation -> its messages being answered (this process)


def with_reply_guarantee(on_new_message: MessageHandler) -> MessageHandler:
    """Wraps Rasa's message handler: a message that got no reply gets UNAVAILABLE_TEXT.

    Empty and overlong messages are answered without being processed (input_screening), and
    so is a message of a conversation that already has MAX_MESSAGES_IN_FLIGHT being answered.
    """

    async def handle(message: UserMessage) -> None:
        channel = message.output_channel
        send_response = channel.send_response
        message.text = input_screening.without_control_characters(message.text or "")
        reply = input_screening.reply_instead(message.text)
        if reply:
            await send_response(message.sender_id, {"text": reply})
            return
        waiting = _in_flight.get(message.sender_id, 0)
        if waiting >= MAX_MESSAGES_IN_FLIGHT:
            logger.warning(
                "Refused a message of conversation %s: %d of its messages are being answered.",
                message.sender_id,
                waiting,
            )
            await send_response(message.sender_id, {"text": SLOW_DOWN_TEXT})
            return
        _in_flight[message.sender_id] = waiting + 1
        try:
            await _answer(message, send_response)
        finally:
            _in_flight[message.sender_id] -= 1
            if not _in_flight[message.sender_id]:
                del _in_flight[message.sender_id]

    async def _answer(message: UserMessage, send_response: Callable[..., Awaitable[None]]) -> None:
        channel = message.output_channel
        replies = 0

        async def counting_send_response(recipient_id: Text, bot_message: Dict[Text, Any]) -> None:
            nonlocal replies
            replies += 1
            await send_response(recipient_id, bot_message)

        channel.send_response = counting_send_response
        try:
            await on_new_message(message)
        except ConversationStoreUnavailable:  # logged where it failed
            await send_response(message.sender_id, {"text": STORE_UNAVAILABLE_TEXT})
            return
        except ConversationNotSaved:
            await send_response(message.sender_id, {"text": NOT_SAVED_TEXT})
            return
        except LockError as error:
            if error.__context__ is None:  # the lock expired while its earlier messages held it
                logger.warning("Refused a message of conversation %s: its lock stayed taken.", message.sender_id)
                await send_response(message.sender_id, {"text": SLOW_DOWN_TEXT})
            else:  # raised while handling the lock store's own error (Redis down)
                logger.error("Could not answer a message of conversation %s: %s", message.sender_id, error)
                await send_response(message.sender_id, {"text": UNAVAILABLE_TEXT})
            return
        except Exception:  # the lock store down, or any other failure: logged, and said
            logger.exception("Could not answer a message of conversation %s.", message.sender_id)
            await send_response(message.sender_id, {"text": NOT_SAVED_TEXT if replies else UNAVAILABLE_TEXT})
            return
        finally:
            channel.send_response = send_response
        if replies == 0 and message.text.strip().startswith("/session_start"):
            await send_response(message.sender_id, {"text": NEW_SESSION_TEXT})
        elif replies == 0:
            logger.warning("No reply to a message of conversation %s; telling the user.", message.sender_id)
            await send_response(message.sender_id, {"text": UNAVAILABLE_TEXT})

    return handle


class ReplyGuarantee:
    """Mixin for an input channel: hands Rasa's message handler over wrapped."""

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        return super().blueprint(with_reply_guarantee(on_new_message))  # type: ignore[misc]


class RestInputWithReply(ReplyGuarantee, RestInput):
    """Rasa's REST channel (same URL: /webhooks/rest/webhook), with a reply to every message,
    for requests within the bounds of channels/request_limits.py (others get HTTP 400), and
    the server's readiness at /webhooks/rest/ready (channels/readiness.py)."""

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            is_ready, checks = await readiness(getattr(request.app.ctx, "agent", None))
            return response.json({"ready": is_ready, "checks": checks}, status=200 if is_ready else 503)

        @webhook.middleware("request")
        async def refuse_what_is_out_of_bounds(request: Request) -> Optional[HTTPResponse]:
            if request.method != "POST":
                return None
            try:
                problem = request_limits.rest_problem(request.json)
            except InvalidUsage:  # Sanic could not parse the body
                problem = "the body must be JSON"
            if problem:
                logger.warning("Refused a REST request: %s.", problem)
                return response.json({"error": f"Bad request: {problem}."}, status=400)
            return None

        return webhook
