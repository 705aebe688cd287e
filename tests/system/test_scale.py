"""Scale-out mode: two Rasa servers on one PostgreSQL tracker store and one Redis lock store.

The servers run with endpoints-scale.yml, as a deployment behind a load balancer would:
both load the same model, share one action server, and keep conversations in PostgreSQL
(Debian's packages, a throwaway cluster). Twenty conversations run at once, and each
message goes to the other server than the message before, so every follow-up is answered
by a server that did not see the question it follows.
"""

import secrets
import shutil
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List

import psycopg2
import pytest
import requests

from channels.reliable import STORE_UNAVAILABLE_TEXT, UNAVAILABLE_TEXT
from harness import PROJECT, action_server, free_port, postgres_server, rasa_server, redis_server

pytestmark = [pytest.mark.slow, pytest.mark.scale]

CONVERSATIONS = 20
FOLLOW_UPS = [  # (message, the heading the reply must carry for the conversation's role)
    ("how much do they make?", "{name}, salary:"),
    ("what education do they need?", "{name}, education:"),
    ("and what skills?", "{name}"),
]


@pytest.fixture(scope="module")
def scale_out(tmp_path_factory):
    logs = tmp_path_factory.mktemp("scale")
    started = []

    def start(service):
        started.append(service)
        return service.start()

    postgres = None
    try:
        db_port, redis_port, action_port = free_port(), free_port(), free_port()
        postgres = postgres_server(db_port, logs)
        start(postgres)
        connection = psycopg2.connect(host="127.0.0.1", port=db_port, user="rasa", dbname="postgres")
        connection.autocommit = True  # CREATE DATABASE runs outside a transaction
        connection.cursor().execute("CREATE DATABASE rasa")
        connection.close()
        redis = start(redis_server(redis_port, logs))
        token = secrets.token_urlsafe(16)  # the action server answers only with it
        start(action_server(action_port, logs, environment={"ACTION_SERVER_TOKEN": token}))
        environment = {
            "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook",
            "ACTION_SERVER_TOKEN": token,
            "DB_HOST": "127.0.0.1",
            "DB_PORT": str(db_port),
            "DB_NAME": "rasa",
            "DB_USER": "rasa",
            "DB_PASSWORD": "not-checked-by-trust-auth",
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(redis_port),
        }
        webhooks, bases = [], []
        for number in (1, 2):
            port = free_port()
            start(
                rasa_server(
                    port, PROJECT / "endpoints-scale.yml", logs, f"rasa-server-{number}", environment=environment
                )
            )
            webhooks.append(f"http://127.0.0.1:{port}/webhooks/rest/webhook")
            bases.append(f"http://127.0.0.1:{port}")
        yield {"webhooks": webhooks, "bases": bases, "db_port": db_port, "postgres": postgres, "redis": redis}
    finally:
        for service in reversed(started):
            service.stop()
        if postgres:
            shutil.rmtree(postgres.temporary_folder, ignore_errors=True)


def converse(webhooks: List[str], number: int, name: str) -> Dict:
    """One conversation whose messages alternate between the servers; returns what it saw."""
    sender = f"scale-{number}"
    messages = [(f"tell me about the {name}", "{name}")] + FOLLOW_UPS
    replies_received, wrong = 0, []
    for turn, (message, expected) in enumerate(messages):
        webhook = webhooks[(number + turn) % len(webhooks)]
        response = requests.post(webhook, json={"sender": sender, "message": message}, timeout=120)
        assert response.status_code == 200, f"{webhook}: HTTP {response.status_code}"
        replies = response.json()
        replies_received += len(replies)
        text = "\n".join(reply.get("text", "") for reply in replies)
        if expected.format(name=name).lower() not in text.lower():
            wrong.append((message, expected.format(name=name), text[:200]))
    return {"sender": sender, "messages": len(messages), "replies": replies_received, "wrong": wrong}


def test_conversations_alternating_between_two_servers_keep_their_roles_and_every_event(scale_out, kb):
    role_names = [kb.role(role_id).name for role_id in kb.roles]
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        results = list(
            pool.map(
                lambda number: converse(scale_out["webhooks"], number, role_names[number % len(role_names)]),
                range(CONVERSATIONS),
            )
        )

    assert [result["wrong"] for result in results] == [[]] * CONVERSATIONS

    with psycopg2.connect(host="127.0.0.1", port=scale_out["db_port"], user="rasa", dbname="rasa") as connection:
        cursor = connection.cursor()
        for result in results:
            cursor.execute(
                "SELECT type_name, count(*) FROM events WHERE sender_id = %s GROUP BY type_name", (result["sender"],)
            )
            counts = dict(cursor.fetchall())
            assert counts.get("user") == result["messages"], (result["sender"], counts)
            assert counts.get("bot") == result["replies"], (result["sender"], counts)
    connection.close()


def _say(webhook: str, sender: str, message: str) -> str:
    response = requests.post(webhook, json={"sender": sender, "message": message}, timeout=120)
    assert response.status_code == 200, f"{webhook}: HTTP {response.status_code}"
    return "\n".join(reply.get("text", "") for reply in response.json())


def _checks(base: str) -> Dict:
    return requests.get(base + "/webhooks/rest/ready", timeout=30).json()["checks"]


def test_redis_or_postgresql_down_is_said_and_service_resumes_when_they_are_back(scale_out):
    webhooks, base, sender = scale_out["webhooks"], scale_out["bases"][0], "scale-outage"
    assert "HR executive, salary:" in _say(webhooks[0], sender, "how much does an HR manager make?")
    scale_out["redis"].stop()
    try:
        assert _say(webhooks[1], sender, "what education do they need?") == UNAVAILABLE_TEXT
        assert _checks(base)["lock_store"] == "down"
    finally:
        scale_out["redis"].start()
    assert "HR executive, education:" in _say(webhooks[1], sender, "what education do they need?")
    scale_out["postgres"].stop()
    try:
        assert _say(webhooks[0], sender, "and how much do they make?") == STORE_UNAVAILABLE_TEXT
        assert _checks(base)["conversation_store"] == "down"
    finally:
        scale_out["postgres"].start()
    assert "HR executive, salary:" in _say(webhooks[0], sender, "and how much do they make?")  # context kept
    assert set(_checks(base).values()) == {"up"}
    with psycopg2.connect(host="127.0.0.1", port=scale_out["db_port"], user="rasa", dbname="rasa") as connection:
        cursor = connection.cursor()
        cursor.execute("SELECT count(*) FROM events WHERE sender_id = %s AND type_name = 'user'", (sender,))
        assert cursor.fetchone()[0] == 3  # the answered messages; nothing of those refused
    connection.close()
