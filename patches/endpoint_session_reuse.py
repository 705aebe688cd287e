"""Keeps one HTTP client session per endpoint, instead of a new one (and a new TCP connection) per request.

Rasa 3.6's `EndpointConfig.request` opens `async with self.session()`, and `session()`
builds a new `aiohttp.ClientSession` each time: every call of a custom action opens and
closes a TCP connection to the action server. Measured with py-spy under load (bench/),
connecting was about a tenth of the Rasa server's time per message. Patched here:
`rasa.utils.endpoints.EndpointConfig.session` returns the endpoint's kept session (one per
endpoint URL and event loop, with the same headers, auth and timeout as Rasa's), behind a
context manager that does not close it, so connections are reused (HTTP keep-alive).
A connection the other side closed (an action server restarted) is not reused: aiohttp
drops closed connections from its pool.
"""

import asyncio
from typing import Any, Dict, Tuple

import aiohttp
from rasa.utils.endpoints import EndpointConfig

_RASA_SESSION = EndpointConfig.session
_SESSIONS: Dict[Tuple[int, str, str], aiohttp.ClientSession] = {}


class _KeptSession:
    """`async with` gives the kept session and leaves it open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *_: Any) -> None:
        return None


def kept_session(endpoint: EndpointConfig) -> _KeptSession:
    """Drop-in for `EndpointConfig.session` (same settings; the session is kept per endpoint)."""
    key = (id(asyncio.get_running_loop()), endpoint.url or "", repr(sorted((endpoint.headers or {}).items())))
    session = _SESSIONS.get(key)
    if session is None or session.closed:
        session = _SESSIONS[key] = _RASA_SESSION(endpoint)
    return _KeptSession(session)


def install() -> None:
    EndpointConfig.session = kept_session


def is_active() -> bool:
    return EndpointConfig.session is kept_session
