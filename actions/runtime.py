"""The knowledge base the actions answer from, loaded once by an explicit start-up call.

`python -m actions.server` calls `start()` before it serves; tests call `use()` with the
knowledge base of their fixture. Nothing is loaded when a module is imported.
"""

from pathlib import Path
from typing import Optional

from careers.knowledge_base import KnowledgeBase, load_knowledge_base

_loaded: Optional[KnowledgeBase] = None


def start(path: Optional[Path] = None) -> KnowledgeBase:
    """Loads and validates the knowledge base (raises KnowledgeBaseError with a one-line reason)."""
    return use(load_knowledge_base(path))


def use(kb: KnowledgeBase) -> KnowledgeBase:
    global _loaded
    _loaded = kb
    return kb


def knowledge_base() -> KnowledgeBase:
    if _loaded is None:
        raise RuntimeError("The knowledge base is not loaded: start the action server with `python -m actions.server`.")
    return _loaded
