"""The unit tier: no processes, and a small knowledge base of its own (fixtures/roles.yml)."""

from pathlib import Path

import pytest

from actions import runtime
from careers.knowledge_base import KnowledgeBase, load_knowledge_base

FIXTURE_KB = Path(__file__).resolve().parent / "fixtures" / "roles.yml"


@pytest.fixture(scope="session")
def fixture_kb() -> KnowledgeBase:
    return load_knowledge_base(FIXTURE_KB)


@pytest.fixture
def kb(fixture_kb) -> KnowledgeBase:
    """The fixture knowledge base, also the one the actions answer from (actions.runtime)."""
    return runtime.use(fixture_kb)
