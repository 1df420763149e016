"""What the command line says about a run: the problems, one per line, and the summary line
under them, in the run's language."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import collector
from .errors import EXIT_DECK_ERROR, Problem, SlidegenError
from .i18n import _, ngettext

if TYPE_CHECKING:
    from .build import BuildResult


if TYPE_CHECKING:
    from .batch import BatchOptions


def report(problems: list[Problem]) -> None:
    """Each problem on stderr: its located message, and the source line when known."""
    for problem in problems:
        click.echo(str(problem), err=True)


def fail(error: SlidegenError) -> None:
    """Report ``error``'s problems and the summary line, then exit with its code."""
    report(error.problems)
    count = len(error.problems)
    written = getattr(error, "after_output", None)
    if written:
        summary = ngettext(
            "slidegen: {count} error; {output} was written, the export was not",
            "slidegen: {count} errors; {output} was written, the export was not",
            count,
        )
    else:
        summary = ngettext(
            "slidegen: {count} error; nothing written",
            "slidegen: {count} errors; nothing written",
            count,
        )
    click.echo(summary.format(count=count, output=written), err=True)
    sys.exit(error.exit_code)


def report_build(result: BuildResult) -> None:
    """The findings of a build and the files it wrote."""
    report(result.findings)
    wrote = ngettext("wrote {path} ({count} slide)", "wrote {path} ({count} slides)", result.slides)
    click.echo(wrote.format(path=result.output, count=result.slides))
    for extra in (result.pdf, result.handout):
        if extra:
            click.echo(_("wrote {path}").format(path=extra))
    if result.pngs:
        pngs = ngettext(
            "wrote {count} PNG and {sheet}", "wrote {count} PNGs and {sheet}", len(result.pngs)
        )
        click.echo(pngs.format(count=len(result.pngs), sheet=result.contact_sheet))


def say_check_summary(deck: Path, slides: int, findings: list[Problem], exit_code: int) -> None:
    """The last line of ``slidegen check`` without errors; exits with ``exit_code`` if set."""
    if exit_code:
        strict_summary = ngettext(
            "slidegen: {count} finding (--strict)",
            "slidegen: {count} findings (--strict)",
            len(findings),
        )
        click.echo(strict_summary.format(count=len(findings)), err=True)
        sys.exit(exit_code)
    slide_count = ngettext("{count} slide", "{count} slides", slides).format(count=slides)
    finding_count = ngettext("{count} finding", "{count} findings", len(findings))
    ok = _("{deck}: ok ({slides}, {findings})")
    click.echo(
        ok.format(deck=deck, slides=slide_count, findings=finding_count.format(count=len(findings)))
    )


def build_every_period(deck: Path, options: BatchOptions) -> None:
    from .batch import build_all_periods

    collector.working()

    outcomes = build_all_periods(deck, options)
    for outcome in outcomes:
        status = _("ok") if outcome.ok else _("FAILED")
        count = len(outcome.problems)
        errors = ngettext("{count} error", "{count} errors", count).format(count=count)
        where = outcome.output if outcome.ok else errors
        click.echo(f"{status:<6} {outcome.period:<12} {outcome.seconds:6.2f} s  {where}")
        for line in outcome.problems:
            click.echo(f"    {line}", err=True)
    failed = [o.period for o in outcomes if not o.ok]
    if failed:
        summary = ngettext(  # the plural agrees with the total in English
            "slidegen: {count} of {total} period failed: {periods}",
            "slidegen: {count} of {total} periods failed: {periods}",
            len(outcomes),
        )
        listed = ", ".join(failed)
        click.echo(summary.format(count=len(failed), total=len(outcomes), periods=listed), err=True)
        sys.exit(EXIT_DECK_ERROR)


def archive_version(
    deck: Path,
    theme: str | None,
    strict: bool,
    period: str | None,
    allow_missing: bool,
    archive_dir: Path | None,
) -> None:
    from .archive import archive_deck

    collector.working()

    result = archive_deck(
        deck,
        theme,
        strict=strict,
        period=period,
        allow_missing=allow_missing,
        archive_dir=archive_dir,
    )
    report(result.findings)
    if not result.written:
        unchanged = _("unchanged: identical to version {version} ({folder}); nothing written")
        click.echo(unchanged.format(version=result.version, folder=result.folder))
        return
    for path in result.written:
        click.echo(_("wrote {path}").format(path=path))
    click.echo(_("archived version {version}").format(version=result.version))
