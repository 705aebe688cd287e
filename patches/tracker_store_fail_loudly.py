"""A conversation store that fails says so: retries, then an error, never memory instead.

Rasa 3.6 wraps every tracker store in `FailSafeTrackerStore` (`rasa.core.agent`), which on
any error logs it and carries on: a failed read returns no tracker (the message is then
answered as the first of a new conversation, with no context), a failed write keeps the
conversation in process memory, which the next server does not have. With PostgreSQL down
for 10 s, 54% of the answers were about the wrong role and none of 255 turns was saved,
while the server looked healthy.

Patched here: a read or write is tried ATTEMPTS times, DELAYS_SECONDS apart (a restarted
database or a dropped connection is back within that), and then raises
`ConversationStoreUnavailable` (the read: nothing is answered) or `ConversationNotSaved`
(the write: the answer was given, its turn is not stored). The reply guarantee
(channels/reliable.py) tells the user which. `keys()` is Rasa's own.
"""

import asyncio
import logging
from typing import Awaitable, Callable, Optional, TypeVar

from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

ATTEMPTS = 3
DELAYS_SECONDS = (0.2, 1.0)  # before the second and the third attempt

Result = TypeVar("Result")


class ConversationStoreUnavailable(RuntimeError):
    """The conversation could not be read from its store: answering would lose its context."""


class ConversationNotSaved(RuntimeError):
    """The conversation's newest events could not be written to its store."""


async def _with_retries(what: str, sender_id: str, call: Callable[[], Awaitable[Result]]) -> Result:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return await call()
        except Exception as error:  # any store's own error type (sqlite3, psycopg2, redis, ...)
            if attempt == ATTEMPTS:
                logger.error("Could not %s conversation %s after %d attempts: %s", what, sender_id, attempt, error)
                raise
            logger.warning("Could not %s conversation %s (attempt %d): %s; retrying.", what, sender_id, attempt, error)
            await asyncio.sleep(DELAYS_SECONDS[attempt - 1])
    raise AssertionError("unreachable")


async def retrieve(self: FailSafeTrackerStore, sender_id: str) -> Optional[DialogueStateTracker]:
    try:
        return await _with_retries("read", sender_id, lambda: self._tracker_store.retrieve(sender_id))
    except Exception as error:
        raise ConversationStoreUnavailable(str(error)) from error


async def retrieve_full_tracker(self: FailSafeTrackerStore, sender_id: str) -> Optional[DialogueStateTracker]:
    try:
        return await _with_retries("read", sender_id, lambda: self._tracker_store.retrieve_full_tracker(sender_id))
    except Exception as error:
        raise ConversationStoreUnavailable(str(error)) from error


async def save(self: FailSafeTrackerStore, tracker: DialogueStateTracker) -> None:
    try:
        await _with_retries("save", tracker.sender_id, lambda: self._tracker_store.save(tracker))
    except Exception as error:
        raise ConversationNotSaved(str(error)) from error


PATCHED_METHODS = {"retrieve": retrieve, "retrieve_full_tracker": retrieve_full_tracker, "save": save}


def install() -> None:
    for name, method in PATCHED_METHODS.items():
        setattr(FailSafeTrackerStore, name, method)


def is_active() -> bool:
    return all(getattr(FailSafeTrackerStore, name) is method for name, method in PATCHED_METHODS.items())
