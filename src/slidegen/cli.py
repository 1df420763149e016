"""The command line: click only, a thin layer over the library API.

Exit codes: 0 success, 1 the deck/theme/asset is wrong (messages on stderr, one per line,
``file:line:col: path: message``), 2 usage error.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli_language import VERSION_OPTION_HELP, LocalizedGroup, run_language
from .cli_output import (
    archive_version,
    build_every_period,
    fail,
    report,
    report_build,
    say_check_summary,
)
from .errors import EXIT_DECK_ERROR, Problem, SlidegenError
from .i18n import LANGUAGES, N_, _, ngettext, use_language
from .version import describe

if TYPE_CHECKING:  # the library is imported by the commands that use it, not at start-up
    pass

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


class Stopped(Exception):
    """SIGTERM or SIGHUP: unwind like Ctrl-C, so temporary files are removed on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _stop_cleanly_on(*signums: int | None) -> None:
    def stop(signum: int, _frame: object) -> None:
        raise Stopped(signum)

    for signum in signums:
        if signum is not None:
            signal.signal(signum, stop)


def run() -> None:
    """Console entry point.

    Ctrl-C ends with exit 130 and no traceback: outputs are written atomically, so earlier
    files are intact and no temporary file is left behind.
    """
    _stop_cleanly_on(signal.SIGTERM, getattr(signal, "SIGHUP", None))
    use_language(run_language(sys.argv[1:]))  # also for what is said after main() returns
    try:
        code = main(standalone_mode=False)
    except Stopped as stop:
        message = _("slidegen: stopped by {signal}; nothing written").format(signal=stop.name)
        click.echo(message, err=True)
        sys.exit(128 + stop.signum)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(_("slidegen: interrupted; nothing written"), err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


@click.group(
    cls=LocalizedGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "Compile a declarative deck.yaml into a branded, editable PowerPoint deck.\n\n"
        "Exit codes: 0 success, 1 the deck, theme or an asset is wrong, 2 usage error."
    ),
)
@click.version_option(
    describe(), prog_name="slidegen", message="%(prog)s %(version)s", help=VERSION_OPTION_HELP
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES, case_sensitive=False),
    expose_value=False,
    help=N_(
        "The language of slidegen's messages and help (default: the locale's, from "
        "LC_ALL, LC_MESSAGES or LANG; else English). Goes before the command."
    ),
)
def main() -> None:
    # The language was chosen before click parsed the arguments (LocalizedGroup.main).
    pass


@main.command(help=N_("Build DECK (default: deck.yaml) into a .pptx."))
@DECK_ARGUMENT
@OUTPUT_OPTION
@THEME_OPTION
@click.option("--strict", is_flag=True, help=N_("Treat layout findings as errors."))
@click.option("--pdf", is_flag=True, help=N_("Also export a PDF (PDF/A-2b) with LibreOffice."))
@click.option("--png", is_flag=True, help=N_("Also export one PNG per slide and a contact sheet."))
@click.option(
    "--handout",
    is_flag=True,
    help=N_("Also export <name>-handout.pdf: each slide with its speaker notes."),
)
@click.option(
    "--archive",
    is_flag=True,
    help=N_(
        "Write a new version archive/<period>/<slug>-v<N>/ (a BagIt bag: sources, .pptx, "
        "PDF/A, environment); nothing is written when the outputs equal the latest version's."
    ),
)
@click.option(
    "--archive-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=N_("The archive root (default: archive/ beside the deck)."),
)
@PERIOD_OPTION
@ALLOW_MISSING_OPTION
@click.option("--all-periods", is_flag=True, help=N_("Build every period, in parallel processes."))
@click.option(
    "--language",
    metavar="TAG",
    help=N_("Build in another language/number format (e.g. en-GB) without editing the deck."),
)
def build(
    deck: Path,
    output: Path | None,
    theme: str | None,
    strict: bool,
    pdf: bool,
    png: bool,
    handout: bool,
    archive: bool,
    archive_dir: Path | None,
    period: str | None,
    allow_missing: bool,
    all_periods: bool,
    language: str | None,
) -> None:
    if archive and (output or png or handout):
        raise click.UsageError(_("--archive chooses its own file names; drop -o/--png/--handout"))
    if archive_dir and not archive:
        raise click.UsageError(_("--archive-dir goes with --archive"))
    if archive and language:
        # An archived version is rebuilt from its sources alone: the language must be one.
        raise click.UsageError(
            _(
                "--archive keeps what the deck's sources say; write 'language: …' in the deck "
                "to archive it in another language"
            )
        )
    if all_periods and (output or period or archive):
        raise click.UsageError(_("--all-periods builds every period; drop -o/--period/--archive"))
    try:
        if all_periods:
            from .batch import BatchOptions

            build_every_period(deck, BatchOptions(theme, allow_missing, strict, language, pdf))
            return
        if archive:
            archive_version(deck, theme, strict, period, allow_missing, archive_dir)
            return
        from .build import build_deck

        result = build_deck(
            deck,
            output,
            theme,
            strict=strict,
            pdf=pdf,
            png=png,
            period=period,
            allow_missing=allow_missing,
            language=language,
            handout=handout,
        )
    except SlidegenError as error:
        fail(error)
        return
    report_build(result)


