"""Helpers shared by the tests (fixtures wrapping them live in conftest.py)."""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from slidegen import build_deck
from slidegen.build import BuildResult
from slidegen.cli import main
from slidegen.errors import Problem
from slidegen.export import ExportError, find_soffice, pdf_page_count
from slidegen.layout.paras import Para
from slidegen.layout.textplan import Faces, text_wrap
from slidegen.layout.titleplan import bind_dashes
from slidegen.markup import parse_inline
from slidegen.textfit import Line, wrap

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CASES = TESTS / "cases"
DEFAULT_DECK = REPO / "deck.yaml"
DEFAULT_CASE = "_default"
"""The golden case whose deck is the repository's own ``deck.yaml``."""
SHARED = REPO.parent / "shared"
"""``../shared`` beside the clone: OOXML checkers and the seed text (CI always has it)."""
SAMPLE_PNG = CASES / "kinds" / "assets" / "neutral-mark.png"

TRACEBACK = "Traceback (most recent call last)"
LOCATED = re.compile(r"^[^:\s]+:\d+:\d+: ")
"""``deck.yaml:12:5: `` — the start of a located message."""

MINIMAL_DECK = """\
deck:
  title: Minimal deck
  date: 2014-12-31
sections:
  - divider: false
    slides:
      - kind: title
      - kind: bullets
        title: A list
        items: [one, two]
"""


@dataclass
class Project:
    """A project folder; themes come from slidegen's built-in ones."""

    root: Path

    @property
    def deck(self) -> Path:
        return self.root / "deck.yaml"

    def write_deck(self, text: str, name: str = "deck.yaml") -> Path:
        """Write ``text`` (dedented, so tests can indent it) as the deck file."""
        path = self.root / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def write_slides(self, *slides: str, deck: str = "{title: T, date: 2014-12-31}") -> Path:
        """A deck of one section without a divider holding ``slides``, each the YAML of one
        slide starting with ``- kind:`` (dedented): line 5 is the first slide's first line."""
        body = "".join(
            textwrap.indent(textwrap.dedent(slide).strip("\n"), "      ") + "\n" for slide in slides
        )
        return self.write_deck(f"deck: {deck}\nsections:\n  - divider: false\n    slides:\n{body}")

    def add_image(self, relative: str = "assets/mark.png") -> Path:
        """Copy a small real PNG into the project."""
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLE_PNG, target)
        return target

    def files(self) -> dict[str, bytes]:
        """Every file below the project, by relative path, with its content."""
        return {
            p.relative_to(self.root).as_posix(): p.read_bytes()
            for p in sorted(self.root.rglob("*"))
            if p.is_file()
        }


def build(path: Path, **kw: Any) -> BuildResult:
    """``slidegen.build_deck`` with keyword arguments (``output``, ``theme_name``, ``strict``)."""
    return build_deck(Path(path), **kw)


def run_cli(*args: str | os.PathLike[str], cwd: Path) -> Result:
    """Run ``slidegen ARGS`` in-process in ``cwd``; stdout and stderr are kept apart."""
    with contextlib.chdir(cwd):
        return CliRunner().invoke(main, [os.fspath(a) for a in args])


def assert_clean_exit(result: Result, code: int) -> None:
    """Exit ``code`` and no Python exception escaping (user errors are never tracebacks)."""
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"unexpected exception: {result.exception!r}\n{result.output}"
    assert TRACEBACK not in result.output
    assert result.exit_code == code, result.output


def error_lines(result: Result) -> list[str]:
    """The problem lines of a failed run, without the closing summary line."""
    lines = result.stderr.splitlines()
    assert lines, "nothing on stderr"
    assert lines[-1].startswith("slidegen: "), result.stderr
    return lines[:-1]


@dataclass(frozen=True)
class BuiltCase:
    deck: Path
    pptx: Path
    slides: int
    findings: tuple[Problem, ...]


def case_names() -> list[str]:
    """Every folder of ``tests/cases`` with a deck, plus the default deck's case."""
    names = sorted(p.parent.name for p in CASES.glob("*/deck.yaml"))
    return [*names, DEFAULT_CASE]


def case_deck(case: str) -> Path:
    if case == DEFAULT_CASE:
        if not DEFAULT_DECK.is_file():
            pytest.fail(f"the repository's default deck {DEFAULT_DECK} does not exist")
        return DEFAULT_DECK
    return CASES / case / "deck.yaml"


def all_text(prs: Any) -> str:
    """Every paragraph of every slide's text shapes, one per line."""
    return "\n".join(
        p.text
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
    )


def visible_shapes(slide: Any) -> list[Any]:
    """A slide's own shapes, then the brand chrome its layout draws on it (not placeholders)."""
    chrome = [shape for shape in slide.slide_layout.shapes if not shape.is_placeholder]
    return [*slide.shapes, *chrome]


def require(available: bool, message: str) -> None:
    """An external tool the test needs: skipped on a workstation, a failure in CI (which
    installs everything: make system-deps)."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def need_soffice() -> str:
    """LibreOffice, found the way slidegen finds it."""
    try:
        return find_soffice()
    except ExportError as error:
        require(False, f"LibreOffice is not available ({error}); 'make system-deps' installs it")
        raise  # unreachable: require() skipped or failed


def convert_to_pdf(decks: list[Path], folder: Path) -> dict[Path, Path]:
    """Every deck converted to PDF in ``folder`` in one LibreOffice run; each deck's PDF."""
    soffice = need_soffice()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, decks),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return {deck: folder / f"{deck.stem}.pdf" for deck in decks}


