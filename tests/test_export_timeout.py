"""A LibreOffice that hangs is stopped whole: the launcher and what it started.

``soffice`` is a launcher that starts ``soffice.bin``; a timeout that kills only the launcher
left the converter running. The fake here does the same: it starts a child that sleeps, then
sleeps itself.
"""

from __future__ import annotations

import os
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import Project, assert_clean_exit, error_lines, run_cli
from slidegen import export

FAKE_SOFFICE = """\
#!{python}
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open({pids!r}, "w") as pids:
    pids.write(f"{{os.getpid()}} {{child.pid}}")
time.sleep(600)
"""

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process groups are POSIX")


def ended(pid: int) -> bool:
    """Gone, or a zombie no one has reaped yet (it runs nothing any more)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    except OSError:  # no /proc (macOS): ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return state in ("Z", "X")


def wait_until_ended(pids: list[int], seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not all(ended(pid) for pid in pids):
        time.sleep(0.05)
    return [pid for pid in pids if not ended(pid)]


@pytest.fixture
def hanging_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake soffice that never finishes; the file it names its and its child's pids in."""
    pids = tmp_path / "pids"
    program = tmp_path / "bin" / "soffice"
    program.parent.mkdir()
    program.write_text(textwrap.dedent(FAKE_SOFFICE).format(python=sys.executable, pids=str(pids)))
    program.chmod(0o755)
    monkeypatch.setenv("SLIDEGEN_SOFFICE", str(program))
    monkeypatch.setattr(export, "TIMEOUT_SECONDS", 2)
    return pids


def test_a_timeout_kills_the_launcher_and_its_children(
    project: Project, hanging_soffice: Path
) -> None:
    project.write_slides("- {kind: title}")
    result = run_cli("build", "deck.yaml", "--pdf", cwd=project.root)
    assert_clean_exit(result, result.exit_code)
    assert result.exit_code != 0
    assert any("LibreOffice did not finish in 2 s" in line for line in error_lines(result))
    launcher, child = map(int, hanging_soffice.read_text().split())
    assert wait_until_ended([launcher, child]) == []


def test_a_finished_command_gives_its_output_and_code(tmp_path: Path) -> None:
    done = export.run_as_group([sys.executable, "-c", "print('out'); exit(3)"], 30)
    assert (done.returncode, done.stdout) == (3, "out\n")


def test_the_command_runs_in_a_group_of_its_own(tmp_path: Path) -> None:
    done = export.run_as_group([sys.executable, "-c", "import os; print(os.getpgid(0))"], 30)
    assert int(done.stdout) != os.getpgid(0)
