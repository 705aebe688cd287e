"""The end-to-end evaluation sets (evaluation/e2e/FORMAT.md): loading them, sending them to a
running assistant's REST channel, and scoring each reply.

scripts/evaluate_e2e.py (`make evaluate`) runs the whole sets; tests/integration/test_e2e_smoke.py
their smoke subset.
"""

import asyncio
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import aiohttp
import yaml

E2E = Path(__file__).resolve().parents[1] / "evaluation" / "e2e"
BLIND, DEV = E2E / "blind.yml", E2E / "dev.yml"
DEV_FILES = sorted(E2E.glob("dev*.yml"))  # the development set, in as many files as its writers wrote

EXPECTATIONS = ("answer", "dont_know")
# What an honest "I don't know" says (FORMAT.md); the replies use these words.
HONEST_PHRASES = (
    "i don't have",
    "i don't know",
    "i can't",
    "i have no",
    "i do not have",
    "not something i",
    "no figures",
    "i only have",
    "i only cover",
    "isn't something i",
    "i don't cover",
    "not published by",
    "publishes no",
)
DOLLAR_FIGURE = re.compile(r"\$\s?\d")
VERDICTS = ("correct", "honest", "missed", "wrong")
CONCURRENT = 4  # conversations at a time


class E2EFormatError(ValueError):
    """An evaluation file that does not follow FORMAT.md: one line naming the file and the item."""


@dataclass(frozen=True)
class Turn:
    id: str
    text: str
    expect: str
    must_contain: Sequence[str] = ()
    must_not_contain: Sequence[str] = ()


@dataclass(frozen=True)
class Dialogue:
    """A conversation of one or more turns (a single message is a dialogue of one turn)."""

    id: str
    persona: str
    turns: Sequence[Turn]
    smoke: bool = False


def _turn(source: Path, item_id: str, raw: dict) -> Turn:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise E2EFormatError(f"{source.name}: {item_id}: every turn needs a non-empty `text`")
    if raw.get("expect") not in EXPECTATIONS:
        raise E2EFormatError(f"{source.name}: {item_id}: `expect` must be one of {', '.join(EXPECTATIONS)}")
    lists = {}
    for key in ("must_contain", "must_not_contain"):
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise E2EFormatError(f"{source.name}: {item_id}: `{key}` must be a list of strings")
        lists[key] = tuple(value)
    return Turn(item_id, raw["text"], raw["expect"], lists["must_contain"], lists["must_not_contain"])


def load(source: Path) -> List[Dialogue]:
    """The file's singles and conversations, as dialogues, in file order."""
    data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    dialogues: List[Dialogue] = []
    seen = set()
    for kind in ("singles", "conversations"):
        for raw in data.get(kind) or []:
            item_id = str(raw.get("id", "")) if isinstance(raw, dict) else ""
            if not item_id or item_id in seen:
                raise E2EFormatError(f"{source.name}: {kind}: missing or repeated id {item_id!r}")
            seen.add(item_id)
            if kind == "singles":
                turns = [_turn(source, item_id, raw)]
            else:
                turns = [_turn(source, f"{item_id}.{n}", t) for n, t in enumerate(raw.get("turns") or [], 1)]
                if not turns:
                    raise E2EFormatError(f"{source.name}: {item_id}: a conversation needs `turns`")
            dialogues.append(Dialogue(item_id, str(raw.get("persona", "other")), turns, bool(raw.get("smoke"))))
    return dialogues


def load_all(sources: Sequence[Path]) -> List[Dialogue]:
    return [dialogue for source in sources for dialogue in load(source)]


def _has(reply: str, phrase: str) -> bool:
    return phrase.lower().replace("’", "'") in reply


def says_it_does_not_know(reply: str) -> bool:
    text = reply.lower().replace("’", "'")
    return any(phrase in text for phrase in HONEST_PHRASES)


def verdict(turn: Turn, reply: str) -> str:
    """correct, honest, missed or wrong (FORMAT.md, "How a reply is scored")."""
    text = reply.lower().replace("’", "'")
    if any(_has(text, phrase) for phrase in turn.must_not_contain):
        return "wrong"
    if turn.expect == "dont_know" and DOLLAR_FIGURE.search(text):
        return "wrong"
    contains_all = all(_has(text, phrase) for phrase in turn.must_contain)
    honest = says_it_does_not_know(text)
    if turn.expect == "answer":
        if contains_all:
            return "correct"
        return "honest" if honest else "missed"
    return "correct" if honest and contains_all else "missed"


@dataclass
class Scored:
    turn: Turn
    reply: str
    verdict: str


@dataclass
class Score:
    scored: List[Scored] = field(default_factory=list)

    def add(self, turn: Turn, reply: str) -> str:
        result = verdict(turn, reply)
        self.scored.append(Scored(turn, reply, result))
        return result

    @property
    def counts(self) -> Dict[str, int]:
        counted = Counter(s.verdict for s in self.scored)
        return {name: counted.get(name, 0) for name in VERDICTS}

    def share(self, name: str, expect: Optional[str] = None) -> float:
        chosen = [s for s in self.scored if expect is None or s.turn.expect == expect]
        return sum(s.verdict == name for s in chosen) / len(chosen) if chosen else 0.0


async def _say(session: aiohttp.ClientSession, webhook: str, sender: str, text: str) -> str:
    async with session.post(webhook, json={"sender": sender, "message": text}) as response:
        if response.status != 200:
            return f"<HTTP {response.status}>"
        return "\n".join(reply.get("text", "") for reply in await response.json())


async def run_dialogues(webhook: str, dialogues: Sequence[Dialogue], score: Score) -> None:
    """Each dialogue in its own conversation, `CONCURRENT` at a time; turns in order."""
    queue: asyncio.Queue = asyncio.Queue()
    for dialogue in dialogues:
        queue.put_nowait(dialogue)
    replies: Dict[str, List[str]] = {}

    async def worker(session):
        while not queue.empty():
            dialogue = queue.get_nowait()
            sender = f"e2e-{uuid.uuid4().hex[:12]}"
            replies[dialogue.id] = [await _say(session, webhook, sender, turn.text) for turn in dialogue.turns]

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await asyncio.gather(*(worker(session) for _ in range(CONCURRENT)))
    for dialogue in dialogues:  # scored in file order, whatever order they finished in
        for turn, reply in zip(dialogue.turns, replies[dialogue.id]):
            score.add(turn, reply)


def evaluate(webhook: str, dialogues: Sequence[Dialogue]) -> Score:
    score = Score()
    asyncio.run(run_dialogues(webhook, dialogues, score))
    return score
