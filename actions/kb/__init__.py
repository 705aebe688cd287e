"""The role knowledge base: schema, loading and look-ups."""
from actions.kb.loader import (
    KnowledgeBase,
    KnowledgeBaseError,
    get_knowledge_base,
    load_knowledge_base,
    normalize_phrase,
)

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "get_knowledge_base", "load_knowledge_base", "normalize_phrase"]
