"""The command line: click only, a thin layer over the library API.

Exit codes: 0 success, 1 the deck/theme/asset is wrong (messages on stderr, one per line,
``file:line:col: path: message``), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._version import __version__
from .errors import EXIT_DECK_ERROR, Problem, SlidegenError

DECK_ARGUMENT = click.argument(
    "deck",
    required=False,
    default="deck.yaml",
    type=click.Path(dir_okay=False, path_type=Path),
)
THEME_OPTION = click.option("--theme", metavar="NAME", help="Use this theme instead of the deck's.")


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _fail(error: SlidegenError) -> None:
    _report(error.problems)
    count = len(error.problems)
    click.echo(f"slidegen: {count} error{'s' if count != 1 else ''}; nothing written", err=True)
    sys.exit(error.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="slidegen")
def main() -> None:
    """Compile a declarative deck.yaml into a branded, editable PowerPoint deck.

    Exit codes: 0 success, 1 the deck, theme or an asset is wrong, 2 usage error.
    """


@main.command()
@DECK_ARGUMENT
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the .pptx (default: output/<deck title>.pptx).",
)
@THEME_OPTION
@click.option("--strict", is_flag=True, help="Treat layout findings as errors.")
def build(deck: Path, output: Path | None, theme: str | None, strict: bool) -> None:
    """Build DECK (default: deck.yaml) into a .pptx."""
    from .build import build_deck

    try:
        result = build_deck(deck, output, theme, strict=strict)
    except SlidegenError as error:
        _fail(error)
        return
    _report(result.findings)
    click.echo(f"wrote {result.output} ({result.slides} slides)")


@main.command()
@DECK_ARGUMENT
@THEME_OPTION
@click.option("--strict", is_flag=True, help="Exit 1 when there are layout findings.")
def check(deck: Path, theme: str | None, strict: bool) -> None:
    """Validate DECK and lay it out in memory; nothing is written."""
    from .build import compile_deck

    try:
        compiled = compile_deck(deck, theme)
    except SlidegenError as error:
        _fail(error)
        return
    _report(compiled.findings)
    if strict and compiled.findings:
        sys.exit(EXIT_DECK_ERROR)
    click.echo(f"{deck}: ok ({compiled.slides} slides, {len(compiled.findings)} findings)")


@main.command()
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    help="Project folder whose themes/ to list as well.",
)
def themes(project: Path) -> None:
    """List the themes available."""
    from .theme import available_themes, load_theme

    for name in available_themes(project):
        try:
            theme, _ = load_theme(name, project)
            click.echo(f"{name}\t{theme.description or theme.name}")
        except SlidegenError as error:
            click.echo(f"{name}\t(broken: {error.problems[0]})")


@main.command()
def schema() -> None:
    """Print the deck format's JSON Schema."""
    from .schema import deck_schema

    click.echo(json.dumps(deck_schema(), indent=2, ensure_ascii=False))
