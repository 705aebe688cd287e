"""Framework patches: installed by an explicit call, only on the Rasa version they were written for."""

import asyncio
import logging

import jsonschema
import pytest
import rasa
import rasa.core.actions.action as rasa_action
import rasa.core.run as rasa_run
import rasa.server
from jsonschema import ValidationError
from rasa.core.actions.action import ActionSessionStart, RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

import patches
from patches import (
    action_call_timeout,
    agent_load_on_start,
    endpoint_session_reuse,
    graph_runner_sequential,
    remote_action_validation,
    session_start,
    tracker_store_fail_loudly,
)

PATCH_NAMES = [
    "remote_action_validation",
    "endpoint_session_reuse",
    "graph_runner_sequential",
    "action_call_timeout",
    "tracker_store_fail_loudly",
    "agent_load_on_start",
    "root_route_without_version",
    "session_start",
]
FAIL_SAFE_METHODS = ("retrieve", "retrieve_full_tracker", "save")


@pytest.fixture
def rasa_code():
    """Puts Rasa's own code back after each test."""
    originals = RemoteAction._validate_action_result, EndpointConfig.session, DaskGraphRunner.run
    timeout = rasa_action.DEFAULT_REQUEST_TIMEOUT
    fail_safe = {name: getattr(FailSafeTrackerStore, name) for name in FAIL_SAFE_METHODS}
    load_agent_on_start, add_root_route = rasa_run.load_agent_on_start, rasa.server.add_root_route
    has_session_expired = MessageProcessor._has_session_expired
    slot_set_events = ActionSessionStart.__dict__["_slot_set_events_from_tracker"]
    yield originals[0]
    rasa_run.load_agent_on_start, rasa.server.add_root_route = load_agent_on_start, add_root_route
    MessageProcessor._has_session_expired = has_session_expired
    ActionSessionStart._slot_set_events_from_tracker = slot_set_events
    RemoteAction._validate_action_result, EndpointConfig.session, DaskGraphRunner.run = originals
    rasa_action.DEFAULT_REQUEST_TIMEOUT = timeout
    for name, method in fail_safe.items():
        setattr(FailSafeTrackerStore, name, method)


def test_the_patches_are_installed_on_their_rasa_version_only(rasa_code, monkeypatch, caplog):
    # importing installs nothing
    assert not any(patch.is_active() for patch in patches.PATCHES)
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with caplog.at_level(logging.WARNING, logger="patches"):
        assert patches.install_all() == {name: False for name in PATCH_NAMES}
    assert not any(patch.is_active() for patch in patches.PATCHES)
    assert "written for Rasa 3.6.21, running 3.7.0" in caplog.text
    monkeypatch.setattr(rasa, "__version__", "3.6.21")
    assert patches.install_all() == {name: True for name in PATCH_NAMES}
    assert RemoteAction._validate_action_result is remote_action_validation.validate_action_result


def test_an_endpoint_keeps_one_open_session_per_event_loop(rasa_code):
    endpoint_session_reuse.install()
    endpoint = EndpointConfig("http://127.0.0.1:1/webhook")

    async def two_requests_sessions():
        async with endpoint.session() as first:
            pass
        async with endpoint.session() as second:
            pass
        assert not first.closed
        await first.close()
        async with endpoint.session() as third:  # a closed session is replaced
            await third.close()
        return first, second, third

    first, second, third = asyncio.run(two_requests_sessions())
    assert first is second and third is not first


# Action server results, valid and not: the faster validation must accept and refuse
# exactly what jsonschema.validate with Rasa's schema does.
ACTION_RESULTS = [
    {
        "events": [{"event": "slot", "name": "role", "value": "hr_generalist", "timestamp": None}],
        "responses": [{"text": "Hi", "buttons": [{"title": "a", "payload": "/greet"}]}],
    },
    {"events": [{"event": "followup", "name": "action_x"}, {"event": "reset_slots"}, {"event": "bot", "text": "hi"}]},
    {},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"timestamp": 1}]},
    {"events": [{"event": "slot", "name": 3}]},
    {"events": [{"event": "user", "text": 5}]},
    {"events": [{"event": "slot", "name": "role", "value": None, "timestamp": "yesterday"}]},
    {"events": "not a list"},
    {"events": [3]},
    {"events": None},
    {"responses": [3]},
]


