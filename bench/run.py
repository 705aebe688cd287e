"""`make bench`: this assistant against a stock `rasa init` assistant, on this machine.

    .venv/bin/python bench/run.py            # about 5 minutes on two cores; writes docs/reports/benchmark.md

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
   machine falls on both; then ours gets one conversation of 1,000 messages, and the
   latency around its 1,000th message is compared with that around its 10th;
4. samples the resident memory (RSS) of each server's process tree all along, and keeps
   the peak;
5. writes docs/reports/benchmark.md: the figures, the ratios ours/stock, and the targets.

Everything runs on 127.0.0.1, with a fixed number of messages per level, and a 60 s limit
per message. The exit code is 1 when a target is missed. The servers, their command lines
and the percentiles (nearest rank) are the harness's (harness/), as in the tests.
"""

import argparse
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

import requests  # noqa: E402

from bench.load import LoadResult, run_load  # noqa: E402
from harness.servers import ENVIRONMENT as SERVER_ENVIRONMENT  # noqa: E402
from harness.servers import (  # noqa: E402
    Service,
    free_port,
    http_ready,
    start_assistant,
    timed_run,
    unpatched_rasa_command,
)

REPORT = PROJECT / "docs" / "reports" / "benchmark.md"
NOTES = PROJECT / "bench" / "NOTES.md"
ENVIRONMENT = {**SERVER_ENVIRONMENT, "PYTHONWARNINGS": "ignore"}  # for every process the bench starts
SERVER_TIMEOUT = 300  # seconds from start to ready

# Conversations of the kind each assistant is made for, follow-ups included. Each user
# goes through its conversation again (as a new sender) until it has sent its share. Ours
# asks about roles, then about places (the wage data by state and metro area), as the OEWS
# issue puts location questions in the measured mix.
OUR_CONVERSATION = [
    "hi",
    "how much does an HR generalist make?",
    "what education do they need?",
    "and the executive?",
    "which one pays more?",
    "what other careers are related?",
    "how much does an HR generalist make in Texas?",
    "and in Ohio?",
    "what would an HR manager start at in Seattle?",
    "where does it pay best?",
    "how does that compare with California?",
    "nationally?",
]
STOCK_CONVERSATION = ["hello", "I am sad", "yes", "are you a bot?", "great", "goodbye"]

# (concurrent users, messages per user in each round)
LOAD_LEVELS = [(1, 60), (10, 12), (50, 12)]
ROUNDS = 3
WARM_UP = (2, 12)

# The targets in force: raised by the OEWS issue to what the best runs had shown, with the
# wage data loaded and location questions in the mix.
TARGETS = {  # ours / stock
    "p50_single_user": 0.4,
    "throughput_10_users": 2.5,
    "rasa_rss": 0.7,
}
TRAINING_TARGET_SECONDS = 60
# One conversation of LONG_CONVERSATION messages (ours going round OUR_CONVERSATION): the
# latency around its 1,000th message may be at most this many times that around its 10th
# (the median of 20 messages each). Rasa alone got linearly slower (issue 15, finding 16).
LONG_CONVERSATION = 1000
LONG_CONVERSATION_TARGET = 2.0
ACTION_SERVER_RSS_TARGET_MB = 200  # with the wage data loaded


