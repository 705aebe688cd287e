"""Security settings: Rasa's HTTP API, CORS, where models come from, pinned dependencies.

With `make run` the API is off (tests/test_web_chat.py checks /status is 404 there). Here
a server is started as someone would who turns the API on, with a token and the page's
origin: without the token nothing is answered, and another origin gets no CORS headers.
"""

import os
import re
import secrets
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest
import requests
import yaml

from harness import PROJECT, action_server, free_port, rasa_server, write_endpoints
from harness.servers import action_server_command

RASA_FIXING_THE_REMOTE_MODEL_RCE = (3, 6, 21)  # CVE-2024-49375, GHSA-cpv4-ggrr-7j9v


@pytest.fixture(scope="module")
def api_server(tmp_path_factory):
    # A leading "-" on purpose: token_urlsafe gives one now and then (CI failed on it), and
    # the server must take such a token; "=" joins it to its option so argparse does.
    port, token = free_port(), "-" + secrets.token_urlsafe(16)
    origin = f"http://127.0.0.1:{port}"
    logs = tmp_path_factory.mktemp("api")
    # No action server: these tests send no message that runs an action.
    server = rasa_server(
        port,
        write_endpoints(logs, free_port()),
        logs,
        "rasa-api",
        extra=["--enable-api", f"--auth-token={token}", "--cors", origin],
    ).start()
    yield {"base": origin, "token": token, "origin": origin}
    server.stop()


@pytest.mark.slow
def test_the_api_refuses_requests_without_the_token(api_server):
    base, token = api_server["base"], api_server["token"]
    assert requests.get(f"{base}/status", timeout=10).status_code == 401
    assert requests.get(f"{base}/status", params={"token": "wrong"}, timeout=10).status_code == 401
    assert (
        requests.put(
            f"{base}/model", json={"model_server": {"url": "http://evil.example/m.tar.gz"}}, timeout=10
        ).status_code
        == 401
    )
    assert requests.get(f"{base}/status", params={"token": token}, timeout=10).status_code == 200


@pytest.mark.slow
def test_cors_headers_only_for_the_pages_origin(api_server):
    base = api_server["base"]
    preflight = {"Access-Control-Request-Method": "POST"}
    other = requests.options(
        f"{base}/webhooks/rest/webhook", headers={"Origin": "http://evil.example", **preflight}, timeout=10
    )
    assert "Access-Control-Allow-Origin" not in other.headers
    own = requests.options(
        f"{base}/webhooks/rest/webhook", headers={"Origin": api_server["origin"], **preflight}, timeout=10
    )
    assert own.headers.get("Access-Control-Allow-Origin") == api_server["origin"]


def test_the_api_is_off_wherever_the_project_starts_rasa():
    for script in [PROJECT / "Makefile", *sorted((PROJECT / "scripts").glob("*.sh"))]:
        commands = [
            line for line in script.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")
        ]
        assert not any("--enable-api" in line for line in commands), script
    values = yaml.safe_load((PROJECT / "deploy" / "rasa-values.yaml").read_text(encoding="utf-8"))
    assert values["applicationSettings"]["enableAPI"] is False


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "endpoints-scale.yml"])
def test_models_come_only_from_the_local_models_folder(endpoints):
    # No model server: Rasa would otherwise fetch and load models from a URL.
    assert "models" not in yaml.safe_load((PROJECT / endpoints).read_text(encoding="utf-8"))


def test_dependencies_are_pinned_and_rasa_has_the_rce_fix():
    constraint_lines = (PROJECT / "constraints.txt").read_text().splitlines()
    constraints = [line for line in constraint_lines if line and not line.startswith("#")]
    assert all("==" in line for line in constraints)
    constrained = {line.lower().replace("_", "-") for line in constraints}
    # What runs (requirements.txt) and the tests and tools (requirements-dev.txt), each pinned
    # and pinned as in constraints.txt.
    for name in ("requirements.txt", "requirements-dev.txt"):
        lines = [line.split("#")[0].strip() for line in (PROJECT / name).read_text().splitlines()]
        requirements = [line for line in lines if line and not line.startswith("-")]
        assert requirements and all(re.fullmatch(r"[A-Za-z0-9_.\[\],-]+==[\w.]+", line) for line in requirements), (
            name,
            requirements,
        )
        unconstrained = [line for line in requirements if line.lower().replace("_", "-") not in constrained]
        assert not unconstrained, (name, "pins not in constraints.txt", unconstrained)
    installed = tuple(int(part) for part in version("rasa").split(".")[:3])
    assert installed >= RASA_FIXING_THE_REMOTE_MODEL_RCE
    assert Path(PROJECT / "package-lock.json").exists()  # the widget's npm packages, locked


def test_make_run_and_make_shell_listen_on_this_machine_only():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    commands = [line for line in makefile.splitlines() if "rasa_server run" in line]
    assert len(commands) == 2  # make shell, make run
    assert all(re.search(r"--interface (127\.0\.0\.1|\$\$\{RASA_INTERFACE:-127\.0\.0\.1\})", line) for line in commands)


@pytest.fixture
def action_server_with_token(tmp_path):
    port, token = free_port(), secrets.token_urlsafe(16)
    server = action_server(port, tmp_path, environment={"ACTION_SERVER_TOKEN": token}).start()
    yield f"http://127.0.0.1:{port}", token, server
    server.stop()


@pytest.mark.slow
def test_the_action_server_answers_only_with_its_token(action_server_with_token):
    base, token, server = action_server_with_token
    assert requests.get(f"{base}/health", timeout=10).status_code == 200  # for the probes
    assert requests.get(f"{base}/actions", timeout=10).status_code == 401
    assert requests.post(f"{base}/webhook", json={"next_action": "action_show_help"}, timeout=10).status_code == 401
    assert requests.get(f"{base}/actions", params={"token": "wrong"}, timeout=10).status_code == 401
    listed = requests.get(f"{base}/actions", params={"token": token}, timeout=10)
    assert listed.status_code == 200 and {"name": "action_show_help"} in listed.json()
    assert "running on http://127.0.0.1:" in server.log_path.read_text(encoding="utf-8")  # not 0.0.0.0


def test_the_action_server_refuses_all_interfaces_without_a_token():
    environment = {key: value for key, value in os.environ.items() if key != "ACTION_SERVER_TOKEN"}
    finished = subprocess.run(
        action_server_command(free_port()),
        cwd=PROJECT,
        env={**environment, "SANIC_HOST": "0.0.0.0"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 1
    assert (
        finished.stderr.strip()
        .splitlines()[-1]
        .startswith("Refusing to serve actions on 0.0.0.0 without ACTION_SERVER_TOKEN")
    )
