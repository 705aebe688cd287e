"""Custom actions of the HR careers assistant.

The knowledge base is read and validated here, when the action server imports this
package, so that a broken file stops the server at start-up with one clear line
instead of failing in the middle of a conversation.
"""
import sys

from actions.kb import KnowledgeBaseError, get_knowledge_base

try:
    get_knowledge_base()
except KnowledgeBaseError as error:
    # SystemExit, not an ImportError: rasa_sdk logs and skips packages that fail to import.
    sys.exit(f"Knowledge base error: {error}")