@main.command(
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


@main.command(
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


@main.command(
    help=N_(
        "Verify an archived version (its folder), or every version under FOLDER, from the "
        "bags alone: checksums, the chain of versions, and a rebuild compared byte for byte."
    )
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--fixity", is_flag=True, help=N_("Only check every checksum and the chain; do not rebuild.")
)
def verify(folder: Path, fixity: bool) -> None:
    from .archive import verify_archive

    try:
        verified = verify_archive(folder, fixity_only=fixity)
    except SlidegenError as error:
        report(error.problems)
        click.echo(_("slidegen: verification failed"), err=True)
        sys.exit(error.exit_code)
    ok, noted = _("ok"), _("note")
    for item in verified.checked:
        click.echo(f"{ok:<5} {item}")
    for note in verified.notes:
        click.echo(f"{noted:<5} {note}")
    summary = _("{folder}: verified (fixity only)") if fixity else _("{folder}: verified")
    click.echo(summary.format(folder=folder))


@main.command(
    help=N_("Validate DECK, lay it out in memory and report findings; nothing is written.")
)
@DECK_ARGUMENT
@THEME_OPTION
@click.option("--strict", is_flag=True, help=N_("Exit 1 when there are findings."))
@PERIOD_OPTION
@ALLOW_MISSING_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help=N_("json: one JSON document on stdout, for editors and CI."),
)
def check(
    deck: Path,
    theme: str | None,
    strict: bool,
    period: str | None,
    allow_missing: bool,
    output_format: str,
) -> None:
    from .build import compile_deck

    errors: list[Problem] = []
    findings: list[Problem] = []
    slides = 0
    exit_code = 0
    try:
        compiled = compile_deck(deck, theme, period=period, allow_missing=allow_missing)
        findings, slides = compiled.findings, compiled.slides
        if strict and findings:
            exit_code = EXIT_DECK_ERROR
    except SlidegenError as error:
        errors, exit_code = error.problems, error.exit_code
    if output_format == "json":
        document = {
            "deck": str(deck),
            "ok": exit_code == 0,
            "slides": slides,
            "errors": [p.to_dict() for p in errors],
            "findings": [p.to_dict() for p in findings],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        sys.exit(exit_code)
    if errors:
        fail(SlidegenError(errors))
    report(findings)
    say_check_summary(deck, slides, findings, exit_code)


@main.command(
    name="watch", help=N_("Rebuild DECK (and its PNG preview) on every save; Ctrl-C stops.")
)
@DECK_ARGUMENT
@OUTPUT_OPTION
@THEME_OPTION
@click.option("--no-preview", is_flag=True, help=N_("Do not render PNG previews."))
def watch_command(deck: Path, output: Path | None, theme: str | None, no_preview: bool) -> None:
    from .watch import WatchEvent, preview_available, watch

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


@main.command(
    help=N_(
        "Serve a live preview of DECK on 127.0.0.1: every slide as an image, errors and "
        "findings; it follows every save, re-rendering only the slides that changed. "
        "Ctrl-C stops."
    )
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


@main.command(
    help=N_(
        "List the themes available: the project's own (themes/, used first), then the "
        "built-in ones. One line each: name, where it comes from, description."
    )
)
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    help=N_("Project folder whose themes/ to list too (default: the current folder)."),
)
def themes(project: Path) -> None:
    from .theme_index import describe_theme, theme_entries

    for entry in theme_entries(project):
        origin = _("built-in") if entry.builtin else _("project")
        if entry.shadows_builtin:
            origin = _("project, replaces built-in")
        click.echo(f"{entry.name}\t{origin}\t{describe_theme(entry.folder)}")


@main.command(help=N_("Print the deck format's JSON Schema."))
def schema() -> None:
    from .schema import shipped_schema_text

    click.echo(shipped_schema_text(), nl=False)
