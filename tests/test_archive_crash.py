"""``kill -9`` anywhere in ``build --archive``: no version or a whole one, never a blocked next.

Each run is a real process, killed after a random share of a normal run's time. LibreOffice is
replaced by a stand-in that writes a blank PDF with one page per slide (the export is not what
is tested here, and a real one would make the test minutes long).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import bagit
import pytest

from helpers import Project

DECK = """\
deck:
  title: Crash
  period: Luglio – Dicembre 2014
  date: 2014-12-31
  language: it-IT
  theme: neutral
sections:
  - divider: false
    slides:
      - kind: title
      - kind: bullets
        title: Punti
        items: [revision {revision}]
"""
FAKE_SOFFICE = """\
#!{python}
import sys
from pathlib import Path
import pikepdf

args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
pptx = Path(args[-1])
pdf = pikepdf.new()
for _ in range(2):
    pdf.add_blank_page()
pdf.save(out / (pptx.stem + ".pdf"))
"""
FOLDER = "archive/luglio-dicembre-2014"
RUNS = 14


def start(root: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "slidegen", "build", "--archive"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def published(root: Path) -> dict[int, Path]:
    folder = root / FOLDER
    if not folder.is_dir():
        return {}
    return {
        int(p.name.rsplit("-v", 1)[1]): p
        for p in folder.iterdir()
        if p.is_dir() and p.name.startswith("crash-v")
    }


@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_kill_9_at_random_moments_never_leaves_half_a_version(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    project = Project(root)
    soffice = tmp_path / "soffice"
    soffice.write_text(textwrap.dedent(FAKE_SOFFICE).format(python=sys.executable))
    soffice.chmod(0o755)
    env = dict(os.environ, SLIDEGEN_SOFFICE=str(soffice))
    env.pop("SOURCE_DATE_EPOCH", None)

    project.write_deck(DECK.format(revision=0))
    began = time.monotonic()
    assert start(root, env).wait() == 0
    full_run = time.monotonic() - began  # how long a run takes here: kills fall inside it
    assert sorted(published(root)) == [1]

    chance = random.Random(12)
    numbers_seen = {1}
    for revision in range(1, RUNS + 1):
        project.write_deck(DECK.format(revision=revision))
        process = start(root, env)
        time.sleep(chance.uniform(0.05, 1.5) * full_run)
        process.send_signal(signal.SIGKILL)
        process.wait()
        versions = published(root)
        for folder in versions.values():
            bagit.Bag(str(folder)).validate()  # every published version is whole
        assert set(versions) >= numbers_seen, "a published version disappeared"
        numbers_seen = set(versions)

    # The next run is never blocked, and it cleans up what the killed ones left.
    project.write_deck(DECK.format(revision="final"))
    assert start(root, env).wait() == 0
    versions = published(root)
    assert max(versions) > max(numbers_seen)
    assert not list((root / "archive").glob(".staging-*"))
    done = subprocess.run(
        [sys.executable, "-m", "slidegen", "verify", "--fixity", "archive"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("bag valid") == len(versions)
