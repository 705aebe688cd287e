"""Requests out of bounds, through the running Rasa server: refused with a clear error on
REST (HTTP 400 or 413) and with a clear reply on the web chat's socket, a flood of one
conversation told to slow down, and the same conversation answers as usual afterwards."""

import json
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import socketio

pytestmark = pytest.mark.slow


def post(webhook, body=None, data=None):
    return requests.post(webhook, json=body, data=data, headers={"Content-Type": "application/json"}, timeout=60)


@pytest.mark.parametrize(
    "body, error",
    [
        ({"message": "hi"}, "`sender` must be a non-empty string"),
        ({"sender": "s" * 5000, "message": "hi"}, "`sender` must be at most 128 characters"),
        ({"sender": "two words", "message": "hi"}, "`sender` may hold only letters"),
        ({"sender": "u-limits", "message": {"text": "hi"}}, "`message` must be a string"),
        ({"sender": "u-limits", "message": "hi", "metadata": [1, 2]}, "`metadata` must be a JSON object"),
        ({"sender": "u-limits", "message": "hi", "metadata": {"a": "x" * 10_000}}, "`metadata` must be at most"),
        ({"sender": "u-limits", "message": "hi", "extra": True}, "unknown field `extra`"),
    ],
)
def test_rest_refuses_fields_out_of_bounds_with_400(servers, body, error):
    response = post(servers["webhook"], body)
    assert response.status_code == 400, response.text[:300]
    assert error in response.json()["error"]


def test_rest_refuses_deep_metadata_and_the_conversation_still_works(servers):
    sender = f"limits-{uuid.uuid4().hex[:8]}"
    deep = "hi"
    for _ in range(500):
        deep = {"a": deep}
    response = post(servers["webhook"], data=json.dumps({"sender": sender, "message": "hi", "metadata": deep}))
    assert response.status_code == 400 and "nest at most 4 levels" in response.json()["error"]
    answer = post(servers["webhook"], {"sender": sender, "message": "how much does an HR generalist make?"})
    assert answer.status_code == 200 and "HR generalist, salary:" in answer.json()[0]["text"]


def test_rest_refuses_a_big_body_unread_and_malformed_json(servers):
    big = post(
        servers["webhook"], data=json.dumps({"sender": "u-big", "message": "hi", "metadata": {"a": "x" * 9_000_000}})
    )
    assert big.status_code == 413
    assert post(servers["webhook"], data="{not json").status_code == 400
    assert "must be JSON" in post(servers["webhook"], data="{not json").json()["error"]


def test_the_socket_replies_why_it_refused_a_message_and_then_answers(servers):
    client = socketio.Client(reconnection=False)
    replies, arrived = [], threading.Event()

    @client.on("bot_uttered")
    def bot_uttered(data):
        replies.append(data.get("text", ""))
        arrived.set()

    client.connect(
        servers["base"], headers={"Origin": servers["base"]}, transports=["polling"], socketio_path="socket.io"
    )
    try:
        session = uuid.uuid4().hex
        client.emit("session_request", {"session_id": session})

        def say(payload):
            arrived.clear()
            replies.clear()
            client.emit("user_uttered", payload)
            assert arrived.wait(60), f"no reply to {str(payload)[:80]}"
            arrived.wait(1)  # a second reply, if any
            return "\n".join(replies)

        assert "couldn't read that message (session_id must be a non-empty string)" in say({"message": "hi"})
        assert "message must be a string" in say({"message": 5, "session_id": session})
        deep = {}
        for _ in range(100):
            deep = {"a": deep}
        assert "metadata may nest at most 4 levels" in say({"message": "hi", "session_id": session, "metadata": deep})
        # Markdown in the web chat
        assert "**HR generalist, salary**:" in say(
            {"message": "how much does an HR generalist make?", "session_id": session}
        )
    finally:
        client.disconnect()


def test_a_flood_of_one_conversation_is_told_to_slow_down_and_nothing_goes_unanswered(servers):
    sender = f"flood-{uuid.uuid4().hex[:8]}"

    def ask(_):
        return post(servers["webhook"], {"sender": sender, "message": "how much does an HR generalist make?"})

    with ThreadPoolExecutor(max_workers=15) as pool:
        responses = list(pool.map(ask, range(15)))
    texts = [" ".join(reply["text"] for reply in response.json()) for response in responses]
    assert all(response.status_code == 200 for response in responses)
    assert all(text for text in texts), "a message went unanswered"
    slowed = [text for text in texts if text.startswith("You're sending messages faster than I can answer")]
    assert slowed and all(text in slowed or "HR generalist, salary:" in text for text in texts)
    log = servers["rasa"].log_path.read_text(encoding="utf-8", errors="replace")
    assert log.count(f"Refused a message of conversation {sender}:") == len(slowed)
    after = post(servers["webhook"], {"sender": sender, "message": "and the executive?"})
    assert "HR executive" in after.json()[0]["text"]


def _log(servers):
    return servers["rasa"].log_path.read_text(encoding="utf-8", errors="replace")


def test_a_newline_in_what_a_client_sends_forges_no_log_line(servers):
    forged = "x\n2026-12-01 12:00:00 ERROR    rasa.core.processor  - forged line"
    response = post(servers["webhook"], {"sender": "u-log", "message": "hi", forged: 1})
    assert response.status_code == 400
    log = _log(servers)
    assert "unknown field `x\\n2026-12-01 12:00:00 ERROR    rasa.core.processor  - forged line`" in log
    assert not any(line.startswith("2026-12-01 12:00:00 ERROR") for line in log.splitlines())


def test_a_closed_websocket_is_not_logged_as_an_error(servers):
    import asyncio

    import websockets

    url = servers["base"].replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"

    async def open_and_close():
        async with websockets.connect(url, origin=servers["base"]) as socket:
            assert (await socket.recv()).startswith("0{")  # engine.io's open packet
            await socket.send("40")  # socket.io: connect to the default namespace
            assert (await socket.recv()).startswith("40")

    before = _log(servers).count("Exception occurred while handling uri")
    for _ in range(3):
        asyncio.run(open_and_close())
    time.sleep(1)
    log = _log(servers)
    assert log.count("Exception occurred while handling uri") == before
    assert "Invalid response type None" not in log
