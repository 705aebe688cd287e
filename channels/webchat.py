"""The web chat: the page (web/), served by the Rasa server itself, and its socket.

One channel does both jobs, so the page and its socket share one origin and need no CORS:
- GET /chat/ is the page (web/index.html and its scripts and stylesheet) and /chat/vendor/
  the three files it loads from node_modules/ (installed from the npm registry by `make
  install`): the socket.io client, the TopoJSON reader and the U.S. states' boundaries;
- /socket.io/ is the socket the page talks to (the events of Rasa's socketio channel).

It is Rasa's socketio channel with these changes, which is why the socket handlers are
written here rather than inherited:
- the socket only accepts pages of its own origin (Rasa's channel accepts any origin);
- `enter_room` is awaited where python-socketio made it a coroutine (5.10 and newer;
  RasaHQ/rasa#13027): Rasa 3.6 does not await it, so with session persistence no reply
  would reach the page. requirements.txt also pins a python-socketio where it is not one;
- a message that gets no reply (the action server is down) gets one (channels/reliable.py);
- a message out of bounds (channels/request_limits.py) gets a reply that says why, and
  goes no further;
- a closed websocket is not logged as an error;
- a reply is one event, its picture included (WebChatOutput).
"""

import inspect
import logging
import uuid
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from channels import request_limits
from channels.reliable import MessageHandler, with_reply_guarantee

logger = logging.getLogger(__name__)

PROJECT = Path(__file__).resolve().parents[1]
PAGE_DIR = PROJECT / "web"
PAGE_FILES = {
    "": ("index.html", "text/html"),
    "index.html": ("index.html", "text/html"),
    "app.js": ("app.js", "text/javascript"),
    "markdown.js": ("markdown.js", "text/javascript"),
    "pictures.js": ("pictures.js", "text/javascript"),
    "style.css": ("style.css", "text/css"),
}
NODE_MODULES = PROJECT / "node_modules"
VENDOR_FILES = {
    "socket.io.min.js": (NODE_MODULES / "socket.io-client" / "dist" / "socket.io.min.js", "text/javascript"),
    "topojson-client.min.js": (NODE_MODULES / "topojson-client" / "dist" / "topojson-client.min.js", "text/javascript"),
    "states-albers-10m.json": (NODE_MODULES / "us-atlas" / "states-albers-10m.json", "application/json"),
}

