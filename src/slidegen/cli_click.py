"""click's own words (usage errors, the hint under them) in the run's language.

click writes its messages with the standard :mod:`gettext` in the domain ``messages``, which
slidegen leaves alone (patching click, or that domain, would change every program in the
process). Instead its English templates are listed here, marked for slidegen's catalogue; an
error click raises is recognised by its template and written again from the translated one,
with the values click filled in (option names, the user's words) kept as they are.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, partial
from typing import IO, Any

import click

from .i18n import N_, NN_, _, ngettext

ERROR = N_("Error: {message}")
TRY_HELP = N_("Try '{command} {option}' for help.")
MISSING = {
    "argument": N_("Missing argument"),
    "option": N_("Missing option"),
    "parameter": N_("Missing parameter"),
}
TEMPLATES = (
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("Missing command."),
)
"""click's messages as it formats them, one sentence each."""
PLURALS = (
    NN_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    NN_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    NN_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    NN_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)
"""click's messages with a singular and a plural form (one value or several)."""
_PLACEHOLDER = re.compile(r"\{(\w+)(?:!r)?\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching ``template`` as click fills it in."""
    parts = _PLACEHOLDER.split(template)
    regex = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
        for index, part in enumerate(parts)
    )
    return re.compile(regex + r"\Z", re.DOTALL)


_SINGULAR_NAMES = {"possibilities": "possibility", "choices": "choice"}
"""A translation may name the value of a singular form as the plural does (gettext wants
the same placeholders in every form)."""


def _filled(template: str, values: dict[str, str]) -> str:
    """``template`` (translated) with the values click filled in, already quoted by it."""
    values = {"nargs": "1", **values}
    for plural, singular in _SINGULAR_NAMES.items():
        if singular in values:
            values.setdefault(plural, values[singular])
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def translated(text: str) -> str:
    """click's English ``text`` in the run's language; unchanged when no template matches
    (slidegen's own usage errors are translated where they are raised)."""
    if text in MISSING.values():
        return _(text)
    for template in TEMPLATES:
        found = _pattern(template).match(text)
        if found:
            values = {k: translated_value(k, v) for k, v in found.groupdict().items()}
            return _filled(_(template), values)
    for singular, plural in PLURALS:
        for count, template in ((2, plural), (1, singular)):
            found = _pattern(template).match(text)
            if found:
                values = {k: translated_value(k, v) for k, v in found.groupdict().items()}
                return _filled(ngettext(singular, plural, count), values)
    return text


def translated_value(key: str, value: str) -> str:
    """A value click filled into a template: its own message (``Invalid value for …:
    {message}``) is translated in turn; names and the user's words are kept."""
    return translated(value) if key == "message" else value


def message_of(error: click.ClickException) -> str:
    """The message of ``error`` in the run's language, as click would compose it."""
    if isinstance(error, click.MissingParameter):
        english = error.format_message()
        param_type = error.param_type or (error.param.param_type_name if error.param else "")
        missing = MISSING.get(param_type or "parameter")
        if missing and english.startswith(missing):
            return _(missing) + english[len(missing) :]
        return english
    if isinstance(error, click.BadParameter):
        return translated(error.format_message())
    possibilities = getattr(error, "possibilities", None)
    text = translated(error.message)
    if possibilities:
        listed = ", ".join(repr(p) for p in sorted(possibilities))
        singular, plural = PLURALS[-1]
        hint = ngettext(singular, plural, len(possibilities))
        text += " " + hint.format(possibility=listed, possibilities=listed)
    return text


def show(error: click.ClickException, file: IO[Any] | None = None) -> None:
    """What click's ``show`` writes, in the run's language."""
    file = file or sys.stderr
    ctx = getattr(error, "ctx", None)
    if isinstance(error, click.UsageError) and ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            option = max(ctx.command.get_help_option_names(ctx), key=len)
            hint = _(TRY_HELP).format(command=ctx.command_path, option=option) + "\n"
        click.echo(f"{ctx.get_usage()}\n{hint}", file=file, color=ctx.color)
    click.echo(_(ERROR).format(message=message_of(error)), file=file)


@contextmanager
def localized_errors() -> Iterator[None]:
    """click's errors raised inside are shown in the run's language (this error only:
    click's classes are not changed)."""
    try:
        yield
    except click.ClickException as error:
        if not isinstance(error, click.exceptions.NoArgsIsHelpError):
            error.show = partial(show, error)  # type: ignore[method-assign]
        raise
