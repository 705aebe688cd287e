"""Custom actions of the HR careers assistant: thin `Action` classes over `careers.dialogue`.

Importing this package has no side effect: the action server's entry point
(`python -m actions.server`) loads the knowledge base before it serves.
"""
