"""The terminal chat of `make shell`: a free-text prompt, replies wrapped to the window, numbered suggestions.

An input channel of the Rasa server (`--connector channels.terminal.TerminalInput`): once the
server is up it reads lines with prompt_toolkit (line editing, history with the up arrow)
and hands each to Rasa's own message handler, with the same reply guarantee and input
screening as the other channels (channels/reliable.py), in one conversation stored like
any other. Rasa's own shell shows buttons as a menu that takes over the keyboard and cuts
long lines; here:

- every reply is wrapped to the terminal's width, read again at each reply, so a resized
  window works; a table that fits is drawn as it is, one that does not becomes a list;
- buttons are numbered suggestions under the reply (their titles, never their payloads):
  typing a number sends that suggestion, anything else is sent as typed;
- the user's lines and the assistant's are told apart by a prefix, in color on a terminal
  (plain when stdout is not a terminal or NO_COLOR is set);
- `/stop`, Ctrl-D or Ctrl-C leave, and stop the server.
"""

import os
import re
import shutil
import sys
import textwrap
import uuid
from typing import Any, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, Sanic

from channels.reliable import MessageHandler, with_reply_guarantee

STOP_COMMAND = "/stop"
GREETING_PAYLOAD = "/greet"
USAGE = (
    "Type a question and press Enter. Suggestions are numbered: type a number to pick one. "
    f"Type /restart to start over, {STOP_COMMAND} or Ctrl-D to leave."
)
USER_PREFIX = "You: "
BOT_PREFIX = "Guide: "
DASHES = re.compile(r"^-+(?:  +-+)+$")  # the rule under a table's header (careers.formatting.aligned_table)


def use_color(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    return hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("NO_COLOR")


def _columns(rule: str) -> List[tuple]:
    """(start, end) of each column, from the rule of dashes under the header."""
    return [(match.start(), match.end()) for match in re.finditer(r"-+", rule)]


def _cells(line: str, columns: List[tuple]) -> List[str]:
    cells = []
    for index, (start, _) in enumerate(columns):
        end = columns[index + 1][0] if index + 1 < len(columns) else len(line)
        cells.append(line[start:end].strip())
    return cells


def _is_row(line: str, starts: List[int]) -> bool:
    """A line of the table: its column gaps (two spaces before each column) are blank."""
    return bool(line.strip()) and all(line[start - 2 : start] in ("  ", " ", "") for start in starts)


def _table_as_list(header: str, rule: str, rows: List[str]) -> List[str]:
    """A table too wide for the window, as a list: each row's first cell, then 'column: cell'."""
    columns = _columns(rule)
    names = _cells(header, columns)
    lines = []
    for row in rows:
        cells = _cells(row, columns)
        lines.append(f"{cells[0] or '-'}:")
        lines.extend(f"  {name}: {cell}" for name, cell in zip(names[1:], cells[1:]) if cell)
    return lines


def layout(text: str, width: int) -> List[str]:
    """The lines of a reply for a window `width` columns wide: wrapped, nothing cut."""
    width = max(width, 20)
    source = text.splitlines()
    lines: List[str] = []
    index = 0
    while index < len(source):
        line = source[index]
        if index + 1 < len(source) and DASHES.match(source[index + 1].strip()):
            starts = [start for start, _ in _columns(source[index + 1])][1:]
            end = index + 2
            while end < len(source) and _is_row(source[end], starts):
                end += 1
            table = source[index:end]
            if max(len(row) for row in table) <= width:
                lines.extend(table)
            else:
                for item in _table_as_list(table[0], table[1], table[2:]):
                    lines.extend(_wrapped(item, width))
            index = end
            continue
        lines.extend(_wrapped(line, width))
        index += 1
    return lines


def _wrapped(line: str, width: int) -> List[str]:
    if not line.strip():
        return [""]
    indent = re.match(r"^(\s*(?:- )?)", line).group(1)  # type: ignore[union-attr]
    return textwrap.wrap(
        line, width=width, subsequent_indent=" " * len(indent), break_long_words=True, break_on_hyphens=False
    ) or [""]


class TerminalOutput(CollectingOutputChannel):
    @classmethod
    def name(cls) -> Text:
        return "terminal"


class TerminalInput(InputChannel):
    """The terminal as an input channel: one conversation, read and shown in this process."""

    @classmethod
    def name(cls) -> Text:
        return "terminal"

    def __init__(self, sender_id: Optional[Text] = None) -> None:
        self.sender_id = sender_id or f"terminal-{uuid.uuid4().hex[:12]}"
        self.suggestions: List[Dict[str, Any]] = []

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        handle = with_reply_guarantee(on_new_message)
        blueprint = Blueprint("terminal", __name__)

        @blueprint.listener("after_server_start")
        async def start_chat(app: Sanic, _loop: Any) -> None:
            app.add_task(self.chat(app, handle))

        return blueprint

    async def chat(self, app: Sanic, handle: MessageHandler) -> None:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.formatted_text import ANSI
        from prompt_toolkit.history import InMemoryHistory

        color = use_color()
        self.say(USAGE)
        await self.send(handle, GREETING_PAYLOAD)
        session: PromptSession = PromptSession(history=InMemoryHistory())
        prompt = ANSI(f"\x1b[1;32m{USER_PREFIX}\x1b[0m") if color else USER_PREFIX
        while True:
            try:
                text = (await session.prompt_async(prompt)).strip()
            except (EOFError, KeyboardInterrupt):
                break
            if text == STOP_COMMAND:
                break
            if not text:
                continue
            await self.send(handle, self.payload_for(text))
        self.say("Goodbye!")
        app.stop()

    def payload_for(self, text: str) -> str:
        """A number picks the suggestion it shows; anything else is sent as typed."""
        if text.isdigit() and 1 <= int(text) <= len(self.suggestions):
            return self.suggestions[int(text) - 1]["payload"]
        return text

    async def send(self, handle: MessageHandler, text: str) -> None:
        output = TerminalOutput()
        await handle(UserMessage(text, output, self.sender_id, input_channel=self.name()))
        self.suggestions = []
        for message in output.messages:
            if message.get("text"):
                self.say(message["text"])
            self.suggestions = list(message.get("buttons") or []) or self.suggestions
        if self.suggestions:
            self.show_suggestions()

    def say(self, text: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        color = use_color()
        prefix = f"\x1b[1;36m{BOT_PREFIX}\x1b[0m" if color else BOT_PREFIX
        lines = layout(text, width - len(BOT_PREFIX))
        print(prefix + (lines[0] if lines else ""))
        for line in lines[1:]:
            print(" " * len(BOT_PREFIX) + line)
        sys.stdout.flush()

    def show_suggestions(self) -> None:
        width = shutil.get_terminal_size((80, 24)).columns - len(BOT_PREFIX) - 4
        print(" " * len(BOT_PREFIX) + "Suggestions:")
        for number, button in enumerate(self.suggestions, 1):
            title = textwrap.shorten(str(button.get("title") or ""), width=max(width, 20), placeholder="...")
            print(" " * len(BOT_PREFIX) + f"{number}. {title}")
        sys.stdout.flush()
