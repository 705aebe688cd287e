"""Starts a server, times it until it answers, and samples its memory while it runs.

Memory is the resident set (RSS) of the process and all its children, read from /proc,
so a server that forks workers is measured whole.
"""
import os
import subprocess
import threading
import time
from pathlib import Path
from typing import Dict, List, Optional

import requests


def _children(pid: int) -> List[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
            return [int(child) for child in listing.read().split()]
    except OSError:
        return []


def tree_rss_bytes(pid: int) -> int:
    """RSS of `pid` and its descendants."""
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


class Server:
    """A server process, its start-up time, and the peak RSS of its process tree."""

    def __init__(self, name: str, command: List[str], cwd: Path, log_path: Path, ready_url: str,
                 environment: Optional[Dict[str, str]] = None, timeout: float = 300):
        self.name, self.command, self.cwd, self.log_path = name, command, cwd, log_path
        self.ready_url, self.timeout = ready_url, timeout
        self.environment = {**os.environ, **(environment or {})}
        self.process: Optional[subprocess.Popen] = None
        self.ready_seconds = float("nan")
        self.peak_rss_bytes = 0
        self._sampling = threading.Event()

    def start(self) -> "Server":
        self.log = open(self.log_path, "w", encoding="utf-8")
        started = time.perf_counter()
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.environment, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self._sampling.set()
        threading.Thread(target=self._sample, daemon=True).start()
        deadline = started + self.timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}; see {self.log_path}")
            try:
                if requests.get(self.ready_url, timeout=2).ok:
                    self.ready_seconds = time.perf_counter() - started
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer {self.ready_url} in {self.timeout:.0f} s; see {self.log_path}")

    def _sample(self) -> None:
        while self._sampling.is_set() and self.process and self.process.poll() is None:
            self.peak_rss_bytes = max(self.peak_rss_bytes, tree_rss_bytes(self.process.pid))
            time.sleep(0.1)

    def rss_bytes(self) -> int:
        return tree_rss_bytes(self.process.pid) if self.process else 0

    def stop(self) -> None:
        self._sampling.clear()
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()
        if getattr(self, "log", None):
            self.log.close()


def timed_run(command: List[str], cwd: Path, log_path: Path, environment: Optional[Dict[str, str]] = None) -> float:
    """Runs a command to completion (output to `log_path`) and returns its wall time in seconds."""
    started = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        completed = subprocess.run(command, cwd=cwd, env={**os.environ, **(environment or {})},
                                   stdout=log, stderr=subprocess.STDOUT)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with {completed.returncode}; see {log_path}")
    return time.perf_counter() - started
