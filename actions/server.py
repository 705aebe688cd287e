"""`python -m actions.server [--port 5055 ...]`: the action server, knowledge base loaded first.

Loads and validates the knowledge base by one explicit call, so that a broken file stops the
server at start-up with one line naming the file, the role and the field (exit status 1),
then serves the `actions` package with rasa-sdk's own server and options.
"""

import sys
from typing import List, Optional

from rasa_sdk.__main__ import main_from_args
from rasa_sdk.endpoint import create_argument_parser

from actions import runtime
from careers.knowledge_base import KnowledgeBaseError


def main(argv: Optional[List[str]] = None) -> None:
    arguments = create_argument_parser().parse_args(argv)
    arguments.actions = arguments.actions or "actions"
    try:
        runtime.start()
    except KnowledgeBaseError as error:
        sys.exit(f"Knowledge base error: {error}")
    main_from_args(arguments)


if __name__ == "__main__":
    main()
