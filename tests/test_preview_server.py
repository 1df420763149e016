"""The preview's web server on its own: routes, the host check, server-sent events."""

from __future__ import annotations

import http.client
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import SAMPLE_PNG, assert_clean_exit, need_soffice, require, run_cli
from slidegen.preview.server import PreviewServer, PreviewState

DIGEST = "0123456789abcdef01234567"


@pytest.fixture
def server() -> Iterator[PreviewServer]:
    state = PreviewState({"status": "building", "slides": [], "errors": [], "findings": []})
    images = {DIGEST: SAMPLE_PNG}
    running = PreviewServer(0, state, images.get)
    thread = threading.Thread(target=running.serve_forever)
    thread.start()
    try:
        yield running
    finally:
        running.stop()
        thread.join(timeout=10)
        assert not thread.is_alive(), "the server did not stop"


def get(server: PreviewServer, path: str, host: str | None = None) -> http.client.HTTPResponse:
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host} if host else {}
    connection.request("GET", path, headers=headers)
    return connection.getresponse()


def test_it_listens_on_localhost_only(server: PreviewServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.server_address[1]}/"


def test_the_page_state_and_images_are_served(server: PreviewServer) -> None:
    page = get(server, "/")
    assert page.status == 200
    html = page.read().decode()
    assert '<ol id="slides"' in html and "/preview.js" in html
    for path in ("/preview.js", "/preview.css"):
        assert get(server, path).status == 200
    state = json.loads(get(server, "/slides.json").read())
    assert state["status"] == "building" and state["version"] == 0
    image = get(server, f"/slides/{DIGEST}.png")
    assert image.status == 200 and image.getheader("Content-Type") == "image/png"
    assert "immutable" in (image.getheader("Cache-Control") or "")
    assert image.read() == SAMPLE_PNG.read_bytes()
    assert get(server, "/slides/ffffffffffffffffffffffff.png").status == 404
    assert get(server, "/slides/../../etc/passwd").status == 404


def test_requests_for_another_host_are_refused(server: PreviewServer) -> None:
    """A page elsewhere whose DNS name points at 127.0.0.1 cannot read the preview."""
    port = server.server_address[1]
    assert get(server, "/slides.json", host=f"evil.example:{port}").status == 403
    assert get(server, "/slides.json", host=f"localhost:{port}").status == 200


def test_every_change_is_an_update_event(server: PreviewServer) -> None:
    response = get(server, "/events")
    assert response.getheader("Content-Type") == "text/event-stream"

    def next_event() -> str:
        lines = []
        while (line := response.fp.readline().decode().rstrip("\n")) or not lines:
            if line:
                lines.append(line)
        return "\n".join(lines)

    assert next_event() == "retry: 1000"
    assert next_event() == "event: update\ndata: 0"
    server.state.publish(status="ok")
    assert next_event() == "event: update\ndata: 1"
    assert json.loads(get(server, "/slides.json").read())["status"] == "ok"


def test_a_taken_port_is_a_located_error(tmp_path: Path) -> None:
    need_soffice()
    require(bool(shutil.which("pdftoppm")), "pdftoppm (poppler) is not installed")
    (tmp_path / "deck.yaml").write_text("deck: {title: T}\nsections: []\n", encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("preview", "--port", str(port), cwd=tmp_path)
    assert_clean_exit(result, 1)
    assert result.stderr.startswith(f"--port: cannot listen on 127.0.0.1:{port}: ")
