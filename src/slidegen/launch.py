"""The console command's first step: ``slidegen --version`` is answered before click, the
library or even ``typing`` is imported (click alone takes longer to import than Python takes
to start), and so are ``themes``, ``schema`` (:mod:`slidegen.quick`) and the help screens
(:mod:`slidegen.quick_help`), each handing to click whatever it cannot answer exactly as click
would; everything else goes to :func:`slidegen.cli.run`."""

from __future__ import annotations

import sys

from . import collector


def run() -> None:
    collector.starting()
    try:
        _dispatch(sys.argv[1:])
    finally:
        collector.ending()


def _dispatch(args: list[str]) -> None:
    if args == ["--version"]:  # exactly what click's version option prints
        from .version import describe

        sys.stdout.write(f"slidegen {describe()}\n")
        return
    if args and args[-1] in ("themes", "schema"):  # quick.COMMANDS, without importing it
        from .quick import answer

        if answer(args):
            return
    if args and args[-1] in ("-h", "--help"):  # quick_help.HELP_OPTIONS, likewise
        from .quick_help import answer as answer_help

        if answer_help(args):
            return
    from .cli import run as run_cli

    run_cli()
