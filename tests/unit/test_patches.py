"""Framework patches: installed by an explicit call, only on the Rasa version they were written for."""

import asyncio
import logging

import jsonschema
import pytest
import rasa
import rasa.core.actions.action as rasa_action
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.exceptions import GraphComponentException, GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.utils.endpoints import EndpointConfig

import patches
from patches import action_call_timeout, endpoint_session_reuse, graph_runner_sequential, remote_action_validation

PATCH_NAMES = ["remote_action_validation", "endpoint_session_reuse", "graph_runner_sequential", "action_call_timeout"]


@pytest.fixture
def rasa_code():
    """Puts Rasa's own code back after each test."""
    originals = RemoteAction._validate_action_result, EndpointConfig.session, DaskGraphRunner.run
    timeout = rasa_action.DEFAULT_REQUEST_TIMEOUT
    yield originals[0]
    RemoteAction._validate_action_result, EndpointConfig.session, DaskGraphRunner.run = originals
    rasa_action.DEFAULT_REQUEST_TIMEOUT = timeout


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
