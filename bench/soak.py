"""`make soak`: 100 conversations at once, 20 messages each, for about two minutes.

    .venv/bin/python bench/soak.py            # writes docs/reports/soak.md

Starts the action server and the Rasa server as `make run` does (the default SQLite
tracker store, in a temporary folder) and runs 100 concurrent conversations through the
REST channel, on 127.0.0.1 only. Each conversation is about one role of the knowledge
base and asks follow-ups that name no role ("how much do they make?"), with a pause
between messages as a reader takes, so the run lasts about two minutes. It checks:

- errors: every message gets HTTP 200 and a non-empty reply;
- cross-talk: the heading of every reply names the conversation's own role, never
  another conversation's;
- memory: the resident memory (RSS) of the Rasa server and of the action server at the
  end of the first minute and at the end of the run; growth must stay under 10%.

The exit code is 1 when a check fails. The report goes to docs/reports/soak.md (or to
--report), which docs/reliability.md refers to. Latency percentiles are harness.stats'
(nearest rank).
"""

import argparse
import asyncio
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

import aiohttp

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bench.load import send  # noqa: E402
from bench.run import ENVIRONMENT, SERVER_TIMEOUT  # noqa: E402
from careers.knowledge_base import load_knowledge_base  # noqa: E402
from harness.servers import Service, newest_model, start_assistant  # noqa: E402
from harness.stats import percentile, relative_change  # noqa: E402

REPORT = PROJECT / "docs" / "reports" / "soak.md"
CONVERSATIONS = 100
FOLLOW_UPS = ["how much do they make?", "what education do they need?", "what skills do they need?", "what do they do?"]
MESSAGES = 20  # the opening question, then the follow-ups in turn
PAUSE_SECONDS = (3.0, 9.0)  # between a reply and the next message, drawn per message
MEMORY_GROWTH_LIMIT = 0.10


@dataclass
class SoakResult:
    messages: int = 0
    errors: int = 0
    cross_talk: List[str] = field(default_factory=list)
    latencies_ms: List[float] = field(default_factory=list)
    rss: Dict[str, List[tuple]] = field(default_factory=dict)  # server -> [(seconds, bytes)]
    seconds: float = 0.0


async def conversation(
    session: aiohttp.ClientSession,
    webhook: str,
    number: int,
    name: str,
    others: List[str],
    result: SoakResult,
    rng: random.Random,
) -> None:
    sender = f"soak-{number}"
    messages = [f"tell me about the {name}"] + [FOLLOW_UPS[i % len(FOLLOW_UPS)] for i in range(MESSAGES - 1)]
    await asyncio.sleep(rng.uniform(0, PAUSE_SECONDS[1]))  # users do not all arrive at once
    for text in messages:
        latency_ms, replies = await send(session, webhook, sender, text)
        result.latencies_ms.append(latency_ms)
        result.messages += 1
        if not replies:
            result.errors += 1
        else:
            # The heading: "Labor lawyer, salary:", "Duties of the labor lawyer:", "Labor lawyer: ..."
            text_reply = replies[0].get("text") or ""
            heading = text_reply.split(":", 1)[0].lower()
            wrong = [other for other in others if re.search(rf"\b{re.escape(other)}\b", heading)]
            if name.lower() not in heading or wrong:
                result.cross_talk.append(f"{sender} ({name}) asked {text!r}, got {text_reply[:100]!r}")
        await asyncio.sleep(rng.uniform(*PAUSE_SECONDS))


async def sample_memory(servers: Dict[str, Service], result: SoakResult, started: float, done: asyncio.Event) -> None:
    while not done.is_set():
        for label, server in servers.items():
            result.rss.setdefault(label, []).append((time.perf_counter() - started, server.rss_bytes()))
        await asyncio.sleep(1)


