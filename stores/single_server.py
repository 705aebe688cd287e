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
import logging
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Text

import rasa
import sqlalchemy
import sqlalchemy.orm
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

# Conversations whose trackers stay in memory (least recently used first out); the
# others are read from the database when they come back. A tracker of a few dozen
# events takes some tens of kilobytes.
DEFAULT_CACHED_CONVERSATIONS = 1000
# The private methods of SQLTrackerStore overridden below (_retrieve, _additional_events)
# are those of this Rasa version; on any other, the store is Rasa's own, unchanged.
WRITTEN_FOR_RASA = "3.6.21"

logger = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[1]


class StoreNotWritable(RuntimeError):
    """The conversations database cannot be written: the server must not start."""


def sqlite_path(db: Text) -> Path:
    """The SQLite file of an endpoints.yml `db`: a relative path is the project's, not the
    working directory's (`rasa run` from another folder would otherwise open a new file)."""
    path = Path(db).expanduser()
    return path if path.is_absolute() else PROJECT / path


def writing_problem(path: Path) -> Optional[Text]:
    """Why the conversations cannot be written to this SQLite file, or None (it is created,
    with its folder, when missing)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(path), timeout=5)
        try:
            connection.execute("CREATE TABLE IF NOT EXISTS write_check (x)")  # needs the write lock
            connection.execute("DROP TABLE write_check")
            damage = connection.execute("PRAGMA quick_check").fetchone()[0]
            connection.commit()
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as error:
        return f"cannot write the conversations database {path}: {error}"
    if damage != "ok":
        return f"the conversations database {path} is damaged ({damage}): restore it from a backup or move it away"
    return None


@dataclass
class KeptTracker:
    """A conversation's tracker as last saved, kept between its messages."""

    tracker: DialogueStateTracker
    stored_events: int  # how many of its events are in the database
    handed_out: bool = False  # to a message being processed, until that message saves it


def _enable_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets a read proceed during a write, and with synchronous=NORMAL a commit does not
    # wait for the disk; a crash of the process loses nothing that was committed.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


EVENT_COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")


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
        self.sqlite_file: Optional[Path] = None
        if kwargs.get("dialect", "sqlite") == "sqlite":
            # Rasa's own store, on a file it cannot write, logs the error and keeps the
            # conversations in memory only: here the server does not start.
            path = sqlite_path(kwargs.get("db") or "rasa.db")
            problem = writing_problem(path)
            if problem:
                raise StoreNotWritable(problem)
            kwargs["db"] = str(path)
            self.sqlite_file = path
        super().__init__(*args, **kwargs)
        self.keeps_trackers = rasa.__version__ == WRITTEN_FOR_RASA
        if not self.keeps_trackers:
            logger.warning(
                "Tracker memory off: %s was written for Rasa %s, running %s; every message reads the database.",
                type(self).__name__,
                WRITTEN_FOR_RASA,
                rasa.__version__,
            )
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
        self._capacity = int(cached_conversations) if self.keeps_trackers else 0
        # A textual INSERT: SQLAlchemy builds the cache key of a Core insert() at every execution,
        # which py-spy measured at about a tenth of the server's time per message.
        table = self.SQLEvent.__table__
        self._insert_events = sqlalchemy.text(
            f"INSERT INTO {table.name} ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join(':' + c for c in EVENT_COLUMNS)})"
        )
        self._trackers: "OrderedDict[Text, KeptTracker]" = OrderedDict()  # least recently used first

    def writing_problem(self) -> Optional[Text]:
        """Why the conversations cannot be written now, or None (channels/readiness.py)."""
        return writing_problem(self.sqlite_file) if self.sqlite_file else None

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        kept = self._trackers.get(sender_id)
        if not fetch_events_from_all_sessions and kept is not None and not kept.handed_out:
            # Handed over, not copied: until it is saved again, another retrieve reads the
            # database, and a message that fails before its save leaves nothing here.
            kept.handed_out = True
            self._trackers.move_to_end(sender_id)
            return kept.tracker
        return await super()._retrieve(sender_id, fetch_events_from_all_sessions)

    def _latest_session(self, tracker: DialogueStateTracker) -> DialogueStateTracker:
        """The tracker of the conversation's latest session only, as SQLTrackerStore reads it
        from the database: what is kept does not grow with the conversation."""
        events = tracker.events
        for index in range(len(events) - 1, 1, -1):  # the first session starts at 1, after action_session_start
            if isinstance(events[index], SessionStarted):
                return DialogueStateTracker.from_events(
                    tracker.sender_id, list(itertools.islice(events, index, None)), slots=self.domain.slots
                )
        return tracker

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        kept = self._trackers.get(tracker.sender_id)
        if kept is None or kept.tracker is not tracker:
            return super()._additional_events(session, tracker)  # counts the stored events
        return itertools.islice(tracker.events, kept.stored_events, None)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """As SQLTrackerStore.save, with one bulk INSERT instead of an ORM object per event."""
        try:
            await self.stream_events(tracker)
            with self.session_scope() as session:
                rows = [_row(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
                if rows:
                    session.execute(self._insert_events, rows)
                    session.commit()
        except Exception:
            self._trackers.pop(tracker.sender_id, None)  # what is stored is not known
            raise
        if not self._capacity:
            return
        tracker = self._latest_session(tracker)
        self._trackers[tracker.sender_id] = KeptTracker(tracker, len(tracker.events))
        self._trackers.move_to_end(tracker.sender_id)
        while len(self._trackers) > self._capacity:
            self._trackers.popitem(last=False)