def pdf_pages(pdf: Path) -> int:
    """Pages of ``pdf``: slidegen's own count, cross-checked with pdfinfo when installed."""
    counted = pdf_page_count(pdf)
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        info = subprocess.run(
            [pdfinfo, str(pdf)], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        assert match, info
        assert int(match.group(1)) == counted, f"pdfinfo and pdf_page_count disagree on {pdf}"
    return counted


OOXML_CHECKERS = ("check_xsd.py", "check_opc.py")


def ooxml_check(script: str, pptx: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ../shared/ooxml/<script> on ``pptx`` with ``args`` (no --allow-negative-axid: a
    clean deck needs no tolerance flag). A missing checker fails: CI always has ../shared."""
    checker = SHARED / "ooxml" / script
    if not checker.is_file():
        pytest.fail(
            f"OOXML checker {checker} is missing: the tests expect ../shared/ooxml beside the "
            "repository (as in CI)"
        )
    return subprocess.run(
        [sys.executable, str(checker), str(pptx), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


STATEMENT_FILLER = (
    *("servizi", "per", "la", "salute", "e", "i", "percorsi", "dei", "cittadini", "nei"),
    *("quartieri", "della", "città", "con", "le", "associazioni", "del", "territorio"),
    *("e", "le", "famiglie"),
)


def statement(text: str, display: bool = True) -> list[Para]:
    """A statement slide's sentence, as the slide sets it (``display``: never broken at the
    hyphen of a word that fits a line)."""
    return [Para.of(text, heading=True, align="center", display=display)]


def title_breaking_at_the_hyphen(
    word: str, width: float, size: float, family: str, skip: int = 0
) -> str:
    """A title that wraps, ``width`` points wide at ``size``, right after the hyphen of
    ``word``; ``skip`` as in :func:`breaking_at_the_hyphen`."""
    filler = STATEMENT_FILLER
    for count, start in itertools.product(range(1, 30), range(len(filler))):
        words = [filler[(start + i) % len(filler)] for i in range(count)]
        text = " ".join([*words, word, "per tutti"])
        if wrap(Line(tuple(parse_inline(text)), family), width / size).hyphen_breaks:
            if not skip:
                return text
            skip -= 1
    raise AssertionError(f"no title breaks at the hyphen of {word!r}")


COUNCIL_WORDS = (
    "Where the council's net revenue budget of £312 million goes across every ward and "
    "service we run for residents businesses and partners this half-year"
)


def _title_lines(width: float, size: float, family: str) -> Callable[[str], int]:
    """How many lines a text takes, greedily wrapped ``width`` points wide at ``size``."""
    return lambda text: wrap(Line(tuple(parse_inline(text)), family), width / size).lines


def title_with_a_dash_starting_a_line(width: float, size: float, family: str, skip: int = 0) -> str:
    """A title of council words, a spaced dash and a few more words whose first line,
    ``width`` points wide at ``size``, would end just before the dash: greedy wrapping
    starts the second line with "–". ``skip`` such titles are passed over first."""
    words = [*COUNCIL_WORDS.split(), *STATEMENT_FILLER]
    lines = _title_lines(width, size, family)
    for start, count in itertools.product(range(len(words)), range(2, len(words))):
        head = " ".join(words[start : start + count])
        if lines(head) == 1 and lines(f"{head} –") == 2:
            if not skip:
                return f"{head} – {' '.join(words[start + count : start + count + 2]) or 'oltre'}"
            skip -= 1
    raise AssertionError("no council title puts its dash at the start of a line")


def title_whose_bound_dash_costs_a_line(
    width: float, size: float, family: str, skip: int = 0
) -> str:
    """A title of council words, ``width`` points wide at ``size``, in two lines when its
    dash may start the second (every measure of two lines starts it so), in three when the
    dash goes down with the word before it. ``skip`` such titles are passed over first."""
    words = [*COUNCIL_WORDS.split(), *COUNCIL_WORDS.split()]
    heads = [" ".join(words[s : s + n]) for s in range(20) for n in range(2, 20)]
    lines = _title_lines(width, size, family)
    for head, tail in itertools.product(heads, range(1, 20)):
        text = f"{head} – {' '.join(words[:tail])}"
        if lines(head) == 1 and lines(text) == 2 and lines(bind_dashes(text)) == 3:
            if not skip:
                return text
            skip -= 1
    raise AssertionError("no title whose bound dash costs it a line")


def title_with_a_lone_last_word(width: float, size: float, family: str) -> str:
    """A title of council words that takes two lines, ``width`` points wide at ``size``, the
    second holding only its last word ("… goes, by" / "service")."""
    words = COUNCIL_WORDS.split()
    for count in range(2, len(words) + 1):
        text = " ".join(words[:count])
        line = Line(tuple(parse_inline(text)), family)
        alone = Line(tuple(parse_inline(" ".join(words[: count - 1]))), family)
        if wrap(line, width / size).lines == 2 and wrap(alone, width / size).lines == 1:
            return text
    raise AssertionError("no title of these words leaves its last word alone")


def breaking_at_the_hyphen(
    word: str, width: float, size: float, faces: Faces, skip: int = 0
) -> str:
    """A sentence that wraps, in a text ``width`` points wide at ``size``, right after the
    hyphen of ``word`` ("… socio-" / "sanitari per tutti"); ``skip``: so many such found
    first are passed over (for several different sentences)."""
    filler = STATEMENT_FILLER
    for count, start in itertools.product(range(1, 40), range(len(filler))):
        words = [filler[(start + i) % len(filler)] for i in range(count)]
        text = " ".join([*words, word, "per tutti"])
        if text_wrap(statement(text), width, size, faces).hyphen_breaks:
            if not skip:
                return text
            skip -= 1
    raise AssertionError(f"no sentence breaks at the hyphen of {word!r}")
