"""A model that fails to load stops the Rasa server, instead of a server that answers nothing.

Rasa 3.6 loads the model as the server starts (`rasa.core.run.load_agent_on_start`); when
that fails (a model of another Rasa version, a component that cannot be built, a disk that
fills while unpacking) it logs the error, then "Rasa server is up and running.", and serves
an agent with no model: every message gets the outage apology, and nothing says why.
rasa_server/models.py already refuses an incomplete archive before Rasa starts; patched
here, any other load failure exits with status 1 and one line after Rasa's own error.
"""

import logging
import os
from typing import Any

import rasa.core.run as rasa_run

logger = logging.getLogger(__name__)

_RASA_LOAD_AGENT_ON_START = rasa_run.load_agent_on_start


async def load_agent_on_start(*args: Any, **kwargs: Any) -> Any:
    agent = await _RASA_LOAD_AGENT_ON_START(*args, **kwargs)
    if not agent.is_ready():
        logger.error("Cannot start the Rasa server: the model could not be loaded (Rasa's error is above).")
        logging.shutdown()
        os._exit(1)  # from a start-up listener: Sanic would catch an exception and carry on
    return agent


def install() -> None:
    rasa_run.load_agent_on_start = load_agent_on_start


def is_active() -> bool:
    return rasa_run.load_agent_on_start is load_agent_on_start