@dataclass
class AssistantRun:
    name: str
    training_seconds: float = float("nan")
    ready_seconds: float = float("nan")
    rasa_peak_rss: int = 0
    action_peak_rss: Optional[int] = None
    loads: Dict[int, LoadResult] = field(default_factory=dict)
    long_conversation_ms: List[float] = field(default_factory=list)  # each message's latency, in order

    def long_conversation_median(self, first: int, last: int) -> float:
        """The median latency of messages first..last (counted from 1) of the long conversation."""
        window = sorted(self.long_conversation_ms[first - 1 : last])
        return window[len(window) // 2]


@dataclass
class Target:
    """A started assistant: its run's figures, its Rasa server, its webhook and conversation."""

    run: AssistantRun
    rasa: Service
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
            print(
                f"  {target.run.name}, {users} user(s): p50 {result.percentile(0.5):.1f} ms, "
                f"{result.messages_per_second:.1f} msg/s, {result.errors} errors",
                flush=True,
            )


def measure_long_conversation(target: Target) -> None:
    session = requests.Session()
    for number in range(LONG_CONVERSATION):
        message = target.conversation[number % len(target.conversation)]
        started = time.perf_counter()
        reply = session.post(target.webhook, json={"sender": "bench-long", "message": message}, timeout=60)
        target.run.long_conversation_ms.append((time.perf_counter() - started) * 1000)
        if reply.status_code != 200 or not reply.json():
            raise RuntimeError(f"message {number + 1} of the long conversation got HTTP {reply.status_code}")
    early, late = target.run.long_conversation_median(1, 20), target.run.long_conversation_median(981, 1000)
    print(f"  {target.run.name}, one conversation: {early:.1f} ms at message 10, {late:.1f} ms at 1,000", flush=True)


def start_stock(work: Path, servers: List[Service]) -> Target:
    """Rasa's starter project, trained and served by Rasa's own command line (none of our patches)."""
    run = AssistantRun("stock rasa init")
    folder = work / "stock"
    folder.mkdir()
    print("Training the stock assistant (rasa init --no-prompt)...", flush=True)
    run.training_seconds = timed_run(
        unpatched_rasa_command("init", "--no-prompt", "--init-dir", str(folder)),
        work / "stock-train.log",
        cwd=folder,
        environment={**ENVIRONMENT, "RASA_CACHE_DIRECTORY": str(work / "stock-cache")},
    )
    port = free_port()
    rasa = Service(
        "stock Rasa server",
        unpatched_rasa_command("run", "--port", str(port)),
        work / "stock-rasa-server.log",
        http_ready(f"http://127.0.0.1:{port}/"),
        timeout=SERVER_TIMEOUT,
        environment=ENVIRONMENT,
        cwd=folder,
        sample_rss=True,
    )
    servers.append(rasa)
    rasa.start()
    run.ready_seconds = rasa.ready_seconds
    return Target(run, rasa, f"http://127.0.0.1:{port}/webhooks/rest/webhook", STOCK_CONVERSATION)


def start_ours(work: Path, servers: List[Service]) -> Tuple[Target, Service]:
    """This assistant trained as `make train` does, served as `make run` does (harness.start_assistant)."""
    run = AssistantRun("this assistant")
    print("Training this assistant (rasa train)...", flush=True)
    run.training_seconds = timed_run(
        # As scripts/train-if-needed.sh (`make train`) trains: the data is validated by
        # `make validate` and the tests, not at every training.
        unpatched_rasa_command(
            "train", "--skip-validation", "--out", str(work / "models"), "--fixed-model-name", "ours"
        ),
        work / "ours-train.log",
        environment={**ENVIRONMENT, "RASA_CACHE_DIRECTORY": str(work / "ours-cache")},
    )
    ours_work = work / "ours"
    ours_work.mkdir()
    assistant = start_assistant(
        ours_work,
        model=work / "models" / "ours.tar.gz",
        environment=ENVIRONMENT,
        timeout=SERVER_TIMEOUT,
        sample_rss=True,
    )
    servers.extend([assistant.actions, assistant.rasa])
    run.ready_seconds = assistant.rasa.ready_seconds
    return Target(run, assistant.rasa, assistant.webhook, OUR_CONVERSATION), assistant.actions


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
        "action_server_rss": (ours.action_peak_rss or 0) <= ACTION_SERVER_RSS_TARGET_MB * 1024 * 1024,
        "no_errors": all(load.errors == 0 and load.empty_replies == 0 for load in ours.loads.values()),
        "long_conversation": ours.long_conversation_median(981, 1000)
        <= LONG_CONVERSATION_TARGET * ours.long_conversation_median(1, 20),
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
        f"| Rasa server peak RSS <= {TARGETS['rasa_rss']}x stock | {mb(ours.rasa_peak_rss)} | {mb(stock.rasa_peak_rss)} | "
        f"{ratio(ours.rasa_peak_rss, stock.rasa_peak_rss)} | {yes('rasa_rss')} |",
        f"| action server peak RSS <= {ACTION_SERVER_RSS_TARGET_MB} MB (wage data loaded) | {mb(ours.action_peak_rss)} "
        f"| (none) | | {yes('action_server_rss')} |",
        f"| training <= {TRAINING_TARGET_SECONDS} s | {ours.training_seconds:.0f} s | {stock.training_seconds:.0f} s | "
        f"{ratio(ours.training_seconds, stock.training_seconds)} | {yes('training')} |",
        f"| message 1,000 of one conversation <= {LONG_CONVERSATION_TARGET}x message 10 | "
        f"{ours.long_conversation_median(981, 1000):.1f} ms vs {ours.long_conversation_median(1, 20):.1f} ms | | "
        f"{ratio(ours.long_conversation_median(981, 1000), ours.long_conversation_median(1, 20))} "
        f"| {yes('long_conversation')} |",
        f"| every message answered | {sum(load.errors + load.empty_replies for load in ours.loads.values())} failed | "
        f"{sum(load.errors + load.empty_replies for load in stock.loads.values())} failed | | {yes('no_errors')} |",
        "",
        "## Latency and throughput (REST channel)",
        "",
        f"Each user holds its own conversation and sends its next message when the reply has come. Each level ran "
        f"in {ROUNDS} rounds alternating between the two assistants (one at a time). "
        f"Ours: {' / '.join(repr(text) for text in OUR_CONVERSATION)}. "
        f"Stock: {' / '.join(repr(text) for text in STOCK_CONVERSATION)}. "
        "Each of our messages runs a custom action on the action server and reads and writes the SQLite tracker store. "
        "Percentiles are nearest-rank (harness/stats.py): always a measured latency.",
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
        lines.append(
            f"| {users} user(s) | {ratio(o.percentile(0.5), s.percentile(0.5))} | "
            f"{ratio(o.percentile(0.95), s.percentile(0.95))} | {ratio(o.percentile(0.99), s.percentile(0.99))} | "
            f"{ratio(o.messages_per_second, s.messages_per_second)} |"
        )
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
    if NOTES.exists():
        lines += [NOTES.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines)


def rasa_version() -> str:
    from importlib.metadata import version

    return version("rasa")


def cpu_count() -> int:
    import os

    return len(os.sched_getaffinity(0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--report", type=Path, default=REPORT, help="where to write the report (docs/reports/benchmark.md)"
    )
    arguments = parser.parse_args()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="hr-bench-"))
    servers: List[Service] = []
    try:
        stock_target = start_stock(work, servers)
        our_target, actions = start_ours(work, servers)
        measure([stock_target, our_target])
        measure_long_conversation(our_target)
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
    arguments.report.parent.mkdir(parents=True, exist_ok=True)
    arguments.report.write_text(write_report(ours, stock, met, time.perf_counter() - started), encoding="utf-8")
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
