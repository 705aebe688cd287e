"""The Rasa server as the project starts it (`python -m rasa_server`): its framework patches are active."""

import pytest
import requests

import patches

pytestmark = pytest.mark.slow


def test_the_running_server_installed_its_patches(servers):
    log = servers["rasa"].log_path.read_text(encoding="utf-8", errors="replace")
    for module in patches.PATCHES:
        assert f"Patch {module.__name__.rsplit('.', 1)[-1]} installed (Rasa 3.6.21)." in log
    assert "not installed" not in log


def test_the_root_route_does_not_say_the_version(servers):
    hello = requests.get(servers["base"] + "/", timeout=10)
    assert hello.status_code == 200 and hello.text == "Hello from Rasa"
