"""Rasa's SQL tracker store, with the conversations it serves also kept in memory.

For the default mode: one Rasa server (one process) owns an SQLite file. Every event is
still written to the database before the reply goes out, so a restarted server finds
every conversation; but the server keeps the trackers of recent conversations, instead
of querying, parsing and rebuilding all their events at every message, and does not
count the stored events before each write. Measured with py-spy, reading and writing
the database was a third of the server's time per message (docs/benchmark.md).

Correct only while this process is the database's one writer, which is the case for the
default endpoints.yml (one server, in-memory lock store: Rasa allows one Sanic worker).
Several servers on one database (endpoints-scale.yml) use Rasa's own SQLTrackerStore on
PostgreSQL, without this memory.
"""
import itertools
import json
from collections import OrderedDict
from typing import Any, Dict, Iterator, List, Optional, Text

import sqlalchemy
import sqlalchemy.orm
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from rasa.shared.core.trackers import DialogueStateTracker

# Conversations whose trackers stay in memory (least recently used first out); the
# others are read from the database when they come back. A tracker of a few dozen
# events takes some tens of kilobytes.
DEFAULT_CACHED_CONVERSATIONS = 1000


def _enable_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets a read proceed during a write, and with synchronous=NORMAL a commit does not
    # wait for the disk; a crash of the process loses nothing that was committed.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _row(sender_id: Text, event: Event) -> Dict[Text, Any]:
    """The columns SQLTrackerStore.save writes for an event."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


class SingleServerSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that keeps the trackers of recent conversations between messages."""

    def __init__(self, *args: Any, cached_conversations: int = DEFAULT_CACHED_CONVERSATIONS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            # SQLAlchemy 1.4 opens a new SQLite connection for every session (NullPool), which
            # was most of the cost of a write. One kept connection serves them all: the
            # server's event loop is one thread, and no session spans an `await`.
            url = self.engine.url
            self.engine.dispose()
            self.engine = sqlalchemy.create_engine(
                url, poolclass=sqlalchemy.pool.StaticPool, connect_args={"check_same_thread": False}
            )
            sqlalchemy.event.listen(self.engine, "connect", _enable_write_ahead_log)
            self.sessionmaker = sqlalchemy.orm.sessionmaker(bind=self.engine)
        self._capacity = int(cached_conversations)
        # sender id -> [its tracker as last saved, how many of its events are stored,
        #               whether it is handed out to a message being processed]
        self._trackers: "OrderedDict[Text, List[Any]]" = OrderedDict()

    async def _retrieve(
        self, sender_id: Text, fetch_events_from_all_sessions: bool
    ) -> Optional[DialogueStateTracker]:
        kept = self._trackers.get(sender_id)
        if not fetch_events_from_all_sessions and kept is not None and not kept[2]:
            # Handed over, not copied: until it is saved again, another retrieve reads the
            # database, and a message that fails before its save leaves nothing here.
            kept[2] = True
            self._trackers.move_to_end(sender_id)
            return kept[0]
        return await super()._retrieve(sender_id, fetch_events_from_all_sessions)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        kept = self._trackers.get(tracker.sender_id)
        if kept is None or kept[0] is not tracker:
            return super()._additional_events(session, tracker)  # counts the stored events
        return itertools.islice(tracker.events, kept[1], None)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """As SQLTrackerStore.save, with one bulk INSERT instead of an ORM object per event."""
        try:
            await self.stream_events(tracker)
            with self.session_scope() as session:
                rows = [_row(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
                if rows:
                    session.execute(self.SQLEvent.__table__.insert(), rows)
                    session.commit()
        except Exception:
            self._trackers.pop(tracker.sender_id, None)  # what is stored is not known
            raise
        self._trackers[tracker.sender_id] = [tracker, len(tracker.events), False]
        self._trackers.move_to_end(tracker.sender_id)
        while len(self._trackers) > self._capacity:
            self._trackers.popitem(last=False)