# The page loads nothing from elsewhere, runs no inline script or style, and evaluates no string.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def _quiet_when_a_websocket_closes(handle_request: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """engine.io's request handler, marked as a websocket handler for Sanic.

    When a page's websocket closes, engine.io's handler returns None, and Sanic logs every
    such close as an ERROR with a traceback ("Invalid response type None (need
    HTTPResponse)": python-engineio#221, sanic#2572), which hid the real errors in the log.
    Sanic accepts None from a handler that has `is_websocket`."""

    async def handle(request: Request, *args: Any, **kwargs: Any) -> Any:
        return await handle_request(request, *args, **kwargs)

    handle.is_websocket = True  # type: ignore[attr-defined]
    return handle


class WebChatOutput(SocketIOOutput):
    """One bot message is one event to the page: its text whole (Markdown, blank lines
    included), its buttons as quick replies, and its picture (careers.pictures), if any.

    Rasa's socketio output splits a text at each blank line into separate messages and sends
    a custom payload as a message of its own, so a list's closing line, or a chart, would
    land in a bubble apart from the answer it belongs to."""

    @classmethod
    def name(cls) -> Text:
        return "webchat"

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        event: Dict[Text, Any] = {}
        if message.get("text"):
            event["text"] = message["text"]
        buttons = message.get("buttons") or message.get("quick_replies") or []
        if buttons:
            event["quick_replies"] = [
                {"content_type": "text", "title": button["title"], "payload": button["payload"]} for button in buttons
            ]
        custom = message.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("picture"), dict):
            event["picture"] = custom["picture"]
            custom = None
        if event:
            await self._send_message(recipient_id, event)
        # Anything else (an image, an attachment, other custom JSON) the way Rasa sends it.
        rest = {key: message[key] for key in ("image", "attachment", "elements") if message.get(key)}
        if custom:
            rest["custom"] = custom
        if rest:
            await super().send_response(recipient_id, rest)


class WebChatInput(SocketIOInput):
    """Serves the chat page under /chat/ and its socket under /socket.io/.

    credentials.yml options are those of Rasa's socketio channel, plus `allowed_origins`:
    the origins that may open the socket, in place of the default "the page's own origin
    only" (so a list for embedding elsewhere names the page's own origin too).
    """

    allowed_origins: List[Text] = []

    @classmethod
    def name(cls) -> Text:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        channel = super().from_credentials(credentials)
        channel.allowed_origins = list(credentials.get("allowed_origins") or [])
        return channel

    def url_prefix(self) -> Text:
        # Joined to Rasa's "/webhooks/" route, an absolute path replaces it: the page is at /chat/.
        return "/chat"

    def _socket_origins(self) -> Optional[List[Text]]:
        # None is engine.io's "same origin only", checked against the request's Host header.
        return self.allowed_origins or None

    def blueprint(self, on_new_message: MessageHandler) -> Blueprint:
        on_new_message = with_reply_guarantee(on_new_message)
        sio = AsyncServer(
            async_mode="sanic",
            cors_allowed_origins=self._socket_origins(),
            max_http_buffer_size=request_limits.MAX_BODY_BYTES,  # a bigger message is dropped unread
        )
        sio.eio.handle_request = _quiet_when_a_websocket_closes(sio.eio.handle_request)
        self.sio = sio
        webchat = SocketBlueprint(sio, self.socketio_path, "webchat", __name__)
        self._add_page_routes(webchat)

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            if not self.jwt_key:
                return True
            token = (auth or {}).get("token") if isinstance(auth, dict) else None
            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not isinstance(session_id, str) or not session_id:
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                entered = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(entered):
                    await entered
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            problem = request_limits.socket_problem(data, self.session_persistence, self.metadata_key)
            if problem:
                # Said to the page, which shows it as the assistant's reply; nothing is stored.
                logger.warning("Refused a web chat message from socket %s: %s.", sid, problem)
                refusal = {"text": request_limits.REFUSED_TEXT.format(problem=problem.replace("`", ""))}
                await sio.emit(self.bot_message_evt, refusal, room=sid, namespace=self.namespace)
                return
            message = UserMessage(
                data["message"],
                WebChatOutput(sio, self.bot_message_evt),
                data["session_id"] if self.session_persistence else sid,
                input_channel=self.name(),
                metadata=data.get(self.metadata_key),
            )
            await on_new_message(message)

        return webchat

    @staticmethod
    def _add_page_routes(blueprint: Blueprint) -> None:
        @blueprint.route("/", methods=["GET"])  # /chat
        async def page(_: Request) -> HTTPResponse:
            return await page_file(_, "")

        @blueprint.route("/<name>", methods=["GET"])  # /chat/ (name "") and the page's files
        async def page_file(_: Request, name: str) -> HTTPResponse:
            if name not in PAGE_FILES:  # a fixed list: no path from the URL reaches the file system
                return response.text("Not found", status=404)
            file_name, mime_type = PAGE_FILES[name]
            return await response.file(PAGE_DIR / file_name, headers=PAGE_HEADERS, mime_type=mime_type)

        @blueprint.route("/vendor/<name>", methods=["GET"])
        async def vendor_file(_: Request, name: str) -> HTTPResponse:
            if name not in VENDOR_FILES:
                return response.text("Not found", status=404)
            path, mime_type = VENDOR_FILES[name]
            if not path.is_file():
                return response.text(f"{path.relative_to(PROJECT)} is missing: run `make install`.", status=503)
            return await response.file(path, headers=PAGE_HEADERS, mime_type=mime_type)
