"""Commands that set up and describe a project: ``init``, ``new-period``, ``themes``,
``schema``. Each imports the library only when it runs."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_language import LocalizedCommand
from .cli_output import fail
from .errors import SlidegenError
from .i18n import N_, _


@click.command(
    cls=LocalizedCommand,
    name="init",
    help=N_("Make a new project in FOLDER (default: here) that builds at once; never overwrites."),
)
@click.argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--language",
    type=click.Choice(["it-IT", "en-GB"]),
    default="it-IT",
    help=N_("Language of the starter deck (its text and number format; default: it-IT)."),
)
@click.option(
    "--theme",
    metavar="NAME",
    default="neutral",
    help=N_("The built-in theme the deck uses ('slidegen themes' lists them; default: neutral)."),
)
@click.option(
    "--copy-theme",
    is_flag=True,
    help=N_("Copy the theme into themes/<NAME>/ to customise it (the copy is then used)."),
)
@click.option(
    "--period", metavar="ID", help=N_("The first period (default: the current half-year).")
)
def init_command(
    folder: Path, language: str, theme: str, copy_theme: bool, period: str | None
) -> None:
    from .init import init_project

    try:
        made = init_project(folder, language, theme, copy_theme=copy_theme, period=period)
    except SlidegenError as error:
        fail(error)
        return
    for path in made.files:
        click.echo(_("wrote {path}").format(path=path))
    where = "" if folder == Path(".") else f"cd {folder} && "
    click.echo(_("next: {command}").format(command=f"{where}slidegen build"))


@click.command(
    cls=LocalizedCommand,
    name="new-period",
    help=N_("Scaffold data for PERIOD from the latest period; never overwrites a file."),
)
@click.argument("period_id", metavar="PERIOD")
@click.argument(
    "deck", required=False, default="deck.yaml", type=click.Path(dir_okay=False, path_type=Path)
)
def new_period(period_id: str, deck: Path) -> None:
    from .scaffold import new_period_file

    try:
        path = new_period_file(deck, period_id)
    except SlidegenError as error:
        fail(error)
        return
    then = _("wrote {path}: fill in the values marked TODO, then '{command}'")
    click.echo(then.format(path=path, command=f"slidegen check --period {period_id}"))


@click.command(
    cls=LocalizedCommand,
    help=N_(
        "List the themes available: the project's own (themes/, used first), then the "
        "built-in ones. One line each: name, where it comes from, description."
    ),
)
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    help=N_("Project folder whose themes/ to list too (default: the current folder)."),
)
def themes(project: Path) -> None:
    from .quick import BUILTIN, PROJECT, SHADOWS, origin_words
    from .theme_index import describe_theme, theme_entries

    words = origin_words()  # the quick answer's words: the two never say it differently
    for entry in theme_entries(project):
        origin = words[BUILTIN] if entry.builtin else words[PROJECT]
        if entry.shadows_builtin:
            origin = words[SHADOWS]
        click.echo(f"{entry.name}\t{origin}\t{describe_theme(entry.folder)}")


@click.command(cls=LocalizedCommand, help=N_("Print the deck format's JSON Schema."))
def schema() -> None:
    from .schema import shipped_schema_text

    click.echo(shipped_schema_text(), nl=False)
