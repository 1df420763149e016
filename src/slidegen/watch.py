"""Rebuild on save: the deck, its theme and its assets are watched with watchdog.

A broken save prints its errors and leaves the last good output (and preview) in place:
builds write atomically and only when they succeed.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import BuildResult, build_deck
from .errors import SlidegenError

DEBOUNCE_SECONDS = 0.3
_IGNORED_PARTS = {"output", ".git", ".venv", "__pycache__", ".cache"}


@dataclass(frozen=True)
class WatchEvent:
    """One rebuild: its result, or the error that kept the last good output in place."""

    result: BuildResult | None
    error: SlidegenError | None
    seconds: float


# What a deck is built from: YAML (deck, themes, periods), CSV data and images.
SOURCE_SUFFIXES = {
    ".yaml",
    ".yml",
    ".csv",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
}


class _Changes(FileSystemEventHandler):
    """Sets ``changed`` when a source file under the project is written.

    Folders' own events, the build's outputs and anything under output/ are not changes:
    otherwise a build's own writes would trigger the next build.
    """

    def __init__(self, project: Path, outputs: tuple[Path, ...]) -> None:
        self.project = project
        self.outputs = outputs
        self.changed = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw and self._is_source(Path(str(raw))):
                self.changed.set()

    def _is_source(self, path: Path) -> bool:
        if path.suffix.lower() not in SOURCE_SUFFIXES or path.name.startswith("."):
            return False
        if any(path == out or path.is_relative_to(out) for out in self.outputs):
            return False
        relative = path.relative_to(self.project) if path.is_relative_to(self.project) else path
        return _IGNORED_PARTS.isdisjoint(relative.parts)


def preview_available() -> bool:
    """PNG previews need LibreOffice and pdftoppm."""
    return bool(
        (shutil.which("soffice") or shutil.which("libreoffice")) and shutil.which("pdftoppm")
    )


def watch(
    deck: Path,
    output: Path | None = None,
    theme: str | None = None,
    png: bool = False,
    on_build: Callable[[WatchEvent], None] = lambda event: None,
    stop: threading.Event | None = None,
) -> None:
    """Build ``deck`` now and after every change under its project, until ``stop`` is set."""
    outputs: tuple[Path, ...] = ()
    if output is not None:
        target = output.resolve()
        outputs = (target, target.with_name(f"{target.stem}-png"), target.with_suffix(".pdf"))
    watch_sources(
        deck.resolve().parent,
        lambda: on_build(_rebuild(deck, output, theme, png)),
        outputs=outputs,
        stop=stop,
    )


def watch_sources(
    project: Path,
    on_change: Callable[[], None],
    *,
    outputs: tuple[Path, ...] = (),
    stop: threading.Event | None = None,
) -> None:
    """Call ``on_change`` now and after every save of a source file under ``project`` (not
    ``outputs``), one call per burst of writes, until ``stop`` is set."""
    handler = _Changes(project, outputs)
    observer = Observer()
    observer.schedule(handler, str(project), recursive=True)
    observer.start()
    stop = stop or threading.Event()
    try:
        handler.changed.set()  # the first build
        while not stop.is_set():
            if not handler.changed.wait(timeout=0.1):
                continue
            time.sleep(DEBOUNCE_SECONDS)  # an editor's save is often several writes
            handler.changed.clear()
            on_change()
    finally:
        observer.stop()
        observer.join()


def _rebuild(deck: Path, output: Path | None, theme: str | None, png: bool) -> WatchEvent:
    started = time.perf_counter()
    try:
        result = build_deck(deck, output, theme, png=png)
    except SlidegenError as error:
        return WatchEvent(None, error, time.perf_counter() - started)
    return WatchEvent(result, None, time.perf_counter() - started)
