"""The terminal chat as a person sees it: `make shell`'s command in a real terminal (tmux), its screen read.

At 80 columns: no warning before the prompt, a long answer whole and in order, no payloads,
typing never swallowed by a menu, suggestions picked by number, whole lines after a resize
to 60 columns, and /stop and Ctrl-D leaving and stopping the action server.
"""

import re
import shlex
import shutil
import subprocess
import time
import uuid

import pytest
import requests

from harness import PROJECT, PYTHON, action_server, free_port, newest_model, port_ready, write_endpoints

pytestmark = pytest.mark.slow

QUESTION = "how much does an HR executive make?"
PROMPT = "You: "


class Terminal:
    """A tmux window running one command; the screen is read with capture-pane."""

    def __init__(self, command: str, columns: int = 80, rows: int = 50):
        if shutil.which("tmux") is None:
            pytest.fail("tmux is not installed: run `make terminal` (Debian's tmux)")
        self.name = f"hr-{uuid.uuid4().hex[:8]}"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(columns), "-y", str(rows), command],
            check=True,
        )
        subprocess.run(["tmux", "set-option", "-t", self.name, "history-limit", "5000"], check=True)

    def screen(self) -> str:
        """Everything shown so far, history included, as the window's lines (not joined)."""
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name, "-S", "-5000"], capture_output=True, text=True
        )
        return result.stdout

    def mark(self) -> int:
        """Where the prompt now waiting starts: what follows it is the next turn."""
        screen = self.screen()
        return max(screen.rfind("\nYou:"), 0)

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name], capture_output=True).returncode == 0

    def type(self, text: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)
        subprocess.run(["tmux", "send-keys", "-t", self.name, "Enter"], check=True)

    def keys(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def resize(self, columns: int) -> None:
        subprocess.run(["tmux", "resize-window", "-t", self.name, "-x", str(columns)], check=True)

    def wait_for(self, pattern: str, after: int = 0, timeout: float = 180) -> str:
        """Waits until `pattern` shows after the first `after` characters of the screen; the new part."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if re.search(pattern, screen[after:]):
                return screen[after:]
            time.sleep(0.3)
        raise AssertionError(f"{pattern!r} not on the screen:\n{self.screen()[-3000:]}")

    def wait_for_prompt(self, after: int = 0) -> str:
        return self.wait_for(r"(?m)^You:\s*$", after)  # capture-pane drops trailing spaces

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def shell_command(tmp_path, action_port: int, with_action_server: bool) -> str:
    endpoints = write_endpoints(tmp_path, action_port)
    rasa = [
        PYTHON,
        "-m",
        "rasa_server",
        "run",
        "--connector",
        "channels.terminal.TerminalInput",
        "--model",
        str(newest_model()),
        "--endpoints",
        str(endpoints),
        "--port",
        str(free_port()),
        "--quiet",
    ]
    command = " ".join(shlex.quote(part) for part in rasa)
    if with_action_server:  # as `make shell` runs it
        command = f"ACTION_SERVER_PORT={action_port} scripts/with-action-server.sh {command}"
    return f"cd {shlex.quote(str(PROJECT))} && {command} 2>&1; echo SHELL-EXITED-$?; sleep 600"


def words(text: str):
    return re.findall(r"\S+", text)


@pytest.fixture
def rest_reply(servers):
    response = requests.post(
        servers["webhook"], json={"sender": f"t-{uuid.uuid4().hex}", "message": QUESTION}, timeout=60
    )
    return "\n".join(reply.get("text", "") for reply in response.json())


def test_a_conversation_at_80_columns(tmp_path, rest_reply):
    action_port = free_port()
    terminal = Terminal(shell_command(tmp_path, action_port, with_action_server=True))
    try:
        start = terminal.wait_for_prompt()
        before_prompt = start.rsplit("You:", 1)[0]
        assert not re.search(r"(?i)warning|deprecat|traceback|tensorflow", before_prompt), before_prompt
        assert "I'm a guide to HR careers" in before_prompt and "/stop" in before_prompt
        assert "1. About the HR executive" in before_prompt

        seen = terminal.mark()
        terminal.type(QUESTION)
        answer = terminal.wait_for(r"(?s)Guide:.*\nYou:\s*$", seen)
        # Every word of the REST reply, in order: nothing cut at the window's edge.
        on_screen = " ".join(words(answer))
        assert " ".join(words(rest_reply)) in re.sub(r"\s+Guide:\s+|\s{2,}", " ", on_screen).replace("Guide: ", "")
        assert all(len(line) <= 80 for line in answer.splitlines())
        assert not re.search(r"/ask_|/compare_roles|\{\"role", terminal.screen()), "a payload is on the screen"

        # Typed straight after an answer: taken as typed, no menu in the way.
        seen = terminal.mark()
        terminal.type("and the generalist?")
        reply = terminal.wait_for(r"(?s)Guide:.*\nYou:\s*$", seen)
        assert "HR generalist, salary:" in reply and "$75,940" in reply

        # A number picks that suggestion.
        suggestions = re.findall(r"(?m)^\s+(\d)\. (.+)$", reply)
        assert suggestions and suggestions[1][0] == "2"
        seen = terminal.mark()
        terminal.type("2")
        picked = terminal.wait_for(r"(?s)Guide:.*\nYou:\s*$", seen)
        assert "You: 2" in picked
        if suggestions[1][1].startswith("Duties"):
            assert "Duties of the HR generalist" in picked

        # A narrower window: the next reply wraps to it, whole.
        terminal.resize(60)
        time.sleep(1)
        seen = terminal.mark()
        terminal.type("compare the HR executive and the HR generalist")
        narrow = terminal.wait_for(r"(?s)Guide:.*\nYou:\s*$", seen)
        assert all(len(line) <= 60 for line in narrow.splitlines()), narrow
        assert "The key difference" in narrow and "Sources:" in narrow

        # /stop leaves, and the action server stops with the shell.
        terminal.type("/stop")
        terminal.wait_for("SHELL-EXITED-0")
        deadline = time.monotonic() + 30
        while port_ready(action_port)() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not port_ready(action_port)(), "the action server still runs after /stop"
    finally:
        terminal.close()


def test_ctrl_d_leaves_and_the_action_server_down_is_told(tmp_path):
    action_port = free_port()
    actions = action_server(action_port, tmp_path).start()
    terminal = Terminal(shell_command(tmp_path, action_port, with_action_server=False))
    try:
        terminal.wait_for_prompt()
        actions.stop()
        seen = terminal.mark()
        terminal.type(QUESTION)
        reply = terminal.wait_for(r"(?s)Guide:.*\nYou:\s*$", seen)
        assert "Sorry, I can't look that up right now. Please try again in a moment." in reply
        actions.start()
        seen = terminal.mark()
        terminal.type("and the generalist?")
        reply = terminal.wait_for(r"(?s)Guide:.*\nYou:\s*$", seen)
        assert "HR generalist" in reply and "$" in reply
        terminal.keys("C-d")
        terminal.wait_for("SHELL-EXITED-0")
    finally:
        terminal.close()
        actions.stop()
