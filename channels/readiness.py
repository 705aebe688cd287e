"""Readiness: whether this Rasa server can answer and keep conversations right now.

`GET /webhooks/rest/ready` (channels/reliable.py) answers HTTP 200 when every part is up
and 503 when one is not, with each part's state:

    {"ready": false, "checks": {"model": "up", "conversation_store": "down",
                                "lock_store": "up", "action_server": "up"}}

Rasa's own `GET /` says "Hello from Rasa" whatever is down: with the conversations'
database unwritable or the action server stopped, it looked healthy. The reasons go to
the server's log, not to the caller (they name files and hosts).
"""

import asyncio
import logging
from typing import Any, Callable, Dict, Optional, Tuple

import aiohttp
from rasa.core.lock_store import RedisLockStore
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import text

logger = logging.getLogger(__name__)

ACTION_SERVER_TIMEOUT_SECONDS = 2.0
UP, DOWN = "up", "down"


async def _in_thread(check: Callable[[], Optional[str]]) -> Optional[str]:
    # Database and Redis clients block: off the event loop, so a slow check stalls nobody.
    return await asyncio.get_running_loop().run_in_executor(None, check)


def _store_problem(store: Any) -> Optional[str]:
    store = getattr(store, "_tracker_store", store)  # inside Rasa's FailSafeTrackerStore
    if hasattr(store, "writing_problem"):  # stores.single_server: takes the write lock
        return store.writing_problem()
    if isinstance(store, SQLTrackerStore):
        with store.session_scope() as session:
            session.execute(text("SELECT 1"))
    return None


def _lock_store_problem(lock_store: Any) -> Optional[str]:
    if isinstance(lock_store, RedisLockStore):
        lock_store.red.ping()
    return None


async def _action_server_problem(endpoint: Any) -> Optional[str]:
    if endpoint is None or not endpoint.url:
        return None  # no custom actions configured
    health = endpoint.url.rsplit("/", 1)[0] + "/health"  # rasa-sdk's, beside /webhook
    timeout = aiohttp.ClientTimeout(total=ACTION_SERVER_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(health) as reply:
            return None if reply.status == 200 else f"HTTP {reply.status} from {health}"


async def _state(name: str, check: Any) -> str:
    try:
        problem = await check
    except Exception as error:  # a refused connection, a locked database, a timeout, ...
        problem = f"{type(error).__name__}: {error}"
    if problem:
        logger.warning("Not ready: the %s is down (%s).", name.replace("_", " "), problem)
        return DOWN
    return UP


async def readiness(agent: Any) -> Tuple[bool, Dict[str, str]]:
    """(whether every part is up, each part's state) for a Rasa agent."""
    if agent is None or not agent.is_ready():
        return False, {"model": DOWN}
    checks = {
        "model": UP,
        "conversation_store": await _state(
            "conversation_store", _in_thread(lambda: _store_problem(agent.tracker_store))
        ),
        "lock_store": await _state("lock_store", _in_thread(lambda: _lock_store_problem(agent.lock_store))),
        "action_server": await _state("action_server", _action_server_problem(agent.action_endpoint)),
    }
    return all(state == UP for state in checks.values()), checks
