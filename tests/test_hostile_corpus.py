"""The hostile-input corpus: one folder per case under ``tests/hostile/``, run by one test.

Each case is a small project (``deck.yaml`` and whatever else it needs) and an
``expect.yaml`` saying what slidegen must do with it (README "Hostile input"; issue 16):

.. code-block:: yaml

    about: what the case tries, in a line
    class: security            # security, half-made, invalid, cost, robustness, misleading
    setup:                     # optional, in order, after the folder is copied to tmp_path
      - fifo: deck.yaml                       # a named pipe (git cannot hold one)
      - symlink: {path: data/x.yaml, to: ../outside/x.yaml}
      - outside: {path: outside/x.yaml, text: "…"}   # beside the project, not in it
      - fill: {path: deck.yaml, placeholder: BIG, text: "[", times: 300000}
      - mkdir: out.pdf
    env: {SOURCE_DATE_EPOCH: "1"}  # optional
    run: [build, deck.yaml]    # slidegen's arguments, run in the project folder
    exit: 1
    stderr: [text, …]          # each must appear on stderr (stdout: the same for stdout)
    stderr_lacks: [text, …]    # none may appear ("Traceback" never may, in any case)
    located: true              # every problem line is file:line:col: … or file: …
    exists: [path, …]          # after the run, relative to the project
    absent: [path, …]          # '*' globs allowed; '..' reaches beside the project
    unchanged: [path, …]       # the same bytes as before the run
    pptx: {file: out.pptx, parts: "ppt/slides/_rels/*.rels", contains: […], lacks: […]}
    workbooks: {file: out.pptx, contains: […], lacks: […]}  # the charts' embedded .xlsx

A case fails as a located message or builds a valid deck; it never hangs (an alarm stops a
case after ``LIMIT_SECONDS``), never prints a traceback and never leaves a file it should not.
"""

from __future__ import annotations

import contextlib
import fnmatch
import io
import os
import re
import shutil
import signal
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from helpers import TESTS, TRACEBACK, run_cli

CORPUS = TESTS / "hostile"
CLASSES = {"security", "half-made", "invalid", "cost", "robustness", "misleading"}
KEYS = {"about", "class", "setup", "env", "run", "exit", "stderr", "stderr_lacks", "stdout"}
KEYS |= {"located", "exists", "absent", "unchanged", "pptx", "workbooks"}
STDERR_LINE = re.compile(r"^[^\s:]+(:\d+:\d+)?: .")
"""``deck.yaml:12:5: …`` or, with nothing to point at, ``deck.yaml: …``."""
LIMIT_SECONDS = 120
"""Longer than any case takes on a slow CI machine, far shorter than a hang."""


def case_names() -> list[str]:
    return sorted(p.parent.name for p in CORPUS.glob("*/expect.yaml"))


def expectation(case: str) -> dict[str, Any]:
    expected = yaml.safe_load((CORPUS / case / "expect.yaml").read_text("utf-8"))
    assert isinstance(expected, dict), case
    return expected


def prepare(project: Path, steps: list[dict[str, Any]]) -> None:
    """Perform a case's ``setup`` steps inside (or beside) ``project``."""
    for step in steps:
        ((action, value),) = step.items()
        if action == "fifo":
            (project / value).unlink(missing_ok=True)
            os.mkfifo(project / value)
        elif action == "symlink":
            (project / value["path"]).unlink(missing_ok=True)
            (project / value["path"]).parent.mkdir(parents=True, exist_ok=True)
            (project / value["path"]).symlink_to(value["to"])
        elif action == "outside":
            beside = project.parent / value["path"]
            beside.parent.mkdir(parents=True, exist_ok=True)
            beside.write_text(value["text"], "utf-8")
        elif action == "fill":
            path = project / value["path"]
            text = path.read_text("utf-8")
            assert value["placeholder"] in text, step
            filled = text.replace(value["placeholder"], value["text"] * value["times"])
            path.write_text(filled, "utf-8")
        elif action == "mkdir":
            (project / value).mkdir(parents=True, exist_ok=True)
        else:
            raise AssertionError(f"unknown setup step {action!r}")


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when a case runs longer than ``seconds``."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"the case ran longer than {seconds} s (a hang?)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def matching(project: Path, pattern: str) -> list[Path]:
    return sorted(project.glob(pattern)) if "*" in pattern else [project / pattern]


