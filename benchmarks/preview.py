"""Edit-to-page time of ``slidegen preview``: from saving a one-slide text edit of the deck
to the page in a browser showing the new slide image (decoded), on the repository's deck.

Run from the project root (needs LibreOffice, pdftoppm and Chromium at /usr/bin/chromium):

    .venv/bin/python benchmarks/preview.py [--runs 5] [--screenshot docs/preview.png]

It copies the deck and its data into a temporary folder, starts ``slidegen preview`` there,
opens the page in headless Chromium (Playwright), waits for the first full render, then
``--runs`` times changes the text of one slide and measures until the page shows it, checking
that exactly that slide's image changed. ``--screenshot`` saves the page (1200 px wide, PNG
quantised to 256 colours) for the README.
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
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
EDITED = "title: Con altri sindaci"
"""The line the runs edit (a bullets slide of the default deck)."""
WAIT_MS = 120_000
SHOWN = "items => items.map(item => item.querySelector('img').getAttribute('src'))"
NEWER = """([status, after]) => document.body.dataset.status === status
    && Number(document.body.dataset.version) > after"""


def copy_project(target: Path) -> Path:
    target.mkdir()
    for name in ("deck.yaml", "data", "assets", "themes"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    return target / "deck.yaml"


def start_preview(project: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "slidegen", "preview", "deck.yaml"],
        cwd=project,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    match = re.search(r"at (http://127\.0\.0\.1:\d+/)", first)
    if not match:
        process.kill()
        sys.exit(f"slidegen preview did not start: {first!r}")
    return process, match[1]


def wait_newer(page: Any, status: str, after: int) -> int:
    page.wait_for_function(NEWER, arg=[status, after], timeout=WAIT_MS)
    return int(page.evaluate("Number(document.body.dataset.version)"))


def measure(page: Any, deck: Path, runs: int) -> list[float]:
    """Seconds from each save to the page showing it."""
    text = deck.read_text(encoding="utf-8")
    if EDITED not in text:
        sys.exit(f"{deck} has no line {EDITED!r} to edit")
    version = wait_newer(page, "ok", -1)
    times = []
    for run in range(1, runs + 1):
        before = page.eval_on_selector_all("#slides li.slide", SHOWN)
        edited = text.replace(EDITED, f"{EDITED} ({run})")
        started = time.perf_counter()
        deck.write_text(edited, encoding="utf-8")
        version = wait_newer(page, "ok", version)
        times.append(time.perf_counter() - started)
        after = page.eval_on_selector_all("#slides li.slide", SHOWN)
        changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if len(changed) != 1:
            sys.exit(f"run {run}: slides {changed} changed, expected exactly one")
        print(f"run {run}: slide {changed[0]} shown after {times[-1]:.2f} s", flush=True)
    deck.write_text(text, encoding="utf-8")
    wait_newer(page, "ok", version)
    return times


def screenshot(page: Any, path: Path) -> None:
    from PIL import Image

    page.set_viewport_size({"width": 1200, "height": 860})
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    raw = path.with_suffix(".raw.png")
    page.screenshot(path=str(raw))
    with Image.open(raw) as image:
        image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE).save(
            path, optimize=True
        )
    raw.unlink()
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshot", type=Path, help="save the page as this PNG")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="slidegen-bench-preview-") as work:
        deck = copy_project(Path(work) / "project")
        process, url = start_preview(deck.parent)
        try:
            with sync_playwright() as playwright:
                context = playwright.chromium.launch_persistent_context(
                    str(Path(work) / "chromium"),
                    executable_path=CHROMIUM,
                    headless=True,
                    args=CHROMIUM_ARGS,
                    viewport={"width": 1400, "height": 900},
                )
                page = context.pages[0] if context.pages else context.new_page()
                page.goto(url)
                times = measure(page, deck, options.runs)
                if options.screenshot:
                    screenshot(page, options.screenshot)
                context.close()
        finally:
            process.send_signal(signal.SIGTERM)
            rest, _ = process.communicate(timeout=30)
    # The preview's own lines: the build and render time of each save, without the browser.
    print("\n".join(line for line in rest.splitlines() if " rendered, " in line))
    print(
        f"edit-to-page on {deck.name}: median {statistics.median(times):.2f} s, "
        f"best {min(times):.2f} s, worst {max(times):.2f} s ({len(times)} runs)"
    )


if __name__ == "__main__":
    main()
