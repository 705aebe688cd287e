"""The action server keeps an idle connection open longer than Rasa's client does (aiohttp
keeps one 15 s), so that the client closes it first. With Sanic's 5 s, a message sent about
5 s after a reply met a connection the server was closing: "Can not write request body", and
the user got "I can't look that up right now" (seen in `make shell`, 2 of 6 turns)."""

import socket
import time

import pytest

from actions.server import KEEP_ALIVE_SECONDS
from harness import action_server, free_port

pytestmark = pytest.mark.slow

AIOHTTP_KEEPALIVE_SECONDS = 15  # aiohttp.TCPConnector's default, which Rasa's endpoint session uses


def _health_request() -> bytes:
    return b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n"


def _read_response(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = connection.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def test_an_idle_connection_outlives_the_client_s_keepalive(tmp_path):
    assert KEEP_ALIVE_SECONDS > AIOHTTP_KEEPALIVE_SECONDS
    port = free_port()
    server = action_server(port, tmp_path).start()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(_health_request())
            assert _read_response(connection).startswith(b"HTTP/1.1 200")
            time.sleep(7)  # past Sanic's default of 5 s, which closed the connection here
            connection.sendall(_health_request())
            assert _read_response(connection).startswith(b"HTTP/1.1 200")
    finally:
        server.stop()
