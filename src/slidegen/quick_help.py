"""``slidegen --help`` and ``slidegen COMMAND --help`` answered before click is imported.

The screens are click's own: rendered by click when the package was made (``make
prerendered``, :mod:`slidegen.prerender`) and shipped, one module per language
(``slidegen.prerendered_help_en``, …); a test fails when they differ from what click prints
now. click's screen also depends on the run,
so one is printed only for a run like the one it was rendered in: the program is called
``slidegen``, the terminal is as wide for click's formatter, the click installed is the one
that rendered them and has no catalogue of its own words to speak, and no shell asks for
completions. Anything else (another shape of the arguments too) is left to click, with nothing
written: what a run prints never depends on the path it took.
"""

from __future__ import annotations

import os
import sys

from .i18n import choose_language
from .quick import completing, lang_option, write_like_click

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: help is quick
if TYPE_CHECKING:
    from types import ModuleType

HELP_OPTION = "--help"
HELP_OPTIONS = ("-h", HELP_OPTION)  # cli.main's help_option_names, which its commands inherit
MAX_WIDTH = 80  # click.formatting.HelpFormatter's max_width, left as it is by every command
FALLBACK_COLUMNS = 80  # shutil.get_terminal_size's fallback, when stdout is not a terminal


def help_request(args: list[str]) -> tuple[str, str | None] | None:
    """``(command, --lang value or None)`` when ``args`` are ``[--lang L] [COMMAND …] --help``
    (or ``-h``); ``command`` is the path below ``slidegen`` (``""``, ``"template inspect"``)."""
    if not args or args[-1] not in HELP_OPTIONS:
        return None
    found = lang_option(args[:-1])
    if found is None:
        return None
    language, words = found
    if any(word.startswith("-") for word in words):
        return None
    return " ".join(words), language


def answer(args: list[str]) -> bool:
    """Print the help screen ``slidegen ARGS`` asks for and return True; False (nothing
    written) when click has to answer."""
    found = help_request(args)
    if found is None or os.name != "posix" or completing():
        return False
    command, option = found
    rendered = shipped_module(choose_language(option, os.environ))
    if rendered is None:
        return False
    if not _rendered_for_this_run(rendered.PROGRAM, rendered.WIDTH, rendered.CLICK_VERSION):
        return False
    text = rendered.SCREENS.get(command)
    return text is not None and write_like_click(text)


def shipped_module(language: str) -> ModuleType | None:
    """The module of the help screens shipped for ``language`` (one per language: a run
    reads only its own), or None."""
    try:
        return __import__(f"{__package__}.prerendered_help_{language}", fromlist=["SCREENS"])
    except ImportError:
        return None


def shipped_screens(language: str) -> dict[str, str]:
    """The help screens shipped for ``language``, by command."""
    module = shipped_module(language)
    return dict(module.SCREENS) if module else {}


def _rendered_for_this_run(program: str, width: int, click_version: str) -> bool:
    """Whether click would render the screens of this run as they were rendered."""
    return (
        program_name() == program
        and formatter_width(terminal_columns()) == width
        and installed_click_is(click_version)
        and not click_translations()
    )


def program_name() -> str | None:
    """The name click shows for the program (``ctx.info_name``, from ``sys.argv[0]``) when
    it is the script's file name; None for ``python -m slidegen`` (click says that)."""
    main = sys.modules.get("__main__")
    if getattr(main, "__package__", None) not in (None, ""):
        return None
    return os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else None


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, as click's formatter asks for it (shutil takes
    ~2 ms to import): ``COLUMNS``, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or FALLBACK_COLUMNS
    except (AttributeError, ValueError, OSError):
        return FALLBACK_COLUMNS


def formatter_width(columns: int) -> int:
    """The width click's ``HelpFormatter`` wraps to on a terminal of ``columns``."""
    return max(min(columns, MAX_WIDTH) - 2, 50)


def installed_click_is(version: str) -> bool:
    """Whether ``import click`` would load click ``version``: the first folder on the path
    holding click also holds its ``click-VERSION.dist-info`` (importing it to ask takes
    longer than the whole answer)."""
    for entry in sys.path:
        folder = entry or os.curdir
        if os.path.isdir(os.path.join(folder, "click")) or os.path.isfile(
            os.path.join(folder, "click.py")
        ):
            return os.path.isdir(os.path.join(folder, f"click-{version}.dist-info"))
    return False


def click_translations() -> bool:
    """Whether gettext could translate click's own words (``Usage:``, ``Options``): click asks
    the default domain (``messages``) in the default folder; a catalogue for it anywhere
    there could change a screen."""
    folder = os.path.join(sys.base_prefix, "share", "locale")  # gettext's default folder
    try:
        languages = os.listdir(folder)
    except OSError:
        return False
    return any(
        os.path.exists(os.path.join(folder, language, "LC_MESSAGES", "messages.mo"))
        for language in languages
    )
