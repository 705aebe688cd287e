"""The servers the tests and the benchmarks start: command lines, ports, endpoints, processes.

The action server and the Rasa server as `make run` starts them (each command line is
built here and nowhere else), and for the scale-out test a private PostgreSQL cluster and
a Redis server from Debian's packages. Every server listens on 127.0.0.1, on a free port.
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import requests
import yaml

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable  # the venv's Python, when run as .venv/bin/python or by its pytest
BIN = Path(PYTHON).parent
CREDENTIALS = PROJECT / "credentials.yml"
ENVIRONMENT = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


# Command lines ------------------------------------------------------------------------


def action_server_command(port: int) -> List[str]:
    """The action server: the knowledge base loaded and checked first (actions/server.py)."""
    return [PYTHON, "-m", "actions.server", "--actions", "actions", "--port", str(port)]


def rasa_command(*arguments: str) -> List[str]:
    """Any Rasa sub-command (`run`, `shell`, `test`...) after our framework patches (rasa_server/)."""
    return [PYTHON, "-m", "rasa_server", *arguments]


def unpatched_rasa_command(*arguments: str) -> List[str]:
    """Rasa's own command line (.venv/bin/rasa), without our patches.

    For the benchmark's stock assistant, and for `rasa train` as `make train` runs it.
    """
    return [str(BIN / "rasa"), *arguments]


def rasa_server_command(
    port: int, model: Path, endpoints: Path, credentials: Optional[Path] = CREDENTIALS, extra: Sequence[str] = ()
) -> List[str]:
    """`rasa run` of this assistant; `extra` adds options (`--enable-api`, `--connector ...`)."""
    command = rasa_command(
        "run", "--interface", "127.0.0.1", "--port", str(port), "--model", str(model), "--endpoints", str(endpoints)
    )
    if credentials is not None:
        command += ["--credentials", str(credentials)]
    return command + list(extra)


# Ports, models, endpoints, readiness ---------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def newest_model(folder: Path = PROJECT / "models") -> Path:
    from rasa_server.models import newest_complete

    model, _ = newest_complete(folder)
    if model is None:
        raise RuntimeError(f"No trained model in {folder}: run `make train` (or `make test`, which trains first).")
    return model


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


# Processes -----------------------------------------------------------------------------


def _children(pid: int) -> List[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def tree_rss_bytes(pid: int) -> int:
    """Resident memory (RSS) of `pid` and all its descendants, from /proc (Linux)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
        pending.extend(_children(current))
    return total


class Service:
    """A server process with its output in a log file, ready when `ready()` says so.

    `start()` returns once it is ready (or raises, with the end of its log) and records
    `ready_seconds`, the time from start to ready. With `sample_rss`, a thread keeps
    `peak_rss_bytes`, the peak resident memory of the process tree, over every start.
    A restart appends to the same log.
    """

    def __init__(
        self,
        name: str,
        command: List[str],
        log_path: Path,
        ready: Callable[[], bool],
        timeout: float = 180,
        environment: Optional[Dict[str, str]] = None,
        cwd: Path = PROJECT,
        sample_rss: bool = False,
        stop_command: Optional[List[str]] = None,
    ):
        self.name, self.command, self.log_path, self.ready, self.timeout = name, command, log_path, ready, timeout
        self.cwd, self.sample_rss, self.stop_command = cwd, sample_rss, stop_command
        self.environment = {**os.environ, **ENVIRONMENT, **(environment or {})}
        self.process: Optional[subprocess.Popen] = None
        self.log = None
        self.ready_seconds = float("nan")
        self.peak_rss_bytes = 0
        self._sampling = threading.Event()

    def start(self) -> "Service":
        self.log = open(self.log_path, "a", encoding="utf-8")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env=self.environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if self.sample_rss:
            self._sampling.set()
            threading.Thread(target=self._sample, args=(self.process,), daemon=True).start()
        while time.perf_counter() < started + self.timeout:
            if self.process.poll() is not None:
                message = f"{self.name} exited with {self.process.returncode} (log: {self.log_path}):\n{self.tail()}"
                self.stop()
                raise RuntimeError(message)
            if self.ready():
                self.ready_seconds = time.perf_counter() - started
                return self
            time.sleep(0.1)
        message = f"{self.name} was not ready in {self.timeout:.0f} s (log: {self.log_path}):\n{self.tail()}"
        self.stop()
        raise RuntimeError(message)

    def _sample(self, process: subprocess.Popen) -> None:
        while self._sampling.is_set() and process.poll() is None:
            self.peak_rss_bytes = max(self.peak_rss_bytes, tree_rss_bytes(process.pid))
            time.sleep(0.1)

    def rss_bytes(self) -> int:
        """The resident memory of the process tree now (0 when it is not running)."""
        return tree_rss_bytes(self.process.pid) if self.process and self.process.poll() is None else 0

    def tail(self, lines: int = 30) -> str:
        if self.log:
            self.log.flush()
        return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """`stop_command` if any (it waits until the server is down), else SIGTERM to the server;
        after 30 s, SIGKILL to its whole process group."""
        self._sampling.clear()
        if self.process and self.process.poll() is None:
            if self.stop_command:
                subprocess.run(self.stop_command, stdout=self.log, stderr=subprocess.STDOUT, timeout=60, check=False)
            else:
                self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait()
        if self.log:
            self.log.close()
            self.log = None


