"""The Rasa server as the project starts it (`python -m rasa_server`): its framework patches are active."""

import pytest

pytestmark = pytest.mark.slow


def test_the_running_server_installed_its_patches(servers):
    log = servers["rasa"].log_path.read_text(encoding="utf-8", errors="replace")
    assert "Patch remote_action_validation installed (Rasa 3.6.21)." in log
    assert "Patch endpoint_session_reuse installed (Rasa 3.6.21)." in log
    assert "Patch graph_runner_sequential installed (Rasa 3.6.21)." in log
    assert "Patch action_call_timeout installed (Rasa 3.6.21)." in log
    assert "not installed" not in log
