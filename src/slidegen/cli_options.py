"""Arguments and options shared by several commands of the command line."""

from __future__ import annotations

from pathlib import Path

import click

from .i18n import N_

DECK_ARGUMENT = click.argument(
    "deck",
    required=False,
    default="deck.yaml",
    type=click.Path(dir_okay=False, path_type=Path),
)
THEME_OPTION = click.option(
    "--theme", metavar="NAME", help=N_("Use this theme instead of the deck's.")
)
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("Where to write the .pptx (default: output/<deck title>.pptx)."),
)
PERIOD_OPTION = click.option(
    "--period", metavar="ID", help=N_("The reporting period to build (default: the latest).")
)
ALLOW_MISSING_OPTION = click.option(
    "--allow-missing",
    is_flag=True,
    help=N_("Build even if values are missing (shown as missing)."),
)
