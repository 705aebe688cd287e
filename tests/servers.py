"""Starts the real servers the end-to-end tests talk to, on free local ports.

The action server and the Rasa server (as `make run` starts them), and for the scale-out
test a private PostgreSQL cluster and a Redis server from Debian's packages.
"""
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

import requests
import yaml

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
    """The project's endpoints.yml, with this action server and an SQLite file in `directory`."""
    endpoints = yaml.safe_load((PROJECT / "endpoints.yml").read_text(encoding="utf-8"))
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{action_port}/webhook"
    endpoints["tracker_store"]["db"] = str(directory / "conversations.db")
    path = directory / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return path


def http_ready(url: str) -> Callable[[], bool]:
    def ready() -> bool:
        try:
            return requests.get(url, timeout=2).ok
        except requests.RequestException:
            return False

    return ready


def port_ready(port: int) -> Callable[[], bool]:
    def ready() -> bool:
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", port)) == 0

    return ready


class Service:
    """A server process whose output goes to a log file, stopped on exit."""

    def __init__(self, name: str, command: List[str], log_path: Path, ready: Callable[[], bool],
                 timeout: float = 180, environment: Optional[Dict[str, str]] = None):
        self.name, self.command, self.log_path, self.ready, self.timeout = name, command, log_path, ready, timeout
        self.environment = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                            **(environment or {})}
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Service":
        self.log = open(self.log_path, "a", encoding="utf-8")  # a restart appends
        self.process = subprocess.Popen(
            self.command, cwd=PROJECT, env=self.environment, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            if self.ready():
                return self
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{self.name} was not ready in {self.timeout} s:\n{self.tail()}")

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
        http_ready(f"http://127.0.0.1:{port}/health"),
    )


def rasa_server(port: int, endpoints: Path, log_dir: Path, name: str = "rasa-server",
                environment: Optional[Dict[str, str]] = None) -> Service:
    return Service(
        name,
        [str(BIN / "rasa"), "run", "--port", str(port), "--model", str(newest_model()),
         "--endpoints", str(endpoints), "--credentials", str(PROJECT / "credentials.yml")],
        log_dir / f"{name}.log",
        http_ready(f"http://127.0.0.1:{port}/"),
        environment=environment,
    )


def _postgres_binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make scale-services` (Debian's postgresql).")
    return found[-1]


def _as_postgres_user(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root; Debian's package made a `postgres` user for it."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def postgres_server(port: int, log_dir: Path) -> Service:
    """A throwaway PostgreSQL cluster in a temporary folder, trusting local connections."""
    folder = Path(tempfile.mkdtemp(prefix="hr-postgres-"))
    folder.chmod(0o755)
    data = folder / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    subprocess.run(
        _as_postgres_user([_postgres_binary("initdb"), "-D", str(data), "-U", "rasa", "--auth=trust",
                           "--encoding=UTF8", "--no-instructions"]),
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    service = Service(
        "postgresql",
        _as_postgres_user([_postgres_binary("postgres"), "-D", str(data), "-p", str(port), "-k", str(data),
                           "-c", "listen_addresses=127.0.0.1"]),
        log_dir / "postgresql.log",
        port_ready(port),
        timeout=60,
    )
    service.temporary_folder = folder  # the test removes it when done
    return service


def redis_server(port: int, log_dir: Path) -> Service:
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        raise RuntimeError("Redis is not installed: run `make scale-services` (Debian's redis-server).")
    return Service(
        "redis",
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        log_dir / "redis.log",
        port_ready(port),
        timeout=60,
    )
