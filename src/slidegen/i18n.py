"""The language of slidegen's own words: messages, summaries and the command line's help.

The English text in the source is the message id of a standard gettext catalogue
(``locale/<language>/LC_MESSAGES/slidegen.mo``, made from the ``.po`` with Babel's tools:
``make messages``); another language is one more ``.po`` file. At run time the catalogue is
read with the standard library's :mod:`gettext`, so choosing a language costs no import.

The language is chosen once per run (:func:`choose_language`): ``--lang``, else the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. Until the command line chooses, the
library speaks English.
"""

from __future__ import annotations

import os
from functools import cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms)
if TYPE_CHECKING:
    import gettext as _gettext
    from collections.abc import Mapping

# Only os at import, and gettext when a language other than English first speaks: the quick
# commands (slidegen.quick) choose their language before anything else is imported.
DOMAIN = "slidegen"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")
ENGLISH = "en"


def _languages() -> tuple[str, ...]:
    try:
        names = os.listdir(LOCALE_DIR)
    except OSError:
        names = []
    found = sorted(
        name
        for name in names
        if os.path.exists(os.path.join(LOCALE_DIR, name, "LC_MESSAGES", f"{DOMAIN}.mo"))
    )
    return (ENGLISH, *found)


LANGUAGES = _languages()
"""The languages slidegen speaks: English (the source text) and each one with a compiled
catalogue, so a new language needs no change to the code."""
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Looked at in POSIX order: the first one set decides."""


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (it is translated
    where it is shown, in the language of that run)."""
    return message


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a singular and a plural form for the catalogue."""
    return singular, plural


@cache
def _catalogue(language: str) -> _gettext.NullTranslations:
    import gettext

    if language == ENGLISH:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


_current = ENGLISH


def current_language() -> str:
    """The language messages are being written in (``en``, ``it``)."""
    return _current


def use_language(language: str) -> str:
    """Write messages in ``language`` from now on; returns the one used before."""
    global _current
    before = _current
    _current = language if language in LANGUAGES else ENGLISH
    return before


def language_of_locale(locale: str) -> str | None:
    """``it_IT.UTF-8`` → ``it``; ``C``, ``POSIX`` or a language slidegen does not speak → None
    (the caller falls back to English)."""
    language = locale.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return language if language in LANGUAGES else None


def choose_language(option: str | None, environ: Mapping[str, str]) -> str:
    """The language of a run: ``--lang``, else the first locale variable set, else English."""
    if option:
        return language_of_locale(option) or ENGLISH
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return language_of_locale(value) or ENGLISH
    return ENGLISH


def _(message: str) -> str:
    """``message`` (its English text) in the current language."""
    if _current == ENGLISH:
        return message  # what an empty catalogue gives, without reading one
    return _catalogue(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` things, in the current language."""
    if _current == ENGLISH:
        return singular if count == 1 else plural  # as an empty catalogue chooses
    return _catalogue(_current).ngettext(singular, plural, count)
