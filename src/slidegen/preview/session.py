"""One preview session: build on every save, render the slides that changed, tell the page.

The deck is compiled in memory (nothing is written beside it but the chart image cache, as
``build`` does); a build or render that fails puts its located errors on the page and keeps
the last good slides there.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem, SlidegenError
from .render import SlideRenderer
from .server import PreviewServer, PreviewState
from .slides import Slide, split_slides


@dataclass(frozen=True)
class PreviewUpdate:
    """One rebuild, for the terminal: how many slides, which were rendered, or the errors."""

    slides: int
    rendered: list[int]
    findings: list[Problem]
    errors: list[Problem]
    seconds: float


def run_preview(
    deck: Path,
    port: int = 0,
    theme: str | None = None,
    *,
    on_ready: Callable[[str], None] = lambda url: None,
    on_update: Callable[[PreviewUpdate], None] = lambda update: None,
    stop: threading.Event | None = None,
) -> None:
    """Serve the preview of ``deck`` on 127.0.0.1:``port`` (0: a free one) until ``stop`` is
    set (or Ctrl-C); ``on_ready`` gets the page's URL once it is served."""
    from ..watch import watch_sources

    with tempfile.TemporaryDirectory(prefix="slidegen-preview-") as work:
        renderer = SlideRenderer(Path(work))
        state = PreviewState(_initial_document(deck))
        server = PreviewServer(port, state, renderer.image)
        serving = threading.Thread(target=server.serve_forever, name="preview-server")
        serving.start()
        try:
            on_ready(server.url)
            session = _Session(deck, theme, renderer, state, on_update)
            watch_sources(deck.resolve().parent, session.rebuild, stop=stop)
        finally:
            server.stop()
            serving.join(timeout=5)


def _initial_document(deck: Path) -> dict[str, Any]:
    return {"deck": deck.name, "status": "building", "slides": [], "errors": [], "findings": []}


class _Session:
    def __init__(
        self,
        deck: Path,
        theme: str | None,
        renderer: SlideRenderer,
        state: PreviewState,
        on_update: Callable[[PreviewUpdate], None],
    ) -> None:
        self.deck = deck
        self.theme = theme
        self.renderer = renderer
        self.state = state
        self.on_update = on_update
        self.shown: set[str] = set()
        """The hashes of the slides on the page now."""

    def rebuild(self) -> None:
        from ..build import CACHE_FOLDER, compile_deck, store_cache

        started = time.perf_counter()
        self.state.publish(status="building")
        cache = self.deck.resolve().parent / "output" / CACHE_FOLDER
        try:
            compiled = compile_deck(self.deck, self.theme, cache_dir=cache)
            store_cache(compiled)
            slides = split_slides(compiled.data)
            rendered = self.renderer.render(compiled.data, slides)
        except SlidegenError as error:
            self._failed(error.problems, time.perf_counter() - started)
            return
        self.state.publish(
            status="ok",
            slides=[_slide_entry(slide) for slide in slides],
            errors=[],
            findings=[p.to_dict() for p in compiled.findings],
            rendered=[slide.number for slide in rendered],
        )
        # The images of the page before this one stay until the next build: a browser may
        # still be loading them.
        current = {slide.digest for slide in slides}
        self.renderer.keep_only(current | self.shown)
        self.shown = current
        seconds = time.perf_counter() - started
        numbers = [slide.number for slide in rendered]
        self.on_update(PreviewUpdate(len(slides), numbers, compiled.findings, [], seconds))

    def _failed(self, problems: list[Problem], seconds: float) -> None:
        self.state.publish(status="failed", errors=[p.to_dict() for p in problems], rendered=[])
        self.on_update(PreviewUpdate(0, [], [], problems, seconds))


def _slide_entry(slide: Slide) -> dict[str, Any]:
    return {
        "number": slide.number,
        "title": slide.title,
        "digest": slide.digest,
        "image": f"/slides/{slide.digest}.png",
    }
