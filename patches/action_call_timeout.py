"""Bounds how long the Rasa server waits for the action server: seconds, not minutes.

Rasa 3.6 calls a custom action with a fixed `timeout=DEFAULT_REQUEST_TIMEOUT` of five
minutes (`rasa.core.actions.action`), with no setting to change it. A hung action server
(one that accepts the connection and never answers) then held a REST user for 60 s (the
HTTP client's own limit) and a web chat user for five minutes, both with no reply. Patched
here: the module's constant is set to ACTION_SERVER_TIMEOUT seconds (the environment
variable; 5 by default, since an action answers in milliseconds). When it runs out, Rasa
logs the failed action and the reply guarantee (channels/reliable.py) says the assistant
cannot answer right now; the conversation is kept.
"""

import os

import rasa.core.actions.action as rasa_action

TIMEOUT_VARIABLE = "ACTION_SERVER_TIMEOUT"
DEFAULT_SECONDS = 5.0
_RASA_TIMEOUT = rasa_action.DEFAULT_REQUEST_TIMEOUT


def configured_seconds() -> float:
    """ACTION_SERVER_TIMEOUT as a positive number of seconds; a bad value is an error."""
    value = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not 0 < seconds <= _RASA_TIMEOUT:
        raise ValueError(f"{TIMEOUT_VARIABLE}={value!r}: give a number of seconds above 0 and at most {_RASA_TIMEOUT}")
    return seconds


def install() -> None:
    rasa_action.DEFAULT_REQUEST_TIMEOUT = configured_seconds()


def is_active() -> bool:
    return rasa_action.DEFAULT_REQUEST_TIMEOUT != _RASA_TIMEOUT
