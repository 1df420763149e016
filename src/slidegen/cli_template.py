"""``slidegen template inspect`` and ``slidegen template export``: the organisation's
PowerPoint template, looked into, and a theme's master written as one. Each imports the
library only when it runs."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_language import LocalizedSubgroup
from .cli_output import fail
from .errors import Location, OutputError, Problem, SlidegenError
from .i18n import N_, _


@click.group(
    cls=LocalizedSubgroup,
    name="template",
    help=N_("Look into a PowerPoint template, or write a theme as one."),
)
def template_group() -> None:
    pass


@template_group.command(
    name="inspect",
    help=N_(
        "List FILE's masters, layouts and placeholders (type, index, name, box in cm), the "
        "layout each kind of slide would use, and draw each layout as a PNG."
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--png-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("Folder for the layouts' pictures (default: <FILE name>-layouts; never reused)."),
)
@click.option("--no-png", is_flag=True, help=N_("List only; draw no pictures (no LibreOffice)."))
def inspect_command(file: Path, png_dir: Path | None, no_png: bool) -> None:
    from .template.inspect import describe, layout_pictures
    from .template.mapping import choose_layouts
    from .template.reading import read_template

    folder = png_dir or Path(f"{file.stem}-layouts")
    try:
        info = read_template(file, Location(str(file)))
        kinds = _kinds()
        choice = choose_layouts(info, {}, kinds, lambda key: Location(str(file)))
        if not no_png and folder.exists():
            raise OutputError(Problem(Location(str(folder)), _("already exists: choose --png-dir")))
        for line in describe(info, choice, kinds):
            click.echo(line)
        if not no_png:
            pictures = layout_pictures(info, folder)
            click.echo(
                _("drew {count} layouts in {folder}").format(count=len(pictures), folder=folder)
            )
    except SlidegenError as error:
        fail(error)


@template_group.command(
    name="export",
    help=N_(
        "Write the theme's master (layouts, brand chrome, colours, fonts; no slides) as a "
        "PowerPoint template OUT.potx; never overwrites."
    ),
)
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--theme",
    "theme_name",
    metavar="NAME",
    default="neutral",
    help=N_("The theme to export ('slidegen themes' lists them; default: neutral)."),
)
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    help=N_("Project folder whose themes/ are searched first (default: the current folder)."),
)
def export_command(out: Path, theme_name: str, project: Path) -> None:
    from .stages import theme_logo
    from .template.export import export_template
    from .theme_loader import load_theme

    try:
        loaded = load_theme(theme_name, project, Location("--theme"))
        written = export_template(loaded, theme_logo(loaded), out)
    except SlidegenError as error:
        fail(error)
        return
    click.echo(_("wrote {path}").format(path=written))


def _kinds() -> tuple[str, ...]:
    from .slides import KINDS

    return tuple(KINDS)
