"""The pipeline, one call per stage: load → validate → resolve → layout → render → save.

Nothing touches the output until every stage has passed.
"""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .deck import Deck
from .errors import DeckError, Location, OutputError, Problem, SlidegenError
from .fontfacts import keep_learned
from .markup import plain_text
from .messages import say
from .model import DeckInfo
from .pipeline import findings_of, lay_out, load_deck, prepare
from .properties import set_app_properties, set_properties, sources_digest
from .render.context import RenderContext
from .render.deck import render_deck
from .render.package import drop_template_leftovers, in_scoped_pptx, list_notes_master
from .render.template import apply_language
from .save import atomic_write
from .theme_loader import LoadedTheme
from .version import VERSION

__all__ = ["BuildResult", "Compiled", "build_deck", "compile_deck", "load_deck"]

CACHE_FOLDER = ".cache"


@dataclass
class Compiled:
    """A deck compiled in memory: the file's bytes, its slide count and layout findings."""

    data: bytes
    slides: int
    info: DeckInfo
    findings: list[Problem] = field(default_factory=list)
    sources: list[Path] = field(default_factory=list)
    """Every file the deck was built from: deck, theme manifest, images."""
    timestamp_rule: dict[str, str | int] = field(default_factory=dict)
    """Where the file's dates came from (``SOURCE_DATE_EPOCH``, ``deck.date`` or default)."""
    period: str | None = None
    """The period id of a period-driven deck."""
    cache_entries: dict[Path, bytes] = field(default_factory=dict)
    """New chart images for the cache; written only by a build that succeeds."""
    sources_sha256: str = ""
    """The digest of the sources recorded in the file (:func:`sources_digest`)."""
    theme: LoadedTheme | None = None


@dataclass
class BuildResult:
    output: Path
    slides: int
    findings: list[Problem]
    pdf: Path | None = None
    pngs: list[Path] = field(default_factory=list)
    contact_sheet: Path | None = None
    handout: Path | None = None


@in_scoped_pptx
def compile_deck(
    path: Path,
    theme_name: str | None = None,
    cache_dir: Path | None = None,
    *,
    period: str | None = None,
    allow_missing: bool = False,
    language: str | None = None,
) -> Compiled:
    """Everything but writing: the .pptx bytes of the deck at ``path``.

    ``period`` picks the period file of a period-driven deck (default: the deck's
    ``data.period``, else the latest); ``allow_missing`` renders missing values visibly as
    missing instead of refusing; ``language`` overrides the deck's (numbers, text language).
    """
    prepared = prepare(
        path, theme_name, period=period, allow_missing=allow_missing, language=language
    )
    sources, project = prepared.sources, prepared.project
    deck, periods, tables = sources.deck, sources.periods, sources.tables
    loaded_theme, logo, images = sources.theme, sources.logo, sources.images
    plan = lay_out(prepared)
    ctx = render_deck(plan, logo, cache_dir, prepared.stamp, loaded_theme.base)
    findings = findings_of(plan, prepared)
    read = [path, loaded_theme.manifest, *images, *([logo] if logo else [])]
    if loaded_theme.template is not None:
        read.append(loaded_theme.template.path)
    if periods:
        read += [p.path for p in periods.history]
    read += tables
    # The YAML read already, hashed as read (not parsed a second time).
    parsed = {path.resolve(): prepared.loaded.data}
    parsed[loaded_theme.manifest.resolve()] = loaded_theme.source.data
    if periods:
        parsed |= {p.path.resolve(): p.source.data for p in periods.history}
    digest = sources_digest(read, project, parsed)
    period_id = periods.current.id if periods else plain_text(deck.deck.period or "")
    buffer = _finished_package(ctx, deck, prepared.stamp, digest, period_id, loaded_theme)
    return Compiled(
        buffer.getvalue(),
        len(ctx.prs.slides),
        deck.deck,
        findings,
        sources=[p.resolve() for p in read],
        timestamp_rule=prepared.timestamp_rule,
        period=periods.current.id if periods else None,
        cache_entries=ctx.new_cache_entries,
        sources_sha256=digest,
        theme=loaded_theme,
    )


