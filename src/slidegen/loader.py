"""Load YAML into plain Python data, remembering where every value came from.

The deck is written by people, not programs, so loading is strict where YAML is lax:

* scalars follow a small, predictable rule set: ``null``/``~``, decimal integers and
  decimals are typed; everything else stays exactly the text that was written (``NO``,
  ``TRUE``, ``0123``, ``12:30`` and ``1.10`` are never reinterpreted behind the user's back;
  a yes/no setting reads ``true``/``false`` itself).
  Numbers remember their source text, so a text field given ``1.10`` gets ``"1.10"``.
* duplicate keys are errors, not last-one-wins;
* anchors and aliases are refused: they are rarely useful in a deck and are the door to
  "billion laughs" expansion and recursive structures;
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

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """Location of the value (or its key) at ``path``; the nearest known ancestor otherwise."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe not in table and probe:
            probe = probe[:-1]
            table = self.values
        line, column = table.get(probe, (0, 0))
        return Location(self.file, line, column)


# libyaml's C parser when PyYAML has it (ten times faster on big decks); the pure-Python one
# otherwise, and always for error messages, which it words better.
_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    """Compose ``text``, refusing anchors and aliases before anything can expand."""
    try:
        return _compose_with(text, _FAST_LOADER)
    except yaml.YAMLError as fast_error:
        # libyaml's message is kept when re-parsing would be slow (big or deeply nested text:
        # the pure-Python parser takes ~1 ms per nesting level).
        too_costly = len(text) > 200_000 or "nesting depth" in str(fast_error)
        if _FAST_LOADER is yaml.SafeLoader or too_costly:
            raise
        try:
            return _compose_with(text, yaml.SafeLoader)  # raises again, with its wording
        except (RecursionError, ValueError):
            # Where the pure-Python parser itself breaks (extreme nesting, code points past
            # U+10FFFF), libyaml's located message is the better one.
            raise fast_error from None


def _compose_with(text: str, loader: type) -> yaml.Node | None:
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not supported in slidegen files; repeat the value",
                problem_mark=event.start_mark,
            )
        if isinstance(event, yaml.NodeEvent) and event.anchor:
            raise yaml.MarkedYAMLError(
                problem="anchors (&name) are not supported in slidegen files",
                problem_mark=event.start_mark,
            )
    return yaml.compose(text, Loader=loader)


def load_yaml(path: Path, display_name: str | None = None) -> Loaded:
    """Read ``path`` and return its data with positions; raise :class:`DeckError` if unusable."""
    name = display_name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DeckError(
                Problem(
                    Location(name),
                    f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes",
                )
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DeckError(Problem(Location(name), "file not found")) from None
    except IsADirectoryError:
        raise DeckError(Problem(Location(name), "is a directory, expected a YAML file")) from None
    except OSError as exc:
        raise DeckError(Problem(Location(name), f"cannot read: {exc.strerror}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DeckError(
            Problem(Location(name), f"not UTF-8 text (byte {exc.start}); save it as UTF-8")
        ) from None
    return load_yaml_text(text, name)


def load_yaml_text(text: str, name: str) -> Loaded:
    """Parse YAML ``text`` (named ``name`` in messages) into :class:`Loaded`."""
    try:
        node = _compose(text)
    except yaml.reader.ReaderError as exc:
        # Raised before any mark exists: locate the character from its offset.
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise DeckError(
            Problem(
                Location(name, line, column),
                f"YAML syntax: unacceptable character #x{character:04x}: {exc.reason}",
            )
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise DeckError(_syntax_problem(exc, name)) from None
    except yaml.YAMLError as exc:
        raise DeckError(Problem(Location(name), f"YAML syntax: {exc}")) from None
    except RecursionError:
        raise DeckError(Problem(Location(name), "YAML nesting is too deep")) from None
    loaded = Loaded(data=None, file=name)
    if node is None:
        return loaded
    problems: list[Problem] = []
    loaded.data = _convert(node, (), loaded, problems, 0)
    if problems:
        raise DeckError(problems)
    return loaded


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    """A located syntax message; when the trouble started earlier (an unclosed ``[`` or
    quote), the message names where."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    message = exc.problem or str(exc)
    if exc.context and exc.problem:
        message = f"{exc.context}: {exc.problem}"
        start = exc.context_mark
        if start and mark and start.line != mark.line:
            message += f" (started on line {start.line + 1}, column {start.column + 1})"
    return Problem(Location(name, line, col), f"YAML syntax: {message}")


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node: yaml.Node, path: Path_, out: Loaded, problems: list[Problem], depth: int) -> Any:
    out.values[path] = _pos(node)
    if depth > MAX_DEPTH:
        problems.append(
            Problem(Location(out.file, *_pos(node)), f"nesting deeper than {MAX_DEPTH} levels")
        )
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(Location(out.file, *_pos(key_node)), "keys must be plain text")
                )
                continue
            key = key_node.value
            if key in result:
                first = out.keys[(*path, key)]
                problems.append(
                    Problem(
                        Location(out.file, *_pos(key_node)),
                        f"duplicate key '{key}' (first defined on line {first[0]})",
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
    return _scalar(node, out, problems)


def _scalar(node: yaml.ScalarNode, out: Loaded, problems: list[Problem]) -> Any:
    text = node.value
    if node.style:  # quoted or block ('"', "'", '|', '>'); plain is None or '' (libyaml)
        return text  # quoted or block scalars are always text
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if _INT.fullmatch(text) and len(text) > MAX_DIGITS:
        problems.append(
            Problem(
                Location(out.file, *_pos(node)),
                f"a number of {len(text):,} digits; write it in quotes if it is text",
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
                f"'{text}' is not a finite number; write the value as text in quotes if meant",
            )
        )
        return None
    else:
        return text
    number.source = text
    return number
