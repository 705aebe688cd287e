"""pytest fixtures on the running servers, for the test tiers that need them.

    from harness.fixtures import servers  # noqa: F401  (in a tier's conftest.py)

`servers` is session-scoped. Imported into several conftests it is one fixture per
conftest to pytest, so the servers it starts are shared here: the first tier to ask
starts them, the last one done stops them, and a run of every tier starts one set.
"""

from typing import Dict, Optional

import pytest

from harness.servers import Assistant, start_assistant


class _Shared:
    assistant: Optional[Assistant] = None
    users = 0


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Dict:
    """The trained model in a running Rasa server (REST and web chat) and a running action server.

    Started once for the session, with the project's endpoints.yml (its SQLite tracker store
    in a temporary folder); a test that stops a server starts it again. Keys: base, webhook,
    page (URLs), actions and rasa (harness.servers.Service).
    """
    if _Shared.assistant is None:
        _Shared.assistant = start_assistant(tmp_path_factory.mktemp("logs"))
    _Shared.users += 1
    assistant = _Shared.assistant
    try:
        yield {
            "base": assistant.base,
            "webhook": assistant.webhook,
            "page": assistant.page,
            "actions": assistant.actions,
            "rasa": assistant.rasa,
        }
    finally:
        _Shared.users -= 1
        if not _Shared.users:
            _Shared.assistant = None
            assistant.stop()
