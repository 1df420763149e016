"""``slidegen themes`` and ``slidegen schema`` answered before click is imported (and help
screens: :mod:`slidegen.quick_help`).

click alone takes four times as long to import as Python takes to start, and these two
commands only read a few files. :func:`answer` takes exactly ``[--lang L] themes`` or
``[--lang L] schema`` and prints byte for byte what the click commands
(:mod:`slidegen.cli_project`) print, in the run's language. Whatever it cannot answer as they
would (another shape of the arguments, shell completion, an odd output stream, any error) it
leaves to click, having written nothing: what a run does never depends on the path it took.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys

from .i18n import LANGUAGES, N_, _, choose_language, use_language

COMMANDS = ("themes", "schema")
LANG_OPTION = "--lang"  # cli_language.LANG_OPTION, which imports click


def quick_command(args: list[str]) -> tuple[str, str | None] | None:
    """``(command, --lang value or None)`` when ``args`` are a shape answered here."""
    if not args or args[-1] not in COMMANDS:
        return None
    found = lang_option(args[:-1])
    if found is None or found[1]:
        return None
    return args[-1], found[0]


def lang_option(args: list[str]) -> tuple[str | None, list[str]] | None:
    """``(--lang value or None, the arguments after it)`` when ``args`` start with at most
    one ``--lang`` whose value click takes; None when they start with another one."""
    if args and args[0] == LANG_OPTION:
        if len(args) < 2:
            return None
        value, rest = args[1], args[2:]
    elif args and args[0].startswith(LANG_OPTION + "="):
        value, rest = args[0].partition("=")[2], args[1:]
    else:
        return None, args
    # click's Choice(LANGUAGES, case_sensitive=False) refuses anything else: a usage error.
    if value.casefold() not in {language.casefold() for language in LANGUAGES}:
        return None
    return value, rest


def answer(args: list[str]) -> bool:
    """Print what ``slidegen ARGS`` prints and return True; False (nothing written) when
    click has to answer."""
    found = quick_command(args)
    if found is None or os.name != "posix" or completing():
        return False
    command, language = found
    before = use_language(choose_language(language, os.environ))
    try:
        text = _schema_text() if command == "schema" else _themes_text()
    except Exception:  # whatever went wrong, click's command goes the same way and says so
        text = None
    finally:
        use_language(before)
    return text is not None and write_like_click(text)


def completing() -> bool:
    """Whether the shell asks for completions (click's ``_<PROG>_COMPLETE`` variable)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def _schema_text() -> str:
    from .schema import shipped_schema_text

    return shipped_schema_text()


def _themes_text() -> str | None:
    """cli_project.themes, for the default project folder (None: click has to say it)."""
    if not os.access(".", os.R_OK):
        return None  # click's Path type refuses an unreadable --project (the default: .)
    from .theme_index import describe_theme, theme_entries

    words = origin_words()
    lines = []
    for entry in theme_entries("."):
        origin = words[BUILTIN] if entry.builtin else words[PROJECT]
        if entry.shadows_builtin:
            origin = words[SHADOWS]
        lines.append(f"{entry.name}\t{origin}\t{describe_theme(entry.folder)}\n")
    return "".join(lines)


BUILTIN, PROJECT, SHADOWS = N_("built-in"), N_("project"), N_("project, replaces built-in")
"""Where a theme comes from, as ``slidegen themes`` says it (cli_project.themes)."""


def origin_words() -> dict[str, str]:
    """The three in the run's language: shipped with the themes' descriptions for each
    language slidegen has a catalogue of (no catalogue read), else from the catalogue."""
    from .i18n import current_language
    from .prerendered_themes import ORIGINS

    shipped = ORIGINS.get(current_language())
    return (
        shipped if shipped is not None else {word: _(word) for word in (BUILTIN, PROJECT, SHADOWS)}
    )


def write_like_click(text: str) -> bool:
    """Write ``text`` to stdout as ``click.echo`` would, or return False if click would
    write something else: it re-encodes a stream that claims ASCII and strips ANSI codes
    when stdout is not a terminal (a description may hold them)."""
    out = sys.stdout
    if out is None or "\x1b" in text:
        return False
    encoding = getattr(out, "encoding", None)
    errors = getattr(out, "errors", None)
    if not encoding or not errors:
        return False
    try:
        if codecs.lookup(encoding).name == "ascii":
            return False
        text.encode(encoding, errors)  # what cannot be written is click's to fail on
    except (LookupError, UnicodeError):
        return False
    try:
        out.write(text)
        out.flush()
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        # As click's main: the reader went away (slidegen schema | head): exit 1, and keep
        # Python from complaining when it flushes the streams on the way out.
        sys.stdout = _Pacified(sys.stdout)  # type: ignore[assignment]
        sys.stderr = _Pacified(sys.stderr)  # type: ignore[assignment]
        sys.exit(1)
    return True


class _Pacified:
    """A stream whose ``flush`` ignores a broken pipe (click's ``_PacifyFlushWrapper``)."""

    def __init__(self, wrapped: object) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()  # type: ignore[attr-defined]
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> object:
        return getattr(self.wrapped, name)