async def soak(webhook: str, servers: Dict[str, Service]) -> SoakResult:
    kb = load_knowledge_base()
    names = [role.name for role in kb.roles.values()]
    result, rng = SoakResult(), random.Random(42)
    done = asyncio.Event()
    started = time.perf_counter()
    sampler = asyncio.create_task(sample_memory(servers, result, started, done))
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=CONVERSATIONS)) as session:
        await asyncio.gather(
            *(
                conversation(
                    session,
                    webhook,
                    number,
                    names[number % len(names)],
                    [
                        other.lower()
                        for other in names
                        if other != names[number % len(names)]
                        and names[number % len(names)].lower() not in other.lower()
                        and other.lower() not in names[number % len(names)].lower()
                    ],
                    result,
                    rng,
                )
                for number in range(CONVERSATIONS)
            )
        )
    result.seconds = time.perf_counter() - started
    done.set()
    await sampler
    return result


def rss_at(samples: List[tuple], seconds: float) -> int:
    """The last sample taken at or before `seconds`."""
    earlier = [value for at, value in samples if at <= seconds]
    return earlier[-1] if earlier else samples[0][1]


def growth(samples: List[tuple], total: float) -> Dict[str, float]:
    first, last = rss_at(samples, 60.0), samples[-1][1]
    return {"first_minute": first, "end": last, "growth": relative_change(first, last)}


def report(result: SoakResult) -> str:
    memory = {label: growth(samples, result.seconds) for label, samples in result.rss.items()}
    ok = (
        result.errors == 0 and not result.cross_talk and all(m["growth"] < MEMORY_GROWTH_LIMIT for m in memory.values())
    )
    lines = [
        "# Soak test: load and memory",
        "",
        f"Written by `make soak` (bench/soak.py) on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: "
        f"{CONVERSATIONS} conversations at once, {MESSAGES} messages each, a pause of "
        f"{PAUSE_SECONDS[0]:.0f}-{PAUSE_SECONDS[1]:.0f} s between a reply and the next message; REST channel, "
        "default endpoints.yml (SQLite tracker store), 127.0.0.1 only. What is checked and why: "
        "[docs/reliability.md](../reliability.md).",
        "",
        "| check | result | limit |",
        "| --- | --- | --- |",
        f"| duration | {result.seconds:.0f} s | about 2 minutes |",
        f"| messages answered | {result.messages - result.errors} of {result.messages} | all |",
        f"| errors (no reply, HTTP error, timeout) | {result.errors} | 0 |",
        f"| cross-talk (a reply about another conversation's role) | {len(result.cross_talk)} | 0 |",
        "| latency p50 / p95 / p99 (nearest rank) | "
        + " / ".join(f"{percentile(result.latencies_ms, share):.0f}" for share in (0.50, 0.95, 0.99))
        + " ms | |",
    ]
    for label, m in memory.items():
        lines.append(
            f"| {label} RSS, end of minute 1 -> end | {m['first_minute'] / 2**20:,.0f} MB -> "
            f"{m['end'] / 2**20:,.0f} MB ({m['growth'] * 100:+.1f}%) | under +{MEMORY_GROWTH_LIMIT * 100:.0f}% |"
        )
    lines += ["", f"Result: {'all checks passed' if ok else '**a check failed**'}."]
    lines += [f"- {line}" for line in result.cross_talk[:10]]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", type=Path, default=REPORT, help="where to write the report (docs/reports/soak.md)")
    parser.add_argument("--model", type=Path, help="the model to serve (default: the newest in models/)")
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hr-soak-"))
    assistant = start_assistant(
        work, model=arguments.model or newest_model(), environment=ENVIRONMENT, timeout=SERVER_TIMEOUT
    )
    try:
        servers = {"Rasa server": assistant.rasa, "action server": assistant.actions}
        result = asyncio.run(soak(assistant.webhook, servers))
    finally:
        assistant.stop()
    section = report(result)
    arguments.report.parent.mkdir(parents=True, exist_ok=True)
    arguments.report.write_text(section, encoding="utf-8")
    print(section)
    failed = "a check failed" in section
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