def timed_run(
    command: List[str], log_path: Path, cwd: Path = PROJECT, environment: Optional[Dict[str, str]] = None
) -> float:
    """Runs a command to completion (output to `log_path`) and returns its wall time in seconds."""
    started = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        completed = subprocess.run(
            command,
            cwd=cwd,
            env={**os.environ, **ENVIRONMENT, **(environment or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with {completed.returncode}; see {log_path}")
    return time.perf_counter() - started


# This assistant's servers --------------------------------------------------------------


def action_server(port: int, log_dir: Path, name: str = "action-server", **options) -> Service:
    """`options`: Service's (environment, timeout, sample_rss)."""
    return Service(
        name,
        action_server_command(port),
        log_dir / f"{name}.log",
        http_ready(f"http://127.0.0.1:{port}/health"),
        **options,
    )


def rasa_server(
    port: int,
    endpoints: Path,
    log_dir: Path,
    name: str = "rasa-server",
    model: Optional[Path] = None,
    extra: Sequence[str] = (),
    **options,
) -> Service:
    """This assistant's Rasa server (the newest model by default); `options`: Service's."""
    command = rasa_server_command(port, model or newest_model(), endpoints, extra=extra)
    return Service(name, command, log_dir / f"{name}.log", http_ready(f"http://127.0.0.1:{port}/"), **options)


@dataclass
class Assistant:
    """A running action server and Rasa server, as `make run` starts them, and their addresses."""

    actions: Service
    rasa: Service
    base: str

    @property
    def webhook(self) -> str:
        return f"{self.base}/webhooks/rest/webhook"

    @property
    def page(self) -> str:
        return f"{self.base}/chat/"

    def stop(self) -> None:
        self.rasa.stop()
        self.actions.stop()


def start_assistant(log_dir: Path, model: Optional[Path] = None, **options) -> Assistant:
    """Starts the action server, then the Rasa server (the newest model by default) on the
    project's endpoints.yml with its SQLite tracker store in `log_dir`; logs there too.
    `options`: Service's (environment, timeout, sample_rss), for both. Stops both if either
    fails to start."""
    action_port, rasa_port = free_port(), free_port()
    actions = action_server(action_port, log_dir, **options).start()
    try:
        rasa = rasa_server(rasa_port, write_endpoints(log_dir, action_port), log_dir, model=model, **options).start()
    except BaseException:
        actions.stop()
        raise
    return Assistant(actions, rasa, f"http://127.0.0.1:{rasa_port}")


# The scale-out test's services ---------------------------------------------------------


def _postgres_binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make scale-services` (Debian's postgresql).")
    return found[-1]


def _as_postgres_user(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root; Debian's package made a `postgres` user for it."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def postgres_server(port: int, log_dir: Path) -> Service:
    """A throwaway PostgreSQL cluster in a temporary folder (`.temporary_folder`), trusting local connections."""
    folder = Path(tempfile.mkdtemp(prefix="hr-postgres-"))
    folder.chmod(0o755)
    data = folder / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    subprocess.run(
        _as_postgres_user(
            [
                _postgres_binary("initdb"),
                "-D",
                str(data),
                "-U",
                "rasa",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-instructions",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    service = Service(
        "postgresql",
        _as_postgres_user(
            [
                _postgres_binary("postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-k",
                str(data),
                "-c",
                "listen_addresses=127.0.0.1",
            ]
        ),
        log_dir / "postgresql.log",
        port_ready(port),
        timeout=60,
        # Fast shutdown (SIGTERM would wait for every client to leave), waiting until it is down.
        stop_command=_as_postgres_user([_postgres_binary("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
    )
    service.temporary_folder = folder  # the caller removes it when done
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
