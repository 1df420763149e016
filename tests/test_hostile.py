"""Hostile input: for any input slidegen gives a valid deck or a clear, located error.

The rule: exit 1 with every stderr line ``file:line:col: …`` (or ``file: …`` when there is no
line to point at), never a traceback, never a lost or half-written file.

* property-based tests (hypothesis) over generated decks, raw text mutations of a valid deck
  and raw YAML text; a subset goes through the command line, valid decks through the OOXML
  schema checks;
* explicit hazards: YAML (aliases, nesting, duplicate keys, 1.1 coercions, size cap), control
  characters, asset paths and images, disk full and Ctrl-C during the write.

A bug found here is pinned by a strict xfail (``BUG: …``) until it is fixed; the generators
then draw the inputs that triggered it again.

Hypothesis runs derandomized by default (``SLIDEGEN_HYPOTHESIS=ci``): CI is reproducible.
``SLIDEGEN_HYPOTHESIS=explore`` draws fresh random examples, ``SLIDEGEN_HYPOTHESIS_SCALE=N``
N times as many.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import io
import json
import math
import os
import re
import struct
import subprocess
import sys
import time
import typing
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from PIL import Image
from pptx import Presentation

from helpers import (
    LOCATED,
    MINIMAL_DECK,
    SAMPLE_PNG,
    SHARED,
    TRACEBACK,
    Project,
    assert_clean_exit,
    error_lines,
    run_cli,
)
from slidegen import Compiled, SlidegenError, build_deck, compile_deck, loader
from slidegen import cli as cli_module
from slidegen.loader import SourceFloat, SourceInt, load_yaml_text
from slidegen.model import ChartType
from slidegen.slides import KINDS
from slidegen.theme_index import builtin_themes

# -- hypothesis profiles ---------------------------------------------------------------------

_QUIET = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
]
settings.register_profile(
    "slidegen-ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_QUIET,
)
settings.register_profile("slidegen-explore", deadline=None, suppress_health_check=_QUIET)
PROFILE = settings.get_profile(f"slidegen-{os.environ.get('SLIDEGEN_HYPOTHESIS', 'ci')}")


SCALE = int(os.environ.get("SLIDEGEN_HYPOTHESIS_SCALE", "1"))
"""More examples for a bug hunt: ``SLIDEGEN_HYPOTHESIS=explore SLIDEGEN_HYPOTHESIS_SCALE=20``."""


def examples(count: int) -> settings:
    return settings(PROFILE, max_examples=count * SCALE)


# -- what a located error looks like -----------------------------------------------------------

RAW_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")
"""Never raw in a message: line breaks split it, C0 controls (ESC…) drive the terminal. (C1
controls are accepted in text, and quoted as they are.)"""
STDERR_LINE = re.compile(r"^[^\s:]+(:\d+:\d+)?: .")
"""``deck.yaml:12:5: …`` or, with nothing to point at, ``deck.yaml: …``."""
SUMMARY = re.compile(r"^slidegen: \d+ errors?; nothing written$")


EXCERPT_LINE = re.compile(r"^    .*$")
"""Under a syntax error: the source line, then a caret under the column, both indented."""


def assert_problems_located(error: SlidegenError, *, parsed: bool) -> None:
    """Every problem names its file, starts with one located line, and has a line number if
    the YAML parsed; a syntax error adds its source line and a caret, escaped the same way."""
    assert error.problems, "a SlidegenError without problems"
    for problem in error.problems:
        text = problem.headline()
        assert problem.location.file, text
        assert problem.message.strip(), text
        assert not RAW_CONTROL.search(text), f"a raw control character or line break: {text!r}"
        assert STDERR_LINE.match(text), text
        first, *excerpt = str(problem).split("\n")
        assert first == text
        assert len(excerpt) in (0, 2), str(problem)
        for line in excerpt:
            assert EXCERPT_LINE.match(line) and not RAW_CONTROL.search(line), repr(line)
        if excerpt:
            assert excerpt[1].strip() == "^", excerpt
        if parsed:
            assert problem.location.line > 0, f"no line for an input that parsed: {text!r}"


def assert_opens(compiled: Compiled) -> None:
    """A complete .pptx: an intact zip python-pptx opens, with the slides counted."""
    assert isinstance(compiled, Compiled)
    with zipfile.ZipFile(io.BytesIO(compiled.data)) as archive:
        assert archive.testzip() is None
    assert len(Presentation(io.BytesIO(compiled.data)).slides) == compiled.slides
    for finding in compiled.findings:
        assert finding.location.file, finding


def parses_as_yaml(raw: bytes) -> bool:
    """True if ``raw`` is UTF-8 YAML with a non-empty document (PyYAML's own opinion)."""
    try:
        return yaml.compose(raw.decode("utf-8-sig"), Loader=yaml.SafeLoader) is not None
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError, ValueError):
        return False


def temp_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.tmp"))


# -- a project to build hostile decks in ---------------------------------------------------------


@pytest.fixture(scope="module")
def arena(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project with a real image, a corrupt one and a symlink out of the project."""
    root = tmp_path_factory.mktemp("hostile")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(SAMPLE_PNG.read_bytes())
    project = Project(root / "project")
    project.root.mkdir()
    project.add_image("assets/mark.png")
    (project.root / "assets" / "corrupt.png").write_bytes(bytes(range(256)) * 8)
    (project.root / "assets" / "link.png").symlink_to(outside / "secret.png")
    return project


@pytest.fixture
def here(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The ``project`` fixture as the working directory: messages name ``deck.yaml``."""
    monkeypatch.chdir(project.root)
    return project


def compile_text(project: Project, text: str | bytes) -> Compiled:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    project.deck.write_bytes(raw)
    return compile_deck(Path("deck.yaml"), cache_dir=project.root / ".cache")


def errors_of(project: Project, text: str | bytes) -> list[str]:
    """Compile ``text`` in ``project`` (the working directory): its located error lines."""
    with pytest.raises(SlidegenError) as caught:
        compile_text(project, text)
    assert_problems_located(caught.value, parsed=False)
    return [str(p) for p in caught.value.problems]


HEAD = "deck:\n  title: T\n  date: 2014-12-31\nsections:\n  - divider: false\n    slides:\n"
"""Six lines: slides given to :func:`deck_with` start on line 7, indented 6."""


def deck_with(slides: str, head: str = HEAD) -> str:
    lines = slides.strip("\n").splitlines()
    return head + "".join(f"      {line}\n" for line in lines)


def cli_fails(project: Project, text: str | bytes, *args: str) -> list[str]:
    """``slidegen build`` on ``text``: exit 1, nothing written, every line located."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    project.deck.write_bytes(raw)
    before = project.files()
    result = run_cli("build", "deck.yaml", "-o", "out.pptx", *args, cwd=project.root)
    assert_clean_exit(result, 1)
    assert result.stdout == ""
    lines = error_lines(result)
    assert SUMMARY.match(result.stderr.splitlines()[-1]), result.stderr
    for line in lines:
        assert STDERR_LINE.match(line) or EXCERPT_LINE.match(line), line
    assert project.files() == before, "a failing build wrote something"
    return lines


# == 1. properties ================================================================================


LANGUAGES = ["it-IT", "en-GB", "en-US", "en", "it", "fr-FR", "de-DE", "es-ES"]
BAD_LANGUAGES = ["", "EN", "it_IT", "english", "it-it", "x", "it-IT-x", "zz", "xx-YY", "qqq"]

CONTROL = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]))
REFUSED = CONTROL + "\ufffe\uffff"
"""Characters no text may contain (XML 1.0 forbids most of them)."""

YAML11 = [
    "NO", "no", "Yes", "ON", "off", "y", "TRUE", "False", "0123", "0x1F", "0o17", "0b101",
    "1_000", "12:30", "1:20:30", "1.10", "1e3", "1.0e+3", ".5", "+12", "-0", "007",
    "2014-12-31", "2014-12-31T10:00:00Z", "~", "null", "Null", ".nan", "-.inf", ".Inf", "1e999",
]  # fmt: skip
"""Plain scalars YAML 1.1 would turn into something else than the text written."""

ODD_TEXT = [
    "**", "*", "***a**b*", "{x}", "{{", "}}", "\t", " ", "a\nb", "a\r\nb", "\x85", "\u2028",
    "\u202e", "\ufeff", "\U0010ffff", "\ufdd0", "e\u0301", "👩‍🔬", "\x01", "\x1f", "\x7f",
    "\ufffe", "\uffff", "\x00", "\\", "'", '"', ": ", "- ", "# no comment", "&a", "*a", "!x",
]  # fmt: skip

WORDS = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "Zs", "Pd", "Po"]), min_size=1, max_size=20
)
"""Ordinary text."""
HOSTILE_TEXT = st.one_of(
    st.sampled_from(YAML11 + ODD_TEXT),
    st.text(st.characters(codec="utf-8"), max_size=30),  # anything but lone surrogates
    st.integers(1990, 2100).map(lambda n: "W" * n),  # around the 2000-character limit
    st.lists(st.sampled_from(YAML11 + ODD_TEXT + ["x", "**x**"]), max_size=6).map("".join),
)
TEXT = st.one_of(WORDS, WORDS, WORDS, HOSTILE_TEXT)
NUMBER = st.one_of(
    st.integers(-(10**30), 10**30),
    st.integers(-2000, 2000),
    st.floats(1e-3, 1e300),
    st.floats(-1e300, -1e-3),
    st.floats(-1e-3, 1e-3),
    st.sampled_from([0, -0.0, 0.1, 999.999, 70, 10**15, 10**15 + 1, 5e-324, 1e-30]),
)
"""Numbers anywhere, from tiny to far beyond the model's limit (1e15)."""
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    NUMBER,
    st.sampled_from([math.nan, math.inf, -math.inf]),
    TEXT,
    st.dates(),
)
"""Any value, put anywhere by :func:`perturb`."""

