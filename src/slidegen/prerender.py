"""``make prerendered``: what the quick commands print, rendered ahead by the real thing.

:mod:`slidegen.quick_help` prints click's help screens before click is imported, and
:func:`slidegen.theme_index.describe_theme` describes a built-in theme without PyYAML. Both
read modules this one writes, from click itself (each screen is what a ``slidegen`` process
prints, run for it in a child) and from PyYAML reading each built-in manifest:

- ``slidegen.prerendered_help_<language>``: every command's help screen, a module per
  language;
- :mod:`slidegen.prerendered_themes`: each built-in manifest's bytes and its description,
  and the words ``slidegen themes`` says where a theme comes from with, in each language
  with a catalogue (so that no catalogue is read).

Run after a change to the command line, its help texts or their translations, or a built-in
theme's manifest; a test fails until the modules are regenerated.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .i18n import ENGLISH, LANGUAGES, LOCALE_VARIABLES, _, use_language
from .quick import BUILTIN, PROJECT, SHADOWS
from .quick_help import HELP_OPTION, formatter_width
from .theme_index import BUILTIN_THEMES, MANIFEST, THEME_NAME, describe_manifest

HERE = Path(__file__).parent
THEMES_MODULE = HERE / "prerendered_themes.py"
PROGRAM = "slidegen"
COLUMNS = 80
"""The terminal the screens are rendered for: click wraps them the same on any wider one."""
CLICK_RUN = f"import sys\nsys.argv[0] = {PROGRAM!r}\nfrom slidegen.cli import run\nrun()\n"
"""A ``slidegen`` process's click command line (the name it shows is ``sys.argv[0]``'s)."""
GENERATED = "Written by ``make prerendered`` (python -m slidegen.prerender); do not edit."


def help_commands() -> list[str]:
    """Every command's path below ``slidegen`` (``""`` for itself, ``"template inspect"``),
    in the order click lists them."""
    import click

    from .cli import main

    def walk(command: click.Command, path: list[str]) -> list[str]:
        found = [" ".join(path)]
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                found += walk(command.commands[name], [*path, name])
        return found

    return walk(main, [])


def click_help(language: str, command: str) -> str:
    """What ``slidegen --lang LANGUAGE COMMAND --help`` prints, on a terminal of
    :data:`COLUMNS` columns, from click (in a child process: exactly a run's output)."""
    kept = {"COLUMNS", "LINES", "LANGUAGE", *LOCALE_VARIABLES}
    env = {k: v for k, v in os.environ.items() if k not in kept and not k.endswith("_COMPLETE")}
    env.update(COLUMNS=str(COLUMNS), PYTHONIOENCODING="utf-8")
    args = ["--lang", language, *command.split(), HELP_OPTION]
    done = subprocess.run(
        [sys.executable, "-c", CLICK_RUN, *args], env=env, capture_output=True, check=False
    )
    if done.returncode != 0 or done.stderr:
        raise RuntimeError(f"slidegen {' '.join(args)}: {done.stderr.decode(errors='replace')}")
    return done.stdout.decode("utf-8")


def help_screens() -> dict[str, dict[str, str]]:
    """Every command's help screen, by language and command path."""
    commands = help_commands()
    return {language: {c: click_help(language, c) for c in commands} for language in LANGUAGES}


def click_version() -> str:
    from importlib.metadata import version

    return version("click")


def builtin_manifests() -> dict[str, bytes]:
    """Each built-in theme's manifest, by theme name (the themes ``slidegen themes`` lists)."""
    manifests = {}
    for name in sorted(os.listdir(BUILTIN_THEMES)):
        path = os.path.join(BUILTIN_THEMES, name, MANIFEST)
        if THEME_NAME.match(name) and os.path.isfile(path):
            manifests[name] = Path(path).read_bytes()
    return manifests


def help_module(language: str, screens: dict[str, str], click: str) -> str:
    """The text of ``slidegen.prerendered_help_<language>``: that language's screens, and
    what they were rendered for (a run reads its language's module only)."""
    lines = [
        f'"""click\'s help screens for slidegen in {language!r}, each as click printed it, by',
        'command (``""`` for slidegen itself): what slidegen.quick_help prints before click is',
        f'imported. {GENERATED}"""',
        "",
        f"CLICK_VERSION = {click!r}",
        '"""The click that rendered them (the version of its distribution)."""',
        f"PROGRAM = {PROGRAM!r}",
        '"""The program name they show (click\'s ``info_name``)."""',
        f"WIDTH = {formatter_width(COLUMNS)}",
        f'"""The width click wrapped them to (a terminal of {COLUMNS} columns or more)."""',
        "SCREENS = {",
    ]
    lines += [f"    {c!r}: {_text_literal(text)}," for c, text in screens.items()]
    return "\n".join([*lines, "}", ""])


def screens_path(language: str) -> Path:
    return HERE / f"prerendered_help_{language}.py"


def themes_module(manifests: dict[str, bytes]) -> str:
    """The text of :mod:`slidegen.prerendered_themes`."""
    lines = [
        '"""The built-in themes\' descriptions (what ``slidegen themes`` shows), each under the',
        "exact bytes of the manifest PyYAML read it from: slidegen.theme_index describes a",
        "manifest found here without reading it, any other with PyYAML.",
        f'{GENERATED}"""',
        "",
        "DESCRIPTIONS = {",
    ]
    for name, manifest in manifests.items():
        chunks = manifest.splitlines(keepends=True) or [b""]
        lines += [f"    # {name}/{MANIFEST}", "    ("]
        lines += [f"        {chunk!r}" for chunk in chunks]
        lines.append(f"    ): {describe_manifest(manifest)!r},")
    lines += [
        "}",
        "ORIGINS = {",
        "    # where a theme comes from, in each language with a catalogue (English: as written)",
    ]
    for language in LANGUAGES:
        if language != ENGLISH:
            lines.append(f"    {language!r}: {_origin_words_in(language)!r},")
    return "\n".join([*lines, "}", ""])


def _origin_words_in(language: str) -> dict[str, str]:
    before = use_language(language)
    try:
        return {word: _(word) for word in (BUILTIN, PROJECT, SHADOWS)}
    finally:
        use_language(before)


def _text_literal(text: str) -> str:
    """``text`` as a Python literal that reads as the text, where it can."""
    plain = all(c == "\n" or c.isprintable() for c in text) and "\\" not in text
    if plain and '"""' not in text and not text.endswith('"'):
        return f'"""\\\n{text}"""'
    return repr(text)


def main() -> None:
    written = {}
    for language, screens in help_screens().items():
        written[screens_path(language)] = help_module(language, screens, click_version())
    written[THEMES_MODULE] = themes_module(builtin_manifests())
    for path, text in written.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
