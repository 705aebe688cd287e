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
        start(redis_server(redis_port, logs))
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
        webhooks = []
        for number in (1, 2):
            port = free_port()
            start(
                rasa_server(
                    port, PROJECT / "endpoints-scale.yml", logs, f"rasa-server-{number}", environment=environment
                )
            )
            webhooks.append(f"http://127.0.0.1:{port}/webhooks/rest/webhook")
        yield {"webhooks": webhooks, "db_port": db_port}
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
