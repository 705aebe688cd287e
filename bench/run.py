"""`make bench`: this assistant against a stock `rasa init` assistant, on this machine.

    .venv/bin/python bench/run.py            # about 5 minutes on two cores; writes docs/benchmark.md

In one run, with the same Rasa (the one in .venv):
1. trains both from scratch, each with an empty training cache, and times it: ours as
   `make train` does, the stock one with `rasa init --no-prompt` (which copies Rasa's
   starter project and trains it) in a temporary folder;
2. starts both Rasa servers, one after the other (ours with its action server and its
   default SQLite tracker store), and times each from start to answering;
3. sends both the same kind of load through the REST channel: 1 user sending messages one
   after another, then 10 and 50 concurrent users, each user holding its own
   conversation and waiting for each reply. The load goes to one assistant at a time, in
   rounds that alternate between them, so that a slower or faster spell of a shared
   machine falls on both;
4. samples the resident memory (RSS) of each server's process tree all along, and keeps
   the peak;
5. writes docs/benchmark.md: the figures, the ratios ours/stock, and the targets.

Everything runs on 127.0.0.1, with a fixed number of messages per level, and a 60 s limit
per message. The exit code is 1 when a target is missed.
"""
import argparse
import platform
import shutil
import socket
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.load import LoadResult, run_load  # noqa: E402
from bench.processes import Server, timed_run  # noqa: E402

BIN = Path(sys.executable).parent
REPORT = PROJECT / "docs" / "benchmark.md"
ENVIRONMENT = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONWARNINGS": "ignore"}

# Conversations of the kind each assistant is made for, follow-ups included. Each user
# goes through its conversation again (as a new sender) until it has sent its share.
OUR_CONVERSATION = [
    "hi",
    "how much does an HR generalist make?",
    "what education do they need?",
    "and the executive?",
    "which one pays more?",
    "what other careers are related?",
]
STOCK_CONVERSATION = ["hello", "I am sad", "yes", "are you a bot?", "great", "goodbye"]

# (concurrent users, messages per user in each round)
LOAD_LEVELS = [(1, 60), (10, 12), (50, 6)]
ROUNDS = 3
WARM_UP = (2, 12)

TARGETS = {  # ours / stock
    "p50_single_user": 0.6,
    "throughput_10_users": 2.0,
    "rasa_rss": 1.0,
}
TRAINING_TARGET_SECONDS = 60


@dataclass
class AssistantRun:
    name: str
    training_seconds: float = float("nan")
    ready_seconds: float = float("nan")
    rasa_peak_rss: int = 0
    action_peak_rss: Optional[int] = None
    loads: Dict[int, LoadResult] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Target:
    """A started assistant: its run's figures, its Rasa server, its webhook and conversation."""

    run: AssistantRun
    rasa: Server
    webhook: str
    conversation: List[str]


def measure(targets: List[Target]) -> None:
    for target in targets:
        run_load(target.webhook, target.conversation, *WARM_UP)
    for users, messages in LOAD_LEVELS:
        for _ in range(ROUNDS):
            for target in targets:
                result = run_load(target.webhook, target.conversation, users, messages)
                target.run.loads.setdefault(users, LoadResult(users=users)).add(result)
        for target in targets:
            result = target.run.loads[users]
            print(f"  {target.run.name}, {users} user(s): p50 {result.percentile(0.5):.1f} ms, "
                  f"{result.messages_per_second:.1f} msg/s, {result.errors} errors", flush=True)


def start_stock(work: Path, servers: List[Server]) -> Target:
    run = AssistantRun("stock rasa init")
    folder = work / "stock"
    folder.mkdir()
    print("Training the stock assistant (rasa init --no-prompt)...", flush=True)
    run.training_seconds = timed_run(
        [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(folder)], folder, work / "stock-train.log",
        {**ENVIRONMENT, "RASA_CACHE_DIRECTORY": str(work / "stock-cache")},
    )
    port = free_port()
    rasa = Server("stock Rasa server", [str(BIN / "rasa"), "run", "--port", str(port)], folder,
                  work / "stock-rasa.log", f"http://127.0.0.1:{port}/webhooks/rest/", ENVIRONMENT)
    servers.append(rasa)
    rasa.start()
    run.ready_seconds = rasa.ready_seconds
    return Target(run, rasa, f"http://127.0.0.1:{port}/webhooks/rest/webhook", STOCK_CONVERSATION)


