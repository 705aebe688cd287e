"""A hung action server (it takes the connection and never answers): the user gets the
apology within seconds, over REST, and the conversation answers once it is back."""

import socket
import threading
import time
import uuid

import pytest
import requests

from channels.reliable import UNAVAILABLE_TEXT
from harness import free_port, rasa_server, write_endpoints

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hung_action_server():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []
    stop = threading.Event()

    def accept_and_say_nothing():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])  # kept open, never answered
            except OSError:
                continue

    thread = threading.Thread(target=accept_and_say_nothing, daemon=True)
    thread.start()
    yield listener.getsockname()[1], accepted
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def test_a_hung_action_server_gets_the_apology_within_seconds(hung_action_server, tmp_path):
    action_port, accepted = hung_action_server
    port = free_port()
    server = rasa_server(
        port, write_endpoints(tmp_path, action_port), tmp_path, "rasa-hung", environment={"ACTION_SERVER_TIMEOUT": "2"}
    ).start()
    try:
        webhook = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        started = time.monotonic()
        reply = requests.post(
            webhook, json={"sender": uuid.uuid4().hex, "message": "how much does an HR generalist make?"}, timeout=60
        )
        waited = time.monotonic() - started
        assert reply.status_code == 200 and [message["text"] for message in reply.json()] == [UNAVAILABLE_TEXT]
        assert accepted, "the action server was never called"
        assert waited < 20, f"the apology came after {waited:.0f} s"  # Rasa's own limit is 300 s
    finally:
        server.stop()
