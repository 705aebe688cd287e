"""`GET /` answers "Hello from Rasa", without the version that tells an attacker which
advisories apply (Rasa 3.6's `rasa.server.add_root_route` says "Hello from Rasa: 3.6.21").
Readiness, with what is down, is at /webhooks/rest/ready (channels/readiness.py)."""

import rasa.server as rasa_server
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

_RASA_ADD_ROOT_ROUTE = rasa_server.add_root_route


def add_root_route(app: Sanic) -> None:
    @app.get("/")
    async def hello(request: Request) -> HTTPResponse:
        return response.text("Hello from Rasa")


def install() -> None:
    rasa_server.add_root_route = add_root_route  # called by rasa.core.run and rasa.server.create_app


def is_active() -> bool:
    return rasa_server.add_root_route is add_root_route
