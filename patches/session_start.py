"""When a conversation session starts, and what it carries over: bounded, so that a long
conversation is not slower than a short one.

Rasa replays a tracker's whole session at every message: the policies featurize it, and
every custom action call sends it to the action server and back. A long conversation got
linearly slower (14 ms per message at the 10th, 280 ms at the 500th, seconds past the
900th), stalling every other conversation on the server. Two changes to Rasa 3.6:

- `MessageProcessor._has_session_expired`: a session of MAX_SESSION_MESSAGES user messages
  has expired too, not only one idle for `session_expiration_time` minutes. Rasa starts
  the next one as it does after an hour, and the stores hand the policies and actions
  only that session (stores/single_server.py; Rasa's SQL store reads only that session).
- `ActionSessionStart._slot_set_events_from_tracker`: a new session carries over each
  slot's last SlotSet, which gives the same slot values as Rasa's copy of every SlotSet
  ever applied, previous carry-overs included (which grew with every session: 1,000
  SlotSet events at the 20th session of one conversation).

The slots are carried over (`carry_over_slots_to_new_session` in domain.yml), so the
context the answers use (role, place, the roles just compared) is kept; the user sees
nothing of it.
"""

from typing import Dict, List

from rasa.core.actions.action import ActionSessionStart
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

MAX_SESSION_MESSAGES = 50

_RASA_HAS_SESSION_EXPIRED = MessageProcessor._has_session_expired
_RASA_SLOT_SET_EVENTS = ActionSessionStart.__dict__["_slot_set_events_from_tracker"]


def user_messages_in_latest_session(tracker: DialogueStateTracker) -> int:
    count = 0
    for event in reversed(tracker.events):
        if isinstance(event, SessionStarted):
            break
        count += isinstance(event, UserUttered)
    return count


def _has_session_expired(self: MessageProcessor, tracker: DialogueStateTracker) -> bool:
    if _RASA_HAS_SESSION_EXPIRED(self, tracker):
        return True
    return (
        self.domain.session_config.are_sessions_enabled()
        and user_messages_in_latest_session(tracker) >= MAX_SESSION_MESSAGES
    )


def _last_slot_set_events(tracker: DialogueStateTracker) -> List[SlotSet]:
    """Each slot's last SlotSet event, in the order they were last set."""
    last: Dict[str, SlotSet] = {}
    for event in tracker.applied_events():
        if isinstance(event, SlotSet):
            last.pop(event.key, None)
            last[event.key] = SlotSet(key=event.key, value=event.value, metadata=event.metadata)
    return list(last.values())


def install() -> None:
    MessageProcessor._has_session_expired = _has_session_expired
    ActionSessionStart._slot_set_events_from_tracker = staticmethod(_last_slot_set_events)


def is_active() -> bool:
    return (
        MessageProcessor._has_session_expired is _has_session_expired
        and ActionSessionStart._slot_set_events_from_tracker is _last_slot_set_events
    )
