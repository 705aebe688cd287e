"""`python -m actions.server [--port 5055 ...]`: the action server, knowledge base loaded first.

Loads and validates the knowledge base by one explicit call, so that a broken file stops the
server at start-up with one line naming the file, the role and the field (exit status 1),
then serves the `actions` package with rasa-sdk's own server and options, with two rules
rasa-sdk 3.6 does not have:

- it listens on 127.0.0.1 unless SANIC_HOST says otherwise (rasa-sdk's default is 0.0.0.0:
  anyone who reaches the port could run any action on any tracker they post);
- with ACTION_SERVER_TOKEN set, /webhook and /actions answer only requests that carry it
  (`?token=...`, which is how Rasa sends an action endpoint's `token`, endpoints-scale.yml);
  listening on any other address than the loopback without a token is refused at start-up.
"""

import hmac
import ipaddress
import os
import sys
from typing import List, Optional

import rasa_sdk.endpoint
from rasa_sdk.__main__ import main_from_args
from rasa_sdk.endpoint import create_argument_parser
from sanic import Sanic, response

from actions import runtime
from careers.knowledge_base import KnowledgeBaseError
from channels import log_lines

HOST_VARIABLE, TOKEN_VARIABLE = "SANIC_HOST", "ACTION_SERVER_TOKEN"
KEEP_ALIVE_VARIABLE, KEEP_ALIVE_SECONDS = "SANIC_KEEP_ALIVE_TIMEOUT", 75  # read by Sanic's config
PROTECTED_PATHS = ("/webhook", "/actions")
_SDK_CREATE_APP = rasa_sdk.endpoint.create_app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def requiring_token(token: str):
    """rasa-sdk's `create_app`, with the token checked before each protected route."""

    def create_app(*arguments, **options) -> Sanic:
        app = _SDK_CREATE_APP(*arguments, **options)

        @app.middleware("request")
        async def check_token(request):
            if request.path in PROTECTED_PATHS and not hmac.compare_digest(
                request.args.get("token", "").encode(), token.encode()
            ):
                return response.json({"error": "This action server needs its token."}, status=401)
            return None

        return app

    return create_app


def main(argv: Optional[List[str]] = None) -> None:
    arguments = create_argument_parser().parse_args(argv)
    log_lines.install()
    arguments.actions = arguments.actions or "actions"
    host = os.environ.setdefault(HOST_VARIABLE, "127.0.0.1")
    # Rasa keeps its connection to this server open for 15 s of quiet (aiohttp's default);
    # Sanic closed it after 5 s, so a message sent about 5 s after the last reply could meet a
    # connection being closed ("Can not write request body"). Keeping it open longer than the
    # client lets the client close it first.
    os.environ.setdefault(KEEP_ALIVE_VARIABLE, str(KEEP_ALIVE_SECONDS))
    token = os.environ.get(TOKEN_VARIABLE, "")
    if not token and not is_loopback(host):
        sys.exit(
            f"Refusing to serve actions on {host} without {TOKEN_VARIABLE}: set one, and the same in Rasa's endpoints."
        )
    try:
        runtime.start()
    except KnowledgeBaseError as error:
        sys.exit(f"Knowledge base error: {error}")
    if token:
        rasa_sdk.endpoint.create_app = requiring_token(token)  # `run` builds its app with it
    main_from_args(arguments)


if __name__ == "__main__":
    main()
