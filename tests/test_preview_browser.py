"""``slidegen preview`` end to end: the real command, LibreOffice, and the page in headless
Chromium (the system's, driven by Playwright), through an edit, a broken save and its fix."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from helpers import Project, need_soffice, require

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 90_000
"""The longest a step may take: the first render makes LibreOffice's profile; CI is slow."""
DECK = """\
deck:
  title: Four slides
  date: 2014-12-31
  theme: neutral
sections:
  - divider: false
    slides:
      - kind: title
      - kind: bullets
        title: Second
        items: [alpha, beta]
      - kind: bullets
        title: Third
        items: [{third}, delta]
      - kind: bullets
        title: Fourth
        items: [epsilon]
"""
BROKEN = DECK.replace("items: [{third}, delta]", "items: [{third}, delta\n      - kind: oops")
IMAGE_URL = re.compile(r"^/slides/[0-9a-f]{24}\.png$")
SHOWN_SLIDES = """items => items.map(item => {
    const image = item.querySelector("img");
    return {
        number: item.querySelector(".number").textContent,
        title: item.querySelector(".title").textContent,
        src: image.getAttribute("src"),
        alt: image.alt,
        loaded: image.complete && image.naturalWidth > 0,
    };
})"""


@dataclass
class RunningPreview:
    process: subprocess.Popen[str]
    url: str
    output: queue.Queue[str]

    def state(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.url}slides.json", timeout=10) as response:
            return json.load(response)

    def wait_printed(self, pattern: str, timeout: float = 30) -> str:
        """The next line the command prints that matches ``pattern``."""
        while True:
            line = self.output.get(timeout=timeout)
            if re.search(pattern, line):
                return line


@pytest.fixture
def start_preview(project: Project) -> Iterator[Callable[[], RunningPreview]]:
    """``slidegen preview deck.yaml`` in the project, as its own process group; stopped with
    SIGTERM (as a terminal closing would), and killed if it does not stop in time."""
    need_soffice()
    require(bool(shutil.which("pdftoppm")), "pdftoppm (poppler) is not installed")
    started: list[subprocess.Popen[str]] = []

    def start() -> RunningPreview:
        process = subprocess.Popen(
            [sys.executable, "-m", "slidegen", "preview", "deck.yaml"],
            cwd=project.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        started.append(process)
        output: queue.Queue[str] = queue.Queue()
        threading.Thread(target=_read_lines, args=(process, output), daemon=True).start()
        first = output.get(timeout=60)
        match = re.fullmatch(r"preview of deck\.yaml at (http://127\.0\.0\.1:\d+/) .*", first)
        assert match, first
        return RunningPreview(process, match[1], output)

    yield start
    for process in started:
        process.send_signal(signal.SIGTERM)
        try:
            code = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
            pytest.fail("slidegen preview did not stop on SIGTERM")
        assert code == 128 + signal.SIGTERM


def _read_lines(process: subprocess.Popen[str], output: queue.Queue[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        output.put(line.rstrip("\n"))


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Any]:
    """A page in headless Chromium with a fresh profile."""
    require(Path(CHROMIUM).is_file(), f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def wait_for(page: Any, status: str, after: int) -> int:
    """Wait until the page shows a state of ``status`` newer than version ``after``."""
    page.wait_for_function(
        """([status, after]) => document.body.dataset.status === status
            && Number(document.body.dataset.version) > after""",
        arg=[status, after],
        timeout=WAIT_MS,
    )
    return int(page.evaluate("Number(document.body.dataset.version)"))


def shown(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector_all("#slides li.slide", SHOWN_SLIDES)


def test_the_page_follows_edits_errors_and_fixes(
    project: Project, start_preview: Callable[[], RunningPreview], page: Any
) -> None:
    project.write_deck(DECK.format(third="gamma"))
    preview = start_preview()
    page.goto(preview.url)
    version = wait_for(page, "ok", -1)
    first = shown(page)
    assert [(s["number"], s["title"]) for s in first] == [
        ("1", "Four slides"),
        ("2", "Second"),
        ("3", "Third"),
        ("4", "Fourth"),
    ]
    assert all(s["loaded"] and IMAGE_URL.match(s["src"]) for s in first), first
    assert first[2]["alt"] == "Slide 3: Third"
    assert [s["image"] for s in preview.state()["slides"]] == [s["src"] for s in first]
    assert page.is_hidden("#errors")

    # The page changes only on server-sent events; a second stream counts them.
    page.evaluate(
        """() => { window.updates = [];
        new EventSource("/events").addEventListener("update", e => updates.push(+e.data)); }"""
    )
    project.write_deck(DECK.format(third="gamma, edited"))
    version = wait_for(page, "ok", version)
    edited = shown(page)
    changed = [s["number"] for s, before in zip(edited, first, strict=True) if s != before]
    assert changed == ["3"], edited
    assert edited[2]["loaded"] and edited[2]["src"] != first[2]["src"]
    assert max(page.evaluate("window.updates")) >= version
    assert preview.state()["rendered"] == [3]
    preview.wait_printed(r"\] 4 slides, 1 slide rendered, [\d.]+ s$")
    version = _break_and_fix(project, preview, page, version, edited)


def _break_and_fix(
    project: Project, preview: RunningPreview, page: Any, version: int, good: list[dict[str, Any]]
) -> int:
    """A YAML error shows, located, above the last good slides; fixing it brings the page
    back without rendering anything again (the slides are the same)."""
    project.write_deck(BROKEN.format(third="gamma, edited"))
    version = wait_for(page, "failed", version)
    assert page.is_visible("#errors")
    problems = page.inner_text("#errors .problems")
    assert problems.startswith(
        "deck.yaml:14:16: the list opened with '[' here is never closed: add ']' at its end"
    ), problems
    assert shown(page) == good
    assert "last good 4 slides" in page.inner_text("#status")
    errors = preview.state()["errors"]
    located = [(e["file"], e["line"], e["column"]) for e in errors]
    assert located == [("deck.yaml", 14, 16)], errors  # where the [ opened

    project.write_deck(DECK.format(third="gamma, edited"))
    version = wait_for(page, "ok", version)
    assert page.is_hidden("#errors")
    assert shown(page) == good
    assert preview.state()["rendered"] == []
    assert preview.process.poll() is None, "a broken save must not end the preview"
    return version
