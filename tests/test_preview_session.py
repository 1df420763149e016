"""A preview session in-process: a save of a picture the deck uses (not the deck) renders the
slide that shows it, and only that one."""

from __future__ import annotations

import json
import queue
import shutil
import tempfile
import threading
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from helpers import Project, need_soffice, require
from slidegen.preview.session import PreviewUpdate, run_preview

DECK = """\
deck: {title: Pictures, date: 2014-12-31, theme: neutral}
sections:
  - divider: false
    slides:
      - kind: title
      - {kind: image, title: The picture, image: assets/picture.png, alt: A colour}
      - {kind: bullets, title: After, items: [x]}
"""


def test_saving_a_picture_renders_only_the_slide_that_shows_it(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """And stopping the session removes its work folder (images, LibreOffice profile)."""
    need_soffice()
    require(bool(shutil.which("pdftoppm")), "pdftoppm (poppler) is not installed")
    picture = project.root / "assets" / "picture.png"
    picture.parent.mkdir()
    Image.new("RGB", (160, 90), (200, 30, 30)).save(picture)
    project.write_deck(DECK)
    temporary = tmp_path / "temporary"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    urls: queue.Queue[str] = queue.Queue()
    updates: queue.Queue[PreviewUpdate] = queue.Queue()
    stop = threading.Event()
    session = threading.Thread(
        target=run_preview,
        args=(project.deck,),
        kwargs={"on_ready": urls.put, "on_update": updates.put, "stop": stop},
    )
    session.start()
    try:
        url = urls.get(timeout=60)
        first = updates.get(timeout=90)
        assert (first.errors, first.slides, first.rendered) == ([], 3, [1, 2, 3])
        before = _images(url)
        Image.new("RGB", (160, 90), (30, 30, 200)).save(picture)
        second = updates.get(timeout=90)
        assert (second.errors, second.rendered) == ([], [2])
        after = _images(url)
        assert [a == b for a, b in zip(before, after, strict=True)] == [True, False, True]
    finally:
        stop.set()
        session.join(timeout=30)
    assert not session.is_alive(), "run_preview did not stop when asked"
    assert list(temporary.iterdir()) == []
    try:
        urllib.request.urlopen(f"{url}slides.json", timeout=5)
        raise AssertionError("the server still answers after the session stopped")
    except OSError:
        pass


def _images(url: str) -> list[str]:
    with urllib.request.urlopen(f"{url}slides.json", timeout=10) as response:
        return [slide["image"] for slide in json.load(response)["slides"]]