@pytest.mark.parametrize("result", ACTION_RESULTS)
def test_action_results_are_validated_as_rasa_does(rasa_code, result):
    patches.install_all()
    assert remote_action_validation.is_active()
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
        valid = True
    except ValidationError:
        valid = False
    action = RemoteAction("action_answer_role_question", None)
    if valid:
        assert action._validate_action_result(result)
    else:
        with pytest.raises(ValidationError, match="Failed to validate Action server response"):
            action._validate_action_result(result)


class _Arithmetic(GraphComponent):
    """A graph node for the runner tests: adds its inputs, or fails when asked to."""

    def __init__(self, config):
        self.config = config

    @classmethod
    def create(cls, config, model_storage, resource, execution_context):
        return cls(config)

    def add(self, **numbers):
        if self.config.get("fail"):
            raise ValueError("asked to fail")
        return self.config.get("start", 0) + sum(numbers.values())


def _runner(tmp_path, fail=False):
    node = lambda needs, **config: SchemaNode(needs, _Arithmetic, "create", "add", config)  # noqa: E731
    schema = GraphSchema(
        {
            "one": node({}, start=1),
            "two": node({"a": "one", "b": "one"}),
            "with_input": node({"a": "two", "b": "__number__"}, fail=fail),
            "unused": node({"a": "one"}, start=100),
            "final": node({"a": "with_input", "b": "one"}),
        }
    )
    return DaskGraphRunner(schema, LocalModelStorage(tmp_path), ExecutionContext(schema))


@pytest.mark.parametrize("targets", [["final"], ["two", "final"], ["one"], None])
def test_the_sequential_runner_gives_what_dask_gives(rasa_code, tmp_path, targets):
    inputs = {"__number__": 10}
    by_dask = _runner(tmp_path).run(inputs, targets)
    graph_runner_sequential.install()
    assert graph_runner_sequential.is_active()
    runner = _runner(tmp_path)
    assert runner.run(inputs, targets) == by_dask
    assert runner.run(inputs, targets) == by_dask  # the kept plan
    if targets == ["final"]:
        assert by_dask == {"final": 13}  # ((1 + 1) + 10) + 1


def test_the_sequential_runner_raises_what_dask_raises(rasa_code, tmp_path):
    with pytest.raises(GraphComponentException) as by_dask:
        _runner(tmp_path, fail=True).run({"__number__": 1}, ["final"])
    graph_runner_sequential.install()
    with pytest.raises(GraphComponentException) as sequential:
        _runner(tmp_path, fail=True).run({"__number__": 1}, ["final"])
    assert str(sequential.value) == str(by_dask.value)
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        _runner(tmp_path).run({"__number__": "one"}, ["final"])


def test_the_action_call_waits_seconds_as_configured(rasa_code, monkeypatch):
    monkeypatch.delenv("ACTION_SERVER_TIMEOUT", raising=False)
    action_call_timeout.install()
    assert action_call_timeout.is_active() and rasa_action.DEFAULT_REQUEST_TIMEOUT == 5.0
    monkeypatch.setenv("ACTION_SERVER_TIMEOUT", "2.5")
    action_call_timeout.install()
    assert rasa_action.DEFAULT_REQUEST_TIMEOUT == 2.5
    for bad in ("soon", "0", "-1", "3600"):
        monkeypatch.setenv("ACTION_SERVER_TIMEOUT", bad)
        with pytest.raises(ValueError, match="ACTION_SERVER_TIMEOUT"):
            action_call_timeout.install()


