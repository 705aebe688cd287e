"""A conversations database that cannot be written: the Rasa server does not start, and
says why in one line (Rasa's own store would keep the conversations in memory only)."""

import os
import subprocess

import pytest
import yaml

from harness import PROJECT, free_port
from harness.servers import newest_model, rasa_server_command

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("fault", ["garbage", "folder is a file"])
def test_the_server_refuses_to_start_on_a_database_it_cannot_write(tmp_path, fault):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database " * 100)
    database = garbage if fault == "garbage" else garbage / "conversations.db"
    endpoints = yaml.safe_load((PROJECT / "endpoints.yml").read_text(encoding="utf-8"))
    endpoints["tracker_store"]["db"] = str(database)
    endpoints_file = tmp_path / "endpoints.yml"
    endpoints_file.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    finished = subprocess.run(
        rasa_server_command(free_port(), newest_model(), endpoints_file),
        cwd=tmp_path,  # not the project's folder
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 1
    last_line = finished.stderr.strip().splitlines()[-1]
    assert last_line.startswith(f"Cannot start the Rasa server: cannot write the conversations database {database}")
