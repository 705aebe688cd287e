"""Framework patches: installed by an explicit call, only on the Rasa version they were written for."""

import asyncio
import logging

import jsonschema
import pytest
import rasa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

import patches
from patches import endpoint_session_reuse, remote_action_validation


@pytest.fixture
def rasa_validation():
    """Puts Rasa's own code back after each test."""
    original_validation, original_session = RemoteAction._validate_action_result, EndpointConfig.session
    yield original_validation
    RemoteAction._validate_action_result, EndpointConfig.session = original_validation, original_session


def test_the_patches_are_installed_on_their_rasa_version_only(rasa_validation, monkeypatch, caplog):
    # importing installs nothing
    assert not remote_action_validation.is_active() and not endpoint_session_reuse.is_active()
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with caplog.at_level(logging.WARNING, logger="patches"):
        assert patches.install_all() == {"remote_action_validation": False, "endpoint_session_reuse": False}
    assert not remote_action_validation.is_active() and not endpoint_session_reuse.is_active()
    assert "written for Rasa 3.6.21, running 3.7.0" in caplog.text
    monkeypatch.setattr(rasa, "__version__", "3.6.21")
    assert patches.install_all() == {"remote_action_validation": True, "endpoint_session_reuse": True}
    assert RemoteAction._validate_action_result is remote_action_validation.validate_action_result


def test_an_endpoint_keeps_one_open_session_per_event_loop(rasa_validation):
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
def test_action_results_are_validated_as_rasa_does(rasa_validation, result):
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
