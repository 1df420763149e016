"""The command line: click only, a thin layer over the library API.

Exit codes: 0 success, 1 the deck/theme/asset is wrong (messages on stderr, one per line,
``file:line:col: path: message``), 2 usage error.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from . import collector
from .cli_language import VERSION_OPTION_HELP, LocalizedGroup, run_language
from .cli_live import preview, watch_command
from .cli_options import (
    ALLOW_MISSING_OPTION,
    DECK_ARGUMENT,
    OUTPUT_OPTION,
    PERIOD_OPTION,
    THEME_OPTION,
)
from .cli_output import (
    archive_version,
    build_every_period,
    fail,
    report,
    report_build,
    say_check_summary,
)
from .cli_project import init_command, new_period, schema, themes
from .cli_template import template_group
from .errors import EXIT_DECK_ERROR, Problem, SlidegenError
from .i18n import LANGUAGES, N_, _, use_language
from .version import describe


class Stopped(BaseException):
    """SIGTERM or SIGHUP: unwind like Ctrl-C, so temporary files are removed on the way out
    (a BaseException, like KeyboardInterrupt, so that no ``except Exception`` swallows it)."""

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
    except ModuleNotFoundError as error:
        package = (error.name or "slidegen").partition(".")[0]
        if package == "slidegen":
            raise  # slidegen's own module: a bug, shown as one
        # A package slidegen depends on (imported when a command first needs it, as
        # matplotlib for target charts) is not installed: an environment made by hand.
        message = _(
            "slidegen: the Python package '{module}' it needs is not installed here; "
            "reinstall slidegen with its dependencies: pip install --force-reinstall slidegen"
        )
        click.echo(message.format(module=package), err=True)
        sys.exit(EXIT_DECK_ERROR)
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

        collector.working()
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

    collector.working()
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
    from .pipeline import check_deck

    collector.working()
    errors: list[Problem] = []
    findings: list[Problem] = []
    slides = 0
    exit_code = 0
    try:
        checked = check_deck(deck, theme, period=period, allow_missing=allow_missing)
        findings, slides = checked.findings, checked.slides
        if strict and findings:
            exit_code = EXIT_DECK_ERROR
    except SlidegenError as error:
        errors, exit_code = error.problems, error.exit_code
    if output_format == "json":
        import json  # only here: every other run starts without it

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


# The commands of other modules, in the order --help lists them.
for command in (init_command, new_period, watch_command, preview, themes, template_group, schema):
    main.add_command(command)
