"""Faults of a running server and of its model: a broken newest model is skipped (or the
server refuses to start), a store that cannot write is said in the reply, and readiness
(`GET /webhooks/rest/ready`) names the part that is down."""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import time
import uuid

import pytest
import requests

from channels.reliable import NOT_SAVED_TEXT
from harness import PROJECT, free_port
from harness.servers import newest_model, rasa_server_command, start_assistant, write_endpoints

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    """An assistant of its own (its action server may be stopped), serving a models folder
    whose newest archive is truncated."""
    folder = tmp_path_factory.mktemp("own")
    models = folder / "models"
    models.mkdir()
    good = models / "good.tar.gz"
    shutil.copy(newest_model(), good)
    broken = models / "broken.tar.gz"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    later = time.time() + 60
    os.utime(broken, (later, later))
    assistant = start_assistant(folder, model=models)
    try:
        yield {"assistant": assistant, "broken": broken, "db": folder / "conversations.db"}
    finally:
        assistant.stop()


def say(assistant, sender, text, stream=False):
    reply = requests.post(
        assistant.webhook + ("?stream=true" if stream else ""), json={"sender": sender, "message": text}, timeout=90
    )
    assert reply.status_code == 200, reply.text[:300]
    if stream:
        return "\n".join(json.loads(line).get("text", "") for line in reply.text.splitlines() if line.strip())
    return "\n".join(message.get("text", "") for message in reply.json())


def ready(assistant):
    reply = requests.get(assistant.base + "/webhooks/rest/ready", timeout=30)
    return reply.status_code, reply.json()


def test_a_truncated_newest_model_is_skipped_and_named(own):
    log = own["assistant"].rasa.log_path.read_text(encoding="utf-8")
    assert f"Skipping the model {own['broken']}: not a complete model archive" in log
    assert "good.tar.gz" in log
    assert "HR generalist, salary:" in say(own["assistant"], "model-1", "how much does an HR generalist make?")


def test_readiness_names_the_action_server_when_it_is_down(own):
    assistant = own["assistant"]
    up = {"model": "up", "conversation_store": "up", "lock_store": "up", "action_server": "up"}
    assert ready(assistant) == (200, {"ready": True, "checks": up})
    assistant.actions.stop()
    try:
        assert ready(assistant) == (503, {"ready": False, "checks": {**up, "action_server": "down"}})
    finally:
        assistant.actions.start()
    assert ready(assistant)[0] == 200


def _stored_texts(db, sender):
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (sender,)
        ).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def test_a_turn_that_could_not_be_saved_is_said_and_the_next_one_is_saved(own):
    assistant, sender = own["assistant"], f"unsaved-{uuid.uuid4().hex[:8]}"
    assert "$149,280" in say(assistant, sender, "how much does an HR manager make?")
    blocker = sqlite3.connect(own["db"], timeout=1)
    blocker.execute("BEGIN EXCLUSIVE")  # another writer holds the database: every write fails
    try:
        reply = say(assistant, sender, "what education do they need?", stream=True)
        assert "bachelor" in reply.lower() and NOT_SAVED_TEXT in reply
        status, readiness = ready(assistant)
        assert status == 503 and readiness["checks"]["conversation_store"] == "down"
    finally:
        blocker.rollback()
        blocker.close()
    assert "$149,280" in say(assistant, sender, "and how much do they make?")  # the role saved before
    assert _stored_texts(own["db"], sender) == ["how much does an HR manager make?", "and how much do they make?"]
    assert ready(assistant)[0] == 200
    log = assistant.rasa.log_path.read_text(encoding="utf-8")
    assert f"Could not save conversation {sender} after 3 attempts" in log


def _run_server(tmp_path, model):
    return subprocess.run(
        rasa_server_command(free_port(), model, write_endpoints(tmp_path, free_port())),
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_the_server_refuses_to_start_without_a_complete_model(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    (models / "partial.tar.gz").write_bytes(newest_model().read_bytes()[:1000])
    finished = _run_server(tmp_path, models)
    assert finished.returncode == 1
    assert finished.stderr.strip().splitlines()[-1] == (
        f"Cannot start the Rasa server: no complete trained model in {models} (`make train` trains one)"
    )


def test_a_model_rasa_cannot_load_stops_the_server(tmp_path):
    model = tmp_path / "not-rasa.tar.gz"
    with tarfile.open(model, "w:gz") as archive:
        info = tarfile.TarInfo("metadata.json")
        info.size = 2
        archive.addfile(info, io.BytesIO(b"{}"))
    finished = _run_server(tmp_path, model)
    assert finished.returncode == 1
    assert "Cannot start the Rasa server: the model could not be loaded" in finished.stderr.strip().splitlines()[-1]