def check_files(project: Path, expected: dict[str, Any], before: dict[str, bytes]) -> None:
    for pattern in expected.get("exists", []):
        assert any(p.exists() for p in matching(project, pattern)), f"missing: {pattern}"
    for pattern in expected.get("absent", []):
        left = [p for p in matching(project, pattern) if p.exists() or p.is_symlink()]
        assert left == [], f"left behind: {left}"
    for name, data in before.items():
        assert (project / name).read_bytes() == data, f"{name} changed"


def check_pptx(project: Path, spec: dict[str, Any]) -> None:
    with zipfile.ZipFile(project / spec["file"]) as package:
        names = [n for n in package.namelist() if fnmatch.fnmatch(n, spec["parts"])]
        assert names, f"no part matches {spec['parts']}"
        text = "\n".join(package.read(n).decode("utf-8") for n in names)
    check_text(text, spec, spec["parts"])


def workbook_text(pptx: Path) -> str:
    """The sheets and shared strings of every chart workbook embedded in ``pptx``."""
    texts = []
    with zipfile.ZipFile(pptx) as package:
        for name in package.namelist():
            if name.startswith("ppt/embeddings/") and name.endswith(".xlsx"):
                with zipfile.ZipFile(io.BytesIO(package.read(name))) as book:
                    texts += [book.read(n).decode("utf-8") for n in book.namelist()]
    assert texts, f"no chart workbook in {pptx.name}"
    return "\n".join(texts)


def check_text(text: str, spec: dict[str, Any], what: str) -> None:
    for wanted in spec.get("contains", []):
        assert wanted in text, f"{wanted!r} not in {what}"
    for unwanted in spec.get("lacks", []):
        assert unwanted not in text, f"{unwanted!r} in {what}"


def check_output(result: Result, expected: dict[str, Any]) -> None:
    stderr, stdout = result.stderr, result.stdout
    assert TRACEBACK not in stderr + stdout
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"unexpected exception: {result.exception!r}"
    assert result.exit_code == expected["exit"], stderr + stdout
    for wanted in expected.get("stderr", []):
        assert wanted in stderr, f"{wanted!r} not on stderr:\n{stderr}"
    for wanted in expected.get("stdout", []):
        assert wanted in stdout, f"{wanted!r} not on stdout:\n{stdout}"
    for unwanted in expected.get("stderr_lacks", []):
        assert unwanted not in stderr, f"{unwanted!r} on stderr:\n{stderr}"
    if expected.get("located"):
        problems = [line for line in stderr.splitlines() if not line.startswith("slidegen: ")]
        assert problems, "no problem on stderr"
        for line in problems:
            assert STDERR_LINE.match(line), f"not located: {line!r}"


def run_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = expectation(case)
    project = tmp_path / "project"
    shutil.copytree(CORPUS / case, project, symlinks=True)
    (project / "expect.yaml").unlink()
    prepare(project, expected.get("setup", []))
    for name, value in (expected.get("env") or {}).items():
        monkeypatch.setenv(name, str(value))
    before = {name: (project / name).read_bytes() for name in expected.get("unchanged", [])}
    with time_limit(LIMIT_SECONDS):
        result = run_cli(*expected["run"], cwd=project)
    check_output(result, expected)
    check_files(project, expected, before)
    if "pptx" in expected:
        check_pptx(project, expected["pptx"])
    if "workbooks" in expected:
        spec = expected["workbooks"]
        check_text(workbook_text(project / spec["file"]), spec, "the chart workbooks")


@pytest.mark.skipif(os.name != "posix", reason="named pipes, symlinks and alarms are POSIX")
@pytest.mark.parametrize("case", case_names())
def test_hostile_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_case(case, tmp_path, monkeypatch)


def test_every_case_says_what_it_expects() -> None:
    for case in case_names():
        expected = expectation(case)
        assert set(expected) <= KEYS, (case, set(expected) - KEYS)
        assert {"about", "class", "run", "exit"} <= set(expected), case
        assert expected["class"] in CLASSES, case


def test_the_corpus_covers_every_class_of_issue_16() -> None:
    found = {expectation(case)["class"] for case in case_names()}
    assert found == CLASSES
    counts = {kind: 0 for kind in CLASSES}
    for case in case_names():
        counts[expectation(case)["class"]] += 1
    assert min(counts.values()) >= 3, counts
