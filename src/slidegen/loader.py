"""Load YAML into plain Python data, remembering where every value came from.

The deck is written by people, not programs, so loading is strict where YAML is lax:

* scalars follow a small, predictable rule set: ``null``/``~``, decimal integers and
  decimals are typed; everything else stays exactly the text that was written (``NO``,
  ``TRUE``, ``0123``, ``12:30`` and ``1.10`` are never reinterpreted behind the user's back;
  a yes/no setting reads ``true``/``false`` itself).
  Numbers remember their source text, so a text field given ``1.10`` gets ``"1.10"``.
* duplicate keys are errors, not last-one-wins;
* anchors, aliases and tags are refused: they are rarely useful in a deck and are the door
  to "billion laughs" expansion and recursive structures (and an unquoted ``*bold*`` or
  ``!important`` is text, so the message says to quote it);
* syntax errors are explained where the mistake is, in plain words (:mod:`slidegen.syntax`);
* ``.nan``/``.inf``, files above :data:`MAX_FILE_BYTES` and nesting deeper than
  :data:`MAX_DEPTH` are refused with a location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DeckError, Location, Problem
from .i18n import N_
from .inputs import decode_utf8, read_input
from .messages import say, shortened
from .syntax import diagnose
from .yamltext import FAST_LOADER, LINE_BREAK, Source

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
MAX_DIGITS = 100

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[-+]?\.(inf|Inf|INF|nan|NaN|NAN)")


class SourceInt(int):
    """An integer that remembers the text it was written as."""

    source: str


class SourceFloat(float):
    """A decimal that remembers the text it was written as (``1.10`` stays ``1.10`` as text)."""

    source: str


@dataclass
class Loaded:
    """A loaded YAML document: its data and the position of every value and key."""

    data: Any
    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    """The source text, line by line."""
    comments: dict[Path_, str] = field(default_factory=dict)
    """Empty values followed by a comment on their line (``primary: #00546B``): the comment,
    from its ``#``. Most often text that YAML read as a comment."""

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """Location of the value (or its key) at ``path``; the nearest known ancestor otherwise."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe not in table and probe:
            probe = probe[:-1]
            table = self.values
        line, column = table.get(probe, (0, 0))
        return Location(self.file, line, column)


class _Refused(Exception):
    """A YAML feature slidegen files do not use, found at ``mark``."""

    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def _compose(text: str) -> yaml.Node | None:
    """Compose ``text``, refusing anchors, aliases and tags before anything can expand."""
    try:
        return _compose_with(text, FAST_LOADER)
    except yaml.MarkedYAMLError as fast_error:
        # libyaml refuses escapes YAML allows (escaped surrogates such as "\ud800", which the
        # model then reports as text it refuses): there the pure-Python parser decides,
        # unless that would be slow (big or deeply nested text: ~1 ms per nesting level).
        escape = "escape" in (fast_error.problem or "")
        too_costly = len(text) > 200_000 or "nesting depth" in str(fast_error)
        if FAST_LOADER is yaml.SafeLoader or too_costly or not escape:
            raise
        try:
            return _compose_with(text, yaml.SafeLoader)
        except (yaml.YAMLError, RecursionError, ValueError):
            raise fast_error from None


def _compose_with(text: str, loader: type) -> yaml.Node | None:
    lines = LINE_BREAK.split(text)
    for event in yaml.parse(text, Loader=loader):
        if not isinstance(event, yaml.NodeEvent):
            continue
        refused = (
            "*" if isinstance(event, yaml.AliasEvent) else "&" if event.anchor else None
        ) or ("!" if getattr(event, "tag", None) else None)
        if refused:
            mark = event.start_mark
            line = lines[mark.line] if mark.line < len(lines) else ""
            raise _Refused(
                mark, say("starts_with", char=refused, fix=_quoted_fix(line, mark.column, refused))
            )
    return yaml.compose(text, Loader=loader)


def _quoted_fix(line: str, column: int, char: str) -> str:
    """The line with its text from ``char`` (at or after ``column``) in quotes."""
    start = line.find(char, column)
    source = Source(line)
    return shortened(source.quoted_from(1, start if start >= 0 else column))


def load_yaml(path: Path, display_name: str | None = None) -> Loaded:
    """Read ``path`` and return its data with positions; raise :class:`DeckError` if unusable."""
    name = display_name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DeckError(
                Problem(
                    Location(name),
                    say("file_too_big", size=f"{size:,}", limit=f"{MAX_FILE_BYTES:,}"),
                )
            )
        if path.is_dir():
            raise IsADirectoryError(path)
    except FileNotFoundError:
        raise DeckError(Problem(Location(name), say("file_not_found"))) from None
    except IsADirectoryError:
        raise DeckError(Problem(Location(name), say("is_a_folder"))) from None
    except OSError as exc:
        unreadable = say("cannot_read_file", reason=exc.strerror)
        raise DeckError(Problem(Location(name), unreadable)) from None
    # The size above is what the file system says; the read holds to the cap whatever it
    # is, and refuses pipes and devices (a FIFO would never end).
    raw = read_input(path, Location(name), MAX_FILE_BYTES, N_("YAML file"))
    return load_yaml_text(decode_utf8(raw, name), name)


def load_yaml_text(text: str, name: str) -> Loaded:
    """Parse YAML ``text`` (named ``name`` in messages) into :class:`Loaded`."""
    try:
        node = _compose(text)
    except yaml.reader.ReaderError as exc:
        # Raised before any mark exists, with libyaml's offset in bytes: find the character.
        found = yaml.reader.Reader.NON_PRINTABLE.search(text)
        position = found.start() if found else exc.position
        before = text[:position]
        line = len(LINE_BREAK.findall(before)) + 1
        column = len(LINE_BREAK.split(before)[-1]) + 1
        character = found.group() if found else exc.character
        code = character if isinstance(character, int) else ord(character)
        message = say("control_character", code=code)
        raise DeckError(_excerpted(text, name, line, column, message)) from None
    except _Refused as exc:
        line, column = exc.mark.line + 1, exc.mark.column + 1
        raise DeckError(_excerpted(text, name, line, column, exc.message)) from None
    except yaml.MarkedYAMLError as exc:
        found = diagnose(text, exc)
        raise DeckError(_excerpted(text, name, found.line, found.column, found.message)) from None
    except yaml.YAMLError:
        raise DeckError(Problem(Location(name), say("cannot_read"))) from None
    except RecursionError:
        raise DeckError(Problem(Location(name), say("too_deep"))) from None
    loaded = Loaded(data=None, file=name, lines=LINE_BREAK.split(text))
    if node is None:
        return loaded
    problems: list[Problem] = []
    loaded.data = _convert(node, (), loaded, problems, 0)
    if problems:
        raise DeckError(problems)
    return loaded


def _excerpted(text: str, name: str, line: int, column: int, message: str) -> Problem:
    """A syntax problem, shown with its source line and a caret under the column."""
    lines = LINE_BREAK.split(text)
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    return Problem(Location(name, line, column), message, source=source)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node: yaml.Node, path: Path_, out: Loaded, problems: list[Problem], depth: int) -> Any:
    out.values[path] = _pos(node)
    if depth > MAX_DEPTH:
        problems.append(
            Problem(Location(out.file, *_pos(node)), say("nesting_too_deep", limit=MAX_DEPTH))
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(Location(out.file, *_pos(key_node)), say("key_not_text")))
                continue
            key = key_node.value
            if key in result:
                first = out.keys[(*path, key)]
                problems.append(
                    Problem(
                        Location(out.file, *_pos(key_node)),
                        say("duplicate_key", key=key, line=first[0]),
                    )
                )
                continue
            out.keys[(*path, key)] = _pos(key_node)
            result[key] = _convert(value_node, (*path, key), out, problems, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, i), out, problems, depth + 1)
            for i, item in enumerate(node.value)
        ]
    return _scalar(node, path, out, problems)


def _scalar(node: yaml.ScalarNode, path: Path_, out: Loaded, problems: list[Problem]) -> Any:
    text = node.value
    if node.style:  # quoted or block ('"', "'", '|', '>'); plain is None or '' (libyaml)
        return text  # quoted or block scalars are always text
    if text == "":
        mark = node.start_mark
        line = out.lines[mark.line] if mark.line < len(out.lines) else ""
        after = line[mark.column :].lstrip(" \t")
        if after.startswith("#"):
            out.comments[path] = after.rstrip()
        return None
    if text in ("~", "null", "Null", "NULL"):
        return None
    if _INT.fullmatch(text) and len(text) > MAX_DIGITS:
        problems.append(
            Problem(
                Location(out.file, *_pos(node)),
                say("too_many_digits", digits=f"{len(text):,}"),
            )
        )
        return None
    if _INT.fullmatch(text):
        number: SourceInt | SourceFloat = SourceInt(text)
    elif _FLOAT.fullmatch(text):
        number = SourceFloat(text)
    elif _NOT_FINITE.fullmatch(text):
        problems.append(
            Problem(
                Location(out.file, *_pos(node)),
                say("not_finite", value=text),
            )
        )
        return None
    else:
        return text
    number.source = text
    return number
