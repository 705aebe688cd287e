"""Framework patches: installed by an explicit call, only on the Rasa version they were written for."""

import logging

import jsonschema
import pytest
import rasa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

import patches
from patches import remote_action_validation


@pytest.fixture
def rasa_validation():
    """Puts Rasa's own validation back after each test."""
    original = RemoteAction._validate_action_result
    yield original
    RemoteAction._validate_action_result = original


def test_the_patch_is_installed_on_its_rasa_version_only(rasa_validation, monkeypatch, caplog):
    assert not remote_action_validation.is_active()  # importing installs nothing
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with caplog.at_level(logging.WARNING, logger="patches"):
        assert patches.install_all() == {"remote_action_validation": False}
    assert not remote_action_validation.is_active()
    assert "written for Rasa 3.6.21, running 3.7.0" in caplog.text
    monkeypatch.setattr(rasa, "__version__", "3.6.21")
    assert patches.install_all() == {"remote_action_validation": True}
    assert RemoteAction._validate_action_result is remote_action_validation.validate_action_result


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
