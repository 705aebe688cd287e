"""Training data and dialogue: validation, the generated NLU data, and the conversation tests."""

import os
import subprocess

import pytest

from harness import BIN, PROJECT, newest_model

ENVIRONMENT = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def run(command, **kwargs):
    return subprocess.run(command, cwd=PROJECT, env=ENVIRONMENT, capture_output=True, text=True, **kwargs)


def test_generated_role_synonyms_are_up_to_date():
    result = run([str(BIN / "python"), "scripts/kb_sync.py", "--check"])
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_rasa_data_validate_has_no_warnings():
    result = run([str(BIN / "rasa"), "data", "validate", "--fail-on-warnings"], timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    # Some validator warnings (an unused response, say) do not change the exit code. One is
    # expected: utter_restart is uttered by Rasa's own action_restart, which no rule names.
    warnings = [line for line in output.splitlines() if "UserWarning" in line]
    assert all("The utterance 'utter_restart' is not used" in line for line in warnings), output[-3000:]


@pytest.mark.slow
def test_conversation_tests_pass(tmp_path):
    result = run(
        [
            str(BIN / "rasa"),
            "test",
            "core",
            "--model",
            str(newest_model()),
            "--stories",
            "tests/test_stories.yml",
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    failed = (tmp_path / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert "None of the test stories failed" in failed, failed