def our_endpoints(work: Path, action_port: int) -> Path:
    """endpoints.yml as shipped, with the bench's action server port and its own SQLite file."""
    endpoints = yaml.safe_load((PROJECT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{action_port}/webhook"
    endpoints["tracker_store"]["db"] = str(work / "conversations.db")
    path = work / "endpoints.yml"
    path.write_text(yaml.safe_dump(endpoints))
    return path


def start_ours(work: Path, servers: List[Server]) -> Tuple[Target, Server]:
    run = AssistantRun("this assistant")
    print("Training this assistant (rasa train)...", flush=True)
    run.training_seconds = timed_run(
        # As scripts/train-if-needed.sh (`make train`) trains: the data is validated by
        # `make validate` and the tests, not at every training.
        [str(BIN / "rasa"), "train", "--skip-validation", "--out", str(work / "models"), "--fixed-model-name",
         "ours"], PROJECT, work / "ours-train.log", {**ENVIRONMENT, "RASA_CACHE_DIRECTORY": str(work / "ours-cache")},
    )
    action_port, rasa_port = free_port(), free_port()
    actions = Server("action server", [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port",
                                       str(action_port)], PROJECT, work / "ours-actions.log",
                     f"http://127.0.0.1:{action_port}/health", ENVIRONMENT)
    servers.append(actions)
    actions.start()
    rasa = Server("Rasa server", [str(BIN / "rasa"), "run", "--port", str(rasa_port), "--model",
                                  str(work / "models" / "ours.tar.gz"), "--endpoints",
                                  str(our_endpoints(work, action_port)), "--credentials",
                                  str(PROJECT / "credentials.yml")], PROJECT, work / "ours-rasa.log",
                  f"http://127.0.0.1:{rasa_port}/webhooks/rest/", ENVIRONMENT)
    servers.append(rasa)
    rasa.start()
    run.ready_seconds = rasa.ready_seconds
    return Target(run, rasa, f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook", OUR_CONVERSATION), actions


def mb(value: Optional[int]) -> str:
    return "n/a" if value is None else f"{value / 2**20:,.0f} MB"


def ratio(ours: float, stock: float) -> str:
    return f"{ours / stock:.2f}x" if stock else "n/a"


def check_targets(ours: AssistantRun, stock: AssistantRun) -> Dict[str, bool]:
    return {
        "p50_single_user": ours.loads[1].percentile(0.5) <= TARGETS["p50_single_user"] * stock.loads[1].percentile(0.5),
        "throughput_10_users": ours.loads[10].messages_per_second
        >= TARGETS["throughput_10_users"] * stock.loads[10].messages_per_second,
        "rasa_rss": ours.rasa_peak_rss <= TARGETS["rasa_rss"] * stock.rasa_peak_rss,
        "training": ours.training_seconds <= TRAINING_TARGET_SECONDS,
        "no_errors": all(load.errors == 0 and load.empty_replies == 0 for load in ours.loads.values()),
    }


def write_report(ours: AssistantRun, stock: AssistantRun, met: Dict[str, bool], seconds: float) -> str:
    def yes(key: str) -> str:
        return "met" if met[key] else "**missed**"

    lines = [
        "# Benchmark: this assistant against stock Rasa",
        "",
        f"Written by `make bench` (bench/run.py) on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"in {seconds / 60:.1f} minutes: Rasa {rasa_version()}, Python {platform.python_version()}, "
        f"{cpu_count()} CPU cores, loopback only. The stock assistant is `rasa init --no-prompt` "
        "(Rasa's starter project, its default pipeline and policies, in-memory tracker store) with the same Rasa.",
        "",
        "## Targets",
        "",
        "| target | ours | stock | ratio | result |",
        "| --- | --- | --- | --- | --- |",
        f"| single-user p50 latency <= {TARGETS['p50_single_user']}x stock | {ours.loads[1].percentile(0.5):.1f} ms | "
        f"{stock.loads[1].percentile(0.5):.1f} ms | {ratio(ours.loads[1].percentile(0.5), stock.loads[1].percentile(0.5))} "
        f"| {yes('p50_single_user')} |",
        f"| throughput at 10 users >= {TARGETS['throughput_10_users']}x stock | {ours.loads[10].messages_per_second:.1f} msg/s | "
        f"{stock.loads[10].messages_per_second:.1f} msg/s | "
        f"{ratio(ours.loads[10].messages_per_second, stock.loads[10].messages_per_second)} | {yes('throughput_10_users')} |",
        f"| Rasa server peak RSS <= stock | {mb(ours.rasa_peak_rss)} | {mb(stock.rasa_peak_rss)} | "
        f"{ratio(ours.rasa_peak_rss, stock.rasa_peak_rss)} | {yes('rasa_rss')} |",
        f"| training <= {TRAINING_TARGET_SECONDS} s | {ours.training_seconds:.0f} s | {stock.training_seconds:.0f} s | "
        f"{ratio(ours.training_seconds, stock.training_seconds)} | {yes('training')} |",
        f"| every message answered | {sum(l.errors + l.empty_replies for l in ours.loads.values())} failed | "
        f"{sum(l.errors + l.empty_replies for l in stock.loads.values())} failed | | {yes('no_errors')} |",
        "",
        "## Latency and throughput (REST channel)",
        "",
        f"Each user holds its own conversation and sends its next message when the reply has come. Each level ran "
        f"in {ROUNDS} rounds alternating between the two assistants (one at a time). "
        f"Ours: {' / '.join(repr(text) for text in OUR_CONVERSATION)}. "
        f"Stock: {' / '.join(repr(text) for text in STOCK_CONVERSATION)}. "
        "Each of our messages runs a custom action on the action server and reads and writes the SQLite tracker store.",
        "",
        "| assistant | users | messages | p50 (ms) | p95 (ms) | p99 (ms) | messages/s | failed |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for users, _ in LOAD_LEVELS:
        for run in (ours, stock):
            load = run.loads[users]
            lines.append(
                f"| {run.name} | {users} | {load.messages} | {load.percentile(0.5):.1f} | {load.percentile(0.95):.1f} | "
                f"{load.percentile(0.99):.1f} | {load.messages_per_second:.1f} | {load.errors + load.empty_replies} |"
            )
    lines += [
        "",
        "| ratio ours/stock | p50 | p95 | p99 | messages/s |",
        "| --- | --- | --- | --- | --- |",
    ]
    for users, _ in LOAD_LEVELS:
        o, s = ours.loads[users], stock.loads[users]
        lines.append(f"| {users} user(s) | {ratio(o.percentile(0.5), s.percentile(0.5))} | "
                     f"{ratio(o.percentile(0.95), s.percentile(0.95))} | {ratio(o.percentile(0.99), s.percentile(0.99))} | "
                     f"{ratio(o.messages_per_second, s.messages_per_second)} |")
    lines += [
        "",
        "## Start-up, memory and training",
        "",
        "| | ours | stock | ratio |",
        "| --- | --- | --- | --- |",
        f"| training from scratch (empty cache) | {ours.training_seconds:.0f} s | {stock.training_seconds:.0f} s | "
        f"{ratio(ours.training_seconds, stock.training_seconds)} |",
        f"| Rasa server, start to ready | {ours.ready_seconds:.1f} s | {stock.ready_seconds:.1f} s | "
        f"{ratio(ours.ready_seconds, stock.ready_seconds)} |",
        f"| Rasa server, peak RSS | {mb(ours.rasa_peak_rss)} | {mb(stock.rasa_peak_rss)} | "
        f"{ratio(ours.rasa_peak_rss, stock.rasa_peak_rss)} |",
        f"| action server, peak RSS | {mb(ours.action_peak_rss)} | {mb(stock.action_peak_rss)} (none) | |",
        "",
    ]
    notes = PROJECT / "bench" / "NOTES.md"
    if notes.exists():
        lines += [notes.read_text().strip(), ""]
    return "\n".join(lines)


def rasa_version() -> str:
    from importlib.metadata import version

    return version("rasa")


def cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", type=Path, default=REPORT, help="where to write the report (docs/benchmark.md)")
    arguments = parser.parse_args()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="hr-bench-"))
    servers: List[Server] = []
    try:
        stock_target = start_stock(work, servers)
        our_target, actions = start_ours(work, servers)
        measure([stock_target, our_target])
    except RuntimeError as error:
        print(f"Benchmark failed: {error}", file=sys.stderr)
        print(f"Logs kept in {work}", file=sys.stderr)
        return 2
    finally:
        for server in servers:
            server.stop()
    stock, ours = stock_target.run, our_target.run
    stock.rasa_peak_rss, ours.rasa_peak_rss = stock_target.rasa.peak_rss_bytes, our_target.rasa.peak_rss_bytes
    ours.action_peak_rss = actions.peak_rss_bytes
    met = check_targets(ours, stock)
    arguments.report.write_text(write_report(ours, stock, met, time.perf_counter() - started))
    shutil.rmtree(work, ignore_errors=True)
    print(f"Wrote {arguments.report}")
    missed = [name for name, ok in met.items() if not ok]
    if missed:
        print(f"Targets missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    print("All targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