FIELD_NAMES = sorted(
    {name for kind in KINDS.values() for name in kind.model.model_fields}
    | {"deck", "sections", "slides", "divider", "text", "note", "value", "label", "qualifier"}
    | {"unit", "format", "categories", "series", "values", "targets", "target", "heading"}
    | {"language", "date", "theme", "author", "organization", "period", "data", "metrics"}
)


def keys() -> st.SearchStrategy[str]:
    """Mapping keys: real field names, typos of them, random text (control characters and
    line breaks included: messages escape them)."""
    return st.one_of(
        st.sampled_from(FIELD_NAMES),
        st.sampled_from(FIELD_NAMES).map(lambda k: k[:-1] + k[-1].upper()),
        st.sampled_from(FIELD_NAMES).map(lambda k: k + "s"),
        st.text(
            st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs", "Cc"]),
            max_size=12,
        ),
    )


HOSTILE_NODE = st.one_of(
    SCALAR,
    st.lists(SCALAR, max_size=4),
    st.dictionaries(keys(), SCALAR, max_size=3),
    st.lists(st.dictionaries(keys(), SCALAR, max_size=2), max_size=2),
)

MODERN = datetime.date(1900, 1, 1)
"""Valid decks' dates: slidegen refuses years before 1900."""
CHART_TYPES = list(typing.get_args(ChartType))
CHART_TYPE_CHOICES = [t for t in CHART_TYPES if t != "target"] * 2 + ["target", "barr", "Pie", ""]
"""``target`` is drawn with matplotlib (slow): rarer than the native types."""

IMAGE_PATHS = [
    "assets/mark.png",
    "assets/missing.png",
    "assets/corrupt.png",
    "assets/link.png",
    "../outside/secret.png",
    "/etc/passwd",
    "assets/../assets/mark.png",
    "assets",
    ".",
    "mark.png",
]


def optional(draw: st.DrawFn, mapping: dict[str, Any], key: str, strategy: Any) -> None:
    if draw(st.booleans()):
        mapping[key] = draw(strategy)


def rarely(draw: st.DrawFn, hostile: bool, usual: Any, odd: Any) -> Any:
    """``usual`` in a clean deck; in a hostile one, ``odd`` one time in three."""
    return draw(odd if hostile and draw(st.integers(0, 2)) == 0 else usual)


class Decks:
    """Strategies for deck data. A clean deck has ordinary text and mostly valid structure; a
    hostile one has hostile text, wrong counts and shapes, typos and random damage."""

    def __init__(self, hostile: bool) -> None:
        self.hostile = hostile
        self.text = TEXT if hostile else WORDS
        bullet = st.recursive(
            st.one_of(self.text, NUMBER) if hostile else self.text,
            lambda children: st.fixed_dictionaries(
                {"text": self.text},
                optional={"note": self.text, "items": st.lists(children, min_size=1, max_size=3)},
            ),
            max_leaves=10 if hostile else 4,
        )
        self.items = st.lists(bullet, min_size=1, max_size=5)
        self.odd_items = st.lists(bullet, max_size=42)
        figure = st.one_of(NUMBER, WORDS, st.sampled_from(["1.000", "70%", "2,5", "%", " "]))
        self.metric = st.one_of(
            st.builds(
                lambda qualifier, value, label: f"{qualifier} **{value}** {label}".strip(),
                st.sampled_from(["", "Oltre", "circa"]),
                figure if hostile else st.integers(0, 10**6),
                WORDS,
            ),
            st.fixed_dictionaries(
                {
                    "value": NUMBER | (TEXT if hostile else WORDS),
                    "label": self.text,
                },
                optional={
                    "qualifier": self.text,
                    "unit": st.sampled_from(["%", "€", "km", ""]) | self.text,
                    "note": self.text,
                    "format": st.sampled_from(
                        ["number", "percent", "currency", "compact", "compact-currency"]
                        + ["bogus"] * hostile
                    ),
                    "currency": st.sampled_from(["EUR", "USD"] + ["XXX", "eur"] * hostile),
                    "good": st.sampled_from(["up", "down"] + ["sideways"] * hostile),
                },
            ),
            # Change and progress are ratios: with small integers they stay far from 1e25.
            st.fixed_dictionaries(
                {"value": st.integers(-(10**6), 10**6), "label": self.text},
                optional={
                    "target": st.integers(-(10**6), 10**6),
                    "previous": st.integers(-(10**6), 10**6) | WORDS,
                    "format": st.sampled_from(["number", "percent", "compact-currency"]),
                    "good": st.sampled_from(["up", "down"]),
                },
            ),
        )
        self.metrics = st.lists(self.metric, min_size=1, max_size=8)
        self.odd_metrics = st.one_of(
            st.lists(self.metric, max_size=10),
            st.lists(st.sampled_from(["comunicati_stampa", "475 comunicati", "****", ""])),
        )

    @property
    def decks(self) -> st.SearchStrategy[dict[str, Any]]:
        return self._decks()

    @st.composite
    def charts(draw: st.DrawFn, self: Decks) -> dict[str, Any]:
        types = CHART_TYPE_CHOICES if self.hostile else CHART_TYPE_CHOICES[:14]
        kind = draw(st.sampled_from(types))
        chart: dict[str, Any] = {"type": kind}
        if kind == "target":
            target = st.fixed_dictionaries(
                {"label": WORDS, "target": NUMBER},
                optional={"value": NUMBER, "unit": st.sampled_from(["%", "t", ""])},
            )
            chart["targets"] = draw(st.lists(target, min_size=1, max_size=5 if self.hostile else 4))
        elif kind != "trend" or draw(st.booleans()):
            count = draw(st.integers(1, 6))
            chart["categories"] = draw(st.lists(WORDS, min_size=count, max_size=count))
            length = st.sampled_from([count] * 6 + [max(count - 1, 0), count + 1] * self.hostile)
            chart["series"] = [
                {
                    "name": draw(self.text),
                    "values": draw(st.lists(st.one_of(NUMBER, st.none()), min_size=n, max_size=n)),
                }
                for n in draw(st.lists(length, min_size=1, max_size=3))
            ]
        for key in draw(st.sets(st.sampled_from(["title", "alt"]))):
            chart[key] = draw(self.text)
        return chart

    @st.composite
    def slides(draw: st.DrawFn, self: Decks) -> dict[str, Any]:
        typos = ["bulets", "Bullets", "", "chart "] if self.hostile else []
        kind = draw(st.sampled_from([*KINDS, *KINDS, *KINDS, *typos]))
        shape = kind if kind in KINDS else draw(st.sampled_from(list(KINDS)))
        hostile, text = self.hostile, self.text
        slide: dict[str, Any] = {"kind": kind}
        if shape != "title" or draw(st.booleans()):
            slide["title"] = draw(text)
        optional(draw, slide, "subtitle", text)
        optional(draw, slide, "notes", text)
        if shape == "bullets":
            slide["items"] = rarely(draw, hostile, self.items, self.odd_items)
            optional(
                draw,
                slide,
                "numbered",
                st.one_of(st.booleans(), SCALAR) if hostile else st.booleans(),
            )
            if draw(st.integers(0, 3)) == 0:
                slide["metrics"] = rarely(draw, hostile, self.metrics, self.odd_metrics)
            elif draw(st.integers(0, 3)) == 0:
                slide["chart"] = draw(self.charts())
        elif shape == "columns":
            column = st.fixed_dictionaries(
                {"items": self.items}, optional={"heading": text, "numbered": st.booleans()}
            )
            slide["columns"] = rarely(
                draw,
                hostile,
                st.lists(column, min_size=2, max_size=3),
                st.lists(column, max_size=4),
            )
            if draw(st.integers(0, 3)) == 0:
                slide["metrics"] = rarely(draw, hostile, self.metrics, self.odd_metrics)
        elif shape == "metrics":
            slide["metrics"] = rarely(draw, hostile, self.metrics, self.odd_metrics)
            if draw(st.integers(0, 2)) == 0:
                slide["chart"] = draw(st.one_of(st.just({"type": "bar"}), self.charts()))
            if draw(st.integers(0, 3)) == 0:
                slide["items"] = rarely(draw, hostile, self.items, self.odd_items)
        elif shape == "chart":
            slide["chart"] = draw(self.charts())
            optional(draw, slide, "caption", text)
            if draw(st.integers(0, 3)) == 0:
                slide["items"] = rarely(draw, hostile, self.items, self.odd_items)
        elif shape == "image":
            slide["image"] = rarely(
                draw, hostile, st.just("assets/mark.png"), st.sampled_from(IMAGE_PATHS)
            )
            slide["alt"] = draw(text)
            optional(draw, slide, "caption", text)
        elif shape == "statement":
            slide["text"] = draw(text)
            if draw(st.integers(0, 3)) == 0:
                slide["items"] = rarely(draw, hostile, self.items, self.odd_items)
        elif shape == "closing":
            optional(draw, slide, "keywords", st.lists(text, max_size=13 if hostile else 12))
            optional(draw, slide, "tagline", text)
        return slide

    @st.composite
    def sections(draw: st.DrawFn, self: Decks) -> dict[str, Any]:
        section: dict[str, Any] = {}
        title = self.text
        if self.hostile or draw(st.booleans()):
            optional(draw, section, "title", title)
        else:
            section["title"] = draw(title)
        optional(draw, section, "subtitle", self.text)
        optional(draw, section, "divider", st.booleans())
        optional(draw, section, "notes", self.text)
        section["slides"] = draw(st.lists(self.slides(), max_size=4))
        return section

    @st.composite
    def _decks(draw: st.DrawFn, self: Decks) -> dict[str, Any]:
        text = self.text
        info: dict[str, Any] = {"title": draw(text)}
        for key in ("subtitle", "organization", "period", "author"):
            optional(draw, info, key, text)
        languages = LANGUAGES * 3 + BAD_LANGUAGES if self.hostile else LANGUAGES
        optional(draw, info, "language", st.sampled_from(languages))
        dates = st.dates() if self.hostile else st.dates(MODERN)
        optional(draw, info, "date", st.one_of(dates, text) if self.hostile else dates)
        themes = ["cremona", "neutral"] + ["cremone", ""] * self.hostile
        optional(draw, info, "theme", st.sampled_from(themes))
        count = st.integers(0, 3) if self.hostile else st.integers(1, 3)
        deck = {"deck": info, "sections": [draw(self.sections()) for _ in range(draw(count))]}
        if self.hostile:
            perturb(draw, deck)
        return deck


