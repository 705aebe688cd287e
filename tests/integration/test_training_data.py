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
    # Some validator warnings (an unused response, say) do not change the exit code. These are
    # expected, responses that actions send and no rule names: utter_restart and utter_back
    # (Rasa's own action_restart and action_back), the small talk (action_answer_small_talk), utter_out_of_scope and
    # utter_please_rephrase (action_answer_out_of_scope, action_answer_unsure and the
    # RulePolicy's core fallback).
    sent_by_actions = (
        "utter_restart",
        "utter_back",
        "utter_out_of_scope",
        "utter_please_rephrase",
        "utter_greet",
        "utter_goodbye",
        "utter_you_are_welcome",
    )
    warnings = [line for line in output.splitlines() if "UserWarning" in line]
    expected = [f"The utterance '{name}' is not used" for name in sent_by_actions]
    assert all(any(text in line for text in expected) for line in warnings), output[-3000:]


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
