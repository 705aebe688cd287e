"""Integration tier: the real Rasa and action servers (harness.fixtures.servers)."""

from harness.fixtures import servers  # noqa: F401
