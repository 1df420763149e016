"""The command line in the run's language: the language is chosen before click reads the
arguments (so ``slidegen --lang it check --help`` is Italian throughout), and every help text
is shown translated.

Help texts are written in English in the source, marked with ``N_()`` for the catalogue;
click keeps them on its command and option objects, so each run sets those to the chosen
language's text, starting again from the English kept aside.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import click

from .cli_click import localized_errors
from .i18n import N_, _, choose_language, use_language

LANG_OPTION = "--lang"
CLICK_WORDS = (N_("Usage:"), N_("Options"), N_("Commands"))
"""click's own headings in a help screen, translated by :class:`LocalizedFormatter`."""
HELP_OPTION_HELP = N_("Show this message and exit.")
VERSION_OPTION_HELP = N_("Show the version and exit.")


def lang_argument(args: Sequence[str]) -> str | None:
    """The value of ``--lang`` among the top-level options (before the subcommand)."""
    for index, arg in enumerate(args):
        if arg == LANG_OPTION:
            return args[index + 1] if index + 1 < len(args) else None
        if arg.startswith(LANG_OPTION + "="):
            return arg.partition("=")[2]
        if arg == "--" or not arg.startswith("-"):
            return None
    return None


def run_language(args: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of a run with ``args``: ``--lang``, else the locale, else English."""
    return choose_language(lang_argument(args), environ)


class LocalizedFormatter(click.HelpFormatter):
    """click's help screen with its headings in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix or f"{_('Usage:')} ")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_(name)):
            yield


class LocalizedContext(click.Context):
    formatter_class = LocalizedFormatter


class LocalizedCommand(click.Command):
    """A subcommand whose help option speaks the run's language."""

    context_class = LocalizedContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _(HELP_OPTION_HELP)
        return option


class LocalizedSubgroup(click.Group):
    """A group of subcommands (``slidegen template``) whose help speaks the run's language,
    as its commands' do."""

    context_class = LocalizedContext
    command_class = LocalizedCommand

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _(HELP_OPTION_HELP)
        return option


class LocalizedGroup(LocalizedSubgroup):
    """The top-level group: chooses the language of the run, shows the help in it, and
    restores the language it found when the run ends (the library's default is English)."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with localized_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with localized_errors():
            return super().invoke(ctx)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        before = use_language(run_language(arguments))
        translate_help(self)
        try:
            return super().main(args, *rest, **kwargs)
        finally:
            use_language(before)


def translate_help(group: click.Group) -> None:
    """Set the help of ``group``, its subcommands (those of its subgroups too) and all their
    options to the language of the run."""
    _translate(group)
    for param in group.params:
        _translate(param)
    for command in group.commands.values():
        if isinstance(command, click.Group):
            translate_help(command)
            continue
        _translate(command)
        for param in command.params:
            _translate(param)


def _translate(thing: click.Command | click.Parameter) -> None:
    english = vars(thing).setdefault("english_help", getattr(thing, "help", None))
    if english:
        thing.help = _(english)  # type: ignore[union-attr]
