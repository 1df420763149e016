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

from .errors import EXIT_DECK_ERROR, Problem, SlidegenError
from .version import describe

if TYPE_CHECKING:  # the library is imported by the commands that use it, not at start-up
    from .batch import BatchOptions

DECK_ARGUMENT = click.argument(
    "deck",
    required=False,
    default="deck.yaml",
    type=click.Path(dir_okay=False, path_type=Path),
)
THEME_OPTION = click.option("--theme", metavar="NAME", help="Use this theme instead of the deck's.")
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the .pptx (default: output/<deck title>.pptx).",
)
PERIOD_OPTION = click.option(
    "--period", metavar="ID", help="The reporting period to build (default: the latest)."
)
ALLOW_MISSING_OPTION = click.option(
    "--allow-missing", is_flag=True, help="Build even if values are missing (shown as missing)."
)


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _fail(error: SlidegenError) -> None:
    _report(error.problems)
    count = len(error.problems)
    outcome = "nothing written"
    if getattr(error, "after_output", None):
        outcome = f"{error.after_output} was written, the export was not"  # type: ignore[attr-defined]
    click.echo(f"slidegen: {count} error{'s' if count != 1 else ''}; {outcome}", err=True)
    sys.exit(error.exit_code)


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
    try:
        code = main(standalone_mode=False)
    except Stopped as stop:
        click.echo(f"slidegen: stopped by {stop.name}; nothing written", err=True)
        sys.exit(128 + stop.signum)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("slidegen: interrupted; nothing written", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(describe(), prog_name="slidegen", message="%(prog)s %(version)s")
def main() -> None:
    """Compile a declarative deck.yaml into a branded, editable PowerPoint deck.

    Exit codes: 0 success, 1 the deck, theme or an asset is wrong, 2 usage error.
    """


@main.command()
@DECK_ARGUMENT
@OUTPUT_OPTION
@THEME_OPTION
@click.option("--strict", is_flag=True, help="Treat layout findings as errors.")
@click.option("--pdf", is_flag=True, help="Also export a PDF (PDF/A-2b) with LibreOffice.")
@click.option("--png", is_flag=True, help="Also export one PNG per slide and a contact sheet.")
@click.option(
    "--handout",
    is_flag=True,
    help="Also export <name>-handout.pdf: each slide with its speaker notes.",
)
@click.option(
    "--archive",
    is_flag=True,
    help="Write a new version archive/<period>/<slug>-v<N>/ (a BagIt bag: sources, .pptx, "
    "PDF/A, environment); nothing is written when the outputs equal the latest version's.",
)
@click.option(
    "--archive-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The archive root (default: archive/ beside the deck).",
)
@PERIOD_OPTION
@ALLOW_MISSING_OPTION
@click.option("--all-periods", is_flag=True, help="Build every period, in parallel processes.")
@click.option(
    "--language",
    metavar="TAG",
    help="Build in another language/number format (e.g. en-GB) without editing the deck.",
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
    """Build DECK (default: deck.yaml) into a .pptx."""
    if archive and (output or png or handout):
        raise click.UsageError("--archive chooses its own file names; drop -o/--png/--handout")
    if archive_dir and not archive:
        raise click.UsageError("--archive-dir goes with --archive")
    if archive and language:
        # An archived version is rebuilt from its sources alone: the language must be one.
        raise click.UsageError(
            "--archive keeps what the deck's sources say; write 'language: …' in the deck "
            "to archive it in another language"
        )
    if all_periods and (output or period or archive):
        raise click.UsageError("--all-periods builds every period; drop -o/--period/--archive")
    try:
        if all_periods:
            from .batch import BatchOptions

            _all_periods(deck, BatchOptions(theme, allow_missing, strict, language, pdf))
            return
        if archive:
            _archive(deck, theme, strict, period, allow_missing, archive_dir)
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
        _fail(error)
        return
    _report(result.findings)
    click.echo(f"wrote {result.output} ({result.slides} slides)")
    for extra in (result.pdf, result.handout):
        if extra:
            click.echo(f"wrote {extra}")
    if result.pngs:
        click.echo(f"wrote {len(result.pngs)} PNGs and {result.contact_sheet}")


def _all_periods(deck: Path, options: BatchOptions) -> None:
    from .batch import build_all_periods

    outcomes = build_all_periods(deck, options)
    for outcome in outcomes:
        status = "ok    " if outcome.ok else "FAILED"
        count = len(outcome.problems)
        where = outcome.output if outcome.ok else f"{count} error{'s' if count != 1 else ''}"
        click.echo(f"{status} {outcome.period:<12} {outcome.seconds:6.2f} s  {where}")
        for line in outcome.problems:
            click.echo(f"    {line}", err=True)
    failed = [o.period for o in outcomes if not o.ok]
    if failed:
        click.echo(
            f"slidegen: {len(failed)} of {len(outcomes)} periods failed: {', '.join(failed)}",
            err=True,
        )
        sys.exit(EXIT_DECK_ERROR)


def _archive(
    deck: Path,
    theme: str | None,
    strict: bool,
    period: str | None,
    allow_missing: bool,
    archive_dir: Path | None,
) -> None:
    from .archive import archive_deck

    result = archive_deck(
        deck,
        theme,
        strict=strict,
        period=period,
        allow_missing=allow_missing,
        archive_dir=archive_dir,
    )
    _report(result.findings)
    if not result.written:
        click.echo(
            f"unchanged: identical to version {result.version} ({result.folder}); nothing written"
        )
        return
    for path in result.written:
        click.echo(f"wrote {path}")
    click.echo(f"archived version {result.version}")


@main.command(name="init")
@click.argument(
    "folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "--language",
    type=click.Choice(["it-IT", "en-GB"]),
    default="it-IT",
    show_default=True,
    help="Language of the starter deck (its text and number format).",
)
@click.option(
    "--theme",
    metavar="NAME",
    default="neutral",
    show_default=True,
    help="The built-in theme the deck uses ('slidegen themes' lists them).",
)
@click.option(
    "--copy-theme",
    is_flag=True,
    help="Copy the theme into themes/<NAME>/ to customise it (the copy is then used).",
)
@click.option("--period", metavar="ID", help="The first period (default: the current half-year).")
def init_command(
    folder: Path, language: str, theme: str, copy_theme: bool, period: str | None
) -> None:
    """Make a new project in FOLDER (default: here) that builds at once; never overwrites."""
    from .init import init_project

    try:
        made = init_project(folder, language, theme, copy_theme=copy_theme, period=period)
    except SlidegenError as error:
        _fail(error)
        return
    for path in made.files:
        click.echo(f"wrote {path}")
    where = "" if folder == Path(".") else f"cd {folder} && "
    click.echo(f"next: {where}slidegen build")


@main.command(name="new-period")
@click.argument("period_id", metavar="PERIOD")
@click.argument(
    "deck", required=False, default="deck.yaml", type=click.Path(dir_okay=False, path_type=Path)
)
def new_period(period_id: str, deck: Path) -> None:
    """Scaffold data for PERIOD from the latest period; never overwrites a file."""
    from .scaffold import new_period_file

    try:
        path = new_period_file(deck, period_id)
    except SlidegenError as error:
        _fail(error)
        return
    click.echo(
        f"wrote {path}: fill in the values marked TODO, then 'slidegen check --period {period_id}'"
    )


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--fixity", is_flag=True, help="Only check every checksum and the chain; do not rebuild."
)
def verify(folder: Path, fixity: bool) -> None:
    """Verify an archived version (its folder), or every version under FOLDER, from the bags
    alone: checksums, the chain of versions, and a rebuild compared byte for byte."""
    from .archive import verify_archive

    try:
        report = verify_archive(folder, fixity_only=fixity)
    except SlidegenError as error:
        _report(error.problems)
        click.echo("slidegen: verification failed", err=True)
        sys.exit(error.exit_code)
    for item in report.checked:
        click.echo(f"ok    {item}")
    for note in report.notes:
        click.echo(f"note  {note}")
    click.echo(f"{folder}: verified{' (fixity only)' if fixity else ''}")


@main.command()
@DECK_ARGUMENT
@THEME_OPTION
@click.option("--strict", is_flag=True, help="Exit 1 when there are findings.")
@PERIOD_OPTION
@ALLOW_MISSING_OPTION
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="json: one JSON document on stdout, for editors and CI.",
)
def check(
    deck: Path,
    theme: str | None,
    strict: bool,
    period: str | None,
    allow_missing: bool,
    output_format: str,
) -> None:
    """Validate DECK, lay it out in memory and report findings; nothing is written."""
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
        _fail(SlidegenError(errors))
    _report(findings)
    if exit_code:
        click.echo(f"slidegen: {len(findings)} findings (--strict)", err=True)
        sys.exit(exit_code)
    click.echo(f"{deck}: ok ({_count(slides, 'slide')}, {_count(len(findings), 'finding')})")


