"""Validates the action server's replies against Rasa's schema, at a fraction of the cost.

Rasa 3.6 checks every custom action's result with `jsonschema.validate(result, schema)`.
Measured with py-spy, that was two thirds of the Rasa server's time per message
(bench/, docs/benchmark.md), for two reasons, both removed here:

- `validate` first checks the schema itself against JSON Schema's 2020-12 meta-schema,
  about 20 ms with jsonschema 4.17, every time. Here the schema is checked once, at import.
- each event is matched against all 23 event schemas of a `oneOf`. Every one of them
  fixes the event's name (`"event": {"const": ...}`), so exactly one can match: here each
  event is validated against the schema for its name only, which accepts and refuses the
  same events (when the names are not all distinct, every event gets the whole `oneOf`).

A result that does not validate raises jsonschema's ValidationError with Rasa's message,
as before. Patches `rasa.core.actions.action.RemoteAction._validate_action_result`, by an
explicit `install()` from `patches.install_all()` (the Rasa server's entry point), which
checks the Rasa version first.
"""

import copy
from typing import Any, Dict, Optional, Text

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR_CLASS = validator_for(_SCHEMA)
_VALIDATOR_CLASS.check_schema(_SCHEMA)


def _per_event_name(schema: Dict[Text, Any]) -> Optional[Dict[Text, Any]]:
    """event name -> a validator of the event schema with only that name's branch of oneOf."""
    event_schema = schema["properties"]["events"]["items"]
    branches = event_schema.get("oneOf", [])
    names = [branch.get("properties", {}).get("event", {}).get("const") for branch in branches]
    if not names or None in names or len(set(names)) != len(names):
        return None
    validators = {}
    for name, branch in zip(names, branches):
        single = {key: value for key, value in event_schema.items() if key != "oneOf"}
        single["allOf"] = [branch]
        validators[name] = _VALIDATOR_CLASS(single)
    return validators


_EVENT_VALIDATORS = _per_event_name(_SCHEMA)
if _EVENT_VALIDATORS is not None:
    _RESULT_SCHEMA = copy.deepcopy(_SCHEMA)
    _RESULT_SCHEMA["properties"]["events"] = {"type": "array", "items": {"type": "object"}}
    _RESULT_VALIDATOR = _VALIDATOR_CLASS(_RESULT_SCHEMA)
else:
    _RESULT_VALIDATOR = _VALIDATOR_CLASS(_SCHEMA)
_FULL_EVENT_VALIDATOR = _VALIDATOR_CLASS(_SCHEMA["properties"]["events"]["items"])


def _validate(result: Any) -> None:
    _RESULT_VALIDATOR.validate(result)
    if _EVENT_VALIDATORS is None or not isinstance(result, dict):
        return
    for event in result.get("events") or []:
        name = event.get("event")
        validator = _EVENT_VALIDATORS.get(name) if isinstance(name, str) else None
        # An unknown or missing name fails the whole oneOf, with its own error.
        (validator or _FULL_EVENT_VALIDATOR).validate(event)


def validate_action_result(_action: RemoteAction, result: Dict[Text, Any]) -> bool:
    """Drop-in for `RemoteAction._validate_action_result` (same checks, same error)."""
    try:
        _validate(result)
        return True
    except ValidationError as error:
        error.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result


def is_active() -> bool:
    return RemoteAction._validate_action_result is validate_action_result
