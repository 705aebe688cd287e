"""Framework patches, each in a module named for what it patches, installed explicitly.

Each patch was written for, and measured on, one Rasa version: `install_all()` installs a
patch only when the running Rasa is that version, and otherwise logs one line saying it
left Rasa's own code in place (the assistant still works, only slower). The Rasa server's
entry point (`python -m rasa_server`) calls it before Rasa builds its agent.
"""

import logging
from typing import Dict

import rasa

from patches import (
    action_call_timeout,
    agent_load_on_start,
    endpoint_session_reuse,
    graph_runner_sequential,
    remote_action_validation,
    root_route_without_version,
    session_start,
    tracker_store_fail_loudly,
)

logger = logging.getLogger(__name__)

# patch module -> the Rasa version it was written and measured for
PATCHES = {
    remote_action_validation: "3.6.21",
    endpoint_session_reuse: "3.6.21",
    graph_runner_sequential: "3.6.21",
    action_call_timeout: "3.6.21",
    tracker_store_fail_loudly: "3.6.21",
    agent_load_on_start: "3.6.21",
    root_route_without_version: "3.6.21",
    session_start: "3.6.21",
}


def install_all() -> Dict[str, bool]:
    """Installs every patch written for the running Rasa; name -> whether it is active."""
    active = {}
    for module, version in PATCHES.items():
        name = module.__name__.rsplit(".", 1)[-1]
        if rasa.__version__ != version:
            logger.warning("Patch %s not installed: written for Rasa %s, running %s.", name, version, rasa.__version__)
            active[name] = False
            continue
        module.install()
        logger.info("Patch %s installed (Rasa %s).", name, version)
        active[name] = module.is_active()
    return active
