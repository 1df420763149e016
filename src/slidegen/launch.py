"""The console command's first step: ``slidegen --version`` is answered before click, the
library or even ``typing`` is imported (click alone takes longer to import than Python takes
to start); everything else goes to :func:`slidegen.cli.run`."""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:] == ["--version"]:  # exactly what click's version option prints
        from .version import describe

        sys.stdout.write(f"slidegen {describe()}\n")
        return
    from .cli import run as run_cli

    run_cli()
