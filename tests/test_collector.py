"""The console command's garbage collector: off while a command imports its modules, on (with
what the imports made frozen) while it works, and out of the way at exit; the library's
callers keep theirs."""

from __future__ import annotations

import ast
import gc
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import Project, run_cli

SPY = """
import gc, sys, types
sys.argv = ["slidegen", *sys.argv[1:]]
import slidegen.collector as collector
import {module} as spied

seen = {{}}
working = collector.working

def working_spy():
    seen["collecting while importing"] = gc.isenabled()
    working()

def work_spy(*args, **kwargs):
    seen["collecting while working"] = gc.isenabled()
    seen["imports frozen"] = gc.get_freeze_count() > 0
    return {returned}

collector.working = working_spy
original = spied.{function}
spied.{function} = work_spy
from slidegen.launch import run
try:
    run()
finally:
    seen["all frozen at the end"] = len(gc.get_objects()) < 100 < gc.get_freeze_count()
    print(seen, file=sys.stderr)
"""
"""The console command, with the command's library function and ``collector.working``
spied on: what the collector was doing when each ran, printed on stderr."""

WORKS = "original(*args, **kwargs)"
COMMANDS = {
    "build": ("slidegen.build", "build_deck", WORKS, ["build", "deck.yaml"]),
    "check": ("slidegen.pipeline", "check_deck", WORKS, ["check", "deck.yaml"]),
    "archive": ("slidegen.archive", "archive_deck", WORKS, ["build", "--archive"]),
    # verify has no archive to verify here, and the live commands would run until stopped:
    # their spies return at once.
    "verify": (
        "slidegen.archive",
        "verify_archive",
        "types.SimpleNamespace(checked=[], notes=[])",
        ["verify", "archive"],
    ),
    "watch": ("slidegen.watch", "watch", "None", ["watch", "deck.yaml", "--no-preview"]),
    "preview": ("slidegen.preview.session", "run_preview", "None", ["preview", "deck.yaml"]),
}


def _spied(project: Project, command: str) -> dict[str, bool]:
    module, function, returned, args = COMMANDS[command]
    script = SPY.format(module=module, function=function, returned=returned)
    done = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=project.root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, bool] = ast.literal_eval(done.stderr.strip().splitlines()[-1])
    return seen


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_collects_while_it_works_not_while_it_imports(
    project: Project, command: str
) -> None:
    project.write_slides("- kind: bullets\n  title: Points\n  items: [One, Two]")
    seen = _spied(project, command)
    assert seen == {
        "collecting while importing": False,
        "collecting while working": True,  # a long build's cyclic garbage is freed
        "imports frozen": True,
        "all frozen at the end": True,
    }


def test_the_command_run_by_another_program_leaves_its_collector_alone(
    project: Project,
) -> None:
    project.write_slides("- kind: bullets\n  title: Points\n  items: [One, Two]")
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        result = run_cli("check", "deck.yaml", cwd=project.root)
        assert result.exit_code == 0, result.output
        assert not gc.isenabled()
    finally:
        gc.enable()
    result = run_cli("build", "deck.yaml", cwd=project.root)
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert (Path(project.root) / "output").is_dir()