def _finished_package(
    ctx: RenderContext,
    deck: Deck,
    stamp: datetime,
    digest: str,
    period_id: str,
    loaded_theme: LoadedTheme,
) -> io.BytesIO:
    """The rendered presentation's properties and package parts finished (the slides'
    titles and notes were counted as they were made), saved into a buffer."""
    custom = {
        "slidegen": f"slidegen {VERSION}",
        "sources_sha256": digest,
        "period": period_id,
        "theme": loaded_theme.folder.name,
    }
    prs = ctx.prs
    set_properties(prs, deck.deck, stamp, custom)
    fonts = [loaded_theme.theme.fonts.heading.name, loaded_theme.theme.fonts.body.name]
    set_app_properties(prs, fonts, ctx.slide_titles, ctx.notes_pages)
    drop_template_leftovers(prs)
    list_notes_master(prs)
    apply_language(prs, deck.deck.language)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer


def build_deck(
    path: Path,
    output: Path | None = None,
    theme_name: str | None = None,
    strict: bool = False,
    pdf: bool = False,
    png: bool = False,
    *,
    period: str | None = None,
    allow_missing: bool = False,
    language: str | None = None,
    handout: bool = False,
) -> BuildResult:
    """Compile ``path`` and write it to ``output`` atomically.

    The default output is ``output/<slug>.pptx``, ``output/<slug>-<period>.pptx`` for a
    period-driven deck. With ``strict``, findings are errors and nothing is written. ``pdf``
    adds a PDF/A-2b beside the .pptx, ``png`` one PNG per slide and a contact sheet in
    ``<stem>-png/`` (one LibreOffice start for both), ``handout`` ``<stem>-handout.pdf`` (each
    slide with its speaker notes); a failed export keeps the .pptx.
    """
    project = path.resolve().parent
    compiled = compile_deck(
        path,
        theme_name,
        cache_dir=project / "output" / CACHE_FOLDER,
        period=period,
        allow_missing=allow_missing,
        language=language,
    )
    if strict and compiled.findings:
        raise DeckError([dataclasses.replace(p, severity="error") for p in compiled.findings])
    if output is not None:
        _check_output(output, compiled.sources)
    if output is None:
        stem = slugify(plain_text(compiled.info.title))
        if compiled.period:
            stem += f"-{compiled.period}"
        output = project / "output" / f"{stem}.pptx"
    atomic_write(output, compiled.data)
    store_cache(compiled)
    keep_learned()  # the words this build measured, for the next build or check
    result = BuildResult(output, compiled.slides, compiled.findings)
    if pdf or png or handout:
        from .export import export

        try:
            exported = export(
                output,
                compiled.slides,
                pdf=output.with_suffix(".pdf") if pdf else None,
                png_dir=output.with_name(f"{output.stem}-png") if png else None,
                handout=output.with_name(f"{output.stem}-handout.pdf") if handout else None,
            )
        except SlidegenError as error:  # LibreOffice's, or a target it cannot be written to
            error.after_output = output  # type: ignore[attr-defined]  # the .pptx stays
            raise
        result.pdf, result.pngs, result.contact_sheet = (
            exported.pdf,
            exported.pngs,
            exported.contact_sheet,
        )
        result.handout = exported.handout
    return result


def _check_output(output: Path, sources: list[Path]) -> None:
    """An output is a .pptx and never one of the files it is built from."""
    where = Location(str(output))
    if output.suffix.lower() != ".pptx":
        raise OutputError(Problem(where, say("output_not_pptx")))
    if output.resolve() in {source.resolve() for source in sources}:
        raise OutputError(Problem(where, say("output_is_source")))
    from .archive.root import archive_root_of  # the archive package imports this module

    root = archive_root_of(output)
    if root is not None:
        raise OutputError(
            Problem(
                where,
                say("output_in_archive", root=root),
            )
        )


def store_cache(compiled: Compiled) -> None:
    """Keep the chart images a successful build drew; a cache that cannot be written is only
    slower next time, never an error."""
    for path, data in compiled.cache_entries.items():
        try:
            atomic_write(path, data)
        except SlidegenError:
            return


def slugify(text: str) -> str:
    """``Sei mesi fuori dal Comune`` → ``sei-mesi-fuori-dal-comune``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "deck"