class FlakyStore(InMemoryTrackerStore):
    """Fails its first `failures` reads and writes, then works."""

    def __init__(self, failures):
        super().__init__(Domain.empty())
        self.failures = failures
        self.calls = 0

    def _fail_first(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise OSError("disk I/O error")

    async def retrieve(self, sender_id):
        self._fail_first()
        return await super().retrieve(sender_id)

    async def save(self, tracker):
        self._fail_first()
        await super().save(tracker)


def _tracker():
    return DialogueStateTracker.from_events("someone", [SlotSet("role", "hr_manager")])


def test_rasa_keeps_a_failed_conversation_in_memory_and_answers_without_context():
    store = FailSafeTrackerStore(FlakyStore(failures=99))
    asyncio.run(store.save(_tracker()))  # no error: kept in a memory the next server has not
    assert asyncio.run(store.retrieve("someone")) is None  # answered as a new conversation


def test_a_failing_store_is_retried_then_its_failure_raised(rasa_code, monkeypatch):
    monkeypatch.setattr(tracker_store_fail_loudly, "DELAYS_SECONDS", (0, 0))
    tracker_store_fail_loudly.install()
    assert tracker_store_fail_loudly.is_active()
    recovering = FlakyStore(failures=2)  # within the attempts: nothing shows
    store = FailSafeTrackerStore(recovering)
    asyncio.run(store.save(_tracker()))
    recovering.failures = recovering.calls + 2
    assert asyncio.run(store.retrieve("someone")).events[0] == SlotSet("role", "hr_manager")
    assert recovering.calls == 6
    down = FailSafeTrackerStore(FlakyStore(failures=99))
    with pytest.raises(tracker_store_fail_loudly.ConversationNotSaved, match="disk I/O error"):
        asyncio.run(down.save(_tracker()))
    with pytest.raises(tracker_store_fail_loudly.ConversationStoreUnavailable):
        asyncio.run(down.retrieve("someone"))
    assert down._tracker_store.calls == 2 * tracker_store_fail_loudly.ATTEMPTS
    assert down._fallback_tracker_store is None  # nothing went to memory instead


def test_a_model_that_fails_to_load_stops_the_server(rasa_code, monkeypatch):
    class NotReady:
        def is_ready(self):
            return False

    async def rasa_load(*args, **kwargs):
        return NotReady()

    exits = []
    monkeypatch.setattr(agent_load_on_start, "_RASA_LOAD_AGENT_ON_START", rasa_load)
    monkeypatch.setattr(agent_load_on_start.os, "_exit", exits.append)
    agent_load_on_start.install()
    assert agent_load_on_start.is_active()
    asyncio.run(rasa_run.load_agent_on_start("models/x.tar.gz", None, None, None, None))
    assert exits == [1]


def test_a_session_expires_after_its_maximum_of_user_messages(rasa_code):
    class Processor:
        domain = Domain.from_dict({"session_config": {"session_expiration_time": 60}})

    def tracker(messages):
        events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
        for number in range(messages):
            events += [UserUttered(f"message {number}"), ActionExecuted("action_listen")]
        return DialogueStateTracker.from_events("long", events)

    limit = session_start.MAX_SESSION_MESSAGES
    assert not MessageProcessor._has_session_expired(Processor(), tracker(limit))  # Rasa: only after an hour
    session_start.install()
    assert session_start.is_active()
    assert not MessageProcessor._has_session_expired(Processor(), tracker(limit - 1))
    assert MessageProcessor._has_session_expired(Processor(), tracker(limit))
    Processor.domain = Domain.from_dict({"session_config": {"session_expiration_time": 0}})  # sessions off
    assert not MessageProcessor._has_session_expired(Processor(), tracker(limit))


def test_a_new_session_carries_over_each_slot_once_with_its_last_value(rasa_code):
    first_session = [SlotSet("role", "hr_generalist"), SlotSet("place", "4800000"), SlotSet("role", "hr_executive")]
    carried_over_by_rasa = [SlotSet(event.key, event.value) for event in first_session]
    events = [SessionStarted(), *first_session, SessionStarted(), *carried_over_by_rasa, SlotSet("place", "3900000")]
    tracker = DialogueStateTracker.from_events("long", events)
    by_rasa = ActionSessionStart._slot_set_events_from_tracker(tracker)
    assert len(by_rasa) == 4  # every SlotSet of the session, its own carry-over included
    session_start.install()
    carried = ActionSessionStart._slot_set_events_from_tracker(tracker)
    assert [(event.key, event.value) for event in carried] == [("role", "hr_executive"), ("place", "3900000")]

    def values(slot_events):
        state = {}
        for event in slot_events:
            state[event.key] = event.value
        return state

    assert values(carried) == values(by_rasa)
