"""The default tracker store: Rasa's SQL store on SQLite, with trackers kept between messages."""

import asyncio
import sqlite3

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from harness import PROJECT
from stores.single_server import SingleServerSQLTrackerStore, StoreNotWritable, sqlite_path, writing_problem


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT / "domain.yml"))


@pytest.fixture
def database(tmp_path):
    return tmp_path / "conversations.db"


def store(domain, database) -> SingleServerSQLTrackerStore:
    return SingleServerSQLTrackerStore(domain=domain, dialect="sqlite", db=str(database))


def stored_events(database, sender):
    with sqlite3.connect(database) as connection:
        return [
            row[0]
            for row in connection.execute("SELECT type_name FROM events WHERE sender_id = ? ORDER BY id", (sender,))
        ]


def a_turn(text: str, role: str):
    return [
        UserUttered(text, {"name": "ask_salary", "confidence": 1.0}),
        ActionExecuted("action_answer_role_question"),
        SlotSet("role", role),
        ActionExecuted("action_listen"),
    ]


def test_every_event_is_written_and_a_new_server_reads_the_conversation(domain, database):
    first = store(domain, database)
    tracker = DialogueStateTracker.from_events(
        "visitor",
        [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")],
        domain.slots,
    )
    asyncio.run(first.save(tracker))
    same = asyncio.run(first.retrieve("visitor"))
    assert same is tracker  # kept, not read back
    for event in a_turn("how much do labor lawyers make?", "labor_lawyer"):
        same.update(event)
    asyncio.run(first.save(same))

    assert stored_events(database, "visitor") == [
        "action",
        "session_started",
        "action",
        "user",
        "action",
        "slot",
        "action",
    ]
    restarted = store(domain, database)  # as after a restart: nothing in memory
    tracker = asyncio.run(restarted.retrieve("visitor"))
    assert tracker.get_slot("role") == "labor_lawyer"
    assert [event.type_name for event in tracker.events] == [
        "session_started",
        "action",
        "user",
        "action",
        "slot",
        "action",
    ]


def test_a_tracker_is_handed_out_once_until_it_is_saved(domain, database):
    kept = store(domain, database)
    tracker = DialogueStateTracker.from_events("visitor", a_turn("hi", "hr_executive"), domain.slots)
    asyncio.run(kept.save(tracker))
    handed_out = asyncio.run(kept.retrieve("visitor"))
    handed_out.update(SlotSet("role", "never_saved"))  # a message that fails before its save
    from_database = asyncio.run(kept.retrieve("visitor"))
    assert from_database is not handed_out and from_database.get_slot("role") == "hr_executive"
    for event in a_turn("and the generalist?", "hr_generalist"):
        from_database.update(event)
    asyncio.run(kept.save(from_database))
    assert stored_events(database, "visitor").count("user") == 2
    assert asyncio.run(store(domain, database).retrieve("visitor")).get_slot("role") == "hr_generalist"


def test_only_recent_conversations_stay_in_memory(domain, database):
    small = SingleServerSQLTrackerStore(domain=domain, dialect="sqlite", db=str(database), cached_conversations=2)
    for sender in ("a", "b", "c"):
        asyncio.run(small.save(DialogueStateTracker.from_events(sender, a_turn("hi", "hr_executive"), domain.slots)))
    assert list(small._trackers) == ["b", "c"]
    assert asyncio.run(small.retrieve("a")).get_slot("role") == "hr_executive"  # read from the database


def test_the_database_is_in_write_ahead_log_mode(domain, database):
    asyncio.run(
        store(domain, database).save(DialogueStateTracker.from_events("x", a_turn("hi", "hr_executive"), domain.slots))
    )
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_on_another_rasa_version_the_store_is_rasas_own(domain, database, monkeypatch):
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    other = store(domain, database)
    assert not other.keeps_trackers
    tracker = DialogueStateTracker.from_events("someone", a_turn("how much?", "hr_executive"))
    asyncio.run(other.save(tracker))
    assert other._trackers == {}
    assert asyncio.run(other.retrieve("someone")).get_slot("role") == "hr_executive"


def test_a_relative_database_path_is_the_projects_whatever_the_working_folder(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert sqlite_path("conversations/conversations.db") == PROJECT / "conversations" / "conversations.db"
    assert sqlite_path(str(tmp_path / "c.db")) == tmp_path / "c.db"


def test_a_database_that_cannot_be_written_stops_the_store(domain, tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database, " * 200)
    assert writing_problem(garbage) == f"cannot write the conversations database {garbage}: file is not a database"
    under_a_file = garbage / "c.db"
    assert writing_problem(under_a_file).startswith(f"cannot write the conversations database {under_a_file}:")
    with pytest.raises(StoreNotWritable, match="file is not a database"):
        store(domain, garbage)
    fresh = tmp_path / "new" / "folder" / "c.db"
    assert writing_problem(fresh) is None and fresh.is_file()  # created, with its folders


def test_a_damaged_database_is_named_at_start(domain, tmp_path):
    database = tmp_path / "damaged.db"
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA page_size=512")
        connection.execute("CREATE TABLE t (x)")
        connection.executemany("INSERT INTO t VALUES (?)", [("x" * 400,) for _ in range(200)])
        connection.execute("CREATE INDEX i ON t (x)")
    data = bytearray(database.read_bytes())
    data[512 * 5 : 512 * 8] = b"\xff" * (512 * 3)  # overwrite pages of the table and index
    database.write_bytes(bytes(data))
    problem = writing_problem(database)
    assert problem is not None and str(database) in problem


def test_only_the_latest_session_is_kept_as_the_database_would_give_it(domain, database):
    first = store(domain, database)
    session = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    tracker = DialogueStateTracker.from_events(
        "long", [*session, *a_turn("hr generalist pay?", "hr_generalist")], domain.slots
    )
    asyncio.run(first.save(tracker))
    tracker = asyncio.run(first.retrieve("long"))
    next_session = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        SlotSet("role", "hr_generalist"),  # carried over
        ActionExecuted("action_listen"),
    ]
    for event in [*next_session, *a_turn("and their education?", "hr_generalist")]:
        tracker.update(event)
    asyncio.run(first.save(tracker))
    kept = asyncio.run(first.retrieve("long"))
    from_the_database = asyncio.run(store(domain, database).retrieve("long"))
    assert [event.as_dict() for event in kept.events] == [event.as_dict() for event in from_the_database.events]
    assert [event.type_name for event in kept.events][:2] == ["session_started", "slot"]
    assert kept.get_slot("role") == "hr_generalist"
    assert len(stored_events(database, "long")) == len(tracker.events)  # every session stays stored
    for event in a_turn("how about hr managers", "hr_manager"):
        kept.update(event)
    asyncio.run(first.save(kept))  # after the cut, only the new events are written
    assert len(stored_events(database, "long")) == len(tracker.events) + 4
