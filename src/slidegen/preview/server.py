"""The preview's web server: the page, ``/slides.json``, the slide images and the events.

Standard library only (``http.server``, one thread per connection), bound to 127.0.0.1.
Requests naming another host are refused, so a web page elsewhere cannot reach the preview
through a DNS name pointed at 127.0.0.1 (DNS rebinding).

* ``/`` and its CSS and script: the page, from the package (``page/``);
* ``/slides.json``: the state (:class:`PreviewState`);
* ``/slides/<hash>.png``: a slide's image; its URL names its content, so it never changes;
* ``/events``: server-sent events, an ``update`` (with the state's version) on every change.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any

from ..errors import Location, Problem, SlidegenError
from ..messages import say

HOST = "127.0.0.1"
KEEP_ALIVE_SECONDS = 15.0
_PAGE_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/preview.css": ("preview.css", "text/css; charset=utf-8"),
    "/preview.js": ("preview.js", "text/javascript; charset=utf-8"),
}
_IMAGE_PATH = re.compile(r"^/slides/([0-9a-f]{8,64})\.png$")


class PreviewError(SlidegenError):
    """The preview cannot start (the port is taken)."""


class PreviewState:
    """What the page shows, as one JSON-ready document with a version that counts changes.

    Threads waiting in :meth:`wait_newer` (the event streams) wake on every change.
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self._changed = threading.Condition()
        self._version = 0
        self._document = document
        self._closed = False

    def publish(self, **changes: Any) -> int:
        """Change some keys of the document; returns its new version."""
        with self._changed:
            self._document = {**self._document, **changes}
            self._version += 1
            self._changed.notify_all()
            return self._version

    def snapshot(self) -> dict[str, Any]:
        with self._changed:
            return {**self._document, "version": self._version}

    def wait_newer(self, version: int, timeout: float) -> int | None:
        """The version once it is past ``version`` (or the current one after ``timeout``);
        None once the state is closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._version > version, timeout)
            return None if self._closed else self._version

    def close(self) -> None:
        with self._changed:
            self._closed = True
            self._changed.notify_all()


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream never keeps the process alive

    def __init__(self, port: int, state: PreviewState, image: Callable[[str], Path | None]):
        self.state = state
        self.image = image
        try:
            super().__init__((HOST, port), _Handler)
        except OSError as error:
            raise PreviewError(
                Problem(
                    Location("--port"),
                    say("cannot_listen", address=f"{HOST}:{port}", reason=error.strerror),
                )
            ) from None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def stop(self) -> None:
        """Stop serving, end the event streams and close the socket."""
        self.state.close()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if not self._host_is_ours():
            self._send(HTTPStatus.FORBIDDEN, b"forbidden\n", "text/plain; charset=utf-8")
        elif path in _PAGE_FILES:
            name, content_type = _PAGE_FILES[path]
            page = files("slidegen.preview").joinpath("page", name).read_bytes()
            self._send(HTTPStatus.OK, page, content_type)
        elif path == "/slides.json":
            body = json.dumps(self.server.state.snapshot(), ensure_ascii=False).encode()
            self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")
        elif path == "/events":
            self._stream_events()
        elif (match := _IMAGE_PATH.match(path)) and (image := self._image(match[1])):
            self._send(HTTPStatus.OK, image, "image/png", immutable=True)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")

    def _image(self, digest: str) -> bytes | None:
        path = self.server.image(digest)
        try:
            return path.read_bytes() if path else None
        except FileNotFoundError:
            return None  # deleted meanwhile: no slide on the page has it any more

    def _host_is_ours(self) -> bool:
        port = self.server.server_address[1]
        return self.headers.get("Host", "") in {f"{HOST}:{port}", f"localhost:{port}"}

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, immutable: bool = False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        cache = "public, max-age=31536000, immutable" if immutable else "no-store"
        self.send_header("Cache-Control", cache)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _stream_events(self) -> None:
        """An ``update`` now and after every change; a comment line now and then keeps the
        connection open through idle minutes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        state = self.server.state
        version: int | None = state.snapshot()["version"]
        sent = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while version is not None:
                if version != sent:
                    self.wfile.write(f"event: update\ndata: {json.dumps(version)}\n\n".encode())
                    sent = version
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
                version = state.wait_newer(sent, KEEP_ALIVE_SECONDS)
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows builds, not requests."""
