"""The terminal: the shell that `make shell` opens, driven through a pseudo-terminal as a person types."""

import os

import pexpect
import pytest

from harness import ENVIRONMENT, PROJECT, action_server, free_port, newest_model, rasa_server_command, write_endpoints

pytestmark = pytest.mark.slow


def test_salary_question_in_the_terminal_with_the_action_server_down_and_back(tmp_path):
    action_port = free_port()
    actions = action_server(action_port, tmp_path).start()
    environment = {**os.environ, **ENVIRONMENT, "TERM": "xterm"}
    # As `make shell` starts it: `rasa run` with the terminal channel (no credentials file).
    command = rasa_server_command(
        free_port(),
        newest_model(),
        write_endpoints(tmp_path, action_port),
        credentials=None,
        extra=["--connector", "channels.reliable.CmdlineInputWithReply"],
    )
    child = pexpect.spawn(
        command[0],
        command[1:],
        cwd=str(PROJECT),
        env=environment,
        encoding="utf-8",
        timeout=180,
        dimensions=(60, 220),
    )
    child.logfile_read = open(tmp_path / "shell.log", "w", encoding="utf-8")
    try:
        child.expect("Bot loaded. Type a message")
        child.expect("Your input ->")
        child.sendline("how much does an HR executive make?")
        child.expect(
            r"Median salary \(2017\): \$129,993 for HR executives, as reported in the source article, "
            r"credited to the U\.S\. Bureau of Labor Statistics\."
        )
        # The follow-up buttons become a menu; Enter picks the first: compare the salaries.
        child.expect("Type out your own message")
        child.send("\r")
        child.expect(r"the HR executive earns \$77,841 more than the HR generalist \(2\.5x as much\)")
        child.expect("Type out your own message")
        # With the action server down, the user is told instead of left in silence.
        actions.stop()
        child.send("\x1b[B" * 4 + "\r")  # four buttons down: "Type out your own message..."
        child.expect("Your input ->")
        child.sendline("and the generalist?")
        child.expect(r"Sorry, I can't look that up right now\. Please try again in a moment\.")
        # Back again: the same conversation is answered, its context kept (the salary topic).
        actions.start()
        child.expect("Your input ->")
        child.sendline("and the generalist?")
        child.expect(r"Median salary \(2017\): \$52,152 for HR generalists")
    finally:
        child.terminate(force=True)
        child.logfile_read.close()
        actions.stop()