def containers(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths of every mapping and list in ``node``."""
    if isinstance(node, dict | list):
        yield path
        children = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in children:
            yield from containers(child, (*path, key))


def at(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = node[part]
    return node


def perturb(draw: st.DrawFn, data: dict[str, Any]) -> None:
    """Replace, add or delete values anywhere: lists where mappings go, scalars of every kind."""
    for _ in range(draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):
        target = at(data, draw(st.sampled_from(list(containers(data)))))
        action = draw(st.sampled_from(["replace", "replace", "add", "delete"]))
        if isinstance(target, dict):
            if action == "add" or not target:
                target[draw(keys())] = draw(HOSTILE_NODE)
            else:
                key = draw(st.sampled_from(list(target)))
                if action == "delete":
                    del target[key]
                else:
                    target[key] = draw(HOSTILE_NODE)
        elif action == "add" or not target:
            target.insert(draw(st.integers(0, len(target))), draw(HOSTILE_NODE))
        else:
            index = draw(st.integers(0, len(target) - 1))
            if action == "delete":
                del target[index]
            else:
                target[index] = draw(HOSTILE_NODE)


DECKS = st.one_of(Decks(hostile=False).decks, Decks(hostile=True).decks)
"""Deck data, clean or hostile, half and half."""


@st.composite
def deck_texts(draw: st.DrawFn) -> str:
    """Deck data dumped by PyYAML, block or flow style, short or long lines."""
    return yaml.safe_dump(
        draw(DECKS),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=draw(st.sampled_from([False, False, None, True])),
        width=draw(st.sampled_from([80, 30, 10**6])),
    )


def check_deck(path: Path, *, parsed: bool) -> str:
    """The property: a valid .pptx, or a SlidegenError whose every problem is located."""
    try:
        compiled = compile_deck(path, cache_dir=path.parent / ".cache")
    except SlidegenError as error:
        note(str(error))
        assert_problems_located(error, parsed=parsed)
        return "error"
    assert_opens(compiled)
    return "valid"


def test_generated_decks_build_or_fail_located(arena: Project) -> None:
    """Generated deck data, dumped with PyYAML: a deck or located errors, nothing else."""
    outcomes: Counter[str] = Counter()

    @examples(700)
    @given(text=deck_texts())
    def property_(text: str) -> None:
        arena.deck.write_text(text, encoding="utf-8")
        note(text)
        outcomes[check_deck(arena.deck, parsed=True)] += 1

    property_()
    total = sum(outcomes.values())
    # Not vacuous: both outcomes are common.
    assert outcomes["valid"] >= total * 0.1, outcomes
    assert outcomes["error"] >= total * 0.3, outcomes


BASE_DECK = """\
deck:
  title: Sei mesi fuori dal Comune
  subtitle: "Il lavoro dell'Amministrazione, luglio – dicembre 2014"
  organization: Comune di Cremona
  language: it-IT
  date: 2014-12-31
sections:
  - divider: false
    slides:
      - kind: title
        notes: Speaker notes.
  - title: In relazione con la città
    subtitle: Incontri, quartieri, associazioni
    slides:
      - kind: bullets
        title: Il metodo
        numbered: true
        items:
          - text: Ascolto dei **quartieri**
            note: "(segnaletica, rampa)"
            items: [Incontri, "Task force: 12"]
          - Avviato *Bilancio di competenze*
        metrics: ["**5** vigili in più", "Oltre **1000** appuntamenti"]
      - kind: columns
        title: Con chi, che cosa
        columns:
          - {heading: Con chi, items: [Quartieri, Imprese]}
          - heading: Che cosa
            items:
              - Progetto Quartiere al centro
  - title: Numeri
    slides:
      - kind: metrics
        title: La comunicazione
        metrics:
          - "**475** comunicati stampa"
          - {value: MIGLIAIA, label: incontri, qualifier: Oltre}
          - {value: 6, label: progetti, note: "circa 2,2 milioni"}
        chart: {type: bar}
      - kind: chart
        title: Partecipate
        chart:
          type: doughnut
          categories: [Aem, Lgh, Padania Acque]
          series:
            - {name: Incontri, values: [13, 11, 11]}
        caption: >
          Fonte: agenda
          del sindaco
      - kind: image
        title: Il marchio
        image: assets/mark.png
        alt: Il marchio
      - kind: statement
        title: L'agenda
        text: |
          Oltre **1000 APPUNTAMENTI**
      - kind: closing
        title: Fine
        keywords: [Alleanze, Trasparenza]
        tagline: CREMONA SMART CITY
"""
"""Every kind but ``target`` (matplotlib is slow)."""

MUTATION_TOKENS = [
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "? ", "|", ">", "'", '"', "#", "%", "@", "`",
    "&a ", "*a", "!!str ", "!!python/object/apply:os.system ", "!x ", "<<: ", "---\n", "...\n",
    "%YAML 1.1\n", "\t", " ", "  ", "\n", "\r", "\r\n", "\x00", "\x01", "\x7f", "\x85", "\u2028",
    "\ufeff", "\ufffe", "\uffff", "é", "\\", "\\x01", "\\uFFFE", "\\t", "\\N", "\\ud800",
    "\\U00110000", ".nan", "-.inf", "1e999", "~", "NO", "0x1F", "12:30", "kind: ", "bulets",
    "items: ", "title: ", "12345",
]  # fmt: skip
"""Pieces inserted into the base deck: YAML syntax, escapes, refused characters, typos."""
HARMLESS_TOKENS = ["x", "é", "Oltre ", "**", "*", "7", "€", "👩‍🔬", "\u00e8"]
"""Pieces that usually leave the deck valid: some mutated decks must still build."""
VALUES = st.one_of(
    WORDS,
    st.sampled_from(YAML11),
    st.sampled_from(["x", "Oltre **5**", "'quoted'", '"a\\x01b"', '"\\uFFFE"', "[a, b]", "{}"]),
    st.sampled_from(["[]", "-5", "2.5", "12345", "true", "false", "null", "|", ">-", '""']),
)
"""What a mutation puts after ``key: ``: YAML 1.1 surprises, escapes, shapes, words."""
BAD_BYTES = [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbf\xbe", b"\x00"]


@st.composite
def mutated_decks(draw: st.DrawFn) -> bytes:
    """The base deck with lines deleted, duplicated, swapped, re-indented, values replaced and
    text inserted; now and then a byte that is not UTF-8."""
    lines = BASE_DECK.splitlines(keepends=True)
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 2, 3, 4]))):
        operation = draw(
            st.sampled_from([*["value"] * 4, "delete", "duplicate", "swap", "indent", "dedent"])
            | st.sampled_from(["insert"] * 3)
        )
        if not lines:
            lines = [""]
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
        elif operation == "indent":
            lines[index] = draw(st.sampled_from([" ", "  ", "\t"])) + line
        elif operation == "dedent":
            lines[index] = line[draw(st.integers(1, 4)) :] if line.startswith(" ") else line
        elif operation == "value":
            if ": " in line.rstrip("\n"):
                key = line.split(": ", 1)[0]
                lines[index] = f"{key}: {draw(VALUES)}\n"
        else:
            position = draw(st.integers(0, len(line)))
            pieces = [HARMLESS_TOKENS, MUTATION_TOKENS]
            piece = draw(st.one_of(*map(st.sampled_from, pieces), st.characters(codec="utf-8")))
            lines[index] = line[:position] + piece + line[position:]
    raw = "".join(lines).encode("utf-8")
    if draw(st.integers(0, 19)) == 7:  # not 0: hypothesis draws its simplest value often
        position = draw(st.integers(0, len(raw)))
        raw = raw[:position] + draw(st.sampled_from(BAD_BYTES)) + raw[position:]
    return raw


def test_base_deck_of_the_mutations_is_valid(arena: Project) -> None:
    arena.deck.write_text(BASE_DECK, encoding="utf-8")
    compiled = compile_deck(arena.deck)
    assert compiled.slides == 10
    assert not [f for f in compiled.findings if "contrast" not in f.message]


def test_mutated_decks_build_or_fail_located(arena: Project) -> None:
    """Raw text damage to a valid deck: a deck or located errors (with a line when it parses)."""
    outcomes: Counter[str] = Counter()

    @examples(700)
    @given(raw=mutated_decks())
    def property_(raw: bytes) -> None:
        arena.deck.write_bytes(raw)
        note(repr(raw))
        outcomes[check_deck(arena.deck, parsed=parses_as_yaml(raw))] += 1

    property_()
    total = sum(outcomes.values())
    assert outcomes["valid"] >= total * 0.1, outcomes
    assert outcomes["error"] >= total * 0.3, outcomes


YAML_PIECES = st.sampled_from(
    [*MUTATION_TOKENS, "a", "b", "1", "0", ".", "e", "\n  ", "\n- ", "\\U0001F600", "\\x41"]
)


@examples(1200)
@given(
    text=st.lists(st.one_of(YAML_PIECES, st.characters(codec="utf-8")), max_size=60).map("".join)
)
def test_any_text_loads_or_fails_located(text: str) -> None:
    """The loader alone, on YAML-ish noise: data, or errors located on a line of the text."""
    try:
        load_yaml_text(text, "f.yaml")
    except SlidegenError as error:
        assert_problems_located(error, parsed=False)
        for problem in error.problems:
            assert problem.location.file == "f.yaml"
            breaks = sum(text.count(c) for c in "\n\r\x85\u2028\u2029")  # YAML's line breaks
            assert 0 < problem.location.line <= breaks + 2, problem


PLAIN_SCALARS = st.one_of(
    st.from_regex(r"[-+]?[0-9][0-9_.:eExXoObB+-]{0,10}", fullmatch=True),
    st.from_regex(r"[-+]?\.?[0-9]{1,6}([.][0-9]{0,4})?([eE][-+]?[0-9]{1,3})?", fullmatch=True),
    st.sampled_from([*YAML11, "yes", "No", "oN", "OFF", "Y", "n", "true", "FALSE", "NULL", "="]),
)


@examples(500)
@given(scalar=PLAIN_SCALARS)
def test_plain_scalars_are_text_or_numbers_that_remember_their_text(scalar: str) -> None:
    """Never a bool, a date or a base-8/16/60 number: the text written, or a decimal number
    that remembers it."""
    try:
        value = load_yaml_text(f"v: {scalar}\n", "f.yaml").data["v"]
    except SlidegenError as error:
        assert_problems_located(error, parsed=True)
        return
    assert type(value) is not bool
    if isinstance(value, SourceInt | SourceFloat):
        assert value.source == scalar
        assert re.fullmatch(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?", scalar)
    elif value is not None:
        assert value == scalar
    else:
        assert scalar in ("~", "null", "Null", "NULL")


def test_generated_decks_through_the_command_line(arena: Project) -> None:
    """A subset through ``slidegen build``: exit 0 or 1, no traceback, all-or-nothing output."""
    output = arena.root / "out.pptx"

    @examples(50)
    @given(text=deck_texts())
    def property_(text: str) -> None:
        output.unlink(missing_ok=True)
        arena.deck.write_text(text, encoding="utf-8")
        result = run_cli("build", "deck.yaml", "-o", "out.pptx", cwd=arena.root)
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert TRACEBACK not in result.output
        lines = result.stderr.rstrip("\n").split("\n") if result.stderr else []
        if result.exit_code == 1:
            assert result.stdout == ""
            assert SUMMARY.match(lines[-1]), result.stderr
            lines = lines[:-1]
            assert lines
            assert not output.exists()
        else:
            wrote = re.fullmatch(r"wrote out\.pptx \((\d+) slides?\)\n", result.stdout)
            assert wrote, result.stdout
            assert len(Presentation(str(output)).slides) == int(wrote[1])
        for line in lines:  # errors, or a valid build's findings
            assert STDERR_LINE.match(line), line
        assert temp_files(arena.root) == []
        # The same as one JSON document, for editors and CI.
        checked = run_cli("check", "deck.yaml", "--format", "json", cwd=arena.root)
        assert checked.exit_code == result.exit_code, checked.output
        document = json.loads(checked.stdout)
        assert document["ok"] is (result.exit_code == 0)
        assert len(document["errors"]) == (len(lines) if result.exit_code else 0)
        for problem in document["errors"]:
            assert problem["file"] == "deck.yaml" and problem["line"] > 0, problem

    property_()


# -- valid decks are valid files -------------------------------------------------------------

ACCEPTED_TEXT = st.text(
    st.characters(codec="utf-8", exclude_characters=REFUSED + "{"), min_size=1, max_size=40
)
"""Any text slidegen accepts: C1 controls, line separators, BOM, bidi marks, emoji, U+10FFFF.
(No ``{``: ``{id}`` refers to a metric, an error in a deck without periods.)"""
DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
SMALL = st.one_of(st.integers(-(10**9), 10**9), st.floats(-1e9, 1e9, allow_nan=False))


@st.composite
def valid_decks(draw: st.DrawFn) -> dict[str, Any]:
    """Always-valid decks with every kind of slide and unusual (accepted) text."""
    text = ACCEPTED_TEXT
    items = st.lists(
        st.recursive(
            text,
            lambda children: st.fixed_dictionaries(
                {"text": text}, optional={"note": text, "items": st.lists(children, max_size=2)}
            ),
            max_leaves=4,
        ).filter(lambda b: not isinstance(b, dict) or depth(b) <= 3),
        min_size=1,
        max_size=6,
    )
    metric = st.fixed_dictionaries(
        # A text value PyYAML leaves unquoted but slidegen reads as a number ('1E100') is not
        # text: it can be out of range.
        {"value": st.one_of(SMALL, text.filter(lambda t: not DECIMAL.fullmatch(t))), "label": text},
        optional={"qualifier": text, "note": text, "unit": st.sampled_from(["%", "€", "km"])},
    )
    count = draw(st.integers(1, 5))
    chart = {
        "type": draw(st.sampled_from([t for t in CHART_TYPES if t not in ("target", "trend")])),
        "categories": draw(st.lists(text, min_size=count, max_size=count)),
        "series": [
            {"name": draw(text), "values": draw(st.lists(SMALL, min_size=count, max_size=count))}
        ],
    }
    slides_ = [
        {"kind": "title", "notes": draw(text)},
        {"kind": "section", "title": draw(text), "subtitle": draw(text)},
        {"kind": "bullets", "title": draw(text), "items": draw(items), "numbered": True},
        {
            "kind": "columns",
            "title": draw(text),
            "columns": [{"heading": draw(text), "items": draw(items)} for _ in range(2)],
        },
        {
            "kind": "metrics",
            "title": draw(text),
            "metrics": draw(st.lists(metric, min_size=1, max_size=8)),
        },
        {"kind": "chart", "title": draw(text), "chart": chart, "caption": draw(text)},
        {"kind": "image", "title": draw(text), "image": "assets/mark.png", "alt": draw(text)},
        {"kind": "statement", "title": draw(text), "text": draw(text)},
        {"kind": "closing", "title": draw(text), "keywords": draw(st.lists(text, max_size=6))},
    ]
    info = {
        "title": draw(text),
        "subtitle": draw(text),
        "author": draw(text),
        "date": draw(st.dates(MODERN)),
    }
    info["language"] = draw(st.sampled_from(LANGUAGES))
    info["theme"] = draw(st.sampled_from(["cremona", "neutral"]))
    return {
        "deck": info,
        "sections": [{"title": draw(text), "notes": draw(text), "slides": slides_}],
    }


def depth(bullet: Any) -> int:
    if not isinstance(bullet, dict):
        return 1
    return 1 + max((depth(child) for child in bullet.get("items", [])), default=0)


def ooxml_check(pptx: Path) -> None:
    for script in ("check_xsd.py", "check_opc.py"):
        checker = SHARED / "ooxml" / script
        if not checker.is_file():
            pytest.fail(f"OOXML checker {checker} is missing (../shared/ooxml, as in CI)")
        result = subprocess.run(
            [sys.executable, str(checker), str(pptx)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"{script}:\n{result.stdout}\n{result.stderr}"


def test_valid_generated_decks_pass_the_ooxml_checks(arena: Project) -> None:
    """Never an invalid file: generated valid decks (odd but accepted text) pass ISO 29500."""

    @examples(10)
    @given(deck=valid_decks())
    def property_(deck: dict[str, Any]) -> None:
        arena.deck.write_text(yaml.safe_dump(deck, allow_unicode=True), encoding="utf-8")
        compiled = compile_deck(arena.deck, cache_dir=arena.root / ".cache")
        assert_opens(compiled)
        pptx = arena.root / "valid.pptx"
        pptx.write_bytes(compiled.data)
        ooxml_check(pptx)

    property_()


# == 2. YAML hazards ==============================================================================

LAUGHS = f"a: &a [{', '.join(['lol'] * 9)}]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
)
"""The billion-laughs pattern: nine levels of nine aliases (9⁹ ``lol``), a few hundred bytes."""


def test_alias_bomb_is_refused_before_it_expands(project: Project) -> None:
    assert len(LAUGHS) < 600
    assert "*h" in LAUGHS
    text = "deck:\n  title: T\n" + LAUGHS + "sections: []\n"
    start = time.perf_counter()
    lines = cli_fails(project, text)
    assert time.perf_counter() - start < 2
    lol = ", ".join(["lol"] * 9)
    assert lines[0] == f'deck.yaml:3:4: this text starts with & — put it in quotes: a: "&a [{lol}]"'
    assert len(lines) == 3


def test_recursive_alias_is_refused(project: Project) -> None:
    assert cli_fails(project, "deck: &a [*a]\nsections: []\n") == [
        'deck.yaml:1:7: this text starts with & — put it in quotes: deck: "&a [*a]"',
        "    deck: &a [*a]",
        "          ^",
    ]


def test_alias_to_an_undefined_anchor_is_refused(project: Project) -> None:
    assert cli_fails(project, "deck:\n  title: *nowhere\nsections: []\n") == [
        'deck.yaml:2:10: this text starts with * — put it in quotes: title: "*nowhere"',
        "      title: *nowhere",
        "             ^",
    ]


@pytest.mark.parametrize(
    "nested",
    [
        "[" * 200 + "]" * 200,
        "{a: " * 200 + "1" + "}" * 200,
        "".join(f"\n    {'  ' * i}-" for i in range(200)) + " x",
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences"],
)
def test_deep_nesting_is_refused_with_a_location(project: Project, nested: str) -> None:
    text = f"deck:\n  title: {nested}\nsections: []\n"
    start = time.perf_counter()
    (line,) = cli_fails(project, text)
    assert time.perf_counter() - start < 2
    assert re.fullmatch(r"deck\.yaml:\d+:\d+: nesting deeper than 40 levels", line), line
    assert "RecursionError" not in line


def test_very_deep_nesting_is_refused_quickly_with_a_line(here: Project) -> None:
    text = "deck:\n  title: " + "[" * 4000 + "]" * 4000 + "\nsections: []\n"
    start = time.perf_counter()
    lines = errors_of(here, text)
    elapsed = time.perf_counter() - start
    assert all(LOCATED.match(line) for line in lines), lines
    assert elapsed < 1, f"{elapsed:.1f} s"


def test_duplicate_keys_name_both_lines(here: Project) -> None:
    text = deck_with(
        """
- kind: bullets
  title: A
  items: [a]
  'title': B
- kind: chart
  title: C
  chart: {type: bar, type: pie, categories: [x], series: [{name: s, values: [1]}]}
- kind: columns
  title: D
  columns:
    - {items: [a]}
    - heading: H
      items: [b]
      heading: "H"
"""
    )
    assert errors_of(here, text) == [
        "deck.yaml:10:9: duplicate key 'title' (first defined on line 8)",
        "deck.yaml:13:28: duplicate key 'type' (first defined on line 13)",
        "deck.yaml:20:13: duplicate key 'heading' (first defined on line 18)",
    ]


COERCIONS = {
    "deck.title": "TRUE",
    "deck.subtitle": "0x1F",
    "deck.organization": "Yes",
    "deck.period": "1:20:30",
    "deck.author": "0o17",
    "title": "12:30",
    "subtitle": "1_000",
    "item": "NO",
    "note": "0b101",
    "metric.label": "1.10",
    "metric.value": "0123",
    "metric.qualifier": "ON",
    "category": "2014-12-31",
    "series": "1e3",
    "chart.title": "+12",
    "caption": "-0",
    "statement": "007",
    "keyword": "off",
    "tagline": "1.0e+3",
    "notes": ".5",
    "alt": "y",
}
"""Every text field with a YAML 1.1 surprise, each a different one."""


def test_yaml11_coercions_stay_the_text_written_in_every_field(here: Project) -> None:
    c = COERCIONS
    text = f"""\
deck:
  title: {c["deck.title"]}
  subtitle: {c["deck.subtitle"]}
  organization: {c["deck.organization"]}
  period: {c["deck.period"]}
  author: {c["deck.author"]}
  date: 2014-12-31
sections:
  - divider: false
    slides:
      - kind: title
        notes: {c["notes"]}
      - kind: bullets
        title: {c["title"]}
        subtitle: {c["subtitle"]}
        items:
          - text: {c["item"]}
            note: {c["note"]}
      - kind: metrics
        title: Metrics
        metrics:
          - value: {c["metric.value"]}
            label: {c["metric.label"]}
            qualifier: {c["metric.qualifier"]}
      - kind: chart
        title: Chart
        chart:
          type: bar
          title: {c["chart.title"]}
          categories: [{c["category"]}]
          series: [{{name: {c["series"]}, values: [1]}}]
        caption: {c["caption"]}
      - kind: image
        title: Image
        image: assets/mark.png
        alt: {c["alt"]}
      - kind: statement
        title: Statement
        text: {c["statement"]}
      - kind: closing
        title: Closing
        keywords: [{c["keyword"]}]
        tagline: {c["tagline"]}
"""
    here.add_image("assets/mark.png")
    compiled = compile_text(here, text)
    prs = Presentation(io.BytesIO(compiled.data))
    texts: set[str] = set()
    for slide in prs.slides:
        if slide.has_notes_slide:
            texts.add(slide.notes_slide.notes_text_frame.text)
        for shape in slide.shapes:
            texts.add(shape._element.xpath("string(.//p:cNvPr/@descr)"))
            if shape.has_text_frame:
                texts.update(p.text for p in shape.text_frame.paragraphs)
            if shape.has_chart:
                chart = shape.chart
                texts.update(chart.plots[0].categories)
                texts.update(s.name for s in chart.plots[0].series)
                texts.add(chart.chart_title.text_frame.text if chart.has_title else "")
    missing = {field: value for field, value in c.items() if value not in texts}
    missing.pop("deck.author")
    assert missing == {}, sorted(texts)
    core = prs.core_properties
    assert (core.title, core.author) == (c["deck.title"], c["deck.author"])


@pytest.mark.parametrize(
    ("slide", "expected"),
    [
        (
            "- kind: metrics\n  title: M\n  metrics: [{value: .inf, label: a}]",
            "deck.yaml:9:27: '.inf' is not a finite number; write the value as text in quotes "
            "if meant",
        ),
        (
            "- kind: chart\n  title: M\n  chart:\n    type: target\n"
            "    targets: [{label: a, target: -.INF}]",
            "deck.yaml:11:40: '-.INF' is not a finite number; write the value as text in quotes "
            "if meant",
        ),
        (
            "- kind: bullets\n  title: .NaN\n  items: [a]",
            "deck.yaml:8:16: '.NaN' is not a finite number; write the value as text in quotes "
            "if meant",
        ),
        (
            "- kind: metrics\n  title: M\n  metrics: [{value: 1e999, label: a}]",
            "deck.yaml:9:27: section 1, slide 1 «M», metric 1 «a», value: must be a finite number",
        ),
    ],
    ids=["metric-inf", "target-minus-inf", "nan-in-a-title", "overflowing-decimal"],
)
def test_not_finite_numbers_are_located(here: Project, slide: str, expected: str) -> None:
    assert errors_of(here, deck_with(slide)) == [expected]


def test_overflowing_decimal_in_a_text_field_is_the_text_written(here: Project) -> None:
    compiled = compile_text(here, deck_with("- kind: bullets\n  title: 1e999\n  items: [-1e999]"))
    slide = Presentation(io.BytesIO(compiled.data)).slides[0]
    assert slide.shapes.title.text_frame.text == "1e999"
    (items,) = (s for s in slide.shapes if s.name == "List")
    assert items.text_frame.text == "-1e999"


def test_file_above_the_size_cap_is_refused_without_being_read(project: Project) -> None:
    size = 64 * 1024**3  # a sparse 64 GiB file: reading it would never finish
    with project.deck.open("wb") as stream:
        stream.truncate(size)
    start = time.perf_counter()
    result = run_cli("build", "deck.yaml", "-o", "out.pptx", cwd=project.root)
    assert time.perf_counter() - start < 2
    assert_clean_exit(result, 1)
    lines = error_lines(result)
    assert lines == [
        f"deck.yaml: file is {size:,} bytes; the limit is {loader.MAX_FILE_BYTES:,} bytes"
    ]
    assert sorted(p.name for p in project.root.iterdir()) == ["deck.yaml"]


def test_file_exactly_at_the_size_cap_is_read(here: Project) -> None:
    text = MINIMAL_DECK.encode()
    padding = loader.MAX_FILE_BYTES - len(text) - 2
    compiled = compile_text(here, text + b"#" + b"x" * padding + b"\n")
    assert here.deck.stat().st_size == loader.MAX_FILE_BYTES
    assert compiled.slides == 2
    with here.deck.open("ab") as stream:
        stream.write(b"\n")
    (line,) = errors_of(here, here.deck.read_bytes())
    assert line.startswith(f"deck.yaml: file is {loader.MAX_FILE_BYTES + 1:,} bytes")


# == 3. text with control characters ==============================================================

CONTROL_DECK = """\
deck:
  title: "T\\x01"
  author: "A\\uFFFF"
sections:
  - title: "S\\x1b"
    notes: "N\\uFFFE"
    slides:
      - kind: bullets
        title: B
        notes: "\\x7f"
        items:
          - {text: ok, note: "n\\x0c"}
      - kind: chart
        title: C
        chart: {type: pie, categories: ["a\\x00"], series: [{name: "s\\x08", values: [1]}]}
      - kind: metrics
        title: M
        metrics: [{value: 1, label: "\\x1fl"}]
      - kind: closing
        title: X
        keywords: ["k\\x0b"]
      - kind: image
        title: I
        image: assets/mark.png
        alt: "\\x02"
"""


def test_control_characters_are_located_errors_all_at_once(here: Project) -> None:
    here.add_image("assets/mark.png")
    assert errors_of(here, CONTROL_DECK) == [
        "deck.yaml:2:10: deck.title: contains the control character U+0001",
        "deck.yaml:3:11: deck.author: contains the control character U+FFFF",
        "deck.yaml:5:12: section 1, title: contains the control character U+001B",
        "deck.yaml:6:12: section 1, notes: contains the control character U+FFFE",
        "deck.yaml:10:16: section 1, slide 1 «B», notes: contains the control character U+007F",
        "deck.yaml:12:30: section 1, slide 1 «B», item 1, note: contains the control character "
        "U+000C",
        "deck.yaml:15:41: section 1, slide 2 «C», chart, category 1: contains the control "
        "character U+0000",
        "deck.yaml:15:67: section 1, slide 2 «C», chart, series 1, name: contains the control "
        "character U+0008",
        "deck.yaml:18:37: section 1, slide 3 «M», metric 1, label: contains the control "
        "character U+001F",
        "deck.yaml:21:20: section 1, slide 4 «X», keyword 1: contains the control character U+000B",
        "deck.yaml:25:14: section 1, slide 5 «I», alt: contains the control character U+0002",
    ]
    lines = cli_fails(here, CONTROL_DECK)
    assert len(lines) == 11


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\x7f", "\ufffe", "\uffff", "\x00"])
def test_raw_refused_character_in_the_file_is_located(here: Project, character: str) -> None:
    (problem,) = errors_of(here, f"deck:\n  title: a{character}b\nsections: []\n")
    headline, source, caret = problem.split("\n")
    assert headline == (
        f"deck.yaml:2:11: the invisible character U+{ord(character):04X} is not allowed in a "
        "YAML file: delete it"
    )
    assert source.startswith("      title: a") and source.endswith("b")
    assert caret == " " * 14 + "^"  # under the character (column 11), after the indent


ACCEPTED = {
    "c1-controls": "a\x80\x85\x9fb",
    "line-separators": "a\u2028b\u2029c",
    "tab-and-crlf": "a\tb\r\nc",
    "bom-inside": "a\ufeffb",
    "bidi": "\u202eabc\u202c",
    "noncharacters": "\ufdd0\U0010ffff\U0001fffe",
    "emoji-zwj": "👩‍🔬 🇮🇹",
    "combining": "e\u0301\u0338",
    "replacement": "\ufffd",
}


@pytest.mark.parametrize("value", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_odd_but_accepted_characters_give_a_valid_file(here: Project, value: str) -> None:
    escaped = value.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    quoted = f'"{escaped}"'
    text = deck_with(
        f"""
- kind: bullets
  title: {quoted}
  notes: {quoted}
  items: [{quoted}, {{text: ok, note: {quoted}}}]
- kind: chart
  title: Chart {quoted}
  chart: {{type: pie, categories: [{quoted}], series: [{{name: {quoted}, values: [1]}}]}}
""",
        head=f"deck:\n  title: {quoted}\n  author: {quoted}\n  date: 2014-12-31\n"
        "sections:\n  - divider: false\n    slides:\n",
    )
    compiled = compile_text(here, text)
    assert_opens(compiled)
    pptx = here.root / "odd.pptx"
    pptx.write_bytes(compiled.data)
    ooxml_check(pptx)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d\\ude00"])
def test_surrogate_escapes_are_located_errors(here: Project, escape: str) -> None:
    """Once a traceback from lxml. A JSON-style pair (``\\ud83d\\ude00``) is two surrogates to
    PyYAML, not an emoji."""
    (line,) = errors_of(here, deck_with(f'- kind: bullets\n  title: "a{escape}b"\n  items: [x]'))
    assert line.startswith("deck.yaml:8:16: section 1, slide 1, title: "), line
    assert f"U+{escape[2:6].upper()}" in line, line


def test_escape_beyond_unicode_is_a_located_error(here: Project) -> None:
    """Once a ValueError from PyYAML's pure-Python scanner."""
    (line,) = errors_of(here, deck_with('- kind: bullets\n  title: "\\U00110000"\n  items: [x]'))
    assert line.startswith("deck.yaml:8:"), line


# == 4. asset paths and images ====================================================================

AUDITED = ("open", "os.listdir", "os.scandir", "shutil.copyfile", "os.readlink")
_recording: list[tuple[str, str]] | None = None


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _recording is not None and event in AUDITED and args and isinstance(args[0], str | Path):
        _recording.append((event, os.fspath(args[0])))


_audit_installed = False


@contextlib.contextmanager
def file_accesses() -> Iterator[list[tuple[str, str]]]:
    """Every file opened or folder listed meanwhile (a permanent, idle-when-unused audit hook)."""
    global _recording, _audit_installed
    if not _audit_installed:
        sys.addaudithook(_audit)
        _audit_installed = True
    _recording = []
    try:
        yield _recording
    finally:
        _recording = None


def touched_outside(accesses: list[tuple[str, str]], *folders: Path) -> list[tuple[str, str]]:
    """The accesses that opened or listed anything in ``folders`` (readlink of a link is fine)."""
    found = []
    for event, name in accesses:
        if event == "os.readlink":
            continue
        resolved = Path(name).resolve() if os.path.isabs(name) else Path.cwd() / name
        if any(resolved == f or f in resolved.parents for f in folders):
            found.append((event, name))
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project with a real image, which no build may read."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.png").write_bytes(SAMPLE_PNG.read_bytes())
    return folder


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ("../../etc/passwd", "must be a path inside the project (relative, without '..')"),
        ("/etc/passwd", "must be a path inside the project (relative, without '..')"),
        (
            "assets/../../outside/secret.png",
            "must be a path inside the project (relative, without '..')",
        ),
        ("OUTSIDE/secret.png", "must be a path inside the project (relative, without '..')"),
        ("assets/link.png", "points outside the project"),
        ("assets/linked-folder/secret.png", "points outside the project"),
    ],
)
def test_image_paths_outside_the_project_read_nothing(
    project: Project, outside: Path, image: str, message: str
) -> None:
    project.add_image("assets/mark.png")
    (project.root / "assets" / "link.png").symlink_to(outside / "secret.png")
    (project.root / "assets" / "linked-folder").symlink_to(outside)
    image = image.replace("OUTSIDE", str(outside))
    project.write_deck(deck_with(f"- kind: image\n  title: X\n  image: {image}\n  alt: a"))
    with file_accesses() as accesses:
        result = run_cli("build", "deck.yaml", "-o", "out.pptx", cwd=project.root)
    assert any(name.endswith("deck.yaml") for _, name in accesses)  # the spy works
    assert touched_outside(accesses, outside, Path("/etc/passwd")) == []
    assert_clean_exit(result, 1)
    assert error_lines(result) == [
        f"deck.yaml:9:16: section 1, slide 1 «X», image: '{image}' {message}"
    ]
    assert not (project.root / "out.pptx").exists()


