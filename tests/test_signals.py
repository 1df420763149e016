"""SIGTERM and SIGHUP unwind like Ctrl-C (no temporary file left, the previous output
intact), and what a SIGKILL leaves behind is removed by the next build."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import MINIMAL_DECK, Project, assert_clean_exit, run_cli

# The build of the child stalls inside the atomic write, with its temporary file on disk.
STALLING_BUILD = """
import sys, time
import slidegen.save as save
from slidegen.cli import run
def stall(fd):
    print("writing", flush=True)
    time.sleep(60)
save.os.fsync = stall
sys.argv = ["slidegen", "build", "-o", "out.pptx"]
run()
"""


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_stopped_build_leaves_the_old_output_and_no_temporary(
    project: Project, signum: int
) -> None:
    project.write_deck(MINIMAL_DECK)
    assert_clean_exit(run_cli("build", "-o", "out.pptx", cwd=project.root), 0)
    before = (project.root / "out.pptx").read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", STALLING_BUILD],
        cwd=project.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "writing\n"
    assert len(temporaries(project.root)) == 1
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 128 + signum
    assert stderr.splitlines()[-1] == (
        f"slidegen: stopped by {signal.Signals(signum).name}; nothing written"
    )
    assert "Traceback" not in stderr
    assert temporaries(project.root) == []
    assert (project.root / "out.pptx").read_bytes() == before


def test_the_next_build_removes_what_a_killed_one_left(project: Project) -> None:
    project.write_deck(MINIMAL_DECK)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()  # a process id that no longer runs
    stale = project.root / f".out.pptx.{child.pid}.k3j2h1.tmp"
    stale.write_bytes(b"half a deck")
    mine = project.root / f".out.pptx.{os.getpid()}.a1b2c3.tmp"  # a running process's: kept
    mine.write_bytes(b"being written")
    other = project.root / ".notes.txt.123.tmp"  # not a temporary of this output
    other.write_bytes(b"x")
    assert_clean_exit(run_cli("build", "-o", "out.pptx", cwd=project.root), 0)
    assert not stale.exists()
    assert mine.exists() and other.exists()
    assert (project.root / "out.pptx").stat().st_size > 0
