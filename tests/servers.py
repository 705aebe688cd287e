"""Starts the real action server and Rasa server on free local ports for end-to-end tests."""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Optional

import requests

PROJECT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def newest_model() -> Path:
    models = sorted((PROJECT / "models").glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    if not models:
        raise RuntimeError("No trained model in models/: run `make train` (or `make test`, which trains first).")
    return models[-1]


def write_endpoints(directory: Path, action_port: int) -> Path:
    path = directory / "endpoints.yml"
    path.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n', encoding="utf-8")
    return path


class Service:
    """A server process whose output goes to a log file, stopped on exit."""

    def __init__(self, name: str, command: List[str], log_path: Path, health_url: str, timeout: float = 180):
        self.name, self.command, self.log_path, self.health_url, self.timeout = name, command, log_path, health_url, timeout
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Service":
        environment = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
        self.log = open(self.log_path, "a", encoding="utf-8")  # a restart appends
        self.process = subprocess.Popen(
            self.command, cwd=PROJECT, env=environment, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            try:
                if requests.get(self.health_url, timeout=2).ok:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer {self.health_url} in {self.timeout} s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        self.log.flush()
        return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log", None):
            self.log.close()


def action_server(port: int, log_dir: Path) -> Service:
    return Service(
        "action server",
        [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)],
        log_dir / "action-server.log",
        f"http://127.0.0.1:{port}/health",
    )


def rasa_server(port: int, endpoints: Path, log_dir: Path) -> Service:
    return Service(
        "rasa server",
        [str(BIN / "rasa"), "run", "--port", str(port), "--model", str(newest_model()),
         "--endpoints", str(endpoints), "--credentials", str(PROJECT / "credentials.yml")],
        log_dir / "rasa-server.log",
        f"http://127.0.0.1:{port}/",
    )