def test_image_dot_lists_nothing_outside(project: Project, outside: Path) -> None:
    """``image: .`` is the project folder: once, the message listed the folder above it."""
    project.write_deck(deck_with("- kind: image\n  title: X\n  image: .\n  alt: a"))
    with file_accesses() as accesses:
        result = run_cli("build", "deck.yaml", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert "outside" not in line and str(project.root.parent) not in line, line
    assert touched_outside(accesses, project.root.parent) == []


def png(width: int, height: int, *, body: bool = True) -> bytes:
    """A PNG whose header says ``width``×``height`` (the pixel data need not follow)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    rest = chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"") if body else b""
    return b"\x89PNG\r\n\x1a\n" + header + rest


def saved(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (24, 12), "red").save(buffer, fmt)
    return buffer.getvalue()


NOT_READABLE = "'{}' is not a readable image (PNG, JPEG, GIF, BMP, TIFF)"
BAD_IMAGES: dict[str, tuple[Callable[[], bytes], str]] = {
    "noise.png": (lambda: bytes((i * 37 + 11) % 256 for i in range(4096)), NOT_READABLE),
    "empty.png": (lambda: b"", NOT_READABLE),
    "truncated.png": (lambda: SAMPLE_PNG.read_bytes()[:200], NOT_READABLE),
    "header-only.png": (lambda: png(24, 12, body=False), NOT_READABLE),
    "zero.png": (lambda: png(0, 0), NOT_READABLE),
    "bomb.png": (lambda: png(100_000, 100_000), NOT_READABLE),
    "tall.png": (lambda: png(1, 2**31 - 1), NOT_READABLE),
    "big.png": (
        lambda: png(10_000, 8_000),
        "image '{}' is 10000×8000 pixels; the limit is 60,000,000 pixels",
    ),
    "image.webp": (
        lambda: saved("WEBP"),
        "'{}' is in WEBP format; use one of PNG, JPEG, GIF, BMP, TIFF",
    ),
    "image.ico": (
        lambda: saved("ICO"),
        "'{}' is in ICO format; use one of PNG, JPEG, GIF, BMP, TIFF",
    ),
    "image.ppm": (
        lambda: saved("PPM"),
        "'{}' is in PPM format; use one of PNG, JPEG, GIF, BMP, TIFF",
    ),
    "image.svg": (
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
        NOT_READABLE,
    ),
    "image.pdf": (lambda: saved("PDF"), NOT_READABLE),
}


@pytest.mark.parametrize("name", BAD_IMAGES)
def test_bad_images_are_located_errors(project: Project, name: str) -> None:
    make, message = BAD_IMAGES[name]
    (project.root / "assets").mkdir()
    (project.root / "assets" / name).write_bytes(make())
    text = deck_with(f"- kind: image\n  title: X\n  image: assets/{name}\n  alt: a")
    start = time.perf_counter()
    lines = cli_fails(project, text)
    assert time.perf_counter() - start < 2  # headers are read, pixels never decoded
    shown = message.format(f"assets/{name}")
    assert lines == [f"deck.yaml:9:16: section 1, slide 1 «X», image: {shown}"]


def test_image_above_the_byte_limit_is_refused_unread(project: Project) -> None:
    from slidegen.assets import MAX_IMAGE_BYTES

    (project.root / "assets").mkdir()
    huge = project.root / "assets" / "huge.png"
    with huge.open("wb") as stream:
        stream.write(png(24, 12))
        stream.truncate(MAX_IMAGE_BYTES + 1)
    text = deck_with("- kind: image\n  title: X\n  image: assets/huge.png\n  alt: a")
    assert cli_fails(project, text) == [
        "deck.yaml:9:16: section 1, slide 1 «X», image: image 'assets/huge.png' is "
        f"{MAX_IMAGE_BYTES + 1:,} bytes; the limit is {MAX_IMAGE_BYTES:,}"
    ]


@pytest.mark.parametrize("name", ["image.gif", "image.bmp", "image.tiff", "png-named.jpg"])
def test_accepted_image_formats_give_a_valid_file(here: Project, name: str) -> None:
    (here.root / "assets").mkdir()
    data = SAMPLE_PNG.read_bytes() if name == "png-named.jpg" else saved(name.split(".")[1])
    (here.root / "assets" / name).write_bytes(data)
    compiled = compile_text(
        here, deck_with(f"- kind: image\n  title: X\n  image: assets/{name}\n  alt: a")
    )
    pptx = here.root / "image.pptx"
    pptx.write_bytes(compiled.data)
    ooxml_check(pptx)


# == 5. unwritable output, disk full, Ctrl-C ======================================================


@pytest.fixture
def built(project: Project) -> tuple[Project, bytes]:
    """A project whose ``out.pptx`` exists from an earlier build; the deck has changed since."""
    project.write_deck(MINIMAL_DECK)
    assert_clean_exit(run_cli("build", "deck.yaml", "-o", "out.pptx", cwd=project.root), 0)
    previous = (project.root / "out.pptx").read_bytes()
    project.write_deck(MINIMAL_DECK.replace("[one, two]", "[one, two, three]"))
    return project, previous


def disk_full(*args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def interrupted(*args: object) -> None:
    raise KeyboardInterrupt


class HalfWriter:
    """A file whose ``write`` writes half of the data, then fails with ``error``."""

    def __init__(self, stream: Any, error: BaseException) -> None:
        self.stream, self.error = stream, error

    def __enter__(self) -> HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def write(self, data: bytes) -> int:
        self.stream.write(data[: len(data) // 2])
        self.stream.flush()
        raise self.error

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


REAL_FDOPEN = os.fdopen


def half_then(error: BaseException) -> Callable[..., HalfWriter]:
    def fdopen(fd: int, *args: Any, **kwargs: Any) -> HalfWriter:
        return HalfWriter(REAL_FDOPEN(fd, *args, **kwargs), error)

    return fdopen


def assert_previous_intact(project: Project, previous: bytes) -> None:
    assert (project.root / "out.pptx").read_bytes() == previous
    assert temp_files(project.root) == []
    assert sorted(p.name for p in project.root.iterdir()) == ["deck.yaml", "out.pptx"]


@pytest.mark.parametrize("where", ["fsync", "half-way-through-the-write"])
def test_disk_full_keeps_the_previous_output(
    built: tuple[Project, bytes], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    project, previous = built
    if where == "fsync":
        monkeypatch.setattr("slidegen.save.os.fsync", disk_full)
    else:
        monkeypatch.setattr(
            "slidegen.save.os.fdopen", half_then(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
        )
    result = run_cli("build", "deck.yaml", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    assert error_lines(result) == [f"out.pptx: cannot write: {os.strerror(errno.ENOSPC)}"]
    assert_previous_intact(project, previous)


@pytest.mark.parametrize("where", ["fsync", "half-way-through-the-write", "rename"])
def test_ctrl_c_during_the_write_keeps_the_previous_output(
    built: tuple[Project, bytes], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    project, previous = built
    if where == "fsync":
        monkeypatch.setattr("slidegen.save.os.fsync", interrupted)
    elif where == "rename":
        monkeypatch.setattr("slidegen.save.os.replace", interrupted)
    else:
        monkeypatch.setattr("slidegen.save.os.fdopen", half_then(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        build_deck(project.deck, project.root / "out.pptx")
    assert_previous_intact(project, previous)


def run_console(monkeypatch: pytest.MonkeyPatch, cwd: Path, *args: str) -> int:
    """``slidegen ARGS`` through the console entry point ``slidegen.cli.run``; its exit code."""
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["slidegen", *args])
    with pytest.raises(SystemExit) as exited:
        cli_module.run()
    code = exited.value.code
    return code if isinstance(code, int) else 1


def test_console_ctrl_c_during_the_write_exits_130(
    built: tuple[Project, bytes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project, previous = built
    monkeypatch.setattr("slidegen.save.os.fsync", interrupted)
    assert run_console(monkeypatch, project.root, "build", "deck.yaml", "-o", "out.pptx") == 130
    captured = capsys.readouterr()
    assert TRACEBACK not in captured.err
    assert captured.err.strip().splitlines()[-1] == "slidegen: interrupted; nothing written"
    assert_previous_intact(project, previous)


@pytest.mark.parametrize(
    "raised",
    [
        click.exceptions.Abort(),
        KeyboardInterrupt(),
    ],
    ids=["abort", "keyboard-interrupt"],
)
def test_console_entry_point_turns_ctrl_c_into_130(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    raised: BaseException,
) -> None:
    def main(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(cli_module, "main", main)
    try:
        code = run_console(monkeypatch, project.root, "build")
    except KeyboardInterrupt:
        pytest.fail("KeyboardInterrupt escaped slidegen.cli.run()")
    assert code == 130
    captured = capsys.readouterr()
    assert captured.err == "slidegen: interrupted; nothing written\n"
    assert project.files() == {}


CTRL_C_SCRIPT = """\
import os, sys
def interrupted(fd):
    raise KeyboardInterrupt
os.fsync = interrupted
sys.argv = ["slidegen", "build", "deck.yaml", "-o", "out.pptx"]
from slidegen.cli import run
run()
"""


def test_real_process_interrupted_during_the_write(built: tuple[Project, bytes]) -> None:
    """The console entry point in its own process: exit 130, no traceback, old file kept."""
    project, previous = built
    result = subprocess.run(
        [sys.executable, "-c", CTRL_C_SCRIPT],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 130, result.stderr
    assert TRACEBACK not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "slidegen: interrupted; nothing written"
    assert_previous_intact(project, previous)


@pytest.mark.parametrize("output", ["deck.yaml", "./deck.yaml", "assets/mark.png"])
def test_output_over_a_source_is_refused(project: Project, output: str) -> None:
    """``-o deck.yaml`` once replaced the deck with the .pptx (exit 0): the source was lost."""
    project.add_image("assets/mark.png")
    project.write_deck(deck_with("- kind: image\n  title: X\n  image: assets/mark.png\n  alt: a"))
    before = project.files()
    result = run_cli("build", "deck.yaml", "-o", output, cwd=project.root)
    assert project.files() == before
    assert_clean_exit(result, 1)
    (line,) = error_lines(result)
    assert STDERR_LINE.match(line), line


# == inputs that once crashed, and the bugs still open =================================


def valid_or_located(project: Project, text: str) -> None:
    """``text`` builds a file that passes the OOXML checks, or fails with located errors."""
    try:
        compiled = compile_text(project, text)
    except SlidegenError as error:
        assert_problems_located(error, parsed=True)
        return
    assert_opens(compiled)
    pptx = project.root / "checked.pptx"
    pptx.write_bytes(compiled.data)
    ooxml_check(pptx)


@pytest.mark.parametrize(
    ("slide", "where"),
    [
        (
            "- kind: metrics\n  title: M\n  metrics: [{value: 1e25, label: a}]",
            "deck.yaml:9:27: section 1, slide 1 «M», metric 1 «a», value: ",
        ),
        (
            "- kind: metrics\n  title: M\n  metrics: ['**10000000000000000000000000** a']",
            "deck.yaml:9:19: section 1, slide 1 «M», metric 1: ",
        ),
        (
            "- kind: chart\n  title: C\n  chart: {type: bar, categories: [a], "
            "series: [{name: s, values: [-1e30]}]}",
            "deck.yaml:9:73: section 1, slide 1 «C», chart, series 1 «s», value 1: ",
        ),
        (
            "- kind: chart\n  title: C\n  chart: {type: target, "
            "targets: [{label: a, target: 1e300}]}",
            "deck.yaml:9:60: section 1, slide 1 «C», chart, target 1 «a», target: ",
        ),
    ],
    ids=["metric", "short-form-metric", "chart-value", "target"],
)
def test_huge_numbers_are_located_errors(here: Project, slide: str, where: str) -> None:
    """From 1e25 up, formatting with Babel once raised decimal.InvalidOperation."""
    (line,) = errors_of(here, deck_with(slide))
    assert line.startswith(where), line


@pytest.mark.parametrize("field", ["previous", "target"])
def test_tiny_previous_or_target_is_not_a_crash(here: Project, field: str) -> None:
    slide = f"- kind: metrics\n  title: M\n  metrics: [{{value: 5, label: a, {field}: 1e-30}}]"
    valid_or_located(here, deck_with(slide))


def test_integer_with_thousands_of_digits_is_a_located_error(here: Project) -> None:
    """Once a ValueError from Python's int/str conversion limit (4300 digits)."""
    text = deck_with("- kind: bullets\n  title: " + "9" * 5000 + "\n  items: [a]")
    (line,) = errors_of(here, text)
    assert line.startswith("deck.yaml:8:16: "), line


@pytest.mark.parametrize("language", ["zz", "xx-YY", "qqq"])
def test_unknown_language_is_a_located_error(here: Project, language: str) -> None:
    """A tag of the right shape Babel does not know once raised UnknownLocaleError."""
    head = HEAD.replace("  date:", f"  language: {language}\n  date:")
    slide = "- kind: metrics\n  title: M\n  metrics: ['**5** a']"
    (line,) = errors_of(here, deck_with(slide, head))
    assert line.startswith("deck.yaml:3:13: deck.language: "), line
    assert f"'{language}'" in line, line


@pytest.mark.parametrize("language", ["zz", "not a tag", ""])
def test_unknown_language_option_is_not_a_traceback(project: Project, language: str) -> None:
    project.write_deck(deck_with("- kind: metrics\n  title: M\n  metrics: ['**5** a']"))
    result = run_cli(
        "build", "deck.yaml", "-o", "out.pptx", "--language", language, cwd=project.root
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if language:
        assert result.exit_code in (1, 2)
        assert "--language" in result.stderr
        assert not (project.root / "out.pptx").exists()


@pytest.mark.parametrize(
    ("slide", "head"),
    [
        pytest.param(
            "- kind: image\n  title: X\n  image: " + "a" * 300 + ".png\n  alt: a",
            HEAD,
            id="image",
        ),
        pytest.param(
            "- kind: title",
            HEAD.replace("  date:", "  theme: " + "t" * 300 + "\n  date:"),
            id="theme",
        ),
        pytest.param(
            "- kind: metrics\n  title: M\n  metrics: [a]",
            HEAD.replace(
                "sections:",
                "data: {periods: " + "p" * 300 + "}\nmetrics: {a: {label: A}}\nsections:",
            ),
            id="periods-folder",
        ),
    ],
)
def test_overlong_file_names_are_located_errors(here: Project, slide: str, head: str) -> None:
    (line,) = errors_of(here, deck_with(slide, head))
    assert LOCATED.match(line), line


@pytest.mark.parametrize(
    ("slide", "head"),
    [
        pytest.param(
            '- kind: title\n  "a\\nb": 1',
            HEAD,
            id="unknown-key",
        ),
        pytest.param(
            '- kind: title\n  "a\\x1eb\\e[2J": 1',
            HEAD,
            id="control-characters-in-a-key",
        ),
        pytest.param('- kind: title\n  "a\\rb": 1\n  "a\\rb": 2', HEAD, id="duplicate-key"),
        pytest.param('- kind: image\n  title: X\n  image: "a\\nb.png"\n  alt: a', HEAD, id="image"),
        pytest.param(
            "- kind: title", HEAD.replace("  date:", '  theme: "a\\nb"\n  date:'), id="theme"
        ),
        pytest.param(
            "- kind: chart\n  title: C\n  chart: {type: bar, categories: [a, b], "
            'series: [{name: "s\\nt", values: [1]}]}',
            HEAD,
            id="series-name",
        ),
    ],
)
def test_user_text_never_breaks_a_message_line(project: Project, slide: str, head: str) -> None:
    """User text quoted in a message once kept its line breaks: two stderr lines, one unlocated."""
    project.write_deck(deck_with(slide, head))
    result = run_cli("build", "deck.yaml", "-o", "out.pptx", cwd=project.root)
    assert_clean_exit(result, 1)
    line, summary = result.stderr.rstrip("\n").split("\n")  # lines as a terminal shows them
    assert line.startswith("deck.yaml:"), line
    assert not RAW_CONTROL.search(line), repr(line)
    assert SUMMARY.match(summary), summary


THEME_HAZARDS = {
    "control-character-in-font-name": ("heading: {name: Arial,", 'heading: {name: "Ari\\x01al",'),
    "nul-in-logo-path": ("logo: neutral-mark.png", 'logo: "assets/\\0.png"'),
    "margins-wider-than-the-slide": (
        "slide_numbers: true",
        "slide_numbers: true\ngeometry: {width: 1.5, height: 1.5, margin: 3}",
    ),
}


@pytest.mark.parametrize("hazard", THEME_HAZARDS)
def test_hostile_project_theme_is_a_located_error(project: Project, hazard: str) -> None:
    """A project's own theme is input too: each of these once ended in a ValueError."""
    neutral = (builtin_themes() / "neutral" / "theme.yaml").read_text(encoding="utf-8")
    old, new = THEME_HAZARDS[hazard]
    assert old in neutral
    theme = project.root / "themes" / "mine" / "theme.yaml"
    theme.parent.mkdir(parents=True)
    theme.write_text(neutral.replace(old, new, 1), encoding="utf-8")
    project.add_image("assets/neutral-mark.png")
    head = HEAD.replace("  date:", "  theme: mine\n  date:")
    lines = cli_fails(project, deck_with("- kind: bullets\n  title: X\n  items: [a]", head))
    assert all(line.startswith("themes/mine/theme.yaml:") for line in lines), lines


@pytest.mark.parametrize(
    "metadata",
    [
        "title: " + "T" * 256,
        "title: T\n  author: " + "A" * 256,
        "title: T\n  organization: " + "O" * 256,
        "title: T\n  period: " + "P" * 256,
        "title: T\n  organization: " + "O" * 200 + "\n  period: " + "P" * 200,
    ],
    ids=["title", "author", "organization", "period", "keywords"],
)
def test_long_metadata_gives_a_valid_file_or_a_located_error(here: Project, metadata: str) -> None:
    """Core properties hold 255 characters: python-pptx once raised ValueError beyond."""
    head = f"deck:\n  {metadata}\nsections:\n  - divider: false\n    slides:\n"
    valid_or_located(here, deck_with("- kind: title", head))


@pytest.mark.parametrize("date", ["0999-12-31", "0001-01-01", "9999-12-31", "1899-12-31"])
def test_extreme_dates_give_a_valid_file_or_a_located_error(here: Project, date: str) -> None:
    """Year 999 was once written as '999-12-31T00:00:00Z': not an xs:dateTime."""
    valid_or_located(here, MINIMAL_DECK.replace("date: 2014-12-31", f"date: {date}"))


@pytest.mark.parametrize(
    "metric",
    [
        "- value: |\n    MIGLIAIA\n  label: incontri",
        '- {value: "molte\\nmigliaia", label: incontri}',
        '- {value: "molte\\x85migliaia", label: incontri}',
        '- {value: 5, label: incontri, unit: "k\\nm"}',
        '- "**MOLTE\\x85MIGLIAIA** incontri"',
    ],
    ids=["block-scalar-value", "newline", "next-line", "unit", "short-form"],
)
def test_line_break_in_a_metric_figure_is_not_a_crash(here: Project, metric: str) -> None:
    """A line break in a figure (even a '|' block's last one) once crashed Pillow's raqm."""
    metrics = "\n".join(f"    {line}" for line in metric.splitlines())
    valid_or_located(here, deck_with(f"- kind: metrics\n  title: M\n  metrics:\n{metrics}"))


def test_overlong_section_title_is_a_located_error(here: Project) -> None:
    """Its divider slide once failed pydantic's 2000-character limit during rendering."""
    text = "deck:\n  title: T\nsections:\n  - title: " + "W" * 2001 + "\n    slides: []\n"
    (line,) = errors_of(here, text)
    assert line.startswith("deck.yaml:4:12: section 1, title: "), line
