"""Sends conversations to a Rasa REST channel and measures each message's round trip.

Every simulated user holds its own conversation (its own sender id) and waits for each
reply before sending its next message, as a person in a chat does. Loopback only.
"""

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import aiohttp

from harness.stats import percentile


@dataclass
class LoadResult:
    users: int
    latencies_ms: List[float] = field(default_factory=list)
    errors: int = 0
    empty_replies: int = 0
    seconds: float = 0.0

    @property
    def messages(self) -> int:
        return len(self.latencies_ms)

    @property
    def messages_per_second(self) -> float:
        return self.messages / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """Percentile of the latencies (share in 0..1): harness.stats.percentile, nearest rank."""
        return percentile(self.latencies_ms, share)

    def add(self, other: "LoadResult") -> None:
        """Adds another round at the same number of users."""
        self.latencies_ms += other.latencies_ms
        self.errors += other.errors
        self.empty_replies += other.empty_replies
        self.seconds += other.seconds

    def summary(self) -> Dict[str, float]:
        return {
            "users": self.users,
            "messages": self.messages,
            "errors": self.errors,
            "empty_replies": self.empty_replies,
            "p50_ms": self.percentile(0.50),
            "p95_ms": self.percentile(0.95),
            "p99_ms": self.percentile(0.99),
            "messages_per_second": self.messages_per_second,
        }


async def send(session: aiohttp.ClientSession, webhook: str, sender: str, text: str) -> Tuple[float, Optional[list]]:
    """Posts one message to the REST channel: (milliseconds until the reply, the replies or None)."""
    started = time.perf_counter()
    try:
        async with session.post(webhook, json={"sender": sender, "message": text}) as response:
            replies = await response.json() if response.status == 200 else None
    except (aiohttp.ClientError, asyncio.TimeoutError):
        replies = None
    return (time.perf_counter() - started) * 1000, replies


async def _user(session, webhook: str, conversation: Sequence[str], messages: int, result: LoadResult, run_id: str):
    sent = 0
    while sent < messages:
        sender = f"bench-{run_id}-{uuid.uuid4().hex[:12]}"  # a new conversation each round
        for text in conversation:
            if sent >= messages:
                return
            latency_ms, replies = await send(session, webhook, sender, text)
            result.latencies_ms.append(latency_ms)
            sent += 1
            if replies is None:
                result.errors += 1
            elif not replies:
                result.empty_replies += 1


async def _run(webhook: str, conversation: Sequence[str], users: int, messages_per_user: int) -> LoadResult:
    result = LoadResult(users=users)
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=users)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        run_id = uuid.uuid4().hex[:6]
        started = time.perf_counter()
        await asyncio.gather(
            *(_user(session, webhook, conversation, messages_per_user, result, run_id) for _ in range(users))
        )
        result.seconds = time.perf_counter() - started
    return result


def run_load(webhook: str, conversation: Sequence[str], users: int, messages_per_user: int) -> LoadResult:
    """`users` concurrent users, each sending `messages_per_user` messages, conversation after conversation."""
    return asyncio.run(_run(webhook, conversation, users, messages_per_user))
