"""``slidegen init``: a new project that builds at once, never written over anything.

The starter project (``starter/`` in the package) is a commented deck in the chosen language
that uses every slide kind once, its first period's figures, a picture for the image slide and
the deck format's JSON Schema for editors. With ``copy_theme`` the built-in theme is copied into
``themes/<name>/`` to be customised: the project's own theme is then the one used.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import Location, OutputError, Problem, ThemeError
from .messages import say
from .periods import default_dates, default_label
from .save import create_new
from .theme_index import MANIFEST, THEME_NAME, builtin_themes

STARTER_LANGUAGES = ("it-IT", "en-GB")
DEFAULT_THEME = "neutral"
IMAGE = "assets/piazza.png"


@dataclass(frozen=True)
class NewProject:
    """What ``init`` wrote."""

    folder: Path
    files: list[Path]
    period: str


def current_half_year(today: datetime.date) -> str:
    """``2026-H2`` for a day in July–December 2026."""
    return f"{today.year}-H{1 if today.month <= 6 else 2}"


def init_project(
    folder: Path,
    language: str = "it-IT",
    theme: str = DEFAULT_THEME,
    *,
    copy_theme: bool = False,
    period: str | None = None,
) -> NewProject:
    """Write a starter project into ``folder`` (made if missing).

    Raises :class:`OutputError`, writing nothing, when any file it would write already
    exists or ``theme`` is not a built-in theme.
    """
    if language not in STARTER_LANGUAGES:
        listed = ", ".join(STARTER_LANGUAGES)
        raise OutputError(
            Problem(Location("--language"), say("no_starter", language=language, available=listed))
        )
    theme_folder = _builtin_theme(theme)
    period = period or current_half_year(datetime.date.today())
    files = _starter_files(language, theme, period)
    if copy_theme:
        files.update(_theme_files(theme_folder, theme))
    _refuse_existing(folder, files)
    written: list[Path] = []
    try:
        for relative, data in files.items():
            target = folder / relative
            create_new(target, data)
            written.append(target)
    except BaseException:
        # A project is made whole or not at all (disk full, Ctrl-C): take back what was made.
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return NewProject(folder, written, period)


def _starter_files(language: str, theme: str, period: str) -> dict[str, bytes]:
    from .schema import shipped_schema_text

    starter = resources.files("slidegen").joinpath("starter")
    start, end = default_dates(period)
    values = {
        "theme": theme,
        "period": period,
        "label": default_label(period, language),
        "start": start.isoformat() if start else "null",
        "end": end.isoformat() if end else "null",
    }

    def filled(name: str) -> bytes:
        text = starter.joinpath(language, name).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        return text.encode("utf-8")

    return {
        "deck.yaml": filled("deck.yaml"),
        f"data/periods/{period}.yaml": filled("period.yaml"),
        IMAGE: starter.joinpath(IMAGE).read_bytes(),
        "deck.schema.json": shipped_schema_text().encode("utf-8"),
    }


def _theme_files(theme_folder: Path, theme: str) -> dict[str, bytes]:
    """The built-in theme's files, to live in the project's ``themes/<theme>/``."""
    return {
        f"themes/{theme}/{path.relative_to(theme_folder).as_posix()}": path.read_bytes()
        for path in sorted(theme_folder.rglob("*"))
        if path.is_file()
    }


def _refuse_existing(folder: Path, files: dict[str, bytes]) -> None:
    where = Location(str(folder.resolve()))
    if folder.exists() and not folder.is_dir():
        raise OutputError(Problem(where, say("init_not_a_folder")))
    clashes = [name for name in files if (folder / name).exists()]
    if clashes:
        listed = ", ".join(clashes)
        raise OutputError(
            Problem(
                where,
                say("init_would_overwrite", files=listed),
            )
        )


def _builtin_theme(name: str) -> Path:
    """A new project starts from a built-in theme: there is no project theme yet."""
    folder = builtin_themes() / name
    if not THEME_NAME.match(name) or not (folder / MANIFEST).is_file():
        names = sorted(p.name for p in builtin_themes().iterdir() if (p / MANIFEST).is_file())
        listed = ", ".join(names)
        raise ThemeError(
            Problem(Location("--theme"), say("init_unknown_theme", name=name, themes=listed))
        )
    return folder