@main.command(name="watch")
@DECK_ARGUMENT
@OUTPUT_OPTION
@THEME_OPTION
@click.option("--no-preview", is_flag=True, help="Do not render PNG previews.")
def watch_command(deck: Path, output: Path | None, theme: str | None, no_preview: bool) -> None:
    """Rebuild DECK (and its PNG preview) on every save; Ctrl-C stops."""
    from .watch import WatchEvent, preview_available, watch

    png = not no_preview and preview_available()
    if not no_preview and not png:
        click.echo("no LibreOffice/pdftoppm: building without PNG preview", err=True)

    def report(event: WatchEvent) -> None:
        stamp = time.strftime("%H:%M:%S")
        if event.error:
            _report(event.error.problems)
            click.echo(f"[{stamp}] build failed; the last good output is kept", err=True)
            return
        assert event.result
        _report(event.result.findings)
        preview = f", preview {event.result.contact_sheet}" if event.result.contact_sheet else ""
        click.echo(
            f"[{stamp}] wrote {event.result.output} ({event.result.slides} slides, "
            f"{event.seconds:.2f} s{preview})"
        )

    click.echo(f"watching {deck.resolve().parent} (Ctrl-C to stop)")
    try:
        watch(deck, output, theme, png=png, on_build=report)
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command()
@DECK_ARGUMENT
@THEME_OPTION
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="Port on 127.0.0.1 to serve on; 0 picks a free one.",
)
def preview(deck: Path, theme: str | None, port: int) -> None:
    """Serve a live preview of DECK on 127.0.0.1: every slide as an image, errors and
    findings; it follows every save, re-rendering only the slides that changed. Ctrl-C stops."""
    from .preview.session import PreviewUpdate, run_preview

    def ready(url: str) -> None:
        click.echo(f"preview of {deck} at {url} (Ctrl-C to stop)")

    def report(update: PreviewUpdate) -> None:
        stamp = time.strftime("%H:%M:%S")
        if update.errors:
            _report(update.errors)
            click.echo(f"[{stamp}] build failed; the page keeps the last good slides", err=True)
            return
        _report(update.findings)
        rendered = _count(len(update.rendered), "slide")
        click.echo(
            f"[{stamp}] {_count(update.slides, 'slide')}, {rendered} rendered, "
            f"{update.seconds:.2f} s"
        )

    try:
        run_preview(deck, port, theme, on_ready=ready, on_update=report)
    except SlidegenError as error:
        _fail(error)
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command()
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    help="Project folder whose themes/ to list too (default: the current folder).",
)
def themes(project: Path) -> None:
    """List the themes available: the project's own (themes/, used first), then the built-in
    ones. One line each: name, where it comes from, description."""
    from .theme_index import describe_theme, theme_entries

    for entry in theme_entries(project):
        origin = "built-in" if entry.builtin else "project"
        if entry.shadows_builtin:
            origin = "project, replaces built-in"
        click.echo(f"{entry.name}\t{origin}\t{describe_theme(entry.folder)}")


@main.command()
def schema() -> None:
    """Print the deck format's JSON Schema."""
    from .schema import shipped_schema_text

    click.echo(shipped_schema_text(), nl=False)
