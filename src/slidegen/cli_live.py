"""Commands that follow the deck as it is edited: ``watch`` and ``preview``."""

from __future__ import annotations

import time
from pathlib import Path

import click

from . import collector
from .cli_language import LocalizedCommand
from .cli_options import DECK_ARGUMENT, OUTPUT_OPTION, THEME_OPTION
from .cli_output import fail, report
from .errors import SlidegenError
from .i18n import N_, _, ngettext


@click.command(
    cls=LocalizedCommand,
    name="watch",
    help=N_("Rebuild DECK (and its PNG preview) on every save; Ctrl-C stops."),
)
@DECK_ARGUMENT
@OUTPUT_OPTION
@THEME_OPTION
@click.option("--no-preview", is_flag=True, help=N_("Do not render PNG previews."))
def watch_command(deck: Path, output: Path | None, theme: str | None, no_preview: bool) -> None:
    from .watch import WatchEvent, preview_available, watch

    collector.working()
    png = not no_preview and preview_available()
    if not no_preview and not png:
        click.echo(_("no LibreOffice/pdftoppm: building without PNG preview"), err=True)

    def on_build(event: WatchEvent) -> None:
        stamp = time.strftime("%H:%M:%S")
        if event.error:
            report(event.error.problems)
            failed = _("build failed; the last good output is kept")
            click.echo(f"[{stamp}] {failed}", err=True)
            return
        assert event.result
        report(event.result.findings)
        result = event.result
        if result.contact_sheet:
            wrote = ngettext(
                "wrote {path} ({count} slide, {seconds} s, preview {sheet})",
                "wrote {path} ({count} slides, {seconds} s, preview {sheet})",
                result.slides,
            )
        else:
            wrote = ngettext(
                "wrote {path} ({count} slide, {seconds} s)",
                "wrote {path} ({count} slides, {seconds} s)",
                result.slides,
            )
        seconds = f"{event.seconds:.2f}"
        line = wrote.format(
            path=result.output, count=result.slides, seconds=seconds, sheet=result.contact_sheet
        )
        click.echo(f"[{stamp}] {line}")

    watching = _("watching {folder} (Ctrl-C to stop)").format(folder=deck.resolve().parent)
    click.echo(watching)
    try:
        watch(deck, output, theme, png=png, on_build=on_build)
    except KeyboardInterrupt:
        click.echo(_("stopped"))


@click.command(
    cls=LocalizedCommand,
    help=N_(
        "Serve a live preview of DECK on 127.0.0.1: every slide as an image, errors and "
        "findings; it follows every save, re-rendering only the slides that changed. "
        "Ctrl-C stops."
    ),
)
@DECK_ARGUMENT
@THEME_OPTION
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help=N_("Port on 127.0.0.1 to serve on; 0 (the default) picks a free one."),
)
def preview(deck: Path, theme: str | None, port: int) -> None:
    from .preview.session import PreviewUpdate, run_preview

    collector.working()

    def ready(url: str) -> None:
        click.echo(_("preview of {deck} at {url} (Ctrl-C to stop)").format(deck=deck, url=url))

    def on_update(update: PreviewUpdate) -> None:
        stamp = time.strftime("%H:%M:%S")
        if update.errors:
            report(update.errors)
            click.echo(_("[{stamp}] build failed; the page keeps the last good slides").format(
                stamp=stamp), err=True)  # fmt: skip
            return
        report(update.findings)
        slides = ngettext("{count} slide", "{count} slides", update.slides)
        rendered = ngettext(
            "{count} slide rendered", "{count} slides rendered", len(update.rendered)
        )
        click.echo(
            f"[{stamp}] {slides.format(count=update.slides)}, "
            f"{rendered.format(count=len(update.rendered))}, {update.seconds:.2f} s"
        )

    try:
        run_preview(deck, port, theme, on_ready=ready, on_update=on_update)
    except SlidegenError as error:
        fail(error)
    except KeyboardInterrupt:
        click.echo(_("stopped"))
