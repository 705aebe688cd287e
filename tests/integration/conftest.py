"""Integration tier: the real Rasa and action servers (harness.fixtures.servers)."""

import pytest

from harness.fixtures import servers  # noqa: F401
from tests.integration.test_rest_conversations import Conversation


@pytest.fixture
def chat(servers):  # noqa: F811 (the servers fixture above)
    """A new conversation with the running assistant over REST."""
    return Conversation(servers["webhook"])
